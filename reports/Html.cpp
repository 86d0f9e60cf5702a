//===- Html.cpp - index.html: the matrix as a coloured grid ---------------===//

#include "reports/Html.h"

#include "harness/Render.h"
#include "support/Limits.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

using namespace llvm;
using namespace dstlab::harness;

namespace dstlab::reports {

namespace {

constexpr size_t kMaxIrBytes = 256 * 1024;
// The page stays small however many cells there are (issue 19: 25 MB for
// the default matrix): bigger IR is linked, a bigger timeline goes to an SVG
// file next to its JSON and is shown as an image, loaded when scrolled to.
constexpr uint64_t kInlineIrBytes = 4 * 1024;
constexpr size_t kMaxEvents = 20000;

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

std::string esc(StringRef s) { return escapeXml(json::fixUTF8(s)); }

/// Percent-encodes a path for an href.
std::string encodeUrlPath(StringRef path) {
  std::string out;
  for (char ch : path) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (isAlnum(ch) || ch == '/' || ch == '.' || ch == '_' || ch == '-' ||
        ch == '~')
      out.push_back(ch);
    else
      out += "%" + utohexstr(c, /*LowerCase=*/false, /*Width=*/2);
  }
  return out;
}

/// A stable colour for an op name.
std::string colourFor(StringRef op) {
  uint32_t h = 2166136261u;
  for (char c : op)
    h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return "hsl(" + std::to_string(h % 360) + ",65%,62%)";
}

std::string fmt(double v) { return formatNumber(v, 6); }

/// A JSON value as an error message shows it: at most 60 characters.
std::string formatJsonValue(const json::Value *v) {
  if (!v)
    return "nothing";
  std::string text = formatv("{0}", *v).str();
  return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

/// json::parse recurses once per level: bound the nesting first.
Expected<json::Value> parseBounded(StringRef text, StringRef source) {
  if (Error e = limits::checkJsonDepth(text, source))
    return e;
  return json::parse(text);
}

struct Interval {
  double t0, t1;
  std::string op;
  bool overwritten = false;
};

} // namespace

Expected<std::string> renderOccupancySvg(const json::Value &value,
                                         bool tooltips) {
  const json::Object *o = value.getAsObject();
  if (!o)
    return makeError("expected an object {\"capacity\", \"events\"}");
  // Capacity and slice indices size the drawing: bounded before use.
  std::optional<int64_t> capacity = o->getInteger("capacity");
  if (!capacity || *capacity < 0 || *capacity > limits::kMaxDstSlices)
    return makeError("\"capacity\" must be an integer in [0, " +
                     Twine(limits::kMaxDstSlices) + "], got " +
                     formatJsonValue(o->get("capacity")));
  const json::Array *events = o->getArray("events");
  if (!events)
    return makeError("\"events\" must be an array");

  struct Event {
    double t;
    int64_t slice;
    std::string kind, op;
    size_t order;
  };
  std::vector<Event> list;
  bool truncated = false;
  for (auto [i, ev] : llvm::enumerate(*events)) {
    if (list.size() >= kMaxEvents) {
      truncated = true;
      break;
    }
    const json::Object *e = ev.getAsObject();
    if (!e)
      return makeError("events[" + Twine(i) + "] is not an object");
    std::optional<double> t = e->getNumber("t");
    std::optional<int64_t> slice = e->getInteger("slice");
    std::optional<StringRef> kind = e->getString("kind");
    if (!t || !std::isfinite(*t) || !slice || *slice < 0 ||
        *slice >= limits::kMaxDstSlices || !kind)
      return makeError("events[" + Twine(i) +
                       "] needs \"t\" (finite number), \"slice\" (integer in "
                       "[0, " +
                       Twine(limits::kMaxDstSlices) + ")) and \"kind\", got " +
                       formatJsonValue(&ev));
    if (*kind != "write" && *kind != "read" && *kind != "release")
      return makeError("events[" + Twine(i) + "]: unknown kind '" + *kind +
                       "'");
    list.push_back(
        {*t, *slice, kind->str(), e->getString("op").value_or("").str(), i});
  }
  llvm::stable_sort(list,
                    [](const Event &a, const Event &b) { return a.t < b.t; });

  int64_t slices = *capacity;
  double tEnd = 1;
  for (const Event &e : list) {
    slices = std::max(slices, e.slice + 1);
    tEnd = std::max(tEnd, e.t);
  }
  slices = std::max<int64_t>(slices, 1);

  std::map<int64_t, std::vector<Interval>> intervals;
  std::map<int64_t, std::vector<std::pair<double, bool>>> reads; // t, stale
  std::map<int64_t, std::optional<Interval>> open;
  for (const Event &e : list) {
    std::optional<Interval> &cur = open[e.slice];
    if (e.kind == "write") {
      if (cur) {
        cur->t1 = e.t;
        cur->overwritten = true;
        intervals[e.slice].push_back(*cur);
      }
      cur = Interval{e.t, e.t, e.op};
    } else if (e.kind == "read") {
      reads[e.slice].push_back({e.t, !cur.has_value()});
    } else if (cur) {
      cur->t1 = e.t;
      intervals[e.slice].push_back(*cur);
      cur.reset();
    }
  }
  for (auto &[slice, cur] : open)
    if (cur) {
      cur->t1 = tEnd;
      intervals[slice].push_back(*cur);
    }

  const double left = 70, width = 640, rowH = 16, top = 8, bottom = 28;
  double height = top + rowH * slices + bottom;
  auto x = [&](double t) { return left + width * t / tEnd; };
  std::string out;
  raw_string_ostream os(out);
  os << "<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" "
        "width=\""
     << fmt(left + width + 10) << "\" height=\"" << fmt(height)
     << "\" viewBox=\"0 0 " << fmt(left + width + 10) << " " << fmt(height)
     << "\" role=\"img\" aria-label=\"DST slice occupancy\">\n";
  for (int64_t s = 0; s < slices; ++s) {
    double y = top + rowH * s;
    bool over = s >= *capacity;
    os << "<rect x=\"" << fmt(left) << "\" y=\"" << fmt(y) << "\" width=\""
       << fmt(width) << "\" height=\"" << fmt(rowH) << "\" fill=\""
       << (over ? "#fbdada" : (s % 2 ? "#f4f4f4" : "#fafafa")) << "\"/>\n";
    os << "<text x=\"" << fmt(left - 4) << "\" y=\"" << fmt(y + rowH - 4)
       << "\" font-size=\"11\" text-anchor=\"end\""
       << (over ? " fill=\"#b00\"" : "") << ">slice " << s << "</text>\n";
    // Long runs put many intervals on one pixel: runs of one colour that
    // touch are drawn as one rect (it looks the same; the page stays
    // small). An overwritten value is always drawn on its own.
    struct Run {
      double x0, x1, t0, t1;
      std::string colour, op;
      bool overwritten;
      unsigned values;
    };
    std::optional<Run> pending;
    auto flush = [&] {
      if (!pending)
        return;
      const Run &r = *pending;
      os << "<rect x=\"" << fmt(r.x0) << "\" y=\"" << fmt(y + 2)
         << "\" width=\"" << fmt(r.x1 - r.x0) << "\" height=\"" << fmt(rowH - 4)
         << "\" fill=\"" << r.colour << "\""
         << (r.overwritten ? " stroke=\"#d00\" stroke-width=\"1.5\"" : "");
      if (!tooltips) {
        os << "/>\n";
        pending.reset();
        return;
      }
      os << "><title>" << esc(r.op.empty() ? "(value)" : r.op) << ": slice "
         << s << ", cycles " << fmt(r.t0) << "\u2013" << fmt(r.t1)
         << (r.values > 1 ? ", " + std::to_string(r.values) + " values" : "")
         << (r.overwritten ? ", overwritten while live" : "")
         << "</title></rect>\n";
      pending.reset();
    };
    for (const Interval &iv : intervals[s]) {
      double x0 = x(iv.t0), x1 = x0 + std::max(1.0, x(iv.t1) - x0);
      std::string colour = colourFor(iv.op);
      if (pending && !pending->overwritten && !iv.overwritten &&
          colour == pending->colour && x0 <= pending->x1 + 1) {
        pending->x1 = std::max(pending->x1, x1);
        pending->t1 = std::max(pending->t1, iv.t1);
        ++pending->values;
        continue;
      }
      flush();
      pending = Run{x0, x1, iv.t0, iv.t1, colour, iv.op, iv.overwritten, 1};
    }
    flush();
    double lastRead = -1;
    bool lastStale = false;
    for (auto [t, stale] : reads[s]) {
      if (lastRead >= 0 && x(t) - lastRead < 1 && stale == lastStale)
        continue;
      lastRead = x(t);
      lastStale = stale;
      os << "<line x1=\"" << fmt(x(t)) << "\" x2=\"" << fmt(x(t)) << "\" y1=\""
         << fmt(y + 1) << "\" y2=\"" << fmt(y + rowH - 1) << "\" stroke=\""
         << (stale ? "#d00" : "#222") << "\" stroke-width=\"1\"";
      if (!tooltips) {
        os << "/>\n";
        continue;
      }
      os << "><title>read at cycle " << fmt(t)
         << (stale ? " of a slice holding no value" : "")
         << "</title></line>\n";
    }
  }
  if (slices > *capacity) {
    double y = top + rowH * *capacity;
    os << "<line x1=\"" << fmt(left) << "\" x2=\"" << fmt(left + width)
       << "\" y1=\"" << fmt(y) << "\" y2=\"" << fmt(y)
       << "\" stroke=\"#d00\" stroke-dasharray=\"4 3\"><title>DST capacity: "
       << *capacity << " slices</title></line>\n";
  }
  double axisY = top + rowH * slices + 14;
  os << "<text x=\"" << fmt(left) << "\" y=\"" << fmt(axisY)
     << "\" font-size=\"11\">0</text>\n";
  os << "<text x=\"" << fmt(left + width) << "\" y=\"" << fmt(axisY)
     << "\" font-size=\"11\" text-anchor=\"end\">" << fmt(tEnd)
     << " cycles</text>\n";
  os << "<text x=\"" << fmt(left + width / 2) << "\" y=\"" << fmt(axisY)
     << "\" font-size=\"11\" text-anchor=\"middle\">capacity " << *capacity
     << " slices" << (truncated ? ", events truncated" : "") << "</text>\n";
  os << "</svg>";
  return out;
}

Expected<std::string> renderOccupancySvgText(StringRef jsonText,
                                             StringRef source) {
  Expected<json::Value> v = parseBounded(jsonText, source);
  if (!v)
    return v.takeError();
  Expected<std::string> svg = renderOccupancySvg(*v);
  if (!svg || svg->size() <= kInlineSvgBytes)
    return svg;
  return renderOccupancySvg(*v, /*tooltips=*/false);
}

namespace {

std::string readText(StringRef path, size_t limit, bool &truncated) {
  truncated = false;
  ErrorOr<std::unique_ptr<MemoryBuffer>> b =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!b)
    return "(cannot read: " + b.getError().message() + ")";
  StringRef text = (*b)->getBuffer();
  if (text.size() > limit) {
    text = text.take_front(limit);
    truncated = true;
  }
  return json::fixUTF8(text);
}

std::vector<std::string> listDir(StringRef dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    names.push_back(sys::path::filename(it->path()).str());
  llvm::sort(names);
  return names;
}

void kv(raw_ostream &os, StringRef key, StringRef value) {
  os << "<tr><th>" << esc(key) << "</th><td>" << esc(value) << "</td></tr>";
}

/// Small IR texts already embedded in the page, and the cell that shows
/// each: most stages are identical across variants and input kinds, and a
/// second copy is a link instead (the page stays under 2 MB).
using ShownIr = std::map<std::string, std::string>;

void renderPanel(raw_ostream &os, const CellRecord &c,
                 const HtmlOptions &options, ShownIr &shownIr) {
  os << "<div class=\"panel\">";
  os << "<h3>" << esc(c.repro) << " @" << esc(c.config) << " \u00b7 "
     << esc(c.variant) << "</h3>";
  os << "<table class=\"kv\">";
  kv(os, "outcome", describeOutcome(c));
  kv(os, "expected", c.expected);
  kv(os, "as expected", c.asExpected ? "yes" : "NO");
  if (c.signature)
    kv(os, "signature", *c.signature);
  if (c.crashSite)
    kv(os, "crash site", *c.crashSite);
  if (c.modelDiverges)
    kv(os, "model diverges", *c.modelDiverges);
  if (c.exitStatus)
    kv(os, "exit status", *c.exitStatus);
  const CellResult &r = c.reported();
  if (!r.message.empty())
    kv(os, "message", r.message);
  if (!r.inputKind.empty())
    kv(os, "inputs", r.inputKind);
  if (!r.precision.empty())
    kv(os, "precision", r.precision);
  kv(os, "PCC (exact, worst seed)", formatNumber(c.reported().pcc, 6));
  kv(os, "max error vs exact (bound)",
     formatNumber(c.reported().maxError, 6) + " (" +
         formatNumber(c.reported().exactBound) + ")");
  kv(os, "max error vs faithful (bound)",
     formatNumber(c.reported().faithfulMaxError, 6) + " (" +
         formatNumber(c.reported().faithfulMaxBound) + ")");
  kv(os, "rms error vs faithful (bound)",
     formatNumber(c.reported().faithfulRmsError, 6) + " (" +
         formatNumber(c.reported().faithfulRmsBound) + ")");
  if (c.reported().outputNonFinite)
    kv(os, "output", "holds NaN or infinity");
  kv(os, "cycles",
     c.reported().cycles ? std::to_string(*c.reported().cycles) : "\u2014");
  kv(os, "TFLOP/s", formatNumber(c.reported().tflops));
  kv(os, "utilisation",
     formatPercent(c.reported().utilisation) +
         (!r.fidelity.empty()
              ? " of the " + formatNumber(c.reported().peakTflops) +
                    " TFLOP/s peak at " + r.fidelity
              : std::string()));
  kv(os, "attention",
     r.isAttention ? (*r.isAttention ? "yes" : "no") : "\u2014");
  kv(os, "seconds (wall)", formatNumber(c.seconds));
  os << "</table>";

  if (!r.seeds.empty()) {
    os << "<h4>Seeds (" << r.seeds.size() << ")</h4><table class=\"kv\">"
       << "<tr><th>seed</th><th>outcome</th><th>PCC</th><th>max error</th>"
          "<th>faithful max (bound)</th><th>faithful rms (bound)</th></tr>";
    for (const SeedResult &s : r.seeds)
      os << "<tr><td>" << s.seed << "</td><td>" << esc(outcomeName(s.outcome))
         << "</td><td>" << esc(formatNumber(s.pcc, 6)) << "</td><td>"
         << esc(formatNumber(s.maxError)) << "</td><td>"
         << esc(formatNumber(s.faithfulMaxError) + " (" +
                formatNumber(s.faithfulMaxBound) + ")")
         << "</td><td>"
         << esc(formatNumber(s.faithfulRmsError) + " (" +
                formatNumber(s.faithfulRmsBound) + ")")
         << "</td></tr>";
    os << "</table>";
  }

  if (!r.hazards.empty()) {
    os << "<h4>Hazards (" << r.hazards.size() << ")</h4><table class=\"kv\">"
       << "<tr><th>kind</th><th>core</th><th>thread</th><th>op</th>"
          "<th>location</th><th>DST slice</th><th>CB</th><th>detail</th></tr>";
    for (const HazardRecord &h : r.hazards) {
      os << "<tr><td>" << esc(h.kind) << "</td><td>";
      if (h.coreX >= 0 || h.coreY >= 0)
        os << "(" << h.coreX << "," << h.coreY << ")";
      os << "</td><td>" << esc(h.thread) << "</td><td>" << esc(h.op)
         << "</td><td>" << esc(h.location) << "</td><td>";
      if (h.dstSlice >= 0)
        os << h.dstSlice;
      os << "</td><td>";
      if (h.cb >= 0)
        os << h.cb;
      os << "</td><td>" << esc(h.detail) << "</td></tr>";
    }
    os << "</table>";
  }

  if (c.crashLog)
    os << "<details open><summary>Log (stderr tail)</summary><pre>"
       << esc(*c.crashLog) << "</pre></details>";

  if (c.dump) {
    SmallString<256> dir(options.matrixDir);
    sys::path::append(dir, *c.dump);
    std::vector<std::string> files = listDir(dir);
    // A file of the cell's directory, as the page links it.
    auto hrefFor = [&](StringRef name) {
      if (options.relativeLinks)
        return encodeUrlPath(*c.dump + "/" + name.str());
      SmallString<256> abs(dir);
      sys::path::append(abs, name);
      sys::fs::make_absolute(abs);
      return "file://" + encodeUrlPath(abs);
    };
    bool anyIr = false;
    for (const std::string &f : files) {
      if (sys::path::extension(f) != ".mlir")
        continue;
      if (!anyIr)
        os << "<h4>IR after each stage</h4>";
      anyIr = true;
      SmallString<256> path(dir);
      sys::path::append(path, f);
      uint64_t size = 0;
      if (!sys::fs::file_size(path, size) && size > kInlineIrBytes) {
        os << "<p class=\"ir\"><a href=\"" << esc(hrefFor(f)) << "\">" << esc(f)
           << "</a> (" << formatNumber(size / 1024.0, 3) << " KiB)</p>";
        continue;
      }
      bool truncated;
      std::string text = readText(path, kMaxIrBytes, truncated);
      auto [seen, first] = shownIr.try_emplace(text, c.id());
      if (!first) {
        os << "<p class=\"ir\"><a href=\"" << esc(hrefFor(f)) << "\">" << esc(f)
           << "</a> (the text shown for " << esc(seen->second) << ")</p>";
        continue;
      }
      os << "<details class=\"ir\"><summary>" << esc(f) << "</summary><pre>"
         << esc(text) << (truncated ? "\n\u2026 (truncated)" : "")
         << "</pre></details>";
    }
    // One timeline per dst_occupancy*.json, or per dst_occupancy*.svg where
    // the matrix kept only the drawing (cells as expected).
    std::set<std::string> timelines;
    for (const std::string &f : files) {
      StringRef ext = sys::path::extension(f);
      if (StringRef(f).starts_with("dst_occupancy") &&
          (ext == ".json" || ext == ".svg"))
        timelines.insert(sys::path::stem(f).str());
    }
    auto showSvgFile = [&](StringRef svgName, StringRef svgText) {
      if (svgText.size() <= kInlineSvgBytes &&
          svgText.starts_with("<svg class=\"timeline\"")) {
        os << "<div class=\"svgwrap\">" << svgText << "</div>";
        return;
      }
      os << "<div class=\"svgwrap\"><a href=\"" << esc(hrefFor(svgName))
         << "\"><img loading=\"lazy\" alt=\"DST slice occupancy\" src=\""
         << esc(hrefFor(svgName)) << "\"></a></div>";
    };
    for (const std::string &stem : timelines) {
      std::string jsonName = stem + ".json", svgName = stem + ".svg";
      SmallString<256> path(dir);
      sys::path::append(path, jsonName);
      SmallString<256> svgPath(dir);
      sys::path::append(svgPath, svgName);
      bool truncated;
      if (!llvm::is_contained(files, jsonName)) {
        os << "<h4>DST occupancy: " << esc(svgName) << "</h4>";
        std::string text = readText(svgPath, kInlineSvgBytes + 1, truncated);
        showSvgFile(svgName, truncated ? StringRef() : StringRef(text));
        continue;
      }
      os << "<h4>DST occupancy: " << esc(jsonName) << "</h4>";
      std::string text = readText(path, 64 * 1024 * 1024, truncated);
      Expected<std::string> svg = renderOccupancySvgText(text, path);
      if (!svg) {
        os << "<p class=\"bad\">unreadable: " << esc(toString(svg.takeError()))
           << "</p>";
        continue;
      }
      if (svg->size() <= kInlineSvgBytes) {
        os << "<div class=\"svgwrap\">" << *svg << "</div>";
        continue;
      }
      if (Error e = writeFileAtomically(svgPath, *svg)) {
        os << "<p class=\"bad\">cannot write the timeline: "
           << esc(toString(std::move(e))) << "</p>";
        continue;
      }
      showSvgFile(svgName, "");
    }
    if (llvm::is_contained(files, "trace.json"))
      os << "<p><a class=\"trace\" href=\"" << esc(hrefFor("trace.json"))
         << "\">Chrome trace (trace.json)</a> \u2014 open it in Perfetto or "
            "chrome://tracing.</p>";
  }
  os << "</div>";
}

/// Distinct colours for the columns, in column order.
std::string variantColour(size_t column) {
  static const char *const kPalette[] = {
      "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
      "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};
  return kPalette[column % std::size(kPalette)];
}

/// One repro's performance: a bar per cell that has a utilisation, grouped
/// by configuration, its length the fraction of the compute roof (the
/// grid's peak at the cell's fidelity), labelled with TFLOP/s. Empty when
/// no cell of the repro ran to the end of the simulation.
std::string renderPerfChart(const MatrixRun &run, const ReproInfo &r) {
  struct Bar {
    const CellRecord *cell;
    size_t variant;
  };
  std::vector<std::pair<std::string, std::vector<Bar>>> groups;
  size_t labelChars = 8;
  for (const ReproInfo::Config &cfg : r.configs) {
    std::vector<Bar> bars;
    for (auto [i, v] : llvm::enumerate(run.variants)) {
      const CellRecord *c = run.findCell(r.name, cfg.name, v);
      if (c && c->reported().utilisation &&
          std::isfinite(*c->reported().utilisation))
        bars.push_back({c, i});
    }
    if (bars.empty())
      continue;
    labelChars = std::max(labelChars, cfg.name.size() + 1);
    groups.push_back({cfg.name, std::move(bars)});
  }
  if (groups.empty())
    return "";
  const double barH = 12, gap = 10, top = 22, width = 360;
  const double left = 8 + 6.5 * static_cast<double>(labelChars);
  size_t variantChars = 0;
  for (const std::string &v : run.variants)
    variantChars = std::max(variantChars, v.size());
  const double labelW = 6.5 * static_cast<double>(variantChars) + 200;
  double height = top + 16;
  for (const auto &g : groups)
    height += barH * static_cast<double>(g.second.size()) + gap;
  auto x = [&](double fraction) {
    return left + width * std::clamp(fraction, 0.0, 1.0);
  };
  std::string out;
  raw_string_ostream os(out);
  os << "<svg class=\"perf\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
     << fmt(left + width + labelW) << "\" height=\"" << fmt(height)
     << "\" role=\"img\" aria-label=\"utilisation and TFLOP/s of "
     << esc(r.name) << "\" font-size=\"11\">\n";
  // The axis: fraction of the compute roof; 100% is the roof itself.
  for (int pct = 0; pct <= 100; pct += 25) {
    double px = x(pct / 100.0);
    os << "<line x1=\"" << fmt(px) << "\" x2=\"" << fmt(px) << "\" y1=\""
       << fmt(top - 4) << "\" y2=\"" << fmt(height - 14) << "\" stroke=\""
       << (pct == 100 ? "#b00\" stroke-dasharray=\"4 3" : "#ddd") << "\"/>"
       << "<text x=\"" << fmt(px) << "\" y=\"" << fmt(top - 8)
       << "\" text-anchor=\"middle\">" << pct << "%</text>\n";
  }
  os << "<text x=\"" << fmt(left + width / 2) << "\" y=\"" << fmt(height - 2)
     << "\" text-anchor=\"middle\">fraction of the compute roof (peak at "
        "the cell's fidelity)</text>\n";
  double y = top;
  for (const auto &[config, bars] : groups) {
    os << "<text x=\"" << fmt(left - 6) << "\" y=\"" << fmt(y + barH - 2)
       << "\" text-anchor=\"end\">@" << esc(config) << "</text>\n";
    for (const Bar &b : bars) {
      const CellRecord &c = *b.cell;
      double w = std::max(1.0, x(*c.reported().utilisation) - left);
      os << "<rect x=\"" << fmt(left) << "\" y=\"" << fmt(y + 1)
         << "\" width=\"" << fmt(w) << "\" height=\"" << fmt(barH - 2)
         << "\" fill=\"" << variantColour(b.variant) << "\""
         << (c.asExpected ? "" : " stroke=\"#c00\"") << "><title>"
         << esc(c.id()) << ": " << esc(outcomeName(c.outcome)) << ", "
         << (c.reported().cycles
                 ? std::to_string(*c.reported().cycles) + " cycles"
                 : "")
         << "</title></rect>"
         << "<text x=\"" << fmt(x(1.0) + 6) << "\" y=\"" << fmt(y + barH - 2)
         << "\">" << esc(run.variants[b.variant]) << ": "
         << esc(formatNumber(c.reported().tflops)) << " TFLOP/s, "
         << esc(formatPercent(c.reported().utilisation)) << "</text>\n";
      y += barH;
    }
    y += gap;
  }
  os << "</svg>";
  return out;
}

} // namespace

std::string renderHtml(const MatrixRun &run, const HtmlOptions &options) {
  MatrixSummary s = summarize(run);
  std::string out;
  raw_string_ostream os(out);
  os << R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>dstlab matrix</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:1.5em;color:#222}
h1{margin:.2em 0}
table.grid{border-collapse:collapse;margin:1em 0}
table.grid th,table.grid td{border:1px solid #bbb;padding:3px 8px}
table.grid thead th{background:#eee}
table.grid tbody th{text-align:left;font-weight:normal;white-space:nowrap}
td.cell{position:relative;text-align:center;min-width:3.5em}
td.cell>details>summary{cursor:pointer;list-style:none;font-weight:bold}
td.cell>details>summary::-webkit-details-marker{display:none}
td.cell>details[open]>.panel{position:absolute;z-index:10;left:0;top:100%;width:min(75vw,920px);max-height:75vh;overflow:auto;background:#fff;border:1px solid #888;box-shadow:0 4px 18px rgba(0,0,0,.3);padding:10px;text-align:left;font-weight:normal}
td.cell.r>details[open]>.panel{left:auto;right:0}
td.unexpected{outline:3px solid #c00;outline-offset:-3px}
td.none{color:#999;text-align:center}
.o-pass{background:#bfeabf}.o-crash{background:#f3a9a9}.o-error{background:#f7cf8f}
.o-miscompiled{background:#f6a35d}.o-imprecise{background:#f6e58d}.o-hazard{background:#dcb8f2}.o-deadlock{background:#b3cdf2}
.o-timeout{background:#cfcfcf}.o-bad-input{background:#e8e8e8}
.legend span{display:inline-block;padding:1px 8px;margin:2px;border:1px solid #bbb}
table.kv{border-collapse:collapse;margin:.4em 0}
table.kv th,table.kv td{border:1px solid #ddd;padding:1px 6px;text-align:left;vertical-align:top}
pre{background:#f6f6f6;padding:6px;overflow:auto;max-height:45vh;font-size:12px;white-space:pre}
.bad{color:#b00}
.svgwrap{overflow-x:auto}
</style>
</head>
<body>
<h1>dstlab matrix</h1>
)";
  os << "<p>Schema <code>" << esc(run.schema) << "</code>, "
     << esc(seedsText(run.seeds)) << ". <strong>" << s.cells
     << " cells: " << s.asExpected << " as expected, " << s.unexpected
     << " not as expected.</strong>";
  if (run.timing)
    os << " Wall time " << formatNumber(run.timing->wallSeconds) << " s with "
       << run.timing->jobs << " jobs.";
  os << " Click a cell for its details.</p>\n";

  os << "<div class=\"legend\">";
  for (Outcome o : matrixOutcomes())
    os << "<span class=\"o-" << o << "\">" << esc(glyphFor(o)) << " " << o
       << "</span>";
  os << "<span class=\"unexpected-key\" style=\"outline:3px solid "
        "#c00;outline-offset:-3px\">! not as expected</span>";
  os << "</div>\n";

  ShownIr shownIr;
  os << "<table class=\"grid\"><thead><tr><th>repro</th><th>config</th>";
  for (const std::string &v : run.variants)
    os << "<th>" << esc(v) << "</th>";
  os << "</tr></thead>\n<tbody>\n";
  for (const ReproInfo &r : run.repros) {
    for (const ReproInfo::Config &cfg : r.configs) {
      bool any = llvm::any_of(run.variants, [&](const std::string &v) {
        return run.findCell(r.name, cfg.name, v) != nullptr;
      });
      if (!any)
        continue;
      os << "<tr><th title=\"" << esc(r.origin) << "\">" << esc(r.name)
         << "</th><th title=\"" << esc(cfg.description) << "\">@"
         << esc(cfg.name) << "</th>";
      for (auto [column, v] : llvm::enumerate(run.variants)) {
        const CellRecord *c = run.findCell(r.name, cfg.name, v);
        if (!c) {
          os << "<td class=\"none\">\u00b7</td>";
          continue;
        }
        // Panels of the right-hand columns open towards the left.
        bool right = 2 * column >= run.variants.size();
        os << "<td class=\"cell" << (right ? " r" : "") << " o-"
           << esc(outcomeName(c->outcome))
           << (c->asExpected ? "" : " unexpected") << "\" data-cell=\""
           << esc(c->id()) << "\" data-outcome=\""
           << esc(outcomeName(c->outcome)) << "\" title=\""
           << esc(describeOutcome(*c)) << "\"><details>"
           << "<summary>" << esc(glyphFor(c->outcome))
           << (c->asExpected ? "" : "!")
           << (c->modelDiverges ? "<span class=\"diverges\" title=\"model "
                                  "diverges\">\u2260</span>"
                                : "")
           << "</summary>";
        renderPanel(os, *c, options, shownIr);
        os << "</details></td>";
      }
      os << "</tr>\n";
    }
  }
  os << "</tbody></table>\n";

  // Performance per repro: where the cells ran to the end of the simulation.
  std::string charts;
  for (const ReproInfo &r : run.repros)
    if (std::string chart = renderPerfChart(run, r); !chart.empty())
      charts += "<h3>" + esc(r.name) + "</h3>\n<div class=\"svgwrap\">" +
                chart + "</div>\n";
  if (!charts.empty())
    os << "<h2 id=\"performance\">Performance</h2>\n<p>Per configuration "
          "and variant: the achieved fraction of the compute roof (the "
          "grid's peak TFLOP/s at the cell's math fidelity) and TFLOP/s at "
          "the simulated clock, first seed. A red outline marks a cell not "
          "as expected.</p>\n"
       << charts;
  os << "</body>\n</html>\n";
  return out;
}

} // namespace dstlab::reports
