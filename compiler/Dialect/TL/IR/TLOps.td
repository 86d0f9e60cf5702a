//===- TLOps.td - tl block operations ----------------------*- tablegen -*-===//

#ifndef DSTLAB_TL_OPS
#define DSTLAB_TL_OPS

include "compiler/Dialect/TL/IR/TLDialect.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/IR/RegionKindInterface.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/InferTypeOpInterface.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

class TL_Op<string mnemonic, list<Trait> traits = []>
    : Op<TL_Dialect, mnemonic, traits>;

// A block value: a 2-D tensor of bf16 or f32 whose dimensions are whole tiles.
def TL_Block : RankedTensorOf<[BF16, F32], [HasAnyRankOfPred<[2]>],
                              "2-D ranked tensor">;

//===----------------------------------------------------------------------===//
// Program structure
//===----------------------------------------------------------------------===//

def TL_ProgramOp : TL_Op<"program", [Symbol, SymbolTable, IsolatedFromAbove,
                                     NoTerminator, SingleBlock]> {
  let summary = "A program on a grid of cores";
  let description = [{
    Holds `tl.tensor` declarations and `tl.kernel`s, run in program order on a
    `rows x cols` grid.

    ```mlir
    tl.program @p grid [1, 1] {
      tl.tensor @Q input : tensor<32x32xbf16>
      ...
    }
    ```
  }];
  let arguments = (ins SymbolNameAttr:$sym_name,
                       DenseI64ArrayAttr:$grid);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `grid` $grid attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

def TL_TensorDeclOp : TL_Op<"tensor", [Symbol,
                                        HasParent<"ProgramOp">]> {
  let summary = "A global DRAM tensor of the program";
  let description = [{
    `input` tensors are given by the host, `output` tensors are read back and
    checked, `temp` tensors pass data from one kernel to the next. `colvec`
    marks a column vector: only column 0 of each row is meaningful (the result
    of a row reduction).
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, TL_TensorRoleAttr:$role,
                       UnitAttr:$colvec, TypeAttrOf<TL_Block>:$type);
  let assemblyFormat = "$sym_name $role (`colvec` $colvec^)? `:` $type attr-dict";
  let hasVerifier = 1;
}

def TL_KernelOp : TL_Op<"kernel", [Symbol, IsolatedFromAbove,
                                    HasParent<"ProgramOp">]> {
  let summary = "A kernel: block ops run once per work item";
  let description = [{
    Each block argument binds one of `ins`: a tensor argument is the work
    item's row block of a sharded tensor; a `!tl.stream` argument streams the
    whole tensor block by block. `tl.yield` gives one block per `outs` tensor,
    written to the work item's row block.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, FlatSymbolRefArrayAttr:$ins,
                       FlatSymbolRefArrayAttr:$outs);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = [{
    $sym_name `ins` $ins `outs` $outs attr-dict-with-keyword $body
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The number of work items (row blocks of the sharded operands).
    int64_t getNumWorkItems();
  }];
}

def TL_YieldOp : TL_Op<"yield", [Pure, Terminator, ReturnLike,
                                  HasParent<"KernelOp">]> {
  let summary = "The kernel's output blocks";
  let arguments = (ins Variadic<TL_Block>:$values);
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

def TL_ReadOp : TL_Op<"read", [Pure,
    TypesMatchWith<"result is the stream's block type", "stream", "result",
                   "::llvm::cast<::dstlab::tl::StreamType>($_self).getBlockType()">]> {
  let summary = "Block `index` of a streamed tensor";
  let arguments = (ins TL_StreamType:$stream, Index:$index);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$stream `[` $index `]` attr-dict `:` type($stream)";
}

//===----------------------------------------------------------------------===//
// Block operations
//===----------------------------------------------------------------------===//

def TL_TransposeOp : TL_Op<"transpose", [Pure]> {
  let summary = "Block transpose: result[j][i] = x[i][j]";
  let description = [{
    The whole block is transposed: tiles move (tile (r, c) goes to (c, r)) and
    each tile is transposed.
  }];
  let arguments = (ins TL_Block:$input);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def TL_MatmulOp : TL_Op<"matmul", [Pure]> {
  let summary = "Block matrix product: result = lhs @ rhs";
  let arguments = (ins TL_Block:$lhs, TL_Block:$rhs);
  let results = (outs TL_Block:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs attr-dict `:` type($lhs) `,` type($rhs) `->` type($result)
  }];
  let hasVerifier = 1;
}

class TL_BinaryOp<string mnemonic, string math>
    : TL_Op<mnemonic, [Pure, AllTypesMatch<["lhs", "result"]>]> {
  let summary = "Elementwise " # math # ", optionally broadcasting rhs";
  let description = [{
    Without `bcast`, both operands have the result's type. With
    `bcast cols`, rhs is a column vector block (Mx32, column 0 used for every
    column); with `bcast rows`, a row vector block (32xN, row 0 used).
  }];
  let arguments = (ins TL_Block:$lhs, TL_Block:$rhs,
                       OptionalAttr<TL_BcastAttr>:$bcast);
  let results = (outs TL_Block:$result);
  let assemblyFormat = [{
    $lhs `,` $rhs (`bcast` $bcast^)? attr-dict `:` type($lhs) `,` type($rhs)
  }];
  let hasVerifier = 1;
}

def TL_AddOp : TL_BinaryOp<"add", "lhs + rhs">;
def TL_SubOp : TL_BinaryOp<"sub", "lhs - rhs">;
def TL_MulOp : TL_BinaryOp<"mul", "lhs * rhs">;
def TL_MaxOp : TL_BinaryOp<"max", "max(lhs, rhs)">;

class TL_UnaryOp<string mnemonic, string math>
    : TL_Op<mnemonic, [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise " # math;
  let arguments = (ins TL_Block:$input);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$input attr-dict `:` type($input)";
}

def TL_ExpOp : TL_UnaryOp<"exp", "exp(x)">;
def TL_RecipOp : TL_UnaryOp<"recip", "1 / x">;

def TL_ScaleOp : TL_Op<"scale", [Pure, SameOperandsAndResultType]> {
  let summary = "Elementwise x * factor, factor a constant";
  let arguments = (ins TL_Block:$input, F64Attr:$factor);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$input `by` $factor attr-dict `:` type($input)";
}

class TL_RowReduceOp<string mnemonic, string math>
    : TL_Op<mnemonic, [Pure]> {
  let summary = "Row " # math # ": a column vector block";
  let description = [{
    `result[i][0] = }] # math # [{_j x[i][j]` over every column of the whole
    block (across tiles). The result is an Mx32 column vector block; only its
    column 0 is meaningful.
  }];
  let arguments = (ins TL_Block:$input);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($result)";
  let hasVerifier = 1;
}

def TL_RowMaxOp : TL_RowReduceOp<"rowmax", "max">;
def TL_RowSumOp : TL_RowReduceOp<"rowsum", "sum">;

def TL_BroadcastOp : TL_Op<"bcast", [Pure]> {
  let summary = "Broadcast a column or row vector block to a full block";
  let arguments = (ins TL_Block:$input, TL_BcastAttr:$kind);
  let results = (outs TL_Block:$result);
  let assemblyFormat = [{
    $input $kind attr-dict `:` type($input) `->` type($result)
  }];
  let hasVerifier = 1;
}

def TL_FillOp : TL_Op<"fill", [Pure]> {
  let summary = "A block with every element equal to `value`";
  let arguments = (ins F64Attr:$value);
  let results = (outs TL_Block:$result);
  let assemblyFormat = "$value attr-dict `:` type($result)";
}

#endif // DSTLAB_TL_OPS
