//===- CBAllocation.h - circular-buffer ids of a d2m.generic ----*- C++ -*-===//
//
// Which circular buffer (CB) each CB-space value of a d2m.generic lives in,
// decided before any kernel is built: inputs take ids 0.., outputs 16..,
// scalers and intermediates share the rest (a core has 32).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_COMPILER_CONVERSION_D2MTOTTKERNEL_CBALLOCATION_H
#define DSTLAB_COMPILER_CONVERSION_D2MTOTTKERNEL_CBALLOCATION_H

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

namespace dstlab::d2m_to_ttkernel {

/// The first output CB id.
constexpr int32_t kOutputBase = 16;
/// How many CBs a core has.
constexpr int32_t kNumCBs = 32;

/// The CB ids of one d2m.generic. The maps are filled in a fixed order and
/// the lowering iterates some of them: their contents and layout are part
/// of the emitted IR's order.
struct CBAllocation {
  /// CB-space memref, d2m.cb block argument or scaler -> id. The lowering
  /// adds the views (wait/reserve results) and moves a ping-ponged
  /// intermediate to its other CB.
  llvm::DenseMap<mlir::Value, int32_t> ids;
  /// Tiles per id (the largest holder's): what one wait, reserve, push or
  /// pop moves.
  llvm::DenseMap<int32_t, int64_t> pages;
  /// Blocks of `pages` tiles an id holds, when more than one: a stream read
  /// block by block holds two, so the reader fills the next block while the
  /// compute kernel works on this one (double buffering).
  llvm::DenseMap<int32_t, int64_t> depth;
  /// Element type of each id's tiles: a CB has one format.
  llvm::DenseMap<int32_t, mlir::Type> formats;
  /// Scaler id -> the value the reader fills it with.
  llvm::DenseMap<int32_t, double> scalerValues;
  /// Stream input id -> waits per work item.
  llvm::DenseMap<int32_t, int> streamWaits;
  /// Ids of intermediates (memref.alloc in the region).
  llvm::DenseSet<int32_t> tempIds;
  /// An intermediate that some tile loop both reads and writes (an
  /// accumulator updated in place) gets a pair of CBs: the loop writes the
  /// other one, since a CB page cannot be rewritten once visible.
  llvm::DenseMap<mlir::Value, std::pair<int32_t, int32_t>> pingPong;

  int32_t idOf(mlir::Value v) const { return ids.lookup(v); }
  /// Tiles the id's CB holds: its configured size.
  int64_t capacity(int32_t id) const {
    auto it = depth.find(id);
    return pages.lookup(id) * (it == depth.end() ? 1 : it->second);
  }
};

/// Colours the generic's CBs. Emits a diagnostic and fails when they do not
/// fit a core or a loop's block count is not static.
mlir::FailureOr<CBAllocation> allocateCBs(d2m::GenericOp generic);

/// True if `op` holds a DST section (a d2m.acquire_dst) anywhere inside.
bool holdsSection(mlir::Operation *op);

} // namespace dstlab::d2m_to_ttkernel

#endif
