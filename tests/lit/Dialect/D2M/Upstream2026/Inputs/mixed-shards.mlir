// Input of shard-size.test: one kernel with a two-tile output (exp(x)) and
// a one-tile output (rowmax(x)).
tl.program @mixed grid [1, 1] {
  tl.tensor @X input : tensor<32x64xbf16>
  tl.tensor @E output : tensor<32x64xbf16>
  tl.tensor @M output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@X] outs [@E, @M] {
  ^bb0(%x: tensor<32x64xbf16>):
    %e = tl.exp %x : tensor<32x64xbf16>
    %m = tl.rowmax %x : tensor<32x64xbf16> -> tensor<32x32xbf16>
    tl.yield %e, %m : tensor<32x64xbf16>, tensor<32x32xbf16>
  }
}
