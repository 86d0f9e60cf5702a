//===- SimKernelsTest.cpp - Fast tile kernels equal the reference ---------===//
//
// matmulAccFast must give exactly matmulAcc's bits at every fidelity, with and
// without transpose_b, including infinities, NaN, denormals, signed zeros and
// overflow.
//
//===----------------------------------------------------------------------===//

#include "sim/TileKernels.h"
#include "support/Bf16.h"
#include "support/Rng.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

using namespace dstlab;
using namespace dstlab::sim;

namespace {

Tile randomTile(uint64_t seed, bool bf16, bool specials) {
  Rng rng(seed);
  Tile t;
  for (float &x : t.v) {
    x = static_cast<float>(rng.normal() * 3);
    if (bf16)
      x = roundToBf16(x);
  }
  if (specials) {
    const float inf = std::numeric_limits<float>::infinity();
    const float extra[] = {
        inf,    -inf,    std::nanf(""), 0.0f,   -0.0f,
        1e-40f, -3e-39f, 3e38f,         -2e38f, 1.0f + std::ldexp(1.0f, -20)};
    for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); ++i)
      t.v[(i * 97 + seed) % kTileElems] = extra[i];
  }
  return t;
}

bool sameBits(const Tile &x, const Tile &y, int *where) {
  for (int i = 0; i < kTileElems; ++i) {
    if (std::isnan(x.v[i]) && std::isnan(y.v[i]))
      continue;
    if (std::memcmp(&x.v[i], &y.v[i], sizeof(float)) != 0) {
      *where = i;
      return false;
    }
  }
  return true;
}

TEST(SimKernelsTest, MatmulFastMatchesReferenceBitForBit) {
  for (MathFidelity f : {MathFidelity::LoFi, MathFidelity::HiFi2,
                         MathFidelity::HiFi3, MathFidelity::HiFi4})
    for (bool bf16 : {true, false})
      for (bool specials : {false, true})
        for (bool transpose : {false, true}) {
          uint64_t seed = 100 + static_cast<uint64_t>(f) * 8 + bf16 * 4 +
                          specials * 2 + transpose;
          Tile a = randomTile(seed, bf16, specials);
          Tile b = randomTile(seed + 1000, bf16, specials);
          Tile d = randomTile(seed + 2000, false, false);
          Tile ref = d, fast = d;
          Tile bRef = b;
          if (transpose)
            transposeWH(bRef, b);
          matmulAcc(ref, a, bRef, f);
          matmulAccFast(fast, a, b, f, transpose);
          int where = -1;
          EXPECT_TRUE(sameBits(ref, fast, &where))
              << mathFidelityName(f) << " bf16=" << bf16
              << " specials=" << specials << " transpose=" << transpose
              << " at " << where << ": " << ref.v[where] << " vs "
              << fast.v[where];
        }
}

TEST(SimKernelsTest, MatmulFastAccumulatesInPlace) {
  // dst may be read and written by the same call; three accumulations.
  Tile a = randomTile(7, true, false), b = randomTile(8, true, false);
  Tile ref, fast;
  for (int r = 0; r < 3; ++r) {
    matmulAcc(ref, a, b, MathFidelity::HiFi2);
    matmulAccFast(fast, a, b, MathFidelity::HiFi2);
  }
  int where = -1;
  EXPECT_TRUE(sameBits(ref, fast, &where)) << where;
}

} // namespace
