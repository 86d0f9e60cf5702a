//===- VariantTable.cpp - one row per matrix column -----------------------===//

#include "fixes/VariantTable.h"

static const dstlab::VariantInfo kVariantTable[] = {
    {"upstream", true, "tt-lang + tt-mlir ae4e7b838c (2025-11), assert build"},
    {"upstream-release", true,
     "tt-lang + tt-mlir ae4e7b838c (2025-11), NDEBUG build"},
    {"upstream-2026", true,
     "tt-lang (Nov 2025 front end) + tt-mlir 19c86fca45 (2026-08), assert "
     "build"},
    {"upstream-2026-release", true,
     "tt-lang (Nov 2025 front end) + tt-mlir 19c86fca45 (2026-08), NDEBUG "
     "build"},
    {"multi-user", true, "fix 1: multi-user DST allocation"},
    {"unary-reduce", false, "fix 2: unary reductions, block transpose"},
    {"fixed", false, "fix 1 and fix 2"},
};

llvm::ArrayRef<dstlab::VariantInfo> dstlab::variantTable() {
  return kVariantTable;
}

const dstlab::VariantInfo *dstlab::lookupVariant(llvm::StringRef name) {
  for (const dstlab::VariantInfo &v : kVariantTable)
    if (v.name == name)
      return &v;
  return nullptr;
}
