//===- RealTool.h - a real tt-mlir opt tool as a matrix column --*- C++ -*-===//
//
// `dstlab matrix --ttmlir-opt NAME=PATH@COMMIT[+ndebug]` adds a column
// `real:NAME`: each cell's program is exported in COMMIT's D2M syntax
// (bridge/), run through the binary at PATH in its own process, and the
// binary's verdict — crash, diagnostic, or compiled output — becomes the
// cell's. PATH may be `recorded:DIR`: the outputs recorded earlier under DIR
// are replayed instead (CI has no tt-mlir build).
//
// Recordings (scripts/record-ttmlir-outputs.sh, or `--record DIR`) live in
// one directory per program and commit, ROOT/<commit>/<repro>/<program>/:
//   input.mlir                  what dstlab exported (the replay checks it is
//                               unchanged)
//   assert/ and ndebug/         one per build:
//     status                    the exit status, 128 + N for signal N, or
//                               "timeout"
//     stderr.txt                its stderr, without LLVM's stack dump
//     output.mlir               its stdout, the IR (when it compiled)
// ROOT/<commit>/LABEL says which binaries, compiler and flags made them.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_REALTOOL_H
#define DSTLAB_HARNESS_REALTOOL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace dstlab::harness {

inline constexpr const char *kRealVariantPrefix = "real:";

/// One `--ttmlir-opt` value.
struct RealToolSpec {
  std::string name;    ///< the column is `real:<name>`
  std::string path;    ///< the binary, or the recordings directory
  bool replay = false; ///< path was `recorded:DIR`
  std::string commit;  ///< as given (a prefix of a known commit)
  bool ndebug = false; ///< built with -DNDEBUG (asserts compiled out)

  /// Parses `NAME=PATH@COMMIT[+ndebug]`; NAME is [A-Za-z0-9_.-]+.
  static llvm::Expected<RealToolSpec> parse(llvm::StringRef text);
  /// The text parse() reads back.
  std::string str() const;
  std::string variant() const { return kRealVariantPrefix + name; }
  /// The model column this binary is held to: "upstream" or
  /// "upstream-release" for ae4e7b838c, "upstream-2026[-release]" for
  /// 19c86fca45; empty when dstlab has no model of the commit.
  std::string modelVariant() const;
};

bool isRealVariant(llvm::StringRef variant);

/// What one run of the real tool did.
struct RealRun {
  enum Status { Compiled, Diagnostic, Crash, Timeout };
  Status status = Compiled;
  int exitCode = 0;
  int signal = 0;                ///< when status == Crash by a signal
  std::string stderrText;        ///< all of it
  std::string output;            ///< stdout: the IR, when it compiled
  std::vector<std::string> args; ///< the pass arguments, no paths
  std::string commit;            ///< full id
  bool ndebug = false;
};

llvm::StringRef statusName(RealRun::Status status);

/// Runs `spec.path` on `input` with `args` (plus the print flags the
/// importer needs) in its own process, killed after `timeoutSeconds`.
llvm::Expected<RealRun> runRealTool(const RealToolSpec &spec,
                                    llvm::StringRef fullCommit,
                                    llvm::ArrayRef<std::string> args,
                                    llvm::StringRef input,
                                    double timeoutSeconds);

/// ROOT/<commit>/<repro>/<program>: a program's recordings at a commit
/// (`commit` cut to 10 digits).
std::string recordingDir(llvm::StringRef root, llvm::StringRef commit,
                         llvm::StringRef repro, llvm::StringRef program);
/// Writes `run` and its `input` under `dir` (replacing what was there).
llvm::Error writeRecording(llvm::StringRef dir, llvm::StringRef input,
                           const RealRun &run);
/// Reads the recording of the asserts (`ndebug` false) or NDEBUG build; an
/// error when it is missing or malformed, or was recorded from a different
/// input than `input` (stale).
llvm::Expected<RealRun> readRecording(llvm::StringRef dir,
                                      llvm::StringRef input, bool ndebug);

/// `log` up to LLVM's crash report ("PLEASE submit a bug report", "Stack
/// dump:"), whose addresses differ from run to run: recorded and reported
/// logs stay byte-identical.
std::string withoutStackDump(llvm::StringRef log);

/// The first `error: ...` message in a tool's stderr (the text after
/// "error: "), or empty.
std::string firstDiagnostic(llvm::StringRef log);

} // namespace dstlab::harness

#endif // DSTLAB_HARNESS_REALTOOL_H
