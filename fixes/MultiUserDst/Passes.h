//===- Passes.h - fix 1: multi-user DST allocation -------------*- C++ -*-===//
#ifndef DSTLAB_FIXES_MULTIUSERDST_PASSES_H
#define DSTLAB_FIXES_MULTIUSERDST_PASSES_H

#include "compiler/Dialect/D2M/IR/D2M.h"
#include "mlir/Pass/Pass.h"

namespace dstlab::fixes {
#define GEN_PASS_DECL
#include "fixes/MultiUserDst/Passes.h.inc"
#define GEN_PASS_REGISTRATION
#include "fixes/MultiUserDst/Passes.h.inc"
} // namespace dstlab::fixes

#endif
