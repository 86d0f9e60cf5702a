//===- Inputs.h - Deterministic inputs and .npy tensor files ----*- C++ -*-===//
//
// Input generation (makeInputs), precisely, so that it can be reproduced
// outside dstlab:
//
//   For every `tl.tensor @N input : tensor<RxCxT>` of the program, in any
//   order (each tensor has its own stream, so adding, removing or reordering
//   tensors never changes the values of the others):
//     streamSeed = splitmix64_1(seed) XOR fnv1a64(N)
//   where splitmix64_1(seed) is the first output of support/Rng.h's
//   splitMix64 started from counter `seed`, and fnv1a64(N) is the 64-bit
//   FNV-1a hash (offset basis 0xcbf29ce484222325, prime 0x100000001b3) of the
//   bytes of the symbol name N (without the '@'). A dstlab::Rng is seeded with
//   streamSeed and one value uniform(-1, 1), i.e. in [-1, 1), is drawn per
//   element in row-major order. A `colvec` tensor draws one value per row
//   (column 0) and copies it to all 32 columns, so every column agrees.
//   Each value is then rounded once to the tensor's element type: bf16 with
//   roundToBf16 (round to nearest, ties away from zero), f32 with a C++
//   (float) conversion (round to nearest even).
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_INPUTS_H
#define DSTLAB_GOLDEN_INPUTS_H

#include "golden/Tensor.h"

#include "compiler/Dialect/TL/IR/TL.h"

#include "support/Npy.h"

#include <map>
#include <string>

namespace dstlab::golden {

/// Tensors by symbol name (without '@').
using TensorMap = std::map<std::string, HostTensor>;

/// The 64-bit FNV-1a hash of `bytes`.
uint64_t fnv1a64(llvm::StringRef bytes);

/// The seed of the generator stream of input tensor `name` (see above).
uint64_t inputStreamSeed(uint64_t seed, llvm::StringRef name);

/// `value` rounded to `elementType`: bf16 via roundToBf16, f32 via (float),
/// any other type unchanged.
double roundToElementType(double value, mlir::Type elementType);

/// Deterministic values for every input tensor of `program` (see above).
llvm::Expected<TensorMap> makeInputs(tl::ProgramOp program, uint64_t seed);

/// Reads `<dir>/<name>.npy` for every input tensor of `program`. Each array
/// must be 2-D with the declared shape; its values are rounded to the
/// declared element type (idempotent for data already in that type), as the
/// device would store them. Errors name the file and the expected shape.
llvm::Expected<TensorMap> loadInputs(tl::ProgramOp program,
                                     llvm::StringRef dir);

/// Writes every tensor as `<dir>/<name>.npy` (atomically, via support's
/// writeNpy), creating `dir` if needed.
llvm::Error writeTensors(llvm::StringRef dir, const TensorMap &tensors,
                         NpyDType dtype = NpyDType::F64);

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_INPUTS_H
