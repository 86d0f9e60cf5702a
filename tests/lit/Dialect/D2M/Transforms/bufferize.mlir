// d2m-bufferize: inside a d2m.generic, block tensors become the CB views
// they came from, a tensor.empty an intermediate CB (memref.alloc in
// #d2m.memspace<cb>), and a linalg.generic whose result is only stored to an
// output CB writes that CB directly.
// RUN: dstlab-opt %s -split-input-file --d2m-bufferize | FileCheck %s

#id = affine_map<(d0, d1) -> (d0, d1)>

// The result goes straight into the output CB: no intermediate.
// CHECK-LABEL: func.func @into_output
// CHECK: %[[A:.*]] = d2m.wait
// CHECK: %[[B:.*]] = d2m.wait
// CHECK: %[[C:.*]] = d2m.reserve
// CHECK-NOT: memref.alloc
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]], %[[B]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[C]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK: d2m.tile_add
// CHECK-NOT: tensor
// CHECK-NOT: bufferization
// CHECK: d2m.yield
func.func @into_output(%a: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>, %b: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>, #d2m.dist<shard>] ins(%a, %b : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%ca: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cb: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cc: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %ca : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vb = d2m.wait %cb : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cc : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %ta = bufferization.to_tensor %va restrict : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<2x2x!d2m.tile<bf16>>
    %tb = bufferization.to_tensor %vb restrict : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<2x2x!d2m.tile<bf16>>
    %e = tensor.empty() : tensor<2x2x!d2m.tile<bf16>>
    %s = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%ta, %tb : tensor<2x2x!d2m.tile<bf16>>, tensor<2x2x!d2m.tile<bf16>>) outs(%e : tensor<2x2x!d2m.tile<bf16>>) {
    ^bb0(%x: !d2m.tile<bf16>, %y: !d2m.tile<bf16>, %acc: !d2m.tile<bf16>):
      %t = d2m.tile_add %x, %y : !d2m.tile<bf16>
      linalg.yield %t : !d2m.tile<bf16>
    } -> tensor<2x2x!d2m.tile<bf16>>
    bufferization.materialize_in_destination %s in restrict writable %vc : (tensor<2x2x!d2m.tile<bf16>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>) -> ()
    d2m.yield
  }
  return
}

// -----

#id = affine_map<(d0, d1) -> (d0, d1)>

// A value used twice: its tensor.empty becomes an intermediate CB that the
// first generic writes and the second reads.
// CHECK-LABEL: func.func @intermediate
// CHECK: %[[A:.*]] = d2m.wait
// CHECK: %[[T:.*]] = memref.alloc() : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[T]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK: d2m.tile_exp
// CHECK: %[[C:.*]] = d2m.reserve
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[T]], %[[T]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[C]] : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK: d2m.tile_mul
func.func @intermediate(%a: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>] ins(%a : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%ca: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cc: !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %ca : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cc : !d2m.cb<memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %ta = bufferization.to_tensor %va restrict : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<2x2x!d2m.tile<bf16>>
    %e0 = tensor.empty() : tensor<2x2x!d2m.tile<bf16>>
    %x = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel", "parallel"]} ins(%ta : tensor<2x2x!d2m.tile<bf16>>) outs(%e0 : tensor<2x2x!d2m.tile<bf16>>) {
    ^bb0(%in: !d2m.tile<bf16>, %acc: !d2m.tile<bf16>):
      %t = d2m.tile_exp %in : !d2m.tile<bf16>
      linalg.yield %t : !d2m.tile<bf16>
    } -> tensor<2x2x!d2m.tile<bf16>>
    %e1 = tensor.empty() : tensor<2x2x!d2m.tile<bf16>>
    %y = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%x, %x : tensor<2x2x!d2m.tile<bf16>>, tensor<2x2x!d2m.tile<bf16>>) outs(%e1 : tensor<2x2x!d2m.tile<bf16>>) {
    ^bb0(%p: !d2m.tile<bf16>, %q: !d2m.tile<bf16>, %acc: !d2m.tile<bf16>):
      %t = d2m.tile_mul %p, %q : !d2m.tile<bf16>
      linalg.yield %t : !d2m.tile<bf16>
    } -> tensor<2x2x!d2m.tile<bf16>>
    bufferization.materialize_in_destination %y in restrict writable %vc : (tensor<2x2x!d2m.tile<bf16>>, memref<2x2x!d2m.tile<bf16>, #d2m.memspace<cb>>) -> ()
    d2m.yield
  }
  return
}

// -----

// A loop over blocks: the tensor iter_arg becomes a state CB written with
// the init before the loop and with the yielded value at the end of every
// iteration; the loop's result is that state.
// CHECK-LABEL: func.func @loop_state
// CHECK: %[[A:.*]] = d2m.wait
// CHECK: %[[C:.*]] = d2m.reserve
// CHECK: %[[S:.*]] = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[A]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[S]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-NEXT: ^bb0(%[[IN:.*]]: !d2m.tile<bf16>, %{{.*}}: !d2m.tile<bf16>):
// CHECK-NEXT: linalg.yield %[[IN]]
// CHECK: scf.for %{{.*}} = %{{.*}} to %{{.*}} step %{{.*}} {
// CHECK: %[[B:.*]] = d2m.wait
// CHECK: %[[N:.*]] = memref.alloc() : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[S]], %[[B]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[N]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK: d2m.tile_add
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[N]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[S]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK: }
// CHECK: linalg.generic
// CHECK-SAME: ins(%[[S]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-SAME: outs(%[[C]] : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>)
// CHECK-NOT: tensor
#id = affine_map<(d0, d1) -> (d0, d1)>

func.func @loop_state(%a: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %s: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, %c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  d2m.generic @k grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<stream>, #d2m.dist<shard>] ins(%a, %s : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>, memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) outs(%c : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%ca: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cs: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>, %cc: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    %va = d2m.wait %ca : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %vc = d2m.reserve %cc : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
    %ta = bufferization.to_tensor %va restrict : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<1x1x!d2m.tile<bf16>>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %c2 = arith.constant 2 : index
    %r = scf.for %k = %c0 to %c2 step %c1 iter_args(%acc = %ta) -> (tensor<1x1x!d2m.tile<bf16>>) {
      %vs = d2m.wait %cs : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
      %ts = bufferization.to_tensor %vs restrict : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>> to tensor<1x1x!d2m.tile<bf16>>
      %e = tensor.empty() : tensor<1x1x!d2m.tile<bf16>>
      %n = linalg.generic {indexing_maps = [#id, #id, #id], iterator_types = ["parallel", "parallel"]} ins(%acc, %ts : tensor<1x1x!d2m.tile<bf16>>, tensor<1x1x!d2m.tile<bf16>>) outs(%e : tensor<1x1x!d2m.tile<bf16>>) {
      ^bb0(%x: !d2m.tile<bf16>, %y: !d2m.tile<bf16>, %o: !d2m.tile<bf16>):
        %t = d2m.tile_add %x, %y : !d2m.tile<bf16>
        linalg.yield %t : !d2m.tile<bf16>
      } -> tensor<1x1x!d2m.tile<bf16>>
      scf.yield %n : tensor<1x1x!d2m.tile<bf16>>
    }
    bufferization.materialize_in_destination %r in restrict writable %vc : (tensor<1x1x!d2m.tile<bf16>>, memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>) -> ()
    d2m.yield
  }
  return
}
