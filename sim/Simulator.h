//===- Simulator.h - Simulated Tensix grid running ttkernel --*- C++ -*-===//
//
// simulate() runs the `ttkernel.program`s of a module, in module order, on a
// grid of simulated Tensix-like cores (DESIGN.md section 4) and reports the
// outputs, hazards, cycles, a Chrome trace and a DST occupancy record.
//
// Execution model
// ---------------
// Every core of a program's grid runs the program's reader, compute and
// writer kernels (func.func marked `ttkernel.thread`). Each kernel is compiled
// once per program into a small register bytecode (a pc and integer value
// slots), so a thread that blocks in `cb_reserve_back` / `cb_wait_front`
// simply keeps its pc and is resumed later. Threads are scheduled
// cooperatively, round robin over cores (row-major) and, per core, reader,
// compute, writer; each runs until it blocks, finishes or uses up a quantum.
// Nothing depends on host timing or addresses, so two runs give identical
// bytes (outputs, hazards, cycles, trace).
//
// The compute kernel is one functional thread that plays tt-metal's unpack,
// math and pack roles in program order. The DST protocol (acquire / commit /
// wait / release) is therefore checked rather than blocked on: a call that
// could only wait for itself (e.g. tile_regs_wait with no committed section)
// is a protocol-order hazard. CB calls do block.
//
// Storage: DRAM buffers persist between programs (their contents are kept in
// the buffer's format); each core has L1 of 1464 KiB that must hold all CBs
// (a page is a tile: 2048 B in bf16, 4096 B in f32); a CB page holds values
// rounded to the CB's format (packRound); DST has
// ProgramOp::getDstCapacity() slices per section (two sections in half-sync
// mode, one in full-sync) and element type f32 under fp32_dest_acc, else bf16
// (every DST write is rounded with dstRound). Release zeroes a section.
// Tile semantics are sim/numerics/TileMath.h (DESIGN.md section 4);
// matmul_tiles runs through sim/TileKernels.h, a vectorisable path that is
// bit-identical to matmulAcc (unit-tested).
//
// Hazards
// -------
// Every hazard is a structured record (never a crash, never an abort). A
// hazard at the same op, core, thread and kind is recorded once, with a
// count. Kinds (constants in namespace `hazard` below):
//
//   kind                       effect on execution
//   dst-index-out-of-range     continues; the read sees zeros, the write goes
//                              to a scratch tile and is lost
//   dst-read-uninitialised     continues with the slice's current contents
//   dst-outside-section        continues; the op is skipped
//   protocol-order             continues; the offending call is ignored
//   cb-push-beyond-reserved    continues; pushes as many pages as are free
//   cb-pop-beyond-visible      continues; pops the visible pages only
//   cb-read-not-visible        continues; reads the page slot as it is
//                              (stale data), zeros beyond the CB
//   cb-read-unwritten          continues; reads the page as it is: a page
//                              pushed without a pack, NoC read or scaler
//                              written into it since it was last freed
//   pack-not-reserved          continues; the pack is skipped
//   cb-write-not-reserved      continues; a NoC read into a page that was not
//                              reserved is skipped
//   dram-out-of-range          continues; the transfer is skipped
//   noc-in-flight              continues (the model moves the data at
//                              once): a cb_push_back of pages a NoC read of
//                              the same thread is still filling (no
//                              noc_async_read_barrier since), or a
//                              cb_pop_front of pages a NoC write is still
//                              reading (no noc_async_write_barrier since)
//   invalid-reduce-scaler      continues with the invalid scaler
//
// dst-read-uninitialised also covers reduce_tile <max> accumulating onto a
// slice not written in the section: a released slice holds zeros, which is
// the identity of sum (as for matmul's +=) but not of max.
//   cb-pages-exceed-capacity   STOPS THE CORE (the call could never return)
//   cb-unconfigured            STOPS THE CORE
//   runtime-error              STOPS THE CORE (division by zero, a
//                              non-positive scf.for step)
//   l1-overflow                STOPS THE SIMULATION before the program runs
//                              (reported once, at core (0, 0))
//
// A stopped core's threads end; other cores go on. When every live thread is
// blocked the simulation ends in a deadlock, with one record per blocked
// thread in SimResult::blocked (kind "deadlock"); when more than
// SimOptions::stepLimit bytecode instructions have run it ends with
// StepLimit. Programs after a deadlock, step limit or L1 overflow are not run.
//
// Cycle model
// -----------
// Costs come from sim/numerics/CostModel.h. Each thread keeps its own clock;
// the compute thread keeps three (unpack, math, pack) that overlap as a
// pipeline: an FPU op's unpack (kCosts.unpackTile) may run one op ahead of
// math, math waits for its operands' unpack, tile_regs_acquire waits until
// pack released that DST section, tile_regs_wait waits for the commit, so in
// half-sync mode math fills one section while pack drains the other. CB
// pages carry timestamps: a push makes pages visible at the producer's clock,
// a pop frees them at the consumer's clock, and cb_wait_front /
// cb_reserve_back advance the waiting clock to those times. NoC reads and
// writes are asynchronous: a tile transfer occupies the thread's link for
// bytes / min(32 B/cycle, DRAM share) cycles plus 9 cycles per hop of
// latency; the barrier waits for the last one. The DRAM share is the chip's
// 288 GB/s divided evenly among the program's DRAM-transferring threads
// (readers and writers of all cores). Hops: 1 + the core's distance to the
// nearest grid edge in x plus that in y (an estimate: DRAM ports sit on the
// grid's edges). Scalar (arith/scf) instructions cost nothing.
//
// A core's cycles for a program are the latest clock of its threads; a
// program's grid cycles are the maximum over cores; programs run one after
// another, so totals add up.
//
// FLOPs counted: matmul_tiles 2 * 32^3; add/sub/mul_tiles (all broadcasts)
// 1024; reduce_tile 2048 (a multiply by the scaler and a combine per
// element); SFPU exp, recip, mul_unary, add/sub/mul_binary and max 1024;
// copy, transpose, fill, copy_dest_values and pack 0. Utilisation is FLOPs
// over the peak of the whole target grid (GridSpec cores) at each program's
// fidelity: sum over programs of gridCycles * cores * flopsPerCycle(f).
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_SIMULATOR_H
#define DSTLAB_SIM_SIMULATOR_H

#include "mlir/IR/BuiltinOps.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dstlab::sim {

/// The simulated target: a rows x cols grid of cores at a clock.
struct GridSpec {
  int64_t rows = 8, cols = 10;
  double clockGHz = 1.0;
  std::string name = "wormhole-8x10";

  /// Presets "wormhole-8x10" (1 GHz), "wormhole-8x8" (1 GHz),
  /// "blackhole-13x10" (1.35 GHz), or "RxC" for any positive R and C
  /// (1 GHz; "8x10" and "8x8" give the Wormhole presets, "13x10" Blackhole).
  static std::optional<GridSpec> parse(std::string_view spec);

  int64_t numCores() const { return rows * cols; }
};

struct SimOptions {
  GridSpec grid;
  /// Bytecode instructions over all cores and threads before StepLimit.
  uint64_t stepLimit = 2'000'000'000ull;
  /// Fill SimResult::chromeTraceJson.
  bool recordTrace = false;
  /// Fill SimResult::dstEvents.
  bool recordDstOccupancy = false;
  /// Record the DST events of this core (x, y) only; every core's if unset.
  /// Each event carries strings, so a caller that draws one core saves the
  /// rest.
  std::optional<std::pair<int64_t, int64_t>> dstOccupancyCore;
  /// End the run at the first hazard (the rest of the grid's round, then
  /// nothing more): for callers that only need to know there is one.
  bool stopAtFirstHazard = false;
};

/// Hazard kinds (see the file comment for what each does to execution).
namespace hazard {
inline constexpr const char *DstIndexOutOfRange = "dst-index-out-of-range";
inline constexpr const char *DstReadUninitialised = "dst-read-uninitialised";
inline constexpr const char *DstOutsideSection = "dst-outside-section";
inline constexpr const char *ProtocolOrder = "protocol-order";
inline constexpr const char *CBPushBeyondReserved = "cb-push-beyond-reserved";
inline constexpr const char *CBPopBeyondVisible = "cb-pop-beyond-visible";
inline constexpr const char *CBPagesExceedCapacity = "cb-pages-exceed-capacity";
inline constexpr const char *CBUnconfigured = "cb-unconfigured";
inline constexpr const char *L1Overflow = "l1-overflow";
inline constexpr const char *InvalidReduceScaler = "invalid-reduce-scaler";
inline constexpr const char *DramOutOfRange = "dram-out-of-range";
inline constexpr const char *NocInFlight = "noc-in-flight";
inline constexpr const char *CBReadNotVisible = "cb-read-not-visible";
inline constexpr const char *CBReadUnwritten = "cb-read-unwritten";
inline constexpr const char *PackNotReserved = "pack-not-reserved";
inline constexpr const char *CBWriteNotReserved = "cb-write-not-reserved";
inline constexpr const char *RuntimeError = "runtime-error";
/// Not a hazard: the record of a thread blocked when the grid deadlocked.
inline constexpr const char *Deadlock = "deadlock";
} // namespace hazard

struct Hazard {
  std::string kind;
  int64_t coreX = -1, coreY = -1;
  /// "reader", "compute" or "writer" (empty for l1-overflow).
  std::string thread;
  /// The op's name, e.g. "ttkernel.pack_tile".
  std::string op;
  /// The op's source location, "file:line:col" when it has one.
  std::string location;
  std::string detail;
  int64_t dstSlice = -1, cb = -1;
  /// The program (symbol name) in which it happened.
  std::string program;
  /// How many times this op raised this kind on this core and thread.
  uint64_t count = 1;
};

enum class SimStatus { Ok, Hazard, Deadlock, StepLimit, Error };

/// "ok", "hazard", "deadlock", "step-limit", "error".
const char *simStatusName(SimStatus status);

/// One DST slice event of a compute kernel, for occupancy timelines.
struct DstEvent {
  enum class Kind { Write, Read, Release };
  uint64_t cycle = 0; ///< absolute (programs laid end to end)
  int64_t coreX = 0, coreY = 0;
  int64_t section = 0; ///< 0 or 1 in half-sync mode, 0 in full-sync
  int64_t slice = 0;   ///< index within the section
  Kind kind = Kind::Write;
  std::string op;       ///< op name; "tile_regs_release" for Release
  std::string location; ///< the op's location
  std::string program;
};

/// "write", "read", "release".
const char *dstEventKindName(DstEvent::Kind kind);

struct ProgramStats {
  std::string name;
  int64_t gridRows = 0, gridCols = 0;
  std::string fidelity;
  uint64_t startCycle = 0; ///< absolute cycle at which the program starts
  uint64_t gridCycles = 0;
  double flops = 0;
  uint64_t matmulTiles = 0;
};

struct SimResult {
  /// Error > Hazard > Deadlock > StepLimit > Ok: a run with hazards reports
  /// Hazard even if it then deadlocked (see `deadlocked`).
  SimStatus status = SimStatus::Ok;
  std::vector<Hazard> hazards;
  /// One "deadlock" record per thread blocked at a deadlock.
  std::vector<Hazard> blocked;
  bool deadlocked = false;
  bool stepLimitHit = false;
  /// Set when status is Error (unsupported IR, bad inputs, grid too small);
  /// also describes a deadlock or step limit.
  std::string error;

  /// Cycles per core of the target grid, index y * cols + x, summed over
  /// programs (cores outside a program's grid add nothing for it).
  std::vector<uint64_t> coreCycles;
  /// Sum over programs of the max over cores.
  uint64_t gridCycles = 0;
  double flops = 0;
  /// flops / (gridCycles / clock), in 1e12 FLOP/s.
  double tflops = 0;
  /// flops over the grid's peak at each program's fidelity (<= 1).
  double utilisation = 0;
  std::vector<ProgramStats> programs;
  /// Bytecode instructions executed.
  uint64_t steps = 0;
  uint64_t matmulTiles = 0;

  /// Chrome trace-event JSON (when SimOptions::recordTrace): pid = core
  /// (y * cols + x), tid 0 reader, 1 compute/unpack, 2 compute/math,
  /// 3 compute/pack, 4 writer, 5 noc/read, 6 noc/write; "M" events name and
  /// order them (process_name "core x=X y=Y", thread_name, *_sort_index) for
  /// Perfetto and chrome://tracing; "X" events with ts/dur in microseconds.
  std::string chromeTraceJson;
  /// DST slice events (when SimOptions::recordDstOccupancy), in order of
  /// execution per core.
  std::vector<DstEvent> dstEvents;
};

/// Runs every ttkernel.program of `module` in order. `dram` maps a
/// ttkernel.dram_buffer's name to its elements, row-major, (rows * 32) x
/// (cols * 32) values: buffers present are inputs (rounded to the buffer's
/// format on load; a wrong size is an Error), buffers absent start as zeros.
/// On return every buffer of the module is in `dram` with its final contents
/// (unless status is Error before any program ran). Entries naming no buffer
/// are left alone. The module need not have been verified: malformed ops are
/// reported as an Error, never a crash.
SimResult simulate(mlir::ModuleOp module, const SimOptions &opts,
                   std::map<std::string, std::vector<double>> &dram);

} // namespace dstlab::sim

#endif // DSTLAB_SIM_SIMULATOR_H
