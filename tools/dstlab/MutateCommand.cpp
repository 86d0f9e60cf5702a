//===- MutateCommand.cpp - dstlab mutate-score ----------------------------===//
//
// Every passing cell of one variant's column is compiled once (in process,
// to list the mutation sites of harness/Mutate.h), run clean as a child to
// confirm it passes (and to fill the shared reference cache), then every
// sampled mutant runs as its own `dstlab cell --mutate KIND:SITE` child, like
// a matrix cell. A mutant is killed when it ends as a hazard, miscompiled or
// a deadlock; anything else is a survivor, which the command lists and
// which makes it exit 1.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "harness/Cell.h"
#include "harness/CellResult.h"
#include "harness/Classify.h"
#include "harness/Matrix.h"
#include "harness/Mutate.h"
#include "harness/RealTool.h"
#include "harness/Repro.h"
#include "harness/Runner.h"
#include "support/Limits.h"
#include "support/Suggest.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <thread>

using namespace llvm;
using namespace dstlab::harness;

namespace dstlab::tool {

namespace {

struct ScoreCell {
  const Repro *repro;
  const ReproConfig *config;
  std::string id() const { return repro->name + "/" + config->name; }
  /// Sites per kind (all of them, before sampling), descriptions.
  std::map<std::string, std::vector<std::string>> sites;
  double cleanSeconds = 0;
  /// Cores of the largest grid its programs run on.
  int64_t gridCores = 0;
};

struct Mutant {
  size_t cell;
  std::string kind;
  size_t site;
  std::string json;
  std::string outcome; ///< its name; empty until it ran
  std::string signature, message;
  bool killed = false;
  /// Survived the cell's inputs, killed at another input kind.
  bool killedAtUniform = false;
};

bool isKilled(Outcome outcome) {
  return outcome == Outcome::Hazard || outcome == Outcome::Miscompiled ||
         outcome == Outcome::Deadlock;
}

ChildJob cellJob(const std::string &exe, const ScoreCell &cell,
                 StringRef variant, StringRef seeds, StringRef refCache,
                 StringRef json, double timeout,
                 std::optional<std::string> inputKind = std::nullopt) {
  ChildJob job;
  job.argv = {exe,
              "cell",
              cell.repro->path,
              "--program",
              cell.config->name,
              "--variant",
              variant.str(),
              "--seeds",
              seeds.str(),
              "--ref-cache",
              refCache.str(),
              "--json",
              json.str()};
  std::string kind = inputKind.value_or(cell.config->inputKind);
  if (!kind.empty())
    job.argv.insert(job.argv.end(), {"--input-kind", kind});
  if (!cell.config->precision.empty())
    job.argv.insert(job.argv.end(), {"--precision", cell.config->precision});
  job.resultPath = json.str();
  job.timeoutSeconds = timeout;
  return job;
}

std::string fmtSeconds(double s) { return formatv("{0:f2} s", s).str(); }

} // namespace

int mutateScoreCommand(ArrayRef<std::string> argv, const char *argv0) {
  const StringRef cmd = "mutate-score";
  std::optional<Args> args =
      parseArgs(cmd, argv,
                {"variant", "filter", "kinds", "sites", "seed", "seeds", "jobs",
                 "timeout", "out", "cell-exe"},
                {"list", "quiet"});
  if (!args)
    return kToolError;

  std::string variant = args->get("variant").value_or(variants::kFixed.str());
  if (isRealVariant(variant) || !llvm::is_contained(allVariants(), variant)) {
    reportError(cmd, "unknown variant '" + variant + "'" +
                         suggestNearest(variant, allVariants()) +
                         " (variants: " + join(allVariants(), ", ") + ")");
    return kToolError;
  }
  std::optional<Regex> filter;
  if (std::optional<std::string> f = args->get("filter")) {
    filter.emplace(*f);
    std::string why;
    if (!filter->isValid(why)) {
      reportError(cmd, "--filter: " + why);
      return kToolError;
    }
  }
  std::vector<std::string> kinds;
  if (std::optional<std::string> k = args->get("kinds")) {
    SmallVector<StringRef> parts;
    StringRef(*k).split(parts, ',', -1, /*KeepEmpty=*/false);
    std::vector<std::string> names;
    for (const MutationKind &m : mutationKinds())
      names.push_back(m.name.str());
    for (StringRef p : parts) {
      if (!findMutationKind(p.trim())) {
        reportError(cmd, "--kinds: unknown kind '" + p.trim() + "'" +
                             suggestNearest(p.trim(), names));
        return kToolError;
      }
      kinds.push_back(p.trim().str());
    }
    if (kinds.empty()) {
      reportError(cmd, "--kinds: no kind named");
      return kToolError;
    }
  } else {
    for (const MutationKind &m : mutationKinds())
      kinds.push_back(m.name.str());
  }
  size_t siteLimit = 3;
  if (std::optional<std::string> s = args->get("sites")) {
    if (*s == "all")
      siteLimit = 0;
    else if (StringRef(*s).getAsInteger(10, siteLimit) || siteLimit == 0 ||
             siteLimit > 1'000'000) {
      reportError(cmd, "--sites " + *s +
                           ": a positive number of sites per kind and cell, "
                           "or 'all'");
      return kToolError;
    }
  }
  // The matrix's seeds by default (0..2): the oracle a cell is judged by.
  std::string seedsArg = "0..2";
  if (args->get("seeds") || args->get("seed")) {
    std::optional<std::vector<uint64_t>> seeds = parseSeeds(cmd, *args);
    if (!seeds)
      return kToolError;
    seedsArg = formatv("{0}..{1}", seeds->front(), seeds->back()).str();
  }
  std::optional<unsigned> jobsArg = parseJobs(cmd, *args);
  if (!jobsArg)
    return kToolError;
  unsigned jobs = *jobsArg;
  std::optional<double> timeoutArg = parseTimeout(cmd, *args, 60);
  if (!timeoutArg)
    return kToolError;
  double timeout = *timeoutArg;
  std::string outDir = args->get("out").value_or("reports/out/mutate");
  std::string cellExe =
      cellExecutable(*args, argv0, (void *)&mutateScoreCommand);

  // Repros and the variant's passing cells.
  std::optional<std::vector<std::string>> files = reproFilesArg(cmd, *args);
  if (!files)
    return kToolError;
  std::vector<Repro> repros;
  for (const std::string &file : *files) {
    Expected<Repro> repro = loadRepro(file, allVariants());
    if (!repro) {
      reportError(cmd, toString(repro.takeError()));
      return kToolError;
    }
    repros.push_back(std::move(*repro));
  }
  std::vector<ScoreCell> cells;
  for (const Repro &r : repros)
    for (const ReproConfig &c : r.configs) {
      auto e = c.expect.find(variant);
      if (e == c.expect.end() || e->second.outcome != Outcome::Pass)
        continue;
      ScoreCell cell{&r, &c, {}, 0};
      if (filter && !filter->match(cell.id()))
        continue;
      cells.push_back(std::move(cell));
    }
  if (cells.empty()) {
    reportError(cmd, "no cell of the " + variant +
                         " column is expected to pass (check --filter)");
    return kToolError;
  }

  // Sites: compile each cell once, in process.
  for (ScoreCell &cell : cells) {
    CellRequest request;
    request.reproPath = cell.repro->path;
    request.program = cell.config->name;
    request.variant = variant;
    request.precision = cell.config->precision;
    request.inputKind = cell.config->inputKind;
    request.compileOnly = true;
    std::string error;
    request.inspectKernelIR = [&](mlir::ModuleOp module) {
      for (auto program : module.getOps<ttkernel::ProgramOp>()) {
        llvm::ArrayRef<int64_t> g = program.getGrid();
        if (g.size() == 2)
          cell.gridCores = std::max(cell.gridCores, g[0] * g[1]);
      }
      for (const std::string &k : kinds) {
        Expected<std::vector<std::string>> sites = mutationSites(module, k);
        if (!sites) {
          error = toString(sites.takeError());
          return;
        }
        cell.sites[k] = std::move(*sites);
      }
    };
    CellResult r = runCell(request);
    if (r.outcome != Outcome::Compiled || !error.empty()) {
      std::string why = error.empty()
                            ? (outcomeName(r.outcome) + ": " + r.message).str()
                            : error;
      reportError(cmd, cell.id() + ": " + why);
      return kToolError;
    }
  }

  if (args->flag("list")) {
    for (const ScoreCell &cell : cells)
      for (const std::string &k : kinds) {
        const std::vector<std::string> &sites = cell.sites.at(k);
        std::vector<size_t> picked = sampleSites(sites.size(), siteLimit);
        for (size_t i = 0; i < sites.size(); ++i)
          outs() << cell.id() << " " << k << ":" << i
                 << (llvm::is_contained(picked, i) ? " * " : "   ") << sites[i]
                 << "\n";
      }
    return kToolOk;
  }

  if (std::error_code ec = sys::fs::create_directories(outDir)) {
    reportError(cmd, "--out " + outDir + ": " + ec.message());
    return kToolError;
  }
  if (!lockOutDir(cmd, outDir))
    return kToolError;
  SmallString<256> refCache(outDir), mutantDir(outDir);
  sys::path::append(refCache, "refs");
  sys::path::append(mutantDir, "mutants");
  sys::fs::remove_directories(refCache, /*IgnoreErrors=*/true);
  sys::fs::remove_directories(mutantDir, /*IgnoreErrors=*/true);
  auto jsonPath = [&](const ScoreCell &cell, StringRef name) {
    SmallString<256> dir(mutantDir);
    sys::path::append(dir, cell.repro->name, cell.config->name);
    sys::fs::create_directories(dir);
    sys::path::append(dir, name + ".json");
    return dir.str().str();
  };

  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  bool quiet = args->flag("quiet");

  // Clean runs: each cell must pass as it is, or its mutants mean nothing.
  std::vector<ChildJob> clean;
  for (const ScoreCell &cell : cells)
    clean.push_back(cellJob(cellExe, cell, variant, seedsArg, refCache,
                            jsonPath(cell, "clean"), timeout));
  bool cleanFailed = false;
  if (Error e = runChildren(
          clean, jobs,
          [&](size_t i, ChildStatus status) {
            Classification c = classifyChild(status);
            cells[i].cleanSeconds = status.seconds;
            if (c.outcome != Outcome::Pass) {
              cleanFailed = true;
              errs() << "dstlab mutate-score: " << cells[i].id()
                     << " does not pass under " << variant
                     << " unmutated: " << c.outcome
                     << (c.signature.empty() ? "" : " \"" + c.signature + "\"")
                     << "\n";
            }
          },
          [](size_t, size_t) {})) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  if (cleanFailed) {
    reportError(cmd, "the score needs cells that pass unmutated");
    return kToolError;
  }

  // Mutants: the costliest cells first, so that two jobs end together.
  std::vector<size_t> order(cells.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return cells[a].cleanSeconds > cells[b].cleanSeconds;
  });
  // Sites: at most siteLimit per kind and cell, one for a cell on a grid of
  // kLargeGridCores or more (the 8x10 ones, whose runs cost the most; a
  // property of the program, so the sample does not depend on the machine),
  // every site with --sites all.
  constexpr int64_t kLargeGridCores = 64;
  std::vector<Mutant> mutants;
  std::map<std::string, size_t> siteTotals;
  for (size_t ci : order) {
    const ScoreCell &cell = cells[ci];
    size_t limit = siteLimit && cell.gridCores >= kLargeGridCores
                       ? std::min<size_t>(siteLimit, 1)
                       : siteLimit;
    for (const std::string &k : kinds) {
      size_t count = cell.sites.at(k).size();
      siteTotals[k] += count;
      for (size_t site : sampleSites(count, limit))
        mutants.push_back({ci, k, site,
                           jsonPath(cell, k + "-" + std::to_string(site)), "",
                           "", "", false});
    }
  }
  errs() << "dstlab mutate-score: " << cells.size() << " passing " << variant
         << " cells, " << kinds.size() << " kinds, " << mutants.size()
         << " mutants (at most "
         << (siteLimit ? std::to_string(siteLimit) : std::string("every"))
         << " site(s) per kind and cell), seeds " << seedsArg << ", " << jobs
         << " jobs\n";

  // Runs the mutants `which` at `seeds` (and other inputs), and marks those
  // killed. A mutant killed at one seed is killed at the set (a structural
  // outcome stops at its seed; the worst seed's numbers decide), so every
  // mutant runs at the first seed and only survivors at the rest.
  size_t survivors = 0;
  auto runPhase = [&](const std::vector<size_t> &which, StringRef seeds,
                      std::optional<std::string> inputKind,
                      StringRef suffix) -> bool {
    std::vector<ChildJob> phaseJobs;
    for (size_t i : which) {
      const Mutant &m = mutants[i];
      std::string json = m.json;
      if (!suffix.empty())
        json = json.substr(0, json.size() - 5) + suffix.str() + ".json";
      phaseJobs.push_back(cellJob(cellExe, cells[m.cell], variant, seeds,
                                  refCache, json, timeout, inputKind));
      phaseJobs.back().argv.insert(
          phaseJobs.back().argv.end(),
          {"--mutate", m.kind + ":" + std::to_string(m.site)});
    }
    size_t done = 0;
    if (Error e = runChildren(
            phaseJobs, jobs,
            [&](size_t j, ChildStatus status) {
              Classification c = classifyChild(status);
              Mutant &m = mutants[which[j]];
              ++done;
              bool killed = isKilled(c.outcome);
              if (killed || m.outcome.empty()) {
                m.outcome = outcomeName(c.outcome).str();
                m.signature = c.signature;
                m.message = c.result ? c.result->message : c.crashLog;
              }
              if (killed) {
                m.killed = true;
                m.killedAtUniform = inputKind.has_value();
              }
              if (!quiet || !killed)
                errs() << "[" << done << "/" << which.size() << "] "
                       << (killed ? "killed " : "not killed ")
                       << cells[m.cell].id() << " " << m.kind << ":" << m.site
                       << suffix << ": " << c.outcome
                       << (c.signature.empty() ? "" : " " + c.signature)
                       << "\n";
            },
            [](size_t, size_t) {})) {
      reportError(cmd, toString(std::move(e)));
      return false;
    }
    return true;
  };
  auto survivorsWhere = [&](auto pred) {
    std::vector<size_t> out;
    for (size_t i = 0; i < mutants.size(); ++i)
      if (!mutants[i].killed &&
          (mutants[i].outcome == "pass" || mutants[i].outcome == "imprecise") &&
          pred(mutants[i]))
        out.push_back(i);
    return out;
  };
  std::vector<size_t> all(mutants.size());
  for (size_t i = 0; i < all.size(); ++i)
    all[i] = i;
  std::string firstSeed = StringRef(seedsArg).split("..").first.str();
  firstSeed += ".." + firstSeed;
  if (!runPhase(all, firstSeed, std::nullopt, ""))
    return kToolError;
  if (firstSeed != seedsArg) {
    std::vector<size_t> again =
        survivorsWhere([](const Mutant &) { return true; });
    if (!again.empty()) {
      errs() << "dstlab mutate-score: " << again.size()
             << " not killed at the first seed, again at seeds " << seedsArg
             << "\n";
      if (!runPhase(again, seedsArg, std::nullopt, "-seeds"))
        return kToolError;
    }
  }
  // The matrix judges a program at several input kinds (uniform draws and
  // the adversarial kinds of golden/Inputs.h, which stress what the others
  // never reach): a mutant that survives its cell's inputs runs again at
  // the other kinds, until one kills it. (Online softmax is invariant to its
  // stabiliser: a wrong running max, or its -inf start replaced by 0, only
  // shows when the scores are far from 0.)
  for (StringRef kind : reproInputKinds()) {
    std::vector<size_t> again = survivorsWhere([&](const Mutant &m) {
      StringRef own = cells[m.cell].config->inputKind;
      return (own.empty() ? StringRef("uniform") : own) != kind;
    });
    if (again.empty())
      continue; // every survivor is at this kind already
    errs() << "dstlab mutate-score: " << again.size()
           << " not killed at their cell's inputs, again at " << kind
           << " inputs\n";
    if (!runPhase(again, seedsArg, kind.str(), "-" + kind.str()))
      return kToolError;
  }
  for (const Mutant &m : mutants)
    survivors += !m.killed;
  double wall = elapsed();

  // The table.
  struct Row {
    size_t killed = 0, run = 0, atUniform = 0;
    std::map<std::string, size_t> outcomes;
  };
  std::map<std::string, Row> rows;
  for (const Mutant &m : mutants) {
    Row &r = rows[m.kind];
    ++r.run;
    r.killed += m.killed;
    r.atUniform += m.killedAtUniform;
    ++r.outcomes[m.outcome];
  }
  raw_ostream &os = outs();
  os << formatv("{0,-26} {1,6} {2,6} {3,7} {4,7}  {5}\n", "kind", "sites",
                "run", "killed", "score", "outcomes");
  size_t totalRun = 0, totalKilled = 0, totalSites = 0;
  json::Array kindRows;
  for (const std::string &k : kinds) {
    const Row &r = rows[k];
    std::string outcomes;
    for (auto &[o, n] : r.outcomes)
      outcomes += (outcomes.empty() ? "" : ", ") + o + " " + std::to_string(n);
    if (r.atUniform)
      outcomes += " (" + std::to_string(r.atUniform) + " at other inputs)";
    std::string score =
        r.run ? formatv("{0:f1}%", 100.0 * r.killed / r.run).str() : "-";
    os << formatv("{0,-26} {1,6} {2,6} {3,7} {4,7}  {5}\n", k, siteTotals[k],
                  r.run, r.killed, score, outcomes);
    totalRun += r.run;
    totalKilled += r.killed;
    totalSites += siteTotals[k];
    kindRows.push_back(json::Object{
        {"kind", k},
        {"sites", static_cast<int64_t>(siteTotals[k])},
        {"run", static_cast<int64_t>(r.run)},
        {"killed", static_cast<int64_t>(r.killed)},
        {"killed_at_other_inputs", static_cast<int64_t>(r.atUniform)}});
  }
  os << formatv("{0,-26} {1,6} {2,6} {3,7} {4,7}\n", "all", totalSites,
                totalRun, totalKilled,
                totalRun
                    ? formatv("{0:f1}%", 100.0 * totalKilled / totalRun).str()
                    : std::string("-"));
  json::Array survivorList;
  if (survivors) {
    os << "\nSurvivors (each an oracle bug, or an equivalent mutant "
          "harness/Mutate.cpp should have left out):\n";
    for (const Mutant &m : mutants) {
      if (m.killed)
        continue;
      const std::string &where = cells[m.cell].sites.at(m.kind)[m.site];
      os << "  " << cells[m.cell].id() << " " << m.kind << ":" << m.site << " ("
         << where << "): " << m.outcome << "\n    "
         << StringRef(m.message).split('\n').first << "\n";
      survivorList.push_back(
          json::Object{{"cell", cells[m.cell].id()},
                       {"mutation", m.kind + ":" + std::to_string(m.site)},
                       {"site", where},
                       {"outcome", m.outcome}});
    }
  }
  os << formatv("\n{0} cells, {1} mutants, {2} killed, {3} survived; wall "
                "{4} ({5} jobs)\n",
                cells.size(), totalRun, totalKilled, survivors,
                fmtSeconds(wall), jobs);
  SmallString<256> scorePath(outDir);
  sys::path::append(scorePath, "score.json");
  json::Object summary{{"variant", variant},
                       {"cells", static_cast<int64_t>(cells.size())},
                       {"seeds", seedsArg},
                       {"sites_per_kind", static_cast<int64_t>(siteLimit)},
                       {"mutants", static_cast<int64_t>(totalRun)},
                       {"killed", static_cast<int64_t>(totalKilled)},
                       {"kinds", std::move(kindRows)},
                       {"survivors", std::move(survivorList)}};
  if (Error e = writeFileAtomically(
          scorePath,
          formatv("{0:2}", json::Value(std::move(summary))).str() + "\n")) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  sys::fs::remove_directories(refCache, /*IgnoreErrors=*/true);
  return survivors ? kToolFailed : kToolOk;
}

} // namespace dstlab::tool
