// dstlab's restatement, in tl, of tt-mlir 19c86fca45's lit tests of the DST
// passes (test/ttmlir/Dialect/D2M/Transforms/insert_dst_register_access*.mlir,
// op_scheduler.mlir) that lit-restated.mlir does not already cover. Each
// program names the test it stands for; an op dstlab lacks is replaced by
// one with the same DST interface (the test's point is its DST use).

// insert_dst_register_access_f32_binary: an f32 tile_add loads both operands
// into DST (slices 0 and 1); the unary op after it works in place.
tl.program @f32_binary grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>):
    %s = tl.add %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %r = tl.recip %s : tensor<32x32xf32>
    tl.yield %r : tensor<32x32xf32>
  }
}

// insert_dst_register_access_eltwise (FPU add): a bf16 tile_add of two CB
// tiles reads no operand from DST; only its result is packed from DST.
tl.program @fpu_add grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @B input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A, @B] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>, %b: tensor<32x32xbf16>):
    %s = tl.add %a, %b : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %s : tensor<32x32xbf16>
  }
}

// insert_dst_register_access_implicit_bcast: a column broadcast of a CB
// input is copied into DST through the bcast (tile_div -> tile_maximum).
tl.program @implicit_bcast_col grid [1, 1] {
  tl.tensor @A input : tensor<32x32xbf16>
  tl.tensor @C input colvec : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@A, @C] outs [@O] {
  ^bb0(%a: tensor<32x32xbf16>, %c: tensor<32x32xbf16>):
    %m = tl.max %a, %c bcast cols : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}

// insert_dst_register_access_scheduled_end_to_end: three f32 inputs fused
// into one generic of four operands: the op scheduler tags the root, the
// scheduled pass copies loads in place (tile_div -> tile_maximum).
tl.program @scheduled_end_to_end grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @C input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B, @C] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>, %c: tensor<32x32xf32>):
    %s = tl.add %a, %b : tensor<32x32xf32>, tensor<32x32xf32>
    %m = tl.max %s, %c : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %m : tensor<32x32xf32>
  }
}

// op_scheduler: a pure tree of four inputs (tile_pow/log/div -> maximum,
// exp): the heavier subtree is scheduled first.
tl.program @op_scheduler_tree grid [1, 1] {
  tl.tensor @A input : tensor<32x32xf32>
  tl.tensor @B input : tensor<32x32xf32>
  tl.tensor @C input : tensor<32x32xf32>
  tl.tensor @D input : tensor<32x32xf32>
  tl.tensor @O output : tensor<32x32xf32>
  tl.kernel @k ins [@A, @B, @C, @D] outs [@O] {
  ^bb0(%a: tensor<32x32xf32>, %b: tensor<32x32xf32>, %c: tensor<32x32xf32>, %d: tensor<32x32xf32>):
    %e = tl.exp %a : tensor<32x32xf32>
    %x = tl.max %b, %c : tensor<32x32xf32>, tensor<32x32xf32>
    %y = tl.max %x, %d : tensor<32x32xf32>, tensor<32x32xf32>
    %m = tl.max %e, %y : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %m : tensor<32x32xf32>
  }
}

// insert_dst_register_access_scheduled_skips_unscheduled_roots and
// _unscheduled_skips_scheduled_roots: a generic of four operands holding a
// matmul nest and an eltwise nest; both roots are tagged and take the
// scheduled path.
tl.program @scheduled_roots grid [1, 1] {
  tl.tensor @Q input : tensor<32x32xbf16>
  tl.tensor @K input : tensor<32x32xbf16>
  tl.tensor @Z input : tensor<32x32xbf16>
  tl.tensor @O output : tensor<32x32xbf16>
  tl.kernel @k ins [@Q, @K, @Z] outs [@O] {
  ^bb0(%q: tensor<32x32xbf16>, %k: tensor<32x32xbf16>, %z: tensor<32x32xbf16>):
    %s = tl.matmul %q, %k : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %m = tl.max %s, %z : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %m : tensor<32x32xbf16>
  }
}
