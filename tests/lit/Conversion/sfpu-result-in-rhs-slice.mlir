// An SFPU binary whose result the DST allocator put in its rhs's slice (as
// tt-mlir 19c86fca45's allocator does). tt-mlir lowers add, sub and mul with
// an explicit output index, so the result is lhs op rhs whatever the slices;
// dstlab's in-place form gets it by swapping the operands of a commutative
// op. sub cannot be swapped and max is lowered in place on its lhs at
// ae4e7b838c: both are diagnostics, never a silently different result.
// RUN: dstlab-opt %s -split-input-file -verify-diagnostics --d2m-to-ttkernel --canonicalize | FileCheck %s

// a to slice 0, b to slice 1, and no copy of a over b: slice 1 += slice 0.
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.add_binary_tile dst[%c1], dst[%c0]

module {
  func.func @add_rhs_slice(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %i = 0 to 1 {
        affine.for %j = 0 to 1 {
          %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %ta = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %ta, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %tb = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %tb, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %r = d2m.tile_add %x, %y : <bf16>
          memref.store %r, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %o = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %o, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}

// -----

// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.mul_binary_tile dst[%c1], dst[%c0]

module {
  func.func @mul_rhs_slice(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %i = 0 to 1 {
        affine.for %j = 0 to 1 {
          %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %ta = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %ta, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %tb = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %tb, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %r = d2m.tile_mul %x, %y : <bf16>
          memref.store %r, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %o = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %o, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}

// -----

module {
  func.func @sub_rhs_slice(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %i = 0 to 1 {
        affine.for %j = 0 to 1 {
          %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %ta = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %ta, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %tb = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %tb, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          // expected-error @+1 {{result in the slice of its rhs 1: not lowerable to the in-place SFPU form}}
          %r = d2m.tile_sub %x, %y : <bf16>
          memref.store %r, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %o = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %o, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}

// -----

module {
  func.func @max_rhs_slice(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "B", "C"]} {
    d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbb: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
      %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vb = d2m.wait %cbb : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %i = 0 to 1 {
        affine.for %j = 0 to 1 {
          %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %c0 = arith.constant 0 : index
          %c1 = arith.constant 1 : index
          %ta = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %ta, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %tb = affine.load %vb[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
          memref.store %tb, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %y = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          // expected-error @+1 {{result in the slice of its rhs 1: not lowerable to the in-place SFPU form}}
          %r = d2m.tile_maximum %x, %y : <bf16>
          memref.store %r, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          %o = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
          affine.store %o, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        }
      }
      d2m.yield
    }
    return
  }
}
