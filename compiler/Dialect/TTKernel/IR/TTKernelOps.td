//===- TTKernelOps.td - ttkernel operations ----------------*- tablegen -*-===//

#ifndef DSTLAB_TTKERNEL_OPS
#define DSTLAB_TTKERNEL_OPS

include "compiler/Dialect/TTKernel/IR/TTKernelDialect.td"
include "mlir/IR/SymbolInterfaces.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class TTKernel_Op<string mnemonic, list<Trait> traits = []>
    : Op<TTKernel_Dialect, mnemonic, traits>;

// CB ids are small integers, as in tt-metal (32 CBs per core).
def TTKernel_CBId : ConfinedAttr<I32Attr, [IntMinValue<0>, IntMaxValue<31>]>;
def TTKernel_DataFormat : TypeAttrOf<AnyTypeOf<[BF16, F32]>>;

//===----------------------------------------------------------------------===//
// Structure
//===----------------------------------------------------------------------===//

def TTKernel_DramBufferOp : TTKernel_Op<"dram_buffer", [Symbol]> {
  let summary = "An interleaved DRAM tensor of `rows x cols` tiles";
  let arguments = (ins SymbolNameAttr:$sym_name,
                       DenseI64ArrayAttr:$tiles, TTKernel_DataFormat:$format);
  let assemblyFormat = "$sym_name `tiles` $tiles `:` $format attr-dict";
  let hasVerifier = 1;
}

def TTKernel_ProgramOp : TTKernel_Op<"program", [Symbol, SymbolTable,
    NoTerminator, SingleBlock]> {
  let summary = "CB configuration and the three kernels run on every core";
  let description = [{
    One program per kernel launch, run in module order. The body holds
    `ttkernel.cb_config`s and one `func.func` per thread, each marked with
    `ttkernel.thread`. Every core of `grid` runs the same three kernels.
  }];
  let arguments = (ins SymbolNameAttr:$sym_name, DenseI64ArrayAttr:$grid,
                       DefaultValuedAttr<TTKernel_MathFidelityAttr,
                         "::dstlab::ttkernel::MathFidelity::HiFi4">:$fidelity,
                       DefaultValuedAttr<TTKernel_DstModeAttr,
                         "::dstlab::ttkernel::DstMode::Half">:$dst_mode,
                       UnitAttr:$fp32_dest_acc,
                       UnitAttr:$exp_approx);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$sym_name `grid` $grid attr-dict-with-keyword $body";
  let hasVerifier = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// DST capacity in tiles (tt-mlir 4e4ab42d19): 16 physical, halved in
    /// half-sync mode, halved again for 32-bit DST.
    int64_t getDstCapacity();
  }];
}

def TTKernel_CBConfigOp : TTKernel_Op<"cb_config", [HasParent<"ProgramOp">]> {
  let summary = "Circular buffer `cb` of `pages` tiles in L1";
  let arguments = (ins TTKernel_CBId:$cb, I64Attr:$pages,
                       TTKernel_DataFormat:$format);
  let assemblyFormat = "$cb `pages` $pages `:` $format attr-dict";
  let hasVerifier = 1;
}

//===----------------------------------------------------------------------===//
// Circular buffers
//===----------------------------------------------------------------------===//

class TTKernel_CBOp<string mnemonic, string doc> : TTKernel_Op<mnemonic> {
  let summary = doc;
  let arguments = (ins TTKernel_CBId:$cb, Index:$num_pages);
  let assemblyFormat = "$cb `,` $num_pages attr-dict";
}

def TTKernel_CBReserveBackOp : TTKernel_CBOp<"cb_reserve_back",
    "Block until `num_pages` free pages exist at the back (producer)">;
def TTKernel_CBPushBackOp : TTKernel_CBOp<"cb_push_back",
    "Make `num_pages` reserved pages visible to the consumer">;
def TTKernel_CBWaitFrontOp : TTKernel_CBOp<"cb_wait_front",
    "Block until `num_pages` pages are visible at the front (consumer)">;
def TTKernel_CBPopFrontOp : TTKernel_CBOp<"cb_pop_front",
    "Free `num_pages` pages at the front">;

//===----------------------------------------------------------------------===//
// DST protocol
//===----------------------------------------------------------------------===//

class TTKernel_NullaryOp<string mnemonic, string doc> : TTKernel_Op<mnemonic> {
  let summary = doc;
  let assemblyFormat = "attr-dict";
}

def TTKernel_TileRegsAcquireOp : TTKernel_NullaryOp<"tile_regs_acquire",
    "Math acquires its half of DST">;
def TTKernel_TileRegsCommitOp : TTKernel_NullaryOp<"tile_regs_commit",
    "Math hands its half of DST to pack">;
def TTKernel_TileRegsWaitOp : TTKernel_NullaryOp<"tile_regs_wait",
    "Pack waits for a committed half of DST">;
def TTKernel_TileRegsReleaseOp : TTKernel_NullaryOp<"tile_regs_release",
    "Pack releases (and zeroes) the half of DST">;

//===----------------------------------------------------------------------===//
// Unpack, FPU and pack
//===----------------------------------------------------------------------===//

def TTKernel_CopyTileOp : TTKernel_Op<"copy_tile"> {
  let summary = "DST[dst] = CB cb, tile `tile` from the front";
  let arguments = (ins TTKernel_CBId:$cb, Index:$tile, Index:$dst);
  let assemblyFormat = "$cb `[` $tile `]` `->` `dst` `[` $dst `]` attr-dict";
}

def TTKernel_PackTileOp : TTKernel_Op<"pack_tile"> {
  let summary = "CB cb, reserved page `tile` = DST[dst], rounded to the CB's format";
  let arguments = (ins Index:$dst, TTKernel_CBId:$cb, Index:$tile);
  let assemblyFormat = "`dst` `[` $dst `]` `->` $cb `[` $tile `]` attr-dict";
}

def TTKernel_MatmulTilesOp : TTKernel_Op<"matmul_tiles"> {
  let summary = "DST[dst] += A @ B, A and B tiles read from CBs";
  let arguments = (ins TTKernel_CBId:$cb_a, TTKernel_CBId:$cb_b,
                       Index:$tile_a, Index:$tile_b, Index:$dst,
                       UnitAttr:$transpose_b);
  let assemblyFormat = [{
    $cb_a `[` $tile_a `]` `,` $cb_b `[` $tile_b `]` `->` `dst` `[` $dst `]`
    attr-dict
  }];
}

def TTKernel_ReduceInitOp : TTKernel_Op<"reduce_init"> {
  let summary = "Configure unpack/math for reduce_tile";
  let arguments = (ins TTKernel_CBId:$cb_in, TTKernel_CBId:$cb_scaler,
                       TTKernel_ReduceKindAttr:$kind,
                       TTKernel_ReduceDimAttr:$dim);
  let assemblyFormat = "$kind $dim $cb_in `,` $cb_scaler attr-dict";
}

def TTKernel_ReduceTileOp : TTKernel_Op<"reduce_tile"> {
  let summary = "DST[dst] = reduce(A * scaler) along dim, accumulated";
  let arguments = (ins TTKernel_CBId:$cb_a, TTKernel_CBId:$cb_scaler,
                       Index:$tile_a, Index:$tile_scaler, Index:$dst,
                       TTKernel_ReduceKindAttr:$kind,
                       TTKernel_ReduceDimAttr:$dim);
  let assemblyFormat = [{
    $kind $dim $cb_a `[` $tile_a `]` `,` $cb_scaler `[` $tile_scaler `]`
    `->` `dst` `[` $dst `]` attr-dict
  }];
}

class TTKernel_FPUBinaryOp<string mnemonic, string math>
    : TTKernel_Op<mnemonic> {
  let summary = "DST[dst] = " # math # " (FPU; b broadcast per `bcast`)";
  let arguments = (ins TTKernel_CBId:$cb_a, TTKernel_CBId:$cb_b,
                       Index:$tile_a, Index:$tile_b, Index:$dst,
                       DefaultValuedAttr<TTKernel_BcastTypeAttr,
                         "::dstlab::ttkernel::BcastType::None">:$bcast);
  let assemblyFormat = [{
    $cb_a `[` $tile_a `]` `,` $cb_b `[` $tile_b `]` `->` `dst` `[` $dst `]`
    attr-dict
  }];
}

def TTKernel_AddTilesOp : TTKernel_FPUBinaryOp<"add_tiles", "A + B">;
def TTKernel_SubTilesOp : TTKernel_FPUBinaryOp<"sub_tiles", "A - B">;
def TTKernel_MulTilesOp : TTKernel_FPUBinaryOp<"mul_tiles", "A * B">;

def TTKernel_TransposeWHTileOp : TTKernel_Op<"transpose_wh_tile"> {
  let summary = "DST[dst] = transpose of a CB tile";
  let arguments = (ins TTKernel_CBId:$cb, Index:$tile, Index:$dst);
  let assemblyFormat = "$cb `[` $tile `]` `->` `dst` `[` $dst `]` attr-dict";
}

def TTKernel_UnaryBcastOp : TTKernel_Op<"unary_bcast"> {
  let summary = "DST[dst] = broadcast of a CB tile (column 0, row 0 or [0][0])";
  let arguments = (ins TTKernel_CBId:$cb, Index:$tile, Index:$dst,
                       TTKernel_BcastTypeAttr:$bcast);
  let assemblyFormat = "$bcast $cb `[` $tile `]` `->` `dst` `[` $dst `]` attr-dict";
}

//===----------------------------------------------------------------------===//
// SFPU (operate on DST slices)
//===----------------------------------------------------------------------===//

class TTKernel_SFPUUnaryOp<string mnemonic, string math>
    : TTKernel_Op<mnemonic> {
  let summary = "DST[dst] = " # math # " (SFPU)";
  let arguments = (ins Index:$dst);
  let assemblyFormat = "`dst` `[` $dst `]` attr-dict";
}

def TTKernel_ExpTileOp : TTKernel_SFPUUnaryOp<"exp_tile", "exp(DST[dst])">;
def TTKernel_RecipTileOp : TTKernel_SFPUUnaryOp<"recip_tile", "1 / DST[dst]">;

def TTKernel_MulUnaryTileOp : TTKernel_Op<"mul_unary_tile"> {
  let summary = "DST[dst] *= factor (SFPU)";
  let arguments = (ins Index:$dst, F64Attr:$factor);
  let assemblyFormat = "`dst` `[` $dst `]` `,` $factor attr-dict";
}

def TTKernel_FillTileOp : TTKernel_Op<"fill_tile"> {
  let summary = "DST[dst] = value everywhere (SFPU)";
  let arguments = (ins Index:$dst, F64Attr:$value);
  let assemblyFormat = "`dst` `[` $dst `]` `,` $value attr-dict";
}

class TTKernel_SFPUBinaryOp<string mnemonic, string math>
    : TTKernel_Op<mnemonic> {
  let summary = "DST[dst0] = " # math # " (SFPU)";
  let arguments = (ins Index:$dst0, Index:$dst1);
  let assemblyFormat = "`dst` `[` $dst0 `]` `,` `dst` `[` $dst1 `]` attr-dict";
}

def TTKernel_AddBinaryTileOp
    : TTKernel_SFPUBinaryOp<"add_binary_tile", "DST[dst0] + DST[dst1]">;
def TTKernel_SubBinaryTileOp
    : TTKernel_SFPUBinaryOp<"sub_binary_tile", "DST[dst0] - DST[dst1]">;
def TTKernel_MulBinaryTileOp
    : TTKernel_SFPUBinaryOp<"mul_binary_tile", "DST[dst0] * DST[dst1]">;
def TTKernel_MaxTileOp
    : TTKernel_SFPUBinaryOp<"max_tile", "max(DST[dst0], DST[dst1])">;

def TTKernel_CopyDestValuesOp : TTKernel_Op<"copy_dest_values"> {
  let summary = "DST[dst_to] = DST[dst_from] (SFPU copy)";
  let arguments = (ins Index:$dst_from, Index:$dst_to);
  let assemblyFormat = "`dst` `[` $dst_from `]` `->` `dst` `[` $dst_to `]` attr-dict";
}

//===----------------------------------------------------------------------===//
// Data movement
//===----------------------------------------------------------------------===//

def TTKernel_NocAsyncReadTileOp : TTKernel_Op<"noc_async_read_tile"> {
  let summary = "Read tile `tile_id` of a DRAM buffer into a reserved CB page";
  let arguments = (ins FlatSymbolRefAttr:$buffer, Index:$tile_id,
                       TTKernel_CBId:$cb, Index:$page);
  let assemblyFormat = [{
    $buffer `[` $tile_id `]` `->` $cb `[` $page `]` attr-dict
  }];
}

def TTKernel_NocAsyncWriteTileOp : TTKernel_Op<"noc_async_write_tile"> {
  let summary = "Write a visible CB page to tile `tile_id` of a DRAM buffer";
  let arguments = (ins TTKernel_CBId:$cb, Index:$page,
                       FlatSymbolRefAttr:$buffer, Index:$tile_id);
  let assemblyFormat = [{
    $cb `[` $page `]` `->` $buffer `[` $tile_id `]` attr-dict
  }];
}

def TTKernel_NocAsyncReadBarrierOp
    : TTKernel_NullaryOp<"noc_async_read_barrier", "Wait for reads in flight">;
def TTKernel_NocAsyncWriteBarrierOp
    : TTKernel_NullaryOp<"noc_async_write_barrier", "Wait for writes in flight">;

def TTKernel_GenerateReduceScalerOp : TTKernel_Op<"generate_reduce_scaler"> {
  let summary = "Reserve, fill and push one scaler tile (row 0 = value)";
  let arguments = (ins TTKernel_CBId:$cb, F64Attr:$value);
  let assemblyFormat = "$cb `,` $value attr-dict";
}

def TTKernel_MyXOp : TTKernel_Op<"my_x", [Pure]> {
  let summary = "This core's column in the grid";
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

def TTKernel_MyYOp : TTKernel_Op<"my_y", [Pure]> {
  let summary = "This core's row in the grid";
  let results = (outs Index:$result);
  let assemblyFormat = "attr-dict";
}

#endif // DSTLAB_TTKERNEL_OPS
