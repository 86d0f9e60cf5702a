//===- Variants.h - the pipeline variants ----------------------*- C++ -*-===//
//
// The matrix columns, one row each in variantTable(): the upstream models
// (compiler/Pipelines: tt-mlir ae4e7b838c and 19c86fca45, each as an assert
// and an NDEBUG build) and the variants that swap in the fixes: multi-user
// (fix 1), unary-reduce (fix 2) and fixed (both). Pipelines, harness, CLI
// and reports read this table; a new variant is one row.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_FIXES_VARIANTS_H
#define DSTLAB_FIXES_VARIANTS_H

#include "compiler/Pipelines/Pipelines.h"

#include "fixes/VariantTable.h"
#include "support/Precision.h"

#include "llvm/ADT/StringRef.h"

namespace dstlab {

/// The precision recipe a variant compiles with unless told otherwise
/// (VariantInfo::accurate); Balanced for an unknown name.
inline Precision defaultPrecision(llvm::StringRef variant) {
  const VariantInfo *info = lookupVariant(variant);
  return info && info->accurate ? Precision::Accurate : Precision::Balanced;
}

/// Builds the named variant's tl -> ttkernel pipeline from its row;
/// failure for an unknown name.
mlir::LogicalResult buildVariantPipeline(mlir::OpPassManager &pm,
                                         llvm::StringRef variant,
                                         const PipelineOptions &options = {});

/// Registers dstlab-<name> for every column that swaps in a fix (the
/// upstream ones are compiler/Pipelines' own).
void registerFixedPipelines();

} // namespace dstlab

#endif
