//===- Precision.cpp - precision recipes ----------------------------------===//

#include "support/Precision.h"

namespace dstlab {

const char *precisionName(Precision p) {
  switch (p) {
  case Precision::Balanced:
    return "balanced";
  case Precision::Accurate:
    return "accurate";
  case Precision::Fast:
    return "fast";
  }
  return "balanced";
}

std::optional<Precision> parsePrecision(std::string_view name) {
  for (Precision p :
       {Precision::Balanced, Precision::Accurate, Precision::Fast})
    if (name == precisionName(p))
      return p;
  return std::nullopt;
}

} // namespace dstlab
