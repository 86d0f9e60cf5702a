"builtin.module"() ({
  "ttcore.device"() <{device_attr = #ttcore.device<workerGrid = #ttcore.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) floordiv 12) * s4 + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = , chipIds = [0]>, sym_name = "default_device"}> : () -> ()
  "func.func"() <{function_type = (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "rowmax_of_exp_ttir__k"}> ({
  ^bb0(%arg0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg2: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg0, %arg1, %arg2) <{block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], operandSegmentSizes = array<i32: 2, 1>, threads = [#d2m.thread<compute>]}> ({
    ^bb0(%arg3: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>, %arg4: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>, %arg5: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>):
      %0 = "arith.constant"() <{value = 1 : index}> : () -> index
      %1 = "arith.constant"() <{value = 0 : index}> : () -> index
      %2 = "d2m.wait"(%arg4) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %3 = "d2m.wait"(%arg3) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %4 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "scf.for"(%1, %0, %0) ({
      ^bb0(%arg14: index):
        "scf.for"(%1, %0, %0) ({
        ^bb0(%arg15: index):
          %17 = "memref.subview"(%3, %arg14, %arg15) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %18 = "memref.subview"(%4, %arg14, %arg15) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %19 = "d2m.acquire_dst"() : () -> memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg20: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg21: index):
              %23 = "affine.load"(%17, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%23, %19, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg18: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg19: index):
              %21 = "affine.load"(%19, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %22 = "d2m.tile_exp"(%21) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%22, %19, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg16: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg17: index):
              %20 = "affine.load"(%19, %arg16, %arg17) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%20, %18, %arg16, %arg17) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      %5 = "d2m.reserve"(%arg5) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "scf.for"(%1, %0, %0) ({
      ^bb0(%arg6: index):
        "scf.for"(%1, %0, %0) ({
        ^bb0(%arg7: index):
          %6 = "memref.subview"(%4, %arg6, %arg7) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %7 = "memref.subview"(%5, %arg6) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %8 = "d2m.acquire_dst"() : () -> memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg12: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg13: index):
              %16 = "affine.load"(%7, %arg12, %1) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%16, %8, %arg12, %1) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg10: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg11: index):
              %10 = "affine.load"(%6, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %11 = "affine.load"(%2, %1, %1) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %12 = "affine.load"(%8, %arg10, %1) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %13 = "d2m.tile_reduce_max"(%10, %11, %12) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              %14 = "d2m.iter_index"() <{dim = 1 : i64}> : () -> index
              %15 = "arith.cmpi"(%14, %1) <{predicate = 1 : i64}> : (index, index) -> i1
              "scf.if"(%15) ({
                "d2m.packer_mask_reset"() : () -> ()
                "scf.yield"() : () -> ()
              }, {
              }) : (i1) -> ()
              "affine.store"(%13, %8, %arg10, %1) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg8: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg9: index):
              %9 = "affine.load"(%8, %arg8, %1) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%9, %7, %arg8, %1) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
    }) : (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {ttcore.system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux-gnu"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 1024, erisc_l1_unreserved_base = 1024, dram_unreserved_base = 1024, dram_unreserved_end = 1073741824, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>} : () -> ()
