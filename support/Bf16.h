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
#include <cstring>
#include <optional>
#include <string_view>

namespace dstlab {

namespace bf16_detail {
inline uint32_t floatBits(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof(u));
  return u;
}
inline float bitsToFloat(uint32_t u) {
  float x;
  std::memcpy(&x, &u, sizeof(x));
  return x;
}
/// The float bit pattern of `x` rounded to bfloat16 (low 16 bits zero).
/// Branch-free (both outcomes computed, one selected) so that a loop over a
/// tile vectorises; the simulator rounds every DST write and every pack.
inline uint32_t roundedBits(float x) {
  uint32_t u = floatBits(x);
  uint32_t mag = u & 0x7fffffffu;
  // NaN: keep the sign and the top of the payload; force the quiet bit so
  // the truncated payload can never turn the NaN into an infinity.
  uint32_t nan = (u | 0x00400000u) & 0xffff0000u;
  // Ties away from zero on the magnitude. A carry out of the mantissa
  // increments the exponent, which is exactly the correct rounding (up to inf
  // past the largest finite value); inf itself has a zero low half and stays.
  uint32_t rounded = (u & 0x80000000u) | ((mag + 0x8000u) & 0xffff0000u);
  return mag > 0x7f800000u ? nan : rounded;
}
} // namespace bf16_detail

/// Rounds `x` to the nearest bfloat16 value (ties away from zero) and returns
/// it as a float.
inline float roundToBf16(float x) {
  return bf16_detail::bitsToFloat(bf16_detail::roundedBits(x));
}

/// The 16-bit bfloat16 encoding of `x` after roundToBf16.
inline uint16_t bf16Bits(float x) {
  return static_cast<uint16_t>(bf16_detail::roundedBits(x) >> 16);
}

/// The float whose top 16 bits are `bits` and whose low 16 bits are zero.
inline float fromBf16Bits(uint16_t bits) {
  return bf16_detail::bitsToFloat(static_cast<uint32_t>(bits) << 16);
}

/// Element formats of tiles in circular buffers and in DST.
enum class DataFormat { BF16, F32 };

/// Rounds `x` to `format`: roundToBf16 for BF16, identity for F32.
inline float roundTo(DataFormat format, float x) {
  return format == DataFormat::BF16 ? roundToBf16(x) : x;
}

/// Storage size of one element: 2 for BF16, 4 for F32.
unsigned bytesPerElement(DataFormat format);

/// The MLIR spelling of the format: "bf16" or "f32".
const char *dataFormatName(DataFormat format);

/// Parses "bf16" or "f32" (the MLIR spellings); std::nullopt otherwise.
std::optional<DataFormat> parseDataFormat(std::string_view name);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_BF16_H
