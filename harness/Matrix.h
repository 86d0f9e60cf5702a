//===- Matrix.h - a matrix run: cells, JSON, merge --------------*- C++ -*-===//
//
// The in-memory form of matrix.json (schema "dstlab-matrix/1", documented in
// harness/SCHEMA.md). The JSON is the source of truth for every report; it is
// written with sorted keys and cells in canonical order (repros in file-path
// order, configurations in file order, variants in kVariants order), so the
// same run gives the same bytes. Wall times are the only non-deterministic
// figures: `timing` at the top and each cell's `seconds`; `--no-timing` nulls
// both.
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_MATRIX_H
#define DSTLAB_HARNESS_MATRIX_H

#include "harness/Cell.h"
#include "harness/Classify.h"
#include "harness/Repro.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dstlab::harness {

inline constexpr const char *kMatrixSchema = "dstlab-matrix/2";

/// A repro as recorded in a matrix run.
struct ReproInfo {
  struct Config {
    std::string name, description;
  };
  std::string name, file, origin, shows;
  std::optional<bool> attention;
  std::vector<Config> configs;

  static ReproInfo from(const Repro &repro);
  bool operator==(const ReproInfo &o) const;
};

/// One cell of the matrix.
struct CellRecord {
  std::string repro, config, variant;
  /// The parent's verdict (harness/Classify.h): the cell's own outcome, or
  /// crash / timeout when it wrote no result.
  Outcome outcome = Outcome::Pass;
  std::optional<std::string> signature, crashSite, exitStatus, crashLog;
  std::string expected; ///< canonical expectation, e.g. `crash "..."`
  bool asExpected = false;
  /// What the cell's process reported (figures, seeds, hazards, message),
  /// as it wrote it; none when it wrote nothing (a crash, the parent's
  /// timeout).
  std::optional<CellResult> result;
  std::optional<double> seconds;
  std::optional<std::string> dump;
  /// A `real:` cell whose model column (same commit and assert mode) ended
  /// differently: what the model said, e.g. `upstream: crash "..."
  /// (File.cpp:356)`.
  std::optional<std::string> modelDiverges;

  std::string id() const { return repro + "/" + config + "/" + variant; }
  /// `result`, or an empty one (no figures) for a cell without.
  const CellResult &reported() const;
};

struct MatrixTiming {
  double wallSeconds = 0;
  unsigned jobs = 0;
};

/// A real tt-mlir tool behind a `real:NAME` column (no paths: they are the
/// machine's).
struct RealToolInfo {
  std::string variant; ///< "real:NAME"
  std::string commit;  ///< as given on the command line
  bool asserts = true;
  bool recorded = false; ///< replayed from recordings
  std::string model;     ///< the model column it is held to, or empty

  bool operator==(const RealToolInfo &o) const {
    return variant == o.variant && commit == o.commit && asserts == o.asserts &&
           recorded == o.recorded && model == o.model;
  }
};

struct MatrixRun {
  std::string schema = kMatrixSchema;
  uint64_t seed = 0;              ///< the first seed
  std::vector<uint64_t> seeds{0}; ///< every seed each numeric cell ran
  double timeoutSeconds = 60;
  std::vector<std::string> variants;
  std::vector<RealToolInfo> realTools;
  std::optional<std::string> filter;
  std::optional<std::pair<unsigned, unsigned>> shard; ///< index, total
  std::vector<ReproInfo> repros;
  std::vector<CellRecord> cells;
  std::optional<MatrixTiming> timing;

  const ReproInfo *findRepro(llvm::StringRef name) const;
  const CellRecord *findCell(llvm::StringRef repro, llvm::StringRef config,
                             llvm::StringRef variant) const;
  bool allAsExpected() const;
};

struct MatrixSummary {
  size_t cells = 0, asExpected = 0, unexpected = 0;
  std::map<Outcome, size_t> outcomes;
};
MatrixSummary summarize(const MatrixRun &run);

/// Sets modelDiverges on every `real:` cell whose model column is in the
/// run and ended with another outcome, signature or crash site.
void markModelDivergence(MatrixRun &run);

/// Builds a cell from the parent's classification of its child.
CellRecord makeCellRecord(const Repro &repro, const ReproConfig &config,
                          llvm::StringRef variant,
                          const Classification &classification,
                          std::optional<double> seconds,
                          std::optional<std::string> dump);

/// The JSON mapping, one pair per struct (harness/MatrixJSON.cpp); readers
/// report errors at their json::Path (`cells[3].pcc`, harness/JsonMap.h).
llvm::json::Value toJSON(const ReproInfo::Config &config);
bool fromJSON(const llvm::json::Value &value, ReproInfo::Config &config,
              llvm::json::Path path);
llvm::json::Value toJSON(const ReproInfo &repro);
bool fromJSON(const llvm::json::Value &value, ReproInfo &repro,
              llvm::json::Path path);
llvm::json::Value toJSON(const RealToolInfo &tool);
bool fromJSON(const llvm::json::Value &value, RealToolInfo &tool,
              llvm::json::Path path);
/// A cell's measurements are its result's (harness/CellResult.h); a cell
/// has a result iff its "hazards" or "seeds" is not null.
llvm::json::Value toJSON(const CellRecord &cell);
bool fromJSON(const llvm::json::Value &value, CellRecord &cell,
              llvm::json::Path path);
llvm::json::Value toJSON(const MatrixRun &run);
bool fromJSON(const llvm::json::Value &value, MatrixRun &run,
              llvm::json::Path path);
/// Pretty-printed (two-space indent, sorted keys) with a final newline.
std::string serializeMatrix(const MatrixRun &run);

/// Reads and validates a matrix JSON; errors name `source` and the JSON path.
llvm::Expected<MatrixRun> parseMatrix(llvm::StringRef text,
                                      llvm::StringRef source);
llvm::Expected<MatrixRun> loadMatrix(llvm::StringRef path);

/// Puts cells in canonical order (repros, then configs, then variants, in
/// the order the run lists them).
void sortCells(MatrixRun &run);

/// Joins shard results into one run. Every input must have the same schema,
/// seed, variants, filter, time limit and repros; the shards must be one
/// complete set (i/n for every i) or unsharded runs with disjoint cells; a
/// cell present twice is an error. `names` label the inputs in errors.
llvm::Expected<MatrixRun> mergeRuns(std::vector<MatrixRun> runs,
                                    llvm::ArrayRef<std::string> names);

/// Writes `contents` to `path` through a temporary file and a rename,
/// creating parent directories.
llvm::Error writeFileAtomically(llvm::StringRef path, llvm::StringRef contents);

/// Seconds are kept to the millisecond: more is noise.
double roundSeconds(double seconds);

/// A compact human form of a number ("0.9987", "1.2e+06"); "—" for none.
std::string formatNumber(std::optional<double> value, int digits = 4);
/// "seed 3", "seeds 0..2", "seeds 0, 5, 9".
std::string seedsText(llvm::ArrayRef<uint64_t> seeds);

/// A fraction as a percentage ("31.4%"); "—" for none.
std::string formatPercent(std::optional<double> fraction);

} // namespace dstlab::harness

#endif
