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
// Input kinds (InputKind) reshape those draws; `uniform` is the above. The
// others stress what the uniform draw never reaches; the attention kinds use
// the program's tl.attention binding (Q, K and the scale; see Attention.h)
// and are an error for a program without one. u, u' are the uniform(-1, 1)
// draws of the element, D the head dimension, s the scale:
//   negative-scores  q = c (1.1 + 0.1 u), k = -c (1.1 + 0.1 u') with
//                    c^2 = 130 / (1.21 D s): every score q.k*s lies in about
//                    [-155, -107], below where exp underflows f32 (-104), so
//                    exp(S - m) keeps the row only with the true row max m
//                    (a running max started at 0 instead of -inf loses it).
//   peaked           q = c u, k = c u' with c^2 = 80 / (sqrt(D) s): scores
//                    reach about +-80, rows are nearly one-hot.
//   late-max         q = |u| / 2; k = u' except the rows of K's last stream
//                    block, k = 3 (1.25 + 0.25 u'): every row's maximum score
//                    sits in the last KV block, so online softmax rescales its
//                    whole state at the end.
//   large-values     every input 64 u (any program).
//   zero-row         uniform, and rows 0, 32, 64, ... of every input are
//                    zero (any program): all-zero scores and sums.
// V (and every other tensor) stays uniform. Values are rounded to the
// element type as above.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_INPUTS_H
#define DSTLAB_GOLDEN_INPUTS_H

#include "golden/Tensor.h"

#include "compiler/Dialect/TL/IR/TL.h"

#include "support/Npy.h"

#include <map>
#include <optional>
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

/// The named input distributions (see above).
enum class InputKind {
  Uniform,
  NegativeScores,
  Peaked,
  LateMax,
  LargeValues,
  ZeroRow,
};

/// "uniform", "negative-scores", "peaked", "late-max", "large-values",
/// "zero-row".
const char *inputKindName(InputKind kind);
/// Parses the names above; std::nullopt otherwise.
std::optional<InputKind> parseInputKind(llvm::StringRef name);
/// Every kind, in the order above.
llvm::ArrayRef<InputKind> allInputKinds();

/// Deterministic values for every input tensor of `program` (see above).
/// Fails for an attention kind when the program has no tl.attention binding.
llvm::Expected<TensorMap> makeInputs(tl::ProgramOp program, uint64_t seed,
                                     InputKind kind = InputKind::Uniform);

/// Reads `<dir>/<name>.npy` for every input tensor of `program`. Each array
/// must be 2-D with the declared shape; its values are rounded to the
/// declared element type (idempotent for data already in that type), as the
/// device would store them. Errors name the file and the expected shape; a
/// NaN in an input is bad input, named with its file and element.
llvm::Expected<TensorMap> loadInputs(tl::ProgramOp program,
                                     llvm::StringRef dir);

/// Writes every tensor as `<dir>/<name>.npy` (atomically, via support's
/// writeNpy), creating `dir` if needed.
llvm::Error writeTensors(llvm::StringRef dir, const TensorMap &tensors,
                         NpyDType dtype = NpyDType::F64);

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_INPUTS_H
