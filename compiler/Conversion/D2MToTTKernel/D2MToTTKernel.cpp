//===- D2MToTTKernel.cpp - d2m generics to ttkernel programs --------------===//
//
// Each d2m.generic (after DST allocation) becomes a ttkernel.program with a
// reader, a compute and a writer kernel that every core of the grid runs on
// its own work items (item = core, core + ncores, ...). The compute kernel
// follows the DST protocol per compute nest:
//   tile_regs_acquire; copy-ins; compute; tile_regs_commit;
//   tile_regs_wait; pack_tile copy-outs; tile_regs_release.
// Where the hardware needs an operand in a CB and the IR has it in DST, the
// upstream lowering behaves as documented in compiler/Dialect/D2M/Rationale.md:
// a matmul operand is re-read from the CB its slice was copied from (so a
// transpose applied in DST is lost); a reduce operand is a diagnostic.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/DstUtils.h"

#include "mlir/Dialect/Affine/Utils.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "llvm/ADT/TypeSwitch.h"

#include <functional>
#include <numeric>

namespace dstlab {
#define GEN_PASS_DEF_D2MTOTTKERNEL
#include "compiler/Conversion/Passes.h.inc"
} // namespace dstlab

using namespace mlir;
using namespace dstlab;
namespace tk = dstlab::ttkernel;

namespace {

/// CB ids: inputs 0.., outputs 16.., scalers and intermediates in the rest.
constexpr int32_t kOutputBase = 16;

int64_t volumeOf(MemRefType t) { return t.getNumElements(); }

/// Where a tile operand lives at kernel level.
struct Operand {
  bool inDst = false;
  int32_t cb = -1;
  Value index; ///< flat tile index in the CB, or flat DST index
  int64_t dstSlice = -1;
};

class GenericLowering {
public:
  IntegerAttr I(int32_t v) { return b.getI32IntegerAttr(v); }
  GenericLowering(d2m::GenericOp generic, ArrayRef<StringAttr> bufferNames,
                  tk::MathFidelity fidelity, StringAttr programName,
                  bool explicitSfpuOutput)
      : generic(generic), bufferNames(bufferNames), fidelity(fidelity),
        b(generic.getContext()), programName(programName),
        explicitSfpuOutput(explicitSfpuOutput) {}

  LogicalResult lower(OpBuilder &moduleBuilder);

private:
  d2m::GenericOp generic;
  ArrayRef<StringAttr> bufferNames; // per generic operand
  tk::MathFidelity fidelity;
  OpBuilder b;
  StringAttr programName;
  bool explicitSfpuOutput;
  DenseMap<Value, int32_t> cbIds;    // CB-space memref or d2m.cb -> id
  DenseMap<int32_t, int64_t> cbPages;
  DenseMap<int32_t, Type> cbFormat; // element type of each CB's tiles
  DenseMap<int32_t, double> scalerValues;
  DenseMap<int32_t, int> streamWaits; // stream CB -> waits per item
  IRMapping map;                       // d2m index values -> kernel values
  // Per compute nest: DST slice -> the CB transfer that filled it.
  DenseMap<int64_t, d2m::SliceTransfer> copiedFrom;
  Value dst;
  SmallVector<Value> nestIvs; // the current compute nest's ivs (d2m values)
  enum class CBState { None, Reserved, Visible };
  DenseMap<int32_t, CBState> cbState;

  Value idx(int64_t v) {
    return arith::ConstantIndexOp::create(b, generic.getLoc(), v);
  }
  Value linearize(ArrayRef<Value> ivs, ArrayRef<int64_t> shape) {
    Location loc = generic.getLoc();
    Value flat = idx(0);
    for (auto [iv, extent] : llvm::zip(ivs, shape)) {
      flat = arith::MulIOp::create(b, loc, flat, idx(extent));
      flat = arith::AddIOp::create(b, loc, flat, iv);
    }
    return flat;
  }
  int32_t cbOf(Value memref) { return cbIds.lookup(memref); }
  /// A d2m index value in the kernel being built.
  Value mapped(Value v) {
    if (Value m = map.lookupOrNull(v))
      return m;
    if (auto c = v.getDefiningOp<arith::ConstantIndexOp>())
      return idx(c.value());
    // An index computed after its first use in program order (a DST store's
    // slice index that follows the tile op, as tt-mlir's pass emits it):
    // recomputed here, uncached, so that it dominates wherever it is used.
    if (auto ap = v.getDefiningOp<affine::AffineApplyOp>()) {
      SmallVector<Value> operands;
      for (Value o : ap.getMapOperands())
        operands.push_back(mapped(o));
      return affine::AffineApplyOp::create(b, ap.getLoc(), ap.getAffineMap(),
                                           operands);
    }
    return v;
  }

  FailureOr<Operand> resolve(Value v);
  Value cbIndex(AffineMap m, ValueRange operands, MemRefType t);
  Value dstIndex(ValueRange indices);
  LogicalResult lowerComputeRegion(Block &body);
  LogicalResult lowerNest(affine::AffineForOp outer, int kind);
  LogicalResult lowerBodyOps(Block &body);
  LogicalResult lowerTileOp(Operation *op);
  LogicalResult lowerTileLoop(affine::AffineForOp loop, bool top);
  LogicalResult lowerSectionBlock(Block &block);
  DenseMap<int64_t, Value> copiedFromValue; // per-tile copy-ins
  /// A second CB for each intermediate that some tile loop both reads and
  /// writes (an accumulator updated in place): the loop writes the other
  /// one of the pair, since a CB page cannot be rewritten once visible.
  DenseMap<Value, std::pair<int32_t, int32_t>> pingPong;
  DenseMap<int32_t, int32_t> packRedirect; // CB id -> CB packs write to
  DenseSet<int32_t> tempIds;               // ids of intermediate CBs
  DenseMap<int32_t, Value> holderOf;       // intermediate id -> its memref
  LogicalResult lowerScfLoop(scf::ForOp loop);
  bool sectionOpen = false, packing = false;
  void emitCopyOutProtocol(Block &region, Operation *nestsBegin,
                           Operation *nestsEnd, bool before);
  LogicalResult buildCompute(OpBuilder &pb);
  void buildReader(OpBuilder &pb);
  void buildWriter(OpBuilder &pb);
  /// Emits `for item in this core's work items { body(item) }`.
  void itemLoop(function_ref<void(Value)> body);
};

} // namespace

void GenericLowering::itemLoop(function_ref<void(Value)> body) {
  Location loc = generic.getLoc();
  ArrayRef<int64_t> grid = generic.getGrid();
  Value x = tk::MyXOp::create(b, loc, b.getIndexType());
  Value y = tk::MyYOp::create(b, loc, b.getIndexType());
  Value core = arith::AddIOp::create(
      b, loc, arith::MulIOp::create(b, loc, y, idx(grid[1])), x);
  auto loop = scf::ForOp::create(b, loc, core, idx(generic.getItems()),
                                 idx(grid[0] * grid[1]));
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(loop.getBody());
  body(loop.getInductionVar());
}

Value GenericLowering::cbIndex(AffineMap m, ValueRange operands,
                               MemRefType t) {
  SmallVector<Value> args;
  for (Value o : operands)
    args.push_back(mapped(o));
  SmallVector<Value> coords;
  for (unsigned r = 0; r < m.getNumResults(); ++r)
    coords.push_back(affine::AffineApplyOp::create(
        b, generic.getLoc(), m.getSubMap({r}), args));
  return linearize(coords, t.getShape());
}

Value GenericLowering::dstIndex(ValueRange indices) {
  SmallVector<Value> args;
  for (Value o : indices)
    args.push_back(mapped(o));
  auto t = cast<MemRefType>(dst.getType());
  return linearize(args, t.getShape());
}

FailureOr<Operand> GenericLowering::resolve(Value v) {
  if (auto load = v.getDefiningOp<affine::AffineLoadOp>()) {
    Operand o;
    o.cb = cbOf(load.getMemRef());
    o.index = cbIndex(load.getAffineMap(), load.getMapOperands(),
                      load.getMemRefType());
    return o;
  }
  if (auto load = v.getDefiningOp<memref::LoadOp>()) {
    Operand o;
    o.inDst = true;
    o.index = dstIndex(load.getIndices());
    if (auto c = load.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
      o.dstSlice = c.value();
    return o;
  }
  return emitError(v.getLoc()) << "tile operand is neither a CB nor a DST load";
}

/// The result's DST index: the memref.store right after the op.
static memref::StoreOp resultStore(Operation *op) {
  for (Operation *u : op->getResult(0).getUsers())
    if (auto st = dyn_cast<memref::StoreOp>(u))
      return st;
  return nullptr;
}

LogicalResult GenericLowering::lowerTileOp(Operation *op) {
  Location loc = op->getLoc();
  memref::StoreOp st = resultStore(op);
  // A broadcast folded into FPU eltwise ops (fix 1) is done by their unpack.
  if (!st && isa<d2m::TileBcastOp>(op))
    return success();
  if (!st)
    return op->emitOpError("result is not stored to DST; run "
                           "d2m-insert-dst-register-access first");
  Value out = dstIndex(st.getIndices());
  int64_t outSlice = -1;
  if (auto c = st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
    outSlice = c.value();
  SmallVector<Operand> ops;
  tk::BcastType fpuBcast = tk::BcastType::None;
  for (Value v : op->getOperands()) {
    // The FPU broadcast forms read the broadcast operand from its CB.
    if (auto bc = v.getDefiningOp<d2m::TileBcastOp>(); bc && !resultStore(bc)) {
      fpuBcast = bc.getBcastType() == d2m::BcastType::Col ? tk::BcastType::Cols
                 : bc.getBcastType() == d2m::BcastType::Row
                     ? tk::BcastType::Rows
                     : tk::BcastType::Scalar;
      v = bc.getInput();
    }
    FailureOr<Operand> o = resolve(v);
    if (failed(o))
      return failure();
    ops.push_back(*o);
  }
  // Brings operand `i` (in DST) into the result's index first, for ops that
  // work in place on their first DST operand.
  auto intoResult = [&](const Operand &o) {
    if (o.dstSlice != outSlice || o.dstSlice < 0)
      tk::CopyDestValuesOp::create(b, loc, o.index, out);
  };
  // A CB operand the hardware needs, from where the IR holds it.
  auto needCB = [&](unsigned i, bool reread) -> FailureOr<Operand> {
    if (!ops[i].inDst)
      return ops[i];
    auto it = copiedFrom.find(ops[i].dstSlice);
    if (reread && it != copiedFrom.end()) {
      // The unpacker re-reads the CB the slice was filled from.
      Operand o;
      o.cb = cbOf(it->second.cb);
      o.index = cbIndex(it->second.cbMap, nestIvs,
                        cast<MemRefType>(it->second.cb.getType()));
      return o;
    }
    if (reread) {
      auto v = copiedFromValue.find(ops[i].dstSlice);
      if (v != copiedFromValue.end())
        return resolve(v->second);
    }
    return op->emitOpError() << "operand " << (i == 0 ? "A" : "B")
                             << " must come from a circular buffer, but it "
                                "lives in DST slice "
                             << ops[i].dstSlice;
  };
  LogicalResult lowered = TypeSwitch<Operation *, LogicalResult>(op)
      .Case<d2m::TileMatmulOp>([&](auto) -> LogicalResult {
        FailureOr<Operand> a = needCB(0, true), bb = needCB(1, true);
        if (failed(a) || failed(bb))
          return failure();
        if (ops[2].inDst)
          intoResult(ops[2]);
        tk::MatmulTilesOp::create(b, loc, I(a->cb), I(bb->cb), a->index, bb->index,
                                  out, UnitAttr());
        return success();
      })
      .Case<d2m::TileReduceMaxOp, d2m::TileReduceSumOp>(
          [&](auto r) -> LogicalResult {
            FailureOr<Operand> a = needCB(0, false), s = needCB(1, false);
            if (failed(a) || failed(s))
              return failure();
            if (ops[2].inDst)
              intoResult(ops[2]);
            auto kind = isa<d2m::TileReduceMaxOp>(op) ? tk::ReduceKind::Max
                                                      : tk::ReduceKind::Sum;
            tk::ReduceDim dim = tk::ReduceDim::Scalar;
            if (r.getReduceDim() == d2m::ReduceDim::R)
              dim = tk::ReduceDim::Row;
            else if (r.getReduceDim() == d2m::ReduceDim::C)
              dim = tk::ReduceDim::Col;
            auto kindAttr = tk::ReduceKindAttr::get(b.getContext(), kind);
            auto dimAttr = tk::ReduceDimAttr::get(b.getContext(), dim);
            tk::ReduceInitOp::create(b, loc, I(a->cb), I(s->cb), kindAttr, dimAttr);
            tk::ReduceTileOp::create(b, loc, I(a->cb), I(s->cb), a->index, s->index,
                                     out, kindAttr, dimAttr);
            return success();
          })
      .Case<d2m::TileAddOp, d2m::TileSubOp, d2m::TileMulOp,
            d2m::TileMaximumOp>([&](auto) -> LogicalResult {
        if (!ops[0].inDst || !ops[1].inDst) {
          // FPU form: both operands from CBs.
          if (ops[0].inDst || ops[1].inDst)
            return op->emitOpError("mixes a CB and a DST operand");
          auto bc = tk::BcastTypeAttr::get(b.getContext(), fpuBcast);
          if (isa<d2m::TileAddOp>(op))
            tk::AddTilesOp::create(b, loc, I(ops[0].cb), I(ops[1].cb), ops[0].index,
                                   ops[1].index, out, bc);
          else if (isa<d2m::TileSubOp>(op))
            tk::SubTilesOp::create(b, loc, I(ops[0].cb), I(ops[1].cb), ops[0].index,
                                   ops[1].index, out, bc);
          else if (isa<d2m::TileMulOp>(op))
            tk::MulTilesOp::create(b, loc, I(ops[0].cb), I(ops[1].cb), ops[0].index,
                                   ops[1].index, out, bc);
          else
            return op->emitOpError("maximum has no FPU form");
          return success();
        }
        // The in-place SFPU form computes DST[out] op= DST[rhs]. When the
        // result's slice is the rhs's (as tt-mlir's allocator may choose),
        // copying the lhs there first would clobber the rhs. tt-mlir lowers
        // add, sub and mul with an explicit output index (ae4e7b838c,
        // lib/Conversion/D2MToTTKernel/D2MToTTKernel.cpp:709), so the real
        // result is lhs op rhs: add and mul get it with their operands
        // swapped. sub cannot be swapped, and max is lowered in place on its
        // lhs there (:702), leaving the result slice stale on hardware: both
        // are diagnostics rather than a result the real stack would not
        // compute the same way.
        Operand rhs = ops[1];
        bool rhsInOut = ops[1].dstSlice >= 0 && ops[1].dstSlice == outSlice &&
                        ops[0].dstSlice != outSlice;
        // With an explicit output index (19c86fca45) max commutes like add
        // and mul.
        if (rhsInOut && (isa<d2m::TileSubOp>(op) ||
                         (isa<d2m::TileMaximumOp>(op) && !explicitSfpuOutput)))
          return op->emitOpError("result in the slice of its rhs ")
                 << outSlice << ": not lowerable to the in-place SFPU form";
        if (rhsInOut)
          rhs = ops[0];
        else
          intoResult(ops[0]);
        if (isa<d2m::TileAddOp>(op))
          tk::AddBinaryTileOp::create(b, loc, out, rhs.index);
        else if (isa<d2m::TileSubOp>(op))
          tk::SubBinaryTileOp::create(b, loc, out, rhs.index);
        else if (isa<d2m::TileMulOp>(op))
          tk::MulBinaryTileOp::create(b, loc, out, rhs.index);
        else
          tk::MaxTileOp::create(b, loc, out, rhs.index);
        return success();
      })
      .Case<d2m::TileExpOp, d2m::TileRecipOp, d2m::TileScaleOp>(
          [&](auto) -> LogicalResult {
            if (!ops[0].inDst)
              return op->emitOpError("SFPU operand must be in DST");
            intoResult(ops[0]);
            if (isa<d2m::TileExpOp>(op))
              tk::ExpTileOp::create(b, loc, out);
            else if (isa<d2m::TileRecipOp>(op))
              tk::RecipTileOp::create(b, loc, out);
            else
              tk::MulUnaryTileOp::create(
                  b, loc, out, cast<d2m::TileScaleOp>(op).getFactorAttr());
            return success();
          })
      .Case<d2m::TileFillOp>([&](d2m::TileFillOp f) -> LogicalResult {
        tk::FillTileOp::create(b, loc, out, f.getValueAttr());
        return success();
      })
      .Case<d2m::TileTransposeOp, d2m::TileBcastOp>(
          [&](auto) -> LogicalResult {
            // Done by the unpacker from the CB the operand came from.
            FailureOr<Operand> src = needCB(0, true);
            if (failed(src))
              return op->emitOpError("operand must come from a circular "
                                     "buffer (no SFPU form)");
            if (auto bc = dyn_cast<d2m::TileBcastOp>(op)) {
              tk::BcastType kind = tk::BcastType::Scalar;
              if (bc.getBcastType() == d2m::BcastType::Col)
                kind = tk::BcastType::Cols;
              else if (bc.getBcastType() == d2m::BcastType::Row)
                kind = tk::BcastType::Rows;
              tk::UnaryBcastOp::create(
                  b, loc, I(src->cb), src->index, out,
                  tk::BcastTypeAttr::get(b.getContext(), kind));
            } else {
              tk::TransposeWHTileOp::create(b, loc, src->cb, src->index, out);
            }
            return success();
          })
      .Default([&](Operation *o) {
        return o->emitOpError("has no ttkernel lowering");
      });
  // The result overwrote its slice: the unpacker can no longer re-read the
  // CB tile the slice was copied from. A slice not known statically may be
  // any of them.
  if (outSlice >= 0) {
    copiedFrom.erase(outSlice);
    copiedFromValue.erase(outSlice);
  } else {
    copiedFrom.clear();
    copiedFromValue.clear();
  }
  return lowered;
}

namespace {
/// One DST section: acquire_dst and the nests that follow it.
struct Section {
  d2m::AcquireDstOp acquire;
  SmallVector<affine::AffineForOp> copyIns, copyOuts;
  affine::AffineForOp compute;
  /// Set instead of the above for a loop over output tiles with a DST
  /// section per tile inside (fix 1's form).
  affine::AffineForOp tileLoop;
  /// Or a loop over blocks (flash attention's loop over KV blocks).
  scf::ForOp blockLoop;
};

bool holdsSection(Operation *op) {
  return op
      ->walk([](d2m::AcquireDstOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

/// The innermost body of a perfect nest, and its ivs.
Block *innermost(affine::AffineForOp loop, SmallVectorImpl<Value> &ivs) {
  while (true) {
    ivs.push_back(loop.getInductionVar());
    auto inner = loop.getBody()->getOps<affine::AffineForOp>();
    if (inner.empty())
      return loop.getBody();
    loop = *inner.begin();
  }
}

bool isDstMemRef(Value v) {
  auto t = dyn_cast<MemRefType>(v.getType());
  return t && d2m::getMemorySpace(t) == d2m::MemorySpace::DST;
}
} // namespace

LogicalResult GenericLowering::buildCompute(OpBuilder &pb) {
  Block &region = generic.getRegion().front();
  Location loc = generic.getLoc();
  // Sections, in order.
  SmallVector<Section> sections;
  for (Operation &op : region) {
    if (auto acq = dyn_cast<d2m::AcquireDstOp>(op)) {
      Section sec;
      sec.acquire = acq;
      sections.push_back(sec);
      continue;
    }
    if (auto f = dyn_cast<scf::ForOp>(op)) {
      Section blocks;
      blocks.blockLoop = f;
      sections.push_back(blocks);
      sections.push_back({});
      continue;
    }
    auto loop = dyn_cast<affine::AffineForOp>(op);
    if (!loop)
      continue;
    if (holdsSection(loop)) {
      Section tiles;
      tiles.tileLoop = loop;
      sections.push_back(tiles);
      sections.push_back({}); // nests after it start a new section
      continue;
    }
    if (sections.empty() || (!sections.back().acquire))
      return loop.emitOpError("compute nest without acquire_dst; run "
                              "d2m-insert-dst-register-access first");
    SmallVector<Value> ivs;
    Block *body = innermost(loop, ivs);
    Section &sec = sections.back();
    bool storesDst = false, storesCB = false, loadsDst = false;
    for (Operation &o : *body) {
      if (auto st = dyn_cast<memref::StoreOp>(o))
        storesDst |= isDstMemRef(st.getMemRef());
      if (isa<affine::AffineStoreOp>(o))
        storesCB = true;
      if (auto ld = dyn_cast<memref::LoadOp>(o))
        loadsDst |= isDstMemRef(ld.getMemRef());
    }
    // A broadcast of a CB tile into DST is a copy-in (the unpacker does
    // it): tt-mlir 19c86fca45's DST pass emits it as its own copy nest
    // (Shared.cpp:1285-1291).
    bool hasCompute = llvm::any_of(*body, [](Operation &o) {
      auto bcast = dyn_cast<d2m::TileBcastOp>(o);
      bool bcastCopy =
          bcast && bcast->getOperand(0).getDefiningOp<affine::AffineLoadOp>();
      return d2m::isTileComputeOp(&o) && !bcastCopy;
    });
    if (!hasCompute && storesDst && !loadsDst && !sec.compute)
      sec.copyIns.push_back(loop);
    else if (!hasCompute && storesCB && loadsDst && sec.compute)
      sec.copyOuts.push_back(loop);
    else if (!hasCompute && storesCB && loadsDst && !sec.compute)
      sec.copyOuts.push_back(loop); // a pure copy through DST
    else if (!sec.compute)
      sec.compute = loop;
    else
      return loop.emitOpError("second compute nest in one DST section");
  }

  // Scalers are filled once by the reader; wait for them before any item.
  for (auto [id, v] : scalerValues)
    tk::CBWaitFrontOp::create(b, loc, id, idx(1));

  LogicalResult result = success();
  itemLoop([&](Value item) {
    map.clear();
    cbState.clear();
    SmallVector<int32_t> toPop, toPush;
    // Views first: wait for inputs, reserve outputs.
    for (Operation &op : region) {
      if (auto w = dyn_cast<d2m::WaitOp>(op)) {
        int32_t id = cbIds.lookup(w.getCb());
        cbIds[w.getResult()] = id;
        tk::CBWaitFrontOp::create(b, loc, id, idx(cbPages[id]));
        toPop.push_back(id);
      } else if (auto r = dyn_cast<d2m::ReserveOp>(op)) {
        int32_t id = cbIds.lookup(r.getCb());
        cbIds[r.getResult()] = id;
        tk::CBReserveBackOp::create(b, loc, id, idx(cbPages[id]));
        toPush.push_back(id);
      }
    }
    for (Section &sec : sections) {
      if (sec.tileLoop) {
        if (failed(lowerTileLoop(sec.tileLoop, /*top=*/true)))
          result = failure();
        continue;
      }
      if (sec.blockLoop) {
        if (failed(lowerScfLoop(sec.blockLoop)))
          result = failure();
        continue;
      }
      if (!sec.acquire)
        continue;
      dst = sec.acquire.getResult();
      copiedFrom.clear();
      tk::TileRegsAcquireOp::create(b, loc);
      SmallVector<unsigned> outputLoops;
      SmallVector<Value> computeIvs;
      Block *computeBody = nullptr;
      if (sec.compute) {
        computeBody = innermost(sec.compute, computeIvs);
        for (auto st : computeBody->getOps<memref::StoreOp>())
          if (isDstMemRef(st.getMemRef())) {
            for (Value v : st.getIndices().drop_front())
              outputLoops.push_back(llvm::find(computeIvs, v) -
                                    computeIvs.begin());
            break;
          }
      }
      for (affine::AffineForOp loop : sec.copyIns) {
        if (failed(lowerNest(loop, 0)))
          result = failure();
        // Remember which CB each slice came from, as a map over the compute
        // nest's ivs.
        SmallVector<Value> ivs;
        Block *body = innermost(loop, ivs);
        for (auto st : body->getOps<memref::StoreOp>()) {
          auto ld = st.getValue().getDefiningOp<affine::AffineLoadOp>();
          auto c =
              st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>();
          if (!ld || !c)
            continue;
          SmallVector<AffineExpr> dims;
          for (unsigned l : outputLoops)
            dims.push_back(b.getAffineDimExpr(l));
          AffineMap m = ld.getAffineMap();
          if (dims.size() == m.getNumDims())
            m = m.replaceDimsAndSymbols(dims, {}, computeIvs.size(), 0);
          copiedFrom[c.value()] = {c.value(), ld.getMemRef(), m};
        }
      }
      if (sec.compute) {
        nestIvs = computeIvs;
        if (failed(lowerNest(sec.compute, 1)))
          result = failure();
      }
      tk::TileRegsCommitOp::create(b, loc);
      tk::TileRegsWaitOp::create(b, loc);
      // Intermediate CBs written here: free their old block, reserve anew.
      SmallVector<int32_t> written;
      for (affine::AffineForOp loop : sec.copyOuts) {
        SmallVector<Value> ivs;
        for (auto st : innermost(loop, ivs)->getOps<affine::AffineStoreOp>()) {
          int32_t id = cbOf(st.getMemRef());
          if (tempIds.contains(id) && !llvm::is_contained(written, id))
            written.push_back(id);
        }
      }
      for (int32_t id : written) {
        if (cbState[id] == CBState::Visible)
          tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
        tk::CBReserveBackOp::create(b, loc, id, idx(cbPages[id]));
        cbState[id] = CBState::Reserved;
      }
      for (affine::AffineForOp loop : sec.copyOuts)
        if (failed(lowerNest(loop, 2)))
          result = failure();
      tk::TileRegsReleaseOp::create(b, loc);
      for (int32_t id : written) {
        tk::CBPushBackOp::create(b, loc, id, idx(cbPages[id]));
        tk::CBWaitFrontOp::create(b, loc, id, idx(cbPages[id]));
        cbState[id] = CBState::Visible;
      }
    }
    for (auto [id, state] : cbState)
      if (state == CBState::Visible)
        tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
    for (int32_t id : toPush)
      tk::CBPushBackOp::create(b, loc, id, idx(cbPages[id]));
    for (int32_t id : toPop)
      tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
  });
  return result;
}

LogicalResult GenericLowering::lowerNest(affine::AffineForOp loop, int kind) {
  Location loc = loop.getLoc();
  auto f = scf::ForOp::create(b, loc, idx(loop.getConstantLowerBound()),
                              idx(loop.getConstantUpperBound()),
                              idx(loop.getStepAsInt()));
  map.map(loop.getInductionVar(), f.getInductionVar());
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(f.getBody());
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto inner = dyn_cast<affine::AffineForOp>(op)) {
      if (failed(lowerNest(inner, kind)))
        return failure();
      continue;
    }
    if (isa<arith::ConstantOp>(op)) {
      b.clone(op, map);
      continue;
    }
    // affine.apply: index arithmetic of tt-mlir's DST pass (as imported by
    // bridge/), rebuilt by mapped() where it is used.
    if (isa<affine::AffineLoadOp, memref::LoadOp, affine::AffineApplyOp>(op))
      continue; // resolved at their users
    if (auto st = dyn_cast<memref::StoreOp>(op)) {
      // copy-in: DST[...] = CB tile; in compute nests, results are resolved
      // by lowerTileOp.
      if (auto ld = st.getValue().getDefiningOp<affine::AffineLoadOp>()) {
        FailureOr<Operand> src = resolve(ld);
        if (failed(src))
          return failure();
        tk::CopyTileOp::create(b, loc, I(src->cb), src->index,
                               dstIndex(st.getIndices()));
        if (auto c = st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
          copiedFromValue[c.value()] = ld.getResult();
      }
      continue;
    }
    if (auto st = dyn_cast<affine::AffineStoreOp>(op)) {
      FailureOr<Operand> src = resolve(st.getValue());
      if (failed(src))
        return failure();
      if (!src->inDst)
        return st.emitOpError("CB store of a value not in DST");
      tk::PackTileOp::create(
          b, loc, src->index, cbOf(st.getMemRef()),
          cbIndex(st.getAffineMap(), st.getMapOperands(), st.getMemRefType()));
      continue;
    }
    if (d2m::isTileComputeOp(&op)) {
      if (failed(lowerTileOp(&op)))
        return failure();
      continue;
    }
    return op.emitOpError("unexpected in a compute nest");
  }
  return success();
}

void GenericLowering::buildReader(OpBuilder &) {
  Location loc = generic.getLoc();
  for (auto [id, v] : scalerValues)
    tk::GenerateReduceScalerOp::create(b, loc, I(id), b.getF64FloatAttr(v));
  Block &region = generic.getRegion().front();
  auto readBlock = [&](unsigned i, Value blkIdx) {
    int32_t id = static_cast<int32_t>(i);
    auto cbTy = cast<d2m::CBType>(region.getArgument(i).getType());
    int64_t n = volumeOf(cbTy.getMemref());
    tk::CBReserveBackOp::create(b, loc, id, idx(n));
    Value base = arith::MulIOp::create(b, loc, blkIdx, idx(n));
    for (int64_t t = 0; t < n; ++t) {
      Value tile = arith::AddIOp::create(b, loc, base, idx(t));
      tk::NocAsyncReadTileOp::create(b, loc, bufferNames[i].getValue(), tile,
                                     id, idx(t));
    }
    tk::NocAsyncReadBarrierOp::create(b, loc);
    tk::CBPushBackOp::create(b, loc, id, idx(n));
  };
  itemLoop([&](Value item) {
    // Sharded blocks first, then the streams interleaved block by block, in
    // the order the compute kernel waits for them.
    SmallVector<unsigned> streams;
    for (auto [i, input] : llvm::enumerate(generic.getInputs())) {
      auto dist = cast<d2m::DistributionAttr>(generic.getDistributions()[i])
                      .getValue();
      if (dist == d2m::Distribution::Shard)
        readBlock(i, item);
      else if (streamWaits.lookup(i) > 0)
        streams.push_back(i);
    }
    if (streams.empty())
      return;
    int64_t n = streamWaits.lookup(streams.front());
    auto loop = scf::ForOp::create(b, loc, idx(0), idx(n), idx(1));
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPoint(loop.getBody()->getTerminator());
    for (unsigned i : streams)
      readBlock(i, loop.getInductionVar());
  });
}

void GenericLowering::buildWriter(OpBuilder &) {
  Location loc = generic.getLoc();
  Block &region = generic.getRegion().front();
  unsigned numIns = generic.getInputs().size();
  itemLoop([&](Value item) {
    for (auto [j, output] : llvm::enumerate(generic.getOutputs())) {
      int32_t id = kOutputBase + static_cast<int32_t>(j);
      auto cbTy = cast<d2m::CBType>(region.getArgument(numIns + j).getType());
      int64_t n = volumeOf(cbTy.getMemref());
      tk::CBWaitFrontOp::create(b, loc, id, idx(n));
      Value base = arith::MulIOp::create(b, loc, item, idx(n));
      for (int64_t t = 0; t < n; ++t) {
        Value tile = arith::AddIOp::create(b, loc, base, idx(t));
        tk::NocAsyncWriteTileOp::create(b, loc, id, idx(t),
                                        bufferNames[numIns + j].getValue(),
                                        tile);
      }
      tk::NocAsyncWriteBarrierOp::create(b, loc);
      tk::CBPopFrontOp::create(b, loc, id, idx(n));
    }
  });
}

LogicalResult GenericLowering::lower(OpBuilder &mb) {
  Location loc = generic.getLoc();
  MLIRContext *ctx = generic.getContext();
  Block &region = generic.getRegion().front();
  unsigned numIns = generic.getInputs().size();
  // CB ids.
  d2m::TileType tile;
  for (auto [i, arg] : llvm::enumerate(region.getArguments())) {
    int32_t id = i < numIns ? static_cast<int32_t>(i)
                            : kOutputBase + static_cast<int32_t>(i - numIns);
    cbIds[arg] = id;
    auto m = cast<d2m::CBType>(arg.getType()).getMemref();
    cbPages[id] = volumeOf(m);
    cbFormat[id] = cast<d2m::TileType>(m.getElementType()).getElementType();
  }
  // One DST format per kernel: f32 (fp32_dest_acc) when any tile is f32.
  tile = d2m::dstTileOf(generic);
  // CB ids: inputs 0.., outputs 16..; scalers and intermediates share the
  // rest (tt-metal has 32), intermediates reusing an id once the previous
  // holder is dead (live ranges over the region in program order; a buffer
  // used inside a loop it is defined outside of lives through the loop).
  SmallVector<int32_t> pool;
  for (int32_t id = 0; id < 32; ++id) {
    bool taken = (id < (int32_t)numIns) ||
                 (id >= kOutputBase &&
                  id < kOutputBase + (int32_t)generic.getOutputs().size());
    if (!taken)
      pool.push_back(id);
  }
  DenseMap<Operation *, int64_t> order, lastInside;
  int64_t counter = 0;
  region.walk<WalkOrder::PreOrder>([&](Operation *op) { order[op] = counter++; });
  // lastInside: the highest pre-order index within an op.
  {
    std::function<int64_t(Operation *)> last = [&](Operation *op) {
      int64_t m = order[op];
      for (Region &r : op->getRegions())
        for (Operation &inner : r.getOps())
          m = std::max(m, last(&inner));
      lastInside[op] = m;
      return m;
    };
    for (Operation &op : region)
      last(&op);
  }
  struct Interval {
    Value memref;
    int64_t lo, hi;
    int64_t pages;
    Type format;
  };
  SmallVector<Interval> intervals;
  WalkResult walk = region.walk([&](Operation *op) {
    if (auto s = dyn_cast<d2m::ScalerOp>(op)) {
      if (pool.empty()) {
        s.emitOpError("no CB id left for a scaler");
        return WalkResult::interrupt();
      }
      int32_t id = pool.front();
      pool.erase(pool.begin());
      cbIds[s.getResult()] = id;
      cbPages[id] = 1;
      cbFormat[id] =
          cast<d2m::TileType>(s.getType().getElementType()).getElementType();
      scalerValues[id] = s.getValue().convertToDouble();
    } else if (auto a = dyn_cast<memref::AllocOp>(op)) {
      int64_t lo = order[a], hi = order[a];
      for (Operation *user : a->getUsers()) {
        hi = std::max(hi, order[user]);
        for (Operation *p = user->getParentOp(); p && p != generic;
             p = p->getParentOp())
          if (isa<scf::ForOp>(p) && !p->isAncestor(a))
            hi = std::max(hi, lastInside[p]);
      }
      intervals.push_back(
          {a.getResult(), lo, hi, volumeOf(a.getType()),
           cast<d2m::TileType>(a.getType().getElementType()).getElementType()});
    } else if (auto w = dyn_cast<d2m::WaitOp>(op)) {
      int32_t id = cbIds.lookup(w.getCb());
      int64_t trips = 1;
      for (Operation *p = w->getParentOp(); p && p != generic;
           p = p->getParentOp())
        if (auto f = dyn_cast<scf::ForOp>(p)) {
          auto lb = getConstantIntValue(f.getLowerBound());
          auto ub = getConstantIntValue(f.getUpperBound());
          auto st = getConstantIntValue(f.getStep());
          if (!lb || !ub || !st || *st <= 0) {
            w.emitOpError("waits in a loop without constant bounds");
            return WalkResult::interrupt();
          }
          trips *= std::max<int64_t>(0, (*ub - *lb + *st - 1) / *st);
        }
      streamWaits[id] += trips;
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();
  {
    int64_t n = -1;
    for (auto [id, waits] : streamWaits) {
      auto dist = cast<d2m::DistributionAttr>(generic.getDistributions()[id])
                      .getValue();
      if (dist != d2m::Distribution::Stream)
        continue;
      if (n >= 0 && waits != n)
        return generic.emitOpError("streams read different numbers of blocks "
                                   "per work item");
      n = waits;
    }
  }
  // An intermediate a tile loop both reads and writes gets a second CB.
  SmallVector<std::pair<Value, int64_t>> shadows; // memref, interval index
  region.walk([&](affine::AffineForOp loop) {
    if (!holdsSection(loop) ||
        (loop->getParentOp() != generic &&
         !isa<scf::ForOp>(loop->getParentOp())))
      return;
    DenseSet<Value> reads;
    loop.walk([&](affine::AffineLoadOp l) { reads.insert(l.getMemRef()); });
    loop.walk([&](affine::AffineStoreOp st) {
      Value m = st.getMemRef();
      if (!reads.contains(m) || !m.getDefiningOp<memref::AllocOp>())
        return;
      for (auto [k, iv] : llvm::enumerate(intervals))
        if (iv.memref == m &&
            llvm::none_of(shadows, [&](auto &sh) { return sh.first == m; }))
          shadows.push_back({m, (int64_t)k});
    });
  });
  // Greedy interval colouring over the free ids.
  SmallVector<Interval> all = intervals;
  for (auto &[m, k] : shadows)
    all.push_back({Value(), intervals[k].lo, intervals[k].hi,
                   intervals[k].pages, intervals[k].format});
  SmallVector<int64_t> idx(all.size());
  std::iota(idx.begin(), idx.end(), 0);
  llvm::stable_sort(idx, [&](int64_t x, int64_t y) { return all[x].lo < all[y].lo; });
  DenseMap<int32_t, int64_t> busyUntil;
  SmallVector<int32_t> idOf(all.size(), -1);
  for (int64_t k : idx) {
    for (int32_t id : pool)
      // A CB has one format: ids are reused only by buffers of the same.
      if ((!busyUntil.count(id) || busyUntil[id] < all[k].lo) &&
          (!cbFormat.count(id) || cbFormat[id] == all[k].format)) {
        idOf[k] = id;
        busyUntil[id] = all[k].hi;
        cbPages[id] = std::max(cbPages.lookup(id), all[k].pages);
        cbFormat[id] = all[k].format;
        break;
      }
    if (idOf[k] < 0)
      return generic.emitOpError()
             << "needs more than the 32 circular buffers a core has";
  }
  for (auto [k, iv] : llvm::enumerate(intervals))
    cbIds[iv.memref] = idOf[k];
  for (int32_t id : idOf)
    tempIds.insert(id);
  for (auto [n, sh] : llvm::enumerate(shadows))
    pingPong[sh.first] = {idOf[sh.second], idOf[intervals.size() + n]};

  auto program = tk::ProgramOp::create(
      mb, loc, programName, generic.getGridAttr(),
      tk::MathFidelityAttr::get(ctx, fidelity),
      tk::DstModeAttr::get(ctx, tk::DstMode::Half),
      tile.isF32() ? UnitAttr::get(ctx) : UnitAttr(), UnitAttr());
  Block *body = new Block();
  program.getBody().push_back(body);
  OpBuilder pb = OpBuilder::atBlockBegin(body);
  SmallVector<int32_t> ids;
  for (auto [id, pages] : cbPages)
    ids.push_back(id);
  llvm::sort(ids);
  for (int32_t id : ids)
    tk::CBConfigOp::create(pb, loc, I(id), pb.getI64IntegerAttr(cbPages[id]),
                           TypeAttr::get(cbFormat.lookup(id)
                                             ? cbFormat.lookup(id)
                                             : tile.getElementType()));
  auto makeKernel = [&](StringRef name, tk::Thread thread) {
    auto f = func::FuncOp::create(pb, loc, name, pb.getFunctionType({}, {}));
    f->setAttr(tk::kThreadAttrName, tk::ThreadAttr::get(ctx, thread));
    Block *entry = f.addEntryBlock();
    b.setInsertionPointToStart(entry);
    return f;
  };
  makeKernel("reader", tk::Thread::Reader);
  buildReader(pb);
  func::ReturnOp::create(b, loc);
  makeKernel("compute", tk::Thread::Compute);
  if (failed(buildCompute(pb)))
    return failure();
  func::ReturnOp::create(b, loc);
  makeKernel("writer", tk::Thread::Writer);
  buildWriter(pb);
  func::ReturnOp::create(b, loc);
  return success();
}

/// The `d2m.tensors` attribute comes from tl-to-d2m or from hand-written IR:
/// one name per argument, each a memref of tiles.
static LogicalResult checkTensorNames(func::FuncOp func) {
  auto names = func->getAttrOfType<ArrayAttr>("d2m.tensors");
  if (!names || names.size() != func.getNumArguments() ||
      !llvm::all_of(names, [](Attribute a) { return isa<StringAttr>(a); }))
    return func.emitOpError("'d2m.tensors' must be an array of one string per "
                            "argument");
  for (BlockArgument arg : func.getArguments()) {
    auto t = dyn_cast<MemRefType>(arg.getType());
    if (!t || !isa<d2m::TileType>(t.getElementType()))
      return func.emitOpError() << "argument #" << arg.getArgNumber()
                                << " must be a memref of tiles, got "
                                << arg.getType();
  }
  return success();
}

namespace {
struct D2MToTTKernelPass
    : public dstlab::impl::D2MToTTKernelBase<D2MToTTKernelPass> {
  using D2MToTTKernelBase::D2MToTTKernelBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::optional<tk::MathFidelity> f = tk::symbolizeMathFidelity(fidelity);
    if (!f) {
      module.emitError() << "unknown math fidelity '" << fidelity << "'";
      return signalPassFailure();
    }
    OpBuilder mb(module.getContext());
    auto programs = llvm::to_vector(llvm::make_filter_range(
        module.getOps<func::FuncOp>(),
        [](func::FuncOp f) { return f->hasAttr("d2m.tensors"); }));
    for (func::FuncOp func : programs) {
      if (failed(checkTensorNames(func)))
        return signalPassFailure();
      auto names = func->getAttrOfType<ArrayAttr>("d2m.tensors");
      // Several programs in one module: buffers are named program.tensor.
      if (programs.size() > 1) {
        SmallVector<Attribute> qualified;
        for (Attribute n : names)
          qualified.push_back(mb.getStringAttr(
              func.getName() + "." + cast<StringAttr>(n).getValue()));
        names = mb.getArrayAttr(qualified);
      }
      mb.setInsertionPoint(func);
      for (auto [name, arg] : llvm::zip(names, func.getArguments())) {
        auto t = cast<MemRefType>(arg.getType());
        tk::DramBufferOp::create(
            mb, func.getLoc(), cast<StringAttr>(name).getValue(),
            t.getShape(),
            cast<d2m::TileType>(t.getElementType()).getElementType());
      }
      for (auto generic : func.getOps<d2m::GenericOp>()) {
        SmallVector<StringAttr> bufferNames;
        for (Value operand : generic.getOperands()) {
          auto arg = dyn_cast<BlockArgument>(operand);
          if (!arg || arg.getOwner() != &func.front()) {
            generic.emitOpError("operands must be the program's tensors");
            return signalPassFailure();
          }
          bufferNames.push_back(cast<StringAttr>(names[arg.getArgNumber()]));
        }
        StringAttr programName = generic.getSymNameAttr();
        if (programs.size() > 1)
          programName = mb.getStringAttr(func.getName() + "." +
                                         generic.getSymName());
        GenericLowering lowering(generic, bufferNames, *f, programName,
                                 explicitSfpuOutput);
        if (failed(lowering.lower(mb)))
          return signalPassFailure();
      }
      func.erase();
    }
  }
};
} // namespace

LogicalResult GenericLowering::lowerTileLoop(affine::AffineForOp loop,
                                             bool top) {
  Location loc = loop.getLoc();
  // Intermediate CBs this loop writes: reserved around the whole loop. One
  // it also reads is written through the other CB of its pair.
  SmallVector<int32_t> written;
  SmallVector<std::pair<Value, int32_t>> swapped; // memref, old id
  DenseMap<int32_t, int32_t> writeTo;
  if (top) {
    loop.walk([&](affine::AffineStoreOp st) {
      Value m = st.getMemRef();
      int32_t id = cbOf(m);
      if (!tempIds.contains(id) || llvm::is_contained(written, id) ||
          writeTo.count(id))
        return;
      auto pp = pingPong.find(m);
      bool readsToo = false;
      loop.walk([&](affine::AffineLoadOp l) { readsToo |= l.getMemRef() == m; });
      if (pp != pingPong.end() && readsToo) {
        int32_t other =
            id == pp->second.first ? pp->second.second : pp->second.first;
        writeTo[id] = other;
        swapped.push_back({m, id});
        written.push_back(other);
        return;
      }
      written.push_back(id);
    });
    for (int32_t id : written) {
      if (cbState[id] == CBState::Visible)
        tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
      tk::CBReserveBackOp::create(b, loc, id, idx(cbPages[id]));
      cbState[id] = CBState::Reserved;
    }
    loop.walk([&](affine::AffineStoreOp st) {
      int32_t id = cbOf(st.getMemRef());
      holderOf[writeTo.count(id) ? writeTo[id] : id] = st.getMemRef();
    });
  }
  packRedirect = writeTo;
  auto f = scf::ForOp::create(b, loc, idx(loop.getConstantLowerBound()),
                              idx(loop.getConstantUpperBound()),
                              idx(loop.getStepAsInt()));
  map.map(loop.getInductionVar(), f.getInductionVar());
  LogicalResult r = success();
  {
    OpBuilder::InsertionGuard g(b);
    b.setInsertionPointToStart(f.getBody());
    r = lowerSectionBlock(*loop.getBody());
  }
  if (top)
    packRedirect.clear();
  for (auto [m, old] : swapped) {
    // The old version is consumed; the pair's other CB holds the value now.
    if (cbState[old] == CBState::Visible)
      tk::CBPopFrontOp::create(b, loc, old, idx(cbPages[old]));
    cbState[old] = CBState::None;
    cbIds[m] = writeTo[old];
  }
  for (int32_t id : written) {
    tk::CBPushBackOp::create(b, loc, id, idx(cbPages[id]));
    tk::CBWaitFrontOp::create(b, loc, id, idx(cbPages[id]));
    cbState[id] = CBState::Visible;
  }
  return r;
}

LogicalResult GenericLowering::lowerSectionBlock(Block &block) {
  Location loc = generic.getLoc();
  auto closeMath = [&]() {
    if (sectionOpen && !packing) {
      tk::TileRegsCommitOp::create(b, loc);
      tk::TileRegsWaitOp::create(b, loc);
      packing = true;
    }
  };
  auto closeSection = [&]() {
    if (!sectionOpen)
      return;
    closeMath();
    tk::TileRegsReleaseOp::create(b, loc);
    sectionOpen = packing = false;
  };
  for (Operation &op : block.without_terminator()) {
    if (auto acq = dyn_cast<d2m::AcquireDstOp>(op)) {
      closeSection();
      dst = acq.getResult();
      copiedFrom.clear();
      copiedFromValue.clear();
      tk::TileRegsAcquireOp::create(b, loc);
      sectionOpen = true;
      continue;
    }
    if (auto loop = dyn_cast<affine::AffineForOp>(op)) {
      if (holdsSection(loop)) {
        closeSection();
        if (failed(lowerTileLoop(loop, /*top=*/false)))
          return failure();
        continue;
      }
      if (!sectionOpen)
        return loop.emitOpError("compute loop outside a DST section");
      // A nest that packs (tt-mlir's copy-out nest) ends the math part.
      bool packs = false;
      loop.walk([&](affine::AffineStoreOp) { packs = true; });
      if (packs)
        closeMath();
      else if (packing)
        return loop.emitOpError("compute after the section's first pack");
      SmallVector<Value> ivs;
      innermost(loop, ivs);
      nestIvs = ivs;
      if (failed(lowerNest(loop, 1)))
        return failure();
      continue;
    }
    if (isa<arith::ConstantOp>(op)) {
      b.clone(op, map);
      continue;
    }
    if (isa<affine::AffineLoadOp, memref::LoadOp, affine::AffineApplyOp>(op))
      continue;
    if (auto st = dyn_cast<memref::StoreOp>(op)) {
      if (auto ld = st.getValue().getDefiningOp<affine::AffineLoadOp>()) {
        FailureOr<Operand> src = resolve(ld);
        if (failed(src))
          return failure();
        tk::CopyTileOp::create(b, st.getLoc(), I(src->cb), src->index,
                               dstIndex(st.getIndices()));
        if (auto c =
                st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>())
          copiedFromValue[c.value()] = ld.getResult();
      }
      continue;
    }
    if (auto st = dyn_cast<affine::AffineStoreOp>(op)) {
      closeMath();
      FailureOr<Operand> src = resolve(st.getValue());
      if (failed(src))
        return failure();
      if (!src->inDst)
        return st.emitOpError("CB store of a value not in DST");
      int32_t target = cbOf(st.getMemRef());
      if (auto it = packRedirect.find(target); it != packRedirect.end())
        target = it->second;
      tk::PackTileOp::create(
          b, st.getLoc(), src->index, I(target),
          cbIndex(st.getAffineMap(), st.getMapOperands(), st.getMemRefType()));
      continue;
    }
    if (d2m::isTileComputeOp(&op)) {
      if (packing)
        return op.emitOpError("compute after the section's first pack");
      if (failed(lowerTileOp(&op)))
        return failure();
      continue;
    }
    return op.emitOpError("unexpected in a DST section");
  }
  closeSection();
  return success();
}

LogicalResult GenericLowering::lowerScfLoop(scf::ForOp loop) {
  Location loc = loop.getLoc();
  // Intermediates the loop never touches are consumed before it, so that
  // every iteration starts with the same CBs visible; one read again after
  // the loop (a loop's init value, say) stays visible for that reader.
  SmallVector<int32_t> stateIds;
  for (auto &entry : cbState)
    stateIds.push_back(entry.first);
  llvm::sort(stateIds);
  for (int32_t id : stateIds) {
    CBState &state = cbState[id];
    Value m = holderOf.lookup(id);
    if (state != CBState::Visible || !m)
      continue;
    bool usedInsideOrAfter = llvm::any_of(m.getUsers(), [&](Operation *u) {
      Operation *a = loop->getBlock()->findAncestorOpInBlock(*u);
      return a && (a == loop || loop->isBeforeInBlock(a));
    });
    if (!usedInsideOrAfter) {
      tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
      state = CBState::None;
    }
  }
  auto nf = scf::ForOp::create(b, loc, mapped(loop.getLowerBound()),
                               mapped(loop.getUpperBound()),
                               mapped(loop.getStep()));
  map.map(loop.getInductionVar(), nf.getInductionVar());
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPoint(nf.getBody()->getTerminator());
  SmallVector<int32_t> waited;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto w = dyn_cast<d2m::WaitOp>(op)) {
      int32_t id = cbIds.lookup(w.getCb());
      cbIds[w.getResult()] = id;
      tk::CBWaitFrontOp::create(b, loc, id, idx(cbPages[id]));
      waited.push_back(id);
      continue;
    }
    if (auto inner = dyn_cast<scf::ForOp>(op)) {
      if (failed(lowerScfLoop(inner)))
        return failure();
      continue;
    }
    if (auto tiles = dyn_cast<affine::AffineForOp>(op)) {
      if (!holdsSection(tiles))
        return tiles.emitOpError("a loop over blocks needs one DST section "
                                 "per output tile (tile-compute-loops)");
      if (failed(lowerTileLoop(tiles, /*top=*/true)))
        return failure();
      continue;
    }
    if (isa<memref::AllocOp, arith::ConstantOp>(op))
      continue;
    return op.emitOpError("unexpected in a loop over blocks");
  }
  // Every iteration must leave the CBs as it found them: blocks read from
  // streams and intermediates made in the body are consumed here.
  // In CB id order: cbIds is keyed by pointers, and the IR must not depend
  // on where they landed.
  SmallVector<int32_t> bodyIds;
  for (auto [m, id] : cbIds) {
    Operation *def = m.getDefiningOp();
    if (def && isa<memref::AllocOp>(def) && loop->isAncestor(def))
      bodyIds.push_back(id);
  }
  llvm::sort(bodyIds);
  bodyIds.erase(std::unique(bodyIds.begin(), bodyIds.end()), bodyIds.end());
  for (int32_t id : bodyIds)
    if (cbState[id] == CBState::Visible) {
      tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
      cbState[id] = CBState::None;
    }
  for (int32_t id : waited)
    tk::CBPopFrontOp::create(b, loc, id, idx(cbPages[id]));
  return success();
}
