//===- Passes.td - d2m transforms --------------------------*- tablegen -*-===//

#ifndef DSTLAB_D2M_PASSES
#define DSTLAB_D2M_PASSES

include "mlir/Pass/PassBase.td"

def D2MBufferize : Pass<"d2m-bufferize", "::mlir::ModuleOp"> {
  let summary = "Tensor linalg.generics of tiles to CB memrefs";
  let description = [{
    Inside d2m.generic regions: block tensors become the CB memrefs they came
    from, tensor.empty becomes an intermediate CB (memref.alloc in
    #d2m.memspace<cb>), and a generic whose result is only stored to an
    output CB writes that CB directly. dstlab's own small bufferization of the
    forms tl-to-d2m emits.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def D2MInsertDstRegisterAccess
    : Pass<"d2m-insert-dst-register-access", "::mlir::ModuleOp"> {
  let summary = "Upstream model: allocate DST slices in tile compute nests";
  let description = [{
    A model of tt-mlir's pass at ae4e7b838c (2025-11-23),
    lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp, with tt-lang's
    d2m-generic-tile-compute-loops in front: bump allocation of DST slices
    in program order; operands loaded into DST per op (unary {0}, binary
    SFPU {0, 1}, tile_matmul and tile_reduce_* {2}, tile_transpose none);
    in-place results take the most recently allocated slice; a CB load
    copied into DST is replaced for all its users; DST sized capacity over
    block volume; and upstream's checks at their source lines.
    With `assertions=true` a failed check prints upstream's message and
    aborts; with `assertions=false` the pass carries on as the release build
    does.
  }];
  let options = [
    Option<"assertions", "assertions", "bool", "true",
           "abort like the assert build (false: carry on like NDEBUG)">,
    Option<"fullSync", "full-sync", "bool", "false",
           "DST in full-sync mode (capacity doubled)">,
    Option<"assertLineStyle", "assert-line-style",
           "::dstlab::d2m::AssertLineStyle",
           "::dstlab::d2m::AssertLineStyle::Clang",
           "line numbers of multi-line upstream asserts",
           [{::llvm::cl::values(
             clEnumValN(::dstlab::d2m::AssertLineStyle::GCC, "gcc",
                        "the first line, as g++ prints it"),
             clEnumValN(::dstlab::d2m::AssertLineStyle::Clang, "clang",
                        "the closing line, as tt-mlir's CI builds print it"))}]>,
    Option<"hostFix2", "host-fix2", "bool", "false",
           "the pass as the unary-reduce variant hosts fix 2's IR (ops and "
           "copies tt-mlir ae4e7b838c cannot take): a section per tile, pure "
           "copies through DST, fresh accumulators not copied in">,
    Option<"tileComputeLoops", "tile-compute-loops", "bool", "true",
           "model tt-lang's d2m-generic-tile-compute-loops before the pass: "
           "one DST section per output tile, or per block when every op is "
           "in place with one DST operand (off: one section per block)">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect"];
}

//===----------------------------------------------------------------------===//
// Model of tt-mlir 19c86fca45 (Upstream2026/, Rationale.md there)
//===----------------------------------------------------------------------===//

def D2MTileComputeLoops2026
    : Pass<"d2m-tile-compute-loops-2026", "::mlir::ModuleOp"> {
  let summary = "Upstream 19c86fca45 model: DST packing and subblock nests";
  let description = [{
    Models d2m-generic-tile-compute-loops and its DST packing analysis at
    tt-mlir 19c86fca45 (GenericTileComputeLoops.cpp, DstRegisterAnalysis.cpp):
    per output the largest tile count per DST flip (at least two flips),
    the region-wide minimum, and the diagnostic for a region mixing
    single-tile and multi-tile outputs. Each compute nest becomes outer
    loops around a subblock nest tagged `d2m.linalg_root`.
  }];
  let dependentDialects = ["::mlir::affine::AffineDialect"];
}

def D2MOpScheduler2026 : Pass<"d2m-op-scheduler-2026", "::mlir::ModuleOp"> {
  let summary = "Upstream 19c86fca45 model: Sethi-Ullman op scheduler";
  let description = [{
    Models d2m-op-scheduler at tt-mlir 19c86fca45 (OpScheduler.cpp): a
    generic with more than 3 operands and no tile_fill has every root tagged
    `d2m.scheduled`, and the tree of the first store's value is reordered by
    Sethi-Ullman weights, a shared value being a separate subtree per use
    and moved on every visit. A DAG therefore fails MLIR's dominance check
    after the pass, as upstream's does.
  }];
}

def D2MInsertDstRegisterAccess2026
    : Pass<"d2m-insert-dst-register-access-2026", "::mlir::ModuleOp"> {
  let summary = "Upstream 19c86fca45 model: unscheduled and scheduled DST "
                "passes";
  let description = [{
    Models d2m-insert-dst-register-access-unscheduled and -scheduled at
    tt-mlir 19c86fca45 (InsertDstRegisterAccess/{Unscheduled,Scheduled,
    Shared}.cpp): a free-slice stack with LIFO reuse, per-operand-slot use
    counts on the unscheduled path, the multi-user assert on the scheduled
    one, a 1-D DST indexed by two different linearisations, and copy nests
    that record one access per DST operand use.
  }];
  let options = [
    Option<"assertions", "assertions", "bool", "true",
           "abort like the assert build (false: carry on like NDEBUG)">,
    Option<"clangLines", "clang-lines", "bool", "false",
           "print multi-line asserts at their closing line as clang does "
           "(default: the first line, as the recorded g++ builds print)">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::scf::SCFDialect"];
}

#endif // DSTLAB_D2M_PASSES
