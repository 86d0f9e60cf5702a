//===- RealTool.cpp - a real tt-mlir opt tool as a matrix column ----------===//

#include "harness/RealTool.h"

#include "harness/Classify.h"
#include "harness/Matrix.h"
#include "harness/Runner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace llvm;

namespace dstlab::harness {

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

bool validName(StringRef name) {
  return !name.empty() && llvm::all_of(name, [](char c) {
    return isAlnum(c) || c == '_' || c == '.' || c == '-';
  });
}

/// The commit dstlab's upstream model describes (compiler/Dialect/D2M/
/// Transforms/InsertDstRegisterAccess.cpp).
/// The commits dstlab models, and the variant that models each (assert
/// build; "-release" for NDEBUG).
constexpr std::pair<StringRef, StringRef> kModelledCommits[] = {
    {"ae4e7b838c", "upstream"}, {"19c86fca45", "upstream-2026"}};

Expected<std::string> readFile(const Twine &path) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeError(path + ": " + buffer.getError().message());
  return (*buffer)->getBuffer().str();
}

} // namespace

Expected<RealToolSpec> RealToolSpec::parse(StringRef text) {
  auto bad = [&](const Twine &why) {
    return makeError("--ttmlir-opt '" + text + "': " + why +
                     " (expected NAME=PATH@COMMIT[+ndebug] or "
                     "NAME=recorded:DIR@COMMIT[+ndebug])");
  };
  RealToolSpec spec;
  auto [name, rest] = text.split('=');
  if (rest.empty() && !text.contains('='))
    return bad("no '='");
  if (!validName(name))
    return bad("NAME must be letters, digits, '_', '.' or '-'");
  spec.name = name.str();
  size_t at = rest.rfind('@');
  if (at == StringRef::npos)
    return bad("no '@COMMIT'");
  StringRef path = rest.take_front(at);
  StringRef commit = rest.drop_front(at + 1);
  if (commit.consume_back("+ndebug"))
    spec.ndebug = true;
  if (commit.size() < 7 || commit.size() > 40 ||
      !llvm::all_of(commit, [](char c) { return isHexDigit(c); }))
    return bad("COMMIT must be 7 to 40 hex digits");
  spec.commit = commit.lower();
  if (path.consume_front("recorded:"))
    spec.replay = true;
  if (path.empty())
    return bad("empty PATH");
  spec.path = path.str();
  return spec;
}

std::string RealToolSpec::str() const {
  return name + "=" + (replay ? "recorded:" : "") + path + "@" + commit +
         (ndebug ? "+ndebug" : "");
}

std::string RealToolSpec::modelVariant() const {
  for (auto [modelled, variant] : kModelledCommits)
    if (modelled.starts_with(commit) || StringRef(commit).starts_with(modelled))
      return ndebug ? (variant + "-release").str() : variant.str();
  return "";
}

bool isRealVariant(StringRef variant) {
  return variant.starts_with(kRealVariantPrefix);
}

StringRef statusName(RealRun::Status status) {
  switch (status) {
  case RealRun::Compiled:
    return "compiled";
  case RealRun::Diagnostic:
    return "diagnostic";
  case RealRun::Crash:
    return "crash";
  case RealRun::Timeout:
    return "timeout";
  }
  return "compiled";
}

Expected<RealRun> runRealTool(const RealToolSpec &spec, StringRef fullCommit,
                              ArrayRef<std::string> args, StringRef input,
                              double timeoutSeconds) {
  if (!sys::fs::can_execute(spec.path))
    return makeError("--ttmlir-opt " + spec.name + ": " + spec.path +
                     " is not an executable");
  SmallString<128> dir;
  if (std::error_code ec = sys::fs::createUniqueDirectory("dstlab-ttmlir", dir))
    return makeError("cannot create a temporary directory: " + ec.message());
  llvm::scope_exit cleanup(
      [&] { sys::fs::remove_directories(dir, /*IgnoreErrors=*/true); });
  SmallString<128> inPath(dir), outPath(dir), errPath(dir);
  sys::path::append(inPath, "input.mlir");
  sys::path::append(outPath, "output.mlir");
  sys::path::append(errPath, "stderr.txt");
  if (Error e = writeFileAtomically(inPath, input))
    return e;

  RealRun run;
  run.args.assign(args.begin(), args.end());
  // The importer reads the generic form with every attribute inline.
  run.args.push_back("--mlir-print-op-generic");
  run.args.push_back("--mlir-print-local-scope");
  run.commit = fullCommit.str();
  run.ndebug = spec.ndebug;

  std::vector<std::string> argvStrings = {spec.path};
  argvStrings.insert(argvStrings.end(), run.args.begin(), run.args.end());
  argvStrings.push_back(std::string(inPath));
  std::vector<char *> argv;
  for (std::string &s : argvStrings)
    argv.push_back(s.data());
  argv.push_back(nullptr);

  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0)
    return makeError(Twine("fork: ") + strerror(errno));
  if (pid == 0) {
    // Dies with the cell (killed at its time limit) rather than run on.
    detachChild(parent);
    int in = open("/dev/null", O_RDONLY);
    int out = open(outPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = open(errPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || err < 0)
      _exit(127);
    dup2(in, 0);
    dup2(out, 1);
    dup2(err, 2);
    execv(argv[0], argv.data());
    _exit(127);
  }
  setpgid(pid, pid);
  auto start = std::chrono::steady_clock::now();
  int status = 0;
  bool timedOut = false;
  while (true) {
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid)
      break;
    if (r < 0 && errno != EINTR)
      return makeError(Twine("waitpid: ") + strerror(errno));
    double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
            .count();
    if (!timedOut && elapsed > timeoutSeconds) {
      kill(-pid, SIGKILL);
      timedOut = true;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }

  Expected<std::string> err = readFile(errPath);
  run.stderrText =
      withoutStackDump(err ? *err : (consumeError(err.takeError()), ""));
  // Diagnostics name the input by its temporary path: keep "input.mlir", as
  // recordings do, so that logs do not change from run to run.
  std::string prefix = (dir + "/").str();
  for (size_t pos; (pos = run.stderrText.find(prefix)) != std::string::npos;)
    run.stderrText.erase(pos, prefix.size());
  Expected<std::string> out = readFile(outPath);
  run.output = out ? *out : (consumeError(out.takeError()), "");
  if (timedOut) {
    run.status = RealRun::Timeout;
  } else if (WIFSIGNALED(status)) {
    run.status = RealRun::Crash;
    run.signal = WTERMSIG(status);
  } else {
    run.exitCode = WEXITSTATUS(status);
    if (run.exitCode == 127 && run.stderrText.empty())
      return makeError("--ttmlir-opt " + spec.name + ": cannot run " +
                       spec.path);
    run.status = run.exitCode == 0 ? RealRun::Compiled : RealRun::Diagnostic;
  }
  return run;
}

std::string recordingDir(StringRef root, StringRef commit, StringRef repro,
                         StringRef program) {
  SmallString<256> dir(root);
  sys::path::append(dir, commit.take_front(10), repro, program);
  return std::string(dir);
}

namespace {
StringRef modeName(bool ndebug) { return ndebug ? "ndebug" : "assert"; }
} // namespace

Error writeRecording(StringRef dir, StringRef input, const RealRun &run) {
  SmallString<256> modeDir(dir);
  sys::path::append(modeDir, modeName(run.ndebug));
  if (std::error_code ec = sys::fs::create_directories(modeDir))
    return makeError(modeDir + ": " + ec.message());
  // The shell's convention: the exit code, or 128 + the signal.
  std::string status;
  switch (run.status) {
  case RealRun::Timeout:
    status = "timeout";
    break;
  case RealRun::Crash:
    status = std::to_string(128 + run.signal);
    break;
  default:
    status = std::to_string(run.exitCode);
  }
  SmallString<256> path;
  auto write = [&](StringRef base, StringRef name, StringRef text) -> Error {
    path = base;
    sys::path::append(path, name);
    return writeFileAtomically(path, text);
  };
  if (Error e = write(dir, "input.mlir", input))
    return e;
  if (Error e = write(modeDir, "stderr.txt", run.stderrText))
    return e;
  path = modeDir;
  sys::path::append(path, "output.mlir");
  if (run.output.empty())
    sys::fs::remove(path);
  else if (Error e = write(modeDir, "output.mlir", run.output))
    return e;
  // status last: a recording without it is incomplete.
  return write(modeDir, "status", status + "\n");
}

Expected<RealRun> readRecording(StringRef dir, StringRef input, bool ndebug) {
  SmallString<256> modeDir(dir);
  sys::path::append(modeDir, modeName(ndebug));
  SmallString<256> path(modeDir);
  sys::path::append(path, "status");
  Expected<std::string> statusText = readFile(path);
  if (!statusText)
    return makeError("no recording of this program: " +
                     toString(statusText.takeError()));
  RealRun run;
  run.ndebug = ndebug;
  StringRef status = StringRef(*statusText).trim();
  int code = 0;
  if (status == "timeout") {
    run.status = RealRun::Timeout;
  } else if (status.getAsInteger(10, code) || code < 0 || code > 255) {
    return makeError(path +
                     ": expected an exit status (0-255) or "
                     "\"timeout\", got '" +
                     status + "'");
  } else if (code > 128) {
    run.status = RealRun::Crash;
    run.signal = code - 128;
  } else {
    run.exitCode = code;
    run.status = code == 0 ? RealRun::Compiled : RealRun::Diagnostic;
  }

  path = dir;
  sys::path::append(path, "input.mlir");
  Expected<std::string> recordedInput = readFile(path);
  if (!recordedInput)
    return recordedInput.takeError();
  if (*recordedInput != input)
    return makeError(dir + ": stale recording: dstlab now exports a different "
                           "input for this program; record it again "
                           "(scripts/record-ttmlir-outputs.sh)");
  // Either file may be absent: no stderr, or no output (a failed run).
  for (auto [name, text] :
       {std::pair<StringRef, std::string *>{"stderr.txt", &run.stderrText},
        {"output.mlir", &run.output}}) {
    path = modeDir;
    sys::path::append(path, name);
    if (!sys::fs::exists(path))
      continue;
    Expected<std::string> contents = readFile(path);
    if (!contents)
      return contents.takeError();
    *text = std::move(*contents);
  }
  if (run.status == RealRun::Compiled && run.output.empty())
    return makeError(modeDir + ": status 0 but no output.mlir");
  return run;
}

std::string withoutStackDump(StringRef log) {
  // LLVM's crash handler prints a request to file a bug, then the pass
  // stack and addresses, which differ from run to run (ASLR).
  for (StringRef marker : {"PLEASE submit a bug report", "Stack dump:"}) {
    size_t pos = log.find(marker);
    if (pos != StringRef::npos) {
      size_t lineStart = log.rfind('\n', pos);
      log = log.take_front(lineStart == StringRef::npos ? 0 : lineStart + 1);
    }
  }
  return log.str();
}

std::string firstDiagnostic(StringRef log) {
  SmallVector<StringRef> lines;
  log.split(lines, '\n');
  for (StringRef line : lines) {
    size_t pos = line.find("error: ");
    if (pos != StringRef::npos)
      return line.drop_front(pos + strlen("error: ")).trim().str();
  }
  return "";
}

} // namespace dstlab::harness
