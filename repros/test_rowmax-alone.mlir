// repro: rowmax-alone
// origin: FLASH_ATTENTION_STATUS.md testing table, test_rowmax.py
// shows: m = S.rowmax() alone "compiles successfully" upstream, but
//   tile_reduce_max(x, x, x){reduce_dim = C} uses x as its own scaler and
//   accumulator and reduces each column of one tile: the simulator flags the
//   scaler and the numbers are wrong.
// config @rowmax_1x1: grid 1x1, 1x1-tile blocks, 32x32 bf16 (the seed's)
// config @rowmax_2x4: grid 1x1, 2x4-tile blocks (the row spans four tiles)
// expect upstream: error "must come from a circular buffer"
// expect[@rowmax_2x4] upstream: crash "Expected same guard indices across all accesses in this loop nest."
// expect upstream-release: error "must come from a circular buffer"
// changed under the conformant model (tt-mlir ae4e7b838c, tests/conformance):
//   @rowmax_1x1 upstream: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
//   @rowmax_2x4 upstream: was hazard invalid-reduce-scaler, now crash "Expected same guard indices across all accesses in this loo..."
//   @rowmax_1x1 upstream-release: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
//   @rowmax_2x4 upstream-release: was hazard invalid-reduce-scaler, now error "must come from a circular buffer"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass
// config @rowmax_1x1_ttir: @rowmax_1x1 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @rowmax_1x1_ttir: ttir
// config @rowmax_2x4_ttir: @rowmax_2x4 in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @rowmax_2x4_ttir: ttir
// expect[@rowmax_1x1_ttir] fixed: pass
// expect[@rowmax_1x1_ttir] multi-user: hazard dst-read-uninitialised
// expect[@rowmax_1x1_ttir] unary-reduce: pass
// expect[@rowmax_1x1_ttir] upstream: hazard cb-read-not-visible
// expect[@rowmax_1x1_ttir] upstream-2026: hazard dst-read-uninitialised
// expect[@rowmax_1x1_ttir] upstream-2026-release: hazard dst-read-uninitialised
// expect[@rowmax_1x1_ttir] upstream-release: hazard cb-read-not-visible
// expect[@rowmax_2x4_ttir] fixed: pass
// expect[@rowmax_2x4_ttir] multi-user: hazard dst-read-uninitialised
// expect[@rowmax_2x4_ttir] unary-reduce: pass
// expect[@rowmax_2x4_ttir] upstream: hazard dst-read-uninitialised
// expect[@rowmax_2x4_ttir] upstream-2026: hazard dst-read-uninitialised
// expect[@rowmax_2x4_ttir] upstream-2026-release: hazard dst-read-uninitialised
// expect[@rowmax_2x4_ttir] upstream-release: hazard dst-read-uninitialised

tl.program @rowmax_1x1 grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %m = tl.rowmax %x : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @rowmax_2x4 grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowmax %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}

tl.program @rowmax_1x1_ttir grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %m = tl.rowmax %x : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @rowmax_2x4_ttir grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowmax %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}
