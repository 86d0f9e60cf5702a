//===- Verdict.cpp - pass, miscompiled or imprecise -----------------------===//

#include "harness/Verdict.h"

#include "support/Metrics.h"

#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

using namespace llvm;

namespace dstlab::harness {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// Both non-finite and equal (same infinity, or both NaN).
bool sameNonFinite(double x, double y) {
  return (std::isnan(x) && std::isnan(y)) || (std::isinf(x) && x == y);
}

/// max|out - ref| / max|ref| with matched non-finite values agreeing.
double maxError(ArrayRef<double> out, ArrayRef<double> ref) {
  if (out.size() != ref.size())
    return kInf;
  double diff = 0, mag = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (sameNonFinite(out[i], ref[i]))
      continue;
    if (!std::isfinite(out[i]) || !std::isfinite(ref[i]))
      return kInf;
    diff = std::max(diff, std::fabs(out[i] - ref[i]));
    mag = std::max(mag, std::fabs(ref[i]));
  }
  return mag == 0 ? diff : diff / mag;
}

/// The relative ulp of a format at the bottom of a binade.
double relativeUlp(DataFormat format) {
  return format == DataFormat::BF16 ? std::ldexp(1.0, -7)
                                    : std::ldexp(1.0, -23);
}

} // namespace

double normalisedRmsError(ArrayRef<double> out, ArrayRef<double> ref) {
  if (out.size() != ref.size())
    return kInf;
  double diff = 0, mag = 0;
  size_t n = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    if (sameNonFinite(out[i], ref[i]))
      continue;
    if (!std::isfinite(out[i]) || !std::isfinite(ref[i]))
      return kInf;
    double d = out[i] - ref[i];
    diff += d * d;
    mag += ref[i] * ref[i];
    ++n;
  }
  if (n == 0)
    return 0;
  return mag == 0 ? std::sqrt(diff / n) : std::sqrt(diff / mag);
}

NumericJudgement judgeNumerics(ArrayRef<double> out, ArrayRef<double> exact,
                               ArrayRef<double> faithful,
                               ArrayRef<double> alternate, DataFormat format) {
  NumericJudgement j;
  j.outputNonFinite =
      llvm::any_of(out, [](double v) { return !std::isfinite(v); });
  // Against exact: support/Metrics.h's thresholds, with NaN and infinities
  // where the exact golden has the same counting as agreement (what the
  // program says), any other non-finite value as an infinite error.
  NumericThresholds t = thresholdsFor(format);
  j.exactBound = t.maxError;
  j.maxError = maxError(out, exact);
  std::vector<double> a, b;
  if (out.size() == exact.size())
    for (size_t i = 0; i < out.size(); ++i)
      if (std::isfinite(out[i]) && std::isfinite(exact[i])) {
        a.push_back(out[i]);
        b.push_back(exact[i]);
      }
  j.pcc = std::isfinite(j.maxError) ? dstlab::pcc(a, b) : 0.0;
  if (!std::isfinite(j.maxError))
    j.note = "a NaN or infinity where the exact golden has a number";
  bool exactOk = std::isfinite(j.maxError) && j.maxError <= t.maxError &&
                 j.pcc >= t.minPcc;

  j.faithfulMaxError = maxError(out, faithful);
  j.faithfulRmsError = normalisedRmsError(out, faithful);
  double spreadMax = maxError(alternate, faithful);
  double spreadRms = normalisedRmsError(alternate, faithful);
  double ulp = relativeUlp(format);
  j.faithfulMaxBound = std::max(kFreedomFactor * spreadMax, 2 * ulp);
  j.faithfulRmsBound = std::max(kFreedomFactor * spreadRms, ulp / 10);
  bool faithfulOk = j.faithfulMaxError <= j.faithfulMaxBound &&
                    j.faithfulRmsError <= j.faithfulRmsBound;
  if (!std::isfinite(j.faithfulMaxError))
    j.note = "a NaN or infinity where the faithful reference has a number";
  j.outcome = !faithfulOk ? Outcome::Miscompiled
              : exactOk   ? Outcome::Pass
                          : Outcome::Imprecise;
  return j;
}

} // namespace dstlab::harness
