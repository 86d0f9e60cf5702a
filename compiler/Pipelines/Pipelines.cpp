//===- Pipelines.cpp - named tl -> ttkernel pipelines ---------------------===//

#include "compiler/Pipelines/Pipelines.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

void dstlab::addFrontEndToBufferized(OpPassManager &pm, ReduceForm reduceForm,
                                     bool blockTranspose,
                                     llvm::StringRef precision,
                                     bool duplicateProducers) {
  TLToD2MOptions o;
  o.precision = parsePrecision(precision.str()).value_or(Precision::Balanced);
  o.reduceForm = reduceForm;
  o.transposeForm =
      blockTranspose ? TransposeForm::Block : TransposeForm::PerTile;
  o.duplicateProducers = duplicateProducers;
  pm.addPass(createTLToD2M(o));
  pm.addPass(d2m::createD2MBufferize());
}

void dstlab::addFrontEnd(OpPassManager &pm, ReduceForm reduceForm,
                         bool blockTranspose, llvm::StringRef precision,
                         bool duplicateProducers) {
  addFrontEndToBufferized(pm, reduceForm, blockTranspose, precision,
                          duplicateProducers);
  pm.addPass(createConvertLinalgToAffineLoopsPass());
}

void dstlab::addBackEnd(OpPassManager &pm, const PipelineOptions &options) {
  D2MToTTKernelOptions o;
  std::optional<ttkernel::MathFidelity> fidelity =
      ttkernel::symbolizeMathFidelity(options.mathFidelity);
  if (!fidelity)
    llvm::report_fatal_error(llvm::Twine("unknown math fidelity '") +
                             options.mathFidelity + "'");
  o.fidelity = *fidelity;
  o.explicitSfpuOutput = options.explicitSfpuOutput;
  std::optional<Precision> precision = parsePrecision(options.precision);
  o.expApprox = precision && approximatesExp(*precision);
  pm.addPass(createD2MToTTKernel(o));
  pm.addPass(createLowerAffinePass());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void dstlab::buildUpstreamPipeline(OpPassManager &pm, bool assertions,
                                   const PipelineOptions &options) {
  addFrontEnd(pm, options.tlReduceForm, /*blockTranspose=*/false,
              options.precision.empty() ? "balanced" : options.precision);
  d2m::D2MInsertDstRegisterAccessOptions dst;
  dst.assertions = assertions;
  dst.fullSync = options.fullSync;
  pm.addPass(d2m::createD2MInsertDstRegisterAccess(dst));
  addBackEnd(pm, options);
}

void dstlab::buildUpstream2026Pipeline(OpPassManager &pm, bool assertions,
                                       const PipelineOptions &options) {
  addFrontEnd(pm, options.tlReduceForm, /*blockTranspose=*/false,
              options.precision.empty() ? "balanced" : options.precision);
  // tt-lang's order as the bridge runs the real build (bridge/Commits.cpp):
  // d2m-insert-spill-and-scratch sits between the scheduler and the DST
  // passes; it is not modelled (Upstream2026/Rationale.md).
  pm.addPass(d2m::createD2MTileComputeLoops2026());
  pm.addPass(d2m::createD2MOpScheduler2026());
  d2m::D2MInsertDstRegisterAccess2026Options dst;
  dst.assertions = assertions;
  pm.addPass(d2m::createD2MInsertDstRegisterAccess2026(dst));
  PipelineOptions backEnd = options;
  backEnd.explicitSfpuOutput = true;
  addBackEnd(pm, backEnd);
}

void dstlab::registerUpstreamPipelines() {
  PassPipelineRegistration<>(
      "dstlab-upstream-2026",
      "tl -> ttkernel as tt-lang + tt-mlir 19c86fca45 (assert build)",
      [](OpPassManager &pm) { buildUpstream2026Pipeline(pm, true); });
  PassPipelineRegistration<>(
      "dstlab-upstream-2026-release",
      "tl -> ttkernel as tt-lang + tt-mlir 19c86fca45 (NDEBUG build)",
      [](OpPassManager &pm) { buildUpstream2026Pipeline(pm, false); });
  PassPipelineRegistration<>(
      "dstlab-upstream",
      "tl -> ttkernel as tt-lang + tt-mlir ae4e7b838c (assert build)",
      [](OpPassManager &pm) { buildUpstreamPipeline(pm, true); });
  PassPipelineRegistration<>(
      "dstlab-upstream-release",
      "tl -> ttkernel as tt-lang + tt-mlir ae4e7b838c (NDEBUG build)",
      [](OpPassManager &pm) { buildUpstreamPipeline(pm, false); });
}
