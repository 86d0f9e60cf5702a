//===- Metrics.h - comparing outputs with a golden --------------*- C++ -*-===//
//
// Two metrics compare a computed output `out` with a reference `ref` of the
// same length (DESIGN.md section 6):
//
//   pcc                 Pearson correlation coefficient of out and ref.
//   normalisedMaxError  max_i |out_i - ref_i| / max_i |ref_i|; when ref is all
//                       zero, max_i |out_i| (the absolute error).
//
// Degenerate and non-finite inputs have fixed, documented answers so that a
// verdict is never NaN and never silently passes:
//   - Lengths differ: pcc 0, error +inf.
//   - Positions where out and ref hold the same infinity (same sign) agree and
//     are left out of both metrics. Any other non-finite value in either array
//     (a NaN anywhere, an infinity not matched by the same infinity) gives
//     pcc 0 and error +inf.
//   - No elements left: pcc 1, error 0.
//   - One or both arrays constant (their variance is zero, so the correlation
//     is undefined): pcc 1 if out and ref are equal element for element (which
//     implies both constant and equal), else 0.
//   - Otherwise pcc is the usual coefficient, computed in double precision
//     after scaling each array by its largest magnitude (so no overflow), and
//     clamped to [-1, 1].
//
// Thresholds used by compare() (a result passes when pcc >= minPcc AND
// normalisedMaxError <= maxError):
//
//   bf16:  pcc >= 0.99,    error <= 0.05
//   f32:   pcc >= 0.9999,  error <= 1e-3
//
// Rationale. bf16 keeps 8 significant bits, so each rounding may move a value
// by up to 2^-9 (0.2%) of itself; a flash-attention chain rounds several
// times (packs between kernels, a bf16 DST, approximate exp, reduced matmul
// fidelity) and sums 32-element products, which legitimately accumulates
// errors of one to a few percent of the largest output. 5% of max|ref| accepts
// that while still rejecting the failures dstlab exists to catch: a wrong
// reduction axis, a stale or overwritten DST slice, a missing normalisation or
// a wrong transpose move whole rows or columns by amounts comparable to
// max|ref|. A PCC of 0.99 is the default tolerance of tt-metal's Python test
// helper (comp_pcc in tests/ttnn/utils_for_testing.py), so dstlab's verdicts
// read like theirs. For f32 data the same structural errors are caught with
// far less slack: 1e-3 of max|ref| is at least 8000 f32 ulps of the largest
// value, ample for 32-term f32 accumulations and an accurate exp, yet half of
// the worst bf16 rounding error (2^-9, about 2e-3), so an f32 path that
// silently rounds through bf16 typically fails; 0.9999 is the matching PCC.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_METRICS_H
#define DSTLAB_SUPPORT_METRICS_H

#include "support/Bf16.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace dstlab {

/// Pearson correlation of `a` and `b`, with the conventions above.
double pcc(llvm::ArrayRef<double> a, llvm::ArrayRef<double> b);

/// max|out - ref| / max|ref| (max|out| if ref is all zero), with the
/// conventions above.
double normalisedMaxError(llvm::ArrayRef<double> out,
                          llvm::ArrayRef<double> ref);

/// Pass thresholds for one data format.
struct NumericThresholds {
  double minPcc;
  double maxError;
};

/// The thresholds above for `format`.
NumericThresholds thresholdsFor(DataFormat format);

/// The outcome of comparing an output with its golden.
struct NumericVerdict {
  double pcc;
  double maxError;
  bool pass;
  /// Empty when the metrics are ordinary; otherwise why they were forced
  /// (e.g. "NaN in output at index 17", "length 1024 vs 2048").
  std::string note;
};

/// Computes both metrics and applies the thresholds of `format`.
NumericVerdict compare(llvm::ArrayRef<double> out, llvm::ArrayRef<double> ref,
                       DataFormat format);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_METRICS_H
