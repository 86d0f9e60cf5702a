// rowmax alone on one tile passes the upstream DST pass (in place, one DST
// operand: tile-compute-loops keeps the block whole). DST is capacity over
// block volume (8 bf16 slices of 1x1), the accumulator is copied in, and the
// copy replaces the whole load: A, B and C of the reduce all read slice 0.
// RUN: dstlab-opt %s --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops --d2m-insert-dst-register-access | FileCheck %s
// CHECK: %[[DST:.*]] = d2m.acquire_dst : memref<8x1x1x!d2m.tile<bf16>, #d2m.memspace<dst>>
// CHECK: memref.store %{{.*}}, %[[DST]][%c0
// CHECK: %[[X:.*]] = memref.load %[[DST]][%c0
// CHECK: d2m.tile_reduce_max %[[X]], %[[X]], %[[X]] <C>
// CHECK: memref.load %[[DST]][%c0
// CHECK-NEXT: affine.store

// The IR already holding DST accesses is left alone on a second run.
// RUN: dstlab-opt %s --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops --d2m-insert-dst-register-access --d2m-insert-dst-register-access | FileCheck %s --check-prefix=TWICE
// TWICE-LABEL: func.func @rowmax_1x1
// TWICE-COUNT-1: d2m.acquire_dst
// TWICE-NOT: d2m.acquire_dst
// TWICE-LABEL: func.func @exp_2x4
// TWICE-COUNT-1: d2m.acquire_dst
// TWICE-NOT: d2m.acquire_dst
tl.program @rowmax_1x1 grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<32x32xbf16>):
    %m = tl.rowmax %x : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

// exp on a 2x4 f32 block (8 tiles, DST holds 4): tile-compute-loops cuts it
// into 1x4 rows, so the section opens inside the row loop with one slice of
// 1x4 tiles.
// RUN: dstlab-opt %s --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops --d2m-insert-dst-register-access | FileCheck %s --check-prefix=SUB
// SUB-LABEL: func.func @exp_2x4
// SUB: affine.for %[[I:.*]] = 0 to 2 {
// SUB-NEXT: d2m.acquire_dst : memref<1x1x4x!d2m.tile<f32>, #d2m.memspace<dst>>
// SUB: d2m.tile_exp
tl.program @exp_2x4 grid [1, 1] {
  tl.tensor @A input : tensor<64x128xf32>
  tl.tensor @O output : tensor<64x128xf32>
  tl.kernel @k ins [@A] outs [@O] {
  ^bb0(%a: tensor<64x128xf32>):
    %e = tl.exp %a : tensor<64x128xf32>
    tl.yield %e : tensor<64x128xf32>
  }
}
