// repro: block-transpose
// origin: tt-lang transpose (Nov 2025): a block's transpose() lowered to a
//   per-tile tile_transpose with identity maps
// shows: O = transpose(X) on a 2x2-tile block. Upstream transposes each tile
//   but leaves tile (0, 1) where it was instead of moving it to (1, 0): the
//   diagonal tiles are right, the off-diagonal ones wrong. The fix-2 front
//   end (unary-reduce, fixed) lowers the block form (tiles move too).
// config @transpose_2x2: grid 1x1, 2x2-tile block, X 64x64 bf16
// expect upstream: miscompiled
// expect upstream-release: miscompiled
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream-2026: miscompiled
// expect upstream-2026-release: miscompiled
// expect multi-user: miscompiled
// expect unary-reduce: pass
// expect fixed: pass

tl.program @transpose_2x2 grid [1, 1] {
  tl.tensor @X input : tensor<64x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<64x64xbf16>):
    %t = tl.transpose %x : tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %t : tensor<64x64xbf16>
  }
}
