//===- Reduce.cpp - shrink a tl program while it stays interesting --------===//

#include "discover/Reduce.h"

#include "compiler/Dialect/TL/IR/TL.h"
#include "discover/Generate.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <set>

using namespace mlir;
using namespace llvm;

namespace dstlab::discover {

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

OwningOpRef<ModuleOp> parse(MLIRContext &ctx, StringRef text) {
  SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      MemoryBuffer::getMemBufferCopy(text, "candidate.mlir"), SMLoc());
  return parseSourceFile<ModuleOp>(sourceMgr, ParserConfig(&ctx));
}

std::string print(ModuleOp module) {
  std::string text;
  raw_string_ostream os(text);
  bool first = true;
  for (Operation &op : module.getBody()->getOperations()) {
    if (!first)
      os << "\n";
    first = false;
    op.print(os);
    os << "\n";
  }
  return text;
}

std::vector<tl::KernelOp> kernelsOf(ModuleOp module) {
  std::vector<tl::KernelOp> out;
  module.walk([&](tl::KernelOp k) { out.push_back(k); });
  return out;
}

/// The ops the reducer deletes: block ops, reads and loops, in pre-order.
std::vector<Operation *> reducibleOps(ModuleOp module) {
  std::vector<Operation *> ops;
  for (tl::KernelOp k : kernelsOf(module))
    k.getBody().walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (isa<scf::ForOp>(op) ||
          (op->getDialect() && op->getDialect()->getNamespace() == "tl" &&
           !isa<tl::YieldOp>(op)))
        ops.push_back(op);
    });
  return ops;
}

std::vector<scf::ForOp> loopsOf(ModuleOp module) {
  std::vector<scf::ForOp> loops;
  module.walk<WalkOrder::PreOrder>([&](scf::ForOp f) { loops.push_back(f); });
  return loops;
}

Value makeFill(OpBuilder &b, Location loc, Type type) {
  auto t = dyn_cast<RankedTensorType>(type);
  if (!t)
    return {};
  return tl::FillOp::create(b, loc, t, b.getF64FloatAttr(1.0)).getResult();
}

/// Deletes `op`: its results are replaced by an operand of their type (the
/// init of a loop result), else a kernel input of it, when
/// `preferOperand`; else by a fill.
bool deleteOp(Operation *op, bool preferOperand) {
  if (auto f = dyn_cast<scf::ForOp>(op)) {
    if (!preferOperand)
      return false;
    for (auto [res, init] : llvm::zip(f.getResults(), f.getInitArgs()))
      res.replaceAllUsesWith(init);
    op->erase();
    return true;
  }
  OpBuilder b(op);
  for (Value r : op->getResults()) {
    if (r.use_empty())
      continue;
    Value rep;
    // An operand of the result's type, else a kernel input of it: an input
    // keeps the repro's data random, where a fill would make it constant.
    if (preferOperand) {
      SmallVector<Value> candidates(op->getOperands());
      if (auto k = op->getParentOfType<tl::KernelOp>())
        llvm::append_range(candidates, k.getBody().getArguments());
      for (Value o : candidates)
        if (o.getType() == r.getType()) {
          rep = o;
          break;
        }
    }
    if (!rep)
      rep = makeFill(b, op->getLoc(), r.getType());
    if (!rep)
      return false;
    r.replaceAllUsesWith(rep);
  }
  op->erase();
  return true;
}

tl::TensorDeclOp declOf(tl::KernelOp k, Attribute ref) {
  auto program = k->getParentOfType<tl::ProgramOp>();
  return dyn_cast_or_null<tl::TensorDeclOp>(SymbolTable::lookupSymbolIn(
      program, cast<FlatSymbolRefAttr>(ref).getAttr()));
}

ArrayAttr without(ArrayAttr list, unsigned index) {
  SmallVector<Attribute> items(list.begin(), list.end());
  items.erase(items.begin() + index);
  return ArrayAttr::get(list.getContext(), items);
}

void eraseDeclIfUnused(tl::TensorDeclOp decl) {
  auto program = decl->getParentOfType<tl::ProgramOp>();
  if (decl && SymbolTable::symbolKnownUseEmpty(decl, program))
    decl->erase();
}

/// Dead ops, then inputs nothing reads (keeping one sharded input while
/// there are several work items: it is what gives their number).
void cleanup(ModuleOp module) {
  for (bool changed = true; changed;) {
    changed = false;
    // Post-order: erasing the op being visited is allowed; its operands'
    // producers die on the next sweep.
    for (tl::KernelOp k : kernelsOf(module))
      k.getBody().walk([&](Operation *op) {
        if (!isa<tl::YieldOp, scf::YieldOp>(op) && isOpTriviallyDead(op)) {
          op->erase();
          changed = true;
        }
      });
  }
  for (tl::KernelOp k : kernelsOf(module)) {
    Block &body = k.getBody().front();
    int64_t items = k.getNumWorkItems();
    for (int i = static_cast<int>(body.getNumArguments()) - 1; i >= 0; --i) {
      BlockArgument arg = body.getArgument(i);
      if (!arg.use_empty())
        continue;
      if (isa<RankedTensorType>(arg.getType()) && items > 1 &&
          llvm::count_if(body.getArguments(), [](BlockArgument a) {
            return isa<RankedTensorType>(a.getType());
          }) == 1)
        continue;
      tl::TensorDeclOp decl = declOf(k, k.getIns()[i]);
      body.eraseArgument(i);
      k.setInsAttr(without(k.getInsAttr(), i));
      if (decl)
        eraseDeclIfUnused(decl);
    }
  }
}

std::optional<int64_t> tripsOf(scf::ForOp f) {
  std::optional<int64_t> lb = getConstantIntValue(f.getLowerBound());
  std::optional<int64_t> ub = getConstantIntValue(f.getUpperBound());
  std::optional<int64_t> step = getConstantIntValue(f.getStep());
  if (!lb || !ub || !step || *step <= 0)
    return std::nullopt;
  return *ub <= *lb ? 0 : (*ub - *lb + *step - 1) / *step;
}

/// Cuts loop `f` to one trip; the streams it reads by its induction
/// variable shrink to one block.
bool oneTrip(scf::ForOp f) {
  std::optional<int64_t> trips = tripsOf(f);
  if (!trips || *trips <= 1)
    return false;
  OpBuilder b(f);
  int64_t lb = *getConstantIntValue(f.getLowerBound());
  int64_t step = *getConstantIntValue(f.getStep());
  f.setUpperBound(
      arith::ConstantIndexOp::create(b, f.getLoc(), lb + step).getResult());
  auto k = f->getParentOfType<tl::KernelOp>();
  f.getBody()->walk([&](tl::ReadOp read) {
    auto arg = dyn_cast<BlockArgument>(read.getStream());
    auto stream = dyn_cast<tl::StreamType>(read.getStream().getType());
    if (!arg || !stream || read.getIndex() != f.getInductionVar() ||
        stream.getNumBlocks() != *trips ||
        arg.getOwner() != &k.getBody().front())
      return;
    arg.setType(tl::StreamType::get(f.getContext(), stream.getBlockType(), 1));
    if (tl::TensorDeclOp decl = declOf(k, k.getIns()[arg.getArgNumber()]))
      decl.setType(stream.getBlockType());
  });
  return true;
}

/// Replaces a one-trip loop by its body.
bool inlineLoop(scf::ForOp f) {
  std::optional<int64_t> trips = tripsOf(f);
  if (!trips || *trips != 1)
    return false;
  f.getInductionVar().replaceAllUsesWith(f.getLowerBound());
  for (auto [iter, init] : llvm::zip(f.getRegionIterArgs(), f.getInitArgs()))
    iter.replaceAllUsesWith(init);
  auto yield = cast<scf::YieldOp>(f.getBody()->getTerminator());
  SmallVector<Value> yielded(yield.getOperands());
  for (Operation &op :
       llvm::make_early_inc_range(f.getBody()->without_terminator()))
    op.moveBefore(f);
  for (auto [res, v] : llvm::zip(f.getResults(), yielded))
    res.replaceAllUsesWith(v);
  f->erase();
  return true;
}

/// The values an output may be retargeted to: the kernel's top-level
/// block values.
std::vector<Value> topLevelValues(tl::KernelOp k) {
  std::vector<Value> values;
  for (BlockArgument a : k.getBody().getArguments())
    if (isa<RankedTensorType>(a.getType()))
      values.push_back(a);
  for (Operation &op : k.getBody().front().without_terminator())
    for (Value r : op.getResults())
      if (isa<RankedTensorType>(r.getType()))
        values.push_back(r);
  return values;
}

size_t outputCount(ModuleOp module) {
  size_t n = 0;
  for (tl::KernelOp k : kernelsOf(module))
    n += k.getOuts().size();
  return n;
}

size_t valueCount(ModuleOp module) {
  size_t n = 0;
  for (tl::KernelOp k : kernelsOf(module))
    n = std::max(n, topLevelValues(k).size());
  return n;
}

bool retarget(ModuleOp module, size_t output, size_t valueIndex, bool colvec) {
  size_t o = output;
  for (tl::KernelOp k : kernelsOf(module)) {
    auto yield = cast<tl::YieldOp>(k.getBody().front().getTerminator());
    if (o >= yield.getValues().size()) {
      o -= yield.getValues().size();
      continue;
    }
    std::vector<Value> values = topLevelValues(k);
    if (valueIndex >= values.size())
      return false;
    Value v = values[valueIndex];
    if (v == yield.getValues()[o])
      return false;
    auto t = cast<RankedTensorType>(v.getType());
    if (colvec && t.getDimSize(1) != 32)
      return false;
    tl::TensorDeclOp decl = declOf(k, k.getOuts()[o]);
    if (!decl)
      return false;
    int64_t items = k.getNumWorkItems();
    decl.setType(RankedTensorType::get(
        {t.getDimSize(0) * items, t.getDimSize(1)}, t.getElementType()));
    decl.setColvec(colvec);
    yield->setOperand(o, v);
    return true;
  }
  return false;
}

bool dropOutput(ModuleOp module, size_t output) {
  size_t o = output;
  for (tl::KernelOp k : kernelsOf(module)) {
    auto yield = cast<tl::YieldOp>(k.getBody().front().getTerminator());
    size_t n = yield.getValues().size();
    if (o >= n) {
      o -= n;
      continue;
    }
    if (n < 2)
      return false;
    tl::TensorDeclOp decl = declOf(k, k.getOuts()[o]);
    yield->eraseOperand(o);
    k.setOutsAttr(without(k.getOutsAttr(), o));
    if (decl)
      eraseDeclIfUnused(decl);
    return true;
  }
  return false;
}

/// Every sharded tensor and output becomes one work item's block.
bool oneWorkItem(ModuleOp module) {
  bool changed = false;
  for (tl::KernelOp k : kernelsOf(module)) {
    if (k.getNumWorkItems() <= 1)
      continue;
    for (auto [ref, arg] : llvm::zip(k.getIns(), k.getBody().getArguments()))
      if (auto t = dyn_cast<RankedTensorType>(arg.getType()))
        if (tl::TensorDeclOp decl = declOf(k, ref))
          decl.setType(t);
    auto yield = cast<tl::YieldOp>(k.getBody().front().getTerminator());
    for (auto [ref, v] : llvm::zip(k.getOuts(), yield.getValues()))
      if (tl::TensorDeclOp decl = declOf(k, ref))
        decl.setType(cast<RankedTensorType>(v.getType()));
    changed = true;
  }
  return changed;
}

/// The text with every tensor dimension d (the leading `NxMx` of each
/// `tensor<...>`) replaced by f(d).
std::string mapTensorDims(StringRef text,
                          llvm::function_ref<int64_t(int64_t)> f) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t t = text.find("tensor<", pos);
    if (t == StringRef::npos) {
      out += text.drop_front(pos).str();
      return out;
    }
    size_t i = t + strlen("tensor<");
    out += text.slice(pos, i).str();
    // Dimensions: digits followed by 'x'.
    while (i < text.size() && isDigit(text[i])) {
      size_t j = i;
      while (j < text.size() && isDigit(text[j]))
        ++j;
      if (j >= text.size() || text[j] != 'x')
        break;
      int64_t d = 0;
      text.slice(i, j).getAsInteger(10, d);
      out += std::to_string(f(d)) + "x";
      i = j + 1;
    }
    pos = i;
  }
}

std::string narrowText(StringRef text, int64_t from, int64_t to) {
  return mapTensorDims(text, [&](int64_t d) { return d == from ? to : d; });
}

std::set<int64_t> dimsIn(StringRef text) {
  std::set<int64_t> dims;
  mapTensorDims(text, [&](int64_t d) {
    dims.insert(d);
    return d;
  });
  return dims;
}

/// What the reducer minimises, most important first: block ops (fills
/// included: an input reads better than a constant), loops, kernel inputs,
/// outputs, tiles of the program's tensors, grid cores, loop trips, program
/// attributes. A candidate is kept only if it is smaller.
using Cost = std::array<int64_t, 8>;

Cost costOf(ModuleOp module) {
  Cost c{};
  c[0] = countBlockOps(module);
  c[1] = static_cast<int64_t>(loopsOf(module).size());
  for (tl::KernelOp k : kernelsOf(module)) {
    c[2] += static_cast<int64_t>(k.getIns().size());
    c[3] += static_cast<int64_t>(k.getOuts().size());
  }
  module.walk([&](tl::TensorDeclOp d) {
    auto t = cast<RankedTensorType>(d.getType());
    c[4] += (t.getDimSize(0) / 32) * (t.getDimSize(1) / 32);
  });
  for (auto p : module.getOps<tl::ProgramOp>()) {
    if (p.getGrid().size() == 2)
      c[5] += p.getGrid()[0] * p.getGrid()[1];
    c[7] += static_cast<int64_t>(p->getDiscardableAttrDictionary().size());
  }
  for (scf::ForOp f : loopsOf(module))
    c[6] += tripsOf(f).value_or(0);
  return c;
}

class Reducer {
public:
  Reducer(MLIRContext &ctx, const Oracle &oracle, ReduceStats &stats,
          llvm::function_ref<void(StringRef)> progress)
      : ctx(ctx), oracle(oracle), stats(stats), progress(progress) {}

  Expected<std::string> run(StringRef text);

private:
  MLIRContext &ctx;
  const Oracle &oracle;
  ReduceStats &stats;
  llvm::function_ref<void(StringRef)> progress;
  std::string current;
  Cost currentCost{};
  bool keepColvec = true;
  std::set<hash_code> tried;

  unsigned ops(StringRef text) {
    OwningOpRef<ModuleOp> m = parse(ctx, text);
    return m ? countBlockOps(*m) : 0;
  }
  bool valid(ModuleOp m) {
    if (failed(verify(m)))
      return false;
    if (keepColvec)
      for (auto p : m.getOps<tl::ProgramOp>())
        if (Error e = checkColvecDiscipline(p)) {
          consumeError(std::move(e));
          return false;
        }
    return true;
  }
  /// Asks the oracle about `text` (once per distinct text); keeps it if
  /// interesting.
  bool ask(const std::string &text, const Cost &cost, StringRef what) {
    if (text == current || !(cost < currentCost) ||
        !tried.insert(hash_value(text)).second)
      return false;
    ++stats.candidates;
    if (!oracle(text))
      return false;
    unsigned before = ops(current);
    current = text;
    currentCost = cost;
    ++stats.accepted;
    progress(formatv("{0}: {1} -> {2} block ops ({3} candidates)", what, before,
                     ops(current), stats.candidates)
                 .str());
    return true;
  }
  bool tryEdit(llvm::function_ref<bool(ModuleOp)> edit, StringRef what) {
    OwningOpRef<ModuleOp> m = parse(ctx, current);
    if (!m || !edit(*m))
      return false;
    cleanup(*m);
    if (!valid(*m))
      return false;
    return ask(print(*m), costOf(*m), what);
  }
  bool tryText(const std::string &text, StringRef what) {
    OwningOpRef<ModuleOp> m = parse(ctx, text);
    if (!m)
      return false;
    cleanup(*m);
    if (!valid(*m))
      return false;
    return ask(print(*m), costOf(*m), what);
  }
  size_t count(llvm::function_ref<size_t(ModuleOp)> f) {
    OwningOpRef<ModuleOp> m = parse(ctx, current);
    return m ? f(*m) : 0;
  }

  /// Calls `step(i)` for i = 0, 1, ... while i < size(current program);
  /// when it returns true (element i is gone) the same i comes again.
  void forEach(llvm::function_ref<size_t(ModuleOp)> size,
               llvm::function_ref<bool(size_t)> step) {
    for (size_t i = 0; i < count(size);)
      if (!step(i))
        ++i;
  }

  bool ddmin();
  bool simplify();
};

bool Reducer::ddmin() {
  bool any = false;
  size_t chunks = 2;
  while (true) {
    size_t n = count([](ModuleOp m) { return reducibleOps(m).size(); });
    if (n == 0)
      return any;
    chunks = std::min(chunks, n);
    size_t size = (n + chunks - 1) / chunks;
    bool removed = false;
    for (size_t start = 0; start < n; start += size) {
      size_t end = std::min(n, start + size);
      if (tryEdit(
              [&](ModuleOp m) {
                std::vector<Operation *> ops = reducibleOps(m);
                if (ops.size() != n)
                  return false;
                // Later ops first: their uses of earlier ones go with them.
                for (size_t i = end; i-- > start;)
                  if (!deleteOp(ops[i], /*preferOperand=*/true))
                    return false;
                return true;
              },
              formatv("delete ops {0}..{1} of {2}", start, end - 1, n).str())) {
        removed = true;
        break;
      }
    }
    if (removed) {
      any = true;
      chunks = std::max<size_t>(chunks - 1, 2);
      continue;
    }
    if (size == 1)
      return any;
    chunks = std::min(chunks * 2, n);
  }
}

bool Reducer::simplify() {
  unsigned acceptedBefore = stats.accepted;
  // Outputs that yield an earlier value: everything after it dies.
  size_t outputs = count(outputCount);
  for (size_t o = 0; o < outputs; ++o) {
    size_t values = count(valueCount);
    for (size_t v = 0; v < values; ++v)
      for (bool colvec : {false, true})
        if (tryEdit([&](ModuleOp m) { return retarget(m, o, v, colvec); },
                    formatv("output {0} yields value {1}", o, v).str())) {
          v = 0; // values renumbered
          values = count(valueCount);
        }
  }
  forEach(outputCount, [&](size_t o) {
    return count(outputCount) >= 2 &&
           tryEdit([&](ModuleOp m) { return dropOutput(m, o); },
                   formatv("drop output {0}", o).str());
  });
  // Loops: one trip, then no loop.
  forEach([](ModuleOp m) { return loopsOf(m).size(); },
          [&](size_t i) {
            tryEdit([&](ModuleOp m) { return oneTrip(loopsOf(m)[i]); },
                    formatv("loop {0}: one trip", i).str());
            return tryEdit(
                [&](ModuleOp m) { return inlineLoop(loopsOf(m)[i]); },
                formatv("loop {0}: inlined", i).str());
          });
  // Results, then operands, replaced by fills.
  auto opCount = [](ModuleOp m) { return reducibleOps(m).size(); };
  forEach(opCount, [&](size_t i) {
    return tryEdit(
        [&](ModuleOp m) {
          Operation *op = reducibleOps(m)[i];
          return !isa<tl::FillOp>(op) && deleteOp(op, false);
        },
        formatv("op {0}: a fill", i).str());
  });
  forEach(opCount, [&](size_t i) {
    for (unsigned j = 0; j < 2; ++j)
      tryEdit(
          [&](ModuleOp m) {
            Operation *op = reducibleOps(m)[i];
            if (j >= op->getNumOperands() || isa<scf::ForOp>(op))
              return false;
            Value v = op->getOperand(j);
            if (!isa<RankedTensorType>(v.getType()) ||
                v.getDefiningOp<tl::FillOp>())
              return false;
            OpBuilder b(op);
            op->setOperand(j, makeFill(b, op->getLoc(), v.getType()));
            return true;
          },
          formatv("op {0}: operand {1} a fill", i, j).str());
    return false; // the op stays
  });
  // The grid, the work items, the block shapes.
  tryEdit(
      [](ModuleOp m) {
        bool changed = false;
        for (auto p : m.getOps<tl::ProgramOp>())
          if (p.getGrid() != ArrayRef<int64_t>{1, 1}) {
            p.setGrid(ArrayRef<int64_t>{1, 1});
            changed = true;
          }
        return changed;
      },
      "grid 1x1");
  tryEdit(oneWorkItem, "one work item");
  // Attributes such as tl.attention describe what the program was.
  tryEdit(
      [](ModuleOp m) {
        bool changed = false;
        for (auto p : m.getOps<tl::ProgramOp>())
          if (!p->getDiscardableAttrDictionary().empty()) {
            p->setDiscardableAttrs(DictionaryAttr::get(m.getContext()));
            changed = true;
          }
        return changed;
      },
      "program attributes dropped");
  std::set<int64_t> dims = dimsIn(current);
  for (int64_t d : llvm::reverse(dims))
    if (d > 32 && d % 32 == 0) {
      tryText(narrowText(current, d, d - 32),
              formatv("dimension {0} -> {1}", d, d - 32).str());
      tryText(narrowText(current, d, 32),
              formatv("dimension {0} -> 32", d).str());
    }
  return stats.accepted != acceptedBefore;
}

Expected<std::string> Reducer::run(StringRef text) {
  OwningOpRef<ModuleOp> m = parse(ctx, text);
  if (!m)
    return makeError("the input does not parse");
  if (failed(verify(*m)))
    return makeError("the input does not verify");
  for (auto p : m->getOps<tl::ProgramOp>())
    if (Error e = checkColvecDiscipline(p)) {
      consumeError(std::move(e));
      keepColvec = false; // the input reads unspecified columns itself
    }
  current = print(*m);
  currentCost = costOf(*m);
  tried.insert(hash_value(current));
  stats.opsBefore = countBlockOps(*m);
  ddmin();
  for (bool changed = true; changed;) {
    ++stats.rounds;
    changed = simplify();
    changed |= ddmin();
  }
  stats.opsAfter = ops(current);
  return current;
}

} // namespace

Expected<std::string>
reduceProgram(MLIRContext &ctx, StringRef moduleText, const Oracle &interesting,
              ReduceStats &stats,
              llvm::function_ref<void(StringRef)> progress) {
  // Candidates that do not verify are expected: keep their diagnostics quiet.
  ScopedDiagnosticHandler quiet(&ctx, [](Diagnostic &) { return success(); });
  return Reducer(ctx, interesting, stats, progress).run(moduleText);
}

Expected<std::string> printPrograms(MLIRContext &ctx, StringRef moduleText) {
  OwningOpRef<ModuleOp> m = parse(ctx, moduleText);
  if (!m)
    return makeError("does not parse");
  return print(*m);
}

} // namespace dstlab::discover
