//===- Interpreter.cpp - Double-precision golden of tl programs -----------===//
//
// Walks tl IR directly: no lowering, no code shared with the compiler or the
// simulator. Every value is a double; nothing is rounded unless a Rounding is
// given (the faithful reference), and then only where the target rounds.
//
//===----------------------------------------------------------------------===//

#include "golden/Interpreter.h"
#include "golden/RowKernels.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Location.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <set>
#include <variant>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::golden;

/// "file:line:col" for file locations (looked up through name, call-site
/// and fused locations), otherwise the printed location.
std::string golden::locString(Location loc) {
  if (auto flc = loc->findInstanceOf<FileLineColLoc>())
    return llvm::formatv("{0}:{1}:{2}", flc.getFilename().getValue(),
                         flc.getLine(), flc.getColumn())
        .str();
  std::string s;
  llvm::raw_string_ostream os(s);
  loc.print(os);
  return s;
}

namespace {

/// A streamed operand: the whole global tensor, read block by block.
struct StreamRef {
  const HostTensor *tensor;
  std::string name;
  int64_t blockRows;
  int64_t numBlocks;
};

/// A runtime value: a block, an integer or index (sign-extended to 64 bits),
/// a float scalar, or a stream.
using RtValue = std::variant<HostTensor, int64_t, double, StreamRef>;

/// No loop may run more iterations than this (a guard against runaway
/// bounds; real programs loop over at most a few thousand KV blocks).
constexpr int64_t kMaxLoopIterations = int64_t(1) << 24;

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg.str());
}

/// "<loc>: '<op name>' <msg>".
llvm::Error opError(Operation *op, const llvm::Twine &msg) {
  return makeError(locString(op->getLoc()) + ": '" +
                   op->getName().getStringRef() + "' " + msg);
}

/// Sign-extends the low `width` bits of `v` (width 0 means index: 64 bits).
int64_t wrapToWidth(uint64_t v, unsigned width) {
  if (width == 0 || width >= 64)
    return static_cast<int64_t>(v);
  uint64_t mask = (uint64_t(1) << width) - 1;
  v &= mask;
  if (v & (uint64_t(1) << (width - 1)))
    v |= ~mask;
  return static_cast<int64_t>(v);
}

/// The integer width of `type`: 0 for index (64 bits).
unsigned intWidth(Type type) {
  if (auto it = dyn_cast<IntegerType>(type))
    return it.getWidth();
  return 0;
}

/// max that propagates NaN (the golden must not hide a NaN).
double maxProp(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::numeric_limits<double>::quiet_NaN();
  return a < b ? b : a;
}

/// The SFPU's approximate exp as the fast recipe specifies it: e^x =
/// 2^(x log2 e) = 2^n 2^f with n = floor(x log2 e), and 2^f on [0, 1)
/// replaced by the quadratic through (0, 1), (1/2, sqrt 2) and (1, 2):
/// 1 + f (a + b f) with a = 4 sqrt 2 - 5, b = 6 - 4 sqrt 2. Below 2^-126
/// it flushes to zero, from 2^128 up it is infinite. `T` is the arithmetic
/// it is evaluated in: double (canonical) or float (alternate).
template <typename T> double sfpuApproxExp(double x) {
  if (std::isnan(x))
    return x;
  const T a = T(4) * std::sqrt(T(2)) - T(5), b = T(6) - T(4) * std::sqrt(T(2));
  T y = static_cast<T>(x) * static_cast<T>(1.4426950408889634);
  if (y >= T(128))
    return std::numeric_limits<double>::infinity();
  if (y < T(-126))
    return 0.0;
  T n = std::floor(y), f = y - n;
  return std::ldexp(static_cast<double>(T(1) + f * (a + b * f)),
                    static_cast<int>(n));
}
double approximateExp(double x) { return sfpuApproxExp<double>(x); }
double approximateExpFloat(double x) { return sfpuApproxExp<float>(x); }

/// `x` rounded to float (nearest even) and then to `format`: bf16 with ties
/// to even, or away from zero when `away`. Written here, not taken from
/// support/ or sim/, so the faithful reference shares no rounding code with
/// the simulator.
double roundFormat(double x, DataFormat format, bool away) {
  float y = static_cast<float>(x);
  if (format == DataFormat::F32 || !std::isfinite(y))
    return y;
  uint32_t u;
  std::memcpy(&u, &y, sizeof(u));
  // Sign-magnitude: adding to the pattern rounds the magnitude.
  u += away ? 0x8000u : 0x7fffu + ((u >> 16) & 1u);
  u &= 0xffff0000u;
  std::memcpy(&y, &u, sizeof(y));
  return y;
}

/// Evaluates the ops of one kernel invocation (one work item).
class Evaluator {
public:
  explicit Evaluator(const Rounding *rounding) : rounding(rounding) {}
  void set(Value v, RtValue r) { values[v] = std::move(r); }

  /// Runs the ops of `block` and returns the operands of its terminator.
  llvm::Error runBlock(Block &block, SmallVectorImpl<RtValue> &yielded);

private:
  llvm::Error exec(Operation &op);
  llvm::Expected<const RtValue *> lookup(Operation *op, Value v);
  llvm::Expected<const HostTensor *> tensor(Operation *op, Value v);
  llvm::Expected<int64_t> integer(Operation *op, Value v);
  llvm::Error setTensor(Operation *op, Value result, HostTensor t);

  llvm::Error execConstant(arith::ConstantOp op);
  llvm::Error execIntBinary(Operation *op, uint64_t (*f)(uint64_t, uint64_t));
  llvm::Error execFor(scf::ForOp op);
  llvm::Error execRead(tl::ReadOp op);
  // Templates on the element function, so each op's loop inlines it.
  template <typename F>
  llvm::Error execBinary(Operation *op, std::optional<tl::Bcast> bcast, F f);
  template <typename F> llvm::Error execUnary(Operation *op, F f, double arg);
  llvm::Error execRowReduce(Operation *op, bool isMax);
  llvm::Error execMatmul(tl::MatmulOp op);

  /// Where a value of `type` lives under the rounding (f32 under accurate).
  DataFormat formatOf(Type type) const;
  double round(double x, DataFormat f) const {
    return roundFormat(x, f, rounding->alternate);
  }

  const Rounding *rounding;
  llvm::DenseMap<Value, RtValue> values;
};

} // namespace

DataFormat Evaluator::formatOf(Type type) const {
  if (keepsF32(rounding->precision))
    return DataFormat::F32;
  Type elt = cast<RankedTensorType>(type).getElementType();
  return elt.isF32() ? DataFormat::F32 : DataFormat::BF16;
}

llvm::Expected<const RtValue *> Evaluator::lookup(Operation *op, Value v) {
  auto it = values.find(v);
  if (it == values.end())
    return opError(op, "uses a value the golden interpreter has not computed");
  return &it->second;
}

llvm::Expected<const HostTensor *> Evaluator::tensor(Operation *op, Value v) {
  llvm::Expected<const RtValue *> r = lookup(op, v);
  if (!r)
    return r.takeError();
  if (auto *t = std::get_if<HostTensor>(*r))
    return t;
  return opError(op, "expects a block operand");
}

llvm::Expected<int64_t> Evaluator::integer(Operation *op, Value v) {
  llvm::Expected<const RtValue *> r = lookup(op, v);
  if (!r)
    return r.takeError();
  if (auto *i = std::get_if<int64_t>(*r))
    return *i;
  return opError(op, "expects an integer or index operand");
}

/// Records `t` as the value of `result` after checking it against the
/// result's tensor type.
llvm::Error Evaluator::setTensor(Operation *op, Value result, HostTensor t) {
  auto type = dyn_cast<RankedTensorType>(result.getType());
  if (!type || type.getRank() != 2 || type.getDimSize(0) != t.rows ||
      type.getDimSize(1) != t.cols)
    return opError(op, llvm::formatv("computed a {0} block for result type {1}",
                                     t.shapeString(), result.getType()));
  if (rounding) {
    DataFormat f = formatOf(type);
    for (double &v : t.data)
      v = round(v, f);
  }
  set(result, std::move(t));
  return llvm::Error::success();
}

llvm::Error Evaluator::runBlock(Block &block,
                                SmallVectorImpl<RtValue> &yielded) {
  for (Operation &op : block) {
    if (isa<tl::YieldOp, scf::YieldOp>(op)) {
      yielded.clear();
      for (Value v : op.getOperands()) {
        llvm::Expected<const RtValue *> r = lookup(&op, v);
        if (!r)
          return r.takeError();
        yielded.push_back(**r);
      }
      return llvm::Error::success();
    }
    if (llvm::Error e = exec(op))
      return e;
  }
  return makeError("block ends without a tl.yield or scf.yield");
}

llvm::Error Evaluator::exec(Operation &op) {
  Operation *o = &op;
  if (auto c = dyn_cast<arith::ConstantOp>(o))
    return execConstant(c);
  if (isa<arith::AddIOp>(o))
    return execIntBinary(o, [](uint64_t a, uint64_t b) { return a + b; });
  if (isa<arith::SubIOp>(o))
    return execIntBinary(o, [](uint64_t a, uint64_t b) { return a - b; });
  if (isa<arith::MulIOp>(o))
    return execIntBinary(o, [](uint64_t a, uint64_t b) { return a * b; });
  if (auto cast = dyn_cast<arith::IndexCastOp>(o)) {
    llvm::Expected<int64_t> v = integer(o, cast.getIn());
    if (!v)
      return v.takeError();
    set(cast.getResult(),
        wrapToWidth(static_cast<uint64_t>(*v), intWidth(cast.getType())));
    return llvm::Error::success();
  }
  if (auto f = dyn_cast<scf::ForOp>(o))
    return execFor(f);
  if (auto r = dyn_cast<tl::ReadOp>(o))
    return execRead(r);

  if (auto t = dyn_cast<tl::TransposeOp>(o)) {
    llvm::Expected<const HostTensor *> in = tensor(o, t.getInput());
    if (!in)
      return in.takeError();
    const HostTensor &x = **in;
    HostTensor y = HostTensor::zeros(x.cols, x.rows);
    for (int64_t i = 0; i < x.rows; ++i)
      for (int64_t j = 0; j < x.cols; ++j)
        y.at(j, i) = x.at(i, j);
    return setTensor(o, t.getResult(), std::move(y));
  }
  if (auto mm = dyn_cast<tl::MatmulOp>(o))
    return execMatmul(mm);
  if (auto b = dyn_cast<tl::AddOp>(o))
    return execBinary(o, b.getBcast(),
                      [](double x, double y) { return x + y; });
  if (auto b = dyn_cast<tl::SubOp>(o))
    return execBinary(o, b.getBcast(),
                      [](double x, double y) { return x - y; });
  if (auto b = dyn_cast<tl::MulOp>(o))
    return execBinary(o, b.getBcast(),
                      [](double x, double y) { return x * y; });
  if (auto b = dyn_cast<tl::MaxOp>(o))
    return execBinary(o, b.getBcast(), maxProp);
  if (isa<tl::ExpOp>(o)) {
    // The fast recipe's SFPU approximation, evaluated in double
    // (canonical) or in float (alternate).
    if (rounding && approximatesExp(rounding->precision)) {
      if (rounding->alternate)
        return execUnary(
            o, [](double x, double) { return approximateExpFloat(x); }, 0.0);
      return execUnary(
          o, [](double x, double) { return approximateExp(x); }, 0.0);
    }
    // The alternate rounding takes exp in float, as an SFPU would.
    if (rounding && rounding->alternate)
      return execUnary(
          o,
          [](double x, double) -> double {
            return std::exp(static_cast<float>(x));
          },
          0.0);
    return execUnary(
        o, [](double x, double) { return std::exp(x); }, 0.0);
  }
  if (isa<tl::RecipOp>(o))
    return execUnary(
        o, [](double x, double) { return 1.0 / x; }, 0.0);
  if (auto s = dyn_cast<tl::ScaleOp>(o)) {
    // The target multiplies by the factor as a float.
    double factor = s.getFactor().convertToDouble();
    if (rounding)
      factor = static_cast<float>(factor);
    return execUnary(
        o, [](double x, double f) { return x * f; }, factor);
  }
  if (isa<tl::RowMaxOp>(o))
    return execRowReduce(o, /*isMax=*/true);
  if (isa<tl::RowSumOp>(o))
    return execRowReduce(o, /*isMax=*/false);
  if (auto bc = dyn_cast<tl::BroadcastOp>(o)) {
    llvm::Expected<const HostTensor *> in = tensor(o, bc.getInput());
    if (!in)
      return in.takeError();
    const HostTensor &x = **in;
    auto type = cast<RankedTensorType>(bc.getResult().getType());
    HostTensor y = HostTensor::zeros(type.getDimSize(0), type.getDimSize(1));
    bool cols = bc.getKind() == tl::Bcast::Cols;
    if ((cols && x.rows != y.rows) || (!cols && x.cols != y.cols) ||
        x.numElements() == 0)
      return opError(o, llvm::formatv("cannot broadcast {0} to {1}",
                                      x.shapeString(), y.shapeString()));
    for (int64_t i = 0; i < y.rows; ++i)
      for (int64_t j = 0; j < y.cols; ++j)
        y.at(i, j) = cols ? x.at(i, 0) : x.at(0, j);
    return setTensor(o, bc.getResult(), std::move(y));
  }
  if (auto fill = dyn_cast<tl::FillOp>(o)) {
    auto type = cast<RankedTensorType>(fill.getResult().getType());
    return setTensor(o, fill.getResult(),
                     HostTensor::filled(type.getDimSize(0), type.getDimSize(1),
                                        fill.getValue().convertToDouble()));
  }
  return opError(o, "is not supported by the golden interpreter");
}

llvm::Error Evaluator::execMatmul(tl::MatmulOp mm) {
  Operation *o = mm.getOperation();
  llvm::Expected<const HostTensor *> a = tensor(o, mm.getLhs());
  if (!a)
    return a.takeError();
  llvm::Expected<const HostTensor *> b = tensor(o, mm.getRhs());
  if (!b)
    return b.takeError();
  const HostTensor &x = **a, &y = **b;
  if (x.cols != y.rows)
    return opError(o, llvm::formatv("contraction mismatch: {0} @ {1}",
                                    x.shapeString(), y.shapeString()));
  HostTensor z = HostTensor::zeros(x.rows, y.cols);
  auto product = [](double xk, const double *yk, int64_t j) {
    return xk * yk[j];
  };
  if (!rounding) {
    // Row by row over raw pointers: vectorises across j without changing
    // any element's order of summation (golden/RowKernels.h).
    for (int64_t i = 0; i < x.rows; ++i)
      addTerms(z.data.data() + i * z.cols, y.cols, &x.data[i * x.cols],
               y.data.data(), y.cols, 0, x.cols, 1, product);
    return setTensor(o, mm.getResult(), std::move(z));
  }
  // Faithful: DST accumulates one 32-wide chunk of the contraction (one
  // matmul_tiles) at a time and is rounded to its format after each.
  int64_t chunks = (x.cols + tl::kTileDim - 1) / tl::kTileDim;
  std::vector<double> rowD(y.cols);
  std::vector<float> rowF(y.cols);
  for (int64_t i = 0; i < x.rows; ++i) {
    for (int64_t n = 0; n < chunks; ++n) {
      int64_t c = rounding->alternate ? chunks - 1 - n : n;
      int64_t k0 = c * tl::kTileDim,
              k1 = std::min<int64_t>(k0 + tl::kTileDim, x.cols);
      if (!rounding->alternate) {
        // The chunk's exact sum, added once.
        std::fill(rowD.begin(), rowD.end(), 0.0);
        addTerms(rowD.data(), y.cols, &x.data[i * x.cols], y.data.data(),
                 y.cols, k0, k1 - k0, 1, product);
        for (int64_t j = 0; j < y.cols; ++j)
          z.at(i, j) = round(z.at(i, j) + rowD[j], rounding->dst);
        continue;
      }
      // Float products added one by one onto the accumulator, last first.
      for (int64_t j = 0; j < y.cols; ++j)
        rowF[j] = static_cast<float>(z.at(i, j));
      addTerms(rowF.data(), y.cols, &x.data[i * x.cols], y.data.data(), y.cols,
               k1 - 1, k1 - k0, -1, [](double xk, const double *yk, int64_t j) {
                 return static_cast<float>(xk * yk[j]);
               });
      for (int64_t j = 0; j < y.cols; ++j)
        z.at(i, j) = round(rowF[j], rounding->dst);
    }
  }
  return setTensor(o, mm.getResult(), std::move(z));
}

llvm::Error Evaluator::execConstant(arith::ConstantOp op) {
  Attribute value = op.getValue();
  if (auto i = dyn_cast<IntegerAttr>(value)) {
    set(op.getResult(),
        wrapToWidth(i.getValue().getZExtValue(), intWidth(op.getType())));
    return llvm::Error::success();
  }
  if (auto f = dyn_cast<FloatAttr>(value)) {
    set(op.getResult(), f.getValueAsDouble());
    return llvm::Error::success();
  }
  if (auto dense = dyn_cast<DenseFPElementsAttr>(value)) {
    auto type = cast<RankedTensorType>(dense.getType());
    if (type.getRank() != 2)
      return opError(op, "supports only 2-D dense tensor constants");
    HostTensor t = HostTensor::zeros(type.getDimSize(0), type.getDimSize(1));
    size_t k = 0;
    for (const APFloat &v : dense.getValues<APFloat>()) {
      bool lost = false;
      APFloat d = v;
      d.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
      t.data[k++] = d.convertToDouble();
    }
    return setTensor(op, op.getResult(), std::move(t));
  }
  return opError(op, "has a constant kind the golden interpreter does not "
                     "support");
}

llvm::Error Evaluator::execIntBinary(Operation *op,
                                     uint64_t (*f)(uint64_t, uint64_t)) {
  llvm::Expected<int64_t> a = integer(op, op->getOperand(0));
  if (!a)
    return a.takeError();
  llvm::Expected<int64_t> b = integer(op, op->getOperand(1));
  if (!b)
    return b.takeError();
  uint64_t r = f(static_cast<uint64_t>(*a), static_cast<uint64_t>(*b));
  set(op->getResult(0), wrapToWidth(r, intWidth(op->getResult(0).getType())));
  return llvm::Error::success();
}

llvm::Error Evaluator::execFor(scf::ForOp op) {
  Operation *o = op.getOperation();
  llvm::Expected<int64_t> lb = integer(o, op.getLowerBound());
  if (!lb)
    return lb.takeError();
  llvm::Expected<int64_t> ub = integer(o, op.getUpperBound());
  if (!ub)
    return ub.takeError();
  llvm::Expected<int64_t> step = integer(o, op.getStep());
  if (!step)
    return step.takeError();
  if (*step <= 0)
    return opError(o, llvm::formatv("has a non-positive step {0}", *step));
  SmallVector<RtValue> iter;
  for (Value init : op.getInitArgs()) {
    llvm::Expected<const RtValue *> r = lookup(o, init);
    if (!r)
      return r.takeError();
    iter.push_back(**r);
  }
  bool isUnsigned = op.getUnsignedCmp();
  auto before = [&](int64_t iv) {
    return isUnsigned ? static_cast<uint64_t>(iv) < static_cast<uint64_t>(*ub)
                      : iv < *ub;
  };
  int64_t count = 0;
  for (int64_t iv = *lb; before(iv);) {
    if (++count > kMaxLoopIterations)
      return opError(o, llvm::formatv("runs more than {0} iterations",
                                      kMaxLoopIterations));
    set(op.getInductionVar(), iv);
    for (auto [arg, v] : llvm::zip(op.getRegionIterArgs(), iter))
      set(arg, v);
    SmallVector<RtValue> yielded;
    if (llvm::Error e = runBlock(*op.getBody(), yielded))
      return e;
    if (yielded.size() != iter.size())
      return opError(o, "body yields the wrong number of values");
    iter = std::move(yielded);
    uint64_t next = static_cast<uint64_t>(iv) + static_cast<uint64_t>(*step);
    if (!isUnsigned && *step > std::numeric_limits<int64_t>::max() - iv)
      break; // the next induction value would overflow: past any bound
    if (isUnsigned && next < static_cast<uint64_t>(iv))
      break;
    iv = static_cast<int64_t>(next);
  }
  for (auto [res, v] : llvm::zip(op.getResults(), iter))
    set(res, std::move(v));
  return llvm::Error::success();
}

llvm::Error Evaluator::execRead(tl::ReadOp op) {
  Operation *o = op.getOperation();
  llvm::Expected<const RtValue *> s = lookup(o, op.getStream());
  if (!s)
    return s.takeError();
  const auto *stream = std::get_if<StreamRef>(*s);
  if (!stream)
    return opError(o, "reads from a value that is not a stream");
  llvm::Expected<int64_t> j = integer(o, op.getIndex());
  if (!j)
    return j.takeError();
  if (*j < 0 || *j >= stream->numBlocks)
    return opError(o, llvm::formatv("reads block {0} of stream @{1}, which "
                                    "has {2} blocks",
                                    *j, stream->name, stream->numBlocks));
  HostTensor block =
      stream->tensor->rowBlock(*j * stream->blockRows, stream->blockRows);
  return setTensor(o, op.getResult(), std::move(block));
}

template <typename F>
llvm::Error Evaluator::execBinary(Operation *op, std::optional<tl::Bcast> bcast,
                                  F f) {
  llvm::Expected<const HostTensor *> a = tensor(op, op->getOperand(0));
  if (!a)
    return a.takeError();
  llvm::Expected<const HostTensor *> b = tensor(op, op->getOperand(1));
  if (!b)
    return b.takeError();
  const HostTensor &x = **a, &y = **b;
  bool ok = !bcast                      ? (y.rows == x.rows && y.cols == x.cols)
            : *bcast == tl::Bcast::Cols ? (y.rows == x.rows && y.cols >= 1)
                                        : (y.cols == x.cols && y.rows >= 1);
  if (!ok)
    return opError(op, llvm::formatv("operand shapes {0} and {1} do not match "
                                     "the broadcast",
                                     x.shapeString(), y.shapeString()));
  HostTensor z = HostTensor::zeros(x.rows, x.cols);
  for (int64_t i = 0; i < x.rows; ++i) {
    const double *xr = &x.data[i * x.cols];
    double *zr = &z.data[i * z.cols];
    if (!bcast) {
      const double *yr = &y.data[i * y.cols];
      for (int64_t j = 0; j < x.cols; ++j)
        zr[j] = f(xr[j], yr[j]);
    } else if (*bcast == tl::Bcast::Cols) {
      double yi = y.at(i, 0);
      for (int64_t j = 0; j < x.cols; ++j)
        zr[j] = f(xr[j], yi);
    } else {
      const double *y0 = y.data.data();
      for (int64_t j = 0; j < x.cols; ++j)
        zr[j] = f(xr[j], y0[j]);
    }
  }
  return setTensor(op, op->getResult(0), std::move(z));
}

template <typename F>
llvm::Error Evaluator::execUnary(Operation *op, F f, double arg) {
  llvm::Expected<const HostTensor *> a = tensor(op, op->getOperand(0));
  if (!a)
    return a.takeError();
  HostTensor z = **a;
  for (double &v : z.data)
    v = f(v, arg);
  return setTensor(op, op->getResult(0), std::move(z));
}

llvm::Error Evaluator::execRowReduce(Operation *op, bool isMax) {
  llvm::Expected<const HostTensor *> a = tensor(op, op->getOperand(0));
  if (!a)
    return a.takeError();
  const HostTensor &x = **a;
  auto type = cast<RankedTensorType>(op->getResult(0).getType());
  HostTensor z = HostTensor::zeros(x.rows, type.getDimSize(1));
  double init = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
  int64_t chunks = (x.cols + tl::kTileDim - 1) / tl::kTileDim;
  for (int64_t i = 0; i < x.rows; ++i) {
    double acc = init;
    if (!rounding) {
      for (int64_t j = 0; j < x.cols; ++j)
        acc = isMax ? maxProp(acc, x.at(i, j)) : acc + x.at(i, j);
    } else {
      // Faithful: one reduce_tile per 32 columns, each combined with the
      // DST accumulator and rounded to its format.
      for (int64_t n = 0; n < chunks; ++n) {
        int64_t c = rounding->alternate ? chunks - 1 - n : n;
        int64_t j0 = c * tl::kTileDim,
                j1 = std::min<int64_t>(j0 + tl::kTileDim, x.cols);
        double partial = init;
        float partialF = static_cast<float>(init);
        for (int64_t j = j0; j < j1; ++j) {
          // The alternate order sums the chunk from its last column, in
          // float.
          double v =
              rounding->alternate ? x.at(i, j1 - 1 - (j - j0)) : x.at(i, j);
          if (isMax)
            partial = maxProp(partial, v);
          else if (rounding->alternate)
            partialF += static_cast<float>(v);
          else
            partial += v;
        }
        if (!isMax && rounding->alternate)
          partial = partialF;
        acc =
            isMax ? maxProp(acc, partial) : round(acc + partial, rounding->dst);
      }
    }
    for (int64_t j = 0; j < z.cols; ++j)
      z.at(i, j) = acc;
  }
  return setTensor(op, op->getResult(0), std::move(z));
}

//===----------------------------------------------------------------------===//
// Program and kernels
//===----------------------------------------------------------------------===//

namespace {

/// How one kernel block argument is bound.
struct ArgBinding {
  const HostTensor *global;
  std::string name;
  bool isStream;
  int64_t blockRows;
  int64_t numBlocks; // streams only
};

llvm::Error kernelError(tl::KernelOp kernel, const llvm::Twine &msg) {
  return makeError(locString(kernel.getLoc()) + ": kernel @" +
                   kernel.getSymName() + ": " + msg);
}

std::string shapeOf(RankedTensorType t) {
  return llvm::formatv("{0}x{1}", t.getDimSize(0), t.getDimSize(1)).str();
}

/// Runs `kernel` for every work item, reading `state` and then committing
/// its outs into `state`.
llvm::Error runKernel(tl::KernelOp kernel, tl::ProgramOp program,
                      TensorMap &state, std::set<std::string> &written,
                      const Rounding *rounding) {
  Block &body = kernel.getBody().front();
  int64_t items = kernel.getNumWorkItems();
  if (items <= 0)
    return kernelError(kernel, "has no work items");

  SmallVector<ArgBinding> bindings;
  for (auto [ref, arg] : llvm::zip(kernel.getIns(), body.getArguments())) {
    std::string name = cast<FlatSymbolRefAttr>(ref).getValue().str();
    auto it = state.find(name);
    if (it == state.end())
      return kernelError(kernel, "reads temp tensor @" + name +
                                     " before any kernel writes it");
    const HostTensor &global = it->second;
    ArgBinding b{&global, name, false, 0, 0};
    if (auto stream = dyn_cast<tl::StreamType>(arg.getType())) {
      b.isStream = true;
      b.blockRows = stream.getBlockType().getDimSize(0);
      b.numBlocks = stream.getNumBlocks();
      if (b.blockRows * b.numBlocks != global.rows ||
          stream.getBlockType().getDimSize(1) != global.cols)
        return kernelError(kernel, llvm::formatv("stream of {0} blocks of "
                                                 "{1} does not tile @{2} ({3})",
                                                 b.numBlocks,
                                                 shapeOf(stream.getBlockType()),
                                                 name, global.shapeString()));
    } else if (auto blk = dyn_cast<RankedTensorType>(arg.getType())) {
      b.blockRows = blk.getDimSize(0);
      if (b.blockRows * items != global.rows ||
          blk.getDimSize(1) != global.cols)
        return kernelError(kernel,
                           llvm::formatv("{0} work items of {1} blocks do not "
                                         "tile @{2} ({3})",
                                         items, shapeOf(blk), name,
                                         global.shapeString()));
    } else {
      return kernelError(kernel, "has a block argument that is neither a "
                                 "tensor nor a !tl.stream");
    }
    bindings.push_back(std::move(b));
  }

  // Fresh output buffers: the kernel's writes become visible when it ends.
  SmallVector<std::string> outNames;
  SmallVector<HostTensor> outs;
  SmallVector<DataFormat> outFormats;
  for (Attribute ref : kernel.getOuts()) {
    auto sym = cast<FlatSymbolRefAttr>(ref);
    auto decl = dyn_cast_or_null<tl::TensorDeclOp>(
        SymbolTable::lookupSymbolIn(program, sym.getAttr()));
    if (!decl)
      return kernelError(kernel, "outs names unknown tensor " + sym.getValue());
    auto type = cast<RankedTensorType>(decl.getType());
    outNames.push_back(sym.getValue().str());
    outs.push_back(HostTensor::zeros(type.getDimSize(0), type.getDimSize(1)));
    outFormats.push_back(type.getElementType().isF32() ? DataFormat::F32
                                                       : DataFormat::BF16);
  }

  for (int64_t w = 0; w < items; ++w) {
    Evaluator ev(rounding);
    for (auto [b, arg] : llvm::zip(bindings, body.getArguments())) {
      if (b.isStream)
        ev.set(arg, StreamRef{b.global, b.name, b.blockRows, b.numBlocks});
      else
        ev.set(arg, b.global->rowBlock(w * b.blockRows, b.blockRows));
    }
    SmallVector<RtValue> yielded;
    llvm::Error e = ev.runBlock(body, yielded);
    if (!e && yielded.size() != outs.size())
      e = makeError("yields the wrong number of blocks");
    for (size_t i = 0; !e && i < outs.size(); ++i) {
      const auto *blk = std::get_if<HostTensor>(&yielded[i]);
      if (!blk || blk->cols != outs[i].cols ||
          blk->rows * items != outs[i].rows)
        e = makeError("yielded value " + llvm::Twine(i) +
                      " does not fill its row block of @" + outNames[i]);
      else if (!rounding)
        outs[i].setRowBlock(w * blk->rows, *blk);
      else {
        // Packed to the tensor's declared type on the way out.
        HostTensor packed = *blk;
        for (double &v : packed.data)
          v = roundFormat(v, outFormats[i], rounding->alternate);
        outs[i].setRowBlock(w * blk->rows, packed);
      }
    }
    if (e)
      return makeError(llvm::formatv("kernel @{0}, work item {1}: {2}",
                                     kernel.getSymName(), w,
                                     llvm::toString(std::move(e))));
  }

  for (auto [name, t] : llvm::zip(outNames, outs)) {
    state[name] = std::move(t);
    written.insert(name);
  }
  return llvm::Error::success();
}

} // namespace

Rounding golden::roundingFor(tl::ProgramOp program, Precision precision,
                             bool alternate) {
  Rounding r;
  r.precision = precision;
  r.alternate = alternate;
  bool anyF32 = false;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>())
    anyF32 |= cast<RankedTensorType>(decl.getType()).getElementType().isF32();
  r.dst = keepsF32(precision) || anyF32 ? DataFormat::F32 : DataFormat::BF16;
  return r;
}

llvm::Expected<TensorMap> golden::interpret(tl::ProgramOp program,
                                            const TensorMap &inputs,
                                            const Rounding *rounding) {
  TensorMap state;
  std::set<std::string> written;
  SmallVector<tl::TensorDeclOp> decls;
  for (Operation &op : program.getBody().front()) {
    if (auto decl = dyn_cast<tl::TensorDeclOp>(op)) {
      decls.push_back(decl);
      if (decl.getRole() != tl::TensorRole::Input)
        continue;
      auto type = cast<RankedTensorType>(decl.getType());
      std::string name = decl.getSymName().str();
      auto it = inputs.find(name);
      if (it == inputs.end())
        return makeError(locString(decl.getLoc()) +
                         ": no value given for "
                         "input tensor @" +
                         name);
      const HostTensor &t = it->second;
      if (!t.isConsistent() || t.rows != type.getDimSize(0) ||
          t.cols != type.getDimSize(1))
        return makeError(locString(decl.getLoc()) + ": input tensor @" + name +
                         " must be " + shapeOf(type) + ", got " +
                         t.shapeString() +
                         (t.isConsistent() ? "" : " (inconsistent data)"));
      state[name] = t;
      continue;
    }
    if (auto kernel = dyn_cast<tl::KernelOp>(op)) {
      if (llvm::Error e = runKernel(kernel, program, state, written, rounding))
        return e;
      continue;
    }
    return opError(&op, "is not expected in a tl.program");
  }

  TensorMap out;
  for (tl::TensorDeclOp decl : decls) {
    if (decl.getRole() == tl::TensorRole::Input)
      continue;
    std::string name = decl.getSymName().str();
    if (!written.count(name)) {
      if (decl.getRole() == tl::TensorRole::Output)
        return makeError(locString(decl.getLoc()) + ": output tensor @" + name +
                         " is not written by any kernel");
      continue;
    }
    out[name] = state[name];
  }
  return out;
}
