//===- Simulator.cpp - A simulated Tensix grid running ttkernel IR --------===//
//
// See Simulator.h for the execution, hazard and cycle models. This file sets
// the grid up, schedules the threads and sequences each thread's bytecode;
// the units that execute the instructions are listed in Engine.h.
//
//===----------------------------------------------------------------------===//

#include "sim/Simulator.h"

#include "sim/Engine.h"
#include "sim/numerics/CostModel.h"
#include "support/Limits.h"

#include <algorithm>
#include <memory>
#include <set>

using namespace mlir;

namespace dstlab::sim {

//===----------------------------------------------------------------------===//
// Small public helpers
//===----------------------------------------------------------------------===//

std::optional<GridSpec> GridSpec::parse(std::string_view spec) {
  std::string s(spec);
  GridSpec g;
  std::string dims = s;
  bool blackhole = false;
  if (s.rfind("wormhole-", 0) == 0) {
    dims = s.substr(9);
  } else if (s.rfind("blackhole-", 0) == 0) {
    dims = s.substr(10);
    blackhole = true;
  }
  size_t x = dims.find('x');
  if (x == std::string::npos || x == 0 || x + 1 >= dims.size())
    return std::nullopt;
  auto parseDim = [](const std::string &t, int64_t &out) {
    if (t.empty() || t.size() > 6)
      return false;
    int64_t v = 0;
    for (char ch : t) {
      if (ch < '0' || ch > '9')
        return false;
      v = v * 10 + (ch - '0');
    }
    out = v;
    return v > 0;
  };
  if (!parseDim(dims.substr(0, x), g.rows) ||
      !parseDim(dims.substr(x + 1), g.cols))
    return std::nullopt;
  std::string rc = std::to_string(g.rows) + "x" + std::to_string(g.cols);
  if (s.rfind("wormhole-", 0) == 0 && rc != "8x10" && rc != "8x8")
    return std::nullopt;
  if (blackhole && rc != "13x10")
    return std::nullopt;
  if (rc == "13x10") {
    g.clockGHz = kCosts.blackholeClockHz / 1e9;
    g.name = "blackhole-13x10";
  } else if (rc == "8x10" || rc == "8x8") {
    g.clockGHz = kCosts.wormholeClockHz / 1e9;
    g.name = "wormhole-" + rc;
  } else {
    g.clockGHz = kCosts.wormholeClockHz / 1e9;
    g.name = rc;
  }
  return g;
}

const char *simStatusName(SimStatus status) {
  switch (status) {
  case SimStatus::Ok:
    return "ok";
  case SimStatus::Hazard:
    return "hazard";
  case SimStatus::Deadlock:
    return "deadlock";
  case SimStatus::StepLimit:
    return "step-limit";
  case SimStatus::Error:
    return "error";
  }
  return "?";
}

const char *dstEventKindName(DstEvent::Kind kind) {
  switch (kind) {
  case DstEvent::Kind::Write:
    return "write";
  case DstEvent::Kind::Read:
    return "read";
  case DstEvent::Kind::Release:
    return "release";
  }
  return "?";
}

namespace detail {

namespace {

//===----------------------------------------------------------------------===//
// Constants
//===----------------------------------------------------------------------===//

/// L1 per core (DESIGN.md section 4).
constexpr uint64_t kL1Bytes = 1464ull * 1024ull;
/// Instructions a thread runs before the scheduler moves on.
constexpr uint64_t kQuantum = 1u << 14;

const char *threadName(ttkernel::Thread t) {
  switch (t) {
  case ttkernel::Thread::Reader:
    return "reader";
  case ttkernel::Thread::Compute:
    return "compute";
  case ttkernel::Thread::Writer:
    return "writer";
  }
  return "?";
}

MathFidelity toSim(ttkernel::MathFidelity f) {
  switch (f) {
  case ttkernel::MathFidelity::LoFi:
    return MathFidelity::LoFi;
  case ttkernel::MathFidelity::HiFi2:
    return MathFidelity::HiFi2;
  case ttkernel::MathFidelity::HiFi3:
    return MathFidelity::HiFi3;
  case ttkernel::MathFidelity::HiFi4:
    return MathFidelity::HiFi4;
  }
  return MathFidelity::HiFi4;
}

} // namespace

void Engine::hazard(CoreState &core, ThreadState *th, Operation *op,
                    const char *kind, const std::string &detail, int64_t slice,
                    int64_t cb) {
  int threadKey = th ? static_cast<int>(th->kind) : -1;
  auto key = std::make_tuple(std::string(kind), core.index, threadKey,
                             static_cast<const void *>(op));
  auto it = hazardIndex.find(key);
  if (it != hazardIndex.end()) {
    ++res.hazards[it->second].count;
    return;
  }
  Hazard h;
  h.kind = kind;
  h.coreX = core.x;
  h.coreY = core.y;
  h.thread = th ? threadName(th->kind) : "";
  if (op) {
    h.op = op->getName().getStringRef().str();
    h.location = locationString(op->getLoc());
  }
  h.detail = detail;
  h.dstSlice = slice;
  h.cb = cb;
  h.program = prog ? prog->name : "";
  hazardIndex[key] = res.hazards.size();
  res.hazards.push_back(std::move(h));
}

//===----------------------------------------------------------------------===//
// DRAM buffers
//===----------------------------------------------------------------------===//

bool Engine::loadBuffers() {
  for (auto buf : module.getOps<ttkernel::DramBufferOp>()) {
    auto tilesAttr = buf.getTilesAttr();
    auto nameAttr = buf.getSymNameAttr();
    auto formatAttr = buf.getFormatAttr();
    if (!tilesAttr || !nameAttr || !formatAttr ||
        tilesAttr.asArrayRef().size() != 2)
      return setError(locationString(buf.getLoc()) +
                      ": malformed ttkernel.dram_buffer");
    DramBuffer b;
    b.info.name = nameAttr.getValue().str();
    b.info.rows = tilesAttr.asArrayRef()[0];
    b.info.cols = tilesAttr.asArrayRef()[1];
    b.info.op = buf;
    constexpr int64_t kMaxTiles =
        limits::kMaxTensorElements / (kTileDim * kTileDim);
    if (!limits::productWithin(b.info.rows, b.info.cols, kMaxTiles))
      return setError(locationString(buf.getLoc()) + ": dram_buffer @" +
                      b.info.name + " has an invalid tile shape " +
                      std::to_string(b.info.rows) + "x" +
                      std::to_string(b.info.cols) + " (positive, at most " +
                      std::to_string(kMaxTiles) + " tiles)");
    if (!dataFormatOf(formatAttr.getValue(), b.info.format))
      return setError(locationString(buf.getLoc()) + ": dram_buffer @" +
                      b.info.name + " must be bf16 or f32");
    if (bufferIndex.count(b.info.name))
      return setError("dram_buffer @" + b.info.name + " defined twice");
    b.tiles.resize(static_cast<size_t>(b.info.rows * b.info.cols));
    auto it = dram.find(b.info.name);
    if (it != dram.end()) {
      const std::vector<double> &data = it->second;
      int64_t width = b.info.cols * kTileDim;
      size_t expected = static_cast<size_t>(b.info.rows * kTileDim) *
                        static_cast<size_t>(width);
      if (data.size() != expected)
        return setError("input for dram_buffer @" + b.info.name + " has " +
                        std::to_string(data.size()) + " elements, expected " +
                        std::to_string(expected));
      for (int64_t tr = 0; tr < b.info.rows; ++tr)
        for (int64_t tc = 0; tc < b.info.cols; ++tc) {
          Tile &t = b.tiles[static_cast<size_t>(tr * b.info.cols + tc)];
          for (int i = 0; i < kTileDim; ++i) {
            const double *row =
                data.data() + (tr * kTileDim + i) * width + tc * kTileDim;
            for (int j = 0; j < kTileDim; ++j)
              t.at(i, j) = roundTo(b.info.format, static_cast<float>(row[j]));
          }
        }
    }
    bufferIndex[b.info.name] = static_cast<int32_t>(buffers.size());
    buffers.push_back(std::move(b));
  }
  return true;
}

void Engine::storeBuffers() {
  for (const DramBuffer &b : buffers) {
    int64_t width = b.info.cols * kTileDim;
    std::vector<double> data(static_cast<size_t>(b.info.rows * kTileDim) *
                             static_cast<size_t>(width));
    for (int64_t tr = 0; tr < b.info.rows; ++tr)
      for (int64_t tc = 0; tc < b.info.cols; ++tc) {
        const Tile &t = b.tiles[static_cast<size_t>(tr * b.info.cols + tc)];
        for (int i = 0; i < kTileDim; ++i) {
          double *row =
              data.data() + (tr * kTileDim + i) * width + tc * kTileDim;
          for (int j = 0; j < kTileDim; ++j)
            row[j] = t.at(i, j);
        }
      }
    dram[b.info.name] = std::move(data);
  }
}

//===----------------------------------------------------------------------===//
// Program setup
//===----------------------------------------------------------------------===//

bool Engine::prepareProgram(ttkernel::ProgramOp op, ProgramInfo &info) {
  info.op = op;
  auto nameAttr = op.getSymNameAttr();
  info.name = nameAttr ? nameAttr.getValue().str() : "?";
  std::string where = locationString(op.getLoc()) + ": program @" + info.name;
  auto gridAttr = op.getGridAttr();
  if (!gridAttr || gridAttr.asArrayRef().size() != 2 ||
      gridAttr.asArrayRef()[0] <= 0 || gridAttr.asArrayRef()[1] <= 0)
    return setError(where + ": grid must be [rows, cols], both positive");
  info.rows = gridAttr.asArrayRef()[0];
  info.cols = gridAttr.asArrayRef()[1];
  if (info.rows > opts.grid.rows || info.cols > opts.grid.cols)
    return setError(where + " needs a " + std::to_string(info.rows) + "x" +
                    std::to_string(info.cols) + " grid but the target " +
                    opts.grid.name + " is " + std::to_string(opts.grid.rows) +
                    "x" + std::to_string(opts.grid.cols));
  info.fidelity = toSim(op.getFidelity());
  info.expMode = op.getExpApprox() ? ExpMode::Approximate : ExpMode::Accurate;
  info.dstCapacity = op.getDstCapacity();
  info.dstSections = op.getDstMode() == ttkernel::DstMode::Half ? 2 : 1;
  info.dstFormat = op.getFp32DestAcc() ? DataFormat::F32 : DataFormat::BF16;

  if (op->getNumRegions() != 1 || op.getBody().empty())
    return setError(where + ": needs a body");
  std::set<int32_t> seen;
  for (Operation &inner : op.getBody().front()) {
    if (auto cfg = dyn_cast<ttkernel::CBConfigOp>(inner)) {
      auto cbAttr = cfg.getCbAttr();
      auto pagesAttr = cfg.getPagesAttr();
      auto formatAttr = cfg.getFormatAttr();
      ProgramInfo::CBConfig c;
      c.op = cfg;
      if (!cbAttr || !pagesAttr || !formatAttr ||
          !dataFormatOf(formatAttr.getValue(), c.format))
        return setError(locationString(cfg.getLoc()) +
                        ": malformed ttkernel.cb_config");
      c.cb = static_cast<int32_t>(cbAttr.getInt());
      c.pages = pagesAttr.getInt();
      if (c.cb < 0 || c.cb >= kNumCBs)
        return setError(locationString(cfg.getLoc()) + ": CB id " +
                        std::to_string(c.cb) + " is outside 0..31");
      if (c.pages <= 0 || c.pages > (int64_t{1} << 20))
        return setError(locationString(cfg.getLoc()) + ": CB " +
                        std::to_string(c.cb) + " has an invalid page count");
      if (!seen.insert(c.cb).second)
        return setError(locationString(cfg.getLoc()) + ": CB " +
                        std::to_string(c.cb) + " configured twice");
      info.cbs.push_back(c);
      continue;
    }
    if (auto func = dyn_cast<func::FuncOp>(inner)) {
      auto thread =
          func->getAttrOfType<ttkernel::ThreadAttr>(ttkernel::kThreadAttrName);
      if (!thread)
        return setError(locationString(func.getLoc()) + ": kernel @" +
                        func.getSymName().str() + " has no '" +
                        ttkernel::kThreadAttrName.str() + "' attribute");
      int idx = static_cast<int>(thread.getValue());
      if (idx < 0 || idx > 2)
        return setError(locationString(func.getLoc()) + ": bad thread");
      if (info.kernels[idx])
        return setError(where + " has two " + threadName(thread.getValue()) +
                        " kernels");
      auto kernel = std::make_unique<Kernel>();
      std::string err;
      if (!compileKernel(func, bufferIndex, *kernel, err))
        return setError(err);
      kernel->thread = thread.getValue();
      info.kernels[idx] = std::move(kernel);
      continue;
    }
    return setError(locationString(inner.getLoc()) + ": '" +
                    inner.getName().getStringRef().str() +
                    "' is not expected in a ttkernel.program");
  }
  return true;
}

bool Engine::checkL1(ProgramInfo &info) {
  uint64_t total = 0;
  for (const ProgramInfo::CBConfig &c : info.cbs) {
    total += static_cast<uint64_t>(c.pages) * tileBytes(c.format);
    if (total > kL1Bytes) {
      CoreState core;
      uint64_t all = 0;
      for (const ProgramInfo::CBConfig &d : info.cbs)
        all += static_cast<uint64_t>(d.pages) * tileBytes(d.format);
      hazard(core, nullptr, c.op, hazard::L1Overflow,
             "the CBs need " + std::to_string(all) + " bytes of L1 per core, " +
                 std::to_string(kL1Bytes) + " are available (CB " +
                 std::to_string(c.cb) +
                 " crosses the limit); the program "
                 "was not run",
             -1, c.cb);
      fatal = true;
      return false;
    }
  }
  return true;
}

//===----------------------------------------------------------------------===//
// The interpreter
//===----------------------------------------------------------------------===//

bool Engine::runThread(CoreState &core, ThreadState &th) {
  const Instr *code = th.kernel->code.data();
  bool progressed = false;
  uint64_t budget = kQuantum;

  while (budget-- > 0) {
    if (steps >= opts.stepLimit) {
      stepLimitHit = true;
      return progressed;
    }
    const Instr &in = code[th.pc];
    ++steps;
    // One direct call per instruction, chosen by its opcode's unit.
    Flow flow = Flow::Next;
    switch (in.opc) {
    case Opc::Const:
    case Opc::MoveN:
    case Opc::Jump:
    case Opc::BrFalse:
    case Opc::ForInit:
    case Opc::ForCheck:
    case Opc::ForStep:
    case Opc::Binary:
    case Opc::CmpI:
    case Opc::Select:
    case Opc::Cast:
    case Opc::MyX:
    case Opc::MyY:
    case Opc::Return:
      flow = execScalar(core, th, in);
      break;
    case Opc::CBReserve:
    case Opc::CBWait:
    case Opc::GenScaler:
    case Opc::CBPush:
    case Opc::CBPop:
      flow = execCB(core, th, in);
      break;
    case Opc::Acquire:
    case Opc::Commit:
    case Opc::Wait:
    case Opc::Release:
    case Opc::PackTile:
      flow = execDst(core, th, in);
      break;
    case Opc::CopyTile:
    case Opc::Transpose:
    case Opc::UnaryBcast:
    case Opc::Matmul:
    case Opc::ReduceInit:
    case Opc::ReduceTile:
    case Opc::FpuBinary:
      flow = execFpu(core, th, in);
      break;
    case Opc::Exp:
    case Opc::Recip:
    case Opc::MulUnary:
    case Opc::Fill:
    case Opc::SfpuBinary:
    case Opc::CopyDest:
      flow = execSfpu(core, th, in);
      break;
    case Opc::NocRead:
    case Opc::NocWrite:
    case Opc::ReadBarrier:
    case Opc::WriteBarrier:
      flow = execNoc(core, th, in);
      break;
    }
    switch (flow) {
    case Flow::Next:
      ++th.pc;
      progressed = true;
      if (core.stopped)
        return true;
      break;
    case Flow::Jump:
      progressed = true;
      break;
    case Flow::Stop:
      return true;
    case Flow::Blocked:
      return progressed;
    }
  }
  return progressed;
}

//===----------------------------------------------------------------------===//
// Programs
//===----------------------------------------------------------------------===//

void Engine::runProgram(ProgramInfo &info) {
  prog = &info;
  progFlops = 0;
  progMatmuls = 0;
  cores.clear();
  cores.resize(static_cast<size_t>(info.rows * info.cols));

  int dramThreads = 0;
  for (auto &k : info.kernels)
    if (k && k->usesDram)
      ++dramThreads;
  dramThreads *= static_cast<int>(info.rows * info.cols);
  dramBytesPerCycle = kCosts.dramBytesPerSecond / (opts.grid.clockGHz * 1e9) /
                      std::max(1, dramThreads);

  for (int64_t y = 0; y < info.rows; ++y)
    for (int64_t x = 0; x < info.cols; ++x) {
      CoreState &core = cores[static_cast<size_t>(y * info.cols + x)];
      core.x = x;
      core.y = y;
      core.index = y * opts.grid.cols + x;
      core.hopLatency = dramHopLatency(x, y, opts.grid);
      for (const ProgramInfo::CBConfig &c : info.cbs) {
        CBState &cb = core.cbs[c.cb];
        cb.configured = true;
        cb.pages = c.pages;
        cb.format = c.format;
        cb.slots.reset(c.pages);
        cb.readyTime.assign(static_cast<size_t>(c.pages), 0);
        cb.freeTime.assign(static_cast<size_t>(c.pages), 0);
        cb.written.assign(static_cast<size_t>(c.pages), 0);
      }
      DstState &d = core.dst;
      d.capacity = info.dstCapacity;
      d.sections = info.dstSections;
      d.format = info.dstFormat;
      size_t phys = static_cast<size_t>(d.capacity * d.sections);
      d.tiles.assign(phys, Tile());
      d.written.assign(phys, 0);
      d.state.assign(static_cast<size_t>(d.sections), SectionState::Free);
      d.freeTime.assign(static_cast<size_t>(d.sections), 0);
      d.commitTime.assign(static_cast<size_t>(d.sections), 0);
      for (int t = 0; t < 3; ++t) {
        ThreadState &th = core.threads[t];
        th.kind = static_cast<ttkernel::Thread>(t);
        th.kernel = info.kernels[t].get();
        if (th.kernel) {
          th.status = ThreadStatus::Ready;
          th.slots.assign(static_cast<size_t>(th.kernel->numSlots), 0);
        }
      }
    }

  // Round robin until every thread is done or stopped, nothing can move
  // (deadlock) or the step limit is reached.
  bool deadlock = false;
  auto halted = [&] {
    return stepLimitHit || (opts.stopAtFirstHazard && !res.hazards.empty());
  };
  while (!halted()) {
    bool live = false, moved = false;
    for (CoreState &core : cores) {
      for (ThreadState &th : core.threads) {
        if (core.stopped || th.status != ThreadStatus::Ready)
          continue;
        live = true;
        if (runThread(core, th))
          moved = true;
        if (halted())
          break;
      }
      if (halted())
        break;
    }
    if (!live)
      break;
    if (!moved && !halted()) {
      deadlock = true;
      break;
    }
  }
  if (opts.stopAtFirstHazard && !res.hazards.empty())
    fatal = true; // the programs after it are not run either

  uint64_t gridCycles = 0;
  for (CoreState &core : cores) {
    uint64_t end = 0;
    for (ThreadState &th : core.threads)
      end = std::max(end, th.endTime());
    res.coreCycles[static_cast<size_t>(core.index)] += end;
    gridCycles = std::max(gridCycles, end);
  }

  if (deadlock) {
    res.deadlocked = true;
    fatal = true;
    for (CoreState &core : cores)
      for (ThreadState &th : core.threads) {
        if (core.stopped || th.status != ThreadStatus::Ready)
          continue;
        const Instr &in = th.kernel->code[th.pc];
        Hazard h;
        h.kind = hazard::Deadlock;
        h.coreX = core.x;
        h.coreY = core.y;
        h.thread = threadName(th.kind);
        h.op = in.op->getName().getStringRef().str();
        h.location = locationString(in.op->getLoc());
        h.detail = blockedDetail(core, th);
        h.cb = in.cbA;
        h.program = info.name;
        res.blocked.push_back(std::move(h));
      }
    res.error = "deadlock in program @" + info.name + ": " +
                std::to_string(res.blocked.size()) + " thread(s) blocked";
  }
  if (stepLimitHit) {
    res.stepLimitHit = true;
    fatal = true;
    res.error = "step limit of " + std::to_string(opts.stepLimit) +
                " instructions reached in program @" + info.name;
  }

  ProgramStats st;
  st.name = info.name;
  st.gridRows = info.rows;
  st.gridCols = info.cols;
  st.fidelity = mathFidelityName(info.fidelity);
  st.startCycle = programStart;
  st.gridCycles = gridCycles;
  st.flops = progFlops;
  st.matmulTiles = progMatmuls;
  res.programs.push_back(st);
  res.flops += progFlops;
  res.matmulTiles += progMatmuls;
  programStart += gridCycles;
  res.gridCycles += gridCycles;
  cores.clear();
}

void Engine::finishTrace() {
  if (opts.recordTrace)
    res.chromeTraceJson = traceRecorder.toChromeJson(opts.grid);
}

void Engine::run() {
  res = SimResult();
  if (!limits::productWithin(opts.grid.rows, opts.grid.cols,
                             limits::kMaxGridCores) ||
      !(opts.grid.clockGHz > 0)) {
    setError(
        "invalid target grid " + opts.grid.name + " (" +
        std::to_string(opts.grid.rows) + "x" + std::to_string(opts.grid.cols) +
        ", " + std::to_string(opts.grid.clockGHz) +
        " GHz): needs positive rows and cols, at most " +
        std::to_string(limits::kMaxGridCores) + " cores and a positive clock");
    return;
  }
  res.coreCycles.assign(static_cast<size_t>(opts.grid.numCores()), 0);
  if (!module) {
    setError("no module");
    return;
  }
  if (!loadBuffers())
    return;

  // Compile every program first, so an unsupported op is an Error before
  // anything runs.
  std::vector<std::unique_ptr<ProgramInfo>> programs;
  for (auto op : module.getOps<ttkernel::ProgramOp>()) {
    auto info = std::make_unique<ProgramInfo>();
    if (!prepareProgram(op, *info))
      return;
    programs.push_back(std::move(info));
  }

  for (auto &info : programs) {
    if (fatal)
      break;
    prog = info.get();
    if (!checkL1(*info))
      break;
    runProgram(*info);
  }
  prog = nullptr;
  res.steps = steps;
  storeBuffers();

  double peak = 0; // FLOP the target could have done in the time taken
  for (size_t i = 0; i < res.programs.size(); ++i)
    peak += static_cast<double>(res.programs[i].gridCycles) *
            static_cast<double>(opts.grid.numCores()) *
            flopsPerCycle(programs[i]->fidelity);
  res.utilisation = peak > 0 ? res.flops / peak : 0;
  double seconds =
      static_cast<double>(res.gridCycles) / (opts.grid.clockGHz * 1e9);
  res.tflops = seconds > 0 ? res.flops / seconds / 1e12 : 0;
  finishTrace();

  if (!res.hazards.empty())
    res.status = SimStatus::Hazard;
  else if (res.deadlocked)
    res.status = SimStatus::Deadlock;
  else if (res.stepLimitHit)
    res.status = SimStatus::StepLimit;
  else
    res.status = SimStatus::Ok;
}

} // namespace detail

SimResult simulate(ModuleOp module, const SimOptions &opts,
                   std::map<std::string, std::vector<double>> &dram) {
  SimResult result;
  detail::Engine engine(module, opts, dram, result);
  engine.run();
  return result;
}

} // namespace dstlab::sim
