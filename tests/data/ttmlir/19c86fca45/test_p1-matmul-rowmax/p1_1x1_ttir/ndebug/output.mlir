"builtin.module"() ({
  "ttcore.device"() <{device_attr = #ttcore.device<workerGrid = #ttcore.grid<8x8, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, dramGrid = #ttcore.grid<1x12>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) floordiv 12) * s4 + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = , chipIds = [0]>, sym_name = "default_device"}> : () -> ()
  "func.func"() <{function_type = (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "p1_1x1_ttir__k"}> ({
  ^bb0(%arg0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg2: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg3: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg0, %arg1, %arg2, %arg3) <{block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], operandSegmentSizes = array<i32: 3, 1, 0>, threads = [#d2m.thread<unified>]}> ({
      %0 = "d2m.get_cb"() <{cb_operand_idx = 0 : i64}> : () -> !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %1 = "d2m.get_cb"() <{cb_operand_idx = 1 : i64}> : () -> !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %2 = "d2m.get_cb"() <{cb_operand_idx = 2 : i64}> : () -> !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %3 = "d2m.get_cb"() <{cb_operand_idx = 3 : i64}> : () -> !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %4 = "d2m.wait"(%2) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %5 = "d2m.wait"(%0) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %6 = "d2m.wait"(%1) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %7 = "d2m.scratch_allocate"() <{slot = 0 : i64}> : () -> memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %8 = "d2m.reserve"(%3) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
      ^bb0(%arg10: index):
        "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
        ^bb0(%arg11: index):
          %17 = "memref.subview"(%5, %arg10) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %18 = "memref.subview"(%6, %arg11) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %19 = "d2m.acquire_dst"() : () -> memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg14: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg15: index):
              %21 = "affine.load"(%17, %arg14) <{map = affine_map<(d0) -> (d0, 0)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index) -> !ttcore.tile<32x32, bf16>
              %22 = "affine.load"(%18, %arg15) <{map = affine_map<(d0) -> (0, d0)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index) -> !ttcore.tile<32x32, bf16>
              %23 = "d2m.tile_transpose"(%22) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%23, %19, %arg14, %arg15) <{map = affine_map<(d0, d1) -> (d0 + d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              %24 = "affine.load"(%19, %arg14, %arg15) <{map = affine_map<(d0, d1) -> (d0 + d1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %25 = "affine.load"(%7, %arg10, %arg11, %arg14, %arg15) <{map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>}> : (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%25, %19, %arg14, %arg15) <{map = affine_map<(d0, d1) -> (d0 + d1 + 1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              %26 = "affine.load"(%19, %arg14, %arg15) <{map = affine_map<(d0, d1) -> (d0 + d1 + 1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %27 = "d2m.tile_matmul"(%21, %24, %26) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%27, %19, %arg14, %arg15) <{map = affine_map<(d0, d1) -> (d0 + d1 + 1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg12: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg13: index):
              %20 = "affine.load"(%19, %arg12, %arg13) <{map = affine_map<(d0, d1) -> (d0 + d1 + 1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%20, %7, %arg10, %arg11, %arg12, %arg13) <{map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.yield"() : () -> ()
        }) : () -> ()
        "affine.yield"() : () -> ()
      }) {d2m.scratch_inserted, d2m.scratch_space_loop} : () -> ()
      "d2m.unpack_stall_on_pack"() : () -> ()
      "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
      ^bb0(%arg4: index):
        "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
        ^bb0(%arg5: index):
          %9 = "memref.subview"(%8, %arg4) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %10 = "d2m.acquire_dst"() : () -> memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg8: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg9: index):
              %12 = "affine.load"(%7, %arg4, %arg5, %arg8, %arg9) <{map = affine_map<(d0, d1, d2, d3) -> (d0, d1, d2, d3)>}> : (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index, index, index) -> !ttcore.tile<32x32, bf16>
              %13 = "affine.load"(%4) <{map = affine_map<() -> (0, 0)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>) -> !ttcore.tile<32x32, bf16>
              %14 = "affine.load"(%9, %arg8) <{map = affine_map<(d0) -> (d0, 0)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%14, %10, %arg8) <{map = affine_map<(d0) -> (d0)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index) -> ()
              %15 = "affine.load"(%10, %arg8) <{map = affine_map<(d0) -> (d0)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index) -> !ttcore.tile<32x32, bf16>
              %16 = "d2m.tile_reduce_max"(%12, %13, %15) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%16, %10, %arg8) <{map = affine_map<(d0) -> (d0)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg6: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg7: index):
              %11 = "affine.load"(%10, %arg6) <{map = affine_map<(d0) -> (d0)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%11, %9, %arg6) <{map = affine_map<(d0) -> (d0, 0)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.yield"() : () -> ()
        }) : () -> ()
        "affine.yield"() : () -> ()
      }) {d2m.scratch_inserted, d2m.scratch_space_loop} : () -> ()
    }) : (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {ttcore.system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux-gnu"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 1024, erisc_l1_unreserved_base = 1024, dram_unreserved_base = 1024, dram_unreserved_end = 1073741824, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2, dram_grid = 1x12, dram_bank_to_logical_worker_noc0 = [(7, 3), (0, 0), (3, 0), (4, 0), (0, 4), (7, 7), (1, 4), (6, 4), (5, 4), (2, 6), (3, 4), (4, 4)], dram_bank_to_logical_worker_noc1 = [(7, 3), (0, 0), (3, 0), (4, 0), (0, 4), (7, 7), (1, 4), (6, 4), (5, 4), (2, 6), (3, 4), (4, 4)]}], [0], [1 : i32], [ 0x0x0x0]>} : () -> ()
