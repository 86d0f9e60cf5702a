//===- DstPassBench.cpp - compile time of the DST passes ------------------===//
//
// Fix 1 must be linear in the size of the compute region: a region of N
// chained SFPU ops (one fused linalg.generic) is lowered to affine once per
// size, then the DST pass alone is timed on a fresh clone each iteration.
//
//===----------------------------------------------------------------------===//

#include "compiler/Registration.h"
#include "fixes/MultiUserDst/Passes.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace mlir;

namespace {

/// A d2m.generic whose compute region is one linalg.generic of `n` chained
/// SFPU ops on a tile (what linalg fusion makes of a long elementwise chain).
std::string chainRegion(int n) {
  const char *cb = "memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>";
  const char *dram = "memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>";
  std::string s;
  s += std::string("func.func @chain(%x: ") + dram + ", %o: " + dram +
       ") attributes {d2m.tensors = [\"X\", \"O\"]} {\n";
  s += std::string(
           "  d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, "
           "#d2m.dist<shard>] ins(%x : ") +
       dram + ") outs(%o : " + dram + ") {\n";
  s += std::string("  ^bb0(%cx: !d2m.cb<") + cb + ">, %co: !d2m.cb<" + cb +
       ">):\n";
  s += std::string("    %a = d2m.wait %cx : !d2m.cb<") + cb + "> -> " + cb +
       "\n";
  s += std::string("    %b = d2m.reserve %co : !d2m.cb<") + cb + "> -> " + cb +
       "\n";
  s +=
      std::string("    linalg.generic {indexing_maps = [affine_map<(d0, d1) -> "
                  "(d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], "
                  "iterator_types = [\"parallel\", \"parallel\"]} ins(%a : ") +
      cb + ") outs(%b : " + cb + ") {\n";
  s += "    ^bb0(%v0: !d2m.tile<bf16>, %out: !d2m.tile<bf16>):\n";
  for (int i = 1; i <= n; ++i)
    s += "      %v" + std::to_string(i) + " = d2m." +
         (i % 2 ? "tile_exp" : "tile_recip") + " %v" + std::to_string(i - 1) +
         " : <bf16>\n";
  s += "      linalg.yield %v" + std::to_string(n) + " : !d2m.tile<bf16>\n";
  s += "    }\n    d2m.yield\n  }\n  return\n}\n";
  return s;
}

void BM_MultiUserDst(benchmark::State &state) {
  DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.disableMultithreading();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(chainRegion(state.range(0)), &ctx);
  PassManager front(&ctx);
  front.addPass(createConvertLinalgToAffineLoopsPass());
  if (!module || failed(front.run(*module))) {
    state.SkipWithError("front end failed");
    return;
  }
  for (auto _ : state) {
    state.PauseTiming();
    OwningOpRef<ModuleOp> copy = cast<ModuleOp>((*module)->clone());
    PassManager pm(&ctx);
    pm.addPass(dstlab::fixes::createMultiUserDstAccess());
    state.ResumeTiming();
    if (failed(pm.run(*copy)))
      state.SkipWithError("pass failed");
  }
  state.SetComplexityN(state.range(0));
}

} // namespace

BENCHMARK(BM_MultiUserDst)
    ->RangeMultiplier(10)
    ->Range(10, 10000)
    ->Unit(benchmark::kMillisecond)
    ->Complexity(benchmark::oN);
BENCHMARK_MAIN();
