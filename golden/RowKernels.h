//===- RowKernels.h - row updates of the golden references ------*- C++ -*-===//
//
// The references spend their time in `acc[j] += term(x[k], y[k][j])` over a
// contraction index k. addTerms does it four k at a time with each acc[j]
// held in a register across the four, which removes three of every four
// loads and stores of the accumulator row. Every element still sees the same
// additions in the same order, so the results are bit-identical to the plain
// loop. Include only from files built with -ffp-contract=off (see
// golden/CMakeLists.txt): a fused multiply-add would round differently.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_ROWKERNELS_H
#define DSTLAB_GOLDEN_ROWKERNELS_H

#include <cstdint>

namespace dstlab::golden {

/// For t = 0, 1, ..., count - 1 in order, with k = first + t * step:
///   acc[j] = acc[j] + term(x[k], y + k * ldy, j)   for j in [0, n)
/// where term(xk, yRow, j) gives the value added (e.g. xk * yRow[j]).
template <typename T, typename Term>
void addTerms(T *acc, int64_t n, const double *x, const double *y, int64_t ldy,
              int64_t first, int64_t count, int64_t step, Term term) {
  int64_t t = 0;
  for (; t + 4 <= count; t += 4) {
    int64_t k0 = first + t * step, k1 = k0 + step, k2 = k1 + step,
            k3 = k2 + step;
    double x0 = x[k0], x1 = x[k1], x2 = x[k2], x3 = x[k3];
    const double *y0 = y + k0 * ldy, *y1 = y + k1 * ldy, *y2 = y + k2 * ldy,
                 *y3 = y + k3 * ldy;
    for (int64_t j = 0; j < n; ++j) {
      T s = acc[j];
      s += term(x0, y0, j);
      s += term(x1, y1, j);
      s += term(x2, y2, j);
      s += term(x3, y3, j);
      acc[j] = s;
    }
  }
  for (; t < count; ++t) {
    int64_t k = first + t * step;
    double xk = x[k];
    const double *yk = y + k * ldy;
    for (int64_t j = 0; j < n; ++j)
      acc[j] += term(xk, yk, j);
  }
}

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_ROWKERNELS_H
