//===- InterpreterTest.cpp - golden interpreter, closed-form cases --------===//

#include "GoldenTestUtil.h"

#include "golden/Inputs.h"
#include "golden/Interpreter.h"

#include <cmath>
#include <limits>

using namespace dstlab::golden;
using dstlab::golden::testing::GoldenTest;

namespace {

/// Runs `program` and returns its outputs, failing the test on an error.
TensorMap run(dstlab::tl::ProgramOp program, const TensorMap &inputs) {
  llvm::Expected<TensorMap> out = interpret(program, inputs);
  if (!out) {
    ADD_FAILURE() << llvm::toString(out.takeError());
    return {};
  }
  return std::move(*out);
}

/// The error message of running `program`, or "" if it succeeds.
std::string runError(dstlab::tl::ProgramOp program, const TensorMap &inputs) {
  llvm::Expected<TensorMap> out = interpret(program, inputs);
  if (out)
    return "";
  return llvm::toString(out.takeError());
}

TEST_F(GoldenTest, SoftmaxOfConstantRowIsUniform) {
  auto p = parse(R"mlir(
    tl.program @softmax grid [1, 1] {
      tl.tensor @X input : tensor<32x64xbf16>
      tl.tensor @P output : tensor<32x64xbf16>
      tl.kernel @k ins [@X] outs [@P] {
      ^bb0(%x: tensor<32x64xbf16>):
        %m = tl.rowmax %x : tensor<32x64xbf16> -> tensor<32x32xbf16>
        %d = tl.sub %x, %m bcast cols : tensor<32x64xbf16>, tensor<32x32xbf16>
        %e = tl.exp %d : tensor<32x64xbf16>
        %l = tl.rowsum %e : tensor<32x64xbf16> -> tensor<32x32xbf16>
        %r = tl.recip %l : tensor<32x32xbf16>
        %p = tl.mul %e, %r bcast cols : tensor<32x64xbf16>, tensor<32x32xbf16>
        tl.yield %p : tensor<32x64xbf16>
      }
    })mlir");
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::filled(32, 64, 3.75);
  TensorMap out = run(p, {{"X", x}});
  ASSERT_EQ(out.count("P"), 1u);
  const HostTensor &prob = out["P"];
  ASSERT_EQ(prob.rows, 32);
  ASSERT_EQ(prob.cols, 64);
  for (double v : prob.data)
    EXPECT_DOUBLE_EQ(v, 1.0 / 64.0);
}

const char *kRowMax = R"mlir(
  tl.program @rowmax grid [1, 1] {
    tl.tensor @X input : tensor<32x64xf32>
    tl.tensor @M output colvec : tensor<32x32xf32>
    tl.kernel @k ins [@X] outs [@M] {
    ^bb0(%x: tensor<32x64xf32>):
      %m = tl.rowmax %x : tensor<32x64xf32> -> tensor<32x32xf32>
      tl.yield %m : tensor<32x32xf32>
    }
  })mlir";

TEST_F(GoldenTest, RowMaxOfAllNegativeRows) {
  auto p = parse(kRowMax);
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::zeros(32, 64);
  for (int64_t i = 0; i < 32; ++i)
    for (int64_t j = 0; j < 64; ++j)
      x.at(i, j) = -100.0 - i - 0.5 * ((j * 7) % 64); // max at j == 0: -100-i
  TensorMap out = run(p, {{"X", x}});
  const HostTensor &m = out["M"];
  ASSERT_EQ(m.rows, 32);
  ASSERT_EQ(m.cols, 32);
  for (int64_t i = 0; i < 32; ++i)
    for (int64_t j = 0; j < 32; ++j)
      EXPECT_EQ(m.at(i, j), -100.0 - i) << "row " << i << " column " << j;
}

TEST_F(GoldenTest, RowMaxCrossesTiles) {
  auto p = parse(kRowMax);
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::zeros(32, 64);
  for (int64_t i = 0; i < 32; ++i) {
    for (int64_t j = 0; j < 64; ++j)
      x.at(i, j) = std::sin(0.1 * (i * 64 + j)); // in [-1, 1]
    x.at(i, 32 + (i * 5) % 32) = 2.0 + i;        // the max, in the second tile
  }
  TensorMap out = run(p, {{"X", x}});
  const HostTensor &m = out["M"];
  for (int64_t i = 0; i < 32; ++i)
    for (int64_t j = 0; j < 32; ++j)
      EXPECT_EQ(m.at(i, j), 2.0 + i);
}

TEST_F(GoldenTest, BlockTransposeMovesTiles) {
  auto p = parse(R"mlir(
    tl.program @t grid [1, 1] {
      tl.tensor @X input : tensor<64x64xbf16>
      tl.tensor @Y output : tensor<64x64xbf16>
      tl.kernel @k ins [@X] outs [@Y] {
      ^bb0(%x: tensor<64x64xbf16>):
        %y = tl.transpose %x : tensor<64x64xbf16> -> tensor<64x64xbf16>
        tl.yield %y : tensor<64x64xbf16>
      }
    })mlir");
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::zeros(64, 64);
  for (int64_t i = 0; i < 64; ++i)
    for (int64_t j = 0; j < 64; ++j)
      x.at(i, j) = i * 64 + j;
  TensorMap out = run(p, {{"X", x}});
  const HostTensor &y = out["Y"];
  for (int64_t i = 0; i < 64; ++i)
    for (int64_t j = 0; j < 64; ++j)
      ASSERT_EQ(y.at(i, j), x.at(j, i)) << i << "," << j;
}

TEST_F(GoldenTest, MatmulMatchesHandLoop) {
  auto p = parse(R"mlir(
    tl.program @mm grid [1, 1] {
      tl.tensor @A input : tensor<64x96xf32>
      tl.tensor @B input : tensor<96x32xf32>
      tl.tensor @C output : tensor<64x32xf32>
      tl.kernel @k ins [@A, @B] outs [@C] {
      ^bb0(%a: tensor<64x96xf32>, %b: tensor<96x32xf32>):
        %c = tl.matmul %a, %b : tensor<64x96xf32>, tensor<96x32xf32> -> tensor<64x32xf32>
        tl.yield %c : tensor<64x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  llvm::Expected<TensorMap> in = makeInputs(p, 7);
  ASSERT_TRUE(bool(in)) << llvm::toString(in.takeError());
  TensorMap out = run(p, *in);
  const HostTensor &a = (*in)["A"], &b = (*in)["B"], &c = out["C"];
  for (int64_t i = 0; i < 64; ++i)
    for (int64_t j = 0; j < 32; ++j) {
      double ref = 0;
      for (int64_t k = 0; k < 96; ++k)
        ref += a.at(i, k) * b.at(k, j);
      EXPECT_NEAR(c.at(i, j), ref, 1e-12);
    }
}

TEST_F(GoldenTest, BroadcastsAndMaxWithNegInf) {
  auto p = parse(R"mlir(
    tl.program @b grid [1, 1] {
      tl.tensor @X input : tensor<32x64xf32>
      tl.tensor @R input : tensor<32x64xf32>
      tl.tensor @Y output : tensor<32x64xf32>
      tl.tensor @Z output : tensor<32x64xf32>
      tl.kernel @k ins [@X, @R] outs [@Y, @Z] {
      ^bb0(%x: tensor<32x64xf32>, %r: tensor<32x64xf32>):
        %ninf = tl.fill 0xFFF0000000000000 : tensor<32x64xf32>
        %y0 = tl.max %ninf, %r bcast rows : tensor<32x64xf32>, tensor<32x64xf32>
        %s = tl.scale %y0 by 2.0 : tensor<32x64xf32>
        %y = tl.add %s, %x : tensor<32x64xf32>, tensor<32x64xf32>
        %col = tl.rowsum %x : tensor<32x64xf32> -> tensor<32x32xf32>
        %z = tl.bcast %col cols : tensor<32x32xf32> -> tensor<32x64xf32>
        tl.yield %y, %z : tensor<32x64xf32>, tensor<32x64xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  llvm::Expected<TensorMap> in = makeInputs(p, 3);
  ASSERT_TRUE(bool(in)) << llvm::toString(in.takeError());
  TensorMap out = run(p, *in);
  const HostTensor &x = (*in)["X"], &r = (*in)["R"];
  for (int64_t i = 0; i < 32; ++i) {
    double sum = 0;
    for (int64_t j = 0; j < 64; ++j)
      sum += x.at(i, j);
    for (int64_t j = 0; j < 64; ++j) {
      EXPECT_EQ(out["Y"].at(i, j), 2.0 * r.at(0, j) + x.at(i, j));
      EXPECT_EQ(out["Z"].at(i, j), sum);
    }
  }
}

TEST_F(GoldenTest, ForLoopAccumulatesIterArgs) {
  // acc = sum over j of block (3 - j) of S, with loop bounds built by
  // index arithmetic; n counts iterations in a second iter_arg.
  auto p = parse(R"mlir(
    tl.program @loop grid [1, 1] {
      tl.tensor @S input : tensor<128x64xf32>
      tl.tensor @A output : tensor<32x64xf32>
      tl.tensor @N output : tensor<32x32xf32>
      tl.kernel @k ins [@S] outs [@A, @N] {
      ^bb0(%s: !tl.stream<tensor<32x64xf32>, 4>):
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %c2 = arith.constant 2 : index
        %c3 = arith.constant 3 : index
        %c4 = arith.muli %c2, %c2 : index
        %one = tl.fill 1.0 : tensor<32x32xf32>
        %a0 = tl.fill 0.0 : tensor<32x64xf32>
        %n0 = tl.fill 0.0 : tensor<32x32xf32>
        %a, %n = scf.for %j = %c0 to %c4 step %c1
            iter_args(%ai = %a0, %ni = %n0) -> (tensor<32x64xf32>, tensor<32x32xf32>) {
          %jj = arith.subi %c3, %j : index
          %blk = tl.read %s[%jj] : !tl.stream<tensor<32x64xf32>, 4>
          %an = tl.add %ai, %blk : tensor<32x64xf32>, tensor<32x64xf32>
          %nn = tl.add %ni, %one : tensor<32x32xf32>, tensor<32x32xf32>
          scf.yield %an, %nn : tensor<32x64xf32>, tensor<32x32xf32>
        }
        tl.yield %a, %n : tensor<32x64xf32>, tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  HostTensor s = HostTensor::zeros(128, 64);
  for (int64_t i = 0; i < 128; ++i)
    for (int64_t j = 0; j < 64; ++j)
      s.at(i, j) = (i / 32 + 1) * 1000.0 + (i % 32) * 64 + j;
  TensorMap out = run(p, {{"S", s}});
  for (int64_t i = 0; i < 32; ++i)
    for (int64_t j = 0; j < 64; ++j)
      EXPECT_EQ(out["A"].at(i, j), 10000.0 + 4.0 * (i * 64 + j));
  for (double v : out["N"].data)
    EXPECT_EQ(v, 4.0);
}

TEST_F(GoldenTest, WorkItemsShardRowsAndTempsFeedLaterKernels) {
  // Kernel 1: T = 2 * X per 32-row block (4 work items). Kernel 2: every
  // work item of Y adds the sum of all blocks of T (streamed) to its X block.
  auto p = parse(R"mlir(
    tl.program @two grid [2, 2] {
      tl.tensor @X input : tensor<128x32xf32>
      tl.tensor @T temp : tensor<128x32xf32>
      tl.tensor @Y output : tensor<128x32xf32>
      tl.kernel @k1 ins [@X] outs [@T] {
      ^bb0(%x: tensor<32x32xf32>):
        %t = tl.scale %x by 2.0 : tensor<32x32xf32>
        tl.yield %t : tensor<32x32xf32>
      }
      tl.kernel @k2 ins [@X, @T] outs [@Y] {
      ^bb0(%x: tensor<32x32xf32>, %ts: !tl.stream<tensor<32x32xf32>, 4>):
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %c4 = arith.constant 4 : index
        %y = scf.for %j = %c0 to %c4 step %c1 iter_args(%acc = %x) -> (tensor<32x32xf32>) {
          %b = tl.read %ts[%j] : !tl.stream<tensor<32x32xf32>, 4>
          %n = tl.add %acc, %b : tensor<32x32xf32>, tensor<32x32xf32>
          scf.yield %n : tensor<32x32xf32>
        }
        tl.yield %y : tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::zeros(128, 32);
  for (int64_t i = 0; i < 128; ++i)
    for (int64_t j = 0; j < 32; ++j)
      x.at(i, j) = i + 0.001 * j;
  TensorMap out = run(p, {{"X", x}});
  ASSERT_EQ(out.count("T"), 1u);
  EXPECT_EQ(out["T"].at(100, 3), 2.0 * x.at(100, 3));
  for (int64_t i = 0; i < 128; ++i)
    for (int64_t j = 0; j < 32; ++j) {
      double sum = 0;
      for (int64_t b = 0; b < 4; ++b)
        sum += 2.0 * x.at(b * 32 + i % 32, j);
      EXPECT_DOUBLE_EQ(out["Y"].at(i, j), x.at(i, j) + sum);
    }
}

TEST_F(GoldenTest, UnknownOpIsAnErrorWithLocation) {
  auto p = parse(R"mlir(
    tl.program @bad grid [1, 1] {
      tl.tensor @X input : tensor<32x32xf32>
      tl.tensor @Y output : tensor<32x32xf32>
      tl.kernel @k ins [@X] outs [@Y] {
      ^bb0(%x: tensor<32x32xf32>):
        %y = arith.addf %x, %x : tensor<32x32xf32>
        tl.yield %y : tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  std::string err = runError(p, {{"X", HostTensor::zeros(32, 32)}});
  EXPECT_NE(err.find("test.mlir:7:14"), std::string::npos) << err;
  EXPECT_NE(err.find("'arith.addf'"), std::string::npos) << err;
  EXPECT_NE(err.find("kernel @k, work item 0"), std::string::npos) << err;
}

TEST_F(GoldenTest, StreamReadOutOfRangeIsAnError) {
  auto p = parse(R"mlir(
    tl.program @oob grid [1, 1] {
      tl.tensor @S input : tensor<64x32xf32>
      tl.tensor @Y output : tensor<32x32xf32>
      tl.kernel @k ins [@S] outs [@Y] {
      ^bb0(%s: !tl.stream<tensor<32x32xf32>, 2>):
        %c2 = arith.constant 2 : index
        %y = tl.read %s[%c2] : !tl.stream<tensor<32x32xf32>, 2>
        tl.yield %y : tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  std::string err = runError(p, {{"S", HostTensor::zeros(64, 32)}});
  EXPECT_NE(err.find("test.mlir:8:14"), std::string::npos) << err;
  EXPECT_NE(err.find("reads block 2 of stream @S, which has 2 blocks"),
            std::string::npos)
      << err;
}

TEST_F(GoldenTest, MissingOrMisshapenInputIsAnError) {
  auto p = parse(kRowMax);
  ASSERT_TRUE(p);
  std::string missing = runError(p, {});
  EXPECT_NE(missing.find("no value given for input tensor @X"),
            std::string::npos)
      << missing;
  std::string shape = runError(p, {{"X", HostTensor::zeros(32, 32)}});
  EXPECT_NE(shape.find("input tensor @X must be 32x64, got 32x32"),
            std::string::npos)
      << shape;
}

TEST_F(GoldenTest, NegInfPropagatesAsIeee) {
  // exp(-inf) = 0; max(-inf, x) = x; rowmax of an all -inf row is -inf.
  auto p = parse(R"mlir(
    tl.program @inf grid [1, 1] {
      tl.tensor @E output : tensor<32x32xf32>
      tl.tensor @M output : tensor<32x32xf32>
      tl.kernel @k ins [] outs [@E, @M] {
        %ninf = tl.fill 0xFFF0000000000000 : tensor<32x32xf32>
        %e = tl.exp %ninf : tensor<32x32xf32>
        %m = tl.rowmax %ninf : tensor<32x32xf32> -> tensor<32x32xf32>
        tl.yield %e, %m : tensor<32x32xf32>, tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  TensorMap out = run(p, {});
  for (double v : out["E"].data)
    EXPECT_EQ(v, 0.0);
  for (double v : out["M"].data)
    EXPECT_EQ(v, -std::numeric_limits<double>::infinity());
}

} // namespace

// The fast recipe's exp is the SFPU approximation 2^n (1 + f (a + b f)),
// exact where x log2 e is an integer or a half and otherwise within 0.32% of
// e^x; the exact golden keeps std::exp.
TEST_F(GoldenTest, FastRecipeApproximatesExp) {
  auto p = parse(R"mlir(
    tl.program @e grid [1, 1] {
      tl.tensor @X input : tensor<32x32xf32>
      tl.tensor @Y output : tensor<32x32xf32>
      tl.kernel @k ins [@X] outs [@Y] {
      ^bb0(%x: tensor<32x32xf32>):
        %y = tl.exp %x : tensor<32x32xf32>
        tl.yield %y : tensor<32x32xf32>
      }
    })mlir");
  ASSERT_TRUE(p);
  HostTensor x = HostTensor::filled(32, 32, 0.0);
  const double ln2 = std::log(2.0);
  x.data[0] = 3 * ln2;   // y = 3: 2^3
  x.data[1] = 0.5 * ln2; // y = 1/2: 1 + (a + b/2)/2 = sqrt 2
  for (int i = 2; i < 1024; ++i)
    x.data[i] = -20.0 + 40.0 * i / 1024.0;
  Rounding fast = roundingFor(p, dstlab::Precision::Fast);
  EXPECT_EQ(fast.dst, dstlab::DataFormat::F32);
  TensorMap out = llvm::cantFail(interpret(p, {{"X", x}}, &fast));
  TensorMap exact = run(p, {{"X", x}});
  const HostTensor &y = out.at("Y");
  EXPECT_NEAR(y.data[0], 8.0, 1e-5);
  EXPECT_NEAR(y.data[1], std::sqrt(2.0), 1e-6);
  double worst = 0;
  for (int i = 2; i < 1024; ++i) {
    double rel =
        std::fabs(y.data[i] - std::exp(x.data[i])) / std::exp(x.data[i]);
    worst = std::max(worst, rel);
    EXPECT_DOUBLE_EQ(exact.at("Y").data[i], std::exp(x.data[i]));
  }
  EXPECT_GT(worst, 1e-4); // an approximation, not exp rounded
  EXPECT_LT(worst, 3.5e-3);
}
