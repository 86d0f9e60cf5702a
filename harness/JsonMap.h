//===- JsonMap.h - JSON readers with errors that name the field -*- C++ -*-===//
//
// The readers of dstlab's JSON (matrix.json, a cell's result) are
// `bool fromJSON(const json::Value &, T &, json::Path)` per struct, built
// with json::ObjectMapper; json::Path tracks where a reader is. Path::report
// takes only a literal, so the text of an error (which names the value and
// the limit it breaks) goes through reportAt, and readJSON turns a failure
// into "SOURCE: PATH: WHAT", e.g. `m.json: cells[3].pcc: expected a number
// or null`.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_JSONMAP_H
#define DSTLAB_HARNESS_JSONMAP_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <optional>
#include <string>

namespace dstlab::harness {

/// Records `what` as the error at `path`; returns false (for `return`).
bool reportAt(llvm::json::Path path, const llvm::Twine &what);

/// Maps `value` with `map` (a fromJSON) and, on failure, returns the error
/// as "SOURCE: PATH: WHAT" ("top level" for the root; no "SOURCE: " when
/// `source` is empty).
llvm::Error readJSON(
    const llvm::json::Value &value, llvm::StringRef source,
    llvm::function_ref<bool(const llvm::json::Value &, llvm::json::Path)> map);

/// A figure: a number, or null, with NaN and infinities (which JSON cannot
/// hold) named in the object's "non_finite" (see harness/CellResult.h).
/// Absent: `out` unchanged.
bool readFigure(const llvm::json::Object &object, llvm::StringRef key,
                std::optional<double> &out, llvm::json::Path path);
/// A figure as JSON, the other way.
llvm::json::Value figureJSON(std::optional<double> value, llvm::StringRef key,
                             llvm::json::Object &nonFinite);

} // namespace dstlab::harness

#endif
