"builtin.module"() ({
  "ttcore.device"() <{device_attr = #ttcore.device<workerGrid = #ttcore.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) floordiv 12) * s4 + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = , chipIds = [0]>, sym_name = "default_device"}> : () -> ()
  "func.func"() <{function_type = (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "p2_1x1_ttir__k"}> ({
  ^bb0(%arg0: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg1: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg2: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, %arg3: memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg0, %arg1, %arg2, %arg3) <{block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], operandSegmentSizes = array<i32: 3, 1>, threads = [#d2m.thread<compute>]}> ({
    ^bb0(%arg4: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>, %arg5: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>, %arg6: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>, %arg7: !d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>):
      %0 = "arith.constant"() <{value = 3 : index}> : () -> index
      %1 = "arith.constant"() <{value = 1 : index}> : () -> index
      %2 = "arith.constant"() <{value = 0 : index}> : () -> index
      %3 = "d2m.wait"(%arg6) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %4 = "d2m.wait"(%arg4) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %5 = "d2m.wait"(%arg5) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %6 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      %7 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "scf.for"(%2, %1, %1) ({
      ^bb0(%arg16: index):
        "scf.for"(%2, %1, %1) ({
        ^bb0(%arg17: index):
          %20 = "memref.subview"(%4, %arg16) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %21 = "memref.subview"(%5, %arg17) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %22 = "memref.subview"(%4, %arg16, %arg17) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %23 = "memref.subview"(%6, %arg16, %arg17) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %24 = "memref.subview"(%7, %arg16, %arg17) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %25 = "d2m.acquire_dst"() : () -> memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg22: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg23: index):
              %39 = "affine.load"(%23, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%39, %25, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              %40 = "affine.load"(%22, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%40, %25, %arg22, %arg23) <{map = affine_map<(d0, d1) -> (2, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg20: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg21: index):
              %28 = "affine.load"(%20, %arg20, %2) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %29 = "affine.load"(%21, %2, %arg21) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %30 = "affine.load"(%25, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (2, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %31 = "affine.load"(%25, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %32 = "d2m.tile_transpose"(%29) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%32, %25, %2, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %33 = "affine.load"(%25, %2, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, bf16>
              %34 = "d2m.tile_matmul"(%28, %33, %31) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%34, %25, %1, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %35 = "affine.load"(%25, %1, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, bf16>
              %36 = "d2m.tile_sub"(%35, %30) : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%36, %25, %0, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %37 = "affine.load"(%25, %0, %arg20, %arg21) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, bf16>
              %38 = "d2m.tile_exp"(%37) : (!ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%35, %25, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.store"(%38, %25, %arg20, %arg21) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg18: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg19: index):
              %26 = "affine.load"(%25, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%26, %23, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              %27 = "affine.load"(%25, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%27, %24, %arg18, %arg19) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      %8 = "d2m.reserve"(%arg7) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>
      "scf.for"(%2, %1, %1) ({
      ^bb0(%arg8: index):
        "scf.for"(%2, %1, %1) ({
        ^bb0(%arg9: index):
          %9 = "memref.subview"(%7, %arg8, %arg9) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %10 = "memref.subview"(%8, %arg8) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %11 = "d2m.acquire_dst"() : () -> memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg14: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg15: index):
              %19 = "affine.load"(%10, %arg14, %2) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%19, %11, %arg14, %2) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg12: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg13: index):
              %13 = "affine.load"(%9, %arg12, %arg13) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %14 = "affine.load"(%3, %2, %2) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, bf16>
              %15 = "affine.load"(%11, %arg12, %2) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              %16 = "d2m.tile_reduce_sum"(%13, %14, %15) <{reduce_dim = #d2m<reduce_dim R>}> : (!ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>, !ttcore.tile<32x32, bf16>) -> !ttcore.tile<32x32, bf16>
              %17 = "d2m.iter_index"() <{dim = 1 : i64}> : () -> index
              %18 = "arith.cmpi"(%17, %2) <{predicate = 1 : i64}> : (index, index) -> i1
              "scf.if"(%18) ({
                "d2m.packer_mask_reset"() : () -> ()
                "scf.yield"() : () -> ()
              }, {
              }) : (i1) -> ()
              "affine.store"(%16, %11, %arg12, %2) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg10: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg11: index):
              %12 = "affine.load"(%11, %arg10, %2) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<8x1x1x!ttcore.tile<32x32, bf16>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, bf16>
              "affine.store"(%12, %10, %arg10, %2) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, bf16>, memref<1x1x!ttcore.tile<32x32, bf16>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
    }) : (memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, bf16>, #ttcore.shard<2048x2048, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {ttcore.system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux-gnu"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 1024, erisc_l1_unreserved_base = 1024, dram_unreserved_base = 1024, dram_unreserved_end = 1073741824, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>} : () -> ()
