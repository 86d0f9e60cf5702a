//===- Variants.h - the five pipeline variants -----------------*- C++ -*-===//
//
// The matrix columns: upstream, upstream-release (compiler/Pipelines), and
// the variants that swap in the fixes: multi-user (fix 1), unary-reduce
// (fix 2) and fixed (both).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_FIXES_VARIANTS_H
#define DSTLAB_FIXES_VARIANTS_H

#include "compiler/Pipelines/Pipelines.h"

#include "support/Precision.h"

#include "llvm/ADT/StringRef.h"

namespace dstlab {

/// Builds the named variant's tl -> ttkernel pipeline; failure for an
/// unknown name.
/// The precision recipe a variant compiles with unless told otherwise:
/// `fixed` keeps what needs precision in f32 (accurate); the others compile
/// the program as written (balanced), as the code they model did.
inline Precision defaultPrecision(llvm::StringRef variant) {
  return variant == "fixed" ? Precision::Accurate : Precision::Balanced;
}

mlir::LogicalResult buildVariantPipeline(mlir::OpPassManager &pm,
                                         llvm::StringRef variant,
                                         const PipelineOptions &options = {});

/// Registers dstlab-multi-user, dstlab-unary-reduce and dstlab-fixed.
void registerFixedPipelines();

} // namespace dstlab

#endif
