// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_5_unary_reduce__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins()
        outs(%in0 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>
      %v0 = d2m.reserve %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      "linalg.generic"(%v0) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb1(%a2: !ttcore.tile<32x32, f32>):
          %s3 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
          %v4 = "d2m.tile_fill"(%s3) : (f32) -> !ttcore.tile<32x32, f32>
          %v5 = "d2m.tile_bcast"(%v4) <{bcast_type = #d2m<tile_bcast_type row>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          "linalg.yield"(%v5) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
    }
    return
  }
}
