//===- Variants.cpp - the pipeline variants -------------------------------===//

#include "fixes/Variants.h"

#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "fixes/MultiUserDst/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;

LogicalResult dstlab::buildVariantPipeline(OpPassManager &pm,
                                           llvm::StringRef variant,
                                           const PipelineOptions &options) {
  if (variant == "upstream" || variant == "upstream-release") {
    buildUpstreamPipeline(pm, variant == "upstream", options);
    return success();
  }
  if (variant == "upstream-2026" || variant == "upstream-2026-release") {
    buildUpstream2026Pipeline(pm, variant == "upstream-2026", options);
    return success();
  }
  bool fix1 = variant == "multi-user" || variant == "fixed";
  bool fix2 = variant == "unary-reduce" || variant == "fixed";
  if (!fix1 && !fix2)
    return failure();
  std::string precision = options.precision;
  if (precision.empty())
    precision = precisionName(defaultPrecision(variant));
  // `fixed` computes a value shared by several consumers once (one exp of
  // the rescale factor per row tile, not one per accumulator tile).
  addFrontEnd(pm, fix2 ? ReduceForm::Unary : options.tlReduceForm,
              /*blockTranspose=*/fix2, precision,
              /*duplicateProducers=*/!(fix1 && fix2));
  if (fix1) {
    fixes::MultiUserDstAccessOptions o;
    o.fullSync = options.fullSync;
    pm.addPass(fixes::createMultiUserDstAccess(o));
  } else {
    d2m::D2MInsertDstRegisterAccessOptions o;
    o.assertions = true;
    o.hostFix2 = true;
    o.fullSync = options.fullSync;
    pm.addPass(d2m::createD2MInsertDstRegisterAccess(o));
  }
  PipelineOptions resolved = options;
  resolved.precision = precision;
  addBackEnd(pm, resolved);
  return success();
}

void dstlab::registerFixedPipelines() {
  for (const char *v : {"multi-user", "unary-reduce", "fixed"}) {
    std::string name = std::string("dstlab-") + v;
    PassPipelineRegistration<>(
        name, std::string("tl -> ttkernel, variant ") + v,
        [v](OpPassManager &pm) { (void)buildVariantPipeline(pm, v); });
  }
}
