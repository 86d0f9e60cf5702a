//===- ComputeKernel.cpp - the compute kernel's DST sections --------------===//
//
// Per work item, the compute kernel waits for its inputs, reserves its
// outputs and runs the region's DST sections in order:
//   tile_regs_acquire; copy-ins; compute; tile_regs_commit;
//   tile_regs_wait; pack_tile copy-outs; tile_regs_release.
// A section is either the nests that follow a top-level acquire_dst, a loop
// over output tiles with a section per tile inside (fix 1's form), or a loop
// over blocks holding such tile loops (flash attention's loop over KV
// blocks). Intermediate CBs are reserved around the nests that write them
// and made visible after.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/KernelLowering.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;
namespace tk = dstlab::ttkernel;

namespace {
/// One DST section: acquire_dst and the nests that follow it.
struct Section {
  d2m::AcquireDstOp acquire;
  SmallVector<affine::AffineForOp> copyIns, copyOuts;
  affine::AffineForOp compute;
  /// Set instead of the above for a loop over output tiles with a DST
  /// section per tile inside.
  affine::AffineForOp tileLoop;
  /// Or a loop over blocks.
  scf::ForOp blockLoop;
};

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

/// Splits the region's top level into sections, in order.
FailureOr<SmallVector<Section>> collectSections(Block &region) {
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
    else if (!hasCompute && storesCB && loadsDst)
      sec.copyOuts.push_back(loop); // after the compute, or a pure copy
    else if (!sec.compute)
      sec.compute = loop;
    else
      return loop.emitOpError("second compute nest in one DST section");
  }
  return sections;
}
} // namespace

LogicalResult KernelLowering::buildCompute() {
  Block &region = generic.getRegion().front();
  Location loc = generic.getLoc();
  FailureOr<SmallVector<Section>> collected = collectSections(region);
  if (failed(collected))
    return failure();
  SmallVector<Section> &sections = *collected;

  // Scalers are filled once by the reader; wait for them before any item.
  for (auto [id, v] : cbs.scalerValues)
    tk::CBWaitFrontOp::create(b, loc, id, idx(1));

  LogicalResult result = success();
  itemLoop([&](Value item) {
    map.clear();
    cbState.clear();
    SmallVector<int32_t> toPop, toPush;
    // Views first: wait for inputs, reserve outputs.
    for (Operation &op : region) {
      if (auto w = dyn_cast<d2m::WaitOp>(op)) {
        int32_t id = cbs.ids.lookup(w.getCb());
        cbs.ids[w.getResult()] = id;
        tk::CBWaitFrontOp::create(b, loc, id, idx(cbs.pages[id]));
        toPop.push_back(id);
      } else if (auto r = dyn_cast<d2m::ReserveOp>(op)) {
        int32_t id = cbs.ids.lookup(r.getCb());
        cbs.ids[r.getResult()] = id;
        tk::CBReserveBackOp::create(b, loc, id, idx(cbs.pages[id]));
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
      if (sec.compute) {
        Block *computeBody = innermost(sec.compute, computeIvs);
        for (auto st : computeBody->getOps<memref::StoreOp>())
          if (isDstMemRef(st.getMemRef())) {
            for (Value v : st.getIndices().drop_front())
              outputLoops.push_back(llvm::find(computeIvs, v) -
                                    computeIvs.begin());
            break;
          }
      }
      for (affine::AffineForOp loop : sec.copyIns) {
        if (failed(lowerNest(loop)))
          result = failure();
        // Remember which CB each slice came from, as a map over the compute
        // nest's ivs.
        SmallVector<Value> ivs;
        Block *body = innermost(loop, ivs);
        for (auto st : body->getOps<memref::StoreOp>()) {
          auto ld = st.getValue().getDefiningOp<affine::AffineLoadOp>();
          auto c = st.getIndices()[0].getDefiningOp<arith::ConstantIndexOp>();
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
        if (failed(lowerNest(sec.compute)))
          result = failure();
      }
      tk::TileRegsCommitOp::create(b, loc);
      tk::TileRegsWaitOp::create(b, loc);
      SmallVector<int32_t> written;
      for (affine::AffineForOp loop : sec.copyOuts) {
        SmallVector<Value> ivs;
        for (auto st : innermost(loop, ivs)->getOps<affine::AffineStoreOp>()) {
          int32_t id = cbOf(st.getMemRef());
          if (cbs.tempIds.contains(id) && !llvm::is_contained(written, id))
            written.push_back(id);
        }
      }
      reserveIntermediates(written, loc);
      for (affine::AffineForOp loop : sec.copyOuts)
        if (failed(lowerNest(loop)))
          result = failure();
      tk::TileRegsReleaseOp::create(b, loc);
      publishIntermediates(written, loc);
    }
    for (auto [id, state] : cbState)
      if (state == CBState::Visible)
        tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
    for (int32_t id : toPush)
      tk::CBPushBackOp::create(b, loc, id, idx(cbs.pages[id]));
    for (int32_t id : toPop)
      tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
  });
  return result;
}

LogicalResult KernelLowering::lowerNest(affine::AffineForOp loop) {
  Location loc = loop.getLoc();
  auto f = scf::ForOp::create(b, loc, idx(loop.getConstantLowerBound()),
                              idx(loop.getConstantUpperBound()),
                              idx(loop.getStepAsInt()));
  map.map(loop.getInductionVar(), f.getInductionVar());
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(f.getBody());
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto inner = dyn_cast<affine::AffineForOp>(op)) {
      if (failed(lowerNest(inner)))
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
      if (failed(emitCopyIn(st, loc)))
        return failure();
      continue;
    }
    if (auto st = dyn_cast<affine::AffineStoreOp>(op)) {
      if (failed(emitPack(st, cbOf(st.getMemRef()), loc)))
        return failure();
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

LogicalResult KernelLowering::lowerTileLoop(affine::AffineForOp loop,
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
      if (!cbs.tempIds.contains(id) || llvm::is_contained(written, id) ||
          writeTo.count(id))
        return;
      auto pp = cbs.pingPong.find(m);
      bool readsToo = false;
      loop.walk(
          [&](affine::AffineLoadOp l) { readsToo |= l.getMemRef() == m; });
      if (pp != cbs.pingPong.end() && readsToo) {
        int32_t other =
            id == pp->second.first ? pp->second.second : pp->second.first;
        writeTo[id] = other;
        swapped.push_back({m, id});
        written.push_back(other);
        return;
      }
      written.push_back(id);
    });
    reserveIntermediates(written, loc);
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
      tk::CBPopFrontOp::create(b, loc, old, idx(cbs.pages[old]));
    cbState[old] = CBState::None;
    cbs.ids[m] = writeTo[old];
  }
  publishIntermediates(written, loc);
  return r;
}

LogicalResult KernelLowering::lowerSectionBlock(Block &block) {
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
      if (failed(lowerNest(loop)))
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
      if (failed(emitCopyIn(st, st.getLoc())))
        return failure();
      continue;
    }
    if (auto st = dyn_cast<affine::AffineStoreOp>(op)) {
      closeMath();
      int32_t target = cbOf(st.getMemRef());
      if (auto it = packRedirect.find(target); it != packRedirect.end())
        target = it->second;
      if (failed(emitPack(st, target, st.getLoc())))
        return failure();
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

LogicalResult KernelLowering::lowerScfLoop(scf::ForOp loop) {
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
      tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
      state = CBState::None;
    }
  }
  auto nf =
      scf::ForOp::create(b, loc, mapped(loop.getLowerBound()),
                         mapped(loop.getUpperBound()), mapped(loop.getStep()));
  map.map(loop.getInductionVar(), nf.getInductionVar());
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPoint(nf.getBody()->getTerminator());
  SmallVector<int32_t> waited;
  for (Operation &op : loop.getBody()->without_terminator()) {
    if (auto w = dyn_cast<d2m::WaitOp>(op)) {
      int32_t id = cbs.ids.lookup(w.getCb());
      cbs.ids[w.getResult()] = id;
      tk::CBWaitFrontOp::create(b, loc, id, idx(cbs.pages[id]));
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
  // streams and intermediates made in the body are consumed here, in CB id
  // order (the ids map is keyed by pointers).
  SmallVector<int32_t> bodyIds;
  for (auto [m, id] : cbs.ids) {
    Operation *def = m.getDefiningOp();
    if (def && isa<memref::AllocOp>(def) && loop->isAncestor(def))
      bodyIds.push_back(id);
  }
  llvm::sort(bodyIds);
  bodyIds.erase(std::unique(bodyIds.begin(), bodyIds.end()), bodyIds.end());
  for (int32_t id : bodyIds)
    if (cbState[id] == CBState::Visible) {
      tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
      cbState[id] = CBState::None;
    }
  for (int32_t id : waited)
    tk::CBPopFrontOp::create(b, loc, id, idx(cbs.pages[id]));
  return success();
}
