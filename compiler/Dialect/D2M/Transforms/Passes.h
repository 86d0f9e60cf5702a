//===- Passes.h - d2m transforms -------------------------------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_PASSES_H
#define DSTLAB_COMPILER_DIALECT_D2M_TRANSFORMS_PASSES_H

#include "compiler/Dialect/D2M/IR/D2M.h"
#include "mlir/Pass/Pass.h"

namespace dstlab::d2m {
/// How a multi-line upstream assert names its line: g++ prints the first
/// line of the macro call, clang the closing one.
enum class AssertLineStyle { GCC, Clang };

#define GEN_PASS_DECL
#include "compiler/Dialect/D2M/Transforms/Passes.h.inc"
#define GEN_PASS_REGISTRATION
#include "compiler/Dialect/D2M/Transforms/Passes.h.inc"
} // namespace dstlab::d2m

#endif
