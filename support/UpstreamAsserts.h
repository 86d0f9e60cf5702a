//===- UpstreamAsserts.h - where tt-mlir's DST asserts sit ----*- C++ -*-===//
//
// The upstream checks the DST model reproduces (tt-mlir ae4e7b838c), with the
// line each compiler prints: g++ gives a multi-line assert its first line,
// clang its closing one. One table for the model (which prints them) and the
// harness (which must not call a g++ build's line a divergence from the
// model's default clang line).
//
//===----------------------------------------------------------------------===//
#ifndef DSTLAB_SUPPORT_UPSTREAMASSERTS_H
#define DSTLAB_SUPPORT_UPSTREAMASSERTS_H

#include "llvm/ADT/StringRef.h"

namespace dstlab {

struct UpstreamAssertSite {
  llvm::StringLiteral file; ///< path in tt-mlir
  unsigned gccLine, clangLine;
};

namespace upstream {
inline constexpr llvm::StringLiteral kDstFile =
    "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess.cpp";
inline constexpr llvm::StringLiteral kLoopsFile =
    "lib/Dialect/D2M/Transforms/GenericTileComputeLoops.cpp";
inline constexpr llvm::StringLiteral kUtilsFile =
    "lib/Dialect/D2M/Utils/Utils.cpp";

inline constexpr UpstreamAssertSite kOneOutput{kLoopsFile, 138, 139};
inline constexpr UpstreamAssertSite kLargestType{kUtilsFile, 103, 103};
inline constexpr UpstreamAssertSite kInterpLoad{kDstFile, 223, 225};
inline constexpr UpstreamAssertSite kInterpStore{kDstFile, 233, 235};
inline constexpr UpstreamAssertSite kVolume{kDstFile, 260, 260};
inline constexpr UpstreamAssertSite kCapacity{kDstFile, 262, 263};
inline constexpr UpstreamAssertSite kMultiStore{kDstFile, 328, 329};
inline constexpr UpstreamAssertSite kMultiUser{kDstFile, 357, 359};
inline constexpr UpstreamAssertSite kGuard{kDstFile, 414, 416};
inline constexpr UpstreamAssertSite kStoreRank{kDstFile, 678, 683};

inline constexpr UpstreamAssertSite kAll[] = {
    kOneOutput, kLargestType, kInterpLoad, kInterpStore, kVolume,
    kCapacity,  kMultiStore,  kMultiUser,  kGuard,       kStoreRank};
} // namespace upstream

/// Whether two crash sites ("File.cpp:LINE", file name only) are the same
/// upstream assert as printed by different compilers.
inline bool sameUpstreamAssert(llvm::StringRef a, llvm::StringRef b) {
  if (a == b)
    return true;
  auto [fa, la] = a.rsplit(':');
  auto [fb, lb] = b.rsplit(':');
  unsigned na, nb;
  if (fa != fb || la.getAsInteger(10, na) || lb.getAsInteger(10, nb))
    return false;
  for (const UpstreamAssertSite &s : upstream::kAll)
    if (s.file.ends_with(fa) && ((na == s.gccLine && nb == s.clangLine) ||
                                 (na == s.clangLine && nb == s.gccLine)))
      return true;
  return false;
}

} // namespace dstlab

#endif
