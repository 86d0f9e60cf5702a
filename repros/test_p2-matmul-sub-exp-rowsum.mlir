// repro: test_p2
// origin: FLASH_ATTENTION_STATUS.md testing table, test_p2.py
// shows: S = Q @ K^T; P = exp(S - Q); l = P.rowsum(). Linalg fusion puts
//   P = tile_exp(..) and tile_reduce_sum(P, P, P) in one generic: P has three
//   users -> the multi-user assertion.
// config @p2_1x1: grid 1x1, 1x1-tile blocks, 32x32 bf16 (the seed's)
// expect upstream: crash "Only one output tensor is supported"
// expect upstream-release: error "must come from a circular buffer"
// changed under the conformant model (tt-mlir ae4e7b838c, tests/conformance):
//   @p2_1x1 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "Only one output tensor is supported"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass
// config @p2_1x1_ttir: @p2_1x1 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @p2_1x1_ttir: ttir
// expect[@p2_1x1_ttir] fixed: pass
// expect[@p2_1x1_ttir] multi-user: pass
// expect[@p2_1x1_ttir] unary-reduce: pass
// expect[@p2_1x1_ttir] upstream: crash "Only one output tensor is supported"
// expect[@p2_1x1_ttir] upstream-2026: crash "Currently we do not support multiple users in the same compute dst region."
// expect[@p2_1x1_ttir] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p2_1x1_ttir] upstream-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"

tl.program @p2_1x1 grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @L output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@L] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %d = tl.sub %s, %q : tensor<32x32xbf16>, tensor<32x32xbf16>
    %p = tl.exp %d : tensor<32x32xbf16>
    %l = tl.rowsum %p : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %l : tensor<32x32xbf16>
  }
}

tl.program @p2_1x1_ttir grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @L output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@L] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %d = tl.sub %s, %q : tensor<32x32xbf16>, tensor<32x32xbf16>
    %p = tl.exp %d : tensor<32x32xbf16>
    %l = tl.rowsum %p : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %l : tensor<32x32xbf16>
  }
}
