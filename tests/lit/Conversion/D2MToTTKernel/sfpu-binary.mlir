// SFPU binary ops take both operands in DST and work in place on the lhs's
// copy in the result's slice: DST[out] op= DST[rhs].
// RUN: dstlab-opt %s -split-input-file -verify-diagnostics --d2m-to-ttkernel --canonicalize | FileCheck %s

// CHECK-LABEL: ttkernel.program @sfpu_sub
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.sub_binary_tile dst[%c0], dst[%c1]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @sfpu_sub(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @sfpu_sub grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c0 = arith.constant 0 : index
        memref.store %t, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c1 = arith.constant 1 : index
        memref.store %t, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_sub %x, %y : <bf16>
        memref.store %r, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %t = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %t, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
    }
    d2m.yield
  }
  return
}

// -----

// CHECK-LABEL: ttkernel.program @sfpu_max
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.max_tile dst[%c0], dst[%c1]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @sfpu_max(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @sfpu_max grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c0 = arith.constant 0 : index
        memref.store %t, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c1 = arith.constant 1 : index
        memref.store %t, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_maximum %x, %y : <bf16>
        memref.store %r, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %t = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %t, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
    }
    d2m.yield
  }
  return
}
