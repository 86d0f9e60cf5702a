//===- TileOpPatterns.cpp - d2m tile ops to ttkernel calls ----------------===//
//
// One pattern per tile-op family. KernelLowering resolves the op's operands
// (a CB tile or a DST index each) and its result's DST index before the
// pattern runs; the pattern picks the hardware form and emits it into the
// compute kernel at the rewriter's insertion point. A pattern that fails has
// diagnosed its op.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/KernelLowering.h"

#include <type_traits>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;
namespace tk = dstlab::ttkernel;

namespace {

template <typename OpTy> struct TileOpPattern : OpRewritePattern<OpTy> {
  TileOpPattern(MLIRContext *ctx, KernelLowering &lowering)
      : OpRewritePattern<OpTy>(ctx), lowering(lowering) {}

  LogicalResult matchAndRewrite(OpTy op,
                                PatternRewriter &rewriter) const final {
    // The applicator points the rewriter at `op`; the calls go into the
    // kernel being built.
    rewriter.restoreInsertionPoint(lowering.kernelInsertionPoint());
    return lower(op, rewriter);
  }

protected:
  virtual LogicalResult lower(OpTy op, PatternRewriter &rewriter) const = 0;

  KernelLowering &lowering;
};

tk::BcastType toTTKernel(d2m::BcastType t) {
  if (t == d2m::BcastType::Col)
    return tk::BcastType::Cols;
  if (t == d2m::BcastType::Row)
    return tk::BcastType::Rows;
  return tk::BcastType::Scalar;
}

//===----------------------------------------------------------------------===//
// Matmul: both factors from CBs, accumulating into DST.
//===----------------------------------------------------------------------===//

struct MatmulLowering : TileOpPattern<d2m::TileMatmulOp> {
  using TileOpPattern::TileOpPattern;
  LogicalResult lower(d2m::TileMatmulOp op,
                      PatternRewriter &rewriter) const override {
    const TileOperands &t = lowering.tileOperands();
    // Both are diagnosed before giving up.
    FailureOr<Operand> a = lowering.needCB(op, 0, /*reread=*/true);
    FailureOr<Operand> b = lowering.needCB(op, 1, /*reread=*/true);
    if (failed(a) || failed(b))
      return failure();
    if (t.operands[2].inDst)
      lowering.moveIntoResult(op, t.operands[2]);
    tk::MatmulTilesOp::create(rewriter, op.getLoc(), lowering.cbAttr(a->cb),
                              lowering.cbAttr(b->cb), a->index, b->index, t.out,
                              UnitAttr());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Reduce: operand and scaler from CBs (no re-read: a DST operand is an
// error upstream too).
//===----------------------------------------------------------------------===//

template <typename OpTy> struct ReduceLowering : TileOpPattern<OpTy> {
  using TileOpPattern<OpTy>::TileOpPattern;
  LogicalResult lower(OpTy op, PatternRewriter &rewriter) const override {
    KernelLowering &lowering = this->lowering;
    const TileOperands &t = lowering.tileOperands();
    FailureOr<Operand> a = lowering.needCB(op, 0, /*reread=*/false);
    FailureOr<Operand> s = lowering.needCB(op, 1, /*reread=*/false);
    if (failed(a) || failed(s))
      return failure();
    if (t.operands[2].inDst)
      lowering.moveIntoResult(op, t.operands[2]);
    auto kind = std::is_same_v<OpTy, d2m::TileReduceMaxOp>
                    ? tk::ReduceKind::Max
                    : tk::ReduceKind::Sum;
    tk::ReduceDim dim = tk::ReduceDim::Scalar;
    if (op.getReduceDim() == d2m::ReduceDim::R)
      dim = tk::ReduceDim::Row;
    else if (op.getReduceDim() == d2m::ReduceDim::C)
      dim = tk::ReduceDim::Col;
    MLIRContext *ctx = op.getContext();
    auto kindAttr = tk::ReduceKindAttr::get(ctx, kind);
    auto dimAttr = tk::ReduceDimAttr::get(ctx, dim);
    IntegerAttr cbA = lowering.cbAttr(a->cb), cbS = lowering.cbAttr(s->cb);
    tk::ReduceInitOp::create(rewriter, op.getLoc(), cbA, cbS, kindAttr,
                             dimAttr);
    tk::ReduceTileOp::create(rewriter, op.getLoc(), cbA, cbS, a->index,
                             s->index, t.out, kindAttr, dimAttr);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Eltwise binary: the FPU form when both operands are CB tiles (a folded
// broadcast read by the unpacker), the in-place SFPU form when both are in
// DST.
//===----------------------------------------------------------------------===//

template <typename OpTy> struct EltwiseBinaryLowering : TileOpPattern<OpTy> {
  using TileOpPattern<OpTy>::TileOpPattern;

  LogicalResult lower(OpTy op, PatternRewriter &rewriter) const override {
    const TileOperands &t = this->lowering.tileOperands();
    if (!t.operands[0].inDst || !t.operands[1].inDst)
      return lowerFpu(op, rewriter, t);
    return lowerSfpu(op, rewriter, t);
  }

private:
  LogicalResult lowerFpu(OpTy op, PatternRewriter &rewriter,
                         const TileOperands &t) const {
    if (t.operands[0].inDst || t.operands[1].inDst)
      return op.emitOpError("mixes a CB and a DST operand");
    auto bc = tk::BcastTypeAttr::get(op.getContext(), t.fpuBcast);
    const Operand &x = t.operands[0], &y = t.operands[1];
    IntegerAttr cbX = this->lowering.cbAttr(x.cb),
                cbY = this->lowering.cbAttr(y.cb);
    Location loc = op.getLoc();
    if constexpr (std::is_same_v<OpTy, d2m::TileAddOp>)
      tk::AddTilesOp::create(rewriter, loc, cbX, cbY, x.index, y.index, t.out,
                             bc);
    else if constexpr (std::is_same_v<OpTy, d2m::TileSubOp>)
      tk::SubTilesOp::create(rewriter, loc, cbX, cbY, x.index, y.index, t.out,
                             bc);
    else if constexpr (std::is_same_v<OpTy, d2m::TileMulOp>)
      tk::MulTilesOp::create(rewriter, loc, cbX, cbY, x.index, y.index, t.out,
                             bc);
    else
      return op.emitOpError("maximum has no FPU form");
    return success();
  }

  LogicalResult lowerSfpu(OpTy op, PatternRewriter &rewriter,
                          const TileOperands &t) const {
    // The in-place SFPU form computes DST[out] op= DST[rhs]. When the
    // result's slice is the rhs's (as tt-mlir's allocator may choose),
    // copying the lhs there first would clobber the rhs. tt-mlir lowers
    // add, sub and mul with an explicit output index (ae4e7b838c,
    // lib/Conversion/D2MToTTKernel/D2MToTTKernel.cpp:709), so the real
    // result is lhs op rhs: add and mul get it with their operands
    // swapped. sub cannot be swapped, and max is lowered in place on its
    // lhs there (:702), leaving the result slice stale on hardware: both
    // are diagnostics rather than a result the real stack would not
    // compute the same way.
    constexpr bool isSub = std::is_same_v<OpTy, d2m::TileSubOp>;
    constexpr bool isMax = std::is_same_v<OpTy, d2m::TileMaximumOp>;
    Operand rhs = t.operands[1];
    bool rhsInOut = t.operands[1].dstSlice >= 0 &&
                    t.operands[1].dstSlice == t.outSlice &&
                    t.operands[0].dstSlice != t.outSlice;
    // With an explicit output index (19c86fca45) max commutes like add
    // and mul.
    if (rhsInOut && (isSub || (isMax && !this->lowering.explicitSfpuOutput())))
      return op.emitOpError("result in the slice of its rhs ")
             << t.outSlice << ": not lowerable to the in-place SFPU form";
    if (rhsInOut)
      rhs = t.operands[0];
    else
      this->lowering.moveIntoResult(op, t.operands[0]);
    Location loc = op.getLoc();
    if constexpr (std::is_same_v<OpTy, d2m::TileAddOp>)
      tk::AddBinaryTileOp::create(rewriter, loc, t.out, rhs.index);
    else if constexpr (isSub)
      tk::SubBinaryTileOp::create(rewriter, loc, t.out, rhs.index);
    else if constexpr (std::is_same_v<OpTy, d2m::TileMulOp>)
      tk::MulBinaryTileOp::create(rewriter, loc, t.out, rhs.index);
    else
      tk::MaxTileOp::create(rewriter, loc, t.out, rhs.index);
    return success();
  }
};

//===----------------------------------------------------------------------===//
// SFPU unary: in place on the operand's copy in the result's slice.
//===----------------------------------------------------------------------===//

template <typename OpTy> struct SfpuUnaryLowering : TileOpPattern<OpTy> {
  using TileOpPattern<OpTy>::TileOpPattern;
  LogicalResult lower(OpTy op, PatternRewriter &rewriter) const override {
    const TileOperands &t = this->lowering.tileOperands();
    if (!t.operands[0].inDst)
      return op.emitOpError("SFPU operand must be in DST");
    this->lowering.moveIntoResult(op, t.operands[0]);
    Location loc = op.getLoc();
    if constexpr (std::is_same_v<OpTy, d2m::TileExpOp>)
      tk::ExpTileOp::create(rewriter, loc, t.out);
    else if constexpr (std::is_same_v<OpTy, d2m::TileRecipOp>)
      tk::RecipTileOp::create(rewriter, loc, t.out);
    else
      tk::MulUnaryTileOp::create(rewriter, loc, t.out, op.getFactorAttr());
    return success();
  }
};

struct FillLowering : TileOpPattern<d2m::TileFillOp> {
  using TileOpPattern::TileOpPattern;
  LogicalResult lower(d2m::TileFillOp op,
                      PatternRewriter &rewriter) const override {
    tk::FillTileOp::create(rewriter, op.getLoc(), lowering.tileOperands().out,
                           op.getValueAttr());
    return success();
  }
};

//===----------------------------------------------------------------------===//
// Transpose and broadcast: done by the unpacker from the CB the operand
// came from (no SFPU form).
//===----------------------------------------------------------------------===//

template <typename OpTy> struct UnpackLowering : TileOpPattern<OpTy> {
  using TileOpPattern<OpTy>::TileOpPattern;
  LogicalResult lower(OpTy op, PatternRewriter &rewriter) const override {
    KernelLowering &lowering = this->lowering;
    FailureOr<Operand> src = lowering.needCB(op, 0, /*reread=*/true);
    if (failed(src))
      return op.emitOpError("operand must come from a circular buffer (no "
                            "SFPU form)");
    Value out = lowering.tileOperands().out;
    if constexpr (std::is_same_v<OpTy, d2m::TileBcastOp>)
      tk::UnaryBcastOp::create(
          rewriter, op.getLoc(), lowering.cbAttr(src->cb), src->index, out,
          tk::BcastTypeAttr::get(op.getContext(),
                                 toTTKernel(op.getBcastType())));
    else
      tk::TransposeWHTileOp::create(rewriter, op.getLoc(), src->cb, src->index,
                                    out);
    return success();
  }
};

} // namespace

void d2m_to_ttkernel::populateD2MToTTKernelPatterns(RewritePatternSet &patterns,
                                                    KernelLowering &lowering) {
  MLIRContext *ctx = patterns.getContext();
  patterns.add<
      MatmulLowering, ReduceLowering<d2m::TileReduceMaxOp>,
      ReduceLowering<d2m::TileReduceSumOp>,
      EltwiseBinaryLowering<d2m::TileAddOp>,
      EltwiseBinaryLowering<d2m::TileSubOp>,
      EltwiseBinaryLowering<d2m::TileMulOp>,
      EltwiseBinaryLowering<d2m::TileMaximumOp>,
      SfpuUnaryLowering<d2m::TileExpOp>, SfpuUnaryLowering<d2m::TileRecipOp>,
      SfpuUnaryLowering<d2m::TileScaleOp>, FillLowering,
      UnpackLowering<d2m::TileTransposeOp>, UnpackLowering<d2m::TileBcastOp>>(
      ctx, lowering);
}
