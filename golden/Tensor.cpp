//===- Tensor.cpp - Host tensors of the golden interpreter ----------------===//

#include "golden/Tensor.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>

using namespace dstlab;
using namespace dstlab::golden;

HostTensor HostTensor::filled(int64_t rows, int64_t cols, double value) {
  HostTensor t;
  t.rows = rows;
  t.cols = cols;
  t.data.assign(static_cast<size_t>(rows * cols), value);
  return t;
}

bool HostTensor::isConsistent() const {
  return rows >= 0 && cols >= 0 &&
         data.size() == static_cast<size_t>(rows * cols);
}

std::string HostTensor::shapeString() const {
  return llvm::formatv("{0}x{1}", rows, cols).str();
}

HostTensor HostTensor::rowBlock(int64_t firstRow, int64_t numRows) const {
  HostTensor t;
  t.rows = numRows;
  t.cols = cols;
  auto begin = data.begin() + firstRow * cols;
  t.data.assign(begin, begin + numRows * cols);
  return t;
}

void HostTensor::setRowBlock(int64_t firstRow, const HostTensor &block) {
  std::copy(block.data.begin(), block.data.end(),
            data.begin() + firstRow * cols);
}

bool golden::operator==(const HostTensor &a, const HostTensor &b) {
  return a.rows == b.rows && a.cols == b.cols && a.data == b.data;
}

NpyArray golden::toNpy(const HostTensor &t) {
  NpyArray a;
  a.shape = {t.rows, t.cols};
  a.data = t.data;
  return a;
}

llvm::Expected<HostTensor> golden::fromNpy(const NpyArray &array,
                                           llvm::StringRef what) {
  if (array.shape.size() != 2)
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}: expected a 2-D array, got rank {1}", what,
                      array.shape.size())
            .str());
  int64_t n = array.numElements();
  if (n < 0 || array.data.size() != static_cast<size_t>(n))
    return llvm::createStringError(
        llvm::inconvertibleErrorCode(),
        llvm::formatv("{0}: array holds {1} elements for shape ({2}, {3})",
                      what, array.data.size(), array.shape[0], array.shape[1])
            .str());
  HostTensor t;
  t.rows = array.shape[0];
  t.cols = array.shape[1];
  t.data = array.data;
  return t;
}
