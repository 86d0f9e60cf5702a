//===- Passes.h - dstlab conversions ---------------------------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_CONVERSION_PASSES_H
#define DSTLAB_COMPILER_CONVERSION_PASSES_H

#include "compiler/Conversion/TLToD2M/Forms.h"
#include "compiler/Dialect/D2M/IR/D2M.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "support/Precision.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Pass/Pass.h"

namespace dstlab {
#define GEN_PASS_DECL
#include "compiler/Conversion/Passes.h.inc"
#define GEN_PASS_REGISTRATION
#include "compiler/Conversion/Passes.h.inc"
} // namespace dstlab

#endif
