// RUN: dstlab-opt %s -split-input-file -verify-diagnostics
// One case per d2m verifier rule (D2M.cpp, the tile and CB type verifiers,
// and the ODS constraints and traits of D2MOps.td).

//===----------------------------------------------------------------------===//
// Types
//===----------------------------------------------------------------------===//

// expected-error @+1 {{tile element type must be bf16 or f32, got 'f16'}}
func.func private @tile_f16(!d2m.tile<f16>)

// -----

// expected-error @+1 {{a CB holds tiles, got 'memref<1x1xf32, #d2m.memspace<cb>>'}}
func.func private @cb_of_scalars(!d2m.cb<memref<1x1xf32, #d2m.memspace<cb>>>)

// -----

// expected-error @+1 {{a CB's memref must be in #d2m.memspace<cb>, got 'memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>'}}
func.func private @cb_in_l1(!d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>>)

//===----------------------------------------------------------------------===//
// d2m.generic
//===----------------------------------------------------------------------===//

// -----

func.func @grid(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op grid must be [rows, cols] with both positive}}
  d2m.generic @g grid [0, 1] items 1 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @items(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op items must be positive}}
  d2m.generic @g grid [1, 1] items 0 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @distribution_attr(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op attribute 'distributions' failed to satisfy constraint: distribution array}}
  d2m.generic @g grid [1, 1] items 1 dist [0 : i32]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @distribution_count(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op has 2 distributions for 1 operands}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @cb_count(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op region has 0 CB arguments for 1 operands}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
    d2m.yield
  }
  return
}

// -----

func.func @operand_not_memref(%x: tensor<1x1x!d2m.tile<bf16>>,
                              %o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op operand #0 must be variadic of memref of any type values, but got 'tensor<1x1x!d2m.tile<bf16>>'}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>, #d2m.dist<shard>]
      ins(%x : tensor<1x1x!d2m.tile<bf16>>)
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c0: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>,
       %c1: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @operand_not_dram(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>) {
  // expected-error @+1 {{'d2m.generic' op operand must be a memref of tiles in #d2m.memspace<dram>, got 'memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>'}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @region_arg_not_cb(%o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op region argument #0 must be a !d2m.cb}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>):
    d2m.yield
  }
  return
}

// -----

// A CB may widen its tensor's tiles (precision=accurate), never narrow them.
func.func @cb_tile_type(%o: memref<1x1x!d2m.tile<f32>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 and its operand hold different tiles}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<shard>]
      outs(%o : memref<1x1x!d2m.tile<f32>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @output_streamed(%o: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op outputs must be sharded}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<stream>]
      outs(%o : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @block_cols(%o: memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 block 'memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>' does not tile 'memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>' by rows}}
  d2m.generic @g grid [1, 1] items 2 dist [#d2m.dist<shard>]
      outs(%o : memref<2x2x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @block_rows(%x: memref<3x1x!d2m.tile<bf16>, #d2m.memspace<dram>>,
                      %o: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 block 'memref<2x1x!d2m.tile<bf16>, #d2m.memspace<cb>>' does not tile 'memref<3x1x!d2m.tile<bf16>, #d2m.memspace<dram>>' by rows}}
  d2m.generic @g grid [1, 1] items 1 dist [#d2m.dist<stream>, #d2m.dist<shard>]
      ins(%x : memref<3x1x!d2m.tile<bf16>, #d2m.memspace<dram>>)
      outs(%o : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%cx: !d2m.cb<memref<2x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>,
       %co: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

// A rank-0 CB block (this used to read past the shape).
func.func @block_rank0(%o: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 block 'memref<!d2m.tile<bf16>, #d2m.memspace<cb>>' does not tile 'memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>' by rows}}
  d2m.generic @g grid [1, 1] items 2 dist [#d2m.dist<shard>]
      outs(%o : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

// A block of zero rows (this used to divide by zero).
func.func @block_empty(%o: memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 block 'memref<0x1x!d2m.tile<bf16>, #d2m.memspace<cb>>' does not tile 'memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>' by rows}}
  d2m.generic @g grid [1, 1] items 2 dist [#d2m.dist<shard>]
      outs(%o : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<0x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @block_dynamic(%o: memref<?x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op CB #0 block 'memref<?x1x!d2m.tile<bf16>, #d2m.memspace<cb>>' does not tile 'memref<?x1x!d2m.tile<bf16>, #d2m.memspace<dram>>' by rows}}
  d2m.generic @g grid [1, 1] items 2 dist [#d2m.dist<shard>]
      outs(%o : memref<?x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<?x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @shard_items(%o: memref<4x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  // expected-error @+1 {{'d2m.generic' op sharded operand #0 has 2 row blocks for 4 items}}
  d2m.generic @g grid [1, 1] items 4 dist [#d2m.dist<shard>]
      outs(%o : memref<4x1x!d2m.tile<bf16>, #d2m.memspace<dram>>) {
  ^bb0(%c: !d2m.cb<memref<2x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>):
    d2m.yield
  }
  return
}

// -----

func.func @yield_outside_generic() {
  // expected-error @+1 {{'d2m.yield' op expects parent op 'd2m.generic'}}
  d2m.yield
}

//===----------------------------------------------------------------------===//
// CB access, DST, scaler
//===----------------------------------------------------------------------===//

// -----

func.func @wait_type(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>) {
  // expected-error @+1 {{'d2m.wait' op result must be the CB's memref type}}
  %m = d2m.wait %c : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<2x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
  return
}

// -----

func.func @reserve_type(%c: !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>>) {
  // expected-error @+1 {{'d2m.reserve' op result must be the CB's memref type}}
  %m = d2m.reserve %c : !d2m.cb<memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>> -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>
  return
}

// -----

func.func @wait_not_cb(%m: memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>) {
  // expected-error @+1 {{'d2m.wait' op operand #0 must be A circular buffer holding one block (a CB-space memref), but got 'memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>'}}
  %v = "d2m.wait"(%m) : (memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>) -> memref<1x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
  return
}

// -----

func.func @acquire_dst_space() {
  // expected-error @+1 {{'d2m.acquire_dst' op result must be a memref of tiles in #d2m.memspace<dst>, got 'memref<1x1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>'}}
  %d = d2m.acquire_dst : memref<1x1x1x!d2m.tile<bf16>, #d2m.memspace<l1>>
  return
}

// -----

func.func @acquire_dst_scalars() {
  // expected-error @+1 {{'d2m.acquire_dst' op result must be a memref of tiles in #d2m.memspace<dst>, got 'memref<8x32x32xbf16, #d2m.memspace<dst>>'}}
  %d = d2m.acquire_dst : memref<8x32x32xbf16, #d2m.memspace<dst>>
  return
}

// -----

func.func @scaler_space() {
  // expected-error @+1 {{'d2m.scaler' op result must be a memref of tiles in #d2m.memspace<cb>, got 'memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>'}}
  %s = d2m.scaler 1.0 : memref<1x1x!d2m.tile<bf16>, #d2m.memspace<dram>>
  return
}

// -----

func.func @scaler_size() {
  // expected-error @+1 {{'d2m.scaler' op a scaler CB holds exactly one tile}}
  %s = d2m.scaler 1.0 : memref<2x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
  return
}

// -----

func.func @scaler_dynamic() {
  // expected-error @+1 {{'d2m.scaler' op a scaler CB holds exactly one tile}}
  %s = d2m.scaler 1.0 : memref<?x1x!d2m.tile<bf16>, #d2m.memspace<cb>>
  return
}

//===----------------------------------------------------------------------===//
// Tile ops: operand and result types
//===----------------------------------------------------------------------===//

// -----

func.func @tile_operand_not_tile(%x: f32) {
  // expected-error @+1 {{'d2m.tile_exp' op operand #0 must be d2m tile, but got 'f32'}}
  %y = "d2m.tile_exp"(%x) : (f32) -> f32
  return
}

// -----

func.func @tile_fill_not_tile() {
  // expected-error @+1 {{'d2m.tile_fill' op result #0 must be d2m tile, but got 'f32'}}
  %y = "d2m.tile_fill"() <{value = 0.0 : f64}> : () -> f32
  return
}

// -----

func.func @matmul_types(%a: !d2m.tile<bf16>, %c: !d2m.tile<f32>) {
  // expected-error @+1 {{'d2m.tile_matmul' op failed to verify that all of {a, b, c, result} have same type}}
  %y = "d2m.tile_matmul"(%a, %a, %c) : (!d2m.tile<bf16>, !d2m.tile<bf16>, !d2m.tile<f32>) -> !d2m.tile<f32>
  return
}

// -----

func.func @reduce_types(%a: !d2m.tile<bf16>, %c: !d2m.tile<f32>) {
  // expected-error @+1 {{'d2m.tile_reduce_sum' op failed to verify that all of {a, b, c, result} have same type}}
  %y = "d2m.tile_reduce_sum"(%a, %a, %c) <{reduce_dim = #d2m.reduce_dim<R>}> : (!d2m.tile<bf16>, !d2m.tile<bf16>, !d2m.tile<f32>) -> !d2m.tile<f32>
  return
}

// -----

func.func @transpose_types(%a: !d2m.tile<bf16>) {
  // expected-error @+1 {{'d2m.tile_transpose' op requires the same type for all operands and results}}
  %y = "d2m.tile_transpose"(%a) : (!d2m.tile<bf16>) -> !d2m.tile<f32>
  return
}

// -----

func.func @binary_types(%a: !d2m.tile<bf16>, %b: !d2m.tile<f32>) {
  // expected-error @+1 {{'d2m.tile_maximum' op requires the same type for all operands and results}}
  %y = "d2m.tile_maximum"(%a, %b) : (!d2m.tile<bf16>, !d2m.tile<f32>) -> !d2m.tile<bf16>
  return
}

// -----

func.func @unary_types(%a: !d2m.tile<bf16>) {
  // expected-error @+1 {{'d2m.tile_recip' op requires the same type for all operands and results}}
  %y = "d2m.tile_recip"(%a) : (!d2m.tile<bf16>) -> !d2m.tile<f32>
  return
}

// -----

func.func @scale_types(%a: !d2m.tile<bf16>) {
  // expected-error @+1 {{'d2m.tile_scale' op requires the same type for all operands and results}}
  %y = "d2m.tile_scale"(%a) <{factor = 2.0 : f64}> : (!d2m.tile<bf16>) -> !d2m.tile<f32>
  return
}

// -----

func.func @bcast_types(%a: !d2m.tile<f32>) {
  // expected-error @+1 {{'d2m.tile_bcast' op requires the same type for all operands and results}}
  %y = "d2m.tile_bcast"(%a) <{bcast_type = #d2m.bcast<col>}> : (!d2m.tile<f32>) -> !d2m.tile<bf16>
  return
}
