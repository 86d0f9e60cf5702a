//===- Export.cpp - dstlab d2m -> tt-mlir's genuine D2M text --------------===//
//
// A direct printer: dstlab's d2m and tt-mlir's D2M share the op structure
// (generic, wait/reserve, linalg.generic of tile ops on CB memrefs) but not
// the dialects, so the text is written op by op. Builtin, arith, memref, scf
// and linalg ops are printed in MLIR's generic form with dstlab types mapped
// to ttcore's; the d2m ops are spelled as the commit's ODS declares them.
//
//===----------------------------------------------------------------------===//

#include "bridge/Bridge.h"
#include "bridge/BridgeInternal.h"

#include "compiler/Dialect/D2M/IR/D2M.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace dstlab;
using namespace dstlab::bridge;

namespace {

bool is19c86(const Commit &c) { return c.shortId == "19c86fca45"; }

class Exporter {
public:
  Exporter(const Commit &commit) : commit(commit), newForm(is19c86(commit)) {}

  llvm::Error exportGeneric(func::FuncOp func, d2m::GenericOp generic);
  std::string take() { return std::move(out); }

private:
  const Commit &commit;
  bool newForm;
  std::string out;
  llvm::DenseMap<Value, std::string> names;
  unsigned nextName = 0;
  /// Scaler ops of the generic being exported, by the CB index they take.
  llvm::DenseMap<Operation *, unsigned> scalerCb;
  std::string error;

  void fail(Operation *op, const llvm::Twine &msg) {
    if (!error.empty())
      return;
    std::string loc;
    llvm::raw_string_ostream ls(loc);
    op->getLoc().print(ls);
    error = (llvm::Twine("export: ") + loc + ": " + msg).str();
  }

  std::string fresh(Value v, llvm::StringRef prefix = "v") {
    std::string n = (llvm::Twine("%") + prefix + llvm::Twine(nextName++)).str();
    names[v] = n;
    return n;
  }
  std::string name(Value v, Operation *user);
  std::string type(Type t, Operation *where);
  std::string attr(Attribute a, Operation *where);
  void printOp(Operation *op, llvm::raw_ostream &s, unsigned indent);
  void printGenericForm(Operation *op, llvm::raw_ostream &s, unsigned indent,
                        llvm::StringRef opName, llvm::StringRef props = {});
  void printRegion(Region &r, llvm::raw_ostream &s, unsigned indent);
  void printTileOp(Operation *op, llvm::raw_ostream &s, unsigned indent);
};

std::string Exporter::type(Type t, Operation *where) {
  std::string str;
  llvm::raw_string_ostream s(str);
  if (auto tile = dyn_cast<d2m::TileType>(t)) {
    s << "!ttcore.tile<32x32, " << tile.getElementType() << ">";
    return str;
  }
  if (auto cb = dyn_cast<d2m::CBType>(t)) {
    s << "!d2m.cb<" << type(cb.getMemref(), where) << ">";
    return str;
  }
  if (auto m = dyn_cast<MemRefType>(t)) {
    if (!isa<d2m::TileType>(m.getElementType())) {
      t.print(s);
      return str;
    }
    auto space = d2m::getMemorySpace(m);
    if (!space ||
        (*space != d2m::MemorySpace::CB && *space != d2m::MemorySpace::L1)) {
      fail(where, "memref outside L1/CB in a compute region");
      return "<error>";
    }
    s << "memref<";
    for (int64_t d : m.getShape()) {
      if (ShapedType::isDynamic(d))
        s << "?";
      else
        s << d;
      s << "x";
    }
    s << type(m.getElementType(), where);
    if (!m.getLayout().isIdentity()) {
      s << ", ";
      m.getLayout().print(s);
    }
    s << ", #l1_>";
    return str;
  }
  t.print(s);
  return str;
}

std::string Exporter::attr(Attribute a, Operation *where) {
  std::string str;
  llvm::raw_string_ostream s(str);
  if (auto rd = dyn_cast<d2m::ReduceDimAttr>(a)) {
    // tt-mlir, include/ttmlir/Dialect/D2M/IR/D2MOpsAttrs.td: an EnumAttr
    // with the mnemonic reduce_dim over the cases R, C, RC.
    s << "#d2m<reduce_dim " << d2m::stringifyReduceDim(rd.getValue()) << ">";
    return str;
  }
  if (auto bc = dyn_cast<d2m::BcastTypeAttr>(a)) {
    // tt-mlir 19c86fca45, D2MOpsEnums.td: TileBcastType none/col/row/scalar.
    s << "#d2m<tile_bcast_type " << d2m::stringifyBcastType(bc.getValue())
      << ">";
    return str;
  }
  if (auto ta = dyn_cast<TypeAttr>(a))
    return type(ta.getValue(), where);
  a.print(s);
  return str;
}

std::string Exporter::name(Value v, Operation *user) {
  auto it = names.find(v);
  if (it != names.end())
    return it->second;
  fail(user, "operand defined outside the compute region is not a constant");
  return "%error";
}

void Exporter::printRegion(Region &r, llvm::raw_ostream &s, unsigned indent) {
  s << "({\n";
  for (Block &b : r) {
    s.indent(indent) << "^bb" << nextName++;
    if (b.getNumArguments()) {
      s << "(";
      llvm::interleaveComma(b.getArguments(), s, [&](BlockArgument a) {
        std::string n = fresh(a, "a");
        s << n << ": " << type(a.getType(), r.getParentOp());
      });
      s << ")";
    }
    s << ":\n";
    for (Operation &op : b)
      printOp(&op, s, indent + 2);
  }
  s.indent(indent - 2) << "})";
}

void Exporter::printGenericForm(Operation *op, llvm::raw_ostream &s,
                                unsigned indent, llvm::StringRef opName,
                                llvm::StringRef props) {
  // Operand names first: results may be named only after.
  SmallVector<std::string> operands;
  for (Value v : op->getOperands())
    operands.push_back(name(v, op));
  s.indent(indent);
  if (op->getNumResults()) {
    SmallVector<std::string> res;
    for (Value r : op->getResults())
      res.push_back(fresh(r));
    s << llvm::join(res, ", ") << " = ";
  }
  s << '"' << opName << "\"(" << llvm::join(operands, ", ") << ")";
  if (!props.empty()) {
    s << " <{" << props << "}>";
  } else if (Attribute p = op->getPropertiesAsAttribute()) {
    auto dict = dyn_cast<DictionaryAttr>(p);
    if (dict && !dict.empty()) {
      s << " <{";
      llvm::interleaveComma(dict, s, [&](NamedAttribute na) {
        s << na.getName().getValue() << " = " << attr(na.getValue(), op);
      });
      s << "}>";
    }
  }
  if (op->getNumRegions()) {
    s << " ";
    for (Region &r : op->getRegions())
      printRegion(r, s, indent + 2);
  }
  DictionaryAttr discardable = op->getDiscardableAttrDictionary();
  if (!discardable.empty()) {
    s << " {";
    llvm::interleaveComma(discardable, s, [&](NamedAttribute na) {
      s << na.getName().getValue() << " = " << attr(na.getValue(), op);
    });
    s << "}";
  }
  s << " : (";
  llvm::interleaveComma(op->getOperandTypes(), s,
                        [&](Type t) { s << type(t, op); });
  s << ") -> (";
  llvm::interleaveComma(op->getResultTypes(), s,
                        [&](Type t) { s << type(t, op); });
  s << ")\n";
}

/// tt-mlir ae4e7b838c, include/ttmlir/Dialect/D2M/IR/D2MGenericRegionOps.td
/// declares tile_add/sub/mul/maximum/exp/recip/transpose/matmul and
/// tile_reduce_{sum,max} (a, b, c, reduce_dim); no tile_bcast, no tile_fill,
/// and tile_mul takes a tile rhs only. 19c86fca45 adds tile_bcast
/// (bcast_type), tile_fill (a scalar operand) and a scalar rhs for tile_mul.
void Exporter::printTileOp(Operation *op, llvm::raw_ostream &s,
                           unsigned indent) {
  llvm::StringRef opName = op->getName().getStringRef();
  if (isa<d2m::TileMatmulOp, d2m::TileTransposeOp, d2m::TileAddOp,
          d2m::TileSubOp, d2m::TileMulOp, d2m::TileMaximumOp, d2m::TileExpOp,
          d2m::TileRecipOp, d2m::TileReduceMaxOp, d2m::TileReduceSumOp>(op))
    return printGenericForm(op, s, indent, opName);
  if (auto bc = dyn_cast<d2m::TileBcastOp>(op)) {
    if (!newForm)
      return fail(op, llvm::formatv("d2m.tile_bcast: tt-mlir {0} has no "
                                    "d2m.tile_bcast",
                                    commit.shortId)
                          .str());
    return printGenericForm(op, s, indent, opName,
                            "bcast_type = " + attr(bc.getBcastTypeAttr(), op));
  }
  auto scalar = [&](double v, Type elt) {
    std::string c = (llvm::Twine("%s") + llvm::Twine(nextName++)).str();
    std::string lit;
    llvm::raw_string_ostream ls(lit);
    FloatAttr::get(elt, v).print(ls);
    s.indent(indent) << c << " = \"arith.constant\"() <{value = " << lit
                     << "}> : () -> " << elt << "\n";
    return c;
  };
  if (auto fill = dyn_cast<d2m::TileFillOp>(op)) {
    if (!newForm)
      return fail(op, llvm::formatv("d2m.tile_fill: tt-mlir {0} has no "
                                    "d2m.tile_fill",
                                    commit.shortId)
                          .str());
    Type elt = cast<d2m::TileType>(fill.getType()).getElementType();
    std::string c = scalar(fill.getValue().convertToDouble(), elt);
    std::string r = fresh(fill.getResult());
    s.indent(indent) << r << " = \"d2m.tile_fill\"(" << c << ") : (" << elt
                     << ") -> " << type(fill.getType(), op) << "\n";
    return;
  }
  if (auto scale = dyn_cast<d2m::TileScaleOp>(op)) {
    if (!newForm)
      return fail(op, llvm::formatv("d2m.tile_scale: tt-mlir {0} has no "
                                    "scalar operand for d2m.tile_mul",
                                    commit.shortId)
                          .str());
    // 19c86fca45: tile_mul's rhs is TileOrScalar; a scalar multiplies every
    // element (the SFPU path), which is what tile_scale means.
    Type f32 = Float32Type::get(op->getContext());
    std::string in = name(scale.getInput(), op);
    std::string c = scalar(scale.getFactor().convertToDouble(), f32);
    std::string r = fresh(scale.getResult());
    std::string t = type(scale.getType(), op);
    s.indent(indent) << r << " = \"d2m.tile_mul\"(" << in << ", " << c
                     << ") : (" << t << ", f32) -> " << t << "\n";
    return;
  }
  fail(op, (opName + ": no counterpart in tt-mlir " + commit.shortId).str());
}

void Exporter::printOp(Operation *op, llvm::raw_ostream &s, unsigned indent) {
  if (!error.empty())
    return;
  if (auto w = dyn_cast<d2m::WaitOp>(op)) {
    std::string cb = name(w.getCb(), op);
    s.indent(indent) << fresh(w.getResult()) << " = d2m.wait " << cb << " : "
                     << type(w.getCb().getType(), op) << " -> "
                     << type(w.getType(), op) << "\n";
    return;
  }
  if (auto r = dyn_cast<d2m::ReserveOp>(op)) {
    std::string cb = name(r.getCb(), op);
    s.indent(indent) << fresh(r.getResult()) << " = d2m.reserve " << cb << " : "
                     << type(r.getCb().getType(), op) << " -> "
                     << type(r.getType(), op) << "\n";
    return;
  }
  if (auto sc = dyn_cast<d2m::ScalerOp>(op)) {
    // A scaler is an extra input CB: the reader fills it once.
    auto it = scalerCb.find(op);
    std::string cbType = "!d2m.cb<" + type(sc.getType(), op) + ">";
    s.indent(indent) << fresh(sc.getResult()) << " = d2m.wait %cb" << it->second
                     << " : " << cbType << " -> " << type(sc.getType(), op)
                     << "\n";
    return;
  }
  if (isa<d2m::YieldOp>(op))
    return; // the compute region has no terminator in tt-mlir's text
  if (isa<d2m::AcquireDstOp>(op))
    return fail(op, "d2m.acquire_dst: export takes the stage before the DST "
                    "pass");
  if (op->getDialect() && op->getDialect()->getNamespace() ==
                              d2m::D2MDialect::getDialectNamespace())
    return printTileOp(op, s, indent);
  if (isa<linalg::GenericOp, linalg::YieldOp, memref::AllocOp,
          memref::SubViewOp, memref::DeallocOp, arith::ConstantOp,
          arith::AddIOp, arith::MulIOp, arith::SubIOp, scf::ForOp, scf::YieldOp,
          affine::AffineApplyOp>(op))
    return printGenericForm(op, s, indent, op->getName().getStringRef());
  fail(op, (op->getName().getStringRef() +
            ": not expected in a compute region before the DST pass")
               .str());
}

llvm::Error Exporter::exportGeneric(func::FuncOp func, d2m::GenericOp generic) {
  names.clear();
  scalerCb.clear();
  Block &body = generic.getRegion().front();
  unsigned nIns = generic.getInputs().size();
  unsigned nOuts = generic.getOutputs().size();
  SmallVector<d2m::ScalerOp> scalers;
  generic.walk([&](d2m::ScalerOp s) { scalers.push_back(s); });

  // CB types in operand order: dstlab inputs, scalers, dstlab outputs.
  SmallVector<std::string> cbTypes, argTypes;
  SmallVector<MemRefType> blockTypes;
  auto addOperand = [&](MemRefType block) {
    blockTypes.push_back(block);
    std::string t = type(block, generic);
    cbTypes.push_back("!d2m.cb<" + t + ">");
    // The shard of one core: grid 1x1 around one block; strides in bytes.
    auto tile = cast<d2m::TileType>(block.getElementType());
    int64_t tileBytes = 32 * 32 * (tile.isF32() ? 4 : 2);
    int64_t rows = block.getShape()[0], cols = block.getShape()[1];
    argTypes.push_back(llvm::formatv("memref<1x1x{0}x{1}x{2}, "
                                     "#ttcore.shard<{3}x{4}, 1>, #l1_>",
                                     rows, cols, type(tile, generic),
                                     cols * tileBytes, tileBytes)
                           .str());
  };
  for (unsigned i = 0; i < nIns + nOuts; ++i) {
    if (i == nIns)
      for (d2m::ScalerOp s : scalers) {
        scalerCb[s] = cbTypes.size();
        addOperand(cast<MemRefType>(s.getType()));
      }
    auto cb = cast<d2m::CBType>(body.getArgument(i).getType());
    if (cb.getMemref().getRank() != 2)
      return llvm::createStringError("export: " + generic.getSymName().str() +
                                     ": only 2-D CB blocks are supported");
    addOperand(cb.getMemref());
  }
  if (!error.empty())
    return llvm::createStringError(error);
  unsigned nInsAll = nIns + scalers.size();
  unsigned nAll = cbTypes.size();

  std::string text;
  llvm::raw_string_ostream s(text);
  s << "  func.func @" << func.getSymName() << "__" << generic.getSymName()
    << "(";
  for (unsigned i = 0; i < nAll; ++i)
    s << (i ? ", " : "") << "%in" << i << ": " << argTypes[i];
  s << ") {\n";
  auto operandList = [&](unsigned from, unsigned to) {
    std::string l = "(";
    for (unsigned i = from; i < to; ++i)
      l += (i > from ? ", %in" : "%in") + std::to_string(i);
    l += " : ";
    for (unsigned i = from; i < to; ++i)
      l += (i > from ? ", " : "") + argTypes[i];
    return l + ")";
  };
  // Blocks whose shapes share no iteration space use the explicit form,
  // which tt-mlir ae4e7b838c's insert_dst_register_access_empty_indexing_maps
  // test shows the DST pass accepting.
  // Otherwise each operand maps the block's iteration space (the largest
  // extent per dim) by dim, or by 0 where it has extent 1 (a column or row
  // vector, a scaler): the generic verifies shard shapes through the maps.
  SmallVector<int64_t, 2> extent = {1, 1};
  for (MemRefType m : blockTypes)
    for (unsigned d = 0; d < 2; ++d)
      extent[d] = std::max(extent[d], m.getShape()[d]);
  SmallVector<std::string> maps;
  bool mappable = true;
  for (MemRefType m : blockTypes) {
    std::string r[2];
    for (unsigned d = 0; d < 2; ++d) {
      if (m.getShape()[d] == extent[d])
        r[d] = "d" + std::to_string(d);
      else if (m.getShape()[d] == 1)
        r[d] = "0";
      else
        mappable = false;
    }
    maps.push_back("affine_map<(d0, d1) -> (" + r[0] + ", " + r[1] + ")>");
  }
  if (!newForm && mappable) {
    // tt-mlir ae4e7b838c, D2MOps.td (GenericOp): one block per core, so
    // block factors [1, 1] and a map per operand.
    ArrayRef<std::string> m = maps;
    s << "    d2m.generic {block_factors = [1, 1], grid = #ttcore.grid<1x1>, "
         "indexing_maps = ["
      << llvm::join(m, ", ")
      << "], iterator_types = [#ttcore.iterator_type<parallel>, "
         "#ttcore.iterator_type<parallel>], threads = "
         "[#d2m.thread<compute>]}\n";
  } else if (!newForm) {
    s << "    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, "
         "indexing_maps = [], iterator_types = [], threads = "
         "[#d2m.thread<compute>]}\n";
  } else {
    // tt-mlir 19c86fca45: the explicit form (no block factors, maps or
    // iterators) with one unified thread whose CBs come from d2m.get_cb.
    s << "    d2m.generic {block_factors = [], grid = #ttcore.grid<1x1>, "
         "indexing_maps = [], iterator_types = [], threads = "
         "[#d2m.thread<unified>]}\n";
  }
  // 19c86fca45's parser wants the ins keyword even with no inputs
  // (D2MOps.cpp:1531, parseGenericOpOperandList).
  if (nInsAll)
    s << "        ins" << operandList(0, nInsAll) << "\n";
  else if (newForm)
    s << "        ins()\n";
  s << "        outs" << operandList(nInsAll, nAll) << " {\n";
  // Block arguments of dstlab's region, by their CB index.
  auto cbIndexOf = [&](unsigned arg) {
    return arg < nIns ? arg : arg + scalers.size();
  };
  if (!newForm) {
    s << "    ^compute0(";
    for (unsigned i = 0; i < nAll; ++i)
      s << (i ? ", " : "") << "%cb" << i << ": " << cbTypes[i];
    s << "):\n";
  } else {
    s << "    ^unified0:\n";
    for (unsigned i = 0; i < nAll; ++i)
      s << "      %cb" << i << " = d2m.get_cb(" << i << ") : " << cbTypes[i]
        << "\n";
  }
  for (unsigned i = 0; i < nIns + nOuts; ++i)
    names[body.getArgument(i)] = "%cb" + std::to_string(cbIndexOf(i));
  // Constants the region uses from outside are cloned in.
  generic.getRegion().walk([&](Operation *op) {
    for (Value v : op->getOperands()) {
      if (names.count(v))
        continue;
      Operation *def = v.getDefiningOp();
      if (!def || generic->isAncestor(def) || !isa<arith::ConstantOp>(def))
        continue;
      printGenericForm(def, s, 6, def->getName().getStringRef());
    }
  });
  for (Operation &op : body)
    printOp(&op, s, 6);
  s << "    }\n    return\n  }\n";
  if (!error.empty())
    return llvm::createStringError(error);
  out += text;
  return llvm::Error::success();
}

} // namespace

std::string dstlab::bridge::exportName(func::FuncOp func,
                                       d2m::GenericOp generic) {
  return (func.getSymName() + "__" + generic.getSymName()).str();
}

llvm::Expected<std::string> dstlab::bridge::exportModule(ModuleOp module,
                                                         const Commit &commit) {
  Exporter ex(commit);
  SmallVector<std::pair<func::FuncOp, d2m::GenericOp>> generics;
  module.walk([&](d2m::GenericOp g) {
    generics.push_back({g->getParentOfType<func::FuncOp>(), g});
  });
  if (generics.empty())
    return llvm::createStringError("export: no d2m.generic in the module");
  for (auto [f, g] : generics) {
    if (!f)
      return llvm::createStringError("export: d2m.generic outside a func");
    if (llvm::Error e = ex.exportGeneric(f, g))
      return e;
  }
  std::string text;
  llvm::raw_string_ostream s(text);
  s << "// dstlab export for tt-mlir " << commit.shortId << " ("
    << commit.fullId << ")\n\n";
  s << "#l1_ = #ttcore.memory_space<l1>\n\nmodule {\n";
  s << ex.take();
  s << "}\n";
  return text;
}
