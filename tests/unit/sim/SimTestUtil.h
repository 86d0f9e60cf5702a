//===- SimTestUtil.h - Helpers for the simulator's unit tests ---*- C++ -*-===//
//
// Builds small ttkernel modules from text fragments, runs them through
// dstlab::sim::simulate and gives tile-level access to the results.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_TESTS_UNIT_SIM_SIMTESTUTIL_H
#define DSTLAB_TESTS_UNIT_SIM_SIMTESTUTIL_H

#include "compiler/Registration.h"
#include "sim/Simulator.h"
#include "support/Bf16.h"
#include "support/Rng.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace dstlab::sim::test {

/// A DRAM buffer declaration.
struct Buf {
  std::string name;
  int64_t rows = 1, cols = 1;
  std::string format = "bf16";
};

/// One ttkernel.program. Kernel bodies are inserted after a prelude that
/// defines %c0 ... %c16 (index constants); an empty body omits the kernel.
struct Prog {
  std::string name = "p";
  int64_t rows = 1, cols = 1;
  /// Contents of `attributes {...}`, e.g. "fp32_dest_acc".
  std::string attrs;
  /// cb_config lines without the op name, e.g. "0 pages 2 : bf16".
  std::vector<std::string> cbs;
  std::string reader, compute, writer;
};

inline std::string prelude() {
  std::string s;
  for (int i = 0; i <= 16; ++i)
    s += "      %c" + std::to_string(i) + " = arith.constant " +
         std::to_string(i) + " : index\n";
  return s;
}

inline std::string moduleText(const std::vector<Buf> &bufs,
                              const std::vector<Prog> &progs) {
  std::string s = "module {\n";
  for (const Buf &b : bufs)
    s += "  ttkernel.dram_buffer @" + b.name + " tiles [" +
         std::to_string(b.rows) + ", " + std::to_string(b.cols) +
         "] : " + b.format + "\n";
  for (const Prog &p : progs) {
    s += "  ttkernel.program @" + p.name + " grid [" + std::to_string(p.rows) +
         ", " + std::to_string(p.cols) + "]";
    if (!p.attrs.empty())
      s += " attributes {" + p.attrs + "}";
    s += " {\n";
    for (const std::string &cb : p.cbs)
      s += "    ttkernel.cb_config " + cb + "\n";
    auto kernel = [&](const char *name, const std::string &body) {
      if (body.empty())
        return;
      s += std::string("    func.func @") + name +
           "() attributes {ttkernel.thread = #ttkernel.thread<" + name +
           ">} {\n" + prelude() + body + "      return\n    }\n";
    };
    kernel("reader", p.reader);
    kernel("compute", p.compute);
    kernel("writer", p.writer);
    s += "  }\n";
  }
  s += "}\n";
  return s;
}

/// Reader body: tiles first..first+n-1 of `buf`, one page at a time, into
/// `cb` (tile id = first + i).
inline std::string readTiles(const std::string &buf, int cb, int n,
                             int first = 0) {
  std::string c = std::to_string(cb);
  return "      %rn" + c + " = arith.constant " + std::to_string(n) +
         " : index\n"
         "      %rf" +
         c + " = arith.constant " + std::to_string(first) +
         " : index\n"
         "      scf.for %i = %c0 to %rn" +
         c +
         " step %c1 {\n"
         "        %id = arith.addi %i, %rf" +
         c +
         " : index\n"
         "        ttkernel.cb_reserve_back " +
         c +
         ", %c1\n"
         "        ttkernel.noc_async_read_tile @" +
         buf + "[%id] -> " + c +
         "[%c0]\n"
         "        ttkernel.noc_async_read_barrier\n"
         "        ttkernel.cb_push_back " +
         c +
         ", %c1\n"
         "      }\n";
}

/// Writer body: n pages of `cb` to tiles 0..n-1 of `buf`.
inline std::string writeTiles(int cb, const std::string &buf, int n) {
  std::string c = std::to_string(cb);
  return "      %wn" + c + " = arith.constant " + std::to_string(n) +
         " : index\n"
         "      scf.for %i = %c0 to %wn" +
         c +
         " step %c1 {\n"
         "        ttkernel.cb_wait_front " +
         c +
         ", %c1\n"
         "        ttkernel.noc_async_write_tile " +
         c + "[%c0] -> @" + buf +
         "[%i]\n"
         "        ttkernel.noc_async_write_barrier\n"
         "        ttkernel.cb_pop_front " +
         c +
         ", %c1\n"
         "      }\n";
}

/// Compute body: wait for `nIn` pages on each CB of `ins`, run `math`
/// between acquire and commit, pack DST slice 0 to CB 16 and pop the inputs.
inline std::string computeOne(const std::vector<int> &ins, int nIn,
                              const std::string &math) {
  std::string s;
  for (int cb : ins)
    s += "      ttkernel.cb_wait_front " + std::to_string(cb) + ", %c" +
         std::to_string(nIn) + "\n";
  s += "      ttkernel.tile_regs_acquire\n" + math +
       "      ttkernel.tile_regs_commit\n"
       "      ttkernel.tile_regs_wait\n"
       "      ttkernel.cb_reserve_back 16, %c1\n"
       "      ttkernel.pack_tile dst[%c0] -> 16[%c0]\n"
       "      ttkernel.cb_push_back 16, %c1\n"
       "      ttkernel.tile_regs_release\n";
  for (int cb : ins)
    s += "      ttkernel.cb_pop_front " + std::to_string(cb) + ", %c" +
         std::to_string(nIn) + "\n";
  return s;
}

/// Random values in [lo, hi), (rows*32) x (cols*32) of them.
inline std::vector<double> randomData(int64_t rows, int64_t cols, uint64_t seed,
                                      double lo = -2.0, double hi = 2.0) {
  Rng rng(seed);
  std::vector<double> v(static_cast<size_t>(rows * cols * 1024));
  for (double &x : v)
    x = rng.uniform(lo, hi);
  return v;
}

/// Element (i, j) of tile (tr, tc) of a row-major buffer `cols` tiles wide.
inline double &at(std::vector<double> &data, int64_t cols, int64_t tr,
                  int64_t tc, int i, int j) {
  return data[static_cast<size_t>((tr * 32 + i) * cols * 32 + tc * 32 + j)];
}

/// Rounds each value to bf16 (ties away from zero) or float.
inline std::vector<double> rounded(const std::vector<double> &v, bool bf16) {
  std::vector<double> r(v.size());
  for (size_t i = 0; i < v.size(); ++i)
    r[i] =
        bf16 ? roundToBf16(static_cast<float>(v[i])) : static_cast<float>(v[i]);
  return r;
}

/// max |a - b| / max |b|.
inline double relErr(const std::vector<double> &a,
                     const std::vector<double> &b) {
  double num = 0, den = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    num = std::max(num, std::abs(a[i] - b[i]));
    den = std::max(den, std::abs(b[i]));
  }
  return den > 0 ? num / den : num;
}

class SimTest : public ::testing::Test {
protected:
  SimTest() {
    mlir::DialectRegistry registry;
    dstlab::registerAllDialects(registry);
    ctx.appendDialectRegistry(registry);
    ctx.loadAllAvailableDialects();
  }

  /// Parses `src`; `verify` false skips the verifier (for IR the verifier
  /// would reject but the simulator must survive).
  mlir::OwningOpRef<mlir::ModuleOp> parse(const std::string &src,
                                          bool verify = true) {
    mlir::ParserConfig config(&ctx, verify);
    auto m = mlir::parseSourceString<mlir::ModuleOp>(src, config, "test.mlir");
    EXPECT_TRUE(m) << src;
    return m;
  }

  SimResult run(const std::string &src,
                std::map<std::string, std::vector<double>> &dram,
                SimOptions opts = smallOptions(), bool verify = true) {
    auto m = parse(src, verify);
    if (!m) {
      SimResult r;
      r.status = SimStatus::Error;
      r.error = "parse failed";
      return r;
    }
    return simulate(*m, opts, dram);
  }

  static SimOptions smallOptions() {
    SimOptions o;
    o.grid = *GridSpec::parse("2x2");
    return o;
  }

  /// The first hazard of `kind`, or null.
  static const Hazard *find(const SimResult &r, const std::string &kind) {
    for (const Hazard &h : r.hazards)
      if (h.kind == kind)
        return &h;
    return nullptr;
  }

  static std::string describe(const SimResult &r) {
    std::string s =
        std::string("status ") + simStatusName(r.status) + " " + r.error + "\n";
    for (const Hazard &h : r.hazards)
      s += "  " + h.kind + " core(" + std::to_string(h.coreX) + "," +
           std::to_string(h.coreY) + ") " + h.thread + " " + h.op + " @" +
           h.location + ": " + h.detail + "\n";
    for (const Hazard &h : r.blocked)
      s += "  blocked " + h.thread + " " + h.op + ": " + h.detail + "\n";
    return s;
  }

  mlir::MLIRContext ctx;
};

} // namespace dstlab::sim::test

#endif // DSTLAB_TESTS_UNIT_SIM_SIMTESTUTIL_H
