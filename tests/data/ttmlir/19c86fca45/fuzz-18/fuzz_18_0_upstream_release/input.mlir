// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_0_upstream_release__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins()
        outs(%in0 : memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>
      %v0 = d2m.reserve %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      "linalg.generic"(%v0) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb1(%a2: !ttcore.tile<32x32, bf16>):
          %s3 = "arith.constant"() <{value = 1.000000e+00 : bf16}> : () -> bf16
          %v4 = "d2m.tile_fill"(%s3) : (bf16) -> !ttcore.tile<32x32, bf16>
          %v5 = "d2m.tile_reduce_max"(%v4, %v4, %v4) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v5) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
    }
    return
  }
}
