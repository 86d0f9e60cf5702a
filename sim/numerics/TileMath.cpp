//===- TileMath.cpp - Numerics of the simulated Tensix tile ops -----------===//

#include "sim/numerics/TileMath.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>

namespace dstlab::sim {

namespace {

// The tile loops below are written so that GCC and Clang vectorise them:
// every per-element choice (op, broadcast, fidelity, reduce kind) is made
// once per tile by instantiating a loop for it, and each element goes
// through the same float operations in the same order as the scalar
// definition in the header, so the results are bit-identical.

// NaN if either is NaN (the canonical quiet NaN), else the larger value.
// Written with selects, not branches, so it vectorises.
inline float maxOf(float x, float y) {
  bool nan = x != x || y != y;
  float m = y > x ? y : x;
  return nan ? std::numeric_limits<float>::quiet_NaN() : m;
}

struct AddOp {
  float operator()(float x, float y) const { return x + y; }
};
struct SubOp {
  float operator()(float x, float y) const { return x - y; }
};
struct MaxOp {
  float operator()(float x, float y) const { return maxOf(x, y); }
};
// fidelityProduct at a fixed fidelity.
struct MulLoFi {
  float operator()(float x, float y) const {
    return fidelityHigh(x, kPortBitsA) * fidelityHigh(y, kPortBitsB);
  }
};
struct MulHiFi2 {
  float operator()(float x, float y) const {
    return x * fidelityHigh(y, kPortBitsB);
  }
};
struct MulHiFi3 {
  float operator()(float x, float y) const {
    return fidelityProduct(x, y, MathFidelity::HiFi3);
  }
};
struct MulHiFi4 {
  float operator()(float x, float y) const { return x * y; }
};

/// out[i][j] = op(A[i][j], B') for the broadcast `bcast`. `out` must not
/// alias `a` or `b`.
template <typename Op>
void eltwiseLoop(float *out, const Tile &a, const Tile &b, Bcast bcast, Op op) {
  switch (bcast) {
  case Bcast::None:
    for (int e = 0; e < kTileElems; ++e)
      out[e] = op(a.v[e], b.v[e]);
    return;
  case Bcast::Cols:
    for (int i = 0; i < kTileDim; ++i) {
      float bi = b.at(i, 0);
      for (int j = 0; j < kTileDim; ++j)
        out[i * kTileDim + j] = op(a.at(i, j), bi);
    }
    return;
  case Bcast::Rows:
    for (int i = 0; i < kTileDim; ++i)
      for (int j = 0; j < kTileDim; ++j)
        out[i * kTileDim + j] = op(a.at(i, j), b.at(0, j));
    return;
  case Bcast::Scalar: {
    float b00 = b.at(0, 0);
    for (int e = 0; e < kTileElems; ++e)
      out[e] = op(a.v[e], b00);
    return;
  }
  }
}

void eltwiseInto(float *out, const Tile &a, const Tile &b, BinaryOp op,
                 Bcast bcast, MathFidelity f) {
  switch (op) {
  case BinaryOp::Add:
    return eltwiseLoop(out, a, b, bcast, AddOp());
  case BinaryOp::Sub:
    return eltwiseLoop(out, a, b, bcast, SubOp());
  case BinaryOp::Max:
    return eltwiseLoop(out, a, b, bcast, MaxOp());
  case BinaryOp::Mul:
    switch (f) {
    case MathFidelity::LoFi:
      return eltwiseLoop(out, a, b, bcast, MulLoFi());
    case MathFidelity::HiFi2:
      return eltwiseLoop(out, a, b, bcast, MulHiFi2());
    case MathFidelity::HiFi3:
      return eltwiseLoop(out, a, b, bcast, MulHiFi3());
    case MathFidelity::HiFi4:
      return eltwiseLoop(out, a, b, bcast, MulHiFi4());
    }
  }
}

/// Row and column reduction of `a` (already transposed for Row, so both
/// walk contiguous rows): partial[j] = op_i a[i][j] * s[i] in index order,
/// then out[j] = op(out[j], partial[j]).
template <typename Combine>
void reduceColumns(float *out, int stride, const Tile &a, const Tile &scaler,
                   Combine combine) {
  float partial[kTileDim];
  float s0 = scaler.at(0, 0);
  for (int j = 0; j < kTileDim; ++j)
    partial[j] = a.at(0, j) * s0;
  for (int i = 1; i < kTileDim; ++i) {
    float si = scaler.at(0, i);
    for (int j = 0; j < kTileDim; ++j)
      partial[j] = combine(partial[j], a.at(i, j) * si);
  }
  for (int j = 0; j < kTileDim; ++j)
    out[j * stride] = combine(out[j * stride], partial[j]);
}

template <typename Combine>
float reduceScalar(const Tile &a, const Tile &scaler, float acc,
                   Combine combine) {
  float partial = a.at(0, 0) * scaler.at(0, 0);
  for (int i = 0; i < kTileDim; ++i)
    for (int j = i == 0 ? 1 : 0; j < kTileDim; ++j)
      partial = combine(partial, a.at(i, j) * scaler.at(0, j));
  return combine(acc, partial);
}

template <typename Combine>
void reduceWith(Tile &dst, const Tile &a, const Tile &scaler, ReduceDim dim,
                Combine combine) {
  switch (dim) {
  case ReduceDim::Row: {
    // Row i's chain over j is column i's chain over rows of A^T.
    Tile at;
    transposeWH(at, a);
    reduceColumns(&dst.v[0], kTileDim, at, scaler, combine);
    return;
  }
  case ReduceDim::Col:
    reduceColumns(&dst.v[0], 1, a, scaler, combine);
    return;
  case ReduceDim::Scalar:
    dst.at(0, 0) = reduceScalar(a, scaler, dst.at(0, 0), combine);
    return;
  }
}

} // namespace

Tile Tile::filled(float value) {
  Tile t;
  t.v.fill(value);
  return t;
}

const char *mathFidelityName(MathFidelity f) {
  switch (f) {
  case MathFidelity::LoFi:
    return "LoFi";
  case MathFidelity::HiFi2:
    return "HiFi2";
  case MathFidelity::HiFi3:
    return "HiFi3";
  case MathFidelity::HiFi4:
    return "HiFi4";
  }
  return "?";
}

std::optional<MathFidelity> parseMathFidelity(std::string_view name) {
  for (MathFidelity f : {MathFidelity::LoFi, MathFidelity::HiFi2,
                         MathFidelity::HiFi3, MathFidelity::HiFi4})
    if (name == mathFidelityName(f))
      return f;
  return std::nullopt;
}

float fidelityProduct(float a, float b, MathFidelity f) {
  switch (f) {
  case MathFidelity::LoFi:
    return fidelityHigh(a, kPortBitsA) * fidelityHigh(b, kPortBitsB);
  case MathFidelity::HiFi2:
    return a * fidelityHigh(b, kPortBitsB);
  case MathFidelity::HiFi3: {
    // Selects, not branches: the element loops that call this vectorise.
    float loA = std::isfinite(a) ? a - fidelityHigh(a, kPortBitsA) : 0.0f;
    float loB = std::isfinite(b) ? b - fidelityHigh(b, kPortBitsB) : 0.0f;
    return a * b - loA * loB;
  }
  case MathFidelity::HiFi4:
    return a * b;
  }
  return a * b;
}

void matmulAcc(Tile &dst, const Tile &a, const Tile &b, MathFidelity f) {
  Tile result;
  for (int i = 0; i < kTileDim; ++i) {
    for (int j = 0; j < kTileDim; ++j) {
      float acc = dst.at(i, j);
      for (int k = 0; k < kTileDim; ++k)
        acc += fidelityProduct(a.at(i, k), b.at(k, j), f);
      result.at(i, j) = acc;
    }
  }
  dst = result;
}

void eltwiseBinary(Tile &dst, const Tile &a, const Tile &b, BinaryOp op,
                   Bcast bcast, MathFidelity f) {
  // A broadcast reads B's row or column 0 after dst's first row is written,
  // so an aliased dst goes through a copy.
  if (&dst == &a || &dst == &b) {
    Tile result;
    eltwiseInto(result.v.data(), a, b, op, bcast, f);
    dst = result;
    return;
  }
  eltwiseInto(dst.v.data(), a, b, op, bcast, f);
}

void reduce(Tile &dst, const Tile &a, const Tile &scaler, ReduceKind kind,
            ReduceDim dim) {
  // Every loop reads all of A and the scaler into partials before it writes
  // dst, so dst may alias either.
  if (kind == ReduceKind::Max)
    reduceWith(dst, a, scaler, dim, MaxOp());
  else
    reduceWith(dst, a, scaler, dim, AddOp());
}

bool isValidScaler(const Tile &scaler, ReduceKind kind, std::string *why) {
  auto reject = [&](const std::string &reason) {
    if (why)
      *why = reason;
    return false;
  };
  float s0 = scaler.at(0, 0);
  for (int j = 1; j < kTileDim; ++j) {
    if (!(scaler.at(0, j) == s0)) {
      std::ostringstream os;
      os << "scaler row 0 is not uniform: s[0] = " << s0 << ", s[" << j
         << "] = " << scaler.at(0, j);
      return reject(os.str());
    }
  }
  if (!std::isfinite(s0)) {
    std::ostringstream os;
    os << "scaler row 0 is not finite (" << s0 << ")";
    return reject(os.str());
  }
  if (kind == ReduceKind::Max && s0 != 1.0f) {
    std::ostringstream os;
    os << "a max-reduce scaler must be 1.0, row 0 holds " << s0;
    return reject(os.str());
  }
  if (s0 == 0.0f)
    return reject("scaler row 0 is all zero (uninitialised scaler?)");
  return true;
}

float expApprox(float x) {
  if (std::isnan(x))
    return x;
  if (x == std::numeric_limits<float>::infinity())
    return x;
  if (x == -std::numeric_limits<float>::infinity())
    return 0.0f;
  constexpr float kLog2e = 1.44269504088896341f;
  constexpr float kC1 = 0.656854249492380f; // 4 sqrt(2) - 5
  constexpr float kC2 = 0.343145750507620f; // 6 - 4 sqrt(2)
  float y = x * kLog2e;
  if (y >= 128.0f)
    return std::numeric_limits<float>::infinity();
  if (y < -126.0f)
    return 0.0f;
  float n = std::floor(y);
  float f = y - n;
  float p = 1.0f + f * (kC1 + f * kC2);
  return std::ldexp(p, static_cast<int>(n));
}

void expTile(Tile &t, ExpMode mode) {
  if (mode == ExpMode::Accurate) {
    for (float &x : t.v)
      x = std::exp(x);
    return;
  }
  for (float &x : t.v)
    x = expApprox(x);
}

void recipTile(Tile &t) {
  for (float &x : t.v)
    x = 1.0f / x;
}

void transposeWH(Tile &dst, const Tile &src) {
  if (&dst == &src) {
    Tile result;
    transposeWH(result, src);
    dst = result;
    return;
  }
  for (int i = 0; i < kTileDim; ++i)
    for (int j = 0; j < kTileDim; ++j)
      dst.at(i, j) = src.at(j, i);
}

void fill(Tile &t, float value) { t.v.fill(value); }

void broadcastTile(Tile &dst, const Tile &src, Bcast bcast) {
  Tile r;
  for (int i = 0; i < kTileDim; ++i)
    for (int j = 0; j < kTileDim; ++j) {
      switch (bcast) {
      case Bcast::None:
        r.at(i, j) = src.at(i, j);
        break;
      case Bcast::Cols:
        r.at(i, j) = src.at(i, 0);
        break;
      case Bcast::Rows:
        r.at(i, j) = src.at(0, j);
        break;
      case Bcast::Scalar:
        r.at(i, j) = src.at(0, 0);
        break;
      }
    }
  dst = r;
}

void mulUnaryTile(Tile &t, float factor) {
  for (float &x : t.v)
    x = x * factor;
}

void reduceScalerTile(Tile &t, float value) {
  t = Tile();
  for (int j = 0; j < kTileDim; ++j) {
    t.at(0, j) = value;
    t.at(kTileDim / 2, j) = value;
  }
}

void packRound(Tile &t, DataFormat format) {
  // f32 is the identity: skip the per-element call.
  if (format == DataFormat::F32)
    return;
  for (float &x : t.v)
    x = roundToBf16(x);
}

void dstRound(Tile &t, DataFormat format) { packRound(t, format); }

} // namespace dstlab::sim
