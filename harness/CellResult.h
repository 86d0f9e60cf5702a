//===- CellResult.h - the cell result as JSON, both ways -------*- C++ -*-===//
//
// harness/Cell.h declares the cell API; this file (harness/CellResult.cpp)
// defines the parts of it that are the harness's contract rather than the
// compiler's: exitCodeFor and the JSON mapping of a result, which the matrix
// uses for a child's --json file and, for the measurements, for its own
// cells (harness/MatrixJSON.cpp). harness/Cell.cpp defines only runCell.
//
// The result JSON (written by `dstlab cell --json`):
//   {"outcome": a matrix outcome of harness/Outcome.h,
//    "signature": str|null, "message": str|null, "crash_site": str|null,
//    "tool_log": str|null,
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
bool fromJSON(const llvm::json::Value &value, HazardRecord &hazard,
              llvm::json::Path path);
llvm::json::Value toJSON(const SeedResult &seed);
bool fromJSON(const llvm::json::Value &value, SeedResult &seed,
              llvm::json::Path path);

/// Reads a result written by toJSON(CellResult). Unknown keys are ignored.
bool fromJSON(const llvm::json::Value &value, CellResult &result,
              llvm::json::Path path);
/// Errors name the field: `outcome: unknown cell outcome 'x'`.
llvm::Expected<CellResult> parseCellResult(llvm::StringRef text);

/// What a cell measured, as the result and a matrix cell both hold it:
/// message, figures (with "non_finite"), seeds, hazards, inputs, precision,
/// fidelity, cycles and cores. The keys a CellResult and a matrix cell
/// share, written and read by this one pair.
void writeMeasurements(const CellResult &result, llvm::json::Object &object);
bool mapMeasurements(const llvm::json::Value &value, CellResult &result,
                     llvm::json::Path path);

} // namespace dstlab::harness

#endif
