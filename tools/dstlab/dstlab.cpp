//===- dstlab.cpp - the dstlab driver: run, cell, matrix, reports ---------===//
//
// dstlab run FILE.mlir [...]       compile, simulate and check one program
// dstlab cell FILE.mlir [...]      the same, as a matrix child (writes JSON)
// dstlab matrix [REPROS...] [...]  every repro x variant x config
// dstlab merge A.json B.json...    join shard results
// dstlab report MATRIX.json        STATUS.md and index.html
// dstlab diff BEFORE.json AFTER.json
// dstlab fuzz --seed S --count N   random programs, failures bucketed
// dstlab reduce FILE.mlir          a failing program, minimised
//
// See tools/dstlab/README.md for options and exit codes.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "harness/Cell.h"
#include "harness/CellResult.h"
#include "harness/Matrix.h"
#include "harness/Mutate.h"
#include "harness/RealTool.h"
#include "support/Suggest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace dstlab;
using namespace dstlab::harness;

namespace dstlab::tool {

std::optional<std::string> Args::get(StringRef name) const {
  auto it = values.find(name.str());
  if (it == values.end())
    return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::getAll(StringRef name) const {
  auto it = lists.find(name.str());
  if (it == lists.end())
    return {};
  return it->second;
}

bool Args::flag(StringRef name) const { return flags.count(name.str()) != 0; }

std::optional<std::vector<uint64_t>> parseSeeds(StringRef command,
                                                const Args &args) {
  uint64_t first = 0, count = 3;
  std::optional<std::string> seed = args.get("seed");
  if (seed && StringRef(*seed).getAsInteger(10, first)) {
    reportError(command,
                "--seed must be a non-negative integer, got '" + *seed + "'");
    return std::nullopt;
  }
  std::vector<uint64_t> seeds;
  if (std::optional<std::string> s = args.get("seeds")) {
    StringRef text(*s);
    auto [lo, hi] = text.split("..");
    if (text.contains("..")) {
      uint64_t a, b;
      if (lo.getAsInteger(10, a) || hi.getAsInteger(10, b) || b < a ||
          b - a >= 100000) {
        reportError(command,
                    "--seeds A..B needs integers A <= B, got '" + text + "'");
        return std::nullopt;
      }
      if (seed) {
        reportError(command, "--seeds A..B names its first seed; drop --seed");
        return std::nullopt;
      }
      for (uint64_t v = a; v <= b; ++v)
        seeds.push_back(v);
      return seeds;
    }
    if (text.getAsInteger(10, count) || count == 0 || count > 100000) {
      reportError(command, "--seeds must be a count N >= 1 or a range A..B, "
                           "got '" +
                               text + "'");
      return std::nullopt;
    }
  }
  for (uint64_t i = 0; i < count; ++i)
    seeds.push_back(first + i);
  return seeds;
}

void reportError(StringRef command, const Twine &message) {
  errs() << "dstlab " << command << ": " << message << "\n";
}

std::optional<Args> parseArgs(StringRef command, ArrayRef<std::string> argv,
                              ArrayRef<StringRef> withValue,
                              ArrayRef<StringRef> flagNames) {
  Args args;
  bool onlyPositional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    StringRef a = argv[i];
    if (onlyPositional || !a.starts_with("-") || a == "-") {
      args.positional.push_back(a.str());
      continue;
    }
    if (a == "--") {
      onlyPositional = true;
      continue;
    }
    StringRef name = a.ltrim('-');
    std::optional<StringRef> inlineValue;
    if (size_t eq = name.find('='); eq != StringRef::npos) {
      inlineValue = name.drop_front(eq + 1);
      name = name.take_front(eq);
    }
    if (llvm::is_contained(flagNames, name)) {
      if (inlineValue) {
        reportError(command, "--" + name + " takes no value");
        return std::nullopt;
      }
      args.flags[name.str()] = true;
      continue;
    }
    if (llvm::is_contained(withValue, name)) {
      if (!inlineValue && i + 1 >= argv.size()) {
        reportError(command, "--" + name + " needs a value");
        return std::nullopt;
      }
      std::string value = inlineValue ? inlineValue->str() : argv[++i];
      args.values[name.str()] = value;
      args.lists[name.str()].push_back(std::move(value));
      continue;
    }
    std::vector<StringRef> known(withValue.begin(), withValue.end());
    known.insert(known.end(), flagNames.begin(), flagNames.end());
    known.push_back("help");
    // -o is the only one-letter option; the rest are spelt --name.
    std::string hint =
        suggestNearest(name, known, name.size() == 1 ? "-" : "--");
    reportError(
        command,
        "unknown option '" + a + "'" +
            (hint.empty() ? " (see 'dstlab " + command + " --help')" : hint));
    return std::nullopt;
  }
  return args;
}

} // namespace dstlab::tool

using namespace dstlab::tool;

namespace {

/// --ttmlir-opt SPEC (and --record DIR, --tool-timeout S) of run and cell:
/// the variant becomes `real:NAME` unless it was given as such.
bool applyRealTool(StringRef command, const Args &args, CellRequest &request) {
  std::optional<std::string> text = args.get("ttmlir-opt");
  if (!text) {
    if (args.get("record") || args.get("tool-timeout")) {
      reportError(command, "--record and --tool-timeout need --ttmlir-opt");
      return false;
    }
    return true;
  }
  Expected<RealToolSpec> spec = RealToolSpec::parse(*text);
  if (!spec) {
    reportError(command, toString(spec.takeError()));
    return false;
  }
  if (args.get("variant") && request.variant != spec->variant()) {
    reportError(command, "--variant " + request.variant +
                             " does not match --ttmlir-opt (its column is " +
                             spec->variant() + ")");
    return false;
  }
  request.variant = spec->variant();
  request.realTool = *text;
  request.recordDir = args.get("record").value_or("");
  if (!request.recordDir.empty() && spec->replay) {
    reportError(command, "--record needs a binary, not recorded:DIR");
    return false;
  }
  if (std::optional<std::string> t = args.get("tool-timeout"))
    if (StringRef(*t).getAsDouble(request.realTimeoutSeconds) ||
        !(request.realTimeoutSeconds > 0) ||
        request.realTimeoutSeconds > 86400) {
      reportError(command, "--tool-timeout must be a number of seconds in "
                           "(0, 86400], got '" +
                               *t + "'");
      return false;
    }
  return true;
}

bool checkVariant(StringRef command, StringRef variant) {
  if (llvm::is_contained(allVariants(), variant.str()))
    return true;
  if (isRealVariant(variant)) {
    reportError(command, "variant '" + variant +
                             "' needs --ttmlir-opt NAME=PATH@COMMIT");
    return false;
  }
  reportError(command, "unknown variant '" + variant + "'" +
                           suggestNearest(variant, allVariants()) +
                           " (variants: " + join(allVariants(), ", ") + ")");
  return false;
}

/// The dump directory is a directory (created if missing) and the trace
/// file's directory exists: checked before the run, which takes a while and
/// would otherwise end having written nothing.
bool checkOutputs(StringRef command, const CellRequest &request) {
  if (!request.dumpDir.empty()) {
    if (sys::fs::exists(request.dumpDir) &&
        !sys::fs::is_directory(request.dumpDir)) {
      reportError(command, "--dump " + request.dumpDir +
                               ": exists and is not a directory");
      return false;
    }
    if (std::error_code ec = sys::fs::create_directories(request.dumpDir)) {
      reportError(command, "--dump " + request.dumpDir + ": " + ec.message());
      return false;
    }
  }
  if (!request.traceFile.empty()) {
    StringRef parent = sys::path::parent_path(request.traceFile);
    if (sys::fs::is_directory(request.traceFile)) {
      reportError(command, "--trace " + request.traceFile + ": is a directory");
      return false;
    }
    if (!parent.empty() && !sys::fs::is_directory(parent)) {
      reportError(command, "--trace " + request.traceFile + ": directory " +
                               parent + " does not exist");
      return false;
    }
  }
  return true;
}

/// --mutate KIND:SITE of run and cell: plants one mutation of
/// harness/Mutate.h in the compiled ttkernel module. A site that does not
/// exist in what the compiler emitted is bad input, reported by the cell.
bool applyMutate(StringRef command, const Args &args, CellRequest &request) {
  std::optional<std::string> spec = args.get("mutate");
  if (!spec)
    return true;
  std::string kind;
  size_t site = 0;
  if (Error e = parseMutationSpec(*spec, kind, site)) {
    reportError(command, toString(std::move(e)));
    return false;
  }
  request.mutation = *spec;
  return true;
}

int cellCommand(ArrayRef<std::string> argv) {
  std::optional<Args> args = parseArgs(
      "cell", argv,
      {"program", "variant", "seed", "seeds", "input-kind", "precision",
       "front-end", "ref-cache", "json", "dump", "grid", "ttmlir-opt", "record",
       "tool-timeout", "mutate", "math-fidelity"},
      {"dump-small"});
  if (!args)
    return kExitBadInput;
  if (args->positional.size() != 1 || !args->get("json")) {
    reportError("cell", "usage: dstlab cell FILE.mlir --program P --variant V "
                        "[--seeds N|A..B] --json OUT [--dump DIR]");
    return kExitBadInput;
  }
  CellRequest request;
  request.reproPath = args->positional.front();
  request.program = args->get("program").value_or("");
  request.variant = args->get("variant").value_or(variants::kFixed.str());
  request.dumpDir = args->get("dump").value_or("");
  request.dumpLarge = !args->flag("dump-small");
  request.inputKind = args->get("input-kind").value_or("");
  request.precision = args->get("precision").value_or("");
  request.frontEnd = args->get("front-end").value_or("");
  request.mathFidelity = args->get("math-fidelity").value_or("");
  request.refCacheDir = args->get("ref-cache").value_or("");
  if (std::optional<std::string> grid = args->get("grid"))
    request.grid = *grid;
  std::optional<std::vector<uint64_t>> seeds = parseSeeds("cell", *args);
  if (!seeds || !applyRealTool("cell", *args, request) ||
      (request.realTool.empty() && !checkVariant("cell", request.variant)))
    return kExitBadInput;
  request.seeds = *seeds;
  if (!checkOutputs("cell", request) || !applyMutate("cell", *args, request))
    return kExitBadInput;
  CellResult result = runCell(request);
  if (!result.writeError.empty())
    result.message += "\ncannot write the dump: " + result.writeError;
  std::string text = formatv("{0:2}", toJSON(result)).str() + "\n";
  if (Error e = writeFileAtomically(*args->get("json"), text)) {
    reportError("cell", toString(std::move(e)));
    return kExitBadInput;
  }
  if (!result.writeError.empty()) {
    reportError("cell", result.writeError);
    return kExitBadInput;
  }
  return exitCodeFor(result);
}

int runCommand(ArrayRef<std::string> argv) {
  std::optional<Args> args = parseArgs(
      "run", argv,
      {"program", "variant", "grid", "seed", "seeds", "input-kind", "precision",
       "front-end", "inputs", "dump", "trace", "json", "ttmlir-opt", "record",
       "tool-timeout", "mutate", "math-fidelity"},
      {});
  if (!args)
    return kExitBadInput;
  if (args->positional.size() != 1) {
    reportError("run", "expected one .mlir file (dstlab run FILE.mlir "
                       "[--variant V] [--grid RxC] [--seed N] ...)");
    return kExitBadInput;
  }
  CellRequest request;
  request.reproPath = args->positional.front();
  request.program = args->get("program").value_or("");
  request.variant = args->get("variant").value_or(variants::kFixed.str());
  if (std::optional<std::string> grid = args->get("grid"))
    request.grid = *grid;
  request.inputsDir = args->get("inputs").value_or("");
  request.dumpDir = args->get("dump").value_or("");
  request.traceFile = args->get("trace").value_or("");
  request.inputKind = args->get("input-kind").value_or("");
  request.precision = args->get("precision").value_or("");
  request.frontEnd = args->get("front-end").value_or("");
  request.mathFidelity = args->get("math-fidelity").value_or("");
  std::optional<std::vector<uint64_t>> seeds = parseSeeds("run", *args);
  if (!seeds || !applyRealTool("run", *args, request) ||
      (request.realTool.empty() && !checkVariant("run", request.variant)))
    return kExitBadInput;
  request.seeds = *seeds;
  // Given inputs are one set: one seed, the one named or the first.
  if (!request.inputsDir.empty() && !args->get("seeds"))
    request.seeds.resize(1);
  if (!sys::fs::exists(request.reproPath)) {
    reportError("run", request.reproPath + ": no such file");
    return kExitBadInput;
  }
  if (!checkOutputs("run", request) || !applyMutate("run", *args, request))
    return kExitBadInput;

  CellResult r = runCell(request);
  raw_ostream &os = outs();
  os << request.reproPath;
  if (!request.program.empty())
    os << " @" << request.program;
  os << " (" << request.variant << "): " << r.outcome;
  if (!r.signature.empty())
    os << " \"" << r.signature << "\"";
  os << "\n";
  if (!r.message.empty())
    os << "  " << r.message << "\n";
  os << "  inputs " << (r.inputKind.empty() ? "\u2014" : r.inputKind)
     << ", precision " << (r.precision.empty() ? "\u2014" : r.precision)
     << "\n";
  os << "  exact: PCC " << formatNumber(r.pcc, 6) << ", max error "
     << formatNumber(r.maxError, 6) << " (bound " << formatNumber(r.exactBound)
     << ")\n";
  os << "  faithful: max error " << formatNumber(r.faithfulMaxError, 6)
     << " (bound " << formatNumber(r.faithfulMaxBound) << "), rms error "
     << formatNumber(r.faithfulRmsError, 6) << " (bound "
     << formatNumber(r.faithfulRmsBound) << ")\n";
  for (const SeedResult &s : r.seeds)
    os << "    seed " << s.seed << ": " << s.outcome << ", exact max error "
       << formatNumber(s.maxError) << ", faithful max "
       << formatNumber(s.faithfulMaxError) << " rms "
       << formatNumber(s.faithfulRmsError)
       << (s.outputNonFinite ? ", output holds NaN/inf" : "") << "\n";
  if (r.hazards.empty()) {
    os << "  hazards: none\n";
  } else {
    os << "  hazards: " << r.hazards.size() << "\n";
    for (const HazardRecord &h : r.hazards) {
      os << "    " << h.kind;
      if (h.coreX >= 0 || h.coreY >= 0)
        os << " core (" << h.coreX << "," << h.coreY << ")";
      if (!h.thread.empty())
        os << " thread " << h.thread;
      if (!h.op.empty())
        os << " op " << h.op;
      if (h.dstSlice >= 0)
        os << " dst[" << h.dstSlice << "]";
      if (h.cb >= 0)
        os << " cb " << h.cb;
      if (!h.location.empty())
        os << " at " << h.location;
      if (!h.detail.empty())
        os << ": " << h.detail;
      os << "\n";
    }
  }
  os << "  cycles " << (r.cycles ? std::to_string(*r.cycles) : "\u2014") << ", "
     << formatNumber(r.tflops) << " TFLOP/s, utilisation "
     << formatPercent(r.utilisation);
  if (!r.fidelity.empty())
    os << " of the " << formatNumber(r.peakTflops) << " TFLOP/s peak at "
       << r.fidelity;
  os << "\n";
  if (r.isAttention)
    os << "  attention: " << (*r.isAttention ? "yes" : "no") << "\n";
  if (std::optional<std::string> json = args->get("json")) {
    std::string text = formatv("{0:2}", toJSON(r)).str() + "\n";
    if (Error e = writeFileAtomically(*json, text)) {
      reportError("run", toString(std::move(e)));
      return kExitBadInput;
    }
  }
  if (!r.writeError.empty()) {
    reportError("run", r.writeError);
    return kExitBadInput;
  }
  return exitCodeFor(r);
}

} // namespace

int dstlab::tool::runCellCommand(ArrayRef<std::string> argv) {
  return cellCommand(argv);
}

int main(int argc, char **argv) {
  if (argc < 2) {
    errs() << kUsage;
    return kToolError;
  }
  StringRef command = argv[1];
  std::vector<std::string> rest(argv + 2, argv + argc);
  if (command == "help" || command == "--help" || command == "-h") {
    if (!rest.empty() && command == "help") {
      if (printCommandHelp(rest.front()))
        return kToolOk;
      errs() << "dstlab help: unknown command '" << rest.front() << "'"
             << suggestNearest(rest.front(), commandNames()) << "\n";
      return kToolError;
    }
    outs() << kUsage;
    return kToolOk;
  }
  if (command == "--version") {
    printVersion();
    return kToolOk;
  }
  // Help before parsing: `dstlab run --help` must not need a valid FILE.
  if (wantsHelp(rest) && printCommandHelp(command))
    return kToolOk;
  if (command == "run")
    return runCommand(rest);
  if (command == "cell")
    return cellCommand(rest);
  if (command == "export")
    return exportCommand(rest);
  if (command == "import")
    return importCommand(rest);
  if (command == "matrix")
    return matrixCommand(rest, argv[0]);
  if (command == "mutate-score")
    return mutateScoreCommand(rest, argv[0]);
  if (command == "fuzz")
    return fuzzCommand(rest, argv[0]);
  if (command == "reduce")
    return reduceCommand(rest, argv[0]);
  if (command == "merge")
    return mergeCommand(rest);
  if (command == "report")
    return reportCommand(rest);
  if (command == "diff")
    return diffCommand(rest);
  errs() << "dstlab: unknown command '" << command << "'"
         << suggestNearest(command, commandNames())
         << " (see 'dstlab --help')\n";
  return kToolError;
}
