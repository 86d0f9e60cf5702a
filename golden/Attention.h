//===- Attention.h - Attention reference and detection ----------*- C++ -*-===//
//
// attentionReference computes softmax(Q K^T * scale) V in double precision.
// A repro declares which of its tensors play Q, K, V and the output with a
// discardable attribute on its tl.program (golden/README.md):
//
//   tl.program @fa grid [1, 1] attributes {tl.attention = {q = "Q", k = "K",
//       v = "V", out = "O", scale = 0.125 : f64}} { ... }
//
// and judgeAttention answers "is this program attention?" by comparing the
// program's golden output with the reference: it is when
//   pcc >= kAttentionMinPcc (0.999) and
//   normalisedMaxError <= kAttentionMaxError (0.02)
// (metrics of support/Metrics.h). Both sides are double-precision goldens, so
// a genuine attention program lands at ~1e-12; the slack only admits
// reformulations (online softmax, other summation orders) and still rejects
// the seed's "S - Q", unnormalised or per-core-K variants, which are off by
// amounts of the order of the output itself.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_ATTENTION_H
#define DSTLAB_GOLDEN_ATTENTION_H

#include "golden/Inputs.h"
#include "golden/Tensor.h"

#include "compiler/Dialect/TL/IR/TL.h"

#include <optional>
#include <string>

namespace dstlab::golden {

/// Name of the discardable program attribute.
constexpr const char *kAttentionAttrName = "tl.attention";
/// "Is attention" thresholds (see above).
constexpr double kAttentionMinPcc = 0.999;
constexpr double kAttentionMaxError = 0.02;

/// The tensors of an attention program, by symbol name.
struct AttentionBinding {
  std::string q, k, v, out;
  double scale;
};

/// softmax(Q K^T * scale) V, row by row, with the row maximum subtracted
/// before exp. Q is N x D, K is M x D, V is M x Dv; the result is N x Dv.
/// Returns an empty (0 x 0) tensor if the shapes do not fit together.
HostTensor attentionReference(const HostTensor &Q, const HostTensor &K,
                              const HostTensor &V, double scale);

/// The program's attention binding: std::nullopt when it has no
/// `tl.attention` attribute; an error when the attribute is malformed (not a
/// dictionary, a missing or non-string q/k/v/out, a name that is not a tensor
/// of the program, shapes that do not fit, a non-float scale). `scale` is
/// optional and defaults to 1/sqrt(D).
llvm::Expected<std::optional<AttentionBinding>>
readAttentionBinding(tl::ProgramOp program);

/// readAttentionBinding with errors treated as "not declared attention".
std::optional<AttentionBinding> detectAttention(tl::ProgramOp program);

/// The outcome of comparing a program's output with attentionReference.
struct AttentionVerdict {
  double pcc;
  double maxError;
  bool isAttention;
};

/// Compares `outputs[b.out]` with the reference computed from Q, K, V taken
/// from `inputs` (or, for temps, `outputs`).
llvm::Expected<AttentionVerdict> judgeAttention(const AttentionBinding &b,
                                                const TensorMap &inputs,
                                                const TensorMap &outputs);

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_ATTENTION_H
