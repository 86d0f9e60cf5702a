//===- BridgeCommands.cpp - dstlab export / import (tt-mlir bridge) -------===//
//
// dstlab export FILE.mlir --program P --to ttmlir@COMMIT [-o OUT] [--lit]
//                         [--expect TEXT] [--pipeline tt-lang|dst-only]
// dstlab import FILE.mlir --program P --from ttmlir@COMMIT REAL.mlir
//                         [-o OUT] [--stage d2m|ttkernel] [--run]
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "bridge/Bridge.h"
#include "bridge/BridgeInternal.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Pipelines/Pipelines.h"
#include "compiler/Registration.h"
#include "harness/Cell.h"
#include "harness/CellResult.h"
#include "harness/Repro.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/Pass.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace mlir;
using namespace dstlab;

namespace dstlab::tool {
namespace {

/// Writes `text` to `path` through a temporary file in the same directory,
/// so a failure never leaves half an output behind; "-" or empty: stdout.
bool writeOutput(StringRef command, StringRef path, StringRef text) {
  if (path.empty() || path == "-") {
    outs() << text;
    return true;
  }
  SmallString<256> tmp(path);
  tmp += ".tmp%%%%%%";
  int fd;
  SmallString<256> tmpPath;
  if (std::error_code ec = sys::fs::createUniqueFile(tmp, fd, tmpPath)) {
    reportError(command, path + ": " + ec.message());
    return false;
  }
  {
    raw_fd_ostream os(fd, /*shouldClose=*/true);
    os << text;
    os.close();
    if (os.has_error()) {
      reportError(command, path + ": " + os.error().message());
      sys::fs::remove(tmpPath);
      return false;
    }
  }
  if (std::error_code ec = sys::fs::rename(tmpPath, path)) {
    reportError(command, path + ": " + ec.message());
    sys::fs::remove(tmpPath);
    return false;
  }
  return true;
}

/// A context with dstlab's dialects whose errors print as `file:line:col:
/// error: ...` to stderr.
struct Session {
  DialectRegistry registry;
  std::unique_ptr<MLIRContext> ctx;
  SourceMgr sourceMgr;
  std::unique_ptr<SourceMgrDiagnosticHandler> handler;

  Session() {
    registerAllDialects(registry);
    ctx = std::make_unique<MLIRContext>(registry);
    ctx->loadAllAvailableDialects();
    ctx->disableMultithreading();
    handler = std::make_unique<SourceMgrDiagnosticHandler>(sourceMgr, ctx.get(),
                                                           errs());
  }
};

/// Parses FILE and returns a module holding only the program P, run through
/// the front end to the stage the bridge exports.
OwningOpRef<ModuleOp> bufferizedProgram(Session &s, StringRef command,
                                        StringRef path, StringRef program,
                                        StringRef precision,
                                        ReduceForm reduceForm) {
  std::string err;
  auto buffer = openInputFile(path, &err);
  if (!buffer) {
    reportError(command, path + ": " + err);
    return nullptr;
  }
  s.sourceMgr.AddNewSourceBuffer(std::move(buffer), SMLoc());
  OwningOpRef<ModuleOp> file =
      parseSourceFile<ModuleOp>(s.sourceMgr, ParserConfig(s.ctx.get()));
  if (!file) {
    reportError(command, path + ": cannot parse");
    return nullptr;
  }
  tl::ProgramOp found;
  std::vector<std::string> names;
  for (auto p : file->getOps<tl::ProgramOp>()) {
    names.push_back(("@" + p.getSymName()).str());
    if (program.empty() || p.getSymName() == program) {
      found = p;
      break;
    }
  }
  if (!found) {
    reportError(command, path + ": no tl.program named '" + program +
                             "' (programs: " + join(names, ", ") + ")");
    return nullptr;
  }
  OwningOpRef<ModuleOp> module = ModuleOp::create(found.getLoc());
  module->getBody()->push_back(found->clone());
  PassManager pm(s.ctx.get());
  // The Nov-2025 tt-lang front end (per-tile transpose), its reductions
  // tt-lang's or tt-mlir's TTIR form.
  addFrontEndToBufferized(pm, reduceForm, /*blockTranspose=*/false, precision);
  if (failed(pm.run(*module))) {
    reportError(command, path + ": the front end failed");
    return nullptr;
  }
  return module;
}

/// The precision recipe a program is compiled with, as a matrix cell of it
/// is: --precision, else the repro header's `precision @P:`, else balanced.
std::optional<std::string> precisionFor(StringRef command, const Args &args,
                                        StringRef path, StringRef program) {
  if (std::optional<std::string> p = args.get("precision")) {
    if (!llvm::is_contained(harness::reproPrecisions(), StringRef(*p))) {
      reportError(command,
                  "unknown precision '" + *p + "' (balanced, accurate)");
      return std::nullopt;
    }
    return *p;
  }
  Expected<harness::Repro> repro =
      harness::loadRepro(path, harness::allVariants());
  if (!repro) {
    // Not a repro with a header: the program as written.
    consumeError(repro.takeError());
    return std::string("balanced");
  }
  for (const harness::ReproConfig &c : repro->configs)
    if ((program.empty() || c.name == program) && !c.precision.empty())
      return c.precision;
  return std::string("balanced");
}

/// The reduction form a program is compiled with, as a matrix cell of it
/// is: --front-end, else the repro header's `front-end @P:`, else tt-lang's.
std::optional<ReduceForm> reduceFormFor(StringRef command, const Args &args,
                                        StringRef path, StringRef program) {
  auto formOf = [](StringRef frontEnd) {
    return frontEnd == "ttir" ? ReduceForm::TTIR : ReduceForm::TTLang;
  };
  if (std::optional<std::string> f = args.get("front-end")) {
    if (!llvm::is_contained(harness::reproFrontEnds(), StringRef(*f))) {
      reportError(command, "unknown front end '" + *f + "' (tt-lang, ttir)");
      return std::nullopt;
    }
    return formOf(*f);
  }
  return formOf(harness::reproFrontEnd(path, program));
}

const bridge::Commit *commitArg(StringRef command, const Args &args,
                                StringRef name) {
  std::optional<std::string> v = args.get(name);
  if (!v) {
    reportError(command, "--" + name + " ttmlir@COMMIT is required");
    return nullptr;
  }
  StringRef id(*v);
  if (!id.consume_front("ttmlir@")) {
    reportError(command,
                "--" + name + " takes ttmlir@COMMIT, got '" + *v + "'");
    return nullptr;
  }
  const bridge::Commit *c = bridge::lookupCommit(id);
  if (!c)
    reportError(command, "unknown tt-mlir commit '" + id + "' (known: " +
                             bridge::knownCommitList("ttmlir@") + ")");
  return c;
}

/// The upstream (assert build) expectation of `program` in the repro header,
/// or "" when the file has none.
std::string headerExpectation(StringRef path, StringRef program) {
  Expected<harness::Repro> repro =
      harness::loadRepro(path, harness::allVariants());
  if (!repro) {
    consumeError(repro.takeError());
    return "";
  }
  const harness::ReproConfig *cfg = program.empty() && !repro->configs.empty()
                                        ? &repro->configs.front()
                                        : repro->findConfig(program);
  if (!cfg)
    return "";
  auto it = cfg->expect.find(variants::kUpstream.str());
  return it == cfg->expect.end() ? "" : it->second.str();
}

} // namespace

/// dstlab's back end as it lowers `commit`'s DST output.
static PipelineOptions backEndOptions(const bridge::Commit &commit) {
  PipelineOptions o;
  o.explicitSfpuOutput = commit.explicitSfpuOutput;
  return o;
}

int exportCommand(ArrayRef<std::string> argv) {
  std::optional<Args> args = parseArgs(
      "export", argv,
      {"program", "to", "o", "expect", "pipeline", "precision", "front-end"},
      {"lit", "print-pipeline"});
  if (!args)
    return kToolError;
  if (args->flag("print-pipeline")) {
    // For scripts: the ttmlir-opt arguments of the commit's pipeline.
    const bridge::Commit *commit = commitArg("export", *args, "to");
    if (!commit)
      return kToolError;
    bool dstOnly = args->get("pipeline").value_or("tt-lang") == "dst-only";
    outs() << join(dstOnly ? commit->dstOnlyPipeline : commit->pipeline, " ")
           << "\n";
    return kToolOk;
  }
  if (args->positional.size() != 1) {
    reportError("export", "usage: dstlab export FILE.mlir --program P --to "
                          "ttmlir@COMMIT [-o OUT] [--lit] [--expect TEXT]");
    return kToolError;
  }
  const bridge::Commit *commit = commitArg("export", *args, "to");
  if (!commit)
    return kToolError;
  StringRef path = args->positional.front();
  std::string program = args->get("program").value_or("");
  Session s;
  std::optional<std::string> precision =
      precisionFor("export", *args, path, program);
  std::optional<ReduceForm> form =
      reduceFormFor("export", *args, path, program);
  if (!precision || !form)
    return kToolError;
  OwningOpRef<ModuleOp> module =
      bufferizedProgram(s, "export", path, program, *precision, *form);
  if (!module)
    return kToolError;
  Expected<std::string> text = std::string();
  if (args->flag("lit")) {
    std::string expect = args->get("expect").value_or("");
    if (expect.empty())
      expect = headerExpectation(path, program);
    std::string pipeline = args->get("pipeline").value_or("tt-lang");
    if (pipeline != "tt-lang" && pipeline != "dst-only") {
      reportError("export", "--pipeline takes tt-lang or dst-only, got '" +
                                pipeline + "'");
      return kToolError;
    }
    text = bridge::renderLitTest(
        *module, *commit, expect,
        pipeline == "tt-lang" ? commit->pipeline : commit->dstOnlyPipeline);
  } else {
    text = bridge::exportModule(*module, *commit);
  }
  if (!text) {
    reportError("export", path + ": " + toString(text.takeError()));
    return kToolFailed;
  }
  return writeOutput("export", args->get("o").value_or(""), *text) ? kToolOk
                                                                   : kToolError;
}

int importCommand(ArrayRef<std::string> argv) {
  std::optional<Args> args =
      parseArgs("import", argv,
                {"program", "from", "o", "stage", "seeds", "seed", "precision",
                 "front-end"},
                {"run", "rewrite-only"});
  if (!args)
    return kToolError;
  if (args->flag("rewrite-only") && args->positional.size() == 1) {
    // Debugging aid: the real output as the importer parses it.
    auto real = MemoryBuffer::getFile(args->positional[0], /*IsText=*/true);
    if (!real) {
      reportError("import",
                  args->positional[0] + ": " + real.getError().message());
      return kToolError;
    }
    outs() << bridge::rewriteForImport((*real)->getBuffer());
    return kToolOk;
  }
  if (args->positional.size() != 2) {
    reportError("import", "usage: dstlab import FILE.mlir --program P --from "
                          "ttmlir@COMMIT REAL_OUTPUT.mlir [-o OUT] "
                          "[--stage d2m|ttkernel] [--run]");
    return kToolError;
  }
  const bridge::Commit *commit = commitArg("import", *args, "from");
  if (!commit)
    return kToolError;
  StringRef path = args->positional[0], realPath = args->positional[1];
  std::string program = args->get("program").value_or("");
  std::string stage = args->get("stage").value_or("ttkernel");
  if (stage != "d2m" && stage != "ttkernel") {
    reportError("import", "--stage takes d2m or ttkernel, got '" + stage + "'");
    return kToolError;
  }
  auto real = MemoryBuffer::getFile(realPath, /*IsText=*/true);
  if (!real) {
    reportError("import", realPath + ": " + real.getError().message());
    return kToolError;
  }
  std::string realText = (*real)->getBuffer().str();

  std::optional<std::string> precision =
      precisionFor("import", *args, path, program);
  std::optional<ReduceForm> form =
      reduceFormFor("import", *args, path, program);
  if (!precision || !form)
    return kToolError;
  if (args->flag("run")) {
    // Simulate what the real pass emitted: the front end, the import, then
    // dstlab's back end, judged like any cell.
    harness::CellRequest request;
    request.reproPath = path.str();
    request.program = program;
    request.variant = variants::kUpstream.str();
    std::optional<std::vector<uint64_t>> seeds = parseSeeds("import", *args);
    if (!seeds)
      return kToolError;
    request.seeds = *seeds;
    request.precision = *precision;
    std::string recipe = *precision;
    ReduceForm reduceForm = *form;
    request.frontEnd = reduceForm == ReduceForm::TTIR ? "ttir" : "";
    request.buildPipeline = [realText, commit, recipe,
                             reduceForm](OpPassManager &pm) {
      addFrontEndToBufferized(pm, reduceForm, /*blockTranspose=*/false, recipe);
      pm.addPass(bridge::createImportPass(realText, *commit));
      addBackEnd(pm, backEndOptions(*commit));
    };
    harness::CellResult r = harness::runCell(request);
    outs() << path << (program.empty() ? "" : " @" + program) << " (real "
           << commit->shortId << "): " << r.outcome;
    if (!r.signature.empty())
      outs() << " \"" << r.signature << "\"";
    outs() << "\n";
    if (!r.message.empty())
      outs() << "  " << r.message << "\n";
    for (const harness::HazardRecord &h : r.hazards)
      outs() << "  hazard " << h.kind << (h.op.empty() ? "" : " op " + h.op)
             << (h.detail.empty() ? "" : ": " + h.detail) << "\n";
    return harness::exitCodeFor(r);
  }

  Session s;
  OwningOpRef<ModuleOp> module =
      bufferizedProgram(s, "import", path, program, *precision, *form);
  if (!module)
    return kToolError;
  if (Error e = bridge::importModule(*module, realText, *commit,
                                     sys::path::filename(realPath))) {
    reportError("import", realPath + ": " + toString(std::move(e)));
    return kToolFailed;
  }
  if (stage == "ttkernel") {
    PassManager pm(s.ctx.get());
    addBackEnd(pm, backEndOptions(*commit));
    if (failed(pm.run(*module))) {
      reportError("import", realPath + ": dstlab's back end failed on the "
                                       "imported IR");
      return kToolFailed;
    }
  }
  std::string text;
  raw_string_ostream os(text);
  module->print(os);
  os << "\n";
  return writeOutput("import", args->get("o").value_or(""), text) ? kToolOk
                                                                  : kToolError;
}

} // namespace dstlab::tool
