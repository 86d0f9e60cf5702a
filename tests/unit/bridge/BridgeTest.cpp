//===- BridgeTest.cpp - export / import between dstlab and tt-mlir --------===//

#include "bridge/Bridge.h"
#include "bridge/BridgeInternal.h"

#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Pipelines/Pipelines.h"
#include "compiler/Registration.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

using namespace mlir;
using namespace dstlab;

namespace {

std::string readFile(const std::string &rel) {
  auto buf =
      llvm::MemoryBuffer::getFile(std::string(DSTLAB_SOURCE_DIR) + "/" + rel);
  return buf ? (*buf)->getBuffer().str() : std::string();
}

class BridgeTest : public ::testing::Test {
protected:
  BridgeTest() {
    registerAllDialects(registry);
    ctx = std::make_unique<MLIRContext>(registry);
    ctx->loadAllAvailableDialects();
    ctx->disableMultithreading();
    ctx->getDiagEngine().registerHandler(
        [](Diagnostic &) { return success(); });
  }

  /// The program `name` of repro `file` after tl-to-d2m and d2m-bufferize.
  OwningOpRef<ModuleOp> bufferized(const std::string &file,
                                   llvm::StringRef name) {
    OwningOpRef<ModuleOp> m =
        parseSourceString<ModuleOp>(readFile("repros/" + file), ctx.get());
    if (!m)
      return nullptr;
    OwningOpRef<ModuleOp> out = ModuleOp::create(UnknownLoc::get(ctx.get()));
    for (auto p : m->getOps<tl::ProgramOp>())
      if (p.getSymName() == name)
        out->getBody()->push_back(p->clone());
    PassManager pm(ctx.get());
    addFrontEndToBufferized(pm, ReduceForm::TTLang, false, "balanced");
    if (failed(pm.run(*out)))
      return nullptr;
    return out;
  }

  DialectRegistry registry;
  std::unique_ptr<MLIRContext> ctx;
};

TEST_F(BridgeTest, LookupCommit) {
  EXPECT_EQ(bridge::lookupCommit("ae4e7b8")->shortId, "ae4e7b838c");
  EXPECT_EQ(bridge::lookupCommit("ttmlir@19c86fca45")->shortId, "19c86fca45");
  EXPECT_EQ(
      bridge::lookupCommit("19c86fca45ae7c3d8f886c0401d8b40a40d2f294")->shortId,
      "19c86fca45");
  EXPECT_EQ(bridge::lookupCommit("ae4e"), nullptr); // too short
  EXPECT_EQ(bridge::lookupCommit("0123456789"), nullptr);
  for (const bridge::Commit &c : bridge::knownCommits()) {
    EXPECT_EQ(c.fullId.size(), 40u);
    EXPECT_FALSE(c.pipeline.empty());
    EXPECT_FALSE(c.dstOnlyPipeline.empty());
  }
}

TEST_F(BridgeTest, RewriteForImport) {
  std::string t = bridge::rewriteForImport(
      "%0 = \"d2m.tile_reduce_max\"(%a, %a, %a) <{reduce_dim = "
      "#d2m<reduce_dim C>}> : (!ttcore.tile<32x32, bf16>) -> "
      "memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, "
      "#ttcore.memory_space<l1>> {g = #ttcore.grid<8x8, virt_to_physical_map "
      "= (d0, d1) -> (0, d0, d1)>, d = #ttcore.memory_space<dst>}");
  EXPECT_NE(t.find("\"rd2m.tile_reduce_max\""), std::string::npos) << t;
  EXPECT_NE(t.find("#d2m.reduce_dim<C>"), std::string::npos) << t;
  EXPECT_NE(t.find("!d2m.tile<bf16>"), std::string::npos) << t;
  EXPECT_NE(t.find("memref<1x1x1x1x!d2m.tile<f32>, #d2m.memspace<cb>>"),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("\"#ttcore.grid<8x8, virt_to_physical_map = (d0, d1) -> "
                   "(0, d0, d1)>\""),
            std::string::npos)
      << t;
  EXPECT_NE(t.find("#d2m.memspace<dst>"), std::string::npos) << t;
}

TEST_F(BridgeTest, ExportNamesEachGeneric) {
  OwningOpRef<ModuleOp> m = bufferized("test_p1-matmul-rowmax.mlir", "p1_2x2");
  ASSERT_TRUE(m);
  for (const bridge::Commit &c : bridge::knownCommits()) {
    llvm::Expected<std::string> text = bridge::exportModule(*m, c);
    ASSERT_TRUE(bool(text)) << llvm::toString(text.takeError());
    EXPECT_NE(text->find("func.func @p1_2x2__k("), std::string::npos);
    EXPECT_NE(text->find("\"d2m.tile_matmul\""), std::string::npos);
  }
}

TEST_F(BridgeTest, ExportRefusesMissingOps) {
  OwningOpRef<ModuleOp> m = bufferized("test_p3-fa-incremental.mlir", "p3_1x1");
  ASSERT_TRUE(m);
  llvm::Expected<std::string> text =
      bridge::exportModule(*m, *bridge::lookupCommit("ae4e7b838c"));
  ASSERT_FALSE(bool(text));
  std::string msg = llvm::toString(text.takeError());
  EXPECT_NE(msg.find("d2m.tile_bcast"), std::string::npos) << msg;
}

TEST_F(BridgeTest, ImportRecordedOutputThenBackEnd) {
  OwningOpRef<ModuleOp> m = bufferized("block-transpose.mlir", "transpose_2x2");
  ASSERT_TRUE(m);
  std::string real = readFile(
      "tests/data/ttmlir/19c86fca45/block-transpose/transpose_2x2/assert/"
      "output.mlir");
  ASSERT_FALSE(real.empty());
  llvm::Error e =
      bridge::importModule(*m, real, *bridge::lookupCommit("19c86fca45"));
  ASSERT_FALSE(bool(e)) << llvm::toString(std::move(e));
  unsigned acquires = 0;
  m->walk([&](d2m::AcquireDstOp) { ++acquires; });
  EXPECT_EQ(acquires, 1u);
  PassManager pm(ctx.get());
  addBackEnd(pm, PipelineOptions());
  EXPECT_TRUE(succeeded(pm.run(*m)));
}

TEST_F(BridgeTest, ImportErrorsNameTheConstructAndKeepTheModule) {
  OwningOpRef<ModuleOp> m = bufferized("block-transpose.mlir", "transpose_2x2");
  ASSERT_TRUE(m);
  std::string before;
  llvm::raw_string_ostream(before) << *m;
  const bridge::Commit &c = *bridge::lookupCommit("ae4e7b838c");
  std::string real = readFile(
      "tests/data/ttmlir/ae4e7b838c/block-transpose/transpose_2x2/assert/"
      "output.mlir");
  ASSERT_FALSE(real.empty());
  // An op dstlab lacks, then malformed text, then a truncated file: errors,
  // never crashes, and the module is unchanged.
  std::string sqrt = real;
  size_t at = sqrt.find("\"d2m.tile_transpose\"");
  ASSERT_NE(at, std::string::npos);
  sqrt.replace(at, 20, "\"d2m.tile_sqrt\"");
  for (const std::string &bad :
       {sqrt, std::string("garbage"), real.substr(0, real.size() / 2),
        std::string("module {}")}) {
    llvm::Error e = bridge::importModule(*m, bad, c);
    ASSERT_TRUE(bool(e));
    std::string msg = llvm::toString(std::move(e));
    EXPECT_EQ(msg.rfind("import: ", 0), 0u) << msg;
    std::string after;
    llvm::raw_string_ostream(after) << *m;
    EXPECT_EQ(before, after);
  }
}

} // namespace
