//===- TileMath.h - Numerics of the simulated Tensix tile ops ---*- C++ -*-===//
//
// The value semantics of the tile operations the simulator executes, as
// DESIGN.md section 4 defines them. A Tile is 32x32 floats in row-major order;
// a DST slice, a CB page after unpacking and a pack source are all Tiles.
//
// Every function is a pure computation on its arguments (no global state).
// Each reads all of its inputs before writing its output, so an output may
// alias any input; this matters because miscompiled programs (the
// upstream-release variant) do point an op's operands at its own result slice.
//
// Arithmetic is IEEE float (binary32) in a fixed order, so results are
// reproducible: this library is compiled without floating-point contraction.
// The model does not emulate the FPU's 19-bit source registers: an operand is
// used at the precision its tile holds (bf16 values stay exact, f32 values
// keep 24 bits); only the math-fidelity scheme below drops operand bits.
//
// Math fidelity (matmul and eltwise mul). The model's multiplier port for the
// first operand ("srcA", A of A @ B) takes 5 significant bits (the hidden bit
// and the top 4 explicit mantissa bits) and the port for the second operand
// ("srcB") takes 7 (hidden bit and top 6). Each operand x splits into
//     hi(x) = x with every mantissa bit below the port width cleared
//     lo(x) = x - hi(x)                        (exact)
// and the fidelity decides which partial products are summed:
//     LoFi   hi(a) * hi(b)                       1 phase
//     HiFi2  + lo(a) * hi(b)    = a * hi(b)      2 phases
//     HiFi3  + hi(a) * lo(b)    = a * b - lo(a) * lo(b)   3 phases
//     HiFi4  + lo(a) * lo(b)    = a * b          4 phases
// (each right-hand side is how it is evaluated, in float). Every phase adds
// operand bits, and HiFi4 is the plain float product, which for bf16 operands
// (8 x 8 significant bits) is the exact product. For bf16 operands every
// fidelity's product is exact in float (barring underflow); for f32 operands
// HiFi2..HiFi4 round like ordinary float arithmetic. The widths and the phase
// order are this model's choice, not a claim about the silicon's wiring.
// Infinite and NaN operands have hi(x) = x and lo(x) = 0.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_NUMERICS_TILEMATH_H
#define DSTLAB_SIM_NUMERICS_TILEMATH_H

#include "support/Bf16.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dstlab::sim {

/// Rows and columns of a tile.
constexpr int kTileDim = 32;
/// Elements of a tile.
constexpr int kTileElems = kTileDim * kTileDim;

/// A 32x32 tile of floats, row-major.
struct Tile {
  std::array<float, kTileElems> v{};

  /// Element (r, c); 0 <= r, c < 32 is the caller's obligation.
  float &at(int r, int c) { return v[r * kTileDim + c]; }
  float at(int r, int c) const { return v[r * kTileDim + c]; }

  /// A tile whose every element is `value`.
  static Tile filled(float value);
};

/// Matrix-engine fidelity: how many multiplier phases a product takes.
enum class MathFidelity { LoFi, HiFi2, HiFi3, HiFi4 };

/// Phases per product: 1, 2, 3, 4 for LoFi, HiFi2, HiFi3, HiFi4.
constexpr unsigned fidelityPhases(MathFidelity f) {
  return static_cast<unsigned>(f) + 1;
}

/// "LoFi", "HiFi2", "HiFi3" or "HiFi4" (tt-metal's spelling).
const char *mathFidelityName(MathFidelity f);

/// Parses the names above; std::nullopt otherwise.
std::optional<MathFidelity> parseMathFidelity(std::string_view name);

/// Significant bits of the multiplier's srcA and srcB ports (file comment).
constexpr int kPortBitsA = 5; // hidden bit + 4 explicit mantissa bits
constexpr int kPortBitsB = 7; // hidden bit + 6 explicit mantissa bits

/// hi(x) for a port of `bits` significant bits (see the file comment).
/// Inline and branch-free on the value: the tile loops that truncate
/// operands vectorise.
inline float fidelityHigh(float x, int bits) {
  if (bits >= 24)
    return x;
  if (bits < 1)
    bits = 1;
  uint32_t u = bf16_detail::floatBits(x);
  // Keep the sign, the exponent and the top (bits - 1) explicit mantissa
  // bits; an infinity or NaN (all-ones exponent) is kept whole.
  uint32_t dropped = (1u << (24 - bits)) - 1;
  bool finite = (u & 0x7f800000u) != 0x7f800000u;
  return bf16_detail::bitsToFloat(finite ? u & ~dropped : u);
}

/// The product a * b as the multiplier computes it at fidelity `f`. Out of
/// line: its HiFi3 form must not be contracted into a fused multiply-add,
/// and only this library's flags guarantee that.
float fidelityProduct(float a, float b, MathFidelity f);

/// matmul_tiles: dst += A @ B; for each (i, j), acc = dst[i][j], then
/// acc += fidelityProduct(A[i][k], B[k][j], f) for k = 0..31 in float.
void matmulAcc(Tile &dst, const Tile &a, const Tile &b, MathFidelity f);

/// Element-wise binary operations.
enum class BinaryOp { Add, Sub, Mul, Max };

/// Which element of B meets A[i][j]: None B[i][j], Cols B[i][0] (B's first
/// column broadcast across the columns), Rows B[0][j], Scalar B[0][0].
enum class Bcast { None, Cols, Rows, Scalar };

/// dst[i][j] = A[i][j] op B' where B' is chosen by `bcast`. Add, Sub: float
/// sum/difference. Mul: fidelityProduct at `f`. Max: the larger value, NaN if
/// either is NaN. dst is overwritten, not accumulated.
void eltwiseBinary(Tile &dst, const Tile &a, const Tile &b, BinaryOp op,
                   Bcast bcast = Bcast::None,
                   MathFidelity f = MathFidelity::HiFi4);

enum class ReduceKind { Max, Sum };
enum class ReduceDim { Row, Col, Scalar };

/// reduce_tile with s = row 0 of `scaler` and op = max or +; partial results
/// are formed in index order in float, then combined with dst:
///   Row:    dst[i][0] = op(dst[i][0], op_j A[i][j] * s[j])     for each i
///   Col:    dst[0][j] = op(dst[0][j], op_i A[i][j] * s[i])     for each j
///   Scalar: dst[0][0] = op(dst[0][0], op_ij A[i][j] * s[j])    row-major
/// Every other element of dst is left unchanged. max propagates NaN.
void reduce(Tile &dst, const Tile &a, const Tile &scaler, ReduceKind kind,
            ReduceDim dim);

/// True if row 0 of `scaler` is uniform and finite and nonzero, and 1.0 for
/// Max (a Sum scaler may be any such value, e.g. 1/N for a mean). A zero row
/// is rejected because it is what an uninitialised scaler CB holds. On false,
/// `why` (if not null) receives the reason.
bool isValidScaler(const Tile &scaler, ReduceKind kind, std::string *why);

/// exp_tile modes: Accurate is std::exp on floats; Approximate is expApprox.
enum class ExpMode { Accurate, Approximate };

/// The approximate SFPU exp: with y = x * log2(e) in float, n = floor(y),
/// f = y - n, returns 2^n * (1 + f * (c1 + f * c2)), the quadratic that
/// matches 2^f at f = 0, 1/2 and 1 (c1 = 4 sqrt 2 - 5, c2 = 6 - 4 sqrt 2).
/// Relative error below 4e-3 against exp. Results below 2^-126 (x < about
/// -87.3) flush to +0; x >= about 88.7 gives +inf; exp(-inf) = 0,
/// exp(+inf) = +inf, NaN stays NaN.
float expApprox(float x);

/// exp_tile: t[i] = exp(t[i]) in the given mode.
void expTile(Tile &t, ExpMode mode);

/// recip_tile: t[i] = 1 / t[i] in float (1/0 = inf with 0's sign, 1/inf = 0).
void recipTile(Tile &t);

/// transpose_wh_tile: dst[i][j] = src[j][i].
void transposeWH(Tile &dst, const Tile &src);

/// Sets every element of t to `value`.
void fill(Tile &t, float value);

/// unary_bcast: dst[i][j] = src[i][0] (Cols), src[0][j] (Rows), src[0][0]
/// (Scalar) or src[i][j] (None), as in eltwiseBinary's Bcast.
void broadcastTile(Tile &dst, const Tile &src, Bcast bcast);

/// mul_unary_tile: t[i] = t[i] * factor in float (the SFPU multiplies in fp32
/// by the factor as a float).
void mulUnaryTile(Tile &t, float factor);

/// generate_reduce_scaler's page: `value` in the first row of each 16x16
/// face, i.e. tile rows 0 and 16 (tt-metal's layout), zeros elsewhere.
void reduceScalerTile(Tile &t, float value);

/// pack_tile into a CB of `format`: each element rounded by roundTo(format),
/// i.e. bf16 round-to-nearest ties away from zero, f32 unchanged.
void packRound(Tile &t, DataFormat format);

/// Rounds a tile held in a DST of element type `format` (after each math op
/// when DST is bf16). The model uses the packer's rounding here too.
void dstRound(Tile &t, DataFormat format);

} // namespace dstlab::sim

#endif // DSTLAB_SIM_NUMERICS_TILEMATH_H
