#include "bridge/Bridge.h"
llvm::Error dstlab::bridge::importModule(mlir::ModuleOp, llvm::StringRef, const Commit &) { return llvm::createStringError("import: not yet"); }
std::unique_ptr<mlir::Pass> dstlab::bridge::createImportPass(std::string, const Commit &) { return nullptr; }
