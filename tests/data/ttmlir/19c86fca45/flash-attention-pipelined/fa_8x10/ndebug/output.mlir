"builtin.module"() ({
  "ttcore.device"() <{device_attr = #ttcore.device<workerGrid = #ttcore.grid<8x8, virt_to_physical_map = (d0, d1) -> (0, d0, d1), physical_to_virt_map = (d0, d1, d2) -> (d1, d2)>, dramGrid = #ttcore.grid<1x12>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) floordiv 12) * s4 + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = , chipIds = [0]>, sym_name = "default_device"}> : () -> ()
  "func.func"() <{function_type = (memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "fa_8x10__scores"}> ({
  ^bb0(%arg15: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, %arg16: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, %arg17: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg15, %arg16, %arg17) <{block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], operandSegmentSizes = array<i32: 2, 1, 0>, threads = [#d2m.thread<unified>]}> ({
      %18 = "arith.constant"() <{value = 0 : index}> : () -> index
      %19 = "d2m.get_cb"() <{cb_operand_idx = 0 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %20 = "d2m.get_cb"() <{cb_operand_idx = 1 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %21 = "d2m.get_cb"() <{cb_operand_idx = 2 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %22 = "d2m.wait"(%19) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %23 = "d2m.wait"(%20) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %24 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
      ^bb0(%arg24: index):
        "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 2 : index, upperBoundMap = affine_map<() -> (2)>}> ({
        ^bb0(%arg25: index):
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 2 : index, upperBoundMap = affine_map<() -> (2)>}> ({
          ^bb0(%arg26: index):
            %36 = "memref.subview"(%22, %arg24, %arg26) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %37 = "memref.subview"(%23, %arg26, %arg25) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<2x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %38 = "memref.subview"(%24, %arg24, %arg25) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %39 = "d2m.acquire_dst"() : () -> memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
            %40 = "arith.cmpi"(%arg26, %18) <{predicate = 1 : i64}> : (index, index) -> i1
            "scf.if"(%40) ({
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
              ^bb0(%arg33: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg34: index):
                  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                  ^bb0(%arg35: index):
                    %48 = "affine.load"(%38, %arg33, %arg34) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                    "affine.store"(%48, %39, %arg33, %arg34) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1 + 2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
                    "affine.yield"() : () -> ()
                  }) : () -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
              "scf.yield"() : () -> ()
            }, {
            }) : (i1) -> ()
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg30: index):
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
              ^bb0(%arg31: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg32: index):
                  %42 = "affine.load"(%36, %arg30, %arg32) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %43 = "affine.load"(%37, %arg32, %arg31) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %44 = "affine.load"(%39, %arg30, %arg31) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1 + 2)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %45 = "d2m.tile_transpose"(%43) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
                  "affine.store"(%45, %39, %arg30, %arg31, %arg32) <{map = affine_map<(d0, d1, d2) -> (d0 * 4 + d1 * 2 + d2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> ()
                  %46 = "affine.load"(%39, %arg30, %arg31, %arg32) <{map = affine_map<(d0, d1, d2) -> (d0 * 4 + d1 * 2 + d2)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, bf16>
                  %47 = "d2m.tile_matmul"(%42, %46, %44) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
                  "affine.store"(%47, %39, %arg30, %arg31) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1 + 2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) : () -> ()
              "affine.yield"() : () -> ()
            }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg27: index):
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
              ^bb0(%arg28: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg29: index):
                  %41 = "affine.load"(%39, %arg27, %arg28) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1 + 2)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
                  "affine.store"(%41, %38, %arg27, %arg28) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) : () -> ()
              "affine.yield"() : () -> ()
            }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.yield"() : () -> ()
        }) : () -> ()
        "affine.yield"() : () -> ()
      }) {d2m.scratch_space_loop} : () -> ()
      %25 = "d2m.reserve"(%21) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "d2m.unpack_stall_on_pack"() : () -> ()
      "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
      ^bb0(%arg18: index):
        "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 2 : index, upperBoundMap = affine_map<() -> (2)>}> ({
        ^bb0(%arg19: index):
          %26 = "memref.subview"(%24, %arg18, %arg19) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
          %27 = "memref.subview"(%22, %arg18, %arg19) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
          %28 = "memref.subview"(%25, %arg18, %arg19) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
          %29 = "d2m.acquire_dst"() : () -> memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg22: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
            ^bb0(%arg23: index):
              %31 = "affine.load"(%26, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %32 = "affine.load"(%27, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %33 = "d2m.tile_sub"(%31, %32) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%33, %29, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              %34 = "affine.load"(%29, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %35 = "d2m.tile_exp"(%34) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%35, %29, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg20: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
            ^bb0(%arg21: index):
              %30 = "affine.load"(%29, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%30, %28, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
          "affine.yield"() : () -> ()
        }) : () -> ()
        "affine.yield"() : () -> ()
      }) {d2m.scratch_space_loop} : () -> ()
    }) : (memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
  "func.func"() <{function_type = (memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "fa_8x10__apply"}> ({
  ^bb0(%arg0: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, %arg1: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, %arg2: memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg0, %arg1, %arg2) <{block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], operandSegmentSizes = array<i32: 2, 1, 0>, threads = [#d2m.thread<unified>]}> ({
      %0 = "arith.constant"() <{value = 0 : index}> : () -> index
      %1 = "d2m.get_cb"() <{cb_operand_idx = 0 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %2 = "d2m.get_cb"() <{cb_operand_idx = 1 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %3 = "d2m.get_cb"() <{cb_operand_idx = 2 : i64}> : () -> !d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>
      %4 = "d2m.wait"(%1) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %5 = "d2m.wait"(%2) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %6 = "d2m.reserve"(%3) : (!d2m.cb<memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
      ^bb0(%arg3: index):
        "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 2 : index, upperBoundMap = affine_map<() -> (2)>}> ({
        ^bb0(%arg4: index):
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 2 : index, upperBoundMap = affine_map<() -> (2)>}> ({
          ^bb0(%arg5: index):
            %7 = "memref.subview"(%4, %arg3, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %8 = "memref.subview"(%5, %arg5, %arg4) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 2, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<2x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %9 = "memref.subview"(%6, %arg3, %arg4) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 2>, static_strides = array<i64: 1, 1>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>
            %10 = "d2m.acquire_dst"() : () -> memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
            %11 = "arith.cmpi"(%arg5, %0) <{predicate = 1 : i64}> : (index, index) -> i1
            "scf.if"(%11) ({
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
              ^bb0(%arg12: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg13: index):
                  "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                  ^bb0(%arg14: index):
                    %17 = "affine.load"(%9, %arg12, %arg13) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                    "affine.store"(%17, %10, %arg12, %arg13) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
                    "affine.yield"() : () -> ()
                  }) : () -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
              "scf.yield"() : () -> ()
            }, {
            }) : (i1) -> ()
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg9: index):
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
              ^bb0(%arg10: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg11: index):
                  %13 = "affine.load"(%7, %arg9, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %14 = "affine.load"(%8, %arg11, %arg10) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<2x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %15 = "affine.load"(%10, %arg9, %arg10) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
                  %16 = "d2m.tile_matmul"(%13, %14, %15) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
                  "affine.store"(%16, %10, %arg9, %arg10) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) : () -> ()
              "affine.yield"() : () -> ()
            }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg6: index):
              "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
              ^bb0(%arg7: index):
                "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (2)>}> ({
                ^bb0(%arg8: index):
                  %12 = "affine.load"(%10, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0 * 2 + d1)>}> : (memref<8x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
                  "affine.store"(%12, %9, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x2x!ttcore.tile<32x32, bf16>, strided<[2, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
                  "affine.yield"() : () -> ()
                }) : () -> ()
                "affine.yield"() : () -> ()
              }) : () -> ()
              "affine.yield"() : () -> ()
            }) {d2m.dst_access_inserted, d2m.linalg_root} : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.yield"() : () -> ()
        }) : () -> ()
        "affine.yield"() : () -> ()
      }) {d2m.scratch_space_loop} : () -> ()
    }) : (memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x2x2x!ttcore.tile<32x32, bf16>, #ttcore.shard<4096x2048, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {ttcore.system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux-gnu"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 1024, erisc_l1_unreserved_base = 1024, dram_unreserved_base = 1024, dram_unreserved_end = 1073741824, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2, dram_grid = 1x12, dram_bank_to_logical_worker_noc0 = [(7, 3), (0, 0), (3, 0), (4, 0), (0, 4), (7, 7), (1, 4), (6, 4), (5, 4), (2, 6), (3, 4), (4, 4)], dram_bank_to_logical_worker_noc1 = [(7, 3), (0, 0), (3, 0), (4, 0), (0, 4), (7, 7), (1, 4), (6, 4), (5, 4), (2, 6), (3, 4), (4, 4)]}], [0], [1 : i32], [ 0x0x0x0]>} : () -> ()
