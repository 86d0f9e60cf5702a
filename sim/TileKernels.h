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
// once per tile, using fidelityProduct itself (x * 1.0 at LoFi keeps exactly
// the truncated x, so no port widths are restated here). HiFi3 is delegated
// to matmulAcc. tests/unit/sim/SimKernelsTest.cpp checks the equivalence.
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
