//===- CostModel.h - Cycle costs of the simulated Tensix core ---*- C++ -*-===//
//
// The one table of cycle costs the simulator charges, with the source of each
// figure. "DESIGN" means DESIGN.md section 4, whose figures are the seed's
// Wormhole-like assumptions; "estimate" marks numbers dstlab chose itself,
// with the reasoning given. Costs are per 32x32 tile on one core and are
// throughput costs of the thread that executes the op (unpack, math or pack);
// the simulator overlaps the three threads.
//
// SFPU estimates use this arithmetic: the SFPU processes 32 elements per
// instruction, so one pass over a 1024-element tile is 32 iterations, and an
// op costs about 32 x (instructions per iteration) cycles.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_NUMERICS_COSTMODEL_H
#define DSTLAB_SIM_NUMERICS_COSTMODEL_H

#include "sim/numerics/TileMath.h"

#include <array>

namespace dstlab::sim {

/// Floating-point operations in one 32x32x32 tile matmul (a multiply and an
/// add per term): 2 * 32^3 = 65536.
constexpr double kMatmulTileFlops = 2.0 * kTileDim * kTileDim * kTileDim;
/// Floating-point operations counted for one element-wise tile op (FPU or
/// SFPU, one per element): 1024.
constexpr double kEltwiseTileFlops = kTileElems;
/// Floating-point operations counted for one reduce_tile: a multiply by the
/// scaler and a combine per element, 2 * 1024.
constexpr double kReduceTileFlops = 2.0 * kTileElems;

struct CostTable {
  // --- Math thread, FPU ---------------------------------------------------
  /// matmul_tiles, one 32x32x32 product, indexed by MathFidelity (LoFi, HiFi2,
  /// HiFi3, HiFi4): 16 cycles per fidelity phase. Source: DESIGN
  /// ("16/32/48/64 cycles", "4096 FLOP/cycle at LoFi").
  std::array<unsigned, 4> matmulTile = {16, 32, 48, 64};
  /// add_tiles / sub_tiles and their bcast forms. Source: DESIGN ("FPU
  /// eltwise about 8 cycles per tile").
  unsigned eltwiseTile = 8;
  /// mul_tiles (and bcast forms), per fidelity phase: throughput is divided
  /// by the fidelity, so the cost is 8 x phases (8 at LoFi, 32 at HiFi4).
  /// Source: DESIGN ("mul divided by fidelity").
  unsigned eltwiseMulTilePerPhase = 8;
  /// reduce_tile: the FPU reduces 16x16 = 256 elements per cycle, so a
  /// 1024-element tile takes 1024 / 256 = 4 cycles. Source: DESIGN ("reduce
  /// 16x16 per cycle").
  unsigned reduceTile = 4;
  /// transpose_wh_tile: an unpack-side transpose followed by a datacopy
  /// through the FPU; charged like one eltwise pass (8) plus one more for the
  /// transposed unpack (8). Estimate.
  unsigned transposeTile = 16;
  /// Math cycles of copy_tile and unary_bcast: the datacopy into DST is the
  /// unpacker's work (unpackTile) and adds no math cycles in the model.
  /// Estimate.
  unsigned copyTileMath = 0;

  // --- Math thread, SFPU --------------------------------------------------
  /// exp_tile, approximate mode. Source: DESIGN ("about 70-130 cycles per
  /// tile approximate"); the middle of that range.
  unsigned expApproxTile = 100;
  /// exp_tile, accurate mode. Source: DESIGN ("about 1200 accurate (bf16)").
  unsigned expAccurateTile = 1200;
  /// recip_tile: a few Newton-Raphson steps, about 5 instructions per
  /// iteration, 32 x 5 = 160, rounded to 150. Estimate.
  unsigned recipTile = 150;
  /// max_tile (binary SFPU max of two DST slices): two loads, a compare and
  /// a store per iteration at about 2 cycles each, 32 x 2 = 64; kept below
  /// approximate exp, which does more per element. Estimate.
  unsigned maxTile = 64;
  /// fill_tile: one store per iteration, 32 x 1. Estimate.
  unsigned fillTile = 32;
  /// mul_unary_tile: an SFPU pass like max_tile (load, multiply, store per
  /// iteration), charged the same. Estimate.
  unsigned mulUnaryTile = maxTile;
  /// add/sub/mul_binary_tile (SFPU, two DST slices): the same loads, one op
  /// and a store per iteration as max_tile, charged the same. Estimate.
  unsigned sfpuBinaryTile = maxTile;
  /// copy_dest_values (DST slice to DST slice): one load and one store per
  /// iteration, charged like fill_tile. Estimate.
  unsigned copyDestTile = fillTile;

  // --- Unpack and pack threads --------------------------------------------
  /// copy_tile (CB to DST, through the unpacker) and the unpack feeding any
  /// FPU op, per tile. Estimate, taken equal to pack (the seed gives no
  /// figure).
  unsigned unpackTile = 16;
  /// pack_tile (DST to CB). Source: DESIGN ("pack about 16 cycles per tile").
  unsigned packTile = 16;
  /// generate_reduce_scaler (a data-movement thread writes one CB page): no
  /// data-movement fill figure exists; charged like fill_tile (one store pass
  /// over the tile). Estimate.
  unsigned genScalerTile = fillTile;

  // --- Network on chip and DRAM -------------------------------------------
  /// Payload bytes per cycle per NoC link: one 256-bit flit per cycle.
  /// Source: DESIGN ("NoC one 256-bit flit per cycle per link").
  unsigned nocBytesPerCyclePerLink = 32;
  /// Added latency per router hop. Source: DESIGN ("about 9 cycles per hop").
  unsigned nocHopCycles = 9;
  /// DRAM bandwidth shared by the whole chip, bytes per second. Source: DESIGN
  /// ("DRAM about 288 GB/s per chip"; that is a Wormhole n150 figure). The
  /// Blackhole-like grid uses it too, which understates real Blackhole boards.
  double dramBytesPerSecond = 288e9;

  // --- Clocks -------------------------------------------------------------
  /// Wormhole-like grid (8x10 or 8x8). Source: DESIGN ("8x10 cores at 1 GHz").
  double wormholeClockHz = 1.0e9;
  /// Blackhole-like grid (13x10). Source: DESIGN ("13x10 at 1.35 GHz").
  double blackholeClockHz = 1.35e9;
};

/// The costs the simulator uses.
inline constexpr CostTable kCosts{};

/// matmul_tiles cycles at fidelity `f`.
constexpr unsigned matmulTileCycles(MathFidelity f) {
  return kCosts.matmulTile[static_cast<unsigned>(f)];
}

/// Cycles of one element-wise binary tile op: add/sub on the FPU, mul on the
/// FPU scaled by fidelity phases, max on the SFPU.
constexpr unsigned binaryTileCycles(BinaryOp op, MathFidelity f) {
  switch (op) {
  case BinaryOp::Add:
  case BinaryOp::Sub:
    return kCosts.eltwiseTile;
  case BinaryOp::Mul:
    return kCosts.eltwiseMulTilePerPhase * fidelityPhases(f);
  case BinaryOp::Max:
    return kCosts.maxTile;
  }
  return kCosts.eltwiseTile;
}

/// Cycles of an SFPU binary op on two DST slices: max_tile's own entry, else
/// sfpuBinaryTile.
constexpr unsigned sfpuBinaryTileCycles(BinaryOp op, MathFidelity f) {
  return op == BinaryOp::Max ? binaryTileCycles(op, f) : kCosts.sfpuBinaryTile;
}

/// exp_tile cycles in `mode`.
constexpr unsigned expTileCycles(ExpMode mode) {
  return mode == ExpMode::Accurate ? kCosts.expAccurateTile
                                   : kCosts.expApproxTile;
}

/// Peak matmul FLOP per cycle per core at fidelity `f`:
/// 2 * 32^3 / matmulTileCycles(f) = 4096, 2048, 1365.33, 1024.
constexpr double flopsPerCycle(MathFidelity f) {
  return kMatmulTileFlops / matmulTileCycles(f);
}

} // namespace dstlab::sim

#endif // DSTLAB_SIM_NUMERICS_COSTMODEL_H
