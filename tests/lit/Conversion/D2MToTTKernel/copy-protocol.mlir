// The CB and DST protocol around a copy through DST: the reader fills the
// input CB, the compute kernel waits for it, reserves the output, copies the
// tile in and packs it out inside one tile_regs section, and the writer
// drains the output CB.
// RUN: dstlab-opt %s --d2m-to-ttkernel --canonicalize | FileCheck %s
// The math-fidelity option is typed: a fidelity the enum has not is
// rejected when the pipeline is parsed.
// RUN: dstlab-opt %s "--d2m-to-ttkernel=math-fidelity=LoFi" | FileCheck %s --check-prefix=LOFI
// RUN: not dstlab-opt %s "--d2m-to-ttkernel=math-fidelity=HiFi5" 2>&1 | FileCheck %s --check-prefix=BADFID

// LOFI: ttkernel.program @k grid [1, 1] attributes {fidelity = #ttkernel.fidelity<LoFi>}
// BADFID: Cannot find option named 'HiFi5'!

// CHECK: ttkernel.dram_buffer @A tiles [1, 1] : bf16
// CHECK: ttkernel.dram_buffer @C tiles [1, 1] : bf16
// HiFi4, the default, is not printed.
// CHECK-LABEL: ttkernel.program @k grid [1, 1] {
// CHECK: ttkernel.cb_config 0 pages 1 : bf16
// CHECK: ttkernel.cb_config 16 pages 1 : bf16

// CHECK-LABEL: func.func @reader()
// CHECK: ttkernel.cb_reserve_back 0, %c1
// CHECK-NEXT: ttkernel.noc_async_read_tile @A[%{{.*}}] -> 0[%c0]
// CHECK-NEXT: ttkernel.noc_async_read_barrier
// CHECK-NEXT: ttkernel.cb_push_back 0, %c1

// CHECK-LABEL: func.func @compute()
// CHECK: ttkernel.cb_wait_front 0, %c1
// CHECK-NEXT: ttkernel.cb_reserve_back 16, %c1
// CHECK-NEXT: ttkernel.tile_regs_acquire
// CHECK-NEXT: ttkernel.copy_tile 0[%c0] -> dst[%c0]
// CHECK-NEXT: ttkernel.tile_regs_commit
// CHECK-NEXT: ttkernel.tile_regs_wait
// CHECK-NEXT: ttkernel.pack_tile dst[%c0] -> 16[%c0]
// CHECK-NEXT: ttkernel.tile_regs_release
// CHECK-NEXT: ttkernel.cb_push_back 16, %c1
// CHECK-NEXT: ttkernel.cb_pop_front 0, %c1

// CHECK-LABEL: func.func @writer()
// CHECK: ttkernel.cb_wait_front 16, %c1
// CHECK-NEXT: ttkernel.noc_async_write_tile 16[%c0] -> @C[%{{.*}}]
// CHECK-NEXT: ttkernel.noc_async_write_barrier
// CHECK-NEXT: ttkernel.cb_pop_front 16, %c1
// CHECK-NOT: d2m.

func.func @copy(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) attributes {d2m.tensors = ["A", "C"]} {
  d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cba: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cbc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %cba : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cbc : <memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %dst = d2m.acquire_dst : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %t = affine.load %va[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
        %c0 = arith.constant 0 : index
        memref.store %t, %dst[%c0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
      }
    }
    affine.for %i = 0 to 1 {
      affine.for %j = 0 to 1 {
        %c0 = arith.constant 0 : index
        %t = memref.load %dst[%c0] : memref<1x!d2m.tile<bf16>, #d2m.memspace<dst>>
        affine.store %t, %vc[%i, %j] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      }
    }
    d2m.yield
  }
  return
}
