//===- Bf16Test.cpp - bfloat16 rounding -----------------------------------===//

#include "support/Bf16.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>

using namespace dstlab;

namespace {

float f(uint32_t bits) {
  float x;
  std::memcpy(&x, &bits, sizeof(x));
  return x;
}

uint32_t bits(float x) {
  uint32_t u;
  std::memcpy(&u, &x, sizeof(u));
  return u;
}

/// Independent reference: round |x| to a multiple of the bf16 spacing at its
/// magnitude, in double, halves away from zero. For |x| in [2^(E-1), 2^E) the
/// bf16 spacing is 2^(E-8); below 2^-126 (denormals) it is 2^-133.
double referenceBf16(float x) {
  double ax = std::fabs(static_cast<double>(x));
  if (ax == 0)
    return x;
  int e;
  std::frexp(ax, &e);
  double spacing = std::ldexp(1.0, std::max(e, -125) - 8);
  double q = std::floor(ax / spacing + 0.5);
  double r = q * spacing;
  if (r >= std::ldexp(1.0, 128))
    r = std::numeric_limits<double>::infinity();
  return x < 0 ? -r : r;
}

TEST(Bf16Test, ExactTiesRoundAwayFromZero) {
  // 1 + 2^-8 lies exactly between 1 (even, 0x3F80) and 1 + 2^-7 (0x3F81):
  // nearest-even would give 0x3F80, the packer gives 0x3F81.
  EXPECT_EQ(bf16Bits(f(0x3F808000)), 0x3F81);
  EXPECT_EQ(bf16Bits(f(0xBF808000)), 0xBF81);
  EXPECT_EQ(roundToBf16(f(0x3F808000)), 1.0f + 0.0078125f);
  EXPECT_EQ(roundToBf16(f(0xBF808000)), -(1.0f + 0.0078125f));
  // A tie whose lower neighbour is odd goes up as well.
  EXPECT_EQ(bf16Bits(f(0x3F818000)), 0x3F82);
  EXPECT_EQ(bf16Bits(f(0xBF818000)), 0xBF82);
  // A tie whose upper neighbour crosses into the next binade.
  EXPECT_EQ(bf16Bits(f(0x3FFF8000)), 0x4000); // 2 - 2^-8 -> 2
  EXPECT_EQ(bf16Bits(f(0xBFFF8000)), 0xC000);
  // Just below and just above a tie.
  EXPECT_EQ(bf16Bits(f(0x3F807FFF)), 0x3F80);
  EXPECT_EQ(bf16Bits(f(0x3F808001)), 0x3F81);
  EXPECT_EQ(bf16Bits(f(0xBF807FFF)), 0xBF80);
  EXPECT_EQ(bf16Bits(f(0xBF808001)), 0xBF81);
}

TEST(Bf16Test, ExactlyRepresentableValuesAreUnchanged) {
  for (float x : {0.0f, 1.0f, -2.5f, 0.0078125f, 3.0f, -65536.0f, 1e-30f}) {
    float r = roundToBf16(x);
    EXPECT_EQ(roundToBf16(r), r);
  }
  EXPECT_EQ(roundToBf16(1.0f), 1.0f);
  EXPECT_EQ(roundToBf16(-2.5f), -2.5f);
  EXPECT_EQ(bits(roundToBf16(-0.0f)), 0x80000000u);
  EXPECT_EQ(bf16Bits(-0.0f), 0x8000);
}

TEST(Bf16Test, InfinitiesAndOverflow) {
  float inf = std::numeric_limits<float>::infinity();
  EXPECT_EQ(roundToBf16(inf), inf);
  EXPECT_EQ(roundToBf16(-inf), -inf);
  EXPECT_EQ(bf16Bits(inf), 0x7F80);
  EXPECT_EQ(bf16Bits(-inf), 0xFF80);
  // The largest bf16 (0x7F7F) stays; anything at or past the tie above it
  // rounds away to infinity, FLT_MAX included.
  EXPECT_EQ(bf16Bits(f(0x7F7F0000)), 0x7F7F);
  EXPECT_EQ(bf16Bits(f(0x7F7F7FFF)), 0x7F7F);
  EXPECT_EQ(bf16Bits(f(0x7F7F8000)), 0x7F80);
  EXPECT_EQ(roundToBf16(std::numeric_limits<float>::max()), inf);
  EXPECT_EQ(roundToBf16(-std::numeric_limits<float>::max()), -inf);
}

TEST(Bf16Test, NaNsStayNaN) {
  // Payloads only in the low 16 bits must not truncate into an infinity.
  for (uint32_t nan : {0x7FC00000u, 0x7F800001u, 0x7F80FFFFu, 0xFF800001u,
                       0x7FFFFFFFu, 0xFFFFFFFFu}) {
    float x = f(nan);
    ASSERT_TRUE(std::isnan(x));
    EXPECT_TRUE(std::isnan(roundToBf16(x))) << std::hex << nan;
    uint16_t b = bf16Bits(x);
    EXPECT_EQ(b & 0x7F80, 0x7F80) << std::hex << nan;
    EXPECT_NE(b & 0x007F, 0) << std::hex << nan;
    EXPECT_EQ(b >> 15, nan >> 31) << "sign kept for " << std::hex << nan;
  }
}

TEST(Bf16Test, Denormals) {
  // Smallest float denormal (2^-149) is below half a bf16 denormal step.
  EXPECT_EQ(bf16Bits(f(0x00000001)), 0x0000);
  EXPECT_EQ(bf16Bits(f(0x80000001)), 0x8000);
  // Half of the smallest bf16 denormal (2^-134) is a tie: away from zero.
  EXPECT_EQ(bf16Bits(f(0x00008000)), 0x0001);
  EXPECT_EQ(bf16Bits(f(0x80008000)), 0x8001);
  EXPECT_EQ(roundToBf16(f(0x00008000)), std::ldexp(1.0f, -133));
  // The largest float denormal rounds up to the smallest normal, 2^-126.
  EXPECT_EQ(bf16Bits(f(0x007FFFFF)), 0x0080);
  EXPECT_EQ(roundToBf16(f(0x007FFFFF)), std::ldexp(1.0f, -126));
  // A bf16 denormal is kept as is.
  EXPECT_EQ(bf16Bits(f(0x00050000)), 0x0005);
  EXPECT_EQ(fromBf16Bits(0x0005), 5 * std::ldexp(1.0f, -133));
}

TEST(Bf16Test, MatchesIndependentReferenceOnRandomPatterns) {
  std::mt19937 gen(12345);
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    uint32_t u = gen();
    if (i % 4 == 0)
      u = (u & 0x80000000u) | (u & 0x007FFFFFu); // force a denormal
    if (i % 4 == 1)
      u = (u & 0xFFFF0000u) | 0x8000u; // force an exact tie
    float x = f(u);
    if (std::isnan(x))
      continue;
    double expected = referenceBf16(x);
    ASSERT_EQ(static_cast<double>(roundToBf16(x)), expected)
        << "bits 0x" << std::hex << u;
    ++checked;
  }
  EXPECT_GT(checked, 190000);
}

TEST(Bf16Test, EveryBf16PatternRoundTrips) {
  for (uint32_t b = 0; b <= 0xFFFF; ++b) {
    float x = fromBf16Bits(static_cast<uint16_t>(b));
    EXPECT_EQ(bits(x), b << 16);
    if (std::isnan(x))
      EXPECT_TRUE(std::isnan(roundToBf16(x)));
    else
      ASSERT_EQ(bf16Bits(x), b);
  }
}

TEST(Bf16Test, DataFormats) {
  float x = f(0x3F808000);
  EXPECT_EQ(roundTo(DataFormat::F32, x), x);
  EXPECT_EQ(roundTo(DataFormat::BF16, x), roundToBf16(x));
  EXPECT_EQ(bytesPerElement(DataFormat::BF16), 2u);
  EXPECT_EQ(bytesPerElement(DataFormat::F32), 4u);
  EXPECT_STREQ(dataFormatName(DataFormat::BF16), "bf16");
  EXPECT_STREQ(dataFormatName(DataFormat::F32), "f32");
  EXPECT_EQ(parseDataFormat("bf16"), DataFormat::BF16);
  EXPECT_EQ(parseDataFormat("f32"), DataFormat::F32);
  EXPECT_EQ(parseDataFormat("f16"), std::nullopt);
  EXPECT_EQ(parseDataFormat(""), std::nullopt);
}

} // namespace
