//===- Commands.h - dstlab subcommands --------------------------*- C++ -*-===//
#ifndef DSTLAB_TOOLS_DSTLAB_COMMANDS_H
#define DSTLAB_TOOLS_DSTLAB_COMMANDS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dstlab::tool {

/// Exit codes of matrix, merge, report and diff (run and cell use
/// harness::ExitCode).
enum ToolExit : int {
  kToolOk = 0,
  kToolFailed = 1, ///< a cell not as expected / a regression
  kToolError = 2,  ///< bad arguments, unreadable input, I/O error
};

/// Parsed command-line arguments of one subcommand: `--name value`,
/// `--name=value`, flags, and positional arguments.
struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> values;
  std::map<std::string, bool> flags;
  /// Every value of an option given more than once, in order.
  std::map<std::string, std::vector<std::string>> lists;

  std::optional<std::string> get(llvm::StringRef name) const;
  std::vector<std::string> getAll(llvm::StringRef name) const;
  bool flag(llvm::StringRef name) const;
};

/// Parses `argv`; `withValue` and `flagNames` list the accepted options
/// (without "--"). Prints an error and returns nullopt on a bad argument.
std::optional<Args> parseArgs(llvm::StringRef command,
                              llvm::ArrayRef<std::string> argv,
                              llvm::ArrayRef<llvm::StringRef> withValue,
                              llvm::ArrayRef<llvm::StringRef> flagNames);

/// The seeds of `--seed S` (the first, default 0) and `--seeds N|A..B` (N
/// seeds from S, default 3; or A through B): prints an error and returns
/// nullopt when they are malformed, empty, or both forms name the first.
std::optional<std::vector<uint64_t>> parseSeeds(llvm::StringRef command,
                                                const Args &args);

/// Takes <out>/.lock for the life of the process (flock); false, with an
/// error naming the holder, when another run holds it.
bool lockOutDir(llvm::StringRef cmd, llvm::StringRef outDir);

/// The program a run starts as `PATH cell ...`: `--cell-exe`, else this
/// dstlab (`mainAddr` is any function of the executable).
std::string cellExecutable(const Args &args, const char *argv0, void *mainAddr);

/// --jobs N (default: the CPUs), at most limits::kMaxJobs; prints an error
/// and returns nullopt when it is malformed.
std::optional<unsigned> parseJobs(llvm::StringRef cmd, const Args &args);

/// --timeout S in seconds (default `fallback`), positive and at most
/// limits::kMaxTimeoutSeconds; prints an error and returns nullopt
/// otherwise.
std::optional<double> parseTimeout(llvm::StringRef cmd, const Args &args,
                                   double fallback);

/// The repro files the positional arguments name (default `repros`);
/// prints an error and returns nullopt when there are none or a path is bad.
std::optional<std::vector<std::string>> reproFilesArg(llvm::StringRef cmd,
                                                      const Args &args);

/// Prints "dstlab <command>: <message>" to stderr.
void reportError(llvm::StringRef command, const llvm::Twine &message);

/// The top-level usage (`dstlab --help`).
extern const char *const kUsage;
/// The subcommands, in help order.
std::vector<llvm::StringRef> commandNames();
/// Prints `dstlab COMMAND --help`; false for an unknown command.
bool printCommandHelp(llvm::StringRef command);
/// Whether -h or --help comes before any "--".
bool wantsHelp(llvm::ArrayRef<std::string> argv);
/// Prints `dstlab --version`: the version and the git revision built.
void printVersion();

int exportCommand(llvm::ArrayRef<std::string> argv);
int importCommand(llvm::ArrayRef<std::string> argv);
int matrixCommand(llvm::ArrayRef<std::string> argv, const char *argv0);
/// `dstlab cell` (argv after "cell"): what the matrix runs in each forked
/// child when no --cell-exe is given.
int runCellCommand(llvm::ArrayRef<std::string> argv);
int mergeCommand(llvm::ArrayRef<std::string> argv);
int reportCommand(llvm::ArrayRef<std::string> argv);
int diffCommand(llvm::ArrayRef<std::string> argv);
int mutateScoreCommand(llvm::ArrayRef<std::string> argv, const char *argv0);
int fuzzCommand(llvm::ArrayRef<std::string> argv, const char *argv0);
int reduceCommand(llvm::ArrayRef<std::string> argv, const char *argv0);

} // namespace dstlab::tool

#endif
