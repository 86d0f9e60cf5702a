//===- TileMath.cpp - Numerics of the simulated Tensix tile ops -----------===//

#include "sim/numerics/TileMath.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <sstream>

namespace dstlab::sim {

namespace {

constexpr int kPortBitsA = 5; // hidden bit + 4 explicit mantissa bits
constexpr int kPortBitsB = 7; // hidden bit + 6 explicit mantissa bits

float maxOf(float x, float y) {
  if (std::isnan(x) || std::isnan(y))
    return std::numeric_limits<float>::quiet_NaN();
  return y > x ? y : x;
}

float binary(BinaryOp op, float x, float y, MathFidelity f) {
  switch (op) {
  case BinaryOp::Add:
    return x + y;
  case BinaryOp::Sub:
    return x - y;
  case BinaryOp::Mul:
    return fidelityProduct(x, y, f);
  case BinaryOp::Max:
    return maxOf(x, y);
  }
  return x;
}

float bcastElement(const Tile &b, Bcast bcast, int i, int j) {
  switch (bcast) {
  case Bcast::None:
    return b.at(i, j);
  case Bcast::Cols:
    return b.at(i, 0);
  case Bcast::Rows:
    return b.at(0, j);
  case Bcast::Scalar:
    return b.at(0, 0);
  }
  return b.at(i, j);
}

float combine(ReduceKind kind, float x, float y) {
  return kind == ReduceKind::Max ? maxOf(x, y) : x + y;
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

float fidelityHigh(float x, int bits) {
  if (!std::isfinite(x) || bits >= 24)
    return x;
  if (bits < 1)
    bits = 1;
  uint32_t u;
  std::memcpy(&u, &x, sizeof(u));
  // Keep the sign, the exponent and the top (bits - 1) explicit mantissa bits.
  uint32_t dropped = (1u << (24 - bits)) - 1;
  u &= ~dropped;
  float hi;
  std::memcpy(&hi, &u, sizeof(hi));
  return hi;
}

float fidelityProduct(float a, float b, MathFidelity f) {
  switch (f) {
  case MathFidelity::LoFi:
    return fidelityHigh(a, kPortBitsA) * fidelityHigh(b, kPortBitsB);
  case MathFidelity::HiFi2:
    return a * fidelityHigh(b, kPortBitsB);
  case MathFidelity::HiFi3: {
    float loA = a - fidelityHigh(a, kPortBitsA);
    float loB = b - fidelityHigh(b, kPortBitsB);
    if (!std::isfinite(a))
      loA = 0;
    if (!std::isfinite(b))
      loB = 0;
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
  Tile result;
  for (int i = 0; i < kTileDim; ++i)
    for (int j = 0; j < kTileDim; ++j)
      result.at(i, j) = binary(op, a.at(i, j), bcastElement(b, bcast, i, j), f);
  dst = result;
}

void reduce(Tile &dst, const Tile &a, const Tile &scaler, ReduceKind kind,
            ReduceDim dim) {
  Tile result = dst;
  switch (dim) {
  case ReduceDim::Row:
    for (int i = 0; i < kTileDim; ++i) {
      float partial = a.at(i, 0) * scaler.at(0, 0);
      for (int j = 1; j < kTileDim; ++j)
        partial = combine(kind, partial, a.at(i, j) * scaler.at(0, j));
      result.at(i, 0) = combine(kind, dst.at(i, 0), partial);
    }
    break;
  case ReduceDim::Col:
    for (int j = 0; j < kTileDim; ++j) {
      float partial = a.at(0, j) * scaler.at(0, 0);
      for (int i = 1; i < kTileDim; ++i)
        partial = combine(kind, partial, a.at(i, j) * scaler.at(0, i));
      result.at(0, j) = combine(kind, dst.at(0, j), partial);
    }
    break;
  case ReduceDim::Scalar: {
    float partial = a.at(0, 0) * scaler.at(0, 0);
    for (int i = 0; i < kTileDim; ++i)
      for (int j = i == 0 ? 1 : 0; j < kTileDim; ++j)
        partial = combine(kind, partial, a.at(i, j) * scaler.at(0, j));
    result.at(0, 0) = combine(kind, dst.at(0, 0), partial);
    break;
  }
  }
  dst = result;
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
  for (float &x : t.v)
    x = mode == ExpMode::Accurate ? std::exp(x) : expApprox(x);
}

void recipTile(Tile &t) {
  for (float &x : t.v)
    x = 1.0f / x;
}

void transposeWH(Tile &dst, const Tile &src) {
  Tile result;
  for (int i = 0; i < kTileDim; ++i)
    for (int j = 0; j < kTileDim; ++j)
      result.at(i, j) = src.at(j, i);
  dst = result;
}

void fill(Tile &t, float value) { t.v.fill(value); }

void packRound(Tile &t, DataFormat format) {
  // f32 is the identity: skip the per-element call.
  if (format == DataFormat::F32)
    return;
  for (float &x : t.v)
    x = roundToBf16(x);
}

void dstRound(Tile &t, DataFormat format) { packRound(t, format); }

} // namespace dstlab::sim
