//===- Precision.cpp - precision recipes ----------------------------------===//

#include "support/Precision.h"

namespace dstlab {

const char *precisionName(Precision p) {
  return p == Precision::Accurate ? "accurate" : "balanced";
}

std::optional<Precision> parsePrecision(std::string_view name) {
  if (name == "balanced")
    return Precision::Balanced;
  if (name == "accurate")
    return Precision::Accurate;
  return std::nullopt;
}

} // namespace dstlab
