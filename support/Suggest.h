//===- Suggest.h - "did you mean" for mistyped names ------------*- C++ -*-===//
//
// Errors about an unknown command, option, variant or program name the
// nearest valid one, so a typo costs one more run, not a trip to the docs.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SUPPORT_SUGGEST_H
#define DSTLAB_SUPPORT_SUGGEST_H

#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <string>

namespace dstlab {

/// " (did you mean 'X'?)" for the candidate nearest `typed` by edit
/// distance, or "" when none is close: at most half the longer name may
/// differ, and something of `typed` must survive (so "-p" suggests nothing).
/// `prefix` is put before the suggestion, e.g. "--".
template <typename Range>
std::string suggestNearest(llvm::StringRef typed, const Range &candidates,
                           llvm::StringRef prefix = "") {
  std::string best;
  unsigned bestDistance = ~0u;
  for (const auto &c : candidates) {
    llvm::StringRef name(c);
    size_t longer = std::max(name.size(), typed.size());
    unsigned limit = std::max<size_t>(1, (longer + 1) / 2);
    unsigned d = typed.edit_distance(name, /*AllowReplacements=*/true, limit);
    if (d <= limit && d < typed.size() && d < bestDistance) {
      bestDistance = d;
      best = name.str();
    }
  }
  if (best.empty())
    return "";
  return " (did you mean '" + prefix.str() + best + "'?)";
}

} // namespace dstlab

#endif
