// RUN: dstlab-opt %s -split-input-file -verify-diagnostics
// One case per tl verifier rule (TL.cpp, the stream type, and the ODS
// constraints and traits of TLOps.td).

//===----------------------------------------------------------------------===//
// !tl.stream
//===----------------------------------------------------------------------===//

// expected-error @+1 {{stream must have at least one block}}
func.func @stream_no_blocks(%s: !tl.stream<tensor<32x32xbf16>, 0>)

// -----

// expected-error @+1 {{stream block must be 2-D}}
func.func @stream_not_2d(%s: !tl.stream<tensor<2x32x32xbf16>, 1>)

//===----------------------------------------------------------------------===//
// tl.program
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{'tl.program' op grid must be [rows, cols] with both positive}}
tl.program @p grid [1, 0] {
}

// -----

// expected-error @+1 {{'tl.program' op grid must be [rows, cols] with both positive}}
tl.program @p grid [2] {
}

//===----------------------------------------------------------------------===//
// tl.tensor
//===----------------------------------------------------------------------===//

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.tensor' op tensor shape 'tensor<32x48xbf16>' is not a whole number of 32x32 tiles}}
  tl.tensor @X input : tensor<32x48xbf16>
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.tensor' op a colvec tensor must be one tile wide}}
  tl.tensor @M output colvec : tensor<64x64xbf16>
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.tensor' op attribute 'type' failed to satisfy constraint: type attribute of 2-D ranked tensor of bfloat16 type or 32-bit float values}}
  tl.tensor @X input : tensor<32x32xi32>
}

// -----

// expected-error @+1 {{'tl.tensor' op expects parent op 'tl.program'}}
tl.tensor @X input : tensor<32x32xbf16>

//===----------------------------------------------------------------------===//
// tl.kernel
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{'tl.kernel' op expects parent op 'tl.program'}}
tl.kernel @k ins [] outs [] {
  tl.yield
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op has 0 block arguments for 1 ins}}
  tl.kernel @k ins [@X] outs [] {
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.kernel' op ins names unknown tensor @X}}
  tl.kernel @k ins [@X] outs [] {
  ^bb0(%x: tensor<32x32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @O output : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op reads output tensor @O}}
  tl.kernel @k ins [@O] outs [] {
  ^bb0(%o: tensor<32x32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @K input : tensor<128x32xbf16>
  // expected-error @+1 {{'tl.kernel' op stream block shape 'tensor<16x32xbf16>' is not a whole number of 32x32 tiles}}
  tl.kernel @k ins [@K] outs [] {
  ^bb0(%k: !tl.stream<tensor<16x32xbf16>, 8>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @K input : tensor<128x32xbf16>
  // expected-error @+1 {{'tl.kernel' op stream '!tl.stream<tensor<32x32xbf16>, 2>' does not tile 'tensor<128x32xbf16>' by row blocks}}
  tl.kernel @k ins [@K] outs [] {
  ^bb0(%k: !tl.stream<tensor<32x32xbf16>, 2>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op block arguments must be 2-D tensors or !tl.stream}}
  tl.kernel @k ins [@X] outs [] {
  ^bb0(%x: f32):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op block arguments must be 2-D tensors or !tl.stream}}
  tl.kernel @k ins [@X] outs [] {
  ^bb0(%x: tensor<32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op block argument shape 'tensor<0x32xbf16>' is not a whole number of 32x32 tiles}}
  tl.kernel @k ins [@X] outs [] {
  ^bb0(%x: tensor<0x32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<96x32xbf16>
  // expected-error @+1 {{'tl.kernel' op shard 'tensor<64x32xbf16>' does not tile 'tensor<96x32xbf16>' by row blocks}}
  tl.kernel @k ins [@X] outs [] {
  ^bb0(%x: tensor<64x32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<128x32xbf16>
  tl.tensor @Y input : tensor<128x32xbf16>
  // expected-error @+1 {{'tl.kernel' op sharded operands disagree on the number of row blocks (4 vs 2)}}
  tl.kernel @k ins [@X, @Y] outs [] {
  ^bb0(%x: tensor<32x32xbf16>, %y: tensor<64x32xbf16>):
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.kernel' op body must end in tl.yield}}
  tl.kernel @k ins [] outs [] {
    %z = tl.fill 0.0 : tensor<32x32xbf16>
  }
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.kernel' op body must end in tl.yield}}
  tl.kernel @k ins [] outs [] {
  ^bb0:
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @O output : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op yields 0 blocks for 1 outs}}
  tl.kernel @k ins [] outs [@O] {
    tl.yield
  }
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.kernel' op outs names unknown tensor @O}}
  tl.kernel @k ins [] outs [@O] {
    %z = tl.fill 0.0 : tensor<32x32xbf16>
    tl.yield %z : tensor<32x32xbf16>
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<32x32xbf16>
  // expected-error @+1 {{'tl.kernel' op writes input tensor @X}}
  tl.kernel @k ins [] outs [@X] {
    %z = tl.fill 0.0 : tensor<32x32xbf16>
    tl.yield %z : tensor<32x32xbf16>
  }
}

// -----

tl.program @p grid [1, 1] {
  tl.tensor @X input : tensor<64x32xbf16>
  tl.tensor @O output : tensor<64x32xbf16>
  // expected-error @+1 {{'tl.kernel' op yielded block 'tensor<64x32xbf16>' times 2 work items does not fill 'tensor<64x32xbf16>'}}
  tl.kernel @k ins [@X] outs [@O] {
  ^bb0(%x: tensor<32x32xbf16>):
    %z = tl.fill 0.0 : tensor<64x32xbf16>
    tl.yield %z : tensor<64x32xbf16>
  }
}

//===----------------------------------------------------------------------===//
// tl.yield, tl.read
//===----------------------------------------------------------------------===//

// -----

func.func @yield_outside_kernel(%x: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.yield' op expects parent op 'tl.kernel'}}
  tl.yield %x : tensor<32x32xbf16>
}

// -----

func.func @read_wrong_type(%s: !tl.stream<tensor<32x32xbf16>, 2>, %i: index) {
  // expected-error @+1 {{'tl.read' op failed to verify that result is the stream's block type}}
  %b = "tl.read"(%s, %i) : (!tl.stream<tensor<32x32xbf16>, 2>, index) -> tensor<64x32xbf16>
  return
}

//===----------------------------------------------------------------------===//
// Block operations
//===----------------------------------------------------------------------===//

// -----

func.func @block_constraint() {
  // expected-error @+1 {{'tl.fill' op result #0 must be 2-D ranked tensor of bfloat16 type or 32-bit float values, but got 'tensor<32xbf16>'}}
  %z = tl.fill 0.0 : tensor<32xbf16>
  return
}

// -----

func.func @transpose_untiled(%x: tensor<32x48xbf16>) {
  // expected-error @+1 {{'tl.transpose' op operand shape 'tensor<32x48xbf16>' is not a whole number of 32x32 tiles}}
  %t = tl.transpose %x : tensor<32x48xbf16> -> tensor<48x32xbf16>
  return
}

// -----

func.func @transpose_untiled_result(%x: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.transpose' op result shape 'tensor<32x16xbf16>' is not a whole number of 32x32 tiles}}
  %t = tl.transpose %x : tensor<32x32xbf16> -> tensor<32x16xbf16>
  return
}

// -----

func.func @transpose_shape(%x: tensor<32x64xbf16>) {
  // expected-error @+1 {{'tl.transpose' op result 'tensor<32x64xbf16>' is not the transpose of 'tensor<32x64xbf16>'}}
  %t = tl.transpose %x : tensor<32x64xbf16> -> tensor<32x64xbf16>
  return
}

// -----

func.func @matmul_contraction(%a: tensor<32x64xbf16>, %b: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.matmul' op contraction mismatch: 'tensor<32x64xbf16>' @ 'tensor<32x32xbf16>'}}
  %c = tl.matmul %a, %b : tensor<32x64xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
  return
}

// -----

func.func @matmul_result(%a: tensor<32x64xbf16>, %b: tensor<64x96xbf16>) {
  // expected-error @+1 {{'tl.matmul' op result 'tensor<32x64xbf16>' is not 32x96}}
  %c = tl.matmul %a, %b : tensor<32x64xbf16>, tensor<64x96xbf16> -> tensor<32x64xbf16>
  return
}

// -----

func.func @matmul_element_type(%a: tensor<32x32xbf16>, %b: tensor<32x32xf32>) {
  // expected-error @+1 {{'tl.matmul' op operands and result must share one element type}}
  %c = tl.matmul %a, %b : tensor<32x32xbf16>, tensor<32x32xf32> -> tensor<32x32xbf16>
  return
}

// -----

func.func @binary_result_type(%a: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.add' op failed to verify that all of {lhs, result} have same type}}
  %c = "tl.add"(%a, %a) : (tensor<32x32xbf16>, tensor<32x32xbf16>) -> tensor<32x32xf32>
  return
}

// -----

func.func @binary_untiled(%a: tensor<32x40xbf16>) {
  // expected-error @+1 {{'tl.add' op operand shape 'tensor<32x40xbf16>' is not a whole number of 32x32 tiles}}
  %c = tl.add %a, %a : tensor<32x40xbf16>, tensor<32x40xbf16>
  return
}

// -----

func.func @binary_element_type(%a: tensor<32x32xbf16>, %b: tensor<32x32xf32>) {
  // expected-error @+1 {{'tl.sub' op operands must share one element type}}
  %c = tl.sub %a, %b : tensor<32x32xbf16>, tensor<32x32xf32>
  return
}

// -----

func.func @binary_no_bcast(%a: tensor<32x64xbf16>, %b: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.mul' op operand types differ ('tensor<32x64xbf16>' vs 'tensor<32x32xbf16>'); use bcast cols or bcast rows}}
  %c = tl.mul %a, %b : tensor<32x64xbf16>, tensor<32x32xbf16>
  return
}

// -----

func.func @binary_bcast_cols(%a: tensor<64x64xbf16>, %b: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.sub' op bcast cols needs a 64x32 column vector, got 'tensor<32x32xbf16>'}}
  %c = tl.sub %a, %b bcast cols : tensor<64x64xbf16>, tensor<32x32xbf16>
  return
}

// -----

func.func @binary_bcast_rows(%a: tensor<64x64xbf16>, %b: tensor<64x32xbf16>) {
  // expected-error @+1 {{'tl.max' op bcast rows needs a 32x64 row vector, got 'tensor<64x32xbf16>'}}
  %c = tl.max %a, %b bcast rows : tensor<64x64xbf16>, tensor<64x32xbf16>
  return
}

// -----

func.func @unary_result_type(%a: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.exp' op requires the same type for all operands and results}}
  %c = "tl.exp"(%a) : (tensor<32x32xbf16>) -> tensor<64x32xbf16>
  return
}

// -----

func.func @scale_result_type(%a: tensor<32x32xbf16>) {
  // expected-error @+1 {{'tl.scale' op requires the same type for all operands and results}}
  %c = "tl.scale"(%a) {factor = 2.0 : f64} : (tensor<32x32xbf16>) -> tensor<32x32xf32>
  return
}

// -----

func.func @rowreduce_untiled(%a: tensor<32x50xbf16>) {
  // expected-error @+1 {{'tl.rowmax' op operand shape 'tensor<32x50xbf16>' is not a whole number of 32x32 tiles}}
  %m = tl.rowmax %a : tensor<32x50xbf16> -> tensor<32x32xbf16>
  return
}

// -----

func.func @rowreduce_result(%a: tensor<64x64xbf16>) {
  // expected-error @+1 {{'tl.rowsum' op result must be a 64x32 column vector of 'bf16', got 'tensor<64x64xbf16>'}}
  %m = tl.rowsum %a : tensor<64x64xbf16> -> tensor<64x64xbf16>
  return
}

// -----

func.func @bcast_untiled(%a: tensor<64x32xbf16>) {
  // expected-error @+1 {{'tl.bcast' op result shape 'tensor<64x70xbf16>' is not a whole number of 32x32 tiles}}
  %b = tl.bcast %a cols : tensor<64x32xbf16> -> tensor<64x70xbf16>
  return
}

// -----

func.func @bcast_element_type(%a: tensor<64x32xbf16>) {
  // expected-error @+1 {{'tl.bcast' op element types differ}}
  %b = tl.bcast %a cols : tensor<64x32xbf16> -> tensor<64x64xf32>
  return
}

// -----

func.func @bcast_cols(%a: tensor<64x64xbf16>) {
  // expected-error @+1 {{'tl.bcast' op bcast cols takes an Mx32 column vector to MxN, got 'tensor<64x64xbf16>' -> 'tensor<64x128xbf16>'}}
  %b = tl.bcast %a cols : tensor<64x64xbf16> -> tensor<64x128xbf16>
  return
}

// -----

func.func @bcast_rows(%a: tensor<32x64xbf16>) {
  // expected-error @+1 {{'tl.bcast' op bcast rows takes a 32xN row vector to MxN, got 'tensor<32x64xbf16>' -> 'tensor<64x32xbf16>'}}
  %b = tl.bcast %a rows : tensor<32x64xbf16> -> tensor<64x32xbf16>
  return
}

// -----

tl.program @p grid [1, 1] {
  // expected-error @+1 {{'tl.kernel' op has no ins and no outs: a kernel must read or write at least one tensor}}
  tl.kernel @k ins [] outs [] {
    tl.yield
  }
}
