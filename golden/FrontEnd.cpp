//===- FrontEnd.cpp - Double-precision meaning of the front end's IR ------===//

#include "golden/FrontEnd.h"

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <memory>
#include <set>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::golden;

namespace {

constexpr int64_t kT = 32; // tile rows and columns

/// One 32x32 tile, row-major.
struct Tile {
  std::vector<double> v = std::vector<double>(kT * kT, 0.0);
  double &at(int64_t r, int64_t c) { return v[r * kT + c]; }
  double at(int64_t r, int64_t c) const { return v[r * kT + c]; }
};

using Buffer = std::shared_ptr<HostTensor>;

std::string where(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", file.getFilename().getValue(),
                         file.getLine(), file.getColumn())
        .str();
  if (auto name = dyn_cast<NameLoc>(loc))
    return where(name.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string s = where(inner); !s.empty())
        return s;
  return "";
}

llvm::Error opError(Operation *op, const llvm::Twine &what) {
  std::string loc = where(op->getLoc());
  return llvm::createStringError(
      (llvm::Twine("front-end golden: ") + op->getName().getStringRef() +
       (loc.empty() ? "" : " at " + loc) + ": " + what)
          .str());
}

double maxNan(double a, double b) {
  if (std::isnan(a) || std::isnan(b))
    return std::nan("");
  return a > b ? a : b;
}

Tile getTile(const HostTensor &t, int64_t ti, int64_t tj) {
  Tile out;
  for (int64_t r = 0; r < kT; ++r)
    for (int64_t c = 0; c < kT; ++c)
      out.at(r, c) = t.at(ti * kT + r, tj * kT + c);
  return out;
}

void setTile(HostTensor &t, int64_t ti, int64_t tj, const Tile &tile) {
  for (int64_t r = 0; r < kT; ++r)
    for (int64_t c = 0; c < kT; ++c)
      t.at(ti * kT + r, tj * kT + c) = tile.at(r, c);
}

/// A zeroed buffer of a 2-D memref of tiles.
llvm::Expected<Buffer> zeroBuffer(Operation *op, Type type) {
  auto memref = dyn_cast<MemRefType>(type);
  if (!memref || memref.getRank() != 2 || !memref.hasStaticShape() ||
      !isa<d2m::TileType>(memref.getElementType()))
    return opError(op, "expected a static 2-D memref of tiles");
  return std::make_shared<HostTensor>(
      HostTensor::zeros(memref.getShape()[0] * kT, memref.getShape()[1] * kT));
}

struct Interp {
  /// Index values (arith constants and loop induction variables).
  llvm::DenseMap<Value, int64_t> ints;
  /// Memref values: DRAM tensors and CB / intermediate blocks.
  llvm::DenseMap<Value, Buffer> bufs;

  // Per work item state of the running generic.
  d2m::GenericOp generic;
  int64_t item = 0;
  std::vector<HostTensor> snapshot; // operand tensors at kernel start
  std::vector<int64_t> streamNext;  // next block per CB
  std::vector<std::pair<unsigned, Buffer>> reserved;

  llvm::Expected<int64_t> intOf(Operation *op, Value v) {
    auto it = ints.find(v);
    if (it == ints.end())
      return opError(op, "an index operand is not a known constant or loop "
                         "variable");
    return it->second;
  }

  llvm::Expected<Buffer> bufOf(Operation *op, Value v) {
    auto it = bufs.find(v);
    if (it == bufs.end())
      return opError(op, "a memref operand has no value");
    return it->second;
  }

  llvm::Error runArith(Operation *op) {
    if (auto c = dyn_cast<arith::ConstantOp>(op)) {
      if (auto i = dyn_cast<IntegerAttr>(c.getValue())) {
        ints[c.getResult()] = i.getValue().getSExtValue();
        return llvm::Error::success();
      }
      return opError(op, "only integer and index constants are supported");
    }
    auto binary = [&](auto f) -> llvm::Error {
      auto a = intOf(op, op->getOperand(0));
      if (!a)
        return a.takeError();
      auto b = intOf(op, op->getOperand(1));
      if (!b)
        return b.takeError();
      ints[op->getResult(0)] = f(*a, *b);
      return llvm::Error::success();
    };
    if (isa<arith::AddIOp>(op))
      return binary([](int64_t a, int64_t b) { return a + b; });
    if (isa<arith::SubIOp>(op))
      return binary([](int64_t a, int64_t b) { return a - b; });
    if (isa<arith::MulIOp>(op))
      return binary([](int64_t a, int64_t b) { return a * b; });
    if (isa<arith::IndexCastOp>(op)) {
      auto a = intOf(op, op->getOperand(0));
      if (!a)
        return a.takeError();
      ints[op->getResult(0)] = *a;
      return llvm::Error::success();
    }
    return opError(op, "unsupported arith op");
  }

  // --- tile ops -----------------------------------------------------------

  llvm::Expected<Tile> tileOp(Operation *op,
                              llvm::DenseMap<Value, Tile> &tiles) {
    auto in = [&](unsigned i) -> const Tile & {
      return tiles.find(op->getOperand(i))->second;
    };
    for (Value v : op->getOperands())
      if (!tiles.count(v))
        return opError(op, "a tile operand has no value");
    Tile r;
    if (isa<d2m::TileMatmulOp>(op)) {
      const Tile &a = in(0), &b = in(1);
      r = in(2);
      for (int64_t i = 0; i < kT; ++i)
        for (int64_t j = 0; j < kT; ++j) {
          double s = 0.0;
          for (int64_t k = 0; k < kT; ++k)
            s += a.at(i, k) * b.at(k, j);
          r.at(i, j) += s;
        }
      return r;
    }
    if (isa<d2m::TileTransposeOp>(op)) {
      const Tile &x = in(0);
      for (int64_t i = 0; i < kT; ++i)
        for (int64_t j = 0; j < kT; ++j)
          r.at(i, j) = x.at(j, i);
      return r;
    }
    auto elementwise2 = [&](auto f) {
      const Tile &a = in(0), &b = in(1);
      for (size_t i = 0; i < r.v.size(); ++i)
        r.v[i] = f(a.v[i], b.v[i]);
      return r;
    };
    if (isa<d2m::TileAddOp>(op))
      return elementwise2([](double a, double b) { return a + b; });
    if (isa<d2m::TileSubOp>(op))
      return elementwise2([](double a, double b) { return a - b; });
    if (isa<d2m::TileMulOp>(op))
      return elementwise2([](double a, double b) { return a * b; });
    if (isa<d2m::TileMaximumOp>(op))
      return elementwise2(maxNan);
    auto elementwise1 = [&](auto f) {
      const Tile &a = in(0);
      for (size_t i = 0; i < r.v.size(); ++i)
        r.v[i] = f(a.v[i]);
      return r;
    };
    if (isa<d2m::TileExpOp>(op))
      return elementwise1([](double x) { return std::exp(x); });
    if (isa<d2m::TileRecipOp>(op))
      return elementwise1([](double x) { return 1.0 / x; });
    if (auto s = dyn_cast<d2m::TileScaleOp>(op)) {
      double f = s.getFactor().convertToDouble();
      return elementwise1([f](double x) { return x * f; });
    }
    if (auto f = dyn_cast<d2m::TileFillOp>(op)) {
      double value = f.getValue().convertToDouble();
      for (double &x : r.v)
        x = value;
      return r;
    }
    if (auto b = dyn_cast<d2m::TileBcastOp>(op)) {
      const Tile &x = in(0);
      for (int64_t i = 0; i < kT; ++i)
        for (int64_t j = 0; j < kT; ++j)
          switch (b.getBcastType()) {
          case d2m::BcastType::Col:
            r.at(i, j) = x.at(i, 0);
            break;
          case d2m::BcastType::Row:
            r.at(i, j) = x.at(0, j);
            break;
          case d2m::BcastType::Scalar:
            r.at(i, j) = x.at(0, 0);
            break;
          }
      return r;
    }
    bool isMax = isa<d2m::TileReduceMaxOp>(op);
    if (isMax || isa<d2m::TileReduceSumOp>(op)) {
      d2m::ReduceDim dim = isMax
                               ? cast<d2m::TileReduceMaxOp>(op).getReduceDim()
                               : cast<d2m::TileReduceSumOp>(op).getReduceDim();
      auto combine = [isMax](double x, double y) {
        return isMax ? maxNan(x, y) : x + y;
      };
      const Tile &a = in(0), &b = in(1), &c = in(2);
      r = c;
      switch (dim) {
      case d2m::ReduceDim::R:
        for (int64_t i = 0; i < kT; ++i) {
          double acc = a.at(i, 0) * b.at(0, 0);
          for (int64_t j = 1; j < kT; ++j)
            acc = combine(acc, a.at(i, j) * b.at(0, j));
          r.at(i, 0) = combine(c.at(i, 0), acc);
        }
        break;
      case d2m::ReduceDim::C:
        for (int64_t j = 0; j < kT; ++j) {
          double acc = a.at(0, j) * b.at(0, 0);
          for (int64_t i = 1; i < kT; ++i)
            acc = combine(acc, a.at(i, j) * b.at(0, i));
          r.at(0, j) = combine(c.at(0, j), acc);
        }
        break;
      case d2m::ReduceDim::RC: {
        double acc = a.at(0, 0) * b.at(0, 0);
        for (int64_t i = 0; i < kT; ++i)
          for (int64_t j = i == 0 ? 1 : 0; j < kT; ++j)
            acc = combine(acc, a.at(i, j) * b.at(0, j));
        r.at(0, 0) = combine(c.at(0, 0), acc);
        break;
      }
      }
      return r;
    }
    return opError(op, "unsupported op in a linalg.generic body");
  }

  // --- linalg.generic ------------------------------------------------------

  llvm::Error runLinalg(linalg::GenericOp g) {
    Operation *op = g.getOperation();
    SmallVector<Value> operands(g.getDpsInputs());
    unsigned numIns = operands.size();
    for (Value v : g.getDpsInits())
      operands.push_back(v);
    SmallVector<AffineMap> maps = g.getIndexingMapsArray();
    if (maps.size() != operands.size())
      return opError(op, "indexing maps do not match the operands");
    SmallVector<Buffer> buffers;
    for (Value v : operands) {
      if (!isa<MemRefType>(v.getType()))
        return opError(op, "expected memref operands (run d2m-bufferize)");
      auto b = bufOf(op, v);
      if (!b)
        return b.takeError();
      buffers.push_back(*b);
    }
    unsigned numLoops = g.getNumLoops();
    SmallVector<int64_t> ranges(numLoops, -1);
    for (auto [v, map] : llvm::zip(operands, maps)) {
      ArrayRef<int64_t> shape = cast<MemRefType>(v.getType()).getShape();
      if (map.getNumResults() != shape.size())
        return opError(op, "an indexing map does not match its operand rank");
      for (auto [i, e] : llvm::enumerate(map.getResults()))
        if (auto d = dyn_cast<AffineDimExpr>(e)) {
          int64_t &range = ranges[d.getPosition()];
          if (range < 0)
            range = shape[i];
          else if (range != shape[i])
            return opError(op, llvm::formatv("loop d{0} has range {1} from "
                                             "one operand and {2} from another",
                                             d.getPosition(), range, shape[i]));
        }
    }
    for (int64_t &r : ranges)
      if (r < 0)
        r = 1;
    for (int64_t r : ranges)
      if (r == 0)
        return llvm::Error::success();

    Block &body = g.getRegion().front();
    auto yield = dyn_cast<linalg::YieldOp>(body.getTerminator());
    if (!yield || yield.getNumOperands() != operands.size() - numIns)
      return opError(op, "the body must end in a linalg.yield of every out");

    SmallVector<int64_t> point(numLoops, 0);
    while (true) {
      llvm::DenseMap<Value, Tile> tiles;
      SmallVector<SmallVector<int64_t>> at;
      for (auto [i, map] : llvm::enumerate(maps)) {
        SmallVector<int64_t> idx = map.compose(point);
        const HostTensor &t = *buffers[i];
        if (idx.size() != 2 || idx[0] < 0 || idx[1] < 0 ||
            idx[0] * kT >= t.rows || idx[1] * kT >= t.cols)
          return opError(op, "an indexing map leaves its operand");
        tiles[body.getArgument(i)] = getTile(t, idx[0], idx[1]);
        at.push_back(idx);
      }
      for (Operation &inner : body.without_terminator()) {
        if (inner.getNumResults() != 1)
          return opError(&inner, "expected a tile op with one result");
        llvm::Expected<Tile> t = tileOp(&inner, tiles);
        if (!t)
          return t.takeError();
        tiles[inner.getResult(0)] = std::move(*t);
      }
      for (auto [k, v] : llvm::enumerate(yield.getOperands())) {
        auto it = tiles.find(v);
        if (it == tiles.end())
          return opError(op, "the yield names a value with no tile");
        unsigned o = numIns + k;
        setTile(*buffers[o], at[o][0], at[o][1], it->second);
      }
      // Next point, last loop fastest.
      int64_t d = numLoops - 1;
      for (; d >= 0; --d) {
        if (++point[d] < ranges[d])
          break;
        point[d] = 0;
      }
      if (d < 0)
        break;
    }
    return llvm::Error::success();
  }

  // --- the compute region ----------------------------------------------------

  /// The CB index (block argument number) of a wait/reserve operand.
  llvm::Expected<unsigned> cbIndex(Operation *op, Value cb) {
    auto arg = dyn_cast<BlockArgument>(cb);
    if (!arg || arg.getOwner() != &generic.getRegion().front())
      return opError(op, "the CB is not a block argument of the generic");
    return arg.getArgNumber();
  }

  llvm::Error runBlock(Block &block) {
    for (Operation &op : block) {
      if (llvm::Error e = runOp(&op))
        return e;
    }
    return llvm::Error::success();
  }

  llvm::Error runOp(Operation *op) {
    if (isa<d2m::YieldOp, scf::YieldOp, memref::DeallocOp>(op))
      return llvm::Error::success();
    if (op->getDialect() && op->getDialect()->getNamespace() ==
                                arith::ArithDialect::getDialectNamespace())
      return runArith(op);
    if (auto s = dyn_cast<d2m::ScalerOp>(op)) {
      auto b = zeroBuffer(op, s.getType());
      if (!b)
        return b.takeError();
      double value = s.getValue().convertToDouble();
      HostTensor &t = **b;
      for (int64_t r = 0; r < t.rows; r += kT)
        for (int64_t c = 0; c < t.cols; ++c)
          t.at(r, c) = value;
      bufs[s.getResult()] = *b;
      return llvm::Error::success();
    }
    if (auto a = dyn_cast<memref::AllocOp>(op)) {
      auto b = zeroBuffer(op, a.getType());
      if (!b)
        return b.takeError();
      bufs[a.getResult()] = *b;
      return llvm::Error::success();
    }
    if (auto r = dyn_cast<d2m::ReserveOp>(op)) {
      auto k = cbIndex(op, r.getCb());
      if (!k)
        return k.takeError();
      if (*k < generic.getInputs().size())
        return opError(op, "reserve on an input CB");
      auto b = zeroBuffer(op, r.getType());
      if (!b)
        return b.takeError();
      bufs[r.getResult()] = *b;
      reserved.emplace_back(*k, *b);
      return llvm::Error::success();
    }
    if (auto w = dyn_cast<d2m::WaitOp>(op)) {
      auto k = cbIndex(op, w.getCb());
      if (!k)
        return k.takeError();
      auto b = zeroBuffer(op, w.getType());
      if (!b)
        return b.takeError();
      HostTensor &blk = **b;
      const HostTensor &src = snapshot[*k];
      auto dist = cast<d2m::DistributionAttr>(generic.getDistributions()[*k])
                      .getValue();
      int64_t index =
          dist == d2m::Distribution::Stream ? streamNext[*k]++ : item;
      if (blk.cols != src.cols)
        return opError(op, "the CB block is not as wide as its tensor");
      if (index < 0 || (index + 1) * blk.rows > src.rows)
        return opError(op, llvm::formatv("row block {0} is outside the "
                                         "tensor ({1} rows of {2})",
                                         index, src.rows, blk.rows));
      blk = src.rowBlock(index * blk.rows, blk.rows);
      bufs[w.getResult()] = *b;
      return llvm::Error::success();
    }
    if (auto c = dyn_cast<memref::CopyOp>(op)) {
      auto from = bufOf(op, c.getSource());
      if (!from)
        return from.takeError();
      auto to = bufOf(op, c.getTarget());
      if (!to)
        return to.takeError();
      **to = **from;
      return llvm::Error::success();
    }
    if (auto g = dyn_cast<linalg::GenericOp>(op))
      return runLinalg(g);
    if (auto f = dyn_cast<scf::ForOp>(op)) {
      if (f.getNumResults() != 0)
        return opError(op, "scf.for with results is not supported after "
                           "bufferization");
      auto lb = intOf(op, f.getLowerBound());
      if (!lb)
        return lb.takeError();
      auto ub = intOf(op, f.getUpperBound());
      if (!ub)
        return ub.takeError();
      auto step = intOf(op, f.getStep());
      if (!step)
        return step.takeError();
      if (*step <= 0)
        return opError(op, "non-positive step");
      for (int64_t i = *lb; i < *ub; i += *step) {
        ints[f.getInductionVar()] = i;
        if (llvm::Error e = runBlock(*f.getBody()))
          return e;
      }
      return llvm::Error::success();
    }
    return opError(op, "unsupported op");
  }

  llvm::Error runGeneric(d2m::GenericOp g) {
    generic = g;
    Operation *op = g.getOperation();
    SmallVector<Value> operands(g.getInputs());
    for (Value v : g.getOutputs())
      operands.push_back(v);
    Block &region = g.getRegion().front();
    if (region.getNumArguments() != operands.size() ||
        g.getDistributions().size() != operands.size())
      return opError(op, "the region arguments and distributions must match "
                         "the operands");
    snapshot.clear();
    for (Value v : operands) {
      auto b = bufOf(op, v);
      if (!b)
        return b.takeError();
      snapshot.push_back(**b);
    }
    std::vector<HostTensor> results(snapshot.begin() + g.getInputs().size(),
                                    snapshot.end());
    for (item = 0; item < static_cast<int64_t>(g.getItems()); ++item) {
      streamNext.assign(operands.size(), 0);
      reserved.clear();
      if (llvm::Error e = runBlock(region))
        return e;
      for (auto &[k, blk] : reserved) {
        HostTensor &out = results[k - g.getInputs().size()];
        if (blk->cols != out.cols || (item + 1) * blk->rows > out.rows)
          return opError(op, llvm::formatv("work item {0} writes outside "
                                           "output {1}",
                                           item, k - g.getInputs().size()));
        out.setRowBlock(item * blk->rows, *blk);
      }
    }
    for (auto [i, v] : llvm::enumerate(g.getOutputs()))
      *bufs[v] = results[i];
    return llvm::Error::success();
  }
};

} // namespace

llvm::Expected<TensorMap>
dstlab::golden::interpretFrontEnd(ModuleOp d2mModule, const TensorMap &inputs,
                                  llvm::StringRef funcName) {
  func::FuncOp fn;
  for (auto f : d2mModule.getOps<func::FuncOp>()) {
    if (!funcName.empty()) {
      if (f.getSymName() == funcName) {
        fn = f;
        break;
      }
      continue;
    }
    if (!f->hasAttr("d2m.tensors"))
      continue;
    if (fn)
      return llvm::createStringError(
          "front-end golden: several func.func with d2m.tensors; name one");
    fn = f;
  }
  if (!fn)
    return llvm::createStringError("front-end golden: no func.func " +
                                   (funcName.empty()
                                        ? std::string("with d2m.tensors")
                                        : "named '" + funcName.str() + "'"));
  auto names = fn->getAttrOfType<ArrayAttr>("d2m.tensors");
  if (!names || names.size() != fn.getNumArguments())
    return opError(fn, "d2m.tensors must name every argument");

  Interp in;
  std::vector<std::string> argNames;
  for (auto [arg, nameAttr] : llvm::zip(fn.getArguments(), names)) {
    auto name = dyn_cast<StringAttr>(nameAttr);
    if (!name)
      return opError(fn, "d2m.tensors must hold strings");
    auto b = zeroBuffer(fn, arg.getType());
    if (!b)
      return b.takeError();
    auto it = inputs.find(name.str());
    if (it != inputs.end()) {
      if (it->second.rows != (*b)->rows || it->second.cols != (*b)->cols)
        return opError(fn, "input " + name.str() + " is " +
                               it->second.shapeString() + ", expected " +
                               (*b)->shapeString());
      **b = it->second;
    }
    in.bufs[arg] = *b;
    argNames.push_back(name.str());
  }

  std::set<unsigned> written;
  for (Operation &op : fn.getBody().front()) {
    if (isa<func::ReturnOp>(op))
      continue;
    if (auto g = dyn_cast<d2m::GenericOp>(op)) {
      if (llvm::Error e = in.runGeneric(g))
        return e;
      for (Value v : g.getOutputs())
        if (auto arg = dyn_cast<BlockArgument>(v))
          written.insert(arg.getArgNumber());
      continue;
    }
    if (op.getDialect() && op.getDialect()->getNamespace() == "arith") {
      if (llvm::Error e = in.runArith(&op))
        return e;
      continue;
    }
    return opError(&op, "unsupported op at function level");
  }

  TensorMap out;
  for (unsigned i : written)
    if (!inputs.count(argNames[i]))
      out[argNames[i]] = *in.bufs[fn.getArgument(i)];
  return out;
}
