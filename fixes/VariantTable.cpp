//===- VariantTable.cpp - one row per matrix column -----------------------===//

#include "fixes/VariantTable.h"

using namespace dstlab;

static const VariantInfo kVariantTable[] = {
    {variants::kUpstream, VariantFrontEnd::TtLang, VariantDstPass::Upstream,
     true, false, "Upstream (ae4e7b838c)",
     "tt-lang + tt-mlir ae4e7b838c (2025-11), assert build"},
    {variants::kUpstreamRelease, VariantFrontEnd::TtLang,
     VariantDstPass::Upstream, false, false, "Upstream, NDEBUG (ae4e7b838c)",
     "tt-lang + tt-mlir ae4e7b838c (2025-11), NDEBUG build"},
    {variants::kUpstream2026, VariantFrontEnd::TtLang,
     VariantDstPass::Upstream2026, true, false, "Upstream (19c86fca45)",
     "tt-lang (Nov 2025 front end) + tt-mlir 19c86fca45 (2026-08), assert "
     "build"},
    {variants::kUpstream2026Release, VariantFrontEnd::TtLang,
     VariantDstPass::Upstream2026, false, false,
     "Upstream, NDEBUG (19c86fca45)",
     "tt-lang (Nov 2025 front end) + tt-mlir 19c86fca45 (2026-08), NDEBUG "
     "build"},
    {"multi-user", VariantFrontEnd::TtLang, VariantDstPass::MultiUser, true,
     false, "Fix 1: multi-user DST",
     "The DST pass supports values with several users in one compute region: "
     "liveness-based slice allocation (a slice lives until its last use), "
     "values consumed by FPU ops packed once to an intermediate CB, capacity "
     "pressure resolved by spilling or splitting, never by asserting. Front "
     "end as upstream."},
    {"unary-reduce", VariantFrontEnd::Unary, VariantDstPass::Upstream, true,
     false, "Fix 2: unary reductions",
     "`rowmax`/`rowsum` lower to a reduction with one data operand: the input "
     "from its CB, a constant 1.0 scaler tile from its own CB, the "
     "accumulator initialised in DST (-inf for max, 0 for sum) and "
     "accumulated across every tile of the row. DST pass as upstream."},
    {variants::kFixed, VariantFrontEnd::Unary, VariantDstPass::MultiUser, true,
     true, "Both fixes",
     "Fix 1 and fix 2 together, plus whatever else the full attention "
     "pipeline needs."},
};

llvm::ArrayRef<VariantInfo> dstlab::variantTable() { return kVariantTable; }

const VariantInfo *dstlab::lookupVariant(llvm::StringRef name) {
  for (const VariantInfo &v : kVariantTable)
    if (v.name == name)
      return &v;
  return nullptr;
}

std::string dstlab::variantNames() {
  std::string out;
  for (const VariantInfo &v : kVariantTable)
    out += (out.empty() ? "" : ", ") + v.name.str();
  return out;
}
