//===- FuzzDstlabOpt.cpp - fuzz parse + verify + the fixed pipeline -------===//
//
// What `dstlab-opt --dstlab-fixed` does with arbitrary text: parse with every
// dstlab dialect, verify, and run the `fixed` variant's tl -> ttkernel
// pipeline. Diagnostics are fine; a crash is a bug. The upstream variants
// assert on purpose (they model tt-mlir's assertions), so only the fixed
// pipeline is fuzzed here.
//
//===----------------------------------------------------------------------===//

#include "compiler/Registration.h"
#include "fixes/Variants.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const mlir::DialectRegistry *registry = [] {
    auto *r = new mlir::DialectRegistry();
    dstlab::registerAllDialects(*r);
    dstlab::registerAllPasses();
    return r;
  }();
  // A fresh context per input: state left by one input must not hide or
  // cause a crash on the next.
  mlir::MLIRContext context(*registry, mlir::MLIRContext::Threading::DISABLED);
  mlir::ScopedDiagnosticHandler quiet(
      &context, [](mlir::Diagnostic &) { return mlir::success(); });

  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(
          llvm::StringRef(reinterpret_cast<const char *>(data), size),
          "fuzz.mlir"),
      llvm::SMLoc());
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceFile<mlir::ModuleOp>(sourceMgr, &context);
  if (!module || mlir::failed(mlir::verify(*module)))
    return 0;

  mlir::PassManager pm(&context);
  if (mlir::failed(dstlab::buildVariantPipeline(pm, "fixed")))
    return 0;
  (void)pm.run(*module);
  return 0;
}
