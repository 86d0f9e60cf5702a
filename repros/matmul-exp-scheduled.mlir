// repro: matmul-exp-scheduled
// origin: docs/research/upstream-19c86fca45.md §6.4 (p1z): the seed's
//   multiple-users assertion, still reachable in today's upstream
// shows: S = Q @ transpose(K); m = max(exp(S), Z). Three inputs make four
//   generic operands, so the fused region is scheduled, and
//   d2m-insert-dst-register-access-scheduled keeps the seed's assert
//   (Scheduled.cpp:169): S is stored and also consumed by exp. Without
//   asserts it compiles, with the transposed K read through DST.
// config @p1z: grid 1x1, 32x32 bf16 tiles
// upstream-2026 (tt-mlir 19c86fca45): recorded outcomes of the real builds (tests/data/ttmlir/outcomes.json)
// expect upstream: crash "Only one output tensor is supported"
// expect upstream-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect upstream-2026: crash "Currently we do not support multiple users in the same compute dst region."
// expect upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass

tl.program @p1z grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @Z input : tensor<32x32xbf16>
  tl.tensor @M output : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K, @Z] outs [@M] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>, %z: tensor<32x32xbf16>):
    %kt = tl.transpose %k : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %s = tl.matmul %q, %kt : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %e = tl.exp %s : tensor<32x32xbf16>
    %m = tl.max %e, %z : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
