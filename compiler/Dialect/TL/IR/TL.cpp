//===- TL.cpp - tl dialect, types and op verifiers ------------------------===//

#include "compiler/Dialect/TL/IR/TL.h"

#include "support/Limits.h"

#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dstlab::tl;
namespace limits = dstlab::limits;

#include "compiler/Dialect/TL/IR/TLDialect.cpp.inc"
#include "compiler/Dialect/TL/IR/TLEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/TL/IR/TLAttrs.cpp.inc"
#define GET_TYPEDEF_CLASSES
#include "compiler/Dialect/TL/IR/TLTypes.cpp.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/TL/IR/TLOps.cpp.inc"

void TLDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "compiler/Dialect/TL/IR/TLOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "compiler/Dialect/TL/IR/TLTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "compiler/Dialect/TL/IR/TLAttrs.cpp.inc"
      >();
}

/// Every block dimension must be a whole number of tiles, and a block at
/// most limits::kMaxBlockTiles tiles (a whole tensor: maxTiles).
static LogicalResult verifyTiled(Operation *op, Type type, StringRef what,
                                 int64_t maxTiles = limits::kMaxBlockTiles) {
  auto t = dyn_cast<RankedTensorType>(type);
  if (!t)
    return success();
  int64_t tiles = 1;
  for (int64_t d : t.getShape()) {
    if (d <= 0 || d % kTileDim != 0)
      return op->emitOpError() << what << " shape " << t
                               << " is not a whole number of 32x32 tiles";
    std::optional<int64_t> n = limits::mul(tiles, d / kTileDim);
    if (!n || *n > maxTiles)
      return op->emitOpError()
             << what << " shape " << t << " has "
             << (n ? std::to_string(*n) : std::string("more than 2^63"))
             << " tiles, over the limit of " << maxTiles;
    tiles = *n;
  }
  return success();
}

static LogicalResult verifyAllTiled(Operation *op) {
  for (Value v : op->getOperands())
    if (failed(verifyTiled(op, v.getType(), "operand")))
      return failure();
  for (Value v : op->getResults())
    if (failed(verifyTiled(op, v.getType(), "result")))
      return failure();
  return success();
}

LogicalResult StreamType::verify(function_ref<InFlightDiagnostic()> emitError,
                                 RankedTensorType blockType,
                                 int64_t numBlocks) {
  if (numBlocks <= 0)
    return emitError() << "stream must have at least one block";
  if (blockType.getRank() != 2)
    return emitError() << "stream block must be 2-D";
  return success();
}

LogicalResult ProgramOp::verify() {
  ArrayRef<int64_t> grid = getGrid();
  if (grid.size() != 2 || grid[0] <= 0 || grid[1] <= 0)
    return emitOpError("grid must be [rows, cols] with both positive");
  if (!limits::productWithin(grid[0], grid[1], limits::kMaxGridCores))
    return emitOpError() << "grid " << grid[0] << "x" << grid[1]
                         << " has more than the limit of "
                         << limits::kMaxGridCores << " cores";
  return success();
}

LogicalResult TensorDeclOp::verify() {
  auto t = cast<RankedTensorType>(getType());
  if (failed(verifyTiled(*this, t, "tensor",
                         limits::kMaxTensorElements / (kTileDim * kTileDim))))
    return failure();
  if (getColvec() && t.getDimSize(1) != kTileDim)
    return emitOpError("a colvec tensor must be one tile wide");
  return success();
}

static TensorDeclOp lookupTensor(KernelOp k, Attribute ref) {
  auto program = k->getParentOfType<ProgramOp>();
  if (!program)
    return nullptr;
  return dyn_cast_or_null<TensorDeclOp>(SymbolTable::lookupSymbolIn(
      program, cast<FlatSymbolRefAttr>(ref).getAttr()));
}

int64_t KernelOp::getNumWorkItems() {
  for (auto [ref, arg] : llvm::zip(getIns(), getBody().getArguments())) {
    auto block = dyn_cast<RankedTensorType>(arg.getType());
    TensorDeclOp decl = lookupTensor(*this, ref);
    if (block && decl)
      return cast<RankedTensorType>(decl.getType()).getDimSize(0) /
             block.getDimSize(0);
  }
  return 1;
}

LogicalResult KernelOp::verify() {
  Block &body = getBody().front();
  if (body.getNumArguments() != getIns().size())
    return emitOpError() << "has " << body.getNumArguments()
                         << " block arguments for " << getIns().size()
                         << " ins";
  int64_t items = -1;
  for (auto [ref, arg] : llvm::zip(getIns(), body.getArguments())) {
    TensorDeclOp decl = lookupTensor(*this, ref);
    if (!decl)
      return emitOpError() << "ins names unknown tensor " << ref;
    if (decl.getRole() == TensorRole::Output)
      return emitOpError() << "reads output tensor " << ref;
    auto global = cast<RankedTensorType>(decl.getType());
    if (auto stream = dyn_cast<StreamType>(arg.getType())) {
      RankedTensorType blk = stream.getBlockType();
      if (failed(verifyTiled(*this, blk, "stream block")))
        return failure();
      if (blk.getElementType() != global.getElementType() ||
          blk.getDimSize(1) != global.getDimSize(1) ||
          blk.getDimSize(0) * stream.getNumBlocks() != global.getDimSize(0))
        return emitOpError() << "stream " << stream << " does not tile "
                             << global << " by row blocks";
      continue;
    }
    auto blk = dyn_cast<RankedTensorType>(arg.getType());
    if (!blk || blk.getRank() != 2)
      return emitOpError("block arguments must be 2-D tensors or !tl.stream");
    if (failed(verifyTiled(*this, blk, "block argument")))
      return failure();
    if (blk.getElementType() != global.getElementType() ||
        blk.getDimSize(1) != global.getDimSize(1) ||
        global.getDimSize(0) % blk.getDimSize(0) != 0)
      return emitOpError() << "shard " << blk << " does not tile " << global
                           << " by row blocks";
    int64_t n = global.getDimSize(0) / blk.getDimSize(0);
    if (items >= 0 && n != items)
      return emitOpError() << "sharded operands disagree on the number of "
                              "row blocks ("
                           << items << " vs " << n << ")";
    items = n;
  }
  // The body's terminator is verified after this op: it may be missing.
  auto yield = body.empty() ? YieldOp() : dyn_cast<YieldOp>(body.back());
  if (!yield)
    return emitOpError("body must end in tl.yield");
  if (yield.getValues().size() != getOuts().size())
    return emitOpError() << "yields " << yield.getValues().size()
                         << " blocks for " << getOuts().size() << " outs";
  // Lowering gives every kernel at least one CB to take its tile type from.
  if (getIns().empty() && getOuts().empty())
    return emitOpError("has no ins and no outs: a kernel must read or write "
                       "at least one tensor");
  // Loops over blocks run at most limits::kMaxLoopTrips times in all (nested
  // loops multiply); a loop without constant bounds is not counted.
  auto tripsOf = [](scf::ForOp f) -> std::optional<int64_t> {
    std::optional<int64_t> lb = getConstantIntValue(f.getLowerBound());
    std::optional<int64_t> ub = getConstantIntValue(f.getUpperBound());
    std::optional<int64_t> step = getConstantIntValue(f.getStep());
    if (!lb || !ub || !step || *step <= 0)
      return std::nullopt;
    if (*ub <= *lb)
      return 0;
    int64_t span = *ub - *lb; // bounds are within kMaxLoopBound: no overflow
    return span / *step + (span % *step != 0);
  };
  WalkResult trips = getBody().walk([&](scf::ForOp f) {
    // Later passes compute ub - lb + step - 1 in int64_t.
    for (Value v : {f.getLowerBound(), f.getUpperBound(), f.getStep()}) {
      std::optional<int64_t> c = getConstantIntValue(v);
      if (c && (*c < -limits::kMaxLoopBound || *c > limits::kMaxLoopBound)) {
        f.emitOpError() << "bound or step " << *c
                        << " is outside the limit of +-"
                        << limits::kMaxLoopBound;
        return WalkResult::interrupt();
      }
    }
    int64_t total = 1;
    for (auto loop = f; loop; loop = loop->getParentOfType<scf::ForOp>()) {
      if (!(*this)->isProperAncestor(loop))
        break;
      std::optional<int64_t> n = tripsOf(loop);
      if (!n)
        continue;
      total *= *n; // at most 2^16 times at most 2^41: no overflow
      if (total > limits::kMaxLoopTrips) {
        f.emitOpError() << "runs " << total << (loop == f ? "" : " nested")
                        << " trips, over the limit of "
                        << limits::kMaxLoopTrips;
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  if (trips.wasInterrupted())
    return failure();
  if (items < 0)
    items = 1;
  for (auto [ref, v] : llvm::zip(getOuts(), yield.getValues())) {
    TensorDeclOp decl = lookupTensor(*this, ref);
    if (!decl)
      return emitOpError() << "outs names unknown tensor " << ref;
    if (decl.getRole() == TensorRole::Input)
      return emitOpError() << "writes input tensor " << ref;
    auto global = cast<RankedTensorType>(decl.getType());
    auto blk = cast<RankedTensorType>(v.getType());
    if (blk.getElementType() != global.getElementType() ||
        blk.getDimSize(1) != global.getDimSize(1) ||
        blk.getDimSize(0) * items != global.getDimSize(0))
      return emitOpError() << "yielded block " << blk << " times " << items
                           << " work items does not fill " << global;
  }
  return success();
}

LogicalResult TransposeOp::verify() {
  auto in = cast<RankedTensorType>(getInput().getType());
  auto out = cast<RankedTensorType>(getResult().getType());
  if (failed(verifyAllTiled(*this)))
    return failure();
  if (in.getElementType() != out.getElementType() ||
      in.getDimSize(0) != out.getDimSize(1) ||
      in.getDimSize(1) != out.getDimSize(0))
    return emitOpError() << "result " << out << " is not the transpose of "
                         << in;
  return success();
}

LogicalResult MatmulOp::verify() {
  if (failed(verifyAllTiled(*this)))
    return failure();
  auto a = cast<RankedTensorType>(getLhs().getType());
  auto b = cast<RankedTensorType>(getRhs().getType());
  auto c = cast<RankedTensorType>(getResult().getType());
  if (a.getDimSize(1) != b.getDimSize(0))
    return emitOpError() << "contraction mismatch: " << a << " @ " << b;
  if (c.getDimSize(0) != a.getDimSize(0) || c.getDimSize(1) != b.getDimSize(1))
    return emitOpError() << "result " << c << " is not " << a.getDimSize(0)
                         << "x" << b.getDimSize(1);
  if (a.getElementType() != b.getElementType() ||
      a.getElementType() != c.getElementType())
    return emitOpError("operands and result must share one element type");
  return success();
}

/// Shared verifier of the elementwise binary ops.
static LogicalResult verifyBinary(Operation *op, std::optional<Bcast> bcast) {
  if (failed(verifyAllTiled(op)))
    return failure();
  auto lhs = cast<RankedTensorType>(op->getOperand(0).getType());
  auto rhs = cast<RankedTensorType>(op->getOperand(1).getType());
  if (lhs.getElementType() != rhs.getElementType())
    return op->emitOpError("operands must share one element type");
  if (!bcast) {
    if (lhs != rhs)
      return op->emitOpError() << "operand types differ (" << lhs << " vs "
                               << rhs << "); use bcast cols or bcast rows";
    return success();
  }
  if (*bcast == Bcast::Cols &&
      (rhs.getDimSize(0) != lhs.getDimSize(0) || rhs.getDimSize(1) != kTileDim))
    return op->emitOpError() << "bcast cols needs a " << lhs.getDimSize(0)
                             << "x32 column vector, got " << rhs;
  if (*bcast == Bcast::Rows &&
      (rhs.getDimSize(1) != lhs.getDimSize(1) || rhs.getDimSize(0) != kTileDim))
    return op->emitOpError() << "bcast rows needs a 32x" << lhs.getDimSize(1)
                             << " row vector, got " << rhs;
  return success();
}

LogicalResult AddOp::verify() { return verifyBinary(*this, getBcast()); }
LogicalResult SubOp::verify() { return verifyBinary(*this, getBcast()); }
LogicalResult MulOp::verify() { return verifyBinary(*this, getBcast()); }
LogicalResult MaxOp::verify() { return verifyBinary(*this, getBcast()); }

static LogicalResult verifyRowReduce(Operation *op) {
  if (failed(verifyAllTiled(op)))
    return failure();
  auto in = cast<RankedTensorType>(op->getOperand(0).getType());
  auto out = cast<RankedTensorType>(op->getResult(0).getType());
  if (in.getElementType() != out.getElementType() ||
      out.getDimSize(0) != in.getDimSize(0) || out.getDimSize(1) != kTileDim)
    return op->emitOpError()
           << "result must be a " << in.getDimSize(0) << "x32 column vector of "
           << in.getElementType() << ", got " << out;
  return success();
}

LogicalResult RowMaxOp::verify() { return verifyRowReduce(*this); }
LogicalResult RowSumOp::verify() { return verifyRowReduce(*this); }

LogicalResult BroadcastOp::verify() {
  if (failed(verifyAllTiled(*this)))
    return failure();
  auto in = cast<RankedTensorType>(getInput().getType());
  auto out = cast<RankedTensorType>(getResult().getType());
  if (in.getElementType() != out.getElementType())
    return emitOpError("element types differ");
  if (getKind() == Bcast::Cols &&
      (in.getDimSize(1) != kTileDim || in.getDimSize(0) != out.getDimSize(0)))
    return emitOpError() << "bcast cols takes an Mx32 column vector to MxN, "
                            "got "
                         << in << " -> " << out;
  if (getKind() == Bcast::Rows &&
      (in.getDimSize(0) != kTileDim || in.getDimSize(1) != out.getDimSize(1)))
    return emitOpError() << "bcast rows takes a 32xN row vector to MxN, got "
                         << in << " -> " << out;
  return success();
}
