//===- FuzzCommand.cpp - dstlab fuzz: differential random programs --------===//
//
// Draws --count programs from --seed (discover/Generate.h), checks each is
// valid tl, and runs each under every --variants column as a `dstlab cell`
// child, like a matrix cell, against both references. Every cell that does
// not pass is a finding: saved as a repro candidate under
// <out>/found/<bucket>/ (header: seed, variant, signature) and counted in
// its signature's bucket (discover/Signature.h). The summary (terminal,
// summary.md, summary.json) depends only on the seed and the options.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "compiler/Registration.h"
#include "discover/Generate.h"
#include "discover/Signature.h"
#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "harness/RealTool.h"
#include "harness/Runner.h"
#include "support/Limits.h"
#include "support/Suggest.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <map>
#include <thread>

using namespace llvm;
using namespace dstlab::harness;
using namespace dstlab::discover;

namespace dstlab::tool {

namespace {

/// `--ops A..B` or `--ops N`: block ops per generated program.
bool parseOpsRange(StringRef cmd, const Args &args, GenOptions &options) {
  std::optional<std::string> ops = args.get("ops");
  if (!ops)
    return true;
  auto [lo, hi] = StringRef(*ops).split("..");
  if (hi.empty())
    hi = lo;
  unsigned a = 0, b = 0;
  if (lo.getAsInteger(10, a) || hi.getAsInteger(10, b) || a == 0 || b < a ||
      b > 200) {
    reportError(cmd, "--ops " + *ops +
                         ": a count N or a range A..B with 1 <= A <= B <= 200");
    return false;
  }
  options.minOps = a;
  options.maxOps = b;
  return true;
}

/// The repro header of a generated program (and of what was found in it).
std::string fuzzHeader(uint64_t seed, uint64_t index, uint64_t count,
                       const GenOptions &options, const Finding *finding) {
  std::string h;
  raw_string_ostream os(h);
  os << "// repro: fuzz-" << seed << "-" << index << "\n"
     << "// origin: dstlab fuzz --seed " << seed << " --count " << count
     << " --ops " << options.minOps << ".." << options.maxOps
     << (options.loops ? "" : " --no-loops") << ", program " << index
     << "\n// seed: " << seed << "\n";
  if (finding)
    os << "// variant: " << finding->variant << "\n"
       << "// signature: " << finding->outcomeKey() << "\n";
  return h;
}

struct Row {
  Finding finding;
  std::vector<std::string> programs;
};

std::string fmtSeconds(double s) { return formatv("{0:f1} s", s).str(); }

/// What a bucket says about whom (issue 18): a failure under fixed is one of
/// dstlab's fixes; under an NDEBUG column (upstream-release,
/// upstream-2026-release), a silent miscompile is a new class; imprecise is
/// the program's precision, not a compiler bug.
StringRef meaning(const Finding &f) {
  if (f.outcome == Outcome::Imprecise)
    return "program precision";
  const VariantInfo *info = lookupVariant(f.variant);
  if (info && !info->isUpstream())
    return "dstlab fix";
  if (info && !info->assertions &&
      (f.outcome == Outcome::Miscompiled || f.outcome == Outcome::Hazard))
    return "silent miscompile";
  return "upstream";
}

} // namespace

int fuzzCommand(ArrayRef<std::string> argv, const char *argv0) {
  const StringRef cmd = "fuzz";
  std::optional<Args> args = parseArgs(cmd, argv,
                                       {"seed", "count", "variants", "ops",
                                        "jobs", "timeout", "out", "cell-exe"},
                                       {"no-loops", "generate-only", "quiet"});
  if (!args)
    return kToolError;
  if (!args->positional.empty()) {
    reportError(cmd, "unexpected argument '" + args->positional.front() +
                         "' (dstlab fuzz --seed S --count N [options])");
    return kToolError;
  }
  uint64_t seed = 0, count = 20;
  if (std::optional<std::string> s = args->get("seed"))
    if (StringRef(*s).getAsInteger(10, seed)) {
      reportError(cmd,
                  "--seed must be a non-negative integer, got '" + *s + "'");
      return kToolError;
    }
  if (std::optional<std::string> c = args->get("count"))
    if (StringRef(*c).getAsInteger(10, count) || count == 0 ||
        count > 1'000'000) {
      reportError(cmd,
                  "--count " + *c + ": a number of programs in 1..1000000");
      return kToolError;
    }
  GenOptions options;
  options.loops = !args->flag("no-loops");
  if (!parseOpsRange(cmd, *args, options))
    return kToolError;
  // By default the NDEBUG builds of the seed commit and of today's upstream
  // (where a miscompile is silent) and dstlab's fixes.
  std::vector<std::string> variants;
  for (StringRef v : {variants::kUpstreamRelease,
                      variants::kUpstream2026Release, variants::kFixed})
    if (llvm::is_contained(allVariants(), v.str()))
      variants.push_back(v.str());
  if (std::optional<std::string> v = args->get("variants")) {
    variants.clear();
    SmallVector<StringRef> parts;
    StringRef(*v).split(parts, ',', -1, /*KeepEmpty=*/false);
    for (StringRef p : parts) {
      p = p.trim();
      if (!llvm::is_contained(allVariants(), p.str())) {
        reportError(cmd, "--variants: unknown variant '" + p + "'" +
                             suggestNearest(p, allVariants()) +
                             " (variants: " + join(allVariants(), ", ") + ")");
        return kToolError;
      }
      if (!llvm::is_contained(variants, p.str()))
        variants.push_back(p.str());
    }
    if (variants.empty()) {
      reportError(cmd, "--variants: no variant named");
      return kToolError;
    }
  }
  std::optional<unsigned> jobsArg = parseJobs(cmd, *args);
  if (!jobsArg)
    return kToolError;
  unsigned jobs = *jobsArg;
  std::optional<double> timeoutArg = parseTimeout(cmd, *args, 30);
  if (!timeoutArg)
    return kToolError;
  double timeout = *timeoutArg;
  std::string outDir = args->get("out").value_or("reports/out/fuzz");
  std::string cellExe = cellExecutable(*args, argv0, (void *)&fuzzCommand);
  bool quiet = args->flag("quiet");

  if (std::error_code ec = sys::fs::create_directories(outDir)) {
    reportError(cmd, "--out " + outDir + ": " + ec.message());
    return kToolError;
  }
  if (!lockOutDir(cmd, outDir))
    return kToolError;
  auto sub = [&](StringRef a, StringRef b = "", StringRef c = "") {
    SmallString<256> p(outDir);
    for (StringRef part : {a, b, c})
      if (!part.empty())
        sys::path::append(p, part);
    return p.str().str();
  };
  for (StringRef d : {"programs", "found", "cells"})
    sys::fs::remove_directories(sub(d), /*IgnoreErrors=*/true);
  sys::fs::create_directories(sub("programs"));
  sys::fs::create_directories(sub("cells"));

  // Generate and check every program first: a generator bug must never be
  // reported as a compiler bug.
  mlir::DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.disableMultithreading();
  struct Program {
    uint64_t index;
    GeneratedProgram gen;
    std::string path;
  };
  std::vector<Program> programs;
  unsigned totalOps = 0;
  for (uint64_t k = 0; k < count; ++k) {
    std::string name = formatv("fuzz_{0}_{1}", seed, k).str();
    GeneratedProgram gen = generateProgram(programSeed(seed, k), name, options);
    if (Error e = checkProgramText(ctx, gen.text)) {
      reportError(cmd, "generator bug: program " + Twine(k) + " (" + name +
                           ") is not valid tl: " + toString(std::move(e)));
      return kToolError;
    }
    std::string path = sub("programs", name + ".mlir");
    if (Error e = writeFileAtomically(
            path,
            fuzzHeader(seed, k, count, options, nullptr) + "\n" + gen.text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
    totalOps += gen.blockOps;
    programs.push_back({k, std::move(gen), path});
  }
  if (args->flag("generate-only")) {
    outs() << programs.size() << " programs (" << totalOps << " block ops) in "
           << sub("programs") << "\n";
    return kToolOk;
  }

  std::vector<ChildJob> childJobs;
  std::vector<std::pair<size_t, std::string>> cellOf;
  for (size_t p = 0; p < programs.size(); ++p)
    for (const std::string &v : variants) {
      Probe probe;
      probe.exe = cellExe;
      probe.file = programs[p].path;
      probe.program = programs[p].gen.name;
      probe.variant = v;
      probe.json = sub("cells", programs[p].gen.name + "." + v + ".json");
      probe.timeoutSeconds = timeout;
      childJobs.push_back(probeJob(probe));
      cellOf.emplace_back(p, v);
    }
  errs() << "dstlab fuzz: seed " << seed << ", " << programs.size()
         << " programs (" << totalOps << " block ops), variants "
         << join(variants, ",") << ", " << childJobs.size() << " cells, "
         << jobs << " jobs\n";

  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  std::vector<std::optional<Finding>> findings(childJobs.size());
  std::map<std::string, size_t> seenKeys;
  size_t done = 0, failures = 0;
  if (Error e = runChildren(
          childJobs, jobs,
          [&](size_t i, ChildStatus status) {
            ++done;
            Finding f = findingFor(cellOf[i].second, classifyChild(status));
            const Program &prog = programs[cellOf[i].first];
            if (f.failed()) {
              ++failures;
              bool fresh = seenKeys.emplace(f.key(), i).second;
              errs() << "[" << done << "/" << childJobs.size() << "] "
                     << prog.gen.name << " " << f.variant << ": "
                     << f.outcomeKey() << (fresh ? "  (new bucket)" : "")
                     << "\n";
            } else if (!quiet && done % 10 == 0) {
              errs() << "[" << done << "/" << childJobs.size() << "] "
                     << failures << " failing cells, " << seenKeys.size()
                     << " buckets, " << fmtSeconds(elapsed()) << "\n";
            }
            findings[i] = std::move(f);
          },
          [](size_t, size_t) {})) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  double wall = elapsed();

  // Buckets, in key order; programs in index order: the same for a seed.
  std::map<std::string, Row> rows;
  std::vector<std::string> invalid;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding &f = *findings[i];
    if (!f.failed())
      continue;
    const Program &prog = programs[cellOf[i].first];
    if (f.outcome == Outcome::BadInput) {
      invalid.push_back(prog.gen.name + " (" + f.variant + ")");
      continue;
    }
    Row &row = rows[f.key()];
    row.finding = f;
    row.programs.push_back(prog.gen.name);
    std::string dir = sub("found", bucketId(f));
    sys::fs::create_directories(dir);
    std::string text =
        fuzzHeader(seed, prog.index, count, options, &f) + "\n" + prog.gen.text;
    if (Error e = writeFileAtomically(
            sub("found", bucketId(f), prog.gen.name + ".mlir"), text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
  }

  std::string md;
  raw_string_ostream os(md);
  os << "# dstlab fuzz --seed " << seed << " --count " << count << " --ops "
     << options.minOps << ".." << options.maxOps
     << (options.loops ? "" : " --no-loops") << " --variants "
     << join(variants, ",") << "\n\n"
     << programs.size() << " programs, " << totalOps << " block ops, "
     << childJobs.size() << " cells, " << failures << " not passing, "
     << rows.size() << " buckets\n\n";
  os << "| bucket | kind | cells | first program | signature |\n"
     << "|---|---|---|---|---|\n";
  json::Array bucketJson;
  for (const auto &[key, row] : rows) {
    os << "| " << bucketId(row.finding) << " | " << meaning(row.finding)
       << " | " << row.programs.size() << " | " << row.programs.front()
       << " | `" << key << "` |\n";
    json::Array progs;
    for (const std::string &p : row.programs)
      progs.push_back(p);
    bucketJson.push_back(
        json::Object{{"bucket", bucketId(row.finding)},
                     {"variant", row.finding.variant},
                     {"outcome", outcomeName(row.finding.outcome)},
                     {"signature", key},
                     {"kind", meaning(row.finding)},
                     {"programs", std::move(progs)}});
  }
  if (!invalid.empty())
    os << "\nInvalid programs (a generator bug: bad input to the cell): "
       << join(invalid, ", ") << "\n";
  if (Error e = writeFileAtomically(sub("summary.md"), md)) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  json::Object summary{
      {"seed", static_cast<int64_t>(seed)},
      {"count", static_cast<int64_t>(count)},
      {"ops", formatv("{0}..{1}", options.minOps, options.maxOps).str()},
      {"loops", options.loops},
      {"variants", json::Array(variants)},
      {"block_ops", static_cast<int64_t>(totalOps)},
      {"cells", static_cast<int64_t>(childJobs.size())},
      {"failing_cells", static_cast<int64_t>(failures)},
      {"buckets", std::move(bucketJson)},
      {"invalid_programs", json::Array(invalid)}};
  if (Error e = writeFileAtomically(
          sub("summary.json"),
          formatv("{0:2}", json::Value(std::move(summary))).str() + "\n")) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  sys::fs::remove_directories(sub("cells"), /*IgnoreErrors=*/true);
  outs() << md;
  errs() << "dstlab fuzz: wall " << fmtSeconds(wall) << " (" << jobs
         << " jobs); repro candidates in " << sub("found") << "\n";
  if (!invalid.empty()) {
    reportError(cmd, Twine(invalid.size()) +
                         " generated programs were refused as bad input "
                         "(a generator bug)");
    return kToolError;
  }
  return failures ? kToolFailed : kToolOk;
}

} // namespace dstlab::tool
