// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_1_unary_reduce__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>, %in1: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins(%in0 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>)
        outs(%in1 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>
      %cb1 = d2m.get_cb(1) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>
      %v0 = d2m.wait %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      %v1 = d2m.reserve %cb1 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      "linalg.generic"(%v0, %v1) <{indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb2(%a3: !ttcore.tile<32x32, f32>, %a4: !ttcore.tile<32x32, f32>):
          %s5 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
          %v6 = "d2m.tile_fill"(%s5) : (f32) -> !ttcore.tile<32x32, f32>
          %s7 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
          %v8 = "d2m.tile_fill"(%s7) : (f32) -> !ttcore.tile<32x32, f32>
          %v9 = "d2m.tile_add"(%v8, %v6) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v10 = "d2m.tile_bcast"(%a3) <{bcast_type = #d2m<tile_bcast_type col>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v11 = "d2m.tile_sub"(%v9, %v10) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v12 = "d2m.tile_reduce_max"(%v11, %v11, %v11) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          "linalg.yield"(%v12) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
    }
    return
  }
}
