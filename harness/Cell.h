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

#include "llvm/Support/JSON.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dstlab::harness {

/// The five pipeline variants, the matrix columns.
extern const char *const kVariants[5];

struct CellRequest {
  std::string reproPath;   ///< a .mlir file of tl programs (or ttkernel IR)
  std::string program;     ///< tl.program symbol; empty: the first one
  std::string variant = "fixed";
  uint64_t seed = 0;
  std::optional<std::string> grid; ///< "RxC" or a preset name; default: program's
  std::string inputsDir;  ///< read <name>.npy from here instead of the seed
  std::string dumpDir;    ///< write inputs/outputs .npy and IR per stage here
  std::string traceFile;  ///< write a Chrome trace here
};

/// Process exit codes of `dstlab run` / `dstlab cell` (documented in README).
enum ExitCode : int {
  kExitPass = 0,
  kExitWrong = 1,
  kExitHazard = 2,
  kExitDeadlock = 3,
  kExitCompileError = 4,
  kExitBadInput = 5,
  kExitTimeout = 6, ///< simulator step limit
};

struct HazardRecord {
  std::string kind, thread, op, location, detail;
  int64_t coreX = -1, coreY = -1, dstSlice = -1, cb = -1;
};

struct CellResult {
  /// pass | wrong | hazard | deadlock | error | timeout | bad-input
  /// (crash is only ever decided by the parent process).
  std::string outcome;
  std::string signature;          ///< diagnostic text for error; hazard kind
  std::optional<double> pcc, maxError;
  std::vector<HazardRecord> hazards;
  std::optional<uint64_t> cycles;
  std::optional<double> tflops, utilisation;
  std::optional<bool> isAttention; ///< for attention-shaped programs
  std::string message;            ///< one human line
};

/// Compile, simulate and compare. Writes IR after each stage to dumpDir as it
/// goes (so a crash still leaves the stages before it).
CellResult runCell(const CellRequest &request);

ExitCode exitCodeFor(const CellResult &result);
llvm::json::Value toJSON(const CellResult &result);

} // namespace dstlab::harness

#endif
