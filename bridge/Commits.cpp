//===- Commits.cpp - the tt-mlir commits the bridge knows -----------------===//

#include "bridge/Bridge.h"

using namespace dstlab::bridge;

llvm::ArrayRef<Commit> dstlab::bridge::knownCommits() {
  // Pipelines follow tt-lang's order: tile-compute-loops before
  // linalg-to-affine, then the DST pass(es).
  static const std::vector<Commit> commits = {
      {"ae4e7b838c",
       "ae4e7b838cb2990edcd8d6ad7beca7605c722401",
       "2025-11-23",
       // tt-mlir ae4e7b838c, include/ttmlir/Dialect/D2M/Transforms/Passes.td:
       // one DST pass; both it and linalg-to-affine take use-tile-matmul.
       {"--ttcore-register-device", "--d2m-generic-tile-compute-loops",
        "--d2m-linalg-to-affine=use-tile-matmul=true",
        "--d2m-insert-dst-register-access=use-tile-matmul=true"},
       {"--ttcore-register-device",
        "--d2m-linalg-to-affine=use-tile-matmul=true",
        "--d2m-insert-dst-register-access=use-tile-matmul=true"}},
      {"19c86fca45",
       "19c86fca45ae7c3d8f886c0401d8b40a40d2f294",
       "2026-08-21",
       // tt-mlir 19c86fca45, lib/Dialect/D2M/Pipelines/D2MPipelines.cpp
       // (backend pipeline): op scheduler, spill-and-scratch, then the
       // unscheduled and the scheduled DST passes. The pipeline also runs
       // d2m-lower-scratch-allocate (and a canonicalize) before the DST
       // passes; scripts/build-ttmlir-dst.sh's driver does not register it,
       // so it is left out here (and from the recorded outputs): it only
       // matters to regions the spill-and-scratch pass gave scratch buffers.
       {"--ttcore-register-device", "--d2m-generic-tile-compute-loops",
        "--d2m-linalg-to-affine", "--d2m-op-scheduler",
        "--d2m-insert-spill-and-scratch", "--canonicalize",
        "--d2m-insert-dst-register-access-unscheduled",
        "--d2m-insert-dst-register-access-scheduled"},
       {"--ttcore-register-device", "--d2m-linalg-to-affine",
        "--d2m-insert-dst-register-access-unscheduled",
        "--d2m-insert-dst-register-access-scheduled"},
       // lib/Conversion/D2MToTTKernel/D2MToTTKernel.cpp:1535-1550 at
       // 19c86fca45: lhs, rhs and the output index of SFPU binaries.
       /*explicitSfpuOutput=*/true},
  };
  return commits;
}

const Commit *dstlab::bridge::lookupCommit(llvm::StringRef id) {
  id.consume_front("ttmlir@");
  if (id.size() < 7)
    return nullptr;
  for (const Commit &c : knownCommits())
    if (c.fullId.starts_with_insensitive(id) ||
        (id.size() <= c.shortId.size() &&
         c.shortId.starts_with_insensitive(id)))
      return &c;
  return nullptr;
}

std::string dstlab::bridge::knownCommitList(llvm::StringRef prefix) {
  std::string list;
  for (const Commit &c : knownCommits())
    list += (list.empty() ? "" : ", ") + prefix.str() + c.shortId.str();
  return list;
}
