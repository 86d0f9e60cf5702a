//===- OpScheduler.cpp - 19c86fca45 model: Sethi-Ullman scheduling --------===//
//
// Models tt-mlir 19c86fca45's d2m-op-scheduler (lib/Dialect/D2M/Transforms/
// OpScheduler.cpp) on dstlab's root nests. Its limits are modelled as they
// are: the tree is built from the first store of the innermost loop, every
// use of a shared value becomes its own subtree, and each visit moves the op
// again. A DAG thus leaves a use before its definition, which MLIR's
// verifier reports after the pass ("operand #N does not dominate this use"),
// exactly as it does after the real pass.
//
//===----------------------------------------------------------------------===//

#include "compiler/Dialect/D2M/Transforms/DstUtils.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Upstream2026/Upstream2026.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "llvm/ADT/DenseSet.h"

#include <memory>

namespace dstlab::d2m {
#define GEN_PASS_DEF_D2MOPSCHEDULER2026
#include "compiler/Dialect/D2M/Transforms/Passes.h.inc"
} // namespace dstlab::d2m

using namespace mlir;
using namespace dstlab::d2m;
using namespace dstlab::d2m::upstream2026;

namespace {

struct Node {
  Operation *op;
  SmallVector<std::unique_ptr<Node>, 3> children; ///< kept only if <= 3
  int64_t weight = 1;
};

/// isNontriviallyEltwiseFused (lib/Dialect/D2M/IR/D2MOps.cpp:3272-3289):
/// all iterators parallel (dstlab's explicit-form generics have none), no
/// op with the skip-fusion trait (tile_fill, D2MGenericRegionOps.td:1322)
/// and more than 3 operands (ins + outs, as the export writes them: each
/// d2m.scaler is one more input, as tt-mlir's own reduce form has it).
bool schedulable(GenericOp generic) {
  size_t scalers = 0;
  generic.getRegion().walk([&](ScalerOp) { ++scalers; });
  if (generic.getInputs().size() + scalers + generic.getOutputs().size() <= 3)
    return false;
  return !generic.getRegion()
              .walk([](TileFillOp) { return WalkResult::interrupt(); })
              .wasInterrupted();
}

/// buildOpTreeRecursive (:113-162): a load is a new leaf at every use; an
/// op of the innermost block is expanded again at every use.
std::unique_ptr<Node> build(Operation *op, Block *block) {
  auto node = std::make_unique<Node>();
  node->op = op;
  SmallVector<std::unique_ptr<Node>> children;
  for (Value operand : op->getOperands()) {
    Operation *def = operand.getDefiningOp();
    if (!def)
      continue;
    if (isa<affine::AffineLoadOp>(def)) {
      auto leaf = std::make_unique<Node>();
      leaf->op = def;
      children.push_back(std::move(leaf));
    } else if (def->getBlock() == block) {
      children.push_back(build(def, block));
    }
  }
  if (children.size() <= 3)
    node->children = std::move(children);
  return node;
}

/// markNodeWeights (:166-216): Sethi-Ullman labels.
void weigh(Node &n) {
  for (auto &c : n.children)
    weigh(*c);
  SmallVector<int64_t, 3> w;
  for (auto &c : n.children)
    w.push_back(c->weight);
  llvm::sort(w, std::greater<int64_t>());
  switch (w.size()) {
  case 0:
    n.weight = 1;
    break;
  case 1:
    n.weight = w[0];
    break;
  case 2:
    n.weight = w[0] == w[1] ? w[0] + 1 : w[0];
    break;
  default:
    n.weight = std::max(w[0], 1 + std::max(w[1], 1 + w[2]));
  }
}

/// applySeethiUllmanOrdering (:262-318): heavier children first (ties keep
/// operand order: libstdc++ sorts three elements by insertion), then the
/// op moves to the insertion point, on every visit.
void order(Node &n, Block *block, Block::iterator &at,
           llvm::DenseSet<Operation *> &moved) {
  SmallVector<Node *, 3> children;
  for (auto &c : n.children)
    children.push_back(c.get());
  llvm::stable_sort(children,
                    [](Node *a, Node *b) { return a->weight > b->weight; });
  for (Node *c : children)
    order(*c, block, at, moved);
  bool all =
      llvm::all_of(n.children, [&](auto &c) { return moved.contains(c->op); });
  if (!isa<affine::AffineLoadOp>(n.op) && !all)
    return;
  if (&*at != n.op)
    n.op->moveBefore(block, at);
  moved.insert(n.op);
  at = std::next(Block::iterator(n.op));
}

struct OpScheduler2026
    : public dstlab::d2m::impl::D2MOpScheduler2026Base<OpScheduler2026> {
  void runOnOperation() override {
    getOperation().walk([&](GenericOp generic) {
      if (!schedulable(generic))
        return;
      SmallVector<affine::AffineForOp> roots;
      generic.walk([&](affine::AffineForOp f) {
        if (f->hasAttr(kLinalgRoot))
          roots.push_back(f);
      });
      for (affine::AffineForOp root : roots) {
        // :363-376: every root is tagged, whether a tree is built or not.
        root->setAttr(kScheduled, UnitAttr::get(&getContext()));
        schedule(root);
      }
    });
  }

  /// buildOpTree (:64-108) and reorderOperationsSethiUllman: the innermost
  /// loop is the first one a post-order walk meets; the tree root is the
  /// value of its first store.
  void schedule(affine::AffineForOp root) {
    affine::AffineForOp innermost;
    root->walk([&](affine::AffineForOp f) {
      innermost = f;
      return WalkResult::interrupt();
    });
    Block *block = innermost.getBody();
    auto stores = block->getOps<affine::AffineStoreOp>();
    if (stores.empty())
      return;
    Operation *top = (*stores.begin()).getValue().getDefiningOp();
    if (!top)
      return;
    std::unique_ptr<Node> tree = build(top, block);
    weigh(*tree);
    Block::iterator at = block->begin();
    llvm::DenseSet<Operation *> moved;
    order(*tree, block, at, moved);
  }
};

} // namespace
