//===- ScalarUnit.cpp - Integer ALU and control flow of a kernel ----------===//
//
// The scalar instructions of a kernel's bytecode (Bytecode.h): constants,
// moves, arith integer ops at their bit width, compares, casts, the jumps of
// scf.for and scf.if, my_x/my_y, and the return that ends the kernel. They
// cost no cycles (Simulator.h).
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

namespace dstlab::sim::detail {

namespace {

/// Sign-extends the low `w` bits of v.
int64_t norm(uint64_t v, int w) {
  if (w >= 64)
    return static_cast<int64_t>(v);
  uint64_t m = 1ull << (w - 1);
  v &= (1ull << w) - 1;
  return static_cast<int64_t>((v ^ m) - m);
}

/// The low `w` bits of v, zero-extended.
uint64_t zext(int64_t v, int w) {
  if (w >= 64)
    return static_cast<uint64_t>(v);
  return static_cast<uint64_t>(v) & ((1ull << w) - 1);
}

} // namespace

Flow Engine::execScalar(CoreState &core, ThreadState &th, const Instr &in) {
  const Kernel &k = *th.kernel;
  int64_t *s = th.slots.data();
  switch (in.opc) {
  case Opc::Const:
    s[in.r] = norm(static_cast<uint64_t>(in.imm), in.width);
    break;
  case Opc::MoveN: {
    llvm::SmallVector<int64_t, 8> tmp;
    for (int32_t i = 0; i < in.a; ++i)
      tmp.push_back(s[k.moves[static_cast<size_t>(in.imm + i)].first]);
    for (int32_t i = 0; i < in.a; ++i)
      s[k.moves[static_cast<size_t>(in.imm + i)].second] = tmp[i];
    break;
  }
  case Opc::Jump:
    th.pc = static_cast<size_t>(in.target);
    return Flow::Jump;
  case Opc::BrFalse:
    if (s[in.a] == 0) {
      th.pc = static_cast<size_t>(in.target);
      return Flow::Jump;
    }
    break;
  case Opc::ForInit:
    if (s[in.a] <= 0) {
      runtimeError(core, th, in,
                   "scf.for step " + std::to_string(s[in.a]) +
                       " is not positive");
      return Flow::Stop;
    }
    break;
  case Opc::ForCheck: {
    bool inRange = in.flag ? static_cast<uint64_t>(s[in.a]) <
                                 static_cast<uint64_t>(s[in.b])
                           : s[in.a] < s[in.b];
    if (!inRange) {
      th.pc = static_cast<size_t>(in.target);
      return Flow::Jump;
    }
    break;
  }
  case Opc::ForStep:
    s[in.r] = static_cast<int64_t>(static_cast<uint64_t>(s[in.r]) +
                                   static_cast<uint64_t>(s[in.a]));
    break;
  case Opc::Binary: {
    int w = in.width;
    int64_t a = s[in.a], b = s[in.b];
    uint64_t ua = zext(a, w), ub = zext(b, w);
    uint64_t r = 0;
    auto divZero = [&]() {
      runtimeError(core, th, in, "division by zero");
      return Flow::Stop;
    };
    switch (static_cast<BinOp>(in.aux)) {
    case BinOp::Add:
      r = ua + ub;
      break;
    case BinOp::Sub:
      r = ua - ub;
      break;
    case BinOp::Mul:
      r = ua * ub;
      break;
    case BinOp::DivU:
      if (ub == 0)
        return divZero();
      r = ua / ub;
      break;
    case BinOp::RemU:
      if (ub == 0)
        return divZero();
      r = ua % ub;
      break;
    case BinOp::CeilDivU:
      if (ub == 0)
        return divZero();
      r = ua / ub + (ua % ub != 0 ? 1 : 0);
      break;
    case BinOp::DivS:
    case BinOp::RemS:
    case BinOp::CeilDivS:
    case BinOp::FloorDivS: {
      if (b == 0)
        return divZero();
      BinOp op = static_cast<BinOp>(in.aux);
      if (b == -1) {
        r = op == BinOp::RemS ? 0 : 0 - ua;
        break;
      }
      int64_t q = a / b, m = a % b;
      if (op == BinOp::RemS) {
        r = static_cast<uint64_t>(m);
        break;
      }
      if (op == BinOp::CeilDivS && m != 0 && ((a < 0) == (b < 0)))
        ++q;
      if (op == BinOp::FloorDivS && m != 0 && ((a < 0) != (b < 0)))
        --q;
      r = static_cast<uint64_t>(q);
      break;
    }
    case BinOp::MinU:
      r = std::min(ua, ub);
      break;
    case BinOp::MaxU:
      r = std::max(ua, ub);
      break;
    case BinOp::MinS:
      r = static_cast<uint64_t>(std::min(a, b));
      break;
    case BinOp::MaxS:
      r = static_cast<uint64_t>(std::max(a, b));
      break;
    case BinOp::And:
      r = ua & ub;
      break;
    case BinOp::Or:
      r = ua | ub;
      break;
    case BinOp::Xor:
      r = ua ^ ub;
      break;
    case BinOp::Shl:
      r = ub >= static_cast<uint64_t>(w) ? 0 : ua << ub;
      break;
    case BinOp::ShrU:
      r = ub >= static_cast<uint64_t>(w) ? 0 : ua >> ub;
      break;
    case BinOp::ShrS:
      r = static_cast<uint64_t>(ub >= static_cast<uint64_t>(w)
                                    ? (a < 0 ? -1 : 0)
                                    : a >> static_cast<int>(ub));
      break;
    }
    s[in.r] = norm(r, w);
    break;
  }
  case Opc::CmpI: {
    int w = in.width;
    int64_t a = s[in.a], b = s[in.b];
    uint64_t ua = zext(a, w), ub = zext(b, w);
    bool r = false;
    switch (static_cast<arith::CmpIPredicate>(in.aux)) {
    case arith::CmpIPredicate::eq:
      r = a == b;
      break;
    case arith::CmpIPredicate::ne:
      r = a != b;
      break;
    case arith::CmpIPredicate::slt:
      r = a < b;
      break;
    case arith::CmpIPredicate::sle:
      r = a <= b;
      break;
    case arith::CmpIPredicate::sgt:
      r = a > b;
      break;
    case arith::CmpIPredicate::sge:
      r = a >= b;
      break;
    case arith::CmpIPredicate::ult:
      r = ua < ub;
      break;
    case arith::CmpIPredicate::ule:
      r = ua <= ub;
      break;
    case arith::CmpIPredicate::ugt:
      r = ua > ub;
      break;
    case arith::CmpIPredicate::uge:
      r = ua >= ub;
      break;
    }
    s[in.r] = r ? -1 : 0; // i1, sign-extended
    break;
  }
  case Opc::Select:
    s[in.r] = s[in.a] != 0 ? s[in.b] : s[in.c];
    break;
  case Opc::Cast: {
    uint64_t v = static_cast<uint64_t>(s[in.a]);
    if (in.aux)
      v = zext(s[in.a], static_cast<int>(in.imm));
    s[in.r] = norm(v, in.width);
    break;
  }
  case Opc::MyX:
    s[in.r] = core.x;
    break;
  case Opc::MyY:
    s[in.r] = core.y;
    break;
  case Opc::Return:
    if (th.isCompute()) {
      if (core.dst.mathSec >= 0)
        hazard(core, th, in, hazard::ProtocolOrder,
               "the kernel ends holding a DST section on the math side "
               "(missing tile_regs_commit)");
      if (core.dst.packSec >= 0)
        hazard(core, th, in, hazard::ProtocolOrder,
               "the kernel ends holding a DST section on the pack side "
               "(missing tile_regs_release)");
    }
    th.status = ThreadStatus::Done;
    return Flow::Stop;
  default:
    llvm_unreachable("not a scalar opcode");
  }
  return Flow::Next;
}

} // namespace dstlab::sim::detail
