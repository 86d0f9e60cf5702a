//===- Rng.cpp - Deterministic, documented random numbers -----------------===//
//
// This file must be compiled without floating-point contraction
// (-ffp-contract=off, set in support/CMakeLists.txt): a fused multiply-add
// rounds differently from a multiply followed by an add, which would make
// normal() differ between targets that have FMA and targets that do not.
//
//===----------------------------------------------------------------------===//

#include "support/Rng.h"

#include <cmath>

namespace dstlab {

namespace {

uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

constexpr double kLn2 = 0x1.62e42fefa39efp-1;    // ln 2, rounded
constexpr double kPiOver2 = 0x1.921fb54442d18p0; // pi / 2, rounded
constexpr double kSqrtHalf = 0x1.6a09e667f3bcdp-1;

/// ln(x) for finite x > 0. x = m * 2^e with m in [sqrt(1/2), sqrt(2)) (frexp
/// and a doubling, both exact); ln(m) = 2 atanh(s) with s = (m - 1) / (m + 1),
/// |s| <= 0.1716, summed as 2 s (1 + s^2/3 + s^4/5 + ... + s^26/27), whose
/// truncation error is below 1e-20 relative.
double portableLog(double x) {
  int e = 0;
  double m = std::frexp(x, &e); // m in [0.5, 1)
  if (m < kSqrtHalf) {
    m *= 2;
    e -= 1;
  }
  double s = (m - 1) / (m + 1);
  double s2 = s * s;
  double p = 1.0 / 27;
  for (int k = 12; k >= 0; --k)
    p = p * s2 + 1.0 / (2 * k + 1);
  return e * kLn2 + 2 * s * p;
}

/// sin(t) and cos(t) for t in [0, pi/4] by their Taylor series in nested
/// form, up to t^17 and t^18 (truncation error below 1e-19).
double taylorSin(double t) {
  double t2 = t * t;
  double p = 1;
  for (int n = 17; n >= 3; n -= 2)
    p = 1 - p * t2 / ((n - 1) * n);
  return t * p;
}

double taylorCos(double t) {
  double t2 = t * t;
  double p = 1;
  for (int n = 18; n >= 2; n -= 2)
    p = 1 - p * t2 / ((n - 1) * n);
  return p;
}

/// cos(2 pi u) for u in [0, 1). With 4u = q + f (q the quadrant, f in [0, 1),
/// both exact), cos(2 pi u) = cos(q pi/2 + f pi/2); the quadrant picks sin or
/// cos of f pi/2 and a sign, and for f > 1/2 the complement (1 - f) pi/2 keeps
/// the series argument within [0, pi/4].
double portableCosTurns(double u) {
  double t = 4 * u;
  int q = static_cast<int>(t);
  double f = t - q;
  bool complement = f > 0.5;
  double angle = (complement ? 1 - f : f) * kPiOver2;
  // cos(f pi/2) and sin(f pi/2):
  double cosF = complement ? taylorSin(angle) : taylorCos(angle);
  double sinF = complement ? taylorCos(angle) : taylorSin(angle);
  switch (q & 3) {
  case 0:
    return cosF;
  case 1:
    return -sinF;
  case 2:
    return -cosF;
  default:
    return sinF;
  }
}

} // namespace

uint64_t splitMix64(uint64_t &counter) {
  counter += 0x9E3779B97F4A7C15ull;
  uint64_t z = counter;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

Rng::Rng(uint64_t seed) {
  uint64_t counter = seed;
  for (uint64_t &word : s)
    word = splitMix64(counter);
}

uint64_t Rng::next() {
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

double Rng::uniform01() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}

double Rng::uniform(double lo, double hi) {
  return lo + (hi - lo) * uniform01();
}

double Rng::normal() {
  double u1 = uniform01();
  double u2 = uniform01();
  return std::sqrt(-2 * portableLog(1 - u1)) * portableCosTurns(u2);
}

double Rng::normal(double mean, double stddev) {
  return mean + stddev * normal();
}

} // namespace dstlab
