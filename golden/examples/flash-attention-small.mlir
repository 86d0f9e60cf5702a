// Single-kernel flash attention with online softmax, written at the tl level.
// Q is 64x64 (one work item on a 1x1 grid); K and V are 128x64, streamed in
// four 32-row blocks. For each KV block j:
//   S   = Q . Kj^T * scale                      (64x32)
//   m'  = max(m, rowmax(S))                     (64x32 column vector)
//   P   = exp(S - m' bcast cols)
//   c   = exp(m - m')
//   l   = c * l + rowsum(P)
//   acc = acc * c (bcast cols) + P . Vj         (64x64)
//   m   = m'
// and finally O = acc * recip(l) (bcast cols).
// The golden interpreter of this program equals
// softmax(Q K^T * 0.125) V (golden::attentionReference) to ~1e-12.
tl.program @flash_attention_small grid [1, 1] attributes {tl.attention = {q = "Q", k = "K", v = "V", out = "O", scale = 0.125 : f64}} {
  tl.tensor @Q input : tensor<64x64xbf16>
  tl.tensor @K input : tensor<128x64xbf16>
  tl.tensor @V input : tensor<128x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @fa ins [@Q, @K, @V] outs [@O] {
  ^bb0(%q: tensor<64x64xbf16>, %ks: !tl.stream<tensor<32x64xbf16>, 4>, %vs: !tl.stream<tensor<32x64xbf16>, 4>):
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c4 = arith.constant 4 : index
    %m0 = tl.fill 0xFFF0000000000000 : tensor<64x32xbf16>
    %l0 = tl.fill 0.0 : tensor<64x32xbf16>
    %acc0 = tl.fill 0.0 : tensor<64x64xbf16>
    %m, %l, %acc = scf.for %j = %c0 to %c4 step %c1
        iter_args(%mi = %m0, %li = %l0, %acci = %acc0)
        -> (tensor<64x32xbf16>, tensor<64x32xbf16>, tensor<64x64xbf16>) {
      %k = tl.read %ks[%j] : !tl.stream<tensor<32x64xbf16>, 4>
      %v = tl.read %vs[%j] : !tl.stream<tensor<32x64xbf16>, 4>
      %kt = tl.transpose %k : tensor<32x64xbf16> -> tensor<64x32xbf16>
      %qk = tl.matmul %q, %kt : tensor<64x64xbf16>, tensor<64x32xbf16> -> tensor<64x32xbf16>
      %s = tl.scale %qk by 0.125 : tensor<64x32xbf16>
      %smax = tl.rowmax %s : tensor<64x32xbf16> -> tensor<64x32xbf16>
      %mn = tl.max %mi, %smax : tensor<64x32xbf16>, tensor<64x32xbf16>
      %d = tl.sub %s, %mn bcast cols : tensor<64x32xbf16>, tensor<64x32xbf16>
      %p = tl.exp %d : tensor<64x32xbf16>
      %dm = tl.sub %mi, %mn : tensor<64x32xbf16>, tensor<64x32xbf16>
      %c = tl.exp %dm : tensor<64x32xbf16>
      %lc = tl.mul %c, %li : tensor<64x32xbf16>, tensor<64x32xbf16>
      %ps = tl.rowsum %p : tensor<64x32xbf16> -> tensor<64x32xbf16>
      %ln = tl.add %lc, %ps : tensor<64x32xbf16>, tensor<64x32xbf16>
      %ac = tl.mul %acci, %c bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
      %pv = tl.matmul %p, %v : tensor<64x32xbf16>, tensor<32x64xbf16> -> tensor<64x64xbf16>
      %an = tl.add %ac, %pv : tensor<64x64xbf16>, tensor<64x64xbf16>
      scf.yield %mn, %ln, %an : tensor<64x32xbf16>, tensor<64x32xbf16>, tensor<64x64xbf16>
    }
    %r = tl.recip %l : tensor<64x32xbf16>
    %o = tl.mul %acc, %r bcast cols : tensor<64x64xbf16>, tensor<64x32xbf16>
    tl.yield %o : tensor<64x64xbf16>
  }
}
