//===- KernelLowering.h - state shared by the kernel builders ---*- C++ -*-===//
//
// One d2m.generic becomes one ttkernel.program. KernelLowering holds what
// its reader, compute and writer builders and the tile-op patterns share:
// the CB ids, the mapping of d2m index values into the kernel being built,
// and the DST section state (which CBs are reserved or visible, where each
// DST slice was copied from, whether the section is packing).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_COMPILER_CONVERSION_D2MTOTTKERNEL_KERNELLOWERING_H
#define DSTLAB_COMPILER_CONVERSION_D2MTOTTKERNEL_KERNELLOWERING_H

#include "compiler/Conversion/D2MToTTKernel/CBAllocation.h"
#include "compiler/Dialect/D2M/Transforms/DstUtils.h"
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"

#include "mlir/IR/IRMapping.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir {
class PatternApplicator;
} // namespace mlir

namespace dstlab::d2m_to_ttkernel {

/// Where a tile operand lives at kernel level.
struct Operand {
  bool inDst = false;
  int32_t cb = -1;
  mlir::Value index; ///< flat tile index in the CB, or flat DST index
  int64_t dstSlice = -1;
};

/// The operands of the tile op being lowered, resolved before its pattern
/// runs.
struct TileOperands {
  llvm::SmallVector<Operand> operands;
  mlir::Value out;       ///< the result's flat DST index
  int64_t outSlice = -1; ///< the result's DST slice if static
  /// Set when an operand is a d2m.tile_bcast left for the FPU's unpacker.
  ttkernel::BcastType fpuBcast = ttkernel::BcastType::None;
};

class KernelLowering {
public:
  KernelLowering(d2m::GenericOp generic, CBAllocation cbs,
                 llvm::ArrayRef<mlir::StringAttr> bufferNames,
                 ttkernel::MathFidelity fidelity, mlir::StringAttr programName,
                 bool explicitSfpuOutput);

  /// Builds the program before `moduleBuilder`'s insertion point.
  mlir::LogicalResult lower(mlir::OpBuilder &moduleBuilder);

  //===--------------------------------------------------------------------===//
  // For the tile-op patterns.
  //===--------------------------------------------------------------------===//

  const TileOperands &tileOperands() const { return current; }
  /// Where the tile op's ttkernel calls go.
  mlir::OpBuilder::InsertPoint kernelInsertionPoint() const { return kernelIP; }
  bool explicitSfpuOutput() const { return sfpuOutputIndex; }
  mlir::IntegerAttr cbAttr(int32_t id) { return b.getI32IntegerAttr(id); }
  /// Copies a DST operand of `op` into the result's slice unless it is
  /// there, for ops that work in place on it.
  void moveIntoResult(mlir::Operation *op, const Operand &o);
  /// Operand `i` of `op` from a CB, as the hardware needs it. With
  /// `reread`, one in DST is re-read from the CB its slice was copied from
  /// (upstream's behaviour); otherwise, or if that is unknown, a diagnostic.
  mlir::FailureOr<Operand> needCB(mlir::Operation *op, unsigned i, bool reread);

private:
  //===--------------------------------------------------------------------===//
  // Index values (KernelLowering.cpp).
  //===--------------------------------------------------------------------===//
  mlir::Value idx(int64_t v);
  mlir::Value linearize(llvm::ArrayRef<mlir::Value> ivs,
                        llvm::ArrayRef<int64_t> shape);
  /// A d2m index value in the kernel being built.
  mlir::Value mapped(mlir::Value v);
  mlir::Value cbIndex(mlir::AffineMap m, mlir::ValueRange operands,
                      mlir::MemRefType t);
  mlir::Value dstIndex(mlir::ValueRange indices);
  int32_t cbOf(mlir::Value memref) { return cbs.idOf(memref); }
  mlir::FailureOr<Operand> resolve(mlir::Value v);
  /// Emits `for item in this core's work items { body(item) }`.
  void itemLoop(llvm::function_ref<void(mlir::Value)> body);

  //===--------------------------------------------------------------------===//
  // CB protocol (KernelLowering.cpp).
  //===--------------------------------------------------------------------===//
  /// copy_tile for a DST store of a CB tile; other DST stores hold results,
  /// which their tile op lowers.
  mlir::LogicalResult emitCopyIn(mlir::memref::StoreOp st, mlir::Location loc);
  /// pack_tile for a CB store of a DST value, into CB `target`.
  mlir::LogicalResult emitPack(mlir::affine::AffineStoreOp st, int32_t target,
                               mlir::Location loc);
  /// Intermediates about to be written: free their old block, reserve anew.
  void reserveIntermediates(llvm::ArrayRef<int32_t> ids, mlir::Location loc);
  /// Intermediates written: push and wait, so that readers see them.
  void publishIntermediates(llvm::ArrayRef<int32_t> ids, mlir::Location loc);
  /// A tile op: its operands resolved, then its pattern.
  mlir::LogicalResult lowerTileOp(mlir::Operation *op);

  //===--------------------------------------------------------------------===//
  // Kernels (DataMovementKernels.cpp, ComputeKernel.cpp).
  //===--------------------------------------------------------------------===//
  void buildReader();
  void buildWriter();
  mlir::LogicalResult buildCompute();
  mlir::LogicalResult lowerNest(mlir::affine::AffineForOp loop);
  mlir::LogicalResult lowerTileLoop(mlir::affine::AffineForOp loop, bool top);
  mlir::LogicalResult lowerSectionBlock(mlir::Block &block);
  mlir::LogicalResult lowerScfLoop(mlir::scf::ForOp loop);

  d2m::GenericOp generic;
  CBAllocation cbs;
  llvm::ArrayRef<mlir::StringAttr> bufferNames; // per generic operand
  ttkernel::MathFidelity fidelity;
  mlir::StringAttr programName;
  bool sfpuOutputIndex;
  /// Builds the kernels; the patterns get it as their rewriter.
  mlir::PatternRewriter b;
  mlir::PatternApplicator *tileOpPatterns = nullptr;
  TileOperands current;
  mlir::OpBuilder::InsertPoint kernelIP;

  mlir::IRMapping map; // d2m index values -> kernel values
  /// Per DST section: slice -> the CB transfer (as a map over the compute
  /// nest's ivs) or the CB load that filled it.
  llvm::DenseMap<int64_t, d2m::SliceTransfer> copiedFrom;
  llvm::DenseMap<int64_t, mlir::Value> copiedFromValue;
  mlir::Value dst;
  llvm::SmallVector<mlir::Value> nestIvs; // the compute nest's (d2m) ivs
  enum class CBState { None, Reserved, Visible };
  llvm::DenseMap<int32_t, CBState> cbState;
  llvm::DenseMap<int32_t, int32_t> packRedirect; // CB id -> CB packs write
  llvm::DenseMap<int32_t, mlir::Value> holderOf; // intermediate -> memref
  bool sectionOpen = false, packing = false;
};

/// The ttkernel lowerings of the d2m tile ops, one pattern per op family.
/// They emit at the rewriter's insertion point in the kernel being built and
/// leave the d2m op alone (the generic is erased as a whole).
void populateD2MToTTKernelPatterns(mlir::RewritePatternSet &patterns,
                                   KernelLowering &lowering);

} // namespace dstlab::d2m_to_ttkernel

#endif
