//===- Npy.cpp - NumPy .npy files of float32/float64 arrays ---------------===//

#include "support/Npy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <optional>

using namespace llvm;

namespace dstlab {

namespace {

constexpr char kMagic[] = "\x93NUMPY";
constexpr size_t kMagicSize = 6;
constexpr size_t kAlign = 64;

std::error_code code(std::errc e) { return std::make_error_code(e); }

Error makeError(StringRef name, const Twine &message) {
  return createStringError(code(std::errc::invalid_argument),
                           (name + ": " + message).str());
}

uint64_t loadLE(const char *p, unsigned n) {
  uint64_t v = 0;
  for (unsigned i = 0; i < n; ++i)
    v |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}

void storeLE(std::string &out, uint64_t v, unsigned n) {
  for (unsigned i = 0; i < n; ++i)
    out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

/// Product of `shape`, or std::nullopt on a negative dimension or overflow.
std::optional<int64_t> product(const std::vector<int64_t> &shape) {
  int64_t n = 1;
  for (int64_t d : shape) {
    if (d < 0)
      return std::nullopt;
    if (d != 0 && n > std::numeric_limits<int64_t>::max() / d)
      return std::nullopt;
    n *= d;
  }
  return n;
}

/// A recursive-descent parser for the header dict. It accepts exactly what
/// NumPy writes and reasonable variations of it: either quote style,
/// arbitrary whitespace, trailing commas, keys in any order, and Python 2
/// "3L" integers in the shape.
class HeaderParser {
public:
  HeaderParser(StringRef text, StringRef name) : text(text), name(name) {}

  Error parse(std::string &descr, bool &fortranOrder,
              std::vector<int64_t> &shape) {
    bool haveDescr = false, haveOrder = false, haveShape = false;
    skipSpace();
    if (!consume('{'))
      return fail("header is not a dict");
    while (true) {
      skipSpace();
      if (consume('}'))
        break;
      std::string key;
      if (Error e = parseString(key))
        return e;
      skipSpace();
      if (!consume(':'))
        return fail("expected ':' after key '" + key + "'");
      skipSpace();
      if (key == "descr") {
        if (Error e = parseString(descr))
          return e;
        haveDescr = true;
      } else if (key == "fortran_order") {
        if (Error e = parseBool(fortranOrder))
          return e;
        haveOrder = true;
      } else if (key == "shape") {
        if (Error e = parseShape(shape))
          return e;
        haveShape = true;
      } else {
        return fail("unexpected key '" + key + "'");
      }
      skipSpace();
      if (consume(','))
        continue;
      skipSpace();
      if (consume('}'))
        break;
      return fail("expected ',' or '}'");
    }
    skipSpace();
    if (pos != text.size())
      return fail("unexpected text after the header dict");
    if (!haveDescr || !haveOrder || !haveShape)
      return fail(Twine("header lacks '") +
                  (!haveDescr   ? "descr"
                   : !haveOrder ? "fortran_order"
                                : "shape") +
                  "'");
    return Error::success();
  }

private:
  StringRef text;
  StringRef name;
  size_t pos = 0;

  Error fail(const Twine &what) {
    return makeError(name, "malformed .npy header: " + what + " (at offset " +
                               Twine(pos) + " of \"" + text.rtrim() + "\")");
  }

  void skipSpace() {
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t' ||
                                 text[pos] == '\n' || text[pos] == '\r'))
      ++pos;
  }

  bool consume(char c) {
    if (pos < text.size() && text[pos] == c) {
      ++pos;
      return true;
    }
    return false;
  }

  bool consumeWord(StringRef word) {
    if (!text.substr(pos).starts_with(word))
      return false;
    pos += word.size();
    return true;
  }

  Error parseString(std::string &out) {
    if (pos >= text.size() || (text[pos] != '\'' && text[pos] != '"'))
      return fail("expected a quoted string");
    char quote = text[pos++];
    size_t end = text.find(quote, pos);
    if (end == StringRef::npos)
      return fail("unterminated string");
    out = text.slice(pos, end).str();
    pos = end + 1;
    return Error::success();
  }

  Error parseBool(bool &out) {
    if (consumeWord("True")) {
      out = true;
      return Error::success();
    }
    if (consumeWord("False")) {
      out = false;
      return Error::success();
    }
    return fail("expected True or False");
  }

  Error parseShape(std::vector<int64_t> &shape) {
    shape.clear();
    if (!consume('('))
      return fail("expected '(' for the shape");
    while (true) {
      skipSpace();
      if (consume(')'))
        return Error::success();
      if (pos >= text.size() || text[pos] < '0' || text[pos] > '9')
        return fail("expected a non-negative integer in the shape");
      int64_t v = 0;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        int digit = text[pos++] - '0';
        if (v > (std::numeric_limits<int64_t>::max() - digit) / 10)
          return fail("shape dimension too large");
        v = v * 10 + digit;
      }
      consume('L');
      shape.push_back(v);
      skipSpace();
      if (consume(','))
        continue;
      skipSpace();
      if (consume(')'))
        return Error::success();
      return fail("expected ',' or ')' in the shape");
    }
  }
};

/// Converts a double to the nearest float, saturating to +-inf past the float
/// range (a plain conversion is undefined behaviour there).
float toFloat(double d) {
  if (std::isnan(d))
    return std::numeric_limits<float>::quiet_NaN();
  // Halfway between FLT_MAX and 2^128: from here on, round-to-nearest gives
  // inf (the tie goes to the even neighbour, 2^128).
  constexpr double kOverflow = 0x1.ffffffp127;
  if (std::fabs(d) >= kOverflow)
    return d > 0 ? std::numeric_limits<float>::infinity()
                 : -std::numeric_limits<float>::infinity();
  return static_cast<float>(d);
}

} // namespace

int64_t NpyArray::numElements() const {
  std::optional<int64_t> n = product(shape);
  return n ? *n : -1;
}

const char *npyDescr(NpyDType dtype) {
  return dtype == NpyDType::F32 ? "<f4" : "<f8";
}

Expected<NpyArray> parseNpy(StringRef bytes, StringRef name,
                            NpyDType *dtypeOut) {
  if (bytes.size() < kMagicSize + 2 ||
      std::memcmp(bytes.data(), kMagic, kMagicSize) != 0)
    return makeError(name, "not a .npy file (bad magic)");
  unsigned major = static_cast<unsigned char>(bytes[6]);
  unsigned minor = static_cast<unsigned char>(bytes[7]);
  unsigned lenSize;
  if (major == 1 && minor == 0)
    lenSize = 2;
  else if ((major == 2 || major == 3) && minor == 0)
    lenSize = 4;
  else
    return makeError(name, "unsupported .npy version " + Twine(major) + "." +
                               Twine(minor));
  size_t prefix = kMagicSize + 2 + lenSize;
  if (bytes.size() < prefix)
    return makeError(name, "truncated .npy file (header length missing)");
  uint64_t headerLen = loadLE(bytes.data() + kMagicSize + 2, lenSize);
  if (bytes.size() - prefix < headerLen)
    return makeError(name, "truncated .npy file (header of " +
                               Twine(headerLen) + " bytes, " +
                               Twine(bytes.size() - prefix) + " present)");
  StringRef header = bytes.substr(prefix, headerLen);

  std::string descr;
  bool fortranOrder = false;
  NpyArray array;
  if (Error e =
          HeaderParser(header, name).parse(descr, fortranOrder, array.shape))
    return e;

  NpyDType dtype;
  if (descr == "<f4")
    dtype = NpyDType::F32;
  else if (descr == "<f8")
    dtype = NpyDType::F64;
  else
    return makeError(name, "unsupported dtype '" + descr +
                               "' (only '<f4' and '<f8' are supported)");
  if (fortranOrder)
    return makeError(name, "Fortran-order arrays are not supported (save a "
                           "C-contiguous array)");

  std::optional<int64_t> count = product(array.shape);
  if (!count)
    return makeError(name, "shape's element count overflows");
  uint64_t itemSize = dtype == NpyDType::F32 ? 4 : 8;
  StringRef payload = bytes.substr(prefix + headerLen);
  uint64_t elements = static_cast<uint64_t>(*count);
  if (elements > payload.size() / itemSize)
    return makeError(name, "truncated .npy file (" + Twine(elements) +
                               " elements of " + Twine(itemSize) +
                               " bytes expected, " + Twine(payload.size()) +
                               " data bytes present)");
  uint64_t needed = elements * itemSize;
  if (payload.size() > needed)
    return makeError(name, Twine(payload.size() - needed) +
                               " unexpected bytes after the array data");

  array.data.resize(static_cast<size_t>(*count));
  const char *p = payload.data();
  for (size_t i = 0, e = array.data.size(); i < e; ++i, p += itemSize) {
    if (dtype == NpyDType::F32) {
      uint32_t u = static_cast<uint32_t>(loadLE(p, 4));
      float f;
      std::memcpy(&f, &u, sizeof(f));
      array.data[i] = f;
    } else {
      uint64_t u = loadLE(p, 8);
      double d;
      std::memcpy(&d, &u, sizeof(d));
      array.data[i] = d;
    }
  }
  if (dtypeOut)
    *dtypeOut = dtype;
  return array;
}

Expected<NpyArray> readNpy(StringRef path, NpyDType *dtypeOut) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/false,
                            /*RequiresNullTerminator=*/false);
  if (!buffer)
    return createStringError(
        buffer.getError(),
        (path + ": cannot read: " + buffer.getError().message()).str());
  return parseNpy((*buffer)->getBuffer(), path, dtypeOut);
}

Expected<std::string> serializeNpy(const NpyArray &array, NpyDType dtype) {
  std::optional<int64_t> count = product(array.shape);
  if (!count)
    return createStringError(code(std::errc::invalid_argument),
                             "npy: invalid shape (negative dimension or "
                             "overflowing element count)");
  if (static_cast<uint64_t>(*count) != array.data.size())
    return createStringError(
        code(std::errc::invalid_argument),
        "npy: shape holds %lld elements but the data has %zu",
        static_cast<long long>(*count), array.data.size());

  std::string dict;
  raw_string_ostream os(dict);
  os << "{'descr': '" << npyDescr(dtype)
     << "', 'fortran_order': False, 'shape': (";
  for (size_t i = 0; i < array.shape.size(); ++i)
    os << (i ? ", " : "") << array.shape[i];
  if (array.shape.size() == 1)
    os << ",";
  os << "), }";
  os.flush();

  size_t unpadded = kMagicSize + 2 + 2 + dict.size() + 1;
  size_t padding = (kAlign - unpadded % kAlign) % kAlign;
  size_t headerLen = dict.size() + padding + 1;
  if (headerLen > 0xffff)
    return createStringError(code(std::errc::invalid_argument),
                             "npy: header too long for format version 1.0");

  size_t itemSize = dtype == NpyDType::F32 ? 4 : 8;
  std::string out;
  out.reserve(kMagicSize + 4 + headerLen + array.data.size() * itemSize);
  out.append(kMagic, kMagicSize);
  out.push_back(1);
  out.push_back(0);
  storeLE(out, headerLen, 2);
  out += dict;
  out.append(padding, ' ');
  out.push_back('\n');
  for (double d : array.data) {
    if (dtype == NpyDType::F32) {
      float f = toFloat(d);
      uint32_t u;
      std::memcpy(&u, &f, sizeof(u));
      storeLE(out, u, 4);
    } else {
      uint64_t u;
      std::memcpy(&u, &d, sizeof(u));
      storeLE(out, u, 8);
    }
  }
  return out;
}

Error writeNpy(StringRef path, const NpyArray &array, NpyDType dtype) {
  Expected<std::string> bytes = serializeNpy(array, dtype);
  if (!bytes)
    return createStringError(code(std::errc::invalid_argument),
                             (path + ": " + toString(bytes.takeError())).str());

  Expected<sys::fs::TempFile> temp =
      sys::fs::TempFile::create(path + ".tmp-%%%%%%%%");
  if (!temp)
    return createStringError(code(std::errc::io_error),
                             (path +
                              ": cannot create a temporary file beside it: " +
                              toString(temp.takeError()))
                                 .str());

  {
    raw_fd_ostream os(temp->FD, /*shouldClose=*/false);
    os << *bytes;
    os.flush();
    if (os.has_error()) {
      std::string message = os.error().message();
      os.clear_error();
      consumeError(temp->discard());
      return createStringError(code(std::errc::io_error),
                               (path + ": write failed: " + message).str());
    }
  }
  if (Error e = temp->keep(path))
    return createStringError(code(std::errc::io_error),
                             (path +
                              ": cannot rename the temporary file "
                              "into place: " +
                              toString(std::move(e)))
                                 .str());
  return Error::success();
}

} // namespace dstlab
