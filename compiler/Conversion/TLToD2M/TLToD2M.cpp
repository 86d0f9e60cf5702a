//===- TLToD2M.cpp - tl programs to d2m generics --------------------------===//
//
// Models tt-lang's lowering (Nov 2025): one tensor-typed linalg.generic of tile
// ops per block op inside a d2m.generic compute region, then MLIR's own linalg
// elementwise-op fusion, as tt-lang's pipeline (ttir-to-ttmetal-pipeline
// {use-tile-matmul=1}) ran it. The fix-2 forms (unary reductions, block
// transpose) and tt-mlir's own TTIR->D2M reduction form are options of the
// same pass so the forms can be compared.
//
//===----------------------------------------------------------------------===//

#include "compiler/Conversion/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/Transforms/Transforms.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Transforms/GreedyPatternRewriteDriver.h"
#include "llvm/ADT/TypeSwitch.h"

namespace dstlab {
#define GEN_PASS_DEF_TLTOD2M
#include "compiler/Conversion/Passes.h.inc"
} // namespace dstlab

using namespace mlir;
using namespace dstlab;

namespace {

/// A block in tiles.
SmallVector<int64_t> tileShape(Type type) {
  auto t = cast<RankedTensorType>(type);
  return {t.getDimSize(0) / tl::kTileDim, t.getDimSize(1) / tl::kTileDim};
}

class KernelLowering {
public:
  KernelLowering(OpBuilder &b, ReduceForm reduceForm, bool blockTranspose,
                 bool useTileMatmul)
      : b(b), reduceForm(reduceForm), blockTranspose(blockTranspose),
        useTileMatmul(useTileMatmul) {}

  LogicalResult lower(tl::KernelOp kernel, d2m::GenericOp generic);

private:
  d2m::TileType tileType;
  OpBuilder &b;
  ReduceForm reduceForm;
  bool blockTranspose, useTileMatmul;
  IRMapping values;               // tl value -> tensor of tiles
  DenseMap<Value, Value> cbOfArg; // tl stream arg -> d2m.cb
  Value scalerTensor;             // the constant scaler tile, made on first use
  Block *regionBlock = nullptr;   // the d2m.generic's compute region

  RankedTensorType tensorOf(ArrayRef<int64_t> shape) {
    return RankedTensorType::get(shape, tileType);
  }
  SmallVector<int64_t> shapeOf(Value v) {
    return llvm::to_vector(cast<RankedTensorType>(v.getType()).getShape());
  }
  AffineMap map(ArrayRef<AffineExpr> exprs, unsigned dims) {
    return AffineMap::get(dims, 0, exprs, b.getContext());
  }

  using BodyFn = function_ref<Value(OpBuilder &, Location, ValueRange)>;
  /// One linalg.generic over `domain`; `outInit` is the init tensor.
  Value generic(Location loc, ValueRange ins, Value outInit,
                ArrayRef<AffineMap> maps,
                ArrayRef<utils::IteratorType> iterators, BodyFn body) {
    auto op = linalg::GenericOp::create(
        b, loc, TypeRange{outInit.getType()}, ins, ValueRange{outInit}, maps,
        iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
          linalg::YieldOp::create(nb, nloc, body(nb, nloc, args));
        });
    return op.getResult(0);
  }
  Value empty(Location loc, ArrayRef<int64_t> shape) {
    return tensor::EmptyOp::create(b, loc, shape, tileType);
  }
  SmallVector<utils::IteratorType> parallel(unsigned n) {
    return SmallVector<utils::IteratorType>(n, utils::IteratorType::parallel);
  }
  AffineMap identity2() { return b.getMultiDimIdentityMap(2); }
  /// Map from a 2-D domain to operand `v`: identity, or pinned to tile 0 of a
  /// one-tile-wide (column vector) or one-tile-tall (row vector) operand.
  AffineMap broadcastMap(Value v, ArrayRef<int64_t> domain) {
    SmallVector<int64_t> s = shapeOf(v);
    AffineExpr d0 = b.getAffineDimExpr(0), d1 = b.getAffineDimExpr(1);
    AffineExpr zero = b.getAffineConstantExpr(0);
    return map({s[0] == domain[0] ? d0 : zero, s[1] == domain[1] ? d1 : zero},
               2);
  }

  Value elementwise(Location loc, ValueRange ins, BodyFn body) {
    SmallVector<int64_t> domain = shapeOf(ins[0]);
    SmallVector<AffineMap> maps;
    for (Value in : ins)
      maps.push_back(broadcastMap(in, domain));
    maps.push_back(identity2());
    return generic(loc, ins, empty(loc, domain), maps, parallel(2), body);
  }

  LogicalResult lowerOp(Operation *op);
  FailureOr<Value> lowerBinary(Operation *op, std::optional<tl::Bcast> bcast);
  Value lowerRowReduce(Location loc, Value in, bool isMax);
  Value lowerMatmul(Location loc, Value a, Value bv);
  Value colvecToOutput(Location loc, Value v, ArrayRef<int64_t> outShape);
  Value getScaler(Location loc);
};

} // namespace

Value KernelLowering::getScaler(Location loc) {
  if (scalerTensor)
    return scalerTensor;
  // Made once at the top of the region: the reader fills it before the
  // first work item, whatever loop first needs it.
  OpBuilder::InsertionGuard g(b);
  b.setInsertionPointToStart(regionBlock);
  auto memTy = d2m::getTileMemRef({1, 1}, tileType, d2m::MemorySpace::CB);
  Value s = d2m::ScalerOp::create(b, loc, memTy, b.getF64FloatAttr(1.0));
  scalerTensor = bufferization::ToTensorOp::create(b, loc, tensorOf({1, 1}), s,
                                                   /*restrict=*/true);
  return scalerTensor;
}

Value KernelLowering::lowerMatmul(Location loc, Value a, Value bv) {
  SmallVector<int64_t> as = shapeOf(a), bs = shapeOf(bv);
  AffineExpr d0 = b.getAffineDimExpr(0), d1 = b.getAffineDimExpr(1),
             d2 = b.getAffineDimExpr(2), zero = b.getAffineConstantExpr(0);
  Value init = empty(loc, {as[0], bs[1]});
  auto body = [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
    return d2m::TileMatmulOp::create(nb, nloc, args[0], args[1], args[2]);
  };
  // A contraction over a single tile needs no reduction loop: tt-lang's
  // tile-matmul form is then a parallel generic, which linalg's elementwise
  // fusion may fuse into its consumers (dstlab modelling decision; see
  // compiler/Dialect/D2M/Rationale.md, "p1").
  if (as[1] == 1 && reduceForm != ReduceForm::Unary)
    return generic(loc, {a, bv}, init,
                   {map({d0, zero}, 2), map({zero, d1}, 2), identity2()},
                   parallel(2), body);
  return generic(loc, {a, bv}, init,
                 {map({d0, d2}, 3), map({d2, d1}, 3), map({d0, d1}, 3)},
                 {utils::IteratorType::parallel, utils::IteratorType::parallel,
                  utils::IteratorType::reduction},
                 body);
}

Value KernelLowering::lowerRowReduce(Location loc, Value in, bool isMax) {
  SmallVector<int64_t> s = shapeOf(in);
  auto reduce = [&](OpBuilder &nb, Location nloc, Value a, Value sc, Value c,
                    d2m::ReduceDim dim) -> Value {
    auto dimAttr = d2m::ReduceDimAttr::get(nb.getContext(), dim);
    if (isMax)
      return d2m::TileReduceMaxOp::create(nb, nloc, a, sc, c, dimAttr);
    return d2m::TileReduceSumOp::create(nb, nloc, a, sc, c, dimAttr);
  };
  AffineExpr d0 = b.getAffineDimExpr(0), zero = b.getAffineConstantExpr(0);
  if (reduceForm == ReduceForm::TTIR) {
    // tt-mlir 19c86fca45 TTIRToD2M.cpp D2MNamedTileReduceRewriter
    // (:2081-2352): inputs (A, scaler), the scaler's map all zeros, the
    // output's the identity with 0 on the reduced dim, a reduction iterator
    // over it, and tile_reduce_*(a, scaler, c) with reduce_dim R
    // (dimArgAsReduceDim, :2333-2352: the last dim). The accumulator is the
    // output, a fresh tensor: nothing initialises it. The scaler (1.0 for
    // max and sum) is made by its own d2m.generic (createScaler, :712-758)
    // and reaches the reduce's region as an input CB: here d2m.scaler, a
    // CB the reader fills, which the bridge exports as an input operand.
    return generic(
        loc, {in, getScaler(loc)}, empty(loc, {s[0], 1}),
        {identity2(), map({zero, zero}, 2), map({d0, zero}, 2)},
        {utils::IteratorType::parallel, utils::IteratorType::reduction},
        [&](OpBuilder &nb, Location nloc, ValueRange args) {
          return reduce(nb, nloc, args[0], args[1], args[2], d2m::ReduceDim::R);
        });
  }
  if (reduceForm == ReduceForm::TTLang) {
    // tt-lang (Nov 2025): tile_reduce_*(x, x, x){reduce_dim = C} with identity
    // maps and parallel iterators; the result keeps the input's block shape.
    return elementwise(
        loc, {in}, [&](OpBuilder &nb, Location nloc, ValueRange args) {
          return reduce(nb, nloc, args[0], args[0], args[0], d2m::ReduceDim::C);
        });
  }
  // Fix 2: one data operand, a constant scaler, an accumulator initialised to
  // the reduction's identity, reducing every tile of the row into a column.
  double identity = isMax ? -std::numeric_limits<double>::infinity() : 0.0;
  Value init =
      generic(loc, {}, empty(loc, {s[0], 1}), {identity2()}, parallel(2),
              [&](OpBuilder &nb, Location nloc, ValueRange) -> Value {
                return d2m::TileFillOp::create(nb, nloc, tileType,
                                               nb.getF64FloatAttr(identity));
              });
  return generic(
      loc, {in, getScaler(loc)}, init,
      {identity2(), map({zero, zero}, 2), map({d0, zero}, 2)},
      {utils::IteratorType::parallel, utils::IteratorType::reduction},
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        return reduce(nb, nloc, args[0], args[1], args[2], d2m::ReduceDim::R);
      });
}

FailureOr<Value> KernelLowering::lowerBinary(Operation *op,
                                             std::optional<tl::Bcast> bcast) {
  Value lhs = values.lookup(op->getOperand(0));
  Value rhs = values.lookup(op->getOperand(1));
  auto kind = op->getName().getStringRef();
  auto compute = [&](OpBuilder &nb, Location nloc, ValueRange args) -> Value {
    Value r = args[1];
    if (bcast)
      r = d2m::TileBcastOp::create(
          nb, nloc, r,
          d2m::BcastTypeAttr::get(nb.getContext(), *bcast == tl::Bcast::Cols
                                                       ? d2m::BcastType::Col
                                                       : d2m::BcastType::Row));
    if (kind == "tl.add")
      return d2m::TileAddOp::create(nb, nloc, args[0], r);
    if (kind == "tl.sub")
      return d2m::TileSubOp::create(nb, nloc, args[0], r);
    if (kind == "tl.mul")
      return d2m::TileMulOp::create(nb, nloc, args[0], r);
    return d2m::TileMaximumOp::create(nb, nloc, args[0], r);
  };
  return elementwise(op->getLoc(), {lhs, rhs}, compute);
}

Value KernelLowering::colvecToOutput(Location loc, Value v,
                                     ArrayRef<int64_t> outShape) {
  if (shapeOf(v) == SmallVector<int64_t>(outShape))
    return v;
  // The ternary form keeps a reduction's full block shape; its column vector
  // is read from the first tile column.
  AffineExpr d0 = b.getAffineDimExpr(0), zero = b.getAffineConstantExpr(0);
  return generic(
      loc, {v}, empty(loc, outShape), {map({d0, zero}, 2), identity2()},
      parallel(2),
      [](OpBuilder &, Location, ValueRange args) { return args[0]; });
}

LogicalResult KernelLowering::lowerOp(Operation *op) {
  Location loc = op->getLoc();
  auto set = [&](Value v) -> LogicalResult {
    values.map(op->getResult(0), v);
    return success();
  };
  auto unary = [&](auto make) {
    return set(elementwise(loc, {values.lookup(op->getOperand(0))}, make));
  };
  return TypeSwitch<Operation *, LogicalResult>(op)
      .Case<arith::ConstantOp>([&](auto c) {
        b.clone(*c, values);
        return success();
      })
      .Case<scf::ForOp>([&](scf::ForOp f) -> LogicalResult {
        // A loop over blocks (KV blocks in flash attention): the same loop
        // over tensors of tiles, its body lowered op by op.
        SmallVector<Value> inits;
        for (auto [i, v] : llvm::enumerate(f.getInitArgs())) {
          // Only blocks are carried; a stream stays a kernel argument.
          if (!isa<RankedTensorType>(v.getType()) || !values.lookup(v))
            return f.emitOpError()
                   << "iter_arg #" << i << " of type " << v.getType()
                   << " is not a block: a loop over blocks carries tensors "
                      "only (read a !tl.stream in the body instead)";
          inits.push_back(values.lookup(v));
        }
        auto nf = scf::ForOp::create(
            b, loc, values.lookupOrDefault(f.getLowerBound()),
            values.lookupOrDefault(f.getUpperBound()),
            values.lookupOrDefault(f.getStep()), inits);
        values.map(f.getInductionVar(), nf.getInductionVar());
        for (auto [a, na] :
             llvm::zip(f.getRegionIterArgs(), nf.getRegionIterArgs()))
          values.map(a, na);
        {
          OpBuilder::InsertionGuard g(b);
          b.setInsertionPointToEnd(nf.getBody());
          for (Operation &inner : f.getBody()->without_terminator())
            if (failed(lowerOp(&inner)))
              return failure();
          SmallVector<Value> yielded;
          for (auto [i, v] :
               llvm::enumerate(f.getBody()->getTerminator()->getOperands())) {
            yielded.push_back(values.lookup(v));
            if (yielded.back().getType() != inits[i].getType())
              return f.emitOpError()
                     << "iter_arg #" << i << " is " << inits[i].getType()
                     << " on entry but " << yielded.back().getType()
                     << " when yielded";
          }
          scf::YieldOp::create(b, loc, yielded);
        }
        for (auto [r, nr] : llvm::zip(f.getResults(), nf.getResults()))
          values.map(r, nr);
        return success();
      })
      .Case<tl::ReadOp>([&](tl::ReadOp r) -> LogicalResult {
        Value cb = cbOfArg.lookup(r.getStream());
        if (!cb)
          return r.emitOpError("reads a stream that is not an argument of "
                               "the kernel");
        auto cbTy = cast<d2m::CBType>(cb.getType());
        Value m = d2m::WaitOp::create(b, loc, cbTy.getMemref(), cb);
        return set(bufferization::ToTensorOp::create(
            b, loc, tensorOf(cbTy.getMemref().getShape()), m,
            /*restrict=*/true));
      })
      .Case<tl::ExpOp>([&](auto) {
        return unary([](OpBuilder &nb, Location nloc, ValueRange a) -> Value {
          return d2m::TileExpOp::create(nb, nloc, a[0]);
        });
      })
      .Case<tl::RecipOp>([&](auto) {
        return unary([](OpBuilder &nb, Location nloc, ValueRange a) -> Value {
          return d2m::TileRecipOp::create(nb, nloc, a[0]);
        });
      })
      .Case<tl::ScaleOp>([&](tl::ScaleOp s) {
        FloatAttr f = s.getFactorAttr();
        return unary([&](OpBuilder &nb, Location nloc, ValueRange a) -> Value {
          return d2m::TileScaleOp::create(nb, nloc, a[0], f);
        });
      })
      .Case<tl::FillOp>([&](tl::FillOp f) {
        FloatAttr v = f.getValueAttr();
        return set(
            generic(loc, {}, empty(loc, tileShape(f.getType())), {identity2()},
                    parallel(2),
                    [&](OpBuilder &nb, Location nloc, ValueRange) -> Value {
                      return d2m::TileFillOp::create(nb, nloc, tileType, v);
                    }));
      })
      .Case<tl::AddOp, tl::SubOp, tl::MulOp, tl::MaxOp>([&](auto bin) {
        std::optional<tl::Bcast> bcast = bin.getBcast();
        FailureOr<Value> v = lowerBinary(bin, bcast);
        if (failed(v))
          return failure();
        return set(*v);
      })
      .Case<tl::BroadcastOp>([&](tl::BroadcastOp bc) {
        Value in = values.lookup(bc.getInput());
        SmallVector<int64_t> domain = tileShape(bc.getType());
        auto kind = bc.getKind() == tl::Bcast::Cols ? d2m::BcastType::Col
                                                    : d2m::BcastType::Row;
        return set(
            generic(loc, {in}, empty(loc, domain),
                    {broadcastMap(in, domain), identity2()}, parallel(2),
                    [&](OpBuilder &nb, Location nloc, ValueRange a) -> Value {
                      return d2m::TileBcastOp::create(
                          nb, nloc, a[0],
                          d2m::BcastTypeAttr::get(nb.getContext(), kind));
                    }));
      })
      .Case<tl::TransposeOp>([&](tl::TransposeOp t) -> LogicalResult {
        Value in = values.lookup(t.getInput());
        SmallVector<int64_t> s = shapeOf(in);
        auto body = [](OpBuilder &nb, Location nloc, ValueRange a) -> Value {
          return d2m::TileTransposeOp::create(nb, nloc, a[0]);
        };
        if (!blockTranspose) {
          // tt-lang (Nov 2025): each tile transposed in place, identity maps.
          if (s[0] != s[1])
            return t.emitOpError()
                   << "per-tile transpose keeps tiles in place and needs a "
                      "square block, got "
                   << s[0] << "x" << s[1] << " tiles";
          return set(elementwise(loc, {in}, body));
        }
        AffineExpr d0 = b.getAffineDimExpr(0), d1 = b.getAffineDimExpr(1);
        return set(generic(loc, {in}, empty(loc, {s[1], s[0]}),
                           {map({d1, d0}, 2), identity2()}, parallel(2), body));
      })
      .Case<tl::MatmulOp>([&](tl::MatmulOp m) -> LogicalResult {
        if (!useTileMatmul)
          return m.emitOpError(
              "use-tile-matmul=0 is not modelled by dstlab's front end");
        return set(lowerMatmul(loc, values.lookup(m.getLhs()),
                               values.lookup(m.getRhs())));
      })
      .Case<tl::RowMaxOp>([&](tl::RowMaxOp r) {
        return set(lowerRowReduce(loc, values.lookup(r.getInput()), true));
      })
      .Case<tl::RowSumOp>([&](tl::RowSumOp r) {
        return set(lowerRowReduce(loc, values.lookup(r.getInput()), false));
      })
      .Default([&](Operation *other) {
        return other->emitOpError()
               << "is not supported inside a kernel by tl-to-d2m";
      });
}

LogicalResult KernelLowering::lower(tl::KernelOp kernel,
                                    d2m::GenericOp generic) {
  Block &body = generic.getRegion().front();
  regionBlock = &body;
  b.setInsertionPointToStart(&body);
  Block &src = kernel.getBody().front();
  for (auto [i, arg] : llvm::enumerate(src.getArguments())) {
    Value cb = body.getArgument(i);
    auto cbTy = cast<d2m::CBType>(cb.getType());
    tileType = cast<d2m::TileType>(cbTy.getMemref().getElementType());
    if (isa<tl::StreamType>(arg.getType())) {
      cbOfArg[arg] = cb;
      continue;
    }
    Value m = d2m::WaitOp::create(b, kernel.getLoc(), cbTy.getMemref(), cb);
    values.map(arg,
               bufferization::ToTensorOp::create(
                   b, kernel.getLoc(), tensorOf(cbTy.getMemref().getShape()), m,
                   /*restrict=*/true));
  }
  if (src.getNumArguments() == 0) {
    // The verifier rejects a kernel with no ins and no outs; stay safe.
    if (body.getNumArguments() == 0)
      return kernel.emitOpError("has no ins and no outs");
    auto cbTy = cast<d2m::CBType>(body.getArgument(0).getType());
    tileType = cast<d2m::TileType>(cbTy.getMemref().getElementType());
  }
  for (Operation &op : src.without_terminator()) {
    if (failed(lowerOp(&op)))
      return failure();
  }
  auto yield = cast<tl::YieldOp>(src.getTerminator());
  unsigned numIns = kernel.getIns().size();
  for (auto [i, v] : llvm::enumerate(yield.getValues())) {
    Value cb = body.getArgument(numIns + i);
    auto memTy = cast<d2m::CBType>(cb.getType()).getMemref();
    Value out = d2m::ReserveOp::create(b, yield.getLoc(), memTy, cb);
    Value t =
        colvecToOutput(yield.getLoc(), values.lookup(v), memTy.getShape());
    auto mat = bufferization::MaterializeInDestinationOp::create(
        b, yield.getLoc(), TypeRange{}, t, out);
    mat.setWritable(true);
    mat.setRestrict(true);
  }
  d2m::YieldOp::create(b, yield.getLoc());
  return success();
}

namespace {
struct TLToD2MPass : public dstlab::impl::TLToD2MBase<TLToD2MPass> {
  using TLToD2MBase::TLToD2MBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    OpBuilder b(module.getContext());
    for (auto program :
         llvm::make_early_inc_range(module.getOps<tl::ProgramOp>())) {
      if (failed(lowerProgram(b, program)))
        return signalPassFailure();
      program.erase();
    }
    // MLIR's own elementwise fusion, fusing every fusable producer (tt-lang's
    // pipeline fused producers with several consumers by duplicating them).
    RewritePatternSet patterns(module.getContext());
    // Fix 2 keeps FPU operands (matmul and reduce A/B, read by the unpacker
    // from CBs) out of fusion, so they stay CB-resident blocks. tt-mlir's
    // TTIR path keeps a reduction its own generic: its elementwise fusion
    // (D2MElementwiseFusion) fuses all-parallel generics only.
    // With duplicate-producers=false a producer with other users is computed
    // once into a block of its own instead of once per consumer (fusion
    // would keep it alive for the others and compute it again here).
    ReduceForm f = reduceForm;
    bool duplicate = duplicateProducers;
    linalg::populateElementwiseOpsFusionPatterns(
        patterns, [f, duplicate](OpOperand *fused) {
          Operation *owner = fused->getOwner();
          if (!duplicate &&
              llvm::any_of(fused->get().getUsers(),
                           [&](Operation *u) { return u != owner; }))
            return false;
          if (f == ReduceForm::TTLang)
            return true;
          auto consumer = dyn_cast<linalg::GenericOp>(owner);
          if (!consumer)
            return true;
          BlockArgument arg = consumer.getMatchingBlockArgument(fused);
          for (OpOperand &use : arg.getUses()) {
            bool isReduce =
                isa<d2m::TileReduceMaxOp, d2m::TileReduceSumOp>(use.getOwner());
            if (f == ReduceForm::TTIR && isReduce)
              return false;
            if (f == ReduceForm::Unary &&
                (isReduce || isa<d2m::TileMatmulOp>(use.getOwner())) &&
                use.getOperandNumber() < 2)
              return false;
          }
          return true;
        });
    linalg::populateEraseUnusedOperandsAndResultsPatterns(patterns);
    if (failed(applyPatternsGreedily(module, std::move(patterns))))
      return signalPassFailure();
  }

  LogicalResult lowerProgram(OpBuilder &b, tl::ProgramOp program) {
    MLIRContext *ctx = program.getContext();
    // precision=accurate: every CB holds f32 tiles, so every value a kernel
    // computes is f32 and DST accumulates in f32; the reader widens each
    // input tile exactly and the writer rounds each output tile to its DRAM
    // type (on hardware the unpacker and the packer do those conversions).
    auto cbTile = [&](MemRefType global) {
      if (keepsF32(precision))
        return d2m::TileType::get(ctx, Float32Type::get(ctx));
      return cast<d2m::TileType>(global.getElementType());
    };
    // One DRAM memref argument per program tensor, in declaration order.
    SmallVector<Type> argTypes;
    SmallVector<tl::TensorDeclOp> decls;
    for (auto decl : program.getBody().getOps<tl::TensorDeclOp>()) {
      auto t = cast<RankedTensorType>(decl.getType());
      auto tile = d2m::TileType::get(ctx, t.getElementType());
      argTypes.push_back(
          d2m::getTileMemRef(tileShape(t), tile, d2m::MemorySpace::DRAM));
      decls.push_back(decl);
    }
    b.setInsertionPoint(program);
    auto func = func::FuncOp::create(b, program.getLoc(), program.getSymName(),
                                     b.getFunctionType(argTypes, {}));
    SmallVector<Attribute> names;
    for (tl::TensorDeclOp d : decls)
      names.push_back(b.getStringAttr(d.getSymName()));
    func->setAttr("d2m.tensors", b.getArrayAttr(names));
    Block *entry = func.addEntryBlock();
    auto argOf = [&](Attribute ref) -> Value {
      StringRef name = cast<FlatSymbolRefAttr>(ref).getValue();
      for (auto [i, d] : llvm::enumerate(decls))
        if (d.getSymName() == name)
          return entry->getArgument(i);
      return nullptr;
    };
    for (auto kernel : program.getBody().getOps<tl::KernelOp>()) {
      b.setInsertionPointToEnd(entry);
      SmallVector<Value> ins, outs;
      SmallVector<Attribute> dists;
      SmallVector<Type> cbTypes;
      Block &src = kernel.getBody().front();
      for (auto [ref, arg] : llvm::zip(kernel.getIns(), src.getArguments())) {
        Value global = argOf(ref);
        ins.push_back(global);
        auto globalTy = cast<MemRefType>(global.getType());
        RankedTensorType blockTy;
        d2m::Distribution dist = d2m::Distribution::Shard;
        if (auto stream = dyn_cast<tl::StreamType>(arg.getType())) {
          blockTy = stream.getBlockType();
          dist = d2m::Distribution::Stream;
        } else {
          blockTy = cast<RankedTensorType>(arg.getType());
        }
        dists.push_back(d2m::DistributionAttr::get(ctx, dist));
        cbTypes.push_back(d2m::CBType::get(
            ctx, d2m::getTileMemRef(tileShape(blockTy), cbTile(globalTy),
                                    d2m::MemorySpace::CB)));
      }
      auto yield = cast<tl::YieldOp>(src.getTerminator());
      for (auto [ref, v] : llvm::zip(kernel.getOuts(), yield.getValues())) {
        Value global = argOf(ref);
        outs.push_back(global);
        auto globalTy = cast<MemRefType>(global.getType());
        dists.push_back(
            d2m::DistributionAttr::get(ctx, d2m::Distribution::Shard));
        int64_t rows = globalTy.getDimSize(0) / kernel.getNumWorkItems();
        cbTypes.push_back(d2m::CBType::get(
            ctx, d2m::getTileMemRef({rows, globalTy.getDimSize(1)},
                                    cbTile(globalTy), d2m::MemorySpace::CB)));
      }
      auto generic = d2m::GenericOp::create(
          b, kernel.getLoc(), ins, outs, kernel.getSymName(), program.getGrid(),
          kernel.getNumWorkItems(), b.getArrayAttr(dists));
      Block *body = b.createBlock(&generic.getRegion());
      for (Type t : cbTypes)
        body->addArgument(t, kernel.getLoc());
      KernelLowering lowering(
          b, reduceForm, transposeForm == TransposeForm::Block, useTileMatmul);
      if (failed(lowering.lower(kernel, generic)))
        return failure();
    }
    b.setInsertionPointToEnd(entry);
    func::ReturnOp::create(b, program.getLoc());
    return success();
  }
};
} // namespace
