//===- Npy.h - NumPy .npy files of float32/float64 arrays -------*- C++ -*-===//
//
// Reads and writes the NumPy .npy format (NEP 1) for the two element types
// dstlab exchanges with Python: little-endian float32 ('<f4') and float64
// ('<f8'), C (row-major) order, any rank including 0 (a scalar).
//
// File layout: the magic "\x93NUMPY", a major and a minor version byte, the
// header length (uint16 little-endian for version 1.0; uint32 for 2.0/3.0),
// then the header, a Python dict literal such as
//   {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }
// padded with spaces and ended by '\n' so the data starts on a 64-byte
// boundary, then the elements.
//
// Reading accepts versions 1.0, 2.0 and 3.0; writing always produces 1.0.
// Every read error names the file. Writes are atomic: the bytes go to a
// uniquely named temporary file in the destination's directory, which is then
// renamed over the destination; on any failure the temporary is removed and
// an existing destination is left as it was.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_NPY_H
#define DSTLAB_SUPPORT_NPY_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace dstlab {

/// An n-dimensional array in C order. Elements are held as double whatever
/// the file's dtype; `data.size()` must equal the product of `shape` (1 for
/// rank 0).
struct NpyArray {
  std::vector<int64_t> shape;
  std::vector<double> data;

  /// The product of `shape` (1 for rank 0), or -1 if a dimension is negative
  /// or the product overflows int64_t.
  int64_t numElements() const;
};

/// Element types of .npy files dstlab reads and writes.
enum class NpyDType { F32, F64 };

/// The .npy descriptor of `dtype`: "<f4" or "<f8".
const char *npyDescr(NpyDType dtype);

/// Parses .npy bytes held in memory; `name` is used in error messages. If
/// `dtypeOut` is not null it receives the file's element type.
llvm::Expected<NpyArray> parseNpy(llvm::StringRef bytes, llvm::StringRef name,
                                  NpyDType *dtypeOut = nullptr);

/// Reads the .npy file at `path`.
llvm::Expected<NpyArray> readNpy(llvm::StringRef path,
                                 NpyDType *dtypeOut = nullptr);

/// Encodes `array` as .npy version 1.0 bytes with elements of type `dtype`
/// (F32 rounds each double to the nearest float). Fails if the shape is
/// invalid or does not match the number of elements.
llvm::Expected<std::string> serializeNpy(const NpyArray &array, NpyDType dtype);

/// Writes `array` to `path` atomically (see the file comment).
llvm::Error writeNpy(llvm::StringRef path, const NpyArray &array,
                     NpyDType dtype);

} // namespace dstlab

#endif // DSTLAB_SUPPORT_NPY_H
