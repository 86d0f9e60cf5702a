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

template <typename T> json::Value orNull(const std::optional<T> &v) {
  if (!v)
    return nullptr;
  return *v;
}

/// Seconds are kept to the millisecond: more is noise.
double roundSeconds(double s) { return std::round(s * 1000.0) / 1000.0; }

} // namespace

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
  CellRecord cell;
  cell.repro = repro.name;
  cell.config = config.name;
  cell.variant = variant.str();
  cell.outcome = cls.outcome;
  auto nonEmpty = [](const std::string &s) -> std::optional<std::string> {
    if (s.empty())
      return std::nullopt;
    return s;
  };
  cell.signature = nonEmpty(cls.signature);
  cell.crashSite = nonEmpty(cls.crashSite);
  cell.exitStatus = nonEmpty(cls.exitStatus);
  cell.crashLog = nonEmpty(cls.crashLog);
  if (seconds)
    cell.seconds = roundSeconds(*seconds);
  cell.dump = std::move(dump);
  const std::vector<HazardRecord> *hazards = nullptr;
  if (cls.result) {
    const CellResult &r = *cls.result;
    cell.message = nonEmpty(r.message);
    cell.pcc = r.pcc;
    cell.maxError = r.maxError;
    cell.exactBound = r.exactBound;
    cell.faithfulMaxError = r.faithfulMaxError;
    cell.faithfulRmsError = r.faithfulRmsError;
    cell.faithfulMaxBound = r.faithfulMaxBound;
    cell.faithfulRmsBound = r.faithfulRmsBound;
    cell.outputNonFinite = r.outputNonFinite;
    cell.peakTflops = r.peakTflops;
    cell.seeds = r.seeds;
    cell.inputKind = nonEmpty(r.inputKind);
    cell.precision = nonEmpty(r.precision);
    cell.fidelity = nonEmpty(r.fidelity);
    cell.hazards = r.hazards;
    hazards = &r.hazards;
    cell.cycles = r.cycles;
    cell.cores = r.cores;
    cell.clockGHz = r.clockGHz;
    cell.tflops = r.tflops;
    cell.utilisation = r.utilisation;
    cell.attention = r.isAttention;
  }
  auto e = config.expect.find(variant.str());
  if (isRealVariant(variant)) {
    // A real tool has no expectation: what it does is the observation. Only
    // dstlab's own failure to observe it (its crash, a bad recording) is
    // not as expected.
    cell.expected = "observed";
    cell.asExpected = cls.result && cell.outcome != Outcome::BadInput;
  } else if (e != config.expect.end()) {
    cell.expected = e->second.str();
    cell.asExpected =
        meetsExpectation(e->second, cell.outcome, cls.signature, hazards,
                         repro.attention, cell.attention);
  }
  return cell;
}

json::Value toJSON(const CellRecord &c) {
  json::Value hazards = nullptr;
  if (c.hazards) {
    json::Array a;
    for (const HazardRecord &h : *c.hazards)
      a.push_back(toJSON(h));
    hazards = std::move(a);
  }
  json::Value seeds = nullptr;
  if (c.seeds) {
    json::Array a;
    for (const SeedResult &s : *c.seeds)
      a.push_back(toJSON(s));
    seeds = std::move(a);
  }
  json::Object o{
      {"repro", c.repro},
      {"config", c.config},
      {"variant", c.variant},
      {"outcome", outcomeName(c.outcome)},
      {"expected", c.expected},
      {"as_expected", c.asExpected},
      {"signature", orNull(c.signature)},
      {"crash_site", orNull(c.crashSite)},
      {"message", orNull(c.message)},
      {"exit_status", orNull(c.exitStatus)},
      {"crash_log", orNull(c.crashLog)},
      {"dump", orNull(c.dump)},
      {"hazards", std::move(hazards)},
      {"seeds", std::move(seeds)},
      {"output_non_finite", c.outputNonFinite},
      {"input_kind", orNull(c.inputKind)},
      {"precision", orNull(c.precision)},
      {"fidelity", orNull(c.fidelity)},
      {"cycles", orNull(c.cycles)},
      {"cores", orNull(c.cores)},
      {"seconds", orNull(c.seconds)},
      {"attention", orNull(c.attention)},
      {"model_diverges", orNull(c.modelDiverges)},
  };
  json::Object nonFinite;
  for (auto [key, field] :
       {std::pair<StringRef, const std::optional<double> *>{"pcc", &c.pcc},
        {"max_error", &c.maxError},
        {"exact_bound", &c.exactBound},
        {"faithful_max_error", &c.faithfulMaxError},
        {"faithful_rms_error", &c.faithfulRmsError},
        {"faithful_max_bound", &c.faithfulMaxBound},
        {"faithful_rms_bound", &c.faithfulRmsBound},
        {"tflops", &c.tflops},
        {"utilisation", &c.utilisation},
        {"peak_tflops", &c.peakTflops},
        {"clock_ghz", &c.clockGHz}})
    o[key] = figureJSON(*field, key, nonFinite);
  o["non_finite"] = std::move(nonFinite);
  return o;
}

json::Value toJSON(const MatrixRun &run) {
  json::Array repros;
  for (const ReproInfo &r : run.repros) {
    json::Array configs;
    for (const ReproInfo::Config &c : r.configs)
      configs.push_back(
          json::Object{{"name", c.name}, {"description", c.description}});
    repros.push_back(json::Object{{"name", r.name},
                                  {"file", r.file},
                                  {"origin", r.origin},
                                  {"shows", r.shows},
                                  {"attention", orNull(r.attention)},
                                  {"configs", std::move(configs)}});
  }
  json::Array cells;
  for (const CellRecord &c : run.cells)
    cells.push_back(toJSON(c));
  MatrixSummary s = summarize(run);
  json::Object outcomes;
  for (const auto &[outcome, count] : s.outcomes)
    outcomes[outcomeName(outcome)] = static_cast<int64_t>(count);
  json::Value shard = nullptr;
  if (run.shard)
    shard =
        json::Object{{"index", run.shard->first}, {"total", run.shard->second}};
  json::Value timing = nullptr;
  if (run.timing)
    timing =
        json::Object{{"wall_seconds", roundSeconds(run.timing->wallSeconds)},
                     {"jobs", run.timing->jobs}};
  json::Array variants;
  for (const std::string &v : run.variants)
    variants.push_back(v);
  json::Array realTools;
  for (const RealToolInfo &t : run.realTools)
    realTools.push_back(
        json::Object{{"variant", t.variant},
                     {"commit", t.commit},
                     {"asserts", t.asserts},
                     {"recorded", t.recorded},
                     {"model", t.model.empty() ? json::Value(nullptr)
                                               : json::Value(t.model)}});
  return json::Object{
      {"schema", run.schema},
      {"seed", run.seed},
      {"seeds",
       [&] {
         json::Array a;
         for (uint64_t v : run.seeds)
           a.push_back(v);
         return a;
       }()},
      {"timeout_seconds", run.timeoutSeconds},
      {"variants", std::move(variants)},
      {"real_tools", std::move(realTools)},
      {"filter", orNull(run.filter)},
      {"shard", std::move(shard)},
      {"repros", std::move(repros)},
      {"cells", std::move(cells)},
      {"summary",
       json::Object{{"cells", static_cast<int64_t>(s.cells)},
                    {"as_expected", static_cast<int64_t>(s.asExpected)},
                    {"unexpected", static_cast<int64_t>(s.unexpected)},
                    {"outcomes", std::move(outcomes)}}},
      {"timing", std::move(timing)},
  };
}

std::string serializeMatrix(const MatrixRun &run) {
  std::string out;
  raw_string_ostream os(out);
  os << formatv("{0:2}", toJSON(run)) << "\n";
  return out;
}

//===----------------------------------------------------------------------===//
// Reading
//===----------------------------------------------------------------------===//

namespace {

/// Typed access to JSON with errors that name the source and the JSON path.
class Reader {
public:
  explicit Reader(StringRef source) : source(source.str()) {}

  Error fail(const Twine &where, const Twine &what) const {
    return makeError(source + ": " + where + ": " + what);
  }

  Expected<const json::Object *> object(const json::Value &v,
                                        const Twine &where) const {
    if (const json::Object *o = v.getAsObject())
      return o;
    return fail(where, "expected an object");
  }

  Expected<const json::Value *> field(const json::Object &o, StringRef key,
                                      const Twine &where) const {
    if (const json::Value *v = o.get(key))
      return v;
    return fail(where, "missing key '" + key + "'");
  }

  Expected<std::string> string(const json::Object &o, StringRef key,
                               const Twine &where) const {
    Expected<const json::Value *> v = field(o, key, where);
    if (!v)
      return v.takeError();
    if (std::optional<StringRef> s = (*v)->getAsString())
      return s->str();
    return fail(where + "." + key, "expected a string");
  }

  Error optString(const json::Object &o, StringRef key, const Twine &where,
                  std::optional<std::string> &out) const {
    Expected<const json::Value *> v = field(o, key, where);
    if (!v)
      return v.takeError();
    if ((*v)->kind() == json::Value::Null)
      return Error::success();
    if (std::optional<StringRef> s = (*v)->getAsString()) {
      out = s->str();
      return Error::success();
    }
    return fail(where + "." + key, "expected a string or null");
  }

  Error optNumber(const json::Object &o, StringRef key, const Twine &where,
                  std::optional<double> &out) const {
    Expected<const json::Value *> v = field(o, key, where);
    if (!v)
      return v.takeError();
    if ((*v)->kind() == json::Value::Null)
      return Error::success();
    // 1e400 parses as inf: not a number JSON can hold, nor one to write.
    if (std::optional<double> d = (*v)->getAsNumber(); d && std::isfinite(*d)) {
      out = *d;
      return Error::success();
    }
    return fail(where + "." + key, "expected a finite number or null");
  }

  /// A number in [0, max] (seconds, time limits), or null.
  Error optSeconds(const json::Object &o, StringRef key, const Twine &where,
                   double max, std::optional<double> &out) const {
    if (Error e = optNumber(o, key, where, out))
      return e;
    if (out && !(*out >= 0 && *out <= max))
      return fail(where + "." + key, formatNumber(*out, 6) +
                                         " is outside [0, " +
                                         formatNumber(max, 6) + "]");
    return Error::success();
  }

  Error optBool(const json::Object &o, StringRef key, const Twine &where,
                std::optional<bool> &out) const {
    Expected<const json::Value *> v = field(o, key, where);
    if (!v)
      return v.takeError();
    if ((*v)->kind() == json::Value::Null)
      return Error::success();
    if (std::optional<bool> b = (*v)->getAsBoolean()) {
      out = *b;
      return Error::success();
    }
    return fail(where + "." + key, "expected true, false or null");
  }

  Expected<uint64_t> unsignedInt(const json::Value &v,
                                 const Twine &where) const {
    if (std::optional<uint64_t> u = v.getAsUINT64())
      return *u;
    return fail(where, "expected a non-negative integer");
  }

  /// An integer in [0, max]: the value and the limit are named otherwise.
  Expected<uint64_t> boundedInt(const json::Value &v, const Twine &where,
                                uint64_t max) const {
    Expected<uint64_t> u = unsignedInt(v, where);
    if (!u)
      return u.takeError();
    if (*u > max)
      return fail(where, formatv("{0} is over the limit of {1}", *u, max));
    return *u;
  }

private:
  std::string source;
};

} // namespace

Expected<MatrixRun> parseMatrix(StringRef text, StringRef source) {
  if (Error e = limits::checkJsonDepth(text, source))
    return e;
  Expected<json::Value> value = json::parse(text);
  if (!value)
    return makeError(source +
                     ": not valid JSON: " + toString(value.takeError()));
  Reader r(source);
  Expected<const json::Object *> top = r.object(*value, "top level");
  if (!top)
    return top.takeError();
  const json::Object &o = **top;
  MatrixRun run;

  Expected<std::string> schema = r.string(o, "schema", "top level");
  if (!schema)
    return r.fail("top level",
                  "no \"schema\" string: not a dstlab matrix JSON");
  if (*schema != kMatrixSchema)
    return r.fail("schema", "unsupported schema '" + *schema +
                                "' (this dstlab reads '" + kMatrixSchema +
                                "')");
  run.schema = *schema;

  Expected<const json::Value *> seed = r.field(o, "seed", "top level");
  if (!seed)
    return seed.takeError();
  Expected<uint64_t> seedValue = r.unsignedInt(**seed, "seed");
  if (!seedValue)
    return seedValue.takeError();
  run.seed = *seedValue;
  run.seeds = {run.seed};
  if (const json::Array *seeds = o.getArray("seeds")) {
    run.seeds.clear();
    for (auto [i, v] : llvm::enumerate(*seeds)) {
      Expected<uint64_t> n = r.unsignedInt(v, "seeds[" + Twine(i) + "]");
      if (!n)
        return n.takeError();
      run.seeds.push_back(*n);
    }
    if (run.seeds.empty())
      return r.fail("seeds", "expected at least one seed");
  }

  std::optional<double> timeout;
  if (Error e = r.optSeconds(o, "timeout_seconds", "top level",
                             limits::kMaxTimeoutSeconds, timeout))
    return e;
  run.timeoutSeconds = timeout.value_or(0);
  if (Error e = r.optString(o, "filter", "top level", run.filter))
    return e;

  Expected<const json::Value *> variants = r.field(o, "variants", "top level");
  if (!variants)
    return variants.takeError();
  const json::Array *variantArray = (*variants)->getAsArray();
  if (!variantArray)
    return r.fail("variants", "expected an array of strings");
  for (auto [i, v] : llvm::enumerate(*variantArray)) {
    std::optional<StringRef> s = v.getAsString();
    if (!s)
      return r.fail("variants[" + Twine(i) + "]", "expected a string");
    run.variants.push_back(s->str());
  }

  if (const json::Value *tools = o.get("real_tools");
      tools && tools->kind() != json::Value::Null) {
    const json::Array *array = tools->getAsArray();
    if (!array)
      return r.fail("real_tools", "expected an array");
    for (auto [i, tv] : llvm::enumerate(*array)) {
      std::string where = ("real_tools[" + Twine(i) + "]").str();
      Expected<const json::Object *> to = r.object(tv, where);
      if (!to)
        return to.takeError();
      RealToolInfo t;
      for (auto [key, out] :
           {std::pair<StringRef, std::string *>{"variant", &t.variant},
            {"commit", &t.commit}}) {
        Expected<std::string> v = r.string(**to, key, where);
        if (!v)
          return v.takeError();
        *out = std::move(*v);
      }
      std::optional<bool> asserts, recorded;
      if (Error e = r.optBool(**to, "asserts", where, asserts))
        return e;
      if (Error e = r.optBool(**to, "recorded", where, recorded))
        return e;
      std::optional<std::string> model;
      if (Error e = r.optString(**to, "model", where, model))
        return e;
      t.asserts = asserts.value_or(true);
      t.recorded = recorded.value_or(false);
      t.model = model.value_or("");
      if (!isRealVariant(t.variant) ||
          !llvm::is_contained(run.variants, t.variant))
        return r.fail(where + ".variant",
                      "'" + t.variant +
                          "' is not a real: variant listed in "
                          "\"variants\"");
      run.realTools.push_back(std::move(t));
    }
  }

  if (const json::Value *shard = o.get("shard");
      shard && shard->kind() != json::Value::Null) {
    Expected<const json::Object *> so = r.object(*shard, "shard");
    if (!so)
      return so.takeError();
    Expected<const json::Value *> index = r.field(**so, "index", "shard");
    Expected<const json::Value *> total = r.field(**so, "total", "shard");
    if (!index)
      return index.takeError();
    if (!total)
      return total.takeError();
    Expected<uint64_t> i =
        r.boundedInt(**index, "shard.index", limits::kMaxShards - 1);
    Expected<uint64_t> n =
        r.boundedInt(**total, "shard.total", limits::kMaxShards);
    if (!i)
      return i.takeError();
    if (!n)
      return n.takeError();
    if (*n == 0 || *i >= *n)
      return r.fail("shard", "index must be below total");
    run.shard = {static_cast<unsigned>(*i), static_cast<unsigned>(*n)};
  }

  if (const json::Value *timing = o.get("timing");
      timing && timing->kind() != json::Value::Null) {
    Expected<const json::Object *> to = r.object(*timing, "timing");
    if (!to)
      return to.takeError();
    MatrixTiming t;
    std::optional<double> wall;
    if (Error e = r.optSeconds(**to, "wall_seconds", "timing",
                               limits::kMaxWallSeconds, wall))
      return e;
    t.wallSeconds = wall.value_or(0);
    if (const json::Value *jobs = (*to)->get("jobs");
        jobs && jobs->kind() != json::Value::Null) {
      Expected<uint64_t> n =
          r.boundedInt(*jobs, "timing.jobs", limits::kMaxJobs);
      if (!n)
        return n.takeError();
      t.jobs = static_cast<unsigned>(*n);
    }
    run.timing = t;
  }

  Expected<const json::Value *> repros = r.field(o, "repros", "top level");
  if (!repros)
    return repros.takeError();
  const json::Array *reproArray = (*repros)->getAsArray();
  if (!reproArray)
    return r.fail("repros", "expected an array");
  for (auto [i, rv] : llvm::enumerate(*reproArray)) {
    std::string where = ("repros[" + Twine(i) + "]").str();
    Expected<const json::Object *> ro = r.object(rv, where);
    if (!ro)
      return ro.takeError();
    ReproInfo info;
    for (auto [key, out] :
         {std::pair<StringRef, std::string *>{"name", &info.name},
          {"file", &info.file},
          {"origin", &info.origin},
          {"shows", &info.shows}}) {
      Expected<std::string> s = r.string(**ro, key, where);
      if (!s)
        return s.takeError();
      *out = std::move(*s);
    }
    if (Error e = r.optBool(**ro, "attention", where, info.attention))
      return e;
    Expected<const json::Value *> configs = r.field(**ro, "configs", where);
    if (!configs)
      return configs.takeError();
    const json::Array *configArray = (*configs)->getAsArray();
    if (!configArray)
      return r.fail(where + ".configs", "expected an array");
    for (auto [j, cv] : llvm::enumerate(*configArray)) {
      std::string cwhere = (where + ".configs[" + Twine(j) + "]").str();
      Expected<const json::Object *> co = r.object(cv, cwhere);
      if (!co)
        return co.takeError();
      Expected<std::string> name = r.string(**co, "name", cwhere);
      if (!name)
        return name.takeError();
      Expected<std::string> description = r.string(**co, "description", cwhere);
      if (!description)
        return description.takeError();
      info.configs.push_back({*name, *description});
    }
    if (run.findRepro(info.name))
      return r.fail(where, "duplicate repro '" + info.name + "'");
    run.repros.push_back(std::move(info));
  }

  Expected<const json::Value *> cells = r.field(o, "cells", "top level");
  if (!cells)
    return cells.takeError();
  const json::Array *cellArray = (*cells)->getAsArray();
  if (!cellArray)
    return r.fail("cells", "expected an array");
  std::set<std::string> seen;
  for (auto [i, cv] : llvm::enumerate(*cellArray)) {
    std::string where = ("cells[" + Twine(i) + "]").str();
    Expected<const json::Object *> co = r.object(cv, where);
    if (!co)
      return co.takeError();
    const json::Object &c = **co;
    CellRecord cell;
    for (auto [key, out] :
         {std::pair<StringRef, std::string *>{"repro", &cell.repro},
          {"config", &cell.config},
          {"variant", &cell.variant},
          {"expected", &cell.expected}}) {
      Expected<std::string> s = r.string(c, key, where);
      if (!s)
        return s.takeError();
      *out = std::move(*s);
    }
    std::optional<bool> asExpected;
    if (Error e = r.optBool(c, "as_expected", where, asExpected))
      return e;
    if (!asExpected)
      return r.fail(where + ".as_expected", "expected true or false");
    cell.asExpected = *asExpected;
    for (auto [key, out] : {std::pair<StringRef, std::optional<std::string> *>{
                                "signature", &cell.signature},
                            {"crash_site", &cell.crashSite},
                            {"message", &cell.message},
                            {"exit_status", &cell.exitStatus},
                            {"crash_log", &cell.crashLog},
                            {"dump", &cell.dump}})
      if (Error e = r.optString(c, key, where, *out))
        return e;
    for (auto [key, out] :
         {std::pair<StringRef, std::optional<double> *>{"pcc", &cell.pcc},
          {"max_error", &cell.maxError},
          {"exact_bound", &cell.exactBound},
          {"faithful_max_error", &cell.faithfulMaxError},
          {"faithful_rms_error", &cell.faithfulRmsError},
          {"faithful_max_bound", &cell.faithfulMaxBound},
          {"faithful_rms_bound", &cell.faithfulRmsBound},
          {"tflops", &cell.tflops},
          {"utilisation", &cell.utilisation},
          {"peak_tflops", &cell.peakTflops}})
      if (Error e = readFigure(c, key, *out)) {
        consumeError(std::move(e));
        return r.fail(where + "." + key, "expected a number or null");
      }
    if (Error e = r.optSeconds(c, "seconds", where, limits::kMaxWallSeconds,
                               cell.seconds))
      return e;
    // Newer than the other keys: absent in matrices written before them.
    if (c.get("clock_ghz"))
      if (Error e = readFigure(c, "clock_ghz", cell.clockGHz)) {
        consumeError(std::move(e));
        return r.fail(where + ".clock_ghz", "expected a number or null");
      }
    if (const json::Value *v = c.get("cores");
        v && v->kind() != json::Value::Null) {
      std::optional<int64_t> i = v->getAsInteger();
      if (!i || *i <= 0 || *i > limits::kMaxGridCores)
        return r.fail(where + ".cores", "expected an integer in [1, " +
                                            Twine(limits::kMaxGridCores) +
                                            "] or null");
      cell.cores = *i;
    }
    if (c.get("model_diverges"))
      if (Error e = r.optString(c, "model_diverges", where, cell.modelDiverges))
        return e;
    Expected<std::string> outcome = r.string(c, "outcome", where);
    if (!outcome)
      return outcome.takeError();
    std::optional<Outcome> parsed = parseOutcome(*outcome);
    if (!parsed || !outcomeInfo(*parsed).inMatrix)
      return r.fail(where + ".outcome", "unknown outcome '" + *outcome + "' (" +
                                            matrixOutcomeNames() + ")");
    cell.outcome = *parsed;
    for (auto [key, out] : {std::pair<StringRef, std::optional<std::string> *>{
                                "input_kind", &cell.inputKind},
                            {"precision", &cell.precision},
                            {"fidelity", &cell.fidelity}})
      if (c.get(key))
        if (Error e = r.optString(c, key, where, *out))
          return e;
    cell.outputNonFinite = c.getBoolean("output_non_finite").value_or(false);
    if (const json::Array *seeds = c.getArray("seeds")) {
      cell.seeds.emplace();
      for (auto [j, sv] : llvm::enumerate(*seeds)) {
        Expected<SeedResult> sr = seedResultFromJSON(sv);
        if (!sr)
          return r.fail(where + ".seeds[" + Twine(j) + "]",
                        toString(sr.takeError()));
        cell.seeds->push_back(std::move(*sr));
      }
    }
    if (Error e = r.optBool(c, "attention", where, cell.attention))
      return e;
    Expected<const json::Value *> cycles = r.field(c, "cycles", where);
    if (!cycles)
      return cycles.takeError();
    if ((*cycles)->kind() != json::Value::Null) {
      Expected<uint64_t> n = r.unsignedInt(**cycles, where + ".cycles");
      if (!n)
        return n.takeError();
      cell.cycles = *n;
    }
    Expected<const json::Value *> hazards = r.field(c, "hazards", where);
    if (!hazards)
      return hazards.takeError();
    if ((*hazards)->kind() != json::Value::Null) {
      const json::Array *a = (*hazards)->getAsArray();
      if (!a)
        return r.fail(where + ".hazards", "expected an array or null");
      cell.hazards.emplace();
      for (auto [j, h] : llvm::enumerate(*a)) {
        Expected<HazardRecord> record = hazardFromJSON(h);
        if (!record)
          return r.fail(where + ".hazards[" + Twine(j) + "]",
                        toString(record.takeError()));
        cell.hazards->push_back(std::move(*record));
      }
    }
    const ReproInfo *repro = run.findRepro(cell.repro);
    if (!repro)
      return r.fail(where,
                    "repro '" + cell.repro + "' is not listed in \"repros\"");
    if (!llvm::any_of(repro->configs, [&](const ReproInfo::Config &rc) {
          return rc.name == cell.config;
        }))
      return r.fail(where, "config '" + cell.config + "' is not a config of '" +
                               cell.repro + "'");
    if (!llvm::is_contained(run.variants, cell.variant))
      return r.fail(where, "variant '" + cell.variant +
                               "' is not listed in \"variants\"");
    if (!seen.insert(cell.id()).second)
      return r.fail(where, "duplicate cell " + cell.id());
    run.cells.push_back(std::move(cell));
  }
  return run;
}

Expected<MatrixRun> loadMatrix(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeError(path + ": cannot read: " + buffer.getError().message());
  return parseMatrix((*buffer)->getBuffer(), path);
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
