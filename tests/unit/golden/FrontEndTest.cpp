//===- FrontEndTest.cpp - front-end golden (golden/FrontEnd.h) ------------===//
//
// The front-end golden runs the d2m IR that tl-to-d2m + d2m-bufferize make.
// For a program whose lowering is faithful it equals the tl golden; under
// tt-lang's ternary reduce and per-tile transpose it computes what that
// front end asked for, checked here against hand-written references.
//
//===----------------------------------------------------------------------===//

#include "golden/FrontEnd.h"
#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Registration.h"
#include "golden/Inputs.h"
#include "golden/Interpreter.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::golden;

namespace {

struct FrontEndTest : ::testing::Test {
  FrontEndTest() {
    DialectRegistry registry;
    registerAllDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
  }

  /// Parses `src` (one tl.program), keeps the program in `tlModule` and
  /// returns its lowering by tl-to-d2m (with `reduceForm`, `transposeForm`)
  /// and d2m-bufferize, or a null module (with a test failure).
  ModuleOp lower(const char *src, ReduceForm reduceForm,
                 TransposeForm transposeForm) {
    tlModule = parseSourceString<ModuleOp>(src, &ctx, "test.mlir");
    if (!tlModule) {
      ADD_FAILURE() << "program does not parse";
      return nullptr;
    }
    d2mModule = cast<ModuleOp>(tlModule->getOperation()->clone());
    PassManager pm(&ctx);
    TLToD2MOptions o;
    o.reduceForm = reduceForm;
    o.transposeForm = transposeForm;
    pm.addPass(createTLToD2M(o));
    pm.addPass(d2m::createD2MBufferize());
    if (failed(pm.run(*d2mModule))) {
      ADD_FAILURE() << "the front end failed";
      return nullptr;
    }
    return *d2mModule;
  }

  tl::ProgramOp program() { return *tlModule->getOps<tl::ProgramOp>().begin(); }

  MLIRContext ctx;
  OwningOpRef<ModuleOp> tlModule;
  OwningOpRef<ModuleOp> d2mModule;
};

TensorMap runFrontEnd(ModuleOp m, const TensorMap &inputs) {
  llvm::Expected<TensorMap> out = interpretFrontEnd(m, inputs);
  if (!out) {
    ADD_FAILURE() << llvm::toString(out.takeError());
    return {};
  }
  return std::move(*out);
}

// Sharded and streamed operands, an scf.for with an iter_arg, matmul,
// scale, exp, add, fill, recip and a column broadcast, over two work items:
// the front end lowers all of these faithfully.
const char *kNoReduce = R"mlir(
tl.program @p grid [1, 1] {
  tl.tensor @A input : tensor<64x64xbf16>
  tl.tensor @B input : tensor<256x64xbf16>
  tl.tensor @C input colvec : tensor<64x32xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @k ins [@A, @B, @C] outs [@O] {
  ^bb0(%a: tensor<32x64xbf16>, %bs: !tl.stream<tensor<64x64xbf16>, 4>, %c: tensor<32x32xbf16>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %acc0 = tl.fill 0.5 : tensor<32x64xbf16>
    %acc = scf.for %j = %c0 to %c4 step %c1 iter_args(%x = %acc0) -> (tensor<32x64xbf16>) {
      %b = tl.read %bs[%j] : !tl.stream<tensor<64x64xbf16>, 4>
      %m = tl.matmul %a, %b : tensor<32x64xbf16>, tensor<64x64xbf16> -> tensor<32x64xbf16>
      %s = tl.scale %m by 0.125 : tensor<32x64xbf16>
      %e = tl.exp %s : tensor<32x64xbf16>
      %y = tl.add %x, %e : tensor<32x64xbf16>, tensor<32x64xbf16>
      scf.yield %y : tensor<32x64xbf16>
    }
    %two = tl.fill 2.0 : tensor<32x32xbf16>
    %c2 = tl.add %c, %two : tensor<32x32xbf16>, tensor<32x32xbf16>
    %r = tl.recip %c2 : tensor<32x32xbf16>
    %o = tl.mul %acc, %r bcast cols : tensor<32x64xbf16>, tensor<32x32xbf16>
    tl.yield %o : tensor<32x64xbf16>
  }
}
)mlir";

TEST_F(FrontEndTest, FaithfulLoweringEqualsTlGolden) {
  ModuleOp m = lower(kNoReduce, ReduceForm::TTLang, TransposeForm::PerTile);
  ASSERT_TRUE(m);
  llvm::Expected<TensorMap> inputs = makeInputs(program(), 7);
  ASSERT_TRUE(static_cast<bool>(inputs)) << llvm::toString(inputs.takeError());
  llvm::Expected<TensorMap> want = interpret(program(), *inputs);
  ASSERT_TRUE(static_cast<bool>(want)) << llvm::toString(want.takeError());
  TensorMap got = runFrontEnd(m, *inputs);
  ASSERT_EQ(got.count("O"), 1u);
  const HostTensor &o = got.at("O"), &g = want->at("O");
  ASSERT_EQ(o.rows, g.rows);
  ASSERT_EQ(o.cols, g.cols);
  double worst = 0.0;
  for (size_t i = 0; i < g.data.size(); ++i)
    worst = std::max(worst, std::fabs(o.data[i] - g.data[i]) /
                                std::max(1.0, std::fabs(g.data[i])));
  EXPECT_LE(worst, 1e-9);
}

const char *kRowmax = R"mlir(
tl.program @rowmax_2x4 grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowmax %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}
)mlir";

// tt-lang's ternary form: tile_reduce_max(x, x, x) <C> on tile column 0 of
// each tile row, written to the single output tile of that row.
TEST_F(FrontEndTest, TernaryRowmaxIsWhatTheFrontEndAsked) {
  ModuleOp m = lower(kRowmax, ReduceForm::TTLang, TransposeForm::PerTile);
  ASSERT_TRUE(m);
  llvm::Expected<TensorMap> inputs = makeInputs(program(), 3);
  ASSERT_TRUE(static_cast<bool>(inputs)) << llvm::toString(inputs.takeError());
  const HostTensor &x = inputs->at("X");
  TensorMap got = runFrontEnd(m, *inputs);
  ASSERT_EQ(got.count("M"), 1u);
  const HostTensor &o = got.at("M");
  ASSERT_EQ(o.rows, 64);
  ASSERT_EQ(o.cols, 32);

  // Reference: per tile row ti, t = X tile (ti, 0); the result is t with
  // row 0 replaced by max(t[0][j], max_i t[i][j] * t[0][i]).
  HostTensor want = HostTensor::zeros(64, 32);
  for (int64_t ti = 0; ti < 2; ++ti)
    for (int64_t r = 0; r < 32; ++r)
      for (int64_t c = 0; c < 32; ++c) {
        double v = x.at(ti * 32 + r, c);
        if (r == 0) {
          double acc = -INFINITY;
          for (int64_t i = 0; i < 32; ++i)
            acc = std::max(acc, x.at(ti * 32 + i, c) * x.at(ti * 32, i));
          v = std::max(v, acc);
        }
        want.at(ti * 32 + r, c) = v;
      }
  for (int64_t r = 0; r < 64; ++r)
    for (int64_t c = 0; c < 32; ++c)
      ASSERT_NEAR(o.at(r, c), want.at(r, c), 1e-12) << r << "," << c;

  // And it is not the row maximum the tl program means.
  llvm::Expected<TensorMap> tlGolden = interpret(program(), *inputs);
  ASSERT_TRUE(static_cast<bool>(tlGolden));
  bool differs = false;
  for (int64_t r = 0; r < 64; ++r)
    differs |= std::fabs(o.at(r, 0) - tlGolden->at("M").at(r, 0)) > 1e-6;
  EXPECT_TRUE(differs);
}

const char *kTranspose = R"mlir(
tl.program @transpose_2x2 grid [1, 1] {
  tl.tensor @X input : tensor<64x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<64x64xbf16>):
    %t = tl.transpose %x : tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %t : tensor<64x64xbf16>
  }
}
)mlir";

// The per-tile transpose keeps every tile in place: tile (0, 1) of the
// result is the transpose of input tile (0, 1), not of tile (1, 0).
TEST_F(FrontEndTest, PerTileTransposeKeepsTilesInPlace) {
  ModuleOp m = lower(kTranspose, ReduceForm::TTLang, TransposeForm::PerTile);
  ASSERT_TRUE(m);
  llvm::Expected<TensorMap> inputs = makeInputs(program(), 5);
  ASSERT_TRUE(static_cast<bool>(inputs)) << llvm::toString(inputs.takeError());
  const HostTensor &x = inputs->at("X");
  TensorMap got = runFrontEnd(m, *inputs);
  ASSERT_EQ(got.count("O"), 1u);
  const HostTensor &o = got.at("O");
  ASSERT_EQ(o.rows, 64);
  ASSERT_EQ(o.cols, 64);
  for (int64_t r = 0; r < 32; ++r)
    for (int64_t c = 0; c < 32; ++c)
      ASSERT_EQ(o.at(r, 32 + c), x.at(c, 32 + r)) << r << "," << c;
}

// Under the fix-2 forms (unary reduce, block transpose) the lowering of the
// single-kernel online-softmax flash attention is faithful: scalers, state
// CBs of the KV loop, streamed K and V, reductions and broadcasts.
TEST_F(FrontEndTest, FixedFormsOfFlashAttentionEqualTlGolden) {
  auto file = llvm::MemoryBuffer::getFile(DSTLAB_GOLDEN_EXAMPLES
                                          "/flash-attention-small.mlir");
  ASSERT_TRUE(static_cast<bool>(file));
  std::string src = (*file)->getBuffer().str();
  ModuleOp m = lower(src.c_str(), ReduceForm::Unary, TransposeForm::Block);
  ASSERT_TRUE(m);
  llvm::Expected<TensorMap> inputs = makeInputs(program(), 11);
  ASSERT_TRUE(static_cast<bool>(inputs)) << llvm::toString(inputs.takeError());
  llvm::Expected<TensorMap> want = interpret(program(), *inputs);
  ASSERT_TRUE(static_cast<bool>(want)) << llvm::toString(want.takeError());
  TensorMap got = runFrontEnd(m, *inputs);
  ASSERT_EQ(got.count("O"), 1u);
  const HostTensor &o = got.at("O"), &g = want->at("O");
  ASSERT_EQ(o.data.size(), g.data.size());
  double worst = 0.0;
  for (size_t i = 0; i < g.data.size(); ++i)
    worst = std::max(worst, std::fabs(o.data[i] - g.data[i]) /
                                std::max(1.0, std::fabs(g.data[i])));
  EXPECT_LE(worst, 1e-9);
}

TEST_F(FrontEndTest, MissingFunctionIsAnError) {
  ModuleOp m = lower(kTranspose, ReduceForm::TTLang, TransposeForm::PerTile);
  ASSERT_TRUE(m);
  llvm::Expected<TensorMap> out = interpretFrontEnd(m, {}, "nope");
  ASSERT_FALSE(static_cast<bool>(out));
  EXPECT_NE(llvm::toString(out.takeError()).find("nope"), std::string::npos);
}

} // namespace
