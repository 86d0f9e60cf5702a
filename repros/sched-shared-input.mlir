// repro: sched-shared-input
// origin: docs/research/upstream-19c86fca45.md §6.4: a DAG through tt-mlir
//   19c86fca45's op scheduler
// shows: m = max(max(exp(x), recip(x)), max(y, z)). Three inputs and one
//   output make four generic operands, so d2m-op-scheduler reorders the
//   region by Sethi-Ullman weights (OpScheduler.cpp). Its tree repeats the
//   load of x for each use and moves it again on every visit, which puts it
//   after its first user, so MLIR's verifier rejects the module.
// config @sched_shared_in: grid 1x1, 32x32 bf16 tiles
// the ae4e7b838c model: the same duplicate access (ae4e7b838c's pass also
//   records one access per DST operand use), reported as the real builds
//   report it, "operand #1 does not dominate this use". Upstream this is
//   undefined behaviour: runs of the real builds also abort on a SmallVector
//   overflow, varying from run to run
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream: error "operand #1 does not dominate this use"
// expect upstream-release: error "operand #1 does not dominate this use"
// expect upstream-2026: error "operand #0 does not dominate this use"
// expect upstream-2026-release: error "operand #0 does not dominate this use"
// expect multi-user: pass
// expect unary-reduce: error "operand #1 does not dominate this use"
// expect fixed: pass

tl.program @sched_shared_in grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @Y input : tensor<32x32xbf16>
  tl.tensor @Z input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@X, @Y, @Z] outs [@O] {
  ^bb0(%x: tensor<32x32xbf16>, %y: tensor<32x32xbf16>, %z: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %r = tl.recip %x : tensor<32x32xbf16>
    %a = tl.max %e, %r : tensor<32x32xbf16>, tensor<32x32xbf16>
    %b = tl.max %y, %z : tensor<32x32xbf16>, tensor<32x32xbf16>
    %m = tl.max %a, %b : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
