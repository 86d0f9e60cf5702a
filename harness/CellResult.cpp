//===- CellResult.cpp - the cell result as JSON, both ways ----------------===//

#include "harness/CellResult.h"

#include "harness/JsonMap.h"
#include "support/Limits.h"

#include "fixes/VariantTable.h"

#include "llvm/Support/FormatVariadic.h"

#include <array>

using namespace llvm;

namespace dstlab::harness {

std::vector<std::string> allVariants() {
  std::vector<std::string> names;
  for (const VariantInfo &v : variantTable())
    names.push_back(v.name.str());
  return names;
}

ExitCode exitCodeFor(const CellResult &result) {
  return outcomeInfo(result.outcome).exitCode;
}

namespace {

template <typename T> json::Value orNull(const std::optional<T> &v) {
  if (!v)
    return nullptr;
  return *v;
}
json::Value orNull(const std::string &s) {
  if (s.empty())
    return nullptr;
  return s;
}

/// The figures a seed and a cell share, by JSON key.
template <typename R> auto seedFigures(R &r) {
  return std::array<std::pair<StringLiteral, decltype(&r.pcc)>, 6>{{
      {"pcc", &r.pcc},
      {"max_error", &r.maxError},
      {"faithful_max_error", &r.faithfulMaxError},
      {"faithful_rms_error", &r.faithfulRmsError},
      {"faithful_max_bound", &r.faithfulMaxBound},
      {"faithful_rms_bound", &r.faithfulRmsBound},
  }};
}

/// Every figure of a cell, by JSON key.
template <typename R> auto cellFigures(R &r) {
  return std::array<std::pair<StringLiteral, decltype(&r.pcc)>, 11>{{
      {"pcc", &r.pcc},
      {"max_error", &r.maxError},
      {"faithful_max_error", &r.faithfulMaxError},
      {"faithful_rms_error", &r.faithfulRmsError},
      {"faithful_max_bound", &r.faithfulMaxBound},
      {"faithful_rms_bound", &r.faithfulRmsBound},
      {"exact_bound", &r.exactBound},
      {"tflops", &r.tflops},
      {"utilisation", &r.utilisation},
      {"peak_tflops", &r.peakTflops},
      {"clock_ghz", &r.clockGHz},
  }};
}

/// A string that JSON may give as null: empty.
bool mapString(json::ObjectMapper &m, StringLiteral key, std::string &out) {
  std::optional<std::string> s;
  if (!m.map(key, s))
    return false;
  if (s)
    out = std::move(*s);
  return true;
}

/// An integer that JSON may give as null (-1), or absent (unchanged).
bool mapIndex(json::ObjectMapper &m, StringLiteral key, int64_t &out) {
  std::optional<int64_t> i;
  if (!m.map(key, i))
    return false;
  if (i)
    out = *i;
  return true;
}

/// A cycle count: an integer, or a number a writer printed as a double.
bool readCycles(const json::Object &o, std::optional<uint64_t> &out,
                json::Path p) {
  const json::Value *c = o.get("cycles");
  if (!c || c->kind() == json::Value::Null)
    return true;
  std::optional<int64_t> i = c->getAsInteger();
  std::optional<double> d = c->getAsNumber();
  if (i && *i >= 0)
    out = static_cast<uint64_t>(*i);
  else if (d && *d >= 0 && *d < 0x1p63)
    out = static_cast<uint64_t>(*d);
  else
    return reportAt(p, "expected a non-negative number or null");
  return true;
}

bool readCores(const json::Object &o, std::optional<int64_t> &out,
               json::Path p) {
  const json::Value *c = o.get("cores");
  if (!c || c->kind() == json::Value::Null)
    return true;
  std::optional<int64_t> i = c->getAsInteger();
  if (!i || *i <= 0 || *i > limits::kMaxGridCores)
    return reportAt(p, "expected an integer in [1, " +
                           Twine(limits::kMaxGridCores) + "] or null");
  out = *i;
  return true;
}

} // namespace

json::Value toJSON(const SeedResult &r) {
  json::Object o{{"seed", static_cast<int64_t>(r.seed)},
                 {"outcome", outcomeName(r.outcome)},
                 {"output_non_finite", r.outputNonFinite},
                 {"is_attention", orNull(r.isAttention)}};
  json::Object nonFinite;
  for (auto [key, field] : seedFigures(r))
    o[key] = figureJSON(*field, key, nonFinite);
  o["non_finite"] = std::move(nonFinite);
  return o;
}

bool fromJSON(const json::Value &v, SeedResult &r, json::Path p) {
  json::ObjectMapper m(v, p);
  if (!m)
    return false;
  const json::Object &o = *v.getAsObject();
  std::optional<uint64_t> seed =
      o.get("seed") ? o.get("seed")->getAsUINT64() : std::nullopt;
  if (!seed)
    return reportAt(p.field("seed"), "expected a non-negative integer");
  r.seed = *seed;
  std::optional<std::string> outcome;
  if (!m.map("outcome", outcome))
    return false;
  if (outcome) {
    std::optional<Outcome> parsed = parseOutcome(*outcome);
    if (!parsed)
      return reportAt(p.field("outcome"),
                      "unknown seed outcome '" + *outcome + "'");
    r.outcome = *parsed;
  }
  for (auto [key, field] : seedFigures(r))
    if (!readFigure(o, key, *field, p.field(key)))
      return false;
  return m.mapOptional("output_non_finite", r.outputNonFinite) &&
         m.map("is_attention", r.isAttention);
}

json::Value toJSON(const HazardRecord &h) {
  json::Value core = nullptr;
  if (h.coreX >= 0 || h.coreY >= 0)
    core = json::Array{h.coreX, h.coreY};
  return json::Object{
      {"kind", h.kind},
      {"thread", h.thread},
      {"op", h.op},
      {"location", h.location},
      {"detail", h.detail},
      {"core", std::move(core)},
      {"dst_slice", h.dstSlice >= 0 ? json::Value(h.dstSlice) : nullptr},
      {"cb", h.cb >= 0 ? json::Value(h.cb) : nullptr},
  };
}

bool fromJSON(const json::Value &v, HazardRecord &h, json::Path p) {
  json::ObjectMapper m(v, p);
  if (!(m && mapString(m, "kind", h.kind) && mapString(m, "thread", h.thread) &&
        mapString(m, "op", h.op) && mapString(m, "location", h.location) &&
        mapString(m, "detail", h.detail) &&
        mapIndex(m, "dst_slice", h.dstSlice) && mapIndex(m, "cb", h.cb)))
    return false;
  std::optional<std::vector<int64_t>> core;
  if (!m.map("core", core))
    return false;
  if (core) {
    if (core->size() != 2)
      return reportAt(p.field("core"), "expected [x, y] or null");
    h.coreX = (*core)[0];
    h.coreY = (*core)[1];
  }
  return true;
}

void writeMeasurements(const CellResult &r, json::Object &o) {
  json::Array hazards;
  for (const HazardRecord &h : r.hazards)
    hazards.push_back(toJSON(h));
  json::Array seeds;
  for (const SeedResult &sr : r.seeds)
    seeds.push_back(toJSON(sr));
  o["message"] = orNull(r.message);
  o["output_non_finite"] = r.outputNonFinite;
  o["seeds"] = std::move(seeds);
  o["input_kind"] = orNull(r.inputKind);
  o["precision"] = orNull(r.precision);
  o["hazards"] = std::move(hazards);
  o["cycles"] = orNull(r.cycles);
  o["fidelity"] = orNull(r.fidelity);
  o["cores"] = orNull(r.cores);
  json::Object nonFinite;
  for (auto [key, field] : cellFigures(r))
    o[key] = figureJSON(*field, key, nonFinite);
  o["non_finite"] = std::move(nonFinite);
}

bool mapMeasurements(const json::Value &v, CellResult &r, json::Path p) {
  json::ObjectMapper m(v, p);
  if (!m)
    return false;
  const json::Object &o = *v.getAsObject();
  for (auto [key, field] : cellFigures(r))
    if (!readFigure(o, key, *field, p.field(key)))
      return false;
  std::optional<std::vector<SeedResult>> seeds;
  std::optional<std::vector<HazardRecord>> hazards;
  if (!(mapString(m, "message", r.message) &&
        m.mapOptional("output_non_finite", r.outputNonFinite) &&
        m.map("seeds", seeds) && mapString(m, "input_kind", r.inputKind) &&
        mapString(m, "precision", r.precision) && m.map("hazards", hazards) &&
        readCycles(o, r.cycles, p.field("cycles")) &&
        mapString(m, "fidelity", r.fidelity) &&
        readCores(o, r.cores, p.field("cores"))))
    return false;
  r.seeds = seeds.value_or(std::vector<SeedResult>());
  r.hazards = hazards.value_or(std::vector<HazardRecord>());
  return true;
}

json::Value toJSON(const CellResult &r) {
  json::Object o{
      {"outcome", outcomeName(r.outcome)},
      {"signature", orNull(r.signature)},
      {"crash_site", orNull(r.crashSite)},
      {"tool_log", orNull(r.toolLog)},
      {"is_attention", orNull(r.isAttention)},
  };
  writeMeasurements(r, o);
  return o;
}

bool fromJSON(const json::Value &v, CellResult &r, json::Path p) {
  json::ObjectMapper m(v, p);
  std::string outcome;
  if (!(m && m.map("outcome", outcome)))
    return false;
  std::optional<Outcome> parsed = parseOutcome(outcome);
  if (!parsed || !outcomeInfo(*parsed).inMatrix)
    return reportAt(p.field("outcome"),
                    "unknown cell outcome '" + outcome + "'");
  r.outcome = *parsed;
  return mapString(m, "signature", r.signature) &&
         mapString(m, "crash_site", r.crashSite) &&
         mapString(m, "tool_log", r.toolLog) &&
         m.map("is_attention", r.isAttention) && mapMeasurements(v, r, p);
}

Expected<CellResult> parseCellResult(StringRef text) {
  if (Error e = dstlab::limits::checkJsonDepth(text, "cell result"))
    return e;
  Expected<json::Value> value = json::parse(text);
  if (!value)
    return createStringError(inconvertibleErrorCode(),
                             "invalid JSON: " + toString(value.takeError()));
  CellResult r;
  if (Error e = readJSON(*value, "", [&](const json::Value &v, json::Path p) {
        return fromJSON(v, r, p);
      }))
    return e;
  return r;
}

} // namespace dstlab::harness
