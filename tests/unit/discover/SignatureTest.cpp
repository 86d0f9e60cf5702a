//===- SignatureTest.cpp - failure signatures and buckets -----------------===//

#include "discover/Signature.h"

#include <gtest/gtest.h>

using namespace dstlab::discover;
using dstlab::harness::Classification;
using dstlab::harness::Outcome;

namespace {

Classification outcome(const char *o, const char *sig = "") {
  Classification c;
  c.outcome = *dstlab::harness::parseOutcome(o);
  c.signature = sig;
  return c;
}

TEST(Signature, Normalise) {
  EXPECT_EQ(normaliseSignatureText(
                "fuzz_1_2.mlir:14:7: 'd2m.tile_matmul' op operand A lives in "
                "DST slice 3"),
            "'d2m.tile_matmul' op operand A lives in DST slice N");
  EXPECT_EQ(normaliseSignatureText("needs a square block, got 1x2 tiles"),
            "needs a square block, got NxN tiles");
  EXPECT_EQ(normaliseSignatureText("tensor<64x32xbf16> at loc(\"a\":1:2)"),
            "tensor<NxNxbf16> at");
  EXPECT_EQ(normaliseSignatureText("  value 0x7ff0  and\n f32 "),
            "value N and f32");
}

TEST(Signature, KeysAndExpectations) {
  Finding crash = findingFor("upstream", outcome("crash", "largestType"));
  EXPECT_EQ(crash.key(), "upstream: crash \"largestType\"");
  EXPECT_EQ(crash.expectation(), "crash \"largestType\"");
  Finding err = findingFor("upstream-release",
                           outcome("error", "x.mlir:3:4: slice 2 is busy"));
  EXPECT_EQ(err.outcomeKey(), "error \"slice N is busy\"");
  EXPECT_EQ(err.expectation(), "error \"slice 2 is busy\"");
  Finding mis = findingFor("fixed", outcome("miscompiled", "ignored"));
  EXPECT_EQ(mis.key(), "fixed: miscompiled");
  EXPECT_EQ(mis.expectation(), "miscompiled");
  Finding hz = findingFor("fixed", outcome("hazard", "dst-read-uninitialised"));
  EXPECT_EQ(hz.expectation(), "hazard dst-read-uninitialised");
  EXPECT_FALSE(findingFor("fixed", outcome("pass")).failed());
  // Same bug, other numbers: one bucket.
  Finding err2 = findingFor("upstream-release",
                            outcome("error", "y.mlir:9:1: slice 7 is busy"));
  EXPECT_EQ(bucketId(err), bucketId(err2));
  EXPECT_NE(bucketId(err), bucketId(crash));
}

TEST(Signature, Matches) {
  Finding err =
      findingFor("upstream-release", outcome("error", "slice 2 is busy"));
  EXPECT_TRUE(signatureMatches("error \"slice N is busy\"", err));
  EXPECT_TRUE(
      signatureMatches("upstream-release: error \"slice N is busy\"", err));
  EXPECT_TRUE(signatureMatches("error \"slice 5 is busy\"", err));
  EXPECT_FALSE(signatureMatches("crash \"slice N is busy\"", err));
  EXPECT_FALSE(signatureMatches("error \"slice N is free\"", err));
  Finding mis = findingFor("fixed", outcome("miscompiled"));
  EXPECT_TRUE(signatureMatches("miscompiled", mis));
  EXPECT_TRUE(signatureMatches("fixed: miscompiled", mis));
  EXPECT_FALSE(signatureMatches("imprecise", mis));
}

} // namespace
