// repro: test_p1
// origin: FLASH_ATTENTION_STATUS.md testing table, test_p1.py (matmul + rowmax)
// shows: K_T = K.transpose(); S = Q @ K_T; m = S.rowmax(). rowmax lowers to
//   tile_reduce_max(S, S, S). With 1x1-tile blocks the matmul fuses into the
//   rowmax generic, which then has two outputs (S and m): tt-lang's
//   tile-compute-loops asserts before the DST pass. With 2x2-tile blocks the
//   transpose is an intermediate inside the matmul's reduction loop: the DST
//   pass asserts at line 678 (without asserts its IR fails to verify).
// config @p1_1x1: grid 1x1, 1x1-tile blocks, Q/K 32x32 bf16 (the seed's)
// config @p1_2x2: grid 1x1, 2x2-tile blocks, Q/K 64x64 bf16
// expect upstream: crash "Only one output tensor is supported"
// expect[@p1_2x2] upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect upstream-release: error "must come from a circular buffer"
// expect[@p1_2x2] upstream-release: error "expects as many subscripts as affine map inputs"
// changed under the conformant model (tt-mlir ae4e7b838c, tests/conformance):
//   @p1_1x1 upstream: was crash "Currently we do not support multiple users in the same compute dst region.", now crash "Only one output tensor is supported"
//   @p1_2x2 upstream: was hazard invalid-reduce-scaler, now crash "storeIndices size must match destination memref rank. If it..."
//   @p1_2x2 upstream-release: was hazard invalid-reduce-scaler, now error "expects as many subscripts as affine map inputs"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_2x2] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_2x2] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass
// config @p1_1x1_ttir: @p1_1x1 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @p1_1x1_ttir: ttir
// config @p1_2x2_ttir: @p1_2x2 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @p1_2x2_ttir: ttir
// expect[@p1_1x1_ttir] fixed: pass
// expect[@p1_1x1_ttir] multi-user: hazard dst-read-uninitialised
// expect[@p1_1x1_ttir] unary-reduce: pass
// expect[@p1_1x1_ttir] upstream: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_1x1_ttir] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_1x1_ttir] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_1x1_ttir] upstream-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@p1_2x2_ttir] fixed: pass
// expect[@p1_2x2_ttir] multi-user: hazard dst-read-uninitialised
// expect[@p1_2x2_ttir] unary-reduce: pass
// expect[@p1_2x2_ttir] upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect[@p1_2x2_ttir] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@p1_2x2_ttir] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@p1_2x2_ttir] upstream-release: error "'affine.store' op expects as many subscripts as affine map inputs"

tl.program @p1_1x1 grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@M] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.rowmax %s : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @p1_2x2 grid [1, 1] {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<64x64xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@M] {
  ^bb0(%q: tensor<64x64xbf16>, %k: tensor<64x64xbf16>):
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    %m = tl.rowmax %s : tensor<64x64xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}

tl.program @p1_1x1_ttir grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@M] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.rowmax %s : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @p1_2x2_ttir grid [1, 1] {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<64x64xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@M] {
  ^bb0(%q: tensor<64x64xbf16>, %k: tensor<64x64xbf16>):
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    %m = tl.rowmax %s : tensor<64x64xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}
