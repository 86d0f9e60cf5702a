//===- FpuUnit.cpp - Unpack and FPU math ----------------------------------===//
//
// The compute ops that read CB pages through the unpacker and write a DST
// slice: copy_tile, transpose_wh_tile, unary_bcast, matmul_tiles,
// reduce_tile and the FPU element-wise binaries, with their unpack-then-math
// timing (the unpacker runs at most one op ahead of math).
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"
#include "sim/TileKernels.h"
#include "sim/numerics/CostModel.h"

#include "llvm/Support/ErrorHandling.h"

namespace dstlab::sim::detail {

uint64_t Engine::fpuTiming(CoreState &core, ThreadState &th, const Instr &in,
                           unsigned mathCycles) {
  // The unpacker may run one op ahead of math (srcA/srcB are double
  // buffered): it starts no earlier than the previous FPU op's math.
  uint64_t &tU = th.clock(kUnpack);
  uint64_t uStart = std::max(tU, th.lastMathStart);
  uint64_t uEnd = uStart + kCosts.unpackTile;
  tU = uEnd;
  trace(core, th, kUnpack, uStart, uEnd, in);
  uint64_t &tM = th.clock(kMath);
  uint64_t mStart = std::max(tM, uEnd);
  tM = mStart + mathCycles;
  th.lastMathStart = mStart;
  trace(core, th, kMath, mStart, tM, in);
  return tM;
}

Flow Engine::execFpu(CoreState &core, ThreadState &th, const Instr &in) {
  int64_t *s = th.slots.data();
  MathFidelity fid = prog->fidelity;
  switch (in.opc) {
  case Opc::CopyTile:
  case Opc::Transpose:
  case Opc::UnaryBcast: {
    bool stop = false;
    const Tile *src = cbRead(core, th, in, in.cbA, s[in.a], stop);
    if (stop)
      return Flow::Stop;
    if (!mathHeld(core, th, in))
      break;
    SliceRef d = slice(core, th, in, core.dst.mathSec, s[in.c], false);
    if (in.opc == Opc::CopyTile)
      *d.tile = *src;
    else if (in.opc == Opc::Transpose)
      transposeWH(*d.tile, *src);
    else
      broadcastTile(*d.tile, *src, static_cast<Bcast>(in.aux2));
    uint64_t end = fpuTiming(core, th, in,
                             in.opc == Opc::Transpose ? kCosts.transposeTile
                                                      : kCosts.copyTileMath);
    wroteSlice(core, d, end, in);
    break;
  }
  case Opc::Matmul: {
    bool stop = false;
    const Tile *a = cbRead(core, th, in, in.cbA, s[in.a], stop);
    const Tile *b =
        stop ? nullptr : cbRead(core, th, in, in.cbB, s[in.b], stop);
    if (stop)
      return Flow::Stop;
    if (!mathHeld(core, th, in))
      break;
    SliceRef d = slice(core, th, in, core.dst.mathSec, s[in.c], false);
    // Bit-identical to matmulAcc (see TileKernels.h), only faster.
    matmulAccFast(*d.tile, *a, *b, fid, in.flag);
    progFlops += kMatmulTileFlops;
    ++progMatmuls;
    uint64_t end = fpuTiming(core, th, in, matmulTileCycles(fid));
    wroteSlice(core, d, end, in);
    break;
  }
  case Opc::ReduceInit: {
    if (!cbFor(core, th, in, in.cbA) || !cbFor(core, th, in, in.cbB))
      return Flow::Stop;
    break;
  }
  case Opc::ReduceTile: {
    bool stop = false;
    const Tile *a = cbRead(core, th, in, in.cbA, s[in.a], stop);
    const Tile *sc =
        stop ? nullptr : cbRead(core, th, in, in.cbB, s[in.b], stop);
    if (stop)
      return Flow::Stop;
    auto kind = static_cast<ReduceKind>(in.aux);
    std::string why;
    if (!isValidScaler(*sc, kind, &why))
      hazard(core, th, in, hazard::InvalidReduceScaler,
             why + " (CB " + std::to_string(in.cbB) + ", page " +
                 std::to_string(s[in.b]) + ")",
             -1, in.cbB);
    if (!mathHeld(core, th, in))
      break;
    // The accumulator must hold something: a released (zeroed) slice is
    // sum's identity, not max's.
    SliceRef d =
        slice(core, th, in, core.dst.mathSec, s[in.c], kind == ReduceKind::Max);
    reduce(*d.tile, *a, *sc, kind, static_cast<ReduceDim>(in.aux2));
    progFlops += kReduceTileFlops;
    uint64_t end = fpuTiming(core, th, in, kCosts.reduceTile);
    wroteSlice(core, d, end, in);
    break;
  }
  case Opc::FpuBinary: {
    bool stop = false;
    const Tile *a = cbRead(core, th, in, in.cbA, s[in.a], stop);
    const Tile *b =
        stop ? nullptr : cbRead(core, th, in, in.cbB, s[in.b], stop);
    if (stop)
      return Flow::Stop;
    if (!mathHeld(core, th, in))
      break;
    auto op = static_cast<BinaryOp>(in.aux);
    SliceRef d = slice(core, th, in, core.dst.mathSec, s[in.c], false);
    eltwiseBinary(*d.tile, *a, *b, op, static_cast<Bcast>(in.aux2), fid);
    progFlops += kEltwiseTileFlops;
    uint64_t end = fpuTiming(core, th, in, binaryTileCycles(op, fid));
    wroteSlice(core, d, end, in);
    break;
  }

  default:
    llvm_unreachable("not an FPU opcode");
  }
  return Flow::Next;
}

} // namespace dstlab::sim::detail
