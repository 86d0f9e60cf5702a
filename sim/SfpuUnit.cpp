//===- SfpuUnit.cpp - SFPU math on DST slices -----------------------------===//
//
// The compute ops that work on DST slices in place, on the SFPU: exp_tile,
// recip_tile, mul_unary_tile, fill_tile, the binary ops of two slices
// (add/sub/mul/max_binary_tile) and copy_dest_values. They take math cycles
// only (no unpack).
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"
#include "sim/numerics/CostModel.h"

#include "llvm/Support/ErrorHandling.h"

namespace dstlab::sim::detail {

uint64_t Engine::sfpuTiming(CoreState &core, ThreadState &th, const Instr &in,
                            unsigned mathCycles) {
  uint64_t &tM = th.clock(kMath);
  uint64_t start = tM;
  tM += mathCycles;
  trace(core, th, kMath, start, tM, in);
  return tM;
}

Flow Engine::execSfpu(CoreState &core, ThreadState &th, const Instr &in) {
  int64_t *s = th.slots.data();
  MathFidelity fid = prog->fidelity;
  switch (in.opc) {
  case Opc::Exp:
  case Opc::Recip:
  case Opc::MulUnary:
  case Opc::Fill: {
    if (!mathHeld(core, th, in))
      break;
    bool reads = in.opc != Opc::Fill;
    SliceRef d = slice(core, th, in, core.dst.mathSec, s[in.a], reads);
    unsigned cycles = 0;
    switch (in.opc) {
    case Opc::Exp:
      expTile(*d.tile, prog->expMode);
      cycles = expTileCycles(prog->expMode);
      break;
    case Opc::Recip:
      recipTile(*d.tile);
      cycles = kCosts.recipTile;
      break;
    case Opc::MulUnary:
      mulUnaryTile(*d.tile, static_cast<float>(in.fimm));
      cycles = kCosts.mulUnaryTile;
      break;
    default:
      fill(*d.tile, static_cast<float>(in.fimm));
      cycles = kCosts.fillTile;
      break;
    }
    if (in.opc != Opc::Fill)
      progFlops += kEltwiseTileFlops;
    uint64_t start = th.clock(kMath);
    if (reads)
      readSlice(core, d, start, in);
    uint64_t end = sfpuTiming(core, th, in, cycles);
    wroteSlice(core, d, end, in);
    break;
  }
  case Opc::SfpuBinary:
  case Opc::CopyDest: {
    if (!mathHeld(core, th, in))
      break;
    SliceRef x = slice(core, th, in, core.dst.mathSec, s[in.a], true);
    if (in.opc == Opc::CopyDest) {
      Tile copy = *x.tile;
      SliceRef to = slice(core, th, in, core.dst.mathSec, s[in.b], false);
      *to.tile = copy;
      uint64_t start = th.clock(kMath);
      readSlice(core, x, start, in);
      uint64_t end = sfpuTiming(core, th, in, kCosts.copyDestTile);
      wroteSlice(core, to, end, in);
      break;
    }
    Tile xv = *x.tile; // `y` may reset the scratch tile `x` points to
    SliceRef y = slice(core, th, in, core.dst.mathSec, s[in.b], true);
    auto op = static_cast<BinaryOp>(in.aux);
    Tile result;
    eltwiseBinary(result, xv, *y.tile, op, Bcast::None, MathFidelity::HiFi4);
    *x.tile = result;
    progFlops += kEltwiseTileFlops;
    uint64_t start = th.clock(kMath);
    readSlice(core, x, start, in);
    readSlice(core, y, start, in);
    uint64_t end = sfpuTiming(core, th, in, sfpuBinaryTileCycles(op, fid));
    wroteSlice(core, x, end, in);
    break;
  }

  default:
    llvm_unreachable("not an SFPU opcode");
  }
  return Flow::Next;
}

} // namespace dstlab::sim::detail
