//===- TileKernels.cpp - Fast paths for hot tile ops ----------------------===//
//
// Compiled with -ffp-contract=off (sim/CMakeLists.txt): a fused multiply-add
// would round differently from matmulAcc.
//
//===----------------------------------------------------------------------===//

#include "sim/TileKernels.h"

namespace dstlab::sim {

void matmulAccFast(Tile &dst, const Tile &a, const Tile &b, MathFidelity f,
                   bool transposeB) {
  Tile bt;
  const Tile *bp = &b;
  if (transposeB) {
    transposeWH(bt, b);
    bp = &bt;
  }
  if (f == MathFidelity::HiFi3) {
    matmulAcc(dst, a, *bp, f);
    return;
  }
  // Operands as the multiplier sees them: at LoFi both truncated, at HiFi2
  // only B (fidelityProduct(a, b, HiFi2) = a * hi(b)), at HiFi4 neither.
  Tile ta, tb;
  const Tile *pa = &a, *pb = bp;
  if (f == MathFidelity::LoFi) {
    for (int i = 0; i < kTileElems; ++i)
      ta.v[i] = fidelityProduct(a.v[i], 1.0f, MathFidelity::LoFi);
    pa = &ta;
  }
  if (f == MathFidelity::LoFi || f == MathFidelity::HiFi2) {
    for (int i = 0; i < kTileElems; ++i)
      tb.v[i] = fidelityProduct(1.0f, bp->v[i], MathFidelity::LoFi);
    pb = &tb;
  }
  Tile result;
  for (int i = 0; i < kTileDim; ++i) {
    float acc[kTileDim];
    const float *drow = &dst.v[i * kTileDim];
    for (int j = 0; j < kTileDim; ++j)
      acc[j] = drow[j];
    const float *arow = &pa->v[i * kTileDim];
    for (int k = 0; k < kTileDim; ++k) {
      float av = arow[k];
      const float *brow = &pb->v[k * kTileDim];
      for (int j = 0; j < kTileDim; ++j)
        acc[j] += av * brow[j];
    }
    float *rrow = &result.v[i * kTileDim];
    for (int j = 0; j < kTileDim; ++j)
      rrow[j] = acc[j];
  }
  dst = result;
}

} // namespace dstlab::sim
