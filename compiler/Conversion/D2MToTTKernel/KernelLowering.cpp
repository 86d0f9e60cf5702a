//===- KernelLowering.cpp - index values, CB protocol, the program --------===//
//
// The pieces every kernel builder shares: d2m index values rebuilt in the
// kernel, operands resolved to a CB tile or a DST index, the copy-in, pack
// and intermediate-CB protocol, the dispatch of tile ops to their patterns,
// and the ttkernel.program that holds the three kernels.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/KernelLowering.h"

#include "mlir/Rewrite/PatternApplicator.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;
namespace tk = dstlab::ttkernel;

KernelLowering::KernelLowering(d2m::GenericOp generic, CBAllocation cbs,
                               ArrayRef<StringAttr> bufferNames,
                               tk::MathFidelity fidelity,
                               StringAttr programName, bool explicitSfpuOutput)
    : generic(generic), cbs(std::move(cbs)), bufferNames(bufferNames),
      fidelity(fidelity), programName(programName),
      sfpuOutputIndex(explicitSfpuOutput), b(generic.getContext()) {}

//===----------------------------------------------------------------------===//
// Index values
//===----------------------------------------------------------------------===//

Value KernelLowering::idx(int64_t v) {
  return arith::ConstantIndexOp::create(b, generic.getLoc(), v);
}

Value KernelLowering::linearize(ArrayRef<Value> ivs, ArrayRef<int64_t> shape) {
  Location loc = generic.getLoc();
  Value flat = idx(0);
  for (auto [iv, extent] : llvm::zip(ivs, shape)) {
    flat = arith::MulIOp::create(b, loc, flat, idx(extent));
    flat = arith::AddIOp::create(b, loc, flat, iv);
  }
  return flat;
}

Value KernelLowering::mapped(Value v) {
  if (Value m = map.lookupOrNull(v))
    return m;
  if (auto c = v.getDefiningOp<arith::ConstantIndexOp>())
    return idx(c.value());
  // An index computed after its first use in program order (a DST store's
  // slice index that follows the tile op, as tt-mlir's pass emits it):
  // recomputed here, uncached, so that it dominates wherever it is used.
  if (auto ap = v.getDefiningOp<affine::AffineApplyOp>()) {
    SmallVector<Value> operands;
    for (Value o : ap.getMapOperands())
      operands.push_back(mapped(o));
    return affine::AffineApplyOp::create(b, ap.getLoc(), ap.getAffineMap(),
                                         operands);
  }
  return v;
}

Value KernelLowering::cbIndex(AffineMap m, ValueRange operands, MemRefType t) {
  SmallVector<Value> args;
  for (Value o : operands)
    args.push_back(mapped(o));
  SmallVector<Value> coords;
  for (unsigned r = 0; r < m.getNumResults(); ++r)
    coords.push_back(affine::AffineApplyOp::create(b, generic.getLoc(),
                                                   m.getSubMap({r}), args));
  return linearize(coords, t.getShape());
}

Value KernelLowering::dstIndex(ValueRange indices) {
  SmallVector<Value> args;
  for (Value o : indices)
    args.push_back(mapped(o));
  auto t = cast<MemRefType>(dst.getType());
  return linearize(args, t.getShape());
}

FailureOr<Operand> KernelLowering::resolve(Value v) {
  if (auto load = v.getDefiningOp<affine::AffineLoadOp>()) {
    Operand o;
    o.cb = cbOf(load.getMemRef());
    o.index = cbIndex(load.getAffineMap(), load.getMapOperands(),
                      load.getMemRefType());
    return o;
  }
  if (auto load = v.getDefiningOp<memref::LoadOp>()) {
    Operand o;
    o.inDst = true;
    o.index = dstIndex(load.getIndices());
    if (auto c = load.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
      o.dstSlice = c.value();
    return o;
  }
  return emitError(v.getLoc()) << "tile operand is neither a CB nor a DST load";
}

void KernelLowering::itemLoop(function_ref<void(Value)> body) {
  Location loc = generic.getLoc();
  ArrayRef<int64_t> grid = generic.getGrid();
  Value x = tk::MyXOp::create(b, loc, b.getIndexType());
  Value y = tk::MyYOp::create(b, loc, b.getIndexType());
  Value core = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, y, idx(grid[1])), x);
  auto loop = scf::ForOp::create(b, loc, core, idx(generic.getItems()),
                                 idx(grid[0] * grid[1]));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

//===----------------------------------------------------------------------===//
// CB protocol
//===----------------------------------------------------------------------===//

LogicalResult KernelLowering::emitCopyIn(memref::StoreOp st, Location loc) {
  auto ld = st.getValue().getDefiningOp<affine::AffineLoadOp>();
  if (!ld)
    return success();
  FailureOr<Operand> src = resolve(ld);
  if (failed(src))
    return failure();
  tk::CopyTileOp::create(b, loc, cbAttr(src->cb), src->index,
                         dstIndex(st.getIndices()));
  if (auto c = st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
    copiedFromValue[c.value()] = ld.getResult();
  return success();
}

LogicalResult KernelLowering::emitPack(affine::AffineStoreOp st, int32_t target,
                                       Location loc) {
  FailureOr<Operand> src = resolve(st.getValue());
  if (failed(src))
    return failure();
  if (!src->inDst)
    return st.emitOpError("CB store of a value not in DST");
  tk::PackTileOp::create(
      b, loc, src->index, cbAttr(target),
      cbIndex(st.getAffineMap(), st.getMapOperands(), st.getMemRefType()));
  return success();
}

void KernelLowering::reserveIntermediates(ArrayRef<int32_t> ids, Location loc) {
  for (int32_t id : ids) {
    if (cbState[id] == CBState::Visible)
      tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
    tk::CBReserveBackOp::create(b, loc, id, idx(cbs.pages[id]));
    cbState[id] = CBState::Reserved;
  }
}

void KernelLowering::publishIntermediates(ArrayRef<int32_t> ids, Location loc) {
  for (int32_t id : ids) {
    tk::CBPushBackOp::create(b, loc, id, idx(cbs.pages[id]));
    tk::CBWaitFrontOp::create(b, loc, id, idx(cbs.pages[id]));
    cbState[id] = CBState::Visible;
  }
}

//===----------------------------------------------------------------------===//
// Tile ops
//===----------------------------------------------------------------------===//

/// The result's DST index: the memref.store right after the op.
static memref::StoreOp resultStore(Operation *op) {
  for (Operation *u : op->getResult(0).getUsers())
    if (auto st = dyn_cast<memref::StoreOp>(u))
      return st;
  return nullptr;
}

void KernelLowering::moveIntoResult(Operation *op, const Operand &o) {
  if (o.dstSlice != current.outSlice || o.dstSlice < 0)
    tk::CopyDestValuesOp::create(b, op->getLoc(), o.index, current.out);
}

FailureOr<Operand> KernelLowering::needCB(Operation *op, unsigned i,
                                          bool reread) {
  const Operand &o = current.operands[i];
  if (!o.inDst)
    return o;
  auto it = copiedFrom.find(o.dstSlice);
  if (reread && it != copiedFrom.end()) {
    // The unpacker re-reads the CB the slice was filled from.
    Operand fromCB;
    fromCB.cb = cbOf(it->second.cb);
    fromCB.index = cbIndex(it->second.cbMap, nestIvs,
                           cast<MemRefType>(it->second.cb.getType()));
    return fromCB;
  }
  if (reread) {
    auto v = copiedFromValue.find(o.dstSlice);
    if (v != copiedFromValue.end())
      return resolve(v->second);
  }
  return op->emitOpError() << "operand " << (i == 0 ? "A" : "B")
                           << " must come from a circular buffer, but it "
                              "lives in DST slice "
                           << o.dstSlice;
}

LogicalResult KernelLowering::lowerTileOp(Operation *op) {
  memref::StoreOp st = resultStore(op);
  // A broadcast folded into FPU eltwise ops (fix 1) is done by their unpack.
  if (!st && isa<d2m::TileBcastOp>(op))
    return success();
  if (!st)
    return op->emitOpError("result is not stored to DST; run "
                           "d2m-insert-dst-register-access first");
  current = TileOperands();
  current.out = dstIndex(st.getIndices());
  if (auto c = st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
    current.outSlice = c.value();
  for (Value v : op->getOperands()) {
    // The FPU broadcast forms read the broadcast operand from its CB.
    if (auto bc = v.getDefiningOp<d2m::TileBcastOp>(); bc && !resultStore(bc)) {
      current.fpuBcast =
          bc.getBcastType() == d2m::BcastType::Col   ? tk::BcastType::Cols
          : bc.getBcastType() == d2m::BcastType::Row ? tk::BcastType::Rows
                                                     : tk::BcastType::Scalar;
      v = bc.getInput();
    }
    FailureOr<Operand> o = resolve(v);
    if (failed(o))
      return failure();
    current.operands.push_back(*o);
  }
  // Each op has one pattern: one that fails has diagnosed the op. The
  // applicator points the rewriter at `op`; whatever happens, the kernel's
  // insertion point (now after the pattern's calls) is restored.
  kernelIP = b.saveInsertionPoint();
  bool tried = false;
  LogicalResult lowered = tileOpPatterns->matchAndRewrite(
      op, b, /*canApply=*/{},
      /*onFailure=*/[&](const Pattern &) { tried = true; });
  b.restoreInsertionPoint(kernelIP);
  if (failed(lowered) && !tried)
    op->emitOpError("has no ttkernel lowering");
  // The result overwrote its slice: the unpacker can no longer re-read the
  // CB tile the slice was copied from. A slice not known statically may be
  // any of them.
  if (current.outSlice >= 0) {
    copiedFrom.erase(current.outSlice);
    copiedFromValue.erase(current.outSlice);
  } else {
    copiedFrom.clear();
    copiedFromValue.clear();
  }
  return lowered;
}

//===----------------------------------------------------------------------===//
// The program
//===----------------------------------------------------------------------===//

LogicalResult KernelLowering::lower(OpBuilder &mb) {
  Location loc = generic.getLoc();
  MLIRContext *ctx = generic.getContext();
  // One DST format per kernel: f32 (fp32_dest_acc) when any tile is f32.
  d2m::TileType tile = d2m::dstTileOf(generic);

  RewritePatternSet patterns(ctx);
  populateD2MToTTKernelPatterns(patterns, *this);
  FrozenRewritePatternSet frozen(std::move(patterns));
  PatternApplicator applicator(frozen);
  applicator.applyDefaultCostModel();
  tileOpPatterns = &applicator;

  auto program = tk::ProgramOp::create(
      mb, loc, programName, generic.getGridAttr(),
      tk::MathFidelityAttr::get(ctx, fidelity),
      tk::DstModeAttr::get(ctx, tk::DstMode::Half),
      tile.isF32() ? UnitAttr::get(ctx) : UnitAttr(), UnitAttr());
  Block *body = new Block();
  program.getBody().push_back(body);
  OpBuilder pb = OpBuilder::atBlockBegin(body);
  SmallVector<int32_t> ids;
  for (auto [id, pages] : cbs.pages)
    ids.push_back(id);
  llvm::sort(ids);
  for (int32_t id : ids)
    tk::CBConfigOp::create(
        pb, loc, cbAttr(id), pb.getI64IntegerAttr(cbs.capacity(id)),
        TypeAttr::get(cbs.formats.lookup(id) ? cbs.formats.lookup(id)
                                             : tile.getElementType()));
  auto makeKernel = [&](StringRef name, tk::Thread thread) {
    auto f = func::FuncOp::create(pb, loc, name, pb.getFunctionType({}, {}));
    f->setAttr(tk::kThreadAttrName, tk::ThreadAttr::get(ctx, thread));
    Block *entry = f.addEntryBlock();
    b.setInsertionPointToStart(entry);
    return f;
  };
  makeKernel("reader", tk::Thread::Reader);
  buildReader();
  func::ReturnOp::create(b, loc);
  makeKernel("compute", tk::Thread::Compute);
  LogicalResult compute = buildCompute();
  tileOpPatterns = nullptr;
  if (failed(compute))
    return failure();
  func::ReturnOp::create(b, loc);
  makeKernel("writer", tk::Thread::Writer);
  buildWriter();
  func::ReturnOp::create(b, loc);
  return success();
}
