//===- TLDialect.td - tt-lang-like block-level dialect -----*- tablegen -*-===//
//
// The `tl` dialect models a tt-lang program at the block level: a grid, global
// tensors with a distribution over cores, and kernels of block ops on tensors
// whose shapes are whole 32x32 tiles. See compiler/Dialect/TL/Rationale.md.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_TL_DIALECT
#define DSTLAB_TL_DIALECT

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def TL_Dialect : Dialect {
  let name = "tl";
  let summary = "Block-level tt-lang-like programs";
  let description = [{
    A `tl.program` runs on a grid of cores. Its `tl.tensor` declarations are
    DRAM tensors (inputs, outputs or temporaries); each `tl.kernel` runs once
    per row block ("work item") of its sharded operands, work items dealt to
    cores round-robin; streamed operands are read block by block by every core.
  }];
  let cppNamespace = "::dstlab::tl";
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
}

def TL_TensorRole : I32EnumAttr<"TensorRole", "role of a program tensor", [
  I32EnumAttrCase<"Input", 0, "input">,
  I32EnumAttrCase<"Output", 1, "output">,
  I32EnumAttrCase<"Temp", 2, "temp">
]> {
  let cppNamespace = "::dstlab::tl";
  let genSpecializedAttr = 0;
}
def TL_TensorRoleAttr : EnumAttr<TL_Dialect, TL_TensorRole, "role">;

def TL_Bcast : I32EnumAttr<"Bcast", "broadcast of the right operand", [
  I32EnumAttrCase<"Cols", 0, "cols">,
  I32EnumAttrCase<"Rows", 1, "rows">
]> {
  let cppNamespace = "::dstlab::tl";
  let genSpecializedAttr = 0;
}
def TL_BcastAttr : EnumAttr<TL_Dialect, TL_Bcast, "bcast">;

class TL_Type<string name, string typeMnemonic, list<Trait> traits = []>
    : TypeDef<TL_Dialect, name, traits> {
  let mnemonic = typeMnemonic;
}

def TL_StreamType : TL_Type<"Stream", "stream"> {
  let summary = "A tensor read block by block by every core";
  let description = [{
    `!tl.stream<tensor<64x64xbf16>, 8>`: the operand is a global tensor of 8
    row blocks of the given block type; `tl.read` returns block `j`.
  }];
  let parameters = (ins "::mlir::RankedTensorType":$blockType,
                        "int64_t":$numBlocks);
  let assemblyFormat = "`<` $blockType `,` $numBlocks `>`";
  let genVerifyDecl = 1;
}

#endif // DSTLAB_TL_DIALECT
