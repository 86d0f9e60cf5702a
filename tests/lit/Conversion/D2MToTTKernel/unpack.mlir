// tile_bcast and tile_transpose are done by the unpacker from a CB: a
// broadcast of a CB tile into DST is a copy-in nest of its own, and an
// operand held in DST is re-read from the CB its slice was copied from.
// RUN: dstlab-opt %s -split-input-file -verify-diagnostics --d2m-to-ttkernel --canonicalize | FileCheck %s

// CHECK-LABEL: ttkernel.program @bcast_copy_in
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.unary_bcast <rows> 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @bcast_copy_in(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @bcast_copy_in grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %b = d2m.tile_bcast %t <row> : <bf16>
        %c0 = arith.constant 0 : index
        memref.store %b, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
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

// CHECK-LABEL: ttkernel.program @transpose
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.transpose_wh_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @transpose(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @transpose grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %r = d2m.tile_transpose %t : <bf16>
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

// The operand was copied to slice 1 from CB 0: the unpacker reads CB 0.
// CHECK-LABEL: ttkernel.program @transpose_reread
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.transpose_wh_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @transpose_reread(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @transpose_reread grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
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
        %t = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_transpose %t : <bf16>
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

// Computed in DST, not copied from a CB: nothing to re-read.
func.func @transpose_of_result(%c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["C"]} {
  d2m.generic @transpose_of_result grid [1, 1] items 1 dist [#d2m.dist<shard>] outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %c1 = arith.constant 1 : index
        %z = d2m.tile_fill 1.0 : <bf16>
        memref.store %z, %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %t = memref.load %dst[%c1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        // expected-error @+2 {{operand A must come from a circular buffer, but it lives in DST slice 1}}
        // expected-error @+1 {{operand must come from a circular buffer (no SFPU form)}}
        %r = d2m.tile_transpose %t : <bf16>
        memref.store %r, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    d2m.yield
  }
  return
}
