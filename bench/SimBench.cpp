//===- SimBench.cpp - Simulator throughput on a matmul-heavy kernel -------===//
//
// BM_SimMatmul/<rows>/<cols>: every core of a rows x cols program computes a
// 2x2-tile block of C = A @ B with K = 16 tiles (64 matmul_tiles per core),
// reading its operands from DRAM and writing the block back. Counters:
//   matmul_tiles/s   simulated matmul tiles per host second in simulate()
//                    (loading the inputs and storing the outputs included)
//   sim_FLOP/s       simulated FLOP (2 * 32^3 per matmul tile) per second
//   gemm_FLOP/s      a cache-blocked fp32 C++ GEMM of the same total size,
//                    measured in the same process just before
//   ratio_vs_gemm    sim_FLOP/s / gemm_FLOP/s (issue 16 asks for >= 0.5)
// BM_BlockedGemm/<m>/<k>/<n> reports the reference GEMM on its own.
// BM_Tile<Op>: one tile op of sim/numerics on its own (per tile), to show
// what each costs next to the 32x32x32 multiply-add of a matmul tile.
//
// This file is built with the simulator's flags (DSTLAB_HOT_OPT_FLAGS and
// -ffp-contract=off, bench/CMakeLists.txt), so the GEMM the simulator is
// held to has the same optimisation level and vectorisation; the label of
// each benchmark names them.
//
//===----------------------------------------------------------------------===//

#include "compiler/Registration.h"
#include "sim/Simulator.h"
#include "sim/TileKernels.h"
#include "sim/numerics/TileMath.h"
#include "support/Rng.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/Support/Compiler.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

using namespace dstlab;
using namespace dstlab::sim;

#ifndef DSTLAB_BENCH_FLAGS
#define DSTLAB_BENCH_FLAGS "?"
#endif

namespace {

/// The flags this file (and so the GEMM) was compiled with.
const char *const kFlags = DSTLAB_BENCH_FLAGS;

constexpr int kBlockM = 2, kBlockN = 2, kTilesK = 16;

/// The module: @A [2 * cores, K] tiles, @B [K, 2], @O [2 * cores, 2].
std::string matmulModule(int rows, int cols) {
  int cores = rows * cols;
  std::string K = std::to_string(kTilesK);
  std::string s = "module {\n";
  s += "  ttkernel.dram_buffer @A tiles [" + std::to_string(kBlockM * cores) +
       ", " + K + "] : bf16\n";
  s += "  ttkernel.dram_buffer @B tiles [" + K + ", " +
       std::to_string(kBlockN) + "] : bf16\n";
  s += "  ttkernel.dram_buffer @O tiles [" + std::to_string(kBlockM * cores) +
       ", " + std::to_string(kBlockN) + "] : bf16\n";
  s += "  ttkernel.program @mm grid [" + std::to_string(rows) + ", " +
       std::to_string(cols) +
       "] attributes {fidelity = #ttkernel.fidelity<HiFi2>} {\n";
  std::string aPages = std::to_string(kBlockM * kTilesK);
  std::string bPages = std::to_string(kTilesK * kBlockN);
  s += "    ttkernel.cb_config 0 pages " + aPages + " : bf16\n";
  s += "    ttkernel.cb_config 1 pages " + bPages + " : bf16\n";
  s += "    ttkernel.cb_config 16 pages 2 : bf16\n";
  std::string consts = "      %c0 = arith.constant 0 : index\n"
                       "      %c1 = arith.constant 1 : index\n"
                       "      %c2 = arith.constant 2 : index\n"
                       "      %cK = arith.constant " +
                       K +
                       " : index\n"
                       "      %cols = arith.constant " +
                       std::to_string(cols) +
                       " : index\n"
                       "      %x = ttkernel.my_x\n"
                       "      %y = ttkernel.my_y\n"
                       "      %yc = arith.muli %y, %cols : index\n"
                       "      %core = arith.addi %yc, %x : index\n"
                       "      %row0 = arith.muli %core, %c2 : index\n";
  // Reader: the core's A rows, then all of B, one tile per page.
  s += "    func.func @reader() attributes {ttkernel.thread = "
       "#ttkernel.thread<reader>} {\n" +
       consts +
       "      scf.for %m = %c0 to %c2 step %c1 {\n"
       "        %r = arith.addi %row0, %m : index\n"
       "        %rb = arith.muli %r, %cK : index\n"
       "        scf.for %k = %c0 to %cK step %c1 {\n"
       "          %id = arith.addi %rb, %k : index\n"
       "          ttkernel.cb_reserve_back 0, %c1\n"
       "          ttkernel.noc_async_read_tile @A[%id] -> 0[%c0]\n"
       "          ttkernel.noc_async_read_barrier\n"
       "          ttkernel.cb_push_back 0, %c1\n"
       "        }\n"
       "      }\n"
       "      %nb = arith.muli %cK, %c2 : index\n"
       "      scf.for %t = %c0 to %nb step %c1 {\n"
       "        ttkernel.cb_reserve_back 1, %c1\n"
       "        ttkernel.noc_async_read_tile @B[%t] -> 1[%c0]\n"
       "        ttkernel.noc_async_read_barrier\n"
       "        ttkernel.cb_push_back 1, %c1\n"
       "      }\n"
       "      return\n    }\n";
  // Compute: C[m][n] = sum_k A[m][k] B[k][n], one DST section per tile.
  s += "    func.func @compute() attributes {ttkernel.thread = "
       "#ttkernel.thread<compute>} {\n" +
       consts + "      %na = arith.constant " + aPages +
       " : index\n"
       "      %nb = arith.constant " +
       bPages +
       " : index\n"
       "      ttkernel.cb_wait_front 0, %na\n"
       "      ttkernel.cb_wait_front 1, %nb\n"
       "      scf.for %m = %c0 to %c2 step %c1 {\n"
       "        %mb = arith.muli %m, %cK : index\n"
       "        scf.for %n = %c0 to %c2 step %c1 {\n"
       "          ttkernel.tile_regs_acquire\n"
       "          scf.for %k = %c0 to %cK step %c1 {\n"
       "            %ia = arith.addi %mb, %k : index\n"
       "            %kb = arith.muli %k, %c2 : index\n"
       "            %ib = arith.addi %kb, %n : index\n"
       "            ttkernel.matmul_tiles 0[%ia], 1[%ib] -> dst[%c0]\n"
       "          }\n"
       "          ttkernel.tile_regs_commit\n"
       "          ttkernel.tile_regs_wait\n"
       "          ttkernel.cb_reserve_back 16, %c1\n"
       "          ttkernel.pack_tile dst[%c0] -> 16[%c0]\n"
       "          ttkernel.cb_push_back 16, %c1\n"
       "          ttkernel.tile_regs_release\n"
       "        }\n"
       "      }\n"
       "      ttkernel.cb_pop_front 0, %na\n"
       "      ttkernel.cb_pop_front 1, %nb\n"
       "      return\n    }\n";
  // Writer: the core's 2x2 output block.
  s += "    func.func @writer() attributes {ttkernel.thread = "
       "#ttkernel.thread<writer>} {\n" +
       consts +
       "      scf.for %m = %c0 to %c2 step %c1 {\n"
       "        %r = arith.addi %row0, %m : index\n"
       "        %rb = arith.muli %r, %c2 : index\n"
       "        scf.for %n = %c0 to %c2 step %c1 {\n"
       "          %id = arith.addi %rb, %n : index\n"
       "          ttkernel.cb_wait_front 16, %c1\n"
       "          ttkernel.noc_async_write_tile 16[%c0] -> @O[%id]\n"
       "          ttkernel.noc_async_write_barrier\n"
       "          ttkernel.cb_pop_front 16, %c1\n"
       "        }\n"
       "      }\n"
       "      return\n    }\n";
  s += "  }\n}\n";
  return s;
}

/// C (m x n) = A (m x k) @ B (k x n), fp32, cache blocked (i-k-j order
/// inside 64x64x64 blocks so the innermost loop streams rows of B and C).
/// Not inlined: BM_SimMatmul and BM_BlockedGemm time the same machine code.
LLVM_ATTRIBUTE_NOINLINE void blockedGemm(const float *a, const float *b,
                                         float *c, int m, int k, int n) {
  constexpr int kB = 64;
  std::fill(c, c + static_cast<size_t>(m) * n, 0.0f);
  for (int i0 = 0; i0 < m; i0 += kB)
    for (int k0 = 0; k0 < k; k0 += kB)
      for (int j0 = 0; j0 < n; j0 += kB) {
        int i1 = std::min(m, i0 + kB), k1 = std::min(k, k0 + kB),
            j1 = std::min(n, j0 + kB);
        for (int i = i0; i < i1; ++i)
          for (int kk = k0; kk < k1; ++kk) {
            float av = a[static_cast<size_t>(i) * k + kk];
            const float *brow = b + static_cast<size_t>(kk) * n;
            float *crow = c + static_cast<size_t>(i) * n;
            for (int j = j0; j < j1; ++j)
              crow[j] += av * brow[j];
          }
      }
}

struct GemmData {
  std::vector<float> a, b, c;
  int m, k, n;
  GemmData(int m, int k, int n) : m(m), k(k), n(n) {
    Rng rng(7);
    a.resize(static_cast<size_t>(m) * k);
    b.resize(static_cast<size_t>(k) * n);
    c.resize(static_cast<size_t>(m) * n);
    for (float &x : a)
      x = static_cast<float>(rng.uniform(-1, 1));
    for (float &x : b)
      x = static_cast<float>(rng.uniform(-1, 1));
  }
  void run() {
    blockedGemm(a.data(), b.data(), c.data(), m, k, n);
    benchmark::DoNotOptimize(c.data());
    benchmark::ClobberMemory();
  }
  double flops() const { return 2.0 * m * k * n; }
};

/// FLOP/s of the blocked GEMM, best of a few timed repetitions.
double gemmRate(int m, int k, int n) {
  GemmData g(m, k, n);
  g.run(); // warm up
  double best = 0;
  for (int rep = 0; rep < 5; ++rep) {
    auto t0 = std::chrono::steady_clock::now();
    int iters = 0;
    double elapsed = 0;
    do {
      g.run();
      ++iters;
      elapsed =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - t0)
              .count();
    } while (elapsed < 0.05);
    best = std::max(best, g.flops() * iters / elapsed);
  }
  return best;
}

void BM_SimMatmul(benchmark::State &state) {
  int rows = static_cast<int>(state.range(0));
  int cols = static_cast<int>(state.range(1));
  mlir::DialectRegistry registry;
  registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  auto module =
      mlir::parseSourceString<mlir::ModuleOp>(matmulModule(rows, cols), &ctx);
  if (!module) {
    state.SkipWithError("parse failed");
    return;
  }
  SimOptions opts;
  opts.grid = *GridSpec::parse(std::to_string(std::max(rows, 8)) + "x" +
                               std::to_string(std::max(cols, 10)));
  int cores = rows * cols;
  std::map<std::string, std::vector<double>> inputs;
  Rng rng(3);
  auto fill = [&](const char *name, size_t n) {
    std::vector<double> v(n);
    for (double &x : v)
      x = rng.uniform(-1, 1);
    inputs[name] = std::move(v);
  };
  fill("A", static_cast<size_t>(kBlockM * cores) * kTilesK * 1024);
  fill("B", static_cast<size_t>(kTilesK) * kBlockN * 1024);

  uint64_t tiles = 0;
  double flops = 0, tflops = 0, util = 0;
  // Host seconds inside simulate() (which loads the inputs into the grid's
  // DRAM and stores the outputs back); the copy of the inputs it consumes
  // is the benchmark's, not the simulator's.
  double seconds = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::map<std::string, std::vector<double>> dram = inputs;
    state.ResumeTiming();
    auto start = std::chrono::steady_clock::now();
    SimResult r = simulate(*module, opts, dram);
    seconds +=
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (r.status != SimStatus::Ok) {
      state.SkipWithError(r.error.c_str());
      return;
    }
    tiles += r.matmulTiles;
    flops += r.flops;
    tflops = r.tflops;
    util = r.utilisation;
    benchmark::DoNotOptimize(dram);
  }
  // The same total GEMM: (2 * 32 * cores) x (16 * 32) x (2 * 32).
  double gemm = gemmRate(kBlockM * 32 * cores, kTilesK * 32, kBlockN * 32);
  state.counters["matmul_tiles/s"] = seconds > 0 ? tiles / seconds : 0;
  state.counters["sim_FLOP/s"] = seconds > 0 ? flops / seconds : 0;
  state.counters["gemm_FLOP/s"] = gemm;
  state.counters["ratio_vs_gemm"] = seconds > 0 ? flops / seconds / gemm : 0;
  state.counters["simulated_TFLOP/s"] = tflops;
  state.counters["utilisation"] = util;
  state.SetLabel(kFlags);
}
BENCHMARK(BM_SimMatmul)
    ->Args({1, 1})
    ->Args({8, 10})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_BlockedGemm(benchmark::State &state) {
  GemmData g(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
             static_cast<int>(state.range(2)));
  for (auto _ : state)
    g.run();
  state.counters["FLOP/s"] =
      benchmark::Counter(g.flops() * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
  state.SetLabel(kFlags);
}
BENCHMARK(BM_BlockedGemm)
    ->Args({64, 512, 64})
    ->Args({5120, 512, 64})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// A tile of uniform values in [-1, 1), bf16-exact.
Tile randomTile(uint64_t seed) {
  Rng rng(seed);
  Tile t;
  for (float &x : t.v)
    x = roundToBf16(static_cast<float>(rng.uniform(-1, 1)));
  return t;
}

/// One tile op per iteration on the same operands; counts tiles per second.
template <typename Op> void tileLoop(benchmark::State &state, Op op) {
  Tile a = randomTile(1), b = randomTile(2), d = randomTile(3);
  for (auto _ : state) {
    op(d, a, b);
    benchmark::DoNotOptimize(d);
    benchmark::ClobberMemory();
  }
  state.counters["tiles/s"] = benchmark::Counter(
      static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.SetLabel(kFlags);
}

// The op and, as the argument, the fidelity (0 LoFi .. 3 HiFi4).
void BM_TileMatmul(benchmark::State &state) {
  auto f = static_cast<MathFidelity>(state.range(0));
  tileLoop(state, [f](Tile &d, const Tile &a, const Tile &b) {
    matmulAccFast(d, a, b, f);
    // Keeps the accumulator bounded, as DST's rounding does.
    dstRound(d, DataFormat::BF16);
  });
  state.counters["FLOP/s"] =
      benchmark::Counter(static_cast<double>(state.iterations()) * 2 * 32768,
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TileMatmul)->DenseRange(0, 3);

void BM_TileBf16Round(benchmark::State &state) {
  tileLoop(state, [](Tile &d, const Tile &a, const Tile &) {
    d = a;
    dstRound(d, DataFormat::BF16);
  });
}
BENCHMARK(BM_TileBf16Round);

void BM_TileEltwiseMulBcastCols(benchmark::State &state) {
  tileLoop(state, [](Tile &d, const Tile &a, const Tile &b) {
    eltwiseBinary(d, a, b, BinaryOp::Mul, Bcast::Cols, MathFidelity::HiFi4);
  });
}
BENCHMARK(BM_TileEltwiseMulBcastCols);

void BM_TileReduceRowMax(benchmark::State &state) {
  Tile ones = Tile::filled(1.0f);
  tileLoop(state, [&ones](Tile &d, const Tile &a, const Tile &) {
    reduce(d, a, ones, ReduceKind::Max, ReduceDim::Row);
  });
}
BENCHMARK(BM_TileReduceRowMax);

void BM_TileExp(benchmark::State &state) {
  auto mode = static_cast<ExpMode>(state.range(0));
  tileLoop(state, [mode](Tile &d, const Tile &a, const Tile &) {
    d = a;
    expTile(d, mode);
  });
}
BENCHMARK(BM_TileExp)->DenseRange(0, 1);

} // namespace

BENCHMARK_MAIN();
