//===- RealToolTest.cpp - real tt-mlir tools as matrix columns ------------===//

#include "harness/RealTool.h"
#include "harness/Classify.h"
#include "harness/Matrix.h"

#include "gtest/gtest.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <csignal>

using namespace dstlab::harness;
using namespace llvm;

namespace {

constexpr const char *kAe4e = "ae4e7b838c1c5a5e0f8c3a0d5b2e9a8c7f6e5d4c";

TEST(RealToolSpec, Parses) {
  Expected<RealToolSpec> s =
      RealToolSpec::parse("ae4e=/opt/tt/bin/ttmlir-opt@ae4e7b838c");
  ASSERT_TRUE(bool(s)) << toString(s.takeError());
  EXPECT_EQ(s->name, "ae4e");
  EXPECT_EQ(s->path, "/opt/tt/bin/ttmlir-opt");
  EXPECT_EQ(s->commit, "ae4e7b838c");
  EXPECT_FALSE(s->ndebug);
  EXPECT_FALSE(s->replay);
  EXPECT_EQ(s->variant(), "real:ae4e");
  EXPECT_EQ(s->modelVariant(), "upstream");
  EXPECT_EQ(s->str(), "ae4e=/opt/tt/bin/ttmlir-opt@ae4e7b838c");

  Expected<RealToolSpec> r =
      RealToolSpec::parse("rel=recorded:tests/data/x@19C86FCA45+ndebug");
  ASSERT_TRUE(bool(r)) << toString(r.takeError());
  EXPECT_TRUE(r->replay);
  EXPECT_TRUE(r->ndebug);
  EXPECT_EQ(r->path, "tests/data/x");
  EXPECT_EQ(r->commit, "19c86fca45");
  EXPECT_EQ(r->modelVariant(), "upstream-2026-release");
  EXPECT_EQ(r->str(), "rel=recorded:tests/data/x@19c86fca45+ndebug");

  Expected<RealToolSpec> n = RealToolSpec::parse("n=/a/b@ae4e7b8+ndebug");
  ASSERT_TRUE(bool(n));
  EXPECT_EQ(n->modelVariant(), "upstream-release");

  Expected<RealToolSpec> u = RealToolSpec::parse("u=/a/b@0123456789");
  ASSERT_TRUE(bool(u));
  EXPECT_EQ(u->modelVariant(), "") << "no model of that commit";
}

TEST(RealToolSpec, Rejects) {
  for (const char *bad : {"no-equals", "=/a@ae4e7b838c", "a b=/x@ae4e7b838c",
                          "a=/x", "a=/x@xyz1234", "a=/x@ae4e", "a=@ae4e7b838c",
                          "a=recorded:@ae4e7b838c"}) {
    Expected<RealToolSpec> s = RealToolSpec::parse(bad);
    EXPECT_FALSE(bool(s)) << bad;
    if (!s) {
      EXPECT_NE(toString(s.takeError()).find("NAME=PATH@COMMIT"),
                std::string::npos);
    }
  }
}

// The two assertion formats a real tt-mlir build prints (glibc's assert with
// a message split over adjacent literals; tt-mlir's TT_assertv).
TEST(RealToolClassify, GlibcAssertWithJoinedLiterals) {
  std::string log =
      "ttmlir-opt: src/lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp"
      ":357: auto f()::(lambda): Assertion `computeOp->hasOneUse() && "
      "\"Currently we do not support multiple \" \"users in the same compute "
      "dst region.\"' failed.\nStack dump:\n0. Program arguments: x\n";
  EXPECT_EQ(crashSignatureFromLog(log),
            "Currently we do not support multiple users in the same compute "
            "dst region.");
  EXPECT_EQ(crashSiteFromLog(log), "InsertDstRegisterAccess.cpp:357");
}

TEST(RealToolClassify, TTAssertFormats) {
  std::string withMessage =
      "src/lib/X/Scheduled.cpp:169: void g(): Assertion `computeOp->hasOneUse()"
      "` failed, Currently we do not support multiple users in the same "
      "compute dst region.\n";
  EXPECT_EQ(crashSignatureFromLog(withMessage),
            "Currently we do not support multiple users in the same compute "
            "dst region.");
  EXPECT_EQ(crashSiteFromLog(withMessage), "Scheduled.cpp:169");
  std::string withValues =
      "src/lib/Y.cpp:263: void h(): Assertion `a < b` failed, was `6 < 4`, "
      "Insufficient DST capacity for all operands.\n";
  EXPECT_EQ(crashSignatureFromLog(withValues),
            "Insufficient DST capacity for all operands.");
  std::string bare = "src/lib/Y.cpp:10: void h(): Assertion `x == y` failed, "
                     "was `1 == 2`\n";
  EXPECT_EQ(crashSignatureFromLog(bare), "x == y");
}

TEST(RealToolClassify, StackDumpIsDropped) {
  EXPECT_EQ(withoutStackDump("a.cpp:1: f: Assertion `x' failed.\n"
                             "PLEASE submit a bug report to https://x\n"
                             "Stack dump:\n0. Program arguments: y\n"
                             " #0 0x00007f3c5a1b2c3d\n"),
            "a.cpp:1: f: Assertion `x' failed.\n");
  EXPECT_EQ(withoutStackDump("Stack dump:\n #0 0x1\n"), "");
  EXPECT_EQ(withoutStackDump("plain\n"), "plain\n");
}

TEST(RealToolClassify, FirstDiagnostic) {
  EXPECT_EQ(firstDiagnostic("in.mlir:4:7: error: 'd2m.generic' op bad\n"
                            "in.mlir:4:7: note: see\n"),
            "'d2m.generic' op bad");
  EXPECT_EQ(firstDiagnostic("nothing here\n"), "");
}

/// A temporary directory removed at the end of a test.
struct TempDir {
  SmallString<128> path;
  TempDir() {
    EXPECT_FALSE(sys::fs::createUniqueDirectory("dstlab-realtool", path));
  }
  ~TempDir() { sys::fs::remove_directories(path); }
  std::string file(StringRef name) const {
    SmallString<128> p(path);
    sys::path::append(p, name);
    return std::string(p);
  }
  /// A shell script standing in for ttmlir-opt.
  std::string tool(StringRef name, StringRef body) const {
    std::string p = file(name);
    std::error_code ec;
    {
      raw_fd_ostream os(p, ec);
      os << "#!/bin/sh\n" << body << "\n";
    }
    sys::fs::setPermissions(p, sys::fs::all_read | sys::fs::all_exe |
                                   sys::fs::owner_write);
    return p;
  }
};

RealToolSpec specFor(const std::string &path) {
  Expected<RealToolSpec> s = RealToolSpec::parse("t=" + path + "@ae4e7b838c");
  EXPECT_TRUE(bool(s));
  return *s;
}

TEST(RealToolRun, Compiled) {
  TempDir dir;
  // Echoes its arguments and its input: the importer's print flags must be
  // there and the input must be the last argument.
  std::string tool = dir.tool(
      "ok",
      "for a in \"$@\"; do last=$a; echo \"// arg $a\"; done; cat \"$last\"");
  Expected<RealRun> run =
      runRealTool(specFor(tool), kAe4e, {"--pass-a"}, "module {}\n", 10);
  ASSERT_TRUE(bool(run)) << toString(run.takeError());
  EXPECT_EQ(run->status, RealRun::Compiled);
  EXPECT_NE(run->output.find("// arg --pass-a"), std::string::npos);
  EXPECT_NE(run->output.find("// arg --mlir-print-op-generic"),
            std::string::npos);
  EXPECT_NE(run->output.find("module {}"), std::string::npos);
  EXPECT_EQ(run->commit, kAe4e);
}

TEST(RealToolRun, DiagnosticCrashTimeout) {
  TempDir dir;
  Expected<RealRun> diag = runRealTool(
      specFor(dir.tool("diag", "echo 'in.mlir:1:1: error: nope' >&2; exit 1")),
      kAe4e, {}, "x", 10);
  ASSERT_TRUE(bool(diag));
  EXPECT_EQ(diag->status, RealRun::Diagnostic);
  EXPECT_EQ(diag->exitCode, 1);
  EXPECT_EQ(firstDiagnostic(diag->stderrText), "nope");

  Expected<RealRun> crash = runRealTool(
      specFor(dir.tool("crash", "echo \"f.cpp:3: g: Assertion \\`x' "
                                "failed.\" >&2; kill -ABRT $$")),
      kAe4e, {}, "x", 10);
  ASSERT_TRUE(bool(crash));
  EXPECT_EQ(crash->status, RealRun::Crash);
  EXPECT_EQ(crash->signal, SIGABRT);
  EXPECT_EQ(crashSiteFromLog(crash->stderrText), "f.cpp:3");

  Expected<RealRun> slow =
      runRealTool(specFor(dir.tool("slow", "sleep 20")), kAe4e, {}, "x", 0.3);
  ASSERT_TRUE(bool(slow));
  EXPECT_EQ(slow->status, RealRun::Timeout);

  Expected<RealRun> missing =
      runRealTool(specFor(dir.file("absent")), kAe4e, {}, "x", 1);
  ASSERT_FALSE(bool(missing));
  EXPECT_NE(toString(missing.takeError()).find("not an executable"),
            std::string::npos);
}

TEST(RealToolRecording, RoundTripStaleAndModes) {
  TempDir dir;
  RealRun run;
  run.status = RealRun::Crash;
  run.signal = SIGABRT;
  run.stderrText = "f.cpp:3: g: Assertion `x' failed.\n";
  run.commit = kAe4e;
  std::string rec = recordingDir(dir.path, kAe4e, "test_p1", "p1_1x1");
  EXPECT_EQ(rec, dir.file("ae4e7b838c/test_p1/p1_1x1"));
  ASSERT_FALSE(bool(writeRecording(rec, "input text\n", run)));
  RealRun compiled;
  compiled.ndebug = true;
  compiled.output = "module {}\n";
  ASSERT_FALSE(bool(writeRecording(rec, "input text\n", compiled)));

  Expected<RealRun> back = readRecording(rec, "input text\n", false);
  ASSERT_TRUE(bool(back)) << toString(back.takeError());
  EXPECT_EQ(back->status, RealRun::Crash);
  EXPECT_EQ(back->signal, SIGABRT);
  EXPECT_EQ(back->stderrText, run.stderrText);
  Expected<RealRun> nd = readRecording(rec, "input text\n", true);
  ASSERT_TRUE(bool(nd)) << toString(nd.takeError());
  EXPECT_EQ(nd->status, RealRun::Compiled);
  EXPECT_EQ(nd->output, "module {}\n");

  Expected<RealRun> stale = readRecording(rec, "other input\n", false);
  ASSERT_FALSE(bool(stale));
  EXPECT_NE(toString(stale.takeError()).find("stale recording"),
            std::string::npos);
  Expected<RealRun> none = readRecording(
      recordingDir(dir.path, kAe4e, "x", "y"), "input text\n", false);
  ASSERT_FALSE(bool(none));
  EXPECT_NE(toString(none.takeError()).find("no recording"), std::string::npos);

  // A status that is not an exit status is an error, not a guess.
  std::error_code ec;
  {
    raw_fd_ostream os(dir.file("ae4e7b838c/test_p1/p1_1x1/assert/status"), ec);
    os << "exploded\n";
  }
  Expected<RealRun> bad = readRecording(rec, "input text\n", false);
  ASSERT_FALSE(bool(bad));
  EXPECT_NE(toString(bad.takeError()).find("expected an exit status"),
            std::string::npos);
}

CellRecord cell(StringRef variant, StringRef outcome, StringRef signature,
                StringRef site = "") {
  CellRecord c;
  c.repro = "r";
  c.config = "c";
  c.variant = variant.str();
  c.outcome = *parseOutcome(outcome);
  if (!signature.empty())
    c.signature = signature.str();
  if (!site.empty())
    c.crashSite = site.str();
  return c;
}

TEST(ModelDivergence, FlagsOutcomeSignatureAndSite) {
  MatrixRun run;
  run.variants = {"upstream", "real:a"};
  run.realTools = {
      RealToolInfo{"real:a", "ae4e7b838c", true, false, "upstream"}};
  run.repros.push_back(ReproInfo{
      "r", "r.mlir", "", "", std::nullopt, {{"c", ""}, {"d", ""}, {"e", ""}}});
  run.cells = {cell("upstream", "crash", "m", "X.cpp:356"),
               cell("real:a", "crash", "m", "X.cpp:357")};
  auto add = [&](StringRef config, CellRecord model, CellRecord real) {
    model.config = real.config = config.str();
    run.cells.push_back(model);
    run.cells.push_back(real);
  };
  add("d", cell("upstream", "error", "e"), cell("real:a", "error", "e"));
  add("e", cell("upstream", "pass", ""), cell("real:a", "hazard", "h"));
  markModelDivergence(run);
  ASSERT_TRUE(run.findCell("r", "c", "real:a")->modelDiverges.has_value());
  EXPECT_EQ(*run.findCell("r", "c", "real:a")->modelDiverges,
            "upstream: crash \"m\" (X.cpp:356)");
  EXPECT_FALSE(run.findCell("r", "d", "real:a")->modelDiverges.has_value());
  EXPECT_EQ(*run.findCell("r", "e", "real:a")->modelDiverges, "upstream: pass");
  EXPECT_FALSE(run.findCell("r", "c", "upstream")->modelDiverges.has_value());

  // Round trip through matrix.json.
  Expected<MatrixRun> back = parseMatrix(serializeMatrix(run), "test");
  ASSERT_TRUE(bool(back)) << toString(back.takeError());
  ASSERT_EQ(back->realTools.size(), 1u);
  EXPECT_EQ(back->realTools[0], run.realTools[0]);
  EXPECT_EQ(back->findCell("r", "c", "real:a")->modelDiverges,
            run.findCell("r", "c", "real:a")->modelDiverges);
}

} // namespace
