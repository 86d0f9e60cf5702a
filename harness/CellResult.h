//===- CellResult.h - the cell result as JSON, both ways -------*- C++ -*-===//
//
// harness/Cell.h declares the cell API; this file (harness/CellResult.cpp)
// defines the parts of it that are the harness's contract rather than the
// compiler's: kVariants, exitCodeFor and toJSON(CellResult), plus the reader
// the matrix uses for a child's --json file. harness/Cell.cpp defines only
// runCell.
//
// The result JSON (written by `dstlab cell --json`):
//   {"outcome": "pass|miscompiled|imprecise|hazard|deadlock|error|timeout|
//                bad-input",
//    "signature": str|null, "message": str|null,
//    "pcc", "max_error", "exact_bound",
//    "faithful_max_error", "faithful_rms_error",
//    "faithful_max_bound", "faithful_rms_bound": num|null  (worst over seeds;
//                                              harness/Verdict.h),
//    "output_non_finite": bool, "non_finite": {key: "nan"|"inf"|"-inf"},
//    "seeds": [{"seed": int, "outcome": str, the six figures above but
//               exact_bound, "output_non_finite": bool, "non_finite": {..},
//               "is_attention": bool|null}],
//    "input_kind": str|null, "precision": str|null,
//    "hazards": [{"kind", "thread", "op", "location", "detail": str,
//                 "core": [x, y]|null, "dst_slice": int|null, "cb": int|null}],
//    "cycles": int|null, "tflops": num|null, "utilisation": num|null,
//    "fidelity": str|null, "peak_tflops": num|null, "cores": int|null,
//    "clock_ghz": num|null,
//    "is_attention": bool|null}
// A figure that is NaN or infinite is written as null and named in the
// object's "non_finite" (JSON has no NaN or infinity); readers restore it.
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

llvm::json::Value toJSON(const HazardRecord &hazard);
llvm::json::Value toJSON(const SeedResult &seed);
llvm::Expected<SeedResult> seedResultFromJSON(const llvm::json::Value &value);

/// A figure as JSON: the number, or null when absent; a NaN or infinity is
/// null and recorded as `nonFinite[key]` = "nan" | "inf" | "-inf".
llvm::json::Value figureJSON(std::optional<double> value, llvm::StringRef key,
                             llvm::json::Object &nonFinite);
/// Reads a figure written by figureJSON from `object` (absent: unchanged).
llvm::Error readFigure(const llvm::json::Object &object, llvm::StringRef key,
                       std::optional<double> &out);
llvm::Expected<HazardRecord> hazardFromJSON(const llvm::json::Value &value);

/// Reads a result written by toJSON(CellResult). Unknown keys are ignored.
llvm::Expected<CellResult> cellResultFromJSON(const llvm::json::Value &value);
llvm::Expected<CellResult> parseCellResult(llvm::StringRef text);

} // namespace dstlab::harness

#endif
