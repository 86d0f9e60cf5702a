// tl-to-d2m reduce-form=ttir: rowmax/rowsum in the form tt-mlir 19c86fca45's
// own TTIR->D2M path emits: inputs A and a scaler tile (all-zero map), the
// accumulator is a fresh output with the reduced dim pinned to 0, a
// reduction iterator, reduce_dim R; nothing initialises the accumulator, and
// no elementwise producer is fused into the reduction.
// RUN: dstlab-opt %s --split-input-file --tl-to-d2m="reduce-form=ttir" | FileCheck %s
// RUN: not dstlab-opt %s --split-input-file --tl-to-d2m="reduce-form=binary" 2>&1 | FileCheck %s --check-prefix=BAD

// BAD: for the --reduce-form option: Cannot find option named 'binary'!

// CHECK-DAG: #[[ID:map[0-9]*]] = affine_map<(d0, d1) -> (d0, d1)>
// CHECK-DAG: #[[ZERO:map[0-9]*]] = affine_map<(d0, d1) -> (0, 0)>
// CHECK-DAG: #[[OUT:map[0-9]*]] = affine_map<(d0, d1) -> (d0, 0)>
// CHECK-LABEL: func.func @rowmax_2x4
// CHECK: %[[SC:.*]] = d2m.scaler 1.000000e+00 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: %[[S:.*]] = bufferization.to_tensor %[[SC]]
// CHECK: %[[INIT:.*]] = tensor.empty() : tensor<2x1x!d2m.tile<bf16>>
// CHECK-NOT: d2m.tile_fill
// CHECK: linalg.generic {indexing_maps = [#[[ID]], #[[ZERO]], #[[OUT]]], iterator_types = ["parallel", "reduction"]}
// CHECK-SAME: ins(%{{.*}}, %[[S]] : tensor<2x4x!d2m.tile<bf16>>, tensor<1x1x!d2m.tile<bf16>>) outs(%[[INIT]] : tensor<2x1x!d2m.tile<bf16>>)
// CHECK: ^bb0(%[[A:.*]]: !d2m.tile<bf16>, %[[B:.*]]: !d2m.tile<bf16>, %[[C:.*]]: !d2m.tile<bf16>):
// CHECK: d2m.tile_reduce_max %[[A]], %[[B]], %[[C]] <R>
tl.program @rowmax_2x4 grid [1, 1] {
  tl.tensor @X input : tensor<64x128xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x128xbf16>):
    %m = tl.rowmax %x : tensor<64x128xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}

// -----

// The exp stays its own generic: its result reaches the reduction as A.
// CHECK-LABEL: func.func @rowsum_of_exp
// CHECK: %[[E:.*]] = linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "parallel"]
// CHECK: d2m.tile_exp
// CHECK: linalg.generic
// CHECK-SAME: iterator_types = ["parallel", "reduction"]
// CHECK-SAME: ins(%[[E]], %{{.*}} :
// CHECK-NOT: d2m.tile_exp
// CHECK: d2m.tile_reduce_sum %{{.*}}, %{{.*}}, %{{.*}} <R>
tl.program @rowsum_of_exp grid [1, 1] {
  tl.tensor @X input : tensor<32x64xbf16>
  tl.tensor @L output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@L] {
  ^bb0(%x: tensor<32x64xbf16>):
    %e = tl.exp %x : tensor<32x64xbf16>
    %l = tl.rowsum %e : tensor<32x64xbf16> -> tensor<32x32xbf16>
    tl.yield %l : tensor<32x32xbf16>
  }
}
