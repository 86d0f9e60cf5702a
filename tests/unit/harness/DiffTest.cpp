//===- DiffTest.cpp - before/after diffs ----------------------------------===//

#include "reports/Diff.h"
#include "harness/CellResult.h"

#include "gtest/gtest.h"

using namespace dstlab::harness;
using namespace dstlab::reports;

namespace {

CellRecord cell(const char *config, const char *outcome, bool asExpected,
                const char *expected = "pass") {
  CellRecord c;
  c.repro = "r";
  c.config = config;
  c.variant = "fixed";
  c.outcome = *parseOutcome(outcome);
  c.asExpected = asExpected;
  c.expected = expected;
  return c;
}

MatrixRun runOf(std::vector<CellRecord> cells) {
  MatrixRun run;
  run.variants = allVariants();
  ReproInfo r;
  r.name = "r";
  for (const CellRecord &c : cells)
    r.configs.push_back({c.config, ""});
  run.repros.push_back(r);
  run.cells = std::move(cells);
  return run;
}

std::vector<std::string> ids(const std::vector<CellChange> &changes) {
  std::vector<std::string> out;
  for (const CellChange &c : changes)
    out.push_back(c.id);
  return out;
}

using Ids = std::vector<std::string>;

TEST(Diff, EachChangeKind) {
  CellRecord sigBefore = cell("sig", "crash", true, "crash \"a\"");
  sigBefore.signature = "a";
  CellRecord sigAfter = sigBefore;
  sigAfter.signature = "b";
  sigAfter.asExpected = false;
  CellRecord numBefore = cell("num", "miscompiled", true, "miscompiled");
  numBefore.result.emplace().pcc = 0.5;
  CellRecord numAfter = numBefore;
  numAfter.result->pcc = 0.6;
  CellRecord perfBefore = cell("perf", "pass", true);
  perfBefore.result.emplace();
  perfBefore.result->cycles = 1000;
  perfBefore.result->tflops = 10;
  CellRecord perfAfter = perfBefore;
  perfAfter.result->cycles = 800;
  perfAfter.result->tflops = 12.5;
  CellRecord expBefore = cell("exp", "crash", true, "crash \"x\"");
  CellRecord expAfter = cell("exp", "crash", true, "crash \"y\"");

  MatrixRun before = runOf({
      cell("fixed_by_patch", "crash", false),
      cell("broken", "pass", true),
      cell("expected_broken", "crash", true, "crash \"m\""),
      cell("starts_passing", "crash", true, "crash \"m\""),
      cell("other", "crash", true, "crash \"m\""),
      sigBefore,
      numBefore,
      perfBefore,
      expBefore,
      cell("gone", "pass", true),
      cell("same", "pass", true),
  });
  MatrixRun after = runOf({
      cell("fixed_by_patch", "pass", true),
      cell("broken", "imprecise", false),
      cell("expected_broken", "error", false, "crash \"m\""),
      cell("starts_passing", "pass", false, "crash \"m\""),
      cell("other", "hazard", true, "hazard h"),
      sigAfter,
      numAfter,
      perfAfter,
      expAfter,
      cell("new", "pass", true),
      cell("same", "pass", true),
  });
  MatrixDiff d = diffRuns(before, after);
  EXPECT_EQ(ids(d.regressions),
            (Ids{"r/broken/fixed", "r/expected_broken/fixed", "r/sig/fixed"}));
  EXPECT_EQ(ids(d.newlyPassing),
            (Ids{"r/fixed_by_patch/fixed", "r/starts_passing/fixed"}));
  EXPECT_EQ(ids(d.newlyFailing), (Ids{"r/broken/fixed"}));
  EXPECT_EQ(ids(d.outcomeChanges),
            (Ids{"r/expected_broken/fixed", "r/other/fixed"}));
  EXPECT_EQ(ids(d.signatureChanges), (Ids{"r/sig/fixed"}));
  EXPECT_EQ(ids(d.numericsChanges), (Ids{"r/num/fixed"}));
  EXPECT_EQ(ids(d.expectationChanges), (Ids{"r/other/fixed", "r/exp/fixed"}));
  EXPECT_EQ(ids(d.performanceChanges), (Ids{"r/perf/fixed"}));
  EXPECT_EQ(ids(d.added), (Ids{"r/new/fixed"}));
  EXPECT_EQ(ids(d.removed), (Ids{"r/gone/fixed"}));
  EXPECT_TRUE(d.regressed());

  std::string md = renderDiff(d, before, after, "before.json", "after.json");
  EXPECT_NE(md.find("**Regressed: 3 cells.**"), std::string::npos);
  EXPECT_NE(md.find("| Newly passing | 2 |"), std::string::npos);
  EXPECT_NE(md.find("| `r/broken/fixed` | \u2713 pass | I imprecise (exact "
                    "max error \u2014 > bound \u2014, PCC \u2014; faithful "
                    "agrees) (not as expected) |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| `r/sig/fixed` | \u2717 crash \"a\" | \u2717 crash "
                    "\"b\" (not as expected) |"),
            std::string::npos);
  EXPECT_NE(md.find("| `r/perf/fixed` | 1000 | 800 | -20.0% | 10 | 12.5 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| `r/exp/fixed` | crash \"x\" | crash \"y\" |"),
            std::string::npos);
}

TEST(Diff, NoRegressions) {
  MatrixRun run = runOf({cell("a", "pass", true), cell("b", "crash", true)});
  MatrixDiff d = diffRuns(run, run);
  EXPECT_FALSE(d.regressed());
  EXPECT_TRUE(d.newlyPassing.empty() && d.signatureChanges.empty() &&
              d.performanceChanges.empty() && d.added.empty() &&
              d.removed.empty());
  std::string md = renderDiff(d, run, run, "a.json", "b.json");
  EXPECT_NE(md.find("**No regressions.**"), std::string::npos);
  EXPECT_EQ(md.find("## "), std::string::npos); // no sections
}

TEST(Diff, SeedsDiffer) {
  MatrixRun a = runOf({cell("a", "pass", true)}), b = a;
  b.seed = 9;
  b.seeds = {9, 10, 11};
  MatrixDiff d = diffRuns(a, b);
  EXPECT_TRUE(d.seedsDiffer);
  EXPECT_NE(renderDiff(d, a, b, "a", "b").find("different seeds"),
            std::string::npos);
}

} // namespace
