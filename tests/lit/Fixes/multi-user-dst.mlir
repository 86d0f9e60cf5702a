// Fix 1 on the patterns the upstream pass rejects.
// RUN: dstlab-opt %s --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops --d2m-insert-dst-register-access-multi-user --split-input-file | FileCheck %s

// A value read by two in-place SFPU consumers. Linalg fusion duplicates
// exp into both operands of the mul, so the loaded x feeds two tile_exp ops:
// the first must not overwrite x (still live), so its result takes a fresh
// slice; the second, x's last use, works in place; the mul then works in
// place on the first operand's slice. One DST section per output tile.
// CHECK-LABEL: func.func @two_users
// CHECK: affine.for
// CHECK: affine.for
// CHECK-NEXT: %[[DST:.*]] = d2m.acquire_dst : memref<2x!d2m.tile<bf16>, #d2m.memspace<dst>>
// CHECK: memref.store %{{.*}}, %[[DST]][%c0]
// CHECK: %[[X1:.*]] = memref.load %[[DST]][%c0
// CHECK-NEXT: %[[E1:.*]] = d2m.tile_exp %[[X1]]
// CHECK-NEXT: %[[C1:.*]] = arith.constant 1 : index
// CHECK-NEXT: memref.store %[[E1]], %[[DST]][%[[C1]]]
// CHECK: %[[X2:.*]] = memref.load %[[DST]][%c0
// CHECK-NEXT: %[[E2:.*]] = d2m.tile_exp %[[X2]]
// CHECK-NEXT: %[[C0:.*]] = arith.constant 0 : index
// CHECK-NEXT: memref.store %[[E2]], %[[DST]][%[[C0]]]
// CHECK: d2m.tile_mul
// CHECK-NEXT: arith.constant 0 : index
// CHECK: affine.store
tl.program @two_users grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %o = tl.mul %e, %e : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %o : tensor<32x32xbf16>
  }
}

// -----

// tile_reduce_max(S, S, S) with S a matmul result: S is an FPU operand, so it
// is computed once into an intermediate CB by a nest of its own and read from
// there (A, scaler and the copy into DST alike).
// CHECK-LABEL: func.func @fpu_operand
// CHECK: %[[TMP:.*]] = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: %[[TMP2:.*]] = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: d2m.tile_matmul
// CHECK: affine.store %{{.*}}, %[[TMP2]]
// CHECK: %[[S:.*]] = affine.load %[[TMP2]]
// CHECK: d2m.tile_reduce_max %[[S]], %[[S]], %{{.*}} <C>
tl.program @fpu_operand grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K] outs [@M] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>):
    %s = tl.matmul %q, %k : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.rowmax %s : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

// -----

// More simultaneously live values than f32 DST holds (4): the pass spills
// the value whose next use is furthest to a CB instead of asserting.
// CHECK-LABEL: func.func @pressure
// CHECK: %[[SPILL:.*]] = memref.alloc() : memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
// CHECK: d2m.acquire_dst : memref<1x!d2m.tile<f32>
// CHECK: d2m.tile_scale %{{.*}} by 4.0
// CHECK: affine.store %{{.*}}, %[[SPILL]]
// CHECK: d2m.acquire_dst : memref<4x!d2m.tile<f32>
// CHECK: affine.load %[[SPILL]]
// CHECK-NOT: d2m.acquire_dst
tl.program @pressure grid [1, 1] {
  tl.tensor @X input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<32x32xf32>):
    %a = tl.exp %x : tensor<32x32xf32>
    %b = tl.recip %x : tensor<32x32xf32>
    %c = tl.scale %x by 2.0 : tensor<32x32xf32>
    %d = tl.scale %x by 3.0 : tensor<32x32xf32>
    %e = tl.scale %x by 4.0 : tensor<32x32xf32>
    %ab = tl.add %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %abc = tl.add %ab, %c : tensor<32x32xf32>, tensor<32x32xf32>
    %abcd = tl.add %abc, %d : tensor<32x32xf32>, tensor<32x32xf32>
    %o = tl.add %abcd, %e : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %o : tensor<32x32xf32>
  }
}

// -----

// The unary reduction (fix 2's form) accumulated across a 2-tile row: the
// section sits inside the output-row loop, the accumulator is filled with
// -inf in DST (the fill nest is gone) and the reduction loop runs inside it.
// RUN: dstlab-opt %s --split-input-file --dstlab-fixed | FileCheck %s --check-prefix=KERNEL
// KERNEL: ttkernel.dram_buffer @M tiles [2, 1]
// KERNEL: ttkernel.program @k
// KERNEL: func.func @compute
// KERNEL: scf.for %{{.*}} = %c0 to %c2
// KERNEL-NEXT: ttkernel.tile_regs_acquire
// KERNEL-NEXT: ttkernel.fill_tile dst[%{{.*}}], 0xFFF0000000000000
// KERNEL: scf.for
// KERNEL: ttkernel.reduce_tile <max> <row>
// KERNEL: ttkernel.tile_regs_commit
// KERNEL: ttkernel.pack_tile
// KERNEL: ttkernel.tile_regs_release
// CHECK-LABEL: func.func @rowmax2
tl.program @rowmax2 grid [1, 1] {
  tl.tensor @X input : tensor<64x64xbf16>
  tl.tensor @M output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@X] outs [@M] {
  ^bb0(%x: tensor<64x64xbf16>):
    %m = tl.rowmax %x : tensor<64x64xbf16> -> tensor<64x32xbf16>
    tl.yield %m : tensor<64x32xbf16>
  }
}
