//===- ReduceCommand.cpp - dstlab reduce: a failing program, minimised ----===//
//
// Shrinks one tl.program of FILE (discover/Reduce.h) while it stays
// interesting: by default while its cell under --variant ends with the same
// signature (discover/Signature.h) as the input's, or --signature's; with
// --test SCRIPT while the script exits 0 (the C-Reduce convention: it runs
// in a directory holding the candidate under FILE's name, which is also its
// argument). Every candidate runs in its own process with a time limit.
// The result is a repro: its header says where it came from and what each
// of the five variants does with it, as observed.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Registration.h"
#include "discover/Generate.h"
#include "discover/Reduce.h"
#include "discover/Signature.h"
#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "harness/Runner.h"
#include "support/Limits.h"
#include "support/Suggest.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>

using namespace llvm;
using namespace dstlab::harness;
using namespace dstlab::discover;

namespace dstlab::tool {

namespace {

/// The header keys reduce reads: a found program's `variant:`,
/// `signature:`, `seed:`, `repro:`, and the program's input kind and
/// precision. (loadRepro is stricter: a fuzz finding names no
/// expectations.)
struct HeaderInfo {
  std::string repro, seed, variant, signature, inputKind, precision;
};

HeaderInfo scanHeader(StringRef text, StringRef program) {
  HeaderInfo h;
  SmallVector<StringRef> lines;
  text.split(lines, '\n');
  for (StringRef line : lines) {
    if (!line.consume_front("//"))
      break;
    line = line.trim();
    auto value = [&](StringRef key, std::string &out) {
      if (line.starts_with(key))
        out = line.drop_front(key.size()).trim().str();
    };
    value("repro:", h.repro);
    value("seed:", h.seed);
    value("variant:", h.variant);
    value("signature:", h.signature);
    value(("input-kind @" + program + ":").str(), h.inputKind);
    value(("precision @" + program + ":").str(), h.precision);
  }
  return h;
}

unsigned programLine(StringRef text, StringRef program) {
  SmallVector<StringRef> lines;
  text.split(lines, '\n');
  for (size_t i = 0; i < lines.size(); ++i)
    if (lines[i].trim().starts_with(("tl.program @" + program + " ").str()))
      return static_cast<unsigned>(i + 1);
  return 1;
}

} // namespace

int reduceCommand(ArrayRef<std::string> argv, const char *argv0) {
  const StringRef cmd = "reduce";
  std::optional<Args> args =
      parseArgs(cmd, argv,
                {"variant", "signature", "test", "program", "o", "timeout",
                 "seed", "seeds", "cell-exe"},
                {"quiet"});
  if (!args)
    return kToolError;
  if (args->positional.size() != 1) {
    reportError(cmd, "expected one FILE.mlir (dstlab reduce FILE.mlir "
                     "--variant V [--signature S | --test SCRIPT] [-o OUT])");
    return kToolError;
  }
  std::string file = args->positional.front();
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer = MemoryBuffer::getFile(file);
  if (!buffer) {
    reportError(cmd, file + ": " + buffer.getError().message());
    return kToolError;
  }
  std::string text = (*buffer)->getBuffer().str();
  std::optional<std::string> script = args->get("test");
  if (script && args->get("signature")) {
    reportError(cmd, "--signature and --test are two ways to say what is "
                     "interesting: give one");
    return kToolError;
  }
  std::optional<double> timeoutArg = parseTimeout(cmd, *args, 30);
  if (!timeoutArg)
    return kToolError;
  double timeout = *timeoutArg;
  std::string seedsArg = "0..0";
  if (args->get("seeds") || args->get("seed")) {
    std::optional<std::vector<uint64_t>> seeds = parseSeeds(cmd, *args);
    if (!seeds)
      return kToolError;
    seedsArg = formatv("{0}..{1}", seeds->front(), seeds->back()).str();
  }

  // The program.
  mlir::DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  mlir::MLIRContext ctx(registry);
  ctx.loadAllAvailableDialects();
  ctx.disableMultithreading();
  std::string parseError;
  mlir::OwningOpRef<mlir::ModuleOp> module;
  {
    mlir::ScopedDiagnosticHandler handler(&ctx, [&](mlir::Diagnostic &d) {
      if (parseError.empty()) {
        raw_string_ostream os(parseError);
        d.getLocation().print(os);
        os << ": " << d.str();
      }
      return mlir::success();
    });
    SourceMgr sourceMgr;
    sourceMgr.AddNewSourceBuffer(
        MemoryBuffer::getMemBufferCopy(text, sys::path::filename(file)),
        SMLoc());
    module = mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr,
                                                   mlir::ParserConfig(&ctx));
  }
  if (!module) {
    reportError(cmd, file + ": does not parse: " + parseError);
    return kToolError;
  }
  std::string programName = args->get("program").value_or("");
  tl::ProgramOp program;
  std::vector<std::string> names;
  for (auto p : module->getOps<tl::ProgramOp>()) {
    names.push_back(p.getSymName().str());
    if (!program && (programName.empty() || p.getSymName() == programName))
      program = p;
  }
  if (!program) {
    reportError(cmd, file + ": no tl.program" +
                         (programName.empty()
                              ? std::string()
                              : " named '" + programName + "'" +
                                    suggestNearest(programName, names)));
    return kToolError;
  }
  programName = program.getSymName().str();
  std::string where =
      formatv("{0}:{1}", file, programLine(text, programName)).str();
  HeaderInfo header = scanHeader(text, programName);
  std::string variant = args->get("variant").value_or(header.variant);
  if (variant.empty() && !script) {
    reportError(cmd, file + ": no --variant, and the header names no "
                            "'variant:'");
    return kToolError;
  }
  if (!variant.empty() && !llvm::is_contained(allVariants(), variant)) {
    reportError(cmd, "unknown variant '" + variant + "'" +
                         suggestNearest(variant, allVariants()) +
                         " (variants: " + join(allVariants(), ", ") + ")");
    return kToolError;
  }
  std::string original;
  {
    raw_string_ostream os(original);
    program->print(os);
    os << "\n";
  }
  unsigned opsBefore = countBlockOps(program);

  SmallString<128> work;
  if (std::error_code ec =
          sys::fs::createUniqueDirectory("dstlab-reduce", work)) {
    reportError(cmd, "cannot create a work directory: " + ec.message());
    return kToolError;
  }
  llvm::scope_exit cleanupWork(
      [&] { sys::fs::remove_directories(work, /*IgnoreErrors=*/true); });
  std::string cellExe = cellExecutable(*args, argv0, (void *)&reduceCommand);
  std::string candidate = (work + "/" + sys::path::filename(file)).str();
  auto write = [&](StringRef body) {
    std::error_code ec;
    raw_fd_ostream os(candidate, ec);
    os << body;
    return !ec;
  };
  auto probeOf = [&](StringRef v) {
    Probe p;
    p.exe = cellExe;
    p.file = candidate;
    p.program = programName;
    p.variant = v.str();
    p.seeds = seedsArg;
    p.inputKind = header.inputKind;
    p.precision = header.precision;
    p.json = (work + "/result.json").str();
    p.timeoutSeconds = timeout;
    return p;
  };

  std::string target;
  std::string toolError;
  Oracle oracle;
  int scriptExit = 0;
  if (script) {
    SmallString<256> abs(*script);
    sys::fs::make_absolute(abs);
    if (!sys::fs::can_execute(abs)) {
      reportError(cmd, "--test " + *script + ": not an executable file");
      return kToolError;
    }
    oracle = [&, abs = abs.str().str()](StringRef body) {
      if (!write(body))
        return false;
      ChildJob job;
      job.argv = {
          "/bin/sh",        "-c", "cd \"$1\" && exec \"$2\" \"$3\"",   "sh",
          work.str().str(), abs,  sys::path::filename(candidate).str()};
      job.timeoutSeconds = timeout;
      bool yes = false;
      if (Error e = runChildren(
              ArrayRef<ChildJob>(job), 1,
              [&](size_t, ChildStatus s) {
                scriptExit = s.how == ChildStatus::Exited ? s.exitCode : -1;
                yes = s.how == ChildStatus::Exited && s.exitCode == 0;
              },
              [](size_t, size_t) {}))
        toolError = toString(std::move(e));
      return yes;
    };
    if (!oracle(original)) {
      reportError(cmd, where + ": @" + programName +
                           " is not interesting: " + "the test " + *script +
                           (scriptExit < 0
                                ? std::string(" was killed")
                                : " exits " + std::to_string(scriptExit)) +
                           " on it (0 means interesting)");
      return kToolError;
    }
  } else {
    if (!write(original)) {
      reportError(cmd, "cannot write " + candidate);
      return kToolError;
    }
    Expected<Finding> first = runProbe(probeOf(variant));
    if (!first) {
      reportError(cmd, toString(first.takeError()));
      return kToolError;
    }
    if (!first->failed()) {
      reportError(cmd, where + ": @" + programName + " passes under " +
                           variant +
                           ": nothing to reduce (a reduction keeps a "
                           "failure's signature)");
      return kToolError;
    }
    std::optional<std::string> wanted = args->get("signature");
    if (wanted && !signatureMatches(*wanted, *first)) {
      reportError(cmd, where + ": @" + programName + " under " + variant +
                           " ends as '" + first->outcomeKey() +
                           "', not the --signature '" + *wanted + "'");
      return kToolError;
    }
    target = first->outcomeKey();
    oracle = [&](StringRef body) {
      if (!write(body))
        return false;
      Expected<Finding> f = runProbe(probeOf(variant));
      if (!f) {
        toolError = toString(f.takeError());
        return false;
      }
      return signatureMatches(target, *f);
    };
  }
  if (!toolError.empty()) {
    reportError(cmd, toolError);
    return kToolError;
  }

  bool quiet = args->flag("quiet");
  errs() << "dstlab reduce: @" << programName << " (" << opsBefore
         << " block ops), "
         << (script ? "while " + *script + " exits 0"
                    : "while " + variant + " ends as " + target)
         << "\n";
  auto start = std::chrono::steady_clock::now();
  ReduceStats stats;
  Expected<std::string> reduced =
      reduceProgram(ctx, original, oracle, stats, [&](StringRef line) {
        if (!quiet)
          errs() << "  " << line << "\n";
      });
  if (!reduced) {
    reportError(cmd, where + ": " + toString(reduced.takeError()));
    return kToolError;
  }
  if (!toolError.empty()) {
    reportError(cmd, toolError);
    return kToolError;
  }
  double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();

  // What every variant does with the result, as its header says.
  std::string expects;
  if (!write(*reduced)) {
    reportError(cmd, "cannot write " + candidate);
    return kToolError;
  }
  // At the matrix's seeds (0..2) unless told otherwise: the header must
  // hold where the repro will run.
  bool seedsGiven = args->get("seeds") || args->get("seed");
  for (const std::string &v : allVariants()) {
    Probe probe = probeOf(v);
    if (!seedsGiven)
      probe.seeds = "0..2";
    Expected<Finding> f = runProbe(probe);
    if (!f) {
      reportError(cmd, toString(f.takeError()));
      return kToolError;
    }
    expects += "// expect " + v + ": " + f->expectation() + "\n";
  }
  std::string name =
      header.repro.empty() ? sys::path::stem(file).str() : header.repro;
  std::string out;
  raw_string_ostream os(out);
  os << "// repro: " << name << "-reduced\n"
     << "// origin: reduced from " << file << " @" << programName
     << " by dstlab reduce (" << stats.opsBefore << " -> " << stats.opsAfter
     << " block ops)\n";
  if (script)
    os << "// shows: what the test " << sys::path::filename(*script)
       << " looks for\n";
  else
    os << "// shows: under " << variant << ", " << target << "\n";
  if (!header.seed.empty())
    os << "// seed: " << header.seed << "\n";
  if (!script)
    os << "// variant: " << variant << "\n// signature: " << target << "\n";
  if (!header.inputKind.empty())
    os << "// input-kind @" << programName << ": " << header.inputKind << "\n";
  if (!header.precision.empty())
    os << "// precision @" << programName << ": " << header.precision << "\n";
  os << expects << "\n" << *reduced;
  std::string outPath =
      args->get("o").value_or(sys::path::stem(file).str() + ".reduced.mlir");
  if (Error e = writeFileAtomically(outPath, out)) {
    reportError(cmd, toString(std::move(e)));
    return kToolError;
  }
  outs() << formatv("reduced @{0}: {1} -> {2} block ops, {3} candidates ({4} "
                    "kept), {5} rounds, {6:f1} s; wrote {7}\n",
                    programName, stats.opsBefore, stats.opsAfter,
                    stats.candidates, stats.accepted, stats.rounds, wall,
                    outPath);
  return kToolOk;
}

} // namespace dstlab::tool
