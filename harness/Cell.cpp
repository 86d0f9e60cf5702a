//===- Cell.cpp - one matrix cell: compile, simulate, compare -------------===//
//
// The glue between the compiler under test, the simulator and the golden.
// Runs in-process: when the compiler under test asserts, this process aborts,
// which is why the matrix runs every cell in a child process.
//
//===----------------------------------------------------------------------===//

#include "harness/Cell.h"

#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Pipelines/Pipelines.h"
#include "compiler/Registration.h"
#include "golden/Attention.h"
#include "golden/Inputs.h"
#include "golden/Interpreter.h"
#include "sim/Simulator.h"
#include "support/Bf16.h"
#include "support/Metrics.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassInstrumentation.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FileUtilities.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::harness;

namespace {

/// Writes the IR after every pass to <dir>/NN-<pass>.mlir, so a crash still
/// leaves the stages before it.
struct DumpInstrumentation : public PassInstrumentation {
  std::string dir;
  int index = 0;
  explicit DumpInstrumentation(std::string dir) : dir(std::move(dir)) {}
  void runAfterPass(Pass *pass, Operation *op) override {
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(path, llvm::formatv("{0:02}-{1}.mlir", ++index,
                                                pass->getArgument())
                                      .str());
    (void)llvm::writeToOutput(path, [&](llvm::raw_ostream &os) {
      op->print(os);
      return llvm::Error::success();
    });
  }
};

/// The variant's pipeline, or an error naming what is missing.
LogicalResult buildVariant(OpPassManager &pm, StringRef variant,
                           std::string &why) {
  if (variant == "upstream" || variant == "upstream-release") {
    buildUpstreamPipeline(pm, variant == "upstream");
    return success();
  }
  if (variant == "unary-reduce") {
    addFrontEnd(pm, /*unaryReduce=*/true, /*blockTranspose=*/true);
    d2m::D2MInsertDstRegisterAccessOptions dst;
    dst.assertions = "on";
    pm.addPass(d2m::createD2MInsertDstRegisterAccess(dst));
    addBackEnd(pm, {});
    return success();
  }
  why = "variant '" + variant.str() +
        "' needs fix 1 (the multi-user DST pass), which is not built yet";
  return failure();
}

CellResult fail(StringRef outcome, StringRef message) {
  CellResult r;
  r.outcome = outcome.str();
  r.signature = message.str();
  r.message = message.str();
  return r;
}

/// Row-major element data of a golden tensor, for the simulator's DRAM.
std::vector<double> toDram(const golden::HostTensor &t) { return t.data; }

} // namespace

CellResult dstlab::harness::runCell(const CellRequest &request) {
  DialectRegistry registry;
  registerAllDialects(registry);
  MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.disableMultithreading();

  std::string diagText;
  llvm::raw_string_ostream diagOS(diagText);
  SourceMgrDiagnosticHandler *unused = nullptr;
  (void)unused;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &d) {
    if (d.getSeverity() != DiagnosticSeverity::Error)
      return success();
    diagOS << d.getLocation() << ": error: " << d.str() << "\n";
    return success();
  });

  OwningOpRef<ModuleOp> file =
      parseSourceFile<ModuleOp>(request.reproPath, &ctx);
  if (!file)
    return fail("bad-input", diagText.empty()
                                 ? "cannot parse " + request.reproPath
                                 : diagText);
  tl::ProgramOp program;
  for (auto p : file->getOps<tl::ProgramOp>())
    if (request.program.empty() || p.getSymName() == request.program) {
      program = p;
      break;
    }
  if (!program)
    return fail("bad-input", request.reproPath + ": no tl.program named '" +
                                 request.program + "'");

  // Inputs and the golden, from the tl program alone.
  llvm::Expected<golden::TensorMap> inputs =
      request.inputsDir.empty()
          ? golden::makeInputs(program, request.seed)
          : golden::loadInputs(program, request.inputsDir);
  if (!inputs)
    return fail("bad-input", llvm::toString(inputs.takeError()));
  llvm::Expected<golden::TensorMap> ref = golden::interpret(program, *inputs);
  if (!ref)
    return fail("bad-input", "golden: " + llvm::toString(ref.takeError()));

  CellResult result;
  if (auto binding = golden::detectAttention(program)) {
    llvm::Expected<golden::AttentionVerdict> v =
        golden::judgeAttention(*binding, *inputs, *ref);
    if (v)
      result.isAttention = v->isAttention;
    else
      llvm::consumeError(v.takeError());
  }
  if (!request.dumpDir.empty()) {
    llvm::sys::fs::create_directories(request.dumpDir);
    if (llvm::Error e = golden::writeTensors(request.dumpDir, *inputs))
      llvm::consumeError(std::move(e));
  }

  // Compile a module holding just this program.
  OwningOpRef<ModuleOp> module = ModuleOp::create(program.getLoc());
  module->getBody()->push_back(program->clone());
  PassManager pm(&ctx);
  std::string why;
  if (failed(buildVariant(pm, request.variant, why)))
    return fail("error", why);
  if (!request.dumpDir.empty())
    pm.addInstrumentation(std::make_unique<DumpInstrumentation>(request.dumpDir));
  if (failed(pm.run(*module))) {
    CellResult r = fail("error", diagText);
    r.isAttention = result.isAttention;
    return r;
  }

  // Simulate on the program's grid unless asked otherwise.
  sim::SimOptions opts;
  ArrayRef<int64_t> grid = program.getGrid();
  opts.grid.rows = grid[0];
  opts.grid.cols = grid[1];
  opts.grid.name = llvm::formatv("{0}x{1}", grid[0], grid[1]).str();
  if (request.grid) {
    std::optional<sim::GridSpec> g = sim::GridSpec::parse(*request.grid);
    if (!g)
      return fail("bad-input", "bad grid '" + *request.grid + "'");
    opts.grid = *g;
  }
  opts.recordTrace = !request.traceFile.empty() || !request.dumpDir.empty();
  opts.recordDstOccupancy = !request.dumpDir.empty();
  std::map<std::string, std::vector<double>> dram;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    auto it = inputs->find(decl.getSymName().str());
    if (it != inputs->end())
      dram[decl.getSymName().str()] = toDram(it->second);
  }
  sim::SimResult sr = sim::simulate(*module, opts, dram);
  if (!sr.chromeTraceJson.empty()) {
    std::string path = request.traceFile;
    if (path.empty())
      path = request.dumpDir + "/trace.json";
    (void)llvm::writeToOutput(path, [&](llvm::raw_ostream &os) {
      os << sr.chromeTraceJson;
      return llvm::Error::success();
    });
  }
  for (const sim::Hazard &h : sr.hazards) {
    HazardRecord rec;
    rec.kind = h.kind;
    rec.thread = h.thread;
    rec.op = h.op;
    rec.location = h.location;
    rec.detail = h.detail;
    rec.coreX = h.coreX;
    rec.coreY = h.coreY;
    rec.dstSlice = h.dstSlice;
    rec.cb = h.cb;
    result.hazards.push_back(rec);
  }
  if (sr.gridCycles) {
    result.cycles = sr.gridCycles;
    result.tflops = sr.tflops;
    result.utilisation = sr.utilisation;
  }
  if (sr.status == sim::SimStatus::Error) {
    result.outcome = "error";
    result.signature = "simulator: " + sr.error;
    result.message = result.signature;
    return result;
  }

  // Compare every output (column 0 only for column vectors).
  std::vector<double> out, want;
  DataFormat format = DataFormat::F32;
  golden::TensorMap outputs;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Output)
      continue;
    std::string name = decl.getSymName().str();
    const golden::HostTensor &g = ref->at(name);
    const std::vector<double> &got = dram[name];
    if (cast<RankedTensorType>(decl.getType()).getElementType().isBF16())
      format = DataFormat::BF16;
    golden::HostTensor o = g;
    for (int64_t r = 0; r < g.rows; ++r)
      for (int64_t c = 0; c < g.cols; ++c) {
        size_t i = r * g.cols + c;
        o.data[i] = i < got.size() ? got[i] : 0.0;
        if (decl.getColvec() && c != 0)
          continue;
        out.push_back(o.data[i]);
        want.push_back(g.data[i]);
      }
    outputs[name] = o;
  }
  if (!request.dumpDir.empty())
    if (llvm::Error e = golden::writeTensors(request.dumpDir + "/outputs", outputs))
      llvm::consumeError(std::move(e));
  NumericVerdict verdict = compare(out, want, format);
  result.pcc = verdict.pcc;
  result.maxError = verdict.maxError;

  if (sr.status == sim::SimStatus::Deadlock) {
    result.outcome = "deadlock";
    result.signature = "deadlock";
  } else if (sr.status == sim::SimStatus::StepLimit) {
    result.outcome = "timeout";
    result.signature = "simulator step limit";
  } else if (!sr.hazards.empty()) {
    result.outcome = "hazard";
    result.signature = sr.hazards.front().kind;
  } else if (verdict.pass) {
    result.outcome = "pass";
  } else {
    result.outcome = "wrong";
    result.signature = "wrong numbers";
  }
  result.message = llvm::formatv("{0}: pcc {1:f4}, max error {2:e2}",
                                 result.outcome, verdict.pcc, verdict.maxError)
                       .str();
  return result;
}
