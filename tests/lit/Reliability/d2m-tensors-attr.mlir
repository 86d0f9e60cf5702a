// d2m-to-ttkernel checks the d2m.tensors attribute it reads instead of
// trusting it (issue 20): each ill-formed form is a diagnostic, not a crash.
// The IR is rowsum_1x1 of repros/test_rowsum-alone.mlir before the pass.
// RUN: not dstlab-opt %s -split-input-file --d2m-to-ttkernel 2>&1 | FileCheck %s
// CHECK-COUNT-3: error: 'func.func' op 'd2m.tensors' must be an array of one string per argument
// CHECK-NOT: error

module {
  func.func @rowsum_1x1(%arg0: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %arg1: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = "X"} {
    %c0 = arith.constant 0 : index
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%arg0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%arg1 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%arg2: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %arg3: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %0 = d2m.scaler 1.000000e+00 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %1 = d2m.wait %arg2 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %alloc = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %4 = d2m.tile_fill 0.000000e+00 : <bf16>
        %c0_0 = arith.constant 0 : index
        memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.for %arg5 = 0 to 1 {
          %6 = affine.load %1[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %7 = affine.load %0[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_2 = arith.constant 0 : index
          %8 = memref.load %3[%c0_2] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %9 = d2m.tile_reduce_sum %6, %7, %8 <R> : <bf16>
          %c0_3 = arith.constant 0 : index
          memref.store %9, %3[%c0_3] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        }
        %c0_1 = arith.constant 0 : index
        %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %5, %alloc[%arg4, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
      %2 = d2m.reserve %arg3 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        affine.for %arg5 = 0 to 1 {
          %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %4 = affine.load %alloc[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_0 = arith.constant 0 : index
          memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0_1 = arith.constant 0 : index
          %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %5, %2[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}

// -----

module {
  func.func @rowsum_1x1(%arg0: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %arg1: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["X"]} {
    %c0 = arith.constant 0 : index
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%arg0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%arg1 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%arg2: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %arg3: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %0 = d2m.scaler 1.000000e+00 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %1 = d2m.wait %arg2 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %alloc = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %4 = d2m.tile_fill 0.000000e+00 : <bf16>
        %c0_0 = arith.constant 0 : index
        memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.for %arg5 = 0 to 1 {
          %6 = affine.load %1[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %7 = affine.load %0[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_2 = arith.constant 0 : index
          %8 = memref.load %3[%c0_2] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %9 = d2m.tile_reduce_sum %6, %7, %8 <R> : <bf16>
          %c0_3 = arith.constant 0 : index
          memref.store %9, %3[%c0_3] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        }
        %c0_1 = arith.constant 0 : index
        %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %5, %alloc[%arg4, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
      %2 = d2m.reserve %arg3 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        affine.for %arg5 = 0 to 1 {
          %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %4 = affine.load %alloc[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_0 = arith.constant 0 : index
          memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0_1 = arith.constant 0 : index
          %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %5, %2[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}

// -----

module {
  func.func @rowsum_1x1(%arg0: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %arg1: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["X", 3 : i64]} {
    %c0 = arith.constant 0 : index
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%arg0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%arg1 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%arg2: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %arg3: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %0 = d2m.scaler 1.000000e+00 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %1 = d2m.wait %arg2 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %alloc = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %4 = d2m.tile_fill 0.000000e+00 : <bf16>
        %c0_0 = arith.constant 0 : index
        memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.for %arg5 = 0 to 1 {
          %6 = affine.load %1[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %7 = affine.load %0[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_2 = arith.constant 0 : index
          %8 = memref.load %3[%c0_2] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %9 = d2m.tile_reduce_sum %6, %7, %8 <R> : <bf16>
          %c0_3 = arith.constant 0 : index
          memref.store %9, %3[%c0_3] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        }
        %c0_1 = arith.constant 0 : index
        %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %5, %alloc[%arg4, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
      %2 = d2m.reserve %arg3 : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %arg4 = 0 to 1 {
        affine.for %arg5 = 0 to 1 {
          %3 = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %4 = affine.load %alloc[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          %c0_0 = arith.constant 0 : index
          memref.store %4, %3[%c0_0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0_1 = arith.constant 0 : index
          %5 = memref.load %3[%c0_1] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %5, %2[%arg4, %arg5] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}
