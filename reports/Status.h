//===- Status.h - STATUS.md from a matrix run ------------------*- C++ -*-===//
//
// Writes a status document in the shape of the seed
// (FLASH_ATTENTION_STATUS.md) from measurements: what works, what does not
// and why (root causes grouped by signature, with the upstream code each
// modelled assertion stands for, and PCC / max error for wrong numbers), the
// testing summary (the seed's rows first, then every other repro, one column
// per variant), the fixes and what each unlocks, and the performance of the
// attention programs beside the seed's unmeasured estimate and the peak.
//
// A cell is "working" only if its outcome is pass (and, for attention-shaped
// programs, its output is attention); a wrong cell is never listed as working.
// The text depends only on the matrix (no dates, no paths), so it is
// byte-for-byte reproducible.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_REPORTS_STATUS_H
#define DSTLAB_REPORTS_STATUS_H

#include "harness/Matrix.h"

#include <string>
#include <vector>

namespace dstlab::reports {

std::string renderStatus(const harness::MatrixRun &run);

/// The upstream code a known crash signature models, if dstlab knows it.
struct UpstreamSite {
  llvm::StringRef signature;
  llvm::StringRef location; ///< file (and line) in tt-mlir, and the commit
  llvm::StringRef code;     ///< the upstream statement, for a code block
};
const UpstreamSite *findUpstreamSite(llvm::StringRef signature);

/// A failure signature with what varies between the cells of one root cause
/// (DST slice numbers, RxC shapes, repro locations loc("F":L:C)) replaced by
/// placeholders, and the values replaced, in order. Upstream file:line stays.
struct NormalisedSignature {
  std::string text;
  std::vector<std::string> values;
};
NormalisedSignature normaliseSignature(llvm::StringRef signature);

/// The seed's peak and estimate (DESIGN.md section 4, the seed document).
inline constexpr double kPeakTflops = 163.84; // 80 x 2048 FLOP/cycle x 1 GHz
inline constexpr double kSeedEstimateLow = 48, kSeedEstimateHigh = 72;

} // namespace dstlab::reports

#endif
