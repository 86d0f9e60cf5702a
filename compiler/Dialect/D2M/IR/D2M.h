//===- D2M.h - d2m dialect ------------------------------------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_DIALECT_D2M_IR_D2M_H
#define DSTLAB_COMPILER_DIALECT_D2M_IR_D2M_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "compiler/Dialect/D2M/IR/D2MDialect.h.inc"
#include "compiler/Dialect/D2M/IR/D2MEnums.h.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/D2M/IR/D2MAttrs.h.inc"
#define GET_TYPEDEF_CLASSES
#include "compiler/Dialect/D2M/IR/D2MTypes.h.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/D2M/IR/D2MOps.h.inc"

namespace dstlab::d2m {
/// The memory space of a memref, if it carries a d2m one.
std::optional<MemorySpace> getMemorySpace(mlir::MemRefType type);
/// A memref of tiles in the given memory space.
mlir::MemRefType getTileMemRef(llvm::ArrayRef<int64_t> shape, TileType tile,
                               MemorySpace space);
} // namespace dstlab::d2m

#endif
