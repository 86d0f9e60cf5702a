//===- MetricsTest.cpp - PCC, normalised max error and verdicts -----------===//

#include "support/Metrics.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <vector>

using namespace dstlab;

namespace {

const double kInf = std::numeric_limits<double>::infinity();
const double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(MetricsTest, PccClosedForms) {
  std::vector<double> x = {1, 2, 3, 4, 5};
  std::vector<double> affine = {-1, 1, 3, 5, 7}; // 2x - 3
  std::vector<double> negated = {5, 4, 3, 2, 1};
  EXPECT_NEAR(pcc(x, x), 1.0, 1e-15);
  EXPECT_NEAR(pcc(x, affine), 1.0, 1e-15);
  EXPECT_NEAR(pcc(x, negated), -1.0, 1e-15);
  // x = (1, 2, 3), y = (1, 3, 2): deviations (-1, 0, 1) and (-1, 1, 0), so
  // cov = 1, var = 2 each and r = 1/2.
  EXPECT_NEAR(pcc({1, 2, 3}, {1, 3, 2}), 0.5, 1e-15);
  // Orthogonal deviations: (-1, 1, -1, 1) vs (-1, -1, 1, 1): r = 0.
  EXPECT_NEAR(pcc({0, 2, 0, 2}, {0, 0, 2, 2}), 0.0, 1e-15);
}

TEST(MetricsTest, PccIsScaleFreeForExtremeMagnitudes) {
  std::vector<double> big = {1e300, -1e300, 3e299, 0};
  std::vector<double> tiny = {1e-300, -1e-300, 3e-301, 0};
  EXPECT_NEAR(pcc(big, tiny), 1.0, 1e-12);
}

TEST(MetricsTest, PccDegenerateCases) {
  EXPECT_EQ(pcc({}, {}), 1.0);
  EXPECT_EQ(pcc({2, 2, 2}, {2, 2, 2}), 1.0); // both constant and equal
  EXPECT_EQ(pcc({2, 2, 2}, {3, 3, 3}), 0.0); // both constant, different
  EXPECT_EQ(pcc({2, 2, 2}, {1, 2, 3}), 0.0); // one constant
  EXPECT_EQ(pcc({1, 2, 3}, {0, 0, 0}), 0.0);
  EXPECT_EQ(pcc({7}, {7}), 1.0);
  EXPECT_EQ(pcc({7}, {8}), 0.0);
  EXPECT_EQ(pcc({1, 2}, {1, 2, 3}), 0.0); // lengths differ
}

TEST(MetricsTest, NonFiniteValues) {
  EXPECT_EQ(pcc({1, kNaN, 3}, {1, 2, 3}), 0.0);
  EXPECT_EQ(normalisedMaxError({1, kNaN, 3}, {1, 2, 3}), kInf);
  EXPECT_EQ(normalisedMaxError({1, 2, 3}, {1, kNaN, 3}), kInf);
  EXPECT_EQ(normalisedMaxError({1, kInf, 3}, {1, 2, 3}), kInf);
  EXPECT_EQ(pcc({1, kInf, 3}, {1, 2, 3}), 0.0);
  EXPECT_EQ(normalisedMaxError({1, -kInf, 3}, {1, kInf, 3}), kInf);
  // The same infinity on both sides agrees and is left out.
  EXPECT_EQ(normalisedMaxError({1, -kInf, 3}, {1, -kInf, 3}), 0.0);
  EXPECT_NEAR(pcc({1, -kInf, 2, 3}, {1, -kInf, 2, 3}), 1.0, 1e-15);
}

TEST(MetricsTest, NormalisedMaxErrorClosedForms) {
  // max|out - ref| = 0.5 (index 1), max|ref| = 4.
  EXPECT_DOUBLE_EQ(normalisedMaxError({1, 2.5, -4}, {1, 2, -4}), 0.125);
  EXPECT_EQ(normalisedMaxError({1, 2}, {1, 2}), 0.0);
  // ref all zero: the absolute error max|out|.
  EXPECT_DOUBLE_EQ(normalisedMaxError({0.25, -0.5}, {0, 0}), 0.5);
  EXPECT_EQ(normalisedMaxError({0, 0}, {0, 0}), 0.0);
  EXPECT_EQ(normalisedMaxError({}, {}), 0.0);
  EXPECT_EQ(normalisedMaxError({1, 2}, {1}), kInf);
}

TEST(MetricsTest, ThresholdsAsDocumented) {
  NumericThresholds b = thresholdsFor(DataFormat::BF16);
  EXPECT_EQ(b.minPcc, 0.99);
  EXPECT_EQ(b.maxError, 0.05);
  NumericThresholds f = thresholdsFor(DataFormat::F32);
  EXPECT_EQ(f.minPcc, 0.9999);
  EXPECT_EQ(f.maxError, 1e-3);
}

TEST(MetricsTest, CompareVerdicts) {
  std::vector<double> ref, close, bf16Noise, wrong;
  for (int i = 0; i < 1024; ++i) {
    double r = std::sin(0.1 * i) * 3.0;
    ref.push_back(r);
    close.push_back(r * (1 + 1e-6));
    bf16Noise.push_back(r + ((i % 2) ? 0.01 : -0.01)); // 0.33% of max
    wrong.push_back(i % 32 == 0 ? r + 1.0 : r);        // 33% of max
  }
  NumericVerdict v = compare(close, ref, DataFormat::F32);
  EXPECT_TRUE(v.pass);
  EXPECT_TRUE(v.note.empty());
  EXPECT_GT(v.pcc, 0.9999);

  v = compare(bf16Noise, ref, DataFormat::BF16);
  EXPECT_TRUE(v.pass);
  v = compare(bf16Noise, ref, DataFormat::F32);
  EXPECT_FALSE(v.pass); // 3.3e-3 > 1e-3
  EXPECT_NEAR(v.maxError, 0.01 / 3.0, 1e-4);

  v = compare(wrong, ref, DataFormat::BF16);
  EXPECT_FALSE(v.pass);
  EXPECT_NEAR(v.maxError, 1.0 / 3.0, 1e-3);

  std::vector<double> withNaN = close;
  withNaN[17] = kNaN;
  v = compare(withNaN, ref, DataFormat::BF16);
  EXPECT_FALSE(v.pass);
  EXPECT_EQ(v.pcc, 0.0);
  EXPECT_EQ(v.maxError, kInf);
  EXPECT_NE(v.note.find("NaN in output at index 17"), std::string::npos)
      << v.note;

  v = compare({1, 2}, {1, 2, 3}, DataFormat::BF16);
  EXPECT_FALSE(v.pass);
  EXPECT_NE(v.note.find("length 2 vs 3"), std::string::npos) << v.note;

  // Constant outputs: a zero output against a nonzero reference fails.
  v = compare({0, 0, 0}, {1, 2, 3}, DataFormat::BF16);
  EXPECT_FALSE(v.pass);
  v = compare({2, 2}, {2, 2}, DataFormat::F32);
  EXPECT_TRUE(v.pass);
}

} // namespace
