// DST sections inside loops. A loop over output tiles with a section per
// tile (fix 1's form) reserves the intermediate CBs it writes around the
// whole loop and makes them visible after it. In a loop over blocks, a
// tile loop that both reads and writes an accumulator writes it through a
// second CB (read CB 1, write CB 2, as lowered today), and every iteration
// consumes the blocks it waited for.
// RUN: dstlab-opt %s -split-input-file --d2m-to-ttkernel --canonicalize | FileCheck %s

// CHECK-LABEL: ttkernel.program @tile_loops
// CHECK: ttkernel.cb_config 1 pages 1 : bf16
// CHECK-LABEL: func.func @compute
// CHECK: ttkernel.cb_reserve_back 1, %c1
// CHECK-NEXT: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.exp_tile dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
// CHECK-NEXT: ttkernel.tile_regs_wait
// CHECK-NEXT: ttkernel.pack_tile dst[%c0] -> 1[%c0]
// CHECK-NEXT: ttkernel.tile_regs_release
// CHECK-NEXT: ttkernel.cb_push_back 1, %c1
// CHECK-NEXT: ttkernel.cb_wait_front 1, %c1
// CHECK-NEXT: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
// CHECK-NEXT: ttkernel.tile_regs_wait
// CHECK-NEXT: ttkernel.pack_tile dst[%c0] -> 16[%c0]
// CHECK-NEXT: ttkernel.tile_regs_release
// CHECK-NEXT: ttkernel.cb_pop_front 1, %c1
// CHECK-NEXT: ttkernel.cb_push_back 16, %c1
// CHECK-NEXT: ttkernel.cb_pop_front 0, %c1
func.func @tile_loops(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @tile_loops grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %tmp = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    affine.for %i = 0 to 1 {
      %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %c0 = arith.constant 0 : index
      %t = affine.load %va[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      memref.store %t, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %x = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %r = d2m.tile_exp %x : <bf16>
      memref.store %r, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %o = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      affine.store %o, %tmp[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    }
    affine.for %i = 0 to 1 {
      %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %c0 = arith.constant 0 : index
      %t = affine.load %tmp[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      memref.store %t, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %o = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      affine.store %o, %vc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    }
    d2m.yield
  }
  return
}

// -----

// CHECK-LABEL: ttkernel.program @block_loop
// The stream read block by block holds two blocks (double buffering); its
// waits and pops still move one.
// CHECK: ttkernel.cb_config 0 pages 2 : bf16
// CHECK: ttkernel.cb_config 1 pages 1 : bf16
// CHECK: ttkernel.cb_config 2 pages 1 : bf16
// CHECK-LABEL: func.func @reader
// CHECK: scf.for %{{.*}} = %c0 to %c2 step %c1 {
// CHECK: ttkernel.noc_async_read_tile @A
// CHECK-LABEL: func.func @compute
// The accumulator's first value, in CB 1.
// CHECK: ttkernel.cb_reserve_back 1, %c1
// CHECK: ttkernel.fill_tile dst[%c0], 0.000000e+00
// CHECK: ttkernel.pack_tile dst[%c0] -> 1[%c0]
// CHECK: ttkernel.cb_push_back 1, %c1
// CHECK-NEXT: ttkernel.cb_wait_front 1, %c1
// CHECK-NEXT: scf.for %{{.*}} = %c0 to %c2 step %c1 {
// CHECK-NEXT: ttkernel.cb_wait_front 0, %c1
// CHECK-NEXT: ttkernel.cb_reserve_back 2, %c1
// CHECK-NEXT: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.copy_tile 1[%c0] -> dst[%c1]
// CHECK-NEXT: ttkernel.add_binary_tile dst[%c0], dst[%c1]
// CHECK-NEXT: ttkernel.tile_regs_commit
// CHECK-NEXT: ttkernel.tile_regs_wait
// CHECK-NEXT: ttkernel.pack_tile dst[%c0] -> 2[%c0]
// CHECK-NEXT: ttkernel.tile_regs_release
// CHECK-NEXT: ttkernel.cb_pop_front 1, %c1
// CHECK-NEXT: ttkernel.cb_push_back 2, %c1
// CHECK-NEXT: ttkernel.cb_wait_front 2, %c1
// CHECK: ttkernel.cb_pop_front 0, %c1
// CHECK-NEXT: }
func.func @block_loop(%a: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @block_loop grid [1, 1] items 1 dist [#d2m.dist<stream>, #d2m.dist<shard>] ins(%a : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %acc = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    affine.for %i = 0 to 1 {
      %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %c0 = arith.constant 0 : index
      %z = d2m.tile_fill 0.0 : <bf16>
      memref.store %z, %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %o = memref.load %dst[%c0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      affine.store %o, %acc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    }
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    scf.for %k = %c0 to %c2 step %c1 {
      %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      affine.for %i = 0 to 1 {
        %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %s0 = arith.constant 0 : index
        %s1 = arith.constant 1 : index
        %t = affine.load %va[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        memref.store %t, %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %u = affine.load %acc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        memref.store %u, %dst[%s1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %x = memref.load %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %y = memref.load %dst[%s1] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %r = d2m.tile_add %x, %y : <bf16>
        memref.store %r, %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        %o = memref.load %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %o, %acc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
    }
    affine.for %i = 0 to 1 {
      %dst = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %s0 = arith.constant 0 : index
      %t = affine.load %acc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      memref.store %t, %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      %o = memref.load %dst[%s0] : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
      affine.store %o, %vc[%i, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    }
    d2m.yield
  }
  return
}
