//===- DataMovementKernels.cpp - the reader and writer kernels ------------===//
//
// The reader fills the scalers once, then per work item the sharded input
// blocks and the streamed ones block by block; the writer drains every
// output block to DRAM. Both follow the CB protocol the compute kernel's
// waits and pushes expect.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/KernelLowering.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;
namespace tk = dstlab::ttkernel;

void KernelLowering::buildReader() {
  Location loc = generic.getLoc();
  for (auto [id, v] : cbs.scalerValues)
    tk::GenerateReduceScalerOp::create(b, loc, cbAttr(id),
                                       b.getF64FloatAttr(v));
  Block &region = generic.getRegion().front();
  auto readBlock = [&](unsigned i, Value blkIdx) {
    int32_t id = static_cast<int32_t>(i);
    auto cbTy = cast<d2m::CBType>(region.getArgument(i).getType());
    int64_t n = cbTy.getMemref().getNumElements();
    tk::CBReserveBackOp::create(b, loc, id, idx(n));
    Value base = arith::MulIOp::create(b, loc, blkIdx, idx(n));
    for (int64_t t = 0; t < n; ++t) {
      Value tile = arith::AddIOp::create(b, loc, base, idx(t));
      tk::NocAsyncReadTileOp::create(b, loc, bufferNames[i].getValue(), tile,
                                     id, idx(t));
    }
    tk::NocAsyncReadBarrierOp::create(b, loc);
    tk::CBPushBackOp::create(b, loc, id, idx(n));
  };
  itemLoop([&](Value item) {
    // Sharded blocks first, then the streams interleaved block by block, in
    // the order the compute kernel waits for them.
    SmallVector<unsigned> streams;
    for (auto [i, input] : llvm::enumerate(generic.getInputs())) {
      auto dist =
          cast<d2m::DistributionAttr>(generic.getDistributions()[i]).getValue();
      if (dist == d2m::Distribution::Shard)
        readBlock(i, item);
      else if (cbs.streamWaits.lookup(i) > 0)
        streams.push_back(i);
    }
    if (streams.empty())
      return;
    int64_t n = cbs.streamWaits.lookup(streams.front());
    auto loop = scf::ForOp::create(b, loc, idx(0), idx(n), idx(1));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPoint(loop.getBody()->getTerminator());
    for (unsigned i : streams)
      readBlock(i, loop.getInductionVar());
  });
}

void KernelLowering::buildWriter() {
  Location loc = generic.getLoc();
  Block &region = generic.getRegion().front();
  unsigned numIns = generic.getInputs().size();
  itemLoop([&](Value item) {
    for (auto [j, output] : llvm::enumerate(generic.getOutputs())) {
      int32_t id = kOutputBase + static_cast<int32_t>(j);
      auto cbTy = cast<d2m::CBType>(region.getArgument(numIns + j).getType());
      int64_t n = cbTy.getMemref().getNumElements();
      tk::CBWaitFrontOp::create(b, loc, id, idx(n));
      Value base = arith::MulIOp::create(b, loc, item, idx(n));
      for (int64_t t = 0; t < n; ++t) {
        Value tile = arith::AddIOp::create(b, loc, base, idx(t));
        tk::NocAsyncWriteTileOp::create(
            b, loc, id, idx(t), bufferNames[numIns + j].getValue(), tile);
      }
      tk::NocAsyncWriteBarrierOp::create(b, loc);
      tk::CBPopFrontOp::create(b, loc, id, idx(n));
    }
  });
}
