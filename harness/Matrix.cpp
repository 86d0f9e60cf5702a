//===- Matrix.cpp - a matrix run: cells, JSON, merge ----------------------===//

#include "harness/Matrix.h"

#include "harness/CellResult.h"
#include "harness/Classify.h"
#include "harness/RealTool.h"
#include "support/Limits.h"
#include "support/UpstreamAsserts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>
#include <set>

using namespace llvm;

namespace dstlab::harness {

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

} // namespace

double roundSeconds(double s) { return std::round(s * 1000.0) / 1000.0; }

const CellResult &CellRecord::reported() const {
  static const CellResult none;
  return result ? *result : none;
}

std::string formatNumber(std::optional<double> value, int digits) {
  if (!value)
    return "\u2014";
  if (std::isnan(*value))
    return "NaN";
  if (std::isinf(*value))
    return *value > 0 ? "inf" : "-inf";
  char buffer[64];
  snprintf(buffer, sizeof(buffer), "%.*g", digits, *value);
  return buffer;
}

std::string seedsText(ArrayRef<uint64_t> seeds) {
  if (seeds.size() == 1)
    return "seed " + std::to_string(seeds.front());
  bool contiguous = !seeds.empty();
  for (size_t i = 1; i < seeds.size(); ++i)
    contiguous &= seeds[i] == seeds[i - 1] + 1;
  if (contiguous)
    return "seeds " + std::to_string(seeds.front()) + ".." +
           std::to_string(seeds.back());
  std::string out = "seeds ";
  for (size_t i = 0; i < seeds.size(); ++i)
    out += (i ? ", " : "") + std::to_string(seeds[i]);
  return out;
}

std::string formatPercent(std::optional<double> fraction) {
  if (!fraction)
    return "\u2014";
  return formatNumber(*fraction * 100.0, 3) + "%";
}

ReproInfo ReproInfo::from(const Repro &repro) {
  ReproInfo info;
  info.name = repro.name;
  info.file = repro.path;
  info.origin = repro.origin;
  info.shows = repro.shows;
  info.attention = repro.attention;
  for (const ReproConfig &c : repro.configs)
    info.configs.push_back({c.name, c.description});
  return info;
}

bool ReproInfo::operator==(const ReproInfo &o) const {
  if (name != o.name || file != o.file || origin != o.origin ||
      shows != o.shows || attention != o.attention ||
      configs.size() != o.configs.size())
    return false;
  for (size_t i = 0; i < configs.size(); ++i)
    if (configs[i].name != o.configs[i].name ||
        configs[i].description != o.configs[i].description)
      return false;
  return true;
}

const ReproInfo *MatrixRun::findRepro(StringRef name) const {
  for (const ReproInfo &r : repros)
    if (r.name == name)
      return &r;
  return nullptr;
}

const CellRecord *MatrixRun::findCell(StringRef repro, StringRef config,
                                      StringRef variant) const {
  for (const CellRecord &c : cells)
    if (c.repro == repro && c.config == config && c.variant == variant)
      return &c;
  return nullptr;
}

bool MatrixRun::allAsExpected() const {
  return llvm::all_of(cells, [](const CellRecord &c) { return c.asExpected; });
}

MatrixSummary summarize(const MatrixRun &run) {
  MatrixSummary s;
  for (const CellRecord &c : run.cells) {
    ++s.cells;
    ++(c.asExpected ? s.asExpected : s.unexpected);
    ++s.outcomes[c.outcome];
  }
  return s;
}

/// The model prints clang's line of a multi-line upstream assert by
/// default; a g++ build prints the first line. Same assert, same site.
static bool sameSite(const std::optional<std::string> &a,
                     const std::optional<std::string> &b) {
  if (!a || !b)
    return a == b;
  return sameUpstreamAssert(*a, *b);
}

void markModelDivergence(MatrixRun &run) {
  auto describe = [](const CellRecord &c) {
    std::string text = c.variant + ": " + outcomeName(c.outcome).str();
    if (c.signature)
      text += " \"" + *c.signature + "\"";
    if (c.crashSite)
      text += " (" + *c.crashSite + ")";
    return text;
  };
  for (const RealToolInfo &tool : run.realTools) {
    if (tool.model.empty() || !llvm::is_contained(run.variants, tool.model))
      continue;
    for (CellRecord &real : run.cells) {
      if (real.variant != tool.variant)
        continue;
      real.modelDiverges.reset();
      const CellRecord *model =
          run.findCell(real.repro, real.config, tool.model);
      // A program the commit's syntax cannot express never reached the real
      // tool: there is nothing to hold the model to.
      if (!model || (real.signature &&
                     StringRef(*real.signature).starts_with("export: ")))
        continue;
      if (model->outcome != real.outcome ||
          model->signature != real.signature ||
          !sameSite(model->crashSite, real.crashSite))
        real.modelDiverges = describe(*model);
    }
  }
}

CellRecord makeCellRecord(const Repro &repro, const ReproConfig &config,
                          StringRef variant, const Classification &cls,
                          std::optional<double> seconds,
                          std::optional<std::string> dump) {
  auto nonEmpty = [](const std::string &s) -> std::optional<std::string> {
    if (s.empty())
      return std::nullopt;
    return s;
  };
  CellRecord cell;
  cell.repro = repro.name;
  cell.config = config.name;
  cell.variant = variant.str();
  cell.outcome = cls.outcome;
  cell.signature = nonEmpty(cls.signature);
  cell.crashSite = nonEmpty(cls.crashSite);
  cell.exitStatus = nonEmpty(cls.exitStatus);
  cell.crashLog = nonEmpty(cls.crashLog);
  cell.result = cls.result;
  if (seconds)
    cell.seconds = roundSeconds(*seconds);
  cell.dump = std::move(dump);
  auto e = config.expect.find(variant.str());
  if (isRealVariant(variant)) {
    // A real tool has no expectation: what it does is the observation. Only
    // dstlab's own failure to observe it (its crash, a bad recording) is
    // not as expected.
    cell.expected = "observed";
    cell.asExpected = cls.result && cell.outcome != Outcome::BadInput;
  } else if (e != config.expect.end()) {
    cell.expected = e->second.str();
    cell.asExpected = meetsExpectation(
        e->second, cell.outcome, cls.signature,
        cls.result ? &cls.result->hazards : nullptr, repro.attention,
        cls.result ? cls.result->isAttention : std::nullopt);
  }
  return cell;
}

void sortCells(MatrixRun &run) {
  std::map<std::string, size_t> reproIndex, variantIndex;
  std::map<std::pair<std::string, std::string>, size_t> configIndex;
  for (auto [i, r] : llvm::enumerate(run.repros)) {
    reproIndex[r.name] = i;
    for (auto [j, c] : llvm::enumerate(r.configs))
      configIndex[{r.name, c.name}] = j;
  }
  for (auto [i, v] : llvm::enumerate(run.variants))
    variantIndex[v] = i;
  auto key = [&](const CellRecord &c) {
    return std::make_tuple(reproIndex[c.repro],
                           configIndex[{c.repro, c.config}],
                           variantIndex[c.variant], c.id());
  };
  llvm::stable_sort(run.cells, [&](const CellRecord &a, const CellRecord &b) {
    return key(a) < key(b);
  });
}

Expected<MatrixRun> mergeRuns(std::vector<MatrixRun> runs,
                              ArrayRef<std::string> names) {
  if (runs.empty())
    return makeError("merge: no inputs");
  auto name = [&](size_t i) -> std::string {
    return i < names.size() ? names[i] : "input " + std::to_string(i + 1);
  };
  MatrixRun merged = runs.front();
  merged.cells.clear();
  merged.shard.reset();
  const MatrixRun &first = runs.front();
  for (size_t i = 1; i < runs.size(); ++i) {
    const MatrixRun &run = runs[i];
    auto mismatch = [&](StringRef what) {
      return makeError("merge: " + name(i) + " and " + name(0) + " differ in " +
                       what + "; they are not shards of one run");
    };
    if (run.schema != first.schema)
      return mismatch("schema (" + run.schema + " vs " + first.schema + ")");
    if (run.seeds != first.seeds)
      return mismatch("seeds (" + seedsText(run.seeds) + " vs " +
                      seedsText(first.seeds) + ")");
    if (run.variants != first.variants)
      return mismatch("variants");
    if (run.realTools != first.realTools)
      return mismatch("real_tools");
    if (run.filter != first.filter)
      return mismatch("filter");
    if (run.timeoutSeconds != first.timeoutSeconds)
      return mismatch("time limit");
    if (run.repros != first.repros)
      return mismatch("repros");
  }

  // Shards: either all unsharded, or one complete set i/n.
  bool anySharded = llvm::any_of(
      runs, [](const MatrixRun &r) { return r.shard.has_value(); });
  if (anySharded) {
    unsigned total = 0;
    std::set<unsigned> indices;
    for (size_t i = 0; i < runs.size(); ++i) {
      if (!runs[i].shard)
        return makeError("merge: " + name(i) +
                         " is not a shard but other inputs are");
      if (total && runs[i].shard->second != total)
        return makeError("merge: " + name(i) + " is a shard of " +
                         std::to_string(runs[i].shard->second) +
                         ", others of " + std::to_string(total));
      total = runs[i].shard->second;
      if (!indices.insert(runs[i].shard->first).second)
        return makeError(
            "merge: shard " + std::to_string(runs[i].shard->first) + "/" +
            std::to_string(total) + " given twice (" + name(i) + ")");
    }
    if (indices.size() != total) {
      std::string missing;
      for (unsigned k = 0; k < total; ++k)
        if (!indices.count(k))
          missing += (missing.empty() ? "" : ", ") + std::to_string(k) + "/" +
                     std::to_string(total);
      return makeError("merge: incomplete set of shards; missing " + missing);
    }
  }

  std::set<std::string> seen;
  std::optional<MatrixTiming> timing = MatrixTiming{};
  for (size_t i = 0; i < runs.size(); ++i) {
    for (CellRecord &cell : runs[i].cells) {
      if (!seen.insert(cell.id()).second)
        return makeError("merge: cell " + cell.id() +
                         " appears twice (again in " + name(i) + ")");
      merged.cells.push_back(std::move(cell));
    }
    if (!runs[i].timing)
      timing.reset();
    else if (timing) {
      timing->wallSeconds =
          std::max(timing->wallSeconds, runs[i].timing->wallSeconds);
      timing->jobs += runs[i].timing->jobs;
    }
  }
  merged.timing = timing;
  sortCells(merged);
  markModelDivergence(merged);
  return merged;
}

Error writeFileAtomically(StringRef path, StringRef contents) {
  StringRef parent = sys::path::parent_path(path);
  if (!parent.empty())
    if (std::error_code ec = sys::fs::create_directories(parent))
      return makeError(parent + ": cannot create directory: " + ec.message());
  if (Error e = writeToOutput(path, [&](raw_ostream &os) {
        os << contents;
        return Error::success();
      }))
    return makeError(path + ": cannot write: " + toString(std::move(e)));
  return Error::success();
}

} // namespace dstlab::harness
