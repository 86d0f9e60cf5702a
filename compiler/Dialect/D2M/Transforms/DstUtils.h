//===- DstUtils.h - shared pieces of DST register allocation --*- C++ -*-===//
//
// What the upstream model and fix 1 share: the per-op DST operand tables
// (tt-mlir's getOperandsLoadFromDstRegister / getDstRegInPlace), the shape of
// a compute nest, and the emission of acquire_dst, copy-in and copy-out nests.
// The post-pass IR contract (what d2m-to-ttkernel reads):
//   %dst = d2m.acquire_dst : memref<S x E0 x ... x !tile, #dst>
//   copy-in nests:   affine.store (affine.load %cb[...]), %dst[s, ivs]
//   compute nest:    DST operands are affine.load %dst[s, ivs]; every tile
//                    op result is followed by affine.store %r, %dst[s', ivs]
//   copy-out nests:  affine.store (affine.load %dst[s, ivs]), %cb[...]
// The DST index is [slice, output loop ivs...].
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_DSTUTILS_H
#define DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_DSTUTILS_H

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "llvm/ADT/SmallVector.h"

namespace dstlab::d2m {

/// A tile compute op (any d2m.tile_* op).
bool isTileComputeOp(mlir::Operation *op);
/// Operand indices fix 1 loads into DST: unary {0}, binary SFPU {0, 1},
/// tile_matmul and tile_reduce_* {2} (the accumulator), tile_fill {}. As
/// tt-mlir ae4e7b838c's getOperandsLoadFromDstRegister but for
/// tile_transpose (upstream {}; the upstream model keeps its own table).
llvm::SmallVector<unsigned> dstOperands(mlir::Operation *op);
/// The operand whose DST slice the result overwrites in fix 1: unary SFPU
/// ops {0}, tile_matmul and tile_reduce_* {2}; none otherwise.
std::optional<unsigned> inPlaceOperand(mlir::Operation *op);
/// Operands the FPU reads from CBs (srcA/srcB): matmul and reduce a, b.
bool isFPUOperand(mlir::Operation *op, unsigned index);

/// The DST format of a generic: f32 (fp32_dest_acc) when any of its CBs or
/// buffers holds f32 tiles, else bf16; null when it has no tile at all.
TileType dstTileOf(GenericOp generic);

/// DST capacity in tiles (tt-mlir 4e4ab42d19): 16 physical tiles, halved in
/// half-sync mode, halved again when the DST element type is 32-bit.
int64_t dstCapacity(TileType tile, bool fullSync);

/// A perfectly nested affine loop nest produced from one linalg.generic.
struct ComputeNest {
  mlir::affine::AffineForOp outer;
  llvm::SmallVector<mlir::affine::AffineForOp> loops; ///< outer to inner
  mlir::Block *body = nullptr;                        ///< innermost body
  /// Loops that index the nest's CB stores (the output's parallel loops);
  /// the DST index is [slice, these ivs].
  llvm::SmallVector<unsigned> outputLoops;
  llvm::SmallVector<int64_t> dstShape() const; ///< extents of outputLoops
  TileType tile;
  /// The nest was split into one-tile pieces before DST allocation (upstream
  /// runs its tile-compute-loops pass first): the DST section sits inside the
  /// output loops and DST is indexed by slice only. Needs the output loops
  /// outermost.
  bool perTile = false;
  /// Upstream model, whole-block sections only: the section sits inside the
  /// first `sectionDepth` loops (tile-compute-loops' row subblocks).
  unsigned sectionDepth = 0;
  /// The block the per-tile section lives in (innermost output loop body).
  mlir::Block *sectionBlock() const;
};

/// The compute nests of a d2m.generic region in program order, or failure
/// with a diagnostic when the region holds something else.
mlir::FailureOr<llvm::SmallVector<ComputeNest>>
collectComputeNests(GenericOp generic);

/// A CB -> DST (copy-in) or DST -> CB (copy-out) transfer of one slice.
struct SliceTransfer {
  int64_t slice;
  mlir::Value cb;
  mlir::AffineMap cbMap; ///< from the nest's ivs to the CB's indices
};

/// Memrefs written by stores in the region before `nest`.
bool isWrittenBefore(mlir::Value memref, const ComputeNest &nest);

/// Builds the DST index [slice, outputLoop ivs] inside the nest body.
llvm::SmallVector<mlir::Value> dstIndices(mlir::OpBuilder &b,
                                          mlir::Location loc,
                                          const ComputeNest &nest,
                                          int64_t slice);

/// Emits `acquire_dst` with `numSlices` slices before the nest and the
/// copy-in / copy-out nests around it. Returns the DST memref.
mlir::Value emitDstAccess(mlir::OpBuilder &b, ComputeNest &nest,
                          int64_t numSlices,
                          llvm::ArrayRef<SliceTransfer> copyIns,
                          llvm::ArrayRef<SliceTransfer> copyOuts);

/// Both upstream commits refuse a module that still holds a linalg.generic
/// before the DST pass rewrites anything: an error on the module, "found
/// linalg.generic operations that were not converted to affine loops. Please
/// run --d2m-linalg-to-affine before the <passes>".
mlir::LogicalResult checkNoLinalgGeneric(mlir::Operation *module,
                                         llvm::StringRef passes);

/// Prints an upstream assertion failure as the assert build does and aborts:
/// glibc's "FILE:LINE: FUNC: Assertion `COND' failed." or, for tt-mlir's
/// TT_assert/TT_assertv (include/ttmlir/Asserts.h at ae4e7b838c),
/// "FILE:LINE: FUNC: Assertion `COND` failed[, was `WAS`][, MESSAGE]".
/// Independent of NDEBUG: dstlab's model of the assert build at `commit`.
[[noreturn]] void upstreamAssertFailure(llvm::StringRef file, unsigned line,
                                        llvm::StringRef function,
                                        llvm::StringRef condition,
                                        bool ttAssert, llvm::StringRef was,
                                        llvm::StringRef message,
                                        llvm::StringRef commit = "ae4e7b838c");

} // namespace dstlab::d2m

#endif
