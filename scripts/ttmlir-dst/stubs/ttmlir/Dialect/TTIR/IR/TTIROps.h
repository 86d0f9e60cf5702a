//===- TTIROps.h - dstlab stand-in for TTIR ops -----------------*- C++ -*-===//
//
// ttmlir-dst builds no TTIR dialect. The D2M sources we compile only test
// whether a defining op is a TTIR op (mlir::dyn_cast<ttir::...>(op)); without
// the dialect loaded no such op can exist, so these stand-ins never match.
#ifndef DSTLAB_TTMLIR_DST_STUB_TTIROPS_H
#define DSTLAB_TTMLIR_DST_STUB_TTIROPS_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/OpDefinition.h"

namespace mlir::tt::ttir {
class TTNNMetalLayoutCastOp : public ::mlir::OpState {
public:
  explicit TTNNMetalLayoutCastOp(::mlir::Operation *op = nullptr)
      : OpState(op) {}
  static bool classof(::mlir::Operation *) { return false; }
  ::mlir::AffineMapAttr getVirtualGridInverseMappingAttr() { return {}; }
  ::mlir::AffineMapAttr getVirtualGridForwardMappingAttr() { return {}; }
  ::mlir::Value getInput() { return {}; }
  ::mlir::Value getResult() { return {}; }
};
} // namespace mlir::tt::ttir

#endif
