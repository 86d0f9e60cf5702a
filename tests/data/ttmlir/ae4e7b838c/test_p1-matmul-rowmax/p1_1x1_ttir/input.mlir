// dstlab export for tt-mlir ae4e7b838c (ae4e7b838cb2990edcd8d6ad7beca7605c722401)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @p1_1x1_ttir__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in2: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in3: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    d2m.generic {block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], threads = [#d2m.thread<compute>]}
        ins(%in0, %in1, %in2 : memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>)
        outs(%in3 : memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    ^compute0(%cb0: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb1: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb2: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>, %cb3: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>):
      %v0 = d2m.wait %cb2 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v1 = d2m.wait %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v2 = d2m.wait %cb1 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v3 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>)
      "linalg.generic"(%v1, %v2, %v3) <{indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 2, 1>}> ({
        ^bb4(%a5: !ttcore.tile<32x32, bf16>, %a6: !ttcore.tile<32x32, bf16>, %a7: !ttcore.tile<32x32, bf16>):
          %v8 = "d2m.tile_transpose"(%a6) : (!ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          %v9 = "d2m.tile_matmul"(%a5, %v8, %a7) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v9) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
      %v10 = d2m.reserve %cb3 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      "linalg.generic"(%v3, %v0, %v10) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (0, 0)>, affine_map<(d0, d1) -> (d0, 0)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], operandSegmentSizes = array<i32: 2, 1>}> ({
        ^bb11(%a12: !ttcore.tile<32x32, bf16>, %a13: !ttcore.tile<32x32, bf16>, %a14: !ttcore.tile<32x32, bf16>):
          %v15 = "d2m.tile_reduce_max"(%a12, %a13, %a14) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v15) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
    }
    return
  }
}
