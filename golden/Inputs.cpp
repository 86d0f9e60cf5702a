//===- Inputs.cpp - Deterministic inputs and .npy tensor files ------------===//

#include "golden/Inputs.h"

#include "support/Bf16.h"
#include "support/Rng.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

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

llvm::Expected<TensorMap> golden::makeInputs(tl::ProgramOp program,
                                             uint64_t seed) {
  TensorMap out;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Input)
      continue;
    RankedTensorType type = declType(decl);
    if (type.getRank() != 2)
      return makeError("input tensor @" + decl.getSymName() + " is not 2-D");
    Type elt = type.getElementType();
    HostTensor t = HostTensor::zeros(type.getDimSize(0), type.getDimSize(1));
    Rng rng(inputStreamSeed(seed, decl.getSymName()));
    for (int64_t r = 0; r < t.rows; ++r) {
      if (decl.getColvec()) {
        double v = roundToElementType(rng.uniform(-1.0, 1.0), elt);
        for (int64_t c = 0; c < t.cols; ++c)
          t.at(r, c) = v;
        continue;
      }
      for (int64_t c = 0; c < t.cols; ++c)
        t.at(r, c) = roundToElementType(rng.uniform(-1.0, 1.0), elt);
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
    for (double &v : t->data)
      v = roundToElementType(v, type.getElementType());
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
