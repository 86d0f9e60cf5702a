//===- TTKernelDialect.td - kernel-level dialect -----------*- tablegen -*-===//
//
// Kernel level: the tt-metal compute and data-movement APIs, one op per call,
// with tt-metal's names. See compiler/Dialect/TTKernel/Rationale.md.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_TTKERNEL_DIALECT
#define DSTLAB_TTKERNEL_DIALECT

include "mlir/IR/OpBase.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/EnumAttr.td"

def TTKernel_Dialect : Dialect {
  let name = "ttkernel";
  let summary = "tt-metal kernel API calls";
  let cppNamespace = "::dstlab::ttkernel";
  let useDefaultAttributePrinterParser = 1;
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect"];
}

class TTKernel_Enum<string name, string summary, list<I32EnumAttrCase> cases>
    : I32EnumAttr<name, summary, cases> {
  let cppNamespace = "::dstlab::ttkernel";
  let genSpecializedAttr = 0;
}

def TTKernel_Thread : TTKernel_Enum<"Thread", "RISC-V thread of a core", [
  I32EnumAttrCase<"Reader", 0, "reader">,
  I32EnumAttrCase<"Compute", 1, "compute">,
  I32EnumAttrCase<"Writer", 2, "writer">
]>;
def TTKernel_ThreadAttr : EnumAttr<TTKernel_Dialect, TTKernel_Thread, "thread"> {
  let assemblyFormat = "`<` $value `>`";
}

def TTKernel_ReduceKind : TTKernel_Enum<"ReduceKind", "reduce op", [
  I32EnumAttrCase<"Max", 0, "max">,
  I32EnumAttrCase<"Sum", 1, "sum">
]>;
def TTKernel_ReduceKindAttr
    : EnumAttr<TTKernel_Dialect, TTKernel_ReduceKind, "reduce_kind"> {
  let assemblyFormat = "`<` $value `>`";
}

def TTKernel_ReduceDim : TTKernel_Enum<"ReduceDim", "tt-metal ReduceDim", [
  I32EnumAttrCase<"Row", 0, "row">,
  I32EnumAttrCase<"Col", 1, "col">,
  I32EnumAttrCase<"Scalar", 2, "scalar">
]>;
def TTKernel_ReduceDimAttr
    : EnumAttr<TTKernel_Dialect, TTKernel_ReduceDim, "reduce_dim"> {
  let assemblyFormat = "`<` $value `>`";
}

def TTKernel_BcastType : TTKernel_Enum<"BcastType", "tt-metal BroadcastType", [
  I32EnumAttrCase<"None", 0, "none">,
  I32EnumAttrCase<"Cols", 1, "cols">,
  I32EnumAttrCase<"Rows", 2, "rows">,
  I32EnumAttrCase<"Scalar", 3, "scalar">
]>;
def TTKernel_BcastTypeAttr
    : EnumAttr<TTKernel_Dialect, TTKernel_BcastType, "bcast"> {
  let assemblyFormat = "`<` $value `>`";
}

def TTKernel_MathFidelity : TTKernel_Enum<"MathFidelity", "matmul fidelity", [
  I32EnumAttrCase<"LoFi", 0, "LoFi">,
  I32EnumAttrCase<"HiFi2", 1, "HiFi2">,
  I32EnumAttrCase<"HiFi3", 2, "HiFi3">,
  I32EnumAttrCase<"HiFi4", 3, "HiFi4">
]>;
def TTKernel_MathFidelityAttr
    : EnumAttr<TTKernel_Dialect, TTKernel_MathFidelity, "fidelity"> {
  let assemblyFormat = "`<` $value `>`";
}

def TTKernel_DstMode : TTKernel_Enum<"DstMode", "DST sync mode", [
  I32EnumAttrCase<"Half", 0, "half">,
  I32EnumAttrCase<"Full", 1, "full">
]>;
def TTKernel_DstModeAttr : EnumAttr<TTKernel_Dialect, TTKernel_DstMode, "dst_mode"> {
  let assemblyFormat = "`<` $value `>`";
}

#endif // DSTLAB_TTKERNEL_DIALECT
