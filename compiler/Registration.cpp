//===- Registration.cpp - every dstlab dialect and pass -------------------===//

#include "compiler/Registration.h"

#include "compiler/Conversion/Passes.h"
#include "compiler/Dialect/D2M/IR/D2M.h"
#include "compiler/Dialect/D2M/Transforms/Passes.h"
#include "compiler/Dialect/TL/IR/TL.h"
#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "compiler/Pipelines/Pipelines.h"

#include "mlir/Conversion/Passes.h"
#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/Passes.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectRegistry.h"
#include "mlir/Transforms/Passes.h"

void dstlab::registerAllDialects(mlir::DialectRegistry &registry) {
  registry.insert<tl::TLDialect, d2m::D2MDialect, ttkernel::TTKernelDialect,
                  mlir::func::FuncDialect, mlir::arith::ArithDialect,
                  mlir::scf::SCFDialect, mlir::affine::AffineDialect,
                  mlir::memref::MemRefDialect, mlir::linalg::LinalgDialect,
                  mlir::tensor::TensorDialect,
                  mlir::bufferization::BufferizationDialect>();
}

void dstlab::registerAllPasses() {
  mlir::registerTransformsPasses();
  mlir::registerLinalgPasses();
  mlir::registerLowerAffinePass();
  dstlab::registerConversionPasses();
  dstlab::d2m::registerD2MPasses();
  dstlab::registerUpstreamPipelines();
}
