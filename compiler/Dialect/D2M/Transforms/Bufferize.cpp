//===- Bufferize.cpp - tensor generics of tiles to CB memrefs -------------===//
//
// dstlab's own bufferization of exactly the forms tl-to-d2m emits inside a
// d2m.generic region (to_tensor of a CB view, tensor.empty, tensor
// linalg.generic, materialize_in_destination into an output CB). Upstream
// tt-mlir bufferizes before its DST pass too; what matters for the model is
// that each generic ends up reading and writing CB memrefs.
//
//===----------------------------------------------------------------------===//

#include "compiler/Dialect/D2M/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"

namespace dstlab::d2m {
#define GEN_PASS_DEF_D2MBUFFERIZE
#include "compiler/Dialect/D2M/Transforms/Passes.h.inc"
} // namespace dstlab::d2m

using namespace mlir;
using namespace dstlab::d2m;

namespace {

/// A linalg.generic copying `src` to `dst` with identity maps over `dst`.
void createCopy(OpBuilder &b, Location loc, Value src, Value dst) {
  unsigned rank = cast<MemRefType>(dst.getType()).getRank();
  AffineMap id = b.getMultiDimIdentityMap(rank);
  linalg::GenericOp::create(
      b, loc, ValueRange{src}, ValueRange{dst}, ArrayRef<AffineMap>{id, id},
      SmallVector<utils::IteratorType>(rank, utils::IteratorType::parallel),
      [](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, args[0]);
      });
}

struct Bufferizer {
  DenseMap<Value, Value> buffers;
  DenseMap<Value, Operation *> writerOf; // alloc -> the generic writing it
  SmallVector<Operation *> dead;
  OpBuilder b;
  explicit Bufferizer(MLIRContext *ctx) : b(ctx) {}

  Value allocLike(Location loc, Type tensorType) {
    auto t = cast<RankedTensorType>(tensorType);
    auto memTy = getTileMemRef(t.getShape(), cast<TileType>(t.getElementType()),
                               MemorySpace::CB);
    return memref::AllocOp::create(b, loc, memTy);
  }

  LogicalResult block(Block &blk);
  LogicalResult loop(scf::ForOp f);
};

/// A loop over blocks: each tensor iter_arg becomes a state buffer allocated
/// before the loop, written with the init value before it and with the
/// yielded value at the end of every iteration.
LogicalResult Bufferizer::loop(scf::ForOp f) {
  Location loc = f.getLoc();
  SmallVector<Value> states;
  for (Value init : f.getInitArgs()) {
    Value src = buffers.lookup(init);
    if (!src)
      return f.emitOpError("iter_arg init without a buffer");
    Value state = allocLike(loc, init.getType());
    createCopy(b, loc, src, state);
    states.push_back(state);
  }
  auto nf = scf::ForOp::create(b, loc, f.getLowerBound(), f.getUpperBound(),
                               f.getStep());
  f.getInductionVar().replaceAllUsesWith(nf.getInductionVar());
  for (auto [arg, state] : llvm::zip(f.getRegionIterArgs(), states))
    buffers[arg] = state;
  // Move the body over, then bufferize it in place.
  Block *body = nf.getBody();
  body->getOperations().splice(body->begin(), f.getBody()->getOperations(),
                               f.getBody()->begin(),
                               std::prev(f.getBody()->end()));
  auto yield = cast<scf::YieldOp>(f.getBody()->getTerminator());
  {
    OpBuilder::InsertionGuard g(b);
    if (failed(block(*body)))
      return failure();
    b.setInsertionPoint(body->getTerminator());
    for (auto [v, state] : llvm::zip(yield.getOperands(), states)) {
      Value src = buffers.lookup(v);
      if (!src)
        return f.emitOpError("yielded value without a buffer");
      if (src != state)
        createCopy(b, loc, src, state);
    }
  }
  for (auto [r, state] : llvm::zip(f.getResults(), states))
    buffers[r] = state;
  dead.push_back(f);
  return success();
}

LogicalResult Bufferizer::block(Block &blk) {
  for (Operation &op : llvm::make_early_inc_range(blk)) {
    b.setInsertionPoint(&op);
    if (auto f = dyn_cast<scf::ForOp>(op)) {
      if (f.getNumRegionIterArgs() == 0 && f.getNumResults() == 0)
        continue;
      if (failed(loop(f)))
        return failure();
    } else if (auto toTensor = dyn_cast<bufferization::ToTensorOp>(op)) {
      buffers[toTensor.getResult()] = toTensor.getBuffer();
      dead.push_back(&op);
    } else if (auto empty = dyn_cast<tensor::EmptyOp>(op)) {
      buffers[empty.getResult()] = allocLike(empty.getLoc(), empty.getType());
      dead.push_back(&op);
    } else if (auto lg = dyn_cast<linalg::GenericOp>(op)) {
      if (!lg.hasPureTensorSemantics())
        continue;
      SmallVector<Value> ins, outs;
      for (Value v : lg.getDpsInputs())
        ins.push_back(buffers.lookup(v));
      for (Value v : lg.getDpsInits()) {
        // An init is a fresh tensor, or a value nobody else reads (an
        // accumulator's initial fill), updated in place.
        if (!v.getDefiningOp<tensor::EmptyOp>() && !v.hasOneUse())
          return lg.emitOpError("d2m-bufferize expects fresh or single-use "
                                "inits");
        outs.push_back(buffers.lookup(v));
      }
      if (llvm::is_contained(ins, Value()) || llvm::is_contained(outs, Value()))
        return lg.emitOpError("operand without a buffer in d2m-bufferize");
      auto newOp = linalg::GenericOp::create(b, lg.getLoc(), TypeRange{}, ins,
                                             outs, lg.getIndexingMapsArray(),
                                             lg.getIteratorTypesArray());
      newOp.getRegion().takeBody(lg.getRegion());
      for (auto [res, out] : llvm::zip(lg.getResults(), outs)) {
        buffers[res] = out;
        writerOf[out] = newOp;
      }
      dead.push_back(&op);
    } else if (auto mat =
                   dyn_cast<bufferization::MaterializeInDestinationOp>(op)) {
      Value src = buffers.lookup(mat.getSource());
      Value dst = mat.getDest();
      auto alloc = src.getDefiningOp<memref::AllocOp>();
      // Write the output CB directly when the value's buffer has no other
      // reader and lives in the same block; otherwise copy.
      if (alloc && writerOf.count(src) && src.hasOneUse() &&
          alloc->getBlock() == &blk) {
        alloc.getResult().replaceAllUsesWith(dst);
        // The output CB's view must dominate its new writer.
        if (Operation *def = dst.getDefiningOp())
          def->moveBefore(alloc);
        alloc.erase();
      } else {
        createCopy(b, mat.getLoc(), src, dst);
      }
      dead.push_back(&op);
    }
  }
  return success();
}

LogicalResult bufferizeRegion(GenericOp generic) {
  Bufferizer z(generic.getContext());
  if (failed(z.block(generic.getRegion().front())))
    return failure();
  // Old loops last: the dead tensor ops moved out of them still use their
  // block arguments. Sort them apart before erasing anything, so that no
  // erased op is inspected again.
  SmallVector<Operation *> loops, others;
  for (Operation *op : llvm::reverse(z.dead))
    (isa<scf::ForOp>(op) ? loops : others).push_back(op);
  for (ArrayRef<Operation *> group : {ArrayRef(others), ArrayRef(loops)})
    for (Operation *op : group) {
      op->dropAllUses();
      op->erase();
    }
  return success();
}

struct D2MBufferizePass
    : public dstlab::d2m::impl::D2MBufferizeBase<D2MBufferizePass> {
  void runOnOperation() override {
    WalkResult r = getOperation().walk([](GenericOp g) {
      return failed(bufferizeRegion(g)) ? WalkResult::interrupt()
                                        : WalkResult::advance();
    });
    if (r.wasInterrupted())
      signalPassFailure();
  }
};

} // namespace
