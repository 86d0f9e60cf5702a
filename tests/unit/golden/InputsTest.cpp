//===- InputsTest.cpp - deterministic inputs and .npy files ---------------===//

#include "GoldenTestUtil.h"

#include "golden/Inputs.h"

#include "support/Bf16.h"
#include "support/Npy.h"
#include "support/Rng.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace dstlab;
using namespace dstlab::golden;
using dstlab::golden::testing::GoldenTest;

namespace {

const char *kTwoInputs = R"mlir(
  tl.program @p grid [1, 1] {
    tl.tensor @A input : tensor<32x64xbf16>
    tl.tensor @B input : tensor<64x32xf32>
    tl.tensor @C input colvec : tensor<32x32xbf16>
    tl.tensor @O output : tensor<32x64xbf16>
    tl.kernel @k ins [@A] outs [@O] {
    ^bb0(%a: tensor<32x64xbf16>):
      tl.yield %a : tensor<32x64xbf16>
    }
  })mlir";

// The same program with one more input declared first.
const char *kThreeInputs = R"mlir(
  tl.program @p grid [1, 1] {
    tl.tensor @Z input : tensor<32x32xbf16>
    tl.tensor @A input : tensor<32x64xbf16>
    tl.tensor @B input : tensor<64x32xf32>
    tl.tensor @C input colvec : tensor<32x32xbf16>
    tl.tensor @O output : tensor<32x64xbf16>
    tl.kernel @k ins [@A] outs [@O] {
    ^bb0(%a: tensor<32x64xbf16>):
      tl.yield %a : tensor<32x64xbf16>
    }
  })mlir";

TensorMap make(tl::ProgramOp p, uint64_t seed) {
  llvm::Expected<TensorMap> in = makeInputs(p, seed);
  if (!in) {
    ADD_FAILURE() << llvm::toString(in.takeError());
    return {};
  }
  return std::move(*in);
}

TEST_F(GoldenTest, InputsAreDeterministicAndRounded) {
  auto p = parse(kTwoInputs);
  ASSERT_TRUE(p);
  TensorMap a = make(p, 42), b = make(p, 42), c = make(p, 43);
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a, b);
  EXPECT_NE(a["A"], c["A"]);
  EXPECT_NE(a["B"], c["B"]);
  EXPECT_EQ(a["A"].rows, 32);
  EXPECT_EQ(a["A"].cols, 64);
  EXPECT_EQ(a["B"].rows, 64);
  EXPECT_EQ(a["B"].cols, 32);
  for (double v : a["A"].data) {
    EXPECT_GE(v, -1.0);
    EXPECT_LE(v, 1.0); // bf16 rounding may carry a value up to 1.0
    EXPECT_EQ(v, static_cast<double>(roundToBf16(static_cast<float>(v))));
  }
  bool anyNotBf16 = false;
  for (double v : a["B"].data) {
    EXPECT_GE(v, -1.0);
    EXPECT_LT(v, 1.0);
    EXPECT_EQ(v, static_cast<double>(static_cast<float>(v)));
    anyNotBf16 |= v != static_cast<double>(roundToBf16(static_cast<float>(v)));
  }
  EXPECT_TRUE(anyNotBf16) << "f32 inputs must not be rounded to bf16";
  // A colvec input repeats column 0 across the row.
  for (int64_t i = 0; i < 32; ++i)
    for (int64_t j = 1; j < 32; ++j)
      EXPECT_EQ(a["C"].at(i, j), a["C"].at(i, 0));
}

TEST_F(GoldenTest, InputStreamsAreIndependentPerTensor) {
  auto p2 = parse(kTwoInputs);
  auto p3 = parse(kThreeInputs);
  ASSERT_TRUE(p2 && p3);
  TensorMap a = make(p2, 5), b = make(p3, 5);
  EXPECT_EQ(a["A"], b["A"]);
  EXPECT_EQ(a["B"], b["B"]);
  EXPECT_EQ(a["C"], b["C"]);
  EXPECT_EQ(b.count("Z"), 1u);
}

TEST_F(GoldenTest, InputStreamSeedIsDocumented) {
  // FNV-1a 64 of "a" is a published test vector.
  EXPECT_EQ(fnv1a64(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cULL);
  uint64_t counter = 9;
  uint64_t first = splitMix64(counter);
  EXPECT_EQ(inputStreamSeed(9, "Q"), first ^ fnv1a64("Q"));
}

/// A fresh temporary directory, removed at the end of the test.
struct TempDir {
  TempDir() {
    if (llvm::sys::fs::createUniqueDirectory("dstlab-golden", path))
      ADD_FAILURE() << "cannot create a temporary directory";
  }
  ~TempDir() { llvm::sys::fs::remove_directories(path); }
  std::string file(llvm::StringRef name) const {
    llvm::SmallString<256> f(path);
    llvm::sys::path::append(f, name);
    return std::string(f);
  }
  llvm::SmallString<256> path;
};

TEST_F(GoldenTest, WriteThenLoadInputsRoundTrips) {
  auto p = parse(kTwoInputs);
  ASSERT_TRUE(p);
  TensorMap in = make(p, 11);
  TempDir dir;
  llvm::Error e = writeTensors(dir.file("sub"), in);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  llvm::Expected<TensorMap> back = loadInputs(p, dir.file("sub"));
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  EXPECT_EQ(*back, in);
}

TEST_F(GoldenTest, LoadInputsReportsMissingFile) {
  auto p = parse(kTwoInputs);
  ASSERT_TRUE(p);
  TempDir dir;
  TensorMap in = make(p, 1);
  in.erase("B");
  llvm::Error e = writeTensors(dir.path, in);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  llvm::Expected<TensorMap> back = loadInputs(p, dir.path);
  ASSERT_FALSE(bool(back));
  std::string msg = llvm::toString(back.takeError());
  EXPECT_NE(msg.find(dir.file("B.npy")), std::string::npos) << msg;
  EXPECT_NE(msg.find("(64, 32)"), std::string::npos) << msg;
}

TEST_F(GoldenTest, LoadInputsReportsWrongShape) {
  auto p = parse(kTwoInputs);
  ASSERT_TRUE(p);
  TempDir dir;
  TensorMap in = make(p, 1);
  in["B"] = HostTensor::zeros(32, 64); // transposed shape
  llvm::Error e = writeTensors(dir.path, in);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  llvm::Expected<TensorMap> back = loadInputs(p, dir.path);
  ASSERT_FALSE(bool(back));
  std::string msg = llvm::toString(back.takeError());
  EXPECT_NE(msg.find(dir.file("B.npy")), std::string::npos) << msg;
  EXPECT_NE(msg.find("must have shape (64, 32), got (32, 64)"),
            std::string::npos)
      << msg;

  NpyArray flat;
  flat.shape = {2048};
  flat.data.assign(2048, 0.0);
  e = writeNpy(dir.file("B.npy"), flat, NpyDType::F32);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  back = loadInputs(p, dir.path);
  ASSERT_FALSE(bool(back));
  msg = llvm::toString(back.takeError());
  EXPECT_NE(msg.find("got (2048,)"), std::string::npos) << msg;
}

TEST_F(GoldenTest, LoadInputsRoundsToElementType) {
  auto p = parse(kTwoInputs);
  ASSERT_TRUE(p);
  TempDir dir;
  TensorMap in = make(p, 2);
  in["A"].at(0, 0) = 1.0 + 1.0 / 1024; // not a bf16 value
  llvm::Error e = writeTensors(dir.path, in);
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  llvm::Expected<TensorMap> back = loadInputs(p, dir.path);
  ASSERT_TRUE(bool(back)) << llvm::toString(back.takeError());
  EXPECT_EQ((*back)["A"].at(0, 0), 1.0);
}

} // namespace

namespace {

// A tensor too large for the golden's inputs: std::bad_alloc before issue 20.
// The verifier rejects it; the golden checks again for unverified programs.
TEST_F(GoldenTest, HugeInputIsAnErrorNotBadAlloc) {
  mlir::ParserConfig config(&ctx, /*verifyAfterParse=*/false);
  modules.push_back(mlir::parseSourceString<mlir::ModuleOp>(R"mlir(
    tl.program @p grid [1, 1] {
      tl.tensor @A input : tensor<1099511627776x32xbf16>
    })mlir",
                                                            config,
                                                            "big.mlir"));
  ASSERT_TRUE(modules.back());
  auto p = *modules.back()->getOps<tl::ProgramOp>().begin();
  llvm::Expected<TensorMap> in = makeInputs(p, 0);
  ASSERT_FALSE(!!in);
  EXPECT_EQ(llvm::toString(in.takeError()),
            "big.mlir:3:7: input tensor @A tensor<1099511627776x32xbf16> is "
            "not 2-D or has more than the limit of 67108864 elements");
  llvm::Expected<TensorMap> loaded = loadInputs(p, "/nonexistent");
  ASSERT_FALSE(!!loaded);
  EXPECT_NE(llvm::toString(loaded.takeError()).find("67108864"),
            std::string::npos);
}

} // namespace
