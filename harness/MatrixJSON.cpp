//===- MatrixJSON.cpp - matrix.json, both ways ----------------------------===//
//
// One toJSON / fromJSON pair per struct of harness/Matrix.h; a cell's
// measurements are its CellResult's (harness/CellResult.h), written and read
// by the same code as a cell's --json file.
//
//===----------------------------------------------------------------------===//

#include "harness/Matrix.h"

#include "harness/CellResult.h"
#include "harness/JsonMap.h"
#include "harness/RealTool.h"
#include "support/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <set>

using namespace llvm;

namespace dstlab::harness {

namespace {

template <typename T> json::Value orNull(const std::optional<T> &v) {
  if (!v)
    return nullptr;
  return *v;
}

/// A number in [0, max] (seconds, time limits), or null.
bool readSeconds(const json::Object &o, StringLiteral key, double max,
                 std::optional<double> &out, json::Path p) {
  const json::Value *v = o.get(key);
  if (!v || v->kind() == json::Value::Null)
    return true;
  // 1e400 parses as inf: not a number JSON can hold, nor one to write.
  std::optional<double> d = v->getAsNumber();
  if (!d || !std::isfinite(*d))
    return reportAt(p.field(key), "expected a finite number or null");
  if (!(*d >= 0 && *d <= max))
    return reportAt(p.field(key), formatNumber(*d, 6) + " is outside [0, " +
                                      formatNumber(max, 6) + "]");
  out = *d;
  return true;
}

/// An integer in [0, max]: the value and the limit are named otherwise.
bool readBounded(const json::Value &v, uint64_t max, uint64_t &out,
                 json::Path p) {
  std::optional<uint64_t> u = v.getAsUINT64();
  if (!u)
    return reportAt(p, "expected a non-negative integer");
  if (*u > max)
    return reportAt(p, formatv("{0} is over the limit of {1}", *u, max));
  out = *u;
  return true;
}

} // namespace

json::Value toJSON(const ReproInfo::Config &c) {
  return json::Object{{"name", c.name}, {"description", c.description}};
}

bool fromJSON(const json::Value &v, ReproInfo::Config &c, json::Path p) {
  json::ObjectMapper m(v, p);
  return m && m.map("name", c.name) && m.map("description", c.description);
}

json::Value toJSON(const ReproInfo &r) {
  return json::Object{{"name", r.name},
                      {"file", r.file},
                      {"origin", r.origin},
                      {"shows", r.shows},
                      {"attention", orNull(r.attention)},
                      {"configs", r.configs}};
}

bool fromJSON(const json::Value &v, ReproInfo &r, json::Path p) {
  json::ObjectMapper m(v, p);
  return m && m.map("name", r.name) && m.map("file", r.file) &&
         m.map("origin", r.origin) && m.map("shows", r.shows) &&
         m.map("attention", r.attention) && m.map("configs", r.configs);
}

json::Value toJSON(const RealToolInfo &t) {
  return json::Object{
      {"variant", t.variant},
      {"commit", t.commit},
      {"asserts", t.asserts},
      {"recorded", t.recorded},
      {"model", t.model.empty() ? json::Value(nullptr) : json::Value(t.model)}};
}

bool fromJSON(const json::Value &v, RealToolInfo &t, json::Path p) {
  json::ObjectMapper m(v, p);
  std::optional<bool> asserts, recorded;
  std::optional<std::string> model;
  if (!(m && m.map("variant", t.variant) && m.map("commit", t.commit) &&
        m.map("asserts", asserts) && m.map("recorded", recorded) &&
        m.map("model", model)))
    return false;
  t.asserts = asserts.value_or(true);
  t.recorded = recorded.value_or(false);
  t.model = model.value_or("");
  return true;
}

json::Value toJSON(const CellRecord &c) {
  json::Object o{
      {"repro", c.repro},
      {"config", c.config},
      {"variant", c.variant},
      {"outcome", outcomeName(c.outcome)},
      {"expected", c.expected},
      {"as_expected", c.asExpected},
      {"signature", orNull(c.signature)},
      {"crash_site", orNull(c.crashSite)},
      {"exit_status", orNull(c.exitStatus)},
      {"crash_log", orNull(c.crashLog)},
      {"dump", orNull(c.dump)},
      {"seconds", orNull(c.seconds)},
      {"attention", c.result ? orNull(c.result->isAttention) : nullptr},
      {"model_diverges", orNull(c.modelDiverges)},
  };
  writeMeasurements(c.reported(), o);
  // No result (a crash, the parent's timeout): nothing was measured.
  if (!c.result) {
    o["hazards"] = nullptr;
    o["seeds"] = nullptr;
  }
  return o;
}

bool fromJSON(const json::Value &v, CellRecord &c, json::Path p) {
  json::ObjectMapper m(v, p);
  std::string outcome;
  if (!(m && m.map("repro", c.repro) && m.map("config", c.config) &&
        m.map("variant", c.variant) && m.map("outcome", outcome) &&
        m.map("expected", c.expected) && m.map("as_expected", c.asExpected) &&
        m.map("signature", c.signature) && m.map("crash_site", c.crashSite) &&
        m.map("exit_status", c.exitStatus) && m.map("crash_log", c.crashLog) &&
        m.map("dump", c.dump) && m.map("model_diverges", c.modelDiverges)))
    return false;
  std::optional<Outcome> parsed = parseOutcome(outcome);
  if (!parsed || !outcomeInfo(*parsed).inMatrix)
    return reportAt(p.field("outcome"), "unknown outcome '" + outcome + "' (" +
                                            matrixOutcomeNames() + ")");
  c.outcome = *parsed;
  const json::Object &o = *v.getAsObject();
  if (!readSeconds(o, "seconds", limits::kMaxWallSeconds, c.seconds, p))
    return false;
  // A cell that wrote a result has its hazards and seeds (maybe none).
  auto isSet = [&](StringRef key) {
    const json::Value *x = o.get(key);
    return x && x->kind() != json::Value::Null;
  };
  if (!isSet("hazards") && !isSet("seeds"))
    return true;
  CellResult &r = c.result.emplace();
  r.outcome = c.outcome;
  r.signature = c.signature.value_or("");
  r.crashSite = c.crashSite.value_or("");
  return m.map("attention", r.isAttention) && mapMeasurements(v, r, p);
}

namespace {

json::Value summaryJSON(const MatrixRun &run) {
  MatrixSummary s = summarize(run);
  json::Object outcomes;
  for (const auto &[outcome, count] : s.outcomes)
    outcomes[outcomeName(outcome)] = static_cast<int64_t>(count);
  return json::Object{{"cells", static_cast<int64_t>(s.cells)},
                      {"as_expected", static_cast<int64_t>(s.asExpected)},
                      {"unexpected", static_cast<int64_t>(s.unexpected)},
                      {"outcomes", std::move(outcomes)}};
}

} // namespace

json::Value toJSON(const MatrixRun &run) {
  json::Value shard = nullptr;
  if (run.shard)
    shard =
        json::Object{{"index", run.shard->first}, {"total", run.shard->second}};
  json::Value timing = nullptr;
  if (run.timing)
    timing =
        json::Object{{"wall_seconds", roundSeconds(run.timing->wallSeconds)},
                     {"jobs", run.timing->jobs}};
  return json::Object{
      {"schema", run.schema},         {"seed", run.seed},
      {"seeds", run.seeds},           {"timeout_seconds", run.timeoutSeconds},
      {"variants", run.variants},     {"real_tools", run.realTools},
      {"filter", orNull(run.filter)}, {"shard", std::move(shard)},
      {"repros", run.repros},         {"cells", run.cells},
      {"summary", summaryJSON(run)},  {"timing", std::move(timing)},
  };
}

namespace {

bool readShard(const json::Object &o, MatrixRun &run, json::Path p) {
  const json::Value *shard = o.get("shard");
  if (!shard || shard->kind() == json::Value::Null)
    return true;
  json::Path sp = p.field("shard");
  const json::Object *so = shard->getAsObject();
  if (!so) {
    sp.report("expected object");
    return false;
  }
  const json::Value *index = so->get("index"), *total = so->get("total");
  if (!index || !total)
    return reportAt(sp, "expected \"index\" and \"total\"");
  uint64_t i = 0, n = 0;
  if (!readBounded(*index, limits::kMaxShards - 1, i, sp.field("index")) ||
      !readBounded(*total, limits::kMaxShards, n, sp.field("total")))
    return false;
  if (n == 0 || i >= n)
    return reportAt(p.field("shard"), "index must be below total");
  run.shard = {static_cast<unsigned>(i), static_cast<unsigned>(n)};
  return true;
}

bool readTiming(const json::Object &o, MatrixRun &run, json::Path p) {
  const json::Value *timing = o.get("timing");
  if (!timing || timing->kind() == json::Value::Null)
    return true;
  json::Path tp = p.field("timing");
  json::ObjectMapper m(*timing, tp);
  if (!m)
    return false;
  const json::Object &to = *timing->getAsObject();
  std::optional<double> wall;
  if (!readSeconds(to, "wall_seconds", limits::kMaxWallSeconds, wall, tp))
    return false;
  MatrixTiming t;
  t.wallSeconds = wall.value_or(0);
  if (const json::Value *jobs = to.get("jobs");
      jobs && jobs->kind() != json::Value::Null) {
    uint64_t n = 0;
    if (!readBounded(*jobs, limits::kMaxJobs, n, tp.field("jobs")))
      return false;
    t.jobs = static_cast<unsigned>(n);
  }
  run.timing = t;
  return true;
}

/// What the JSON types cannot say: names refer to what the run lists, and
/// nothing is listed twice.
bool checkReferences(const MatrixRun &run, json::Path p) {
  for (auto [i, t] : llvm::enumerate(run.realTools))
    if (!isRealVariant(t.variant) ||
        !llvm::is_contained(run.variants, t.variant))
      return reportAt(p.field("real_tools").index(i).field("variant"),
                      "'" + t.variant +
                          "' is not a real: variant listed in \"variants\"");
  std::set<std::string> names;
  for (auto [i, r] : llvm::enumerate(run.repros))
    if (!names.insert(r.name).second)
      return reportAt(p.field("repros").index(i),
                      "duplicate repro '" + r.name + "'");
  std::set<std::string> seen;
  // A Path points at its parent: each must outlive its children.
  json::Path cells = p.field("cells");
  for (auto [i, cell] : llvm::enumerate(run.cells)) {
    json::Path where = cells.index(i);
    const ReproInfo *repro = run.findRepro(cell.repro);
    if (!repro)
      return reportAt(where,
                      "repro '" + cell.repro + "' is not listed in \"repros\"");
    if (!llvm::any_of(repro->configs, [&](const ReproInfo::Config &rc) {
          return rc.name == cell.config;
        }))
      return reportAt(where, "config '" + cell.config +
                                 "' is not a config of '" + cell.repro + "'");
    if (!llvm::is_contained(run.variants, cell.variant))
      return reportAt(where, "variant '" + cell.variant +
                                 "' is not listed in \"variants\"");
    if (!seen.insert(cell.id()).second)
      return reportAt(where, "duplicate cell " + cell.id());
  }
  return true;
}

} // namespace

bool fromJSON(const json::Value &v, MatrixRun &run, json::Path p) {
  json::ObjectMapper m(v, p);
  if (!m)
    return false;
  const json::Object &o = *v.getAsObject();
  std::optional<StringRef> schema = o.getString("schema");
  if (!schema)
    return reportAt(p, "no \"schema\" string: not a dstlab matrix JSON");
  if (*schema != kMatrixSchema)
    return reportAt(p.field("schema"), "unsupported schema '" + *schema +
                                           "' (this dstlab reads '" +
                                           kMatrixSchema + "')");
  run.schema = schema->str();
  std::optional<double> timeout;
  std::optional<std::vector<RealToolInfo>> realTools;
  if (!(m.map("seed", run.seed) && m.map("filter", run.filter) &&
        m.map("variants", run.variants) && m.map("real_tools", realTools) &&
        readSeconds(o, "timeout_seconds", limits::kMaxTimeoutSeconds, timeout,
                    p) &&
        readShard(o, run, p) && readTiming(o, run, p) &&
        m.map("repros", run.repros) && m.map("cells", run.cells)))
    return false;
  run.timeoutSeconds = timeout.value_or(0);
  run.realTools = realTools.value_or(std::vector<RealToolInfo>());
  run.seeds = {run.seed};
  if (!m.mapOptional("seeds", run.seeds))
    return false;
  if (run.seeds.empty())
    return reportAt(p.field("seeds"), "expected at least one seed");
  return checkReferences(run, p);
}

std::string serializeMatrix(const MatrixRun &run) {
  std::string out;
  raw_string_ostream os(out);
  os << formatv("{0:2}", toJSON(run)) << "\n";
  return out;
}

Expected<MatrixRun> parseMatrix(StringRef text, StringRef source) {
  if (Error e = limits::checkJsonDepth(text, source))
    return e;
  Expected<json::Value> value = json::parse(text);
  if (!value)
    return createStringError(
        inconvertibleErrorCode(),
        source + ": not valid JSON: " + toString(value.takeError()));
  MatrixRun run;
  if (Error e =
          readJSON(*value, source, [&](const json::Value &v, json::Path p) {
            return fromJSON(v, run, p);
          }))
    return e;
  return run;
}

Expected<MatrixRun> loadMatrix(StringRef path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return createStringError(
        inconvertibleErrorCode(),
        path + ": cannot read: " + buffer.getError().message());
  return parseMatrix((*buffer)->getBuffer(), path);
}

} // namespace dstlab::harness
