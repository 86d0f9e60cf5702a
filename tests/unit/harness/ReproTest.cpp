//===- ReproTest.cpp - repro header parsing -------------------------------===//

#include "harness/Repro.h"
#include "harness/CellResult.h"

#include "gtest/gtest.h"

#include <algorithm>

using namespace dstlab::harness;

namespace {

const char *kMultiUser = "Currently we do not support multiple users in the "
                         "same compute dst region.";

std::string header(const std::string &extra = "") {
  return std::string("// repro: test_p1\n"
                     "// origin: FLASH_ATTENTION_STATUS.md testing table, "
                     "test_p1.py\n"
                     "// shows: transpose + matmul + rowmax; rowmax lowers\n"
                     "//   to tile_reduce_max(S, S, S).\n"
                     "// config @p1_1x1: grid 1x1, 1x1-tile blocks\n"
                     "// expect upstream: crash \"") +
         kMultiUser +
         "\"\n"
         "// expect upstream-release: imprecise\n"
         "// expect upstream-2026: pass\n"
         "// expect upstream-2026-release: pass\n"
         "// expect multi-user: pass\n"
         "// expect unary-reduce: error \"operand A of tile_reduce must come "
         "from a CB\"\n"
         "// expect fixed: pass\n"
         "// expect[@p1_2x2] upstream: miscompiled\n" +
         extra +
         "\n"
         "tl.program @p1_1x1 grid [1, 1] {\n}\n"
         "// tl.program @commented_out\n"
         "tl.program @p1_2x2 grid [1, 1] {\n}\n";
}

std::string parseError(const std::string &text) {
  llvm::Expected<Repro> r = parseRepro("r.mlir", text, allVariants());
  if (r)
    return "(parsed)";
  return llvm::toString(r.takeError());
}

TEST(Repro, ParsesTheBriefExample) {
  llvm::Expected<Repro> r =
      parseRepro("r.mlir", header("// attention: yes\n"), allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  EXPECT_EQ(r->name, "test_p1");
  EXPECT_EQ(r->origin, "FLASH_ATTENTION_STATUS.md testing table, test_p1.py");
  EXPECT_EQ(r->shows, "transpose + matmul + rowmax; rowmax lowers to "
                      "tile_reduce_max(S, S, S).");
  EXPECT_EQ(r->attention, std::optional<bool>(true));
  ASSERT_EQ(r->configs.size(), 2u);
  const ReproConfig &a = r->configs[0], &b = r->configs[1];
  EXPECT_EQ(a.name, "p1_1x1");
  EXPECT_EQ(a.description, "grid 1x1, 1x1-tile blocks");
  EXPECT_EQ(b.name, "p1_2x2");
  EXPECT_EQ(b.description, "");
  EXPECT_EQ(a.line, 16u);
  EXPECT_EQ(b.line, 19u);
  EXPECT_EQ(a.expect.at("upstream").outcome, Outcome::Crash);
  EXPECT_EQ(a.expect.at("upstream").text, kMultiUser);
  EXPECT_EQ(b.expect.at("upstream").outcome, Outcome::Miscompiled);
  EXPECT_EQ(b.expect.at("upstream-release").outcome, Outcome::Imprecise);
  EXPECT_EQ(a.expect.at("unary-reduce").outcome, Outcome::Error);
  EXPECT_EQ(a.expect.at("fixed").outcome, Outcome::Pass);
  EXPECT_EQ(a.expect.size(), 7u);
}

TEST(Repro, FrontEndIsPerConfig) {
  llvm::Expected<Repro> r = parseRepro(
      "r.mlir", header("// front-end @p1_2x2: ttir\n"), allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  ASSERT_EQ(r->configs.size(), 2u);
  EXPECT_EQ(r->configs[0].frontEnd, "");
  EXPECT_EQ(r->configs[1].frontEnd, "ttir");
}

TEST(Repro, AttentionIsOptional) {
  llvm::Expected<Repro> r = parseRepro("r.mlir", header(), allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  EXPECT_FALSE(r->attention.has_value());
  r = parseRepro("r.mlir", header("// attention: no\n"), allVariants());
  ASSERT_TRUE(!!r);
  EXPECT_EQ(r->attention, std::optional<bool>(false));
}

// Where a fuzz finding came from (dstlab fuzz, dstlab reduce).
TEST(Repro, FoundByKeys) {
  llvm::Expected<Repro> r =
      parseRepro("r.mlir",
                 header("// seed: 18\n// variant: upstream-release\n"
                        "// signature: error \"slice N is busy\"\n"),
                 allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  EXPECT_EQ(r->foundSeed, "18");
  EXPECT_EQ(r->foundVariant, "upstream-release");
  EXPECT_EQ(r->foundSignature, "error \"slice N is busy\"");
  // The extra lines follow the header's expectations.
  std::string base = header();
  unsigned line = 1 +
                  static_cast<unsigned>(std::count(
                      base.begin(), base.begin() + base.find("\n\n"), '\n')) +
                  1;
  EXPECT_EQ(parseError(header("// seed:\n")),
            "r.mlir:" + std::to_string(line) + ": 'seed:' needs a value");
  EXPECT_EQ(parseError(header("// variant: fixed\n// variant: fixed\n")),
            "r.mlir:" + std::to_string(line + 1) +
                ": duplicate 'variant:' (first on line " +
                std::to_string(line) + ")");
}

TEST(Expectation, Grammar) {
  struct Case {
    const char *source, *canonical;
    Outcome kind;
    const char *text;
  } cases[] = {
      {"pass", "pass", Outcome::Pass, ""},
      {"  miscompiled ", "miscompiled", Outcome::Miscompiled, ""},
      {"imprecise", "imprecise", Outcome::Imprecise, ""},
      {"deadlock", "deadlock", Outcome::Deadlock, ""},
      {"timeout", "timeout", Outcome::Timeout, ""},
      {"step-limit", "step-limit", Outcome::StepLimit, ""},
      {"crash \"a \\\"b\\\" c\"", "crash \"a \\\"b\\\" c\"", Outcome::Crash,
       "a \"b\" c"},
      {"error \"must come from\"", "error \"must come from\"", Outcome::Error,
       "must come from"},
      {"hazard dst-stale-read", "hazard dst-stale-read", Outcome::Hazard,
       "dst-stale-read"},
  };
  for (const Case &c : cases) {
    llvm::Expected<Expectation> e = Expectation::parse(c.source);
    ASSERT_TRUE(!!e) << c.source << ": " << llvm::toString(e.takeError());
    EXPECT_EQ(e->outcome, c.kind) << c.source;
    EXPECT_EQ(e->text, c.text) << c.source;
    EXPECT_EQ(e->str(), c.canonical) << c.source;
    llvm::Expected<Expectation> again = Expectation::parse(e->str());
    ASSERT_TRUE(!!again);
    EXPECT_TRUE(*again == *e) << c.source;
  }
}

TEST(Expectation, Errors) {
  struct Case {
    const char *source, *message;
  } cases[] = {
      {"crash", "'crash' needs a quoted message"},
      {"error", "'error' needs a quoted substring"},
      {"crash \"unterminated", "unterminated string"},
      {"crash boom", "expected a double-quoted string"},
      {"crash \"\"", "non-empty message"},
      {"crash \"x\" extra", "unexpected text after 'crash': 'extra'"},
      {"pass now", "unexpected text after 'pass': 'now'"},
      {"hazard", "'hazard' needs a kind"},
      {"hazard two words", "hazard kind must be one word"},
      {"explode", "unknown expectation 'explode'"},
      {"", "unknown expectation ''"},
  };
  for (const Case &c : cases) {
    llvm::Expected<Expectation> e = Expectation::parse(c.source);
    ASSERT_FALSE(!!e) << c.source;
    std::string message = llvm::toString(e.takeError());
    EXPECT_NE(message.find(c.message), std::string::npos)
        << c.source << " -> " << message;
  }
}

std::string replace(std::string text, const std::string &from,
                    const std::string &to) {
  size_t pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos)
    text.replace(pos, from.size(), to);
  return text;
}

TEST(Repro, HeaderErrorsNameFileAndLine) {
  std::string good = header();
  struct Case {
    std::string text, message;
  } cases[] = {
      {"tl.program @a {}\n", "r.mlir:1: missing header"},
      {replace(good, "// repro: test_p1\n", "// note line\n"),
       "r.mlir:1: missing '// repro: <name>'"},
      {replace(good, "// repro: test_p1\n", "// repro:\n"),
       "r.mlir:1: 'repro:' needs a name"},
      {replace(good, "// repro: test_p1\n", "// repro: a/b\n"),
       "r.mlir:1: repro name 'a/b' may only contain"},
      {replace(good, "// origin: FLASH", "// shows2: x\n// origin: FLASH"),
       "r.mlir:2: unknown header key 'shows2:'"},
      {replace(good,
               "// origin: FLASH_ATTENTION_STATUS.md testing table, "
               "test_p1.py\n",
               ""),
       "r.mlir:1: missing '// origin:"},
      {replace(good, "// config @p1_1x1", "// repro: again\n// config @p1_1x1"),
       "r.mlir:5: duplicate 'repro:' (first on line 1)"},
      {header("// attention: maybe\n"),
       "r.mlir:14: 'attention:' must be 'yes' or 'no', got 'maybe'"},
      {replace(good, "// config @p1_1x1:", "// config p1_1x1:"),
       "r.mlir:5: expected '// config @<program>: <description>'"},
      {replace(good, "// config @p1_1x1: grid", "// config @p1_1x1 grid"),
       "r.mlir:5: expected ':' after '// config @p1_1x1 grid 1x1, "
       "1x1-tile blocks'"},
      {header("// config @p1_1x1: again\n"),
       "r.mlir:14: duplicate '// config @p1_1x1' (first on line 5)"},
      {header("// config @p9: nothing\n"),
       "r.mlir:14: '// config @p9': no 'tl.program @p9' in the file"},
      {replace(good, "// expect fixed: pass", "// expect fixd: pass"),
       "r.mlir:12: unknown variant 'fixd' (variants: upstream, "
       "upstream-release, upstream-2026, upstream-2026-release, multi-user, "
       "unary-reduce, fixed)"},
      {replace(good, "// expect fixed: pass", "// expect fixed pass"),
       "r.mlir:12: expected '// expect <variant>: <expectation>'"},
      {replace(good, "// expect fixed: pass", "// expect : pass"),
       "r.mlir:12: missing variant"},
      {replace(good, "// expect fixed: pass", "// expect fixed: crash"),
       "r.mlir:12: 'crash' needs a quoted message"},
      {header("// expect fixed: imprecise\n"),
       "r.mlir:14: duplicate expectation for variant 'fixed' (first on line "
       "12)"},
      {header("// expect[@p1_2x2] upstream: wrong\n"),
       "r.mlir:14: 'wrong' is gone: say 'miscompiled'"},
      {header("// input-kind @p1_2x2: spiky\n"),
       "r.mlir:14: unknown input-kind 'spiky'"},
      {header("// precision @p9: accurate\n"),
       "r.mlir:14: '// precision @p9': no 'tl.program @p9' in the file"},
      {header("// front-end @p1_2x2: mlir\n"),
       "r.mlir:14: unknown front-end 'mlir' (tt-lang, ttir)"},
      {header("// front-end @p9: ttir\n"),
       "r.mlir:14: '// front-end @p9': no 'tl.program @p9' in the file"},
      {header("// expect[@p1_2x2] upstream: pass\n"),
       "r.mlir:14: duplicate expectation for @p1_2x2 variant 'upstream' "
       "(first on line 13)"},
      {header("// expect[@p7] upstream: pass\n"),
       "r.mlir:14: 'expect[@p7]': no 'tl.program @p7' in the file"},
      {header("// expect[p1_2x2] upstream: pass\n"),
       "r.mlir:14: expected 'expect[@<config>] <variant>: ...'"},
      {header("// expect[@p1_2x2 upstream: pass\n"), "r.mlir:14: missing ']'"},
      {replace(good, "// expect fixed: pass\n", ""),
       "r.mlir:5: no expectation for variant 'fixed' of config @p1_1x1 (add "
       "'// expect fixed: <expectation>' or '// expect[@p1_1x1] fixed: "
       "<expectation>')"},
      {replace(replace(good, "tl.program @p1_1x1", "func.func @a"),
               "tl.program @p1_2x2", "func.func @b"),
       "r.mlir:14: no 'tl.program @<name>' op in the file"},
      {replace(good, "tl.program @p1_2x2", "tl.program @p1_1x1"),
       "r.mlir:18: duplicate program '@p1_1x1'"},
  };
  for (const Case &c : cases) {
    std::string message = parseError(c.text);
    EXPECT_NE(message.find(c.message), std::string::npos)
        << "want: " << c.message << "\ngot:  " << message;
  }
}

TEST(Repro, ProseLinesAreComments) {
  std::string text =
      replace(header(), "// config @p1_1x1",
              "//\n// Some prose: with a colon, ignored.\n// config @p1_1x1");
  llvm::Expected<Repro> r = parseRepro("r.mlir", text, allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  EXPECT_EQ(r->shows, "transpose + matmul + rowmax; rowmax lowers to "
                      "tile_reduce_max(S, S, S).");
}

TEST(Repro, FindsProgramsOutsideComments) {
  llvm::Expected<Repro> r = parseRepro(
      "r.mlir",
      header() + "  tl.program  @p3 attributes {x} {\n} // tl.program @p4\n",
      allVariants());
  ASSERT_TRUE(!!r) << llvm::toString(r.takeError());
  ASSERT_EQ(r->configs.size(), 3u);
  EXPECT_EQ(r->configs[2].name, "p3");
  EXPECT_EQ(r->configs[2].expect.at("upstream").outcome, Outcome::Crash);
}

TEST(Repro, CellNames) {
  EXPECT_TRUE(isValidCellName("p1_2x2-a.b"));
  EXPECT_FALSE(isValidCellName(""));
  EXPECT_FALSE(isValidCellName(".."));
  EXPECT_FALSE(isValidCellName("a/b"));
  EXPECT_FALSE(isValidCellName("a b"));
}

} // namespace
