//===- BridgeInternal.h - shared between export and import ----*- C++ -*-===//
#ifndef DSTLAB_BRIDGE_BRIDGEINTERNAL_H
#define DSTLAB_BRIDGE_BRIDGEINTERNAL_H

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <string>

namespace dstlab::bridge {
/// The name of the exported func of `generic`: `<func>__<generic>`.
std::string exportName(mlir::func::FuncOp func, d2m::GenericOp generic);
/// The real tool's output rewritten so that dstlab's context parses it (with
/// unregistered dialects allowed): exposed for tests.
std::string rewriteForImport(llvm::StringRef realOutput);
} // namespace dstlab::bridge

#endif
