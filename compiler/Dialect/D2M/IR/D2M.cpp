//===- D2M.cpp - d2m dialect, types and op verifiers ----------------------===//

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dstlab::d2m;

#include "compiler/Dialect/D2M/IR/D2MDialect.cpp.inc"
#include "compiler/Dialect/D2M/IR/D2MEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/D2M/IR/D2MAttrs.cpp.inc"
#define GET_TYPEDEF_CLASSES
#include "compiler/Dialect/D2M/IR/D2MTypes.cpp.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/D2M/IR/D2MOps.cpp.inc"

void D2MDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "compiler/Dialect/D2M/IR/D2MOps.cpp.inc"
      >();
  addTypes<
#define GET_TYPEDEF_LIST
#include "compiler/Dialect/D2M/IR/D2MTypes.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "compiler/Dialect/D2M/IR/D2MAttrs.cpp.inc"
      >();
}

std::optional<MemorySpace> dstlab::d2m::getMemorySpace(MemRefType type) {
  if (auto attr = dyn_cast_or_null<MemorySpaceAttr>(type.getMemorySpace()))
    return attr.getValue();
  return std::nullopt;
}

MemRefType dstlab::d2m::getTileMemRef(ArrayRef<int64_t> shape, TileType tile,
                                      MemorySpace space) {
  return MemRefType::get(shape, tile, MemRefLayoutAttrInterface(),
                         MemorySpaceAttr::get(tile.getContext(), space));
}

LogicalResult TileType::verify(function_ref<InFlightDiagnostic()> emitError,
                               Type elementType) {
  if (!elementType.isBF16() && !elementType.isF32())
    return emitError() << "tile element type must be bf16 or f32, got "
                       << elementType;
  return success();
}

LogicalResult CBType::verify(function_ref<InFlightDiagnostic()> emitError,
                             MemRefType memref) {
  if (!isa<TileType>(memref.getElementType()))
    return emitError() << "a CB holds tiles, got " << memref;
  if (getMemorySpace(memref) != MemorySpace::CB)
    return emitError() << "a CB's memref must be in #d2m.memspace<cb>, got "
                       << memref;
  return success();
}

/// A memref of tiles in `space`, or an error on `op`.
static LogicalResult expectTileMemRef(Operation *op, Type type,
                                      MemorySpace space, StringRef what) {
  auto m = dyn_cast<MemRefType>(type);
  if (!m || !isa<TileType>(m.getElementType()) || getMemorySpace(m) != space)
    return op->emitOpError()
           << what << " must be a memref of tiles in #d2m.memspace<"
           << stringifyMemorySpace(space) << ">, got " << type;
  return success();
}

LogicalResult GenericOp::verify() {
  ArrayRef<int64_t> grid = getGrid();
  if (grid.size() != 2 || grid[0] <= 0 || grid[1] <= 0)
    return emitOpError("grid must be [rows, cols] with both positive");
  if (getItems() <= 0)
    return emitOpError("items must be positive");
  size_t numOperands = getInputs().size() + getOutputs().size();
  if (getDistributions().size() != numOperands)
    return emitOpError() << "has " << getDistributions().size()
                         << " distributions for " << numOperands << " operands";
  Block &body = getRegion().front();
  if (body.getNumArguments() != numOperands)
    return emitOpError() << "region has " << body.getNumArguments()
                         << " CB arguments for " << numOperands << " operands";
  for (auto [i, operand] : llvm::enumerate(getOperands())) {
    if (failed(expectTileMemRef(*this, operand.getType(), MemorySpace::DRAM,
                                "operand")))
      return failure();
    auto cb = dyn_cast<CBType>(body.getArgument(i).getType());
    if (!cb)
      return emitOpError() << "region argument #" << i << " must be a !d2m.cb";
    auto global = cast<MemRefType>(operand.getType());
    // A CB may hold a wider format than its DRAM tensor (precision=accurate):
    // the data movement kernels convert. Never a narrower one.
    auto cbTile = cast<TileType>(cb.getMemref().getElementType());
    auto globalTile = cast<TileType>(global.getElementType());
    if (cbTile != globalTile && !cbTile.isF32())
      return emitOpError() << "CB #" << i
                           << " and its operand hold different "
                              "tiles";
    auto dist = cast<DistributionAttr>(getDistributions()[i]).getValue();
    if (i >= getInputs().size() && dist != Distribution::Shard)
      return emitOpError("outputs must be sharded");
    MemRefType block = cb.getMemref();
    if (global.getRank() != 2 || block.getRank() != 2 ||
        !global.hasStaticShape() || !block.hasStaticShape() ||
        block.getDimSize(0) <= 0 ||
        global.getDimSize(1) != block.getDimSize(1) ||
        global.getDimSize(0) % block.getDimSize(0) != 0)
      return emitOpError() << "CB #" << i << " block " << block
                           << " does not tile " << global << " by rows";
    int64_t blockRows = block.getDimSize(0);
    if (dist == Distribution::Shard &&
        global.getDimSize(0) / blockRows != static_cast<int64_t>(getItems()))
      return emitOpError() << "sharded operand #" << i << " has "
                           << global.getDimSize(0) / blockRows
                           << " row blocks for " << getItems() << " items";
  }
  return success();
}

LogicalResult WaitOp::verify() {
  if (getCb().getType().getMemref() != getResult().getType())
    return emitOpError("result must be the CB's memref type");
  return success();
}

LogicalResult ReserveOp::verify() {
  if (getCb().getType().getMemref() != getResult().getType())
    return emitOpError("result must be the CB's memref type");
  return success();
}

LogicalResult AcquireDstOp::verify() {
  if (failed(expectTileMemRef(*this, getResult().getType(), MemorySpace::DST,
                              "result")))
    return failure();
  // [slices, block dims...]. Its size is deliberately not checked against
  // the capacity: the release build of the upstream pass emits overflowing
  // DSTs, which the simulator then flags.
  return success();
}

LogicalResult ScalerOp::verify() {
  if (failed(expectTileMemRef(*this, getResult().getType(), MemorySpace::CB,
                              "result")))
    return failure();
  auto m = cast<MemRefType>(getResult().getType());
  if (!m.hasStaticShape() || m.getNumElements() != 1)
    return emitOpError("a scaler CB holds exactly one tile");
  return success();
}
