//===- Repro.h - repro files and their headers ------------------*- C++ -*-===//
//
// A repro file (repros/<name>.mlir) holds one or more `tl.program @<config>`
// ops, each one configuration of the pattern, and starts with a header of `//`
// comment lines:
//
//   // repro: test_p1
//   // origin: FLASH_ATTENTION_STATUS.md testing table, test_p1.py
//   // shows: transpose + matmul + rowmax
//   // config @p1_1x1: grid 1x1, 1x1-tile blocks, 32x32 bf16
//   // expect upstream: crash "Currently we do not support multiple users..."
//   // expect fixed: pass
//   // expect[@p1_2x2] upstream: miscompiled
//   // input-kind @p1_peaked: peaked
//   // precision @p1_peaked: balanced
//   // attention: yes
//
// The header is every line from the first up to the first line that does not
// start with `//`. Keys: `repro` (required; the repro's name in the matrix),
// `origin` (required), `shows`, `config @<program>` (a description of one
// configuration), `expect <variant>` (the default for every configuration),
// `expect[@<program>] <variant>` (an override for one), `input-kind
// @<program>` (the inputs of that configuration: uniform, negative-scores,
// peaked, late-max, large-values or zero-row, golden/Inputs.h; default
// uniform), `precision @<program>` (the precision recipe it is compiled
// with, balanced or accurate, support/Precision.h; default: the variant's),
// `front-end @<program>` (tt-lang or ttir: tt-mlir's own TTIR->D2M reduction
// form for the variants that use tt-lang's front end; default tt-lang),
// `attention` (yes|no; present for attention-shaped programs: whether the
// program is expected to compute attention), and, for a program found by
// `dstlab fuzz` or reduced by `dstlab reduce`, `seed` (the fuzz run's seed),
// `variant` (where it failed) and `signature` (how; discover/Signature.h).
// Lines that do not start with a key are prose: they continue a preceding
// `origin` or `shows` line, or are ignored. A line that
// starts with an unknown lower-case key (`foo: ...`) is an error.
//
// Expectation grammar: pass | crash "<message>" | error "<substring>" |
// miscompiled | imprecise | hazard <kind> | deadlock | step-limit | timeout.
// Every
// configuration must end up with an expectation for every variant. Errors
// name the file and line. (`wrong`, which did not say whether the compiler
// or the program was at fault, is gone: the error says what replaced it.)
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_HARNESS_REPRO_H
#define DSTLAB_HARNESS_REPRO_H

#include "harness/Outcome.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace dstlab::harness {

/// What one cell is expected to do.
struct Expectation {
  Outcome outcome = Outcome::Pass;
  /// The crash message (matched exactly against the crash signature), the
  /// error substring (searched in the diagnostic) or the hazard kind.
  std::string text;

  /// Parses the grammar above; the error message carries no location.
  static llvm::Expected<Expectation> parse(llvm::StringRef source);
  /// The canonical source form, e.g. `crash "message"`.
  std::string str() const;

  bool operator==(const Expectation &other) const {
    return outcome == other.outcome && text == other.text;
  }
};

/// One `tl.program @<name>` of a repro.
struct ReproConfig {
  std::string name;
  std::string description; ///< from `// config @<name>: ...`; may be empty
  unsigned line = 0;       ///< line of the tl.program op
  /// Variant name -> expectation, defaults and overrides applied.
  std::map<std::string, Expectation> expect;
  /// `input-kind @<name>:`, `precision @<name>:` and `front-end @<name>:`;
  /// empty when absent.
  std::string inputKind, precision, frontEnd;
};

struct Repro {
  std::string path;
  std::string name, origin, shows;
  std::optional<bool> attention;
  /// `seed:`, `variant:`, `signature:` of a program found by `dstlab fuzz`
  /// or reduced by `dstlab reduce`; empty when absent.
  std::string foundSeed, foundVariant, foundSignature;
  std::vector<ReproConfig> configs; ///< in file order

  const ReproConfig *findConfig(llvm::StringRef name) const;
};

/// Parses the header of `text` (the contents of `path`) and finds its
/// programs. `variants` are the variants every configuration needs an
/// expectation for (normally kVariants). Errors read "path:line: what".
llvm::Expected<Repro> parseRepro(llvm::StringRef path, llvm::StringRef text,
                                 llvm::ArrayRef<std::string> variants);

/// Reads and parses one file.
llvm::Expected<Repro> loadRepro(llvm::StringRef path,
                                llvm::ArrayRef<std::string> variants);

/// The .mlir files named by `args` (files as given, directories scanned
/// non-recursively for *.mlir), sorted and without duplicates.
llvm::Expected<std::vector<std::string>>
findReproFiles(llvm::ArrayRef<std::string> args);

/// The input kinds, precision recipes and front ends a header may name.
llvm::ArrayRef<llvm::StringRef> reproInputKinds();
llvm::ArrayRef<llvm::StringRef> reproPrecisions();
/// `tt-lang` (tt-lang's Nov 2025 reductions, the default) or `ttir`
/// (tt-mlir's own TTIR->D2M reduction form, for the variants that would
/// use tt-lang's).
llvm::ArrayRef<llvm::StringRef> reproFrontEnds();

/// The `front-end @<program>:` of the repro at `path`, or "" (none, or not
/// a repro with a header): what a cell of it compiles with unless told.
std::string reproFrontEnd(llvm::StringRef path, llvm::StringRef program);

/// True if `name` may name a repro or config (it becomes a path component).
bool isValidCellName(llvm::StringRef name);

} // namespace dstlab::harness

#endif
