//===- TTKernel.cpp - ttkernel dialect and op verifiers -------------------===//

#include "compiler/Dialect/TTKernel/IR/TTKernel.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dstlab::ttkernel;

#include "compiler/Dialect/TTKernel/IR/TTKernelDialect.cpp.inc"
#include "compiler/Dialect/TTKernel/IR/TTKernelEnums.cpp.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/TTKernel/IR/TTKernelAttrs.cpp.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/TTKernel/IR/TTKernelOps.cpp.inc"

void TTKernelDialect::initialize() {
  addOperations<
#define GET_OP_LIST
#include "compiler/Dialect/TTKernel/IR/TTKernelOps.cpp.inc"
      >();
  addAttributes<
#define GET_ATTRDEF_LIST
#include "compiler/Dialect/TTKernel/IR/TTKernelAttrs.cpp.inc"
      >();
}

LogicalResult DramBufferOp::verify() {
  ArrayRef<int64_t> t = getTiles();
  if (t.size() != 2 || t[0] <= 0 || t[1] <= 0)
    return emitOpError("tiles must be [rows, cols] with both positive");
  return success();
}

LogicalResult CBConfigOp::verify() {
  if (getPages() <= 0)
    return emitOpError("a CB needs at least one page");
  return success();
}

int64_t ProgramOp::getDstCapacity() {
  int64_t capacity = 16;
  if (getDstMode() == DstMode::Half)
    capacity /= 2;
  if (getFp32DestAcc())
    capacity /= 2;
  return capacity;
}

LogicalResult ProgramOp::verify() {
  ArrayRef<int64_t> grid = getGrid();
  if (grid.size() != 2 || grid[0] <= 0 || grid[1] <= 0)
    return emitOpError("grid must be [rows, cols] with both positive");
  return success();
}

// After the body's ops are verified, so every cb_config has a valid `cb`.
LogicalResult ProgramOp::verifyRegions() {
  llvm::DenseSet<int32_t> configured;
  for (auto cfg : getBody().getOps<CBConfigOp>())
    if (!configured.insert(cfg.getCb()).second)
      return cfg.emitOpError() << "CB " << cfg.getCb() << " configured twice";
  llvm::DenseSet<int32_t> threads;
  for (auto func : getBody().getOps<func::FuncOp>()) {
    auto thread = func->getAttrOfType<ThreadAttr>(kThreadAttrName);
    if (!thread)
      return func.emitOpError()
             << "kernel needs a '" << kThreadAttrName << "' attribute";
    if (!threads.insert(static_cast<int32_t>(thread.getValue())).second)
      return func.emitOpError() << "second kernel for thread "
                                << stringifyThread(thread.getValue());
  }
  // Every CB an op names must be configured in this program.
  WalkResult result = walk([&](Operation *op) {
    for (StringRef name : kCBAttrNames) {
      auto id = op->getAttrOfType<IntegerAttr>(name);
      if (!id || isa<CBConfigOp>(op))
        continue;
      if (!configured.contains(id.getInt())) {
        op->emitOpError() << "uses CB " << id.getInt()
                          << " which the program does not configure";
        return WalkResult::interrupt();
      }
    }
    return WalkResult::advance();
  });
  return failure(result.wasInterrupted());
}
