//===- GoldenTestUtil.h - Shared fixture of the golden tests ----*- C++ -*-===//
#ifndef DSTLAB_TESTS_UNIT_GOLDEN_GOLDENTESTUTIL_H
#define DSTLAB_TESTS_UNIT_GOLDEN_GOLDENTESTUTIL_H

#include "compiler/Dialect/TL/IR/TL.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include <gtest/gtest.h>

namespace dstlab::golden::testing {

/// Parses tl programs from strings; the buffer is named "test.mlir" so that
/// error locations read "test.mlir:line:col". Only the dialects tl programs
/// use are loaded (not dstlab::registerAllDialects), so the golden tests link
/// no compiler code beyond the tl dialect.
struct GoldenTest : ::testing::Test {
  GoldenTest() {
    ctx.loadDialect<tl::TLDialect, mlir::arith::ArithDialect,
                    mlir::scf::SCFDialect>();
  }

  /// The first tl.program of `src`, or a null op (with a test failure) if
  /// the source does not parse.
  tl::ProgramOp parse(const char *src) {
    modules.push_back(
        mlir::parseSourceString<mlir::ModuleOp>(src, &ctx, "test.mlir"));
    mlir::OwningOpRef<mlir::ModuleOp> &m = modules.back();
    if (!m) {
      ADD_FAILURE() << "program does not parse";
      return nullptr;
    }
    auto programs = m->getOps<tl::ProgramOp>();
    if (programs.empty()) {
      ADD_FAILURE() << "no tl.program";
      return nullptr;
    }
    return *programs.begin();
  }

  mlir::MLIRContext ctx;
  std::vector<mlir::OwningOpRef<mlir::ModuleOp>> modules;
};

} // namespace dstlab::golden::testing

#endif
