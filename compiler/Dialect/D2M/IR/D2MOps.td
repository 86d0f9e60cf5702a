//===- D2MOps.td - d2m operations --------------------------*- tablegen -*-===//

#ifndef DSTLAB_D2M_OPS
#define DSTLAB_D2M_OPS

include "compiler/Dialect/D2M/IR/D2MDialect.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/IR/SymbolInterfaces.td"

class D2M_Op<string mnemonic, list<Trait> traits = []>
    : Op<D2M_Dialect, mnemonic, traits>;

def D2M_Tile : Type<CPred<"::llvm::isa<::dstlab::d2m::TileType>($_self)">,
                    "d2m tile", "::dstlab::d2m::TileType">;

//===----------------------------------------------------------------------===//
// Structure
//===----------------------------------------------------------------------===//

def D2M_GenericOp : D2M_Op<"generic", [AttrSizedOperandSegments]> {
  let summary = "A kernel over the grid: data movement plus a compute region";
  let description = [{
    Operands are DRAM memrefs of tiles. Each block argument of the compute
    region is the `!d2m.cb` that holds one block of the matching operand:
    `shard` operands deliver the work item's row block once per work item,
    `stream` operands deliver consecutive row blocks, one per `d2m.wait`.
    The region runs once per work item; work items `0..items-1` are dealt to
    the `grid` cores round-robin in row-major core order.
  }];
  let arguments = (ins Variadic<AnyMemRef>:$inputs,
                       Variadic<AnyMemRef>:$outputs,
                       SymbolNameAttr:$sym_name,
                       DenseI64ArrayAttr:$grid, I64Attr:$items,
                       D2M_DistributionArrayAttr:$distributions);
  let regions = (region SizedRegion<1>:$region);
  let assemblyFormat = [{
    $sym_name `grid` $grid `items` $items `dist` $distributions
    (`ins` `(` $inputs^ `:` type($inputs) `)`)?
    `outs` `(` $outputs `:` type($outputs) `)` attr-dict-with-keyword $region
  }];
  let hasVerifier = 1;
}

def D2M_YieldOp : D2M_Op<"yield", [Pure, Terminator, HasParent<"GenericOp">]> {
  let summary = "Ends a compute region";
  let assemblyFormat = "attr-dict";
}

def D2M_WaitOp : D2M_Op<"wait"> {
  let summary = "Wait for the next block of an input CB and view it";
  let description = [{
    Blocks until the producer has pushed one block; the block is popped at the
    end of the enclosing region or loop body.
  }];
  let arguments = (ins D2M_CBType:$cb);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$cb attr-dict `:` type($cb) `->` type($result)";
  let hasVerifier = 1;
}

def D2M_ReserveOp : D2M_Op<"reserve"> {
  let summary = "Reserve space in an output CB and view it";
  let description = [{
    The block is pushed at the end of the enclosing region or loop body.
  }];
  let arguments = (ins D2M_CBType:$cb);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$cb attr-dict `:` type($cb) `->` type($result)";
  let hasVerifier = 1;
}

def D2M_AcquireDstOp : D2M_Op<"acquire_dst"> {
  let summary = "The DST register file: one slice per tile";
  let description = [{
    Inserted by d2m-insert-dst-register-access: a memref of
    [slices, block dims...]. The capacity is 8 tiles for bf16, 4 for f32,
    doubled in full-sync mode (tt-mlir 4e4ab42d19).
  }];
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def D2M_ScalerOp : D2M_Op<"scaler"> {
  let summary = "A CB holding one reduce scaler tile (row 0 = value)";
  let description = [{
    Filled once by the reader before the first work item and never popped:
    the constant B operand of an FPU reduce (1.0 for max and sum).
  }];
  let arguments = (ins F64Attr:$value);
  let results = (outs AnyMemRef:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Tile operations
//===----------------------------------------------------------------------===//

class D2M_TileOp<string mnemonic, list<Trait> traits = []>
    : D2M_Op<"tile_" # mnemonic, !listconcat([Pure], traits)>;

def D2M_TileMatmulOp : D2M_TileOp<"matmul", [AllTypesMatch<["a", "b", "c", "result"]>]> {
  let summary = "result = c + a @ b (FPU: a, b from CBs; c in DST)";
  let arguments = (ins D2M_Tile:$a, D2M_Tile:$b, D2M_Tile:$c);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$a `,` $b `,` $c attr-dict `:` type($result)";
}

def D2M_TileTransposeOp : D2M_TileOp<"transpose", [SameOperandsAndResultType]> {
  let summary = "Transpose one tile (transpose_wh)";
  let arguments = (ins D2M_Tile:$input);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
}

class D2M_TileBinaryOp<string mnemonic, string math>
    : D2M_TileOp<mnemonic, [SameOperandsAndResultType]> {
  let summary = "Elementwise " # math;
  let arguments = (ins D2M_Tile:$lhs, D2M_Tile:$rhs);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$lhs `,` $rhs attr-dict `:` type($result)";
}

def D2M_TileAddOp : D2M_TileBinaryOp<"add", "lhs + rhs">;
def D2M_TileSubOp : D2M_TileBinaryOp<"sub", "lhs - rhs">;
def D2M_TileMulOp : D2M_TileBinaryOp<"mul", "lhs * rhs">;
def D2M_TileMaximumOp : D2M_TileBinaryOp<"maximum", "max(lhs, rhs)">;

class D2M_TileUnaryOp<string mnemonic, string math>
    : D2M_TileOp<mnemonic, [SameOperandsAndResultType]> {
  let summary = "Elementwise " # math # " (SFPU, in place in DST)";
  let arguments = (ins D2M_Tile:$input);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$input attr-dict `:` type($result)";
}

def D2M_TileExpOp : D2M_TileUnaryOp<"exp", "exp(x)">;
def D2M_TileRecipOp : D2M_TileUnaryOp<"recip", "1 / x">;

def D2M_TileScaleOp : D2M_TileOp<"scale", [SameOperandsAndResultType]> {
  let summary = "x * factor (SFPU, in place in DST)";
  let arguments = (ins D2M_Tile:$input, F64Attr:$factor);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$input `by` $factor attr-dict `:` type($result)";
}

class D2M_TileReduceOp<string mnemonic, string math>
    : D2M_TileOp<mnemonic, [AllTypesMatch<["a", "b", "c", "result"]>]> {
  let summary = "result = reduce_" # math # "(a * b, c) along reduce_dim";
  let description = [{
    FPU reduce: `a` is the input tile and `b` the scaler tile, both read from
    CBs; `c` is the accumulator in DST. With s the first row of `b`:
    `R` (each row): c[i][0] = op(c[i][0], op_j a[i][j] * s[j]);
    `C` (each column): c[0][j] = op(c[0][j], op_i a[i][j] * s[i]);
    `RC`: c[0][0] over all elements.
  }];
  let arguments = (ins D2M_Tile:$a, D2M_Tile:$b, D2M_Tile:$c,
                       D2M_ReduceDimAttr:$reduce_dim);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = [{
    $a `,` $b `,` $c $reduce_dim attr-dict `:` type($result)
  }];
}

def D2M_TileReduceMaxOp : D2M_TileReduceOp<"reduce_max", "max">;
def D2M_TileReduceSumOp : D2M_TileReduceOp<"reduce_sum", "sum">;

def D2M_TileBcastOp : D2M_TileOp<"bcast", [SameOperandsAndResultType]> {
  let summary = "Broadcast column 0 (col), row 0 (row) or [0][0] (scalar)";
  let arguments = (ins D2M_Tile:$input, D2M_BcastTypeAttr:$bcast_type);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$input $bcast_type attr-dict `:` type($result)";
}

def D2M_TileFillOp : D2M_TileOp<"fill"> {
  let summary = "A tile with every element equal to `value` (SFPU, in DST)";
  let arguments = (ins F64Attr:$value);
  let results = (outs D2M_Tile:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
}

#endif // DSTLAB_D2M_OPS
