//===- Mutate.cpp - planted bugs in ttkernel IR ---------------------------===//

#include "harness/Mutate.h"

#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "support/Bf16.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Matchers.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::ttkernel;

namespace dstlab::harness {

namespace {

/// One place a kind can plant its bug; `apply` plants it.
struct Site {
  Operation *op;
  std::function<void()> apply;
};
using Sites = std::vector<Site>;

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// The kernel (func with a thread attribute) holding `op`, or null.
func::FuncOp kernelOf(Operation *op) {
  for (auto f = op->getParentOfType<func::FuncOp>(); f;
       f = f->getParentOfType<func::FuncOp>())
    if (f->hasAttr(kThreadAttrName))
      return f;
  return {};
}

std::string threadName(Operation *op) {
  func::FuncOp f = kernelOf(op);
  if (!f)
    return "?";
  auto t = f->getAttrOfType<ThreadAttr>(kThreadAttrName);
  return t ? stringifyThread(t.getValue()).str() : "?";
}

std::string locString(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return llvm::formatv("{0}:{1}:{2}", file.getFilename().getValue(),
                         file.getLine(), file.getColumn())
        .str();
  if (auto name = dyn_cast<NameLoc>(loc))
    return locString(name.getChildLoc());
  if (auto fused = dyn_cast<FusedLoc>(loc))
    for (Location inner : fused.getLocations())
      if (std::string s = locString(inner); !s.empty())
        return s;
  return "";
}

std::string describe(Operation *op) {
  auto program = op->getParentOfType<ProgramOp>();
  std::string s = program ? "@" + program.getSymName().str() : "@?";
  s += "/" + threadName(op) + ": " + op->getName().getStringRef().str();
  // The op's position in its kernel tells apart ops that share a location.
  if (func::FuncOp f = kernelOf(op)) {
    unsigned index = 0;
    f.walk<WalkOrder::PreOrder>([&](Operation *o) {
      if (o == op)
        return WalkResult::interrupt();
      ++index;
      return WalkResult::advance();
    });
    s += " #" + std::to_string(index);
  }
  if (std::string l = locString(op->getLoc()); !l.empty())
    s += " at " + l;
  return s;
}

/// Every op inside a kernel of the module, pre-order.
template <typename OpT, typename F> void forEachInKernel(ModuleOp m, F f) {
  m.walk<WalkOrder::PreOrder>([&](OpT op) {
    if (kernelOf(op))
      f(op);
  });
}

Value indexConstant(Operation *before, int64_t value) {
  OpBuilder b(before);
  return arith::ConstantIndexOp::create(b, before->getLoc(), value);
}

/// `v + 1`, built before `before`.
Value plusOne(Operation *before, Value v) {
  OpBuilder b(before);
  Value one = arith::ConstantIndexOp::create(b, before->getLoc(), 1);
  return arith::AddIOp::create(b, before->getLoc(), v, one);
}

std::optional<int64_t> constantIndex(Value v) {
  APInt value;
  if (matchPattern(v, m_ConstantInt(&value)))
    return value.getSExtValue();
  return std::nullopt;
}

IntegerAttr cbAttr(MLIRContext *ctx, int64_t cb) {
  return IntegerAttr::get(IntegerType::get(ctx, 32), cb);
}

/// Ops that write (or read-modify-write) a DST slice on the math side.
bool isMathOp(Operation *op) {
  return isa<CopyTileOp, TransposeWHTileOp, UnaryBcastOp, MatmulTilesOp,
             ReduceTileOp, AddTilesOp, SubTilesOp, MulTilesOp, ExpTileOp,
             RecipTileOp, MulUnaryTileOp, FillTileOp, AddBinaryTileOp,
             SubBinaryTileOp, MulBinaryTileOp, MaxTileOp, CopyDestValuesOp>(op);
}

/// `op` is an OpT or a loop holding one.
template <typename OpT> bool isOrHolds(Operation *op) {
  if (isa<OpT>(op))
    return true;
  bool found = false;
  if (isa<scf::ForOp>(op))
    op->walk([&](OpT) { found = true; });
  return found;
}

bool isOrHoldsMath(Operation *op) {
  if (isMathOp(op))
    return true;
  bool found = false;
  if (isa<scf::ForOp>(op))
    op->walk([&](Operation *o) { found |= isMathOp(o); });
  return found;
}

/// The DST slice operands of a compute op, in operand order.
SmallVector<OpOperand *> dstOperands(Operation *op) {
  SmallVector<OpOperand *> out;
  llvm::TypeSwitch<Operation *>(op)
      .Case<CopyTileOp, TransposeWHTileOp, UnaryBcastOp, MatmulTilesOp,
            ReduceTileOp, AddTilesOp, SubTilesOp, MulTilesOp, ExpTileOp,
            RecipTileOp, MulUnaryTileOp, FillTileOp, PackTileOp>(
          [&](auto o) { out.push_back(&o.getDstMutable()); })
      .Case<AddBinaryTileOp, SubBinaryTileOp, MulBinaryTileOp, MaxTileOp>(
          [&](auto o) {
            out.push_back(&o.getDst0Mutable());
            out.push_back(&o.getDst1Mutable());
          })
      .Case<CopyDestValuesOp>([&](auto o) {
        out.push_back(&o.getDstFromMutable());
        out.push_back(&o.getDstToMutable());
      });
  return out;
}

/// A CB read of a compute op: the attribute naming the CB and the tile
/// index operand.
struct CBRead {
  StringRef attr;
  OpOperand *tile;
};

SmallVector<CBRead> cbReads(Operation *op, bool withScaler) {
  SmallVector<CBRead> out;
  llvm::TypeSwitch<Operation *>(op)
      .Case<CopyTileOp, TransposeWHTileOp, UnaryBcastOp>([&](auto o) {
        out.push_back({"cb", &o.getTileMutable()});
      })
      .Case<MatmulTilesOp, AddTilesOp, SubTilesOp, MulTilesOp>([&](auto o) {
        out.push_back({"cb_a", &o.getTileAMutable()});
        out.push_back({"cb_b", &o.getTileBMutable()});
      })
      .Case<ReduceTileOp>([&](auto o) {
        out.push_back({"cb_a", &o.getTileAMutable()});
        if (withScaler)
          out.push_back({"cb_scaler", &o.getTileScalerMutable()});
      });
  return out;
}

//===----------------------------------------------------------------------===//
// Equivalence: where rounding to bf16 provably changes nothing
//===----------------------------------------------------------------------===//
//
// A CB's contents are tracked per generation: the pages one cb_push_back
// (or generate_reduce_scaler) makes visible. A pack or NoC read writes the
// generation of the next push of its CB; a read reads the generations that
// reach it (reaching definitions over the kernel's structured control flow,
// a pop killing them; every generation of the CB when another thread
// produces it). Rounding a generation to bf16 changes nothing when
//   exact: every value it holds is already bf16 (loaded from bf16 DRAM,
//          moved, transposed, broadcast or max-reduced from such, or a bf16
//          constant); or
//   safe:  every reader only moves it or takes a max with it (ops that
//          commute with a monotone rounding) on the way to safe generations
//          or to NoC writes into bf16 DRAM, which round the same way.

bool isBf16Exact(double v) {
  if (std::isnan(v) || std::isinf(v))
    return true;
  return static_cast<double>(roundToBf16(static_cast<float>(v))) == v;
}

int64_t cbOf(Operation *op, StringRef attr) {
  return cast<IntegerAttr>(op->getAttr(attr)).getInt();
}

/// The first cb_push_back of `cb` after `op` in its kernel (following
/// siblings, then those of the enclosing ops), or null.
Operation *nextPush(Operation *op, int64_t cb) {
  for (Operation *at = op; at && !isa<func::FuncOp>(at); at = at->getParentOp())
    for (Operation *o = at->getNextNode(); o; o = o->getNextNode()) {
      Operation *found = nullptr;
      o->walk<WalkOrder::PreOrder>([&](CBPushBackOp p) {
        if (!found && p.getCb() == cb)
          found = p;
      });
      if (found)
        return found;
    }
  return nullptr;
}

/// The slice an op writes (the result slice), or null.
Value writtenSlice(Operation *op) {
  SmallVector<OpOperand *> operands = dstOperands(op);
  if (operands.empty() || isa<PackTileOp>(op))
    return {};
  return isa<CopyDestValuesOp>(op) ? operands[1]->get() : operands[0]->get();
}

/// Whether any DST operand of `op` (or of an op nested in it) may be slice
/// `s`.
bool namesSlice(Operation *op, int64_t s) {
  bool hit = false;
  op->walk([&](Operation *in) {
    for (OpOperand *d : dstOperands(in)) {
      std::optional<int64_t> x = constantIndex(d->get());
      hit |= !x || *x == s;
    }
  });
  return hit;
}

class RoundingAnalysis {
public:
  RoundingAnalysis(ProgramOp program, ModuleOp module);

  /// Rounding every value stored in CB `cb` to bf16 changes nothing.
  bool cbRoundingIsEquivalent(int64_t cb) const {
    for (Operation *g : gensOfCB(cb))
      if (!exact.count(g) && !safe.count(g))
        return false;
    return true;
  }
  /// Rounding every DST write to bf16 changes nothing.
  bool dstRoundingIsEquivalent() const { return allDstWritesBenign; }
  /// CB `to` holds, wherever `read` reads CB `from`, pages filled with the
  /// same constant as `from`'s (so reading one for the other changes
  /// nothing).
  bool sameConstantPages(Operation *read, int64_t from, int64_t to);

private:
  using Gens = std::set<Operation *>;
  std::vector<Operation *> gensOfCB(int64_t cb) const {
    auto it = gensByCB.find(cb);
    return it == gensByCB.end() ? std::vector<Operation *>() : it->second;
  }
  void reaching(Block &block, std::map<int64_t, Gens> &state,
                Operation *kernel);
  Gens readGens(Operation *read, int64_t cb) const;
  bool sliceExactAt(Operation *op, Value slice);
  bool writeIsExact(Operation *w);
  enum class Scan { Safe, Unsafe, Open };
  Scan scanUses(Operation *first, Operation *until, int64_t s);
  bool safeConsumed(Operation *writer, Value slice);
  bool readerSafe(Operation *reader);

  std::map<std::string, bool> bf16Buffers;
  std::map<int64_t, std::vector<Operation *>> gensByCB;
  std::map<Operation *, Operation *> genOfWrite; // pack / noc read -> gen
  std::map<Operation *, Operation *> threadOfGen;
  std::map<std::pair<Operation *, int64_t>, Gens> reach; // (read, cb)
  /// Every CB's reaching generations at each CB-reading op.
  std::map<Operation *, std::map<int64_t, Gens>> stateAt;
  std::set<Operation *> exact, safe;
  bool allDstWritesBenign = true;
  /// Slice exactness after each DST-writing op (keyed by op).
  std::map<Operation *, bool> writeExact;
  /// (op, slice) pairs being judged, for induction over loop iterations.
  std::set<std::pair<Operation *, int64_t>> inProgress;
};

RoundingAnalysis::RoundingAnalysis(ProgramOp program, ModuleOp module) {
  for (auto buf : module.getOps<DramBufferOp>())
    bf16Buffers[buf.getSymName().str()] = buf.getFormat().isBF16();
  // Generations and what writes them.
  program.walk<WalkOrder::PreOrder>([&](Operation *op) {
    Operation *kernel = kernelOf(op);
    if (!kernel)
      return;
    if (auto p = dyn_cast<CBPushBackOp>(op)) {
      gensByCB[p.getCb()].push_back(op);
      threadOfGen[op] = kernel;
    } else if (auto s = dyn_cast<GenerateReduceScalerOp>(op)) {
      gensByCB[s.getCb()].push_back(op);
      threadOfGen[op] = kernel;
    } else if (auto p = dyn_cast<PackTileOp>(op)) {
      genOfWrite[op] = nextPush(op, p.getCb());
    } else if (auto r = dyn_cast<NocAsyncReadTileOp>(op)) {
      genOfWrite[op] = nextPush(op, r.getCb());
    }
  });
  // Reaching generations, per kernel.
  for (auto f : program.getBody().getOps<func::FuncOp>()) {
    if (f.getBody().empty())
      continue;
    std::map<int64_t, Gens> state;
    reaching(f.getBody().front(), state, f);
  }
  // exact: optimistic fixpoint (every generation exact until a write is
  // not).
  for (auto &[cb, gens] : gensByCB)
    exact.insert(gens.begin(), gens.end());
  for (bool changed = true; changed;) {
    changed = false;
    writeExact.clear();
    std::set<Operation *> inexact;
    program.walk<WalkOrder::PreOrder>([&](Operation *op) {
      if (!kernelOf(op))
        return;
      if (auto s = dyn_cast<GenerateReduceScalerOp>(op)) {
        if (!isBf16Exact(s.getValue().convertToDouble()))
          inexact.insert(op);
      } else if (auto r = dyn_cast<NocAsyncReadTileOp>(op)) {
        if (!bf16Buffers[r.getBuffer().str()])
          inexact.insert(genOfWrite[op]);
      } else if (auto p = dyn_cast<PackTileOp>(op)) {
        if (!sliceExactAt(op, p.getDst()))
          inexact.insert(genOfWrite[op]);
      } else if (writtenSlice(op)) {
        // Record the exactness of what a DST write leaves behind.
        writeExact[op] = writeIsExact(op);
      }
    });
    for (Operation *g : inexact)
      if (g && exact.erase(g))
        changed = true;
  }
  // safe: optimistic fixpoint over readers.
  for (auto &[cb, gens] : gensByCB)
    safe.insert(gens.begin(), gens.end());
  for (bool changed = true; changed;) {
    changed = false;
    for (auto &[key, gens] : reach) {
      if (readerSafe(key.first))
        continue;
      for (Operation *g : gens)
        changed |= safe.erase(g) != 0;
    }
  }
  // DST: every write must leave an exact value or one consumed safely.
  program.walk([&](Operation *op) {
    if (!kernelOf(op) || isa<PackTileOp>(op) || dstOperands(op).empty())
      return;
    Value written = isa<CopyDestValuesOp>(op) ? dstOperands(op)[1]->get()
                                              : dstOperands(op)[0]->get();
    auto it = writeExact.find(op);
    bool isExact = it != writeExact.end() && it->second;
    if (!isExact && !safeConsumed(op, written))
      allDstWritesBenign = false;
  });
}

void RoundingAnalysis::reaching(Block &block, std::map<int64_t, Gens> &state,
                                Operation *kernel) {
  auto join = [](std::map<int64_t, Gens> &into,
                 const std::map<int64_t, Gens> &from) {
    bool grew = false;
    for (auto &[cb, gens] : from)
      for (Operation *g : gens)
        grew |= into[cb].insert(g).second;
    return grew;
  };
  for (Operation &op : block) {
    if (auto p = dyn_cast<CBPushBackOp>(op)) {
      state[p.getCb()].insert(&op);
    } else if (auto s = dyn_cast<GenerateReduceScalerOp>(op)) {
      state[s.getCb()].insert(&op);
    } else if (auto p = dyn_cast<CBPopFrontOp>(op)) {
      state[p.getCb()].clear();
    } else if (auto loop = dyn_cast<scf::ForOp>(op)) {
      std::map<int64_t, Gens> head = state, out;
      for (int guard = 0; guard < 64; ++guard) {
        out = head;
        reaching(*loop.getBody(), out, kernel);
        if (!join(head, out))
          break;
      }
      state = head;
      join(state, out);
    } else if (auto branch = dyn_cast<scf::IfOp>(op)) {
      std::map<int64_t, Gens> thenState = state, elseState = state;
      if (!branch.getThenRegion().empty())
        reaching(branch.getThenRegion().front(), thenState, kernel);
      if (!branch.getElseRegion().empty())
        reaching(branch.getElseRegion().front(), elseState, kernel);
      state = thenState;
      join(state, elseState);
    } else {
      auto record = [&](int64_t cb) {
        reach[{&op, cb}].insert(state[cb].begin(), state[cb].end());
      };
      for (const CBRead &r : cbReads(&op, /*withScaler=*/true))
        record(cbOf(&op, r.attr));
      if (!cbReads(&op, /*withScaler=*/true).empty()) {
        std::map<int64_t, Gens> &at = stateAt[&op];
        for (auto &[cb, gens] : state)
          at[cb].insert(gens.begin(), gens.end());
      }
      if (auto w = dyn_cast<NocAsyncWriteTileOp>(op))
        record(w.getCb());
    }
  }
}

RoundingAnalysis::Gens RoundingAnalysis::readGens(Operation *read,
                                                  int64_t cb) const {
  Gens out;
  auto it = reach.find({read, cb});
  if (it != reach.end())
    out = it->second;
  // Produced by another thread (or not seen): any generation of the CB.
  Operation *kernel = kernelOf(read);
  for (Operation *g : gensOfCB(cb))
    if (threadOfGen.at(g) != kernel)
      out.insert(g);
  if (out.empty())
    for (Operation *g : gensOfCB(cb))
      out.insert(g);
  return out;
}

/// The exactness of what `w` writes, given the slices before it.
bool RoundingAnalysis::writeIsExact(Operation *w) {
  auto exactCB = [&](int64_t cb) {
    for (Operation *g : readGens(w, cb))
      if (!exact.count(g))
        return false;
    return true;
  };
  auto before = [&](Value v) { return sliceExactAt(w, v); };
  return llvm::TypeSwitch<Operation *, bool>(w)
      .Case<CopyTileOp, TransposeWHTileOp, UnaryBcastOp>(
          [&](auto o) { return exactCB(o.getCb()); })
      .Case<FillTileOp>(
          [&](auto o) { return isBf16Exact(o.getValue().convertToDouble()); })
      .Case<ReduceTileOp>([&](auto o) {
        return o.getKind() == ReduceKind::Max && exactCB(o.getCbA()) &&
               exactCB(o.getCbScaler()) && before(o.getDst());
      })
      .Case<MaxTileOp>(
          [&](auto o) { return before(o.getDst0()) && before(o.getDst1()); })
      .Case<CopyDestValuesOp>([&](auto o) { return before(o.getDstFrom()); })
      .Default([](Operation *) { return false; });
}

/// Whether slice `slice` holds a bf16-exact value right before `op`: the
/// write that reaches it, in its block back to the section's acquire; at
/// the top of a loop body, the value entering the loop and every write of
/// the body (assumed exact while being proven: induction over iterations).
bool RoundingAnalysis::sliceExactAt(Operation *op, Value slice) {
  std::optional<int64_t> s = constantIndex(slice);
  if (!s)
    return false;
  // Every write of `s` among the direct ops of `loop`'s body is exact, and
  // none is nested deeper.
  auto bodyWritesExact = [&](scf::ForOp loop) {
    auto key = std::make_pair(loop.getOperation(), *s);
    if (!inProgress.insert(key).second)
      return true; // the induction hypothesis
    bool ok = sliceExactAt(loop, slice);
    for (Operation &o : loop.getBody()->getOperations()) {
      if (!ok)
        break;
      if (isa<scf::ForOp, scf::IfOp>(o)) {
        ok = !namesSlice(&o, *s);
        continue;
      }
      Value w = writtenSlice(&o);
      if (w && (!constantIndex(w) || constantIndex(w) == s))
        ok = writeIsExact(&o);
    }
    inProgress.erase(key);
    return ok;
  };
  for (Operation *o = op->getPrevNode(); o; o = o->getPrevNode()) {
    if (isa<TileRegsAcquireOp>(o))
      return false; // not written in this section
    if (auto loop = dyn_cast<scf::ForOp>(o)) {
      if (namesSlice(o, *s))
        return bodyWritesExact(loop);
      continue;
    }
    if (isa<scf::IfOp>(o)) {
      if (namesSlice(o, *s))
        return false;
      continue;
    }
    Value w = writtenSlice(o);
    if (!w)
      continue;
    if (!constantIndex(w))
      return false;
    if (constantIndex(w) == s)
      return writeIsExact(o);
  }
  if (auto loop = dyn_cast_or_null<scf::ForOp>(op->getParentOp()))
    return bodyWritesExact(loop);
  return false;
}

/// Judges the uses of slice `s` in [first, until) of one block: Safe when
/// the value dies (replaced, or the section released), Unsafe at a use that
/// does not commute with rounding, Open when the range ends first.
RoundingAnalysis::Scan RoundingAnalysis::scanUses(Operation *first,
                                                  Operation *until, int64_t s) {
  auto is = [&](Value v) {
    std::optional<int64_t> x = constantIndex(v);
    return x && *x == s;
  };
  for (Operation *o = first; o && o != until; o = o->getNextNode()) {
    if (isa<TileRegsReleaseOp>(o))
      return Scan::Safe;
    if (isa<scf::ForOp, scf::IfOp>(o)) {
      if (namesSlice(o, s))
        return Scan::Unsafe;
      continue;
    }
    if (!namesSlice(o, s))
      continue;
    if (llvm::any_of(dstOperands(o),
                     [](OpOperand *d) { return !constantIndex(d->get()); }))
      return Scan::Unsafe;
    bool ok =
        llvm::TypeSwitch<Operation *, bool>(o)
            .Case<PackTileOp>([&](auto p) {
              Operation *g = genOfWrite[p];
              return g && safe.count(g);
            })
            .Case<MaxTileOp>(
                [&](auto m) { return safeConsumed(m, m.getDst0()); })
            .Case<CopyDestValuesOp>([&](auto c) {
              return !is(c.getDstFrom()) || safeConsumed(c, c.getDstTo());
            })
            .Case<ReduceTileOp>([&](auto r) {
              return r.getKind() == ReduceKind::Max &&
                     safeConsumed(r, r.getDst());
            })
            // Overwritten without being read: the value is dead.
            .Case<CopyTileOp, TransposeWHTileOp, UnaryBcastOp, FillTileOp,
                  AddTilesOp, SubTilesOp, MulTilesOp>([](auto) { return true; })
            .Default([](Operation *) { return false; });
    if (!ok)
      return Scan::Unsafe;
    Value w = writtenSlice(o);
    if (w && is(w))
      return Scan::Safe; // replaced: the old value is gone
  }
  return Scan::Open;
}

/// Every use of what `writer` left in `slice`, up to the slice's next write
/// or the section's release, only moves it or maxes it into safe places. In
/// a loop the value also reaches the body's top (the next iteration) and
/// what follows the loop.
bool RoundingAnalysis::safeConsumed(Operation *writer, Value slice) {
  std::optional<int64_t> s = constantIndex(slice);
  if (!s)
    return false;
  auto key = std::make_pair(writer, *s);
  if (!inProgress.insert(key).second)
    return true; // already being judged further up
  Scan r = scanUses(writer->getNextNode(), nullptr, *s);
  Operation *at = writer;
  while (r == Scan::Open) {
    auto loop = dyn_cast_or_null<scf::ForOp>(at->getParentOp());
    if (!loop)
      break;
    if (scanUses(&loop.getBody()->front(), at, *s) == Scan::Unsafe) {
      r = Scan::Unsafe;
      break;
    }
    at = loop;
    r = scanUses(loop->getNextNode(), nullptr, *s);
  }
  inProgress.erase(key);
  return r == Scan::Safe;
}

bool RoundingAnalysis::sameConstantPages(Operation *read, int64_t from,
                                         int64_t to) {
  // The constant every pack of generation `g` writes: a fill of v reaching
  // the packed slice in its section; null when any pack is something else.
  auto constantOf = [&](Operation *g) -> std::optional<double> {
    std::optional<double> v;
    bool any = false, ok = true;
    for (auto &[write, gen] : genOfWrite) {
      if (gen != g)
        continue;
      auto pack = dyn_cast<PackTileOp>(write);
      if (!pack)
        return std::nullopt;
      Value slice = pack.getDst();
      FillTileOp fill;
      for (Operation *o = write->getPrevNode(); ok && o; o = o->getPrevNode()) {
        if (isa<TileRegsAcquireOp>(o) || isa<scf::ForOp, scf::IfOp>(o))
          break;
        Value w = writtenSlice(o);
        if (!w)
          continue;
        std::optional<int64_t> x = constantIndex(w), y = constantIndex(slice);
        if (!x || !y)
          break;
        if (*x == *y) {
          fill = dyn_cast<FillTileOp>(o);
          break;
        }
      }
      if (!fill)
        return std::nullopt;
      double fv = fill.getValue().convertToDouble();
      if (any && !(fv == *v))
        return std::nullopt;
      v = fv;
      any = true;
    }
    return any ? v : std::nullopt;
  };
  auto it = stateAt.find(read);
  if (it == stateAt.end())
    return false;
  std::optional<double> value;
  for (int64_t cb : {from, to}) {
    auto gens = it->second.find(cb);
    if (gens == it->second.end() || gens->second.empty())
      return false; // produced elsewhere, or nothing reaches
    for (Operation *g : gens->second) {
      std::optional<double> v = constantOf(g);
      if (!v || (value && !(*v == *value)))
        return false;
      value = v;
    }
  }
  return true;
}

bool RoundingAnalysis::readerSafe(Operation *reader) {
  if (auto w = dyn_cast<NocAsyncWriteTileOp>(reader))
    return bf16Buffers[w.getBuffer().str()];
  return llvm::TypeSwitch<Operation *, bool>(reader)
      .Case<CopyTileOp, TransposeWHTileOp, UnaryBcastOp>(
          [&](auto o) { return safeConsumed(o, o.getDst()); })
      .Case<ReduceTileOp>([&](ReduceTileOp o) {
        // Max with a scaler of exactly 1 (a * 1 is exact) is monotone.
        if (o.getKind() != ReduceKind::Max)
          return false;
        for (Operation *g : readGens(o, o.getCbScaler())) {
          auto s = dyn_cast<GenerateReduceScalerOp>(g);
          if (!s || s.getValue().convertToDouble() != 1.0)
            return false;
        }
        return safeConsumed(o, o.getDst());
      })
      .Default([](Operation *) { return false; });
}

//===----------------------------------------------------------------------===//
// Equivalence: pops and fills that change nothing
//===----------------------------------------------------------------------===//

/// At most how many times `loop` runs on a core: its bounds and step are
/// constants, or its lower bound is built from my_x / my_y and non-negative
/// constants (so at least 0). Null when unknown.
std::optional<int64_t> maxTrips(scf::ForOp loop) {
  std::function<bool(Value)> nonNegative = [&](Value v) -> bool {
    if (std::optional<int64_t> c = constantIndex(v))
      return *c >= 0;
    Operation *def = v.getDefiningOp();
    if (!def)
      return false;
    if (isa<MyXOp, MyYOp>(def))
      return true;
    if (isa<arith::AddIOp, arith::MulIOp>(def))
      return nonNegative(def->getOperand(0)) && nonNegative(def->getOperand(1));
    return false;
  };
  std::optional<int64_t> ub = constantIndex(loop.getUpperBound());
  std::optional<int64_t> step = constantIndex(loop.getStep());
  if (!ub || !step || *step <= 0 || !nonNegative(loop.getLowerBound()))
    return std::nullopt;
  int64_t lb = constantIndex(loop.getLowerBound()).value_or(0);
  return *ub <= lb ? 0 : (*ub - lb + *step - 1) / *step;
}

/// Runs at most once per core: every enclosing loop does.
bool runsAtMostOnce(Operation *op) {
  for (auto loop = op->getParentOfType<scf::ForOp>(); loop;
       loop = loop->getParentOfType<scf::ForOp>()) {
    std::optional<int64_t> trips = maxTrips(loop);
    if (!trips || *trips > 1)
      return false;
  }
  return true;
}

/// Pages pushed on `cb` over a run of `program` on one core, at most; null
/// when a count or trip count is unknown.
std::optional<int64_t> pagesPushed(ProgramOp program, int64_t cb) {
  int64_t total = 0;
  bool unknown = false;
  program.walk([&](Operation *op) {
    int64_t pages = 0;
    if (auto p = dyn_cast<CBPushBackOp>(op)) {
      if (p.getCb() != cb)
        return;
      std::optional<int64_t> n = constantIndex(p.getNumPages());
      if (!n) {
        unknown = true;
        return;
      }
      pages = *n;
    } else if (auto s = dyn_cast<GenerateReduceScalerOp>(op)) {
      if (s.getCb() != cb)
        return;
      pages = 1;
    } else {
      return;
    }
    for (auto loop = op->getParentOfType<scf::ForOp>(); loop;
         loop = loop->getParentOfType<scf::ForOp>()) {
      std::optional<int64_t> trips = maxTrips(loop);
      if (!trips) {
        unknown = true;
        return;
      }
      pages *= *trips;
    }
    total += pages;
  });
  if (unknown)
    return std::nullopt;
  return total;
}

/// Dropping this pop changes nothing: it runs once, its thread never names
/// the CB again, and the CB can hold every page ever pushed on it, so no
/// producer ever waits for the pages it would free.
bool popIsEquivalent(CBPopFrontOp pop) {
  int64_t cb = pop.getCb();
  if (!runsAtMostOnce(pop))
    return false;
  bool after = false, namedLater = false;
  kernelOf(pop).walk<WalkOrder::PreOrder>([&](Operation *op) {
    if (op == pop.getOperation()) {
      after = true;
      return;
    }
    if (!after)
      return;
    for (StringRef name : kCBAttrNames)
      if (auto a = op->getAttrOfType<IntegerAttr>(name))
        namedLater |= a.getInt() == cb;
  });
  if (namedLater)
    return false;
  auto program = pop->getParentOfType<ProgramOp>();
  // Produced by the pop's own thread: every reserve comes before the pop in
  // program order, so none can wait for its pages.
  bool ownProducer = true;
  program.walk([&](Operation *op) {
    if (isa<CBReserveBackOp, CBPushBackOp, GenerateReduceScalerOp>(op) &&
        cast<IntegerAttr>(op->getAttr("cb")).getInt() == cb &&
        kernelOf(op) != kernelOf(pop))
      ownProducer = false;
  });
  if (ownProducer)
    return true;
  int64_t capacity = 0;
  for (auto c : program.getBody().getOps<CBConfigOp>())
    if (c.getCb() == cb)
      capacity = c.getPages();
  std::optional<int64_t> pushed = pagesPushed(program, cb);
  return pushed && *pushed <= capacity;
}

/// A fill of 0 that only initialises a sum or matmul accumulator on a slice
/// not yet written in its section: a released slice already holds zeros.
bool fillIsRedundant(FillTileOp fill) {
  if (fill.getValue().convertToDouble() != 0.0)
    return false;
  std::optional<int64_t> s = constantIndex(fill.getDst());
  if (!s)
    return false;
  auto names = [&](Operation *o) {
    bool hit = false;
    o->walk([&](Operation *in) {
      for (OpOperand *d : dstOperands(in)) {
        std::optional<int64_t> x = constantIndex(d->get());
        hit |= !x || *x == *s;
      }
    });
    return hit;
  };
  for (Operation *o = fill->getPrevNode();; o = o->getPrevNode()) {
    if (!o)
      return false;
    if (isa<TileRegsAcquireOp>(o))
      break;
    if (names(o))
      return false;
  }
  // Only sums or matmuls into the slice, directly or in a loop.
  auto accumulates = [&](Operation *o) {
    bool only = true;
    o->walk([&](Operation *in) {
      if (dstOperands(in).empty())
        return;
      if (auto r = dyn_cast<ReduceTileOp>(in))
        only &= r.getKind() == ReduceKind::Sum || !names(in);
      else if (!isa<MatmulTilesOp>(in))
        only &= !names(in);
    });
    return only;
  };
  for (Operation *o = fill->getNextNode(); o; o = o->getNextNode()) {
    if (!names(o))
      continue;
    if (isa<scf::ForOp>(o))
      return accumulates(o);
    if (auto r = dyn_cast<ReduceTileOp>(o))
      return r.getKind() == ReduceKind::Sum && constantIndex(r.getDst()) == s;
    if (auto m = dyn_cast<MatmulTilesOp>(o))
      return constantIndex(m.getDst()) == s;
    return false;
  }
  return false;
}

//===----------------------------------------------------------------------===//
// The kinds
//===----------------------------------------------------------------------===//

template <typename OpT> void dropAll(ModuleOp m, Sites &out) {
  forEachInKernel<OpT>(m, [&](OpT op) {
    out.push_back({op, [op]() mutable { op->erase(); }});
  });
}

void packBeforeWait(ModuleOp m, Sites &out) {
  forEachInKernel<TileRegsWaitOp>(m, [&](TileRegsWaitOp wait) {
    for (Operation *o = wait->getNextNode(); o && !isa<TileRegsReleaseOp>(o);
         o = o->getNextNode())
      if (isOrHolds<PackTileOp>(o)) {
        out.push_back({wait, [wait, o] { wait->moveAfter(o); }});
        return;
      }
  });
}

void mathAfterCommit(ModuleOp m, Sites &out) {
  forEachInKernel<TileRegsCommitOp>(m, [&](TileRegsCommitOp commit) {
    Operation *prev = commit->getPrevNode();
    if (prev && isOrHoldsMath(prev))
      out.push_back({commit, [commit, prev] { commit->moveBefore(prev); }});
  });
}

void packAfterRelease(ModuleOp m, Sites &out) {
  forEachInKernel<TileRegsReleaseOp>(m, [&](TileRegsReleaseOp release) {
    Operation *prev = release->getPrevNode();
    if (prev && isOrHolds<PackTileOp>(prev))
      out.push_back({release, [release, prev] { release->moveBefore(prev); }});
  });
}

int64_t capacityOf(Operation *op) {
  auto program = op->getParentOfType<ProgramOp>();
  return program ? program.getDstCapacity() : 0;
}

void dropPop(ModuleOp m, Sites &out) {
  forEachInKernel<CBPopFrontOp>(m, [&](CBPopFrontOp op) {
    if (!popIsEquivalent(op))
      out.push_back({op, [op]() mutable { op->erase(); }});
  });
}

void dropFill(ModuleOp m, Sites &out) {
  forEachInKernel<FillTileOp>(m, [&](FillTileOp op) {
    if (!fillIsRedundant(op))
      out.push_back({op, [op]() mutable { op->erase(); }});
  });
}

void wrongDstSlice(ModuleOp m, Sites &out) {
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    int64_t capacity = capacityOf(op);
    if (capacity < 2)
      return;
    if (auto fill = dyn_cast<FillTileOp>(op); fill && fillIsRedundant(fill))
      return;
    for (OpOperand *operand : dstOperands(op)) {
      std::optional<int64_t> s = constantIndex(operand->get());
      if (!s || *s < 0 || *s >= capacity)
        continue;
      int64_t other = (*s + 1) % capacity;
      out.push_back({op, [op, operand, other] {
                       operand->set(indexConstant(op, other));
                     }});
    }
  });
}

void dstOutOfRange(ModuleOp m, Sites &out) {
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    SmallVector<OpOperand *> operands = dstOperands(op);
    if (operands.empty())
      return;
    OpOperand *operand = operands.front();
    int64_t capacity = capacityOf(op);
    out.push_back({op, [op, operand, capacity] {
                     operand->set(indexConstant(op, capacity));
                   }});
  });
}

/// The configured CB ids of `op`'s program, in cb_config order.
SmallVector<std::pair<int64_t, bool>> configuredCBs(Operation *op) {
  SmallVector<std::pair<int64_t, bool>> out; // (id, is bf16)
  if (auto program = op->getParentOfType<ProgramOp>())
    for (auto c : program.getBody().getOps<CBConfigOp>())
      out.push_back({c.getCb(), c.getFormat().isBF16()});
  return out;
}

void swapCB(ModuleOp m, Sites &out) {
  std::map<Operation *, std::unique_ptr<RoundingAnalysis>> analyses;
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    auto program = op->getParentOfType<ProgramOp>();
    std::unique_ptr<RoundingAnalysis> &a = analyses[program];
    if (!a)
      a = std::make_unique<RoundingAnalysis>(program, m);
    SmallVector<std::pair<int64_t, bool>> cbs = configuredCBs(op);
    for (const CBRead &r : cbReads(op, /*withScaler=*/false)) {
      int64_t cb = cast<IntegerAttr>(op->getAttr(r.attr)).getInt();
      auto self = llvm::find_if(cbs, [&](auto &c) { return c.first == cb; });
      if (self == cbs.end())
        continue;
      // The next configured CB of the same format, cyclically.
      size_t i = self - cbs.begin();
      for (size_t k = 1; k < cbs.size(); ++k) {
        auto &cand = cbs[(i + k) % cbs.size()];
        if (cand.second != self->second)
          continue;
        int64_t other = cand.first;
        StringRef attr = r.attr;
        // Two CBs holding the same constant pages there: equivalent.
        if (a->sameConstantPages(op, cb, other))
          break;
        out.push_back({op, [op, attr, other] {
                         op->setAttr(attr, cbAttr(op->getContext(), other));
                       }});
        break;
      }
    }
  });
}

template <typename OpT> void swapFpuOperands(OpT op, Sites &out) {
  out.push_back({op, [op]() mutable {
                   Attribute a = op->getAttr("cb_a"), b = op->getAttr("cb_b");
                   op->setAttr("cb_a", b);
                   op->setAttr("cb_b", a);
                   Value ta = op.getTileA(), tb = op.getTileB();
                   op.getTileAMutable().set(tb);
                   op.getTileBMutable().set(ta);
                 }});
}

void swapOperands(ModuleOp m, Sites &out) {
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    // add and mul without broadcast commute: swapping them is equivalent.
    llvm::TypeSwitch<Operation *>(op)
        .Case<MatmulTilesOp, SubTilesOp>(
            [&](auto o) { swapFpuOperands(o, out); })
        .Case<AddTilesOp, MulTilesOp>([&](auto o) {
          if (o.getBcast() != BcastType::None)
            swapFpuOperands(o, out);
        })
        .Case<SubBinaryTileOp>([&](SubBinaryTileOp o) {
          out.push_back({o, [o]() mutable {
                           Value a = o.getDst0(), b = o.getDst1();
                           o.getDst0Mutable().set(b);
                           o.getDst1Mutable().set(a);
                         }});
        });
  });
}

void tileOffByOne(ModuleOp m, Sites &out) {
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    SmallVector<OpOperand *> tiles;
    for (const CBRead &r : cbReads(op, /*withScaler=*/true))
      tiles.push_back(r.tile);
    if (auto pack = dyn_cast<PackTileOp>(op))
      tiles.push_back(&pack.getTileMutable());
    for (OpOperand *t : tiles)
      out.push_back({op, [op, t] { t->set(plusOne(op, t->get())); }});
  });
}

void dramTileOffByOne(ModuleOp m, Sites &out) {
  forEachInKernel<NocAsyncReadTileOp>(m, [&](NocAsyncReadTileOp op) {
    out.push_back({op, [op]() mutable {
                     op.getTileIdMutable().set(plusOne(op, op.getTileId()));
                   }});
  });
  forEachInKernel<NocAsyncWriteTileOp>(m, [&](NocAsyncWriteTileOp op) {
    out.push_back({op, [op]() mutable {
                     op.getTileIdMutable().set(plusOne(op, op.getTileId()));
                   }});
  });
}

void wrongScaler(ModuleOp m, Sites &out) {
  forEachInKernel<GenerateReduceScalerOp>(m, [&](GenerateReduceScalerOp op) {
    out.push_back({op, [op]() mutable {
                     double v = op.getValue().convertToDouble();
                     op.setValueAttr(FloatAttr::get(op.getValueAttr().getType(),
                                                    v == 0 ? 1.0 : 2 * v));
                   }});
  });
}

/// Skips the last iteration of a loop that streams blocks from the reader
/// (the KV loop of attention), in the reader and the compute kernel alike: a
/// compute loop and a reader loop match when the CBs the compute loop waits
/// on directly are exactly those the reader loop pushes directly.
void skipKVBlock(ModuleOp m, Sites &out) {
  auto directCBs = [](scf::ForOp loop, bool pushes) {
    std::set<int64_t> cbs;
    for (Operation &op : loop.getBody()->getOperations()) {
      if (pushes) {
        if (auto p = dyn_cast<CBPushBackOp>(op))
          cbs.insert(p.getCb());
      } else if (auto w = dyn_cast<CBWaitFrontOp>(op)) {
        cbs.insert(w.getCb());
      }
    }
    return cbs;
  };
  for (auto program : m.getOps<ProgramOp>()) {
    std::vector<std::pair<scf::ForOp, std::set<int64_t>>> readerLoops;
    std::set<int64_t> fromReader;
    program.walk([&](Operation *op) {
      if (auto loop = dyn_cast<scf::ForOp>(op);
          loop && threadName(loop) == "reader")
        readerLoops.push_back({loop, directCBs(loop, true)});
      if (auto push = dyn_cast<CBPushBackOp>(op);
          push && threadName(push) == "reader")
        fromReader.insert(push.getCb());
    });
    program.walk<WalkOrder::PreOrder>([&](scf::ForOp loop) {
      if (threadName(loop) != "compute")
        return;
      // Only the CBs the reader produces: the compute kernel's own CBs
      // are waited on in the same loop.
      std::set<int64_t> waits;
      for (int64_t cb : directCBs(loop, false))
        if (fromReader.count(cb))
          waits.insert(cb);
      if (waits.empty())
        return;
      for (auto &[readerLoop, pushes] : readerLoops) {
        if (pushes != waits)
          continue;
        scf::ForOp r = readerLoop;
        out.push_back({loop, [loop, r] {
                         for (scf::ForOp l : {loop, r}) {
                           OpBuilder b(l);
                           Value ub = arith::SubIOp::create(
                               b, l.getLoc(), l.getUpperBound(), l.getStep());
                           l.getUpperBoundMutable().set(ub);
                         }
                       }});
        break;
      }
    });
  }
}

/// The online-softmax rescale and the final normalisation multiply by a
/// broadcast vector (mul_tiles with bcast) or by a DST slice
/// (mul_binary_tile): the mutant keeps the unscaled value.
void dropRescale(ModuleOp m, Sites &out) {
  forEachInKernel<MulTilesOp>(m, [&](MulTilesOp op) {
    if (op.getBcast() == BcastType::None)
      return;
    out.push_back({op, [op]() mutable {
                     OpBuilder b(op);
                     CopyTileOp::create(b, op.getLoc(), op.getCbAAttr(),
                                        op.getTileA(), op.getDst());
                     op->erase();
                   }});
  });
  forEachInKernel<MulBinaryTileOp>(m, [&](MulBinaryTileOp op) {
    out.push_back({op, [op]() mutable { op->erase(); }});
  });
}

void dropScale(ModuleOp m, Sites &out) {
  forEachInKernel<MulUnaryTileOp>(m, [&](MulUnaryTileOp op) {
    // A factor of 1 is the identity: dropping it is equivalent.
    if (op.getFactor().convertToDouble() != 1.0)
      out.push_back({op, [op]() mutable { op->erase(); }});
  });
}

void bf16State(ModuleOp m, Sites &out) {
  for (auto program : m.getOps<ProgramOp>()) {
    RoundingAnalysis rounding(program, m);
    for (auto config : program.getBody().getOps<CBConfigOp>()) {
      if (!config.getFormat().isF32() ||
          rounding.cbRoundingIsEquivalent(config.getCb()))
        continue;
      out.push_back({config, [config]() mutable {
                       config.setFormatAttr(TypeAttr::get(
                           BFloat16Type::get(config->getContext())));
                     }});
    }
  }
}

void bf16Dst(ModuleOp m, Sites &out) {
  for (auto program : m.getOps<ProgramOp>()) {
    if (!program.getFp32DestAcc() ||
        RoundingAnalysis(program, m).dstRoundingIsEquivalent())
      continue;
    out.push_back(
        {program, [program]() mutable { program.setFp32DestAcc(false); }});
  }
}

void wrongReduceKind(ModuleOp m, Sites &out) {
  forEachInKernel<ReduceTileOp>(m, [&](ReduceTileOp op) {
    out.push_back({op, [op]() mutable {
                     op.setKind(op.getKind() == ReduceKind::Max
                                    ? ReduceKind::Sum
                                    : ReduceKind::Max);
                   }});
  });
}

void wrongReduceDim(ModuleOp m, Sites &out) {
  forEachInKernel<ReduceTileOp>(m, [&](ReduceTileOp op) {
    out.push_back({op, [op]() mutable {
                     op.setDim(op.getDim() == ReduceDim::Row ? ReduceDim::Col
                                                             : ReduceDim::Row);
                   }});
  });
}

BcastType otherBcast(BcastType t) {
  return t == BcastType::Cols ? BcastType::Rows : BcastType::Cols;
}

void wrongBcast(ModuleOp m, Sites &out) {
  forEachInKernel<Operation *>(m, [&](Operation *op) {
    llvm::TypeSwitch<Operation *>(op)
        .Case<AddTilesOp, SubTilesOp, MulTilesOp, UnaryBcastOp>([&](auto o) {
          if (o.getBcast() == BcastType::None)
            return;
          out.push_back(
              {op, [o]() mutable { o.setBcast(otherBcast(o.getBcast())); }});
        });
  });
}

void dropSfpu(ModuleOp m, Sites &out) {
  dropAll<ExpTileOp>(m, out);
  dropAll<RecipTileOp>(m, out);
}

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

struct KindImpl {
  MutationKind kind;
  void (*collect)(ModuleOp, Sites &);
};

const KindImpl kKinds[] = {
    {{"drop-acquire", "erase a tile_regs_acquire", ""},
     dropAll<TileRegsAcquireOp>},
    {{"drop-commit", "erase a tile_regs_commit", ""},
     dropAll<TileRegsCommitOp>},
    {{"drop-wait", "erase a tile_regs_wait", ""}, dropAll<TileRegsWaitOp>},
    {{"drop-release", "erase a tile_regs_release", ""},
     dropAll<TileRegsReleaseOp>},
    {{"pack-before-wait",
      "move a tile_regs_wait after the first pack_tile of its section", ""},
     packBeforeWait},
    {{"math-after-commit",
      "move a tile_regs_commit before the math op (or loop of them) that "
      "precedes it",
      ""},
     mathAfterCommit},
    {{"pack-after-release",
      "move a tile_regs_release before the pack_tile (or loop of them) that "
      "precedes it",
      ""},
     packAfterRelease},
    {{"wrong-dst-slice",
      "a DST slice operand (constant s) becomes (s + 1) mod capacity",
      "the slice of a fill of 0 that only initialises a sum or matmul "
      "accumulator (see missing-accumulator-init)"},
     wrongDstSlice},
    {{"dst-out-of-range", "a DST slice operand becomes the capacity", ""},
     dstOutOfRange},
    {{"drop-wait-front", "erase a cb_wait_front", ""}, dropAll<CBWaitFrontOp>},
    {{"drop-pop-front", "erase a cb_pop_front",
      "a pop that runs once per core, after which its thread never names the "
      "CB again, of a CB that holds every page ever pushed on it"},
     dropPop},
    {{"drop-push-back", "erase a cb_push_back", ""}, dropAll<CBPushBackOp>},
    {{"drop-reserve-back", "erase a cb_reserve_back", ""},
     dropAll<CBReserveBackOp>},
    {{"swap-cb",
      "a compute op reads another CB: the next configured one of the same "
      "format",
      ""},
     swapCB},
    {{"swap-operands",
      "swap the two operands of matmul_tiles, sub_tiles, a broadcasting "
      "add/mul_tiles, or sub_binary_tile",
      "add_tiles and mul_tiles without broadcast, and the commutative SFPU "
      "ops, commute"},
     swapOperands},
    {{"tile-index-off-by-one",
      "a CB tile index of a compute op or pack_tile becomes index + 1", ""},
     tileOffByOne},
    {{"dram-tile-off-by-one",
      "the DRAM tile id of a NoC read or write becomes id + 1", ""},
     dramTileOffByOne},
    {{"wrong-scaler",
      "generate_reduce_scaler writes twice its value (1 where it was 0)", ""},
     wrongScaler},
    {{"missing-scaler", "erase a generate_reduce_scaler", ""},
     dropAll<GenerateReduceScalerOp>},
    {{"missing-accumulator-init",
      "erase a fill_tile (the -inf / 0 initialisation of an accumulator)",
      "a fill of 0 right before a sum or matmul accumulates onto a slice not "
      "yet written in the section (a released slice holds zeros)"},
     dropFill},
    {{"skip-kv-block",
      "skip the last iteration of a block-streaming loop (the KV loop) in "
      "the reader and the compute kernel",
      ""},
     skipKVBlock},
    {{"drop-rescale",
      "a mul_tiles by a broadcast vector becomes a copy of its first operand, "
      "or a mul_binary_tile is erased (the online-softmax rescale, the 1/l "
      "normalisation)",
      ""},
     dropRescale},
    {{"drop-scale", "erase a mul_unary_tile (the 1/sqrt(d) score scale)",
      "a factor of exactly 1"},
     dropScale},
    {{"bf16-state", "an f32 CB becomes bf16 (the state rounded to bf16)",
      "CBs that only ever hold bf16-representable values (loaded from bf16 "
      "DRAM, moved, transposed, broadcast or max-reduced from such), and CBs "
      "read only by NoC writes into bf16 DRAM (the write rounds the same)"},
     bf16State},
    {{"bf16-dst", "a program with fp32_dest_acc loses it (DST rounds to bf16)",
      "programs whose compute kernel writes only bf16-representable values "
      "to DST"},
     bf16Dst},
    {{"wrong-reduce-kind", "a reduce_tile's max becomes sum, or sum max", ""},
     wrongReduceKind},
    {{"wrong-reduce-dim", "a reduce_tile's row becomes col, or col row", ""},
     wrongReduceDim},
    {{"wrong-bcast",
      "a broadcast of columns becomes one of rows, or rows (scalar) columns",
      ""},
     wrongBcast},
    {{"drop-sfpu", "erase an exp_tile or recip_tile", ""}, dropSfpu},
    {{"drop-read-barrier", "erase a noc_async_read_barrier", ""},
     dropAll<NocAsyncReadBarrierOp>},
    {{"drop-write-barrier", "erase a noc_async_write_barrier", ""},
     dropAll<NocAsyncWriteBarrierOp>},
};

const KindImpl *findImpl(StringRef name) {
  for (const KindImpl &k : kKinds)
    if (k.kind.name == name)
      return &k;
  return nullptr;
}

llvm::Error unknownKind(StringRef name) {
  return llvm::createStringError("unknown mutation kind '" + name + "'");
}

} // namespace

llvm::ArrayRef<MutationKind> mutationKinds() {
  static const std::vector<MutationKind> kinds = [] {
    std::vector<MutationKind> v;
    for (const KindImpl &k : kKinds)
      v.push_back(k.kind);
    return v;
  }();
  return kinds;
}

const MutationKind *findMutationKind(StringRef name) {
  for (const MutationKind &k : mutationKinds())
    if (k.name == name)
      return &k;
  return nullptr;
}

llvm::Expected<std::vector<std::string>> mutationSites(ModuleOp module,
                                                       StringRef kind) {
  const KindImpl *k = findImpl(kind);
  if (!k)
    return unknownKind(kind);
  Sites sites;
  k->collect(module, sites);
  std::vector<std::string> out;
  for (const Site &s : sites)
    out.push_back(describe(s.op));
  return out;
}

llvm::Error applyMutation(ModuleOp module, StringRef kind, size_t site) {
  const KindImpl *k = findImpl(kind);
  if (!k)
    return unknownKind(kind);
  Sites sites;
  k->collect(module, sites);
  if (site >= sites.size())
    return llvm::createStringError(
        llvm::formatv("mutation {0}: site {1} does not exist ({2} site(s))",
                      kind, site, sites.size())
            .str());
  sites[site].apply();
  return llvm::Error::success();
}

llvm::Error parseMutationSpec(StringRef spec, std::string &kind, size_t &site) {
  auto [name, index] = spec.rsplit(':');
  unsigned long long n = 0;
  if (name.empty() || index.empty() || index == spec ||
      llvm::getAsUnsignedInteger(index, 10, n))
    return llvm::createStringError("--mutate " + spec +
                                   ": expected KIND:SITE (e.g. drop-wait:0)");
  if (!findImpl(name))
    return unknownKind(name);
  kind = name.str();
  site = static_cast<size_t>(n);
  return llvm::Error::success();
}

std::vector<size_t> sampleSites(size_t count, size_t limit) {
  std::vector<size_t> out;
  if (limit == 0 || count <= limit) {
    for (size_t i = 0; i < count; ++i)
      out.push_back(i);
    return out;
  }
  if (limit == 1)
    return {count / 2};
  // First, last and evenly between (rounded down): distinct since
  // count > limit.
  for (size_t i = 0; i < limit; ++i)
    out.push_back(i * (count - 1) / (limit - 1));
  return out;
}

} // namespace dstlab::harness
