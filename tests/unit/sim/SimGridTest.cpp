//===- SimGridTest.cpp - Grids, program sequences, cycles, traces ---------===//

#include "SimTestUtil.h"

#include "llvm/Support/JSON.h"

#include <cmath>

using namespace dstlab;
using namespace dstlab::sim;
using namespace dstlab::sim::test;

namespace {

class SimGridTest : public SimTest {};

/// A 2x2-core program: core (x, y) scales tile y * 2 + x of @A by 2 (an
/// SFPU op) and writes it to the same tile of @O.
Prog perCoreScale() {
  Prog p;
  p.rows = 2;
  p.cols = 2;
  p.cbs = {"0 pages 2 : bf16", "16 pages 2 : bf16"};
  std::string id = "      %x = ttkernel.my_x\n"
                   "      %y = ttkernel.my_y\n"
                   "      %y2 = arith.muli %y, %c2 : index\n"
                   "      %id = arith.addi %y2, %x : index\n";
  p.reader = id + "      ttkernel.cb_reserve_back 0, %c1\n"
                  "      ttkernel.noc_async_read_tile @A[%id] -> 0[%c0]\n"
                  "      ttkernel.noc_async_read_barrier\n"
                  "      ttkernel.cb_push_back 0, %c1\n";
  p.compute = computeOne({0}, 1,
                         "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
                         "      ttkernel.mul_unary_tile dst[%c0], 2.0\n");
  p.writer = id + "      ttkernel.cb_wait_front 16, %c1\n"
                  "      ttkernel.noc_async_write_tile 16[%c0] -> @O[%id]\n"
                  "      ttkernel.noc_async_write_barrier\n"
                  "      ttkernel.cb_pop_front 16, %c1\n";
  return p;
}

TEST_F(SimGridTest, EachCoreHandlesItsOwnTile) {
  std::map<std::string, std::vector<double>> dram;
  dram["A"] = rounded(randomData(2, 2, 31), true);
  SimOptions o;
  o.grid = *GridSpec::parse("wormhole-8x10");
  SimResult r =
      run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {perCoreScale()}), dram, o);
  ASSERT_EQ(r.status, SimStatus::Ok) << describe(r);
  const std::vector<double> &a = dram["A"], &out = dram["O"];
  ASSERT_EQ(out.size(), a.size());
  for (size_t i = 0; i < a.size(); ++i)
    ASSERT_EQ(out[i], roundToBf16(static_cast<float>(a[i] * 2))) << i;
  // Cores (0..1, 0..1) of the 8x10 target ran; the others did not.
  ASSERT_EQ(r.coreCycles.size(), 80u);
  for (int y = 0; y < 8; ++y)
    for (int x = 0; x < 10; ++x)
      EXPECT_EQ(r.coreCycles[static_cast<size_t>(y * 10 + x)] > 0,
                x < 2 && y < 2)
          << x << "," << y;
  uint64_t maxCore = 0;
  for (uint64_t c : r.coreCycles)
    maxCore = std::max(maxCore, c);
  EXPECT_EQ(r.gridCycles, maxCore);
}

TEST_F(SimGridTest, ProgramsRunInOrderThroughATempBuffer) {
  // p1: T = A + B; p2: O = T * T. T lives in DRAM between the programs.
  Prog p1;
  p1.name = "add";
  p1.attrs = "fp32_dest_acc";
  p1.cbs = {"0 pages 1 : f32", "1 pages 1 : f32", "16 pages 1 : f32"};
  p1.reader = readTiles("A", 0, 1) + readTiles("B", 1, 1);
  p1.compute = computeOne(
      {0, 1}, 1, "      ttkernel.add_tiles 0[%c0], 1[%c0] -> dst[%c0]\n");
  p1.writer = writeTiles(16, "T", 1);
  Prog p2;
  p2.name = "square";
  p2.attrs = "fp32_dest_acc";
  p2.cbs = {"0 pages 1 : f32", "16 pages 1 : f32"};
  p2.reader = readTiles("T", 0, 1);
  p2.compute = computeOne(
      {0}, 1, "      ttkernel.mul_tiles 0[%c0], 0[%c0] -> dst[%c0]\n");
  p2.writer = writeTiles(16, "O", 1);
  std::map<std::string, std::vector<double>> dram;
  dram["A"] = rounded(randomData(1, 1, 41), false);
  dram["B"] = rounded(randomData(1, 1, 42), false);
  SimResult r = run(moduleText({{"A", 1, 1, "f32"},
                                {"B", 1, 1, "f32"},
                                {"T", 1, 1, "f32"},
                                {"O", 1, 1, "f32"}},
                               {p1, p2}),
                    dram);
  ASSERT_EQ(r.status, SimStatus::Ok) << describe(r);
  for (size_t i = 0; i < 1024; ++i) {
    float t = static_cast<float>(dram["A"][i] + dram["B"][i]);
    ASSERT_EQ(dram["T"][i], t);
    ASSERT_EQ(dram["O"][i], static_cast<float>(static_cast<double>(t) * t));
  }
  ASSERT_EQ(r.programs.size(), 2u);
  EXPECT_EQ(r.programs[0].name, "add");
  EXPECT_EQ(r.programs[1].startCycle, r.programs[0].gridCycles);
  EXPECT_EQ(r.gridCycles, r.programs[0].gridCycles + r.programs[1].gridCycles);
  EXPECT_EQ(r.coreCycles[0], r.gridCycles);
}

TEST_F(SimGridTest, RunsAreDeterministic) {
  std::string src = moduleText({{"A", 2, 2}, {"O", 2, 2}}, {perCoreScale()});
  auto once = [&](std::map<std::string, std::vector<double>> &dram) {
    dram["A"] = randomData(2, 2, 51);
    SimOptions o = smallOptions();
    o.recordTrace = true;
    o.recordDstOccupancy = true;
    return run(src, dram, o);
  };
  std::map<std::string, std::vector<double>> d1, d2;
  SimResult r1 = once(d1), r2 = once(d2);
  ASSERT_EQ(r1.status, SimStatus::Ok) << describe(r1);
  EXPECT_EQ(d1, d2);
  EXPECT_FALSE(r1.chromeTraceJson.empty());
  EXPECT_EQ(r1.chromeTraceJson, r2.chromeTraceJson);
  EXPECT_EQ(r1.coreCycles, r2.coreCycles);
  EXPECT_EQ(r1.steps, r2.steps);
  ASSERT_EQ(r1.dstEvents.size(), r2.dstEvents.size());
  for (size_t i = 0; i < r1.dstEvents.size(); ++i) {
    EXPECT_EQ(r1.dstEvents[i].cycle, r2.dstEvents[i].cycle);
    EXPECT_EQ(r1.dstEvents[i].op, r2.dstEvents[i].op);
  }
}

/// One core: K-tile matmul accumulating into dst[0], repeated `reps` times.
std::string matmulModule(const std::string &fidelity, int k, int reps) {
  Prog p;
  p.attrs = "fidelity = #ttkernel.fidelity<" + fidelity + ">";
  p.cbs = {"0 pages " + std::to_string(k) + " : bf16",
           "1 pages " + std::to_string(k) + " : bf16", "16 pages 2 : bf16"};
  p.reader = readTiles("A", 0, k) + readTiles("B", 1, k);
  std::string kk = std::to_string(k);
  p.compute = "      %k = arith.constant " + kk +
              " : index\n"
              "      %reps = arith.constant " +
              std::to_string(reps) +
              " : index\n"
              "      ttkernel.cb_wait_front 0, %k\n"
              "      ttkernel.cb_wait_front 1, %k\n"
              "      scf.for %r = %c0 to %reps step %c1 {\n"
              "        ttkernel.tile_regs_acquire\n"
              "        scf.for %t = %c0 to %k step %c1 {\n"
              "          ttkernel.matmul_tiles 0[%t], 1[%t] -> dst[%c0]\n"
              "        }\n"
              "        ttkernel.tile_regs_commit\n"
              "        ttkernel.tile_regs_wait\n"
              "        ttkernel.cb_reserve_back 16, %c1\n"
              "        ttkernel.pack_tile dst[%c0] -> 16[%c0]\n"
              "        ttkernel.cb_push_back 16, %c1\n"
              "        ttkernel.tile_regs_release\n"
              "      }\n";
  p.writer = writeTiles(16, "O", reps);
  return moduleText({{"A", 1, k}, {"B", k, 1}, {"O", 1, reps}}, {p});
}

TEST_F(SimGridTest, MatmulCyclesFollowFidelity) {
  auto cycles = [&](const char *fid, SimResult *out = nullptr) {
    std::map<std::string, std::vector<double>> dram;
    SimOptions o;
    o.grid = *GridSpec::parse("1x1");
    SimResult r = run(matmulModule(fid, 4, 8), dram, o);
    EXPECT_EQ(r.status, SimStatus::Ok) << describe(r);
    EXPECT_GT(r.utilisation, 0.0);
    EXPECT_LE(r.utilisation, 1.0);
    EXPECT_GT(r.tflops, 0.0);
    EXPECT_EQ(r.matmulTiles, 32u);
    if (out)
      *out = r;
    return r.gridCycles;
  };
  SimResult hifi4;
  uint64_t lofi = cycles("LoFi"), hi4 = cycles("HiFi4", &hifi4);
  EXPECT_GT(hi4, lofi);
  // 32 matmuls at 64 cycles each bound the HiFi4 run from below.
  EXPECT_GE(hi4, 32u * 64u);
  // FLOP/s at the 1 GHz clock.
  EXPECT_NEAR(hifi4.tflops,
              hifi4.flops / (static_cast<double>(hifi4.gridCycles) * 1e-9) /
                  1e12,
              1e-12);
}

TEST_F(SimGridTest, UtilisationIsAgainstTheWholeTargetGrid) {
  std::map<std::string, std::vector<double>> d1, d2;
  SimOptions one, many;
  one.grid = *GridSpec::parse("1x1");
  many.grid = *GridSpec::parse("8x8");
  std::string src = matmulModule("HiFi2", 4, 8);
  SimResult r1 = run(src, d1, one), r64 = run(src, d2, many);
  ASSERT_EQ(r1.status, SimStatus::Ok);
  ASSERT_EQ(r64.status, SimStatus::Ok);
  EXPECT_EQ(r1.flops, r64.flops);
  EXPECT_NEAR(r64.utilisation * 64, r1.utilisation, r1.utilisation * 0.05);
}

TEST_F(SimGridTest, HalfSyncOverlapsMathAndPack) {
  // Math (an accurate exp, 1200 cycles) and pack overlap in half-sync mode:
  // the full-sync run must take longer.
  auto cycles = [&](const char *mode) {
    Prog p;
    p.attrs = std::string("dst_mode = #ttkernel.dst_mode<") + mode + ">";
    p.cbs = {"16 pages 2 : bf16"};
    p.compute = "      scf.for %r = %c0 to %c8 step %c1 {\n"
                "        ttkernel.tile_regs_acquire\n"
                "        scf.for %s = %c0 to %c4 step %c1 {\n"
                "          ttkernel.fill_tile dst[%s], 1.0\n"
                "          ttkernel.exp_tile dst[%s]\n"
                "        }\n"
                "        ttkernel.tile_regs_commit\n"
                "        ttkernel.tile_regs_wait\n"
                "        scf.for %s = %c0 to %c4 step %c1 {\n"
                "          ttkernel.cb_reserve_back 16, %c1\n"
                "          ttkernel.pack_tile dst[%s] -> 16[%c0]\n"
                "          ttkernel.cb_push_back 16, %c1\n"
                "        }\n"
                "        ttkernel.tile_regs_release\n"
                "      }\n";
    p.writer = writeTiles(16, "O", 32);
    std::map<std::string, std::vector<double>> dram;
    SimResult r = run(moduleText({{"O", 4, 8}}, {p}), dram);
    EXPECT_EQ(r.status, SimStatus::Ok) << describe(r);
    for (double v : dram["O"])
      EXPECT_EQ(v, roundToBf16(static_cast<float>(std::exp(1.0))));
    return r.gridCycles;
  };
  uint64_t half = cycles("half"), full = cycles("full");
  EXPECT_LT(half, full);
  EXPECT_GE(half, 32u * (1200u + 32u)); // math-bound: 32 fills and exps
}

TEST_F(SimGridTest, ChromeTraceIsValidJson) {
  std::map<std::string, std::vector<double>> dram;
  SimOptions o = smallOptions();
  o.recordTrace = true;
  SimResult r = run(matmulModule("HiFi4", 2, 2), dram, o);
  ASSERT_EQ(r.status, SimStatus::Ok) << describe(r);
  llvm::Expected<llvm::json::Value> v = llvm::json::parse(r.chromeTraceJson);
  ASSERT_TRUE(static_cast<bool>(v)) << llvm::toString(v.takeError());
  const llvm::json::Array *events = v->getAsObject()->getArray("traceEvents");
  ASSERT_NE(events, nullptr);
  bool matmulOnMath = false, readerTrack = false, writeOnNoc = false;
  for (const llvm::json::Value &e : *events) {
    const llvm::json::Object *obj = e.getAsObject();
    ASSERT_NE(obj, nullptr);
    auto name = obj->getString("name");
    auto ph = obj->getString("ph");
    ASSERT_TRUE(name && ph);
    if (*ph == "X") {
      ASSERT_TRUE(obj->getNumber("ts") && obj->getNumber("dur"));
      EXPECT_GT(*obj->getNumber("dur"), 0.0);
      if (*name == "matmul_tiles" && obj->getInteger("tid") == 2 &&
          obj->getInteger("pid") == 0)
        matmulOnMath = true;
      if (*name == "noc_async_write_tile" && obj->getInteger("tid") == 6)
        writeOnNoc = true;
    }
    if (*ph == "M" && *name == "thread_name" && obj->getInteger("tid") == 0)
      readerTrack = true;
  }
  EXPECT_TRUE(matmulOnMath);
  EXPECT_TRUE(readerTrack);
  EXPECT_TRUE(writeOnNoc);
}

TEST_F(SimGridTest, DstOccupancyRecordsWritesReadsReleases) {
  std::map<std::string, std::vector<double>> dram;
  SimOptions o = smallOptions();
  o.recordDstOccupancy = true;
  SimResult r = run(matmulModule("HiFi4", 2, 2), dram, o);
  ASSERT_EQ(r.status, SimStatus::Ok) << describe(r);
  // Per repetition: two matmul writes, one pack read, one release; the two
  // repetitions alternate between the two half-sync sections.
  ASSERT_EQ(r.dstEvents.size(), 8u);
  EXPECT_EQ(r.dstEvents[0].kind, DstEvent::Kind::Write);
  EXPECT_EQ(r.dstEvents[0].op, "matmul_tiles");
  EXPECT_EQ(r.dstEvents[2].kind, DstEvent::Kind::Read);
  EXPECT_EQ(r.dstEvents[2].op, "pack_tile");
  EXPECT_EQ(r.dstEvents[3].kind, DstEvent::Kind::Release);
  EXPECT_EQ(r.dstEvents[0].section, 0);
  EXPECT_EQ(r.dstEvents[4].section, 1);
  EXPECT_LE(r.dstEvents[0].cycle, r.dstEvents[1].cycle);
  EXPECT_LE(r.dstEvents[1].cycle, r.dstEvents[2].cycle);
  EXPECT_EQ(r.dstEvents[0].location.rfind("test.mlir:", 0), 0u);
}

TEST_F(SimGridTest, GridPresets) {
  auto wh = GridSpec::parse("wormhole-8x10");
  ASSERT_TRUE(wh);
  EXPECT_EQ(wh->rows, 8);
  EXPECT_EQ(wh->cols, 10);
  EXPECT_EQ(wh->clockGHz, 1.0);
  auto bh = GridSpec::parse("blackhole-13x10");
  ASSERT_TRUE(bh);
  EXPECT_EQ(bh->rows, 13);
  EXPECT_EQ(bh->clockGHz, 1.35);
  auto b2 = GridSpec::parse("13x10");
  ASSERT_TRUE(b2);
  EXPECT_EQ(b2->name, "blackhole-13x10");
  auto any = GridSpec::parse("3x5");
  ASSERT_TRUE(any);
  EXPECT_EQ(any->name, "3x5");
  EXPECT_EQ(any->numCores(), 15);
  EXPECT_EQ(GridSpec::parse("8x8")->name, "wormhole-8x8");
  for (const char *bad :
       {"", "x", "8x", "0x4", "8y10", "wormhole-4x4", "blackhole-8x10", "-1x2"})
    EXPECT_FALSE(GridSpec::parse(bad)) << bad;
  GridSpec def;
  EXPECT_EQ(def.name, "wormhole-8x10");
  EXPECT_EQ(def.numCores(), 80);
}

TEST_F(SimGridTest, ClockScalesTflopsNotCycles) {
  std::map<std::string, std::vector<double>> d1, d2;
  SimOptions wh, bh;
  wh.grid = *GridSpec::parse("wormhole-8x10");
  bh.grid = *GridSpec::parse("blackhole-13x10");
  std::string src = matmulModule("HiFi4", 2, 2);
  SimResult a = run(src, d1, wh), b = run(src, d2, bh);
  ASSERT_EQ(a.status, SimStatus::Ok);
  ASSERT_EQ(b.status, SimStatus::Ok);
  // DRAM bandwidth per cycle differs with the clock, so compare the
  // compute-side figure: TFLOP/s per (FLOP per cycle).
  double perCycleA = a.flops / static_cast<double>(a.gridCycles);
  double perCycleB = b.flops / static_cast<double>(b.gridCycles);
  EXPECT_NEAR(a.tflops, perCycleA * 1e9 / 1e12, 1e-9);
  EXPECT_NEAR(b.tflops, perCycleB * 1.35e9 / 1e12, 1e-9);
}

TEST_F(SimGridTest, ProgramGridLargerThanTargetIsAnError) {
  Prog p = perCoreScale();
  std::map<std::string, std::vector<double>> dram;
  SimOptions o;
  o.grid = *GridSpec::parse("1x1");
  SimResult r = run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {p}), dram, o);
  EXPECT_EQ(r.status, SimStatus::Error);
  EXPECT_NE(r.error.find("2x2"), std::string::npos) << r.error;
}

// rows * cols overflowed int64 in the > 4096 check, then the per-core
// vectors overflowed the heap (issue 20); the error names grid and limit.
TEST_F(SimGridTest, OverflowingTargetGridIsAnErrorNamingGridAndLimit) {
  std::map<std::string, std::vector<double>> dram;
  SimOptions o;
  o.grid.rows = o.grid.cols = int64_t{1} << 32;
  o.grid.name = "huge";
  SimResult r =
      run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {perCoreScale()}), dram, o);
  EXPECT_EQ(r.status, SimStatus::Error);
  EXPECT_NE(r.error.find("invalid target grid huge (4294967296x4294967296"),
            std::string::npos)
      << r.error;
  EXPECT_NE(r.error.find("at most 4096 cores"), std::string::npos) << r.error;
}

// A dram_buffer whose tile count overflows is an error, not an allocation.
TEST_F(SimGridTest, OverflowingDramBufferIsAnError) {
  std::map<std::string, std::vector<double>> dram;
  SimResult r =
      run(moduleText({{"A", int64_t{1} << 32, int64_t{1} << 32}, {"O", 2, 2}},
                     {perCoreScale()}),
          dram);
  EXPECT_EQ(r.status, SimStatus::Error);
  EXPECT_NE(r.error.find("invalid tile shape 4294967296x4294967296 "
                         "(positive, at most 65536 tiles)"),
            std::string::npos)
      << r.error;
}

TEST_F(SimGridTest, WrongInputSizeIsAnError) {
  std::map<std::string, std::vector<double>> dram;
  dram["A"] = std::vector<double>(17, 1.0);
  SimResult r =
      run(moduleText({{"A", 2, 2}, {"O", 2, 2}}, {perCoreScale()}), dram);
  EXPECT_EQ(r.status, SimStatus::Error);
  EXPECT_NE(r.error.find("@A"), std::string::npos) << r.error;
}

TEST_F(SimGridTest, ScfIfAndIntegerArithmetic) {
  // Core-dependent control flow: only core (1, 0) writes; the tile id is
  // computed with div/rem/select/cmpi/index_cast.
  Prog p;
  p.rows = 1;
  p.cols = 2;
  p.cbs = {"16 pages 1 : f32"};
  p.attrs = "fp32_dest_acc";
  p.compute = "      %x = ttkernel.my_x\n"
              "      %is1 = arith.cmpi eq, %x, %c1 : index\n"
              "      scf.if %is1 {\n"
              "        ttkernel.tile_regs_acquire\n"
              "        ttkernel.fill_tile dst[%c0], 3.0\n"
              "        ttkernel.tile_regs_commit\n"
              "        ttkernel.tile_regs_wait\n"
              "        ttkernel.cb_reserve_back 16, %c1\n"
              "        ttkernel.pack_tile dst[%c0] -> 16[%c0]\n"
              "        ttkernel.cb_push_back 16, %c1\n"
              "        ttkernel.tile_regs_release\n"
              "      }\n";
  p.writer = "      %x = ttkernel.my_x\n"
             "      %is1 = arith.cmpi eq, %x, %c1 : index\n"
             "      %i32 = arith.index_cast %x : index to i32\n"
             "      %seven = arith.constant 7 : i32\n"
             "      %m = arith.muli %i32, %seven : i32\n"
             "      %r = arith.remui %m, %seven : i32\n"
             "      %d = arith.divsi %m, %seven : i32\n"
             "      %sum = arith.addi %r, %d : i32\n"
             "      %id = arith.index_cast %sum : i32 to index\n"
             "      %sel = arith.select %is1, %id, %c0 : index\n"
             "      %n = scf.if %is1 -> (index) {\n"
             "        scf.yield %c1 : index\n"
             "      } else {\n"
             "        scf.yield %c0 : index\n"
             "      }\n"
             "      scf.for %i = %c0 to %n step %c1 {\n"
             "        ttkernel.cb_wait_front 16, %c1\n"
             "        ttkernel.noc_async_write_tile 16[%c0] -> @O[%sel]\n"
             "        ttkernel.noc_async_write_barrier\n"
             "        ttkernel.cb_pop_front 16, %c1\n"
             "      }\n";
  std::map<std::string, std::vector<double>> dram;
  SimResult r = run(moduleText({{"O", 1, 2, "f32"}}, {p}), dram);
  ASSERT_EQ(r.status, SimStatus::Ok) << describe(r);
  // Core 1 writes its 3.0 tile to tile 1 * 7 % 7 + 1 * 7 / 7 = 1; tile 0
  // stays zero.
  std::vector<double> &o = dram["O"];
  EXPECT_EQ(at(o, 2, 0, 1, 5, 5), 3.0);
  EXPECT_EQ(at(o, 2, 0, 0, 5, 5), 0.0);
}

} // namespace
