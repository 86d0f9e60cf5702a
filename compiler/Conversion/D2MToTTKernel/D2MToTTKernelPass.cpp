//===- D2MToTTKernelPass.cpp - d2m generics to ttkernel programs ----------===//
//
// Each d2m.generic (after DST allocation) becomes a ttkernel.program with a
// reader, a compute and a writer kernel that every core of the grid runs on
// its own work items (item = core, core + ncores, ...); the program's
// function is replaced by its DRAM buffers. Where the hardware needs an
// operand in a CB and the IR has it in DST, the upstream lowering behaves as
// documented in compiler/Dialect/D2M/Rationale.md: a matmul operand is
// re-read from the CB its slice was copied from (so a transpose applied in
// DST is lost); a reduce operand is a diagnostic.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/D2MToTTKernel/KernelLowering.h"
#include "compiler/Conversion/Passes.h"

namespace dstlab {
#define GEN_PASS_DEF_D2MTOTTKERNEL
#include "compiler/Conversion/Passes.h.inc"
} // namespace dstlab

using namespace mlir;
using namespace dstlab;
using namespace dstlab::d2m_to_ttkernel;
namespace tk = dstlab::ttkernel;

/// The `d2m.tensors` attribute comes from tl-to-d2m or from hand-written IR:
/// one name per argument, each a memref of tiles.
static LogicalResult checkTensorNames(func::FuncOp func) {
  auto names = func->getAttrOfType<ArrayAttr>("d2m.tensors");
  if (!names || names.size() != func.getNumArguments() ||
      !llvm::all_of(names, [](Attribute a) { return isa<StringAttr>(a); }))
    return func.emitOpError("'d2m.tensors' must be an array of one string per "
                            "argument");
  for (BlockArgument arg : func.getArguments()) {
    auto t = dyn_cast<MemRefType>(arg.getType());
    if (!t || !isa<d2m::TileType>(t.getElementType()))
      return func.emitOpError()
             << "argument #" << arg.getArgNumber()
             << " must be a memref of tiles, got " << arg.getType();
  }
  return success();
}

namespace {
struct D2MToTTKernelPass
    : public dstlab::impl::D2MToTTKernelBase<D2MToTTKernelPass> {
  using D2MToTTKernelBase::D2MToTTKernelBase;

  void runOnOperation() override;
  /// Lowers one program's generics before `func`, then erases it.
  LogicalResult lowerProgram(func::FuncOp func, bool qualifyNames);
};
} // namespace

LogicalResult D2MToTTKernelPass::lowerProgram(func::FuncOp func,
                                              bool qualifyNames) {
  if (failed(checkTensorNames(func)))
    return failure();
  OpBuilder mb(func.getContext());
  auto names = func->getAttrOfType<ArrayAttr>("d2m.tensors");
  // Several programs in one module: buffers are named program.tensor.
  if (qualifyNames) {
    SmallVector<Attribute> qualified;
    for (Attribute n : names)
      qualified.push_back(mb.getStringAttr(func.getName() + "." +
                                           cast<StringAttr>(n).getValue()));
    names = mb.getArrayAttr(qualified);
  }
  mb.setInsertionPoint(func);
  for (auto [name, arg] : llvm::zip(names, func.getArguments())) {
    auto t = cast<MemRefType>(arg.getType());
    tk::DramBufferOp::create(
        mb, func.getLoc(), cast<StringAttr>(name).getValue(), t.getShape(),
        cast<d2m::TileType>(t.getElementType()).getElementType());
  }
  for (auto generic : func.getOps<d2m::GenericOp>()) {
    SmallVector<StringAttr> bufferNames;
    for (Value operand : generic.getOperands()) {
      auto arg = dyn_cast<BlockArgument>(operand);
      if (!arg || arg.getOwner() != &func.front())
        return generic.emitOpError("operands must be the program's tensors");
      bufferNames.push_back(cast<StringAttr>(names[arg.getArgNumber()]));
    }
    StringAttr programName = generic.getSymNameAttr();
    if (qualifyNames)
      programName =
          mb.getStringAttr(func.getName() + "." + generic.getSymName());
    FailureOr<CBAllocation> cbs = allocateCBs(generic);
    if (failed(cbs))
      return failure();
    KernelLowering lowering(generic, std::move(*cbs), bufferNames, fidelity,
                            programName, explicitSfpuOutput);
    if (failed(lowering.lower(mb)))
      return failure();
  }
  func.erase();
  return success();
}

void D2MToTTKernelPass::runOnOperation() {
  auto programs = llvm::to_vector(llvm::make_filter_range(
      getOperation().getOps<func::FuncOp>(),
      [](func::FuncOp f) { return f->hasAttr("d2m.tensors"); }));
  for (func::FuncOp func : programs)
    if (failed(lowerProgram(func, /*qualifyNames=*/programs.size() > 1)))
      return signalPassFailure();
  if (expApprox)
    getOperation().walk([](tk::ProgramOp p) {
      p.setExpApproxAttr(UnitAttr::get(p.getContext()));
    });
}
