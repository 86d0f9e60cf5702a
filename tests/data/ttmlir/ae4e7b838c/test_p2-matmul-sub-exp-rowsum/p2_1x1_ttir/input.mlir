// dstlab export for tt-mlir ae4e7b838c (ae4e7b838cb2990edcd8d6ad7beca7605c722401)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @p2_1x1_ttir__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in2: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in3: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    d2m.generic {block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], threads = [#d2m.thread<compute>]}
        ins(%in0, %in1, %in2 : memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>)
        outs(%in3 : memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    ^compute0(%cb0: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb1: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb2: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb3: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>):
      %v0 = d2m.wait %cb2 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v1 = d2m.wait %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v2 = d2m.wait %cb1 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v3 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>)
      %v4 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>)
      "linalg.generic"(%v1, %v2, %v1, %v3, %v4) <{indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 3, 2>}> ({
        ^bb5(%a6: !ttcore.tile<32x32, bf16>, %a7: !ttcore.tile<32x32, bf16>, %a8: !ttcore.tile<32x32, bf16>, %a9: !ttcore.tile<32x32, bf16>, %a10: !ttcore.tile<32x32, bf16>):
          %v11 = "d2m.tile_transpose"(%a7) : (!ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v12 = "d2m.tile_matmul"(%a6, %v11, %a9) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v13 = "d2m.tile_sub"(%v12, %a8) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v14 = "d2m.tile_exp"(%v13) : (!ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v12, %v14) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
      %v15 = d2m.reserve %cb3 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      "linalg.generic"(%v4, %v0, %v15) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (0, 0)>, affine_map<(d0, d1) -> (d0, 0)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], operandSegmentSizes = array<i32: 2, 1>}> ({
        ^bb16(%a17: !ttcore.tile<32x32, bf16>, %a18: !ttcore.tile<32x32, bf16>, %a19: !ttcore.tile<32x32, bf16>):
          %v20 = "d2m.tile_reduce_sum"(%a17, %a18, %a19) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v20) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
    }
    return
  }
}
