//===- ReliabilityTest.cpp - readers reject what they cannot hold ---------===//
//
// Issue 20: matrix and cell readers reject unknown outcomes, out-of-range
// integers and non-finite numbers instead of truncating or writing them
// back; JSON nesting and DST occupancy sizes are bounded before use.

#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "reports/Html.h"
#include "support/Limits.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include "gtest/gtest.h"

#include <string>

using namespace dstlab::harness;

namespace {

/// A one-cell run, as text.
std::string oneCellRun() {
  MatrixRun run;
  run.seed = 0;
  run.seeds = {0};
  run.variants = {"fixed"};
  run.repros.push_back({"r", "r.mlir", "o", "s", {}, {{"c", ""}}});
  CellRecord cell;
  cell.repro = "r";
  cell.config = "c";
  cell.variant = "fixed";
  cell.outcome = Outcome::Pass;
  cell.expected = "pass";
  cell.asExpected = true;
  run.cells.push_back(cell);
  run.timing = MatrixTiming{1.5, 2};
  run.timeoutSeconds = 60;
  return serializeMatrix(run);
}

/// The error of reading `text` with `edit` applied, or "(parsed)".
template <typename F> std::string readError(F edit) {
  llvm::json::Value v = llvm::cantFail(llvm::json::parse(oneCellRun()));
  edit(*v.getAsObject());
  llvm::Expected<MatrixRun> r =
      parseMatrix(llvm::formatv("{0}", v).str(), "m.json");
  return r ? std::string("(parsed)") : llvm::toString(r.takeError());
}

llvm::json::Object &cell0(llvm::json::Object &o) {
  return *(*o.getArray("cells"))[0].getAsObject();
}

TEST(Reliability, MatrixReaderRejectsUnknownOutcome) {
  EXPECT_EQ(readError([](llvm::json::Object &o) {
              cell0(o)["outcome"] = "exploded";
            }).find("m.json: cells[0].outcome: unknown outcome 'exploded'"),
            0u);
}

TEST(Reliability, MatrixReaderRejectsNegativeJobs) {
  EXPECT_EQ(readError([](llvm::json::Object &o) {
              (*o.getObject("timing"))["jobs"] = -5;
            }).find("m.json: timing.jobs: expected a non-negative integer"),
            0u);
  EXPECT_NE(readError([](llvm::json::Object &o) {
              (*o.getObject("timing"))["jobs"] = int64_t{1} << 40;
            }).find("1099511627776 is over the limit of 65536"),
            std::string::npos);
}

TEST(Reliability, MatrixReaderRejectsHugeShardIndices) {
  std::string e = readError([](llvm::json::Object &o) {
    o["shard"] = llvm::json::Object{{"index", int64_t{1} << 32},
                                    {"total", (int64_t{1} << 32) + 1}};
  });
  EXPECT_NE(e.find("shard.index: 4294967296 is over the limit of 65535"),
            std::string::npos)
      << e;
}

TEST(Reliability, MatrixReaderRejectsNonFiniteAndHugeNumbers) {
  // json::parse reads 1e400 as inf; the writer would print it bare.
  std::string text = oneCellRun();
  size_t at = text.find("\"timeout_seconds\": 60");
  ASSERT_NE(at, std::string::npos);
  text.replace(at, 21, "\"timeout_seconds\": 1e400");
  llvm::Expected<MatrixRun> r = parseMatrix(text, "m.json");
  ASSERT_FALSE(!!r);
  EXPECT_EQ(llvm::toString(r.takeError()),
            "m.json: timeout_seconds: expected a finite number or null");
  EXPECT_NE(readError([](llvm::json::Object &o) {
              o["timeout_seconds"] = 1e10;
            }).find("timeout_seconds: 1e+10 is outside [0, 604800]"),
            std::string::npos);
  EXPECT_NE(readError([](llvm::json::Object &o) {
              cell0(o)["seconds"] = -1.0;
            }).find("cells[0].seconds: -1 is outside"),
            std::string::npos);
}

TEST(Reliability, DeepJsonIsAnErrorNotAStackOverflow) {
  std::string deep(60000, '[');
  deep += std::string(60000, ']');
  llvm::Expected<MatrixRun> r = parseMatrix(deep, "deep.json");
  ASSERT_FALSE(!!r);
  EXPECT_EQ(llvm::toString(r.takeError()),
            "deep.json: byte 64: JSON nested deeper than the limit of 64 "
            "levels");
  llvm::Expected<CellResult> c = parseCellResult(deep);
  ASSERT_FALSE(!!c);
  llvm::consumeError(c.takeError());
  // Brackets inside strings do not count.
  std::string quoted = "{\"a\": \"" + std::string(1000, '[') + "\"}";
  EXPECT_FALSE(!!dstlab::limits::checkJsonDepth(quoted, "q"));
}

TEST(Reliability, CellReaderRejectsUnknownOutcomeAndHugeCycles) {
  llvm::Expected<CellResult> c = parseCellResult(R"({"outcome": "exploded"})");
  ASSERT_FALSE(!!c);
  EXPECT_EQ(llvm::toString(c.takeError()),
            "outcome: unknown cell outcome 'exploded'");
  c = parseCellResult(R"({"outcome": "pass", "cycles": 1e400})");
  ASSERT_FALSE(!!c);
  llvm::consumeError(c.takeError());
}

TEST(Reliability, OccupancySizesAreBounded) {
  auto error = [](const char *text) {
    llvm::Expected<std::string> svg = dstlab::reports::renderOccupancySvg(
        llvm::cantFail(llvm::json::parse(text)));
    return svg ? std::string("(rendered)") : llvm::toString(svg.takeError());
  };
  EXPECT_EQ(error(R"({"capacity": 1000000000000, "events": []})"),
            "\"capacity\" must be an integer in [0, 1024], got 1000000000000");
  EXPECT_NE(error(R"({"capacity": 4, "events": [{"t": 1, "slice": 10000000,
                 "kind": "write"}]})")
                .find("integer in [0, 1024)"),
            std::string::npos);
  EXPECT_EQ(error(R"({"capacity": 1024, "events": [{"t": 1, "slice": 1023,
                 "kind": "write"}]})"),
            "(rendered)");
}

} // namespace
