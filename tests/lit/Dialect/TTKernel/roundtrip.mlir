// RUN: dstlab-opt %s | dstlab-opt | FileCheck %s
// Every ttkernel op parses, prints and parses again, in the shape the
// d2m-to-ttkernel lowering emits: DRAM buffers, then a program of CB configs
// and one func.func per thread.

// CHECK: ttkernel.dram_buffer @A tiles [2, 2] : bf16
ttkernel.dram_buffer @A tiles [2, 2] : bf16
// CHECK: ttkernel.dram_buffer @B tiles [2, 2] : bf16
ttkernel.dram_buffer @B tiles [2, 2] : bf16
// CHECK: ttkernel.dram_buffer @C tiles [2, 2] : f32
ttkernel.dram_buffer @C tiles [2, 2] : f32

// CHECK-LABEL: ttkernel.program @every_op grid [1, 2] attributes
// CHECK-SAME: dst_mode = #ttkernel.dst_mode<full>
// CHECK-SAME: exp_approx
// CHECK-SAME: fidelity = #ttkernel.fidelity<LoFi>
// CHECK-SAME: fp32_dest_acc
ttkernel.program @every_op grid [1, 2] attributes {
    fidelity = #ttkernel.fidelity<LoFi>, dst_mode = #ttkernel.dst_mode<full>,
    fp32_dest_acc, exp_approx} {
  // CHECK: ttkernel.cb_config 0 pages 4 : bf16
  ttkernel.cb_config 0 pages 4 : bf16
  // CHECK: ttkernel.cb_config 1 pages 4 : bf16
  ttkernel.cb_config 1 pages 4 : bf16
  // CHECK: ttkernel.cb_config 2 pages 1 : bf16
  ttkernel.cb_config 2 pages 1 : bf16
  // CHECK: ttkernel.cb_config 31 pages 4 : f32
  ttkernel.cb_config 31 pages 4 : f32

  // CHECK-LABEL: func.func @reader() attributes {ttkernel.thread = #ttkernel.thread<reader>}
  func.func @reader() attributes {ttkernel.thread = #ttkernel.thread<reader>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    // CHECK: ttkernel.my_x
    %x = ttkernel.my_x
    // CHECK: ttkernel.my_y
    %y = ttkernel.my_y
    %w = arith.addi %x, %y : index
    // CHECK: ttkernel.generate_reduce_scaler 2, 1.000000e+00
    ttkernel.generate_reduce_scaler 2, 1.0
    scf.for %i = %w to %c4 step %c1 {
      // CHECK: ttkernel.cb_reserve_back 0, %{{.*}}
      ttkernel.cb_reserve_back 0, %c1
      // CHECK: ttkernel.noc_async_read_tile @A[%{{.*}}] -> 0[%{{.*}}]
      ttkernel.noc_async_read_tile @A[%i] -> 0[%c0]
      // CHECK: ttkernel.noc_async_read_barrier
      ttkernel.noc_async_read_barrier
      // CHECK: ttkernel.cb_push_back 0, %{{.*}}
      ttkernel.cb_push_back 0, %c1
      ttkernel.cb_reserve_back 1, %c1
      ttkernel.noc_async_read_tile @B[%i] -> 1[%c0]
      ttkernel.noc_async_read_barrier
      ttkernel.cb_push_back 1, %c1
    }
    return
  }

  // CHECK-LABEL: func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>}
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %c3 = arith.constant 3 : index
    // CHECK: ttkernel.cb_wait_front 0, %{{.*}}
    ttkernel.cb_wait_front 0, %c1
    ttkernel.cb_wait_front 1, %c1
    ttkernel.cb_wait_front 2, %c1
    ttkernel.cb_reserve_back 31, %c1
    // CHECK: ttkernel.tile_regs_acquire
    ttkernel.tile_regs_acquire
    // CHECK: ttkernel.copy_tile 0[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.copy_tile 0[%c0] -> dst[%c0]
    // CHECK: ttkernel.matmul_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}]{{$}}
    ttkernel.matmul_tiles 0[%c0], 1[%c0] -> dst[%c0]
    // CHECK: ttkernel.matmul_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}] {transpose_b}
    ttkernel.matmul_tiles 0[%c0], 1[%c0] -> dst[%c0] {transpose_b}
    // CHECK: ttkernel.reduce_init <max> <row> 0, 2
    ttkernel.reduce_init <max> <row> 0, 2
    // CHECK: ttkernel.reduce_tile <max> <row> 0[%{{.*}}], 2[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.reduce_tile <max> <row> 0[%c0], 2[%c0] -> dst[%c1]
    // CHECK: ttkernel.reduce_init <sum> <col> 0, 2
    ttkernel.reduce_init <sum> <col> 0, 2
    // CHECK: ttkernel.reduce_tile <sum> <scalar> 0[%{{.*}}], 2[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.reduce_tile <sum> <scalar> 0[%c0], 2[%c0] -> dst[%c1]
    // The default broadcast (none) is elided when printing.
    // CHECK: ttkernel.add_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}]{{$}}
    ttkernel.add_tiles 0[%c0], 1[%c0] -> dst[%c2] {bcast = #ttkernel.bcast<none>}
    // CHECK: ttkernel.add_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}] {bcast = #ttkernel.bcast<scalar>}
    ttkernel.add_tiles 0[%c0], 1[%c0] -> dst[%c2] {bcast = #ttkernel.bcast<scalar>}
    // CHECK: ttkernel.sub_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}] {bcast = #ttkernel.bcast<cols>}
    ttkernel.sub_tiles 0[%c0], 1[%c0] -> dst[%c2] {bcast = #ttkernel.bcast<cols>}
    // CHECK: ttkernel.mul_tiles 0[%{{.*}}], 1[%{{.*}}] -> dst[%{{.*}}] {bcast = #ttkernel.bcast<rows>}
    ttkernel.mul_tiles 0[%c0], 1[%c0] -> dst[%c2] {bcast = #ttkernel.bcast<rows>}
    // CHECK: ttkernel.transpose_wh_tile 1[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.transpose_wh_tile 1[%c0] -> dst[%c3]
    // CHECK: ttkernel.unary_bcast <cols> 0[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.unary_bcast <cols> 0[%c0] -> dst[%c3]
    // CHECK: ttkernel.exp_tile dst[%{{.*}}]
    ttkernel.exp_tile dst[%c0]
    // CHECK: ttkernel.recip_tile dst[%{{.*}}]
    ttkernel.recip_tile dst[%c0]
    // CHECK: ttkernel.mul_unary_tile dst[%{{.*}}], 1.250000e-01
    ttkernel.mul_unary_tile dst[%c0], 0.125
    // CHECK: ttkernel.fill_tile dst[%{{.*}}], 0xFFF0000000000000
    ttkernel.fill_tile dst[%c1], 0xFFF0000000000000
    // CHECK: ttkernel.add_binary_tile dst[%{{.*}}], dst[%{{.*}}]
    ttkernel.add_binary_tile dst[%c0], dst[%c1]
    // CHECK: ttkernel.sub_binary_tile dst[%{{.*}}], dst[%{{.*}}]
    ttkernel.sub_binary_tile dst[%c0], dst[%c1]
    // CHECK: ttkernel.mul_binary_tile dst[%{{.*}}], dst[%{{.*}}]
    ttkernel.mul_binary_tile dst[%c0], dst[%c1]
    // CHECK: ttkernel.max_tile dst[%{{.*}}], dst[%{{.*}}]
    ttkernel.max_tile dst[%c0], dst[%c1]
    // CHECK: ttkernel.copy_dest_values dst[%{{.*}}] -> dst[%{{.*}}]
    ttkernel.copy_dest_values dst[%c0] -> dst[%c2]
    // CHECK: ttkernel.tile_regs_commit
    ttkernel.tile_regs_commit
    // CHECK: ttkernel.tile_regs_wait
    ttkernel.tile_regs_wait
    // CHECK: ttkernel.pack_tile dst[%{{.*}}] -> 31[%{{.*}}]
    ttkernel.pack_tile dst[%c0] -> 31[%c0]
    // CHECK: ttkernel.tile_regs_release
    ttkernel.tile_regs_release
    ttkernel.cb_push_back 31, %c1
    // CHECK: ttkernel.cb_pop_front 0, %{{.*}}
    ttkernel.cb_pop_front 0, %c1
    ttkernel.cb_pop_front 1, %c1
    return
  }

  // CHECK-LABEL: func.func @writer() attributes {ttkernel.thread = #ttkernel.thread<writer>}
  func.func @writer() attributes {ttkernel.thread = #ttkernel.thread<writer>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    ttkernel.cb_wait_front 31, %c1
    // CHECK: ttkernel.noc_async_write_tile 31[%{{.*}}] -> @C[%{{.*}}]
    ttkernel.noc_async_write_tile 31[%c0] -> @C[%c0]
    // CHECK: ttkernel.noc_async_write_barrier
    ttkernel.noc_async_write_barrier
    ttkernel.cb_pop_front 31, %c1
    return
  }
}

// The defaults (HiFi4, half-sync DST) are elided; a program need not have all
// three threads.
// CHECK-LABEL: ttkernel.program @defaults grid [1, 1] {
ttkernel.program @defaults grid [1, 1] attributes {
    fidelity = #ttkernel.fidelity<HiFi4>, dst_mode = #ttkernel.dst_mode<half>} {
  // CHECK-NEXT: ttkernel.cb_config 16 pages 1 : bf16
  ttkernel.cb_config 16 pages 1 : bf16
  // CHECK-NEXT: func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>}
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    %c0 = arith.constant 0 : index
    ttkernel.tile_regs_acquire
    ttkernel.fill_tile dst[%c0], 0.0
    ttkernel.tile_regs_commit
    ttkernel.tile_regs_wait
    ttkernel.pack_tile dst[%c0] -> 16[%c0]
    ttkernel.tile_regs_release
    return
  }
}
