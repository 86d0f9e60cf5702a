//===- Pipelines.h - named tl -> ttkernel pipelines -----------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_PIPELINES_PIPELINES_H
#define DSTLAB_COMPILER_PIPELINES_PIPELINES_H

#include "compiler/Conversion/TLToD2M/Forms.h"

#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace dstlab {

/// Options every variant shares.
struct PipelineOptions {
  std::string mathFidelity = "HiFi4";
  bool fullSync = false;
  /// A precision recipe (support/Precision.h); empty: the variant's default
  /// (defaultPrecision in fixes/Variants.h).
  std::string precision;
  /// The kernel lowering's SFPU binaries take an explicit output index (tt-mlir
  /// 19c86fca45) rather than working in place on the lhs (ae4e7b838c).
  bool explicitSfpuOutput = false;
  /// The reductions of the variants that use tt-lang's front end: tt-lang's,
  /// or tt-mlir's own TTIR->D2M form (repro key `front-end @P: ttir`).
  ReduceForm tlReduceForm = ReduceForm::TTLang;
};

/// The stage names, in order, after which a pipeline can dump IR.
constexpr const char *kStageNames[] = {
    "tl-to-d2m", "d2m-bufferize", "linalg-to-affine", "dst", "d2m-to-ttkernel"};

/// tl -> ttkernel as tt-lang and tt-mlir ae4e7b838c did it. `assertions`
/// selects the assert build ("on") or the NDEBUG build ("off").
void buildUpstreamPipeline(mlir::OpPassManager &pm, bool assertions,
                           const PipelineOptions &options = {});

/// tl -> ttkernel as tt-lang (Nov 2025 front end) and tt-mlir 19c86fca45
/// (2026-08-21): tile-compute-loops, the op scheduler, the unscheduled and
/// scheduled DST passes (compiler/Dialect/D2M/Transforms/Upstream2026).
void buildUpstream2026Pipeline(mlir::OpPassManager &pm, bool assertions,
                               const PipelineOptions &options = {});

/// The stages around the DST pass, for variants that swap pieces in.
/// `duplicateProducers` is tl-to-d2m's option of that name.
void addFrontEnd(mlir::OpPassManager &pm, ReduceForm reduceForm,
                 bool blockTranspose, llvm::StringRef precision = "balanced",
                 bool duplicateProducers = true);
/// The front end up to the stage the bridge exports (bridge/Bridge.h):
/// tl-to-d2m and d2m-bufferize, without linalg-to-affine.
void addFrontEndToBufferized(mlir::OpPassManager &pm, ReduceForm reduceForm,
                             bool blockTranspose,
                             llvm::StringRef precision = "balanced",
                             bool duplicateProducers = true);
void addBackEnd(mlir::OpPassManager &pm, const PipelineOptions &options);

/// Registers `dstlab-upstream`, `dstlab-upstream-release`,
/// `dstlab-upstream-2026` and `dstlab-upstream-2026-release`.
void registerUpstreamPipelines();

} // namespace dstlab

#endif
