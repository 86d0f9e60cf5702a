//===- Classify.cpp - a child's exit turned into a matrix outcome ---------===//

#include "harness/Classify.h"

#include "harness/CellResult.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

#include <csignal>
#include <cstdio>

using namespace llvm;

namespace dstlab::harness {

std::string signalName(int signal) {
  switch (signal) {
  case SIGABRT:
    return "SIGABRT";
  case SIGSEGV:
    return "SIGSEGV";
  case SIGBUS:
    return "SIGBUS";
  case SIGFPE:
    return "SIGFPE";
  case SIGILL:
    return "SIGILL";
  case SIGKILL:
    return "SIGKILL";
  case SIGTERM:
    return "SIGTERM";
  case SIGINT:
    return "SIGINT";
  case SIGTRAP:
    return "SIGTRAP";
  case SIGPIPE:
    return "SIGPIPE";
  case SIGHUP:
    return "SIGHUP";
  case SIGQUIT:
    return "SIGQUIT";
  case SIGSYS:
    return "SIGSYS";
  case SIGXCPU:
    return "SIGXCPU";
  default:
    return "signal " + std::to_string(signal);
  }
}

namespace {

/// The first line of `log` containing "Assertion" (and "failed"), if any.
std::optional<StringRef> assertionLine(StringRef log) {
  SmallVector<StringRef> lines;
  log.split(lines, '\n');
  for (StringRef line : lines)
    if (line.contains("Assertion") && line.contains("failed"))
      return line;
  return std::nullopt;
}

} // namespace

/// The string literals at the start of `text` joined as the compiler joins
/// adjacent literals ("a " "b" -> "a b"); empty when `text` starts with none.
static std::string joinedLiterals(StringRef text) {
  std::string joined;
  text = text.ltrim();
  while (text.consume_front("\"")) {
    size_t close = 0;
    while (close < text.size() && text[close] != '"')
      close += text[close] == '\\' ? 2 : 1;
    if (close >= text.size())
      break;
    joined += text.take_front(close).str();
    text = text.drop_front(close + 1).ltrim();
  }
  return joined;
}

std::string crashSignatureFromLog(StringRef log) {
  if (std::optional<StringRef> line = assertionLine(log)) {
    StringRef rest = line->substr(line->find("Assertion"));
    size_t tick = rest.find('`');
    // tt-mlir's TT_assert / TT_assertv (include/ttmlir/Asserts.h at
    // ae4e7b838c): "Assertion `cond` failed[, was `a op b`][, message]".
    size_t ttEnd = rest.find("` failed");
    if (tick != StringRef::npos && ttEnd != StringRef::npos && ttEnd > tick) {
      StringRef cond = rest.slice(tick + 1, ttEnd).trim();
      StringRef after = rest.drop_front(ttEnd + strlen("` failed"));
      if (after.consume_front(", was `")) {
        size_t close = after.find('`');
        after = close == StringRef::npos ? StringRef()
                                         : after.drop_front(close + 1);
      }
      if (after.consume_front(", ") && !after.trim().empty())
        return after.trim().str();
      return cond.str();
    }
    // glibc's assert(expr): "Assertion `expr' failed."; a message in the
    // expression is its string literal, possibly split across adjacent ones.
    size_t open = rest.find('"');
    size_t end = rest.rfind("' failed");
    if (open != StringRef::npos && (end == StringRef::npos || open < end)) {
      std::string message = joinedLiterals(rest.drop_front(open));
      if (!message.empty())
        return message;
    }
    if (tick != StringRef::npos && end != StringRef::npos && end > tick + 1)
      return rest.slice(tick + 1, end).trim().str();
    return rest.trim().str();
  }
  SmallVector<StringRef> lines;
  log.split(lines, '\n');
  for (StringRef line : lines) {
    size_t pos = line.find("LLVM ERROR:");
    if (pos != StringRef::npos)
      return line.drop_front(pos + strlen("LLVM ERROR:")).trim().str();
  }
  return "";
}

std::string crashSiteFromLog(StringRef log) {
  std::optional<StringRef> line = assertionLine(log);
  if (!line)
    return "";
  static const Regex site("([A-Za-z0-9_./+-]+\\.(cpp|cc|cxx|c|h|hpp|inc)):([0-"
                          "9]+)");
  SmallVector<StringRef, 4> matches;
  if (!site.match(*line, &matches))
    return "";
  StringRef file = matches[1];
  // Keep the file name: build paths differ from machine to machine.
  size_t slash = file.rfind('/');
  if (slash != StringRef::npos)
    file = file.drop_front(slash + 1);
  return (file + ":" + matches[3]).str();
}

Classification classifyChild(const ChildStatus &status) {
  Classification c;
  switch (status.how) {
  case ChildStatus::TimedOut: {
    c.outcome = Outcome::Timeout;
    char limit[32];
    snprintf(limit, sizeof(limit), "%g", status.timeoutSeconds);
    c.signature = std::string("time limit ") + limit + " s";
    c.exitStatus = std::string("killed after ") + limit + " s";
    c.crashLog = status.stderrTail;
    return c;
  }
  case ChildStatus::Signaled:
    c.exitStatus = "signal " + signalName(status.signal);
    break;
  case ChildStatus::Exited:
    c.exitStatus = "exit " + std::to_string(status.exitCode);
    break;
  }

  if (status.how == ChildStatus::Signaled || !status.resultJson) {
    c.outcome = Outcome::Crash;
    c.signature = crashSignatureFromLog(status.stderrTail);
    c.crashSite = crashSiteFromLog(status.stderrTail);
    if (c.signature.empty())
      c.signature =
          status.how == ChildStatus::Signaled
              ? "signal " + signalName(status.signal)
              : "exit " + std::to_string(status.exitCode) + " without a result";
    c.crashLog = status.stderrTail;
    return c;
  }

  Expected<CellResult> result = parseCellResult(*status.resultJson);
  if (!result) {
    c.outcome = Outcome::Crash;
    c.signature = "unreadable result: " + toString(result.takeError());
    c.crashLog = status.stderrTail;
    return c;
  }
  c.outcome = result->outcome;
  c.signature = StringRef(result->signature).trim().str();
  if (c.outcome == Outcome::Hazard && c.signature.empty() &&
      !result->hazards.empty())
    c.signature = result->hazards.front().kind;
  if (c.outcome != Outcome::Pass && c.outcome != Outcome::Miscompiled &&
      c.outcome != Outcome::Imprecise)
    c.crashLog = status.stderrTail;
  // A real tool's crash or diagnostic: its own log is the one to keep.
  if (!result->toolLog.empty())
    c.crashLog = result->toolLog;
  c.crashSite = result->crashSite;
  c.result = std::move(*result);
  return c;
}

bool meetsExpectation(const Expectation &e, Outcome outcome,
                      StringRef signature,
                      const std::vector<HazardRecord> *hazards,
                      std::optional<bool> attentionExpected,
                      std::optional<bool> attention) {
  if (outcome != e.outcome)
    return false;
  switch (e.outcome) {
  case Outcome::Crash:
    return signature == e.text;
  case Outcome::Error:
    return signature.contains(e.text);
  case Outcome::Hazard:
    if (signature == e.text)
      return true;
    return hazards && llvm::any_of(*hazards, [&](const HazardRecord &h) {
             return h.kind == e.text;
           });
  case Outcome::Pass:
    return !(attentionExpected && attention &&
             *attentionExpected != *attention);
  default:
    return true;
  }
}

} // namespace dstlab::harness
