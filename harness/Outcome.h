//===- Outcome.h - how a cell ended, one row per outcome --------*- C++ -*-===//
//
// The outcomes of a matrix cell as data: name (in JSON, repro headers and
// reports), glyph, process exit code and report heading. The harness, CLI
// and reports read this table; a new outcome is one row.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_OUTCOME_H
#define DSTLAB_HARNESS_OUTCOME_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <ostream>

namespace dstlab::harness {

/// Process exit codes of `dstlab run` / `dstlab cell` (documented in README).
enum ExitCode : int {
  kExitPass = 0,
  kExitMiscompiled = 1,
  kExitHazard = 2,
  kExitDeadlock = 3,
  kExitCompileError = 4,
  kExitBadInput = 5,
  kExitTimeout = 6, ///< simulator step limit, a real tool's time limit
  kExitImprecise = 7,
  /// The real tt-mlir tool of a `real:` variant crashed (dstlab's own
  /// crashes still end the process with the signal).
  kExitCrash = 8,
};

enum class Outcome {
  Pass,
  Crash,
  Error,
  Miscompiled,
  Imprecise,
  Hazard,
  Deadlock,
  /// The simulator gave up after its step budget (the child's verdict).
  StepLimit,
  /// A wall-clock limit: the parent killed the child, or a real tool ran
  /// out of time.
  Timeout,
  BadInput,
  /// `CellRequest::compileOnly`: compiled and stopped; never in a matrix.
  Compiled,
};

struct OutcomeInfo {
  Outcome outcome;
  llvm::StringLiteral name;
  llvm::StringLiteral glyph;
  ExitCode exitCode;
  /// The heading of a root-cause group in STATUS.md.
  llvm::StringLiteral heading;
  /// Its text in the matrix legend after the glyph; empty: another row
  /// with the same glyph covers it (T: out of steps or of time).
  llvm::StringLiteral legend;
  /// Listed in legends and accepted in matrix.json (not Compiled).
  bool inMatrix;
};

/// Every outcome, in legend order.
llvm::ArrayRef<OutcomeInfo> outcomeTable();
const OutcomeInfo &outcomeInfo(Outcome outcome);
/// The outcomes a matrix cell may have, in legend order.
llvm::SmallVector<Outcome> matrixOutcomes();

inline llvm::StringRef outcomeName(Outcome o) { return outcomeInfo(o).name; }
/// One glyph per outcome: ✓ pass, ✗ crash, E error, M miscompiled, ...
inline llvm::StringRef glyphFor(Outcome o) { return outcomeInfo(o).glyph; }
/// The outcome called `name`, or none.
std::optional<Outcome> parseOutcome(llvm::StringRef name);
/// The matrix outcome names, comma-separated (for error messages).
std::string matrixOutcomeNames();

inline llvm::raw_ostream &operator<<(llvm::raw_ostream &os, Outcome o) {
  return os << outcomeName(o);
}
/// For GoogleTest's messages.
inline std::ostream &operator<<(std::ostream &os, Outcome o) {
  return os << outcomeName(o).str();
}

} // namespace dstlab::harness

#endif
