//===- Passes.td - dstlab conversions ----------------------*- tablegen -*-===//

#ifndef DSTLAB_CONVERSION_PASSES
#define DSTLAB_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def TLToD2M : Pass<"tl-to-d2m", "::mlir::ModuleOp"> {
  let summary = "Lower tl programs to d2m.generic ops of tensor linalg.generics";
  let description = [{
    Each tl.program becomes a func.func over DRAM memrefs; each tl.kernel a
    d2m.generic whose compute region holds one tensor-typed linalg.generic of
    tile ops per block op, as tt-lang emitted them (Nov 2025).

    `reduce-form=ternary` is tt-lang's form: rowmax(x) is
    tile_reduce_max(x, x, x){reduce_dim = C} with identity maps and parallel
    iterators over the input's block. `reduce-form=unary` is fix 2: one data
    operand, a constant scaler tile, an accumulator initialised in DST and a
    reduction iterator across the row's tiles. `reduce-form=ttir` is the form
    tt-mlir's own TTIR->D2M path emits (19c86fca45): inputs A and a scaler
    tile of 1.0 (made by its own generic upstream, a d2m.scaler CB here), a
    reduction iterator, and the accumulator is the (uninitialised) output;
    reductions stay out of elementwise fusion.

    `transpose-form=per-tile` (tt-lang) transposes each tile in place;
    `block` also moves the tiles.

    `precision=accurate` makes every CB of a kernel f32: every value it
    computes is f32 and DST accumulates in f32 (fp32_dest_acc); the reader
    widens each input tile exactly and the writer rounds each output tile to
    its DRAM type (what the unpacker and packer do on hardware).
  }];
  let options = [
    Option<"reduceForm", "reduce-form", "::dstlab::ReduceForm",
           "::dstlab::ReduceForm::TTLang", "how rowmax/rowsum are lowered",
           [{::llvm::cl::values(
             clEnumValN(::dstlab::ReduceForm::TTLang, "ternary",
                        "tt-lang Nov 2025"),
             clEnumValN(::dstlab::ReduceForm::Unary, "unary", "fix 2"),
             clEnumValN(::dstlab::ReduceForm::TTIR, "ttir",
                        "tt-mlir's own TTIR->D2M form"))}]>,
    Option<"transposeForm", "transpose-form", "::dstlab::TransposeForm",
           "::dstlab::TransposeForm::PerTile", "how tl.transpose is lowered",
           [{::llvm::cl::values(
             clEnumValN(::dstlab::TransposeForm::PerTile, "per-tile",
                        "tt-lang Nov 2025"),
             clEnumValN(::dstlab::TransposeForm::Block, "block", "fix 2"))}]>,
    Option<"duplicateProducers", "duplicate-producers", "bool", "true",
           "fuse a producer into each of several consumers, computing it "
           "again in each (tt-lang's setting); false fuses a producer only "
           "into its sole consumer and keeps a shared one a block of its own">,
    Option<"useTileMatmul", "use-tile-matmul", "bool", "true",
           "lower matmul to tile_matmul (tt-lang's setting)">,
    Option<"precision", "precision", "::dstlab::Precision",
           "::dstlab::Precision::Balanced",
           "the precision recipe (support/Precision.h)",
           [{::llvm::cl::values(
             clEnumValN(::dstlab::Precision::Balanced, "balanced",
                        "values at their declared types"),
             clEnumValN(::dstlab::Precision::Accurate, "accurate",
                        "every computed value in f32"),
             clEnumValN(::dstlab::Precision::Fast, "fast",
                        "accurate's formats, approximate exp"))}]>,
  ];
  let dependentDialects = ["::dstlab::d2m::D2MDialect",
                           "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::func::FuncDialect"];
}

def D2MToTTKernel : Pass<"d2m-to-ttkernel", "::mlir::ModuleOp"> {
  let summary = "Lower d2m.generics (after DST allocation) to ttkernel programs";
  let description = [{
    Each d2m.generic becomes a ttkernel.program with a reader, a compute and
    a writer kernel for every core of its grid. Compute nests become the
    tile_regs protocol around copy_tile / FPU / SFPU / pack_tile calls.
    Operands the hardware cannot take from where they live are diagnosed.
  }];
  let options = [
    Option<"fidelity", "math-fidelity", "::dstlab::ttkernel::MathFidelity",
           "::dstlab::ttkernel::MathFidelity::HiFi4",
           "The programs' math fidelity",
           [{::llvm::cl::values(
             clEnumValN(::dstlab::ttkernel::MathFidelity::LoFi, "LoFi",
                        "one multiplier phase"),
             clEnumValN(::dstlab::ttkernel::MathFidelity::HiFi2, "HiFi2",
                        "two phases"),
             clEnumValN(::dstlab::ttkernel::MathFidelity::HiFi3, "HiFi3",
                        "three phases"),
             clEnumValN(::dstlab::ttkernel::MathFidelity::HiFi4, "HiFi4",
                        "four phases (full precision)"))}]>,
    Option<"explicitSfpuOutput", "explicit-sfpu-output", "bool", "false",
           "SFPU binary ops take an explicit output index, as tt-mlir "
           "19c86fca45's lowering writes them (D2MToTTKernel.cpp:1535-1550): "
           "a maximum whose result lands in its rhs slice is lowered with "
           "its operands swapped (false: in place on the lhs, as at "
           "ae4e7b838c, and diagnosed)">,
    Option<"expApprox", "exp-approx", "bool", "false",
           "exp_tile on the SFPU's approximate path in every program (the "
           "fast precision recipe)">,
  ];
  let dependentDialects = ["::dstlab::ttkernel::TTKernelDialect",
                           "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect"];
}

#endif // DSTLAB_CONVERSION_PASSES
