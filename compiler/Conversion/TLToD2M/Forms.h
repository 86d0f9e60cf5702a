//===- Forms.h - tl-to-d2m's lowering forms ---------------------*- C++ -*-===//
//
// The forms tl-to-d2m can write, as the types of its typed pass options and
// of the pipelines that choose them (compiler/Pipelines).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_COMPILER_CONVERSION_TLTOD2M_FORMS_H
#define DSTLAB_COMPILER_CONVERSION_TLTOD2M_FORMS_H

namespace dstlab {

/// How rowmax/rowsum are lowered (`reduce-form`).
enum class ReduceForm {
  TTLang, ///< `ternary`, tt-lang Nov 2025: tile_reduce_*(x, x, x), fused
  Unary,  ///< `unary`, fix 2: one data operand, a scaler, an initialised acc
  TTIR,   ///< `ttir`, tt-mlir's own TTIR->D2M (19c86fca45): A, a scaler, acc
          ///< = the uninitialised output, its own generic
};

/// How tl.transpose is lowered (`transpose-form`).
enum class TransposeForm {
  PerTile, ///< `per-tile`, tt-lang Nov 2025: each tile in place
  Block,   ///< `block`, fix 2: the tiles move too
};

} // namespace dstlab

#endif
