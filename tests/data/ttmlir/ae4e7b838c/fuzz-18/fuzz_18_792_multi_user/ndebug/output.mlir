"builtin.module"() ({
  "ttcore.device"() <{device_attr = #ttcore.device<workerGrid = #ttcore.grid<8x8, (d0, d1) -> (0, d0, d1)>, l1Map = (d0, d1, d2)[s0] -> (0, d0, d1, d2 + s0), dramMap = (d0, d1, d2)[s0, s1, s2, s3, s4, s5, s6] -> (0, 0, (((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) mod 12, ((((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) floordiv s4) floordiv 12) * s4 + ((d0 * s1) * (s2 * (s3 * s6)) + d1 * (s2 * (s3 * s6)) + d2) mod s4 + s5), meshShape = , chipIds = [0]>, sym_name = "default_device"}> : () -> ()
  "func.func"() <{function_type = (memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>) -> (), sym_name = "fuzz_18_792_multi_user__k"}> ({
  ^bb0(%arg0: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>, %arg1: memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>):
    "d2m.generic"(%arg0, %arg1) <{block_factors = [1, 1], grid = #ttcore.grid<1x1>, indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#ttcore.iterator_type<parallel>, #ttcore.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>, threads = [#d2m.thread<compute>]}> ({
    ^bb0(%arg2: !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>>, %arg3: !d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>>):
      %0 = "arith.constant"() <{value = 5 : index}> : () -> index
      %1 = "arith.constant"() <{value = 4 : index}> : () -> index
      %2 = "arith.constant"() <{value = 3 : index}> : () -> index
      %3 = "arith.constant"() <{value = 2 : index}> : () -> index
      %4 = "arith.constant"() <{value = 1 : index}> : () -> index
      %5 = "arith.constant"() <{value = 0 : index}> : () -> index
      %6 = "d2m.wait"(%arg2) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>
      %7 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>
      %8 = "d2m.reserve"(%arg3) : (!d2m.cb<memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>>) -> memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>
      "scf.for"(%5, %4, %4) ({
      ^bb0(%arg4: index):
        "scf.for"(%5, %4, %4) ({
        ^bb0(%arg5: index):
          %9 = "memref.subview"(%6, %arg4) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: -9223372036854775808, 0>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %10 = "memref.subview"(%6, %arg5) <{operandSegmentSizes = array<i32: 1, 1, 0, 0>, static_offsets = array<i64: 0, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %11 = "memref.subview"(%7, %arg4, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %12 = "memref.subview"(%7, %arg4, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %13 = "memref.subview"(%7, %arg4, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %14 = "memref.subview"(%7, %arg4, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %15 = "memref.subview"(%8, %arg4, %arg5) <{operandSegmentSizes = array<i32: 1, 2, 0, 0>, static_offsets = array<i64: -9223372036854775808, -9223372036854775808>, static_sizes = array<i64: 1, 1>, static_strides = array<i64: 1, 1>}> : (memref<1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<l1>>, index, index) -> memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>
          %16 = "d2m.acquire_dst"() : () -> memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg10: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg11: index):
              %51 = "affine.load"(%11, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%51, %16, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              %52 = "affine.load"(%12, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%52, %16, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              %53 = "affine.load"(%13, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%53, %16, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              %54 = "affine.load"(%14, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%54, %16, %arg10, %arg11) <{map = affine_map<(d0, d1) -> (4, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg8: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg9: index):
              %22 = "affine.load"(%9, %arg8, %5) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              %23 = "affine.load"(%10, %5, %arg9) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> !ttcore.tile<32x32, f32>
              %24 = "affine.load"(%16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              %25 = "affine.load"(%16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              %26 = "affine.load"(%16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              %27 = "affine.load"(%16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (4, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              %28 = "d2m.tile_matmul"(%22, %23, %24) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%28, %16, %5, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %29 = "affine.load"(%16, %5, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %30 = "d2m.tile_reduce_max"(%29, %29, %29) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%30, %16, %5, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %31 = "affine.load"(%16, %5, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %32 = "d2m.tile_matmul"(%22, %23, %25) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%32, %16, %4, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %33 = "affine.load"(%16, %4, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %34 = "d2m.tile_reduce_max"(%33, %33, %33) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%34, %16, %4, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %35 = "affine.load"(%16, %4, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %36 = "d2m.tile_mul"(%35, %31) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%36, %16, %3, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %37 = "affine.load"(%16, %3, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %38 = "d2m.tile_matmul"(%22, %23, %26) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%38, %16, %2, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %39 = "affine.load"(%16, %2, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %40 = "d2m.tile_reduce_max"(%39, %39, %39) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%40, %16, %2, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %41 = "affine.load"(%16, %2, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %42 = "d2m.tile_matmul"(%22, %23, %27) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%42, %16, %1, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %43 = "affine.load"(%16, %1, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %44 = "d2m.tile_reduce_max"(%43, %43, %43) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%44, %16, %1, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %45 = "affine.load"(%16, %1, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %46 = "d2m.iter_index"() <{dim = 0 : i64}> : () -> index
              %47 = "arith.cmpi"(%46, %5) <{predicate = 1 : i64}> : (index, index) -> i1
              "scf.if"(%47) ({
                "d2m.packer_mask_reset"() : () -> ()
                "scf.yield"() : () -> ()
              }, {
              }) : (i1) -> ()
              %48 = "d2m.tile_mul"(%45, %41) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%48, %16, %0, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> ()
              %49 = "affine.load"(%16, %0, %arg8, %arg9) <{map = affine_map<(d0, d1, d2) -> (d0, d1, d2)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index, index) -> !ttcore.tile<32x32, f32>
              %50 = "d2m.tile_add"(%49, %37) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> !ttcore.tile<32x32, f32>
              "affine.store"(%29, %16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.store"(%33, %16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.store"(%39, %16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.store"(%43, %16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (4, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.store"(%50, %16, %arg8, %arg9) <{map = affine_map<(d0, d1) -> (6, d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
          ^bb0(%arg6: index):
            "affine.for"() <{lowerBoundMap = affine_map<() -> (0)>, operandSegmentSizes = array<i32: 0, 0, 0>, step = 1 : index, upperBoundMap = affine_map<() -> (1)>}> ({
            ^bb0(%arg7: index):
              %17 = "affine.load"(%16, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (0, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%17, %11, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              %18 = "affine.load"(%16, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (1, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%18, %12, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              %19 = "affine.load"(%16, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (3, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%19, %13, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              %20 = "affine.load"(%16, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (4, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%20, %14, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              %21 = "affine.load"(%16, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (6, d0, d1)>}> : (memref<4x1x1x!ttcore.tile<32x32, f32>, #ttcore.memory_space<dst>>, index, index) -> !ttcore.tile<32x32, f32>
              "affine.store"(%21, %15, %arg6, %arg7) <{map = affine_map<(d0, d1) -> (d0, d1)>}> : (!ttcore.tile<32x32, f32>, memref<1x1x!ttcore.tile<32x32, f32>, strided<[1, 1], offset: ?>, #ttcore.memory_space<l1>>, index, index) -> ()
              "affine.yield"() : () -> ()
            }) : () -> ()
            "affine.yield"() : () -> ()
          }) : () -> ()
          "scf.yield"() : () -> ()
        }) : (index, index, index) -> ()
        "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
    }) : (memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>, memref<1x1x1x1x!ttcore.tile<32x32, f32>, #ttcore.shard<4096x4096, 1>, #ttcore.memory_space<l1>>) -> ()
    "func.return"() : () -> ()
  }) : () -> ()
}) {ttcore.system_desc = #ttcore.system_desc<[{role = host, target_triple = "x86_64-pc-linux-gnu"}], [{arch = <wormhole_b0>, grid = 8x8, coord_translation_offsets = 18x18, l1_size = 1499136, num_dram_channels = 12, dram_channel_size = 1073741824, noc_l1_address_align_bytes = 16, pcie_address_align_bytes = 32, noc_dram_address_align_bytes = 32, l1_unreserved_base = 1024, erisc_l1_unreserved_base = 1024, dram_unreserved_base = 1024, dram_unreserved_end = 1073741824, supported_data_types = [<f32>, <f16>, <bf16>, <bfp_f8>, <bfp_bf8>, <bfp_f4>, <bfp_bf4>, <bfp_f2>, <bfp_bf2>, <u32>, <u16>, <u8>, <si32>], supported_tile_sizes = [ 4x16,  16x16,  32x16,  4x32,  16x32,  32x32], dst_physical_size_tiles = 16, num_cbs = 32, num_compute_threads = 1, num_datamovement_threads = 2}], [0], [1 : i32], [ 0x0x0x0]>} : () -> ()
