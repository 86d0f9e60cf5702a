//===- Diff.h - what changed between two matrix runs ------------*- C++ -*-===//
//
// Cells are matched by repro/config/variant. A cell has regressed when it
// passed before and does not now, or when it was as expected before and is
// now neither as expected nor passing (a cell that starts to pass against an
// old expectation is "newly passing", not a regression). `dstlab diff` exits
// non-zero iff something regressed.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_REPORTS_DIFF_H
#define DSTLAB_REPORTS_DIFF_H

#include "harness/Matrix.h"

#include <string>
#include <vector>

namespace dstlab::reports {

struct CellChange {
  std::string id;
  const harness::CellRecord *before = nullptr, *after = nullptr;
};

struct MatrixDiff {
  std::vector<CellChange> regressions, newlyPassing, newlyFailing,
      outcomeChanges, signatureChanges, numericsChanges, expectationChanges,
      performanceChanges, added, removed;
  bool seedsDiffer = false;
  bool regressed() const { return !regressions.empty(); }
};

/// Both runs must stay alive while the result is used.
MatrixDiff diffRuns(const harness::MatrixRun &before,
                    const harness::MatrixRun &after);

std::string renderDiff(const MatrixDiff &diff, const harness::MatrixRun &before,
                       const harness::MatrixRun &after,
                       llvm::StringRef beforeName, llvm::StringRef afterName);

} // namespace dstlab::reports

#endif
