//===- FuzzReproHeader.cpp - fuzz the repro header parser -----------------===//
//
// Arbitrary text as a repro file: parseRepro must return a repro or an error,
// never crash, whatever the header says.
//
//===----------------------------------------------------------------------===//

#include "harness/CellResult.h"
#include "harness/Repro.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const std::vector<std::string> variants =
      dstlab::harness::allVariants();
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  auto repro = dstlab::harness::parseRepro("fuzz.mlir", text, variants);
  if (!repro)
    llvm::consumeError(repro.takeError());
  return 0;
}
