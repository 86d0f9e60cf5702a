//===- Runner.h - cell processes in parallel --------------------*- C++ -*-===//
//
// Each job is one child process (fork + exec) in its own process group, with
// stdin and stdout on /dev/null, core dumps off, and stderr on a pipe whose
// last 4 KiB are kept. At most `parallel` children run at once; jobs start in
// index order. A child still running at its time limit gets SIGKILL (its whole
// process group) and is reported as timed out. SIGINT/SIGTERM to the parent
// kill every child and end the run with an error.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_RUNNER_H
#define DSTLAB_HARNESS_RUNNER_H

#include "harness/Classify.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"

#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace dstlab::harness {

struct ChildJob {
  std::vector<std::string> argv; ///< argv[0] is the executable's path
  std::string resultPath;        ///< the JSON file the child should write
  double timeoutSeconds = 60;
  /// When set, the forked child calls this instead of exec'ing argv and
  /// exits with what it returns: the child is a copy of this process, so it
  /// skips loading and relocating the shared libraries (most of a small
  /// cell's time). Only for a single-threaded parent; argv then only names
  /// the job in errors.
  std::function<int()> inProcess;
};

/// Bytes of stderr kept per child.
inline constexpr size_t kStderrTailBytes = 4096;

/// Runs `jobs`; calls `finished(index, status)` as each ends (completion
/// order) and `tick(running, finishedCount)` at least every 200 ms. Fails
/// only when a child cannot be started (e.g. the executable is missing) or
/// the run is interrupted; a crashing child is a result.
llvm::Error runChildren(llvm::ArrayRef<ChildJob> jobs, unsigned parallel,
                        llvm::function_ref<void(size_t, ChildStatus)> finished,
                        llvm::function_ref<void(size_t, size_t)> tick);

/// In a freshly forked child, before exec (async-signal-safe calls only):
/// its own process group (so the parent can kill it whole), death with the
/// parent `parent` (kill -9 included; exits 127 if it is already gone), no
/// core dumps, default SIGINT/SIGTERM.
void detachChild(pid_t parent);

/// Keeps the last kStderrTailBytes of `text`, starting at a UTF-8 character
/// boundary, with invalid UTF-8 replaced.
std::string stderrTail(llvm::StringRef text);

} // namespace dstlab::harness

#endif
