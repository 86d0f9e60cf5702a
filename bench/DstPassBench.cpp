//===- DstPassBench.cpp - compile time of the DST passes ------------------===//
//
// Fix 1 must be linear in the size of the compute region: a region of N
// chained SFPU ops (one fused linalg.generic) is lowered to affine once per
// size, then the DST pass alone is timed on a fresh clone each iteration.
//
//===----------------------------------------------------------------------===//

#include "compiler/Registration.h"
#include "fixes/MultiUserDst/Passes.h"

#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"

#include <benchmark/benchmark.h>

#include <string>

using namespace mlir;

namespace {

/// A tl program whose kernel is a chain of `n` elementwise ops on one tile.
std::string chainProgram(int n) {
  std::string s = "tl.program @chain grid [1, 1] {\n"
                  "  tl.tensor @X input : tensor<32x32xbf16>\n"
                  "  tl.tensor @O output : tensor<32x32xbf16>\n"
                  "  tl.kernel @k ins [@X] outs [@O] {\n"
                  "  ^bb0(%v0: tensor<32x32xbf16>):\n";
  for (int i = 1; i <= n; ++i)
    s += "    %v" + std::to_string(i) + " = tl." +
         (i % 2 ? "exp" : "recip") + " %v" + std::to_string(i - 1) +
         " : tensor<32x32xbf16>\n";
  s += "    tl.yield %v" + std::to_string(n) + " : tensor<32x32xbf16>\n  }\n}\n";
  return s;
}

void BM_MultiUserDst(benchmark::State &state) {
  DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.disableMultithreading();
  OwningOpRef<ModuleOp> module =
      parseSourceString<ModuleOp>(chainProgram(state.range(0)), &ctx);
  PassManager front(&ctx);
  front.addPass(dstlab::createTLToD2M());
  front.addPass(dstlab::d2m::createD2MBufferize());
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
