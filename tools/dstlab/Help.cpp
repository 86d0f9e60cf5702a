//===- Help.cpp - dstlab --help, help COMMAND and --version ---------------===//
//
// One text per command (usage, options, exit codes), printed by
// `dstlab COMMAND --help`; tools/dstlab/README.md is the long form.
//
//===----------------------------------------------------------------------===//

#include "Commands.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"

#ifndef DSTLAB_VERSION
#define DSTLAB_VERSION "unknown"
#endif
#ifndef DSTLAB_GIT_REVISION
#define DSTLAB_GIT_REVISION "unknown"
#endif

using namespace llvm;

namespace dstlab::tool {

namespace {

// Shared by run and cell, which exit with the outcome.
#define RUN_EXIT_CODES                                                         \
  "Exit codes: 0 pass, 1 miscompiled, 2 hazard, 3 deadlock, 4 compile\n"       \
  "error, 5 bad input (bad option, unknown program or variant, I/O),\n"        \
  "6 timeout, 7 imprecise, 8 the real tool crashed; a crash of the\n"          \
  "compiler under test is a signal (SIGABRT), not an exit code.\n"

#define SEED_OPTIONS                                                           \
  "  --seed S            first seed (default 0)\n"                             \
  "  --seeds N|A..B      how many seeds from S (default 3), or which\n"

#define REAL_OPTIONS                                                           \
  "  --ttmlir-opt NAME=PATH@COMMIT[+ndebug]\n"                                 \
  "                      compile with a real tt-mlir tool (PATH a binary, "    \
  "or\n"                                                                       \
  "                      recorded:DIR to replay); the variant is real:NAME\n"  \
  "  --record DIR        save the real tool's outputs for replay\n"

struct CommandHelp {
  StringRef name;
  StringRef text;
};

const CommandHelp kHelp[] = {
    {"run",
     "usage: dstlab run FILE.mlir [options]\n\n"
     "Compile one tl program with one pipeline variant, run it on the\n"
     "simulated grid at every seed and judge it against its exact and\n"
     "faithful references.\n\n"
     "Options:\n"
     "  --program P         the tl.program (default: the first)\n"
     "  --variant V         upstream, upstream-release, upstream-2026,\n"
     "                      upstream-2026-release, multi-user,\n"
     "                      unary-reduce, fixed (default) or real:NAME\n"
     "  --grid RxC          core grid (default: the program's)\n" SEED_OPTIONS
     "  --input-kind K      uniform, negative-scores, peaked, late-max,\n"
     "                      large-values, zero-row\n"
     "  --precision R       balanced, accurate or fast\n"
     "  --math-fidelity F   LoFi, HiFi2, HiFi3 or HiFi4 (default)\n"
     "  --front-end F       tt-lang (default) or ttir: reductions in "
     "tt-mlir's\n"
     "                      own TTIR->D2M form (default: the repro header's)\n"
     "  --inputs DIR        read inputs (.npy) instead of generating them\n"
     "  --dump DIR          write IR per stage, DST occupancy, arrays\n"
     "  --trace FILE        write a Chrome trace of the simulation\n"
     "  --json FILE         write the result JSON\n" REAL_OPTIONS
     "  --tool-timeout S    time limit of the real tool\n"
     "  --mutate KIND:SITE  plant that mutation in the compiled ttkernel IR\n"
     "                      (see mutate-score --list)\n"
     "  -h, --help          this help\n\n" RUN_EXIT_CODES},
    {"cell",
     "usage: dstlab cell FILE.mlir --program P --variant V --json OUT "
     "[options]\n\n"
     "One matrix cell, as run by `dstlab matrix` in a child process: writes\n"
     "the result JSON atomically.\n\n"
     "Options:\n"
     "  --program P, --variant V, --grid RxC, --input-kind K,\n"
     "  --precision R, --front-end F, --math-fidelity F\n"
     "                      as for run\n" SEED_OPTIONS
     "  --ref-cache DIR     cache of reference outputs shared by cells\n"
     "  --json OUT          the result JSON (required)\n"
     "  --dump DIR          write IR per stage, DST occupancy, arrays\n"
     "  --dump-small        with --dump: no trace, arrays or section-1\n"
     "                      occupancy (what the matrix keeps by "
     "default)\n" REAL_OPTIONS
     "  --tool-timeout S    time limit of the real tool\n"
     "  --mutate KIND:SITE  plant that mutation (see mutate-score)\n"
     "  -h, --help          this help\n\n" RUN_EXIT_CODES},
    {"matrix",
     "usage: dstlab matrix [REPRO_DIR_OR_FILES...] [options]\n\n"
     "Every repro x configuration x variant, each cell in its own process.\n"
     "Writes matrix.json, matrix.md, junit.xml, perf.csv, cells/ and ir/ to\n"
     "--out.\n\n"
     "Options:\n"
     "  --filter REGEX      cells whose repro/config/variant matches\n"
     "  --variants a,b      the model's columns (default: all)\n"
     "  --jobs N            cells at once (default: the CPUs)\n"
     "  --shard i/n         run shard i of n\n" SEED_OPTIONS
     "  --timeout S         time limit per cell (default 60)\n"
     "  --out DIR           output directory (default reports/out)\n"
     "  --cell-exe PATH     the program run as `PATH cell ...`\n"
     "  --no-timing         leave wall times out of matrix.json\n"
     "  --quiet             no progress lines\n"
     "  --traces            keep every cell's trace.json\n"
     "  --dump all          keep every cell's large dumps (.npy arrays, DST\n"
     "                      occupancy JSON; by default only for cells not\n"
     "                      as expected, the others keep its SVG)\n"
     "  --ttmlir-opt NAME=PATH@COMMIT[+ndebug]\n"
     "                      add a column real:NAME (repeatable)\n"
     "  --record DIR        save the real tools' outputs for replay\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 every cell as expected, 1 some cell not as expected,\n"
     "2 error (bad option, bad repro header, cell program not runnable, "
     "I/O).\n"},
    {"mutate-score",
     "usage: dstlab mutate-score [REPRO_DIR_OR_FILES...] [options]\n\n"
     "The oracle's mutation score: plant one bug of each kind\n"
     "(harness/Mutate.h) at sampled sites of the ttkernel IR of every cell\n"
     "the variant is expected to pass, run each mutant like a cell, and\n"
     "count it killed when it ends as a hazard, miscompiled or deadlock.\n"
     "Prints killed/total per kind and overall, and every survivor.\n\n"
     "Options:\n"
     "  --variant V         the column (default fixed)\n"
     "  --filter REGEX      cells whose repro/config matches\n"
     "  --kinds a,b         mutation kinds (default: all)\n"
     "  --sites N|all       sites per kind and cell, spread evenly\n"
     "                      (default 3)\n" SEED_OPTIONS
     "                      (default: seeds 0..2, as the matrix)\n"
     "  --jobs N            mutants at once (default: the CPUs)\n"
     "  --timeout S         time limit per mutant (default 60)\n"
     "  --out DIR           per-mutant JSON and score.json (default\n"
     "                      reports/out/mutate)\n"
     "  --cell-exe PATH     the program run as `PATH cell ...`\n"
     "  --list              list the sites (* sampled) and exit\n"
     "  --quiet             print only the mutants not killed\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 every mutant killed, 1 some survived, 2 error (bad\n"
     "option, bad repro header, a cell that does not pass unmutated, I/O).\n"},
    {"fuzz",
     "usage: dstlab fuzz --seed S --count N [options]\n\n"
     "Random valid tl programs (DAGs of block ops, reductions, broadcasts,\n"
     "matmuls with transposes, loops with carried state; random shapes,\n"
     "types and grids), each run under every variant as a cell against\n"
     "both references. Every cell that does not pass is saved as a repro\n"
     "candidate under DIR/found/<bucket>/, bucketed by signature; the\n"
     "summary (DIR/summary.md, summary.json) depends only on the seed.\n\n"
     "Options:\n"
     "  --seed S            the run's seed (default 0)\n"
     "  --count N           programs (default 20)\n"
     "  --variants a,b      columns to run (default upstream-release,\n"
     "                      upstream-2026-release, fixed)\n"
     "  --ops N|A..B        block ops per program (default 4..16)\n"
     "  --no-loops          no scf.for over streamed inputs\n"
     "  --jobs N            cells at once (default: the CPUs)\n"
     "  --timeout S         time limit per cell (default 30)\n"
     "  --out DIR           output directory (default reports/out/fuzz)\n"
     "  --cell-exe PATH     the program run as `PATH cell ...`\n"
     "  --generate-only     write DIR/programs/ and stop\n"
     "  --quiet             print only the failing cells\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 every cell passed, 1 some cell failed (see the\n"
     "buckets), 2 error (bad option, a generator bug, I/O).\n"},
    {"reduce",
     "usage: dstlab reduce FILE.mlir [--variant V] [--signature S | --test "
     "SCRIPT] [-o OUT]\n\n"
     "Shrink a failing tl program while it stays interesting: while its\n"
     "cell under V ends with the same signature (the input's, or S), or\n"
     "while SCRIPT exits 0 (C-Reduce convention: run in a directory that\n"
     "holds the candidate under FILE's name, also its argument). Deletes\n"
     "ops, replaces results and operands by fills or operands, retargets\n"
     "outputs, cuts loops, grid, work items and block shapes, to a fixed\n"
     "point; each candidate in its own process. Writes a repro whose\n"
     "header says where it came from and what every variant does.\n\n"
     "Options:\n"
     "  --program P         the tl.program (default: the first)\n"
     "  --variant V         the variant (default: the header's variant:)\n"
     "  --signature S       the signature to keep, `OUTCOME \"TEXT\"`\n"
     "                      (default: the input's)\n"
     "  --test SCRIPT       interesting iff SCRIPT exits 0\n"
     "  -o OUT              the reduced repro (default\n"
     "                      <FILE stem>.reduced.mlir)\n"
     "  --timeout S         time limit per candidate (default "
     "30)\n" SEED_OPTIONS
     "                      (default: seed 0 alone; the header's\n"
     "                      expectations at 0..2, the matrix's)\n"
     "  --cell-exe PATH     the program run as `PATH cell ...`\n"
     "  --quiet             no progress lines\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 written, 2 error (bad option, unreadable input, an\n"
     "input that passes or is not interesting, I/O).\n"},
    {"merge",
     "usage: dstlab merge A.json B.json... --out DIR\n\n"
     "Join the matrix.json of every shard of one run into one matrix.json\n"
     "(+ matrix.md, junit.xml, perf.csv).\n\n"
     "Options:\n"
     "  --out DIR           output directory (required)\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 every cell as expected, 1 some cell not as expected,\n"
     "2 error (bad option, unreadable or inconsistent shards, I/O).\n"},
    {"report",
     "usage: dstlab report MATRIX.json [--out DIR]\n\n"
     "Write STATUS.md and index.html for a matrix run.\n\n"
     "Options:\n"
     "  --out DIR           output directory (default: MATRIX.json's)\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 written, 2 error (bad option, unreadable input, I/O).\n"},
    {"diff", "usage: dstlab diff BEFORE.json AFTER.json [--out FILE]\n\n"
             "Markdown of what changed between two matrix runs.\n\n"
             "Options:\n"
             "  --out FILE          write there (default: stdout)\n"
             "  -h, --help          this help\n\n"
             "Exit codes: 0 no regression, 1 some cell regressed, 2 error.\n"},
    {"export",
     "usage: dstlab export FILE.mlir --program P --to ttmlir@COMMIT "
     "[options]\n\n"
     "The program right before the DST pass, in that tt-mlir commit's\n"
     "genuine D2M syntax.\n\n"
     "Options:\n"
     "  --program P         the tl.program\n"
     "  --to ttmlir@COMMIT  the tt-mlir commit whose syntax to write\n"
     "  -o OUT              write there (default: stdout)\n"
     "  --lit               a drop-in tt-mlir lit test\n"
     "  --expect TEXT       the lit test's expectation (default: the\n"
     "                      repro header's upstream one)\n"
     "  --pipeline tt-lang|dst-only\n"
     "                      the lit test's pipeline (default tt-lang)\n"
     "  --precision R       balanced, accurate or fast\n"
     "  --front-end F       tt-lang or ttir (default: the repro header's)\n"
     "  --print-pipeline    print the commit's ttmlir-opt arguments\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 written, 1 the program cannot be exported to COMMIT,\n"
     "2 error (bad option, unreadable input, I/O).\n"},
    {"import",
     "usage: dstlab import FILE.mlir --program P --from ttmlir@COMMIT "
     "REAL.mlir [options]\n\n"
     "Bring the real pass's output (printed with -mlir-print-op-generic)\n"
     "back into dstlab.\n\n"
     "Options:\n"
     "  --program P         the tl.program REAL.mlir was exported from\n"
     "  --from ttmlir@COMMIT\n"
     "                      the tt-mlir commit that wrote REAL.mlir\n"
     "  -o OUT              write the imported IR there (default: stdout)\n"
     "  --stage d2m|ttkernel\n"
     "                      lower to this stage (default ttkernel)\n"
     "  --run               simulate it and judge it like a cell\n" SEED_OPTIONS
     "  --precision R       balanced, accurate or fast\n"
     "  --front-end F       tt-lang or ttir (default: the repro header's)\n"
     "  --rewrite-only      print REAL.mlir as the importer parses it\n"
     "  -h, --help          this help\n\n"
     "Exit codes: 0 imported, 1 the import or dstlab's back end failed,\n"
     "2 error (bad option, unreadable input, I/O); with --run, those of\n"
     "run.\n"},
};

} // namespace

const char *const kUsage =
    "usage: dstlab <command> [options]\n"
    "       dstlab <command> --help\n"
    "       dstlab --version\n\n"
    "Commands:\n"
    "  run FILE.mlir       compile, simulate and judge one program\n"
    "  cell FILE.mlir      the same, as one matrix cell (writes JSON)\n"
    "  matrix [REPROS...]  every repro x configuration x variant\n"
    "  mutate-score        the oracle's mutation score on passing cells\n"
    "  fuzz                random programs, failures bucketed by signature\n"
    "  reduce FILE.mlir    shrink a failing program, same signature\n"
    "  merge A.json...     join shard results\n"
    "  report MATRIX.json  write STATUS.md and index.html\n"
    "  diff BEFORE AFTER   what changed; exit 1 iff a cell regressed\n"
    "  export FILE.mlir    the program in a tt-mlir commit's D2M syntax\n"
    "  import FILE REAL    bring the real pass's output back\n"
    "  help [COMMAND]      this text, or a command's\n\n"
    "Variants: upstream, upstream-release (tt-mlir ae4e7b838c),\n"
    "upstream-2026, upstream-2026-release (tt-mlir 19c86fca45), multi-user,\n"
    "unary-reduce, fixed, and real:NAME with --ttmlir-opt.\n"
    "Seeds: --seed S is the first (default 0), --seeds N how many (default\n"
    "3) or A..B which. Input kinds: uniform, negative-scores, peaked,\n"
    "late-max, large-values, zero-row. Precision recipes: balanced,\n"
    "accurate (default: accurate under fixed, balanced otherwise).\n"
    "Exit codes: run and cell exit with the outcome (see dstlab run\n"
    "--help); the other commands 0 ok, 1 not as expected / regressed,\n"
    "2 error. See tools/dstlab/README.md.\n";

std::vector<StringRef> commandNames() {
  std::vector<StringRef> names;
  for (const CommandHelp &h : kHelp)
    names.push_back(h.name);
  return names;
}

bool printCommandHelp(StringRef command) {
  const CommandHelp *it = llvm::find_if(
      kHelp, [&](const CommandHelp &h) { return h.name == command; });
  if (it == std::end(kHelp))
    return false;
  outs() << it->text;
  return true;
}

bool wantsHelp(ArrayRef<std::string> argv) {
  for (StringRef a : argv) {
    if (a == "--")
      return false;
    if (a == "-h" || a == "--help")
      return true;
  }
  return false;
}

void printVersion() {
  outs() << "dstlab " << DSTLAB_VERSION << " (git " << DSTLAB_GIT_REVISION
         << ")\n";
}

} // namespace dstlab::tool
