// tl-to-d2m duplicate-producers: an exp with two consumers. tt-lang's
// fusion (true, the default) fuses it into each consumer and so computes it
// twice; false (the `fixed` pipeline) fuses a producer only once all its
// users are one op, so the exp is computed once and both uses read it.
// RUN: dstlab-opt %s --tl-to-d2m | FileCheck %s --check-prefix=DUP
// RUN: dstlab-opt %s --tl-to-d2m="duplicate-producers=false" | FileCheck %s --check-prefix=ONCE

// DUP-LABEL: func.func @shared_exp
// DUP: d2m.tile_exp
// DUP: d2m.tile_add
// DUP: d2m.tile_exp
// DUP: d2m.tile_mul

// ONCE-LABEL: func.func @shared_exp
// ONCE: %[[E:.*]] = d2m.tile_exp
// ONCE-NOT: d2m.tile_exp
// ONCE: %[[A:.*]] = d2m.tile_add %[[E]],
// ONCE: d2m.tile_mul %[[E]], %[[A]]
tl.program @shared_exp grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @Y output : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@Y] {
  ^bb0(%x: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %a = tl.add %e, %x : tensor<32x32xbf16>, tensor<32x32xbf16>
    %m = tl.mul %e, %a : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
