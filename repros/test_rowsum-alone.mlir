// repro: rowsum-alone
// origin: FLASH_ATTENTION_STATUS.md testing table, test_rowsum.py
// shows: l = S.rowsum() alone "compiles successfully" upstream, but
//   tile_reduce_sum(x, x, x){reduce_dim = C} uses x as its own scaler and
//   accumulator and reduces each column of one tile: the simulator flags the
//   scaler and the numbers are wrong.
// config @rowsum_1x1: grid 1x1, 1x1-tile blocks, 32x32 bf16 (the seed's)
// config @rowsum_2x4: grid 1x1, 2x4-tile blocks (the row spans four tiles)
// expect upstream: error "must come from a circular buffer"
// expect[@rowsum_2x4] upstream: crash "Expected same guard indices across all accesses in this loop nest."
// expect upstream-release: error "must come from a circular buffer"
// changed under the conformant model (tt-mlir ae4e7b838c, tests/conformance):
//   @rowsum_1x1 upstream: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
//   @rowsum_2x4 upstream: was hazard invalid-reduce-scaler, now crash "Expected same guard indices across all accesses in this loo..."
//   @rowsum_1x1 upstream-release: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
//   @rowsum_2x4 upstream-release: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass
// config @rowsum_1x1_ttir: @rowsum_1x1 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @rowsum_1x1_ttir: ttir
// config @rowsum_2x4_ttir: @rowsum_2x4 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @rowsum_2x4_ttir: ttir
// expect[@rowsum_1x1_ttir] fixed: pass
// expect[@rowsum_1x1_ttir] multi-user: pass
// expect[@rowsum_1x1_ttir] unary-reduce: pass
// expect[@rowsum_1x1_ttir] upstream: hazard cb-read-not-visible
// expect[@rowsum_1x1_ttir] upstream-2026: pass
// expect[@rowsum_1x1_ttir] upstream-2026-release: pass
// expect[@rowsum_1x1_ttir] upstream-release: hazard cb-read-not-visible
// expect[@rowsum_2x4_ttir] fixed: pass
// expect[@rowsum_2x4_ttir] multi-user: pass
// expect[@rowsum_2x4_ttir] unary-reduce: pass
// expect[@rowsum_2x4_ttir] upstream: pass
// expect[@rowsum_2x4_ttir] upstream-2026: pass
// expect[@rowsum_2x4_ttir] upstream-2026-release: pass
// expect[@rowsum_2x4_ttir] upstream-release: pass

tl.program @rowsum_1x1 grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %m = tl.rowsum %x : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @rowsum_2x4 grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowsum %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}

tl.program @rowsum_1x1_ttir grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %m = tl.rowsum %x : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @rowsum_2x4_ttir grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowsum %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}
