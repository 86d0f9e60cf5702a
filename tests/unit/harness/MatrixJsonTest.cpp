//===- MatrixJsonTest.cpp - matrix.json, merge, rendering -----------------===//

#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "harness/Render.h"

#include "llvm/Support/JSON.h"

#include "gtest/gtest.h"

using namespace dstlab::harness;

namespace {

/// A small run: two repros, three configs, every variant.
MatrixRun sampleRun() {
  MatrixRun run;
  run.seed = 3;
  run.seeds = {3, 4, 5};
  // Five columns, whatever the variant table holds: the counts and table
  // layouts below are about the JSON and the renderers.
  run.variants = {"upstream", "upstream-release", "multi-user", "unary-reduce",
                  "fixed"};
  run.repros.push_back({"p1",
                        "repros/p1.mlir",
                        "test_p1.py",
                        "matmul",
                        {},
                        {{"a", "grid 1x1"}, {"b", "grid 2x2"}}});
  run.repros.push_back(
      {"fa", "repros/fa.mlir", "the goal", "attention", true, {{"c", ""}}});
  for (const ReproInfo &r : run.repros)
    for (const ReproInfo::Config &c : r.configs)
      for (const std::string &v : run.variants) {
        CellRecord cell;
        cell.repro = r.name;
        cell.config = c.name;
        cell.variant = v;
        cell.dump = "cells/" + cell.id();
        if (v == "upstream") {
          cell.outcome = Outcome::Crash;
          cell.signature = "boom";
          cell.crashLog = "Assertion `x && \"boom\"' failed.\n";
          cell.expected = "crash \"boom\"";
          cell.asExpected = true;
        } else if (v == "upstream-release") {
          cell.outcome = Outcome::Miscompiled;
          CellResult &res = cell.result.emplace();
          res.pcc = 0.5;
          res.maxError = 0.75;
          cell.expected = "miscompiled";
          cell.asExpected = true;
        } else {
          cell.outcome = Outcome::Pass;
          CellResult &res = cell.result.emplace();
          res.pcc = 0.9999;
          res.maxError = 0.001;
          res.cycles = 1000;
          res.tflops = 12.5;
          res.utilisation = 0.25;
          res.isAttention =
              r.attention ? std::optional<bool>(true) : std::nullopt;
          cell.expected = "pass";
          cell.asExpected = v != "unary-reduce" || r.name != "fa";
        }
        run.cells.push_back(cell);
      }
  return run;
}

const char *kCellKeys[] = {
    "repro",       "variant",    "config",      "outcome",     "expected",
    "as_expected", "signature",  "pcc",         "max_error",   "hazards",
    "cycles",      "tflops",     "utilisation", "seconds",     "crash_log",
    "attention",   "crash_site", "message",     "exit_status", "dump"};

TEST(MatrixJson, EveryCellHasEveryKeyWithNulls) {
  MatrixRun run = sampleRun();
  llvm::json::Value v = toJSON(run);
  const llvm::json::Object *top = v.getAsObject();
  ASSERT_TRUE(top);
  EXPECT_EQ(top->getString("schema"),
            std::optional<llvm::StringRef>("dstlab-matrix/2"));
  EXPECT_EQ(top->getInteger("seed"), std::optional<int64_t>(3));
  for (const char *key : {"variants", "repros", "cells", "summary", "timing",
                          "shard", "filter", "timeout_seconds"})
    EXPECT_TRUE(top->get(key)) << key;
  const llvm::json::Array *cells = top->getArray("cells");
  ASSERT_TRUE(cells);
  ASSERT_EQ(cells->size(), 15u);
  for (const llvm::json::Value &c : *cells)
    for (const char *key : kCellKeys)
      EXPECT_TRUE(c.getAsObject()->get(key)) << key;
  const llvm::json::Object &crash = *(*cells)[0].getAsObject();
  EXPECT_EQ(crash.get("pcc")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(crash.get("hazards")->kind(), llvm::json::Value::Null);
  EXPECT_EQ(crash.get("seconds")->kind(), llvm::json::Value::Null);
  const llvm::json::Object *summary = top->getObject("summary");
  EXPECT_EQ(summary->getInteger("cells"), std::optional<int64_t>(15));
  EXPECT_EQ(summary->getInteger("unexpected"), std::optional<int64_t>(1));
}

TEST(MatrixJson, RoundTripsByteForByte) {
  MatrixRun run = sampleRun();
  run.timing = MatrixTiming{12.3456, 2};
  run.cells[2].seconds = 0.25;
  std::string text = serializeMatrix(run);
  EXPECT_EQ(text.back(), '\n');
  llvm::Expected<MatrixRun> back = parseMatrix(text, "m.json");
  ASSERT_TRUE(!!back) << llvm::toString(back.takeError());
  EXPECT_EQ(serializeMatrix(*back), text);
  EXPECT_EQ(back->timing->jobs, 2u);
  EXPECT_EQ(back->cells[2].seconds, std::optional<double>(0.25));
}

TEST(MatrixJson, ReadErrorsAreClear) {
  std::string good = serializeMatrix(sampleRun());
  auto error = [](const std::string &text) {
    llvm::Expected<MatrixRun> r = parseMatrix(text, "m.json");
    return r ? std::string("(parsed)") : llvm::toString(r.takeError());
  };
  auto edit = [&](auto f) {
    llvm::json::Value v = llvm::cantFail(llvm::json::parse(good));
    f(*v.getAsObject());
    return llvm::formatv("{0}", v).str();
  };
  EXPECT_NE(error("{").find("m.json: not valid JSON"), std::string::npos);
  EXPECT_NE(error("[]").find("m.json: top level: expected object"),
            std::string::npos);
  EXPECT_NE(error("{}").find("not a dstlab matrix JSON"), std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              o["schema"] = "dstlab-matrix/1";
            })).find("unsupported schema 'dstlab-matrix/1'"),
            std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              o.erase("seed");
            })).find("m.json: seed: missing value"),
            std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              (*o.getArray("cells"))[4].getAsObject()->erase("outcome");
            })).find("cells[4].outcome: missing value"),
            std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              (*(*o.getArray("cells"))[1].getAsObject())["pcc"] = "x";
            })).find("cells[1].pcc: expected a number or null"),
            std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              (*(*o.getArray("cells"))[1].getAsObject())["repro"] = "zz";
            })).find("repro 'zz' is not listed"),
            std::string::npos);
  EXPECT_NE(error(edit([](llvm::json::Object &o) {
              llvm::json::Array &cells = *o.getArray("cells");
              cells.push_back(llvm::json::Value(cells[0]));
            })).find("duplicate cell p1/a/upstream"),
            std::string::npos);
}

// Issue 21: each struct has one JSON mapping (json::ObjectMapper), and an
// error names the field by its path from the top.
TEST(MatrixJson, ErrorsNameTheFieldPath) {
  auto errorAfter = [](auto f) {
    llvm::json::Value v =
        llvm::cantFail(llvm::json::parse(serializeMatrix(sampleRun())));
    f(*v.getAsObject());
    llvm::Expected<MatrixRun> r =
        parseMatrix(llvm::formatv("{0}", v).str(), "m.json");
    return r ? std::string("(parsed)") : llvm::toString(r.takeError());
  };
  auto cell = [](llvm::json::Object &o, size_t i) -> llvm::json::Object & {
    return *(*o.getArray("cells"))[i].getAsObject();
  };
  EXPECT_EQ(errorAfter([&](llvm::json::Object &o) { cell(o, 3)["pcc"] = "x"; }),
            "m.json: cells[3].pcc: expected a number or null");
  EXPECT_EQ(errorAfter([&](llvm::json::Object &o) {
              cell(o, 3)["seeds"] = llvm::json::Array{llvm::json::Object{}};
            }),
            "m.json: cells[3].seeds[0].seed: expected a non-negative integer");
  EXPECT_EQ(errorAfter([&](llvm::json::Object &o) {
              cell(o, 3)["hazards"] =
                  llvm::json::Array{llvm::json::Object{{"kind", 7}}};
            }),
            "m.json: cells[3].hazards[0].kind: expected string");
  EXPECT_EQ(errorAfter([&](llvm::json::Object &o) {
              cell(o, 3)["cores"] = 0;
            }).find("m.json: cells[3].cores: expected an integer in [1, "),
            0u);
  EXPECT_EQ(
      errorAfter([](llvm::json::Object &o) {
        (*(*(*o.getArray("repros"))[1].getAsObject()).getArray("configs"))[0] =
            5;
      }),
      "m.json: repros[1].configs[0]: expected object");
  EXPECT_EQ(errorAfter([](llvm::json::Object &o) { o["variants"] = "all"; }),
            "m.json: variants: expected array");
  // A cell whose process wrote a result keeps it through a round trip.
  MatrixRun run =
      llvm::cantFail(parseMatrix(serializeMatrix(sampleRun()), "m"));
  ASSERT_TRUE(run.cells[3].result.has_value());
  EXPECT_EQ(run.cells[3].result->cycles, std::optional<uint64_t>(1000));
  EXPECT_FALSE(run.cells[0].result.has_value());
}

TEST(MatrixJson, SortCellsIsCanonical) {
  MatrixRun run = sampleRun();
  std::string before = serializeMatrix(run);
  std::reverse(run.cells.begin(), run.cells.end());
  sortCells(run);
  EXPECT_EQ(serializeMatrix(run), before);
}

MatrixRun shardOf(const MatrixRun &full, unsigned index, unsigned total) {
  MatrixRun s = full;
  s.cells.clear();
  s.shard = {index, total};
  for (size_t i = 0; i < full.cells.size(); ++i)
    if (i % total == index)
      s.cells.push_back(full.cells[i]);
  return s;
}

TEST(Merge, MergedShardsEqualTheUnshardedRun) {
  MatrixRun full = sampleRun();
  for (unsigned total : {1u, 2u, 3u, 7u}) {
    std::vector<MatrixRun> shards;
    for (unsigned i = total; i-- > 0;) // any input order
      shards.push_back(shardOf(full, i, total));
    if (total == 1)
      shards.front().shard.reset();
    llvm::Expected<MatrixRun> merged = mergeRuns(shards, {});
    ASSERT_TRUE(!!merged) << llvm::toString(merged.takeError());
    EXPECT_EQ(serializeMatrix(*merged), serializeMatrix(full)) << total;
    EXPECT_EQ(renderMarkdown(*merged), renderMarkdown(full));
    EXPECT_EQ(renderJUnit(*merged), renderJUnit(full));
  }
}

TEST(Merge, Errors) {
  MatrixRun full = sampleRun();
  auto error = [](std::vector<MatrixRun> runs) {
    llvm::Expected<MatrixRun> m = mergeRuns(std::move(runs), {"a", "b", "c"});
    return m ? std::string("(merged)") : llvm::toString(m.takeError());
  };
  MatrixRun s0 = shardOf(full, 0, 3), s1 = shardOf(full, 1, 3),
            s2 = shardOf(full, 2, 3);
  EXPECT_NE(error({s0, s1}).find("incomplete set of shards; missing 2/3"),
            std::string::npos);
  EXPECT_NE(error({s0, s1, s1}).find("shard 1/3 given twice (c)"),
            std::string::npos);
  MatrixRun other = s1;
  other.seeds = {4, 5, 6};
  EXPECT_NE(error({s0, other, s2})
                .find("b and a differ in seeds (seeds 4..6 vs seeds 3..5)"),
            std::string::npos);
  other = s1;
  other.variants.pop_back();
  EXPECT_NE(error({s0, other, s2}).find("differ in variants"),
            std::string::npos);
  other = s1;
  other.repros[0].origin = "elsewhere";
  EXPECT_NE(error({s0, other, s2}).find("differ in repros"), std::string::npos);
  MatrixRun unsharded = full;
  EXPECT_NE(error({unsharded, unsharded}).find("appears twice"),
            std::string::npos);
  EXPECT_NE(error({unsharded, s1}).find("a is not a shard"), std::string::npos);
  other = shardOf(full, 1, 2);
  EXPECT_NE(error({s0, other}).find("is a shard of 2, others of 3"),
            std::string::npos);
}

TEST(Render, TableGlyphsAndLegend) {
  MatrixRun run = sampleRun();
  run.cells.pop_back(); // fa/c/fixed not run
  std::string table = renderTable(run);
  EXPECT_NE(table.find("p1 @a  \u2717         M                 \u2713        "
                       "   \u2713             \u2713"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("fa @c  \u2717         M                 \u2713        "
                       "   \u2713!            \u00b7"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find(legendText()), std::string::npos);
}

TEST(Render, MarkdownAndJUnit) {
  MatrixRun run = sampleRun();
  std::string md = renderMarkdown(run);
  EXPECT_NE(md.find("**15 cells: 14 as expected, 1 not as expected.**"),
            std::string::npos);
  EXPECT_NE(md.find("| `fa/c/unary-reduce` | pass | pass |"), std::string::npos)
      << md;
  std::string junit = renderJUnit(run);
  EXPECT_NE(junit.find("<testsuites name=\"dstlab matrix\" tests=\"15\" "
                       "failures=\"1\""),
            std::string::npos);
  // The cell's properties first, then its failure (the JUnit schema's
  // order).
  EXPECT_NE(junit.find("<testcase classname=\"dstlab.fa\" "
                       "name=\"c/unary-reduce\" time=\"0\">\n      "
                       "<properties>\n        <property name=\"variant\" "
                       "value=\"unary-reduce\"/>\n        <property "
                       "name=\"configuration\" value=\"c\"/>\n"),
            std::string::npos)
      << junit;
  EXPECT_NE(junit.find("      </properties>\n      <failure "
                       "type=\"pass\" message=\"expected pass, got pass\">"),
            std::string::npos)
      << junit;
  EXPECT_EQ(escapeXml("a<b>&\"'\x01"), "a&lt;b&gt;&amp;&quot;&#39;\uFFFD");
}

TEST(Render, DescribeOutcome) {
  CellRecord c;
  c.outcome = Outcome::Imprecise;
  c.result.emplace();
  c.result->pcc = 0.123456;
  c.result->maxError = 0.9;
  c.result->exactBound = 0.05;
  EXPECT_EQ(describeOutcome(c), "imprecise (exact max error 0.9 > bound 0.05, "
                                "PCC 0.1235; faithful agrees)");
  c.outcome = Outcome::Crash;
  c.signature = "boom";
  EXPECT_EQ(describeOutcome(c), "crash \"boom\"");
  c.outcome = Outcome::Pass;
  c.result->isAttention = false;
  EXPECT_EQ(describeOutcome(c), "pass (not attention)");
  c.expected = "pass";
  EXPECT_EQ(describeMismatch(c), "expected pass, got pass (not attention)");
}

} // namespace
