//===- Html.h - index.html: the matrix as a coloured grid ------*- C++ -*-===//
//
// One self-contained HTML file (inline CSS, no scripts, no network): the
// matrix as a grid of coloured cells with a legend; each cell (a
// <td class="cell" data-cell="repro/config/variant">) opens a <details> panel
// with the outcome, expectation, error figures, hazards, cycles, the crash
// log, the IR after each stage (the *.mlir files of the cell's dump
// directory, in name order), a DST-slice occupancy timeline as inline SVG for
// each dst_occupancy*.json there (or its dst_occupancy*.svg, which the
// matrix keeps instead of the JSON for cells as expected), and a link to its
// trace.json. Below the grid, per repro, an SVG bar chart
// (<svg class="perf">) of utilisation and TFLOP/s per configuration and
// variant.
//
// dst_occupancy.json: {"capacity": N, "events": [{"t": cycle, "slice": i,
// "kind": "write"|"read"|"release", "op": "..."}]}. A write opens an
// interval on its slice (closing any open one), a release closes it, a read
// is a tick; slices at or past capacity are shaded.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_REPORTS_HTML_H
#define DSTLAB_REPORTS_HTML_H

#include "harness/Matrix.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace dstlab::reports {

struct HtmlOptions {
  /// The directory cell "dump" paths are relative to (the matrix JSON's).
  std::string matrixDir;
  /// True when index.html is written to matrixDir: links stay relative.
  bool relativeLinks = true;
};

std::string renderHtml(const harness::MatrixRun &run,
                       const HtmlOptions &options);

/// The SVG for one dst_occupancy.json value; an error if it is malformed.
/// Without `tooltips` no <title> per interval and read (for an SVG shown as
/// an <img>, which shows none).
llvm::Expected<std::string> renderOccupancySvg(const llvm::json::Value &value,
                                               bool tooltips = true);

/// An SVG of at most this many bytes is embedded in index.html; a bigger one
/// is shown as an <img> of its file.
constexpr size_t kInlineSvgBytes = 24 * 1024;

/// The timeline of one dst_occupancy*.json file's text (`source` names it in
/// errors) as index.html keeps it in a file: with tooltips when that stays
/// within kInlineSvgBytes, else without (an <img> shows none).
llvm::Expected<std::string> renderOccupancySvgText(llvm::StringRef jsonText,
                                                   llvm::StringRef source);

} // namespace dstlab::reports

#endif
