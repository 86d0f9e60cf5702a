//===- Status.cpp - STATUS.md from a matrix run ---------------------------===//

#include "reports/Status.h"

#include "fixes/VariantTable.h"
#include "harness/Render.h"
#include "harness/Repro.h"
#include "support/UpstreamAsserts.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/raw_ostream.h"

#include <map>
#include <regex>
#include <set>

using namespace llvm;
using namespace dstlab::harness;
using namespace dstlab::variants;

namespace dstlab::reports {

namespace {

// The upstream check each modelled assertion stands for (tt-mlir
// ae4e7b838c, 2025-11-23; lines as clang / g++ print them; the model and
// its conformance suite, tests/conformance, cite each).
const UpstreamSite kUpstreamSites[] = {
    {upstream::kMultiUserMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:359` "
     "(g++: 357) at ae4e7b838c: a tile compute op whose result feeds another "
     "compute op must have exactly one use",
     ""},
    {upstream::kCapacityMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:263` "
     "(g++: 262) at ae4e7b838c, a TT_assertv: the highest slice a copy uses "
     "must fit DST's capacity over the block volume (capacity as in tt-mlir "
     "4e4ab42d19: 16 tiles, halved in half-sync, halved again for 32-bit "
     "data; upstream never spills)",
     ""},
    {upstream::kMultiStoreMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:329` "
     "(g++: 328) at ae4e7b838c: one flag per loop nest, so a nest with two "
     "outputs stops here",
     ""},
    {upstream::kOneOutputMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/GenericTileComputeLoops.cpp:139` "
     "(g++: 138) at ae4e7b838c: tt-lang runs tile-compute-loops before the "
     "DST pass, and it takes one output per fused generic",
     ""},
    {upstream::kStoreRankMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:683` "
     "(g++: 678) at ae4e7b838c: an intermediate inside a matmul's reduction "
     "loop gets one DST index per loop, one more than DST has",
     ""},
    {upstream::kGuardMessage,
     "tt-mlir `lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp:416` "
     "(g++: 414) at ae4e7b838c: input and output blocks of different shapes "
     "in one nest",
     ""},
    {upstream::kLargestTypeMessage,
     "tt-mlir `lib/Dialect/D2M/Utils/Utils.cpp:103` at ae4e7b838c: "
     "tile-compute-loops asks for the DST type of a generic with no tile "
     "compute (a pure copy)",
     ""},
};

/// A row of the seed's testing table.
struct SeedRow {
  StringRef label;
  SmallVector<StringRef, 2> patterns; ///< searched in a repro's origin
  StringRef file;
  StringRef seedSaid;
};

const SeedRow kSeedRows[] = {
    {"rowmax alone", {"test_rowmax"}, "test_rowmax.py", "\u2713 Works"},
    {"rowsum alone", {"test_rowsum"}, "test_rowsum.py", "\u2713 Works"},
    {"matmul + rowmax", {"test_p1"}, "test_p1.py", "\u2717 Crashes"},
    {"matmul + subtract + exp + rowsum",
     {"test_p2"},
     "test_p2.py",
     "\u2717 Crashes"},
    {"matmul + rowmax + subtract + exp + rowsum",
     {"test_fa_incremental", "test_p3"},
     "test_fa_incremental.py (pattern 3)",
     "\u2717 Crashes"},
    {"Two-kernel FA (no reductions)",
     {"flash_attention_pipelined"},
     "flash_attention_pipelined.py",
     "\u2713 Works"},
};

/// `text`, or a dash for none.
std::string orDash(const std::string &text) {
  return text.empty() ? "\u2014" : text;
}

/// The first line of a (possibly multi-line) signature, for headings and
/// running text.
std::string oneLine(StringRef text) {
  text = text.trim();
  size_t nl = text.find('\n');
  if (nl == StringRef::npos)
    return text.str();
  return text.take_front(nl).rtrim().str() + " \u2026";
}

bool mentions(StringRef text, StringRef word) {
  std::string lower = text.lower();
  StringRef t(lower);
  size_t pos = 0;
  while ((pos = t.find(word, pos)) != StringRef::npos) {
    size_t end = pos + word.size();
    bool before = pos == 0 || !(isAlnum(t[pos - 1]) || t[pos - 1] == '_');
    bool after = end >= t.size() || !(isAlnum(t[end]) || t[end] == '_');
    if (before && after)
      return true;
    pos = end;
  }
  return false;
}

const SeedRow *seedRowOf(const ReproInfo &r) {
  for (const SeedRow &row : kSeedRows)
    for (StringRef p : row.patterns)
      if (mentions(r.origin, p))
        return &row;
  return nullptr;
}

/// A cell "works": it passed and, if it says, it computes attention.
bool works(const CellRecord &c) {
  return c.outcome == Outcome::Pass && c.reported().isAttention.value_or(true);
}

std::vector<const CellRecord *> cellsOf(const MatrixRun &run, StringRef repro,
                                        StringRef variant) {
  std::vector<const CellRecord *> out;
  for (const CellRecord &c : run.cells)
    if (c.repro == repro && c.variant == variant)
      out.push_back(&c);
  return out;
}

std::string configList(ArrayRef<const CellRecord *> cells) {
  std::string out;
  for (const CellRecord *c : cells)
    out += (out.empty() ? "@" : ", @") + c->config;
  return out;
}

/// "crash \"sig\"" etc: the key cells are grouped by.
std::string failureKey(const CellRecord &c) {
  std::string sig = c.signature.value_or("");
  std::string name = outcomeName(c.outcome).str();
  if (c.outcome == Outcome::Miscompiled || c.outcome == Outcome::Imprecise)
    return name;
  if (c.outcome == Outcome::Pass)
    return "pass, but not attention";
  return sig.empty() ? name : name + " \"" + sig + "\"";
}

} // namespace

NormalisedSignature normaliseSignature(StringRef signature) {
  // What varies between the cells of one cause: the DST slice, a shape, the
  // repro location an export diagnostic names. Upstream file:line (say
  // InsertDstRegisterAccess.cpp:359) is left alone: it names the cause.
  static const std::regex kVarying(
      R"re(loc\("([^"]*)":(\d+):(\d+)\)|DST slice (-?\d+)|\b(\d+(?:x\d+)+)\b)re");
  NormalisedSignature out;
  std::string text = signature.str();
  size_t last = 0;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kVarying);
       it != std::sregex_iterator(); ++it) {
    const std::smatch &m = *it;
    out.text += text.substr(last, m.position(0) - last);
    last = m.position(0) + m.length(0);
    if (m[1].matched) {
      out.text += "loc(FILE:LINE:COL)";
      out.values.push_back(m[1].str() + ":" + m[2].str() + ":" + m[3].str());
    } else if (m[4].matched) {
      out.text += "DST slice N";
      out.values.push_back("slice " + m[4].str());
    } else {
      out.text += "RxC";
      out.values.push_back(m[5].str());
    }
  }
  out.text += text.substr(last);
  return out;
}

namespace {

/// One line on why the cells of one repro under one variant fail.
std::string whyItFails(ArrayRef<const CellRecord *> failing) {
  // Group by failure kind, keeping first-seen order.
  std::vector<std::pair<std::string, std::vector<const CellRecord *>>> groups;
  for (const CellRecord *c : failing) {
    std::string key = failureKey(*c);
    auto it = llvm::find_if(groups, [&](auto &g) { return g.first == key; });
    if (it == groups.end())
      groups.push_back({key, {c}});
    else
      it->second.push_back(c);
  }
  std::string out;
  for (auto &[key, cells] : groups) {
    if (!out.empty())
      out += "; ";
    const CellRecord &c = *cells.front();
    if (c.outcome == Outcome::Miscompiled) {
      out += "computes numbers its faithful reference rules out (a compiler "
             "bug) \u2014 ";
      std::string figures;
      for (const CellRecord *w : cells)
        figures += (figures.empty() ? "@" : ", @") + w->config +
                   ": faithful max error " +
                   formatNumber(w->reported().faithfulMaxError) + " (bound " +
                   formatNumber(w->reported().faithfulMaxBound) +
                   "), exact max error " + formatNumber(w->reported().maxError);
      out += figures;
      continue;
    }
    if (c.outcome == Outcome::Imprecise) {
      out += "computes what the program says, which misses the exact bound "
             "(the program's precision) \u2014 ";
      std::string figures;
      for (const CellRecord *w : cells)
        figures += (figures.empty() ? "@" : ", @") + w->config +
                   ": max error " + formatNumber(w->reported().maxError) +
                   " (bound " + formatNumber(w->reported().exactBound) + ")";
      out += figures;
      continue;
    }
    if (c.outcome == Outcome::Crash) {
      out += "crashes";
      if (c.signature) {
        bool isAssert = c.crashSite.has_value();
        out += isAssert ? " on the assertion \"" : " with \"";
        out += oneLine(*c.signature) + "\"";
      }
      if (c.crashSite)
        out += " (`" + *c.crashSite + "`)";
    } else if (c.outcome == Outcome::Error) {
      out += "is rejected with \"" + oneLine(c.signature.value_or("")) + "\"";
    } else if (c.outcome == Outcome::Hazard) {
      out += "runs into a simulator hazard (" + c.signature.value_or("?") + ")";
    } else if (c.outcome == Outcome::Pass) {
      out += "passes, but its output is not attention";
    } else {
      out += describeOutcome(c);
    }
    out += " in " + configList(cells);
  }
  return out;
}

std::string summaryCell(ArrayRef<const CellRecord *> cells) {
  if (cells.empty())
    return "\u2014";
  std::map<Outcome, size_t> counts;
  size_t unexpected = 0;
  for (const CellRecord *c : cells) {
    ++counts[c->outcome];
    unexpected += !c->asExpected;
  }
  std::string out;
  if (counts.size() == 1) {
    Outcome o = counts.begin()->first;
    out = (glyphFor(o) + " " + outcomeName(o)).str();
    if (o == Outcome::Pass && llvm::any_of(cells, [](const CellRecord *c) {
          return c->reported().isAttention == false;
        }))
      out += " (not attention)";
  } else {
    for (Outcome o : matrixOutcomes()) {
      auto it = counts.find(o);
      if (it == counts.end())
        continue;
      if (!out.empty())
        out += " \u00b7 ";
      out +=
          (glyphFor(o) + " " + outcomeName(o) + " " + Twine(it->second)).str();
    }
  }
  if (unexpected)
    out += " (" + std::to_string(unexpected) + " not as expected!)";
  return out;
}

std::string percent(double fraction) { return formatPercent(fraction); }

bool hasVariant(const MatrixRun &run, StringRef v) {
  return llvm::is_contained(run.variants, v);
}

bool isAttentionShaped(const MatrixRun &run, const ReproInfo &r) {
  if (r.attention)
    return true;
  return llvm::any_of(run.cells, [&](const CellRecord &c) {
    return c.repro == r.name && c.reported().isAttention.has_value();
  });
}

} // namespace

const UpstreamSite *findUpstreamSite(StringRef signature) {
  for (const UpstreamSite &s : kUpstreamSites)
    if (s.signature == signature)
      return &s;
  return nullptr;
}

namespace {

/// Where in tt-mlir 19c86fca45 (or tt-lang's front end) an upstream-2026
/// failure sits: the model's rule for each failure signature, matched in
/// order. Lines are at 19c86fca45, as the model cites them
/// (compiler/Dialect/D2M/Transforms/Upstream2026).
struct UpstreamSite2026 {
  StringRef signature, site, why;
};
const UpstreamSite2026 kSites2026[] = {
    {upstream2026::kMultiUserMessage,
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Scheduled.cpp:169",
     "the seed's assertion, still on the scheduled path (generics with more "
     "than 3 operands and no tile_fill)"},
    {upstream2026::kOutOfSlicesMessage,
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp:196",
     "DstSliceAllocator::allocateOutput: the free-slice stack is empty"},
    {"signal SIGSEGV",
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp:196",
     "the same empty pop with the assertion compiled out"},
    {"operand #0 does not dominate this use",
     "lib/Dialect/D2M/Transforms/OpScheduler.cpp:113-162, 262-318",
     "the op scheduler expands a shared value once per use and moves it on "
     "every visit; MLIR's verifier rejects the result"},
    {"does not dominate this use",
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp:1341-1463",
     "emitDstCopyNest: one CB load feeding several DST operands is copied "
     "once per use, after the first copy erased it"},
    {"shard size 1", "lib/Dialect/D2M/Utils/DstRegisterAnalysis.cpp:383-386",
     "tile-compute-loops' DST packing refuses a region mixing one-tile and "
     "multi-tile outputs"},
    {"must come from a circular buffer",
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp:1177-1204",
     "replaceLoadWithDst sends every use of a copied load, and every "
     "intermediate, through DST, including operands the FPU unpacks from a "
     "CB (for a reduce of a computed value, Unscheduled.cpp:67-84 also "
     "records the result in another slice than the accumulator it writes)"},
    {"dst-read-uninitialised",
     "lib/Conversion/TTIRToD2M/TTIRToD2M.cpp:2081-2352, "
     "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp:1066-1097",
     "tt-mlir's own reduce form (`front-end ttir`): the accumulator is the "
     "uninitialised output and its copy-in is guarded off on the first "
     "iteration, so tile_reduce_max accumulates onto a released DST slice "
     "(zeros: the identity of sum, not of max)"},
    {"per-tile transpose", "tt-lang front end",
     "tt-lang's per-tile transpose needs a square block"},
    {"disagrees with the faithful reference", "tt-lang front end",
     "tt-lang's per-tile transpose keeps tiles in place"},
};

/// "Still broken in today's upstream": every upstream-2026 cell that does
/// not pass, grouped by the upstream site that fails it.
void renderStillBroken2026(llvm::raw_ostream &os, const MatrixRun &run) {
  if (!hasVariant(run, kUpstream2026))
    return;
  os << "## Still broken in today's upstream (tt-mlir 19c86fca45)\n\n"
     << "The `upstream-2026` and `upstream-2026-release` columns model "
        "tt-mlir 19c86fca45 (2026-08-21) behind tt-lang's Nov 2025 front end, "
        "held to recorded outputs of real builds of that commit (the "
        "`real:19c86fca45` columns). Configurations named `*_ttir` compile "
        "the same program with the reduction form of tt-mlir's own TTIR->D2M "
        "path instead (repro key `front-end @P: ttir`). Where each failure "
        "sits upstream:\n\n"
     << "| upstream site | what fails | cells (assert build / NDEBUG) |\n"
     << "|---|---|---|\n";
  std::vector<std::pair<const UpstreamSite2026 *, std::string>> rows;
  unsigned broken = 0, total = 0;
  for (const CellRecord &c : run.cells) {
    if (c.variant != kUpstream2026)
      continue;
    ++total;
    const CellRecord *rel =
        run.findCell(c.repro, c.config, kUpstream2026Release);
    if (works(c) && (!rel || works(*rel)))
      continue;
    ++broken;
    std::string sig = c.signature.value_or(outcomeName(c.outcome).str());
    const UpstreamSite2026 *site = nullptr;
    for (const UpstreamSite2026 &s : kSites2026)
      if (StringRef(sig).contains(s.signature)) {
        site = &s;
        break;
      }
    std::string item = "`" + c.repro + "` @" + c.config + " (" +
                       glyphFor(c.outcome).str() + " " +
                       outcomeName(c.outcome).str();
    if (rel)
      item += " / " + glyphFor(rel->outcome).str() + " " +
              outcomeName(rel->outcome).str();
    item += ")";
    auto it = llvm::find_if(rows, [&](auto &r) { return r.first == site; });
    if (it == rows.end())
      rows.push_back({site, item});
    else
      it->second += ", " + item;
  }
  for (auto &[site, items] : rows)
    os << "| " << (site ? site->site : StringRef("(unclassified)")) << " | "
       << (site ? site->why : StringRef("")) << " | " << items << " |\n";
  os << "\n"
     << broken << " of " << total
     << " configurations fail under today's upstream.\n\n";
}

} // namespace

std::string renderStatus(const MatrixRun &run) {
  MatrixSummary summary = summarize(run);
  std::string out;
  raw_string_ostream os(out);

  os << "# Flash Attention Implementation Status\n\n";
  os << "_Generated by `dstlab report` from a measured matrix (schema `"
     << run.schema << "`, " << seedsText(run.seeds)
     << " per numeric cell): " << run.repros.size()
     << (run.repros.size() == 1 ? " repro, " : " repros, ") << summary.cells
     << " cells, " << summary.asExpected << " as expected, "
     << summary.unexpected
     << " not. A program is listed as working only where its compiled form "
        "ran on the simulated grid at every seed and matched both references: "
        "its faithful reference (the program evaluated with the target's "
        "rounding; a disagreement is `miscompiled`) and its exact golden "
        "(PCC and normalised max error within the bf16/f32 thresholds; a "
        "miss the faithful reference shares is `imprecise`). Compiling is "
        "never enough._\n\n";

  // --- What works --------------------------------------------------------
  os << "## What Works \u2713\n\n";
  StringRef worksVariants[] = {kUpstream, kFixed};
  for (StringRef v : worksVariants) {
    if (!hasVariant(run, v))
      continue;
    os << "### Under `" << v << "`"
       << (v == kUpstream ? " (the compiler as of the seed)" : " (both fixes)")
       << "\n\n";
    unsigned n = 0;
    for (const ReproInfo &r : run.repros) {
      std::vector<const CellRecord *> cells = cellsOf(run, r.name, v);
      std::vector<const CellRecord *> good, bad;
      for (const CellRecord *c : cells)
        (works(*c) ? good : bad).push_back(c);
      if (good.empty())
        continue;
      ++n;
      os << n << ". **" << r.name << "** (" << r.origin << ")";
      if (!r.shows.empty())
        os << " \u2014 " << r.shows;
      os << "\n";
      if (bad.empty())
        os << "   - \u2713 passes in every configuration: " << configList(good)
           << "\n";
      else
        os << "   - \u2713 passes in " << configList(good)
           << "\n   - \u2717 but not in " << configList(bad)
           << " (see below)\n";
    }
    if (n == 0)
      os << "Nothing: no repro passes in any configuration under `" << v
         << "`.\n";
    os << "\n";
  }

  // --- What does not -----------------------------------------------------
  os << "## What Doesn't Work \u2717\n\n";
  std::vector<std::pair<const ReproInfo *, std::vector<const CellRecord *>>>
      notAttention;
  for (StringRef v : worksVariants) {
    if (!hasVariant(run, v))
      continue;
    os << "### Under `" << v << "`\n\n";
    unsigned n = 0;
    for (const ReproInfo &r : run.repros) {
      std::vector<const CellRecord *> failing, fake;
      for (const CellRecord *c : cellsOf(run, r.name, v)) {
        if (c->outcome == Outcome::Pass && !works(*c))
          fake.push_back(c);
        else if (c->outcome != Outcome::Pass)
          failing.push_back(c);
      }
      if (!fake.empty() && v == kUpstream)
        notAttention.push_back({&r, fake});
      if (failing.empty())
        continue;
      ++n;
      os << "- \u2717 **" << r.name << "** (" << r.origin
         << "): " << whyItFails(failing) << ".\n";
      if (!r.shows.empty())
        os << "  - Pattern: " << r.shows << "\n";
      const SeedRow *seed = seedRowOf(r);
      if (v == kUpstream && seed && StringRef(seed->seedSaid).contains("Works"))
        os << "  - The seed listed this as \"" << seed->seedSaid
           << "\"; measured, it is not.\n";
    }
    if (n == 0)
      os << "Nothing: every cell passes under `" << v << "`.\n";
    os << "\n";
  }
  if (!notAttention.empty()) {
    os << "### Runs, but is not attention\n\n";
    for (auto &[r, cells] : notAttention) {
      os << "- **" << r->name << "** (" << r->origin
         << "): compiles and matches its own program in " << configList(cells)
         << " under `upstream`, but what it computes is not softmax "
            "attention.\n";
      const SeedRow *seed = seedRowOf(*r);
      if (seed && StringRef(seed->seedSaid).contains("Works"))
        os << "  - The seed listed this as \"" << seed->seedSaid
           << "\"; it runs, but it is not attention.\n";
    }
    os << "\n";
  }

  // --- Root causes -------------------------------------------------------
  os << "## Root Causes\n\n";
  {
    // Group every failing cell (all variants) by outcome and signature.
    std::map<std::pair<size_t, std::string>, std::vector<const CellRecord *>>
        groups;
    // Crashes first, passing-but-not-attention last.
    auto rank = [](Outcome o) {
      SmallVector<Outcome> all = matrixOutcomes();
      if (o == Outcome::Pass)
        return all.size();
      return static_cast<size_t>(llvm::find(all, o) - all.begin());
    };
    // One cause may show different slices, shapes or repro locations
    // (issue 19): those are grouped, their values listed per cell.
    auto causeKey = [](const CellRecord &c) {
      if (!c.signature || c.outcome == Outcome::Miscompiled ||
          c.outcome == Outcome::Imprecise || c.outcome == Outcome::Pass)
        return failureKey(c);
      return outcomeName(c.outcome).str() + " \"" +
             normaliseSignature(*c.signature).text + "\"";
    };
    for (const CellRecord &c : run.cells)
      if (!works(c))
        groups[{rank(c.outcome), causeKey(c)}].push_back(&c);
    if (groups.empty())
      os << "No cell fails.\n\n";
    unsigned n = 0;
    for (auto &[key, cells] : groups) {
      const CellRecord &c = *cells.front();
      ++n;
      if (c.outcome == Outcome::Miscompiled ||
          c.outcome == Outcome::Imprecise) {
        bool mis = c.outcome == Outcome::Miscompiled;
        os << "### " << n << ". " << outcomeInfo(c.outcome).heading << "\n\n";
        os << (mis ? "The compiled program runs but its output is not what "
                     "the program computes on the target: it disagrees with "
                     "the faithful reference beyond the freedom a correct "
                     "compiler has (harness/Verdict.h). A compiler or "
                     "simulator bug.\n\n"
                   : "The compiled program computes what the program says "
                     "(it agrees with the faithful reference), and that "
                     "misses the exact golden's bound: the program, or its "
                     "precision recipe, lacks precision.\n\n");
        os << "| repro | config | variant | inputs | precision | PCC | max "
              "error (bound) | faithful max (bound) | faithful rms (bound) "
              "|\n";
        os << "|---|---|---|---|---|---:|---:|---:|---:|\n";
        for (const CellRecord *w : cells)
          os << "| " << w->repro << " | @" << w->config << " | " << w->variant
             << " | " << orDash(w->reported().inputKind) << " | "
             << orDash(w->reported().precision) << " | "
             << formatNumber(w->reported().pcc) << " | "
             << formatNumber(w->reported().maxError) << " ("
             << formatNumber(w->reported().exactBound) << ") | "
             << formatNumber(w->reported().faithfulMaxError) << " ("
             << formatNumber(w->reported().faithfulMaxBound) << ") | "
             << formatNumber(w->reported().faithfulRmsError) << " ("
             << formatNumber(w->reported().faithfulRmsBound) << ") |\n";
        os << "\n";
        continue;
      }
      StringRef heading = outcomeInfo(c.outcome).heading;
      // The concrete signature when every cell shares it, else the
      // normalised one with each cell's values below.
      bool varies = llvm::any_of(cells, [&](const CellRecord *x) {
        return x->signature != c.signature;
      });
      std::string signature = !c.signature ? ""
                              : varies ? normaliseSignature(*c.signature).text
                                       : *c.signature;
      os << "### " << n << ". " << heading;
      if (c.signature)
        os << ": "
           << (c.outcome == Outcome::Hazard ? "`" + oneLine(signature) + "`"
                                            : "\"" + oneLine(signature) + "\"");
      os << "\n\n";
      if (c.signature)
        if (const UpstreamSite *site = findUpstreamSite(*c.signature)) {
          os << "Models " << site->location << ".\n";
          if (!site->code.empty())
            os << "\n```cpp\n" << site->code << "\n```\n";
          os << "\n";
        }
      if (c.crashSite)
        os << "The model reports it at `" << *c.crashSite << "`.\n\n";
      if (c.outcome == Outcome::Pass)
        os << "These programs compute exactly what they say, and what they "
              "say is not softmax attention.\n\n";
      // Cells, grouped by repro.
      std::vector<std::pair<std::string, std::string>> byRepro;
      for (const CellRecord *x : cells) {
        std::string item = "@" + x->config + " (" + x->variant + ")";
        if (varies && x->signature) {
          std::vector<std::string> values =
              normaliseSignature(*x->signature).values;
          if (!values.empty())
            item += " [" + join(values, ", ") + "]";
        }
        auto it = llvm::find_if(byRepro,
                                [&](auto &p) { return p.first == x->repro; });
        if (it == byRepro.end())
          byRepro.push_back({x->repro, item});
        else
          it->second += ", " + item;
      }
      os << cells.size() << (cells.size() == 1 ? " cell" : " cells") << ":\n";
      for (auto &[repro, items] : byRepro)
        os << "- `" << repro << "`: " << items << "\n";
      os << "\n";
    }
  }

  renderStillBroken2026(os, run);

  // --- Fixes -------------------------------------------------------------
  os << "## The Fixes and What Each Unlocks\n\n";
  bool haveUpstream = hasVariant(run, kUpstream);
  if (!haveUpstream)
    os << "The run has no `upstream` column to compare against.\n\n";
  if (haveUpstream && hasVariant(run, kUpstreamRelease)) {
    os << "### What the assertions hide (`upstream-release`)\n\n";
    os << "The same upstream pass built with NDEBUG: where `upstream` "
          "crashes, the release build goes on.\n\n";
    unsigned n = 0;
    for (const CellRecord &c : run.cells) {
      if (c.variant != kUpstream || c.outcome != Outcome::Crash)
        continue;
      const CellRecord *rel = run.findCell(c.repro, c.config, kUpstreamRelease);
      if (!rel)
        continue;
      ++n;
      os << "- `" << c.repro << "` @" << c.config << ": "
         << glyphFor(Outcome::Crash) << " crash \u2192 "
         << glyphFor(rel->outcome) << " " << describeOutcome(*rel) << "\n";
    }
    if (n == 0)
      os << "No cell crashes under `upstream`.\n";
    os << "\n";
  }
  for (const VariantInfo &fix : variantTable()) {
    if (fix.isUpstream() || !haveUpstream || !hasVariant(run, fix.name))
      continue;
    os << "### `" << fix.name << "` \u2014 " << fix.title << "\n\n"
       << fix.summary << "\n\n";
    std::vector<std::string> unlocks, breaks, still;
    for (const CellRecord &c : run.cells) {
      if (c.variant != fix.name)
        continue;
      const CellRecord *up = run.findCell(c.repro, c.config, kUpstream);
      if (!up)
        continue;
      std::string name = "`" + c.repro + "` @" + c.config;
      if (!works(*up) && works(c))
        unlocks.push_back(name + ": " + glyphFor(up->outcome).str() + " " +
                          describeOutcome(*up) + " \u2192 \u2713 pass");
      else if (works(*up) && !works(c))
        breaks.push_back(name + ": \u2713 pass \u2192 " +
                         glyphFor(c.outcome).str() + " " + describeOutcome(c));
      else if (!works(c))
        still.push_back(name + ": " + glyphFor(c.outcome).str() + " " +
                        describeOutcome(c));
    }
    os << "Unlocks " << unlocks.size()
       << (unlocks.size() == 1 ? " cell" : " cells")
       << " (not working under `upstream`, passing here)"
       << (unlocks.empty() ? "." : ":") << "\n";
    for (const std::string &s : unlocks)
      os << "- " << s << "\n";
    os << "\n";
    if (!breaks.empty()) {
      os << "Breaks " << breaks.size()
         << (breaks.size() == 1 ? " cell" : " cells")
         << " that pass under `upstream`:\n";
      for (const std::string &s : breaks)
        os << "- " << s << "\n";
      os << "\n";
    }
    if (!still.empty()) {
      os << "Still not working (" << still.size() << "):\n";
      for (const std::string &s : still)
        os << "- " << s << "\n";
      os << "\n";
    }
  }

  // --- Testing summary ---------------------------------------------------
  os << "## Testing Summary\n\n";
  os << "| Test | File | Seed said |";
  for (const std::string &v : run.variants)
    os << " " << v << " |";
  os << "\n|---|---|---|";
  for (size_t i = 0; i < run.variants.size(); ++i)
    os << "---|";
  os << "\n";
  std::set<std::string> listed;
  auto row = [&](StringRef test, StringRef file, StringRef seedSaid,
                 const ReproInfo *r) {
    os << "| " << escapeMarkdownCell(test) << " | " << escapeMarkdownCell(file)
       << " | " << seedSaid << " |";
    for (const std::string &v : run.variants)
      os << " "
         << (r ? escapeMarkdownCell(summaryCell(cellsOf(run, r->name, v)))
               : std::string("\u2014"))
         << " |";
    os << "\n";
  };
  for (const SeedRow &seed : kSeedRows) {
    bool any = false;
    for (const ReproInfo &r : run.repros)
      if (seedRowOf(r) == &seed) {
        any = true;
        listed.insert(r.name);
        row((seed.label + " (`" + r.name + "`)").str(), seed.file,
            seed.seedSaid, &r);
      }
    if (!any)
      row((seed.label + " (no repro in this run)").str(), seed.file,
          seed.seedSaid, nullptr);
  }
  for (const ReproInfo &r : run.repros)
    if (!listed.count(r.name))
      row("`" + r.name + "`" + (r.shows.empty() ? "" : ": " + r.shows),
          r.origin, "\u2014", &r);
  os << "\nLegend: " << legendText() << "\n\n";

  // --- Real tt-mlir ------------------------------------------------------
  if (!run.realTools.empty()) {
    os << "## Real tt-mlir\n\n";
    os << "Each `real:` column ran a real build of tt-mlir's DST pass on the "
          "program exported in that commit's D2M syntax; what it emitted was "
          "imported and simulated like the model's output. Where the model "
          "column of the same commit and assert mode ended differently, the "
          "cell says `model diverges` (\u2260): the model is wrong there.\n\n";
    for (const RealToolInfo &t : run.realTools) {
      size_t cells = 0, diverging = 0;
      for (const CellRecord &c : run.cells)
        if (c.variant == t.variant) {
          ++cells;
          diverging += c.modelDiverges.has_value();
        }
      os << "- `" << t.variant << "`: tt-mlir " << t.commit << ", asserts "
         << (t.asserts ? "on" : "off")
         << (t.recorded ? ", replayed from recorded outputs" : "") << "; "
         << cells << " cells";
      if (t.model.empty())
        os << ", no model column to hold it to";
      else if (!hasVariant(run, t.model))
        os << ", model column `" << t.model << "` not in this run";
      else
        os << ", model `" << t.model << "` diverges on " << diverging;
      os << ".\n";
    }
    bool header = false;
    for (const CellRecord &c : run.cells) {
      if (!c.modelDiverges)
        continue;
      if (!header) {
        os << "\n| cell | real tt-mlir | model |\n|---|---|---|\n";
        header = true;
      }
      CellRecord alone = c; // its own outcome, without the divergence note
      alone.modelDiverges.reset();
      os << "| `" << c.id() << "` | " << glyphFor(c.outcome) << " "
         << escapeMarkdownCell(oneLine(describeOutcome(alone))) << " | "
         << escapeMarkdownCell(*c.modelDiverges) << " |\n";
    }
    os << "\n";
  }

  // --- Performance -------------------------------------------------------
  os << "## Performance\n\n";
  os << "The seed estimated 48\u201372 TFLOP/s for its two-kernel program "
        "(80 cores \u00d7 0.6\u20130.9 TFLOP/s); it was never measured, and "
        "it set that against 163.8 TFLOP/s (80 cores \u00d7 2048 "
        "FLOP/cycle at HiFi2 \u00d7 1 GHz). A program's utilisation here is "
        "against the peak of the math fidelity it ran at, on the grid it ran "
        "on (cores \u00d7 4096 / 2048 / 1365 / 1024 FLOP/cycle at LoFi / "
        "HiFi2 / HiFi3 / HiFi4 \u00d7 the clock): a HiFi4 program on 8x10 at "
        "1 GHz has a peak of 81.9 TFLOP/s, not 163.8. Below: the simulator's "
        "cycle model (first seed) for every passing cell of an "
        "attention-shaped program.\n\n";
  std::vector<const CellRecord *> measured, unmeasured;
  for (const ReproInfo &r : run.repros) {
    if (!isAttentionShaped(run, r))
      continue;
    for (const CellRecord &c : run.cells) {
      if (c.repro != r.name)
        continue;
      (c.outcome == Outcome::Pass && c.reported().cycles ? measured
                                                         : unmeasured)
          .push_back(&c);
    }
  }
  if (measured.empty()) {
    os << "No attention-shaped program passed, so nothing was measured: the "
          "seed's 48\u201372 TFLOP/s remains an estimate.\n\n";
  } else {
    os << "| repro | config | variant | precision | attention | cycles | "
          "TFLOP/s | fidelity | peak TFLOP/s | utilisation | vs. the "
          "48\u201372 estimate |\n";
    os << "|---|---|---|---|---|---:|---:|---|---:|---:|---|\n";
    for (const CellRecord *c : measured) {
      std::string vsEstimate = "\u2014";
      if (c->reported().tflops) {
        if (*c->reported().tflops < kSeedEstimateLow)
          vsEstimate = "below (" +
                       percent(*c->reported().tflops / kSeedEstimateLow) +
                       " of 48)";
        else if (*c->reported().tflops <= kSeedEstimateHigh)
          vsEstimate = "within";
        else
          vsEstimate = "above";
      }
      os << "| " << c->repro << " | @" << c->config << " | " << c->variant
         << " | " << orDash(c->reported().precision) << " | "
         << (c->reported().isAttention
                 ? (*c->reported().isAttention ? "yes" : "**no**")
                 : std::string("\u2014"))
         << " | " << *c->reported().cycles << " | "
         << formatNumber(c->reported().tflops) << " | "
         << orDash(c->reported().fidelity) << " | "
         << formatNumber(c->reported().peakTflops) << " | "
         << (c->reported().utilisation ? percent(*c->reported().utilisation)
                                       : "\u2014")
         << " | " << vsEstimate << " |\n";
    }
    os << "\n";
  }
  if (!unmeasured.empty()) {
    os << "Not measured (did not pass): ";
    for (size_t i = 0; i < unmeasured.size(); ++i)
      os << (i ? ", " : "") << "`" << unmeasured[i]->id() << "` ("
         << outcomeName(unmeasured[i]->outcome) << ")";
    os << ".\n\n";
  }

  // --- Precision recipes -------------------------------------------------
  os << "## Precision Recipes\n\n";
  {
    // Repros whose cells under one variant ran more than one recipe.
    unsigned tables = 0;
    for (const ReproInfo &r : run.repros)
      for (const std::string &v : run.variants) {
        std::vector<const CellRecord *> cells = cellsOf(run, r.name, v);
        std::set<std::string> recipes, kinds;
        // Only cells with numbers: a hazard or a crash says nothing about
        // a recipe's precision.
        for (const CellRecord *c : cells) {
          const CellResult &m = c->reported();
          if (!m.precision.empty() && !m.inputKind.empty() && m.maxError) {
            recipes.insert(m.precision);
            kinds.insert(m.inputKind);
          }
        }
        if (recipes.size() < 2)
          continue;
        ++tables;
        std::vector<std::string> kindOrder;
        for (StringRef k : reproInputKinds())
          if (kinds.count(k.str()))
            kindOrder.push_back(k.str());
        os << "`" << r.name << "` under `" << v
           << "`: the worst max error against the exact golden over the "
              "seeds, per input kind (bound "
           << formatNumber(cells.front()->reported().exactBound)
           << "; \u2713 pass, I imprecise, M miscompiled), and the cycles "
              "of the uniform inputs (the cycle model charges unpack, math "
              "and pack per tile whatever the format, and NoC transfers at "
              "the DRAM format, so f32 state costs DST capacity, not "
              "cycles, here).\n\n| recipe |";
        for (const std::string &k : kindOrder)
          os << " " << k << " |";
        os << " cycles (uniform) |\n|---|";
        for (size_t i = 0; i < kindOrder.size(); ++i)
          os << "---:|";
        os << "---:|\n";
        for (StringRef recipe : reproPrecisions()) {
          if (!recipes.count(recipe.str()))
            continue;
          os << "| " << recipe << " |";
          std::optional<uint64_t> cycles;
          for (const std::string &k : kindOrder) {
            const CellRecord *found = nullptr;
            for (const CellRecord *c : cells)
              if (c->reported().precision == recipe &&
                  c->reported().inputKind == k)
                found = c;
            if (!found) {
              os << " \u2014 |";
              continue;
            }
            os << " " << formatNumber(found->reported().maxError, 3) << " "
               << glyphFor(found->outcome) << " |";
            if (k == "uniform")
              cycles = found->reported().cycles;
          }
          os << " " << (cycles ? std::to_string(*cycles) : "\u2014") << " |\n";
        }
        os << "\n";
      }
    if (tables == 0)
      os << "No repro in this run compiles one program with more than one "
            "precision recipe (`// precision @<config>:` in its header).\n\n";
  }

  // --- Unexpected --------------------------------------------------------
  os << "## Cells Not As Expected\n\n";
  if (summary.unexpected == 0) {
    os << "Every cell is as its repro's header expects.\n";
  } else {
    os << "| cell | expected | got |\n|---|---|---|\n";
    for (const CellRecord &c : run.cells)
      if (!c.asExpected)
        os << "| `" << c.id() << "` | " << escapeMarkdownCell(c.expected)
           << " | " << escapeMarkdownCell(describeOutcome(c)) << " |\n";
  }
  return out;
}

} // namespace dstlab::reports
