//===- SimOpsTest.cpp - Every ttkernel tile op against a reference --------===//
//
// Each test runs a 1x1 program: the reader streams tiles of @A (CB 0) and
// @B (CB 1) from DRAM, the compute kernel applies the op under test, the
// writer stores CB 16 into @O. Expectations are computed here in double
// precision (rounded to float or bf16 where the target rounds).
//
//===----------------------------------------------------------------------===//

#include "SimTestUtil.h"

#include "support/Bf16.h"

#include <cmath>
#include <functional>
#include <limits>

using namespace dstlab;
using namespace dstlab::sim;
using namespace dstlab::sim::test;

namespace {

/// A 1x1 program over f32 buffers and CBs with an f32 DST unless told.
struct OpRun {
  std::string attrs = "fp32_dest_acc";
  std::string inFormat = "f32";  ///< CBs 0 and 1 and buffers A, B
  std::string outFormat = "f32"; ///< CB 16
  int64_t aRows = 1, aCols = 1, bRows = 1, bCols = 1;
  bool useB = false;
  std::string readerExtra; ///< appended to the reader
  std::vector<std::string> extraCbs;
  std::string math; ///< between acquire and commit; result in dst[0]
  /// The hazard the run must report (empty: none).
  std::string hazard;
};

class SimOpsTest : public SimTest {
protected:
  std::vector<double> runOp(const OpRun &r, const std::vector<double> &a,
                            const std::vector<double> &b = {},
                            SimResult *out = nullptr) {
    int nA = static_cast<int>(r.aRows * r.aCols);
    int nB = static_cast<int>(r.bRows * r.bCols);
    std::vector<Buf> bufs = {{"A", r.aRows, r.aCols, r.inFormat}};
    if (r.useB)
      bufs.push_back({"B", r.bRows, r.bCols, r.inFormat});
    bufs.push_back({"O", 1, 1, "f32"});
    Prog p;
    p.attrs = r.attrs;
    p.cbs = {"0 pages " + std::to_string(nA) + " : " + r.inFormat,
             "16 pages 1 : " + r.outFormat};
    if (r.useB)
      p.cbs.push_back("1 pages " + std::to_string(nB) + " : " + r.inFormat);
    for (const std::string &cb : r.extraCbs)
      p.cbs.push_back(cb);
    p.reader = readTiles("A", 0, nA);
    if (r.useB)
      p.reader += readTiles("B", 1, nB);
    p.reader += r.readerExtra;
    std::string compute;
    compute += "      ttkernel.cb_wait_front 0, %c" + std::to_string(nA) + "\n";
    if (r.useB)
      compute +=
          "      ttkernel.cb_wait_front 1, %c" + std::to_string(nB) + "\n";
    p.compute = compute + computeOne({}, 0, r.math);
    p.writer = writeTiles(16, "O", 1);
    std::map<std::string, std::vector<double>> dram;
    dram["A"] = a;
    if (r.useB)
      dram["B"] = b;
    SimResult res = run(moduleText(bufs, {p}), dram);
    if (r.hazard.empty()) {
      EXPECT_EQ(res.status, SimStatus::Ok) << describe(res);
    } else {
      EXPECT_EQ(res.status, SimStatus::Hazard) << describe(res);
      EXPECT_NE(find(res, r.hazard), nullptr) << describe(res);
    }
    if (out)
      *out = res;
    return dram["O"];
  }
};

/// Applies f to each element of one 32x32 tile (in float).
std::vector<double> mapTile(const std::vector<double> &a,
                            const std::function<double(double)> &f) {
  std::vector<double> r(a.size());
  for (size_t i = 0; i < a.size(); ++i)
    r[i] = f(a[i]);
  return r;
}

double f32(double x) { return static_cast<float>(x); }

TEST_F(SimOpsTest, CopyPackIsIdentityInF32) {
  OpRun r;
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 1), false);
  EXPECT_EQ(runOp(r, a), a);
}

TEST_F(SimOpsTest, PackToBf16RoundsToNearestTiesAway) {
  OpRun r;
  r.outFormat = "bf16";
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 2), false);
  // Exact ties between two bf16 values: 1 + 2^-8 lies halfway between 1 and
  // 1 + 2^-7; the packer rounds away from zero.
  a[0] = 1.0 + std::ldexp(1.0, -8);
  a[1] = -(1.0 + std::ldexp(1.0, -8));
  a[2] = 1.0 + std::ldexp(1.0, -8) - std::ldexp(1.0, -20); // below the tie
  a[3] = std::ldexp(1.0, -130);                            // a denormal
  std::vector<double> o = runOp(r, a);
  EXPECT_EQ(o, rounded(a, true));
  EXPECT_EQ(o[0], 1.0 + std::ldexp(1.0, -7));
  EXPECT_EQ(o[1], -(1.0 + std::ldexp(1.0, -7)));
  EXPECT_EQ(o[2], 1.0);
  EXPECT_EQ(o[3], roundToBf16(static_cast<float>(std::ldexp(1.0, -130))));
}

TEST_F(SimOpsTest, Bf16DstRoundsOnWrite) {
  OpRun r;
  r.attrs = "";
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 3), false);
  EXPECT_EQ(runOp(r, a), rounded(a, true));
}

TEST_F(SimOpsTest, ExpAccurate) {
  OpRun r;
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
           "      ttkernel.exp_tile dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 4, -4.0, 2.0), false);
  a[0] = -100.0; // exp of a large negative underflows towards zero
  std::vector<double> o = runOp(r, a);
  std::vector<double> ref = mapTile(a, [](double x) { return std::exp(x); });
  EXPECT_LT(relErr(o, ref), 1e-6);
  EXPECT_LT(o[0], 1e-40);
  EXPECT_GE(o[0], 0.0);
}

TEST_F(SimOpsTest, ExpApproximate) {
  OpRun r;
  r.attrs = "fp32_dest_acc, exp_approx";
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
           "      ttkernel.exp_tile dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 5, -4.0, 2.0), false);
  a[0] = -100.0;
  std::vector<double> o = runOp(r, a);
  bool differs = false;
  for (size_t i = 1; i < a.size(); ++i) {
    double e = std::exp(a[i]);
    EXPECT_LT(std::abs(o[i] - e) / e, 4e-3) << "at " << i << " x=" << a[i];
    differs |= o[i] != f32(std::exp(static_cast<float>(a[i])));
  }
  EXPECT_TRUE(differs) << "approximate exp should not equal the accurate one";
  EXPECT_EQ(o[0], 0.0); // flushed below 2^-126
}

TEST_F(SimOpsTest, Recip) {
  OpRun r;
  r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
           "      ttkernel.recip_tile dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 6, 0.25, 4.0), false);
  a[1] = -a[1];
  std::vector<double> o = runOp(r, a);
  EXPECT_EQ(o, mapTile(a, [](double x) { return f32(1.0 / x); }));
}

/// Double-precision C = A @ B (+ optional B transposed) of 32x32 blocks held
/// as row-major buffers `ka` tiles wide (A) and one tile wide (B).
std::vector<double> matmulRef(const std::vector<double> &a,
                              const std::vector<double> &b, int k,
                              bool transposeB = false) {
  std::vector<double> c(1024, 0.0);
  int kk = 32 * k;
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 32; ++j) {
      double acc = 0;
      for (int t = 0; t < kk; ++t) {
        double bv = transposeB ? b[static_cast<size_t>(j * 32 + t)]
                               : b[static_cast<size_t>(t * 32 + j)];
        acc += a[static_cast<size_t>(i * kk + t)] * bv;
      }
      c[static_cast<size_t>(i * 32 + j)] = acc;
    }
  return c;
}

TEST_F(SimOpsTest, MatmulAccumulatesOverK) {
  OpRun r;
  r.attrs = "fp32_dest_acc, fidelity = #ttkernel.fidelity<HiFi4>";
  r.inFormat = "bf16";
  r.useB = true;
  r.aCols = 2;
  r.bRows = 2;
  r.math = "      ttkernel.matmul_tiles 0[%c0], 1[%c0] -> dst[%c0]\n"
           "      ttkernel.matmul_tiles 0[%c1], 1[%c1] -> dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 2, 7), true);
  std::vector<double> b = rounded(randomData(2, 1, 8), true);
  // The DRAM buffer is tile-ordered row-major: reading tile (0, k) of A is
  // columns 32k..32k+31, tile (k, 0) of B rows 32k..32k+31, as in matmulRef.
  SimResult res;
  std::vector<double> o = runOp(r, a, b, &res);
  EXPECT_LT(relErr(o, matmulRef(a, b, 2)), 1e-5);
  EXPECT_EQ(res.matmulTiles, 2u);
  EXPECT_DOUBLE_EQ(res.flops, 2 * 65536.0);
}

TEST_F(SimOpsTest, MatmulTransposeB) {
  OpRun r;
  r.useB = true;
  r.math =
      "      ttkernel.matmul_tiles 0[%c0], 1[%c0] -> dst[%c0] {transpose_b}\n";
  std::vector<double> a = rounded(randomData(1, 1, 9), true);
  std::vector<double> b = rounded(randomData(1, 1, 10), true);
  EXPECT_LT(relErr(runOp(r, a, b), matmulRef(a, b, 1, true)), 1e-5);
}

TEST_F(SimOpsTest, MatmulLoFiLosesPrecision) {
  std::vector<double> a = rounded(randomData(1, 1, 11), true);
  std::vector<double> b = rounded(randomData(1, 1, 12), true);
  std::vector<double> ref = matmulRef(a, b, 1);
  auto errAt = [&](const char *fid) {
    OpRun r;
    r.useB = true;
    r.attrs = std::string("fp32_dest_acc, fidelity = #ttkernel.fidelity<") +
              fid + ">";
    r.math = "      ttkernel.matmul_tiles 0[%c0], 1[%c0] -> dst[%c0]\n";
    return relErr(runOp(r, a, b), ref);
  };
  double lofi = errAt("LoFi"), hifi2 = errAt("HiFi2"), hifi4 = errAt("HiFi4");
  EXPECT_LT(hifi4, 1e-5);
  EXPECT_GT(lofi, hifi2);
  EXPECT_GT(hifi2, hifi4);
  EXPECT_LT(lofi, 0.1);
}

struct EltwiseCase {
  const char *op;
  const char *bcast;
  std::function<double(double, double)> f;
};

TEST_F(SimOpsTest, FpuEltwiseWithBroadcasts) {
  std::vector<double> a = rounded(randomData(1, 1, 13), false);
  std::vector<double> b = rounded(randomData(1, 1, 14), false);
  auto add = [](double x, double y) { return x + y; };
  auto sub = [](double x, double y) { return x - y; };
  auto mul = [](double x, double y) { return x * y; };
  for (const char *op : {"add_tiles", "sub_tiles", "mul_tiles"}) {
    std::function<double(double, double)> f =
        std::string(op) == "add_tiles"
            ? std::function<double(double, double)>(add)
        : std::string(op) == "sub_tiles"
            ? std::function<double(double, double)>(sub)
            : std::function<double(double, double)>(mul);
    for (const char *bcast : {"none", "cols", "rows", "scalar"}) {
      OpRun r;
      r.useB = true;
      r.math = std::string("      ttkernel.") + op +
               " 0[%c0], 1[%c0] -> dst[%c0] {bcast = #ttkernel.bcast<" + bcast +
               ">}\n";
      std::vector<double> o = runOp(r, a, b);
      std::string bc = bcast;
      for (int i = 0; i < 32; ++i)
        for (int j = 0; j < 32; ++j) {
          int bi = bc == "none" || bc == "cols" ? i : 0;
          int bj = bc == "none" || bc == "rows" ? j : 0;
          double expect = f32(f(a[static_cast<size_t>(i * 32 + j)],
                                b[static_cast<size_t>(bi * 32 + bj)]));
          ASSERT_EQ(o[static_cast<size_t>(i * 32 + j)], expect)
              << op << " bcast " << bcast << " at (" << i << "," << j << ")";
        }
    }
  }
}

TEST_F(SimOpsTest, SfpuBinaryOpsAndMax) {
  std::vector<double> a = rounded(randomData(1, 1, 15), false);
  std::vector<double> b = rounded(randomData(1, 1, 16), false);
  a[0] = -std::numeric_limits<double>::infinity(); // -inf loses a max
  struct Case {
    const char *op;
    std::function<double(double, double)> f;
  } cases[] = {
      {"add_binary_tile", [](double x, double y) { return x + y; }},
      {"sub_binary_tile", [](double x, double y) { return x - y; }},
      {"mul_binary_tile", [](double x, double y) { return x * y; }},
      {"max_tile", [](double x, double y) { return std::max(x, y); }},
  };
  for (const Case &c : cases) {
    OpRun r;
    r.useB = true;
    r.math = std::string("      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
                         "      ttkernel.copy_tile 1[%c0] -> dst[%c1]\n"
                         "      ttkernel.") +
             c.op + " dst[%c0], dst[%c1]\n";
    std::vector<double> o = runOp(r, a, b);
    for (size_t i = 0; i < 1024; ++i)
      ASSERT_EQ(o[i], f32(c.f(a[i], b[i]))) << c.op << " at " << i;
  }
}

TEST_F(SimOpsTest, TransposeWH) {
  OpRun r;
  r.math = "      ttkernel.transpose_wh_tile 0[%c0] -> dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 17), false);
  std::vector<double> o = runOp(r, a);
  for (int i = 0; i < 32; ++i)
    for (int j = 0; j < 32; ++j)
      ASSERT_EQ(o[static_cast<size_t>(i * 32 + j)],
                a[static_cast<size_t>(j * 32 + i)]);
}

TEST_F(SimOpsTest, FillMulUnaryCopyDestAndUnaryBcast) {
  std::vector<double> a = rounded(randomData(1, 1, 18), false);
  {
    OpRun r;
    r.math = "      ttkernel.fill_tile dst[%c0], 2.5\n";
    EXPECT_EQ(runOp(r, a), std::vector<double>(1024, 2.5));
  }
  {
    OpRun r;
    r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c0]\n"
             "      ttkernel.mul_unary_tile dst[%c0], 0.125\n";
    EXPECT_EQ(runOp(r, a), mapTile(a, [](double x) { return f32(x * 0.125); }));
  }
  {
    OpRun r;
    r.math = "      ttkernel.copy_tile 0[%c0] -> dst[%c3]\n"
             "      ttkernel.copy_dest_values dst[%c3] -> dst[%c0]\n";
    EXPECT_EQ(runOp(r, a), a);
  }
  for (const char *bcast : {"cols", "rows", "scalar"}) {
    OpRun r;
    r.math = std::string("      ttkernel.unary_bcast <") + bcast +
             "> 0[%c0] -> dst[%c0]\n";
    std::vector<double> o = runOp(r, a);
    std::string bc = bcast;
    for (int i = 0; i < 32; ++i)
      for (int j = 0; j < 32; ++j) {
        int si = bc == "cols" ? i : 0, sj = bc == "rows" ? j : 0;
        ASSERT_EQ(o[static_cast<size_t>(i * 32 + j)],
                  a[static_cast<size_t>(si * 32 + sj)])
            << bcast;
      }
  }
}

/// Reduce with a scaler tile made by generate_reduce_scaler (CB 2).
std::vector<double> reduceRef(const std::vector<double> &a, bool max,
                              const std::string &dim, double scale,
                              double init) {
  std::vector<double> r(1024, 0.0);
  auto comb = [&](double x, double y) { return max ? std::max(x, y) : x + y; };
  if (dim == "row") {
    for (int i = 0; i < 32; ++i) {
      double acc = init;
      for (int j = 0; j < 32; ++j)
        acc = comb(acc, a[static_cast<size_t>(i * 32 + j)] * scale);
      r[static_cast<size_t>(i * 32)] = acc;
    }
  } else if (dim == "col") {
    for (int j = 0; j < 32; ++j) {
      double acc = init;
      for (int i = 0; i < 32; ++i)
        acc = comb(acc, a[static_cast<size_t>(i * 32 + j)] * scale);
      r[static_cast<size_t>(j)] = acc;
    }
  } else {
    double acc = init;
    for (double x : a)
      acc = comb(acc, x * scale);
    r[0] = acc;
  }
  return r;
}

TEST_F(SimOpsTest, ReduceRowColScalarSumMaxMean) {
  std::vector<double> a = rounded(randomData(1, 1, 19, -3.0, -1.0), false);
  double inf = std::numeric_limits<double>::infinity();
  for (const char *kind : {"sum", "max"})
    for (const char *dim : {"row", "col", "scalar"})
      for (double scale : {1.0, 0.03125}) {
        bool max = std::string(kind) == "max";
        if (max && scale != 1.0)
          continue; // a max scaler must be 1.0 (see the hazard test)
        OpRun r;
        r.extraCbs = {"2 pages 1 : bf16"};
        r.readerExtra = "      ttkernel.generate_reduce_scaler 2, " +
                        std::to_string(scale) + "\n";
        std::string init;
        if (max) // max needs -inf in the accumulator (all data < 0)
          init = "      ttkernel.fill_tile dst[%c0], 0xFFF0000000000000\n";
        r.math = "      ttkernel.cb_wait_front 2, %c1\n" + init +
                 "      ttkernel.reduce_init <" + kind + "> <" + dim +
                 "> 0, 2\n"
                 "      ttkernel.reduce_tile <" +
                 kind + "> <" + dim + "> 0[%c0], 2[%c0] -> dst[%c0]\n";
        std::vector<double> o = runOp(r, a);
        std::vector<double> ref = reduceRef(a, max, dim, scale, 0.0);
        if (max) {
          // Elements the reduction does not write keep the -inf fill.
          ref = reduceRef(a, true, dim, 1.0, -inf);
          for (size_t i = 0; i < 1024; ++i) {
            bool written = std::string(dim) == "row"   ? i % 32 == 0
                           : std::string(dim) == "col" ? i < 32
                                                       : i == 0;
            if (!written)
              ref[i] = -inf;
          }
          EXPECT_EQ(o, ref) << kind << " " << dim;
        } else {
          double err = 0;
          for (size_t i = 0; i < 1024; ++i)
            err = std::max(err, std::abs(o[i] - ref[i]));
          EXPECT_LT(err, 1e-4 * (std::string(dim) == "scalar" ? 30 : 1))
              << kind << " " << dim << " scale " << scale;
        }
      }
}

TEST_F(SimOpsTest, MaxReduceIntoZeroedDstClampsAtZero) {
  // Without the -inf initialisation, max(0, negative row) is 0: the
  // accumulator semantics the upstream lowering gets wrong. The simulator
  // computes it and reports the uninitialised accumulator.
  OpRun r;
  r.hazard = hazard::DstReadUninitialised;
  r.extraCbs = {"2 pages 1 : bf16"};
  r.readerExtra = "      ttkernel.generate_reduce_scaler 2, 1.0\n";
  r.math = "      ttkernel.cb_wait_front 2, %c1\n"
           "      ttkernel.reduce_tile <max> <row> 0[%c0], 2[%c0] -> "
           "dst[%c0]\n";
  std::vector<double> a = rounded(randomData(1, 1, 20, -3.0, -1.0), false);
  std::vector<double> o = runOp(r, a);
  EXPECT_EQ(o, std::vector<double>(1024, 0.0));
}

} // namespace
