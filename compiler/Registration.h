//===- Registration.h - every dstlab dialect and pass ---------*- C++ -*-===//
#ifndef DSTLAB_COMPILER_REGISTRATION_H
#define DSTLAB_COMPILER_REGISTRATION_H

namespace mlir {
class DialectRegistry;
} // namespace mlir

namespace dstlab {
/// dstlab's dialects plus the upstream ones its IR uses.
void registerAllDialects(mlir::DialectRegistry &registry);
/// dstlab's passes and named pipelines, and the MLIR passes tests use.
void registerAllPasses();
} // namespace dstlab

#endif
