//===- FuzzNpy.cpp - fuzz the .npy reader ---------------------------------===//
//
// Arbitrary bytes as a .npy file: parseNpy returns an array whose element
// count matches its shape, or an error; a parsed array must serialise again.
//
//===----------------------------------------------------------------------===//

#include "support/Npy.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes(reinterpret_cast<const char *>(data), size);
  dstlab::NpyDType dtype;
  auto array = dstlab::parseNpy(bytes, "fuzz.npy", &dtype);
  if (!array) {
    llvm::consumeError(array.takeError());
    return 0;
  }
  // A reader that accepts an array whose shape and data disagree would hand
  // the golden an out-of-bounds tensor.
  if (array->numElements() < 0 ||
      static_cast<uint64_t>(array->numElements()) != array->data.size())
    std::abort();
  auto again = dstlab::serializeNpy(*array, dtype);
  if (!again)
    std::abort();
  return 0;
}
