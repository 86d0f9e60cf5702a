//===- ClassifyTest.cpp - classification of cell processes ----------------===//

#include "harness/Classify.h"
#include "harness/CellResult.h"
#include "harness/Runner.h"
#include "support/UpstreamAsserts.h"

#include "gtest/gtest.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <csignal>
#include <cstdio>

using namespace dstlab::harness;

namespace {

const char *kMultiUser = "Currently we do not support multiple users in the "
                         "same compute dst region.";

std::string assertionLog() {
  return std::string("note: lowering\n"
                     "dstlab: /build/x/InsertDstRegisterAccess.cpp:356: void "
                     "f(): Assertion `computeOp->hasOneUse() && \"") +
         kMultiUser + "\"' failed.\n";
}

TEST(Classify, AssertionCrash) {
  ChildStatus s;
  s.how = ChildStatus::Signaled;
  s.signal = SIGABRT;
  s.stderrTail = assertionLog();
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Crash);
  EXPECT_EQ(c.signature, kMultiUser);
  EXPECT_EQ(c.crashSite, "InsertDstRegisterAccess.cpp:356");
  EXPECT_EQ(c.exitStatus, "signal SIGABRT");
  EXPECT_EQ(c.crashLog, s.stderrTail);
  EXPECT_FALSE(c.result.has_value());
}

TEST(Classify, AssertionWinsOverAResultFile) {
  // A child that wrote its JSON and then died is still a crash.
  ChildStatus s;
  s.how = ChildStatus::Signaled;
  s.signal = SIGABRT;
  s.stderrTail = assertionLog();
  s.resultJson = R"({"outcome": "pass"})";
  EXPECT_EQ(classifyChild(s).outcome, Outcome::Crash);
}

TEST(Classify, PlainAssertAndLlvmError) {
  EXPECT_EQ(crashSignatureFromLog("a.cpp:3: int f(): Assertion `x > 0' "
                                  "failed.\n"),
            "x > 0");
  EXPECT_EQ(crashSiteFromLog("a/b/c.cpp:3: int f(): Assertion `x' failed."),
            "c.cpp:3");
  EXPECT_EQ(crashSignatureFromLog("LLVM ERROR: out of DST\nStack dump:\n"),
            "out of DST");
  EXPECT_EQ(crashSignatureFromLog("nothing here\n"), "");
  EXPECT_EQ(crashSiteFromLog("LLVM ERROR: x\n"), "");
}

TEST(Classify, SignalWithoutMessage) {
  ChildStatus s;
  s.how = ChildStatus::Signaled;
  s.signal = SIGSEGV;
  s.stderrTail = "some output\n";
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Crash);
  EXPECT_EQ(c.signature, "signal SIGSEGV");
  EXPECT_EQ(c.crashSite, "");
  EXPECT_EQ(signalName(SIGABRT), "SIGABRT");
  EXPECT_EQ(signalName(SIGKILL), "SIGKILL");
  EXPECT_EQ(signalName(63), "signal 63");
}

TEST(Classify, ExitWithoutResult) {
  ChildStatus s;
  s.how = ChildStatus::Exited;
  s.exitCode = 3;
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Crash);
  EXPECT_EQ(c.signature, "exit 3 without a result");
  EXPECT_EQ(c.exitStatus, "exit 3");
}

TEST(Classify, Timeout) {
  ChildStatus s;
  s.how = ChildStatus::TimedOut;
  s.timeoutSeconds = 1.5;
  s.stderrTail = "working...\n";
  s.resultJson = R"({"outcome": "pass"})";
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Timeout);
  EXPECT_EQ(c.signature, "time limit 1.5 s");
  EXPECT_EQ(c.exitStatus, "killed after 1.5 s");
  EXPECT_EQ(c.crashLog, "working...\n");
}

TEST(Classify, UnreadableResult) {
  ChildStatus s;
  s.resultJson = "not json";
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Crash);
  EXPECT_EQ(c.signature.rfind("unreadable result: invalid JSON", 0), 0u)
      << c.signature;
  s.resultJson = R"({"outcome": "exploded"})";
  EXPECT_NE(classifyChild(s).signature.find("unknown cell outcome 'exploded'"),
            std::string::npos);
  s.resultJson = R"({"outcome": "pass", "pcc": "high"})";
  EXPECT_NE(classifyChild(s).signature.find("pcc: expected a number or null"),
            std::string::npos);
}

TEST(Classify, ResultFromJson) {
  CellResult r;
  r.outcome = Outcome::Hazard;
  r.pcc = 0.5;
  r.cycles = 1234;
  r.isAttention = false;
  HazardRecord h;
  h.kind = "dst-out-of-range";
  h.thread = "math";
  h.coreX = 1;
  h.coreY = 2;
  h.dstSlice = 4;
  r.hazards.push_back(h);
  ChildStatus s;
  s.how = ChildStatus::Exited;
  s.exitCode = kExitHazard;
  s.resultJson = llvm::formatv("{0}", toJSON(r)).str();
  s.stderrTail = "hazard!\n";
  Classification c = classifyChild(s);
  EXPECT_EQ(c.outcome, Outcome::Hazard);
  EXPECT_EQ(c.signature, "dst-out-of-range"); // from the first hazard
  ASSERT_TRUE(c.result.has_value());
  EXPECT_EQ(c.result->pcc, std::optional<double>(0.5));
  EXPECT_EQ(c.result->cycles, std::optional<uint64_t>(1234));
  EXPECT_EQ(c.result->isAttention, std::optional<bool>(false));
  ASSERT_EQ(c.result->hazards.size(), 1u);
  EXPECT_EQ(c.result->hazards[0].coreY, 2);
  EXPECT_EQ(c.result->hazards[0].dstSlice, 4);
  EXPECT_EQ(c.result->hazards[0].cb, -1);
  EXPECT_EQ(c.crashLog, "hazard!\n"); // kept for non-pass outcomes
}

// The simulator's step budget (a verdict the child writes) and the
// parent's wall-clock kill are different outcomes, with one glyph and exit
// code.
TEST(Classify, StepLimitAndTimeLimitAreDistinct) {
  ChildStatus ran;
  ran.resultJson =
      R"({"outcome": "step-limit", "signature": "simulator step limit"})";
  Classification child = classifyChild(ran);
  EXPECT_EQ(child.outcome, Outcome::StepLimit);
  EXPECT_EQ(child.signature, "simulator step limit");
  ChildStatus killed;
  killed.how = ChildStatus::TimedOut;
  killed.timeoutSeconds = 60;
  EXPECT_EQ(classifyChild(killed).outcome, Outcome::Timeout);
  EXPECT_EQ(outcomeName(Outcome::StepLimit), "step-limit");
  EXPECT_EQ(outcomeName(Outcome::Timeout), "timeout");
  EXPECT_EQ(parseOutcome("step-limit"), Outcome::StepLimit);
  EXPECT_EQ(glyphFor(Outcome::StepLimit), glyphFor(Outcome::Timeout));
  auto e = [](const char *s) { return llvm::cantFail(Expectation::parse(s)); };
  EXPECT_FALSE(meetsExpectation(e("step-limit"), Outcome::Timeout, "", nullptr,
                                std::nullopt, std::nullopt));
  EXPECT_FALSE(meetsExpectation(e("timeout"), Outcome::StepLimit, "", nullptr,
                                std::nullopt, std::nullopt));
}

TEST(Classify, ExitCodes) {
  CellResult r;
  for (auto [outcome, code] :
       {std::pair<const char *, ExitCode>{"pass", kExitPass},
        {"miscompiled", kExitMiscompiled},
        {"imprecise", kExitImprecise},
        {"hazard", kExitHazard},
        {"deadlock", kExitDeadlock},
        {"error", kExitCompileError},
        {"bad-input", kExitBadInput},
        {"step-limit", kExitTimeout},
        {"timeout", kExitTimeout},
        {"crash", kExitCrash}}) {
    r.outcome = *parseOutcome(outcome);
    EXPECT_EQ(exitCodeFor(r), code) << outcome;
  }
}

TEST(Classify, MeetsExpectation) {
  auto e = [](const char *s) { return llvm::cantFail(Expectation::parse(s)); };
  std::vector<HazardRecord> hazards(2);
  hazards[0].kind = "dst-stale-read";
  hazards[1].kind = "cb-overflow";
  std::string crash = std::string("crash \"") + kMultiUser + "\"";
  EXPECT_TRUE(meetsExpectation(e(crash.c_str()), Outcome::Crash, kMultiUser,
                               nullptr, std::nullopt, std::nullopt));
  EXPECT_FALSE(meetsExpectation(e(crash.c_str()), Outcome::Crash,
                                "signal SIGSEGV", nullptr, std::nullopt,
                                std::nullopt));
  EXPECT_FALSE(meetsExpectation(e(crash.c_str()), Outcome::Error, kMultiUser,
                                nullptr, std::nullopt, std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("error \"come from a CB\""), Outcome::Error,
                               "operand A must come from a CB", nullptr,
                               std::nullopt, std::nullopt));
  EXPECT_FALSE(meetsExpectation(e("error \"come from a CB\""), Outcome::Error,
                                "something else", nullptr, std::nullopt,
                                std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("hazard cb-overflow"), Outcome::Hazard,
                               "dst-stale-read", &hazards, std::nullopt,
                               std::nullopt));
  EXPECT_FALSE(meetsExpectation(e("hazard deadlock"), Outcome::Hazard,
                                "dst-stale-read", &hazards, std::nullopt,
                                std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("miscompiled"), Outcome::Miscompiled, "",
                               nullptr, std::nullopt, std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("imprecise"), Outcome::Imprecise, "", nullptr,
                               std::nullopt, std::nullopt));
  // The two numeric failures are distinct expectations.
  EXPECT_FALSE(meetsExpectation(e("miscompiled"), Outcome::Imprecise, "",
                                nullptr, std::nullopt, std::nullopt));
  EXPECT_FALSE(meetsExpectation(e("pass"), Outcome::Miscompiled, "", nullptr,
                                std::nullopt, std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("timeout"), Outcome::Timeout,
                               "time limit 60 s", nullptr, std::nullopt,
                               std::nullopt));
  EXPECT_TRUE(meetsExpectation(e("deadlock"), Outcome::Deadlock, "", nullptr,
                               std::nullopt, std::nullopt));
  // Attention: a passing program that should be attention and is not.
  EXPECT_FALSE(
      meetsExpectation(e("pass"), Outcome::Pass, "", nullptr, true, false));
  EXPECT_TRUE(
      meetsExpectation(e("pass"), Outcome::Pass, "", nullptr, true, true));
  EXPECT_TRUE(
      meetsExpectation(e("pass"), Outcome::Pass, "", nullptr, false, false));
  EXPECT_TRUE(meetsExpectation(e("pass"), Outcome::Pass, "", nullptr, true,
                               std::nullopt));
}

TEST(Classify, Glyphs) {
  EXPECT_EQ(glyphFor(Outcome::Pass), "\u2713");
  EXPECT_EQ(glyphFor(Outcome::Crash), "\u2717");
  EXPECT_EQ(glyphFor(Outcome::Error), "E");
  EXPECT_EQ(glyphFor(Outcome::Miscompiled), "M");
  EXPECT_EQ(glyphFor(Outcome::Imprecise), "I");
  EXPECT_EQ(glyphFor(Outcome::Hazard), "H");
  EXPECT_EQ(glyphFor(Outcome::Deadlock), "D");
  EXPECT_EQ(glyphFor(Outcome::Timeout), "T");
  EXPECT_EQ(glyphFor(Outcome::BadInput), "?");
}

TEST(Runner, StderrTailKeepsValidUtf8) {
  std::string log(5000, 'a');
  log += "\u2713 end";
  std::string tail = stderrTail(log);
  EXPECT_EQ(tail.size(), kStderrTailBytes);
  EXPECT_EQ(tail.substr(tail.size() - 7), "\u2713 end");
  // Cutting inside a multi-byte character drops its continuation bytes.
  std::string cut = std::string(10, 'x') + "\u2713" + std::string(4094, 'y');
  tail = stderrTail(cut);
  EXPECT_EQ(tail, std::string(4094, 'y'));
  EXPECT_EQ(stderrTail("bad \xff byte"), "bad \uFFFD byte");
}

} // namespace

namespace {

TEST(Runner, RunsChildrenInParallelWithTimeLimits) {
  llvm::SmallString<128> resultPath;
  ASSERT_FALSE(
      llvm::sys::fs::createTemporaryFile("dstlab-runner", "json", resultPath));
  std::string result = resultPath.str().str();
  std::remove(result.c_str()); // the child must create it
  std::vector<ChildJob> jobs(4);
  jobs[0].argv = {"/bin/sh", "-c",
                  "echo to-stdout; echo to-stderr >&2; exit 3"};
  jobs[1].argv = {"/bin/sh", "-c", "kill -SEGV $$"};
  jobs[2].argv = {"/bin/sh", "-c", "exec sleep 30"};
  jobs[2].timeoutSeconds = 0.3;
  jobs[3].argv = {"/bin/sh", "-c",
                  "printf '{\"outcome\": \"imprecise\", \"pcc\": 0.25, "
                  "\"max_error\": null, \"non_finite\": {\"max_error\": "
                  "\"inf\"}}' > \"$0\"",
                  result};
  jobs[3].resultPath = result;
  std::vector<std::optional<ChildStatus>> got(jobs.size());
  size_t ticks = 0;
  llvm::Error e = runChildren(
      jobs, 2, [&](size_t i, ChildStatus s) { got[i] = std::move(s); },
      [&](size_t, size_t) { ++ticks; });
  ASSERT_FALSE(!!e) << llvm::toString(std::move(e));
  for (auto &g : got)
    ASSERT_TRUE(g.has_value());
  EXPECT_EQ(got[0]->how, ChildStatus::Exited);
  EXPECT_EQ(got[0]->exitCode, 3);
  EXPECT_EQ(got[0]->stderrTail, "to-stderr\n");
  EXPECT_EQ(got[1]->how, ChildStatus::Signaled);
  EXPECT_EQ(got[1]->signal, SIGSEGV);
  EXPECT_EQ(got[2]->how, ChildStatus::TimedOut);
  EXPECT_LT(got[2]->seconds, 5.0);
  EXPECT_EQ(classifyChild(*got[2]).outcome, Outcome::Timeout);
  EXPECT_EQ(got[3]->how, ChildStatus::Exited);
  ASSERT_TRUE(got[3]->resultJson.has_value());
  Classification c = classifyChild(*got[3]);
  EXPECT_EQ(c.outcome, Outcome::Imprecise);
  EXPECT_EQ(c.result->pcc, std::optional<double>(0.25));
  // A non-finite figure travels as null plus a flag, and comes back.
  ASSERT_TRUE(c.result->maxError.has_value());
  EXPECT_TRUE(std::isinf(*c.result->maxError));
  std::remove(result.c_str());
}

TEST(Runner, MissingExecutableIsAnError) {
  std::vector<ChildJob> jobs(1);
  jobs[0].argv = {"/nonexistent/dstlab-cell"};
  llvm::Error e = runChildren(
      jobs, 1, [](size_t, ChildStatus) {}, [](size_t, size_t) {});
  ASSERT_TRUE(!!e);
  EXPECT_NE(llvm::toString(std::move(e)).find("cannot run /nonexistent"),
            std::string::npos);
}

} // namespace

// The model prints clang's line of a multi-line assert, g++ builds the first.
TEST(UpstreamAsserts, GccAndClangLinesAreOneSite) {
  EXPECT_TRUE(dstlab::sameUpstreamAssert("InsertDstRegisterAccess.cpp:357",
                                         "InsertDstRegisterAccess.cpp:359"));
  EXPECT_TRUE(dstlab::sameUpstreamAssert("GenericTileComputeLoops.cpp:139",
                                         "GenericTileComputeLoops.cpp:138"));
  EXPECT_FALSE(dstlab::sameUpstreamAssert("InsertDstRegisterAccess.cpp:357",
                                          "InsertDstRegisterAccess.cpp:263"));
  EXPECT_FALSE(dstlab::sameUpstreamAssert("Utils.cpp:357",
                                          "InsertDstRegisterAccess.cpp:359"));
}
