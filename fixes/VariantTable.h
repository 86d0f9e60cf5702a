//===- VariantTable.h - one row per matrix column --------------*- C++ -*-===//
//
// The matrix columns as data, for the harness, the CLI and the reports. It
// depends on nothing but LLVM's ADT so that the compiler-free harness library
// can read it; fixes/Variants.h builds each row's pipeline.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_FIXES_VARIANTTABLE_H
#define DSTLAB_FIXES_VARIANTTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace dstlab {

/// One matrix column.
struct VariantInfo {
  llvm::StringLiteral name;
  /// Compiles with tt-lang's Nov 2025 front end (ternary reductions,
  /// per-tile transpose), whose own golden the harness checks it against.
  bool ttLangFrontEnd;
  /// What the column is, for help texts and reports.
  llvm::StringLiteral summary;
};

/// Every variant, in matrix column order.
llvm::ArrayRef<VariantInfo> variantTable();
/// The row of `name`, or null.
const VariantInfo *lookupVariant(llvm::StringRef name);

} // namespace dstlab

#endif
