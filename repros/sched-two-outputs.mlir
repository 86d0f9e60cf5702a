// repro: sched-two-outputs
// origin: docs/research/upstream-19c86fca45.md §6.4: the scheduled path of
//   tt-mlir 19c86fca45 where it works
// shows: e = exp(x) is both an output and an operand: m = max(max(e, y), z).
//   dstlab's fusion gives each use its own exp, so the scheduled region is a
//   tree and 19c86fca45 compiles it correctly; its maximum lands in its rhs
//   slice, which that commit's kernel lowering handles with an explicit
//   output index. At ae4e7b838c a d2m.generic takes one output operand
//   (its verifier), so that commit rejects the kernel outright.
// config @sched_two_outputs: grid 1x1, 32x32 bf16 tiles
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream: error "must currently have exactly one output operand"
// expect upstream-release: error "must currently have exactly one output operand"
// expect upstream-2026: pass
// expect upstream-2026-release: pass
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass

tl.program @sched_two_outputs grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @Y input : tensor<32x32xbf16>
  tl.tensor @Z input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.tensor @E output : tensor<32x32xbf16>
  tl.kernel @k ins [@X, @Y, @Z] outs [@O, @E] {
  ^bb0(%x: tensor<32x32xbf16>, %y: tensor<32x32xbf16>, %z: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %a = tl.max %e, %y : tensor<32x32xbf16>, tensor<32x32xbf16>
    %m = tl.max %a, %z : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m, %e : tensor<32x32xbf16>, tensor<32x32xbf16>
  }
}
