//===- Bytecode.cpp - Compile ttkernel kernels to resumable bytecode ------===//

#include "sim/Bytecode.h"

#include "mlir/IR/Location.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;

namespace dstlab::sim {

std::string locationString(Location loc) {
  if (auto file = dyn_cast<FileLineColLoc>(loc))
    return (file.getFilename().getValue() + ":" + Twine(file.getLine()) + ":" +
            Twine(file.getColumn()))
        .str();
  if (auto name = dyn_cast<NameLoc>(loc)) {
    if (!isa<UnknownLoc>(name.getChildLoc()))
      return locationString(name.getChildLoc());
  } else if (auto call = dyn_cast<CallSiteLoc>(loc)) {
    return locationString(call.getCallee());
  } else if (auto fused = dyn_cast<FusedLoc>(loc)) {
    for (Location inner : fused.getLocations())
      if (isa<FileLineColLoc, NameLoc, CallSiteLoc>(inner))
        return locationString(inner);
  }
  std::string s;
  llvm::raw_string_ostream os(s);
  loc.print(os);
  return s;
}

bool dataFormatOf(Type type, DataFormat &format) {
  if (!type)
    return false;
  if (type.isBF16()) {
    format = DataFormat::BF16;
    return true;
  }
  if (type.isF32()) {
    format = DataFormat::F32;
    return true;
  }
  return false;
}

namespace {

class Compiler {
public:
  Compiler(const llvm::StringMap<int32_t> &buffers, Kernel &k,
           std::string &error)
      : buffers(buffers), k(k), error(error) {}

  bool compileFunc(func::FuncOp func) {
    if (func.getNumArguments() != 0)
      return fail(func, "a kernel takes no arguments");
    Region &body = func.getBody();
    if (body.empty())
      return fail(func, "a kernel needs a body");
    if (!body.hasOneBlock())
      return fail(func, "a kernel body must be one block (structured control "
                        "flow only)");
    return compileBlock(body.front(), {});
  }

private:
  const llvm::StringMap<int32_t> &buffers;
  Kernel &k;
  std::string &error;
  llvm::DenseMap<Value, int32_t> slots;

  bool fail(Operation *op, const Twine &msg) {
    error = (locationString(op->getLoc()) + ": '" +
             op->getName().getStringRef() + "': " + msg)
                .str();
    return false;
  }

  int32_t newSlot() { return k.numSlots++; }

  int32_t slotFor(Value v) {
    auto it = slots.find(v);
    if (it != slots.end())
      return it->second;
    int32_t s = newSlot();
    slots[v] = s;
    return s;
  }

  /// The slot of an operand, which must have been defined already.
  bool use(Operation *op, Value v, int32_t &slot) {
    auto it = slots.find(v);
    if (it == slots.end())
      return fail(op, "uses a value defined outside the kernel or not yet "
                      "compiled");
    slot = it->second;
    return true;
  }

  bool widthOf(Operation *op, Type type, int32_t &width) {
    if (isa<IndexType>(type)) {
      width = 64;
      return true;
    }
    if (auto it = dyn_cast<IntegerType>(type)) {
      if (it.getWidth() == 0 || it.getWidth() > 64)
        return fail(op, "integer widths 1..64 only");
      width = static_cast<int32_t>(it.getWidth());
      return true;
    }
    return fail(op, "only integer and index values are supported");
  }

  Instr make(Opc opc, Operation *op) {
    Instr in;
    in.opc = opc;
    in.op = op;
    StringRef name = op->getName().getStringRef();
    in.shortName = name.contains('.') ? name.split('.').second : name;
    return in;
  }

  size_t emit(const Instr &in) {
    k.code.push_back(in);
    return k.code.size() - 1;
  }

  void emitMoves(Operation *op, ArrayRef<int32_t> srcs,
                 ArrayRef<int32_t> dsts) {
    if (srcs.empty())
      return;
    Instr in = make(Opc::MoveN, op);
    in.imm = static_cast<int64_t>(k.moves.size());
    in.a = static_cast<int32_t>(srcs.size());
    for (size_t i = 0; i < srcs.size(); ++i)
      k.moves.emplace_back(srcs[i], dsts[i]);
    emit(in);
  }

  int32_t here() const { return static_cast<int32_t>(k.code.size()); }

  /// Compiles a block; its scf.yield (if any) moves into `yieldDsts`.
  bool compileBlock(Block &block, ArrayRef<int32_t> yieldDsts) {
    for (Operation &op : block)
      if (!compileOp(&op, yieldDsts))
        return false;
    return true;
  }

  bool expectOperands(Operation *op, unsigned n) {
    if (op->getNumOperands() != n)
      return fail(op, "expected " + Twine(n) + " operands");
    return true;
  }

  bool cbAttr(Operation *op, StringRef name, int32_t &cb) {
    auto attr = op->getAttrOfType<IntegerAttr>(name);
    if (!attr)
      return fail(op, "missing integer attribute '" + name + "'");
    cb = static_cast<int32_t>(attr.getInt());
    return true;
  }

  bool floatAttr(Operation *op, StringRef name, double &value) {
    auto attr = op->getAttrOfType<FloatAttr>(name);
    if (!attr)
      return fail(op, "missing float attribute '" + name + "'");
    value = attr.getValueAsDouble();
    return true;
  }

  /// Operand slots in order into a, b, c.
  bool operands(Operation *op, Instr &in, unsigned n) {
    if (!expectOperands(op, n))
      return false;
    int32_t *dst[3] = {&in.a, &in.b, &in.c};
    for (unsigned i = 0; i < n; ++i)
      if (!use(op, op->getOperand(i), *dst[i]))
        return false;
    return true;
  }

  bool compileOp(Operation *op, ArrayRef<int32_t> yieldDsts);
  bool compileArith(Operation *op, bool &handled);
  bool compileTTKernel(Operation *op, bool &handled);
};

bool Compiler::compileArith(Operation *op, bool &handled) {
  handled = true;
  if (auto c = dyn_cast<arith::ConstantOp>(op)) {
    auto attr = dyn_cast<IntegerAttr>(c.getValue());
    if (!attr) {
      // A float constant (e.g. left over from a tile op's operand) has no
      // integer value; no supported op consumes one, so it compiles to
      // nothing and any op that used it would be rejected.
      if (isa<FloatType>(c.getType()))
        return true;
      return fail(op, "only integer, index and float constants are supported");
    }
    Instr in = make(Opc::Const, op);
    if (!widthOf(op, c.getType(), in.width))
      return false;
    in.imm = in.width == 1 ? (attr.getValue().isZero() ? 0 : -1)
                           : attr.getValue().getSExtValue();
    in.r = slotFor(c.getResult());
    emit(in);
    return true;
  }
  auto binary = [&](BinOp bop) {
    Instr in = make(Opc::Binary, op);
    in.aux = static_cast<uint8_t>(bop);
    if (op->getNumResults() != 1 || !operands(op, in, 2) ||
        !widthOf(op, op->getResult(0).getType(), in.width))
      return false;
    in.r = slotFor(op->getResult(0));
    emit(in);
    return true;
  };
  auto cast = [&](bool zext) {
    Instr in = make(Opc::Cast, op);
    in.aux = zext ? 1 : 0;
    int32_t from = 64;
    if (op->getNumResults() != 1 || !operands(op, in, 1) ||
        !widthOf(op, op->getOperand(0).getType(), from) ||
        !widthOf(op, op->getResult(0).getType(), in.width))
      return false;
    in.imm = from;
    in.r = slotFor(op->getResult(0));
    emit(in);
    return true;
  };
  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case([&](arith::AddIOp) { return binary(BinOp::Add); })
      .Case([&](arith::SubIOp) { return binary(BinOp::Sub); })
      .Case([&](arith::MulIOp) { return binary(BinOp::Mul); })
      .Case([&](arith::DivUIOp) { return binary(BinOp::DivU); })
      .Case([&](arith::DivSIOp) { return binary(BinOp::DivS); })
      .Case([&](arith::RemUIOp) { return binary(BinOp::RemU); })
      .Case([&](arith::RemSIOp) { return binary(BinOp::RemS); })
      .Case([&](arith::CeilDivSIOp) { return binary(BinOp::CeilDivS); })
      .Case([&](arith::CeilDivUIOp) { return binary(BinOp::CeilDivU); })
      .Case([&](arith::FloorDivSIOp) { return binary(BinOp::FloorDivS); })
      .Case([&](arith::MinUIOp) { return binary(BinOp::MinU); })
      .Case([&](arith::MinSIOp) { return binary(BinOp::MinS); })
      .Case([&](arith::MaxUIOp) { return binary(BinOp::MaxU); })
      .Case([&](arith::MaxSIOp) { return binary(BinOp::MaxS); })
      .Case([&](arith::AndIOp) { return binary(BinOp::And); })
      .Case([&](arith::OrIOp) { return binary(BinOp::Or); })
      .Case([&](arith::XOrIOp) { return binary(BinOp::Xor); })
      .Case([&](arith::ShLIOp) { return binary(BinOp::Shl); })
      .Case([&](arith::ShRUIOp) { return binary(BinOp::ShrU); })
      .Case([&](arith::ShRSIOp) { return binary(BinOp::ShrS); })
      .Case([&](arith::CmpIOp cmp) {
        Instr in = make(Opc::CmpI, op);
        in.aux = static_cast<uint8_t>(cmp.getPredicate());
        if (!operands(op, in, 2) ||
            !widthOf(op, cmp.getLhs().getType(), in.width))
          return false;
        in.r = slotFor(cmp.getResult());
        emit(in);
        return true;
      })
      .Case([&](arith::SelectOp sel) {
        Instr in = make(Opc::Select, op);
        if (!isa<IntegerType>(sel.getCondition().getType()))
          return fail(op, "vector conditions are not supported");
        if (!operands(op, in, 3) ||
            !widthOf(op, sel.getResult().getType(), in.width))
          return false;
        in.r = slotFor(sel.getResult());
        emit(in);
        return true;
      })
      .Case([&](arith::IndexCastOp) { return cast(false); })
      .Case([&](arith::IndexCastUIOp) { return cast(true); })
      .Case([&](arith::ExtSIOp) { return cast(false); })
      .Case([&](arith::ExtUIOp) { return cast(true); })
      .Case([&](arith::TruncIOp) { return cast(false); })
      .Default([&](Operation *) {
        handled = false;
        return true;
      });
}

bool Compiler::compileTTKernel(Operation *op, bool &handled) {
  using namespace ttkernel;
  handled = true;
  auto cbOp = [&](Opc opc) {
    Instr in = make(opc, op);
    if (!cbAttr(op, "cb", in.cbA) || !operands(op, in, 1))
      return false;
    emit(in);
    return true;
  };
  auto nullary = [&](Opc opc) {
    Instr in = make(opc, op);
    if (!expectOperands(op, 0))
      return false;
    emit(in);
    return true;
  };
  auto sfpuUnary = [&](Opc opc, StringRef floatName) {
    Instr in = make(opc, op);
    if (!operands(op, in, 1))
      return false;
    if (!floatName.empty() && !floatAttr(op, floatName, in.fimm))
      return false;
    emit(in);
    return true;
  };
  auto sfpuBinary = [&](BinaryOp bop) {
    Instr in = make(Opc::SfpuBinary, op);
    in.aux = static_cast<uint8_t>(bop);
    if (!operands(op, in, 2))
      return false;
    emit(in);
    return true;
  };
  auto bcastOf = [&](Instr &in) {
    in.aux2 = static_cast<uint8_t>(Bcast::None);
    if (auto attr = op->getAttrOfType<BcastTypeAttr>("bcast")) {
      switch (attr.getValue()) {
      case ttkernel::BcastType::None:
        break;
      case ttkernel::BcastType::Cols:
        in.aux2 = static_cast<uint8_t>(Bcast::Cols);
        break;
      case ttkernel::BcastType::Rows:
        in.aux2 = static_cast<uint8_t>(Bcast::Rows);
        break;
      case ttkernel::BcastType::Scalar:
        in.aux2 = static_cast<uint8_t>(Bcast::Scalar);
        break;
      }
    }
  };
  auto fpuBinary = [&](BinaryOp bop) {
    Instr in = make(Opc::FpuBinary, op);
    in.aux = static_cast<uint8_t>(bop);
    bcastOf(in);
    if (!cbAttr(op, "cb_a", in.cbA) || !cbAttr(op, "cb_b", in.cbB) ||
        !operands(op, in, 3))
      return false;
    emit(in);
    return true;
  };
  auto bufferIndex = [&](Instr &in) {
    auto ref = op->getAttrOfType<FlatSymbolRefAttr>("buffer");
    if (!ref)
      return fail(op, "missing 'buffer' symbol");
    auto it = buffers.find(ref.getValue());
    if (it == buffers.end())
      return fail(op, "no ttkernel.dram_buffer named @" + ref.getValue());
    in.target = it->second;
    return true;
  };

  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case([&](CBReserveBackOp) { return cbOp(Opc::CBReserve); })
      .Case([&](CBPushBackOp) { return cbOp(Opc::CBPush); })
      .Case([&](CBWaitFrontOp) { return cbOp(Opc::CBWait); })
      .Case([&](CBPopFrontOp) { return cbOp(Opc::CBPop); })
      .Case([&](TileRegsAcquireOp) { return nullary(Opc::Acquire); })
      .Case([&](TileRegsCommitOp) { return nullary(Opc::Commit); })
      .Case([&](TileRegsWaitOp) { return nullary(Opc::Wait); })
      .Case([&](TileRegsReleaseOp) { return nullary(Opc::Release); })
      .Case([&](NocAsyncReadBarrierOp) { return nullary(Opc::ReadBarrier); })
      .Case([&](NocAsyncWriteBarrierOp) { return nullary(Opc::WriteBarrier); })
      .Case([&](CopyTileOp) {
        // operands: tile, dst
        Instr in = make(Opc::CopyTile, op);
        if (!cbAttr(op, "cb", in.cbA) || !operands(op, in, 2))
          return false;
        in.c = in.b;
        in.b = -1;
        emit(in);
        return true;
      })
      .Case([&](TransposeWHTileOp) {
        Instr in = make(Opc::Transpose, op);
        if (!cbAttr(op, "cb", in.cbA) || !operands(op, in, 2))
          return false;
        in.c = in.b;
        in.b = -1;
        emit(in);
        return true;
      })
      .Case([&](UnaryBcastOp) {
        Instr in = make(Opc::UnaryBcast, op);
        bcastOf(in);
        if (!cbAttr(op, "cb", in.cbA) || !operands(op, in, 2))
          return false;
        in.c = in.b;
        in.b = -1;
        emit(in);
        return true;
      })
      .Case([&](PackTileOp) {
        // operands: dst, tile
        Instr in = make(Opc::PackTile, op);
        if (!cbAttr(op, "cb", in.cbA) || !operands(op, in, 2))
          return false;
        emit(in);
        return true;
      })
      .Case([&](MatmulTilesOp) {
        Instr in = make(Opc::Matmul, op);
        if (!cbAttr(op, "cb_a", in.cbA) || !cbAttr(op, "cb_b", in.cbB) ||
            !operands(op, in, 3))
          return false;
        in.flag = static_cast<bool>(op->getAttr("transpose_b"));
        emit(in);
        return true;
      })
      .Case([&](ReduceInitOp) {
        Instr in = make(Opc::ReduceInit, op);
        if (!cbAttr(op, "cb_in", in.cbA) || !cbAttr(op, "cb_scaler", in.cbB) ||
            !expectOperands(op, 0))
          return false;
        emit(in);
        return true;
      })
      .Case([&](ReduceTileOp) {
        Instr in = make(Opc::ReduceTile, op);
        auto kind = op->getAttrOfType<ReduceKindAttr>("kind");
        auto dim = op->getAttrOfType<ReduceDimAttr>("dim");
        if (!kind || !dim)
          return fail(op, "missing 'kind' or 'dim'");
        in.aux =
            static_cast<uint8_t>(kind.getValue() == ttkernel::ReduceKind::Max
                                     ? sim::ReduceKind::Max
                                     : sim::ReduceKind::Sum);
        switch (dim.getValue()) {
        case ttkernel::ReduceDim::Row:
          in.aux2 = static_cast<uint8_t>(sim::ReduceDim::Row);
          break;
        case ttkernel::ReduceDim::Col:
          in.aux2 = static_cast<uint8_t>(sim::ReduceDim::Col);
          break;
        case ttkernel::ReduceDim::Scalar:
          in.aux2 = static_cast<uint8_t>(sim::ReduceDim::Scalar);
          break;
        }
        if (!cbAttr(op, "cb_a", in.cbA) || !cbAttr(op, "cb_scaler", in.cbB) ||
            !operands(op, in, 3))
          return false;
        emit(in);
        return true;
      })
      .Case([&](AddTilesOp) { return fpuBinary(BinaryOp::Add); })
      .Case([&](SubTilesOp) { return fpuBinary(BinaryOp::Sub); })
      .Case([&](MulTilesOp) { return fpuBinary(BinaryOp::Mul); })
      .Case([&](ExpTileOp) { return sfpuUnary(Opc::Exp, ""); })
      .Case([&](RecipTileOp) { return sfpuUnary(Opc::Recip, ""); })
      .Case([&](MulUnaryTileOp) { return sfpuUnary(Opc::MulUnary, "factor"); })
      .Case([&](FillTileOp) { return sfpuUnary(Opc::Fill, "value"); })
      .Case([&](AddBinaryTileOp) { return sfpuBinary(BinaryOp::Add); })
      .Case([&](SubBinaryTileOp) { return sfpuBinary(BinaryOp::Sub); })
      .Case([&](MulBinaryTileOp) { return sfpuBinary(BinaryOp::Mul); })
      .Case([&](MaxTileOp) { return sfpuBinary(BinaryOp::Max); })
      .Case([&](CopyDestValuesOp) {
        Instr in = make(Opc::CopyDest, op);
        if (!operands(op, in, 2))
          return false;
        emit(in);
        return true;
      })
      .Case([&](NocAsyncReadTileOp) {
        // operands: tile_id, page
        Instr in = make(Opc::NocRead, op);
        if (!bufferIndex(in) || !cbAttr(op, "cb", in.cbA) ||
            !operands(op, in, 2))
          return false;
        k.usesDram = true;
        emit(in);
        return true;
      })
      .Case([&](NocAsyncWriteTileOp) {
        // operands: page, tile_id
        Instr in = make(Opc::NocWrite, op);
        if (!bufferIndex(in) || !cbAttr(op, "cb", in.cbA) ||
            !operands(op, in, 2))
          return false;
        k.usesDram = true;
        emit(in);
        return true;
      })
      .Case([&](GenerateReduceScalerOp) {
        Instr in = make(Opc::GenScaler, op);
        if (!cbAttr(op, "cb", in.cbA) || !floatAttr(op, "value", in.fimm) ||
            !expectOperands(op, 0))
          return false;
        emit(in);
        return true;
      })
      .Case([&](MyXOp) {
        Instr in = make(Opc::MyX, op);
        if (op->getNumResults() != 1)
          return fail(op, "expected one result");
        in.r = slotFor(op->getResult(0));
        emit(in);
        return true;
      })
      .Case([&](MyYOp) {
        Instr in = make(Opc::MyY, op);
        if (op->getNumResults() != 1)
          return fail(op, "expected one result");
        in.r = slotFor(op->getResult(0));
        emit(in);
        return true;
      })
      .Default([&](Operation *) {
        handled = false;
        return true;
      });
}

bool Compiler::compileOp(Operation *op, ArrayRef<int32_t> yieldDsts) {
  bool handled = false;
  if (!compileArith(op, handled))
    return false;
  if (handled)
    return true;
  if (!compileTTKernel(op, handled))
    return false;
  if (handled)
    return true;

  if (auto forOp = dyn_cast<scf::ForOp>(op)) {
    int32_t lb = -1, ub = -1, step = -1;
    if (!use(op, forOp.getLowerBound(), lb) ||
        !use(op, forOp.getUpperBound(), ub) || !use(op, forOp.getStep(), step))
      return false;
    Block *body = forOp.getBody();
    int32_t iv = slotFor(forOp.getInductionVar());
    SmallVector<int32_t> inits, iters;
    for (auto [init, arg, res] :
         llvm::zip(forOp.getInitArgs(), forOp.getRegionIterArgs(),
                   forOp.getResults())) {
      int32_t s = -1;
      if (!use(op, init, s))
        return false;
      inits.push_back(s);
      int32_t it = slotFor(arg);
      slots[res] = it; // results share the iter_args' slots
      iters.push_back(it);
    }
    for (Value v : forOp.getResults())
      if (!isa<IndexType, IntegerType>(v.getType()))
        return fail(op, "only integer and index iter_args are supported");
    emitMoves(op, inits, iters);
    emitMoves(op, {lb}, {iv});
    Instr init = make(Opc::ForInit, op);
    init.a = step;
    emit(init);
    int32_t head = here();
    Instr check = make(Opc::ForCheck, op);
    check.a = iv;
    check.b = ub;
    check.flag = forOp.getUnsignedCmp();
    size_t checkIdx = emit(check);
    if (!compileBlock(*body, iters))
      return false;
    Instr stepIn = make(Opc::ForStep, op);
    stepIn.r = iv;
    stepIn.a = step;
    emit(stepIn);
    Instr jump = make(Opc::Jump, op);
    jump.target = head;
    emit(jump);
    k.code[checkIdx].target = here();
    return true;
  }
  if (auto ifOp = dyn_cast<scf::IfOp>(op)) {
    int32_t cond = -1;
    if (!use(op, ifOp.getCondition(), cond))
      return false;
    SmallVector<int32_t> results;
    for (Value v : ifOp.getResults()) {
      if (!isa<IndexType, IntegerType>(v.getType()))
        return fail(op, "only integer and index results are supported");
      results.push_back(slotFor(v));
    }
    Instr br = make(Opc::BrFalse, op);
    br.a = cond;
    size_t brIdx = emit(br);
    if (!compileBlock(ifOp.getThenRegion().front(), results))
      return false;
    if (ifOp.getElseRegion().empty()) {
      k.code[brIdx].target = here();
      return true;
    }
    Instr jump = make(Opc::Jump, op);
    size_t jumpIdx = emit(jump);
    k.code[brIdx].target = here();
    if (!compileBlock(ifOp.getElseRegion().front(), results))
      return false;
    k.code[jumpIdx].target = here();
    return true;
  }
  if (auto yield = dyn_cast<scf::YieldOp>(op)) {
    if (yield.getNumOperands() != yieldDsts.size())
      return fail(op, "yields " + Twine(yield.getNumOperands()) +
                          " values where " + Twine(yieldDsts.size()) +
                          " are expected");
    SmallVector<int32_t> srcs;
    for (Value v : yield.getOperands()) {
      int32_t s = -1;
      if (!use(op, v, s))
        return false;
      srcs.push_back(s);
    }
    emitMoves(op, srcs, yieldDsts);
    return true;
  }
  if (isa<func::ReturnOp>(op)) {
    if (op->getNumOperands() != 0)
      return fail(op, "a kernel returns nothing");
    emit(make(Opc::Return, op));
    return true;
  }
  return fail(op, "is not supported by the simulator");
}

} // namespace

bool compileKernel(func::FuncOp func, const llvm::StringMap<int32_t> &buffers,
                   Kernel &out, std::string &error) {
  out = Kernel();
  out.func = func;
  Compiler c(buffers, out, error);
  if (!c.compileFunc(func))
    return false;
  // A body without a trailing return (unverified IR) still ends cleanly.
  if (out.code.empty() || out.code.back().opc != Opc::Return) {
    Instr in;
    in.opc = Opc::Return;
    in.op = func;
    in.shortName = "return";
    out.code.push_back(in);
  }
  return true;
}

} // namespace dstlab::sim
