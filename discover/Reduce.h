//===- Reduce.h - shrink a failing tl program -------------------*- C++ -*-===//
//
// reduceProgram shrinks a module holding one tl.program while `interesting`
// keeps saying yes (the caller decides what that means: the same failure
// signature under a variant, or an external test script). Every candidate
// is an edit of the current program, made on a fresh parse of its text,
// cleaned up (dead ops and unused inputs go), verified, and kept only if it
// is smaller (fewer block ops, fills included, then loops, inputs, outputs,
// tiles, grid cores, loop trips) and the oracle accepts it:
//
//   1. ddmin over the block ops (and loops): delete a chunk of them, each
//      result replaced by an operand of its type, else by a fill;
//   2. then, to a fixed point: make an output yield another value (what
//      came after it dies), replace an op's result by a fill, an operand
//      by a fill, drop an output, cut a loop to one trip and inline a
//      one-trip loop, grid 1x1, one work item, no program attributes,
//      narrower blocks; and ddmin again.
//
// A candidate that breaks the column-vector discipline (Generate.h) is
// never asked about when the input kept it: its unspecified columns could
// look like a miscompile. Identical candidates are asked about once.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_DISCOVER_REDUCE_H
#define DSTLAB_DISCOVER_REDUCE_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>

namespace mlir {
class MLIRContext;
} // namespace mlir

namespace dstlab::discover {

/// Says whether a candidate (the text of a module with one tl.program) is
/// still interesting.
using Oracle = std::function<bool(llvm::StringRef moduleText)>;

struct ReduceStats {
  unsigned opsBefore = 0, opsAfter = 0;
  unsigned candidates = 0; ///< asked the oracle
  unsigned accepted = 0;
  unsigned rounds = 0;
};

/// Reduces `moduleText` (one tl.program) and returns the smallest
/// interesting text found; the input itself must be interesting (the
/// caller checks). `progress` gets one line per accepted step.
llvm::Expected<std::string>
reduceProgram(mlir::MLIRContext &ctx, llvm::StringRef moduleText,
              const Oracle &interesting, ReduceStats &stats,
              llvm::function_ref<void(llvm::StringRef)> progress);

/// The text of the tl.program ops of `moduleText`, each printed alone (no
/// `module {` wrapper), as a repro file holds them.
llvm::Expected<std::string> printPrograms(mlir::MLIRContext &ctx,
                                          llvm::StringRef moduleText);

} // namespace dstlab::discover

#endif
