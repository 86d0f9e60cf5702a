//===- Inputs.cpp - Deterministic inputs and .npy tensor files ------------===//

#include "golden/Inputs.h"

#include "golden/Attention.h"
#include "golden/Interpreter.h"

#include "support/Bf16.h"
#include "support/Limits.h"
#include "support/Rng.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

#include <cmath>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::golden;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg.str());
}

uint64_t golden::fnv1a64(llvm::StringRef bytes) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t golden::inputStreamSeed(uint64_t seed, llvm::StringRef name) {
  uint64_t counter = seed;
  return splitMix64(counter) ^ fnv1a64(name);
}

double golden::roundToElementType(double value, Type elementType) {
  if (elementType.isBF16())
    return roundToBf16(static_cast<float>(value));
  if (elementType.isF32())
    return static_cast<float>(value);
  return value;
}

static RankedTensorType declType(tl::TensorDeclOp decl) {
  return cast<RankedTensorType>(decl.getType());
}

/// The tensor's element count is within limits::kMaxTensorElements, checked
/// before allocating it (the verifier checks it too; this runs on unverified
/// programs as well).
static llvm::Error checkSize(tl::TensorDeclOp decl) {
  RankedTensorType type = declType(decl);
  if (type.getRank() == 2 &&
      limits::productWithin(type.getDimSize(0), type.getDimSize(1),
                            limits::kMaxTensorElements))
    return llvm::Error::success();
  return makeError(llvm::formatv("{0}: input tensor @{1} {2} is not 2-D or "
                                 "has more than the limit of {3} elements",
                                 locString(decl.getLoc()), decl.getSymName(),
                                 type, limits::kMaxTensorElements)
                       .str());
}

const char *golden::inputKindName(InputKind kind) {
  switch (kind) {
  case InputKind::Uniform:
    return "uniform";
  case InputKind::NegativeScores:
    return "negative-scores";
  case InputKind::Peaked:
    return "peaked";
  case InputKind::LateMax:
    return "late-max";
  case InputKind::LargeValues:
    return "large-values";
  case InputKind::ZeroRow:
    return "zero-row";
  }
  return "uniform";
}

llvm::ArrayRef<InputKind> golden::allInputKinds() {
  static const InputKind kinds[] = {
      InputKind::Uniform, InputKind::NegativeScores, InputKind::Peaked,
      InputKind::LateMax, InputKind::LargeValues,    InputKind::ZeroRow};
  return kinds;
}

std::optional<InputKind> golden::parseInputKind(llvm::StringRef name) {
  for (InputKind k : allInputKinds())
    if (name == inputKindName(k))
      return k;
  return std::nullopt;
}

namespace {

/// How one input tensor's draws are shaped by the kind (Inputs.h).
struct Shaping {
  enum Role { Other, Q, K } role = Other;
  double c = 1.0;            ///< the kind's magnitude constant
  int64_t lastBlockRows = 0; ///< late-max: rows of K's last stream block
};

/// The rows of K's stream blocks in the kernel that streams `k` (32 when K
/// is not streamed).
int64_t streamBlockRows(tl::ProgramOp program, llvm::StringRef k) {
  for (auto kernel : program.getBody().getOps<tl::KernelOp>())
    for (auto [ref, arg] :
         llvm::zip(kernel.getIns(), kernel.getBody().front().getArguments()))
      if (cast<FlatSymbolRefAttr>(ref).getValue() == k)
        if (auto s = dyn_cast<tl::StreamType>(arg.getType()))
          return s.getBlockType().getDimSize(0);
  return tl::kTileDim;
}

double shaped(InputKind kind, const Shaping &s, double u, int64_t row,
              int64_t rows) {
  switch (kind) {
  case InputKind::Uniform:
    return u;
  case InputKind::NegativeScores:
    if (s.role == Shaping::Q)
      return s.c * (1.1 + 0.1 * u);
    if (s.role == Shaping::K)
      return -s.c * (1.1 + 0.1 * u);
    return u;
  case InputKind::Peaked:
    return s.role == Shaping::Other ? u : s.c * u;
  case InputKind::LateMax:
    if (s.role == Shaping::Q)
      return std::fabs(u) / 2;
    if (s.role == Shaping::K && row >= rows - s.lastBlockRows)
      return 3.0 * (1.25 + 0.25 * u);
    return u;
  case InputKind::LargeValues:
    return 64.0 * u;
  case InputKind::ZeroRow:
    return row % tl::kTileDim == 0 ? 0.0 : u;
  }
  return u;
}

} // namespace

llvm::Expected<TensorMap> golden::makeInputs(tl::ProgramOp program,
                                             uint64_t seed, InputKind kind) {
  bool needsAttention = kind == InputKind::NegativeScores ||
                        kind == InputKind::Peaked || kind == InputKind::LateMax;
  std::optional<AttentionBinding> binding = detectAttention(program);
  if (needsAttention && !binding)
    return makeError(llvm::formatv("input kind '{0}' shapes attention scores "
                                   "and needs a program with a tl.attention "
                                   "binding; @{1} has none",
                                   inputKindName(kind), program.getSymName())
                         .str());
  TensorMap out;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Input)
      continue;
    if (llvm::Error e = checkSize(decl))
      return e;
    RankedTensorType type = declType(decl);
    if (type.getRank() != 2)
      return makeError("input tensor @" + decl.getSymName() + " is not 2-D");
    Type elt = type.getElementType();
    Shaping s;
    if (binding) {
      double d = static_cast<double>(type.getDimSize(1));
      if (decl.getSymName() == binding->q)
        s.role = Shaping::Q;
      else if (decl.getSymName() == binding->k)
        s.role = Shaping::K;
      if (kind == InputKind::NegativeScores)
        s.c = std::sqrt(130.0 / (1.21 * d * binding->scale));
      else if (kind == InputKind::Peaked)
        s.c = std::sqrt(80.0 / (std::sqrt(d) * binding->scale));
      if (s.role == Shaping::K)
        s.lastBlockRows = streamBlockRows(program, binding->k);
    }
    HostTensor t = HostTensor::zeros(type.getDimSize(0), type.getDimSize(1));
    Rng rng(inputStreamSeed(seed, decl.getSymName()));
    for (int64_t r = 0; r < t.rows; ++r) {
      if (decl.getColvec()) {
        double v = roundToElementType(
            shaped(kind, s, rng.uniform(-1.0, 1.0), r, t.rows), elt);
        for (int64_t c = 0; c < t.cols; ++c)
          t.at(r, c) = v;
        continue;
      }
      for (int64_t c = 0; c < t.cols; ++c)
        t.at(r, c) = roundToElementType(
            shaped(kind, s, rng.uniform(-1.0, 1.0), r, t.rows), elt);
    }
    out.emplace(decl.getSymName().str(), std::move(t));
  }
  return out;
}

llvm::Expected<TensorMap> golden::loadInputs(tl::ProgramOp program,
                                             llvm::StringRef dir) {
  TensorMap out;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Input)
      continue;
    if (llvm::Error e = checkSize(decl))
      return e;
    RankedTensorType type = declType(decl);
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, decl.getSymName() + ".npy");
    std::string expected =
        llvm::formatv("({0}, {1})", type.getDimSize(0), type.getDimSize(1))
            .str();
    llvm::Expected<NpyArray> array = readNpy(path);
    if (!array)
      return makeError(llvm::formatv("input tensor @{0} (expected shape {1}): "
                                     "{2}",
                                     decl.getSymName(), expected,
                                     llvm::toString(array.takeError()))
                           .str());
    bool shapeOk = array->shape.size() == 2 &&
                   array->shape[0] == type.getDimSize(0) &&
                   array->shape[1] == type.getDimSize(1);
    if (!shapeOk) {
      std::string got = "(";
      for (size_t i = 0; i < array->shape.size(); ++i)
        got += (i ? ", " : "") + std::to_string(array->shape[i]);
      got += array->shape.size() == 1 ? ",)" : ")";
      return makeError(
          llvm::formatv("{0}: input tensor @{1} must have shape {2}, got {3}",
                        path, decl.getSymName(), expected, got)
              .str());
    }
    llvm::Expected<HostTensor> t = fromNpy(*array, path);
    if (!t)
      return t.takeError();
    for (auto [i, v] : llvm::enumerate(t->data)) {
      if (std::isnan(v))
        return makeError(llvm::formatv("{0}: input tensor @{1} holds NaN at "
                                       "({2}, {3}); inputs must be numbers",
                                       path, decl.getSymName(), i / t->cols,
                                       i % t->cols)
                             .str());
      v = roundToElementType(v, type.getElementType());
    }
    out.emplace(decl.getSymName().str(), std::move(*t));
  }
  return out;
}

llvm::Error golden::writeTensors(llvm::StringRef dir, const TensorMap &tensors,
                                 NpyDType dtype) {
  if (std::error_code ec = llvm::sys::fs::create_directories(dir))
    return makeError(
        llvm::formatv("{0}: cannot create directory: {1}", dir, ec.message())
            .str());
  for (const auto &[name, tensor] : tensors) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, name + ".npy");
    if (!tensor.isConsistent())
      return makeError(llvm::formatv("{0}: tensor {1} holds {2} elements for "
                                     "shape {3}",
                                     path, name, tensor.data.size(),
                                     tensor.shapeString())
                           .str());
    if (llvm::Error e = writeNpy(path, toNpy(tensor), dtype))
      return e;
  }
  return llvm::Error::success();
}
