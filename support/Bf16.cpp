//===- Bf16.cpp - bfloat16 rounding and data formats ----------------------===//

#include "support/Bf16.h"

#include <cstring>

namespace dstlab {

namespace {

uint32_t floatBits(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof(u));
  return u;
}

float bitsToFloat(uint32_t u) {
  float x;
  std::memcpy(&x, &u, sizeof(x));
  return x;
}

constexpr uint32_t kSignMask = 0x80000000u;
constexpr uint32_t kMagnitudeMask = 0x7fffffffu;
constexpr uint32_t kInfBits = 0x7f800000u;
// The most significant explicit mantissa bit of a bfloat16, in float layout:
// setting it makes a NaN quiet.
constexpr uint32_t kBf16QuietBit = 0x00400000u;

} // namespace

uint16_t bf16Bits(float x) {
  uint32_t u = floatBits(x);
  uint32_t sign = u & kSignMask;
  uint32_t mag = u & kMagnitudeMask;
  if (mag > kInfBits) {
    // NaN: keep the sign and the top of the payload; force the quiet bit so
    // the truncated payload can never turn the NaN into an infinity.
    return static_cast<uint16_t>((u | kBf16QuietBit) >> 16);
  }
  // Ties away from zero on the magnitude. A carry out of the mantissa
  // increments the exponent, which is exactly the correct rounding (up to inf
  // past the largest finite value); inf itself has a zero low half and stays.
  uint32_t rounded = (mag + 0x8000u) & 0xffff0000u;
  return static_cast<uint16_t>((sign | rounded) >> 16);
}

float fromBf16Bits(uint16_t bits) {
  return bitsToFloat(static_cast<uint32_t>(bits) << 16);
}

float roundToBf16(float x) { return fromBf16Bits(bf16Bits(x)); }

float roundTo(DataFormat format, float x) {
  switch (format) {
  case DataFormat::BF16:
    return roundToBf16(x);
  case DataFormat::F32:
    return x;
  }
  return x;
}

unsigned bytesPerElement(DataFormat format) {
  switch (format) {
  case DataFormat::BF16:
    return 2;
  case DataFormat::F32:
    return 4;
  }
  return 4;
}

const char *dataFormatName(DataFormat format) {
  switch (format) {
  case DataFormat::BF16:
    return "bf16";
  case DataFormat::F32:
    return "f32";
  }
  return "?";
}

std::optional<DataFormat> parseDataFormat(std::string_view name) {
  if (name == "bf16")
    return DataFormat::BF16;
  if (name == "f32")
    return DataFormat::F32;
  return std::nullopt;
}

} // namespace dstlab
