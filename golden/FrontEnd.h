//===- FrontEnd.h - the double-precision front-end golden -------*- C++ -*-===//
//
// The "front-end golden": runs the d2m IR that `--tl-to-d2m --d2m-bufferize`
// produced, with every d2m tile op computed in double precision, so a
// compiled cell can be checked against what the front end asked for,
// separately from the tl program's intended mathematics (Interpreter.h).
// A front end that lowers a tl op into the wrong tile ops (tt-lang's ternary
// tile_reduce_max(x, x, x), the per-tile transpose) gives a front-end golden
// that differs from the tl golden; the DST pass is correct when the
// simulated output matches the front-end golden.
//
// Semantics (the op descriptions of compiler/Dialect/D2M/IR/D2MOps.td):
//   - The func.func's `d2m.tensors` names its DRAM memref arguments. Arguments
//     named in `inputs` hold those tensors; the others start as zeros.
//   - d2m.generic ops run in order; each runs its region once per work item
//     w = 0 .. items-1 and reads the DRAM tensors as they were when it
//     started (its writes become visible when it ends).
//   - d2m.wait on a shard CB views row block w of the operand; on a stream CB
//     each wait views the next row block (0, 1, ... per work item).
//     d2m.reserve gives a zeroed block that is written to row block w of the
//     output at the end of the work item. memref.alloc is a zeroed block.
//     d2m.scaler is a block of tiles with row 0 = value, the rest 0.
//   - linalg.generic iterates its domain (loop ranges from the operand
//     shapes and indexing maps) in lexicographic order; the body reads the
//     ins and the current value of the outs and its yield writes the outs.
//   - Tile ops: tile_matmul c + a@b; tile_transpose; add/sub/mul/maximum
//     (NaN propagates); exp; recip 1/x; scale; fill; bcast col/row/scalar;
//     tile_reduce_max/sum(a, b, c) with s = row 0 of b:
//       R:  c[i][0] = op(c[i][0], op_j a[i][j] * s[j])
//       C:  c[0][j] = op(c[0][j], op_i a[i][j] * s[i])
//       RC: c[0][0] = op(c[0][0], op_ij a[i][j] * s[j])
//     every other element of c unchanged.
//
// Shares no arithmetic with the compiler or the simulator.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_FRONTEND_H
#define DSTLAB_GOLDEN_FRONTEND_H

#include "golden/Inputs.h"
#include "golden/Tensor.h"

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

namespace dstlab::golden {

/// Runs the func.func named `funcName` of `d2mModule` (or, when `funcName`
/// is empty, its only func.func with a `d2m.tensors` attribute) on `inputs`.
/// Returns every tensor not in `inputs` that some d2m.generic writes, in
/// element units (rows x cols of doubles). Fails, naming the op and its
/// location, on anything it does not understand.
llvm::Expected<TensorMap> interpretFrontEnd(mlir::ModuleOp d2mModule,
                                            const TensorMap &inputs,
                                            llvm::StringRef funcName = "");

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_FRONTEND_H
