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
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "compiler/Pipelines/Pipelines.h"
#include "compiler/Registration.h"
#include "fixes/Variants.h"
#include "compiler/Conversion/Passes.h"
#include "golden/Attention.h"
#include "golden/FrontEnd.h"
#include "golden/Inputs.h"
#include "golden/Interpreter.h"
#include "harness/Matrix.h"
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
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
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

/// The variant's pipeline, or an error naming it.
LogicalResult buildVariant(OpPassManager &pm, StringRef variant,
                           std::string &why) {
  if (succeeded(buildVariantPipeline(pm, variant)))
    return success();
  why = "unknown variant '" + variant.str() + "'";
  return failure();
}

CellResult fail(StringRef outcome, StringRef message) {
  CellResult r;
  r.outcome = outcome.str();
  r.signature = message.str();
  r.message = message.str();
  return r;
}

/// "file:line:col" of a location (the file as the parser named it: the
/// repro's file name, see runCell), or "" when it has none.
std::string formatLocation(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", file.getFilename().getValue(),
                         file.getLine(), file.getColumn())
        .str();
  if (auto name = dyn_cast<NameLoc>(loc))
    return formatLocation(name.getChildLoc());
  if (auto call = dyn_cast<CallSiteLoc>(loc))
    return formatLocation(call.getCallee());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string s = formatLocation(inner); !s.empty())
        return s;
  return "";
}

/// The error diagnostics of a run: `signature` is the first one's message
/// alone (one line, no location), `text` every error with its location and
/// notes, one per line, as a compiler prints them.
struct ErrorLog {
  std::string first;
  std::string text;

  void add(Diagnostic &d) {
    std::string message = d.str();
    if (first.empty())
      first = StringRef(message).split('\n').first.rtrim().str();
    append(d.getLocation(), "error", message);
    for (Diagnostic &note : d.getNotes())
      append(note.getLocation(), "note", note.str());
  }
  void append(Location loc, StringRef severity, StringRef message) {
    if (!text.empty())
      text += "\n";
    if (std::string where = formatLocation(loc); !where.empty())
      text += where + ": ";
    text += (severity + ": " + message).str();
  }
  /// An error result: the first message as signature, everything as message.
  CellResult result(StringRef outcome, StringRef fallback) const {
    CellResult r;
    r.outcome = outcome.str();
    r.signature = first.empty() ? fallback.str() : first;
    r.message = text.empty() ? fallback.str() : text;
    return r;
  }
};

/// Writes <dir>/dst_occupancy.json for core (0, 0) in the format
/// reports/Html.h reads: {"capacity": N, "events": [{"t", "slice", "kind",
/// "op"}]}, N the DST capacity (slices per section) of the programs that ran.
/// The two half-sync sections are distinct registers that the pack and math
/// clocks use at overlapping times, so a timeline that mixed them would show
/// one section's writes closing the other's intervals: section 0 goes to
/// dst_occupancy.json, section 1 (when it is used) to
/// dst_occupancy_section1.json. Each event also names its program and
/// location (extra keys, ignored by the renderer).
void writeDstOccupancy(StringRef dir, ModuleOp module,
                       const std::vector<sim::DstEvent> &events) {
  int64_t capacity = 0;
  for (auto program : module.getOps<ttkernel::ProgramOp>())
    capacity = std::max(capacity, program.getDstCapacity());
  std::map<int64_t, llvm::json::Array> bySection;
  bySection[0]; // always write dst_occupancy.json, even when empty
  for (const sim::DstEvent &e : events) {
    if (e.coreX != 0 || e.coreY != 0)
      continue;
    bySection[e.section].push_back(llvm::json::Object{
        {"t", static_cast<int64_t>(e.cycle)},
        {"slice", e.slice},
        {"kind", sim::dstEventKindName(e.kind)},
        {"op", e.op},
        {"program", e.program},
        {"location", e.location},
    });
  }
  for (auto &[section, list] : bySection) {
    llvm::json::Object doc{{"capacity", capacity},
                           {"core", llvm::json::Array{0, 0}},
                           {"section", section},
                           {"events", std::move(list)}};
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(
        path, section == 0
                  ? std::string("dst_occupancy.json")
                  : llvm::formatv("dst_occupancy_section{0}.json", section)
                        .str());
    std::string text =
        llvm::formatv("{0:2}", llvm::json::Value(std::move(doc))).str() + "\n";
    if (llvm::Error e = writeFileAtomically(path, text))
      llvm::consumeError(std::move(e));
  }
}

/// The front-end golden of `program` for the variants that run tt-lang's
/// front end (ternary reduce, per-tile transpose): tl-to-d2m and
/// d2m-bufferize on a clone, then golden::interpretFrontEnd. std::nullopt for
/// the other variants; an error when the front end or the interpreter fails.
/// Diagnostics of this side run are swallowed so that the cell's error log
/// only holds the pipeline under test.
std::optional<llvm::Expected<golden::TensorMap>>
frontEndGolden(MLIRContext &ctx, tl::ProgramOp program, StringRef variant,
               const golden::TensorMap &inputs) {
  if (variant != "upstream" && variant != "upstream-release" &&
      variant != "multi-user")
    return std::nullopt;
  std::string diagnostics;
  ScopedDiagnosticHandler swallow(&ctx, [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error && diagnostics.empty())
      diagnostics = d.str();
    return success();
  });
  OwningOpRef<ModuleOp> module = ModuleOp::create(program.getLoc());
  module->getBody()->push_back(program->clone());
  PassManager pm(&ctx);
  TLToD2MOptions o;
  o.reduceForm = "ternary";
  o.transposeForm = "per-tile";
  pm.addPass(createTLToD2M(o));
  pm.addPass(d2m::createD2MBufferize());
  if (failed(pm.run(*module)))
    return llvm::Expected<golden::TensorMap>(llvm::createStringError(
        "the front end failed" +
        (diagnostics.empty() ? std::string() : ": " + diagnostics)));
  return golden::interpretFrontEnd(*module, inputs);
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
  // Diagnostics stay one located line each; the IR is in the dump directory.
  ctx.printOpOnDiagnostic(false);

  ErrorLog errors;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error)
      errors.add(d);
    return success();
  });

  // The repro is parsed under its file name alone, so every location the
  // cell reports (diagnostics, hazards, golden errors, DST events) reads
  // `name.mlir:line:col` whatever the directory it was run from: the matrix
  // output does not depend on the machine's paths.
  std::string reproName = llvm::sys::path::filename(request.reproPath).str();
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> contents =
      llvm::MemoryBuffer::getFile(request.reproPath, /*IsText=*/true);
  if (!contents)
    return fail("bad-input",
                reproName + ": cannot read: " + contents.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy((*contents)->getBuffer(),
                                           reproName),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> file =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&ctx));
  if (!file)
    return errors.result("bad-input", "cannot parse " + reproName);
  tl::ProgramOp program;
  for (auto p : file->getOps<tl::ProgramOp>())
    if (request.program.empty() || p.getSymName() == request.program) {
      program = p;
      break;
    }
  if (!program)
    return fail("bad-input", reproName + ": no tl.program named '" +
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

  // What the front end asks for, for the variants that use tt-lang's.
  std::optional<llvm::Expected<golden::TensorMap>> frontEnd =
      frontEndGolden(ctx, program, request.variant, *inputs);

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
    CellResult r = errors.result("error", "the " + request.variant +
                                              " pipeline failed");
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
  if (opts.recordDstOccupancy)
    writeDstOccupancy(request.dumpDir, *module, sr.dstEvents);
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
  std::vector<double> out, want, wantFrontEnd;
  std::string frontEndMissing;
  DataFormat format = DataFormat::F32;
  golden::TensorMap outputs;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Output)
      continue;
    std::string name = decl.getSymName().str();
    const golden::HostTensor &g = ref->at(name);
    const std::vector<double> &got = dram[name];
    const golden::HostTensor *fe = nullptr;
    if (frontEnd && *frontEnd) {
      auto it = (**frontEnd).find(name);
      if (it != (**frontEnd).end() && it->second.rows == g.rows &&
          it->second.cols == g.cols)
        fe = &it->second;
      else if (frontEndMissing.empty())
        frontEndMissing = "no front-end value of " + name;
    }
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
        if (fe)
          wantFrontEnd.push_back(fe->data[i]);
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
  if (frontEnd) {
    if (!*frontEnd) {
      result.message += "\nfront end: no golden (" +
                        llvm::toString(frontEnd->takeError()) + ")";
    } else if (!frontEndMissing.empty()) {
      result.message += "\nfront end: no golden (" + frontEndMissing + ")";
    } else {
      NumericVerdict fv = compare(out, wantFrontEnd, format);
      result.message +=
          llvm::formatv("\nfront end: pcc {0:f4}, max error {1:e2} ({2} "
                        "what tl-to-d2m asked for)",
                        fv.pcc, fv.maxError, fv.pass ? "matches" : "differs from")
              .str();
    }
  }
  return result;
}
