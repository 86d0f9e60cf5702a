//===- Diff.cpp - what changed between two matrix runs --------------------===//

#include "reports/Diff.h"

#include "harness/Classify.h"
#include "harness/Render.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <map>

using namespace llvm;
using namespace dstlab::harness;

namespace dstlab::reports {

namespace {

bool differs(std::optional<double> a, std::optional<double> b) {
  if (a.has_value() != b.has_value())
    return true;
  if (!a)
    return false;
  if (std::isnan(*a) || std::isnan(*b))
    return std::isnan(*a) != std::isnan(*b);
  return std::fabs(*a - *b) > 1e-9 * std::max(1.0, std::fabs(*a));
}

std::string state(const CellRecord &c) {
  return (glyphFor(c.outcome) + " " + describeOutcome(c)).str() +
         (c.asExpected ? "" : " (not as expected)");
}

} // namespace

MatrixDiff diffRuns(const MatrixRun &before, const MatrixRun &after) {
  MatrixDiff d;
  d.seedsDiffer = before.seeds != after.seeds;
  std::map<std::string, const CellRecord *> old;
  for (const CellRecord &c : before.cells)
    old[c.id()] = &c;
  std::map<std::string, bool> seen;
  for (const CellRecord &a : after.cells) {
    std::string id = a.id();
    auto it = old.find(id);
    if (it == old.end()) {
      d.added.push_back({id, nullptr, &a});
      continue;
    }
    seen[id] = true;
    const CellRecord &b = *it->second;
    CellChange change{id, &b, &a};
    bool bPass = b.outcome == Outcome::Pass, aPass = a.outcome == Outcome::Pass;
    if ((bPass && !aPass) || (b.asExpected && !a.asExpected && !aPass))
      d.regressions.push_back(change);
    if (!bPass && aPass)
      d.newlyPassing.push_back(change);
    else if (bPass && !aPass)
      d.newlyFailing.push_back(change);
    else if (b.outcome != a.outcome)
      d.outcomeChanges.push_back(change);
    else if (b.signature != a.signature)
      d.signatureChanges.push_back(change);
    else if (differs(b.reported().pcc, a.reported().pcc) ||
             differs(b.reported().maxError, a.reported().maxError))
      d.numericsChanges.push_back(change);
    if (b.expected != a.expected)
      d.expectationChanges.push_back(change);
    if (b.reported().cycles != a.reported().cycles ||
        differs(b.reported().tflops, a.reported().tflops) ||
        differs(b.reported().utilisation, a.reported().utilisation))
      if (b.reported().cycles || a.reported().cycles)
        d.performanceChanges.push_back(change);
  }
  for (const CellRecord &b : before.cells)
    if (!seen.count(b.id()))
      d.removed.push_back({b.id(), &b, nullptr});
  return d;
}

std::string renderDiff(const MatrixDiff &d, const MatrixRun &before,
                       const MatrixRun &after, StringRef beforeName,
                       StringRef afterName) {
  std::string out;
  raw_string_ostream os(out);
  auto runLine = [&](const MatrixRun &r) {
    MatrixSummary s = summarize(r);
    return seedsText(r.seeds) + ", " + std::to_string(s.cells) + " cells, " +
           std::to_string(s.asExpected) + " as expected, " +
           std::to_string(s.outcomes[Outcome::Pass]) + " passing";
  };
  os << "# dstlab diff\n\n";
  os << "- Before: `" << beforeName << "` (" << runLine(before) << ")\n";
  os << "- After: `" << afterName << "` (" << runLine(after) << ")\n\n";
  if (d.seedsDiffer)
    os << "Note: the runs used different seeds, so inputs (and numbers) "
          "differ.\n\n";
  if (d.regressed())
    os << "**Regressed: " << d.regressions.size()
       << (d.regressions.size() == 1 ? " cell" : " cells") << ".**\n\n";
  else
    os << "**No regressions.**\n\n";

  struct Section {
    StringRef title;
    const std::vector<CellChange> *cells;
  };
  Section sections[] = {
      {"Regressions", &d.regressions},
      {"Newly passing", &d.newlyPassing},
      {"Newly failing", &d.newlyFailing},
      {"Other outcome changes", &d.outcomeChanges},
      {"Changed signatures", &d.signatureChanges},
      {"Changed numerics", &d.numericsChanges},
      {"Changed expectations", &d.expectationChanges},
      {"Performance deltas", &d.performanceChanges},
      {"Added cells", &d.added},
      {"Removed cells", &d.removed},
  };
  os << "| change | cells |\n|---|---:|\n";
  for (const Section &s : sections)
    os << "| " << s.title << " | " << s.cells->size() << " |\n";
  os << "\n";

  for (const Section &s : sections) {
    if (s.cells->empty())
      continue;
    os << "## " << s.title << "\n\n";
    if (s.cells == &d.performanceChanges) {
      os << "| cell | cycles before | cycles after | \u0394 cycles | TFLOP/s "
            "before | TFLOP/s after | utilisation before | utilisation after "
            "|\n|---|---:|---:|---:|---:|---:|---:|---:|\n";
      for (const CellChange &c : *s.cells) {
        std::string delta = "\u2014";
        if (c.before->reported().cycles && c.after->reported().cycles &&
            *c.before->reported().cycles) {
          double b = static_cast<double>(*c.before->reported().cycles);
          double a = static_cast<double>(*c.after->reported().cycles);
          char buf[32];
          snprintf(buf, sizeof(buf), "%+.1f%%", (a - b) / b * 100.0);
          delta = buf;
        }
        auto cycles = [](const CellRecord *r) {
          return r->reported().cycles ? std::to_string(*r->reported().cycles)
                                      : std::string("\u2014");
        };
        os << "| `" << c.id << "` | " << cycles(c.before) << " | "
           << cycles(c.after) << " | " << delta << " | "
           << formatNumber(c.before->reported().tflops) << " | "
           << formatNumber(c.after->reported().tflops) << " | "
           << formatPercent(c.before->reported().utilisation) << " | "
           << formatPercent(c.after->reported().utilisation) << " |\n";
      }
      os << "\n";
      continue;
    }
    if (s.cells == &d.expectationChanges) {
      os << "| cell | expected before | expected after |\n|---|---|---|\n";
      for (const CellChange &c : *s.cells)
        os << "| `" << c.id << "` | " << escapeMarkdownCell(c.before->expected)
           << " | " << escapeMarkdownCell(c.after->expected) << " |\n";
      os << "\n";
      continue;
    }
    os << "| cell | before | after |\n|---|---|---|\n";
    for (const CellChange &c : *s.cells)
      os << "| `" << c.id << "` | "
         << (c.before ? escapeMarkdownCell(state(*c.before)) : "\u2014")
         << " | " << (c.after ? escapeMarkdownCell(state(*c.after)) : "\u2014")
         << " |\n";
    os << "\n";
  }
  return out;
}

} // namespace dstlab::reports
