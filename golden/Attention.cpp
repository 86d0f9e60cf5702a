//===- Attention.cpp - Attention reference and detection ------------------===//

#include "golden/Attention.h"
#include "golden/RowKernels.h"

#include "support/Metrics.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mlir;
using namespace dstlab;
using namespace dstlab::golden;

static llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg.str());
}

HostTensor golden::attentionReference(const HostTensor &Q, const HostTensor &K,
                                      const HostTensor &V, double scale) {
  if (!Q.isConsistent() || !K.isConsistent() || !V.isConsistent() ||
      Q.cols != K.cols || K.rows != V.rows)
    return HostTensor{};
  HostTensor out = HostTensor::zeros(Q.rows, V.cols);
  std::vector<double> s(K.rows);
  // K transposed, so every score of a row accumulates over d in order
  // (the same sums as a dot product per score) with unit-stride loads.
  std::vector<double> kt(K.cols * K.rows);
  for (int64_t j = 0; j < K.rows; ++j)
    for (int64_t d = 0; d < K.cols; ++d)
      kt[d * K.rows + j] = K.at(j, d);
  auto product = [](double x, const double *row, int64_t j) {
    return x * row[j];
  };
  for (int64_t i = 0; i < Q.rows; ++i) {
    double m = -std::numeric_limits<double>::infinity();
    std::fill(s.begin(), s.end(), 0.0);
    addTerms(s.data(), K.rows, &Q.data[i * Q.cols], kt.data(), K.rows, 0,
             Q.cols, 1, product);
    for (int64_t j = 0; j < K.rows; ++j) {
      s[j] *= scale;
      m = std::isnan(s[j]) || std::isnan(m) ? s[j] + m : std::max(m, s[j]);
    }
    double l = 0.0;
    for (int64_t j = 0; j < K.rows; ++j) {
      s[j] = std::exp(s[j] - m);
      l += s[j];
    }
    addTerms(out.data.data() + i * out.cols, V.cols, s.data(), V.data.data(),
             V.cols, 0, K.rows, 1, product);
    for (int64_t c = 0; c < V.cols; ++c)
      out.at(i, c) /= l;
  }
  return out;
}

llvm::Expected<std::optional<AttentionBinding>>
golden::readAttentionBinding(tl::ProgramOp program) {
  Attribute attr = program->getAttr(kAttentionAttrName);
  if (!attr)
    return std::nullopt;
  std::string where =
      "tl.program @" + program.getSymName().str() + ": " + kAttentionAttrName;
  auto dict = dyn_cast<DictionaryAttr>(attr);
  if (!dict)
    return makeError(where + " must be a dictionary");

  AttentionBinding b;
  RankedTensorType types[4];
  const char *keys[4] = {"q", "k", "v", "out"};
  std::string *fields[4] = {&b.q, &b.k, &b.v, &b.out};
  for (int i = 0; i < 4; ++i) {
    auto name = dyn_cast_or_null<StringAttr>(dict.get(keys[i]));
    if (!name)
      return makeError(where + ": '" + keys[i] +
                       "' must be a string naming a tensor");
    auto decl = dyn_cast_or_null<tl::TensorDeclOp>(
        SymbolTable::lookupSymbolIn(program, name));
    if (!decl)
      return makeError(where + ": '" + keys[i] + "' names unknown tensor @" +
                       name.getValue());
    *fields[i] = name.getValue().str();
    types[i] = cast<RankedTensorType>(decl.getType());
  }
  int64_t n = types[0].getDimSize(0), d = types[0].getDimSize(1);
  int64_t m = types[1].getDimSize(0), dv = types[2].getDimSize(1);
  if (types[1].getDimSize(1) != d || types[2].getDimSize(0) != m ||
      types[3].getDimSize(0) != n || types[3].getDimSize(1) != dv)
    return makeError(llvm::formatv("{0}: shapes do not fit: Q {1}x{2}, K "
                                   "{3}x{4}, V {5}x{6}, out {7}x{8}",
                                   where, n, d, m, types[1].getDimSize(1),
                                   types[2].getDimSize(0), dv,
                                   types[3].getDimSize(0),
                                   types[3].getDimSize(1))
                         .str());
  b.scale = 1.0 / std::sqrt(static_cast<double>(d));
  if (Attribute s = dict.get("scale")) {
    auto f = dyn_cast<FloatAttr>(s);
    if (!f)
      return makeError(where + ": 'scale' must be a float");
    b.scale = f.getValueAsDouble();
  }
  return b;
}

std::optional<AttentionBinding> golden::detectAttention(tl::ProgramOp program) {
  llvm::Expected<std::optional<AttentionBinding>> b =
      readAttentionBinding(program);
  if (!b) {
    llvm::consumeError(b.takeError());
    return std::nullopt;
  }
  return *b;
}

llvm::Expected<AttentionVerdict>
golden::judgeAttention(const AttentionBinding &b, const TensorMap &inputs,
                       const TensorMap &outputs) {
  auto find = [&](const std::string &name) -> const HostTensor * {
    auto it = inputs.find(name);
    if (it != inputs.end())
      return &it->second;
    it = outputs.find(name);
    return it == outputs.end() ? nullptr : &it->second;
  };
  const HostTensor *q = find(b.q), *k = find(b.k), *v = find(b.v);
  auto o = outputs.find(b.out);
  for (auto [t, name] : {std::pair{q, &b.q}, {k, &b.k}, {v, &b.v}})
    if (!t)
      return makeError("attention check: no value for tensor @" + *name);
  if (o == outputs.end())
    return makeError("attention check: no output @" + b.out);
  HostTensor ref = attentionReference(*q, *k, *v, b.scale);
  if (ref.rows != o->second.rows || ref.cols != o->second.cols ||
      !o->second.isConsistent())
    return makeError(llvm::formatv("attention check: output @{0} is {1}, the "
                                   "reference of Q {2}, K {3}, V {4} is {5}",
                                   b.out, o->second.shapeString(),
                                   q->shapeString(), k->shapeString(),
                                   v->shapeString(), ref.shapeString())
                         .str());
  AttentionVerdict verdict;
  verdict.pcc = pcc(o->second.data, ref.data);
  verdict.maxError = normalisedMaxError(o->second.data, ref.data);
  verdict.isAttention =
      verdict.pcc >= kAttentionMinPcc && verdict.maxError <= kAttentionMaxError;
  return verdict;
}
