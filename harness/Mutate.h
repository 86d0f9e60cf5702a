//===- Mutate.h - planted bugs in ttkernel IR -------------------*- C++ -*-===//
//
// The oracle of a cell is the simulator's protocol checks plus the verdict
// against the two references (harness/Verdict.h). Its mutation score says how
// much of it is real: take the ttkernel module a correct compilation emits,
// plant one bug of a known kind at one site (a "mutant"), run it like a cell,
// and see whether it ends as a hazard, `miscompiled` or a deadlock (killed)
// or still passes (survived).
//
// A kind enumerates its sites in module walk order (deterministic) and
// applies itself at one of them. A site where the mutation provably cannot
// change what the program computes (an equivalent mutant) is not a site:
// those are left out by construction, and each kind says which it leaves out
// (`equivalence` below), so that a survivor is always an oracle bug.
//
// The library depends on the compiler's ttkernel dialect only; the command
// that scores (`dstlab mutate-score`) runs every mutant as a `dstlab cell
// --mutate KIND:SITE` child process.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_MUTATE_H
#define DSTLAB_HARNESS_MUTATE_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstddef>
#include <string>
#include <vector>

namespace mlir {
class ModuleOp;
} // namespace mlir

namespace dstlab::harness {

struct MutationKind {
  llvm::StringRef name;
  /// What the mutation changes, one line.
  llvm::StringRef description;
  /// The sites it leaves out as equivalent, and why; empty when none.
  llvm::StringRef equivalence;
};

/// Every kind, in a fixed order (the order of the score table).
llvm::ArrayRef<MutationKind> mutationKinds();

/// The kind named `name`, or null.
const MutationKind *findMutationKind(llvm::StringRef name);

/// The sites of `kind` in `module` (a ttkernel module), in walk order: one
/// line each naming the program, thread, op and its source location.
/// Errors on an unknown kind.
llvm::Expected<std::vector<std::string>> mutationSites(mlir::ModuleOp module,
                                                       llvm::StringRef kind);

/// Plants mutation `kind` at its site number `site` (as listed by
/// mutationSites). Errors on an unknown kind or a site out of range.
llvm::Error applyMutation(mlir::ModuleOp module, llvm::StringRef kind,
                          size_t site);

/// Parses "KIND:SITE" (the `--mutate` option of `dstlab cell`).
llvm::Error parseMutationSpec(llvm::StringRef spec, std::string &kind,
                              size_t &site);

/// Indices of at most `limit` of `count` sites, spread evenly (the first,
/// the last and between), deterministic; every site when limit is 0 or
/// count <= limit.
std::vector<size_t> sampleSites(size_t count, size_t limit);

} // namespace dstlab::harness

#endif
