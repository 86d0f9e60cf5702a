// tile_reduce_* takes its operand and its scaler from CBs: the scaler gets a
// CB of its own, filled once by the reader and waited for once by the
// compute kernel. An operand in DST is a diagnostic (no re-read).
// RUN: dstlab-opt %s -split-input-file -verify-diagnostics --d2m-to-ttkernel --canonicalize | FileCheck %s

// CHECK-LABEL: ttkernel.program @rowsum
// CHECK: ttkernel.cb_config 1 pages 1 : bf16
// CHECK-LABEL: func.func @reader
// CHECK: ttkernel.generate_reduce_scaler 1, 1.000000e+00
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.cb_wait_front 1, %c1
// CHECK: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.fill_tile dst[%c0], 0.000000e+00
// CHECK-NEXT: ttkernel.reduce_init <sum> <row> 0, 1
// CHECK-NEXT: ttkernel.reduce_tile <sum> <row> 0[%c0], 1[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
func.func @rowsum(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @rowsum grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %sc = d2m.scaler 1.0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %z = d2m.tile_fill 0.0 : <bf16>
        memref.store %z, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %x = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %s = affine.load %sc[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %acc = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_reduce_sum %x, %s, %acc <R> : <bf16>
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

func.func @operand_in_dst(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @operand_in_dst grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %sc = d2m.scaler 1.0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
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
        %s = affine.load %sc[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %acc = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        // expected-error @+1 {{operand A must come from a circular buffer, but it lives in DST slice 1}}
        %r = d2m.tile_reduce_max %x, %s, %acc <C> : <bf16>
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
