//===- DstUtils.cpp - shared pieces of DST register allocation ------------===//

#include "compiler/Dialect/D2M/Transforms/DstUtils.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "llvm/ADT/SmallBitVector.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

using namespace mlir;
using namespace dstlab::d2m;

bool dstlab::d2m::isTileComputeOp(Operation *op) {
  return isa<TileMatmulOp, TileTransposeOp, TileAddOp, TileSubOp, TileMulOp,
             TileMaximumOp, TileExpOp, TileRecipOp, TileScaleOp,
             TileReduceMaxOp, TileReduceSumOp, TileBcastOp, TileFillOp>(op);
}

SmallVector<unsigned> dstlab::d2m::dstOperands(Operation *op) {
  if (isa<TileMatmulOp, TileReduceMaxOp, TileReduceSumOp>(op))
    return {2};
  if (isa<TileAddOp, TileSubOp, TileMulOp, TileMaximumOp>(op))
    return {0, 1};
  if (isa<TileFillOp>(op))
    return {};
  return {0};
}

std::optional<unsigned> dstlab::d2m::inPlaceOperand(Operation *op) {
  if (isa<TileMatmulOp, TileReduceMaxOp, TileReduceSumOp>(op))
    return 2;
  if (isa<TileExpOp, TileRecipOp, TileScaleOp, TileTransposeOp, TileBcastOp>(
          op))
    return 0;
  return std::nullopt;
}

bool dstlab::d2m::isFPUOperand(Operation *op, unsigned index) {
  return isa<TileMatmulOp, TileReduceMaxOp, TileReduceSumOp>(op) && index < 2;
}

TileType dstlab::d2m::dstTileOf(GenericOp generic) {
  TileType widest;
  generic.getRegion().walk([&](Operation *op) {
    auto check = [&](Type t) {
      auto m = dyn_cast<MemRefType>(t);
      auto tile = m ? dyn_cast<TileType>(m.getElementType()) : TileType();
      if (tile && (!widest || tile.isF32()))
        widest = tile;
    };
    for (Value r : op->getResults())
      check(r.getType());
  });
  for (BlockArgument arg : generic.getRegion().getArguments())
    if (auto cb = dyn_cast<CBType>(arg.getType())) {
      auto tile = cast<TileType>(cb.getMemref().getElementType());
      if (!widest || tile.isF32())
        widest = tile;
    }
  return widest;
}

int64_t dstlab::d2m::dstCapacity(TileType tile, bool fullSync) {
  int64_t capacity = 16;
  if (!fullSync)
    capacity /= 2;
  if (tile.isF32())
    capacity /= 2;
  return capacity;
}

Block *ComputeNest::sectionBlock() const {
  if (!perTile || outputLoops.empty())
    return nullptr;
  return affine::AffineForOp(loops[outputLoops.back()]).getBody();
}

SmallVector<int64_t> ComputeNest::dstShape() const {
  SmallVector<int64_t> shape;
  if (perTile)
    return shape;
  for (unsigned l : outputLoops)
    shape.push_back(affine::AffineForOp(loops[l]).getConstantUpperBound());
  return shape;
}

/// Rewrites every affine load/store in the nest body to a map over all the
/// nest's ivs in order (composing the affine.applies linalg left behind).
static LogicalResult normalizeAccesses(ComputeNest &nest) {
  SmallVector<Value> ivs;
  for (affine::AffineForOp l : nest.loops)
    ivs.push_back(l.getInductionVar());
  auto overNest = [&](Operation *op, AffineMap m,
                      SmallVector<Value> operands) -> FailureOr<AffineMap> {
    affine::fullyComposeAffineMapAndOperands(&m, &operands);
    affine::canonicalizeMapAndOperands(&m, &operands);
    SmallVector<AffineExpr> dims;
    for (Value o : operands) {
      auto it = llvm::find(ivs, o);
      if (it == ivs.end())
        return op->emitOpError("index is not an affine function of the nest");
      dims.push_back(getAffineDimExpr(it - ivs.begin(), op->getContext()));
    }
    return m.replaceDimsAndSymbols(dims, {}, ivs.size(), 0);
  };
  OpBuilder b(nest.outer);
  for (Operation &op : llvm::make_early_inc_range(*nest.body)) {
    b.setInsertionPoint(&op);
    if (auto load = dyn_cast<affine::AffineLoadOp>(op)) {
      FailureOr<AffineMap> m = overNest(load, load.getAffineMap(),
                                        llvm::to_vector(load.getMapOperands()));
      if (failed(m))
        return failure();
      auto n = affine::AffineLoadOp::create(b, load.getLoc(), load.getMemRef(),
                                            *m, ivs);
      load.replaceAllUsesWith(n.getResult());
      load.erase();
    } else if (auto store = dyn_cast<affine::AffineStoreOp>(op)) {
      FailureOr<AffineMap> m = overNest(
          store, store.getAffineMap(), llvm::to_vector(store.getMapOperands()));
      if (failed(m))
        return failure();
      affine::AffineStoreOp::create(b, store.getLoc(), store.getValue(),
                                    store.getMemRef(), *m, ivs);
      store.erase();
    }
  }
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(*nest.body)))
    if (isa<affine::AffineApplyOp>(op) && op.use_empty())
      op.erase();
  return success();
}

FailureOr<SmallVector<ComputeNest>>
dstlab::d2m::collectComputeNests(GenericOp generic) {
  SmallVector<ComputeNest> nests;
  // Outermost affine nests, in program order: in the region, or in the body
  // of a loop over blocks (scf.for).
  SmallVector<affine::AffineForOp> outers;
  generic.getRegion().walk<WalkOrder::PreOrder>([&](Operation *op) {
    auto f = dyn_cast<affine::AffineForOp>(op);
    if (f && (isa<GenericOp>(f->getParentOp()) ||
              isa<scf::SCFDialect>(f->getParentOp()->getDialect())))
      outers.push_back(f);
  });
  for (affine::AffineForOp outer : outers) {
    // Nests that already hold their DST section (fix 1) are done.
    if (outer->walk([](AcquireDstOp) { return WalkResult::interrupt(); })
            .wasInterrupted())
      continue;
    ComputeNest nest;
    nest.outer = outer;
    affine::AffineForOp loop = outer;
    while (true) {
      if (!loop.hasConstantBounds() || loop.getConstantLowerBound() != 0 ||
          loop.getStepAsInt() != 1)
        return loop.emitOpError("compute nests must count from 0 by 1");
      nest.loops.push_back(loop);
      Block *body = loop.getBody();
      auto inner = body->getOps<affine::AffineForOp>();
      if (inner.empty()) {
        nest.body = body;
        break;
      }
      if (std::next(body->begin()) != std::prev(body->end()) ||
          !isa<affine::AffineForOp>(body->front()))
        return loop.emitOpError("compute nests must be perfectly nested");
      loop = *inner.begin();
    }
    if (failed(normalizeAccesses(nest)))
      return failure();
    llvm::SmallBitVector used(nest.loops.size());
    for (auto store : nest.body->getOps<affine::AffineStoreOp>()) {
      nest.tile = cast<TileType>(store.getMemRefType().getElementType());
      for (unsigned l = 0; l < nest.loops.size(); ++l)
        if (store.getAffineMap().isFunctionOfDim(l))
          used.set(l);
    }
    // DST holds one format for the whole kernel (fp32_dest_acc): the
    // widest tile the generic uses.
    if (TileType t = dstTileOf(generic); t && nest.tile)
      nest.tile = t;
    // A nest already rewritten to DST stores only to DST: left alone.
    if (!nest.tile && !nest.body->getOps<memref::StoreOp>().empty())
      continue;
    if (!nest.tile)
      return outer.emitOpError("compute nest stores nothing");
    for (unsigned l = 0; l < nest.loops.size(); ++l)
      if (used.test(l))
        nest.outputLoops.push_back(l);
    nests.push_back(nest);
  }
  return nests;
}

bool dstlab::d2m::isWrittenBefore(Value memref, const ComputeNest &nest) {
  // A store that comes before the nest in one of the blocks enclosing it
  // (the nest's own, then each enclosing loop's up to the region).
  Operation *nestOp = const_cast<ComputeNest &>(nest).outer.getOperation();
  for (Operation *user : memref.getUsers()) {
    auto store = dyn_cast<affine::AffineStoreOp>(user);
    if (!store || store.getMemRef() != memref)
      continue;
    for (Operation *anc = nestOp; anc && !isa<GenericOp>(anc);
         anc = anc->getParentOp()) {
      Operation *top = store;
      while (top && top->getBlock() != anc->getBlock())
        top = top->getParentOp();
      if (top && top != anc && top->isBeforeInBlock(anc))
        return true;
    }
  }
  return false;
}

SmallVector<Value> dstlab::d2m::dstIndices(OpBuilder &b, Location loc,
                                           const ComputeNest &nest,
                                           int64_t slice) {
  SmallVector<Value> idx{arith::ConstantIndexOp::create(b, loc, slice)};
  if (nest.perTile)
    return idx;
  for (unsigned l : nest.outputLoops)
    idx.push_back(affine::AffineForOp(nest.loops[l]).getInductionVar());
  return idx;
}

/// A loop nest over `shape` before the builder's insertion point; calls
/// `body` with the ivs in the innermost block.
static void buildNest(OpBuilder &b, Location loc, ArrayRef<int64_t> shape,
                      function_ref<void(OpBuilder &, ValueRange)> body) {
  SmallVector<Value> ivs;
  OpBuilder::InsertionGuard guard(b);
  for (int64_t extent : shape) {
    auto loop = affine::AffineForOp::create(b, loc, 0, extent);
    ivs.push_back(loop.getInductionVar());
    b.setInsertionPointToStart(loop.getBody());
  }
  body(b, ivs);
}

/// The CB map over the nest's ivs restricted to its output loops.
static AffineMap restrictToOutputLoops(AffineMap m, const ComputeNest &nest) {
  SmallVector<AffineExpr> repl;
  MLIRContext *ctx = m.getContext();
  unsigned next = 0;
  for (unsigned l = 0; l < nest.loops.size(); ++l) {
    if (llvm::is_contained(nest.outputLoops, l))
      repl.push_back(getAffineDimExpr(next++, ctx));
    else
      repl.push_back(getAffineConstantExpr(0, ctx));
  }
  return m.replaceDimsAndSymbols(repl, {}, nest.outputLoops.size(), 0);
}

Value dstlab::d2m::emitDstAccess(OpBuilder &b, ComputeNest &nest,
                                 int64_t numSlices,
                                 ArrayRef<SliceTransfer> copyIns,
                                 ArrayRef<SliceTransfer> copyOuts) {
  Location loc = nest.outer.getLoc();
  SmallVector<int64_t> shape{std::max<int64_t>(numSlices, 1)};
  llvm::append_range(shape, nest.dstShape());
  Block *section = nest.sectionBlock();
  if (section)
    b.setInsertionPointToStart(section);
  else
    b.setInsertionPoint(nest.outer);
  Value dst = AcquireDstOp::create(
      b, loc, getTileMemRef(shape, nest.tile, MemorySpace::DST));
  // Per tile, the transfers are single statements over the output ivs.
  SmallVector<Value> outIvs;
  for (unsigned l : nest.outputLoops)
    outIvs.push_back(affine::AffineForOp(nest.loops[l]).getInductionVar());
  auto transfer = [&](OpBuilder &nb, ValueRange ivs, const SliceTransfer &t,
                      bool in) {
    SmallVector<Value> idx{arith::ConstantIndexOp::create(nb, loc, t.slice)};
    if (!section)
      llvm::append_range(idx, ivs);
    AffineMap m = restrictToOutputLoops(t.cbMap, nest);
    if (in) {
      Value v = affine::AffineLoadOp::create(nb, loc, t.cb, m, ivs);
      memref::StoreOp::create(nb, loc, v, dst, idx);
    } else {
      Value v = memref::LoadOp::create(nb, loc, dst, idx);
      affine::AffineStoreOp::create(nb, loc, v, t.cb, m, ivs);
    }
  };
  for (const SliceTransfer &t : copyIns) {
    if (section) {
      transfer(b, outIvs, t, true);
      continue;
    }
    buildNest(b, loc, nest.dstShape(), [&](OpBuilder &nb, ValueRange ivs) {
      transfer(nb, ivs, t, true);
    });
  }
  if (section)
    b.setInsertionPoint(section->getTerminator());
  else
    b.setInsertionPointAfter(nest.outer);
  for (const SliceTransfer &t : copyOuts) {
    if (section) {
      transfer(b, outIvs, t, false);
      continue;
    }
    buildNest(b, loc, nest.dstShape(), [&](OpBuilder &nb, ValueRange ivs) {
      transfer(nb, ivs, t, false);
    });
  }
  return dst;
}

LogicalResult dstlab::d2m::checkNoLinalgGeneric(Operation *module,
                                                StringRef passes) {
  if (!module->walk([](linalg::GenericOp) { return WalkResult::interrupt(); })
           .wasInterrupted())
    return success();
  return module->emitOpError()
         << "found linalg.generic operations that were not converted to "
            "affine loops. Please run --d2m-linalg-to-affine before the "
         << passes;
}

void dstlab::d2m::upstreamAssertFailure(StringRef file, unsigned line,
                                        StringRef function, StringRef condition,
                                        bool ttAssert, StringRef was,
                                        StringRef message, StringRef commit) {
  llvm::errs() << "dstlab-opt: " << file << ":" << line << ": " << function
               << " (dstlab model of tt-mlir " << commit << "): Assertion `"
               << condition;
  if (ttAssert) {
    llvm::errs() << "` failed";
    if (!was.empty())
      llvm::errs() << ", was `" << was << "`";
    if (!message.empty())
      llvm::errs() << ", " << message;
    llvm::errs() << "\n";
  } else {
    llvm::errs() << "' failed.\n";
  }
  llvm::errs().flush();
  std::abort();
}
