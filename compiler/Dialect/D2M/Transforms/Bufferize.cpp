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

LogicalResult bufferizeRegion(GenericOp generic) {
  DenseMap<Value, Value> buffers;
  DenseMap<Value, Operation *> writerOf; // alloc -> the generic writing it
  SmallVector<Operation *> dead;
  OpBuilder b(generic.getContext());
  Block &body = generic.getRegion().front();
  for (Operation &op : llvm::make_early_inc_range(body)) {
    b.setInsertionPoint(&op);
    if (auto toTensor = dyn_cast<bufferization::ToTensorOp>(op)) {
      buffers[toTensor.getResult()] = toTensor.getBuffer();
      dead.push_back(&op);
    } else if (auto empty = dyn_cast<tensor::EmptyOp>(op)) {
      auto t = cast<RankedTensorType>(empty.getType());
      auto memTy = getTileMemRef(t.getShape(),
                                 cast<TileType>(t.getElementType()),
                                 MemorySpace::CB);
      buffers[empty.getResult()] =
          memref::AllocOp::create(b, empty.getLoc(), memTy);
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
      auto newOp = linalg::GenericOp::create(
          b, lg.getLoc(), TypeRange{}, ins, outs, lg.getIndexingMapsArray(),
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
      // reader; otherwise copy.
      if (alloc && writerOf.count(src) && src.hasOneUse()) {
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
  for (Operation *op : llvm::reverse(dead)) {
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
