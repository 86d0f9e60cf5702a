// dstlab export for tt-mlir 19c86fca45 (19c86fca45ae7c3d8f886c0401d8b40a40d2f294)

#l1_ = #ttcore.memory_space<l1>

module {
  func.func @fa_q256_kv512_d64_b2x2_g2x2_accurate_uniform__fa(%in0: memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>, %in1: memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>, %in2: memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>, %in3: memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>) {
    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, indexing_maps = [], iterator_types = [], threads = [#d2m.thread<unified>]}
        ins(%in0, %in1, %in2 : memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>, memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>, memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>)
        outs(%in3 : memref<1x1x2x2x!ttcore.tile<32x32, f32>, #ttcore.shard<8192x4096, 1>, #l1_>) {
    ^unified0:
      %cb0 = d2m.get_cb(0) : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>>
      %cb1 = d2m.get_cb(1) : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>>
      %cb2 = d2m.get_cb(2) : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>>
      %cb3 = d2m.get_cb(3) : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>>
      %v0 = "arith.constant"() <{value = 0 : index}> : () -> (index)
      %v1 = "arith.constant"() <{value = 8 : index}> : () -> (index)
      %v2 = "arith.constant"() <{value = 1 : index}> : () -> (index)
      %v3 = d2m.wait %cb0 : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>> -> memref<2x2x!ttcore.tile<32x32, f32>, #l1_>
      %v4 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v4) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb5(%a6: !ttcore.tile<32x32, f32>):
          %s7 = "arith.constant"() <{value = 0xFF800000 : f32}> : () -> f32
          %v8 = "d2m.tile_fill"(%s7) : (f32) -> !ttcore.tile<32x32, f32>
          "linalg.yield"(%v8) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v9 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v9) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb10(%a11: !ttcore.tile<32x32, f32>):
          %s12 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
          %v13 = "d2m.tile_fill"(%s12) : (f32) -> !ttcore.tile<32x32, f32>
          "linalg.yield"(%v13) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v14 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v14) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 0, 1>}> ({
        ^bb15(%a16: !ttcore.tile<32x32, f32>):
          %s17 = "arith.constant"() <{value = 0.000000e+00 : f32}> : () -> f32
          %v18 = "d2m.tile_fill"(%s17) : (f32) -> !ttcore.tile<32x32, f32>
          "linalg.yield"(%v18) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v19 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v4, %v19) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb20(%a21: !ttcore.tile<32x32, f32>, %a22: !ttcore.tile<32x32, f32>):
          "linalg.yield"(%a21) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v23 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v9, %v23) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb24(%a25: !ttcore.tile<32x32, f32>, %a26: !ttcore.tile<32x32, f32>):
          "linalg.yield"(%a25) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      %v27 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>)
      "linalg.generic"(%v14, %v27) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
        ^bb28(%a29: !ttcore.tile<32x32, f32>, %a30: !ttcore.tile<32x32, f32>):
          "linalg.yield"(%a29) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
      "scf.for"(%v0, %v1, %v2) ({
        ^bb31(%a32: index):
          %v33 = d2m.wait %cb1 : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>> -> memref<2x2x!ttcore.tile<32x32, f32>, #l1_>
          %v34 = d2m.wait %cb2 : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>> -> memref<2x2x!ttcore.tile<32x32, f32>, #l1_>
          %v35 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>)
          "linalg.generic"(%v3, %v33, %v35) <{indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], operandSegmentSizes = array<i32: 2, 1>}> ({
            ^bb36(%a37: !ttcore.tile<32x32, f32>, %a38: !ttcore.tile<32x32, f32>, %a39: !ttcore.tile<32x32, f32>):
              %v40 = "d2m.tile_transpose"(%a38) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v41 = "d2m.tile_matmul"(%a37, %v40, %a39) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              "linalg.yield"(%v41) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          %v42 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
          "linalg.generic"(%v19, %v35, %v42) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 2, 1>}> ({
            ^bb43(%a44: !ttcore.tile<32x32, f32>, %a45: !ttcore.tile<32x32, f32>, %a46: !ttcore.tile<32x32, f32>):
              %s47 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v48 = "d2m.tile_mul"(%a45, %s47) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v49 = "d2m.tile_reduce_max"(%v48, %v48, %v48) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v50 = "d2m.tile_maximum"(%a44, %v49) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              "linalg.yield"(%v50) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          %v51 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>)
          "linalg.generic"(%v19, %v35, %v23, %v19, %v51) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 4, 1>}> ({
            ^bb52(%a53: !ttcore.tile<32x32, f32>, %a54: !ttcore.tile<32x32, f32>, %a55: !ttcore.tile<32x32, f32>, %a56: !ttcore.tile<32x32, f32>, %a57: !ttcore.tile<32x32, f32>):
              %s58 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v59 = "d2m.tile_mul"(%a54, %s58) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v60 = "d2m.tile_reduce_max"(%v59, %v59, %v59) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v61 = "d2m.tile_maximum"(%a56, %v60) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %s62 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v63 = "d2m.tile_mul"(%a54, %s62) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v64 = "d2m.tile_bcast"(%v61) <{bcast_type = #d2m<tile_bcast_type col>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v65 = "d2m.tile_sub"(%v63, %v64) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v66 = "d2m.tile_exp"(%v65) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v67 = "d2m.tile_reduce_sum"(%v66, %v66, %v66) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %s68 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v69 = "d2m.tile_mul"(%a54, %s68) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v70 = "d2m.tile_reduce_max"(%v69, %v69, %v69) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v71 = "d2m.tile_maximum"(%a53, %v70) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v72 = "d2m.tile_sub"(%a53, %v71) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v73 = "d2m.tile_exp"(%v72) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v74 = "d2m.tile_mul"(%v73, %a55) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v75 = "d2m.tile_add"(%v74, %v67) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              "linalg.yield"(%v75) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          %v76 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>)
          "linalg.generic"(%v35, %v19, %v35, %v34, %v76) <{indexing_maps = [affine_map<(d0, d1, d2) -> (d0, d2)>, affine_map<(d0, d1, d2) -> (d0, 0)>, affine_map<(d0, d1, d2) -> (d0, 0)>, affine_map<(d0, d1, d2) -> (d2, d1)>, affine_map<(d0, d1, d2) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>, #linalg.iterator_type<reduction>], operandSegmentSizes = array<i32: 4, 1>}> ({
            ^bb77(%a78: !ttcore.tile<32x32, f32>, %a79: !ttcore.tile<32x32, f32>, %a80: !ttcore.tile<32x32, f32>, %a81: !ttcore.tile<32x32, f32>, %a82: !ttcore.tile<32x32, f32>):
              %s83 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v84 = "d2m.tile_mul"(%a80, %s83) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v85 = "d2m.tile_reduce_max"(%v84, %v84, %v84) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v86 = "d2m.tile_maximum"(%a79, %v85) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %s87 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v88 = "d2m.tile_mul"(%a78, %s87) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v89 = "d2m.tile_bcast"(%v86) <{bcast_type = #d2m<tile_bcast_type col>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v90 = "d2m.tile_sub"(%v88, %v89) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v91 = "d2m.tile_exp"(%v90) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v92 = "d2m.tile_matmul"(%v91, %a81, %a82) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              "linalg.yield"(%v92) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          %v93 = "memref.alloc"() <{operandSegmentSizes = array<i32: 0, 0>}> : () -> (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>)
          "linalg.generic"(%v27, %v19, %v35, %v76, %v93) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 4, 1>}> ({
            ^bb94(%a95: !ttcore.tile<32x32, f32>, %a96: !ttcore.tile<32x32, f32>, %a97: !ttcore.tile<32x32, f32>, %a98: !ttcore.tile<32x32, f32>, %a99: !ttcore.tile<32x32, f32>):
              %s100 = "arith.constant"() <{value = 1.250000e-01 : f32}> : () -> f32
              %v101 = "d2m.tile_mul"(%a97, %s100) : (!ttcore.tile<32x32, f32>, f32) -> !ttcore.tile<32x32, f32>
              %v102 = "d2m.tile_reduce_max"(%v101, %v101, %v101) <{reduce_dim = #d2m<reduce_dim C>}> : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v103 = "d2m.tile_maximum"(%a96, %v102) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v104 = "d2m.tile_sub"(%a96, %v103) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v105 = "d2m.tile_exp"(%v104) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v106 = "d2m.tile_bcast"(%v105) <{bcast_type = #d2m<tile_bcast_type col>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v107 = "d2m.tile_mul"(%a95, %v106) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              %v108 = "d2m.tile_add"(%v107, %a98) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
              "linalg.yield"(%v108) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          "linalg.generic"(%v42, %v19) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
            ^bb109(%a110: !ttcore.tile<32x32, f32>, %a111: !ttcore.tile<32x32, f32>):
              "linalg.yield"(%a110) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          "linalg.generic"(%v51, %v23) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
            ^bb112(%a113: !ttcore.tile<32x32, f32>, %a114: !ttcore.tile<32x32, f32>):
              "linalg.yield"(%a113) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          "linalg.generic"(%v93, %v27) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 1, 1>}> ({
            ^bb115(%a116: !ttcore.tile<32x32, f32>, %a117: !ttcore.tile<32x32, f32>):
              "linalg.yield"(%a116) : (!ttcore.tile<32x32, f32>) -> ()
          }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
          "scf.yield"() : () -> ()
      }) : (index, index, index) -> ()
      %v118 = d2m.reserve %cb3 : !d2m.cb<memref<2x2x!ttcore.tile<32x32, f32>, #l1_>> -> memref<2x2x!ttcore.tile<32x32, f32>, #l1_>
      "linalg.generic"(%v27, %v23, %v118) <{indexing_maps = [affine_map<(d0, d1) -> (d0, d1)>, affine_map<(d0, d1) -> (d0, 0)>, affine_map<(d0, d1) -> (d0, d1)>], iterator_types = [#linalg.iterator_type<parallel>, #linalg.iterator_type<parallel>], operandSegmentSizes = array<i32: 2, 1>}> ({
        ^bb119(%a120: !ttcore.tile<32x32, f32>, %a121: !ttcore.tile<32x32, f32>, %a122: !ttcore.tile<32x32, f32>):
          %v123 = "d2m.tile_recip"(%a121) : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v124 = "d2m.tile_bcast"(%v123) <{bcast_type = #d2m<tile_bcast_type col>}> : (!ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          %v125 = "d2m.tile_mul"(%a120, %v124) : (!ttcore.tile<32x32, f32>, !ttcore.tile<32x32, f32>) -> (!ttcore.tile<32x32, f32>)
          "linalg.yield"(%v125) : (!ttcore.tile<32x32, f32>) -> ()
      }) : (memref<2x2x!ttcore.tile<32x32, f32>, #l1_>, memref<2x1x!ttcore.tile<32x32, f32>, #l1_>, memref<2x2x!ttcore.tile<32x32, f32>, #l1_>) -> ()
    }
    return
  }
}
