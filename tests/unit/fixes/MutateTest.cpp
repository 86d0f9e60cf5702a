//===- MutateTest.cpp - mutation kinds and the oracle that kills them -----===//
//
// harness/Mutate.h on a tiny hand-written ttkernel module (what each kind
// changes, which sites it leaves out as equivalent), and end to end on a
// repro cell: a planted bug must end as a hazard, miscompiled or deadlock.
//
//===----------------------------------------------------------------------===//

#include "harness/Mutate.h"
#include "harness/Cell.h"

#include "compiler/Registration.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <string>

using namespace dstlab;
using namespace dstlab::harness;

namespace {

// Reader: a scaler and one tile of A. Compute: a row sum (fill 0, reduce),
// an add, a sub with a broadcast. Writer: one tile to O.
const char *kTiny = R"mlir(
module {
  ttkernel.dram_buffer @A tiles [1, 1] : bf16
  ttkernel.dram_buffer @O tiles [1, 1] : bf16
  ttkernel.program @p grid [1, 1] attributes {fp32_dest_acc} {
    ttkernel.cb_config 0 pages 1 : f32
    ttkernel.cb_config 1 pages 1 : f32
    ttkernel.cb_config 2 pages 1 : f32
    ttkernel.cb_config 16 pages 1 : f32
    func.func @reader() attributes {ttkernel.thread = #ttkernel.thread<reader>} {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      ttkernel.generate_reduce_scaler 1, 1.0
      ttkernel.cb_reserve_back 0, %c1
      ttkernel.noc_async_read_tile @A[%c0] -> 0[%c0]
      ttkernel.noc_async_read_barrier
      ttkernel.cb_push_back 0, %c1
      return
    }
    func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      ttkernel.cb_wait_front 0, %c1
      ttkernel.cb_wait_front 1, %c1
      ttkernel.cb_reserve_back 2, %c1
      ttkernel.tile_regs_acquire
      ttkernel.fill_tile dst[%c0], 0.0
      ttkernel.reduce_tile <sum> <row> 0[%c0], 1[%c0] -> dst[%c0]
      ttkernel.tile_regs_commit
      ttkernel.tile_regs_wait
      ttkernel.pack_tile dst[%c0] -> 2[%c0]
      ttkernel.tile_regs_release
      ttkernel.cb_push_back 2, %c1
      ttkernel.cb_wait_front 2, %c1
      ttkernel.cb_reserve_back 16, %c1
      ttkernel.tile_regs_acquire
      ttkernel.add_tiles 0[%c0], 0[%c0] -> dst[%c0]
      ttkernel.sub_tiles 0[%c0], 2[%c0] -> dst[%c1] {bcast = #ttkernel.bcast<cols>}
      ttkernel.add_binary_tile dst[%c0], dst[%c1]
      ttkernel.tile_regs_commit
      ttkernel.tile_regs_wait
      ttkernel.pack_tile dst[%c0] -> 16[%c0]
      ttkernel.tile_regs_release
      ttkernel.cb_push_back 16, %c1
      ttkernel.cb_pop_front 2, %c1
      ttkernel.cb_pop_front 0, %c1
      return
    }
    func.func @writer() attributes {ttkernel.thread = #ttkernel.thread<writer>} {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      ttkernel.cb_wait_front 16, %c1
      ttkernel.noc_async_write_tile 16[%c0] -> @O[%c0]
      ttkernel.noc_async_write_barrier
      ttkernel.cb_pop_front 16, %c1
      return
    }
  }
}
)mlir";

class MutateTest : public ::testing::Test {
protected:
  MutateTest() : ctx(registry()) { ctx.loadAllAvailableDialects(); }
  static mlir::DialectRegistry registry() {
    mlir::DialectRegistry r;
    registerAllDialects(r);
    return r;
  }
  mlir::OwningOpRef<mlir::ModuleOp> tiny() {
    auto m = mlir::parseSourceString<mlir::ModuleOp>(kTiny, &ctx);
    EXPECT_TRUE(m);
    return m;
  }
  std::vector<std::string> sites(mlir::ModuleOp m, llvm::StringRef kind) {
    llvm::Expected<std::vector<std::string>> s = mutationSites(m, kind);
    EXPECT_TRUE(static_cast<bool>(s)) << llvm::toString(s.takeError());
    return s ? *s : std::vector<std::string>();
  }
  std::string text(mlir::ModuleOp m) {
    std::string s;
    llvm::raw_string_ostream os(s);
    m.print(os);
    return s;
  }
  /// Applies kind:site to a fresh tiny module and returns its text.
  std::string mutated(llvm::StringRef kind, size_t site) {
    auto m = tiny();
    llvm::Error e = applyMutation(*m, kind, site);
    EXPECT_FALSE(static_cast<bool>(e)) << llvm::toString(std::move(e));
    return text(*m);
  }
  static size_t count(const std::string &s, const std::string &what) {
    size_t n = 0;
    for (size_t at = s.find(what); at != std::string::npos;
         at = s.find(what, at + 1))
      ++n;
    return n;
  }
  mlir::MLIRContext ctx;
};

TEST_F(MutateTest, AtLeastTwentyKindsEachDescribed) {
  EXPECT_GE(mutationKinds().size(), 20u);
  for (const MutationKind &k : mutationKinds()) {
    EXPECT_FALSE(k.description.empty()) << k.name.str();
    EXPECT_EQ(findMutationKind(k.name), &k);
  }
  EXPECT_EQ(findMutationKind("no-such-kind"), nullptr);
}

TEST_F(MutateTest, DropsOneProtocolCall) {
  auto m = tiny();
  EXPECT_EQ(sites(*m, "drop-wait").size(), 2u);
  std::string t = mutated("drop-wait", 1);
  EXPECT_EQ(count(t, "tile_regs_wait"), 1u);
  EXPECT_EQ(count(mutated("drop-read-barrier", 0), "noc_async_read_barrier"),
            0u);
}

TEST_F(MutateTest, MovesWaitPastThePack) {
  std::string t = mutated("pack-before-wait", 0);
  EXPECT_LT(t.find("pack_tile dst[%c0] -> 2"), t.find("tile_regs_wait"));
}

TEST_F(MutateTest, WrongSliceAndOffByOneBuildNewIndices) {
  std::string t = mutated("dst-out-of-range", 0);
  // fp32 half-sync DST: 4 slices per section.
  EXPECT_NE(t.find("arith.constant 4 : index"), std::string::npos) << t;
  std::string o = mutated("tile-index-off-by-one", 0);
  EXPECT_NE(o.find("arith.addi"), std::string::npos) << o;
}

TEST_F(MutateTest, SwapOperandsLeavesCommutativeOpsAlone) {
  // sub_tiles and sub_binary_tile only: add_tiles without broadcast and
  // add_binary_tile commute (equivalent mutants).
  auto m = tiny();
  std::vector<std::string> s = sites(*m, "swap-operands");
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NE(s[0].find("sub_tiles"), std::string::npos) << s[0];
  std::string t = mutated("swap-operands", 0);
  EXPECT_NE(t.find("sub_tiles 2[%c0], 0[%c0]"), std::string::npos) << t;
}

TEST_F(MutateTest, ZeroFillOfASumAccumulatorIsEquivalent) {
  // A released slice holds zeros: dropping `fill 0` before a reduce <sum>
  // changes nothing, so neither kind lists it.
  auto m = tiny();
  EXPECT_TRUE(sites(*m, "missing-accumulator-init").empty());
  for (const std::string &s : sites(*m, "wrong-dst-slice"))
    EXPECT_EQ(s.find("fill_tile"), std::string::npos) << s;
}

TEST_F(MutateTest, FinalPopOfAnOwnCBIsEquivalent) {
  // Compute's pop of CB 2 is its last use and compute produced it; the
  // pops of CB 0 (fed by the reader, 1 page, 1 pushed) and CB 16 likewise
  // free pages nobody waits for.
  auto m = tiny();
  EXPECT_TRUE(sites(*m, "drop-pop-front").empty());
}

TEST_F(MutateTest, RoundingOnlyWhereItMatters) {
  // CB 0 holds bf16 data (exact); CB 16 only goes to bf16 DRAM; CB 1 holds
  // the scaler 1.0. CB 2 holds a row sum read by a subtraction: rounding it
  // changes the result.
  auto m = tiny();
  std::vector<std::string> s = sites(*m, "bf16-state");
  ASSERT_EQ(s.size(), 1u);
  std::string t = mutated("bf16-state", 0);
  EXPECT_NE(t.find("cb_config 2 pages 1 : bf16"), std::string::npos) << t;
  EXPECT_EQ(sites(*m, "bf16-dst").size(), 1u);
}

TEST_F(MutateTest, SwappingTwoCBsOfTheSameConstantIsEquivalent) {
  // CBs 2 and 3 both hold fill(0) pages where CB 2 is read: reading CB 3
  // instead changes nothing (attention's l and acc both start at 0).
  const char *text = R"mlir(
module {
  ttkernel.dram_buffer @O tiles [1, 1] : bf16
  ttkernel.program @p grid [1, 1] attributes {fp32_dest_acc} {
    ttkernel.cb_config 2 pages 1 : f32
    ttkernel.cb_config 3 pages 1 : f32
    ttkernel.cb_config 16 pages 1 : f32
    func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      ttkernel.cb_reserve_back 2, %c1
      ttkernel.cb_reserve_back 3, %c1
      ttkernel.tile_regs_acquire
      ttkernel.fill_tile dst[%c0], 0.0
      ttkernel.tile_regs_commit
      ttkernel.tile_regs_wait
      ttkernel.pack_tile dst[%c0] -> 2[%c0]
      ttkernel.pack_tile dst[%c0] -> 3[%c0]
      ttkernel.tile_regs_release
      ttkernel.cb_push_back 2, %c1
      ttkernel.cb_push_back 3, %c1
      ttkernel.cb_wait_front 2, %c1
      ttkernel.cb_wait_front 3, %c1
      ttkernel.cb_reserve_back 16, %c1
      ttkernel.tile_regs_acquire
      ttkernel.copy_tile 2[%c0] -> dst[%c0]
      ttkernel.tile_regs_commit
      ttkernel.tile_regs_wait
      ttkernel.pack_tile dst[%c0] -> 16[%c0]
      ttkernel.tile_regs_release
      ttkernel.cb_push_back 16, %c1
      return
    }
  }
}
)mlir";
  auto m = mlir::parseSourceString<mlir::ModuleOp>(text, &ctx);
  ASSERT_TRUE(m);
  EXPECT_TRUE(sites(*m, "swap-cb").empty());
}

TEST_F(MutateTest, BadSpecsAndSites) {
  std::string kind;
  size_t site = 0;
  EXPECT_FALSE(static_cast<bool>(parseMutationSpec("drop-wait:3", kind, site)));
  EXPECT_EQ(kind, "drop-wait");
  EXPECT_EQ(site, 3u);
  for (const char *bad :
       {"drop-wait", "drop-wait:", ":1", "drop-wait:x", "nonsense:0"}) {
    llvm::Error e = parseMutationSpec(bad, kind, site);
    EXPECT_TRUE(static_cast<bool>(e)) << bad;
    llvm::consumeError(std::move(e));
  }
  auto m = tiny();
  llvm::Error e = applyMutation(*m, "drop-wait", 7);
  ASSERT_TRUE(static_cast<bool>(e));
  EXPECT_NE(llvm::toString(std::move(e)).find("does not exist"),
            std::string::npos);
}

TEST_F(MutateTest, SamplingIsSpreadAndDeterministic) {
  EXPECT_EQ(sampleSites(3, 5), (std::vector<size_t>{0, 1, 2}));
  EXPECT_EQ(sampleSites(10, 0).size(), 10u);
  EXPECT_EQ(sampleSites(10, 3), (std::vector<size_t>{0, 4, 9}));
  EXPECT_EQ(sampleSites(10, 1), (std::vector<size_t>{5}));
}

// --- end to end: the oracle kills planted bugs ----------------------------

CellResult runMutant(const std::string &mutation) {
  CellRequest r;
  r.reproPath = std::string(DSTLAB_REPROS) + "/test_p1-matmul-rowmax.mlir";
  r.program = "p1_1x1";
  r.variant = "fixed";
  r.seeds = {0, 1, 2};
  r.mutation = mutation;
  return runCell(r);
}

TEST(MutateCell, PlantedBugsAreKilled) {
  EXPECT_EQ(runMutant("").outcome, Outcome::Pass);
  struct Case {
    const char *mutation, *outcome, *signature;
  } cases[] = {
      {"drop-wait:0", "hazard", "dst-outside-section"},
      {"pack-after-release:0", "hazard", "dst-outside-section"},
      // The simulator's own fixes: a max accumulator never initialised,
      // and a push before the read barrier.
      {"missing-accumulator-init:0", "hazard", "dst-read-uninitialised"},
      {"drop-read-barrier:0", "hazard", "noc-in-flight"},
      {"drop-write-barrier:0", "hazard", "noc-in-flight"},
      {"missing-scaler:0", "deadlock", "deadlock"},
      {"swap-operands:0", "miscompiled", nullptr},
      {"wrong-reduce-dim:0", "miscompiled", nullptr},
  };
  for (const Case &c : cases) {
    CellResult r = runMutant(c.mutation);
    EXPECT_EQ(outcomeName(r.outcome), c.outcome)
        << c.mutation << ": " << r.message;
    if (c.signature) {
      EXPECT_EQ(r.signature, c.signature) << c.mutation;
    }
  }
}

TEST(MutateCell, MissingSiteIsBadInput) {
  CellResult r = runMutant("drop-wait:999");
  EXPECT_EQ(r.outcome, Outcome::BadInput);
  EXPECT_NE(r.message.find("does not exist"), std::string::npos) << r.message;
}

} // namespace
