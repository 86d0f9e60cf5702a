//===- Upstream2026.h - tt-mlir 19c86fca45 DST model, shared ----*- C++ -*-===//
//
// What the three passes of the 19c86fca45 model share: the per-op tables of
// that commit (which operands an op reads from DST, which ops write in
// place, FPU or SFPU class), its DST slice allocator, the attributes the
// passes hand each other, and its assertion sites. Facts cite tt-mlir at
// 19c86fca45 (2026-08-21); see Rationale.md beside this file.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_UPSTREAM2026_UPSTREAM2026_H
#define DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_UPSTREAM2026_UPSTREAM2026_H

#include "compiler/Dialect/D2M/IR/D2M.h"
#include "support/UpstreamAsserts.h"

#include "mlir/IR/Operation.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <functional>
#include <optional>

namespace dstlab::d2m::upstream2026 {

/// Markers, spelled as upstream spells them (GenericTileComputeLoops.cpp,
/// D2MLinalgToAffine, OpScheduler.cpp:363-376).
inline constexpr llvm::StringLiteral kLinalgRoot = "d2m.linalg_root";
inline constexpr llvm::StringLiteral kScheduled = "d2m.scheduled";
inline constexpr llvm::StringLiteral kScratchSpaceLoop =
    "d2m.scratch_space_loop";
inline constexpr llvm::StringLiteral kDstAccessInserted =
    "d2m.dst_access_inserted";
/// dstlab's own marker: tile-compute-loops printed its shard-size
/// diagnostic on this generic (DstRegisterAnalysis.cpp:383-386) and left it
/// untiled. The real tool prints it first and fails only if a later pass
/// does, so the DST pass (the last of the tool's passes) reports it when it
/// fails and drops it otherwise.
inline constexpr llvm::StringLiteral kPendingShardError =
    "dstlab.shard_size_diagnostic";
inline constexpr llvm::StringLiteral kShardSizeMessage =
    "expected all linalg.generic outputs in a region to have shard size 1";

/// dstlab's `tile_scale` is exported as `tile_mul(x, f32 constant)`: a
/// scalar rhs (D2MGenericRegionOpsInterfaces.td:122-141 isScalarOperand).
inline bool hasScalarRhs(mlir::Operation *op) {
  return mlir::isa<TileScaleOp>(op);
}

/// getOperandsLoadFromDstRegister at 19c86fca45
/// (D2MGenericRegionOps.td:61-130 and D2MGenericRegionOps.cpp:2297-2319):
/// matmul and reductions {2}; tile_add/sub/mul {} for bf16 tiles (FPU) and
/// {0, 1} when either is f32; a scalar rhs {0}; maximum {0, 1}; unary SFPU
/// {0}; transpose, bcast and fill keep the default {}.
inline llvm::SmallVector<unsigned> dstOperandIndices(mlir::Operation *op) {
  using namespace mlir;
  if (isa<TileMatmulOp, TileReduceMaxOp, TileReduceSumOp>(op))
    return {2};
  if (isa<TileAddOp, TileSubOp, TileMulOp>(op)) {
    bool f32 = llvm::any_of(op->getOperandTypes(),
                            [](Type t) { return cast<TileType>(t).isF32(); });
    return f32 ? SmallVector<unsigned>{0, 1} : SmallVector<unsigned>{};
  }
  if (isa<TileMaximumOp>(op))
    return {0, 1};
  if (isa<TileExpOp, TileRecipOp, TileScaleOp>(op))
    return {0};
  return {};
}

/// getDstRegInPlace(): unary SFPU ops, tile_matmul and the reductions.
inline bool inPlace(mlir::Operation *op) {
  return mlir::isa<TileExpOp, TileRecipOp, TileMatmulOp, TileReduceMaxOp,
                   TileReduceSumOp>(op);
}

/// DstRegisterAnalysis.cpp:27-49 classifyComputeOp: matmul and reductions
/// run on the FPU, so does bf16 add/sub/mul of two tiles; everything else
/// (f32 binaries, scalar rhs, unary, transpose, bcast, fill) is SFPU.
inline bool isFPU(mlir::Operation *op) {
  using namespace mlir;
  if (isa<TileMatmulOp, TileReduceMaxOp, TileReduceSumOp>(op))
    return true;
  if (isa<TileAddOp, TileSubOp, TileMulOp>(op))
    return dstOperandIndices(op).empty();
  return false;
}

// Where the 19c86fca45 checks sit: support/UpstreamAsserts.h.
using namespace dstlab::upstream2026;
inline constexpr llvm::StringLiteral kCommit = "19c86fca45";

/// DstSliceAllocator (Shared.h:122-168, Shared.cpp:156-281): a stack of free
/// slices, capacity-1 pushed first so 0 pops first; a freed slice goes back
/// on top (most recently freed reused first). Inputs are remembered on an
/// input stack that deallocateIntermediate never frees. `onEmpty` reports
/// the TT_assertv of an empty pop with its source site; it returns only in
/// the release model, where the pop is undefined behaviour.
class SliceAllocator {
public:
  using EmptyHandler = std::function<void(const UpstreamAssertSite &site)>;
  SliceAllocator(unsigned capacity, EmptyHandler onEmpty)
      : onEmpty(std::move(onEmpty)) {
    for (int i = static_cast<int>(capacity) - 1; i >= 0; --i)
      free.push_back(static_cast<unsigned>(i));
  }

  /// allocateInput (:156-166; allocateInputStrided(1) forwards to it).
  unsigned allocateInput() {
    unsigned id = pop(kOutOfSlicesInput);
    current = id;
    inputs.push_back(id);
    return id;
  }
  /// allocateOutput (:195-204): current, not an input.
  unsigned allocateOutput() {
    unsigned id = pop(kOutOfSlicesOutput);
    current = id;
    return id;
  }
  std::optional<unsigned> currentSlice() const { return current; }
  std::optional<unsigned> firstInput() const {
    if (inputs.empty())
      return std::nullopt;
    return inputs.front();
  }
  /// deallocateIntermediate (:240-257): inputs and free slices are ignored.
  void release(unsigned id) {
    if (llvm::is_contained(inputs, id) || llvm::is_contained(free, id))
      return;
    free.push_back(id);
    if (current && *current == id)
      current.reset();
  }
  /// deallocateAllButFirstInput (:259-273): the first input leaves the
  /// input stack without being freed (nothing frees it afterwards).
  void releaseAllButFirstInput() {
    if (inputs.empty())
      return;
    unsigned first = inputs.front();
    inputs.erase(inputs.begin());
    while (!inputs.empty())
      free.push_back(inputs.pop_back_val());
    current = first;
  }
  void setStoredToDst() { storedToDst = true; }
  bool didStoreToDst() const { return storedToDst; }

private:
  unsigned pop(const UpstreamAssertSite &site) {
    if (free.empty()) {
      onEmpty(site);
      // Release model: popping an empty SmallVector. onEmpty raised the
      // signal the real release build dies of; never reached.
      return 0;
    }
    return free.pop_back_val();
  }

  EmptyHandler onEmpty;
  llvm::SmallVector<unsigned, 16> free, inputs;
  std::optional<unsigned> current;
  bool storedToDst = false;
};

} // namespace dstlab::d2m::upstream2026

#endif
