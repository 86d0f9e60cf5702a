//===- FuzzMatrixJson.cpp - fuzz the matrix and cell JSON readers ---------===//
//
// Arbitrary text as matrix.json (read by report, diff, merge) and as a cell's
// result.json (read by the matrix from each cell process). An accepted matrix
// must serialise and read back to the same text.
//
//===----------------------------------------------------------------------===//

#include "harness/CellResult.h"
#include "harness/Matrix.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  if (auto cell = dstlab::harness::parseCellResult(text); !cell)
    llvm::consumeError(cell.takeError());

  auto run = dstlab::harness::parseMatrix(text, "fuzz.json");
  if (!run) {
    llvm::consumeError(run.takeError());
    return 0;
  }
  std::string once = dstlab::harness::serializeMatrix(*run);
  auto reread = dstlab::harness::parseMatrix(once, "fuzz-reserialized.json");
  if (!reread)
    std::abort(); // the writer wrote what its own reader refuses
  if (dstlab::harness::serializeMatrix(*reread) != once)
    std::abort(); // a field is lost or changed by a round trip
  return 0;
}
