//===- JsonMap.cpp - JSON readers with errors that name the field ---------===//

#include "harness/JsonMap.h"

#include <cmath>
#include <limits>

using namespace llvm;

namespace dstlab::harness {

namespace {
/// The text of the last reportAt (one mapping at a time per thread).
thread_local std::string lastDetail;
constexpr StringLiteral kDetailMarker = "(see detail)";
} // namespace

bool reportAt(json::Path path, const Twine &what) {
  lastDetail = what.str();
  path.report(kDetailMarker);
  return false;
}

Error readJSON(const json::Value &value, StringRef source,
               function_ref<bool(const json::Value &, json::Path)> map) {
  lastDetail.clear();
  // A root name no field starts with: the path follows it in the error.
  json::Path::Root root("$");
  if (map(value, root))
    return Error::success();
  // "MESSAGE at $.cells[3].pcc", or "MESSAGE when parsing $" at the root.
  std::string text = toString(root.getError());
  std::string where = "top level";
  std::string message = text;
  size_t at = text.rfind(" at $");
  if (at != std::string::npos) {
    message = text.substr(0, at);
    where = StringRef(text).drop_front(at + 5).ltrim('.').str();
  } else if (StringRef(text).ends_with(" when parsing $")) {
    message = text.substr(0, text.size() - strlen(" when parsing $"));
  }
  if (message == kDetailMarker)
    message = lastDetail;
  std::string prefix = source.empty() ? "" : (source + ": ").str();
  return createStringError(inconvertibleErrorCode(),
                           prefix + where + ": " + message);
}

json::Value figureJSON(std::optional<double> v, StringRef key,
                       json::Object &nonFinite) {
  if (!v)
    return nullptr;
  if (std::isfinite(*v))
    return *v;
  nonFinite[key] = std::isnan(*v) ? "nan" : *v > 0 ? "inf" : "-inf";
  return nullptr;
}

bool readFigure(const json::Object &o, StringRef key,
                std::optional<double> &out, json::Path path) {
  const json::Value *v = o.get(key);
  if (!v)
    return true;
  if (v->kind() == json::Value::Null) {
    const json::Object *nf = o.getObject("non_finite");
    std::optional<StringRef> flag = nf ? nf->getString(key) : std::nullopt;
    if (!flag)
      return true;
    if (*flag == "nan")
      out = std::numeric_limits<double>::quiet_NaN();
    else if (*flag == "inf")
      out = std::numeric_limits<double>::infinity();
    else if (*flag == "-inf")
      out = -std::numeric_limits<double>::infinity();
    else
      return reportAt(path, "non_finite: must be nan, inf or -inf");
    return true;
  }
  // 1e400 parses as inf: not a number JSON can hold, nor one to write.
  std::optional<double> d = v->getAsNumber();
  if (!d || !std::isfinite(*d))
    return reportAt(path, "expected a number or null");
  out = *d;
  return true;
}

} // namespace dstlab::harness
