// SFPU unary ops work in place in DST: the operand is copied into the
// result's slice first unless it is already there.
// RUN: dstlab-opt %s -split-input-file --d2m-to-ttkernel --canonicalize | FileCheck %s
// exp-approx (the fast recipe) marks every program; by default none is.
// RUN: dstlab-opt %s -split-input-file --d2m-to-ttkernel="exp-approx=true" | FileCheck %s --check-prefix=APPROX
// RUN: dstlab-opt %s -split-input-file --d2m-to-ttkernel | FileCheck %s --check-prefix=EXACT
// APPROX: ttkernel.program @exp_in_place grid [1, 1] attributes {exp_approx}
// EXACT-NOT: exp_approx

// CHECK-LABEL: ttkernel.program @exp_in_place
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.exp_tile dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @exp_in_place(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @exp_in_place grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
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
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_exp %x : <bf16>
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

// CHECK-LABEL: ttkernel.program @recip_moved
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.copy_dest_values dst[%c1] -> dst[%c0]
// CHECK-NEXT: ttkernel.recip_tile dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @recip_moved(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @recip_moved grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c1 = arith.constant 1 : index
        memref.store %t, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_recip %x : <bf16>
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

// CHECK-LABEL: ttkernel.program @scale
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.mul_unary_tile dst[%c0], 1.250000e-01
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @scale(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @scale grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
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
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_scale %x by 1.250000e-01 : <bf16>
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

// CHECK-LABEL: ttkernel.program @fill
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.fill_tile dst[%c0], 0.000000e+00
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @fill(%c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["C"]} {
  d2m.generic @fill grid [1, 1] items 1 dist [#d2m.dist<shard>] outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %r = d2m.tile_fill 0.000000e+00 : <bf16>
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
