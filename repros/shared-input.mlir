// repro: shared-input
// origin: docs/research/upstream-19c86fca45.md §6.4, still broken in today's
//   upstream (tt-mlir 19c86fca45): one CB load feeding two DST operands
// shows: m = max(exp(x), recip(x)). x is read once from its CB and feeds two
//   unary SFPU ops. tt-mlir 19c86fca45's unscheduled DST pass records one DST
//   access per DST operand use: the first copy replaces and erases the load,
//   the second is emitted from the erased op (Shared.cpp emitDstCopyNest), and
//   the module fails verification.
// config @shared_in: grid 1x1, one 32x32 bf16 tile
// the ae4e7b838c model: the same duplicate access (ae4e7b838c's pass also
//   records one access per DST operand use), reported as the real builds
//   report it, "operand #1 does not dominate this use"
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream: error "operand #1 does not dominate this use"
// expect upstream-release: error "operand #1 does not dominate this use"
// expect upstream-2026: error "operand #2 does not dominate this use"
// expect upstream-2026-release: error "operand #2 does not dominate this use"
// expect multi-user: pass
// expect unary-reduce: error "operand #1 does not dominate this use"
// expect fixed: pass

tl.program @shared_in grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %r = tl.recip %x : tensor<32x32xbf16>
    %m = tl.max %e, %r : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
