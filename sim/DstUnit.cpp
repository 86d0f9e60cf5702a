//===- DstUnit.cpp - The DST register file and the packer -----------------===//
//
// DST's sections and their protocol (tile_regs_acquire/commit on the math
// side, tile_regs_wait/release on the pack side), the checked slice access
// the FPU and SFPU units use, the DST occupancy record, and pack_tile, which
// drains a committed section into a CB.
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"
#include "sim/numerics/CostModel.h"

#include "llvm/Support/ErrorHandling.h"

namespace dstlab::sim::detail {

void Engine::dstEvent(CoreState &core, DstEvent::Kind kind, int64_t section,
                      int64_t slice, uint64_t cycle, const Instr &in) {
  if (!opts.recordDstOccupancy ||
      (opts.dstOccupancyCore &&
       *opts.dstOccupancyCore != std::make_pair(core.x, core.y)))
    return;
  DstEvent e;
  e.cycle = programStart + cycle;
  e.coreX = core.x;
  e.coreY = core.y;
  e.section = section;
  e.slice = slice;
  e.kind = kind;
  e.op = in.shortName.str();
  e.location = locationString(in.op->getLoc());
  e.program = prog->name;
  res.dstEvents.push_back(std::move(e));
}

bool Engine::mathHeld(CoreState &core, ThreadState &th, const Instr &in) {
  if (core.dst.mathSec >= 0)
    return true;
  hazard(core, th, in, hazard::DstOutsideSection,
         std::string(in.shortName) +
             " uses DST outside tile_regs_acquire..tile_regs_commit; the op "
             "is skipped");
  return false;
}

Engine::SliceRef Engine::slice(CoreState &core, ThreadState &th,
                               const Instr &in, int64_t section, int64_t index,
                               bool checkInit) {
  DstState &d = core.dst;
  if (index < 0 || index >= d.capacity) {
    hazard(core, th, in, hazard::DstIndexOutOfRange,
           "DST slice " + std::to_string(index) + " is outside the " +
               std::to_string(d.capacity) + "-slice section",
           index);
    d.scratch = Tile();
    return {&d.scratch, -1};
  }
  int64_t phys = section * d.capacity + index;
  if (checkInit && !d.written[static_cast<size_t>(phys)])
    hazard(core, th, in, hazard::DstReadUninitialised,
           "DST slice " + std::to_string(index) +
               " is read but was not written in this section",
           index);
  return {&d.tiles[static_cast<size_t>(phys)], phys};
}

void Engine::wroteSlice(CoreState &core, const SliceRef &ref, uint64_t cycle,
                        const Instr &in) {
  dstRound(*ref.tile, core.dst.format);
  if (ref.phys < 0)
    return;
  core.dst.written[static_cast<size_t>(ref.phys)] = 1;
  dstEvent(core, DstEvent::Kind::Write, ref.phys / core.dst.capacity,
           ref.phys % core.dst.capacity, cycle, in);
}

void Engine::readSlice(CoreState &core, const SliceRef &ref, uint64_t cycle,
                       const Instr &in) {
  if (ref.phys < 0)
    return;
  dstEvent(core, DstEvent::Kind::Read, ref.phys / core.dst.capacity,
           ref.phys % core.dst.capacity, cycle, in);
}

Flow Engine::execDst(CoreState &core, ThreadState &th, const Instr &in) {
  int64_t *s = th.slots.data();
  DstState &d = core.dst;
  switch (in.opc) {
  case Opc::Acquire: {
    if (d.mathSec >= 0) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_acquire while the math side already holds a DST "
             "section (double acquire); ignored");
      break;
    }
    int64_t sec = d.nextMath;
    if (d.state[static_cast<size_t>(sec)] != SectionState::Free) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_acquire but DST section " + std::to_string(sec) +
                 " was never released by the pack side; ignored");
      break;
    }
    d.state[static_cast<size_t>(sec)] = SectionState::Math;
    d.mathSec = sec;
    uint64_t &tM = th.clock(kMath);
    uint64_t before = tM;
    tM = std::max(tM, d.freeTime[static_cast<size_t>(sec)]);
    trace(core, th, kMath, before, tM, in);
    break;
  }
  case Opc::Commit: {
    if (d.mathSec < 0) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_commit without tile_regs_acquire; ignored");
      break;
    }
    size_t sec = static_cast<size_t>(d.mathSec);
    d.state[sec] = SectionState::Committed;
    d.commitTime[sec] = th.clock(kMath);
    d.mathSec = -1;
    d.nextMath = (d.nextMath + 1) % d.sections;
    break;
  }
  case Opc::Wait: {
    if (d.packSec >= 0) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_wait while the pack side already holds a DST "
             "section (double wait); ignored");
      break;
    }
    int64_t sec = d.nextPack;
    if (d.state[static_cast<size_t>(sec)] != SectionState::Committed) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_wait but no DST section was committed "
             "(tile_regs_commit missing); ignored");
      break;
    }
    d.state[static_cast<size_t>(sec)] = SectionState::Pack;
    d.packSec = sec;
    uint64_t &tP = th.clock(kPack);
    uint64_t before = tP;
    tP = std::max(tP, d.commitTime[static_cast<size_t>(sec)]);
    trace(core, th, kPack, before, tP, in);
    break;
  }
  case Opc::Release: {
    if (d.packSec < 0) {
      hazard(core, th, in, hazard::ProtocolOrder,
             "tile_regs_release without tile_regs_wait; ignored");
      break;
    }
    int64_t sec = d.packSec;
    uint64_t tP = th.clock(kPack);
    for (int64_t i = 0; i < d.capacity; ++i) {
      size_t phys = static_cast<size_t>(sec * d.capacity + i);
      if (!d.written[phys])
        continue;
      d.written[phys] = 0;
      d.tiles[phys] = Tile();
      dstEvent(core, DstEvent::Kind::Release, sec, i, tP, in);
    }
    d.state[static_cast<size_t>(sec)] = SectionState::Free;
    d.freeTime[static_cast<size_t>(sec)] = tP;
    d.packSec = -1;
    d.nextPack = (d.nextPack + 1) % d.sections;
    break;
  }

  case Opc::PackTile: {
    if (d.packSec < 0) {
      hazard(core, th, in, hazard::DstOutsideSection,
             "pack_tile outside tile_regs_wait..tile_regs_release; the "
             "pack is skipped",
             s[in.a]);
      break;
    }
    SliceRef src = slice(core, th, in, d.packSec, s[in.a], true);
    bool stop = false;
    Tile *page =
        cbWrite(core, th, in, in.cbA, s[in.b], hazard::PackNotReserved, stop);
    if (stop)
      return Flow::Stop;
    uint64_t &tP = th.clock(kPack);
    uint64_t start = tP;
    readSlice(core, src, start, in);
    if (page) {
      *page = *src.tile;
      packRound(*page, core.cbs[in.cbA].format);
      tP += kCosts.packTile;
      trace(core, th, kPack, start, tP, in);
    }
    break;
  }

  default:
    llvm_unreachable("not a DST opcode");
  }
  return Flow::Next;
}

} // namespace dstlab::sim::detail
