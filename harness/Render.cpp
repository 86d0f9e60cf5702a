//===- Render.cpp - matrix.md, junit.xml and the terminal table -----------===//

#include "harness/Render.h"

#include "harness/RealTool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace llvm;

namespace dstlab::harness {

std::string escapeXml(StringRef text) {
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += "&#39;";
      break;
    default:
      // Control characters are not allowed in XML 1.0, not even escaped.
      if (c < 0x20 && ch != '\n' && ch != '\t' && ch != '\r')
        out += "\xEF\xBF\xBD";
      else
        out.push_back(ch);
    }
  }
  return out;
}

std::string escapeMarkdownCell(StringRef text) {
  std::string out;
  for (char c : text) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else if (c != '\r')
      out.push_back(c);
  }
  return out;
}

std::string legendText() {
  std::string out;
  for (const OutcomeInfo &o : outcomeTable())
    if (!o.legend.empty())
      out += (o.glyph + " " + o.legend + "  ").str();
  return out + "\u00b7 not run  ! not as expected  \u2260 model diverges "
               "(real: columns)";
}

std::string describeOutcome(const CellRecord &c) {
  std::string out = outcomeName(c.outcome).str();
  StringRef sig = c.signature ? StringRef(*c.signature) : StringRef();
  if (c.outcome == Outcome::Crash || c.outcome == Outcome::Error) {
    if (!sig.empty())
      out += " \"" + sig.str() + "\"";
  } else if (c.outcome == Outcome::Miscompiled) {
    out += " (faithful max error " +
           formatNumber(c.reported().faithfulMaxError) + " > bound " +
           formatNumber(c.reported().faithfulMaxBound) + " or rms " +
           formatNumber(c.reported().faithfulRmsError) + " > " +
           formatNumber(c.reported().faithfulRmsBound) + "; exact max error " +
           formatNumber(c.reported().maxError) + ")";
  } else if (c.outcome == Outcome::Imprecise) {
    out += " (exact max error " + formatNumber(c.reported().maxError) +
           " > bound " + formatNumber(c.reported().exactBound) + ", PCC " +
           formatNumber(c.reported().pcc) + "; faithful agrees)";
  } else if (c.outcome == Outcome::Hazard) {
    if (!sig.empty())
      out += " " + sig.str();
  } else if (c.outcome == Outcome::Pass) {
    if (c.reported().isAttention == false)
      out += " (not attention)";
  } else if (!sig.empty()) {
    out += " (" + sig.str() + ")";
  } else if (!c.reported().message.empty()) {
    out += " (" + c.reported().message + ")";
  }
  if (c.crashSite && isRealVariant(c.variant))
    out += " at " + *c.crashSite;
  if (c.modelDiverges)
    out += "; model diverges: " + *c.modelDiverges;
  return out;
}

std::string describeMismatch(const CellRecord &c) {
  return "expected " + c.expected + ", got " + describeOutcome(c);
}

namespace {

/// `text`, or a dash for none.
std::string orDash(const std::string &text) {
  return text.empty() ? "\u2014" : text;
}

/// Display width of a UTF-8 string (one column per code point).
size_t displayWidth(StringRef s) {
  return llvm::count_if(
      s, [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

std::string pad(StringRef s, size_t width) {
  std::string out = s.str();
  size_t w = displayWidth(s);
  if (w < width)
    out.append(width - w, ' ');
  return out;
}

std::string rowLabel(const ReproInfo &r, const ReproInfo::Config &c) {
  return r.name + " @" + c.name;
}

std::string glyphCell(const CellRecord *c) {
  if (!c)
    return "\u00b7";
  std::string g = glyphFor(c->outcome).str();
  if (!c->asExpected)
    g += "!";
  if (c->modelDiverges)
    g += "\u2260";
  return g;
}

} // namespace

std::string renderTable(const MatrixRun &run, TableStyle style) {
  size_t labelWidth = 0;
  for (const ReproInfo &r : run.repros)
    for (const ReproInfo::Config &c : r.configs)
      if (llvm::any_of(run.variants, [&](const std::string &v) {
            return run.findCell(r.name, c.name, v) != nullptr;
          }))
        labelWidth = std::max(labelWidth, displayWidth(rowLabel(r, c)));
  std::string out;
  raw_string_ostream os(out);
  os << pad("", labelWidth);
  for (const std::string &v : run.variants)
    os << "  " << v;
  os << "\n";
  for (const ReproInfo &r : run.repros) {
    for (const ReproInfo::Config &c : r.configs) {
      std::string line = pad(rowLabel(r, c), labelWidth);
      bool any = false;
      for (const std::string &v : run.variants) {
        const CellRecord *cell = run.findCell(r.name, c.name, v);
        any |= cell != nullptr;
        std::string text = glyphCell(cell);
        std::string padded = pad(text, std::max<size_t>(v.size(), 2));
        if (style.color && cell) {
          const char *color = !cell->asExpected                ? "\x1b[1;31m"
                              : cell->outcome == Outcome::Pass ? "\x1b[32m"
                                                               : "\x1b[33m";
          padded = color + text + "\x1b[0m" +
                   std::string(displayWidth(padded) - displayWidth(text), ' ');
        }
        line += "  " + padded;
      }
      if (any)
        os << StringRef(line).rtrim() << "\n";
    }
  }
  os << legendText() << "\n";
  return out;
}

std::string renderMarkdown(const MatrixRun &run) {
  MatrixSummary s = summarize(run);
  std::string out;
  raw_string_ostream os(out);
  os << "# dstlab matrix\n\n";
  os << "Schema `" << run.schema << "`, " << seedsText(run.seeds)
     << " per numeric cell, time limit " << formatNumber(run.timeoutSeconds, 6)
     << " s";
  if (run.shard)
    os << ", shard " << run.shard->first << "/" << run.shard->second;
  if (run.filter)
    os << ", filter `" << *run.filter << "`";
  os << ".\n";
  if (run.timing)
    os << "Wall time " << formatNumber(run.timing->wallSeconds, 4) << " s with "
       << run.timing->jobs << " jobs.\n";
  os << "\n**" << s.cells << " cells: " << s.asExpected << " as expected, "
     << s.unexpected << " not as expected.**";
  if (!s.outcomes.empty()) {
    os << " Outcomes:";
    bool first = true;
    for (Outcome o : matrixOutcomes()) {
      auto it = s.outcomes.find(o);
      if (it == s.outcomes.end())
        continue;
      os << (first ? " " : ", ") << o << " " << it->second;
      first = false;
    }
    os << ".";
  }
  os << "\n\n";

  os << "| repro | config |";
  for (const std::string &v : run.variants)
    os << " " << v << " |";
  os << "\n|---|---|";
  for (size_t i = 0; i < run.variants.size(); ++i)
    os << ":---:|";
  os << "\n";
  for (const ReproInfo &r : run.repros)
    for (const ReproInfo::Config &c : r.configs) {
      bool any = llvm::any_of(run.variants, [&](const std::string &v) {
        return run.findCell(r.name, c.name, v) != nullptr;
      });
      if (!any)
        continue;
      os << "| " << escapeMarkdownCell(r.name) << " | @"
         << escapeMarkdownCell(c.name) << " |";
      for (const std::string &v : run.variants)
        os << " " << glyphCell(run.findCell(r.name, c.name, v)) << " |";
      os << "\n";
    }
  os << "\nLegend: " << legendText() << "\n\n";

  os << "## Cells not as expected\n\n";
  if (s.unexpected == 0) {
    os << "Every cell is as expected.\n\n";
  } else {
    os << "| cell | expected | got |\n|---|---|---|\n";
    for (const CellRecord &c : run.cells)
      if (!c.asExpected)
        os << "| `" << c.id() << "` | " << escapeMarkdownCell(c.expected)
           << " | " << escapeMarkdownCell(describeOutcome(c)) << " |\n";
    os << "\n";
  }

  bool anyReal = !run.realTools.empty();
  if (anyReal) {
    os << "## Real tt-mlir columns\n\n";
    for (const RealToolInfo &t : run.realTools)
      os << "- `" << t.variant << "`: tt-mlir " << t.commit << ", asserts "
         << (t.asserts ? "on" : "off")
         << (t.recorded ? ", replayed from recordings" : ", live binary")
         << "; model column: "
         << (t.model.empty() ? std::string("none") : "`" + t.model + "`")
         << "\n";
    os << "\n### Where the model diverges\n\n";
    size_t n = 0;
    for (const CellRecord &c : run.cells)
      if (c.modelDiverges) {
        if (n++ == 0)
          os << "| cell | real tt-mlir | model |\n|---|---|---|\n";
        std::string real = outcomeName(c.outcome).str();
        if (c.signature)
          real += " \"" + *c.signature + "\"";
        if (c.crashSite)
          real += " (" + *c.crashSite + ")";
        os << "| `" << c.id() << "` | " << escapeMarkdownCell(real) << " | "
           << escapeMarkdownCell(*c.modelDiverges) << " |\n";
      }
    if (n == 0)
      os << "Nowhere: every real cell with a model column ended as the model "
            "did.\n";
    os << "\n";
  }

  os << "## All cells\n\n";
  os << "| repro | config | variant | outcome | expected | as expected | "
        "signature | inputs | precision | PCC | max error | faithful max "
        "(bound) | faithful rms (bound) | hazards | cycles | TFLOP/s | "
        "utilisation (fidelity) | seconds |\n";
  os << "|---|---|---|---|---|:---:|---|---|---|---:|---:|---:|---:|---:|---:|"
        "---:|---:|---:|\n";
  for (const CellRecord &c : run.cells) {
    os << "| " << escapeMarkdownCell(c.repro) << " | @"
       << escapeMarkdownCell(c.config) << " | " << c.variant << " | "
       << glyphFor(c.outcome) << " " << c.outcome << " | "
       << escapeMarkdownCell(c.expected) << " | "
       << (c.asExpected ? "yes" : "**no**") << " | "
       << escapeMarkdownCell(c.signature.value_or("")) << " | "
       << orDash(c.reported().inputKind) << " | "
       << orDash(c.reported().precision) << " | "
       << formatNumber(c.reported().pcc) << " | "
       << formatNumber(c.reported().maxError) << " | "
       << formatNumber(c.reported().faithfulMaxError) << " ("
       << formatNumber(c.reported().faithfulMaxBound) << ") | "
       << formatNumber(c.reported().faithfulRmsError) << " ("
       << formatNumber(c.reported().faithfulRmsBound) << ") | "
       << (c.result ? std::to_string(c.result->hazards.size()) : "\u2014")
       << " | "
       << (c.reported().cycles ? std::to_string(*c.reported().cycles)
                               : "\u2014")
       << " | " << formatNumber(c.reported().tflops) << " | "
       << formatPercent(c.reported().utilisation)
       << (c.reported().fidelity.empty() ? std::string()
                                         : " (" + c.reported().fidelity + ")")
       << " | " << formatNumber(c.seconds) << " |\n";
  }
  return out;
}

namespace {

/// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string csvField(StringRef text) {
  if (text.find_first_of(",\"\r\n") == StringRef::npos)
    return text.str();
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

/// Fixed-point with at most `decimals` digits after the point, trailing
/// zeros dropped: spreadsheets read it as a number whatever its magnitude.
std::string csvNumber(std::optional<double> v, int decimals) {
  if (!v || !std::isfinite(*v))
    return "";
  char buf[64];
  snprintf(buf, sizeof(buf), "%.*f", decimals, *v);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.')
      s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

} // namespace

std::string renderPerfCsv(const MatrixRun &run) {
  static const char *const kColumns[] = {
      "REPRO",           "OP CODE",
      "VARIANT",         "OUTCOME",
      "AS EXPECTED",     "MATH FIDELITY",
      "CORE COUNT",      "CYCLES",
      "CLOCK [GHz]",     "DEVICE KERNEL DURATION [ns]",
      "PM COMPUTE [ns]", "PM FPU UTIL (%)",
      "TFLOP/S",         "PEAK TFLOP/S",
      "INPUT KIND",      "PRECISION"};
  std::string out;
  raw_string_ostream os(out);
  for (auto [i, name] : llvm::enumerate(kColumns))
    os << (i ? "," : "") << csvField(name);
  os << "\n";
  for (const CellRecord &c : run.cells) {
    std::optional<double> ns, ideal, percent;
    if (c.reported().cycles && c.reported().clockGHz &&
        *c.reported().clockGHz > 0)
      ns = static_cast<double>(*c.reported().cycles) / *c.reported().clockGHz;
    if (c.reported().utilisation) {
      percent = *c.reported().utilisation * 100;
      if (ns)
        ideal = *c.reported().utilisation * *ns;
    }
    std::string fields[] = {
        csvField(c.repro),
        csvField(c.config),
        csvField(c.variant),
        csvField(outcomeName(c.outcome)),
        c.asExpected ? "yes" : "no",
        csvField(c.reported().fidelity),
        c.reported().cores ? std::to_string(*c.reported().cores) : "",
        c.reported().cycles ? std::to_string(*c.reported().cycles) : "",
        csvNumber(c.reported().clockGHz, 6),
        csvNumber(ns, 3),
        csvNumber(ideal, 3),
        csvNumber(percent, 4),
        csvNumber(c.reported().tflops, 6),
        csvNumber(c.reported().peakTflops, 6),
        csvField(c.reported().inputKind),
        csvField(c.reported().precision)};
    for (auto [i, f] : llvm::enumerate(fields))
      os << (i ? "," : "") << f;
    os << "\n";
  }
  return out;
}

std::string renderJUnit(const MatrixRun &run) {
  MatrixSummary s = summarize(run);
  std::string out;
  raw_string_ostream os(out);
  auto seconds = [](std::optional<double> v) {
    return v ? formatNumber(*v, 6) : std::string("0");
  };
  os << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  os << "<testsuites name=\"dstlab matrix\" tests=\"" << s.cells
     << "\" failures=\"" << s.unexpected << "\" errors=\"0\" time=\""
     << seconds(run.timing ? std::optional<double>(run.timing->wallSeconds)
                           : std::nullopt)
     << "\">\n";
  for (const ReproInfo &r : run.repros) {
    std::vector<const CellRecord *> cells;
    for (const CellRecord &c : run.cells)
      if (c.repro == r.name)
        cells.push_back(&c);
    if (cells.empty())
      continue;
    size_t failures = llvm::count_if(
        cells, [](const CellRecord *c) { return !c->asExpected; });
    double total = 0;
    bool anyTime = false;
    for (const CellRecord *c : cells)
      if (c->seconds) {
        total += *c->seconds;
        anyTime = true;
      }
    os << "  <testsuite name=\"" << escapeXml(r.name) << "\" tests=\""
       << cells.size() << "\" failures=\"" << failures
       << "\" errors=\"0\" skipped=\"0\" time=\""
       << seconds(anyTime ? std::optional<double>(total) : std::nullopt)
       << "\">\n";
    for (const CellRecord *c : cells) {
      os << "    <testcase classname=\"dstlab." << escapeXml(r.name)
         << "\" name=\"" << escapeXml(c->config + "/" + c->variant)
         << "\" time=\"" << seconds(c->seconds) << "\">\n";
      // What a CI dashboard filters and plots by; properties come first in
      // the JUnit schema. A figure that does not apply is left out.
      auto property = [&](StringRef name, StringRef value) {
        os << "        <property name=\"" << name << "\" value=\""
           << escapeXml(value) << "\"/>\n";
      };
      os << "      <properties>\n";
      property("variant", c->variant);
      property("configuration", c->config);
      property("outcome", outcomeName(c->outcome));
      property("expected", c->expected);
      if (c->signature)
        property("signature", *c->signature);
      if (c->crashSite)
        property("crash_site", *c->crashSite);
      if (c->reported().cycles)
        property("cycles", std::to_string(*c->reported().cycles));
      if (c->reported().tflops)
        property("tflops", formatNumber(*c->reported().tflops, 6));
      if (c->reported().utilisation)
        property("utilisation", formatNumber(*c->reported().utilisation, 6));
      if (c->modelDiverges)
        property("model_diverges", *c->modelDiverges);
      os << "      </properties>\n";
      if (!c->asExpected) {
        os << "      <failure type=\"" << escapeXml(outcomeName(c->outcome))
           << "\" message=\"" << escapeXml(describeMismatch(*c)) << "\">";
        if (c->crashLog)
          os << escapeXml(*c->crashLog);
        os << "</failure>\n";
      }
      os << "      <system-out>" << escapeXml(describeOutcome(*c))
         << "</system-out>\n";
      os << "    </testcase>\n";
    }
    os << "  </testsuite>\n";
  }
  os << "</testsuites>\n";
  return out;
}

} // namespace dstlab::harness
