//===- Metrics.cpp - Numerical comparison of outputs with a golden --------===//

#include "support/Metrics.h"

#include "llvm/ADT/Twine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

using namespace llvm;

namespace dstlab {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

/// The finite pairs of (a, b) after dropping matched infinities, or
/// std::nullopt (with a reason in `note`) when the inputs cannot agree.
struct Pairs {
  std::vector<double> a, b;
};

std::optional<Pairs> finitePairs(ArrayRef<double> a, ArrayRef<double> b,
                                 const char *aName, const char *bName,
                                 std::string &note) {
  if (a.size() != b.size()) {
    note = ("length " + Twine(a.size()) + " vs " + Twine(b.size())).str();
    return std::nullopt;
  }
  Pairs pairs;
  pairs.a.reserve(a.size());
  pairs.b.reserve(b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    double x = a[i], y = b[i];
    if (std::isfinite(x) && std::isfinite(y)) {
      pairs.a.push_back(x);
      pairs.b.push_back(y);
      continue;
    }
    if (std::isinf(x) && x == y)
      continue; // The same infinity on both sides: agreement.
    bool xBad = !std::isfinite(x);
    const char *name = xBad ? aName : bName;
    double v = xBad ? x : y;
    note = (Twine(std::isnan(v) ? "NaN"
                  : v > 0       ? "+inf"
                                : "-inf") +
            " in " + name + " at index " + Twine(i))
               .str();
    return std::nullopt;
  }
  return pairs;
}

bool isConstant(ArrayRef<double> v) {
  return std::all_of(v.begin(), v.end(), [&](double x) { return x == v[0]; });
}

bool equalElements(ArrayRef<double> a, ArrayRef<double> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

double maxAbs(ArrayRef<double> v) {
  double m = 0;
  for (double x : v)
    m = std::max(m, std::fabs(x));
  return m;
}

/// Pearson correlation of finite arrays of equal length.
double finitePcc(ArrayRef<double> a, ArrayRef<double> b) {
  if (a.empty())
    return 1.0;
  if (isConstant(a) || isConstant(b))
    return equalElements(a, b) ? 1.0 : 0.0;
  // Neither array is constant, so neither is all zero. Scaling by the largest
  // magnitude keeps every sum below n and cannot change the correlation.
  double sa = maxAbs(a), sb = maxAbs(b);
  double n = static_cast<double>(a.size());
  double meanA = 0, meanB = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    meanA += a[i] / sa;
    meanB += b[i] / sb;
  }
  meanA /= n;
  meanB /= n;
  double cov = 0, varA = 0, varB = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    double da = a[i] / sa - meanA, db = b[i] / sb - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  if (!(varA > 0) || !(varB > 0))
    return equalElements(a, b) ? 1.0 : 0.0;
  double r = cov / (std::sqrt(varA) * std::sqrt(varB));
  return std::clamp(r, -1.0, 1.0);
}

double finiteMaxError(ArrayRef<double> out, ArrayRef<double> ref) {
  double maxDiff = 0;
  for (size_t i = 0; i < out.size(); ++i)
    maxDiff = std::max(maxDiff, std::fabs(out[i] - ref[i]));
  double maxRef = maxAbs(ref);
  return maxRef == 0 ? maxDiff : maxDiff / maxRef;
}

} // namespace

double pcc(ArrayRef<double> a, ArrayRef<double> b) {
  std::string note;
  std::optional<Pairs> pairs = finitePairs(a, b, "a", "b", note);
  return pairs ? finitePcc(pairs->a, pairs->b) : 0.0;
}

double normalisedMaxError(ArrayRef<double> out, ArrayRef<double> ref) {
  std::string note;
  std::optional<Pairs> pairs = finitePairs(out, ref, "out", "ref", note);
  return pairs ? finiteMaxError(pairs->a, pairs->b) : kInf;
}

NumericThresholds thresholdsFor(DataFormat format) {
  switch (format) {
  case DataFormat::BF16:
    return {0.99, 0.05};
  case DataFormat::F32:
    return {0.9999, 1e-3};
  }
  return {0.99, 0.05};
}

NumericVerdict compare(ArrayRef<double> out, ArrayRef<double> ref,
                       DataFormat format) {
  NumericVerdict verdict{0.0, kInf, false, ""};
  std::optional<Pairs> pairs =
      finitePairs(out, ref, "output", "reference", verdict.note);
  if (!pairs)
    return verdict;
  verdict.pcc = finitePcc(pairs->a, pairs->b);
  verdict.maxError = finiteMaxError(pairs->a, pairs->b);
  NumericThresholds t = thresholdsFor(format);
  verdict.pass = verdict.pcc >= t.minPcc && verdict.maxError <= t.maxError;
  return verdict;
}

} // namespace dstlab
