//===- TTKernel.h - ttkernel dialect --------------------------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_DIALECT_TTKERNEL_IR_TTKERNEL_H
#define DSTLAB_COMPILER_DIALECT_TTKERNEL_IR_TTKERNEL_H

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#include "compiler/Dialect/TTKernel/IR/TTKernelDialect.h.inc"
#include "compiler/Dialect/TTKernel/IR/TTKernelEnums.h.inc"
#define GET_ATTRDEF_CLASSES
#include "compiler/Dialect/TTKernel/IR/TTKernelAttrs.h.inc"
#define GET_OP_CLASSES
#include "compiler/Dialect/TTKernel/IR/TTKernelOps.h.inc"

namespace dstlab::ttkernel {
/// The attribute on a kernel func.func naming its thread.
constexpr llvm::StringLiteral kThreadAttrName = "ttkernel.thread";
/// Names of the attributes that hold CB ids on ttkernel ops.
constexpr llvm::StringLiteral kCBAttrNames[] = {"cb", "cb_a", "cb_b", "cb_in",
                                                "cb_scaler"};
} // namespace dstlab::ttkernel

#endif
