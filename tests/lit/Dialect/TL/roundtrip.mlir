// RUN: dstlab-opt %s | dstlab-opt | FileCheck %s
// Every tl op parses, prints and parses again.

// CHECK-LABEL: tl.program @ops grid [2, 4] {
tl.program @ops grid [2, 4] {
  // CHECK: tl.tensor @Q input : tensor<128x64xbf16>
  tl.tensor @Q input : tensor<128x64xbf16>
  // CHECK: tl.tensor @K input : tensor<256x64xbf16>
  tl.tensor @K input : tensor<256x64xbf16>
  // CHECK: tl.tensor @M output colvec : tensor<128x32xbf16>
  tl.tensor @M output colvec : tensor<128x32xbf16>
  // CHECK: tl.tensor @O output : tensor<128x64xbf16>
  tl.tensor @O output : tensor<128x64xbf16>
  // CHECK: tl.tensor @T temp : tensor<128x64xf32>
  tl.tensor @T temp : tensor<128x64xf32>
  // CHECK: tl.kernel @k ins [@Q, @K] outs [@O, @M] {
  tl.kernel @k ins [@Q, @K] outs [@O, @M] {
  ^bb0(%q: tensor<64x64xbf16>, %ks: !tl.stream<tensor<64x64xbf16>, 4>):
    %c0 = arith.constant 0 : index
    // CHECK: tl.read %{{.*}}[%{{.*}}] : <tensor<64x64xbf16>, 4>
    %k = tl.read %ks[%c0] : !tl.stream<tensor<64x64xbf16>, 4>
    // CHECK: tl.transpose %{{.*}} : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %kt = tl.transpose %k : tensor<64x64xbf16> -> tensor<64x64xbf16>
    // CHECK: tl.matmul
    %s = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    // CHECK: tl.scale %{{.*}} by 1.250000e-01 : tensor<64x64xbf16>
    %ss = tl.scale %s by 0.125 : tensor<64x64xbf16>
    // CHECK: tl.rowmax %{{.*}} : tensor<64x64xbf16> -> tensor<64x32xbf16>
    %m = tl.rowmax %ss : tensor<64x64xbf16> -> tensor<64x32xbf16>
    // CHECK: tl.sub %{{.*}}, %{{.*}} bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
    %d = tl.sub %ss, %m bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
    // CHECK: tl.exp
    %p = tl.exp %d : tensor<64x64xbf16>
    // CHECK: tl.rowsum
    %l = tl.rowsum %p : tensor<64x64xbf16> -> tensor<64x32xbf16>
    // CHECK: tl.recip
    %r = tl.recip %l : tensor<64x32xbf16>
    // CHECK: tl.bcast %{{.*}} cols : tensor<64x32xbf16> -> tensor<64x64xbf16>
    %rb = tl.bcast %r cols : tensor<64x32xbf16> -> tensor<64x64xbf16>
    // CHECK: tl.mul %{{.*}}, %{{.*}} : tensor<64x64xbf16>, tensor<64x64xbf16>
    %o = tl.mul %p, %rb : tensor<64x64xbf16>, tensor<64x64xbf16>
    // CHECK: tl.add
    %o2 = tl.add %o, %o : tensor<64x64xbf16>, tensor<64x64xbf16>
    // CHECK: tl.max %{{.*}}, %{{.*}} bcast rows : tensor<64x64xbf16>, tensor<32x64xbf16>
    %row = tl.fill 0.0 : tensor<32x64xbf16>
    %o3 = tl.max %o2, %row bcast rows : tensor<64x64xbf16>, tensor<32x64xbf16>
    // CHECK: tl.fill 0xFFF0000000000000 : tensor<64x32xbf16>
    %ninf = tl.fill 0xFFF0000000000000 : tensor<64x32xbf16>
    %m2 = tl.max %m, %ninf : tensor<64x32xbf16>, tensor<64x32xbf16>
    // CHECK: tl.yield %{{.*}}, %{{.*}} : tensor<64x64xbf16>, tensor<64x32xbf16>
    tl.yield %o3, %m2 : tensor<64x64xbf16>, tensor<64x32xbf16>
  }
  // A kernel with no inputs writes a temporary.
  // CHECK: tl.kernel @init ins [] outs [@T] {
  tl.kernel @init ins [] outs [@T] {
    %z = tl.fill 1.0 : tensor<128x64xf32>
    // CHECK: tl.yield %{{.*}} : tensor<128x64xf32>
    tl.yield %z : tensor<128x64xf32>
  }
}
