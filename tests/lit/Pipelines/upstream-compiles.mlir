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
