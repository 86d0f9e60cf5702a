//===- RefCache.h - references shared by the cells of a matrix -*- C++ -*-===//
//
// The exact and faithful references of one (program, seed, input kind,
// rounding) do not depend on the variant, so the cells of one matrix run
// share them through files: `<dir>/<key>/<tensor>.npy` (float64) plus a
// `complete` marker written last. The first cell to need a key computes it
// under an exclusive lock on `<dir>/<key>.lock` (flock: released by the
// kernel if the cell crashes); a cell that finds the lock held waits, then
// reads. Keys hash the program's text and everything else the references
// depend on, so a stale directory is never read for a changed program. With
// an empty directory the cache is off and every reference is computed.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_REFCACHE_H
#define DSTLAB_HARNESS_REFCACHE_H

#include "golden/Inputs.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <string>

namespace dstlab::harness {

class RefCache {
public:
  explicit RefCache(std::string dir) : dir(std::move(dir)) {}

  /// The tensors stored under `key`, or those `compute` returns (stored for
  /// the next cell). Errors of `compute` are returned and nothing is stored;
  /// an unreadable or unwritable cache falls back to computing.
  llvm::Expected<golden::TensorMap>
  getOrCompute(llvm::StringRef key,
               llvm::function_ref<llvm::Expected<golden::TensorMap>()> compute);

  /// A key: 16 hex digits of the FNV-1a hash of `parts`, joined by '\n'.
  static std::string key(llvm::ArrayRef<std::string> parts);

private:
  std::string dir;
};

} // namespace dstlab::harness

#endif
