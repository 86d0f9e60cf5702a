//===- SimHazardTest.cpp - Every hazard kind, deadlock and step limit -----===//
//
// Each test is a small faulty kernel; the simulator must record the hazard
// (kind, core, thread, op, location, DST slice or CB) and never crash.
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

using namespace dstlab;
using namespace dstlab::sim;
using namespace dstlab::sim::test;

namespace {

class SimHazardTest : public SimTest {
protected:
  /// Runs a 1x1 program with the given kernels and CBs (CB 0 and 16 of 4
  /// bf16 pages by default) over buffers A [2, 2] and O [2, 2].
  SimResult runKernels(Prog p, bool verify = true) {
    if (p.cbs.empty())
      p.cbs = {"0 pages 4 : bf16", "16 pages 4 : bf16"};
    std::map<std::string, std::vector<double>> dram;
    dram["A"] = randomData(2, 2, 1);
    return run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {p}), dram,
               smallOptions(), verify);
  }

  /// Expects exactly one hazard record of `kind` and returns it.
  const Hazard &expectHazard(const SimResult &r, const std::string &kind,
                             const std::string &thread, const std::string &op) {
    EXPECT_EQ(r.status, SimStatus::Hazard) << describe(r);
    const Hazard *h = find(r, kind);
    static const Hazard none;
    EXPECT_NE(h, nullptr) << "no " << kind << "\n" << describe(r);
    if (!h)
      return none;
    EXPECT_EQ(h->thread, thread) << describe(r);
    EXPECT_EQ(h->op, op) << describe(r);
    EXPECT_EQ(h->coreX, 0);
    EXPECT_EQ(h->coreY, 0);
    EXPECT_EQ(h->location.rfind("test.mlir:", 0), 0u) << h->location;
    EXPECT_EQ(h->program, "p");
    return *h;
  }
};

/// A compute kernel: acquire, `math`, commit, wait, pack dst[0], release.
std::string dstKernel(const std::string &math,
                      const std::string &pack =
                          "      ttkernel.pack_tile dst[%c0] -> 16[%c0]\n") {
  return "      ttkernel.tile_regs_acquire\n" + math +
         "      ttkernel.tile_regs_commit\n"
         "      ttkernel.tile_regs_wait\n"
         "      ttkernel.cb_reserve_back 16, %c1\n" +
         pack +
         "      ttkernel.cb_push_back 16, %c1\n"
         "      ttkernel.tile_regs_release\n";
}

TEST_F(SimHazardTest, CleanKernelHasNoHazard) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n");
  p.writer = writeTiles(16, "O", 1);
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Ok) << describe(r);
  EXPECT_TRUE(r.hazards.empty());
}

TEST_F(SimHazardTest, DstIndexOutOfRange) {
  Prog p;
  // bf16 half-sync: 8 slices per section, so slice 8 is out of range.
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n"
                        "      ttkernel.fill_tile dst[%c8], 2.0\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstIndexOutOfRange, "compute",
                                 "ttkernel.fill_tile");
  EXPECT_EQ(h.dstSlice, 8);
}

TEST_F(SimHazardTest, DstIndexOutOfRangeF32) {
  // The release-build miscompile: slice 4 of a 4-slice f32 DST.
  Prog p;
  p.attrs = "fp32_dest_acc";
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c3], 1.0\n"
                        "      ttkernel.copy_dest_values dst[%c3] -> "
                        "dst[%c4]\n"
                        "      ttkernel.fill_tile dst[%c0], 1.0\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstIndexOutOfRange, "compute",
                                 "ttkernel.copy_dest_values");
  EXPECT_EQ(h.dstSlice, 4);
}

TEST_F(SimHazardTest, DstReadUninitialisedBySfpu) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n"
                        "      ttkernel.exp_tile dst[%c1]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstReadUninitialised, "compute",
                                 "ttkernel.exp_tile");
  EXPECT_EQ(h.dstSlice, 1);
}

TEST_F(SimHazardTest, DstReadUninitialisedByPack) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n",
                        "      ttkernel.pack_tile dst[%c2] -> 16[%c0]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstReadUninitialised, "compute",
                                 "ttkernel.pack_tile");
  EXPECT_EQ(h.dstSlice, 2);
}

TEST_F(SimHazardTest, WrittenInPreviousSectionIsUninitialised) {
  // Slice 0 written in the first section; the second section's pack of
  // slice 1 and SFPU read of slice 0 see nothing written in *this* section.
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n") +
              dstKernel("      ttkernel.exp_tile dst[%c0]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstReadUninitialised, "compute",
                                 "ttkernel.exp_tile");
  EXPECT_EQ(h.dstSlice, 0);
}

TEST_F(SimHazardTest, MathOutsideSection) {
  Prog p;
  p.compute = "      ttkernel.fill_tile dst[%c0], 1.0\n" +
              dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n");
  SimResult r = runKernels(p);
  expectHazard(r, hazard::DstOutsideSection, "compute", "ttkernel.fill_tile");
}

TEST_F(SimHazardTest, PackOutsideSection) {
  Prog p;
  p.compute = "      ttkernel.tile_regs_acquire\n"
              "      ttkernel.fill_tile dst[%c0], 1.0\n"
              "      ttkernel.tile_regs_commit\n"
              "      ttkernel.cb_reserve_back 16, %c1\n"
              "      ttkernel.pack_tile dst[%c0] -> 16[%c0]\n"
              "      ttkernel.cb_push_back 16, %c1\n"
              "      ttkernel.tile_regs_wait\n"
              "      ttkernel.tile_regs_release\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DstOutsideSection, "compute",
                                 "ttkernel.pack_tile");
  EXPECT_EQ(h.dstSlice, 0);
}

TEST_F(SimHazardTest, ProtocolOrderCommitWithoutAcquire) {
  Prog p;
  p.compute = "      ttkernel.tile_regs_commit\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::ProtocolOrder, "compute",
                                 "ttkernel.tile_regs_commit");
  EXPECT_NE(h.detail.find("without tile_regs_acquire"), std::string::npos);
}

TEST_F(SimHazardTest, ProtocolOrderReleaseWithoutWait) {
  Prog p;
  p.compute = "      ttkernel.tile_regs_acquire\n"
              "      ttkernel.tile_regs_commit\n"
              "      ttkernel.tile_regs_release\n"
              "      ttkernel.tile_regs_wait\n"
              "      ttkernel.tile_regs_release\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::ProtocolOrder, "compute",
                                 "ttkernel.tile_regs_release");
  EXPECT_NE(h.detail.find("without tile_regs_wait"), std::string::npos);
  EXPECT_EQ(r.hazards.size(), 1u) << describe(r);
}

TEST_F(SimHazardTest, ProtocolOrderDoubleAcquire) {
  Prog p;
  p.compute = "      ttkernel.tile_regs_acquire\n" +
              dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::ProtocolOrder, "compute",
                                 "ttkernel.tile_regs_acquire");
  EXPECT_NE(h.detail.find("double acquire"), std::string::npos);
}

TEST_F(SimHazardTest, ProtocolOrderKernelEndsHoldingSection) {
  Prog p;
  p.compute = "      ttkernel.tile_regs_acquire\n";
  SimResult r = runKernels(p);
  const Hazard &h =
      expectHazard(r, hazard::ProtocolOrder, "compute", "func.return");
  EXPECT_NE(h.detail.find("missing tile_regs_commit"), std::string::npos);
}

TEST_F(SimHazardTest, CBPushBeyondReserved) {
  Prog p;
  p.compute = "      ttkernel.cb_reserve_back 16, %c1\n"
              "      ttkernel.cb_push_back 16, %c2\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::CBPushBeyondReserved, "compute",
                                 "ttkernel.cb_push_back");
  EXPECT_EQ(h.cb, 16);
}

TEST_F(SimHazardTest, CBPopBeyondVisible) {
  Prog p;
  p.reader = readTiles("A", 0, 1);
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n"
              "      ttkernel.cb_pop_front 0, %c2\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::CBPopBeyondVisible, "compute",
                                 "ttkernel.cb_pop_front");
  EXPECT_EQ(h.cb, 0);
}

TEST_F(SimHazardTest, CBPagesExceedCapacityStopsTheCore) {
  Prog p;
  p.reader = "      ttkernel.cb_reserve_back 0, %c5\n";
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::CBPagesExceedCapacity, "reader",
                                 "ttkernel.cb_reserve_back");
  EXPECT_EQ(h.cb, 0);
  // The core stopped: its compute thread is not reported as deadlocked.
  EXPECT_FALSE(r.deadlocked);
  EXPECT_TRUE(r.blocked.empty());
}

TEST_F(SimHazardTest, CBUnconfigured) {
  // The verifier rejects this module; the simulator must survive it anyway.
  Prog p;
  p.compute = "      ttkernel.cb_reserve_back 7, %c1\n";
  std::string src = moduleText({{"A", 2, 2}, {"O", 2, 2}}, {p});
  {
    ctx.getDiagEngine().registerHandler(
        [](mlir::Diagnostic &) { return mlir::success(); });
    mlir::ParserConfig config(&ctx, /*verifyAfterParse=*/true);
    EXPECT_FALSE(mlir::parseSourceString<mlir::ModuleOp>(src, config));
  }
  SimResult r = runKernels(p, /*verify=*/false);
  const Hazard &h = expectHazard(r, hazard::CBUnconfigured, "compute",
                                 "ttkernel.cb_reserve_back");
  EXPECT_EQ(h.cb, 7);
}

TEST_F(SimHazardTest, L1Overflow) {
  Prog p;
  // 2 * 732 bf16 pages = 2 * 1464 KiB: twice the L1.
  p.cbs = {"0 pages 732 : bf16", "16 pages 732 : bf16"};
  p.reader = readTiles("A", 0, 1);
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Hazard) << describe(r);
  const Hazard *h = find(r, hazard::L1Overflow);
  ASSERT_NE(h, nullptr) << describe(r);
  EXPECT_EQ(h->cb, 16);
  EXPECT_EQ(h->op, "ttkernel.cb_config");
  EXPECT_EQ(h->thread, "");
  EXPECT_EQ(r.steps, 0u); // the program never ran
}

TEST_F(SimHazardTest, L1ExactFitIsFine) {
  Prog p;
  p.cbs = {"0 pages 366 : f32"}; // 366 * 4096 B = 1464 KiB
  p.reader = readTiles("A", 0, 1);
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Ok) << describe(r);
}

TEST_F(SimHazardTest, InvalidReduceScalerForMax) {
  Prog p;
  p.cbs = {"0 pages 4 : bf16", "2 pages 1 : bf16", "16 pages 4 : bf16"};
  p.reader = readTiles("A", 0, 1) +
             "      ttkernel.generate_reduce_scaler 2, 5.000000e-01\n";
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n"
              "      ttkernel.cb_wait_front 2, %c1\n" +
              dstKernel("      ttkernel.reduce_tile <max> <row> 0[%c0], "
                        "2[%c0] -> dst[%c0]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::InvalidReduceScaler, "compute",
                                 "ttkernel.reduce_tile");
  EXPECT_EQ(h.cb, 2);
  EXPECT_NE(h.detail.find("1.0"), std::string::npos) << h.detail;
}

TEST_F(SimHazardTest, InvalidReduceScalerNotUniform) {
  // tt-lang's tile_reduce_sum(x, x, x): the data tile is its own scaler.
  Prog p;
  p.reader = readTiles("A", 0, 1);
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n" +
              dstKernel("      ttkernel.reduce_tile <sum> <row> 0[%c0], "
                        "0[%c0] -> dst[%c0]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::InvalidReduceScaler, "compute",
                                 "ttkernel.reduce_tile");
  EXPECT_EQ(h.cb, 0);
  EXPECT_NE(h.detail.find("uniform"), std::string::npos) << h.detail;
}

TEST_F(SimHazardTest, DramOutOfRange) {
  Prog p;
  p.reader = readTiles("A", 0, 1, /*first=*/4); // @A has tiles 0..3
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::DramOutOfRange, "reader",
                                 "ttkernel.noc_async_read_tile");
  EXPECT_EQ(h.cb, 0);
}

TEST_F(SimHazardTest, CBReadNotVisible) {
  Prog p;
  p.reader = readTiles("A", 0, 2);
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n" +
              dstKernel("      ttkernel.copy_tile 0[%c1] -> dst[%c0]\n");
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::CBReadNotVisible, "compute",
                                 "ttkernel.copy_tile");
  EXPECT_EQ(h.cb, 0);
}

TEST_F(SimHazardTest, PackNotReserved) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n",
                        "      ttkernel.pack_tile dst[%c0] -> 16[%c1]\n");
  SimResult r = runKernels(p);
  const Hazard &h =
      expectHazard(r, hazard::PackNotReserved, "compute", "ttkernel.pack_tile");
  EXPECT_EQ(h.cb, 16);
}

TEST_F(SimHazardTest, NocReadIntoUnreservedPage) {
  Prog p;
  p.reader = "      ttkernel.noc_async_read_tile @A[%c0] -> 0[%c0]\n";
  SimResult r = runKernels(p);
  const Hazard &h = expectHazard(r, hazard::CBWriteNotReserved, "reader",
                                 "ttkernel.noc_async_read_tile");
  EXPECT_EQ(h.cb, 0);
}

TEST_F(SimHazardTest, DivisionByZeroStopsTheCore) {
  Prog p;
  p.reader = "      %q = arith.divui %c1, %c0 : index\n"
             "      ttkernel.cb_reserve_back 0, %q\n";
  SimResult r = runKernels(p);
  expectHazard(r, hazard::RuntimeError, "reader", "arith.divui");
}

TEST_F(SimHazardTest, RepeatedHazardIsCounted) {
  Prog p;
  p.compute = "      scf.for %i = %c0 to %c10 step %c1 {\n"
              "        ttkernel.tile_regs_commit\n"
              "      }\n";
  SimResult r = runKernels(p);
  ASSERT_EQ(r.hazards.size(), 1u) << describe(r);
  EXPECT_EQ(r.hazards[0].count, 10u);
}

TEST_F(SimHazardTest, Deadlock) {
  // The compute kernel waits on CB 0, which nobody pushes.
  Prog p;
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n";
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Deadlock) << describe(r);
  EXPECT_TRUE(r.deadlocked);
  EXPECT_TRUE(r.hazards.empty());
  ASSERT_EQ(r.blocked.size(), 1u);
  const Hazard &b = r.blocked[0];
  EXPECT_EQ(b.kind, hazard::Deadlock);
  EXPECT_EQ(b.thread, "compute");
  EXPECT_EQ(b.op, "ttkernel.cb_wait_front");
  EXPECT_EQ(b.cb, 0);
  EXPECT_NE(b.detail.find("0 visible"), std::string::npos) << b.detail;
}

TEST_F(SimHazardTest, CircularWaitDeadlock) {
  // The reader waits for an output page the compute kernel would only push
  // after reading the input the reader never sends.
  Prog p;
  p.reader = "      ttkernel.cb_wait_front 16, %c1\n" + readTiles("A", 0, 1);
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n" +
              dstKernel("      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n");
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Deadlock) << describe(r);
  ASSERT_EQ(r.blocked.size(), 2u);
  EXPECT_EQ(r.blocked[0].thread, "reader");
  EXPECT_EQ(r.blocked[1].thread, "compute");
}

TEST_F(SimHazardTest, StepLimit) {
  Prog p;
  p.compute = "      %n = arith.constant 1000000000 : index\n"
              "      %s = scf.for %i = %c0 to %n step %c1 iter_args(%a = "
              "%c0) -> (index) {\n"
              "        %b = arith.addi %a, %i : index\n"
              "        scf.yield %b : index\n"
              "      }\n";
  std::map<std::string, std::vector<double>> dram;
  SimOptions o = smallOptions();
  o.stepLimit = 1000;
  SimResult r = run(moduleText({}, {p}), dram, o);
  EXPECT_EQ(r.status, SimStatus::StepLimit) << describe(r);
  EXPECT_TRUE(r.stepLimitHit);
  EXPECT_EQ(r.steps, 1000u);
}

TEST_F(SimHazardTest, UnsupportedOpIsAnErrorNotACrash) {
  Prog p;
  p.compute = "      %f = arith.constant 1.0 : f32\n"
              "      %g = arith.addf %f, %f : f32\n";
  // (The float constant alone is accepted and ignored; arith.addf is not.)
  std::map<std::string, std::vector<double>> dram;
  SimResult r = run(moduleText({}, {p}), dram);
  EXPECT_EQ(r.status, SimStatus::Error);
  EXPECT_NE(r.error.find("test.mlir:"), std::string::npos) << r.error;
}

TEST_F(SimHazardTest, ManyFaultsAtOnceStayMemorySafe) {
  // Every kind of misuse in one kernel: the run must end with records.
  Prog p;
  p.reader = "      ttkernel.noc_async_read_tile @A[%c16] -> 0[%c3]\n"
             "      ttkernel.cb_push_back 0, %c3\n";
  p.compute = "      ttkernel.cb_pop_front 0, %c16\n"
              "      ttkernel.copy_tile 0[%c16] -> dst[%c16]\n"
              "      ttkernel.tile_regs_release\n"
              "      ttkernel.tile_regs_acquire\n"
              "      ttkernel.copy_tile 0[%c16] -> dst[%c16]\n"
              "      ttkernel.add_binary_tile dst[%c9], dst[%c10]\n"
              "      ttkernel.max_tile dst[%c0], dst[%c12]\n"
              "      ttkernel.copy_dest_values dst[%c15] -> dst[%c14]\n"
              "      ttkernel.pack_tile dst[%c16] -> 16[%c16]\n"
              "      ttkernel.tile_regs_commit\n"
              "      ttkernel.tile_regs_wait\n"
              "      ttkernel.pack_tile dst[%c16] -> 16[%c16]\n"
              "      ttkernel.matmul_tiles 0[%c16], 0[%c16] -> dst[%c16]\n";
  p.writer = "      ttkernel.noc_async_write_tile 16[%c9] -> @O[%c16]\n"
             "      ttkernel.cb_pop_front 16, %c2\n";
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Hazard);
  EXPECT_GE(r.hazards.size(), 8u) << describe(r);
}

// Oracle gaps found by `dstlab mutate-score` (harness/Mutate.h).

/// One reduce of kind `kind` (max or sum) onto DST slice 0, never written
/// in this section.
static Prog reduceOntoReleasedSlice(const std::string &kind) {
  Prog p;
  p.cbs = {"0 pages 4 : bf16", "1 pages 1 : bf16", "16 pages 4 : bf16"};
  p.reader =
      "      ttkernel.generate_reduce_scaler 1, 1.0\n" + readTiles("A", 0, 1);
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n"
              "      ttkernel.cb_wait_front 1, %c1\n" +
              dstKernel("      ttkernel.reduce_tile <" + kind +
                        "> <row> 0[%c0], 1[%c0] -> dst[%c0]\n");
  return p;
}

TEST_F(SimHazardTest, ReduceMaxOntoUnwrittenAccumulator) {
  // A released slice holds zeros: max(0, row) is wrong for negative rows,
  // so a max accumulator must be written (fill -inf) first.
  SimResult r = runKernels(reduceOntoReleasedSlice("max"));
  const Hazard &h = expectHazard(r, hazard::DstReadUninitialised, "compute",
                                 "ttkernel.reduce_tile");
  EXPECT_EQ(h.dstSlice, 0);
}

TEST_F(SimHazardTest, ReduceSumOntoReleasedSliceIsFine) {
  // Zero is sum's identity, as for matmul's +=.
  Prog p = reduceOntoReleasedSlice("sum");
  p.writer = writeTiles(16, "O", 1);
  SimResult r = runKernels(p);
  EXPECT_EQ(r.status, SimStatus::Ok) << describe(r);
}

TEST_F(SimHazardTest, PushBeforeReadBarrier) {
  Prog p;
  p.reader = "      ttkernel.cb_reserve_back 0, %c1\n"
             "      ttkernel.noc_async_read_tile @A[%c0] -> 0[%c0]\n"
             "      ttkernel.cb_push_back 0, %c1\n"
             "      ttkernel.noc_async_read_barrier\n";
  p.compute = "      ttkernel.cb_wait_front 0, %c1\n"
              "      ttkernel.cb_pop_front 0, %c1\n";
  SimResult r = runKernels(p);
  const Hazard &h =
      expectHazard(r, hazard::NocInFlight, "reader", "ttkernel.cb_push_back");
  EXPECT_EQ(h.cb, 0);
}

TEST_F(SimHazardTest, PopBeforeWriteBarrier) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n");
  p.writer = "      ttkernel.cb_wait_front 16, %c1\n"
             "      ttkernel.noc_async_write_tile 16[%c0] -> @O[%c0]\n"
             "      ttkernel.cb_pop_front 16, %c1\n"
             "      ttkernel.noc_async_write_barrier\n";
  SimResult r = runKernels(p);
  const Hazard &h =
      expectHazard(r, hazard::NocInFlight, "writer", "ttkernel.cb_pop_front");
  EXPECT_EQ(h.cb, 16);
}

TEST_F(SimHazardTest, StopAtFirstHazard) {
  Prog p;
  p.compute = dstKernel("      ttkernel.fill_tile dst[%c0], 1.0\n"
                        "      ttkernel.exp_tile dst[%c1]\n"
                        "      ttkernel.fill_tile dst[%c8], 2.0\n");
  std::map<std::string, std::vector<double>> dram;
  SimOptions opts = smallOptions();
  opts.stopAtFirstHazard = true;
  SimResult r =
      run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {[&] {
                       Prog q = p;
                       q.cbs = {"0 pages 4 : bf16", "16 pages 4 : bf16"};
                       return q;
                     }()}),
          dram, opts);
  EXPECT_EQ(r.status, SimStatus::Hazard) << describe(r);
  ASSERT_GE(r.hazards.size(), 1u);
  EXPECT_EQ(r.hazards.front().kind, hazard::DstReadUninitialised);
}

TEST_F(SimHazardTest, CBReadUnwritten) {
  // Two pages reserved and pushed, one packed: reading the other reads
  // whatever the slot held (an off-by-one pack index hid behind zeros).
  Prog p;
  p.compute = "      ttkernel.cb_reserve_back 0, %c2\n"
              "      ttkernel.tile_regs_acquire\n"
              "      ttkernel.fill_tile dst[%c0], 1.0\n"
              "      ttkernel.tile_regs_commit\n"
              "      ttkernel.tile_regs_wait\n"
              "      ttkernel.pack_tile dst[%c0] -> 0[%c0]\n"
              "      ttkernel.tile_regs_release\n"
              "      ttkernel.cb_push_back 0, %c2\n"
              "      ttkernel.cb_wait_front 0, %c2\n" +
              dstKernel("      ttkernel.copy_tile 0[%c1] -> dst[%c0]\n");
  p.writer = writeTiles(16, "O", 1);
  SimResult r = runKernels(p);
  const Hazard &h =
      expectHazard(r, hazard::CBReadUnwritten, "compute", "ttkernel.copy_tile");
  EXPECT_EQ(h.cb, 0);
}

} // namespace
