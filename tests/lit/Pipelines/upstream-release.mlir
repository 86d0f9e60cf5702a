// The NDEBUG build of the upstream pass: the capacity check is compiled out
// and the chained adds index DST past its 4 f32 slices.
// RUN: dstlab-opt %repros/chained-eltwise-capacity.mlir --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops "--d2m-insert-dst-register-access=assertions=false" | FileCheck %s
// CHECK: d2m.acquire_dst : memref<4x!d2m.tile<f32>, #d2m.memspace<dst>>
// CHECK: memref.store %{{.*}}, %{{.*}}[%c6] : memref<4x!d2m.tile<f32>

// Copying x into DST replaces the whole load, so tile_reduce_max(x, x, x)
// reads A and B from DST too; the kernel lowering refuses them.
// RUN: not dstlab-opt %repros/test_rowmax-alone.mlir --dstlab-upstream-release 2>&1 | FileCheck %s --check-prefix=LOWER
// LOWER: error: 'd2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0

// The storeIndices assert compiled out: the store fails to verify.
// RUN: not dstlab run %repros/test_p1-matmul-rowmax.mlir --program p1_2x2 --variant upstream-release 2>&1 | FileCheck %s --check-prefix=RANK
// RANK: expects as many subscripts as affine map inputs

// An in-place result takes the most recently allocated slice: exp(x) after
// a binary op lands where the binary op's second operand was copied.
// RUN: dstlab-opt %s --tl-to-d2m --d2m-bufferize --convert-linalg-to-affine-loops "--d2m-insert-dst-register-access=assertions=false" | FileCheck %s --check-prefix=INPLACE
// INPLACE: %[[E:.*]] = d2m.tile_exp
// INPLACE: arith.constant 3 : index
tl.program @inplace grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @B input : tensor<32x32xbf16>
  tl.tensor @C input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A, @B, @C] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>, %b: tensor<32x32xbf16>, %c: tensor<32x32xbf16>):
    %s = tl.add %a, %b : tensor<32x32xbf16>, tensor<32x32xbf16>
    %e = tl.exp %c : tensor<32x32xbf16>
    %m = tl.mul %s, %e : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
