#include "SimTestUtil.h"
#include <iostream>
using namespace dstlab::sim;
using namespace dstlab::sim::test;
namespace {
class Dbg : public SimTest {};
TEST_F(Dbg, Print) {
  Prog p;
  p.attrs = "fidelity = #ttkernel.fidelity<HiFi4>";
  int k = 4, reps = 8;
  p.cbs = {"0 pages 4 : bf16", "1 pages 4 : bf16", "16 pages 2 : bf16"};
  p.reader = readTiles("A", 0, k) + readTiles("B", 1, k);
  p.compute = "      ttkernel.cb_wait_front 0, %c4\n      ttkernel.cb_wait_front 1, %c4\n"
    "      scf.for %r = %c0 to %c8 step %c1 {\n        ttkernel.tile_regs_acquire\n"
    "        scf.for %t = %c0 to %c4 step %c1 {\n          ttkernel.matmul_tiles 0[%t], 1[%t] -> dst[%c0]\n        }\n"
    "        ttkernel.tile_regs_commit\n        ttkernel.tile_regs_wait\n        ttkernel.cb_reserve_back 16, %c1\n"
    "        ttkernel.pack_tile dst[%c0] -> 16[%c0]\n        ttkernel.cb_push_back 16, %c1\n        ttkernel.tile_regs_release\n      }\n";
  p.writer = writeTiles(16, "O", reps);
  std::string src = moduleText({{"A", 1, k}, {"B", k, 1}, {"O", 1, reps}}, {p});
  std::map<std::string, std::vector<double>> dram;
  SimOptions o; o.grid = *GridSpec::parse("1x1"); o.recordTrace = true;
  SimResult r = run(src, dram, o);
  std::cout << describe(r) << "cycles " << r.gridCycles << " flops " << r.flops << " tflops " << r.tflops << " util " << r.utilisation << " steps " << r.steps << "\n";
  std::cout << r.chromeTraceJson.substr(0, 6000) << "\n";
}
}
