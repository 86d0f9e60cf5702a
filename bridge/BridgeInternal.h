//===- BridgeInternal.h - shared between export and import ----*- C++ -*-===//
#ifndef DSTLAB_BRIDGE_BRIDGEINTERNAL_H
#define DSTLAB_BRIDGE_BRIDGEINTERNAL_H

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace dstlab::bridge {
/// The name of the exported func of `generic`: `<func>__<generic>`.
std::string exportName(mlir::func::FuncOp func, d2m::GenericOp generic);
} // namespace dstlab::bridge

#endif
