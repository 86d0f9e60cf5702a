//===- TileKernels.h - Fast paths for hot tile ops --------------*- C++ -*-===//
//
// The simulator's time goes into matmul_tiles. sim/numerics' matmulAcc is the
// reference definition; matmulAccFast computes bit-identical results (the
// same float operations in the same order for every output element) with
// loops arranged so the compiler can vectorise them:
//
//   for each row i: acc[j] = dst[i][j]; for k = 0..31: acc[j] += p(i, k, j)
//
// where p is matmulAcc's fidelityProduct. For LoFi and HiFi2 the product is
// a plain float product of truncated operands, so the operands are truncated
// once per tile (fidelityHigh at the ports' widths); HiFi3's a * b - lo(a) *
// lo(b) takes the low parts, computed once per tile, as two more operand
// tiles. Scratch tiles are plain arrays (a Tile zero-fills itself) and the
// result is written in place unless dst is B. The simulator's libraries are
// built at -O3 without FP contraction, so these loops vectorise and round
// exactly as the scalar definition. tests/unit/sim/SimKernelsTest.cpp checks
// the equivalence.
//
// This header is internal to the simulator.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_TILEKERNELS_H
#define DSTLAB_SIM_TILEKERNELS_H

#include "sim/numerics/TileMath.h"

namespace dstlab::sim {

/// dst += A @ B (B transposed first when `transposeB`), exactly as
/// matmulAcc(dst, A, B or B^T, f).
void matmulAccFast(Tile &dst, const Tile &a, const Tile &b, MathFidelity f,
                   bool transposeB = false);

} // namespace dstlab::sim

#endif // DSTLAB_SIM_TILEKERNELS_H
