//===- dstlab-opt.cpp - mlir-opt with dstlab's dialects and passes --------===//

#include "compiler/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  dstlab::registerAllPasses();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "dstlab optimizer driver: tl, d2m and ttkernel\n", registry));
}
