//===- Generate.h - random valid tl programs --------------------*- C++ -*-===//
//
// generateProgram draws one `tl.program` from a seed: a single kernel whose
// body is a DAG of block ops (values used several times, row reductions and
// broadcasts, matmuls with transposes, elementwise chains longer than the DST
// holds) and, sometimes, an scf.for over a streamed input with carried state;
// random block shapes, element type (bf16 or f32), work items and grid.
//
// Every program is valid by construction and checked again: it parses and
// verifies, and keeps the column-vector discipline (checkColvecDiscipline):
// only column 0 of a row reduction is specified, so such a value may only
// meet other column vectors, a `bcast cols`, or a colvec output. A value's
// interval is tracked so that exp and recip only see arguments where they
// stay finite and well conditioned. The output depends only on the seed and
// the options, byte for byte (support/Rng.h).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_DISCOVER_GENERATE_H
#define DSTLAB_DISCOVER_GENERATE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>

namespace mlir {
class MLIRContext;
class Operation;
} // namespace mlir

namespace dstlab::discover {

struct GenOptions {
  /// Block ops per program, drawn in [minOps, maxOps].
  unsigned minOps = 4, maxOps = 16;
  /// Whether a program may hold an scf.for over a streamed input.
  bool loops = true;
};

struct GeneratedProgram {
  std::string name; ///< the tl.program symbol
  std::string text; ///< the program op alone (no header)
  unsigned blockOps = 0;
};

/// The seed of program `index` of a fuzz run with seed `runSeed`.
uint64_t programSeed(uint64_t runSeed, uint64_t index);

/// Draws a program named `name` from `seed`.
GeneratedProgram generateProgram(uint64_t seed, llvm::StringRef name,
                                 const GenOptions &options);

/// Parses `text` (a module of tl programs) in `ctx` and verifies it, then
/// checks the column-vector discipline; the error names the first problem.
llvm::Error checkProgramText(mlir::MLIRContext &ctx, llvm::StringRef text);

/// Fails when a value whose columns other than 0 are unspecified (a row
/// reduction, or what is computed from one) reaches a use that reads every
/// column: a full elementwise operand, a matmul, transpose, reduction,
/// `bcast rows`, or a non-colvec output. `program` is a tl.program.
llvm::Error checkColvecDiscipline(mlir::Operation *program);

/// The tl block ops of a module or program (tl.read, tl.yield excluded).
unsigned countBlockOps(mlir::Operation *root);

} // namespace dstlab::discover

#endif
