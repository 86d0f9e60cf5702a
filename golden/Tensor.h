//===- Tensor.h - Host tensors of the golden interpreter --------*- C++ -*-===//
//
// A HostTensor is a 2-D row-major array of doubles in element units (not
// tiles). The golden interpreter holds every block and every global tensor of
// a tl program as one, whatever the declared element type: the golden is the
// intended mathematics, computed in double precision.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_GOLDEN_TENSOR_H
#define DSTLAB_GOLDEN_TENSOR_H

#include "support/Npy.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dstlab::golden {

/// A rows x cols matrix of doubles, row-major: element (r, c) is
/// data[r * cols + c]. Invariant: data.size() == rows * cols.
struct HostTensor {
  int64_t rows = 0;
  int64_t cols = 0;
  std::vector<double> data;

  /// A rows x cols tensor with every element equal to `value`.
  static HostTensor filled(int64_t rows, int64_t cols, double value);
  /// A rows x cols tensor of zeros.
  static HostTensor zeros(int64_t rows, int64_t cols) {
    return filled(rows, cols, 0.0);
  }

  int64_t numElements() const { return rows * cols; }
  /// True when data holds exactly rows * cols elements.
  bool isConsistent() const;

  double &at(int64_t r, int64_t c) { return data[r * cols + c]; }
  double at(int64_t r, int64_t c) const { return data[r * cols + c]; }

  /// "<rows>x<cols>", e.g. "64x32".
  std::string shapeString() const;

  /// Rows [firstRow, firstRow + numRows) as a new tensor. The caller
  /// guarantees the range lies inside the tensor.
  HostTensor rowBlock(int64_t firstRow, int64_t numRows) const;
  /// Overwrites rows [firstRow, firstRow + block.rows) with `block`. The
  /// caller guarantees block.cols == cols and the range lies inside.
  void setRowBlock(int64_t firstRow, const HostTensor &block);
};

/// Element-wise exact equality of shape and data (NaN compares unequal).
bool operator==(const HostTensor &a, const HostTensor &b);
inline bool operator!=(const HostTensor &a, const HostTensor &b) {
  return !(a == b);
}

/// A 2-D NpyArray of shape (rows, cols) holding the same values.
NpyArray toNpy(const HostTensor &t);

/// The tensor held by a 2-D `array`; fails (naming `what`, e.g. the file) if
/// the array is not 2-D or its data does not match its shape.
llvm::Expected<HostTensor> fromNpy(const NpyArray &array, llvm::StringRef what);

} // namespace dstlab::golden

#endif // DSTLAB_GOLDEN_TENSOR_H
