//===- TTNNOpsAttrs.h - stand-in for TTNN attrs -----------------*- C++ -*-===//
//
// ttmlir-dst builds no TTNN dialect. The D2M sources we compile only ask
// "is this encoding a TTNN layout?" (mlir::isa<ttnn::...>), so these stand-ins
// are attribute handles that never match: no TTNN attribute can exist in a
// context where the TTNN dialect was never loaded.
#ifndef DSTLAB_TTMLIR_DST_STUB_TTNNOPSATTRS_H
#define DSTLAB_TTMLIR_DST_STUB_TTNNOPSATTRS_H

#include "mlir/IR/Attributes.h"

namespace mlir::tt::ttnn {
#define DSTLAB_NEVER_ATTR(Name)                                                \
  class Name : public ::mlir::Attribute {                                      \
  public:                                                                      \
    using ::mlir::Attribute::Attribute;                                        \
    static bool classof(::mlir::Attribute) { return false; }                   \
  };
DSTLAB_NEVER_ATTR(TTNNLayoutAttr)
DSTLAB_NEVER_ATTR(TTNNNDLayoutAttr)
#undef DSTLAB_NEVER_ATTR
} // namespace mlir::tt::ttnn

#endif
