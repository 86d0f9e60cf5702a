//===- DialectTest.cpp - dialect C++ API checks ---------------------------===//

#include "compiler/Dialect/D2M/IR/D2M.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "compiler/Registration.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

using namespace mlir;

namespace {

struct DialectTest : ::testing::Test {
  DialectTest() {
    DialectRegistry registry;
    dstlab::registerAllDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
  }
  MLIRContext ctx;
};

TEST_F(DialectTest, DstCapacityFollowsModeAndFormat) {
  const char *src = R"mlir(
    ttkernel.program @a grid [1, 1] {}
    ttkernel.program @b grid [1, 1] attributes {fp32_dest_acc} {}
    ttkernel.program @c grid [1, 1] attributes {dst_mode = #ttkernel.dst_mode<full>} {}
    ttkernel.program @d grid [1, 1] attributes {dst_mode = #ttkernel.dst_mode<full>, fp32_dest_acc} {}
  )mlir";
  OwningOpRef<ModuleOp> m = parseSourceString<ModuleOp>(src, &ctx);
  ASSERT_TRUE(m);
  std::vector<int64_t> caps;
  for (auto p : m->getOps<dstlab::ttkernel::ProgramOp>())
    caps.push_back(p.getDstCapacity());
  // tt-mlir 4e4ab42d19: bf16 half-sync 8, f32 half-sync 4, full-sync doubles.
  EXPECT_EQ(caps, (std::vector<int64_t>{8, 4, 16, 8}));
}

TEST_F(DialectTest, KernelCountsWorkItems) {
  const char *src = R"mlir(
    tl.program @p grid [2, 2] {
      tl.tensor @Q input : tensor<256x64xbf16>
      tl.tensor @O output : tensor<256x64xbf16>
      tl.kernel @k ins [@Q] outs [@O] {
      ^bb0(%q: tensor<64x64xbf16>):
        tl.yield %q : tensor<64x64xbf16>
      }
    }
  )mlir";
  OwningOpRef<ModuleOp> m = parseSourceString<ModuleOp>(src, &ctx);
  ASSERT_TRUE(m);
  auto program = *m->getOps<dstlab::tl::ProgramOp>().begin();
  auto kernel = *program.getBody().getOps<dstlab::tl::KernelOp>().begin();
  EXPECT_EQ(kernel.getNumWorkItems(), 4);
}

TEST_F(DialectTest, TileTypeRejectsIntegers) {
  const char *src = R"mlir(
    func.func @f(%a: !d2m.tile<i32>) { return }
  )mlir";
  ctx.getDiagEngine().registerHandler([](Diagnostic &) { return success(); });
  OwningOpRef<ModuleOp> m = parseSourceString<ModuleOp>(src, &ctx);
  EXPECT_FALSE(m);
}

} // namespace
