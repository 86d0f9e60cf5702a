//===- Bytecode.h - Resumable bytecode for ttkernel kernels -----*- C++ -*-===//
//
// A kernel (a func.func of a ttkernel.program) is compiled once into a flat
// array of instructions over integer value slots, so the simulator can stop a
// thread at a blocking call and resume it at the same pc later, with no host
// stack to unwind. Structured control flow becomes jumps:
//
//   scf.for   init-moves; iv = lb; ForInit(step > 0)
//             head: ForCheck(iv < ub, else exit); body; yield-moves;
//             ForStep(iv += step); Jump head; exit:
//             (the loop results share the iter_args' slots)
//   scf.if    BrFalse(cond, else); then; yield-moves; Jump end;
//             else: else; yield-moves; end:
//
// Integer values are kept sign-extended from their bit width (index is 64
// bits); unsigned operations zero-extend their operands first.
//
// This header is internal to the simulator.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_BYTECODE_H
#define DSTLAB_SIM_BYTECODE_H

#include "compiler/Dialect/TTKernel/IR/TTKernel.h"
#include "sim/numerics/TileMath.h"
#include "support/Bf16.h"

#include "llvm/ADT/StringMap.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace dstlab::sim {

enum class Opc : uint8_t {
  // Scalar and control flow.
  Const,    ///< r = imm
  MoveN,    ///< parallel move of `a` (src, dst) pairs from moves[imm]
  Jump,     ///< pc = target
  BrFalse,  ///< if slot a == 0: pc = target
  ForInit,  ///< runtime error unless slot a (step) > 0
  ForCheck, ///< if !(a < b) (unsigned if flag): pc = target
  ForStep,  ///< r += a
  Binary,   ///< r = a <aux: BinOp> b, at `width` bits
  CmpI,     ///< r = a <aux: arith::CmpIPredicate> b
  Select,   ///< r = a ? b : c
  Cast,     ///< r = a from imm bits to width bits; aux 1: zero-extend
  MyX,
  MyY,
  Return,
  // Circular buffers: cbA, num pages in slot a.
  CBReserve,
  CBPush,
  CBWait,
  CBPop,
  // DST protocol.
  Acquire,
  Commit,
  Wait,
  Release,
  // Compute: tile slots a, b; dst slot c (see each op in the compiler).
  CopyTile,   ///< cbA[a] -> dst[c]
  PackTile,   ///< dst[a] -> cbA[b]
  Matmul,     ///< cbA[a] @ cbB[b] -> dst[c] (+=); flag: transpose_b
  ReduceInit, ///< cbA, cbB
  ReduceTile, ///< cbA[a], scaler cbB[b] -> dst[c]; aux kind, aux2 dim
  FpuBinary,  ///< cbA[a] op cbB[b] -> dst[c]; aux BinaryOp, aux2 Bcast
  Transpose,  ///< cbA[a] -> dst[c]
  UnaryBcast, ///< cbA[a] broadcast per aux2 (Bcast) -> dst[c]
  Exp,        ///< dst[a]
  Recip,      ///< dst[a]
  MulUnary,   ///< dst[a] *= fimm
  Fill,       ///< dst[a] = fimm
  SfpuBinary, ///< dst[a] = dst[a] op dst[b]; aux BinaryOp
  CopyDest,   ///< dst[b] = dst[a]
  // Data movement.
  NocRead,  ///< buffer `target` tile slot a -> cbA page slot b
  NocWrite, ///< cbA page slot a -> buffer `target` tile slot b
  ReadBarrier,
  WriteBarrier,
  GenScaler, ///< cbA, value fimm
};

/// Integer binary operations of Opc::Binary.
enum class BinOp : uint8_t {
  Add,
  Sub,
  Mul,
  DivU,
  DivS,
  RemU,
  RemS,
  CeilDivS,
  CeilDivU,
  FloorDivS,
  MinU,
  MinS,
  MaxU,
  MaxS,
  And,
  Or,
  Xor,
  Shl,
  ShrU,
  ShrS,
};

struct Instr {
  Opc opc;
  uint8_t aux = 0, aux2 = 0;
  bool flag = false;
  int32_t width = 64;
  int32_t r = -1;
  int32_t a = -1, b = -1, c = -1;
  int32_t cbA = -1, cbB = -1;
  int32_t target = -1;
  int64_t imm = 0;
  double fimm = 0;
  /// The op, for hazard records (location, name).
  mlir::Operation *op = nullptr;
  /// The op's name without the dialect prefix, for the trace.
  llvm::StringRef shortName;
};

/// One DRAM buffer named by the module (index = position in module order).
struct BufferInfo {
  std::string name;
  int64_t rows = 0, cols = 0;
  DataFormat format = DataFormat::BF16;
  mlir::Operation *op = nullptr;
};

/// A compiled kernel.
struct Kernel {
  ttkernel::Thread thread = ttkernel::Thread::Reader;
  mlir::Operation *func = nullptr;
  std::vector<Instr> code;
  std::vector<std::pair<int32_t, int32_t>> moves;
  int32_t numSlots = 0;
  /// Whether the kernel issues NoC DRAM transfers (for the DRAM share).
  bool usesDram = false;
};

/// Compiles `func` into `out`. Buffers are resolved by name through
/// `buffers`. On failure returns false and sets `error` (with the location of
/// the offending op).
bool compileKernel(mlir::func::FuncOp func,
                   const llvm::StringMap<int32_t> &buffers, Kernel &out,
                   std::string &error);

/// "file:line:col" for a FileLineColLoc (looking through names, call sites
/// and fusions), else the printed location.
std::string locationString(mlir::Location loc);

/// Maps an MLIR element type to a data format (bf16, f32).
bool dataFormatOf(mlir::Type type, DataFormat &format);

} // namespace dstlab::sim

#endif // DSTLAB_SIM_BYTECODE_H
