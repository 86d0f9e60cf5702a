// dstlab export for tt-mlir ae4e7b838c (ae4e7b838cb2990edcd8d6ad7beca7605c722401)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fuzz_18_4_multi_user__k(%in0: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>, %in1: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    d2m.generic {block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], threads = [#d2m.thread<compute>]}
        ins(%in0 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>)
        outs(%in1 : memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #l1_>) {
    ^compute0(%cb0: !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>, %cb1: !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>>):
      %v0 = d2m.wait %cb0 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      %v1 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>)
      %v2 = d2m.reserve %cb1 : !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #l1_>> -> memref<1x1x!ttcore.tile<32x32, f32>, #l1_>
      "linalg.generic"(%v0, %v0, %v1, %v1, %v1, %v2) <{indexing_maps = [affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 2, 4>}> ({
        ^bb3(%a4: !ttcore.tile<32x32, f32>, %a5: !ttcore.tile<32x32, f32>, %a6: !ttcore.tile<32x32, f32>, %a7: !ttcore.tile<32x32, f32>, %a8: !ttcore.tile<32x32, f32>, %a9: !ttcore.tile<32x32, f32>):
          %v10 = "d2m.tile_matmul"(%a4, %a5, %a6) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v11 = "d2m.tile_matmul"(%a4, %a5, %a7) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v12 = "d2m.tile_matmul"(%a4, %a5, %a8) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v13 = "d2m.tile_add"(%v12, %v11) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v14 = "d2m.tile_add"(%v13, %v10) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          "linalg.yield"(%v10, %v11, %v12, %v14) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> ()
      }) : (memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>, memref<1x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
    }
    return
  }
}
