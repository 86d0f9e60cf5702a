//===- Variants.cpp - the pipeline variants -------------------------------===//

#include "fixes/Variants.h"

#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "fixes/MultiUserDst/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

LogicalResult dstlab::buildVariantPipeline(OpPassManager &pm,
                                           llvm::StringRef variant,
                                           const PipelineOptions &options) {
  const VariantInfo *info = lookupVariant(variant);
  if (!info)
    return failure();
  if (info->isUpstream()) {
    if (info->dstPass == VariantDstPass::Upstream2026)
      buildUpstream2026Pipeline(pm, info->assertions, options);
    else
      buildUpstreamPipeline(pm, info->assertions, options);
    return success();
  }
  bool unary = info->frontEnd == VariantFrontEnd::Unary;
  std::string precision = options.precision;
  if (precision.empty())
    precision = precisionName(defaultPrecision(variant));
  // `fixed` computes a value shared by several consumers once (one exp of
  // the rescale factor per row tile, not one per accumulator tile).
  addFrontEnd(pm, unary ? ReduceForm::Unary : options.tlReduceForm,
              /*blockTranspose=*/unary, precision,
              /*duplicateProducers=*/!info->computesSharedValuesOnce());
  if (info->dstPass == VariantDstPass::MultiUser) {
    fixes::MultiUserDstAccessOptions o;
    o.fullSync = options.fullSync;
    pm.addPass(fixes::createMultiUserDstAccess(o));
  } else {
    d2m::D2MInsertDstRegisterAccessOptions o;
    o.assertions = info->assertions;
    o.hostFix2 = unary;
    o.fullSync = options.fullSync;
    pm.addPass(d2m::createD2MInsertDstRegisterAccess(o));
  }
  PipelineOptions resolved = options;
  resolved.precision = precision;
  addBackEnd(pm, resolved);
  return success();
}

void dstlab::registerFixedPipelines() {
  for (const VariantInfo &info : variantTable()) {
    if (info.isUpstream())
      continue;
    std::string name = ("dstlab-" + info.name).str();
    std::string variant = info.name.str();
    PassPipelineRegistration<>(name, "tl -> ttkernel, variant " + variant,
                               [variant](OpPassManager &pm) {
                                 (void)buildVariantPipeline(pm, variant);
                               });
  }
}
