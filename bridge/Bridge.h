//===- Bridge.h - dstlab d2m <-> tt-mlir's genuine D2M IR -------*- C++ -*-===//
//
// The bridge carries a dstlab program, at the stage right before the DST
// pass (after tl-to-d2m and d2m-bufferize: linalg.generics of d2m.tile_* ops
// on CB memrefs), out to the genuine D2M syntax of a tt-mlir commit, and
// brings that commit's post-DST-pass output back into dstlab's d2m so the
// back end (d2m-to-ttkernel) and the simulator run what the real pass emitted.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_BRIDGE_BRIDGE_H
#define DSTLAB_BRIDGE_BRIDGE_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace dstlab::bridge {

/// A tt-mlir commit the bridge knows the D2M syntax and pipeline of.
struct Commit {
  llvm::StringRef shortId; ///< 10 hex digits: "ae4e7b838c", "19c86fca45"
  llvm::StringRef fullId;  ///< 40 hex digits
  llvm::StringRef date;    ///< commit date, for reports
  /// ttmlir-opt arguments that run that commit's passes from the exported
  /// stage through its DST pass(es), in tt-lang's order.
  std::vector<std::string> pipeline;
  /// The same without tile-compute-loops: the RUN line of that commit's own
  /// DST-pass lit tests (test/ttmlir/Dialect/D2M/Transforms/
  /// insert_dst_register_access_*.mlir), for a region the tile-compute-loops
  /// pass rejects before the DST pass sees it.
  std::vector<std::string> dstOnlyPipeline;
  /// That commit's kernel lowering gives SFPU binaries an explicit output
  /// index (PipelineOptions::explicitSfpuOutput); the import of its output
  /// is lowered the same way.
  bool explicitSfpuOutput = false;
};

/// The known commits; lookupCommit accepts any prefix of at least 7 digits
/// of a full id and returns nullptr for an unknown one.
llvm::ArrayRef<Commit> knownCommits();
const Commit *lookupCommit(llvm::StringRef id);
/// The known commits' short ids for messages, each after `prefix`:
/// "ae4e7b838c, 19c86fca45".
std::string knownCommitList(llvm::StringRef prefix = "");

/// The compute level of every d2m.generic of `module` (dstlab IR right after
/// d2m-bufferize) in `commit`'s genuine D2M syntax: one func per generic,
/// named `<func>__<generic>`, parseable by that commit's ttmlir-opt. An op the
/// commit lacks is an error naming it.
llvm::Expected<std::string> exportModule(mlir::ModuleOp module,
                                         const Commit &commit);

/// A drop-in tt-mlir lit test around exportModule's text: RUN lines with the
/// commit's pipeline and CHECK lines of `expectation` (dstlab's prediction).
llvm::Expected<std::string> renderLitTest(mlir::ModuleOp module,
                                          const Commit &commit,
                                          llvm::StringRef expectation);
/// The same with the RUN line's pipeline given (e.g. commit.dstOnlyPipeline).
llvm::Expected<std::string> renderLitTest(mlir::ModuleOp module,
                                          const Commit &commit,
                                          llvm::StringRef expectation,
                                          llvm::ArrayRef<std::string> pipeline);

/// Replaces, in `module` (the same stage exportModule was given), the compute
/// body of every d2m.generic by the real pass's output for it. `realOutput`
/// is what ttmlir-opt printed with -mlir-print-op-generic
/// -mlir-print-local-scope. Afterwards `module` is ready for dstlab's back end
/// (addBackEnd). A construct that cannot be mapped is an error whose message
/// starts with "import: " and names the op; `module` is then unchanged.
/// `realOutputName` names the text in parse errors (their lines are the
/// text's; columns may be off where ttcore attributes were rewritten).
llvm::Error importModule(mlir::ModuleOp module, llvm::StringRef realOutput,
                         const Commit &commit,
                         llvm::StringRef realOutputName = "real-output");

/// A pass that runs importModule on the module it is given (the stage after
/// d2m-bufferize) and fails with its error: for pipelines that go on to the
/// back end and the simulator.
std::unique_ptr<mlir::Pass> createImportPass(std::string realOutput,
                                             const Commit &commit);

} // namespace dstlab::bridge

#endif // DSTLAB_BRIDGE_BRIDGE_H
