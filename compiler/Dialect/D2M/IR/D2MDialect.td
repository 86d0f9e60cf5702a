//===- D2MDialect.td - compute-level dialect ---------------*- tablegen -*-===//
//
// The subset of tt-mlir's D2M dialect that the DST-register bugs live in, with
// upstream's names. See compiler/Dialect/D2M/Rationale.md.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_D2M_DIALECT
#define DSTLAB_D2M_DIALECT

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"
include "mlir/IR/BuiltinTypeInterfaces.td"

def D2M_Dialect : Dialect {
  let name = "d2m";
  let summary = "Compute level: generics over circular buffers, tile ops, DST";
  let cppNamespace = "::dstlab::d2m";
  let useDefaultTypePrinterParser = 1;
  let useDefaultAttributePrinterParser = 1;
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect"];
}

def D2M_MemorySpace : I32EnumAttr<"MemorySpace", "where a memref lives", [
  I32EnumAttrCase<"DRAM", 0, "dram">,
  I32EnumAttrCase<"L1", 1, "l1">,
  I32EnumAttrCase<"CB", 2, "cb">,
  I32EnumAttrCase<"DST", 3, "dst">
]> {
  let cppNamespace = "::dstlab::d2m";
  let genSpecializedAttr = 0;
}
def D2M_MemorySpaceAttr : EnumAttr<D2M_Dialect, D2M_MemorySpace, "memspace"> {
  let assemblyFormat = "`<` $value `>`";
}

def D2M_ReduceDim : I32EnumAttr<"ReduceDim", "dimension a tile reduce removes", [
  I32EnumAttrCase<"R", 0, "R">,
  I32EnumAttrCase<"C", 1, "C">,
  I32EnumAttrCase<"RC", 2, "RC">
]> {
  let cppNamespace = "::dstlab::d2m";
  let genSpecializedAttr = 0;
}
def D2M_ReduceDimAttr : EnumAttr<D2M_Dialect, D2M_ReduceDim, "reduce_dim"> {
  let assemblyFormat = "`<` $value `>`";
}

def D2M_BcastType : I32EnumAttr<"BcastType", "tile broadcast", [
  I32EnumAttrCase<"Col", 0, "col">,
  I32EnumAttrCase<"Row", 1, "row">,
  I32EnumAttrCase<"Scalar", 2, "scalar">
]> {
  let cppNamespace = "::dstlab::d2m";
  let genSpecializedAttr = 0;
}
def D2M_BcastTypeAttr : EnumAttr<D2M_Dialect, D2M_BcastType, "bcast"> {
  let assemblyFormat = "`<` $value `>`";
}

def D2M_Distribution : I32EnumAttr<"Distribution", "operand over the grid", [
  I32EnumAttrCase<"Shard", 0, "shard">,
  I32EnumAttrCase<"Stream", 1, "stream">
]> {
  let cppNamespace = "::dstlab::d2m";
  let genSpecializedAttr = 0;
}
def D2M_DistributionAttr : EnumAttr<D2M_Dialect, D2M_Distribution, "dist"> {
  let assemblyFormat = "`<` $value `>`";
}
def D2M_DistributionArrayAttr : TypedArrayAttrBase<D2M_DistributionAttr,
                                                   "distribution array">;

def D2M_TileType : TypeDef<D2M_Dialect, "Tile",
                           [MemRefElementTypeInterface]> {
  let mnemonic = "tile";
  let summary = "A 32x32 tile of bf16 or f32";
  let parameters = (ins "::mlir::Type":$elementType);
  let assemblyFormat = "`<` $elementType `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    static constexpr int64_t kRows = 32, kCols = 32;
    bool isF32() const { return getElementType().isF32(); }
  }];
}

def D2M_CBType : TypeDef<D2M_Dialect, "CB"> {
  let mnemonic = "cb";
  let summary = "A circular buffer holding one block (a CB-space memref)";
  let parameters = (ins "::mlir::MemRefType":$memref);
  let assemblyFormat = "`<` $memref `>`";
  let genVerifyDecl = 1;
}

#endif // DSTLAB_D2M_DIALECT
