//===- Bf16.cpp - bfloat16 rounding and data formats ----------------------===//

#include "support/Bf16.h"

namespace dstlab {

unsigned bytesPerElement(DataFormat format) {
  switch (format) {
  case DataFormat::BF16:
    return 2;
  case DataFormat::F32:
    return 4;
  }
  return 4;
}

const char *dataFormatName(DataFormat format) {
  switch (format) {
  case DataFormat::BF16:
    return "bf16";
  case DataFormat::F32:
    return "f32";
  }
  return "?";
}

std::optional<DataFormat> parseDataFormat(std::string_view name) {
  if (name == "bf16")
    return DataFormat::BF16;
  if (name == "f32")
    return DataFormat::F32;
  return std::nullopt;
}

} // namespace dstlab
