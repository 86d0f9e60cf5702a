//===- Runner.cpp - run cell processes in parallel with time limits -------===//

#include "harness/Runner.h"

#include "support/Limits.h"

#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace llvm;

namespace dstlab::harness {

namespace {

using Clock = std::chrono::steady_clock;

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

volatile sig_atomic_t interrupted = 0;
void onInterrupt(int) { interrupted = 1; }

struct Running {
  size_t index;
  pid_t pid;
  int stderrFd; ///< -1 once at EOF
  std::string stderrText;
  Clock::time_point start, deadline;
  bool killed = false;
};

void appendBounded(std::string &buffer, const char *data, size_t size) {
  buffer.append(data, size);
  // Keep a little more than the tail so the cut can find a line start.
  if (buffer.size() > 4 * kStderrTailBytes)
    buffer.erase(0, buffer.size() - 2 * kStderrTailBytes);
}

/// Reads what is available without blocking; closes the fd at EOF.
void drain(Running &r) {
  char chunk[4096];
  while (r.stderrFd >= 0) {
    ssize_t n = read(r.stderrFd, chunk, sizeof(chunk));
    if (n > 0) {
      appendBounded(r.stderrText, chunk, static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
      return;
    close(r.stderrFd);
    r.stderrFd = -1;
  }
}

Expected<Running> start(const ChildJob &job, size_t index) {
  if (job.argv.empty())
    return makeError("empty command line");
  int errPipe[2], execPipe[2];
  if (pipe2(errPipe, O_CLOEXEC) != 0)
    return makeError(Twine("pipe: ") + strerror(errno));
  if (pipe2(execPipe, O_CLOEXEC) != 0) {
    close(errPipe[0]);
    close(errPipe[1]);
    return makeError(Twine("pipe: ") + strerror(errno));
  }
  std::vector<char *> argv;
  for (const std::string &a : job.argv)
    argv.push_back(const_cast<char *>(a.c_str()));
  argv.push_back(nullptr);

  pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) {
    int e = errno;
    for (int fd : {errPipe[0], errPipe[1], execPipe[0], execPipe[1]})
      close(fd);
    return makeError(Twine("fork: ") + strerror(e));
  }
  if (pid == 0) {
    // Child: only async-signal-safe calls from here to exec.
    detachChild(parent);
    int devNull = open("/dev/null", O_RDWR);
    if (devNull >= 0) {
      dup2(devNull, 0);
      dup2(devNull, 1);
    }
    dup2(errPipe[1], 2);
    if (job.inProcess) {
      // No exec: the parent is single-threaded, so the copy may run any
      // code. _exit skips the parent's atexit handlers and buffers.
      close(execPipe[1]);
      int code = job.inProcess();
      llvm::errs().flush();
      _exit(code);
    }
    execv(argv[0], argv.data());
    int e = errno;
    ssize_t ignored = write(execPipe[1], &e, sizeof(e));
    (void)ignored;
    _exit(127);
  }
  setpgid(pid, pid); // also from the parent, so kill(-pid) works at once
  close(errPipe[1]);
  close(execPipe[1]);
  int execErrno = 0;
  ssize_t n;
  do {
    n = read(execPipe[0], &execErrno, sizeof(execErrno));
  } while (n < 0 && errno == EINTR);
  close(execPipe[0]);
  if (n == static_cast<ssize_t>(sizeof(execErrno))) {
    close(errPipe[0]);
    int status;
    waitpid(pid, &status, 0);
    return makeError("cannot run " + job.argv.front() + ": " +
                     strerror(execErrno));
  }
  fcntl(errPipe[0], F_SETFL, fcntl(errPipe[0], F_GETFL) | O_NONBLOCK);
  Running r;
  r.index = index;
  r.pid = pid;
  r.stderrFd = errPipe[0];
  r.start = Clock::now();
  // Clamped: duration_cast of a huge or infinite double overflows.
  double limit =
      std::clamp(job.timeoutSeconds, 0.0, dstlab::limits::kMaxTimeoutSeconds);
  if (!(limit == limit))
    limit = dstlab::limits::kMaxTimeoutSeconds;
  r.deadline = r.start + std::chrono::duration_cast<Clock::duration>(
                             std::chrono::duration<double>(limit));
  return r;
}

ChildStatus finish(const ChildJob &job, Running &r, int waitStatus) {
  drain(r);
  if (r.stderrFd >= 0) {
    close(r.stderrFd); // a grandchild may still hold the pipe open
    r.stderrFd = -1;
  }
  ChildStatus s;
  s.seconds = std::chrono::duration<double>(Clock::now() - r.start).count();
  s.timeoutSeconds = job.timeoutSeconds;
  s.stderrTail = stderrTail(r.stderrText);
  if (r.killed) {
    s.how = ChildStatus::TimedOut;
  } else if (WIFSIGNALED(waitStatus)) {
    s.how = ChildStatus::Signaled;
    s.signal = WTERMSIG(waitStatus);
  } else {
    s.how = ChildStatus::Exited;
    s.exitCode = WEXITSTATUS(waitStatus);
  }
  if (!job.resultPath.empty() && s.how != ChildStatus::TimedOut)
    if (ErrorOr<std::unique_ptr<MemoryBuffer>> b =
            MemoryBuffer::getFile(job.resultPath, /*IsText=*/true))
      s.resultJson = (*b)->getBuffer().str();
  return s;
}

} // namespace

std::string stderrTail(StringRef text) {
  if (text.size() > kStderrTailBytes) {
    text = text.take_back(kStderrTailBytes);
    while (!text.empty() &&
           (static_cast<unsigned char>(text.front()) & 0xC0) == 0x80)
      text = text.drop_front();
  }
  return json::fixUTF8(text);
}

void detachChild(pid_t parent) {
  setpgid(0, 0);
  // Die with the parent instead of running on as an orphan; the parent may
  // have died before this call.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent)
    _exit(127);
  struct rlimit noCore = {0, 0};
  setrlimit(RLIMIT_CORE, &noCore);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
}

Error runChildren(ArrayRef<ChildJob> jobs, unsigned parallel,
                  function_ref<void(size_t, ChildStatus)> finished,
                  function_ref<void(size_t, size_t)> tick) {
  if (parallel == 0)
    parallel = 1;
  struct sigaction action = {}, oldInt = {}, oldTerm = {};
  action.sa_handler = onInterrupt;
  sigemptyset(&action.sa_mask);
  interrupted = 0;
  sigaction(SIGINT, &action, &oldInt);
  sigaction(SIGTERM, &action, &oldTerm);
  auto restore = [&] {
    sigaction(SIGINT, &oldInt, nullptr);
    sigaction(SIGTERM, &oldTerm, nullptr);
  };

  std::vector<Running> running;
  size_t next = 0, done = 0;
  Clock::time_point lastTick = Clock::now();
  auto killAll = [&] {
    for (Running &r : running) {
      kill(-r.pid, SIGKILL);
      kill(r.pid, SIGKILL);
      int status;
      waitpid(r.pid, &status, 0);
      if (r.stderrFd >= 0)
        close(r.stderrFd);
    }
    running.clear();
  };

  while (next < jobs.size() || !running.empty()) {
    if (interrupted) {
      killAll();
      restore();
      return makeError("interrupted; every running cell was killed");
    }
    while (running.size() < parallel && next < jobs.size()) {
      Expected<Running> r = start(jobs[next], next);
      if (!r) {
        killAll();
        restore();
        return r.takeError();
      }
      running.push_back(std::move(*r));
      ++next;
    }

    // Wait for output, EOF or the nearest deadline.
    std::vector<pollfd> fds;
    Clock::time_point now = Clock::now();
    Clock::duration wait = std::chrono::milliseconds(200);
    bool unreapedAtEof = false;
    for (Running &r : running) {
      if (r.stderrFd >= 0)
        fds.push_back({r.stderrFd, POLLIN, 0});
      else
        unreapedAtEof = true;
      if (!r.killed)
        wait = std::min(wait, std::max(r.deadline - now, Clock::duration(0)));
    }
    if (unreapedAtEof)
      wait = std::min<Clock::duration>(wait, std::chrono::milliseconds(5));
    int timeoutMs = static_cast<int>(
        std::chrono::duration_cast<std::chrono::milliseconds>(wait).count());
    if (poll(fds.data(), fds.size(), timeoutMs) < 0 && errno != EINTR) {
      int e = errno;
      killAll();
      restore();
      return makeError(Twine("poll: ") + strerror(e));
    }
    for (Running &r : running)
      drain(r);

    now = Clock::now();
    for (size_t i = 0; i < running.size();) {
      Running &r = running[i];
      if (!r.killed && now >= r.deadline) {
        kill(-r.pid, SIGKILL);
        kill(r.pid, SIGKILL);
        r.killed = true;
      }
      int status = 0;
      pid_t w = waitpid(r.pid, &status, WNOHANG);
      if (w == r.pid) {
        ChildStatus s = finish(jobs[r.index], r, status);
        size_t index = r.index;
        running.erase(running.begin() + i);
        ++done;
        finished(index, std::move(s));
        continue;
      }
      ++i;
    }
    if (now - lastTick >= std::chrono::milliseconds(200)) {
      tick(running.size(), done);
      lastTick = now;
    }
  }
  restore();
  return Error::success();
}

} // namespace dstlab::harness
