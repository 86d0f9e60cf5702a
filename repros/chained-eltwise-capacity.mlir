// repro: chained-eltwise-capacity
// origin: tt-lang test_chained_add (chained binary eltwise ops, f32)
// shows: ((a + b) + c) + d on f32 tiles: each binary SFPU op loads both
//   operands into DST and takes a fresh slice for its result; the bump
//   allocator needs 7 slices where f32 half-sync DST holds 4 -> the capacity
//   assertion. The release build indexes past the DST.
// config @chain_1x1: grid 1x1, 1x1-tile blocks, 32x32 f32
// expect upstream: crash "Insufficient DST capacity for all operands."
// expect upstream-release: hazard dst-index-out-of-range
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: pass
// expect upstream-2026-release: pass
// expect multi-user: pass
// expect unary-reduce: crash "Insufficient DST capacity for all operands."
// expect fixed: pass

tl.program @chain_1x1 grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @C input : tensor<32x32xf32>
  tl.tensor @D input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B, @C, @D] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>, %c: tensor<32x32xf32>, %d: tensor<32x32xf32>):
    %ab = tl.add %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %abc = tl.add %ab, %c : tensor<32x32xf32>, tensor<32x32xf32>
    %abcd = tl.add %abc, %d : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %abcd : tensor<32x32xf32>
  }
}
