//===- Verdict.h - pass, miscompiled or imprecise ---------------*- C++ -*-===//
//
// A compiled program's output `out` is judged against two references of the
// same tl program on the same inputs (golden/Interpreter.h):
//
//   exact      the intended mathematics in double precision;
//   faithful   the program evaluated with the target's rounding at the points
//              the program and its configuration fix (declared types or the
//              precision recipe, the DST accumulation format), canonically
//              (exact chunk sums rounded once, ties to even);
//   alternate  the same rounding at the other extreme of what a correct
//              compiler and target may do (chunks accumulated in float in
//              reverse order, ties away from zero, exp in float).
//
// Outcomes:
//   miscompiled  out disagrees with faithful: a compiler or simulator bug;
//   imprecise    out agrees with faithful but misses the exact thresholds of
//                support/Metrics.h: the program or its recipe lacks precision;
//   pass         both hold.
//
// "Agrees with faithful" is two bounds derived per run, both normalised by
// the faithful output's magnitude:
//   max error  max|out - F| / max|F|  <= max(4 * max|A - F| / max|F|, 2 ulp)
//   rms error  rms(out - F) / rms(F)  <= max(4 * rms(A - F) / rms(F), ulp/10)
// where A is the alternate reference and ulp is the output type's relative
// ulp (2^-7 for bf16, 2^-23 for f32). |A - F| is what the legal freedom does
// to this program on these inputs (after every chained rounding); a correct
// compilation is one more sample of that freedom, so it lands within a small
// multiple of the spread. The floors admit the last rounding alone: a value
// within one ulp of a rounding boundary may land on either side (2 ulps at
// the largest element), and up to 1% of the elements may do so (the rms
// floor). The rms bound catches a small systematic deviation that the max
// bound cannot (a one-ulp-level change of a scale moves most elements by a
// fraction of an ulp and flips a large share of their roundings); the max
// bound catches a large local one. Where F and A disagree on a NaN or an
// infinity the freedom is unbounded and only the exact thresholds judge.
// Positions where two arrays hold the same infinity, or both NaN, agree.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_VERDICT_H
#define DSTLAB_HARNESS_VERDICT_H

#include "harness/Outcome.h"
#include "support/Bf16.h"

#include "llvm/ADT/ArrayRef.h"

#include <string>

namespace dstlab::harness {

/// The multiple of the measured freedom a correct compilation may reach.
inline constexpr double kFreedomFactor = 4.0;

struct NumericJudgement {
  Outcome outcome = Outcome::Pass; ///< pass | miscompiled | imprecise
  /// Against exact (support/Metrics.h conventions: non-finite gives pcc 0,
  /// error +inf).
  double pcc = 0, maxError = 0;
  double exactBound = 0; ///< the exact max-error threshold of the format
  /// Against faithful, and the bounds derived from the alternate reference.
  double faithfulMaxError = 0, faithfulRmsError = 0;
  double faithfulMaxBound = 0, faithfulRmsBound = 0;
  /// NaN or an infinity somewhere in `out`.
  bool outputNonFinite = false;
  /// Why a figure was forced (a NaN where the reference has a number, ...).
  std::string note;
};

/// Normalised rms error: rms(out - ref) / rms(ref) over positions where both
/// are finite (matched infinities and NaNs agree); +inf when a non-finite
/// value is unmatched; the absolute rms when ref is all zero.
double normalisedRmsError(llvm::ArrayRef<double> out,
                          llvm::ArrayRef<double> ref);

/// Judges `out` (see above). All arrays have the same length; `format` is
/// the output's element format.
NumericJudgement judgeNumerics(llvm::ArrayRef<double> out,
                               llvm::ArrayRef<double> exact,
                               llvm::ArrayRef<double> faithful,
                               llvm::ArrayRef<double> alternate,
                               DataFormat format);

} // namespace dstlab::harness

#endif
