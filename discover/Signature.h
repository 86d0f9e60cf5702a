//===- Signature.h - what a failing cell did, as a bucket key ---*- C++ -*-===//
//
// A signature names how a cell failed, normalised so that two programs that
// hit the same compiler bug share it: `VARIANT: OUTCOME "TEXT"`, where TEXT
// is the crash message, the hazard kind or the diagnostic (miscompiled,
// imprecise and deadlock have none), with source locations removed and every
// number replaced by `N` (block sizes, line numbers and slice indices differ
// from program to program; the bug does not).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_DISCOVER_SIGNATURE_H
#define DSTLAB_DISCOVER_SIGNATURE_H

#include "harness/Classify.h"
#include "harness/Runner.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace dstlab::discover {

struct Finding {
  std::string variant;
  harness::Outcome outcome = harness::Outcome::Pass;
  std::string text; ///< the signature as the cell gave it (raw)
  /// `VARIANT: OUTCOME "NORMALISED"`, the bucket key.
  std::string key() const;
  /// The key without its variant: `OUTCOME "NORMALISED"`.
  std::string outcomeKey() const;
  /// The repro-header expectation this cell meets (harness/Repro.h).
  std::string expectation() const;
  bool failed() const { return outcome != harness::Outcome::Pass; }
};

Finding findingFor(llvm::StringRef variant,
                   const harness::Classification &classification);

/// Locations (`f.mlir:3:7:`, `loc(...)`) removed, numbers replaced by N,
/// white space collapsed.
std::string normaliseSignatureText(llvm::StringRef text);

/// Whether `wanted` (a key, with or without its `VARIANT: ` prefix, as
/// --signature takes it) names the same bucket as `finding`.
bool signatureMatches(llvm::StringRef wanted, const Finding &finding);

/// A short stable name of a bucket key: `VARIANT-OUTCOME-HHHHHHHH`
/// (FNV-1a of the key), usable as a directory name.
std::string bucketId(const Finding &finding);

/// One program under one variant, run as `EXE cell ...` (one child of the
/// runner), as fuzz and reduce run every candidate.
struct Probe {
  std::string exe, file, program, variant;
  std::string seeds = "0..0";
  std::string inputKind, precision; ///< empty: the defaults
  std::string json;                 ///< where the child writes its result
  double timeoutSeconds = 30;
};
harness::ChildJob probeJob(const Probe &probe);

/// Runs one probe to its end and classifies it.
llvm::Expected<Finding> runProbe(const Probe &probe);

} // namespace dstlab::discover

#endif
