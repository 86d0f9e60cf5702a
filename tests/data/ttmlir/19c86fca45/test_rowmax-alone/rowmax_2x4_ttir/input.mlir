// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @rowmax_2x4_ttir__k(%in0: memref<1x1x2x4x!ttcore.tile<32x32, bf16>, #ttcore.shard<8192x2048, 1>, #l1_>, %in1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>, %in2: memref<1x1x2x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins(%in0, %in1 : memref<1x1x2x4x!ttcore.tile<32x32, bf16>, #ttcore.shard<8192x2048, 1>, #l1_>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>)
        outs(%in2 : memref<1x1x2x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<2x4x!ttcore.tile<32x32, bf16>, #l1_>>
      %cb1 = d2m.get_cb(1) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>>
      %cb2 = d2m.get_cb(2) : !d2m.cb<memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>>
      %v0 = d2m.wait %cb1 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>
      %v1 = d2m.wait %cb0 : !d2m.cb<memref<2x4x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<2x4x!ttcore.tile<32x32, bf16>, #l1_>
      %v2 = d2m.reserve %cb2 : !d2m.cb<memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>> -> memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>
      "linalg.generic"(%v1, %v0, %v2) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (0, 0)>, affine_map<(d0, d1) -> (d0, 0)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], operandSegmentSizes = array<i32: 2, 1>}> ({
        ^bb3(%a4: !ttcore.tile<32x32, bf16>, %a5: !ttcore.tile<32x32, bf16>, %a6: !ttcore.tile<32x32, bf16>):
          %v7 = "d2m.tile_reduce_max"(%a4, %a5, %a6) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> (!ttcore.tile<32x32, bf16>)
          "linalg.yield"(%v7) : (!ttcore.tile<32x32, bf16>) -> ()
      }) : (memref<2x4x!ttcore.tile<32x32, bf16>, #l1_>, memref<1x1x!ttcore.tile<32x32, bf16>, #l1_>, memref<2x1x!ttcore.tile<32x32, bf16>, #l1_>) -> ()
    }
    return
  }
}
