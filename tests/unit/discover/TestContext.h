//===- TestContext.h - a context with every dialect -------------*- C++ -*-===//
#ifndef DSTLAB_TESTS_UNIT_DISCOVER_TESTCONTEXT_H
#define DSTLAB_TESTS_UNIT_DISCOVER_TESTCONTEXT_H

#include "compiler/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/IR/MLIRContext.h"

namespace dstlab::discover::test {

struct Context {
  mlir::DialectRegistry registry;
  mlir::MLIRContext ctx;
  Context() : ctx((dstlab::registerAllDialects(registry), registry)) {
    ctx.loadAllAvailableDialects();
  }
};

} // namespace dstlab::discover::test

#endif
