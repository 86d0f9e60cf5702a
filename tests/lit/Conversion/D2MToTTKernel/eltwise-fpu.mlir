// An eltwise binary whose operands are both CB tiles takes the FPU form
// (add_tiles / sub_tiles / mul_tiles) reading both CBs; a d2m.tile_bcast of
// an operand that is not stored to DST is folded into the unpack.
// RUN: dstlab-opt %s -split-input-file -verify-diagnostics --d2m-to-ttkernel --canonicalize | FileCheck %s

// CHECK-LABEL: ttkernel.program @fpu_add
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.add_tiles 0[%c0], 1[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @fpu_add(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @fpu_add grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %y = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %r = d2m.tile_add %x, %y : <bf16>
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

// CHECK-LABEL: ttkernel.program @fpu_sub
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.sub_tiles 0[%c0], 1[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @fpu_sub(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @fpu_sub grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %y = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
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

// CHECK-LABEL: ttkernel.program @fpu_mul_bcast
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.mul_tiles 0[%c0], 1[%c0] -> dst[%c0] {bcast = #ttkernel.bcast<cols>}
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @fpu_mul_bcast(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @fpu_mul_bcast grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %x = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %y = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %yb = d2m.tile_bcast %y <col> : <bf16>
        %r = d2m.tile_mul %x, %yb : <bf16>
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

func.func @fpu_max(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
  d2m.generic @fpu_max grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %x = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %y = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        // expected-error @+1 {{maximum has no FPU form}}
        %r = d2m.tile_maximum %x, %y : <bf16>
        memref.store %r, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    d2m.yield
  }
  return
}
