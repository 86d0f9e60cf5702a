//===- Interpreter.h - Double-precision golden of tl programs ---*- C++ -*-===//
//
// The golden interpreter runs a tl program with the intended mathematics of
// each op, in double precision, with no rounding anywhere (inputs are rounded
// to their element type once, when they are made or loaded; see Inputs.h).
// It shares no code path with the compiler or the simulator: it walks the tl
// IR directly.
//
// Semantics, in brief (compiler/Dialect/TL/Rationale.md has the full list):
//   - Kernels run in program order. A kernel runs once per work item
//     w = 0 .. getNumWorkItems()-1; a sharded block argument is row block w of
//     its tensor, a `!tl.stream` argument lets `tl.read %s[%j]` take row block
//     j; `tl.yield` writes row block w of each `outs` tensor.
//   - A kernel reads the global tensors as they were when it started and its
//     writes become visible when it ends (all work items run "in parallel").
//   - A kernel may read a temp tensor only after an earlier kernel wrote it.
//   - rowmax/rowsum reduce over the whole row (every tile); their Mx32 result
//     holds the reduction in every column. max propagates NaN; -inf behaves
//     as IEEE-754 says (exp(-inf) = 0, -inf - -inf = NaN, ...).
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_INTERPRETER_H
#define DSTLAB_GOLDEN_INTERPRETER_H

#include "golden/Inputs.h"
#include "golden/Tensor.h"

#include "support/Bf16.h"
#include "support/Precision.h"

#include "compiler/Dialect/TL/IR/TL.h"

#include "llvm/Support/Error.h"

namespace dstlab::golden {

/// The faithful reference's rounding: the target's rounding at the points
/// the program (and its configuration) fix, computed here, independently of
/// the compiler and the simulator (golden/README.md, "Faithful").
struct Rounding {
  /// The precision recipe: where computed values live.
  Precision precision = Precision::Balanced;
  /// DST accumulation format: a matmul or row reduction is rounded to it
  /// after every 32-wide chunk (one tile of the contraction).
  DataFormat dst = DataFormat::BF16;
  /// false: the canonical evaluation (each chunk's sum exact and rounded
  /// once, round to nearest even, exp and recip in double then rounded);
  /// true: the other extreme of what a correct compiler and target may do
  /// (chunks accumulated in float, in reverse order, ties away from zero,
  /// exp in float). The spread of the two measures the program's
  /// sensitivity to that freedom.
  bool alternate = false;
};

/// The rounding of `program` compiled with `precision`: DST in f32 under
/// `accurate`, and under `balanced` when any of its tensors is f32 (the
/// compiler sets fp32_dest_acc from the tile type).
Rounding roundingFor(tl::ProgramOp program, Precision precision,
                     bool alternate = false);

/// Runs `program` on `inputs` (every input tensor, by name, with its declared
/// shape; extra entries are ignored). Returns every output tensor and every
/// temp tensor written by some kernel. Fails, naming the op and its location,
/// on an op it does not know, an out-of-range stream read, a missing or
/// misshapen input, or an output no kernel writes.
///
/// Without `rounding` nothing is rounded (the exact golden); with it, every
/// value is rounded where the target rounds (the faithful reference).
/// "file:line:col" for file locations (looked up through name, call-site
/// and fused locations), otherwise the printed location.
std::string locString(mlir::Location loc);

llvm::Expected<TensorMap> interpret(tl::ProgramOp program,
                                    const TensorMap &inputs,
                                    const Rounding *rounding = nullptr);

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_INTERPRETER_H
