//===- dstlab-opt.cpp - mlir-opt with dstlab's dialects and passes --------===//

#include "compiler/Registration.h"
#include "fixes/MultiUserDst/Passes.h"
#include "fixes/Variants.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  dstlab::registerAllPasses();
  dstlab::fixes::registerMultiUserDstPasses();
  dstlab::registerFixedPipelines();
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "dstlab optimizer driver: tl, d2m and ttkernel\n", registry));
}
