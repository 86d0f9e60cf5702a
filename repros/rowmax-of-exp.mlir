// repro: rowmax-of-exp
// origin: docs/research/upstream-19c86fca45.md §6.4: the smallest rowmax of a
//   computed value, still broken in today's upstream (tt-mlir 19c86fca45)
// shows: m = rowmax(exp(x)). rowmax lowers to tile_reduce_max(e, e, e), so e
//   has three pending uses. At ae4e7b838c that is the multiple-users assert.
//   At 19c86fca45 the unscheduled pass counts uses per operand slot, gives
//   the reduce a fresh slice while the kernel writes the accumulator's
//   (slice 0), and A and B are read from DST: the kernel lowering refuses
//   operand A in DST.
// config @rowmax_of_exp: grid 1x1, one 32x32 bf16 tile
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream: crash "Currently we do not support multiple users in the same compute dst region."
// expect upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: hazard invalid-reduce-scaler
// expect unary-reduce: pass
// expect fixed: pass
// config @rowmax_of_exp_ttir: @rowmax_of_exp in tt-mlir's own TTIR->D2M reduction form (a scaler input, accumulator = the output); the upstream columns expect the real builds' outcomes
// front-end @rowmax_of_exp_ttir: ttir
// expect[@rowmax_of_exp_ttir] fixed: pass
// expect[@rowmax_of_exp_ttir] multi-user: hazard dst-read-uninitialised
// expect[@rowmax_of_exp_ttir] unary-reduce: pass
// expect[@rowmax_of_exp_ttir] upstream: hazard cb-read-not-visible
// expect[@rowmax_of_exp_ttir] upstream-2026: hazard dst-read-uninitialised
// expect[@rowmax_of_exp_ttir] upstream-2026-release: hazard dst-read-uninitialised
// expect[@rowmax_of_exp_ttir] upstream-release: hazard cb-read-not-visible

tl.program @rowmax_of_exp grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %m = tl.rowmax %e : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

tl.program @rowmax_of_exp_ttir grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %m = tl.rowmax %e : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
