// dstlab's own restatement, in tl, of what tt-mlir ae4e7b838c's 11 lit tests
// of d2m-insert-dst-register-access exercise (test/ttmlir/Dialect/D2M/
// Transforms/insert_dst_register_access*.mlir). Each program names the test
// it stands for; conformance.py lists the tests dstlab cannot express.

// insert_dst_register_access_eltwise: a binary SFPU op on one f32 tile.
tl.program @eltwise_binary grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>):
    %m = tl.max %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %m : tensor<32x32xf32>
  }
}

// insert_dst_register_access_eltwise: intermediates kept in DST through a
// chain of two ops.
tl.program @eltwise_chain_2 grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>):
    %m = tl.max %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %e = tl.exp %m : tensor<32x32xf32>
    tl.yield %e : tensor<32x32xf32>
  }
}

// insert_dst_register_access_eltwise: a longer chain mixing binary and
// unary ops.
tl.program @eltwise_chain_3 grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @C input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B, @C] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>, %c: tensor<32x32xf32>):
    %s = tl.add %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %e = tl.exp %s : tensor<32x32xf32>
    %m = tl.mul %e, %c : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %m : tensor<32x32xf32>
  }
}

// insert_dst_register_access_eltwise: a unary op on a multi-tile block.
tl.program @eltwise_unary_2x4 grid [1, 1] {
  tl.tensor @A input : tensor<64x128xf32>
  tl.tensor @O output : tensor<64x128xf32>
  tl.kernel @k ins [@A] outs [@O] {
  ^bb0(%a: tensor<64x128xf32>):
    %e = tl.exp %a : tensor<64x128xf32>
    tl.yield %e : tensor<64x128xf32>
  }
}

// insert_dst_register_access_matmul_tile (@no_loops): one tile_matmul.
tl.program @matmul_tile_1x1 grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>):
    %c = tl.matmul %a, %b : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %c : tensor<32x32xf32>
  }
}

// insert_dst_register_access_matmul_tile (@generic_matmul): a matmul over
// multi-tile blocks with a reduction loop.
tl.program @matmul_tile_2x2 grid [1, 1] {
  tl.tensor @A input : tensor<64x64xbf16>
  tl.tensor @B input : tensor<64x64xbf16>
  tl.tensor @O output : tensor<64x64xbf16>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<64x64xbf16>, %b: tensor<64x64xbf16>):
    %c = tl.matmul %a, %b : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %c : tensor<64x64xbf16>
  }
}

// insert_dst_register_access_multiple_nests: several compute nests in one
// region (a matmul keeps its own nest between eltwise ones).
tl.program @multiple_nests grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @B input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>, %b: tensor<32x32xbf16>):
    %e = tl.exp %a : tensor<32x32xbf16>
    %c = tl.matmul %e, %b : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %r = tl.recip %c : tensor<32x32xbf16>
    tl.yield %r : tensor<32x32xbf16>
  }
}

// insert_dst_register_access_skip_generics: a region with no tile compute
// (here a plain copy) gets no DST.
tl.program @skip_copy grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>):
    tl.yield %a : tensor<32x32xbf16>
  }
}

// insert_dst_register_access_missing_linalg_to_affine: the DST pass run on
// linalg.generic (conformance.py runs this one without linalg-to-affine).
tl.program @missing_linalg_to_affine grid [1, 1] {
  tl.tensor @A input : tensor<64x128xf32>
  tl.tensor @O output : tensor<64x128xf32>
  tl.kernel @k ins [@A] outs [@O] {
  ^bb0(%a: tensor<64x128xf32>):
    %e = tl.exp %a : tensor<64x128xf32>
    tl.yield %e : tensor<64x128xf32>
  }
}
