//===- ReduceTest.cpp - the reducer with in-process oracles ---------------===//

#include "discover/Reduce.h"
#include "TestContext.h"
#include "discover/Generate.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringRef.h"

#include <gtest/gtest.h>

using namespace dstlab::discover;

namespace {

using test::Context;

unsigned opsOf(mlir::MLIRContext &ctx, llvm::StringRef text) {
  mlir::OwningOpRef<mlir::ModuleOp> m =
      mlir::parseSourceString<mlir::ModuleOp>(text, &ctx);
  return m ? countBlockOps(*m) : ~0u;
}

// A program is "interesting" while it holds a matmul: the reducer must keep
// one, and nothing else it can remove.
TEST(Reduce, KeepsWhatTheOracleNeeds) {
  Context c;
  GenOptions o;
  o.minOps = o.maxOps = 30;
  unsigned tried = 0;
  for (uint64_t s = 0; s < 40 && tried < 3; ++s) {
    GeneratedProgram g = generateProgram(programSeed(5, s), "p", o);
    if (!llvm::StringRef(g.text).contains("tl.matmul"))
      continue;
    ++tried;
    unsigned asked = 0;
    Oracle hasMatmul = [&](llvm::StringRef text) {
      ++asked;
      return text.contains("tl.matmul");
    };
    ReduceStats stats;
    llvm::Expected<std::string> r =
        reduceProgram(c.ctx, g.text, hasMatmul, stats, [](llvm::StringRef) {});
    ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
    EXPECT_TRUE(llvm::StringRef(*r).contains("tl.matmul")) << *r;
    // The matmul and at most its two operands' fills.
    EXPECT_LE(opsOf(c.ctx, *r), 3u) << *r;
    EXPECT_EQ(stats.opsBefore, g.blockOps);
    EXPECT_EQ(stats.candidates, asked);
    EXPECT_LT(stats.accepted, stats.candidates + 1);
    // One work item on a 1x1 grid.
    EXPECT_TRUE(llvm::StringRef(*r).contains("grid [1, 1]")) << *r;
  }
  EXPECT_EQ(tried, 3u);
}

// A loop-carried pattern: the reducer cuts the loop to one trip and inlines
// it when what matters does not need the loop.
TEST(Reduce, InlinesLoops) {
  Context c;
  const char *text = R"(
tl.program @p grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @S input : tensor<96x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A, @S] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>, %s: !tl.stream<tensor<32x32xbf16>, 3>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c3 = arith.constant 3 : index
    %r = scf.for %j = %c0 to %c3 step %c1 iter_args(%acc = %a) -> (tensor<32x32xbf16>) {
      %b = tl.read %s[%j] : !tl.stream<tensor<32x32xbf16>, 3>
      %e = tl.exp %b : tensor<32x32xbf16>
      %n = tl.add %acc, %e : tensor<32x32xbf16>, tensor<32x32xbf16>
      scf.yield %n : tensor<32x32xbf16>
    }
    tl.yield %r : tensor<32x32xbf16>
  }
}
)";
  Oracle hasExp = [](llvm::StringRef t) { return t.contains("tl.exp"); };
  ReduceStats stats;
  llvm::Expected<std::string> r =
      reduceProgram(c.ctx, text, hasExp, stats, [](llvm::StringRef) {});
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  EXPECT_FALSE(llvm::StringRef(*r).contains("scf.for")) << *r;
  EXPECT_TRUE(llvm::StringRef(*r).contains("tl.exp")) << *r;
  EXPECT_LE(opsOf(c.ctx, *r), 2u) << *r;
}

// An oracle that never says yes leaves the program as it was.
TEST(Reduce, NothingInterestingNothingChanges) {
  Context c;
  GeneratedProgram g = generateProgram(programSeed(9, 0), "p", GenOptions());
  ReduceStats stats;
  llvm::Expected<std::string> r = reduceProgram(
      c.ctx, g.text, [](llvm::StringRef) { return false; }, stats,
      [](llvm::StringRef) {});
  ASSERT_TRUE(!!r);
  EXPECT_EQ(stats.accepted, 0u);
  EXPECT_EQ(opsOf(c.ctx, *r), g.blockOps);
}

} // namespace
