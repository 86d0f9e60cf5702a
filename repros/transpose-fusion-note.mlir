// repro: transpose-fusion-note
// origin: FLASH_ATTENTION_STATUS.md, the example it quotes from
//   transpose-fusion-bugs.md (S = Q @ K; m = S.rowmax(); P = S - m)
// shows: S = Q @ K; m = rowmax(S); P = S - m (bcast cols). S has two users,
//   rowmax and the subtraction, and rowmax lowers to tile_reduce_max(S, S, S):
//   with 1x1-tile blocks linalg fusion puts all three ops in one generic and
//   the DST pass asserts "multiple users". No transpose: the multi-use of S
//   alone is enough.
// config @note_1x1: grid 1x1, 1x1-tile blocks, Q/K 32x32 bf16
// expect upstream: crash "Only one output tensor is supported"
// expect upstream-release: error "must come from a circular buffer"
// changed under the conformant model (tt-mlir ae4e7b838c; derived from the
//   model alone: tt-mlir ae4e7b838c has no tile_fill / tile_bcast, so no
//   real recording exists for these configurations):
//   @note_1x1 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "Only one output tensor is supported"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass

tl.program @note_1x1 grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @P output : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@P] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %s = tl.matmul %q, %k : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.rowmax %s : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %p = tl.sub %s, %m bcast cols : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %p : tensor<32x32xbf16>
  }
}
