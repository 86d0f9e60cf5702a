//===- Render.h - matrix.md, junit.xml and the terminal table --*- C++ -*-===//
#ifndef DSTLAB_HARNESS_RENDER_H
#define DSTLAB_HARNESS_RENDER_H

#include "harness/Matrix.h"

#include <string>

namespace dstlab::harness {

struct TableStyle {
  bool color = false; ///< ANSI colours (only on a terminal, never in files)
};

/// Rows repro @config, columns variants, one glyph per cell ("!" after the
/// glyph when the cell is not as expected, "·" when not run), and a legend.
std::string renderTable(const MatrixRun &run, TableStyle style = {});

/// The legend line shared by the table and matrix.md.
std::string legendText();

/// matrix.md: summary, the glyph table, unexpected cells, every cell.
std::string renderMarkdown(const MatrixRun &run);

/// junit.xml: one testsuite per repro, one testcase per cell
/// (name "config/variant"); a <failure> for each cell not as expected.
std::string renderJUnit(const MatrixRun &run);

/// perf.csv: one row per cell, the performance figures under the column
/// names of tt-metal's device-profiler ops report where one has a
/// counterpart (harness/SCHEMA.md, "perf.csv"); empty where a figure does
/// not apply. RFC 4180 quoting, LF line ends.
std::string renderPerfCsv(const MatrixRun &run);

/// Why a cell is not as expected, in one line ("expected X, got Y ...").
std::string describeMismatch(const CellRecord &cell);

/// "crash \"msg\"", "wrong (PCC 0.1, max error 0.9)", "pass", ...
std::string describeOutcome(const CellRecord &cell);

/// Escapes text for XML/HTML (&, <, >, ", ').
std::string escapeXml(llvm::StringRef text);
/// Escapes a Markdown table cell (| and newlines).
std::string escapeMarkdownCell(llvm::StringRef text);

} // namespace dstlab::harness

#endif
