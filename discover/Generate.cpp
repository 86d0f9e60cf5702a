//===- Generate.cpp - random valid tl programs ----------------------------===//

#include "discover/Generate.h"

#include "compiler/Dialect/TL/IR/TL.h"
#include "support/Rng.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

using namespace mlir;
using namespace llvm;

namespace dstlab::discover {

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// Values beyond this magnitude are treated as unbounded: exp and recip stay
/// away from them, and products with them are kept from growing further.
constexpr double kBoundLimit = 1e4;

struct Interval {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool bounded() const {
    return std::isfinite(lo) && std::isfinite(hi) &&
           std::max(std::fabs(lo), std::fabs(hi)) <= kBoundLimit;
  }
  double maxAbs() const { return std::max(std::fabs(lo), std::fabs(hi)); }
  static Interval unbounded() { return {}; }
  static Interval of(double a, double b) {
    Interval i{std::min(a, b), std::max(a, b)};
    return i.bounded() ? i : unbounded();
  }
};

Interval product(Interval a, Interval b) {
  if (!a.bounded() || !b.bounded())
    return Interval::unbounded();
  double p[] = {a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi};
  return Interval::of(*std::min_element(p, p + 4), *std::max_element(p, p + 4));
}

struct Val {
  std::string name;
  int64_t rows, cols;
  bool colvec = false;
  Interval range;
  bool fromOp = false; ///< an op result (not an argument)
  bool isFill = false;
  unsigned uses = 0;
};

class Generator {
public:
  Generator(uint64_t seed, const GenOptions &options)
      : rng(seed), options(options) {}

  GeneratedProgram run(StringRef name);

private:
  Rng rng;
  const GenOptions &options;
  std::string elt;
  std::vector<Val> pool;
  std::vector<std::string> *out = nullptr;
  std::string indent = "    ";
  unsigned nextId = 0, blockOps = 0;

  uint64_t below(uint64_t n) { return rng.next() % n; }
  bool chance(double p) { return rng.uniform01() < p; }
  int64_t dim() { return 32 * static_cast<int64_t>(1 + below(3)); }
  std::string type(int64_t r, int64_t c) const {
    return formatv("tensor<{0}x{1}x{2}>", r, c, elt).str();
  }
  std::string type(const Val &v) const { return type(v.rows, v.cols); }
  void emit(const Twine &line) { out->push_back(indent + line.str()); }

  /// Index of a pool value satisfying `pred`: often the newest (long
  /// chains, values used again at once), often one not used yet, otherwise
  /// any; -1 if none.
  int pick(const std::function<bool(const Val &)> &pred) {
    std::vector<int> ok;
    for (size_t i = 0; i < pool.size(); ++i)
      if (pred(pool[i]))
        ok.push_back(static_cast<int>(i));
    if (ok.empty())
      return -1;
    double x = rng.uniform01();
    if (x < 0.4)
      return ok.back();
    if (x < 0.7) {
      // An unused value: fewer dead ops, more of the DAG reaches an output.
      std::vector<int> unused;
      for (int i : ok)
        if (pool[i].uses == 0)
          unused.push_back(i);
      if (!unused.empty())
        return unused[below(unused.size())];
    }
    return ok[below(ok.size())];
  }
  /// A product with an unbounded operand only when the other stays within
  /// [-1, 1]: loop-carried values then grow at most polynomially.
  static bool productOk(const Val &a, const Val &b) {
    if (!a.range.bounded() && !(b.range.bounded() && b.range.maxAbs() <= 1))
      return false;
    if (!b.range.bounded() && !(a.range.bounded() && a.range.maxAbs() <= 1))
      return false;
    return true;
  }

  Val &add(int64_t rows, int64_t cols, bool colvec, Interval range) {
    Val v;
    v.name = "%v" + std::to_string(nextId++);
    v.rows = rows;
    v.cols = cols;
    v.colvec = colvec;
    v.range = range;
    v.fromOp = true;
    pool.push_back(v);
    ++blockOps;
    return pool.back();
  }
  void use(int i) { ++pool[i].uses; }

  bool tryOp(unsigned kind);
  bool binary(StringRef op);
  bool bcastBinary(StringRef op, bool cols);
  bool unary(StringRef op);
  bool reduce(StringRef op);
  bool bcastOp(bool cols);
  bool transpose();
  bool matmul();
  bool fill();
  void loop(const std::string &stream, int64_t sb, int64_t sc, int64_t trips);
};

const char *const kBinaryOps[] = {"add", "sub", "mul", "max"};

bool Generator::binary(StringRef op) {
  int l = pick([](const Val &) { return true; });
  const Val lhs = pool[l];
  bool isMul = op == "mul";
  int r = pick([&](const Val &v) {
    return v.rows == lhs.rows && v.cols == lhs.cols && v.colvec == lhs.colvec &&
           (!isMul || productOk(lhs, v));
  });
  if (r < 0)
    return false;
  const Val rhs = pool[r];
  Interval range;
  if (op == "add")
    range = lhs.range.bounded() && rhs.range.bounded()
                ? Interval::of(lhs.range.lo + rhs.range.lo,
                               lhs.range.hi + rhs.range.hi)
                : Interval::unbounded();
  else if (op == "sub")
    range = lhs.range.bounded() && rhs.range.bounded()
                ? Interval::of(lhs.range.lo - rhs.range.hi,
                               lhs.range.hi - rhs.range.lo)
                : Interval::unbounded();
  else if (op == "mul")
    range = product(lhs.range, rhs.range);
  else
    range = lhs.range.bounded() && rhs.range.bounded()
                ? Interval::of(std::max(lhs.range.lo, rhs.range.lo),
                               std::max(lhs.range.hi, rhs.range.hi))
                : Interval::unbounded();
  use(l);
  use(r);
  Val &v = add(lhs.rows, lhs.cols, lhs.colvec, range);
  emit(v.name + " = tl." + op + " " + lhs.name + ", " + rhs.name + " : " +
       type(lhs) + ", " + type(rhs));
  return true;
}

bool Generator::bcastBinary(StringRef op, bool cols) {
  int l = pick([](const Val &v) { return !v.colvec; });
  if (l < 0)
    return false;
  const Val lhs = pool[l];
  bool isMul = op == "mul";
  int r = pick([&](const Val &v) {
    bool shape = cols ? (v.colvec && v.rows == lhs.rows)
                      : (!v.colvec && v.rows == 32 && v.cols == lhs.cols);
    return shape && (!isMul || productOk(lhs, v));
  });
  if (r < 0)
    return false;
  const Val rhs = pool[r];
  Interval range = Interval::unbounded();
  if (lhs.range.bounded() && rhs.range.bounded()) {
    if (op == "add")
      range = Interval::of(lhs.range.lo + rhs.range.lo,
                           lhs.range.hi + rhs.range.hi);
    else if (op == "sub")
      range = Interval::of(lhs.range.lo - rhs.range.hi,
                           lhs.range.hi - rhs.range.lo);
    else if (op == "mul")
      range = product(lhs.range, rhs.range);
    else
      range = Interval::of(std::max(lhs.range.lo, rhs.range.lo),
                           std::max(lhs.range.hi, rhs.range.hi));
  }
  use(l);
  use(r);
  Val &v = add(lhs.rows, lhs.cols, false, range);
  emit(v.name + " = tl." + op + " " + lhs.name + ", " + rhs.name +
       (cols ? " bcast cols : " : " bcast rows : ") + type(lhs) + ", " +
       type(rhs));
  return true;
}

bool Generator::unary(StringRef op) {
  int i;
  if (op == "exp")
    i = pick([](const Val &v) {
      return v.range.bounded() && v.range.hi <= 4 && v.range.lo >= -60;
    });
  else if (op == "recip")
    i = pick([](const Val &v) {
      return v.range.bounded() && (v.range.lo >= 0.25 || v.range.hi <= -0.25);
    });
  else
    i = pick([](const Val &) { return true; });
  if (i < 0)
    return false;
  const Val x = pool[i];
  use(i);
  if (op == "scale") {
    static const double factors[] = {0.5, 0.125, 2.0, -1.0};
    double f = factors[below(4)];
    Interval range = x.range.bounded()
                         ? Interval::of(x.range.lo * f, x.range.hi * f)
                         : Interval::unbounded();
    Val &v = add(x.rows, x.cols, x.colvec, range);
    emit(formatv("{0} = tl.scale {1} by {2} : {3}", v.name, x.name,
                 formatv("{0:f3}", f).str(), type(x))
             .str());
    return true;
  }
  Interval range =
      op == "exp" ? Interval::of(std::exp(x.range.lo), std::exp(x.range.hi))
                  : Interval::of(1 / x.range.hi, 1 / x.range.lo);
  Val &v = add(x.rows, x.cols, x.colvec, range);
  emit(v.name + " = tl." + op + " " + x.name + " : " + type(x));
  return true;
}

bool Generator::reduce(StringRef op) {
  int i = pick([](const Val &v) { return !v.colvec; });
  if (i < 0)
    return false;
  const Val x = pool[i];
  use(i);
  Interval range = x.range;
  if (op == "rowsum")
    range = x.range.bounded()
                ? Interval::of(x.range.lo * x.cols, x.range.hi * x.cols)
                : Interval::unbounded();
  Val &v = add(x.rows, 32, true, range);
  emit(v.name + " = tl." + op + " " + x.name + " : " + type(x) + " -> " +
       type(v));
  return true;
}

bool Generator::bcastOp(bool cols) {
  int i = pick([&](const Val &v) {
    return cols ? v.colvec : (!v.colvec && v.rows == 32);
  });
  if (i < 0)
    return false;
  const Val x = pool[i];
  use(i);
  int64_t rows = cols ? x.rows : dim();
  int64_t width = cols ? dim() : x.cols;
  Val &v = add(rows, width, false, x.range);
  emit(v.name + " = tl.bcast " + x.name + (cols ? " cols" : " rows") + " : " +
       type(x) + " -> " + type(v));
  return true;
}

bool Generator::transpose() {
  int i = pick([](const Val &v) { return !v.colvec; });
  if (i < 0)
    return false;
  const Val x = pool[i];
  use(i);
  Val &v = add(x.cols, x.rows, false, x.range);
  emit(v.name + " = tl.transpose " + x.name + " : " + type(x) + " -> " +
       type(v));
  return true;
}

bool Generator::matmul() {
  int l = pick([](const Val &v) { return !v.colvec; });
  if (l < 0)
    return false;
  const Val lhs = pool[l];
  bool viaTranspose = chance(0.5);
  int r = pick([&](const Val &v) {
    return !v.colvec && (viaTranspose ? v.cols : v.rows) == lhs.cols &&
           productOk(lhs, v);
  });
  if (r < 0)
    return false;
  use(l);
  use(r);
  Val rhs = pool[r];
  if (viaTranspose) {
    Val &t = add(rhs.cols, rhs.rows, false, rhs.range);
    emit(t.name + " = tl.transpose " + rhs.name + " : " + type(rhs) + " -> " +
         type(t));
    ++t.uses;
    rhs = t;
  }
  Interval range = product(lhs.range, rhs.range);
  if (range.bounded())
    range = Interval::of(range.lo * lhs.cols, range.hi * lhs.cols);
  Val &v = add(lhs.rows, rhs.cols, false, range);
  emit(v.name + " = tl.matmul " + lhs.name + ", " + rhs.name + " : " +
       type(lhs) + ", " + type(rhs) + " -> " + type(v));
  return true;
}

bool Generator::fill() {
  static const double values[] = {0.0, 1.0, 0.5, -1.0, 2.0};
  double x = values[below(5)];
  int64_t r = dim(), c = dim();
  Val &v = add(r, c, false, Interval::of(x, x));
  v.isFill = true;
  emit(formatv("{0} = tl.fill {1} : {2}", v.name, formatv("{0:f1}", x).str(),
               type(r, c))
           .str());
  return true;
}

bool Generator::tryOp(unsigned kind) {
  switch (kind) {
  case 0:
    return binary(kBinaryOps[below(4)]);
  case 1:
    return bcastBinary(kBinaryOps[below(4)], chance(0.7));
  case 2: {
    static const char *const ops[] = {"exp", "recip", "scale"};
    return unary(ops[below(3)]);
  }
  case 3:
    return reduce(chance(0.5) ? "rowmax" : "rowsum");
  case 4:
    return bcastOp(chance(0.7));
  case 5:
    return transpose();
  case 6:
    return matmul();
  default:
    return fill();
  }
}

/// Op kinds (tryOp) and their weights.
unsigned drawKind(Rng &rng) {
  static const unsigned weights[] = {30, 10, 15, 12, 5, 6, 12, 3};
  unsigned total = 0;
  for (unsigned w : weights)
    total += w;
  unsigned x = static_cast<unsigned>(rng.next() % total);
  for (unsigned k = 0; k < 8; ++k) {
    if (x < weights[k])
      return k;
    x -= weights[k];
  }
  return 0;
}

void Generator::loop(const std::string &stream, int64_t sb, int64_t sc,
                     int64_t trips) {
  // Carried state: one or two values of the pool, or a fresh fill.
  unsigned carried = 1 + below(2);
  std::vector<Val> inits;
  for (unsigned c = 0; c < carried; ++c) {
    if (pool.empty() || chance(0.3))
      fill();
    int i = chance(0.5) ? static_cast<int>(pool.size() - 1)
                        : static_cast<int>(below(pool.size()));
    use(i);
    inits.push_back(pool[i]);
  }
  std::string cTrips = "%c" + std::to_string(trips);
  emit("%c0 = arith.constant 0 : index");
  emit("%c1 = arith.constant 1 : index");
  if (trips > 1)
    emit(cTrips + " = arith.constant " + std::to_string(trips) + " : index");

  std::vector<std::string> body, *outer = out;
  out = &body;
  std::string outerIndent = indent;
  indent += "  ";
  size_t bodyStart = pool.size();
  std::vector<std::string> iterNames;
  for (const Val &init : inits) {
    Val it = init;
    it.name = "%i" + std::to_string(nextId++);
    it.range = Interval::unbounded(); // carried: grows with the trips
    it.fromOp = false;
    it.uses = 0;
    iterNames.push_back(it.name);
    pool.push_back(it);
  }
  std::string streamType =
      formatv("!tl.stream<{0}, {1}>", type(sb, sc), trips).str();
  Val block;
  block.name = "%b" + std::to_string(nextId++);
  block.rows = sb;
  block.cols = sc;
  block.range = Interval::of(-1, 1);
  pool.push_back(block);
  emit(block.name + " = tl.read " + stream + "[%j] : " + streamType);
  unsigned n = 2 + below(5);
  for (unsigned k = 0, tries = 0; k < n && tries < 50; ++tries)
    k += tryOp(drawKind(rng));
  std::vector<std::string> yields;
  for (size_t c = 0; c < inits.size(); ++c) {
    const Val it = pool[bodyStart + c];
    int v = -1;
    for (size_t i = bodyStart + inits.size() + 1; i < pool.size(); ++i)
      if (pool[i].rows == it.rows && pool[i].cols == it.cols &&
          pool[i].colvec == it.colvec && pool[i].fromOp)
        v = static_cast<int>(i);
    if (v >= 0 && chance(0.5)) {
      yields.push_back(pool[v].name);
      use(v);
      continue;
    }
    const Val other = v >= 0 ? pool[v] : it;
    if (v >= 0)
      use(v);
    ++pool[bodyStart + c].uses;
    StringRef op = v >= 0 ? (chance(0.5) ? "add" : "max") : "scale";
    Val &next = add(it.rows, it.cols, it.colvec, Interval::unbounded());
    if (op == "scale")
      emit(next.name + " = tl.scale " + it.name + " by 0.500 : " + type(it));
    else
      emit(next.name + " = tl." + op + " " + it.name + ", " + other.name +
           " : " + type(it) + ", " + type(it));
    yields.push_back(next.name);
  }
  std::string types, yieldList, iterList, results;
  for (size_t c = 0; c < inits.size(); ++c) {
    std::string sep = c ? ", " : "";
    types += sep + type(inits[c]);
    yieldList += sep + yields[c];
    iterList += sep + iterNames[c] + " = " + inits[c].name;
  }
  body.push_back(indent + "scf.yield " + yieldList + " : " + types);
  // Body values go out of scope; the loop's results come in.
  pool.resize(bodyStart);
  out = outer;
  indent = outerIndent;
  std::vector<std::string> resultNames;
  for (const Val &init : inits) {
    Val r = init;
    r.name = "%r" + std::to_string(nextId++);
    r.range = Interval::unbounded();
    r.fromOp = true;
    r.isFill = false;
    r.uses = 0;
    resultNames.push_back(r.name);
    pool.push_back(r);
  }
  for (size_t c = 0; c < resultNames.size(); ++c)
    results += (c ? ", " : "") + resultNames[c];
  emit(results + " = scf.for %j = %c0 to " + (trips > 1 ? cTrips : "%c1") +
       " step %c1 iter_args(" + iterList + ") -> (" + types + ") {");
  out->insert(out->end(), body.begin(), body.end());
  emit("}");
}

GeneratedProgram Generator::run(StringRef name) {
  elt = chance(0.7) ? "bf16" : "f32";
  static const int64_t grids[][2] = {{1, 1}, {1, 2}, {2, 1}, {2, 2}};
  const int64_t *grid = grids[below(4)];
  int64_t items = 1 + static_cast<int64_t>(below(4));
  unsigned target =
      options.minOps +
      static_cast<unsigned>(below(options.maxOps - options.minOps + 1));

  std::vector<std::string> decls, args, ins, bodyLines;
  unsigned inputs = 1 + static_cast<unsigned>(below(3));
  for (unsigned i = 0; i < inputs; ++i) {
    int64_t r = dim(), c = dim();
    std::string n = "A" + std::to_string(i);
    decls.push_back(
        formatv("  tl.tensor @{0} input : {1}", n, type(r * items, c)).str());
    Val v;
    v.name = "%a" + std::to_string(i);
    v.rows = r;
    v.cols = c;
    v.range = Interval::of(-1, 1);
    pool.push_back(v);
    args.push_back(v.name + ": " + type(r, c));
    ins.push_back("@" + n);
  }
  bool withLoop = options.loops && chance(0.4);
  int64_t sb = dim(), sc = dim(), trips = 1 + static_cast<int64_t>(below(3));
  unsigned loopAt =
      withLoop ? static_cast<unsigned>(below(target / 2 + 1)) : target + 1;
  if (withLoop) {
    decls.push_back(
        formatv("  tl.tensor @S0 input : {0}", type(sb * trips, sc)).str());
    args.push_back(
        formatv("%s0: !tl.stream<{0}, {1}>", type(sb, sc), trips).str());
    ins.push_back("@S0");
  }

  out = &bodyLines;
  for (unsigned tries = 0; blockOps < target && tries < 20 * target; ++tries) {
    if (withLoop && blockOps >= loopAt) {
      loop("%s0", sb, sc, trips);
      withLoop = false;
      continue;
    }
    tryOp(drawKind(rng));
  }
  if (withLoop)
    loop("%s0", sb, sc, trips);
  if (blockOps == 0)
    unary("scale");

  // Outputs: the newest value computed, and sometimes one or two unused.
  std::vector<int> outputs;
  for (int i = static_cast<int>(pool.size()) - 1; i >= 0; --i)
    if (pool[i].fromOp && !pool[i].isFill) {
      outputs.push_back(i);
      break;
    }
  if (outputs.empty())
    outputs.push_back(static_cast<int>(pool.size()) - 1);
  for (unsigned extra = 0; extra < 2 && chance(0.4); ++extra) {
    std::vector<int> sinks;
    for (size_t i = 0; i < pool.size(); ++i)
      if (pool[i].fromOp && !pool[i].isFill && pool[i].uses == 0 &&
          !llvm::is_contained(outputs, static_cast<int>(i)))
        sinks.push_back(static_cast<int>(i));
    if (!sinks.empty())
      outputs.push_back(sinks[below(sinks.size())]);
  }
  std::vector<std::string> outs, yieldNames, yieldTypes;
  for (size_t o = 0; o < outputs.size(); ++o) {
    const Val &v = pool[outputs[o]];
    std::string n = "O" + std::to_string(o);
    decls.push_back(formatv("  tl.tensor @{0} output{1} : {2}", n,
                            v.colvec ? " colvec" : "",
                            type(v.rows * items, v.cols))
                        .str());
    outs.push_back("@" + n);
    yieldNames.push_back(v.name);
    yieldTypes.push_back(type(v));
  }

  std::string text;
  raw_string_ostream os(text);
  os << "tl.program @" << name << " grid [" << grid[0] << ", " << grid[1]
     << "] {\n";
  for (const std::string &d : decls)
    os << d << "\n";
  auto list = [](const std::vector<std::string> &xs) {
    std::string s;
    for (size_t i = 0; i < xs.size(); ++i)
      s += (i ? ", " : "") + xs[i];
    return s;
  };
  os << "  tl.kernel @k ins [" << list(ins) << "] outs [" << list(outs)
     << "] {\n";
  os << "  ^bb0(" << list(args) << "):\n";
  for (const std::string &l : bodyLines)
    os << l << "\n";
  os << "    tl.yield " << list(yieldNames) << " : " << list(yieldTypes)
     << "\n";
  os << "  }\n}\n";
  return {name.str(), text, blockOps};
}

} // namespace

uint64_t programSeed(uint64_t runSeed, uint64_t index) {
  // Two splitmix64 steps: program k of run s does not depend on the others.
  uint64_t c = runSeed ^ (index * 0xD1B54A32D192ED03ULL);
  splitMix64(c);
  return splitMix64(c);
}

GeneratedProgram generateProgram(uint64_t seed, StringRef name,
                                 const GenOptions &options) {
  GenOptions o = options;
  o.minOps = std::max(1u, o.minOps);
  o.maxOps = std::max(o.minOps, o.maxOps);
  return Generator(seed, o).run(name);
}

unsigned countBlockOps(Operation *root) {
  unsigned n = 0;
  root->walk([&](Operation *op) {
    if (op->getDialect() && op->getDialect()->getNamespace() == "tl" &&
        !isa<tl::ProgramOp, tl::KernelOp, tl::TensorDeclOp, tl::YieldOp,
             tl::ReadOp>(op))
      ++n;
  });
  return n;
}

Error checkColvecDiscipline(Operation *programOp) {
  auto program = dyn_cast<tl::ProgramOp>(programOp);
  if (!program)
    return makeError("not a tl.program");
  llvm::DenseSet<Value> colvec;
  std::string problem;
  auto fail = [&](Operation *op, const Twine &what) {
    if (!problem.empty())
      return;
    std::string loc;
    raw_string_ostream os(loc);
    op->getLoc().print(os);
    problem = (op->getName().getStringRef() + " at " + loc + ": " + what).str();
  };
  for (auto kernel : program.getBody().getOps<tl::KernelOp>()) {
    for (auto [ref, arg] :
         llvm::zip(kernel.getIns(), kernel.getBody().getArguments())) {
      auto decl =
          dyn_cast_or_null<tl::TensorDeclOp>(SymbolTable::lookupSymbolIn(
              program, cast<FlatSymbolRefAttr>(ref).getAttr()));
      if (decl && decl.getColvec() && isa<RankedTensorType>(arg.getType()))
        colvec.insert(arg);
    }
    kernel.getBody().walk<WalkOrder::PreOrder>([&](Operation *op) {
      auto cv = [&](Value v) { return colvec.contains(v); };
      if (auto f = dyn_cast<scf::ForOp>(op)) {
        for (auto [init, iter, res] :
             llvm::zip(f.getInitArgs(), f.getRegionIterArgs(), f.getResults()))
          if (cv(init)) {
            colvec.insert(iter);
            colvec.insert(res);
          }
        return;
      }
      if (auto y = dyn_cast<scf::YieldOp>(op)) {
        if (auto f = dyn_cast<scf::ForOp>(op->getParentOp()))
          for (auto [v, iter] :
               llvm::zip(y.getOperands(), f.getRegionIterArgs()))
            if (cv(v) != cv(iter))
              fail(op, "a loop-carried value changes column-vector form");
        return;
      }
      if (isa<tl::AddOp, tl::SubOp, tl::MulOp, tl::MaxOp>(op)) {
        auto bcast = op->getAttrOfType<tl::BcastAttr>("bcast");
        Value lhs = op->getOperand(0), rhs = op->getOperand(1);
        if (!bcast && cv(lhs) != cv(rhs))
          fail(op, "a column vector meets a full block");
        if (bcast && bcast.getValue() == tl::Bcast::Rows && cv(rhs))
          fail(op, "bcast rows of a column vector");
        if (cv(lhs))
          colvec.insert(op->getResult(0));
        return;
      }
      if (isa<tl::ExpOp, tl::RecipOp, tl::ScaleOp>(op)) {
        if (cv(op->getOperand(0)))
          colvec.insert(op->getResult(0));
        return;
      }
      if (isa<tl::RowMaxOp, tl::RowSumOp>(op)) {
        if (cv(op->getOperand(0)))
          fail(op, "a row reduction of a column vector");
        colvec.insert(op->getResult(0));
        return;
      }
      if (isa<tl::TransposeOp, tl::MatmulOp>(op)) {
        for (Value v : op->getOperands())
          if (cv(v))
            fail(op, "reads every column of a column vector");
        return;
      }
      if (auto b = dyn_cast<tl::BroadcastOp>(op)) {
        if (b.getKind() == tl::Bcast::Rows && cv(b.getInput()))
          fail(op, "bcast rows of a column vector");
        return;
      }
      if (auto y = dyn_cast<tl::YieldOp>(op)) {
        for (auto [ref, v] : llvm::zip(kernel.getOuts(), y.getValues())) {
          auto decl =
              dyn_cast_or_null<tl::TensorDeclOp>(SymbolTable::lookupSymbolIn(
                  program, cast<FlatSymbolRefAttr>(ref).getAttr()));
          if (decl && !decl.getColvec() && cv(v))
            fail(op, "a column vector is written to a full output");
        }
      }
    });
  }
  if (!problem.empty())
    return makeError(problem);
  return Error::success();
}

Error checkProgramText(MLIRContext &ctx, StringRef text) {
  std::string diag;
  ScopedDiagnosticHandler handler(&ctx, [&](Diagnostic &d) {
    if (d.getSeverity() == DiagnosticSeverity::Error && diag.empty()) {
      raw_string_ostream os(diag);
      d.getLocation().print(os);
      os << ": " << d.str();
    }
    return success();
  });
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(text, "program"),
                               SMLoc());
  OwningOpRef<ModuleOp> module =
      parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&ctx));
  if (!module)
    return makeError(diag.empty() ? "does not parse" : diag);
  for (auto program : module->getOps<tl::ProgramOp>())
    if (Error e = checkColvecDiscipline(program))
      return e;
  return Error::success();
}

} // namespace dstlab::discover
