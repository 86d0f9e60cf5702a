//===- Cell.cpp - one matrix cell: compile, simulate, compare -------------===//
//
// The glue between the compiler under test, the simulator and the golden.
// Runs in-process: when the compiler under test asserts, this process aborts,
// which is why the matrix runs every cell in a child process.
//
//===----------------------------------------------------------------------===//

#include "harness/Cell.h"
#include "harness/CellResult.h"
#include "harness/RealCell.h"
#include "harness/RealTool.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "compiler/Pipelines/Pipelines.h"
#include "compiler/Registration.h"
#include "fixes/Variants.h"
#include "golden/Attention.h"
#include "golden/FrontEnd.h"
#include "golden/Inputs.h"
#include "golden/Interpreter.h"
#include "harness/Matrix.h"
#include "harness/Mutate.h"
#include "harness/RefCache.h"
#include "harness/Repro.h"
#include "harness/Verdict.h"
#include "sim/Simulator.h"
#include "sim/numerics/CostModel.h"
#include "support/Bf16.h"
#include "support/Limits.h"
#include "support/Metrics.h"
#include "support/Precision.h"
#include "support/Suggest.h"

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

/// The first error of writing the dump or the trace: the cell still runs
/// (its outcome is worth having), but the command reports it and fails.
struct WriteErrors {
  std::string first;
  void note(llvm::Error e) {
    if (!e)
      return;
    std::string message = llvm::toString(std::move(e));
    if (first.empty())
      first = std::move(message);
  }
};

/// Writes the IR after every pass to <dir>/NN-<pass>.mlir, so a crash still
/// leaves the stages before it.
struct DumpInstrumentation : public PassInstrumentation {
  std::string dir;
  WriteErrors &errors;
  int index = 0;
  DumpInstrumentation(std::string dir, WriteErrors &errors)
      : dir(std::move(dir)), errors(errors) {}
  void runAfterPass(Pass *pass, Operation *op) override {
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(
        path,
        llvm::formatv("{0:02}-{1}.mlir", ++index, pass->getArgument()).str());
    errors.note(writeFileAtomically(path, [&] {
      std::string text;
      llvm::raw_string_ostream os(text);
      op->print(os);
      return text;
    }()));
  }
};

CellResult fail(Outcome outcome, StringRef message) {
  CellResult r;
  r.outcome = outcome;
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
  CellResult result(Outcome outcome, StringRef fallback) const {
    CellResult r;
    r.outcome = outcome;
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
/// location (extra keys, ignored by the renderer). Without `otherSections`
/// only dst_occupancy.json is written (the matrix keeps the others as large
/// dumps only).
void writeDstOccupancy(StringRef dir, ModuleOp module,
                       const std::vector<sim::DstEvent> &events,
                       bool otherSections, WriteErrors &errors) {
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
    if (section != 0 && !otherSections)
      continue;
    // One event per line: the same JSON, a third of the indented size (the
    // default matrix keeps one of these per cell).
    std::string text;
    llvm::raw_string_ostream os(text);
    os << "{\n  \"capacity\": " << capacity
       << ",\n  \"core\": [0, 0],\n  \"section\": " << section
       << ",\n  \"events\": [";
    for (auto [i, event] : llvm::enumerate(list))
      os << (i ? ",\n    " : "\n    ") << event;
    os << (list.empty() ? "]\n}\n" : "\n  ]\n}\n");
    llvm::SmallString<128> path(dir);
    llvm::sys::path::append(
        path,
        section == 0
            ? std::string("dst_occupancy.json")
            : llvm::formatv("dst_occupancy_section{0}.json", section).str());
    errors.note(writeFileAtomically(path, text));
  }
}

/// The front-end golden of `program` for the variants that run tt-lang's
/// front end (ternary reduce, per-tile transpose): tl-to-d2m and
/// d2m-bufferize on a clone, then golden::interpretFrontEnd. std::nullopt for
/// the other variants; an error when the front end or the interpreter fails.
/// Diagnostics of this side run are swallowed so that the cell's error log
/// only holds the pipeline under test.
bool usesFrontEndGolden(StringRef variant) {
  const VariantInfo *info = lookupVariant(variant);
  return (info && info->ttLangFrontEnd()) || isRealVariant(variant);
}

std::optional<llvm::Expected<golden::TensorMap>>
frontEndGolden(MLIRContext &ctx, tl::ProgramOp program, StringRef variant,
               ReduceForm form, const golden::TensorMap &inputs) {
  if (!usesFrontEndGolden(variant))
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
  o.reduceForm = form;
  o.transposeForm = TransposeForm::PerTile;
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

/// The text of `program`, the part of every reference cache key that says
/// which program it is.
std::string programText(tl::ProgramOp program) {
  std::string text;
  llvm::raw_string_ostream os(text);
  program->print(os, OpPrintingFlags().printGenericOpForm());
  return text;
}

/// The outputs of `program` compared element by element: column 0 only for
/// column vectors (compiler/Dialect/TL/Rationale.md: the other columns of a
/// reduction's result are not specified).
std::vector<double> comparable(tl::ProgramOp program,
                               const golden::TensorMap &tensors) {
  std::vector<double> out;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
    if (decl.getRole() != tl::TensorRole::Output)
      continue;
    auto it = tensors.find(decl.getSymName().str());
    if (it == tensors.end())
      continue;
    const golden::HostTensor &t = it->second;
    for (int64_t r = 0; r < t.rows; ++r)
      for (int64_t c = 0; c < t.cols; ++c)
        if (!decl.getColvec() || c == 0)
          out.push_back(t.at(r, c));
  }
  return out;
}

/// Keeps the worst of two figures (the larger, or the smaller for PCC).
void worst(std::optional<double> &acc, std::optional<double> v, bool lower) {
  if (!v)
    return;
  if (!acc || (lower ? *v < *acc : !(*v <= *acc)))
    acc = v;
}

/// miscompiled > imprecise > pass.
int severity(Outcome outcome) {
  return outcome == Outcome::Miscompiled ? 2
         : outcome == Outcome::Imprecise ? 1
                                         : 0;
}

} // namespace

namespace {
/// runCell, noting every failed write of the dump or trace in `writes`.
CellResult runCellWriting(const CellRequest &request, WriteErrors &writes) {
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
    return fail(Outcome::BadInput,
                reproName + ": cannot read: " + contents.getError().message());
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy((*contents)->getBuffer(), reproName),
      llvm::SMLoc());
  OwningOpRef<ModuleOp> file =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&ctx));
  if (!file)
    return errors.result(Outcome::BadInput, "cannot parse " + reproName);
  tl::ProgramOp program;
  for (auto p : file->getOps<tl::ProgramOp>())
    if (request.program.empty() || p.getSymName() == request.program) {
      program = p;
      break;
    }
  if (!program) {
    std::vector<std::string> names;
    for (auto p : file->getOps<tl::ProgramOp>())
      names.push_back(p.getSymName().str());
    return fail(Outcome::BadInput, reproName + ": no tl.program named '" +
                                       request.program + "'" +
                                       suggestNearest(request.program, names));
  }

  // The configuration: seeds, input kind, precision recipe.
  if (request.seeds.empty())
    return fail(Outcome::BadInput, "no seed to run");
  golden::InputKind kind = golden::InputKind::Uniform;
  if (!request.inputKind.empty()) {
    std::optional<golden::InputKind> k =
        golden::parseInputKind(request.inputKind);
    if (!k)
      return fail(Outcome::BadInput, "unknown input kind '" +
                                         request.inputKind +
                                         "' (uniform, negative-scores, peaked, "
                                         "late-max, large-values, zero-row)");
    kind = *k;
  }
  // Given inputs are one set, whatever the seeds: run them once.
  std::vector<uint64_t> seedList = request.seeds;
  if (!request.inputsDir.empty())
    seedList.resize(1);
  Precision precision = defaultPrecision(request.variant);
  if (!request.precision.empty()) {
    std::optional<Precision> p = parsePrecision(request.precision);
    if (!p)
      return fail(Outcome::BadInput, "unknown precision '" + request.precision +
                                         "' (balanced, accurate)");
    precision = *p;
  }
  if (!request.frontEnd.empty() &&
      !llvm::is_contained(reproFrontEnds(), StringRef(request.frontEnd)))
    return fail(Outcome::BadInput,
                "unknown front end '" + request.frontEnd + "' (tt-lang, ttir)");
  // The request's front end, else the configuration's.
  std::string frontEndName =
      request.frontEnd.empty()
          ? reproFrontEnd(request.reproPath, program.getSymName())
          : request.frontEnd;
  ReduceForm reduceForm =
      frontEndName == "ttir" ? ReduceForm::TTIR : ReduceForm::TTLang;
  CellResult result;
  result.inputKind = golden::inputKindName(kind);
  result.precision = precisionName(precision);

  // Inputs of every seed, before compiling: bad input is the user's to fix
  // whatever the compiler does.
  std::vector<golden::TensorMap> inputs;
  for (uint64_t seed : seedList) {
    llvm::Expected<golden::TensorMap> in =
        request.inputsDir.empty()
            ? golden::makeInputs(program, seed, kind)
            : golden::loadInputs(program, request.inputsDir);
    if (!in)
      return fail(Outcome::BadInput, llvm::toString(in.takeError()));
    inputs.push_back(std::move(*in));
  }
  std::optional<golden::AttentionBinding> binding =
      golden::detectAttention(program);
  bool dumpLarge = !request.dumpDir.empty() && request.dumpLarge;
  if (dumpLarge)
    writes.note(golden::writeTensors(request.dumpDir, inputs.front()));

  // Compile a module holding just this program.
  OwningOpRef<ModuleOp> module = ModuleOp::create(program.getLoc());
  module->getBody()->push_back(program->clone());
  if (isRealVariant(request.variant)) {
    // The real tool compiles; its crash or diagnostic ends the cell.
    if (std::optional<CellResult> r = compileWithRealTool(
            *module, request, precisionName(precision), reduceForm)) {
      r->inputKind = result.inputKind;
      r->precision = result.precision;
      return *r;
    }
  } else {
    PassManager pm(&ctx);
    PipelineOptions pipelineOptions;
    pipelineOptions.precision = precisionName(precision);
    pipelineOptions.tlReduceForm = reduceForm;
    if (!request.mathFidelity.empty()) {
      if (!llvm::is_contained({"LoFi", "HiFi2", "HiFi3", "HiFi4"},
                              request.mathFidelity))
        return fail(Outcome::BadInput, "unknown math fidelity '" +
                                           request.mathFidelity +
                                           "' (LoFi, HiFi2, HiFi3 or HiFi4)");
      pipelineOptions.mathFidelity = request.mathFidelity;
    }
    if (request.buildPipeline)
      request.buildPipeline(pm);
    else if (failed(buildVariantPipeline(pm, request.variant, pipelineOptions)))
      return fail(Outcome::Error, "unknown variant '" + request.variant + "'");
    if (!request.dumpDir.empty())
      pm.addInstrumentation(
          std::make_unique<DumpInstrumentation>(request.dumpDir, writes));
    if (failed(pm.run(*module)))
      return errors.result(Outcome::Error,
                           "the " + request.variant + " pipeline failed");
  }
  if (request.inspectKernelIR)
    request.inspectKernelIR(*module);
  if (request.compileOnly)
    return fail(Outcome::Compiled, "compiled");
  if (request.mutateKernelIR)
    request.mutateKernelIR(*module);
  if (!request.mutation.empty()) {
    std::string kind;
    size_t site = 0;
    if (llvm::Error e = parseMutationSpec(request.mutation, kind, site))
      return fail(Outcome::BadInput, llvm::toString(std::move(e)));
    if (llvm::Error e = applyMutation(*module, kind, site))
      return fail(Outcome::BadInput, llvm::toString(std::move(e)));
    if (!request.dumpDir.empty())
      writes.note(writeFileAtomically(request.dumpDir + "/mutant.mlir", [&] {
        std::string text;
        llvm::raw_string_ostream os(text);
        module->print(os);
        return text;
      }()));
  }

  // Simulate on the program's grid unless asked otherwise.
  sim::SimOptions opts;
  // A mutant is judged by whether it ends as a hazard, not by which ones.
  opts.stopAtFirstHazard = !request.mutation.empty();
  ArrayRef<int64_t> grid = program.getGrid();
  opts.grid.rows = grid[0];
  opts.grid.cols = grid[1];
  opts.grid.name = llvm::formatv("{0}x{1}", grid[0], grid[1]).str();
  if (request.grid) {
    std::optional<sim::GridSpec> g = sim::GridSpec::parse(*request.grid);
    if (!g)
      return fail(Outcome::BadInput, "bad grid '" + *request.grid + "'");
    if (!limits::productWithin(g->rows, g->cols, limits::kMaxGridCores))
      return fail(Outcome::BadInput,
                  llvm::formatv("--grid {0}: {1}x{2} cores, over "
                                "the limit of {3}",
                                *request.grid, g->rows, g->cols,
                                limits::kMaxGridCores)
                      .str());
    opts.grid = *g;
  }

  // References, shared by the variants' cells of a matrix run.
  RefCache cache(request.refCacheDir);
  std::string text = programText(program);
  auto refKey = [&](size_t i, StringRef what) {
    std::string source = request.inputsDir.empty()
                             ? "seed " + std::to_string(seedList[i])
                             : "inputs " + request.inputsDir;
    return RefCache::key({text, source, result.inputKind, what.str()});
  };
  auto exactOf = [&](size_t i) {
    return cache.getOrCompute(refKey(i, "exact"), [&] {
      return golden::interpret(program, inputs[i]);
    });
  };
  auto faithfulOf = [&](size_t i, bool alternate) {
    golden::Rounding r = golden::roundingFor(program, precision, alternate);
    return cache.getOrCompute(
        refKey(i, std::string("faithful ") + precisionName(precision) +
                      (alternate ? " alternate" : "")),
        [&] { return golden::interpret(program, inputs[i], &r); });
  };

  DataFormat format = DataFormat::F32;
  for (auto decl : program.getBody().getOps<tl::TensorDeclOp>())
    if (decl.getRole() == tl::TensorRole::Output &&
        cast<RankedTensorType>(decl.getType()).getElementType().isBF16())
      format = DataFormat::BF16;

  std::string firstNote;
  std::vector<double> firstOut;
  for (size_t i = 0; i < seedList.size(); ++i) {
    bool first = i == 0;
    opts.recordTrace = first && (!request.traceFile.empty() || dumpLarge);
    opts.recordDstOccupancy = first && !request.dumpDir.empty();
    // writeDstOccupancy draws core (0, 0) only.
    opts.dstOccupancyCore = std::make_pair(int64_t(0), int64_t(0));
    std::map<std::string, std::vector<double>> dram;
    for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
      auto it = inputs[i].find(decl.getSymName().str());
      if (it != inputs[i].end())
        dram[decl.getSymName().str()] = toDram(it->second);
    }
    sim::SimResult sr = sim::simulate(*module, opts, dram);
    if (opts.recordDstOccupancy)
      writeDstOccupancy(request.dumpDir, *module, sr.dstEvents, dumpLarge,
                        writes);
    if (!sr.chromeTraceJson.empty()) {
      std::string path = request.traceFile;
      if (path.empty())
        path = request.dumpDir + "/trace.json";
      writes.note(writeFileAtomically(path, sr.chromeTraceJson));
    }
    if (first && sr.gridCycles) {
      result.cycles = sr.gridCycles;
      result.tflops = sr.tflops;
      result.utilisation = sr.utilisation;
      // The basis of the utilisation: the fidelity the programs ran at.
      double peak = 0;
      for (const sim::ProgramStats &p : sr.programs) {
        if (result.fidelity.empty())
          result.fidelity = p.fidelity;
        else if (result.fidelity != p.fidelity)
          result.fidelity = "mixed";
        if (std::optional<sim::MathFidelity> f =
                sim::parseMathFidelity(p.fidelity))
          peak = std::max(peak, opts.grid.numCores() * sim::flopsPerCycle(*f) *
                                    opts.grid.clockGHz * 1e9 / 1e12);
      }
      if (peak > 0)
        result.peakTflops = peak;
      int64_t cores = 0;
      for (const sim::ProgramStats &p : sr.programs)
        cores = std::max(cores, p.gridRows * p.gridCols);
      if (cores > 0)
        result.cores = cores;
      result.clockGHz = opts.grid.clockGHz;
    }
    // Structural outcomes do not depend on the numbers: the first decides.
    auto stop = [&](Outcome outcome, StringRef signature) {
      result.outcome = outcome;
      result.signature = signature.str();
      result.message =
          llvm::formatv("{0} (seed {1})", signature, seedList[i]).str();
      return result;
    };
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
    if (sr.status == sim::SimStatus::Error)
      return stop(Outcome::Error, "simulator: " + sr.error);
    if (sr.status == sim::SimStatus::Deadlock)
      return stop(Outcome::Deadlock, "deadlock");
    if (sr.status == sim::SimStatus::StepLimit)
      return stop(Outcome::StepLimit, "simulator step limit");
    if (!sr.hazards.empty())
      return stop(Outcome::Hazard, sr.hazards.front().kind);

    // The references, now that there is something to judge.
    llvm::Expected<golden::TensorMap> exact = exactOf(i);
    if (!exact)
      return fail(Outcome::BadInput,
                  "golden: " + llvm::toString(exact.takeError()));
    llvm::Expected<golden::TensorMap> faithful = faithfulOf(i, false);
    if (!faithful)
      return fail(Outcome::BadInput,
                  "faithful: " + llvm::toString(faithful.takeError()));
    llvm::Expected<golden::TensorMap> alternate = faithfulOf(i, true);
    if (!alternate)
      return fail(Outcome::BadInput,
                  "faithful: " + llvm::toString(alternate.takeError()));

    golden::TensorMap outputs;
    for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
      if (decl.getRole() != tl::TensorRole::Output)
        continue;
      std::string name = decl.getSymName().str();
      auto type = cast<RankedTensorType>(decl.getType());
      golden::HostTensor o =
          golden::HostTensor::zeros(type.getDimSize(0), type.getDimSize(1));
      const std::vector<double> &got = dram[name];
      for (size_t k = 0; k < o.data.size() && k < got.size(); ++k)
        o.data[k] = got[k];
      outputs[name] = std::move(o);
    }
    if (first && dumpLarge) {
      for (auto [sub, tensors] :
           {std::pair<const char *, const golden::TensorMap *>{"outputs",
                                                               &outputs},
            {"exact", &*exact},
            {"faithful", &*faithful}}) {
        // Only column 0 of a column vector is specified
        // (compiler/Dialect/TL/Rationale.md): every dump holds zeros in the
        // others, so the files compare.
        golden::TensorMap dumped;
        for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
          auto it = tensors->find(decl.getSymName().str());
          if (decl.getRole() != tl::TensorRole::Output || it == tensors->end())
            continue;
          golden::HostTensor t = it->second;
          if (decl.getColvec())
            for (int64_t r = 0; r < t.rows; ++r)
              for (int64_t c = 1; c < t.cols; ++c)
                t.at(r, c) = 0.0;
          dumped[it->first] = std::move(t);
        }
        writes.note(golden::writeTensors(request.dumpDir + "/" + sub, dumped));
      }
    }

    if (first)
      firstOut = comparable(program, outputs);
    NumericJudgement j =
        judgeNumerics(comparable(program, outputs), comparable(program, *exact),
                      comparable(program, *faithful),
                      comparable(program, *alternate), format);
    SeedResult seed;
    seed.seed = seedList[i];
    seed.outcome = j.outcome;
    seed.pcc = j.pcc;
    seed.maxError = j.maxError;
    seed.faithfulMaxError = j.faithfulMaxError;
    seed.faithfulRmsError = j.faithfulRmsError;
    seed.faithfulMaxBound = j.faithfulMaxBound;
    seed.faithfulRmsBound = j.faithfulRmsBound;
    seed.outputNonFinite = j.outputNonFinite;
    // Is the program attention? A property of the program, judged on the
    // first seed's exact output (it does not change with the seed).
    // Shared like the references: it costs another attention in double.
    if (first && binding) {
      llvm::Expected<golden::TensorMap> v = cache.getOrCompute(
          refKey(i, "attention"), [&]() -> llvm::Expected<golden::TensorMap> {
            llvm::Expected<golden::AttentionVerdict> v =
                golden::judgeAttention(*binding, inputs[i], *exact);
            if (!v)
              return v.takeError();
            golden::TensorMap m;
            m["is_attention"] =
                golden::HostTensor::filled(1, 1, v->isAttention ? 1.0 : 0.0);
            return m;
          });
      if (v && v->count("is_attention") &&
          v->at("is_attention").numElements() == 1)
        seed.isAttention = v->at("is_attention").data[0] != 0.0;
      else if (!v)
        llvm::consumeError(v.takeError());
      result.isAttention = seed.isAttention;
    }
    if (firstNote.empty() && !j.note.empty())
      firstNote = j.note + " (seed " + std::to_string(seed.seed) + ")";
    result.exactBound = j.exactBound;
    result.outputNonFinite |= j.outputNonFinite;
    worst(result.pcc, seed.pcc, /*lower=*/true);
    worst(result.maxError, seed.maxError, false);
    worst(result.faithfulRmsError, seed.faithfulRmsError, false);
    if (!result.faithfulMaxError ||
        !(*seed.faithfulMaxError <= *result.faithfulMaxError)) {
      result.faithfulMaxError = seed.faithfulMaxError;
      result.faithfulMaxBound = seed.faithfulMaxBound;
      result.faithfulRmsBound = seed.faithfulRmsBound;
    }
    if (severity(seed.outcome) > severity(result.outcome))
      result.outcome = seed.outcome;
    result.seeds.push_back(std::move(seed));
  }

  if (result.outcome != Outcome::Pass)
    result.signature = result.outcome == Outcome::Miscompiled
                           ? "disagrees with the faithful reference"
                           : "agrees with the faithful reference, misses "
                             "the exact bound";
  std::string seedsText =
      seedList.size() == 1 ? "seed " + std::to_string(seedList.front())
                           : llvm::formatv("{0} seeds", seedList.size()).str();
  result.message =
      llvm::formatv("{0} ({1}, {2} inputs, {3}): exact pcc {4:f4}, max "
                    "error {5:e2} (bound {6:e2}); faithful max {7:e2} (bound "
                    "{8:e2}), rms {9:e2} (bound {10:e2})",
                    outcomeName(result.outcome), seedsText, result.inputKind,
                    result.precision, result.pcc.value_or(0),
                    result.maxError.value_or(0), result.exactBound.value_or(0),
                    result.faithfulMaxError.value_or(0),
                    result.faithfulMaxBound.value_or(0),
                    result.faithfulRmsError.value_or(0),
                    result.faithfulRmsBound.value_or(0))
          .str();
  if (!firstNote.empty())
    result.message += "\n" + firstNote;

  // What the front end asked for, for the variants that use tt-lang's.
  // The front end (and so its golden) is the same for every such variant:
  // shared like the references, per reduction form.
  std::optional<llvm::Expected<golden::TensorMap>> frontEnd;
  if (usesFrontEndGolden(request.variant)) {
    frontEnd = cache.getOrCompute(
        refKey(0,
               reduceForm == ReduceForm::TTIR ? "front end ttir" : "front end"),
        [&] {
          return std::move(*frontEndGolden(ctx, program, request.variant,
                                           reduceForm, inputs.front()));
        });
  }
  if (frontEnd) {
    if (!*frontEnd) {
      result.message += "\nfront end: no golden (" +
                        llvm::toString(frontEnd->takeError()) + ")";
    } else {
      std::vector<double> fe = comparable(program, **frontEnd);
      if (fe.size() != firstOut.size()) {
        result.message += "\nfront end: no golden (missing outputs)";
      } else {
        NumericVerdict fv = compare(firstOut, fe, format);
        result.message +=
            llvm::formatv("\nfront end: pcc {0:f4}, max error {1:e2} ({2} "
                          "what tl-to-d2m asked for)",
                          fv.pcc, fv.maxError,
                          fv.pass ? "matches" : "differs from")
                .str();
      }
    }
  }
  return result;
}
} // namespace

CellResult dstlab::harness::runCell(const CellRequest &request) {
  WriteErrors writes;
  CellResult result = runCellWriting(request, writes);
  result.writeError = std::move(writes.first);
  return result;
}
