//===- Limits.h - documented size limits of every input -------------------===//
//
// dstlab never allocates, loops or recurses in proportion to an input it has
// not checked first. Every size an input can name is checked against one of
// these limits, with overflow-safe arithmetic, before anything is allocated
// or emitted; the error names the value, the limit and where the value came
// from. The table in harness/SCHEMA.md ("Limits") lists them.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_LIMITS_H
#define DSTLAB_SUPPORT_LIMITS_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace dstlab::limits {

/// Cores of a grid (rows x cols): a Blackhole has 130, the largest target.
inline constexpr int64_t kMaxGridCores = 4096;
/// Elements of one tensor (2^26: 512 MiB as the golden's doubles).
inline constexpr int64_t kMaxTensorElements = int64_t{1} << 26;
/// 32x32 tiles of one block: more than any CB of a 1.5 MB L1 holds.
inline constexpr int64_t kMaxBlockTiles = 1024;
/// Trips of one loop over blocks.
inline constexpr int64_t kMaxLoopTrips = int64_t{1} << 16;
/// Magnitude of a constant loop bound or step (2^40: bound arithmetic such as
/// ub - lb + step - 1 cannot overflow int64_t).
inline constexpr int64_t kMaxLoopBound = int64_t{1} << 40;
/// Nesting of JSON arrays and objects (dstlab writes at most 6).
inline constexpr int64_t kMaxJsonDepth = 64;
/// DST slices a dst_occupancy file may name (capacity and slice index).
inline constexpr int64_t kMaxDstSlices = 1024;
/// Seconds of a per-cell time limit (one week).
inline constexpr double kMaxTimeoutSeconds = 7 * 24 * 3600.0;
/// Shards of a matrix run.
inline constexpr int64_t kMaxShards = 65536;
/// Parallel cells of a run (--jobs; a merged run's sum of jobs).
inline constexpr int64_t kMaxJobs = 65536;
/// Seconds of a run's or a cell's wall time as a matrix file records it.
inline constexpr double kMaxWallSeconds = 1e9;

/// a * b, or std::nullopt when it overflows int64_t.
inline std::optional<int64_t> mul(int64_t a, int64_t b) {
  int64_t r;
  if (__builtin_mul_overflow(a, b, &r))
    return std::nullopt;
  return r;
}

/// Whether a * b (both positive) is at most `limit`, without overflow.
inline bool productWithin(int64_t a, int64_t b, int64_t limit) {
  return a > 0 && b > 0 && a <= limit / b;
}

/// The deepest nesting of arrays and objects in JSON `text` exceeds
/// kMaxJsonDepth: an error naming `source`, the byte offset and the limit.
/// Run before llvm::json::parse, which recurses once per level.
inline llvm::Error checkJsonDepth(llvm::StringRef text,
                                  llvm::StringRef source) {
  int64_t depth = 0;
  bool inString = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (inString) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth)
        return llvm::createStringError(
            llvm::inconvertibleErrorCode(),
            "%s: byte %zu: JSON nested deeper than the limit of %lld levels",
            source.str().c_str(), i, static_cast<long long>(kMaxJsonDepth));
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return llvm::Error::success();
}

} // namespace dstlab::limits

#endif // DSTLAB_SUPPORT_LIMITS_H
