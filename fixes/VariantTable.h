//===- VariantTable.h - one row per matrix column --------------*- C++ -*-===//
//
// The matrix columns as data, for the pipelines, the harness, the CLI and
// the reports: a new variant is one row. It depends on nothing but LLVM's
// ADT so that the compiler-free harness library can read it;
// fixes/Variants.h builds each row's pipeline.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_FIXES_VARIANTTABLE_H
#define DSTLAB_FIXES_VARIANTTABLE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace dstlab {

/// The front end a column compiles tl with.
enum class VariantFrontEnd {
  /// tt-lang's Nov 2025 front end (ternary reductions, per-tile transpose),
  /// whose own golden the harness checks it against.
  TtLang,
  /// Fix 2: unary reductions, block transpose.
  Unary,
};

/// The DST pass a column runs.
enum class VariantDstPass {
  /// The model of tt-mlir ae4e7b838c (compiler/Dialect/D2M/Transforms).
  Upstream,
  /// The model of tt-mlir 19c86fca45 (.../Transforms/Upstream2026).
  Upstream2026,
  /// Fix 1: multi-user DST allocation (fixes/MultiUserDst).
  MultiUser,
};

/// One matrix column.
struct VariantInfo {
  llvm::StringLiteral name;
  VariantFrontEnd frontEnd;
  VariantDstPass dstPass;
  /// The upstream assertions are compiled in (an assert build); false: an
  /// NDEBUG build, where a failed check runs on.
  bool assertions;
  /// Compiles with the accurate precision recipe unless told otherwise
  /// (support/Precision.h); the others compile the program as written.
  bool accurate;
  /// A short heading for reports, e.g. "Fix 1: multi-user DST".
  llvm::StringLiteral title;
  /// What the column is, a sentence or a paragraph (STATUS.md).
  llvm::StringLiteral summary;

  bool ttLangFrontEnd() const { return frontEnd == VariantFrontEnd::TtLang; }
  /// Fuses a producer only into its sole consumer, so a value several
  /// consumers share is computed once (tl-to-d2m duplicate-producers=false):
  /// the variant with both fixes, which is also dstlab's performance recipe.
  bool computesSharedValuesOnce() const {
    return frontEnd == VariantFrontEnd::Unary &&
           dstPass == VariantDstPass::MultiUser;
  }
  /// Models an upstream commit (rather than swapping in a fix).
  bool isUpstream() const {
    return dstPass != VariantDstPass::MultiUser &&
           frontEnd == VariantFrontEnd::TtLang;
  }
};

/// Every variant, in matrix column order.
llvm::ArrayRef<VariantInfo> variantTable();
/// The row of `name`, or null.
const VariantInfo *lookupVariant(llvm::StringRef name);
/// The variant names, comma-separated, in column order (help texts, errors).
std::string variantNames();

/// The columns a report refers to by role.
namespace variants {
/// ae4e7b838c as an assert build (the compiler as of the seed) and as an
/// NDEBUG build.
inline constexpr llvm::StringLiteral kUpstream = "upstream";
inline constexpr llvm::StringLiteral kUpstreamRelease = "upstream-release";
/// 19c86fca45 (today's upstream), assert and NDEBUG builds.
inline constexpr llvm::StringLiteral kUpstream2026 = "upstream-2026";
inline constexpr llvm::StringLiteral kUpstream2026Release =
    "upstream-2026-release";
/// Both fixes.
inline constexpr llvm::StringLiteral kFixed = "fixed";
} // namespace variants

} // namespace dstlab

#endif
