//===- Precision.h - precision recipes --------------------------*- C++ -*-===//
//
// A precision recipe is a pipeline option (`precision=`) saying where the
// compiled program keeps its values; the faithful reference (golden/
// Interpreter.h) reads the same recipe to round where the target rounds.
//
//   balanced  every value at its declared element type; DST accumulates in
//             f32 only when the program's tiles are f32 (fp32_dest_acc
//             follows the tile type), else in bf16: what the tl program
//             says, nothing more. The recipe of the upstream model.
//   accurate  every value a kernel computes is kept in f32 (f32 circular
//             buffers, f32 DST accumulation) from the moment its inputs are
//             unpacked until an output is packed to its declared type, as
//             tt-metal's SDPA does with fp32_dest_acc_en and fp32
//             intermediate formats. The recipe of `fixed`.
//   fast      accurate's formats, with exp on the SFPU's approximate path
//             (exp_tile<true>: 2^(x log2 e) from the exponent and a
//             quadratic on the fraction, about 100 instead of 1200 cycles a
//             tile in sim/numerics/CostModel.h); the faithful reference
//             computes the same approximation, the exact one does not.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_SUPPORT_PRECISION_H
#define DSTLAB_SUPPORT_PRECISION_H

#include <optional>
#include <string_view>

namespace dstlab {

enum class Precision { Balanced, Accurate, Fast };

/// Every value a kernel computes kept in f32 (accurate and fast).
inline bool keepsF32(Precision p) {
  return p == Precision::Accurate || p == Precision::Fast;
}
/// exp on the SFPU's approximate path (fast).
inline bool approximatesExp(Precision p) { return p == Precision::Fast; }

/// "balanced", "accurate" or "fast".
const char *precisionName(Precision p);
/// Parses the names above; std::nullopt otherwise.
std::optional<Precision> parsePrecision(std::string_view name);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_PRECISION_H
