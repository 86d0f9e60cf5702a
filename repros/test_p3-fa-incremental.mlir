// repro: test_p3
// origin: FLASH_ATTENTION_STATUS.md testing table, test_fa_incremental.py (pattern 3)
// shows: S = Q @ K^T; m = rowmax(S); P = exp(S - m); l = rowsum(P): the
//   softmax core. S feeds rowmax and sub, P feeds rowsum three times -> the
//   multi-user assertion.
// config @p3_1x1: grid 1x1, 1x1-tile blocks, 32x32 bf16 (the seed's)
// config @p3_2x2: grid 1x1, 2x2-tile blocks, 64x64 bf16 (reductions across
//   two tiles per row)
// expect upstream: crash "Only one output tensor is supported"
// expect[@p3_2x2] upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect upstream-release: error "must come from a circular buffer"
// expect[@p3_2x2] upstream-release: error "expects as many subscripts as affine map inputs"
// changed under the conformant model (tt-mlir ae4e7b838c; derived from the
//   model alone: tt-mlir ae4e7b838c has no tile_fill / tile_bcast, so no
//   real recording exists for these configurations):
//   @p3_1x1 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "Only one output tensor is supported"
//   @p3_2x2 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "storeIndices size must match destination memref rank. If it..."
//   @p3_2x2 upstream-release: was error "must come from a circular buffer", now error "expects as many subscripts as affine map inputs"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p3_2x2] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p3_2x2] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass

tl.program @p3_1x1 grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @L output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@L] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.rowmax %s : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %d = tl.sub %s, %m bcast cols : tensor<32x32xbf16>, tensor<32x32xbf16>
    %p = tl.exp %d : tensor<32x32xbf16>
    %l = tl.rowsum %p : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %l : tensor<32x32xbf16>
  }
}

tl.program @p3_2x2 grid [1, 1] {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<64x64xbf16>
  tl.tensor @L output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@L] {
  ^bb0(%q: tensor<64x64xbf16>, %k: tensor<64x64xbf16>):
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    %m = tl.rowmax %s : tensor<64x64xbf16> -> tensor<64x32xbf16>
    %d = tl.sub %s, %m bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
    %p = tl.exp %d : tensor<64x64xbf16>
    %l = tl.rowsum %p : tensor<64x64xbf16> -> tensor<64x32xbf16>
    tl.yield %l : tensor<64x32xbf16>
  }
}
