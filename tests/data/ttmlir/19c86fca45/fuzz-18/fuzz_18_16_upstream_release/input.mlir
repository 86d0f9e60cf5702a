// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_16_upstream_release__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins()
        outs(%in0 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>
      %v0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %v1 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %v2 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v2) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb3(%a4: !ttcore.tile<32x32, f32>):
          %s5 = "arith.constant"() <{value = 1.000000e+00 : f32}> : () -> f32
          %v6 = "d2m.tile_fill"(%s5) : (f32) -> !ttcore.tile<32x32, f32>
          "linalg.yield"(%v6) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v7 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v2, %v7) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb8(%a9: !ttcore.tile<32x32, f32>, %a10: !ttcore.tile<32x32, f32>):
          "linalg.yield"(%a9) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      "scf.for"(%v0, %v1, %v1) ({
        ^bb11(%a12: index):
          "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      %v13 = d2m.reserve %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      "linalg.generic"(%v7, %v13) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb14(%a15: !ttcore.tile<32x32, f32>, %a16: !ttcore.tile<32x32, f32>):
          "linalg.yield"(%a15) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
    }
    return
  }
}
