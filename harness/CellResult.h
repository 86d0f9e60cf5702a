//===- CellResult.h - the cell result as JSON, both ways -------*- C++ -*-===//
//
// harness/Cell.h declares the cell API; this file (harness/CellResult.cpp)
// defines the parts of it that are the harness's contract rather than the
// compiler's: kVariants, exitCodeFor and toJSON(CellResult), plus the reader
// the matrix uses for a child's --json file. harness/Cell.cpp defines only
// runCell.
//
// The result JSON (written by `dstlab cell --json`):
//   {"outcome": "pass|wrong|hazard|deadlock|error|timeout|bad-input",
//    "signature": str|null, "message": str|null,
//    "pcc": num|null, "max_error": num|null,
//    "hazards": [{"kind", "thread", "op", "location", "detail": str,
//                 "core": [x, y]|null, "dst_slice": int|null, "cb": int|null}],
//    "cycles": int|null, "tflops": num|null, "utilisation": num|null,
//    "is_attention": bool|null}
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_CELLRESULT_H
#define DSTLAB_HARNESS_CELLRESULT_H

#include "harness/Cell.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace dstlab::harness {

/// kVariants as strings, in matrix column order.
std::vector<std::string> allVariants();

/// The outcomes a child may report (crash is the parent's alone).
bool isChildOutcome(llvm::StringRef outcome);

llvm::json::Value toJSON(const HazardRecord &hazard);
llvm::Expected<HazardRecord> hazardFromJSON(const llvm::json::Value &value);

/// Reads a result written by toJSON(CellResult). Unknown keys are ignored.
llvm::Expected<CellResult> cellResultFromJSON(const llvm::json::Value &value);
llvm::Expected<CellResult> parseCellResult(llvm::StringRef text);

} // namespace dstlab::harness

#endif
