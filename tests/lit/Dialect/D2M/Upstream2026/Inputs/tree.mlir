// Input of op-scheduler-dag.test: max(exp(x), max(y, z)), a pure tree.
tl.program @tree grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  tl.tensor @Y input : tensor<32x32xbf16>
  tl.tensor @Z input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@X, @Y, @Z] outs [@O] {
  ^bb0(%x: tensor<32x32xbf16>, %y: tensor<32x32xbf16>, %z: tensor<32x32xbf16>):
    %e = tl.exp %x : tensor<32x32xbf16>
    %b = tl.max %y, %z : tensor<32x32xbf16>, tensor<32x32xbf16>
    %m = tl.max %e, %b : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
