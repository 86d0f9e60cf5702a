//===- NocUnit.cpp - NoC transfers between DRAM and CBs -------------------===//
//
// noc_async_read_tile / noc_async_write_tile between a DRAM buffer and a CB
// page, and the barriers that wait for them. A transfer occupies the thread's
// NoC link for its bytes at the link or DRAM-share bandwidth (whichever is
// lower) and completes after the hop latency to DRAM.
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"
#include "sim/numerics/CostModel.h"

#include "llvm/Support/ErrorHandling.h"

#include <cmath>

namespace dstlab::sim::detail {

uint64_t dramHopLatency(int64_t x, int64_t y, const GridSpec &grid) {
  int64_t hops =
      1 + std::min(x, grid.cols - 1 - x) + std::min(y, grid.rows - 1 - y);
  return static_cast<uint64_t>(hops) * kCosts.nocHopCycles;
}

uint64_t Engine::transfer(CoreState &core, ThreadState &th, const Instr &in,
                          uint64_t bytes, bool read) {
  uint64_t &t = th.clock(kPack);
  double bw = std::min(static_cast<double>(kCosts.nocBytesPerCyclePerLink),
                       dramBytesPerCycle);
  uint64_t dur = static_cast<uint64_t>(std::ceil(bytes / bw));
  uint64_t start = std::max(t, th.linkFree);
  th.linkFree = start + dur;
  uint64_t done = start + dur + core.hopLatency;
  if (read)
    th.readsDone = std::max(th.readsDone, done);
  else
    th.writesDone = std::max(th.writesDone, done);
  trace(core, read ? TraceTrack::NocRead : TraceTrack::NocWrite, start,
        start + dur, in.shortName);
  return done;
}

Flow Engine::execNoc(CoreState &core, ThreadState &th, const Instr &in) {
  int64_t *s = th.slots.data();
  switch (in.opc) {
  case Opc::NocRead: {
    DramBuffer &buf = buffers[static_cast<size_t>(in.target)];
    int64_t id = s[in.a];
    bool stop = false;
    Tile *page = cbWrite(core, th, in, in.cbA, s[in.b],
                         hazard::CBWriteNotReserved, stop);
    if (stop)
      return Flow::Stop;
    if (id < 0 || id >= static_cast<int64_t>(buf.tiles.size())) {
      hazard(core, th, in, hazard::DramOutOfRange,
             "tile " + std::to_string(id) + " of @" + buf.info.name +
                 " which has " + std::to_string(buf.tiles.size()) +
                 " tiles; the read is skipped",
             -1, in.cbA);
      break;
    }
    if (!page)
      break;
    CBState &cb = core.cbs[in.cbA];
    *page = buf.tiles[static_cast<size_t>(id)];
    if (cb.format != buf.info.format)
      packRound(*page, cb.format);
    ++th.readsInFlight[in.cbA];
    // What crosses the NoC is the DRAM tile; a wider CB is filled by
    // conversion (the unpacker's work on hardware).
    transfer(core, th, in, tileBytes(buf.info.format), true);
    break;
  }
  case Opc::NocWrite: {
    DramBuffer &buf = buffers[static_cast<size_t>(in.target)];
    int64_t id = s[in.b];
    bool stop = false;
    const Tile *page = cbRead(core, th, in, in.cbA, s[in.a], stop);
    if (stop)
      return Flow::Stop;
    if (id < 0 || id >= static_cast<int64_t>(buf.tiles.size())) {
      hazard(core, th, in, hazard::DramOutOfRange,
             "tile " + std::to_string(id) + " of @" + buf.info.name +
                 " which has " + std::to_string(buf.tiles.size()) +
                 " tiles; the write is skipped",
             -1, in.cbA);
      break;
    }
    Tile &out = buf.tiles[static_cast<size_t>(id)];
    out = *page;
    ++th.writesInFlight[in.cbA];
    if (core.cbs[in.cbA].format != buf.info.format)
      packRound(out, buf.info.format);
    transfer(core, th, in, tileBytes(buf.info.format), false);
    break;
  }
  case Opc::ReadBarrier:
  case Opc::WriteBarrier: {
    uint32_t *pending =
        in.opc == Opc::ReadBarrier ? th.readsInFlight : th.writesInFlight;
    std::fill(pending, pending + kNumCBs, 0u);
    uint64_t &t = th.clock(kPack);
    uint64_t before = t;
    t = std::max(t, in.opc == Opc::ReadBarrier ? th.readsDone : th.writesDone);
    trace(core, th, kPack, before, t, in);
    break;
  }
  default:
    llvm_unreachable("not a NoC opcode");
  }
  return Flow::Next;
}

} // namespace dstlab::sim::detail
