//===- TileMathTest.cpp - Tile op numerics against double references ------===//
//
// Every expectation here is computed independently in double precision inside
// the test (loops written out, operand truncation done with frexp/ldexp
// rather than bit masks), not by calling the library under test.
//
//===----------------------------------------------------------------------===//

#include "sim/numerics/TileMath.h"
#include "sim/numerics/CostModel.h"
#include "support/Bf16.h"
#include "support/Rng.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <string>

using namespace dstlab;
using namespace dstlab::sim;

namespace {

constexpr int N = kTileDim;
const float kInfF = std::numeric_limits<float>::infinity();

/// A tile of normal(0, scale) samples, optionally rounded to bf16.
Tile randomTile(uint64_t seed, double scale = 1.0, bool bf16 = true) {
  Rng rng(seed);
  Tile t;
  for (float &x : t.v) {
    x = static_cast<float>(rng.normal() * scale);
    if (bf16)
      x = roundToBf16(x);
  }
  return t;
}

/// x with its significand truncated toward zero to `bits` significant bits,
/// computed arithmetically: for |x| in [2^(E-1), 2^E) keep multiples of
/// 2^(E - bits).
double truncBits(double x, int bits) {
  if (x == 0 || !std::isfinite(x))
    return x;
  int e;
  std::frexp(std::fabs(x), &e);
  double unit = std::ldexp(1.0, e - bits);
  double t = std::floor(std::fabs(x) / unit) * unit;
  return x < 0 ? -t : t;
}

/// The documented fidelity scheme, in double: srcA port 5 bits, srcB 7 bits.
double refProduct(double a, double b, MathFidelity f) {
  double ha = truncBits(a, 5), la = a - ha;
  double hb = truncBits(b, 7), lb = b - hb;
  switch (f) {
  case MathFidelity::LoFi:
    return ha * hb;
  case MathFidelity::HiFi2:
    return ha * hb + la * hb;
  case MathFidelity::HiFi3:
    return ha * hb + la * hb + ha * lb;
  case MathFidelity::HiFi4:
    return ha * hb + la * hb + ha * lb + la * lb;
  }
  return 0;
}

double refMatmulError(const Tile &out, const Tile &dst0, const Tile &a,
                      const Tile &b) {
  double total = 0;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      double ref = dst0.at(i, j);
      for (int k = 0; k < N; ++k)
        ref += static_cast<double>(a.at(i, k)) * b.at(k, j);
      total += std::fabs(out.at(i, j) - ref);
    }
  return total;
}

//===----------------------------------------------------------------------===//
// Fidelity and matmul
//===----------------------------------------------------------------------===//

TEST(TileMathTest, FidelityProductFollowsTheDocumentedScheme) {
  Rng rng(11);
  for (int i = 0; i < 20000; ++i) {
    float a = static_cast<float>(rng.normal() * 10);
    float b = static_cast<float>(rng.normal() * 10);
    if (i % 2)
      a = roundToBf16(a), b = roundToBf16(b);
    for (MathFidelity f : {MathFidelity::LoFi, MathFidelity::HiFi2,
                           MathFidelity::HiFi3, MathFidelity::HiFi4}) {
      double ref = refProduct(a, b, f);
      double got = fidelityProduct(a, b, f);
      if (i % 2)
        ASSERT_EQ(got, ref) << mathFidelityName(f) << " " << a << " " << b;
      else // f32 operands: up to three float roundings (HiFi3).
        ASSERT_NEAR(got, ref, 4e-7 * std::fabs(ref))
            << mathFidelityName(f) << " " << a << " " << b;
    }
  }
  // HiFi4 is the plain product; LoFi keeps 5 bits of A and 7 of B:
  // 1.9375 = 1.11110b keeps all 5; 1.96875 = 1.11111b loses its last bit.
  EXPECT_EQ(fidelityProduct(1.96875f, 1.0f, MathFidelity::LoFi), 1.9375f);
  EXPECT_EQ(fidelityProduct(1.0f, 1.96875f, MathFidelity::LoFi), 1.96875f);
  EXPECT_EQ(fidelityProduct(1.96875f, 1.0f, MathFidelity::HiFi4), 1.96875f);
  EXPECT_EQ(fidelityProduct(kInfF, 2.0f, MathFidelity::HiFi3), kInfF);
  EXPECT_TRUE(
      std::isnan(fidelityProduct(std::nanf(""), 2.0f, MathFidelity::LoFi)));
}

TEST(TileMathTest, MatmulHiFi4IsExactBf16ProductsWithF32Accumulation) {
  Tile a = randomTile(1), b = randomTile(2), dst0 = randomTile(3);
  Tile out = dst0;
  matmulAcc(out, a, b, MathFidelity::HiFi4);
  for (int i = 0; i < N; ++i) {
    for (int j = 0; j < N; ++j) {
      // (1) Everything in double: only f32 accumulation error remains.
      double ref = dst0.at(i, j), mag = std::fabs(ref);
      // (2) Exact products (double) accumulated in float, k = 0..31.
      float acc = dst0.at(i, j);
      for (int k = 0; k < N; ++k) {
        double p = static_cast<double>(a.at(i, k)) * b.at(k, j);
        ref += p;
        mag += std::fabs(p);
        acc += static_cast<float>(p); // exact: 16-bit product
      }
      ASSERT_LE(std::fabs(out.at(i, j) - ref), 1e-6 * mag) << i << "," << j;
      ASSERT_EQ(out.at(i, j), acc) << i << "," << j;
    }
  }
}

TEST(TileMathTest, MatmulFidelityIsMonotone) {
  Tile a = randomTile(4), b = randomTile(5), dst0;
  double err[4];
  for (MathFidelity f : {MathFidelity::LoFi, MathFidelity::HiFi2,
                         MathFidelity::HiFi3, MathFidelity::HiFi4}) {
    Tile out = dst0;
    matmulAcc(out, a, b, f);
    err[static_cast<int>(f)] = refMatmulError(out, dst0, a, b);
    // Each fidelity against its own double reference.
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) {
        double ref = 0, mag = 0;
        for (int k = 0; k < N; ++k) {
          double p = refProduct(a.at(i, k), b.at(k, j), f);
          ref += p;
          mag += std::fabs(p);
        }
        ASSERT_LE(std::fabs(out.at(i, j) - ref), 1e-6 * mag)
            << mathFidelityName(f) << " " << i << "," << j;
      }
  }
  EXPECT_GT(err[0], err[1]); // LoFi worse than HiFi2
  EXPECT_GT(err[1], err[2]);
  EXPECT_GT(err[2], err[3]);
  EXPECT_GT(err[0], 10 * err[3]); // LoFi clearly worse than HiFi4
}

TEST(TileMathTest, MatmulAccumulatesAndAllowsAliasing) {
  Tile ones = Tile::filled(1.0f), twos = Tile::filled(2.0f);
  Tile dst = Tile::filled(5.0f);
  matmulAcc(dst, ones, twos, MathFidelity::LoFi);
  for (float x : dst.v)
    ASSERT_EQ(x, 5.0f + 32 * 2.0f);
  // dst aliasing A: A is read before dst is written.
  Tile a = Tile::filled(1.0f);
  matmulAcc(a, a, twos, MathFidelity::HiFi4);
  for (float x : a.v)
    ASSERT_EQ(x, 1.0f + 64.0f);
}

//===----------------------------------------------------------------------===//
// Element-wise binary ops
//===----------------------------------------------------------------------===//

double refBinary(BinaryOp op, double x, double y) {
  switch (op) {
  case BinaryOp::Add:
    return x + y;
  case BinaryOp::Sub:
    return x - y;
  case BinaryOp::Mul:
    return x * y;
  case BinaryOp::Max:
    return x > y ? x : y;
  }
  return 0;
}

TEST(TileMathTest, EltwiseBinaryAllOpsAndBroadcasts) {
  Tile a = randomTile(6, 3.0, /*bf16=*/false);
  Tile b = randomTile(7, 3.0, /*bf16=*/false);
  for (BinaryOp op :
       {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Max}) {
    for (Bcast bc : {Bcast::None, Bcast::Cols, Bcast::Rows, Bcast::Scalar}) {
      Tile out = Tile::filled(123.0f);
      eltwiseBinary(out, a, b, op, bc);
      for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) {
          int bi = i, bj = j;
          if (bc == Bcast::Cols)
            bj = 0; // b[i][0] for every column j
          if (bc == Bcast::Rows)
            bi = 0; // b[0][j] for every row i
          if (bc == Bcast::Scalar)
            bi = bj = 0;
          double ref = refBinary(op, a.at(i, j), b.at(bi, bj));
          // +, -, * of floats computed in double and rounded once to float
          // equal the float operation.
          ASSERT_EQ(out.at(i, j), static_cast<float>(ref))
              << static_cast<int>(op) << "/" << static_cast<int>(bc) << " at "
              << i << "," << j;
        }
    }
  }
}

TEST(TileMathTest, EltwiseMulUsesFidelity) {
  Tile a = randomTile(8), b = randomTile(9);
  Tile out;
  eltwiseBinary(out, a, b, BinaryOp::Mul, Bcast::Rows, MathFidelity::LoFi);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      ASSERT_EQ(out.at(i, j),
                refProduct(a.at(i, j), b.at(0, j), MathFidelity::LoFi));
}

TEST(TileMathTest, EltwiseMaxNaNAndInfAndAliasing) {
  Tile a = Tile::filled(1.0f), b = Tile::filled(-kInfF);
  a.at(0, 0) = std::nanf("");
  b.at(1, 1) = 7.0f;
  Tile out;
  eltwiseBinary(out, a, b, BinaryOp::Max);
  EXPECT_TRUE(std::isnan(out.at(0, 0)));
  EXPECT_EQ(out.at(1, 1), 7.0f);
  EXPECT_EQ(out.at(2, 2), 1.0f);
  // dst aliasing B with a Cols broadcast: B's column 0 must be read before
  // any of it is overwritten.
  Tile x = randomTile(10), y = randomTile(11);
  Tile expected;
  eltwiseBinary(expected, x, y, BinaryOp::Sub, Bcast::Cols);
  eltwiseBinary(y, x, y, BinaryOp::Sub, Bcast::Cols);
  EXPECT_EQ(y.v, expected.v);
}

//===----------------------------------------------------------------------===//
// Reductions
//===----------------------------------------------------------------------===//

/// The documented reduce in double.
Tile refReduce(const Tile &dst0, const Tile &a, double s, ReduceKind kind,
               ReduceDim dim, Tile *magnitude) {
  Tile out = dst0;
  *magnitude = Tile();
  auto isMax = kind == ReduceKind::Max;
  if (dim == ReduceDim::Scalar) {
    double acc = dst0.at(0, 0), mag = std::fabs(acc);
    for (int i = 0; i < N; ++i)
      for (int j = 0; j < N; ++j) {
        double v = a.at(i, j) * s;
        acc = isMax ? std::max(acc, v) : acc + v;
        mag += std::fabs(v);
      }
    out.at(0, 0) = static_cast<float>(acc);
    magnitude->at(0, 0) = static_cast<float>(mag);
    return out;
  }
  for (int x = 0; x < N; ++x) {
    bool row = dim == ReduceDim::Row;
    int oi = row ? x : 0, oj = row ? 0 : x;
    double acc = dst0.at(oi, oj), mag = std::fabs(acc);
    for (int y = 0; y < N; ++y) {
      double v = (row ? a.at(x, y) : a.at(y, x)) * s;
      acc = isMax ? std::max(acc, v) : acc + v;
      mag += std::fabs(v);
    }
    out.at(oi, oj) = static_cast<float>(acc);
    magnitude->at(oi, oj) = static_cast<float>(mag);
  }
  return out;
}

TEST(TileMathTest, ReduceRowColScalarWithScalers) {
  Tile a = randomTile(12, 4.0);
  Tile dst0 = randomTile(13); // distinct sentinels everywhere
  struct Case {
    ReduceKind kind;
    float s;
  };
  for (Case c : {Case{ReduceKind::Sum, 1.0f}, Case{ReduceKind::Sum, 1.0f / 32},
                 Case{ReduceKind::Max, 1.0f}}) {
    Tile scaler = randomTile(14); // rows 1..31 must be ignored
    for (int j = 0; j < N; ++j)
      scaler.at(0, j) = c.s;
    for (ReduceDim dim : {ReduceDim::Row, ReduceDim::Col, ReduceDim::Scalar}) {
      Tile out = dst0, mag;
      reduce(out, a, scaler, c.kind, dim);
      Tile ref = refReduce(dst0, a, c.s, c.kind, dim, &mag);
      for (int i = 0; i < N; ++i)
        for (int j = 0; j < N; ++j) {
          bool written = (dim == ReduceDim::Row && j == 0) ||
                         (dim == ReduceDim::Col && i == 0) ||
                         (dim == ReduceDim::Scalar && i == 0 && j == 0);
          if (!written) {
            ASSERT_EQ(out.at(i, j), dst0.at(i, j))
                << "untouched " << i << "," << j;
            continue;
          }
          if (c.kind == ReduceKind::Max)
            ASSERT_EQ(out.at(i, j), ref.at(i, j)) << i << "," << j;
          else
            ASSERT_LE(std::fabs(out.at(i, j) - ref.at(i, j)),
                      2e-6 * mag.at(i, j))
                << i << "," << j;
        }
    }
  }
}

TEST(TileMathTest, ReduceRowMeanOfConstantRows) {
  // Row i holds the value i; the mean scaler 1/32 turns the row sum into i.
  Tile a, scaler = Tile::filled(1.0f / 32), dst;
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      a.at(i, j) = static_cast<float>(i);
  reduce(dst, a, scaler, ReduceKind::Sum, ReduceDim::Row);
  for (int i = 0; i < N; ++i)
    EXPECT_EQ(dst.at(i, 0), static_cast<float>(i));
  // COL reduces each column instead: every column sums 0 + 1 + ... + 31.
  Tile col;
  reduce(col, a, scaler, ReduceKind::Sum, ReduceDim::Col);
  for (int j = 0; j < N; ++j)
    EXPECT_EQ(col.at(0, j), 31.0f * 32 / 2 / 32);
}

TEST(TileMathTest, ReduceMaxWithNegativeInfinities) {
  Tile a = Tile::filled(-kInfF);
  a.at(3, 17) = -5.0f;
  a.at(3, 2) = -7.0f;
  a.at(9, 0) = 2.5f;
  Tile dst = Tile::filled(-kInfF), ones = Tile::filled(1.0f);
  reduce(dst, a, ones, ReduceKind::Max, ReduceDim::Row);
  for (int i = 0; i < N; ++i) {
    float expected = i == 3 ? -5.0f : i == 9 ? 2.5f : -kInfF;
    EXPECT_EQ(dst.at(i, 0), expected) << i;
  }
  Tile scalar = Tile::filled(-kInfF);
  reduce(scalar, a, ones, ReduceKind::Max, ReduceDim::Scalar);
  EXPECT_EQ(scalar.at(0, 0), 2.5f);
  // The accumulator takes part: a larger running max survives.
  Tile running = Tile::filled(10.0f);
  reduce(running, a, ones, ReduceKind::Max, ReduceDim::Row);
  EXPECT_EQ(running.at(9, 0), 10.0f);
}

TEST(TileMathTest, ReduceWithInputAsScalerIsTheUpstreamBug) {
  // tile_reduce_max(x, x, x) with reduce_dim = C: the scaler is x itself and
  // each column is reduced. The model computes exactly the documented
  // formula, which differs from a row max.
  Tile x = randomTile(15);
  Tile acc = x;
  reduce(acc, x, x, ReduceKind::Max, ReduceDim::Col);
  for (int j = 0; j < N; ++j) {
    double ref = x.at(0, j);
    for (int i = 0; i < N; ++i)
      ref = std::max(ref, static_cast<double>(x.at(i, j)) * x.at(0, i));
    EXPECT_EQ(acc.at(0, j), static_cast<float>(ref));
  }
  std::string why;
  EXPECT_FALSE(isValidScaler(x, ReduceKind::Max, &why));
}

TEST(TileMathTest, IsValidScaler) {
  std::string why;
  Tile ones = Tile::filled(1.0f);
  EXPECT_TRUE(isValidScaler(ones, ReduceKind::Max, &why));
  EXPECT_TRUE(isValidScaler(ones, ReduceKind::Sum, &why));
  Tile mean = Tile::filled(1.0f / 32);
  EXPECT_TRUE(isValidScaler(mean, ReduceKind::Sum, nullptr));
  EXPECT_FALSE(isValidScaler(mean, ReduceKind::Max, &why));
  EXPECT_NE(why.find("1.0"), std::string::npos) << why;

  // Only row 0 matters.
  Tile rowOnly = randomTile(16);
  for (int j = 0; j < N; ++j)
    rowOnly.at(0, j) = 1.0f;
  EXPECT_TRUE(isValidScaler(rowOnly, ReduceKind::Max, &why));

  Tile uneven = ones;
  uneven.at(0, 31) = 0.5f;
  EXPECT_FALSE(isValidScaler(uneven, ReduceKind::Sum, &why));
  EXPECT_NE(why.find("not uniform"), std::string::npos) << why;
  uneven = ones;
  uneven.at(0, 16) = 0.0f; // second face's half of row 0
  EXPECT_FALSE(isValidScaler(uneven, ReduceKind::Max, &why));

  EXPECT_FALSE(isValidScaler(Tile(), ReduceKind::Sum, &why));
  EXPECT_NE(why.find("zero"), std::string::npos) << why;
  EXPECT_FALSE(isValidScaler(Tile::filled(kInfF), ReduceKind::Sum, &why));
  EXPECT_FALSE(
      isValidScaler(Tile::filled(std::nanf("")), ReduceKind::Sum, &why));
}

//===----------------------------------------------------------------------===//
// SFPU and data movement
//===----------------------------------------------------------------------===//

TEST(TileMathTest, ExpAccurateAndApproximate) {
  Tile t;
  for (int k = 0; k < kTileElems; ++k)
    t.v[k] = -80.0f + 160.0f * k / (kTileElems - 1);
  Tile accurate = t, approx = t;
  expTile(accurate, ExpMode::Accurate);
  expTile(approx, ExpMode::Approximate);
  for (int k = 0; k < kTileElems; ++k) {
    double ref = std::exp(static_cast<double>(t.v[k]));
    ASSERT_LE(std::fabs(accurate.v[k] - ref), 2e-7 * ref) << t.v[k];
    ASSERT_LE(std::fabs(approx.v[k] - ref), 4e-3 * ref) << t.v[k];
  }
  EXPECT_EQ(expApprox(0.0f), 1.0f);
  // The quadratic matches 2^f at f = 0, 1/2 and 1.
  EXPECT_NEAR(expApprox(0.69314718f), 2.0f, 1e-6f);
  EXPECT_NEAR(expApprox(0.34657359f), 1.41421356f, 1e-6f);
  EXPECT_NEAR(expApprox(-0.69314718f), 0.5f, 1e-6f);
}

TEST(TileMathTest, ExpEdgeCases) {
  for (ExpMode mode : {ExpMode::Accurate, ExpMode::Approximate}) {
    Tile t;
    t.v[0] = -100.0f;
    t.v[1] = -1000.0f;
    t.v[2] = -kInfF;
    t.v[3] = kInfF;
    t.v[4] = 100.0f;
    t.v[5] = std::nanf("");
    t.v[6] = -87.0f;
    expTile(t, mode);
    EXPECT_GE(t.v[0], 0.0f);
    EXPECT_LT(t.v[0], 1e-40f); // exp(-100) = 3.7e-44: 0 or a tiny denormal
    EXPECT_EQ(t.v[1], 0.0f);
    EXPECT_EQ(t.v[2], 0.0f);
    EXPECT_EQ(t.v[3], kInfF);
    EXPECT_EQ(t.v[4], kInfF);
    EXPECT_TRUE(std::isnan(t.v[5]));
    EXPECT_NEAR(t.v[6], std::exp(-87.0), 4e-3 * std::exp(-87.0));
  }
  EXPECT_EQ(expApprox(-100.0f), 0.0f); // flushed below 2^-126
}

TEST(TileMathTest, Recip) {
  Tile t = randomTile(17, 5.0, /*bf16=*/false);
  t.v[0] = 0.0f;
  t.v[1] = -0.0f;
  t.v[2] = kInfF;
  Tile r = t;
  recipTile(r);
  EXPECT_EQ(r.v[0], kInfF);
  EXPECT_EQ(r.v[1], -kInfF);
  EXPECT_EQ(r.v[2], 0.0f);
  for (int k = 3; k < kTileElems; ++k)
    ASSERT_EQ(r.v[k], static_cast<float>(1.0 / t.v[k])) << t.v[k];
}

TEST(TileMathTest, TransposeAndFill) {
  Tile src = randomTile(18);
  Tile dst;
  transposeWH(dst, src);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      ASSERT_EQ(dst.at(i, j), src.at(j, i));
  Tile inPlace = src;
  transposeWH(inPlace, inPlace);
  EXPECT_EQ(inPlace.v, dst.v);
  transposeWH(inPlace, inPlace);
  EXPECT_EQ(inPlace.v, src.v);

  fill(dst, -2.5f);
  for (float x : dst.v)
    ASSERT_EQ(x, -2.5f);
}

TEST(TileMathTest, BroadcastMulUnaryAndScalerTile) {
  Tile src = randomTile(20);
  Tile none, cols, rows, scalar;
  broadcastTile(none, src, Bcast::None);
  broadcastTile(cols, src, Bcast::Cols);
  broadcastTile(rows, src, Bcast::Rows);
  broadcastTile(scalar, src, Bcast::Scalar);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j) {
      ASSERT_EQ(none.at(i, j), src.at(i, j));
      ASSERT_EQ(cols.at(i, j), src.at(i, 0));
      ASSERT_EQ(rows.at(i, j), src.at(0, j));
      ASSERT_EQ(scalar.at(i, j), src.at(0, 0));
    }
  Tile inPlace = src;
  broadcastTile(inPlace, inPlace, Bcast::Rows);
  EXPECT_EQ(inPlace.v, rows.v);

  Tile m = src;
  mulUnaryTile(m, 0.5f);
  for (int k = 0; k < kTileElems; ++k)
    ASSERT_EQ(m.v[k], static_cast<float>(0.5 * src.v[k])); // exact halving

  Tile sc = src;
  reduceScalerTile(sc, 0.25f);
  for (int i = 0; i < N; ++i)
    for (int j = 0; j < N; ++j)
      ASSERT_EQ(sc.at(i, j), i == 0 || i == N / 2 ? 0.25f : 0.0f);
  std::string why;
  EXPECT_TRUE(isValidScaler(sc, ReduceKind::Sum, &why)) << why;
}

TEST(TileMathTest, PackAndDstRounding) {
  Tile t = randomTile(19, 1.0, /*bf16=*/false);
  t.v[0] = 1.00390625f; // 1 + 2^-8: a tie, rounds away to 1 + 2^-7
  Tile p = t, d = t, f = t;
  packRound(p, DataFormat::BF16);
  dstRound(d, DataFormat::BF16);
  packRound(f, DataFormat::F32);
  EXPECT_EQ(p.v[0], 1.0078125f);
  EXPECT_EQ(f.v, t.v);
  for (int k = 0; k < kTileElems; ++k) {
    // Independent reference: nearest multiple of 2^(E-8), halves away.
    double x = t.v[k];
    int e;
    std::frexp(std::fabs(x), &e);
    double unit = std::ldexp(1.0, e - 8);
    double r = std::floor(std::fabs(x) / unit + 0.5) * unit;
    ASSERT_EQ(p.v[k], static_cast<float>(x < 0 ? -r : r)) << x;
    ASSERT_EQ(d.v[k], p.v[k]);
  }
}

TEST(TileMathTest, FidelityNames) {
  for (MathFidelity f : {MathFidelity::LoFi, MathFidelity::HiFi2,
                         MathFidelity::HiFi3, MathFidelity::HiFi4})
    EXPECT_EQ(parseMathFidelity(mathFidelityName(f)), f);
  EXPECT_EQ(parseMathFidelity("hifi4"), std::nullopt);
  EXPECT_EQ(fidelityPhases(MathFidelity::LoFi), 1u);
  EXPECT_EQ(fidelityPhases(MathFidelity::HiFi4), 4u);
}

//===----------------------------------------------------------------------===//
// Cost table
//===----------------------------------------------------------------------===//

static_assert(flopsPerCycle(MathFidelity::LoFi) == 4096.0);
static_assert(flopsPerCycle(MathFidelity::HiFi2) == 2048.0);
static_assert(flopsPerCycle(MathFidelity::HiFi4) == 1024.0);

TEST(TileMathTest, CostTable) {
  EXPECT_EQ(matmulTileCycles(MathFidelity::LoFi), 16u);
  EXPECT_EQ(matmulTileCycles(MathFidelity::HiFi2), 32u);
  EXPECT_EQ(matmulTileCycles(MathFidelity::HiFi3), 48u);
  EXPECT_EQ(matmulTileCycles(MathFidelity::HiFi4), 64u);
  EXPECT_DOUBLE_EQ(flopsPerCycle(MathFidelity::HiFi3), 65536.0 / 48);
  // DESIGN.md's peak: 80 cores x 2048 FLOP/cycle (HiFi2) x 1 GHz.
  EXPECT_DOUBLE_EQ(80 * flopsPerCycle(MathFidelity::HiFi2) *
                       kCosts.wormholeClockHz,
                   163.84e12);
  EXPECT_EQ(kCosts.reduceTile * 16 * 16, static_cast<unsigned>(kTileElems));
  EXPECT_EQ(binaryTileCycles(BinaryOp::Add, MathFidelity::HiFi4), 8u);
  EXPECT_EQ(binaryTileCycles(BinaryOp::Mul, MathFidelity::LoFi), 8u);
  EXPECT_EQ(binaryTileCycles(BinaryOp::Mul, MathFidelity::HiFi4), 32u);
  EXPECT_EQ(expTileCycles(ExpMode::Approximate), 100u);
  EXPECT_EQ(expTileCycles(ExpMode::Accurate), 1200u);
  EXPECT_EQ(kCosts.nocBytesPerCyclePerLink * 8, 256u); // one 256-bit flit
  // The estimates charged like another op's entry.
  EXPECT_EQ(kCosts.copyTileMath, 0u);
  EXPECT_EQ(kCosts.mulUnaryTile, kCosts.maxTile);
  EXPECT_EQ(kCosts.sfpuBinaryTile, kCosts.maxTile);
  EXPECT_EQ(kCosts.copyDestTile, kCosts.fillTile);
  EXPECT_EQ(kCosts.genScalerTile, kCosts.fillTile);
  EXPECT_EQ(sfpuBinaryTileCycles(BinaryOp::Max, MathFidelity::LoFi),
            kCosts.maxTile);
  for (BinaryOp op : {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul})
    EXPECT_EQ(sfpuBinaryTileCycles(op, MathFidelity::HiFi4),
              kCosts.sfpuBinaryTile);
  EXPECT_EQ(kEltwiseTileFlops, 1024.0);
  EXPECT_EQ(kReduceTileFlops, 2048.0);
}

} // namespace
