//===- RealCell.h - compile a cell with a real tt-mlir tool ----*- C++ -*-===//
//
// The compile step of a `real:NAME` cell: tt-lang's front end (Nov 2025:
// ternary reduce, per-tile transpose) to the stage before the DST pass,
// export in the commit's D2M syntax (bridge/), the real tool (or its
// recording), import of its output, dstlab's back end. What the tool did
// decides the cell when it did not compile: a crash with its assertion and
// site, a diagnostic, a timeout.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_REALCELL_H
#define DSTLAB_HARNESS_REALCELL_H

#include "compiler/Conversion/TLToD2M/Forms.h"
#include "harness/Cell.h"

#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace dstlab::harness {

/// Compiles `module` (one tl.program) for `request` (a `real:` variant). The
/// result when the cell ends here (crash, error, timeout, bad-input);
/// std::nullopt when `module` now holds the kernels to simulate.
/// `precision` is the recipe's name, `reduceForm` the front end's reductions.
std::optional<CellResult> compileWithRealTool(mlir::ModuleOp module,
                                              const CellRequest &request,
                                              llvm::StringRef precision,
                                              ReduceForm reduceForm);

} // namespace dstlab::harness

#endif // DSTLAB_HARNESS_REALCELL_H
