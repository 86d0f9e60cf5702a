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
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_SUPPORT_PRECISION_H
#define DSTLAB_SUPPORT_PRECISION_H

#include <optional>
#include <string_view>

namespace dstlab {

enum class Precision { Balanced, Accurate };

/// "balanced" or "accurate".
const char *precisionName(Precision p);
/// Parses the names above; std::nullopt otherwise.
std::optional<Precision> parsePrecision(std::string_view name);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_PRECISION_H
