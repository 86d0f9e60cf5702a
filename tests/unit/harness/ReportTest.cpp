//===- ReportTest.cpp - STATUS.md golden text and index.html --------------===//
//
// The golden file Inputs/small-STATUS.md is what `dstlab report` writes for
// Inputs/small-matrix.json. To regenerate it after an intended change:
//   DSTLAB_UPDATE_GOLDEN=1 ./DSTLabHarnessTests --gtest_filter='Status.*'
//
//===----------------------------------------------------------------------===//

#include "harness/Matrix.h"
#include "harness/Render.h"
#include "reports/Html.h"
#include "reports/Status.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "gtest/gtest.h"

#include <cstdlib>

using namespace dstlab::harness;
using namespace dstlab::reports;

namespace {

std::string input(llvm::StringRef name) {
  return (llvm::Twine(DSTLAB_HARNESS_TEST_INPUTS) + "/" + name).str();
}

std::string readFile(const std::string &path) {
  auto b = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!b)
    return "";
  return (*b)->getBuffer().str();
}

MatrixRun smallMatrix() {
  llvm::Expected<MatrixRun> run = loadMatrix(input("small-matrix.json"));
  if (!run) {
    ADD_FAILURE() << llvm::toString(run.takeError());
    return MatrixRun();
  }
  return *run;
}

/// The text between "## <title>" and the next "## ".
std::string section(const std::string &doc, const std::string &title) {
  size_t start = doc.find("## " + title);
  if (start == std::string::npos)
    return "";
  size_t end = doc.find("\n## ", start + 3);
  return doc.substr(start, end == std::string::npos ? end : end - start);
}

TEST(Status, GoldenText) {
  std::string status = renderStatus(smallMatrix());
  std::string golden = input("small-STATUS.md");
  if (getenv("DSTLAB_UPDATE_GOLDEN")) {
    ASSERT_FALSE(!!writeFileAtomically(golden, status));
    GTEST_SKIP() << "rewrote " << golden;
  }
  EXPECT_EQ(status, readFile(golden))
      << "STATUS.md changed; if intended, regenerate " << golden
      << " with DSTLAB_UPDATE_GOLDEN=1";
}

TEST(Status, SignaturesNormaliseWhatVariesPerCell) {
  NormalisedSignature a = normaliseSignature(
      "'d2m.tile_matmul' op operand B must come from a circular buffer, but "
      "it lives in DST slice -1");
  EXPECT_EQ(a.text, "'d2m.tile_matmul' op operand B must come from a circular "
                    "buffer, but it lives in DST slice N");
  EXPECT_EQ(a.values, std::vector<std::string>{"slice -1"});
  NormalisedSignature b = normaliseSignature(
      "export: loc(\"fa.mlir\":117:11): per-tile transpose needs a square "
      "block, got 2x4 tiles");
  EXPECT_EQ(b.text, "export: loc(FILE:LINE:COL): per-tile transpose needs a "
                    "square block, got RxC tiles");
  EXPECT_EQ(b.values, (std::vector<std::string>{"fa.mlir:117:11", "2x4"}));
  // The upstream site is the cause: kept.
  EXPECT_EQ(normaliseSignature("InsertDstRegisterAccess.cpp:359 fails").text,
            "InsertDstRegisterAccess.cpp:359 fails");
}

TEST(Status, WrongCellsAreNeverWorking) {
  MatrixRun run = smallMatrix();
  // Make every upstream cell of rowmax wrong and check it is not listed.
  std::string works = section(renderStatus(run), "What Works");
  EXPECT_EQ(works.find("**rowmax**", works.find("Under `upstream`")),
            works.find("**rowmax**", works.find("Under `fixed`")));
  for (CellRecord &c : run.cells)
    c.outcome = Outcome::Miscompiled;
  works = section(renderStatus(run), "What Works");
  EXPECT_EQ(works.find("\u2713 passes"), std::string::npos) << works;
  EXPECT_NE(works.find("Nothing: no repro passes"), std::string::npos);
}

TEST(Status, SeedRowsFirstAndMissingRowsShown) {
  std::string summary = section(renderStatus(smallMatrix()), "Testing Summary");
  size_t rowmax = summary.find("| rowmax alone (`rowmax`)");
  size_t rowsum = summary.find("| rowsum alone (no repro in this run)");
  size_t p1 = summary.find("| matmul + rowmax (`p1`)");
  size_t fa2k = summary.find("| Two-kernel FA (no reductions) (`fa2k`)");
  size_t flash = summary.find("| `flash`");
  EXPECT_LT(rowmax, rowsum);
  EXPECT_LT(rowsum, p1);
  EXPECT_LT(p1, fa2k);
  EXPECT_LT(fa2k, flash);
  EXPECT_NE(flash, std::string::npos);
}

TEST(Status, UpstreamSites) {
  const UpstreamSite *site = findUpstreamSite(
      "Currently we do not support multiple users in the same compute dst "
      "region.");
  ASSERT_TRUE(site);
  EXPECT_NE(site->location.find(
                "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:359"),
            llvm::StringRef::npos);
  EXPECT_NE(site->location.find("(g++: 357)"), llvm::StringRef::npos);
  EXPECT_TRUE(findUpstreamSite("Only one output tensor is supported"));
  EXPECT_NE(site->location.find("ae4e7b838c"), llvm::StringRef::npos);
  EXPECT_FALSE(findUpstreamSite("something else"));
}

TEST(Html, OneGridCellPerMatrixCellAndTimelines) {
  MatrixRun run = smallMatrix();
  // A dump directory for one cell, with IR, a timeline and a trace.
  llvm::SmallString<128> dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("dstlab-html", dir));
  std::string cellDir = (dir + "/cells/flash/fa_8x10/fixed").str();
  ASSERT_FALSE(writeFileAtomically(cellDir + "/01-tl.mlir",
                                   "tl.program @fa_8x10 <&>\n"));
  ASSERT_FALSE(writeFileAtomically(
      cellDir + "/dst_occupancy.json",
      R"({"capacity": 2, "events": [{"t": 0, "slice": 0, "kind": "write", "op": "tile_matmul"},
          {"t": 5, "slice": 2, "kind": "write", "op": "tile_exp"},
          {"t": 9, "slice": 1, "kind": "read", "op": "tile_sub"},
          {"t": 10, "slice": 0, "kind": "release"}]})"));
  ASSERT_FALSE(writeFileAtomically(cellDir + "/trace.json", "{}"));
  HtmlOptions options;
  options.matrixDir = dir.str().str();
  std::string html = renderHtml(run, options);
  size_t cells = 0;
  for (size_t pos = 0;
       (pos = html.find("data-cell=\"", pos)) != std::string::npos; ++pos)
    ++cells;
  EXPECT_EQ(cells, run.cells.size());
  EXPECT_NE(html.find("data-cell=\"flash/fa_2x2/unary-reduce\""),
            std::string::npos);
  EXPECT_NE(html.find("class=\"cell r o-timeout unexpected\""),
            std::string::npos);
  EXPECT_NE(html.find("<svg class=\"timeline\""), std::string::npos);
  EXPECT_NE(html.find("tl.program @fa_8x10 &lt;&amp;&gt;"), std::string::npos);
  EXPECT_NE(html.find("href=\"cells/flash/fa_8x10/fixed/trace.json\""),
            std::string::npos);
  EXPECT_NE(html.find("DST capacity: 2 slices"), std::string::npos);
  EXPECT_NE(html.find("of a slice holding no value"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  llvm::sys::fs::remove_directories(dir);
}

TEST(Html, OccupancyErrors) {
  auto error = [](const char *text) {
    llvm::Expected<std::string> svg =
        renderOccupancySvg(llvm::cantFail(llvm::json::parse(text)));
    return svg ? std::string("(rendered)") : llvm::toString(svg.takeError());
  };
  EXPECT_NE(error("[]").find("expected an object"), std::string::npos);
  EXPECT_NE(error(R"({"events": []})").find("\"capacity\""), std::string::npos);
  EXPECT_NE(
      error(R"({"capacity": 4, "events": [{"t": 1}]})").find("events[0] needs"),
      std::string::npos);
  EXPECT_NE(error(R"({"capacity": 4, "events": [{"t": 1, "slice": 0,
                 "kind": "spill"}]})")
                .find("unknown kind 'spill'"),
            std::string::npos);
  EXPECT_EQ(error(R"({"capacity": 4, "events": []})"), "(rendered)");
}

} // namespace

namespace {

TEST(PerfCsv, QuotingEmptyFiguresAndFixedPoint) {
  MatrixRun run;
  CellRecord a;
  a.repro = "odd,name";
  a.config = "say \"hi\"";
  a.variant = "fixed";
  a.outcome = Outcome::Pass;
  a.asExpected = true;
  CellResult &r = a.result.emplace();
  r.fidelity = "HiFi2";
  r.cores = 80;
  r.cycles = 123456789;
  r.clockGHz = 1.35;
  r.utilisation = 0.25;
  r.tflops = 12.5;
  r.peakTflops = 50;
  CellRecord b;
  b.repro = "r";
  b.config = "c";
  b.variant = "upstream";
  b.outcome = Outcome::Crash;
  run.cells = {a, b};
  std::string csv = renderPerfCsv(run);
  llvm::SmallVector<llvm::StringRef> lines;
  llvm::StringRef(csv).split(lines, '\n', -1, /*KeepEmpty=*/false);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_TRUE(lines[0].starts_with("REPRO,OP CODE,VARIANT,"));
  EXPECT_NE(lines[0].find(",DEVICE KERNEL DURATION [ns],PM COMPUTE [ns],"
                          "PM FPU UTIL (%),"),
            llvm::StringRef::npos);
  // 123456789 cycles at 1.35 GHz: fixed point, never an exponent.
  EXPECT_EQ(lines[1], "\"odd,name\",\"say \"\"hi\"\"\",fixed,pass,yes,HiFi2,"
                      "80,123456789,1.35,91449473.333,22862368.333,25,12.5,"
                      "50,,");
  EXPECT_EQ(lines[2], "r,c,upstream,crash,no,,,,,,,,,,,");
}

} // namespace
