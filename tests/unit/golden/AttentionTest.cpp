//===- AttentionTest.cpp - attention reference and flash attention --------===//

#include "GoldenTestUtil.h"

#include "golden/Attention.h"
#include "golden/Inputs.h"
#include "golden/Interpreter.h"
#include "support/Bf16.h"

#include "llvm/Support/FileSystem.h"

#include <algorithm>
#include <cmath>

using namespace dstlab;
using namespace dstlab::golden;
using dstlab::golden::testing::GoldenTest;

namespace {

// Kept in sync with golden/examples/flash-attention-small.mlir.
const char *kFlashAttention = R"mlir(
tl.program @flash_attention_small grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "V", out = "O", scale = 0.125 : f64}} {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<128x64xbf16>
  tl.tensor @V input : tensor<128x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @fa ins [@Q, @K, @V] outs [@O] {
  ^bb0(%q: tensor<64x64xbf16>, %ks: !tl.stream<tensor<32x64xbf16>, 4>, %vs: !tl.stream<tensor<32x64xbf16>, 4>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %m0 = tl.fill 0xFFF0000000000000 : tensor<64x32xbf16>
    %l0 = tl.fill 0.0 : tensor<64x32xbf16>
    %acc0 = tl.fill 0.0 : tensor<64x64xbf16>
    %m, %l, %acc = scf.for %j = %c0 to %c4 step %c1
        iter_args(%mi = %m0, %li = %l0, %acci = %acc0)
        -> (tensor<64x32xbf16>, tensor<64x32xbf16>, tensor<64x64xbf16>) {
      %k = tl.read %ks[%j] : !tl.stream<tensor<32x64xbf16>, 4>
      %v = tl.read %vs[%j] : !tl.stream<tensor<32x64xbf16>, 4>
      %kt = tl.transpose %k : tensor<32x64xbf16> -> tensor<64x32xbf16>
      %qk = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x32xbf16> -> tensor<64x32xbf16>
      %s = tl.scale %qk by 0.125 : tensor<64x32xbf16>
      %smax = tl.rowmax %s : tensor<64x32xbf16> -> tensor<64x32xbf16>
      %mn = tl.max %mi, %smax : tensor<64x32xbf16>, tensor<64x32xbf16>
      %d = tl.sub %s, %mn bcast cols : tensor<64x32xbf16>, tensor<64x32xbf16>
      %p = tl.exp %d : tensor<64x32xbf16>
      %dm = tl.sub %mi, %mn : tensor<64x32xbf16>, tensor<64x32xbf16>
      %c = tl.exp %dm : tensor<64x32xbf16>
      %lc = tl.mul %c, %li : tensor<64x32xbf16>, tensor<64x32xbf16>
      %ps = tl.rowsum %p : tensor<64x32xbf16> -> tensor<64x32xbf16>
      %ln = tl.add %lc, %ps : tensor<64x32xbf16>, tensor<64x32xbf16>
      %ac = tl.mul %acci, %c bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
      %pv = tl.matmul %p, %v : tensor<64x32xbf16>, tensor<32x64xbf16> -> tensor<64x64xbf16>
      %an = tl.add %ac, %pv : tensor<64x64xbf16>, tensor<64x64xbf16>
      scf.yield %mn, %ln, %an : tensor<64x32xbf16>, tensor<64x32xbf16>, tensor<64x64xbf16>
    }
    %r = tl.recip %l : tensor<64x32xbf16>
    %o = tl.mul %acc, %r bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
    tl.yield %o : tensor<64x64xbf16>
  }
})mlir";

// The seed's "working" kernel: S - Q in place of S - rowmax(S), no
// normalisation. Compiles upstream, but is not attention.
const char *kNotAttention = R"mlir(
tl.program @pipelined grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "V", out = "O", scale = 0.125 : f64}} {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<64x64xbf16>
  tl.tensor @V input : tensor<64x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @k ins [@Q, @K, @V] outs [@O] {
  ^bb0(%q: tensor<64x64xbf16>, %k: tensor<64x64xbf16>, %v: tensor<64x64xbf16>):
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    %d = tl.sub %s, %q : tensor<64x64xbf16>, tensor<64x64xbf16>
    %p = tl.exp %d : tensor<64x64xbf16>
    %o = tl.matmul %p, %v : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %o : tensor<64x64xbf16>
  }
})mlir";

TEST_F(GoldenTest, AttentionOfOneKeyIsThatValueRow) {
  HostTensor q = HostTensor::zeros(3, 4);
  for (int64_t i = 0; i < 12; ++i)
    q.data[i] = 0.37 * i - 1.0;
  HostTensor k = HostTensor{1, 4, {0.5, -2.0, 1.0, 3.0}};
  HostTensor v = HostTensor{1, 5, {1.0, -2.0, 0.25, 8.0, -0.5}};
  HostTensor o = attentionReference(q, k, v, 0.5);
  ASSERT_EQ(o.rows, 3);
  ASSERT_EQ(o.cols, 5);
  for (int64_t i = 0; i < 3; ++i)
    for (int64_t j = 0; j < 5; ++j)
      EXPECT_DOUBLE_EQ(o.at(i, j), v.at(0, j));
}

TEST_F(GoldenTest, AttentionReferenceMatchesDirectSoftmax) {
  // Two keys: weight of key 0 is 1 / (1 + exp(s1 - s0)); also large scores
  // (1000) that would overflow a naive exp.
  HostTensor q = HostTensor{1, 1, {1.0}};
  HostTensor k = HostTensor{2, 1, {1000.0, 999.0}};
  HostTensor v = HostTensor{2, 1, {1.0, 0.0}};
  HostTensor o = attentionReference(q, k, v, 1.0);
  ASSERT_EQ(o.numElements(), 1);
  EXPECT_NEAR(o.data[0], 1.0 / (1.0 + std::exp(-1.0)), 1e-15);
  EXPECT_EQ(attentionReference(q, v, k, 1.0).numElements(), 1);
  EXPECT_EQ(attentionReference(k, q, v, 1.0).numElements(), 0);
}

TEST_F(GoldenTest, FlashAttentionProgramIsAttention) {
  auto p = parse(kFlashAttention);
  ASSERT_TRUE(p);
  llvm::Expected<TensorMap> in = makeInputs(p, 1234);
  ASSERT_TRUE(bool(in)) << llvm::toString(in.takeError());
  llvm::Expected<TensorMap> out = interpret(p, *in);
  ASSERT_TRUE(bool(out)) << llvm::toString(out.takeError());
  HostTensor ref =
      attentionReference((*in)["Q"], (*in)["K"], (*in)["V"], 0.125);
  const HostTensor &o = (*out)["O"];
  ASSERT_EQ(o.rows, 64);
  ASSERT_EQ(o.cols, 64);
  for (int64_t i = 0; i < o.numElements(); ++i)
    ASSERT_NEAR(o.data[i], ref.data[i], 1e-9) << "element " << i;

  std::optional<AttentionBinding> b = detectAttention(p);
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(b->q, "Q");
  EXPECT_EQ(b->k, "K");
  EXPECT_EQ(b->v, "V");
  EXPECT_EQ(b->out, "O");
  EXPECT_EQ(b->scale, 0.125);
  llvm::Expected<AttentionVerdict> v = judgeAttention(*b, *in, *out);
  ASSERT_TRUE(bool(v)) << llvm::toString(v.takeError());
  EXPECT_TRUE(v->isAttention);
  EXPECT_GT(v->pcc, 0.999999);
  EXPECT_LT(v->maxError, 1e-9);
}

TEST_F(GoldenTest, SeedPipelinedKernelIsNotAttention) {
  auto p = parse(kNotAttention);
  ASSERT_TRUE(p);
  llvm::Expected<TensorMap> in = makeInputs(p, 1234);
  ASSERT_TRUE(bool(in)) << llvm::toString(in.takeError());
  llvm::Expected<TensorMap> out = interpret(p, *in);
  ASSERT_TRUE(bool(out)) << llvm::toString(out.takeError());
  std::optional<AttentionBinding> b = detectAttention(p);
  ASSERT_TRUE(b.has_value());
  llvm::Expected<AttentionVerdict> v = judgeAttention(*b, *in, *out);
  ASSERT_TRUE(bool(v)) << llvm::toString(v.takeError());
  EXPECT_FALSE(v->isAttention) << "pcc " << v->pcc << " error " << v->maxError;
}

TEST_F(GoldenTest, AttentionAttributeIsValidated) {
  auto none = parse(R"mlir(
    tl.program @p grid [1, 1] {
      tl.tensor @Q input : tensor<32x32xf32>
    })mlir");
  ASSERT_TRUE(none);
  EXPECT_FALSE(detectAttention(none).has_value());
  llvm::Expected<std::optional<AttentionBinding>> nb =
      readAttentionBinding(none);
  ASSERT_TRUE(bool(nb));
  EXPECT_FALSE(nb->has_value());

  auto bad = parse(R"mlir(
    tl.program @p grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "W", out = "Q"}} {
      tl.tensor @Q input : tensor<32x32xf32>
      tl.tensor @K input : tensor<64x32xf32>
    })mlir");
  ASSERT_TRUE(bad);
  EXPECT_FALSE(detectAttention(bad).has_value());
  llvm::Expected<std::optional<AttentionBinding>> eb =
      readAttentionBinding(bad);
  ASSERT_FALSE(bool(eb));
  std::string msg = llvm::toString(eb.takeError());
  EXPECT_NE(msg.find("'v' names unknown tensor @W"), std::string::npos) << msg;

  auto dflt = parse(R"mlir(
    tl.program @p grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "K", out = "O"}} {
      tl.tensor @Q input : tensor<32x64xf32>
      tl.tensor @K input : tensor<96x64xf32>
      tl.tensor @O output : tensor<32x64xf32>
    })mlir");
  ASSERT_TRUE(dflt);
  std::optional<AttentionBinding> d = detectAttention(dflt);
  ASSERT_TRUE(d.has_value());
  EXPECT_DOUBLE_EQ(d->scale, 0.125); // 1/sqrt(64)
}

// --- Input kinds and the faithful rounding ------------------------------

/// The scores q.k * scale of every (Q row, K row) pair.
std::vector<double> scores(const TensorMap &in, double scale) {
  const HostTensor &q = in.at("Q"), &k = in.at("K");
  std::vector<double> s;
  for (int64_t i = 0; i < q.rows; ++i)
    for (int64_t j = 0; j < k.rows; ++j) {
      double dot = 0;
      for (int64_t d = 0; d < q.cols; ++d)
        dot += q.at(i, d) * k.at(j, d);
      s.push_back(dot * scale);
    }
  return s;
}

TEST_F(GoldenTest, InputKindsShapeTheScores) {
  auto p = parse(kFlashAttention);
  ASSERT_TRUE(p);
  for (InputKind kind : allInputKinds())
    EXPECT_EQ(parseInputKind(inputKindName(kind)), kind);
  EXPECT_FALSE(parseInputKind("spiky"));

  TensorMap neg = llvm::cantFail(makeInputs(p, 3, InputKind::NegativeScores));
  // Below where exp underflows f32 (about -104): only the true row max
  // keeps a row (a running max started at 0 loses it).
  for (double s : scores(neg, 0.125)) {
    ASSERT_LT(s, -105.0);
    ASSERT_GT(s, -170.0);
  }
  TensorMap peaked = llvm::cantFail(makeInputs(p, 3, InputKind::Peaked));
  double lo = 0, hi = 0;
  for (double s : scores(peaked, 0.125))
    lo = std::min(lo, s), hi = std::max(hi, s);
  EXPECT_LT(lo, -40.0);
  EXPECT_GT(hi, 40.0);

  // late-max: every row's largest score is in K's last stream block.
  TensorMap late = llvm::cantFail(makeInputs(p, 3, InputKind::LateMax));
  const HostTensor &k = late.at("K");
  std::vector<double> s = scores(late, 0.125);
  for (int64_t i = 0; i < late.at("Q").rows; ++i) {
    int64_t arg = 0;
    for (int64_t j = 1; j < k.rows; ++j)
      if (s[i * k.rows + j] > s[i * k.rows + arg])
        arg = j;
    ASSERT_GE(arg, k.rows - 32) << "row " << i;
  }
  TensorMap zero = llvm::cantFail(makeInputs(p, 3, InputKind::ZeroRow));
  for (int64_t c = 0; c < 64; ++c)
    EXPECT_EQ(zero.at("Q").at(32, c), 0.0);
  TensorMap large = llvm::cantFail(makeInputs(p, 3, InputKind::LargeValues));
  TensorMap uni = llvm::cantFail(makeInputs(p, 3));
  EXPECT_NEAR(large.at("V").at(5, 5), 64 * uni.at("V").at(5, 5),
              std::fabs(large.at("V").at(5, 5)) / 64);
  // Same seed, same bytes.
  EXPECT_TRUE(llvm::cantFail(makeInputs(p, 3, InputKind::Peaked)).at("K") ==
              peaked.at("K"));
}

TEST_F(GoldenTest, AttentionKindsNeedABinding) {
  auto p = parse(kNotAttention);
  ASSERT_TRUE(p);
  // Drop the binding: the kinds that shape scores have nothing to shape.
  p->removeAttr(kAttentionAttrName);
  llvm::Expected<TensorMap> in = makeInputs(p, 1, InputKind::Peaked);
  ASSERT_FALSE(bool(in));
  EXPECT_NE(llvm::toString(in.takeError()).find("tl.attention"),
            std::string::npos);
  EXPECT_TRUE(bool(makeInputs(p, 1, InputKind::ZeroRow)));
}

TEST_F(GoldenTest, FaithfulRoundsWhereTheTargetRounds) {
  auto p = parse(kFlashAttention);
  ASSERT_TRUE(p);
  TensorMap in = llvm::cantFail(makeInputs(p, 7));
  TensorMap exact = llvm::cantFail(interpret(p, in));
  Rounding balanced = roundingFor(p, Precision::Balanced);
  EXPECT_EQ(balanced.dst, DataFormat::BF16);
  Rounding accurate = roundingFor(p, Precision::Accurate);
  EXPECT_EQ(accurate.dst, DataFormat::F32);
  TensorMap fb = llvm::cantFail(interpret(p, in, &balanced));
  TensorMap fa = llvm::cantFail(interpret(p, in, &accurate));
  const HostTensor &e = exact.at("O"), &b = fb.at("O"), &a = fa.at("O");
  double errB = 0, errA = 0, mag = 0;
  for (int64_t i = 0; i < e.numElements(); ++i) {
    // Outputs are packed to their declared bf16.
    float f = static_cast<float>(b.data[i]);
    ASSERT_EQ(b.data[i], static_cast<double>(roundToBf16(f)));
    errB = std::max(errB, std::fabs(b.data[i] - e.data[i]));
    errA = std::max(errA, std::fabs(a.data[i] - e.data[i]));
    mag = std::max(mag, std::fabs(e.data[i]));
  }
  // bf16 state loses more than f32 state, and both lose something.
  EXPECT_GT(errB, errA);
  EXPECT_GT(errA, 0.0);
  EXPECT_LT(errA / mag, 1e-2);
  // Deterministic, and the alternate extreme is a different evaluation.
  TensorMap again = llvm::cantFail(interpret(p, in, &balanced));
  EXPECT_TRUE(again.at("O") == b);
  Rounding alt = roundingFor(p, Precision::Balanced, /*alternate=*/true);
  TensorMap fAlt = llvm::cantFail(interpret(p, in, &alt));
  EXPECT_FALSE(fAlt.at("O") == b);
}

TEST_F(GoldenTest, NaNInAGivenInputIsBadInput) {
  auto p = parse(kFlashAttention);
  ASSERT_TRUE(p);
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("dstlab-nan", dir));
  TensorMap in = llvm::cantFail(makeInputs(p, 1));
  in["K"].at(3, 7) = std::nan("");
  ASSERT_FALSE(bool(writeTensors(dir, in)));
  llvm::Expected<TensorMap> loaded = loadInputs(p, dir);
  ASSERT_FALSE(bool(loaded));
  std::string why = llvm::toString(loaded.takeError());
  EXPECT_NE(why.find("K.npy: input tensor @K holds NaN at (3, 7)"),
            std::string::npos)
      << why;
  llvm::sys::fs::remove_directories(dir);
}

} // namespace
