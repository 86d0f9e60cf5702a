//===- UpstreamAsserts.h - where tt-mlir's DST asserts sit ----*- C++ -*-===//
//
// The upstream checks the DST models reproduce (tt-mlir ae4e7b838c and
// 19c86fca45), with the
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

// The messages the ae4e7b838c checks print (the crash signatures of the
// model's cells, harness/Classify.h): the string literal in the condition of
// a glibc assert, the message of a TT_assertv, or the condition itself.
inline constexpr llvm::StringLiteral kMultiUserMessage =
    "Currently we do not support multiple users in the same compute dst "
    "region.";
inline constexpr llvm::StringLiteral kCapacityMessage =
    "Insufficient DST capacity for all operands.";
inline constexpr llvm::StringLiteral kMultiStoreMessage =
    "Multiple stores from last op to dst not supported";
inline constexpr llvm::StringLiteral kOneOutputMessage =
    "Only one output tensor is supported";
inline constexpr llvm::StringLiteral kStoreRankMessage =
    "storeIndices size must match destination memref rank. If it's greater, "
    "probably need to use getNonParticipatingLoopDims to skip loop "
    "dimensions: https://github.com/tenstorrent/tt-mlir/pull/"
    "5081#discussion_r2376709558";
inline constexpr llvm::StringLiteral kGuardMessage =
    "Expected same guard indices across all accesses in this loop nest.";
inline constexpr llvm::StringLiteral kLargestTypeMessage = "largestType";

} // namespace upstream

/// tt-mlir 19c86fca45 (2026-08-21): the split DST passes. The g++ lines are
/// the ones the recorded builds print; the clang ones are the closing line
/// of each multi-line macro (inferred, not observed).
namespace upstream2026 {
inline constexpr llvm::StringLiteral kSharedFile =
    "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Shared.cpp";
inline constexpr llvm::StringLiteral kScheduledFile =
    "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Scheduled.cpp";
inline constexpr llvm::StringLiteral kUnscheduledFile =
    "lib/Dialect/D2M/Transforms/InsertDstRegisterAccess/Unscheduled.cpp";
inline constexpr llvm::StringLiteral kUtilsFile =
    "lib/Dialect/D2M/Utils/Utils.cpp";

inline constexpr UpstreamAssertSite kOutOfSlicesInput{kSharedFile, 157, 157};
inline constexpr UpstreamAssertSite kOutOfSlicesOutput{kSharedFile, 196, 196};
inline constexpr UpstreamAssertSite kNoCurrentSlice{kSharedFile, 221, 222};
inline constexpr UpstreamAssertSite kMultiStoreInPlace{kScheduledFile, 145,
                                                       146};
inline constexpr UpstreamAssertSite kMultiStoreTwoLoads{kScheduledFile, 149,
                                                        150};
inline constexpr UpstreamAssertSite kMultiStoreOutput{kScheduledFile, 155, 156};
inline constexpr UpstreamAssertSite kMultiUser{kScheduledFile, 169, 171};
inline constexpr UpstreamAssertSite kMultiStoreUnscheduled{kUnscheduledFile,
                                                           188, 189};
inline constexpr UpstreamAssertSite kLargestType{kUtilsFile, 87, 87};

// What 19c86fca45's checks print, as far as a report matches them (the
// multi-user message is the seed's, cut where 19c86fca45's wording of it
// may wrap).
inline constexpr llvm::StringLiteral kMultiUserMessage =
    "Currently we do not support multiple users";
inline constexpr llvm::StringLiteral kOutOfSlicesMessage = "Out of dst slices";
} // namespace upstream2026

namespace upstream {
inline constexpr UpstreamAssertSite kAll[] = {
    kOneOutput,
    kLargestType,
    kInterpLoad,
    kInterpStore,
    kVolume,
    kCapacity,
    kMultiStore,
    kMultiUser,
    kGuard,
    kStoreRank,
    upstream2026::kOutOfSlicesInput,
    upstream2026::kOutOfSlicesOutput,
    upstream2026::kNoCurrentSlice,
    upstream2026::kMultiStoreInPlace,
    upstream2026::kMultiStoreTwoLoads,
    upstream2026::kMultiStoreOutput,
    upstream2026::kMultiUser,
    upstream2026::kMultiStoreUnscheduled,
    upstream2026::kLargestType};
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
