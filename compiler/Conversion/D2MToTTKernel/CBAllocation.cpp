//===- CBAllocation.cpp - circular-buffer ids of a d2m.generic ------------===//
//
// Intermediates reuse an id once its previous holder is dead: live ranges
// are intervals over the region in pre-order, a buffer used inside a loop it
// is defined outside of living through the whole loop, and the intervals are
// coloured greedily in order of their start.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/CBAllocation.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"

#include <functional>
#include <numeric>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;

bool d2m_to_ttkernel::holdsSection(Operation *op) {
  return op->walk([](d2m::AcquireDstOp) { return WalkResult::interrupt(); })
      .wasInterrupted();
}

namespace {
/// The live range of an intermediate, in pre-order positions.
struct Interval {
  Value memref;
  int64_t lo, hi;
  int64_t pages;
  Type format;
};

Type tileFormat(Type elementType) {
  return cast<d2m::TileType>(elementType).getElementType();
}
} // namespace

FailureOr<CBAllocation> d2m_to_ttkernel::allocateCBs(d2m::GenericOp generic) {
  CBAllocation cbs;
  Block &region = generic.getRegion().front();
  unsigned numIns = generic.getInputs().size();
  for (auto [i, arg] : llvm::enumerate(region.getArguments())) {
    int32_t id = i < numIns ? static_cast<int32_t>(i)
                            : kOutputBase + static_cast<int32_t>(i - numIns);
    cbs.ids[arg] = id;
    auto m = cast<d2m::CBType>(arg.getType()).getMemref();
    cbs.pages[id] = m.getNumElements();
    cbs.formats[id] = tileFormat(m.getElementType());
  }
  SmallVector<int32_t> pool;
  for (int32_t id = 0; id < kNumCBs; ++id) {
    bool taken = (id < (int32_t)numIns) ||
                 (id >= kOutputBase &&
                  id < kOutputBase + (int32_t)generic.getOutputs().size());
    if (!taken)
      pool.push_back(id);
  }

  DenseMap<Operation *, int64_t> order, lastInside;
  int64_t counter = 0;
  region.walk<WalkOrder::PreOrder>(
      [&](Operation *op) { order[op] = counter++; });
  // lastInside: the highest pre-order position within an op.
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

  SmallVector<Interval> intervals;
  WalkResult walk = region.walk([&](Operation *op) {
    if (auto s = dyn_cast<d2m::ScalerOp>(op)) {
      if (pool.empty()) {
        s.emitOpError("no CB id left for a scaler");
        return WalkResult::interrupt();
      }
      int32_t id = pool.front();
      pool.erase(pool.begin());
      cbs.ids[s.getResult()] = id;
      cbs.pages[id] = 1;
      cbs.formats[id] = tileFormat(s.getType().getElementType());
      cbs.scalerValues[id] = s.getValue().convertToDouble();
    } else if (auto a = dyn_cast<memref::AllocOp>(op)) {
      int64_t lo = order[a], hi = order[a];
      for (Operation *user : a->getUsers()) {
        hi = std::max(hi, order[user]);
        for (Operation *p = user->getParentOp(); p && p != generic;
             p = p->getParentOp())
          if (isa<scf::ForOp>(p) && !p->isAncestor(a))
            hi = std::max(hi, lastInside[p]);
      }
      intervals.push_back({a.getResult(), lo, hi, a.getType().getNumElements(),
                           tileFormat(a.getType().getElementType())});
    } else if (auto w = dyn_cast<d2m::WaitOp>(op)) {
      int32_t id = cbs.ids.lookup(w.getCb());
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
      cbs.streamWaits[id] += trips;
    }
    return WalkResult::advance();
  });
  if (walk.wasInterrupted())
    return failure();

  // The reader interleaves the streams block by block: they must agree.
  int64_t blocks = -1;
  for (auto [id, waits] : cbs.streamWaits) {
    auto dist =
        cast<d2m::DistributionAttr>(generic.getDistributions()[id]).getValue();
    if (dist != d2m::Distribution::Stream)
      continue;
    if (blocks >= 0 && waits != blocks)
      return generic.emitOpError("streams read different numbers of blocks "
                                 "per work item");
    blocks = waits;
    // Two blocks' room lets the reader run one block ahead.
    if (waits > 1)
      cbs.depth[id] = 2;
  }

  // An intermediate a tile loop both reads and writes gets a second CB.
  SmallVector<std::pair<Value, int64_t>> shadows; // memref, interval index
  region.walk([&](affine::AffineForOp loop) {
    if (!holdsSection(loop) || (loop->getParentOp() != generic &&
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
  SmallVector<int64_t> byStart(all.size());
  std::iota(byStart.begin(), byStart.end(), 0);
  llvm::stable_sort(
      byStart, [&](int64_t x, int64_t y) { return all[x].lo < all[y].lo; });
  DenseMap<int32_t, int64_t> busyUntil;
  SmallVector<int32_t> idOf(all.size(), -1);
  for (int64_t k : byStart) {
    for (int32_t id : pool)
      // A CB has one format: ids are reused only by buffers of the same.
      if ((!busyUntil.count(id) || busyUntil[id] < all[k].lo) &&
          (!cbs.formats.count(id) || cbs.formats[id] == all[k].format)) {
        idOf[k] = id;
        busyUntil[id] = all[k].hi;
        cbs.pages[id] = std::max(cbs.pages.lookup(id), all[k].pages);
        cbs.formats[id] = all[k].format;
        break;
      }
    if (idOf[k] < 0)
      return generic.emitOpError()
             << "needs more than the 32 circular buffers a core has";
  }
  for (auto [k, iv] : llvm::enumerate(intervals))
    cbs.ids[iv.memref] = idOf[k];
  for (int32_t id : idOf)
    cbs.tempIds.insert(id);
  for (auto [n, sh] : llvm::enumerate(shadows))
    cbs.pingPong[sh.first] = {idOf[sh.second], idOf[intervals.size() + n]};
  return cbs;
}
