//===- TileKernels.cpp - Fast paths for hot tile ops ----------------------===//
//
// Compiled with -ffp-contract=off (sim/CMakeLists.txt): a fused multiply-add
// would round differently from matmulAcc.
//
//===----------------------------------------------------------------------===//

#include "sim/TileKernels.h"

#include <algorithm>
#include <cmath>

namespace dstlab::sim {

namespace {

// Scratch tiles are plain arrays: a Tile zero-fills itself on construction,
// which here would cost a third of the multiply-adds.
using Scratch = float[kTileElems];

/// out[i][j] = acc + sum_k p(i, k, j) over rows i, for the products
/// p = a[i][k] * b[k][j] (HiFi3 false) or a * b - loA * loB (HiFi3 true),
/// added in k order. `out` may be `dst` unless it is `b`.
template <bool HiFi3>
void matmulRows(float *out, const float *dst, const float *a, const float *b,
                const float *loA, const float *loB) {
  for (int i = 0; i < kTileDim; ++i) {
    float acc[kTileDim];
    std::copy(dst + i * kTileDim, dst + (i + 1) * kTileDim, acc);
    for (int k = 0; k < kTileDim; ++k) {
      float av = a[i * kTileDim + k];
      const float *brow = b + k * kTileDim;
      if constexpr (HiFi3) {
        float lav = loA[i * kTileDim + k];
        const float *lbrow = loB + k * kTileDim;
        for (int j = 0; j < kTileDim; ++j)
          acc[j] += av * brow[j] - lav * lbrow[j];
      } else {
        for (int j = 0; j < kTileDim; ++j)
          acc[j] += av * brow[j];
      }
    }
    std::copy(acc, acc + kTileDim, out + i * kTileDim);
  }
}

/// lo(x) = x - hi(x) at `bits`, 0 for an infinity or NaN (fidelityProduct).
void lowParts(float *lo, const float *x, int bits) {
  for (int e = 0; e < kTileElems; ++e)
    lo[e] = std::isfinite(x[e]) ? x[e] - fidelityHigh(x[e], bits) : 0.0f;
}

} // namespace

void matmulAccFast(Tile &dst, const Tile &a, const Tile &b, MathFidelity f,
                   bool transposeB) {
  alignas(64) Scratch bt;
  const float *pb = b.v.data();
  if (transposeB) {
    for (int i = 0; i < kTileDim; ++i)
      for (int j = 0; j < kTileDim; ++j)
        bt[i * kTileDim + j] = b.v[j * kTileDim + i];
    pb = bt;
  }
  // Operands as the multiplier sees them: at LoFi both truncated, at HiFi2
  // only B (fidelityProduct(a, b, HiFi2) = a * hi(b)), at HiFi4 neither;
  // HiFi3 is a * b - lo(a) * lo(b). (Tile values are never signalling NaNs,
  // so hi(x) is x * hi(1.0), the product the definition forms.)
  alignas(64) Scratch ta, tb;
  const float *pa = a.v.data();
  if (f == MathFidelity::LoFi) {
    for (int e = 0; e < kTileElems; ++e)
      ta[e] = fidelityHigh(pa[e], kPortBitsA);
    pa = ta;
  }
  if (f == MathFidelity::LoFi || f == MathFidelity::HiFi2) {
    for (int e = 0; e < kTileElems; ++e)
      tb[e] = fidelityHigh(pb[e], kPortBitsB);
    pb = tb;
  }
  if (f == MathFidelity::HiFi3) {
    lowParts(ta, pa, kPortBitsA);
    lowParts(tb, pb, kPortBitsB);
  }
  // Row i of the result needs row i of A and all of B: writing it in place
  // is safe unless dst is B itself.
  alignas(64) Scratch result;
  float *out = pb == dst.v.data() ? result : dst.v.data();
  if (f == MathFidelity::HiFi3)
    matmulRows<true>(out, dst.v.data(), pa, pb, ta, tb);
  else
    matmulRows<false>(out, dst.v.data(), pa, pb, nullptr, nullptr);
  if (out != dst.v.data())
    std::copy(result, result + kTileElems, dst.v.data());
}

} // namespace dstlab::sim
