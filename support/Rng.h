//===- Rng.h - Deterministic, documented random numbers ---------*- C++ -*-===//
//
// dstlab generates test inputs with this generator, and users reproduce those
// inputs elsewhere (in Python, for instance), so the algorithm is specified
// here completely. All integer arithmetic is modulo 2^64; rotl(x, k) is a
// 64-bit left rotation; ">>" is a logical shift.
//
// Seeding (splitmix64). Start with a 64-bit counter c = seed. Each splitmix64
// output is
//     c = c + 0x9E3779B97F4A7C15
//     z = c
//     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//     output z ^ (z >> 31)
// The generator's state s[0], s[1], s[2], s[3] is the first four outputs, in
// that order. (The output function is a bijection of c, so four consecutive
// outputs are never all zero.)
//
// next() (xoshiro256**, Blackman and Vigna):
//     result = rotl(s[1] * 5, 7) * 9
//     t      = s[1] << 17
//     s[2] ^= s[0];  s[3] ^= s[1];  s[1] ^= s[2];  s[0] ^= s[3]
//     s[2] ^= t
//     s[3]   = rotl(s[3], 45)
//     return result
//
// uniform01() = (next() >> 11) * 2^-53, in [0, 1) with 53 random bits.
// uniform(lo, hi) = lo + (hi - lo) * uniform01().
//
// normal() (Box-Muller, cosine branch only): draw u1 = uniform01() and then
// u2 = uniform01(), and return
//     sqrt(-2 * ln(1 - u1)) * cos(2 * pi * u2).
// Every call consumes exactly two next() outputs; the sine branch is not kept.
// 1 - u1 lies in (0, 1], so the logarithm is always finite.
//
// Portability: next(), uniform01() and uniform() are exact integer and
// IEEE-754 operations, hence bit-identical everywhere. For normal(), ln and cos
// are not taken from the C library (whose results may differ by an ulp between
// platforms): Rng.cpp evaluates them with its own series using only +, -, *, /
// and sqrt, compiled without floating-point contraction, so they too are
// bit-identical on any IEEE-754 double platform. They are accurate to a few
// ulp, so a reimplementation that uses a math library's log and cos agrees to
// within about 1e-15 relative.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_RNG_H
#define DSTLAB_SUPPORT_RNG_H

#include <array>
#include <cstdint>

namespace dstlab {

/// The splitmix64 step: advances `counter` and returns the next output.
uint64_t splitMix64(uint64_t &counter);

/// A deterministic xoshiro256** generator seeded by splitmix64.
class Rng {
public:
  explicit Rng(uint64_t seed);

  /// The next raw 64-bit output.
  uint64_t next();
  /// A double in [0, 1): the top 53 bits of next() times 2^-53.
  double uniform01();
  /// lo + (hi - lo) * uniform01().
  double uniform(double lo, double hi);
  /// A standard normal sample (Box-Muller; consumes two outputs).
  double normal();
  /// mean + stddev * normal().
  double normal(double mean, double stddev);

  /// The current state, s[0] to s[3].
  const std::array<uint64_t, 4> &state() const { return s; }

private:
  std::array<uint64_t, 4> s;
};

} // namespace dstlab

#endif // DSTLAB_SUPPORT_RNG_H
