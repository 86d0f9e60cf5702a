//===- TL.h - tl dialect --------------------------------------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_DIALECT_TL_IR_TL_H
#define DSTLAB_COMPILER_DIALECT_TL_IR_TL_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/ControlFlowInterfaces.h"
#include "mlir/Interfaces/InferTypeOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "compiler/Dialect/TL/IR/TLDialect.h.inc"
#include "compiler/Dialect/TL/IR/TLEnums.h.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/TL/IR/TLAttrs.h.inc"
#define GET_TYPEDEF_CLASSES
#include "compiler/Dialect/TL/IR/TLTypes.h.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/TL/IR/TLOps.h.inc"

namespace dstlab::tl {
/// Side of a tile in elements.
constexpr int64_t kTileDim = 32;
} // namespace dstlab::tl

#endif
