//===- Classify.h - a child's exit turned into a matrix outcome -*- C++ -*-===//
//
// The matrix runs each cell as a child process (`dstlab cell ...`). What the
// parent sees — how the child ended, its stderr and the JSON it wrote — is
// classified here:
//
//   - killed by the parent at the time limit: timeout (the child's own
//     simulator step limit is step-limit, a verdict in its JSON);
//   - killed by a signal, or exited without writing its JSON: crash, with the
//     signature taken from the log: the quoted message of the first
//     glibc-style "Assertion `...' failed." line, else the text of an
//     "LLVM ERROR: ..." line, else "signal SIGABRT" (or "exit N without a
//     result" when it exited);
//   - otherwise the outcome in its JSON (harness/Outcome.h); a JSON that
//     cannot be read is a crash with signature "unreadable result: ...".
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_CLASSIFY_H
#define DSTLAB_HARNESS_CLASSIFY_H

#include "harness/Cell.h"
#include "harness/Repro.h"

#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace dstlab::harness {

/// How a child process ended, as the parent saw it.
struct ChildStatus {
  enum How { Exited, Signaled, TimedOut };
  How how = Exited;
  int exitCode = 0;
  int signal = 0;
  std::string stderrTail;                ///< at most the last 4 KiB
  std::optional<std::string> resultJson; ///< the --json file, if written
  double seconds = 0;                    ///< wall time
  double timeoutSeconds = 0;             ///< the limit it ran under
};

/// The parent's verdict on one child.
struct Classification {
  Outcome outcome = Outcome::Pass;
  std::string signature;  ///< empty when none
  std::string crashSite;  ///< "File.cpp:356" from the assertion line, if any
  std::string exitStatus; ///< "exit 0", "signal SIGABRT", "timeout after 60 s"
  std::string crashLog;   ///< stderr tail kept for crash/timeout/error cells
  std::optional<CellResult> result; ///< what the child reported, if anything
};

Classification classifyChild(const ChildStatus &status);

/// "SIGABRT", "SIGSEGV", ...; "signal N" for others.
std::string signalName(int signal);

/// The signature of a crash log (see above); empty if the log has none.
std::string crashSignatureFromLog(llvm::StringRef log);
/// "File.cpp:356" from the first assertion line, empty if none.
std::string crashSiteFromLog(llvm::StringRef log);

/// Does a cell with this outcome/signature/result meet `expectation`?
/// `attentionExpected` is the repro's `attention:` value: a passing cell of
/// an attention-shaped program whose result says otherwise is unexpected.
bool meetsExpectation(const Expectation &expectation, Outcome outcome,
                      llvm::StringRef signature,
                      const std::vector<HazardRecord> *hazards,
                      std::optional<bool> attentionExpected,
                      std::optional<bool> attention);

} // namespace dstlab::harness

#endif
