//===- CellResult.cpp - the cell result as JSON, both ways ----------------===//

#include "harness/CellResult.h"

#include "support/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"

#include "fixes/VariantTable.h"

#include <array>
#include <cmath>
#include <limits>

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
Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}
} // namespace

json::Value figureJSON(std::optional<double> v, StringRef key,
                       json::Object &nonFinite) {
  if (!v)
    return nullptr;
  if (std::isfinite(*v))
    return *v;
  nonFinite[key] = std::isnan(*v) ? "nan" : *v > 0 ? "inf" : "-inf";
  return nullptr;
}

Error readFigure(const json::Object &o, StringRef key,
                 std::optional<double> &out) {
  const json::Value *v = o.get(key);
  if (!v)
    return Error::success();
  if (v->kind() == json::Value::Null) {
    const json::Object *nf = o.getObject("non_finite");
    std::optional<StringRef> flag = nf ? nf->getString(key) : std::nullopt;
    if (!flag)
      return Error::success();
    if (*flag == "nan")
      out = std::numeric_limits<double>::quiet_NaN();
    else if (*flag == "inf")
      out = std::numeric_limits<double>::infinity();
    else if (*flag == "-inf")
      out = -std::numeric_limits<double>::infinity();
    else
      return makeError("'non_finite." + key + "' must be nan, inf or -inf");
    return Error::success();
  }
  std::optional<double> d = v->getAsNumber();
  if (!d)
    return makeError("'" + key + "' must be a number or null");
  out = *d;
  return Error::success();
}

namespace {
/// The figures a seed and a cell share, by JSON key.
template <typename R> auto seedFigures(R &r) {
  return std::array<std::pair<StringRef, decltype(&r.pcc)>, 6>{{
      {"pcc", &r.pcc},
      {"max_error", &r.maxError},
      {"faithful_max_error", &r.faithfulMaxError},
      {"faithful_rms_error", &r.faithfulRmsError},
      {"faithful_max_bound", &r.faithfulMaxBound},
      {"faithful_rms_bound", &r.faithfulRmsBound},
  }};
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

Expected<SeedResult> seedResultFromJSON(const json::Value &value) {
  const json::Object *o = value.getAsObject();
  if (!o)
    return makeError("a seed result must be an object");
  SeedResult r;
  std::optional<int64_t> seed = o->getInteger("seed");
  if (!seed || *seed < 0)
    return makeError("a seed result needs a non-negative integer 'seed'");
  r.seed = static_cast<uint64_t>(*seed);
  if (std::optional<StringRef> outcome = o->getString("outcome")) {
    std::optional<Outcome> parsed = parseOutcome(*outcome);
    if (!parsed)
      return makeError("unknown seed outcome '" + *outcome + "'");
    r.outcome = *parsed;
  }
  for (auto [key, field] : seedFigures(r))
    if (Error e = readFigure(*o, key, *field))
      return e;
  r.outputNonFinite = o->getBoolean("output_non_finite").value_or(false);
  if (std::optional<bool> a = o->getBoolean("is_attention"))
    r.isAttention = *a;
  return r;
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

json::Value toJSON(const CellResult &r) {
  json::Array hazards;
  for (const HazardRecord &h : r.hazards)
    hazards.push_back(toJSON(h));
  json::Array seeds;
  for (const SeedResult &sr : r.seeds)
    seeds.push_back(toJSON(sr));
  json::Object o{
      {"outcome", outcomeName(r.outcome)},
      {"signature", orNull(r.signature)},
      {"message", orNull(r.message)},
      {"crash_site", orNull(r.crashSite)},
      {"tool_log", orNull(r.toolLog)},
      {"output_non_finite", r.outputNonFinite},
      {"seeds", std::move(seeds)},
      {"input_kind", orNull(r.inputKind)},
      {"precision", orNull(r.precision)},
      {"hazards", std::move(hazards)},
      {"cycles", orNull(r.cycles)},
      {"fidelity", orNull(r.fidelity)},
      {"cores", orNull(r.cores)},
      {"is_attention", orNull(r.isAttention)},
  };
  json::Object nonFinite;
  for (auto [key, field] : seedFigures(r))
    o[key] = figureJSON(*field, key, nonFinite);
  o["exact_bound"] = figureJSON(r.exactBound, "exact_bound", nonFinite);
  o["tflops"] = figureJSON(r.tflops, "tflops", nonFinite);
  o["utilisation"] = figureJSON(r.utilisation, "utilisation", nonFinite);
  o["peak_tflops"] = figureJSON(r.peakTflops, "peak_tflops", nonFinite);
  o["clock_ghz"] = figureJSON(r.clockGHz, "clock_ghz", nonFinite);
  o["non_finite"] = std::move(nonFinite);
  return o;
}

namespace {

Error readString(const json::Object &o, StringRef key, std::string &out) {
  const json::Value *v = o.get(key);
  if (!v || v->kind() == json::Value::Null)
    return Error::success();
  std::optional<StringRef> s = v->getAsString();
  if (!s)
    return makeError("'" + key + "' must be a string or null");
  out = s->str();
  return Error::success();
}

Error readInt(const json::Object &o, StringRef key, int64_t &out) {
  const json::Value *v = o.get(key);
  if (!v || v->kind() == json::Value::Null)
    return Error::success();
  std::optional<int64_t> i = v->getAsInteger();
  if (!i)
    return makeError("'" + key + "' must be an integer or null");
  out = *i;
  return Error::success();
}

} // namespace

Expected<HazardRecord> hazardFromJSON(const json::Value &value) {
  const json::Object *o = value.getAsObject();
  if (!o)
    return makeError("a hazard must be an object");
  HazardRecord h;
  for (auto [key, field] :
       {std::pair<StringRef, std::string *>{"kind", &h.kind},
        {"thread", &h.thread},
        {"op", &h.op},
        {"location", &h.location},
        {"detail", &h.detail}})
    if (Error e = readString(*o, key, *field))
      return e;
  if (const json::Value *core = o->get("core");
      core && core->kind() != json::Value::Null) {
    const json::Array *a = core->getAsArray();
    if (!a || a->size() != 2 || !(*a)[0].getAsInteger() ||
        !(*a)[1].getAsInteger())
      return makeError("hazard 'core' must be [x, y] or null");
    h.coreX = *(*a)[0].getAsInteger();
    h.coreY = *(*a)[1].getAsInteger();
  }
  if (Error e = readInt(*o, "dst_slice", h.dstSlice))
    return e;
  if (Error e = readInt(*o, "cb", h.cb))
    return e;
  return h;
}

Expected<CellResult> cellResultFromJSON(const json::Value &value) {
  const json::Object *o = value.getAsObject();
  if (!o)
    return makeError("the cell result must be a JSON object");
  CellResult r;
  std::optional<StringRef> outcome = o->getString("outcome");
  if (!outcome)
    return makeError("the cell result has no string 'outcome'");
  std::optional<Outcome> parsed = parseOutcome(*outcome);
  if (!parsed || !outcomeInfo(*parsed).inMatrix)
    return makeError("unknown cell outcome '" + *outcome + "'");
  r.outcome = *parsed;
  if (Error e = readString(*o, "signature", r.signature))
    return e;
  if (Error e = readString(*o, "message", r.message))
    return e;
  if (Error e = readString(*o, "crash_site", r.crashSite))
    return e;
  if (Error e = readString(*o, "tool_log", r.toolLog))
    return e;
  for (auto [key, field] : seedFigures(r))
    if (Error e = readFigure(*o, key, *field))
      return e;
  for (auto [key, field] : {std::pair<StringRef, std::optional<double> *>{
                                "exact_bound", &r.exactBound},
                            {"tflops", &r.tflops},
                            {"utilisation", &r.utilisation},
                            {"peak_tflops", &r.peakTflops},
                            {"clock_ghz", &r.clockGHz}})
    if (Error e = readFigure(*o, key, *field))
      return e;
  if (const json::Value *c = o->get("cores");
      c && c->kind() != json::Value::Null) {
    std::optional<int64_t> i = c->getAsInteger();
    if (!i || *i <= 0 || *i > limits::kMaxGridCores)
      return makeError("'cores' must be an integer in [1, " +
                       Twine(limits::kMaxGridCores) + "] or null");
    r.cores = *i;
  }
  if (Error e = readString(*o, "input_kind", r.inputKind))
    return e;
  if (Error e = readString(*o, "precision", r.precision))
    return e;
  if (Error e = readString(*o, "fidelity", r.fidelity))
    return e;
  r.outputNonFinite = o->getBoolean("output_non_finite").value_or(false);
  if (const json::Array *seeds = o->getArray("seeds"))
    for (const json::Value &sv : *seeds) {
      Expected<SeedResult> sr = seedResultFromJSON(sv);
      if (!sr)
        return sr.takeError();
      r.seeds.push_back(std::move(*sr));
    }
  if (const json::Value *c = o->get("cycles");
      c && c->kind() != json::Value::Null) {
    std::optional<int64_t> i = c->getAsInteger();
    std::optional<double> d = c->getAsNumber();
    if (i && *i >= 0)
      r.cycles = static_cast<uint64_t>(*i);
    else if (d && *d >= 0 && *d < 0x1p63)
      r.cycles = static_cast<uint64_t>(*d);
    else
      return makeError("'cycles' must be a non-negative number or null");
  }
  if (const json::Value *a = o->get("is_attention");
      a && a->kind() != json::Value::Null) {
    std::optional<bool> b = a->getAsBoolean();
    if (!b)
      return makeError("'is_attention' must be a boolean or null");
    r.isAttention = *b;
  }
  if (const json::Value *hs = o->get("hazards");
      hs && hs->kind() != json::Value::Null) {
    const json::Array *a = hs->getAsArray();
    if (!a)
      return makeError("'hazards' must be an array");
    for (const json::Value &h : *a) {
      Expected<HazardRecord> record = hazardFromJSON(h);
      if (!record)
        return record.takeError();
      r.hazards.push_back(std::move(*record));
    }
  }
  return r;
}

Expected<CellResult> parseCellResult(StringRef text) {
  if (Error e = dstlab::limits::checkJsonDepth(text, "cell result"))
    return e;
  Expected<json::Value> value = json::parse(text);
  if (!value)
    return makeError("invalid JSON: " + toString(value.takeError()));
  return cellResultFromJSON(*value);
}

} // namespace dstlab::harness
