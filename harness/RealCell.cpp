//===- RealCell.cpp - compile a cell with a real tt-mlir tool -------------===//

#include "harness/RealCell.h"

#include "bridge/Bridge.h"
#include "harness/Classify.h"
#include "harness/RealTool.h"
#include "harness/Runner.h"

#include "compiler/Pipelines/Pipelines.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::harness;

namespace {

CellResult result(Outcome outcome, StringRef signature, StringRef message) {
  CellResult r;
  r.outcome = outcome;
  r.signature = signature.str();
  r.message = message.str();
  return r;
}

/// Runs `build` on `module`, the first error diagnostic (or `what`) as the
/// error text.
llvm::Error runPasses(ModuleOp module, StringRef what,
                      llvm::function_ref<void(OpPassManager &)> build) {
  std::string first;
  ScopedDiagnosticHandler handler(module.getContext(), [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error && first.empty())
      first = d.str();
    return success();
  });
  PassManager pm(module.getContext());
  build(pm);
  if (succeeded(pm.run(module)))
    return llvm::Error::success();
  return llvm::createStringError(first.empty() ? what.str() : first);
}

void writeDump(StringRef dir, StringRef name, StringRef text) {
  if (dir.empty())
    return;
  llvm::SmallString<256> path(dir);
  llvm::sys::path::append(path, name);
  (void)llvm::writeToOutput(path, [&](llvm::raw_ostream &os) {
    os << text;
    return llvm::Error::success();
  });
}

} // namespace

std::optional<CellResult> dstlab::harness::compileWithRealTool(
    ModuleOp module, const CellRequest &request, StringRef precision,
    ReduceForm reduceForm) {
  llvm::Expected<RealToolSpec> spec = RealToolSpec::parse(request.realTool);
  if (!spec)
    return result(Outcome::BadInput, "bad --ttmlir-opt",
                  llvm::toString(spec.takeError()));
  if (request.variant != spec->variant())
    return result(Outcome::BadInput, "variant mismatch",
                  "variant '" + request.variant + "' but --ttmlir-opt names " +
                      spec->variant());
  const bridge::Commit *commit = bridge::lookupCommit(spec->commit);
  if (!commit)
    return result(Outcome::BadInput, "unknown commit",
                  "--ttmlir-opt " + spec->name + ": unknown tt-mlir commit '" +
                      spec->commit + "' (known: " + bridge::knownCommitList() +
                      ")");

  // tt-lang's front end as of the seed, to the stage before the DST pass;
  // its failure is the model's too, not the export's.
  if (llvm::Error e =
          runPasses(module, "the front end failed", [&](OpPassManager &pm) {
            addFrontEndToBufferized(pm, reduceForm, /*blockTranspose=*/false,
                                    precision);
          })) {
    std::string text = llvm::toString(std::move(e));
    return result(Outcome::Error, text, text);
  }
  llvm::Expected<std::string> exported = bridge::exportModule(module, *commit);
  if (!exported) {
    std::string text = llvm::toString(exported.takeError());
    if (!StringRef(text).starts_with("export: "))
      text = "export: " + text;
    return result(Outcome::Error, text, text);
  }
  writeDump(request.dumpDir, "ttmlir-input.mlir", *exported);

  std::string program;
  for (Operation &op : module.getBody()->getOperations())
    if (auto f = dyn_cast<func::FuncOp>(op)) {
      program = f.getSymName().str();
      break;
    }
  std::string repro = llvm::sys::path::stem(request.reproPath).str();

  llvm::Expected<RealRun> run = [&]() -> llvm::Expected<RealRun> {
    if (spec->replay)
      return readRecording(
          recordingDir(spec->path, commit->shortId, repro, program), *exported,
          spec->ndebug);
    return runRealTool(*spec, commit->fullId, commit->pipeline, *exported,
                       request.realTimeoutSeconds);
  }();
  if (!run)
    return result(Outcome::BadInput, "real tool",
                  llvm::toString(run.takeError()));
  if (!spec->replay && !request.recordDir.empty())
    if (llvm::Error e = writeRecording(
            recordingDir(request.recordDir, commit->shortId, repro, program),
            *exported, *run))
      return result(Outcome::BadInput, "recording",
                    "cannot record: " + llvm::toString(std::move(e)));
  writeDump(request.dumpDir, "ttmlir-stderr.txt", run->stderrText);
  writeDump(request.dumpDir, "ttmlir-output.mlir", run->output);

  std::string who = spec->variant() + " (tt-mlir " + commit->shortId.str() +
                    (spec->ndebug ? ", NDEBUG" : ", asserts") + ")";
  switch (run->status) {
  case RealRun::Crash: {
    std::string signature = crashSignatureFromLog(run->stderrText);
    if (signature.empty())
      signature = run->signal ? "signal " + signalName(run->signal)
                              : std::string("crash");
    std::string site = crashSiteFromLog(run->stderrText);
    CellResult r =
        result(Outcome::Crash, signature,
               who + " crashed" + (site.empty() ? "" : " at " + site) + ": " +
                   signature);
    r.crashSite = site;
    r.toolLog = stderrTail(run->stderrText);
    return r;
  }
  case RealRun::Diagnostic: {
    std::string diag = firstDiagnostic(run->stderrText);
    if (diag.empty())
      diag = "exit " + std::to_string(run->exitCode);
    CellResult r = result(Outcome::Error, diag, who + ": " + diag);
    r.toolLog = stderrTail(run->stderrText);
    return r;
  }
  case RealRun::Timeout: {
    CellResult r = result(
        Outcome::Timeout, "tool time limit",
        who + " ran past " + std::to_string(request.realTimeoutSeconds) + " s");
    r.toolLog = stderrTail(run->stderrText);
    return r;
  }
  case RealRun::Compiled:
    break;
  }

  if (llvm::Error e = bridge::importModule(module, run->output, *commit)) {
    std::string text = llvm::toString(std::move(e));
    if (!StringRef(text).starts_with("import: "))
      text = "import: " + text;
    return result(Outcome::Error, text, text);
  }
  PipelineOptions options;
  options.precision = precision.str();
  options.explicitSfpuOutput = commit->explicitSfpuOutput;
  if (llvm::Error e =
          runPasses(module, "the back end failed",
                    [&](OpPassManager &pm) { addBackEnd(pm, options); })) {
    std::string text = llvm::toString(std::move(e));
    return result(Outcome::Error, text,
                  "back end on " + who + "'s output: " + text);
  }
  return std::nullopt;
}
