//===- MatrixCommand.cpp - dstlab matrix ----------------------------------===//
//
// Enumerates repros x configurations x variants (canonical order), filters
// and shards them, runs each cell as a child process (`<cell-exe> cell ...`)
// with a time limit, classifies the result, compares it with the repro's
// expectation and writes matrix.json, matrix.md, junit.xml and perf.csv.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "bridge/Bridge.h"
#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "harness/RealTool.h"
#include "harness/Render.h"
#include "harness/Repro.h"
#include "harness/Runner.h"
#include "reports/Html.h"
#include "support/Limits.h"
#include "support/Suggest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SHA256.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <thread>
#include <unistd.h>

#include <array>
#include <climits>
#include <set>

using namespace llvm;
using namespace dstlab::harness;

namespace dstlab::tool {

namespace {

struct PlannedCell {
  const Repro *repro;
  const ReproConfig *config;
  std::string variant;
  std::string dump; ///< relative to --out
  std::string id() const {
    return repro->name + "/" + config->name + "/" + variant;
  }
};

bool parseShard(StringRef text, unsigned &index, unsigned &total) {
  auto [i, n] = text.split('/');
  return !i.getAsInteger(10, index) && !n.getAsInteger(10, total) &&
         total > 0 && index < total && total <= limits::kMaxShards;
}

/// What a matrix run keeps of the cells' dumps (issue 19: the default run
/// left hundreds of MiB): traces and large dumps only on request, or for a
/// cell not as expected, which is the one someone will debug.
struct KeepPolicy {
  bool traces = false;     ///< --traces: every cell's trace.json
  bool largeDumps = false; ///< --dump all: .npy arrays, DST occupancy JSON
};

bool isLargeDump(StringRef name) {
  return sys::path::extension(name) == ".npy" ||
         (name.starts_with("dst_occupancy_section") &&
          sys::path::extension(name) == ".json");
}

/// Replaces an as-expected cell's dst_occupancy.json (a few hundred KiB for
/// the big programs) by the drawing index.html shows of it; a JSON that does
/// not render stays, so that the report can say why.
void keepOccupancyAsSvg(StringRef dir) {
  SmallString<256> json(dir);
  sys::path::append(json, "dst_occupancy.json");
  ErrorOr<std::unique_ptr<MemoryBuffer>> b = MemoryBuffer::getFile(json);
  if (!b)
    return;
  Expected<std::string> svg =
      reports::renderOccupancySvgText((*b)->getBuffer(), json);
  if (!svg) {
    consumeError(svg.takeError());
    return;
  }
  SmallString<256> path(dir);
  sys::path::append(path, "dst_occupancy.svg");
  if (Error e = writeFileAtomically(path, *svg)) {
    consumeError(std::move(e));
    return;
  }
  sys::fs::remove(json);
}

/// Deletes from an as-expected cell's directory what `keep` does not ask
/// for; subdirectories left empty go too. Best effort: a file that cannot be
/// removed only costs disk.
void pruneCellDir(StringRef dir, const KeepPolicy &keep) {
  std::error_code ec;
  std::vector<std::string> subdirs;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    StringRef path = it->path();
    StringRef name = sys::path::filename(path);
    if (it->type() == sys::fs::file_type::directory_file) {
      subdirs.push_back(path.str());
      continue;
    }
    if ((!keep.traces && name == "trace.json") ||
        (!keep.largeDumps && isLargeDump(name)))
      sys::fs::remove(path);
  }
  for (const std::string &sub : subdirs) {
    pruneCellDir(sub, keep);
    sys::fs::remove(sub); // fails, as intended, unless it is empty
  }
}

/// Moves each planned cell's dump from `staging` to its place under `outDir`
/// (replacing the previous run's), then removes `staging`. Renames within one
/// directory tree: no copy, and a cell's dump is either old or new.
Error swapInDumps(StringRef staging, StringRef outDir,
                  ArrayRef<PlannedCell> plan) {
  for (const PlannedCell &cell : plan) {
    SmallString<256> from(staging), to(outDir);
    sys::path::append(from, cell.dump);
    sys::path::append(to, cell.dump);
    sys::fs::remove_directories(to, /*IgnoreErrors=*/true);
    if (std::error_code ec =
            sys::fs::create_directories(sys::path::parent_path(to)))
      return createStringError(ec, "%s: %s", to.c_str(), ec.message().c_str());
    if (std::error_code ec = sys::fs::rename(from, to))
      return createStringError(ec, "moving %s to %s: %s", from.c_str(),
                               to.c_str(), ec.message().c_str());
  }
  sys::fs::remove_directories(staging, /*IgnoreErrors=*/true);
  return Error::success();
}

/// The IR store of a matrix output: `<out>/ir/<hash>.mlir`, one file per
/// distinct text. Most stages are byte-identical across variants, input
/// kinds and real columns (half the IR of the default run), so each cell's
/// `*.mlir` becomes a relative symlink into it: the cell directory still
/// lists every stage, and a browser or editor follows the link. The names
/// are content hashes, so a link is never wrong, whichever run wrote it.
constexpr StringLiteral kIrStore = "ir";

std::string contentName(StringRef text) {
  std::array<uint8_t, 32> digest = SHA256::hash(
      ArrayRef(reinterpret_cast<const uint8_t *>(text.data()), text.size()));
  // 128 bits: no collision among any number of IR files a run writes.
  return toHex(ArrayRef(digest).take_front(16), /*LowerCase=*/true) + ".mlir";
}

/// Moves the `*.mlir` files of the cell directory `<cellRoot>/<dump>` into
/// the store under `outDir` and links them back, relative to where the cell
/// directory will be (`<out>/<dump>`, once swapped in). Best effort: a file
/// that cannot be moved stays as it is; it is replaced only once its link
/// exists (rename over it).
void storeCellIr(StringRef outDir, StringRef cellRoot, StringRef dump) {
  SmallString<256> dir(cellRoot);
  sys::path::append(dir, dump);
  SmallString<256> store(outDir);
  sys::path::append(store, kIrStore);
  std::string up;
  for (auto it = sys::path::begin(dump), end = sys::path::end(dump); it != end;
       ++it)
    up += "../";
  std::error_code ec;
  std::vector<std::string> files;
  for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec))
    if (it->type() == sys::fs::file_type::regular_file &&
        sys::path::extension(it->path()) == ".mlir")
      files.push_back(it->path());
  if (files.empty() || sys::fs::create_directories(store))
    return;
  for (const std::string &file : files) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> b = MemoryBuffer::getFile(file);
    if (!b)
      continue;
    std::string name = contentName((*b)->getBuffer());
    SmallString<256> blob(store);
    sys::path::append(blob, name);
    if (!sys::fs::exists(blob)) {
      if (Error e = writeFileAtomically(blob, (*b)->getBuffer())) {
        consumeError(std::move(e));
        continue;
      }
    }
    std::string tmp = file + ".link";
    sys::fs::remove(tmp);
    std::string target = up + kIrStore.str() + "/" + name;
    if (symlink(target.c_str(), tmp.c_str()) != 0)
      continue;
    if (sys::fs::rename(tmp, file))
      sys::fs::remove(tmp);
  }
}

/// Deletes the files of the IR store that no cell links to any more (their
/// cells were re-run or removed).
void collectIrStore(StringRef outDir) {
  SmallString<256> store(outDir);
  sys::path::append(store, kIrStore);
  if (!sys::fs::is_directory(store))
    return;
  std::set<std::string> used;
  SmallString<256> cells(outDir);
  sys::path::append(cells, "cells");
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(cells, ec, /*follow=*/false),
       end;
       it != end && !ec; it.increment(ec)) {
    if (it->type() != sys::fs::file_type::symlink_file)
      continue;
    char target[PATH_MAX];
    ssize_t n = readlink(it->path().c_str(), target, sizeof(target) - 1);
    if (n > 0)
      used.insert(sys::path::filename(StringRef(target, n)).str());
  }
  if (ec)
    return; // an unreadable tree: keep everything rather than break links
  std::vector<std::string> unused;
  for (sys::fs::directory_iterator it(store, ec), end; it != end && !ec;
       it.increment(ec))
    if (!used.count(sys::path::filename(it->path()).str()))
      unused.push_back(it->path());
  for (const std::string &path : unused)
    sys::fs::remove(path);
}

/// Bytes of the regular files under `dir`, recursively.
uint64_t treeBytes(StringRef dir) {
  uint64_t total = 0;
  std::error_code ec;
  for (sys::fs::recursive_directory_iterator it(dir, ec), end; it != end && !ec;
       it.increment(ec)) {
    sys::fs::file_status st;
    if (!sys::fs::status(it->path(), st, /*follow=*/false) &&
        st.type() == sys::fs::file_type::regular_file)
      total += st.getSize();
  }
  return total;
}

std::string fmtSeconds(double s) {
  char buf[32];
  snprintf(buf, sizeof(buf), "%.2f s", s);
  return buf;
}

} // namespace

/// Takes <out>/.lock for the life of the process (flock, released by the
/// kernel when the process ends); false, with an error naming the holder,
/// when another run holds it.
std::string cellExecutable(const Args &args, const char *argv0,
                           void *mainAddr) {
  if (std::optional<std::string> exe = args.get("cell-exe"))
    return *exe;
  std::string self = sys::fs::getMainExecutable(argv0, mainAddr);
  return self.empty() ? "/proc/self/exe" : self;
}

std::optional<unsigned> parseJobs(StringRef cmd, const Args &args) {
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  if (std::optional<std::string> j = args.get("jobs"))
    if (StringRef(*j).getAsInteger(10, jobs) || jobs == 0 ||
        jobs > limits::kMaxJobs) {
      reportError(cmd, formatv("--jobs {0}: must be a positive integer, at "
                               "most the limit of {1}",
                               *j, limits::kMaxJobs));
      return std::nullopt;
    }
  return jobs;
}

std::optional<double> parseTimeout(StringRef cmd, const Args &args,
                                   double fallback) {
  double timeout = fallback;
  if (std::optional<std::string> t = args.get("timeout"))
    if (StringRef(*t).getAsDouble(timeout) || !(timeout > 0) ||
        timeout > limits::kMaxTimeoutSeconds) {
      reportError(cmd, formatv("--timeout {0}: must be a positive number of "
                               "seconds, at most {1}",
                               *t, limits::kMaxTimeoutSeconds));
      return std::nullopt;
    }
  return timeout;
}

std::optional<std::vector<std::string>> reproFilesArg(StringRef cmd,
                                                      const Args &args) {
  std::vector<std::string> inputs = args.positional;
  if (inputs.empty())
    inputs.push_back("repros");
  Expected<std::vector<std::string>> files = findReproFiles(inputs);
  if (!files) {
    reportError(cmd, toString(files.takeError()));
    return std::nullopt;
  }
  if (files->empty()) {
    reportError(cmd, "no .mlir repro files in " + join(inputs, ", "));
    return std::nullopt;
  }
  return std::move(*files);
}

bool lockOutDir(StringRef cmd, StringRef outDir) {
  SmallString<256> path(outDir);
  sys::path::append(path, ".lock");
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    reportError(cmd, path + ": " + strerror(errno));
    return false;
  }
  if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int e = errno;
    char holder[32] = {0};
    ssize_t n = pread(fd, holder, sizeof(holder) - 1, 0);
    (void)n;
    close(fd);
    StringRef pid = StringRef(holder).trim();
    if (e == EWOULDBLOCK)
      reportError(cmd, "--out " + outDir + ": another dstlab " + cmd +
                           " (pid " +
                           (pid.empty() ? StringRef("unknown") : pid) +
                           ") is writing there; wait for it or use another "
                           "--out (lock " +
                           path + ")");
    else
      reportError(cmd, path + ": " + strerror(e));
    return false;
  }
  std::string pid = std::to_string(getpid()) + "\n";
  if (ftruncate(fd, 0) != 0 || pwrite(fd, pid.data(), pid.size(), 0) < 0) {
    reportError(cmd, path + ": " + strerror(errno));
    return false;
  }
  return true; // fd stays open: it holds the lock
}

int matrixCommand(ArrayRef<std::string> argv, const char *argv0) {
  const StringRef cmd = "matrix";
  std::optional<Args> args =
      parseArgs(cmd, argv,
                {"filter", "variants", "jobs", "shard", "seed", "seeds",
                 "timeout", "out", "cell-exe", "ttmlir-opt", "record", "dump"},
                {"no-timing", "quiet", "traces"});
  if (!args)
    return kToolError;
  KeepPolicy keep;
  keep.traces = args->flag("traces");
  if (std::optional<std::string> d = args->get("dump")) {
    if (*d != "all") {
      reportError(cmd, "--dump takes 'all' (keep every cell's large dumps), "
                       "got '" +
                           *d + "'");
      return kToolError;
    }
    keep.largeDumps = true;
  }

  // Variants.
  std::vector<std::string> variants = allVariants();
  if (std::optional<std::string> list = args->get("variants")) {
    SmallVector<StringRef> parts;
    StringRef(*list).split(parts, ',', -1, /*KeepEmpty=*/false);
    std::vector<std::string> chosen;
    for (StringRef p : parts) {
      p = p.trim();
      if (!llvm::is_contained(variants, p.str())) {
        reportError(cmd, "unknown variant '" + p + "'" +
                             suggestNearest(p, variants) +
                             " (variants: " + join(variants, ", ") + ")");
        return kToolError;
      }
      chosen.push_back(p.str());
    }
    if (chosen.empty()) {
      reportError(cmd, "--variants is empty");
      return kToolError;
    }
    // Keep the canonical column order whatever order they were given in.
    std::vector<std::string> ordered;
    for (const std::string &v : variants)
      if (llvm::is_contained(chosen, v))
        ordered.push_back(v);
    variants = ordered;
  }

  // Real tt-mlir tools: one column each, after the model's.
  std::vector<RealToolSpec> realTools;
  for (const std::string &text : args->getAll("ttmlir-opt")) {
    Expected<RealToolSpec> spec = RealToolSpec::parse(text);
    if (!spec) {
      reportError(cmd, toString(spec.takeError()));
      return kToolError;
    }
    if (llvm::any_of(realTools, [&](const RealToolSpec &t) {
          return t.name == spec->name;
        })) {
      reportError(cmd, "two --ttmlir-opt named '" + spec->name + "'");
      return kToolError;
    }
    if (!bridge::lookupCommit(spec->commit)) {
      reportError(cmd, "--ttmlir-opt " + spec->name +
                           ": unknown tt-mlir "
                           "commit '" +
                           spec->commit +
                           "' (known: " + bridge::knownCommitList() + ")");
      return kToolError;
    }
    if (!spec->replay && !sys::fs::can_execute(spec->path)) {
      reportError(cmd, "--ttmlir-opt " + spec->name + ": " + spec->path +
                           " is not an executable");
      return kToolError;
    }
    if (spec->replay && !sys::fs::is_directory(spec->path)) {
      reportError(cmd, "--ttmlir-opt " + spec->name + ": recordings " +
                           spec->path + " is not a directory");
      return kToolError;
    }
    realTools.push_back(std::move(*spec));
  }
  std::optional<std::string> recordDir = args->get("record");
  if (recordDir && llvm::none_of(realTools, [](const RealToolSpec &t) {
        return !t.replay;
      })) {
    reportError(cmd, "--record needs a --ttmlir-opt with a binary");
    return kToolError;
  }

  MatrixRun run;
  for (const RealToolSpec &t : realTools) {
    variants.push_back(t.variant());
    run.realTools.push_back(RealToolInfo{t.variant(), t.commit, !t.ndebug,
                                         t.replay, t.modelVariant()});
  }
  run.variants = variants;
  std::optional<std::vector<uint64_t>> seeds = parseSeeds(cmd, *args);
  if (!seeds)
    return kToolError;
  run.seeds = *seeds;
  run.seed = seeds->front();
  std::string seedsArg =
      std::to_string(seeds->front()) + ".." + std::to_string(seeds->back());
  double timeout = 60;
  if (std::optional<std::string> t = args->get("timeout"))
    if (StringRef(*t).getAsDouble(timeout) || !(timeout > 0) ||
        !(timeout <= limits::kMaxTimeoutSeconds)) {
      reportError(cmd, "--timeout " + *t +
                           ": must be a positive number of seconds, at most "
                           "the limit of " +
                           formatNumber(limits::kMaxTimeoutSeconds, 6));
      return kToolError;
    }
  run.timeoutSeconds = timeout;
  std::optional<unsigned> jobsArg = parseJobs(cmd, *args);
  if (!jobsArg)
    return kToolError;
  unsigned jobs = *jobsArg;

  // Shard: --shard i/n, else GoogleTest's environment variables.
  std::optional<std::pair<unsigned, unsigned>> shard;
  if (std::optional<std::string> s = args->get("shard")) {
    unsigned i, n;
    if (!parseShard(*s, i, n)) {
      reportError(cmd, "--shard must be i/n with 0 <= i < n <= " +
                           Twine(limits::kMaxShards) + ", got '" + *s + "'");
      return kToolError;
    }
    shard = {i, n};
  } else {
    const char *index = getenv("GTEST_SHARD_INDEX");
    const char *total = getenv("GTEST_TOTAL_SHARDS");
    if (index && total) {
      unsigned i, n;
      if (!parseShard((Twine(index) + "/" + total).str(), i, n)) {
        reportError(cmd, Twine("bad GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS (") +
                             index + "/" + total + ")");
        return kToolError;
      }
      shard = {i, n};
    }
    if (const char *status = getenv("GTEST_SHARD_STATUS_FILE")) {
      // GoogleTest's protocol: touch the file to say sharding is supported.
      std::error_code ec;
      raw_fd_ostream touch(status, ec, sys::fs::OF_Append);
    }
  }
  if (shard && shard->second > 1)
    run.shard = shard;

  std::optional<Regex> filter;
  if (std::optional<std::string> f = args->get("filter")) {
    filter.emplace(*f);
    std::string error;
    if (!filter->isValid(error)) {
      reportError(cmd, "--filter '" + *f + "': " + error);
      return kToolError;
    }
    run.filter = *f;
  }

  std::string outDir = args->get("out").value_or("reports/out");
  std::string cellExe = cellExecutable(*args, argv0, (void *)&matrixCommand);
  bool inProcessCells = !args->get("cell-exe");

  std::optional<std::vector<std::string>> files = reproFilesArg(cmd, *args);
  if (!files)
    return kToolError;
  std::vector<Repro> repros;
  bool bad = false;
  std::map<std::string, std::string> names;
  for (const std::string &file : *files) {
    Expected<Repro> repro = loadRepro(file, allVariants());
    if (!repro) {
      errs() << toString(repro.takeError()) << "\n";
      bad = true;
      continue;
    }
    auto [it, inserted] = names.try_emplace(repro->name, file);
    if (!inserted) {
      errs() << file << ":1: repro name '" << repro->name
             << "' is also used by " << it->second << "\n";
      bad = true;
      continue;
    }
    repros.push_back(std::move(*repro));
  }
  if (bad) {
    reportError(cmd, "fix the repro headers above");
    return kToolError;
  }
  for (const Repro &r : repros)
    run.repros.push_back(ReproInfo::from(r));

  // A replayed real column (recorded:DIR) covers the repros recorded in
  // DIR: one that no real build has run yet (added since, such as a
  // fuzz finding) gets no cell there, rather than a bad-input one.
  auto covers = [&](const Repro &r, StringRef variant) {
    if (!isRealVariant(variant))
      return true;
    const RealToolSpec &t =
        *llvm::find_if(realTools, [&](const RealToolSpec &t) {
          return t.variant() == variant;
        });
    const bridge::Commit *commit = bridge::lookupCommit(t.commit);
    if (!t.replay || !commit)
      return true; // a binary runs anything; an unknown commit is reported
    return sys::fs::is_directory(
        recordingDir(t.path, commit->shortId, sys::path::stem(r.path), ""));
  };

  // Cells, in canonical order, filtered, then sharded.
  std::vector<PlannedCell> plan;
  for (const Repro &r : repros)
    for (const ReproConfig &c : r.configs)
      for (const std::string &v : variants) {
        PlannedCell cell{&r, &c, v, ""};
        if ((filter && !filter->match(cell.id())) || !covers(r, v))
          continue;
        plan.push_back(std::move(cell));
      }
  if (shard) {
    std::vector<PlannedCell> mine;
    for (size_t i = 0; i < plan.size(); ++i)
      if (i % shard->second == shard->first)
        mine.push_back(plan[i]);
    plan = std::move(mine);
  }

  if (plan.empty())
    errs() << "dstlab matrix: warning: no cell selected (check --filter, "
              "--variants and --shard)\n";

  // One run per output directory: a second one fails before it deletes
  // anything of the first's. The lock goes with the process, even on kill -9.
  if (std::error_code ec = sys::fs::create_directories(outDir)) {
    reportError(cmd, "--out " + outDir + ": " + ec.message());
    return kToolError;
  }
  if (!lockOutDir(cmd, outDir))
    return kToolError;

  // References shared by the cells of this run (harness/RefCache.h).
  SmallString<256> refCache(outDir);
  sys::path::append(refCache, "refs");
  sys::fs::remove_directories(refCache, /*IgnoreErrors=*/true);

  // Cells dump into <out>/.staging, swapped into <out>/cells only when the
  // run completes: an interrupted run leaves the previous matrix.json and
  // the dumps it points to as they were. Leftovers of such a run go first.
  SmallString<256> staging(outDir);
  sys::path::append(staging, ".staging");
  sys::fs::remove_directories(staging, /*IgnoreErrors=*/true);

  // Child command lines; each cell gets a fresh dump directory.
  std::vector<ChildJob> childJobs;
  for (PlannedCell &cell : plan) {
    cell.dump = "cells/" + cell.repro->name + "/" + cell.config->name + "/" +
                cell.variant;
    SmallString<256> dir(staging);
    sys::path::append(dir, cell.dump);
    if (std::error_code ec = sys::fs::create_directories(dir)) {
      reportError(cmd, dir + ": " + ec.message());
      return kToolError;
    }
    SmallString<256> json(dir);
    sys::path::append(json, "result.json");
    ChildJob job;
    job.argv = {
        cellExe,           "cell",        cell.repro->path,     "--program",
        cell.config->name, "--variant",   cell.variant,         "--seeds",
        seedsArg,          "--ref-cache", refCache.str().str(), "--json",
        json.str().str(),  "--dump",      dir.str().str()};
    // Large dumps are only written when they will be kept; a cell not as
    // expected is run again for them below.
    if (!keep.traces && !keep.largeDumps)
      job.argv.push_back("--dump-small");
    if (!cell.config->inputKind.empty())
      job.argv.insert(job.argv.end(), {"--input-kind", cell.config->inputKind});
    if (!cell.config->precision.empty())
      job.argv.insert(job.argv.end(), {"--precision", cell.config->precision});
    if (!cell.config->frontEnd.empty())
      job.argv.insert(job.argv.end(), {"--front-end", cell.config->frontEnd});
    if (isRealVariant(cell.variant)) {
      const RealToolSpec &t = *llvm::find_if(realTools, [&](const auto &t) {
        return t.variant() == cell.variant;
      });
      // The tool's own limit leaves the cell time to report it.
      job.argv.insert(job.argv.end(),
                      {"--ttmlir-opt", t.str(), "--tool-timeout",
                       formatNumber(std::max(1.0, timeout * 0.8), 6)});
      if (recordDir && !t.replay) {
        SmallString<256> rec(*recordDir);
        sys::path::append(rec, t.name);
        job.argv.insert(job.argv.end(), {"--record", rec.str().str()});
      }
    }
    job.resultPath = json.str().str();
    job.timeoutSeconds = timeout;
    // This dstlab is the cell program: fork without exec (harness/Runner.h).
    if (inProcessCells)
      job.inProcess = [rest = std::vector<std::string>(job.argv.begin() + 2,
                                                       job.argv.end())] {
        return runCellCommand(rest);
      };
    childJobs.push_back(std::move(job));
  }

  // Run.
  bool tty = isatty(STDERR_FILENO);
  bool quiet = args->flag("quiet");
  bool color = isatty(STDOUT_FILENO) && !getenv("NO_COLOR");
  std::vector<std::optional<CellRecord>> records(plan.size());
  size_t finishedCount = 0, unexpected = 0, lastRunning = 0;
  double cellSeconds = 0;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  size_t width = std::to_string(plan.size()).size();
  auto progress = [&](size_t running) {
    if (!tty)
      return;
    errs() << "\r\x1b[K[" << right_justify(std::to_string(finishedCount), width)
           << "/" << plan.size() << "] " << running << " running, "
           << unexpected << " not as expected, " << fmtSeconds(elapsed());
    errs().flush();
  };
  errs() << "dstlab matrix: " << plan.size() << " cells (" << repros.size()
         << " repros, " << variants.size() << " variants) with " << jobs
         << " jobs, time limit " << formatNumber(timeout, 6) << " s\n";
  Error runError = runChildren(
      childJobs, jobs,
      [&](size_t index, ChildStatus status) {
        const PlannedCell &cell = plan[index];
        Classification cls = classifyChild(status);
        CellRecord record =
            makeCellRecord(*cell.repro, *cell.config, cell.variant, cls,
                           status.seconds, cell.dump);
        ++finishedCount;
        cellSeconds += status.seconds;
        SmallString<256> dir(staging);
        sys::path::append(dir, cell.dump);
        if (record.asExpected) {
          pruneCellDir(dir, keep);
          if (!keep.largeDumps)
            keepOccupancyAsSvg(dir);
        }
        storeCellIr(outDir, staging, cell.dump);
        if (!record.asExpected)
          ++unexpected;
        if (!quiet || !record.asExpected) {
          if (tty)
            errs() << "\r\x1b[K";
          errs() << "[" << right_justify(std::to_string(finishedCount), width)
                 << "/" << plan.size() << "] "
                 << right_justify(fmtSeconds(status.seconds), 9) << "  "
                 << glyphFor(record.outcome) << (record.asExpected ? " " : "!")
                 << " " << cell.id() << ": " << describeOutcome(record);
          if (!record.asExpected)
            errs() << "  (expected " << record.expected << ")";
          errs() << "\n";
        }
        records[index] = std::move(record);
        progress(lastRunning);
      },
      [&](size_t running, size_t) {
        lastRunning = running;
        progress(running);
      });
  if (tty)
    errs() << "\r\x1b[K";
  if (runError) {
    reportError(cmd, toString(std::move(runError)));
    return kToolError;
  }
  // The cells not as expected ran without their large dumps (trace, arrays):
  // run them again to write those, the result being the same (the
  // simulation is deterministic). Not a timeout: it would time out again.
  if (!keep.traces && !keep.largeDumps) {
    std::vector<ChildJob> again;
    std::vector<size_t> againIndex;
    for (size_t i = 0; i < plan.size(); ++i) {
      const std::optional<CellRecord> &r = records[i];
      if (!r || r->asExpected || r->outcome == Outcome::Timeout)
        continue;
      ChildJob job = childJobs[i];
      llvm::erase(job.argv, std::string("--dump-small"));
      // The first run's result.json stays: write this one beside it.
      auto json = llvm::find(job.argv, std::string("--json"));
      job.resultPath += ".again";
      if (json != job.argv.end() && json + 1 != job.argv.end())
        *(json + 1) = job.resultPath;
      if (job.inProcess)
        job.inProcess = [rest = std::vector<std::string>(job.argv.begin() + 2,
                                                         job.argv.end())] {
          return runCellCommand(rest);
        };
      again.push_back(std::move(job));
      againIndex.push_back(i);
    }
    if (!again.empty()) {
      if (!quiet)
        errs() << "dstlab matrix: running the " << again.size()
               << " cell(s) not as expected again for their traces and "
                  "arrays\n";
      runError = runChildren(
          again, jobs,
          [&](size_t index, ChildStatus) {
            sys::fs::remove(again[index].resultPath);
            storeCellIr(outDir, staging, plan[againIndex[index]].dump);
          },
          [&](size_t, size_t) {});
      if (runError) {
        reportError(cmd, toString(std::move(runError)));
        return kToolError;
      }
    }
  }
  double wall = elapsed();
  // The shared references serve this run's cells only.
  sys::fs::remove_directories(refCache, /*IgnoreErrors=*/true);
  if (Error e = swapInDumps(staging, outDir, plan)) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  collectIrStore(outDir);

  bool noTiming = args->flag("no-timing");
  for (std::optional<CellRecord> &r : records) {
    if (noTiming)
      r->seconds.reset();
    run.cells.push_back(std::move(*r));
  }
  sortCells(run);
  markModelDivergence(run);
  if (!noTiming)
    run.timing = MatrixTiming{wall, jobs};

  // Outputs.
  struct Output {
    const char *name;
    std::string text;
  };
  Output outputs[] = {{"matrix.json", serializeMatrix(run)},
                      {"matrix.md", renderMarkdown(run)},
                      {"junit.xml", renderJUnit(run)},
                      {"perf.csv", renderPerfCsv(run)}};
  for (const Output &o : outputs) {
    SmallString<256> path(outDir);
    sys::path::append(path, o.name);
    if (Error e = writeFileAtomically(path, o.text)) {
      reportError(cmd, toString(std::move(e)));
      return kToolError;
    }
  }

  outs() << renderTable(run, TableStyle{color});
  MatrixSummary s = summarize(run);
  outs() << "\n"
         << s.cells << " cells: " << s.asExpected << " as expected, "
         << s.unexpected << " not as expected.\n";
  for (const CellRecord &c : run.cells)
    if (!c.asExpected)
      outs() << "  ! " << c.id() << ": " << describeMismatch(c) << "\n";
  outs() << "Wall time " << fmtSeconds(wall) << " (" << jobs
         << " jobs; cells took " << fmtSeconds(cellSeconds) << " in total).\n";
  outs() << "Wrote " << outDir
         << "/matrix.json, matrix.md, junit.xml, perf.csv.\n";
  outs() << formatv("Output: {0} holds {1:f1} MiB", outDir,
                    treeBytes(outDir) / (1024.0 * 1024.0));
  if (!keep.traces || !keep.largeDumps)
    outs() << " (traces and large dumps kept for cells not as expected; "
              "--traces, --dump all for every cell)";
  outs() << ".\n";
  return run.allAsExpected() ? kToolOk : kToolFailed;
}

} // namespace dstlab::tool
