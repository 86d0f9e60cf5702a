//===- Engine.h - The simulator's engine and its state ----------*- C++ -*-===//
//
// The state of a simulated grid (cores, their CBs, DST and threads) and the
// Engine that runs a module's programs on it. Engine::runThread
// (Simulator.cpp) is the thread sequencer: it fetches a kernel's bytecode
// and hands each instruction to the unit that executes it, by opcode class:
//
//   ScalarUnit.cpp  integer ALU and control flow (arith, scf, my_x/my_y)
//   CBUnit.cpp      circular buffers: reserve/push/wait/pop, page access
//   DstUnit.cpp     DST sections (acquire/commit/wait/release), slices, pack
//   FpuUnit.cpp     unpack and FPU math: copy, transpose, bcast, matmul,
//                   reduce, eltwise binary
//   SfpuUnit.cpp    SFPU math on DST slices: exp, recip, fill, binary, copy
//   NocUnit.cpp     NoC reads/writes of DRAM tiles and their barriers
//
// Values come from sim/numerics/TileMath.h, cycles from
// sim/numerics/CostModel.h; TraceWriter.h records and writes the trace.
//
// This header is internal to the simulator: only sim/*.cpp include it.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_ENGINE_H
#define DSTLAB_SIM_ENGINE_H

#include "sim/Bytecode.h"
#include "sim/Simulator.h"
#include "sim/TraceWriter.h"
#include "sim/numerics/TileMath.h"

#include "llvm/ADT/StringMap.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <new>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace dstlab::sim::detail {

/// tt-metal's CB ids 0..31.
constexpr int kNumCBs = 32;

inline uint64_t tileBytes(DataFormat f) {
  return static_cast<uint64_t>(kTileElems) * bytesPerElement(f);
}

/// The compute thread's three stages (data-movement threads have one clock).
enum Stage { kUnpack = 0, kMath = 1, kPack = 2 };

//===----------------------------------------------------------------------===//
// Core state
//===----------------------------------------------------------------------===//

/// The pages of a CB, zeroed when first touched rather than all at the start
/// of every program: a CB sized for the worst case costs nothing for the
/// pages a run never uses (no zeroing, no page faults).
class CBPages {
public:
  void reset(int64_t n) {
    storage.reset(new Raw[static_cast<size_t>(n)]);
    live.assign(static_cast<size_t>(n), 0);
  }
  /// The page, a zero tile until first written.
  Tile &operator[](size_t slot) {
    if (!live[slot]) {
      new (&storage[slot]) Tile();
      live[slot] = 1;
    }
    return *std::launder(reinterpret_cast<Tile *>(&storage[slot]));
  }

private:
  // Uninitialised storage for a Tile (Tile() zero-fills).
  struct Raw {
    alignas(Tile) unsigned char bytes[sizeof(Tile)];
  };
  static_assert(std::is_trivially_destructible_v<Tile>);
  std::unique_ptr<Raw[]> storage;
  std::vector<uint8_t> live;
};

struct CBState {
  bool configured = false;
  int64_t pages = 0;
  DataFormat format = DataFormat::BF16;
  CBPages slots;
  /// Per slot: when its data became visible (push) / it became free (pop).
  std::vector<uint64_t> readyTime, freeTime;
  /// Per slot: written (pack, NoC read, scaler) since it was last freed.
  std::vector<uint8_t> written;
  int64_t readPtr = 0;  ///< slot of the front page
  int64_t visible = 0;  ///< pushed, not yet popped
  int64_t reserved = 0; ///< pages the producer may write
  int64_t waited = 0;   ///< pages the consumer may read

  int64_t freePages() const { return pages - visible; }
  int64_t writePtr() const { return (readPtr + visible) % pages; }
};

enum class SectionState : uint8_t { Free, Math, Committed, Pack };

struct DstState {
  int64_t capacity = 8;
  int64_t sections = 2;
  DataFormat format = DataFormat::BF16;
  std::vector<Tile> tiles;
  std::vector<uint8_t> written;
  std::vector<SectionState> state;
  std::vector<uint64_t> freeTime, commitTime;
  int64_t mathSec = -1, packSec = -1;
  int64_t nextMath = 0, nextPack = 0;
  Tile scratch;
};

enum class ThreadStatus : uint8_t { Ready, Done, Stopped };

struct ThreadState {
  const Kernel *kernel = nullptr;
  ttkernel::Thread kind = ttkernel::Thread::Reader;
  size_t pc = 0;
  std::vector<int64_t> slots;
  ThreadStatus status = ThreadStatus::Done;
  /// Data-movement threads use clk[0] only; compute uses unpack/math/pack.
  uint64_t clk[3] = {0, 0, 0};
  uint64_t lastMathStart = 0;
  uint64_t linkFree = 0, readsDone = 0, writesDone = 0;
  /// NoC reads into / writes from each CB since the last barrier.
  uint32_t readsInFlight[kNumCBs] = {}, writesInFlight[kNumCBs] = {};

  bool isCompute() const { return kind == ttkernel::Thread::Compute; }
  uint64_t &clock(Stage s) { return isCompute() ? clk[s] : clk[0]; }
  uint64_t endTime() const {
    return std::max({clk[0], clk[1], clk[2], readsDone, writesDone});
  }
};

struct CoreState {
  int64_t x = 0, y = 0;
  int64_t index = 0; ///< y * target cols + x
  bool stopped = false;
  uint64_t hopLatency = 0;
  CBState cbs[kNumCBs];
  DstState dst;
  ThreadState threads[3];
};

struct DramBuffer {
  BufferInfo info;
  std::vector<Tile> tiles;
};

struct ProgramInfo {
  ttkernel::ProgramOp op;
  std::string name;
  int64_t rows = 0, cols = 0;
  MathFidelity fidelity = MathFidelity::HiFi4;
  ExpMode expMode = ExpMode::Accurate;
  int64_t dstCapacity = 8, dstSections = 2;
  DataFormat dstFormat = DataFormat::BF16;
  struct CBConfig {
    int32_t cb;
    int64_t pages;
    DataFormat format;
    mlir::Operation *op;
  };
  std::vector<CBConfig> cbs;
  /// Indexed by ttkernel::Thread; null when the program has no such kernel.
  std::unique_ptr<Kernel> kernels[3];
};

/// What runThread does after a unit has seen an instruction.
enum class Flow : uint8_t {
  Next,    ///< executed: on to the next instruction
  Jump,    ///< executed, and the unit has set the pc
  Stop,    ///< the thread's turn ends here, pc unchanged (the kernel
           ///< returned, or the core stopped)
  Blocked, ///< not executed (a CB call must wait); pc unchanged
};

//===----------------------------------------------------------------------===//
// The engine
//===----------------------------------------------------------------------===//

class Engine {
public:
  Engine(mlir::ModuleOp module, const SimOptions &opts,
         std::map<std::string, std::vector<double>> &dram, SimResult &result)
      : module(module), opts(opts), dram(dram), res(result) {}

  void run();

private:
  mlir::ModuleOp module;
  const SimOptions &opts;
  std::map<std::string, std::vector<double>> &dram;
  SimResult &res;

  std::vector<DramBuffer> buffers;
  llvm::StringMap<int32_t> bufferIndex;

  // Per program.
  ProgramInfo *prog = nullptr;
  std::vector<CoreState> cores;
  uint64_t programStart = 0;
  double dramBytesPerCycle = 0;
  double progFlops = 0;
  uint64_t progMatmuls = 0;

  uint64_t steps = 0;
  bool stepLimitHit = false;
  bool fatal = false; ///< stop running programs

  std::map<std::tuple<std::string, int64_t, int, const void *>, size_t>
      hazardIndex;
  TraceRecorder traceRecorder;
  static const Tile kZeroTile;

  bool setError(const std::string &msg) {
    res.error = msg;
    res.status = SimStatus::Error;
    fatal = true;
    return false;
  }

  // --- setup and scheduling (Simulator.cpp) --------------------------------
  bool loadBuffers();
  void storeBuffers();
  bool prepareProgram(ttkernel::ProgramOp op, ProgramInfo &info);
  bool checkL1(ProgramInfo &info);
  void runProgram(ProgramInfo &info);
  /// Runs `th` for up to a quantum; true if it made progress (or its turn
  /// ended for good).
  bool runThread(CoreState &core, ThreadState &th);

  // --- the units: each executes its class of opcodes -----------------------
  Flow execScalar(CoreState &core, ThreadState &th, const Instr &in);
  Flow execCB(CoreState &core, ThreadState &th, const Instr &in);
  Flow execDst(CoreState &core, ThreadState &th, const Instr &in);
  Flow execFpu(CoreState &core, ThreadState &th, const Instr &in);
  Flow execSfpu(CoreState &core, ThreadState &th, const Instr &in);
  Flow execNoc(CoreState &core, ThreadState &th, const Instr &in);

  // --- reporting (Simulator.cpp) -------------------------------------------
  void hazard(CoreState &core, ThreadState *th, mlir::Operation *op,
              const char *kind, const std::string &detail, int64_t slice = -1,
              int64_t cb = -1);
  void hazard(CoreState &core, ThreadState &th, const Instr &in,
              const char *kind, const std::string &detail, int64_t slice = -1,
              int64_t cb = -1) {
    hazard(core, &th, in.op, kind, detail, slice, cb);
  }
  void runtimeError(CoreState &core, ThreadState &th, const Instr &in,
                    const std::string &what) {
    hazard(core, th, in, hazard::RuntimeError, what);
    stopCore(core);
  }
  void stopCore(CoreState &core) {
    core.stopped = true;
    for (ThreadState &t : core.threads)
      if (t.status == ThreadStatus::Ready)
        t.status = ThreadStatus::Stopped;
  }
  static TraceTrack track(ThreadState &th, Stage s) {
    switch (th.kind) {
    case ttkernel::Thread::Reader:
      return TraceTrack::Reader;
    case ttkernel::Thread::Compute:
      return static_cast<TraceTrack>(static_cast<int>(TraceTrack::Unpack) +
                                     static_cast<int>(s));
    case ttkernel::Thread::Writer:
      return TraceTrack::Writer;
    }
    return TraceTrack::Reader;
  }
  void trace(CoreState &core, TraceTrack t, uint64_t start, uint64_t end,
             llvm::StringRef name) {
    if (!opts.recordTrace || end <= start)
      return;
    traceRecorder.add(core.index, static_cast<int>(t), programStart + start,
                      end - start, name);
  }
  void trace(CoreState &core, ThreadState &th, Stage s, uint64_t start,
             uint64_t end, const Instr &in) {
    trace(core, track(th, s), start, end, in.shortName);
  }
  void finishTrace();
  void dstEvent(CoreState &core, DstEvent::Kind kind, int64_t section,
                int64_t slice, uint64_t cycle, const Instr &in);

  // --- CB access (CBUnit.cpp) ----------------------------------------------
  CBState *cbFor(CoreState &core, ThreadState &th, const Instr &in, int32_t id);
  const Tile *cbRead(CoreState &core, ThreadState &th, const Instr &in,
                     int32_t id, int64_t index, bool &stop);
  Tile *cbWrite(CoreState &core, ThreadState &th, const Instr &in, int32_t id,
                int64_t index, const char *kind, bool &stop);
  /// Why a thread stopped at a CB call cannot go on (for deadlocks).
  std::string blockedDetail(CoreState &core, ThreadState &th);

  // --- DST access (DstUnit.cpp) --------------------------------------------
  bool mathHeld(CoreState &core, ThreadState &th, const Instr &in);
  struct SliceRef {
    Tile *tile;
    int64_t phys; ///< -1 for the scratch tile
  };
  SliceRef slice(CoreState &core, ThreadState &th, const Instr &in,
                 int64_t section, int64_t index, bool checkInit);
  void wroteSlice(CoreState &core, const SliceRef &ref, uint64_t cycle,
                  const Instr &in);
  void readSlice(CoreState &core, const SliceRef &ref, uint64_t cycle,
                 const Instr &in);

  // --- timing --------------------------------------------------------------
  /// Unpack then math of an FPU op (or copy/transpose); returns math end
  /// (FpuUnit.cpp).
  uint64_t fpuTiming(CoreState &core, ThreadState &th, const Instr &in,
                     unsigned mathCycles);
  /// Math of an SFPU op; returns its end (SfpuUnit.cpp).
  uint64_t sfpuTiming(CoreState &core, ThreadState &th, const Instr &in,
                      unsigned mathCycles);
  /// A NoC transfer of `bytes` to or from DRAM; returns its completion
  /// (NocUnit.cpp).
  uint64_t transfer(CoreState &core, ThreadState &th, const Instr &in,
                    uint64_t bytes, bool read);
};

/// Cycles a NoC transfer between core (x, y) and DRAM spends in routers: the
/// hops to the nearest grid edge, plus one (NocUnit.cpp).
uint64_t dramHopLatency(int64_t x, int64_t y, const GridSpec &grid);

} // namespace dstlab::sim::detail

#endif // DSTLAB_SIM_ENGINE_H
