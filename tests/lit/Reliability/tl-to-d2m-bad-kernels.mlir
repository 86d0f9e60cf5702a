// tl-to-d2m on kernels it cannot lower (issue 20): diagnostics, not crashes.
// RUN: not dstlab-opt %s -split-input-file --tl-to-d2m 2>&1 | FileCheck %s

// A kernel with no ins and no outs has no CB to lower with.
// CHECK: error: 'tl.kernel' op has no ins and no outs
tl.program @p grid [1, 1] {
  tl.kernel @k ins [] outs [] {
    tl.yield
  }
}

// -----

// A stream is a kernel argument read in the loop, not loop-carried state.
// CHECK: error: 'scf.for' op iter_arg #1 of type '!tl.stream<tensor<32x32xbf16>, 2>' is not a block
tl.program @p grid [1, 1] {
  tl.tensor @K input : tensor<64x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@K] outs [@O] {
  ^bb0(%ks: !tl.stream<tensor<32x32xbf16>, 2>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %n = arith.constant 2 : index
    %a0 = tl.fill 0.0 : tensor<32x32xbf16>
    %a, %s = scf.for %j = %c0 to %n step %c1
        iter_args(%ai = %a0, %si = %ks) -> (tensor<32x32xbf16>, !tl.stream<tensor<32x32xbf16>, 2>) {
      %k = tl.read %si[%j] : !tl.stream<tensor<32x32xbf16>, 2>
      %an = tl.add %ai, %k : tensor<32x32xbf16>, tensor<32x32xbf16>
      scf.yield %an, %si : tensor<32x32xbf16>, !tl.stream<tensor<32x32xbf16>, 2>
    }
    tl.yield %a : tensor<32x32xbf16>
  }
}
