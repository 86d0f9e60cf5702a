//===- dstlab-opt.cpp - mlir-opt with dstlab's dialects and passes --------===//

#include "compiler/Registration.h"
#include "fixes/MultiUserDst/Passes.h"
#include "fixes/Variants.h"
#include "support/Suggest.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <string>
#include <vector>

namespace {

constexpr const char *kOverview =
    "dstlab optimizer driver: tl, d2m and ttkernel\n\n"
    "mlir-opt with dstlab's dialects (tl, d2m, ttkernel) and passes. Its own\n"
    "pipelines, tl -> ttkernel, one per matrix variant:\n"
    "  --dstlab-upstream          tt-lang + tt-mlir ae4e7b838c, assert build\n"
    "                             (aborts where upstream asserts)\n"
    "  --dstlab-upstream-release  the same, NDEBUG build\n"
    "  --dstlab-upstream-2026     tt-lang + tt-mlir 19c86fca45, assert build\n"
    "  --dstlab-upstream-2026-release  the same, NDEBUG build\n"
    "  --dstlab-multi-user        fix 1 (liveness-based DST allocation)\n"
    "  --dstlab-unary-reduce      fix 2 (unary reduce, block transpose)\n"
    "  --dstlab-fixed             fixes 1 and 2\n"
    "Its own passes, with their options below under 'Passes':\n"
    "  --tl-to-d2m, --d2m-bufferize, --d2m-insert-dst-register-access,\n"
    "  --d2m-insert-dst-register-access-multi-user, --d2m-to-ttkernel;\n"
    "  options as --PASS=\"opt=value opt2=value\" or in --pass-pipeline.\n"
    "A mistyped tool option or PASS option names the nearest valid one.\n"
    "Exit codes: 0 success, 1 a diagnostic (bad input, failed pass, unknown\n"
    "option); a modelled upstream assertion aborts (SIGABRT).\n";

/// LLVM's command line suggests the nearest tool option, but MLIR's pass
/// option parser only says "no such option": a `--PASS=opts` with an unknown
/// option name is reported here, with the nearest name that pass has.
bool checkPassOptions(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg(argv[i]);
    if (arg == "--")
      break;
    if (!arg.consume_front("--") && !arg.consume_front("-"))
      continue;
    auto [name, options] = arg.split('=');
    const mlir::PassInfo *info = mlir::PassInfo::lookup(name);
    if (!info || options.trim().empty())
      continue;
    // The pass's option names, from the pass built with its defaults.
    mlir::OpPassManager pm;
    if (mlir::failed(info->addToPipeline(
            pm, "", [](const llvm::Twine &) { return mlir::failure(); })))
      continue;
    std::string text;
    llvm::raw_string_ostream os(text);
    for (mlir::Pass &pass : pm.getPasses())
      pass.printAsTextualPipeline(os);
    size_t open = text.find('{'), close = text.rfind('}');
    std::vector<std::string> known;
    if (open != std::string::npos && close != std::string::npos &&
        open < close) {
      llvm::SmallVector<llvm::StringRef> parts;
      llvm::StringRef(text).slice(open + 1, close).split(parts, ' ', -1, false);
      for (llvm::StringRef p : parts)
        if (llvm::StringRef key = p.split('=').first; !key.empty())
          known.push_back(key.str());
    }
    llvm::SmallVector<llvm::StringRef> given;
    options.split(given, ' ', -1, /*KeepEmpty=*/false);
    for (llvm::StringRef g : given) {
      llvm::StringRef key = g.split('=').first;
      if (llvm::is_contained(known, key))
        continue;
      llvm::errs() << llvm::sys::path::filename(argv[0]) << ": --" << name
                   << ": unknown option '" << key << "'"
                   << dstlab::suggestNearest(key, known) << " (options: "
                   << (known.empty() ? std::string("none")
                                     : llvm::join(known, ", "))
                   << ")\n";
      return false;
    }
  }
  return true;
}

} // namespace

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dstlab::registerAllDialects(registry);
  dstlab::registerAllPasses();
  dstlab::fixes::registerMultiUserDstPasses();
  dstlab::registerFixedPipelines();
  if (!checkPassOptions(argc, argv))
    return 1;
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, kOverview, registry));
}
