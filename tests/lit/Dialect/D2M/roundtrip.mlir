// RUN: dstlab-opt %s | dstlab-opt | FileCheck %s
// Every d2m op parses, prints and parses again: the structure ops in a
// d2m.generic as the front end emits it (tensor linalg.generic bodies), the
// DST form after d2m-insert-dst-register-access, and each tile op on its own.

#id = affine_map<(d0, d1) -> (d0, d1)>

// CHECK-LABEL: func.func @generic_shard_stream
func.func @generic_shard_stream(
    %q: memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>,
    %k: memref<8x2x!d2m.tile<bf16>, #d2m.memspace<dram>>,
    %o: memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // CHECK: d2m.generic @k grid [1, 2] items 2 dist [#d2m.dist<shard>, #d2m.dist<stream>, #d2m.dist<shard>]
  // CHECK-SAME: ins(%{{.*}}, %{{.*}} : memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<8x2x!d2m.tile<bf16>, #d2m.memspace<dram>>)
  // CHECK-SAME: outs(%{{.*}} : memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>)
  d2m.generic @k grid [1, 2] items 2
      dist [#d2m.dist<shard>, #d2m.dist<stream>, #d2m.dist<shard>]
      ins(%q, %k : memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>,
                   memref<8x2x!d2m.tile<bf16>, #d2m.memspace<dram>>)
      outs(%o : memref<4x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cq: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>,
       %ck: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>,
       %co: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    // CHECK: d2m.wait %{{.*}} : <memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %a = d2m.wait %cq : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %b = d2m.wait %ck : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    // CHECK: d2m.reserve %{{.*}} : <memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %r = d2m.reserve %co : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %ta = bufferization.to_tensor %a restrict : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<2x2x!d2m.tile<bf16>>
    %tb = bufferization.to_tensor %b restrict : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<2x2x!d2m.tile<bf16>>
    %e = tensor.empty() : tensor<2x2x!d2m.tile<bf16>>
    // CHECK: linalg.generic
    %s = linalg.generic {indexing_maps = [#id, #id, #id],
                         iterator_types = ["parallel", "parallel"]}
        ins(%ta, %tb : tensor<2x2x!d2m.tile<bf16>>, tensor<2x2x!d2m.tile<bf16>>)
        outs(%e : tensor<2x2x!d2m.tile<bf16>>) {
    ^bb0(%x: !d2m.tile<bf16>, %y: !d2m.tile<bf16>, %acc: !d2m.tile<bf16>):
      // CHECK: d2m.tile_add %{{.*}}, %{{.*}} : <bf16>
      %t = d2m.tile_add %x, %y : !d2m.tile<bf16>
      // CHECK: linalg.yield
      linalg.yield %t : !d2m.tile<bf16>
    } -> tensor<2x2x!d2m.tile<bf16>>
    bufferization.materialize_in_destination %s in restrict writable %r : (tensor<2x2x!d2m.tile<bf16>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>) -> ()
    // CHECK: d2m.yield
    d2m.yield
  }
  return
}

// CHECK-LABEL: func.func @generic_dst_and_scaler
func.func @generic_dst_and_scaler(
    %x: memref<1x2x!d2m.tile<f32>, #d2m.memspace<dram>>,
    %m: memref<1x1x!d2m.tile<f32>, #d2m.memspace<dram>>) {
  // CHECK: d2m.generic @rowmax grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>]
  d2m.generic @rowmax grid [1, 1] items 1
      dist [#d2m.dist<shard>, #d2m.dist<shard>]
      ins(%x : memref<1x2x!d2m.tile<f32>, #d2m.memspace<dram>>)
      outs(%m : memref<1x1x!d2m.tile<f32>, #d2m.memspace<dram>>) {
  ^bb0(%cx: !d2m.cb<memref<1x2x!d2m.tile<f32>, #d2m.memspace<cb>>>,
       %cm: !d2m.cb<memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>>):
    %c0 = arith.constant 0 : index
    %in = d2m.wait %cx : !d2m.cb<memref<1x2x!d2m.tile<f32>, #d2m.memspace<cb>>> -> memref<1x2x!d2m.tile<f32>, #d2m.memspace<cb>>
    %out = d2m.reserve %cm : !d2m.cb<memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
    // CHECK: d2m.scaler 1.000000e+00 : memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
    %sc = d2m.scaler 1.0 : memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
    // CHECK: d2m.acquire_dst : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
    %dst = d2m.acquire_dst : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
    // CHECK: d2m.tile_fill 0xFFF0000000000000 : <f32>
    %ninf = d2m.tile_fill 0xFFF0000000000000 : !d2m.tile<f32>
    memref.store %ninf, %dst[%c0, %c0, %c0] : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
    %s = memref.load %sc[%c0, %c0] : memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
    affine.for %j = 0 to 2 {
      %a = affine.load %in[0, %j] : memref<1x2x!d2m.tile<f32>, #d2m.memspace<cb>>
      %acc = memref.load %dst[%c0, %c0, %c0] : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
      // CHECK: d2m.tile_reduce_max %{{.*}}, %{{.*}}, %{{.*}} <R> : <f32>
      %r = d2m.tile_reduce_max %a, %s, %acc <R> : !d2m.tile<f32>
      memref.store %r, %dst[%c0, %c0, %c0] : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
    }
    %v = memref.load %dst[%c0, %c0, %c0] : memref<1x1x1x!d2m.tile<f32>, #d2m.memspace<dst>>
    affine.store %v, %out[0, 0] : memref<1x1x!d2m.tile<f32>, #d2m.memspace<cb>>
    d2m.yield
  }
  return
}

// A generic with no inputs: the `ins(...)` group is omitted.
// CHECK-LABEL: func.func @generic_outs_only
func.func @generic_outs_only(%o: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // CHECK: d2m.generic @fill grid [2, 1] items 2 dist [#d2m.dist<shard>] outs(%{{.*}} : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>)
  d2m.generic @fill grid [2, 1] items 2 dist [#d2m.dist<shard>]
      outs(%o : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%co: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %r = d2m.reserve %co : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %z = d2m.tile_fill 0.0 : !d2m.tile<bf16>
    affine.store %z, %r[0, 0] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    d2m.yield
  }
  return
}

// CHECK-LABEL: func.func @tile_ops
func.func @tile_ops(%a: !d2m.tile<bf16>, %b: !d2m.tile<bf16>,
                    %c: !d2m.tile<bf16>) -> !d2m.tile<bf16> {
  // CHECK: d2m.tile_matmul %{{.*}}, %{{.*}}, %{{.*}} : <bf16>
  %0 = d2m.tile_matmul %a, %b, %c : !d2m.tile<bf16>
  // CHECK: d2m.tile_transpose %{{.*}} : <bf16>
  %1 = d2m.tile_transpose %0 : !d2m.tile<bf16>
  // CHECK: d2m.tile_add %{{.*}}, %{{.*}} : <bf16>
  %2 = d2m.tile_add %1, %a : !d2m.tile<bf16>
  // CHECK: d2m.tile_sub %{{.*}}, %{{.*}} : <bf16>
  %3 = d2m.tile_sub %2, %b : !d2m.tile<bf16>
  // CHECK: d2m.tile_mul %{{.*}}, %{{.*}} : <bf16>
  %4 = d2m.tile_mul %3, %c : !d2m.tile<bf16>
  // CHECK: d2m.tile_maximum %{{.*}}, %{{.*}} : <bf16>
  %5 = d2m.tile_maximum %4, %a : !d2m.tile<bf16>
  // CHECK: d2m.tile_exp %{{.*}} : <bf16>
  %6 = d2m.tile_exp %5 : !d2m.tile<bf16>
  // CHECK: d2m.tile_recip %{{.*}} : <bf16>
  %7 = d2m.tile_recip %6 : !d2m.tile<bf16>
  // CHECK: d2m.tile_scale %{{.*}} by 1.250000e-01 : <bf16>
  %8 = d2m.tile_scale %7 by 0.125 : !d2m.tile<bf16>
  // CHECK: d2m.tile_reduce_max %{{.*}}, %{{.*}}, %{{.*}} <R> : <bf16>
  %9 = d2m.tile_reduce_max %8, %b, %c <R> : !d2m.tile<bf16>
  // CHECK: d2m.tile_reduce_sum %{{.*}}, %{{.*}}, %{{.*}} <C> : <bf16>
  %10 = d2m.tile_reduce_sum %9, %b, %c <C> : !d2m.tile<bf16>
  // CHECK: d2m.tile_reduce_sum %{{.*}}, %{{.*}}, %{{.*}} <RC> : <bf16>
  %11 = d2m.tile_reduce_sum %10, %b, %c <RC> : !d2m.tile<bf16>
  // CHECK: d2m.tile_bcast %{{.*}} <col> : <bf16>
  %12 = d2m.tile_bcast %11 <col> : !d2m.tile<bf16>
  // CHECK: d2m.tile_bcast %{{.*}} <row> : <bf16>
  %13 = d2m.tile_bcast %12 <row> : !d2m.tile<bf16>
  // CHECK: d2m.tile_bcast %{{.*}} <scalar> : <bf16>
  %14 = d2m.tile_bcast %13 <scalar> : !d2m.tile<bf16>
  // CHECK: d2m.tile_fill 0.000000e+00 : <bf16>
  %15 = d2m.tile_fill 0.0 : !d2m.tile<bf16>
  %16 = d2m.tile_add %14, %15 : !d2m.tile<bf16>
  return %16 : !d2m.tile<bf16>
}
