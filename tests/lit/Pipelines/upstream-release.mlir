// The NDEBUG build of the upstream pass: the capacity check is compiled out
// and the chained adds index DST past its 4 f32 slices.
// RUN: dstlab-opt %repros/chained-eltwise-capacity.mlir --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops "--d2m-insert-dst-register-access=assertions=off" | FileCheck %s
// CHECK: d2m.acquire_dst : memref<7x!d2m.tile<f32>, #d2m.memspace<dst>>

// In p3 the matmul result S lives in a slice that tile_reduce_max(S, S, S)
// then overwrites in place, with S's A and B operands read back from DST.
// RUN: dstlab-opt %repros/test_p3-fa-incremental.mlir --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops "--d2m-insert-dst-register-access=assertions=off" | FileCheck %s --check-prefix=OVER
// OVER: %[[S:.*]] = d2m.tile_matmul
// OVER-NEXT: %[[C1:.*]] = arith.constant 1 : index
// OVER-NEXT: memref.store %[[S]], %[[DST:.*]][%[[C1]]]
// OVER: %[[A:.*]] = memref.load %[[DST]][%c1
// OVER: %[[B:.*]] = memref.load %[[DST]][%c1
// OVER: %[[C:.*]] = memref.load %[[DST]][%c1
// OVER-NEXT: %[[M:.*]] = d2m.tile_reduce_max %[[A]], %[[B]], %[[C]] <C>
// OVER-NEXT: %[[C1b:.*]] = arith.constant 1 : index
// OVER-NEXT: memref.store %[[M]], %[[DST]][%[[C1b]]]
// And the kernel lowering refuses a reduce whose A operand lives in DST.
// RUN: not dstlab-opt %repros/test_p3-fa-incremental.mlir --dstlab-upstream-release 2>&1 | FileCheck %s --check-prefix=LOWER
// LOWER: error: 'd2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 1
