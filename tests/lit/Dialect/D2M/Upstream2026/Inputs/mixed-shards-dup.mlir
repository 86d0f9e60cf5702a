// Input of shard-size.test: a two-tile output (a fill) and a one-tile one
// (max(exp(y), recip(y)), whose shared load of y fails the DST pass).
tl.program @mixed_dup grid [1, 1] {
  tl.tensor @Y input : tensor<32x32xbf16>
  tl.tensor @F output : tensor<32x64xbf16>
  tl.tensor @M output : tensor<32x32xbf16>
  tl.kernel @k ins [@Y] outs [@F, @M] {
  ^bb0(%y: tensor<32x32xbf16>):
    %f = tl.fill 1.0 : tensor<32x64xbf16>
    %a = tl.exp %y : tensor<32x32xbf16>
    %r = tl.recip %y : tensor<32x32xbf16>
    %m = tl.max %a, %r : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %f, %m : tensor<32x64xbf16>, tensor<32x32xbf16>
  }
}
