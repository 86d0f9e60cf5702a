//===- MultiUserDst.cpp - fix 1: multi-user DST allocation ----------------===//
//
// Works on the same input as the upstream model (affine nests from
// linalg.generic inside d2m.generic regions) and emits the same post-pass
// contract (compiler/Dialect/D2M/Transforms/DstUtils.h), with one difference:
// the DST section (acquire_dst .. copy-outs) is placed inside the nest's
// output loops, one output tile at a time, and DST is indexed by slice only.
//
// Per nest:
//  1. Hoist: a compute value that must be read from a CB (an FPU operand, or
//     the input of a transpose/broadcast done at unpack) is computed by a nest
//     of its own into an intermediate CB, read by every former user.
//  2. Accumulators: a load/store pair of one buffer at one map is a value
//     tied to one slice for the whole section; one initialised by a tile_fill
//     nest is filled in DST instead of being copied in.
//  3. Liveness: slices are handed out in op order and freed after a value's
//     last use; an in-place op reuses its operand's slice only when the
//     operand dies there. Values stored to CBs stay live to the section end.
//  4. Pressure: if the peak exceeds the DST capacity, the live value whose
//     next use is furthest away is hoisted to a CB (step 1) and we retry.
//
//===----------------------------------------------------------------------===//

#include "fixes/MultiUserDst/Passes.h"

#include "compiler/Dialect/D2M/Transforms/DstUtils.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "llvm/ADT/SetVector.h"

namespace dstlab::fixes {
#define GEN_PASS_DEF_MULTIUSERDSTACCESS
#include "fixes/MultiUserDst/Passes.h.inc"
} // namespace dstlab::fixes

using namespace mlir;
using namespace dstlab::d2m;

namespace {

/// Operands fix 1 keeps in DST: the accumulator of matmul/reduce, both
/// operands of binary SFPU ops, the input of unary SFPU ops. Transposes and
/// broadcasts are done by the unpacker straight from a CB.
/// An eltwise add/sub/mul whose operands both come straight from CBs (the
/// second possibly broadcast): the FPU computes it (`sub_tiles` with
/// `bcast cols` for S - bcast_cols(m)), reading nothing from DST.
bool isFPUBinary(Operation *op) {
  if (!isa<TileAddOp, TileSubOp, TileMulOp>(op))
    return false;
  auto fromCB = [](Value v) { return v.getDefiningOp<affine::AffineLoadOp>(); };
  if (!fromCB(op->getOperand(0)))
    return false;
  Value rhs = op->getOperand(1);
  if (auto bc = rhs.getDefiningOp<TileBcastOp>())
    rhs = bc.getInput();
  return fromCB(rhs) != nullptr;
}

/// A broadcast folded into the FPU ops that use it.
bool isFoldedBcast(Operation *op) {
  return isa<TileBcastOp>(op) && !op->use_empty() &&
         llvm::all_of(op->getUsers(), [&](Operation *u) {
           return isFPUBinary(u) && u->getOperand(1) == op->getResult(0);
         });
}

SmallVector<unsigned> fixedDstOperands(Operation *op) {
  if (isa<TileTransposeOp, TileBcastOp, TileFillOp>(op) || isFPUBinary(op))
    return {};
  return dstOperands(op);
}

/// Operand `i` of `op` must be read from a CB.
bool needsCB(Operation *op, unsigned i) {
  // An eltwise op with a broadcast second operand is done by the FPU's
  // broadcast form (`sub_tiles` bcast cols for S - bcast_cols(m)), which
  // reads both operands from CBs.
  bool fpuBcast = isa<TileAddOp, TileSubOp, TileMulOp>(op) && i == 0 &&
                  op->getOperand(1).getDefiningOp<TileBcastOp>();
  return isFPUOperand(op, i) || isa<TileTransposeOp, TileBcastOp>(op) ||
         fpuBcast;
}

SmallVector<Value> ivsOf(const ComputeNest &nest) {
  SmallVector<Value> ivs;
  for (affine::AffineForOp l : nest.loops)
    ivs.push_back(l.getInductionVar());
  return ivs;
}

class NestAllocator {
public:
  NestAllocator(GenericOp generic, bool fullSync)
      : generic(generic), fullSync(fullSync) {}

  /// Processes every nest of the region. Hoisting adds nests, so nests are
  /// re-collected until all are done.
  LogicalResult run();

private:
  GenericOp generic;
  bool fullSync;

  FailureOr<bool> hoistOne(ComputeNest &nest);
  LogicalResult hoist(ComputeNest &nest, Value v);
  LogicalResult allocate(ComputeNest &nest, bool &retry);
};

} // namespace

LogicalResult NestAllocator::hoist(ComputeNest &nest, Value v) {
  Block *body = nest.body;
  // The subtree computing v, in body order.
  llvm::SetVector<Operation *> subtree;
  SmallVector<Operation *> work{v.getDefiningOp()};
  while (!work.empty()) {
    Operation *op = work.pop_back_val();
    if (!op || op->getBlock() != body || !subtree.insert(op))
      continue;
    for (Value o : op->getOperands())
      work.push_back(o.getDefiningOp());
  }
  SmallVector<Operation *> ordered;
  for (Operation &op : *body)
    if (subtree.contains(&op))
      ordered.push_back(&op);
  for (Operation *op : ordered)
    if (!isTileComputeOp(op) && !isa<affine::AffineLoadOp>(op) &&
        !isa<arith::ConstantOp>(op))
      return op->emitOpError("cannot be moved to a producer nest");
  // The loops v depends on: those its loads' maps use.
  SmallVector<unsigned> deps;
  for (Operation *op : ordered)
    if (auto load = dyn_cast<affine::AffineLoadOp>(op))
      for (unsigned l = 0; l < nest.loops.size(); ++l)
        if (load.getAffineMap().isFunctionOfDim(l) &&
            !llvm::is_contained(deps, l))
          deps.push_back(l);
  llvm::sort(deps);
  SmallVector<int64_t> shape;
  for (unsigned l : deps)
    shape.push_back(nest.loops[l].getConstantUpperBound());
  if (shape.empty())
    shape.push_back(1);

  MLIRContext *ctx = generic.getContext();
  OpBuilder b(nest.outer);
  Location loc = v.getLoc();
  auto tile = cast<TileType>(v.getType());
  Value tmp = memref::AllocOp::create(
      b, loc, getTileMemRef(shape, tile, MemorySpace::CB));
  // The producer nest, before the consumer.
  SmallVector<Value> newIvs;
  {
    OpBuilder::InsertionGuard g(b);
    for (int64_t extent : shape) {
      auto loop = affine::AffineForOp::create(b, loc, 0, extent);
      newIvs.push_back(loop.getInductionVar());
      b.setInsertionPointToStart(loop.getBody());
    }
    // Maps over the old nest's dims become maps over the new nest's.
    SmallVector<AffineExpr> dims;
    for (unsigned l = 0; l < nest.loops.size(); ++l) {
      auto it = llvm::find(deps, l);
      dims.push_back(it == deps.end()
                         ? getAffineConstantExpr(0, ctx)
                         : getAffineDimExpr(it - deps.begin(), ctx));
    }
    IRMapping map;
    for (Operation *op : ordered) {
      if (auto load = dyn_cast<affine::AffineLoadOp>(op)) {
        AffineMap m = load.getAffineMap().replaceDimsAndSymbols(
            dims, {}, newIvs.size(), 0);
        map.map(load.getResult(),
                affine::AffineLoadOp::create(b, load.getLoc(), load.getMemRef(),
                                             m, newIvs));
        continue;
      }
      b.clone(*op, map);
    }
    affine::AffineStoreOp::create(b, loc, map.lookup(v), tmp,
                                  b.getMultiDimIdentityMap(newIvs.size()),
                                  newIvs);
  }
  // Every former user reads the CB.
  SmallVector<AffineExpr> results;
  for (unsigned l : deps)
    results.push_back(getAffineDimExpr(l, ctx));
  if (results.empty())
    results.push_back(getAffineConstantExpr(0, ctx));
  AffineMap readMap = AffineMap::get(nest.loops.size(), 0, results, ctx);
  b.setInsertionPointAfter(v.getDefiningOp());
  Value reload =
      affine::AffineLoadOp::create(b, loc, tmp, readMap, ivsOf(nest));
  v.replaceAllUsesExcept(reload, reload.getDefiningOp());
  // Drop what nobody reads any more.
  for (Operation *op : llvm::reverse(ordered))
    if (op->use_empty())
      op->erase();
  return success();
}

FailureOr<bool> NestAllocator::hoistOne(ComputeNest &nest) {
  for (Operation &op : *nest.body) {
    if (!isTileComputeOp(&op))
      continue;
    for (OpOperand &o : op.getOpOperands()) {
      Operation *def = o.get().getDefiningOp();
      if (needsCB(&op, o.getOperandNumber()) && def && isTileComputeOp(def)) {
        if (failed(hoist(nest, o.get())))
          return failure();
        return true;
      }
    }
  }
  return false;
}

/// The tile_fill value a buffer was initialised with, when a nest before
/// `nest` is its only writer and just fills it.
static std::optional<FloatAttr>
fillInitOf(Value memref, const ComputeNest &nest, Operation **fillNest) {
  std::optional<FloatAttr> value;
  for (Operation *user : memref.getUsers()) {
    auto store = dyn_cast<affine::AffineStoreOp>(user);
    if (!store || store->getParentOfType<affine::AffineForOp>() == nullptr)
      continue;
    Operation *top = store;
    while (!isa<GenericOp, scf::ForOp>(top->getParentOp()))
      top = top->getParentOp();
    if (top == const_cast<ComputeNest &>(nest).outer.getOperation())
      continue;
    auto fill = store.getValue().getDefiningOp<TileFillOp>();
    if (!fill || value)
      return std::nullopt;
    value = fill.getValueAttr();
    *fillNest = top;
  }
  return value;
}

LogicalResult NestAllocator::allocate(ComputeNest &nest, bool &retry) {
  retry = false;
  Block *body = nest.body;
  unsigned numOut = nest.outputLoops.size();
  for (unsigned i = 0; i < numOut; ++i)
    if (nest.outputLoops[i] != i)
      return nest.outer.emitOpError(
          "fix 1 needs the output loops outermost (no interchange yet)");
  MLIRContext *ctx = generic.getContext();

  // Accumulators: a load and a store of one buffer at one map.
  struct Acc {
    affine::AffineLoadOp load;
    affine::AffineStoreOp store;
  };
  SmallVector<Acc> accs;
  for (auto store : body->getOps<affine::AffineStoreOp>())
    for (auto load : body->getOps<affine::AffineLoadOp>())
      if (load.getMemRef() == store.getMemRef() &&
          load.getAffineMap() == store.getAffineMap())
        accs.push_back({load, store});

  // Live ranges over body positions; section-live values end at `end`.
  SmallVector<Operation *> ops;
  for (Operation &op : body->without_terminator())
    ops.push_back(&op);
  DenseMap<Value, int64_t> lastUse;
  DenseSet<Value> sectionLive;
  DenseMap<Operation *, int64_t> pos;
  for (auto [i, op] : llvm::enumerate(ops))
    pos[op] = i;
  auto isDstValue = [&](Value v) {
    Operation *def = v.getDefiningOp();
    return def && def->getBlock() == body &&
           (isTileComputeOp(def) || isa<affine::AffineLoadOp>(def));
  };
  for (Operation *op : ops) {
    for (OpOperand &o : op->getOpOperands()) {
      bool dstUse =
          isa<affine::AffineStoreOp>(op) ||
          (isTileComputeOp(op) &&
           llvm::is_contained(fixedDstOperands(op), o.getOperandNumber()));
      if (dstUse && isDstValue(o.get()))
        lastUse[o.get()] = std::max(lastUse.lookup(o.get()), pos[op]);
    }
    if (auto st = dyn_cast<affine::AffineStoreOp>(op))
      if (isDstValue(st.getValue()))
        sectionLive.insert(st.getValue());
  }
  for (Acc &a : accs)
    sectionLive.insert(a.load.getResult());

  // Linear scan.
  int64_t capacity = dstCapacity(nest.tile, fullSync);
  DenseMap<Value, int64_t> sliceOf;
  SmallVector<bool> busy;
  int64_t peak = 0;
  auto take = [&]() -> int64_t {
    for (auto [i, b] : llvm::enumerate(busy))
      if (!b) {
        busy[i] = true;
        return i;
      }
    busy.push_back(true);
    peak = std::max<int64_t>(peak, busy.size());
    return busy.size() - 1;
  };
  auto dies = [&](Value v, int64_t at) {
    return !sectionLive.contains(v) && lastUse.lookup(v) <= at;
  };
  // Values whose slice is free again, or was handed to an in-place result:
  // a later use (an FPU read of the same tile from its CB) must not free
  // that slice a second time while its new owner is live (dstlab fuzz
  // found it: add(a, a) after max(a, bcast) overwrote the max).
  DenseSet<Value> released;
  // Accumulators are live from the start of the section.
  for (Acc &a : accs)
    sliceOf[a.load.getResult()] = take();
  for (auto [i, op] : llvm::enumerate(ops)) {
    if ((!isTileComputeOp(op) && !isa<affine::AffineStoreOp>(op)) ||
        isFoldedBcast(op))
      continue;
    // DST operands loaded from CBs get a slice at their first use.
    SmallVector<unsigned> dstOps = isa<affine::AffineStoreOp>(op)
                                       ? SmallVector<unsigned>{0}
                                       : fixedDstOperands(op);
    for (unsigned idx : dstOps) {
      Value v = op->getOperand(idx);
      if (!sliceOf.count(v) && isDstValue(v))
        sliceOf[v] = take();
    }
    if (isTileComputeOp(op)) {
      Value r = op->getResult(0);
      int64_t slice = -1;
      // The operand whose slice the result may take (-1: none).
      int ip = -1;
      if (std::optional<unsigned> p = inPlaceOperand(op))
        ip = static_cast<int>(*p);
      if (isa<TileTransposeOp, TileBcastOp>(op))
        ip = -1;
      if (ip < 0 && isa<TileAddOp, TileSubOp, TileMulOp, TileMaximumOp>(op) &&
          !isFPUBinary(op))
        ip = 0; // the lowering computes dst0 op= dst1 in place
      // An accumulator's result stays in the accumulator's slice.
      for (Acc &a : accs)
        if (op->getNumOperands() > 2 && op->getOperand(2) == a.load.getResult())
          slice = sliceOf[a.load.getResult()];
      if (slice < 0 && ip >= 0) {
        Value operand = op->getOperand(ip);
        if (sliceOf.count(operand) && dies(operand, i) &&
            !released.contains(operand)) {
          slice = sliceOf[operand];
          released.insert(operand);
        }
      }
      if (slice < 0)
        slice = take();
      sliceOf[r] = slice;
      if (r.use_empty()) {
        busy[slice] = false;
        released.insert(r);
      }
    }
    // Free operands that die here (never the result's own slice).
    for (Value o : op->getOperands()) {
      auto it = sliceOf.find(o);
      if (it == sliceOf.end() || !dies(o, i) || released.contains(o))
        continue;
      bool shared = op->getNumResults() && sliceOf.count(op->getResult(0)) &&
                    sliceOf[op->getResult(0)] == it->second;
      if (!shared) {
        busy[it->second] = false;
        released.insert(o);
      }
    }
    if (peak > capacity) {
      // Spill: hoist the live compute value whose next use is furthest.
      Value victim;
      int64_t far = -1;
      for (auto [v, s] : sliceOf) {
        Operation *def = v.getDefiningOp();
        if (!busy[s] || !def || !isTileComputeOp(def) ||
            sectionLive.contains(v) || released.contains(v))
          continue;
        if (lastUse.lookup(v) > far && lastUse.lookup(v) > (int64_t)i) {
          far = lastUse.lookup(v);
          victim = v;
        }
      }
      if (!victim)
        return op->emitOpError()
               << "needs " << peak << " DST slices where " << capacity
               << " fit, and no live value can be spilled";
      if (failed(hoist(nest, victim)))
        return failure();
      retry = true;
      return success();
    }
  }

  // Emit: the section inside the output loops (or around the nest).
  OpBuilder b(ctx);
  Location loc = nest.outer.getLoc();
  Block *sectionBlock = numOut ? nest.loops[numOut - 1].getBody() : nullptr;
  if (sectionBlock)
    b.setInsertionPointToStart(sectionBlock);
  else
    b.setInsertionPoint(nest.outer);
  Value dst = AcquireDstOp::create(
      b, loc,
      getTileMemRef({std::max<int64_t>(peak, 1)}, nest.tile, MemorySpace::DST));
  auto sliceIdx = [&](OpBuilder &bb, int64_t s) -> SmallVector<Value> {
    return {arith::ConstantIndexOp::create(bb, loc, s)};
  };
  SmallVector<Value> outIvs;
  for (unsigned l = 0; l < numOut; ++l)
    outIvs.push_back(nest.loops[l].getInductionVar());
  // Maps that only use the output loops, restated over those loops (the
  // section sits inside them, where the reduction ivs are not defined).
  auto overOut = [&](AffineMap m) {
    return AffineMap::get(numOut, 0, m.getResults(), ctx);
  };
  // Accumulator initialisation at the section start.
  SmallVector<Operation *> deadFills;
  for (Acc &a : accs) {
    int64_t s = sliceOf[a.load.getResult()];
    Value m = a.load.getMemRef();
    Operation *fillNest = nullptr;
    bool fresh =
        (m.getDefiningOp<memref::AllocOp>() || m.getDefiningOp<ReserveOp>()) &&
        !isWrittenBefore(m, nest);
    if (std::optional<FloatAttr> init = fillInitOf(m, nest, &fillNest)) {
      Value f = TileFillOp::create(b, loc, nest.tile, *init);
      memref::StoreOp::create(b, loc, f, dst, sliceIdx(b, s));
      // The fill's only reader was this accumulator; later readers read
      // what the section writes back.
      deadFills.push_back(fillNest);
    } else if (!fresh) {
      Value v = affine::AffineLoadOp::create(
          b, loc, m, overOut(a.load.getAffineMap()), outIvs);
      memref::StoreOp::create(b, loc, v, dst, sliceIdx(b, s));
    }
  }

  // Rewrite the body: DST operands from their slices, results to theirs.
  DenseSet<Value> copied; // CB loads already copied into DST
  SmallVector<std::pair<Value, affine::AffineStoreOp>> copyOuts;
  for (Operation *op : ops) {
    if (auto st = dyn_cast<affine::AffineStoreOp>(op)) {
      Value v = st.getValue();
      if (!sliceOf.count(v))
        return st.emitOpError("stores a value fix 1 did not place in DST");
      bool isAcc = llvm::any_of(accs, [&](Acc &a) { return a.store == st; });
      if (!isAcc && st->getParentOp() != nest.loops[numOut ? numOut - 1 : 0] &&
          numOut < nest.loops.size())
        return st.emitOpError("a store inside the reduction loops");
      copyOuts.push_back({v, st});
      continue;
    }
    if (!isTileComputeOp(op) || isFoldedBcast(op))
      continue;
    b.setInsertionPoint(op);
    for (unsigned idx : fixedDstOperands(op)) {
      Value v = op->getOperand(idx);
      auto it = sliceOf.find(v);
      if (it == sliceOf.end())
        continue;
      bool isAcc =
          llvm::any_of(accs, [&](Acc &a) { return a.load.getResult() == v; });
      if (auto load = v.getDefiningOp<affine::AffineLoadOp>();
          load && !isAcc && !copied.contains(v)) {
        // Copy in at the first DST use (inside the reduction loops if the
        // value changes there). A buffer nobody has written (a fresh
        // accumulator) is zero instead: filled explicitly, since the slice
        // may have held another value earlier in the section.
        Value m = load.getMemRef();
        bool fresh = (m.getDefiningOp<memref::AllocOp>() ||
                      m.getDefiningOp<ReserveOp>()) &&
                     !isWrittenBefore(m, nest);
        Value in = v;
        if (fresh)
          in = TileFillOp::create(b, loc, nest.tile, b.getF64FloatAttr(0.0));
        memref::StoreOp::create(b, loc, in, dst, sliceIdx(b, it->second));
        copied.insert(v);
      }
      Value l = memref::LoadOp::create(b, loc, dst, sliceIdx(b, it->second));
      op->setOperand(idx, l);
    }
    b.setInsertionPointAfter(op);
    memref::StoreOp::create(b, loc, op->getResult(0), dst,
                            sliceIdx(b, sliceOf[op->getResult(0)]));
  }
  // Copy-outs at the section end.
  if (sectionBlock)
    b.setInsertionPoint(sectionBlock->getTerminator());
  else
    b.setInsertionPointAfter(nest.outer);
  for (auto [v, st] : copyOuts) {
    auto it = sliceOf.find(v);
    // A pure copy: the CB value goes through DST.
    if (!isTileComputeOp(v.getDefiningOp()) && !copied.contains(v)) {
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPoint(st);
      memref::StoreOp::create(b, loc, v, dst, sliceIdx(b, it->second));
      copied.insert(v);
    }
    Value l = memref::LoadOp::create(b, loc, dst, sliceIdx(b, it->second));
    affine::AffineStoreOp::create(b, loc, l, st.getMemRef(),
                                  overOut(st.getAffineMap()), outIvs);
    st->erase();
  }
  for (Acc &a : accs)
    if (a.load->use_empty())
      a.load->erase();
  for (Operation *f : deadFills)
    if (f)
      f->erase();
  return success();
}

LogicalResult NestAllocator::run() {
  for (int guard = 0; guard < 256; ++guard) {
    FailureOr<SmallVector<ComputeNest>> nests = collectComputeNests(generic);
    if (failed(nests))
      return failure();
    // Nests that only fill a buffer go last: an accumulator initialised by
    // one takes the fill in DST instead (and the fill nest goes away).
    auto onlyFills = [](const ComputeNest &n) {
      return llvm::all_of(n.body->without_terminator(), [](Operation &op) {
        return isa<TileFillOp, affine::AffineStoreOp>(op);
      });
    };
    std::stable_partition(nests->begin(), nests->end(),
                          [&](const ComputeNest &n) { return !onlyFills(n); });
    bool progressed = false;
    for (ComputeNest &nest : *nests) {
      FailureOr<bool> hoisted = hoistOne(nest);
      if (failed(hoisted))
        return failure();
      if (*hoisted) {
        progressed = true;
        break; // nests changed: collect again
      }
      bool retry = false;
      if (failed(allocate(nest, retry)))
        return failure();
      progressed = true;
      break;
    }
    if (!progressed)
      return success();
  }
  return generic.emitOpError("fix 1 did not converge");
}

namespace {
struct MultiUserDstPass
    : public dstlab::fixes::impl::MultiUserDstAccessBase<MultiUserDstPass> {
  using MultiUserDstAccessBase::MultiUserDstAccessBase;
  void runOnOperation() override {
    WalkResult r = getOperation().walk([&](GenericOp generic) {
      NestAllocator alloc(generic, fullSync);
      return failed(alloc.run()) ? WalkResult::interrupt()
                                 : WalkResult::advance();
    });
    if (r.wasInterrupted())
      signalPassFailure();
  }
};
} // namespace
