//===- Import.cpp - tt-mlir's post-DST output -> dstlab d2m ---------------===//
//
// The real output (printed with -mlir-print-op-generic -mlir-print-local-scope)
// is first rewritten as text so that dstlab's context can parse it: ttcore's
// tile type and memory spaces become dstlab's, shard layouts go, the real d2m
// ops move to the unregistered `rd2m` namespace and every other ttcore/d2m
// attribute becomes an opaque string. Then each exported func's generic body
// is converted op by op into the matching dstlab generic:
//   - CBs (block arguments at ae4e7b838c, d2m.get_cb at 19c86fca45) map back
//     to dstlab's CB arguments; the extra scaler CBs back to d2m.scaler;
//   - tt-mlir's DST (memref<S x R x C> or memref<S>) accessed with affine
//     load/store becomes dstlab's memref.load/store with explicit indices;
//   - tile-compute loops (scf.for without CB waits) become affine.for, or are
//     inlined when they run once; subviews fold into the accesses;
//   - d2m.iter_index is 0: every exported generic has block factors of 1.
//
//===----------------------------------------------------------------------===//

#include "bridge/Bridge.h"
#include "bridge/BridgeInternal.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::bridge;

namespace {

llvm::Error importError(const llvm::Twine &msg) {
  return llvm::createStringError(("import: " + msg).str());
}

/// The end of an attribute or type body starting at `open` (a '<'), skipping
/// the `->` of affine maps; npos when unbalanced.
size_t matchAngle(llvm::StringRef s, size_t open) {
  int depth = 0;
  for (size_t i = open; i < s.size(); ++i) {
    if (s[i] == '-' && i + 1 < s.size() && s[i + 1] == '>') {
      ++i;
      continue;
    }
    if (s[i] == '"') { // skip string literals
      for (++i; i < s.size() && s[i] != '"'; ++i)
        if (s[i] == '\\')
          ++i;
      continue;
    }
    if (s[i] == '<')
      ++depth;
    else if (s[i] == '>' && --depth == 0)
      return i;
  }
  return llvm::StringRef::npos;
}

/// Replaces every `prefix<...>` in `text` by f(body) (the text between the
/// angle brackets).
std::string replaceAngled(llvm::StringRef text, llvm::StringRef prefix,
                          llvm::function_ref<std::string(llvm::StringRef)> f) {
  std::string out;
  size_t pos = 0;
  while (true) {
    size_t at = text.find(prefix, pos);
    if (at == llvm::StringRef::npos)
      break;
    size_t open = at + prefix.find('<');
    size_t close = matchAngle(text, open);
    if (close == llvm::StringRef::npos)
      break;
    out += text.slice(pos, at);
    out += f(text.slice(open + 1, close));
    pos = close + 1;
  }
  out += text.drop_front(pos);
  return out;
}

std::string quote(llvm::StringRef s) {
  std::string q = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      q += '\\';
    q += c;
  }
  return q + "\"";
}

} // namespace

/// The real output in a form dstlab's context parses (see the file comment).
std::string dstlab::bridge::rewriteForImport(llvm::StringRef real) {
  std::string t = real.str();
  t = replaceAngled(t, "!ttcore.tile<", [](llvm::StringRef body) {
    // "32x32, bf16"
    auto [shape, elt] = body.split(',');
    return ("!d2m.tile<" + elt.trim() + ">").str();
  });
  t = replaceAngled(t, "#ttcore.memory_space<", [](llvm::StringRef body) {
    body = body.trim();
    return (body == "dst" ? "#d2m.memspace<dst>" : "#d2m.memspace<cb>");
  });
  // Shard layouts of memrefs: `#ttcore.shard<...>, ` before the space.
  t = replaceAngled(t, "#ttcore.shard<",
                    [](llvm::StringRef) { return std::string("@@shard@@"); });
  for (size_t p; (p = t.find("@@shard@@, ")) != std::string::npos;)
    t.erase(p, strlen("@@shard@@, "));
  t = replaceAngled(t, "#d2m<reduce_dim ", [](llvm::StringRef body) {
    return ("#d2m.reduce_dim<" + body.rsplit(' ').second.trim() + ">").str();
  });
  t = replaceAngled(t, "#d2m<tile_bcast_type ", [](llvm::StringRef body) {
    return ("#d2m.bcast<" + body.rsplit(' ').second.trim() + ">").str();
  });
  // Everything else of ttcore's and d2m's that dstlab does not know is kept
  // as an opaque string: the import reads none of it.
  {
    std::string out;
    llvm::StringRef in(t);
    for (size_t i = 0; i < in.size();) {
      if (in[i] == '"') { // string literals are copied as they are
        size_t j = i + 1;
        for (; j < in.size() && in[j] != '"'; ++j)
          if (in[j] == '\\')
            ++j;
        out += in.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      llvm::StringRef rest = in.drop_front(i);
      bool foreign =
          rest.starts_with("#ttcore.") || rest.starts_with("!ttcore.") ||
          rest.starts_with("#d2m<") ||
          (rest.starts_with("#d2m.") && !rest.starts_with("#d2m.memspace<") &&
           !rest.starts_with("#d2m.reduce_dim<") &&
           !rest.starts_with("#d2m.bcast<"));
      size_t open = foreign ? in.find('<', i) : llvm::StringRef::npos;
      size_t close =
          open == llvm::StringRef::npos ? open : matchAngle(in, open);
      if (close == llvm::StringRef::npos) {
        out += in[i++];
        continue;
      }
      out += quote(in.slice(i, close + 1));
      i = close + 1;
    }
    t = std::move(out);
  }
  // Real d2m and ttcore ops become unregistered.
  for (size_t p = 0; (p = t.find("\"d2m.", p)) != std::string::npos; p += 6)
    t.replace(p, 5, "\"rd2m.");
  for (size_t p = 0; (p = t.find("\"ttcore.", p)) != std::string::npos; p += 9)
    t.replace(p, 8, "\"rttcore.");
  return t;
}

/// The attributes of an unregistered op: its `<{...}>` properties (kept as a
/// dictionary) and its attribute dictionary.
SmallVector<NamedAttribute> inherent(Operation *op) {
  SmallVector<NamedAttribute> all(op->getAttrs());
  if (auto props =
          dyn_cast_or_null<DictionaryAttr>(op->getPropertiesAsAttribute()))
    all.append(props.begin(), props.end());
  return all;
}

DictionaryAttr inherentDict(Operation *op) {
  return DictionaryAttr::get(op->getContext(), inherent(op));
}

namespace {

bool isDst(Type t) {
  auto m = dyn_cast<MemRefType>(t);
  return m && d2m::getMemorySpace(m) == d2m::MemorySpace::DST;
}

bool holdsCBViews(Operation *op) {
  return op
      ->walk([](Operation *o) {
        llvm::StringRef n = o->getName().getStringRef();
        return n == "rd2m.wait" || n == "rd2m.reserve" ? WalkResult::interrupt()
                                                       : WalkResult::advance();
      })
      .wasInterrupted();
}

class Importer {
public:
  Importer(d2m::GenericOp generic, const Commit &commit)
      : generic(generic), b(generic.getContext()) {
    generic.walk([&](d2m::ScalerOp s) { scalers.push_back(s); });
  }

  llvm::Error run(Operation *realGeneric);

private:
  d2m::GenericOp generic;
  Block *newBody = nullptr;
  OpBuilder b;
  IRMapping map;
  SmallVector<d2m::ScalerOp> scalers;
  /// Unit-stride subviews of the real region: folded into their accesses,
  /// as dstlab's CB indexing expects (source, offsets).
  DenseMap<Value, std::pair<Value, SmallVector<OpFoldResult>>> subviews;
  /// CB values of the real region that stand for a scaler.
  DenseMap<Value, d2m::ScalerOp> scalerCbs;
  /// d2m.scratch_allocate results (19c86fca45's spill-and-scratch): their
  /// rank-4 shape [outer..., subblock...]; each becomes a rank-2 CB buffer.
  DenseMap<Value, SmallVector<int64_t>> scratchShapes;

  llvm::Error mapCb(Value real, unsigned index);
  llvm::Error convertBlock(Block &src);
  llvm::Error convertOp(Operation &op);
  llvm::Error cloneWithRegions(Operation &op);
  llvm::Error convertTileOp(Operation &op);
  SmallVector<Value> dstIndices(AffineMap m, ValueRange operands, Location loc);
  llvm::Error convertScratchAccess(Operation &op);
  std::optional<bool> staticCondition(Value cond);
};

llvm::Error Importer::mapCb(Value real, unsigned index) {
  Block &body = *newBody;
  unsigned nIns = generic.getInputs().size();
  unsigned nArgs = body.getNumArguments();
  unsigned nScalers = scalers.size();
  if (index >= nIns && index < nIns + nScalers) {
    scalerCbs[real] = scalers[index - nIns];
    return llvm::Error::success();
  }
  unsigned arg = index < nIns ? index : index - nScalers;
  if (arg >= nArgs)
    return importError("CB #" + llvm::Twine(index) +
                       " has no operand in dstlab's generic @" +
                       generic.getSymName());
  map.map(real, body.getArgument(arg));
  return llvm::Error::success();
}

/// A constant, or the induction variable of an affine loop that runs once
/// (tile-compute loops over one tile): its only value.
static std::optional<int64_t> knownIndex(Value v) {
  if (std::optional<int64_t> c = getConstantIntValue(v))
    return c;
  auto loop = affine::getForInductionVarOwner(v);
  if (!loop || !loop.hasConstantBounds())
    return std::nullopt;
  int64_t lb = loop.getConstantLowerBound(), ub = loop.getConstantUpperBound();
  if (lb < ub && lb + loop.getStepAsInt() >= ub)
    return lb;
  return std::nullopt;
}

SmallVector<Value> Importer::dstIndices(AffineMap m, ValueRange operands,
                                        Location loc) {
  SmallVector<Value> mapped, out;
  for (Value o : operands)
    mapped.push_back(map.lookupOrDefault(o));
  // Operands with one possible value fold in, so that a slice index the
  // real pass computes from a constant reads as a constant (the kernel
  // lowering tracks slices by constant index).
  SmallVector<AffineExpr> dims, syms;
  for (unsigned i = 0; i < m.getNumInputs(); ++i) {
    std::optional<int64_t> c = knownIndex(mapped[i]);
    AffineExpr e =
        c ? b.getAffineConstantExpr(*c)
          : (i < m.getNumDims() ? b.getAffineDimExpr(i)
                                : b.getAffineSymbolExpr(i - m.getNumDims()));
    (i < m.getNumDims() ? dims : syms).push_back(e);
  }
  m = m.replaceDimsAndSymbols(dims, syms, m.getNumDims(), m.getNumSymbols());
  for (unsigned r = 0; r < m.getNumResults(); ++r) {
    AffineExpr e = m.getResult(r);
    if (auto c = dyn_cast<AffineConstantExpr>(e)) {
      out.push_back(arith::ConstantIndexOp::create(b, loc, c.getValue()));
      continue;
    }
    out.push_back(
        affine::AffineApplyOp::create(b, loc, m.getSubMap({r}), mapped));
  }
  return out;
}

std::optional<bool> Importer::staticCondition(Value cond) {
  auto cmp = cond.getDefiningOp<arith::CmpIOp>();
  if (!cmp)
    return std::nullopt;
  std::optional<int64_t> l = knownIndex(cmp.getLhs());
  std::optional<int64_t> r = knownIndex(cmp.getRhs());
  if (!l || !r)
    return std::nullopt;
  switch (cmp.getPredicate()) {
  case arith::CmpIPredicate::eq:
    return *l == *r;
  case arith::CmpIPredicate::ne:
    return *l != *r;
  case arith::CmpIPredicate::slt:
  case arith::CmpIPredicate::ult:
    return *l < *r;
  case arith::CmpIPredicate::sle:
  case arith::CmpIPredicate::ule:
    return *l <= *r;
  case arith::CmpIPredicate::sgt:
  case arith::CmpIPredicate::ugt:
    return *l > *r;
  case arith::CmpIPredicate::sge:
  case arith::CmpIPredicate::uge:
    return *l >= *r;
  }
  return std::nullopt;
}

/// An access [e0, e1, e2, e3] of a rank-4 scratch buffer [A, B, C, D] reads
/// [e0 * C + e2, e1 * D + e3] of its rank-2 counterpart: a bijection, so what
/// one nest stores the next loads.
llvm::Error Importer::convertScratchAccess(Operation &op) {
  auto ld = dyn_cast<affine::AffineLoadOp>(op);
  auto st = dyn_cast<affine::AffineStoreOp>(op);
  Value mem = ld ? ld.getMemRef() : st.getMemRef();
  AffineMap m = ld ? ld.getAffineMap() : st.getAffineMap();
  ArrayRef<int64_t> sh = scratchShapes.lookup(mem);
  if (m.getNumResults() != 4)
    return importError("an access of a d2m.scratch_allocate buffer with " +
                       llvm::Twine(m.getNumResults()) + " indices");
  AffineMap flat = AffineMap::get(m.getNumDims(), m.getNumSymbols(),
                                  {m.getResult(0) * sh[2] + m.getResult(2),
                                   m.getResult(1) * sh[3] + m.getResult(3)},
                                  b.getContext());
  SmallVector<Value> operands;
  for (Value v : ld ? ld.getMapOperands() : st.getMapOperands())
    operands.push_back(map.lookupOrDefault(v));
  Value buffer = map.lookup(mem);
  if (ld) {
    map.map(ld.getResult(), affine::AffineLoadOp::create(b, op.getLoc(), buffer,
                                                         flat, operands));
  } else {
    affine::AffineStoreOp::create(b, op.getLoc(),
                                  map.lookupOrDefault(st.getValueToStore()),
                                  buffer, flat, operands);
  }
  return llvm::Error::success();
}

llvm::Error Importer::convertBlock(Block &src) {
  for (Operation &op : src)
    if (llvm::Error e = convertOp(op))
      return e;
  return llvm::Error::success();
}

llvm::Error Importer::cloneWithRegions(Operation &op) {
  OperationState st(op.getLoc(), op.getName());
  for (Value v : op.getOperands()) {
    Value m = map.lookupOrNull(v);
    if (!m)
      return importError(op.getName().getStringRef() +
                         ": an operand the import did not map");
    st.addOperands(m);
  }
  st.addTypes(op.getResultTypes());
  for (NamedAttribute na : op.getDiscardableAttrs())
    st.addAttribute(na.getName(), na.getValue());
  st.propertiesAttr = op.getPropertiesAsAttribute();
  for (unsigned i = 0; i < op.getNumRegions(); ++i)
    st.addRegion();
  Operation *n = b.create(st);
  map.map(op.getResults(), n->getResults());
  for (auto [from, to] : llvm::zip(op.getRegions(), n->getRegions())) {
    for (Block &blk : from) {
      Block *nb = new Block();
      to.push_back(nb);
      for (BlockArgument a : blk.getArguments())
        map.map(a, nb->addArgument(a.getType(), a.getLoc()));
      OpBuilder::InsertionGuard g(b);
      b.setInsertionPointToEnd(nb);
      if (llvm::Error e = convertBlock(blk))
        return e;
    }
  }
  return llvm::Error::success();
}

llvm::Error Importer::convertTileOp(Operation &op) {
  llvm::StringRef name = op.getName().getStringRef().drop_front(5); // rd2m.
  Location loc = op.getLoc();
  SmallVector<Value> operands;
  for (Value v : op.getOperands())
    operands.push_back(map.lookupOrDefault(v));
  Type resultType = op.getResult(0).getType();
  if (name == "tile_mul" && operands.size() == 2 &&
      !isa<d2m::TileType>(operands[1].getType())) {
    // 19c86fca45's scalar rhs: dstlab's tile_scale.
    FloatAttr f;
    if (!matchPattern(operands[1], m_Constant(&f)))
      return importError("d2m.tile_mul with a non-constant scalar");
    Value r = d2m::TileScaleOp::create(b, loc, operands[0],
                                       b.getF64FloatAttr(f.getValueAsDouble()));
    map.map(op.getResult(0), r);
    return llvm::Error::success();
  }
  if (name == "tile_fill") {
    FloatAttr f;
    if (operands.size() != 1 || !matchPattern(operands[0], m_Constant(&f)))
      return importError("d2m.tile_fill with a non-constant value");
    Value r = d2m::TileFillOp::create(b, loc, resultType,
                                      b.getF64FloatAttr(f.getValueAsDouble()));
    map.map(op.getResult(0), r);
    return llvm::Error::success();
  }
  static const llvm::StringLiteral same[] = {
      "tile_matmul", "tile_transpose",  "tile_add",       "tile_sub",
      "tile_mul",    "tile_maximum",    "tile_exp",       "tile_recip",
      "tile_bcast",  "tile_reduce_max", "tile_reduce_sum"};
  if (!llvm::is_contained(same, name))
    return importError("d2m." + name + ": no dstlab counterpart");
  OperationState st(loc, ("d2m." + name).str());
  st.addOperands(operands);
  st.addTypes(resultType);
  // The real op's inherent attributes (reduce_dim, bcast_type) were parsed
  // as dstlab's; dstlab's tile_bcast names its attribute bcast_type too.
  // Checked first: a malformed properties dictionary is not diagnosed.
  DictionaryAttr props = inherentDict(&op);
  if (name.starts_with("tile_reduce") &&
      !isa_and_nonnull<d2m::ReduceDimAttr>(props.get("reduce_dim")))
    return importError("d2m." + name + ": reduce_dim missing or unknown");
  if (name == "tile_bcast" &&
      !isa_and_nonnull<d2m::BcastTypeAttr>(props.get("bcast_type")))
    return importError("d2m." + name +
                       ": bcast_type missing or not one of "
                       "col, row, scalar");
  if (name.starts_with("tile_reduce") || name == "tile_bcast")
    st.propertiesAttr = props;
  Operation *n = b.create(st);
  if (failed(mlir::verify(n)))
    return importError("d2m." + name + ": does not verify as dstlab's op");
  map.map(op.getResult(0), n->getResult(0));
  return llvm::Error::success();
}

llvm::Error Importer::convertOp(Operation &op) {
  llvm::StringRef name = op.getName().getStringRef();
  Location loc = op.getLoc();
  if (name == "rd2m.get_cb") {
    auto idx =
        dyn_cast_or_null<IntegerAttr>(inherentDict(&op).get("cb_operand_idx"));
    if (!idx)
      return importError("d2m.get_cb without an index");
    return mapCb(op.getResult(0), idx.getInt());
  }
  if (name == "rd2m.wait" || name == "rd2m.reserve") {
    Value cb = op.getOperand(0);
    if (auto it = scalerCbs.find(cb); it != scalerCbs.end()) {
      if (name != "rd2m.wait")
        return importError("d2m.reserve of a scaler CB");
      Operation *s = b.clone(*it->second);
      map.map(op.getResult(0), s->getResult(0));
      return llvm::Error::success();
    }
    Value mcb = map.lookupOrNull(cb);
    if (!mcb)
      return importError(name.drop_front(1) + ": on an unknown CB");
    auto cbType = cast<d2m::CBType>(mcb.getType());
    Value r =
        name == "rd2m.wait"
            ? d2m::WaitOp::create(b, loc, cbType.getMemref(), mcb).getResult()
            : d2m::ReserveOp::create(b, loc, cbType.getMemref(), mcb)
                  .getResult();
    map.map(op.getResult(0), r);
    return llvm::Error::success();
  }
  if (name == "rd2m.acquire_dst") {
    Value r = d2m::AcquireDstOp::create(b, loc, op.getResult(0).getType())
                  .getResult();
    map.map(op.getResult(0), r);
    return llvm::Error::success();
  }
  if (name == "rd2m.scratch_allocate") {
    // A scratch buffer of L1 tiles indexed [outer ivs..., subblock ivs...]:
    // dstlab's intermediate CB buffer, rank 2 (convertScratchAccess).
    auto type = dyn_cast<MemRefType>(op.getResult(0).getType());
    if (!type || type.getRank() != 4 || !type.hasStaticShape())
      return importError("d2m.scratch_allocate: expected a static rank-4 "
                         "memref");
    ArrayRef<int64_t> sh = type.getShape();
    auto flat = d2m::getTileMemRef({sh[0] * sh[2], sh[1] * sh[3]},
                                   cast<d2m::TileType>(type.getElementType()),
                                   d2m::MemorySpace::CB);
    map.map(op.getResult(0), memref::AllocOp::create(b, loc, flat));
    scratchShapes[op.getResult(0)] = llvm::to_vector(sh);
    return llvm::Error::success();
  }
  if (name == "rd2m.iter_index") {
    // Every exported generic has block factors of 1: one block per item.
    map.map(op.getResult(0), arith::ConstantIndexOp::create(b, loc, 0));
    return llvm::Error::success();
  }
  // Hardware synchronisation the simulator's DST model does not need: the
  // packer mask only matters to real reduce hardware, and the unpacker
  // stall orders unpack after pack, which the simulator already does.
  if (name == "rd2m.packer_mask_reset" || name == "rd2m.unpack_stall_on_pack")
    return llvm::Error::success();
  if (name.starts_with("rd2m.tile_"))
    return convertTileOp(op);
  if (name.starts_with("rd2m.") || name.starts_with("rttcore."))
    return importError(name.drop_front(1) + ": no dstlab counterpart");

  if (auto sv = dyn_cast<memref::SubViewOp>(op)) {
    bool unit =
        llvm::all_of(sv.getStaticStrides(), [](int64_t s) { return s == 1; });
    if (!unit || sv.getType().getRank() != sv.getSourceType().getRank())
      return importError("memref.subview: not a unit-stride view the import "
                         "can fold");
    SmallVector<OpFoldResult> offsets;
    for (OpFoldResult o : sv.getMixedOffsets()) {
      if (auto v = dyn_cast<Value>(o))
        offsets.push_back(map.lookupOrDefault(v));
      else
        offsets.push_back(o);
    }
    Value src = sv.getSource();
    if (auto it = subviews.find(src); it != subviews.end())
      return importError("memref.subview of a subview");
    subviews[sv.getResult()] = {src, offsets};
    return llvm::Error::success();
  }
  if (isa<affine::AffineLoadOp, affine::AffineStoreOp>(op)) {
    Value mem = isa<affine::AffineLoadOp>(op)
                    ? cast<affine::AffineLoadOp>(op).getMemRef()
                    : cast<affine::AffineStoreOp>(op).getMemRef();
    if (scratchShapes.count(mem))
      return convertScratchAccess(op);
  }
  if (isa<affine::AffineLoadOp, affine::AffineStoreOp>(op)) {
    auto ld = dyn_cast<affine::AffineLoadOp>(op);
    auto st = dyn_cast<affine::AffineStoreOp>(op);
    Value mem = ld ? ld.getMemRef() : st.getMemRef();
    if (auto it = subviews.find(mem); it != subviews.end()) {
      // access(view, map(x)) = access(source, map(x) + offsets).
      AffineMap m = ld ? ld.getAffineMap() : st.getAffineMap();
      SmallVector<Value> operands;
      for (Value v : ld ? ld.getMapOperands() : st.getMapOperands())
        operands.push_back(map.lookupOrDefault(v));
      unsigned nDims = m.getNumDims();
      SmallVector<AffineExpr> results;
      SmallVector<Value> dimOps(operands.begin(), operands.begin() + nDims);
      SmallVector<Value> symOps(operands.begin() + nDims, operands.end());
      for (auto [k, o] : llvm::enumerate(it->second.second)) {
        AffineExpr off;
        if (std::optional<int64_t> c = getConstantIntValue(o)) {
          off = b.getAffineConstantExpr(*c);
        } else {
          off = b.getAffineDimExpr(dimOps.size());
          dimOps.push_back(cast<Value>(o));
        }
        results.push_back(m.getResult(k) + off);
      }
      AffineMap nm = AffineMap::get(dimOps.size(), m.getNumSymbols(), results,
                                    b.getContext());
      // Symbols follow the dims, which grew.
      nm = nm.shiftSymbols(0);
      SmallVector<Value> all(dimOps);
      all.append(symOps);
      Value src = map.lookupOrNull(it->second.first);
      if (!src)
        return importError("memref.subview of an unknown buffer");
      if (ld) {
        Value r = affine::AffineLoadOp::create(b, loc, src, nm, all);
        map.map(ld.getResult(), r);
      } else {
        affine::AffineStoreOp::create(
            b, loc, map.lookupOrDefault(st.getValueToStore()), src, nm, all);
      }
      return llvm::Error::success();
    }
  }
  if (auto ld = dyn_cast<affine::AffineLoadOp>(op);
      ld && isDst(ld.getMemRefType())) {
    SmallVector<Value> idx =
        dstIndices(ld.getAffineMap(), ld.getMapOperands(), loc);
    Value r = memref::LoadOp::create(b, loc,
                                     map.lookupOrDefault(ld.getMemRef()), idx);
    map.map(ld.getResult(), r);
    return llvm::Error::success();
  }
  if (auto st = dyn_cast<affine::AffineStoreOp>(op);
      st && isDst(st.getMemRefType())) {
    SmallVector<Value> idx =
        dstIndices(st.getAffineMap(), st.getMapOperands(), loc);
    memref::StoreOp::create(b, loc, map.lookupOrDefault(st.getValueToStore()),
                            map.lookupOrDefault(st.getMemRef()), idx);
    return llvm::Error::success();
  }
  if (auto f = dyn_cast<scf::ForOp>(op); f && !holdsCBViews(f)) {
    // A tile-compute loop: affine, or inlined when it runs once.
    std::optional<int64_t> lb =
        getConstantIntValue(map.lookupOrDefault(f.getLowerBound()));
    std::optional<int64_t> ub =
        getConstantIntValue(map.lookupOrDefault(f.getUpperBound()));
    std::optional<int64_t> step =
        getConstantIntValue(map.lookupOrDefault(f.getStep()));
    if (!lb || !ub || !step || *step <= 0 || f.getNumResults())
      return importError("scf.for over tiles with non-constant bounds");
    if (*lb + *step >= *ub) {
      if (*lb >= *ub)
        return llvm::Error::success();
      map.map(f.getInductionVar(), arith::ConstantIndexOp::create(b, loc, *lb));
      for (Operation &o : f.getBody()->without_terminator())
        if (llvm::Error e = convertOp(o))
          return e;
      return llvm::Error::success();
    }
    auto af = affine::AffineForOp::create(b, loc, *lb, *ub, *step);
    map.map(f.getInductionVar(), af.getInductionVar());
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPoint(af.getBody()->getTerminator());
    for (Operation &o : f.getBody()->without_terminator())
      if (llvm::Error e = convertOp(o))
        return e;
    return llvm::Error::success();
  }
  if (auto i = dyn_cast<scf::IfOp>(op)) {
    std::optional<bool> c =
        staticCondition(map.lookupOrDefault(i.getCondition()));
    if (c && !i.getNumResults()) {
      Region &r = *c ? i.getThenRegion() : i.getElseRegion();
      if (!r.empty())
        for (Operation &o : r.front().without_terminator())
          if (llvm::Error e = convertOp(o))
            return e;
      return llvm::Error::success();
    }
  }
  if (isa<arith::ArithDialect, affine::AffineDialect, memref::MemRefDialect,
          scf::SCFDialect>(op.getDialect()))
    return cloneWithRegions(op);
  return importError(name + ": not expected in a compute region");
}

llvm::Error Importer::run(Operation *realGeneric) {
  if (realGeneric->getNumRegions() < 1 || realGeneric->getRegion(0).empty())
    return importError("d2m.generic without a region");
  Block &src = realGeneric->getRegion(0).front();
  Block &old = generic.getRegion().front();
  // The new body is built beside the old one and replaces it only once the
  // whole region converted: a failed import leaves the module as it was.
  auto fresh = std::make_unique<Block>();
  for (BlockArgument a : old.getArguments())
    fresh->addArgument(a.getType(), a.getLoc());
  newBody = fresh.get();
  // The real region's block arguments are the CBs (ae4e7b838c); 19c86fca45
  // gets them with d2m.get_cb instead.
  for (BlockArgument a : src.getArguments())
    if (llvm::Error e = mapCb(a, a.getArgNumber()))
      return e;
  b.setInsertionPointToEnd(newBody);
  // Constants the real pass left outside the generic come in with it; any
  // other value from outside has no meaning in dstlab's region.
  llvm::Error outside = llvm::Error::success();
  realGeneric->walk([&](Operation *op) {
    if (op == realGeneric) // its operands are the func's memrefs
      return WalkResult::advance();
    for (Value v : op->getOperands()) {
      Operation *def = v.getDefiningOp();
      if (map.contains(v) ||
          (!def &&
           realGeneric->isAncestor(v.getParentBlock()->getParentOp())) ||
          (def && realGeneric->isAncestor(def)))
        continue;
      if (def && isa<arith::ConstantOp>(def)) {
        map.map(v, b.clone(*def)->getResult(0));
        continue;
      }
      if (!outside)
        outside = importError(op->getName().getStringRef().ltrim('r') +
                              ": uses a value defined outside the d2m.generic");
      return WalkResult::interrupt();
    }
    return WalkResult::advance();
  });
  if (outside)
    return outside;
  if (llvm::Error e = convertBlock(src))
    return e;
  d2m::YieldOp::create(b, generic.getLoc());
  // Conditions the import decided (iter_index guards) and other unused
  // index arithmetic go: the kernel lowering expects none in its nests.
  bool erased = true;
  while (erased) {
    erased = false;
    newBody->walk<WalkOrder::PostOrder>([&](Operation *op) {
      if (isa<arith::ArithDialect, affine::AffineDialect>(op->getDialect()) &&
          op->getNumRegions() == 0 && isOpTriviallyDead(op)) {
        op->erase();
        erased = true;
      }
    });
  }
  generic.getRegion().push_back(fresh.release());
  for (Operation &op : llvm::make_early_inc_range(llvm::reverse(old))) {
    op.dropAllUses();
    op.erase();
  }
  old.erase();

  if (failed(mlir::verify(generic)))
    return importError("the imported region of @" + generic.getSymName() +
                       " does not verify");
  return llvm::Error::success();
}

} // namespace

llvm::Error dstlab::bridge::importModule(ModuleOp module,
                                         llvm::StringRef realOutput,
                                         const Commit &commit,
                                         llvm::StringRef realOutputName) {
  MLIRContext *ctx = module.getContext();
  std::string text = rewriteForImport(realOutput);
  std::string diags;
  OwningOpRef<ModuleOp> real;
  {
    bool allowed = ctx->allowsUnregisteredDialects();
    ctx->allowUnregisteredDialects(true);
    ScopedDiagnosticHandler handler(ctx, [&](Diagnostic &d) {
      if (d.getSeverity() == DiagnosticSeverity::Error && diags.empty()) {
        llvm::raw_string_ostream os(diags);
        if (auto flc = dyn_cast<FileLineColLoc>(d.getLocation()))
          os << flc.getFilename().getValue() << ":" << flc.getLine() << ":"
             << flc.getColumn();
        else
          d.getLocation().print(os);
        os << ": " << d.str();
      }
      return success();
    });
    real = parseSourceString<ModuleOp>(text, ParserConfig(ctx), realOutputName);
    ctx->allowUnregisteredDialects(allowed);
  }
  if (!real)
    return importError("cannot parse the real output: " + diags);

  SmallVector<std::pair<func::FuncOp, d2m::GenericOp>> generics;
  module.walk([&](d2m::GenericOp g) {
    generics.push_back({g->getParentOfType<func::FuncOp>(), g});
  });
  for (auto [f, g] : generics) {
    if (!f)
      return importError("d2m.generic outside a func");
    std::string name = exportName(f, g);
    func::FuncOp realFunc;
    real->walk([&](func::FuncOp rf) {
      if (rf.getSymName() == name)
        realFunc = rf;
    });
    if (!realFunc)
      return importError("func.func @" + name + ": not in the real output");
    SmallVector<Operation *> realGenerics;
    realFunc.walk([&](Operation *op) {
      if (op->getName().getStringRef() == "rd2m.generic")
        realGenerics.push_back(op);
    });
    if (realGenerics.size() != 1)
      return importError("func.func @" + name +
                         ": expected one d2m.generic, "
                         "found " +
                         llvm::Twine(realGenerics.size()));
    Importer im(g, commit);
    if (llvm::Error e = im.run(realGenerics.front()))
      return e;
  }
  return llvm::Error::success();
}

namespace {
struct ImportPass : public PassWrapper<ImportPass, OperationPass<ModuleOp>> {
  MLIR_DEFINE_EXPLICIT_INTERNAL_INLINE_TYPE_ID(ImportPass)
  ImportPass(std::string real, const Commit &commit)
      : real(std::move(real)), commit(commit) {}
  llvm::StringRef getArgument() const override { return "dstlab-import"; }
  void runOnOperation() override {
    if (llvm::Error e = importModule(getOperation(), real, commit)) {
      getOperation().emitError() << llvm::toString(std::move(e));
      signalPassFailure();
    }
  }
  std::string real;
  const Commit &commit;
};
} // namespace

std::unique_ptr<Pass> dstlab::bridge::createImportPass(std::string realOutput,
                                                       const Commit &commit) {
  return std::make_unique<ImportPass>(std::move(realOutput), commit);
}
