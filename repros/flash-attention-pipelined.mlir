// repro: flash_attention_pipelined
// origin: FLASH_ATTENTION_STATUS.md "What Works" and testing table,
//   flash_attention_pipelined.py (two-kernel FA without reductions)
// shows: kernel 1: K_T = K.transpose(); S = Q @ K_T; P = exp(S - Q), written
//   to a temp tensor; kernel 2: O = P @ V. Each work item multiplies its own
//   Q block by its own K block only, `S - Q` stands in for `S - rowmax(S)` and
//   nothing is normalised: the program is attention-shaped but does not
//   compute attention, whatever the compiler does. Under the upstream front
//   end K.transpose() on a 2x2-tile block transposes each tile in place (the
//   off-diagonal tiles stay where they were) and, fused into the matmul, is
//   read back from DST where the FPU takes K untransposed from its CB: S is
//   not Q @ K^T. With 1x1-tile blocks the matmul fuses into the sub/exp
//   generic too, and linalg fusion keeps S as a second result (the matmul
//   reads its accumulator), so S feeds tile_sub and a store: the assert
//   build hits "multiple users"; the release build computes the wrong S.
// config @fa_8x10: grid 8x10, 2x2-tile blocks, Q/K/V/O 5120x64 bf16 (80 row
//   blocks of 64, one per core; the seed's configuration)
// config @fa_1x1: grid 1x1, 1x1-tile blocks, Q/K/V/O 32x32 bf16
// attention: no
// expect upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect[@fa_1x1] upstream: crash "Only one output tensor is supported"
// expect upstream-release: error "expects as many subscripts as affine map inputs"
// expect[@fa_1x1] upstream-release: error "must come from a circular buffer"
// changed under the conformant model (tt-mlir ae4e7b838c, tests/conformance):
//   @fa_8x10 upstream: was miscompiled, now crash "storeIndices size must match destination memref rank. If it..."
//   @fa_1x1 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "Only one output tensor is supported"
//   @fa_8x10 upstream-release: was miscompiled, now error "expects as many subscripts as affine map inputs"
//   @fa_1x1 upstream-release: was miscompiled, now error "must come from a circular buffer"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@fa_1x1] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@fa_1x1] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: miscompiled
// expect unary-reduce: pass
// expect fixed: pass
// expect[@fa_1x1] multi-user: pass

tl.program @fa_8x10 grid [8, 10] attributes {tl.attention = {q = "Q", k = "K", v = "V", out = "O", scale = 1.0 : f64}} {
  tl.tensor @Q input : tensor<5120x64xbf16>
  tl.tensor @K input : tensor<5120x64xbf16>
  tl.tensor @V input : tensor<5120x64xbf16>
  tl.tensor @P temp : tensor<5120x64xbf16>
  tl.tensor @O output : tensor<5120x64xbf16>
  tl.kernel @scores ins [@Q, @K] outs [@P] {
  ^bb0(%q: tensor<64x64xbf16>, %k: tensor<64x64xbf16>):
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    %d = tl.sub %s, %q : tensor<64x64xbf16>, tensor<64x64xbf16>
    %p = tl.exp %d : tensor<64x64xbf16>
    tl.yield %p : tensor<64x64xbf16>
  }
  tl.kernel @apply ins [@P, @V] outs [@O] {
  ^bb0(%p: tensor<64x64xbf16>, %v: tensor<64x64xbf16>):
    %o = tl.matmul %p, %v : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %o : tensor<64x64xbf16>
  }
}

tl.program @fa_1x1 grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "V", out = "O", scale = 1.0 : f64}} {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @V input : tensor<32x32xbf16>
  tl.tensor @P temp : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @scores ins [@Q, @K] outs [@P] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %d = tl.sub %s, %q : tensor<32x32xbf16>, tensor<32x32xbf16>
    %p = tl.exp %d : tensor<32x32xbf16>
    tl.yield %p : tensor<32x32xbf16>
  }
  tl.kernel @apply ins [@P, @V] outs [@O] {
  ^bb0(%p: tensor<32x32xbf16>, %v: tensor<32x32xbf16>):
    %o = tl.matmul %p, %v : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %o : tensor<32x32xbf16>
  }
}
