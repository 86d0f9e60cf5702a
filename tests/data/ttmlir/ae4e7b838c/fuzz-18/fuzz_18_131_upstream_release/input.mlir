// dstlab export for tt-mlir ae4e7b838c (ae4e7b838cb2990edcd8d6ad7beca7605c722401)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_131_upstream_release__k(%in0: memref<1x1x3x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>, %in1: memref<1x1x1x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>, %in2: memref<1x1x2x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in3: memref<1x1x1x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<compute>]}
        ins(%in0, %in1, %in2 : memref<1x1x3x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>, memref<1x1x1x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>, memref<1x1x2x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>)
        outs(%in3 : memref<1x1x1x3x!ttcore.tile<32x32, bf16>, #ttcore.shard<6144x2048, 1>, #l1_>) {
    ^compute0(%cb0: !d2m.cb<memref<3x3x!ttcore.tile<32x32, bf16>, #l1_>>, %cb1: !d2m.cb<memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>>, %cb2: !d2m.cb<memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb3: !d2m.cb<memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>>):
      %v0 = d2m.wait %cb0 : !d2m.cb<memref<3x3x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<3x3x!ttcore.tile<32x32, bf16>, #l1_>
      %v1 = d2m.wait %cb1 : !d2m.cb<memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>
      %v2 = d2m.wait %cb2 : !d2m.cb<memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v3 = d2m.reserve %cb3 : !d2m.cb<memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>
      "linalg.generic"(%v1, %v3) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb4(%a5: !ttcore.tile<32x32, bf16>, %a6: !ttcore.tile<32x32, bf16>):
          %v7 = "d2m.tile_sub"(%a5, %a5) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v8 = "d2m.tile_sub"(%v7, %a5) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v9 = "d2m.tile_sub"(%a5, %a5) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v10 = "d2m.tile_sub"(%v9, %a5) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v11 = "d2m.tile_mul"(%v10, %v8) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v11) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x3x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
    }
    return
  }
}
