//===- Cell.h - one matrix cell: compile, simulate, compare ---*- C++ -*-===//
//
// A cell is one tl program (a configuration of a repro) compiled with one
// pipeline variant, run on the simulated grid and checked against the golden.
// runCell runs in-process and may crash when the compiler under test asserts:
// that is a result, so the matrix runs each cell in its own process.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_CELL_H
#define DSTLAB_HARNESS_CELL_H

#include "fixes/VariantTable.h"
#include "harness/Outcome.h"

#include "llvm/Support/JSON.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
class OpPassManager;
} // namespace mlir

namespace dstlab::harness {

struct CellRequest {
  std::string reproPath; ///< a .mlir file of tl programs (or ttkernel IR)
  std::string program;   ///< tl.program symbol; empty: the first one
  std::string variant = variants::kFixed.str();
  /// The seeds to run: compile once, simulate and judge per seed.
  std::vector<uint64_t> seeds = {0, 1, 2};
  /// An input kind of golden/Inputs.h by name; empty: uniform.
  std::string inputKind;
  /// A precision recipe (support/Precision.h); empty: the variant's default.
  std::string precision;
  /// The programs' math fidelity (LoFi, HiFi2, HiFi3, HiFi4); empty: the
  /// back end's default (HiFi4).
  std::string mathFidelity;
  /// `ttir`: tt-mlir's own TTIR->D2M reduction form for the variants that
  /// compile with tt-lang's (harness/Repro.h `front-end`); empty or
  /// `tt-lang`: tt-lang's.
  std::string frontEnd;
  /// Shares references between cells (harness/RefCache.h); empty: off.
  std::string refCacheDir;
  /// Test-only: changes the compiled ttkernel module before it is simulated
  /// (plants a compiler bug the verdict must catch).
  std::function<void(mlir::ModuleOp)> mutateKernelIR;
  /// "KIND:SITE": plants that mutation of harness/Mutate.h in the compiled
  /// ttkernel module (after mutateKernelIR); a site the module does not have
  /// is bad input. The dump gets mutant.mlir, and the simulation stops at
  /// its first hazard (a mutant is judged by whether there is one).
  std::string mutation;
  /// Called with the compiled ttkernel module (before any mutation); with
  /// compileOnly, runCell returns right after it (Outcome::Compiled).
  std::function<void(mlir::ModuleOp)> inspectKernelIR;
  bool compileOnly = false;
  /// Replaces the variant's tl -> ttkernel pipeline (`variant` still names
  /// the expectations): e.g. dstlab import's front end + real DST output +
  /// back end.
  std::function<void(mlir::OpPassManager &)> buildPipeline;
  std::optional<std::string>
      grid;              ///< "RxC" or a preset name; default: program's
  std::string inputsDir; ///< read <name>.npy from here instead of the seed
  /// Write, for the first seed, inputs, outputs and both references as .npy
  /// and the IR per stage here.
  std::string dumpDir;
  /// With dumpDir: also the large dumps (the .npy arrays, trace.json and
  /// dst_occupancy_section<N>.json). Off (`cell --dump-small`), a cell
  /// neither records a trace nor writes arrays it would only delete.
  bool dumpLarge = true;
  std::string traceFile; ///< write a Chrome trace here
  /// For a `real:NAME` variant: the --ttmlir-opt value (RealToolSpec text),
  /// and where to record its run (empty: do not record).
  std::string realTool;
  std::string recordDir;
  double realTimeoutSeconds = 60;
};

struct HazardRecord {
  std::string kind, thread, op, location, detail;
  int64_t coreX = -1, coreY = -1, dstSlice = -1, cb = -1;
};

/// The figures of one seed.
struct SeedResult {
  uint64_t seed = 0;
  Outcome outcome = Outcome::Pass; ///< pass | miscompiled | imprecise
  std::optional<double> pcc, maxError;
  std::optional<double> faithfulMaxError, faithfulRmsError;
  std::optional<double> faithfulMaxBound, faithfulRmsBound;
  bool outputNonFinite = false;
  std::optional<bool> isAttention;
};

struct CellResult {
  /// A child reports crash only for the real tool of a `real:` variant; its
  /// own crash is decided by the parent process.
  Outcome outcome = Outcome::Pass;
  std::string signature; ///< diagnostic text for error; hazard kind
  /// Worst over the seeds: lowest PCC, highest errors, the bounds of the
  /// seed with the highest faithful max error.
  std::optional<double> pcc, maxError;
  std::optional<double> faithfulMaxError, faithfulRmsError;
  std::optional<double> faithfulMaxBound, faithfulRmsBound;
  std::optional<double> exactBound;
  bool outputNonFinite = false;
  std::vector<SeedResult> seeds;
  std::string inputKind, precision;
  std::vector<HazardRecord> hazards;
  std::optional<uint64_t> cycles;
  std::optional<double> tflops, utilisation;
  /// The math fidelity the program ran at and the grid's peak there, the
  /// basis of `utilisation`.
  std::string fidelity;
  std::optional<double> peakTflops;
  /// The most Tensix cores a program of the cell ran on, and the simulated
  /// clock: what turns `cycles` into a duration (perf.csv).
  std::optional<int64_t> cores;
  std::optional<double> clockGHz;
  std::optional<bool> isAttention; ///< for attention-shaped programs
  std::string message;             ///< one human line
  /// A `real:` variant's tool crash: "File.cpp:357" from its assertion line.
  std::string crashSite;
  /// A `real:` variant's tool stderr (tail), for crash and error outcomes.
  std::string toolLog;
  /// The first failure to write the dump or the trace (not in the JSON: the
  /// command reports it and exits kExitBadInput).
  std::string writeError;
};

/// Compile, simulate and compare. Writes IR after each stage to dumpDir as it
/// goes (so a crash still leaves the stages before it).
CellResult runCell(const CellRequest &request);

ExitCode exitCodeFor(const CellResult &result);
llvm::json::Value toJSON(const CellResult &result);

} // namespace dstlab::harness

#endif
