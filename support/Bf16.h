//===- Bf16.h - bfloat16 rounding and data formats --------------*- C++ -*-===//
//
// bfloat16 ("FP16-B" in Tenstorrent's documentation) is the top half of an
// IEEE-754 binary32: 1 sign bit, 8 exponent bits, 7 explicit mantissa bits.
//
// Rounding follows the Tensix packer as dstlab models it (DESIGN.md section 4):
// round to nearest, ties AWAY from zero. On the bit pattern of |x| this is
// "add 0x8000, drop the low 16 bits", with the sign re-attached afterwards.
// Consequences, all intended:
//   - a finite value whose magnitude rounds past the largest bf16 becomes inf;
//   - inf stays inf; every NaN stays a NaN (quiet, sign and top payload kept);
//   - denormals are not flushed: they round by the same bit arithmetic, and
//     the largest ones may round up to the smallest normal.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_BF16_H
#define DSTLAB_SUPPORT_BF16_H

#include <cstdint>
#include <optional>
#include <string_view>

namespace dstlab {

/// Rounds `x` to the nearest bfloat16 value (ties away from zero) and returns
/// it as a float.
float roundToBf16(float x);

/// The 16-bit bfloat16 encoding of `x` after roundToBf16.
uint16_t bf16Bits(float x);

/// The float whose top 16 bits are `bits` and whose low 16 bits are zero.
float fromBf16Bits(uint16_t bits);

/// Element formats of tiles in circular buffers and in DST.
enum class DataFormat { BF16, F32 };

/// Rounds `x` to `format`: roundToBf16 for BF16, identity for F32.
float roundTo(DataFormat format, float x);

/// Storage size of one element: 2 for BF16, 4 for F32.
unsigned bytesPerElement(DataFormat format);

/// The MLIR spelling of the format: "bf16" or "f32".
const char *dataFormatName(DataFormat format);

/// Parses "bf16" or "f32" (the MLIR spellings); std::nullopt otherwise.
std::optional<DataFormat> parseDataFormat(std::string_view name);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_BF16_H
