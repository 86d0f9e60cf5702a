//===- Pending.cpp - stands in until the bridge lands ---------------------===//
#include "bridge/Bridge.h"

using namespace dstlab::bridge;

static llvm::Error pending() {
  return llvm::createStringError("the tt-mlir bridge is not built yet");
}
llvm::ArrayRef<Commit> dstlab::bridge::knownCommits() {
  static const Commit commits[] = {
      {"ae4e7b838c", "ae4e7b838c", "2025-11", {}},
      {"19c86fca45", "19c86fca45", "2026-08", {}}};
  return commits;
}
const Commit *dstlab::bridge::lookupCommit(llvm::StringRef id) {
  for (const Commit &c : knownCommits())
    if (c.fullId.starts_with(id) || id.starts_with(c.fullId))
      return &c;
  return nullptr;
}
llvm::Expected<std::string> dstlab::bridge::exportModule(mlir::ModuleOp,
                                                         const Commit &) {
  return pending();
}
llvm::Expected<std::string>
dstlab::bridge::renderLitTest(mlir::ModuleOp, const Commit &, llvm::StringRef) {
  return pending();
}
llvm::Error dstlab::bridge::importModule(mlir::ModuleOp, llvm::StringRef,
                                         const Commit &) {
  return pending();
}
