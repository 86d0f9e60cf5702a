//===- ReportCommands.cpp - dstlab merge, report, diff --------------------===//

#include "Commands.h"

#include "harness/Matrix.h"
#include "harness/Render.h"
#include "reports/Diff.h"
#include "reports/Html.h"
#include "reports/Status.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace dstlab::harness;
using namespace dstlab::reports;

namespace dstlab::tool {

int mergeCommand(ArrayRef<std::string> argv) {
  const StringRef cmd = "merge";
  std::optional<Args> args = parseArgs(cmd, argv, {"out"}, {});
  if (!args)
    return kToolError;
  if (args->positional.empty() || !args->get("out")) {
    reportError(cmd, "usage: dstlab merge A.json B.json... --out DIR");
    return kToolError;
  }
  std::vector<MatrixRun> runs;
  for (const std::string &path : args->positional) {
    Expected<MatrixRun> run = loadMatrix(path);
    if (!run) {
      reportError(cmd, toString(run.takeError()));
      return kToolError;
    }
    runs.push_back(std::move(*run));
  }
  Expected<MatrixRun> merged = mergeRuns(std::move(runs), args->positional);
  if (!merged) {
    reportError(cmd, toString(merged.takeError()));
    return kToolError;
  }
  std::string outDir = *args->get("out");
  struct Output {
    const char *name;
    std::string text;
  };
  Output outputs[] = {{"matrix.json", serializeMatrix(*merged)},
                      {"matrix.md", renderMarkdown(*merged)},
                      {"junit.xml", renderJUnit(*merged)},
                      {"perf.csv", renderPerfCsv(*merged)}};
  for (const Output &o : outputs) {
    SmallString<256> path(outDir);
    sys::path::append(path, o.name);
    if (Error e = writeFileAtomically(path, o.text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
  }
  MatrixSummary s = summarize(*merged);
  outs() << "Merged " << args->positional.size() << " runs: " << s.cells
         << " cells, " << s.asExpected << " as expected, " << s.unexpected
         << " not. Wrote " << outDir
         << "/matrix.json, matrix.md, junit.xml, perf.csv.\n";
  return merged->allAsExpected() ? kToolOk : kToolFailed;
}

int reportCommand(ArrayRef<std::string> argv) {
  const StringRef cmd = "report";
  std::optional<Args> args = parseArgs(cmd, argv, {"out"}, {});
  if (!args)
    return kToolError;
  if (args->positional.size() != 1) {
    reportError(cmd, "usage: dstlab report MATRIX.json [--out DIR]");
    return kToolError;
  }
  std::string input = args->positional.front();
  Expected<MatrixRun> run = loadMatrix(input);
  if (!run) {
    reportError(cmd, toString(run.takeError()));
    return kToolError;
  }
  std::string matrixDir = sys::path::parent_path(input).str();
  if (matrixDir.empty())
    matrixDir = ".";
  std::string outDir = args->get("out").value_or(matrixDir);

  HtmlOptions options;
  options.matrixDir = matrixDir;
  if (std::error_code ec = sys::fs::create_directories(outDir)) {
    reportError(cmd, outDir + ": " + ec.message());
    return kToolError;
  }
  options.relativeLinks = sys::fs::equivalent(outDir, matrixDir);

  struct Output {
    const char *name;
    std::string text;
  };
  Output outputs[] = {{"STATUS.md", renderStatus(*run)},
                      {"index.html", renderHtml(*run, options)}};
  for (const Output &o : outputs) {
    SmallString<256> path(outDir);
    sys::path::append(path, o.name);
    if (Error e = writeFileAtomically(path, o.text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
  }
  outs() << "Wrote " << outDir << "/STATUS.md and " << outDir
         << "/index.html.\n";
  return kToolOk;
}

int diffCommand(ArrayRef<std::string> argv) {
  const StringRef cmd = "diff";
  std::optional<Args> args = parseArgs(cmd, argv, {"out"}, {});
  if (!args)
    return kToolError;
  if (args->positional.size() != 2) {
    reportError(cmd, "usage: dstlab diff BEFORE.json AFTER.json [--out FILE]");
    return kToolError;
  }
  Expected<MatrixRun> before = loadMatrix(args->positional[0]);
  if (!before) {
    reportError(cmd, toString(before.takeError()));
    return kToolError;
  }
  Expected<MatrixRun> after = loadMatrix(args->positional[1]);
  if (!after) {
    reportError(cmd, toString(after.takeError()));
    return kToolError;
  }
  if (before->schema != after->schema) {
    reportError(cmd,
                "schemas differ: " + before->schema + " vs " + after->schema);
    return kToolError;
  }
  MatrixDiff diff = diffRuns(*before, *after);
  std::string text = renderDiff(diff, *before, *after, args->positional[0],
                                args->positional[1]);
  if (std::optional<std::string> out = args->get("out")) {
    if (Error e = writeFileAtomically(*out, text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
    outs() << (diff.regressed()
                   ? "Regressed: " + std::to_string(diff.regressions.size()) +
                         " cells"
                   : std::string("No regressions"))
           << "; " << diff.newlyPassing.size() << " newly passing. Wrote "
           << *out << ".\n";
  } else {
    outs() << text;
  }
  return diff.regressed() ? kToolFailed : kToolOk;
}

} // namespace dstlab::tool
