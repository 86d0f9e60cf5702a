//===- NpyTest.cpp - .npy reading and writing -----------------------------===//

#include "support/Npy.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include "gtest/gtest.h"

#include <cmath>
#include <cstring>
#include <limits>
#include <string>

using namespace dstlab;
using namespace llvm;

namespace {

/// A fresh directory per test, removed afterwards.
class NpyTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_FALSE(sys::fs::createUniqueDirectory("dstlab-npy-test", dir));
  }
  void TearDown() override { sys::fs::remove_directories(dir); }

  std::string path(StringRef name) {
    SmallString<128> p(dir);
    sys::path::append(p, name);
    return std::string(p);
  }

  void writeRaw(StringRef name, StringRef bytes) {
    std::error_code ec;
    raw_fd_ostream os(path(name), ec);
    ASSERT_FALSE(ec);
    os << bytes;
  }

  int countEntries() {
    std::error_code ec;
    int n = 0;
    for (sys::fs::directory_iterator it(dir, ec), end; it != end && !ec;
         it.increment(ec))
      ++n;
    return n;
  }

  SmallString<128> dir;
};

/// A .npy v1.0 file with the given header dict, padded with spaces to a
/// multiple of `align` bytes, followed by `data`.
std::string makeNpy(StringRef dict, StringRef data, unsigned align = 64) {
  std::string header = dict.str();
  size_t total = 10 + header.size() + 1;
  header.append((align - total % align) % align, ' ');
  header += '\n';
  std::string out("\x93NUMPY\x01\x00", 8);
  out.push_back(static_cast<char>(header.size() & 0xff));
  out.push_back(static_cast<char>(header.size() >> 8));
  return out + header + data.str();
}

std::string f32Bytes(std::initializer_list<float> values) {
  std::string out;
  for (float v : values) {
    uint32_t u;
    std::memcpy(&u, &v, 4);
    for (int i = 0; i < 4; ++i)
      out.push_back(static_cast<char>((u >> (8 * i)) & 0xff));
  }
  return out;
}

std::string errorText(Error e) { return toString(std::move(e)); }

NpyArray ramp(std::vector<int64_t> shape) {
  NpyArray a;
  a.shape = std::move(shape);
  int64_t n = a.numElements();
  for (int64_t i = 0; i < n; ++i)
    a.data.push_back(0.25 * static_cast<double>(i) - 3.0 + (i % 3) * 1e-3);
  return a;
}

TEST_F(NpyTest, RoundTripF64AnyRank) {
  for (std::vector<int64_t> shape : std::vector<std::vector<int64_t>>{
           {}, {5}, {3, 4}, {2, 3, 4}, {0}, {2, 0, 3}}) {
    NpyArray a = ramp(shape);
    std::string p = path("a.npy");
    ASSERT_FALSE(writeNpy(p, a, NpyDType::F64));
    NpyDType dtype = NpyDType::F32;
    Expected<NpyArray> b = readNpy(p, &dtype);
    ASSERT_TRUE(bool(b)) << errorText(b.takeError());
    EXPECT_EQ(dtype, NpyDType::F64);
    EXPECT_EQ(b->shape, shape);
    EXPECT_EQ(b->data, a.data); // f64 is exact
  }
}

TEST_F(NpyTest, RoundTripF32AnyRank) {
  for (std::vector<int64_t> shape :
       std::vector<std::vector<int64_t>>{{}, {7}, {4, 3}, {2, 2, 5}}) {
    NpyArray a = ramp(shape);
    std::string p = path("a.npy");
    ASSERT_FALSE(writeNpy(p, a, NpyDType::F32));
    NpyDType dtype = NpyDType::F64;
    Expected<NpyArray> b = readNpy(p, &dtype);
    ASSERT_TRUE(bool(b)) << errorText(b.takeError());
    EXPECT_EQ(dtype, NpyDType::F32);
    EXPECT_EQ(b->shape, shape);
    ASSERT_EQ(b->data.size(), a.data.size());
    for (size_t i = 0; i < a.data.size(); ++i)
      EXPECT_EQ(b->data[i], static_cast<double>(static_cast<float>(a.data[i])));
  }
}

TEST_F(NpyTest, F32SaturatesAndKeepsSpecials) {
  NpyArray a;
  a.shape = {5};
  double inf = std::numeric_limits<double>::infinity();
  a.data = {1e300, -1e300, inf, std::nan(""), 1e-300};
  Expected<std::string> bytes = serializeNpy(a, NpyDType::F32);
  ASSERT_TRUE(bool(bytes));
  Expected<NpyArray> b = parseNpy(*bytes, "mem");
  ASSERT_TRUE(bool(b));
  EXPECT_EQ(b->data[0], inf);
  EXPECT_EQ(b->data[1], -inf);
  EXPECT_EQ(b->data[2], inf);
  EXPECT_TRUE(std::isnan(b->data[3]));
  EXPECT_EQ(b->data[4], 0.0);
}

TEST_F(NpyTest, HeaderLayoutMatchesNumPy) {
  NpyArray a;
  a.shape = {3};
  a.data = {1, 2, 3};
  Expected<std::string> bytes = serializeNpy(a, NpyDType::F32);
  ASSERT_TRUE(bool(bytes));
  const std::string &s = *bytes;
  // Magic, version 1.0, header length 118 (10 + 118 = 128, 64-aligned).
  ASSERT_EQ(s.size(), 128u + 12u);
  EXPECT_EQ(s.substr(0, 8), std::string("\x93NUMPY\x01\x00", 8));
  EXPECT_EQ(static_cast<unsigned char>(s[8]), 118);
  EXPECT_EQ(static_cast<unsigned char>(s[9]), 0);
  std::string dict =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }";
  EXPECT_EQ(s.substr(10, dict.size()), dict);
  EXPECT_EQ(s[127], '\n');
  EXPECT_EQ(s.substr(128), f32Bytes({1, 2, 3}));

  a.shape = {1, 3};
  bytes = serializeNpy(a, NpyDType::F64);
  ASSERT_TRUE(bool(bytes));
  EXPECT_NE(bytes->find("'descr': '<f8'"), std::string::npos);
  EXPECT_NE(bytes->find("'shape': (1, 3), }"), std::string::npos);
  EXPECT_EQ((bytes->size() - 24) % 64, 0u);

  a.shape = {};
  a.data = {4};
  bytes = serializeNpy(a, NpyDType::F64);
  ASSERT_TRUE(bool(bytes));
  EXPECT_NE(bytes->find("'shape': (), }"), std::string::npos);
}

TEST_F(NpyTest, ReadsHeaderVariants) {
  // Old NumPy (16-byte alignment), double quotes, other key order, Python 2
  // long integers, no trailing comma.
  std::string bytes =
      makeNpy(R"({"shape": (1L, 2L), "fortran_order": False, "descr": "<f4"})",
              f32Bytes({1.5f, -2.0f}), 16);
  Expected<NpyArray> a = parseNpy(bytes, "variant.npy");
  ASSERT_TRUE(bool(a)) << errorText(a.takeError());
  EXPECT_EQ(a->shape, (std::vector<int64_t>{1, 2}));
  EXPECT_EQ(a->data, (std::vector<double>{1.5, -2.0}));

  // Version 2.0: a 4-byte header length.
  std::string dict =
      "{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }";
  std::string header = dict;
  header.append((64 - (12 + dict.size() + 1) % 64) % 64, ' ');
  header += '\n';
  std::string v2("\x93NUMPY\x02\x00", 8);
  v2.push_back(static_cast<char>(header.size()));
  v2.append(3, '\0');
  v2 += header + f32Bytes({7.0f});
  a = parseNpy(v2, "v2.npy");
  ASSERT_TRUE(bool(a)) << errorText(a.takeError());
  EXPECT_EQ(a->data, (std::vector<double>{7.0}));
}

TEST_F(NpyTest, ErrorsNameTheFile) {
  std::string good =
      makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
              f32Bytes({1, 2}));

  writeRaw("magic.npy", "PK\x03\x04 this is a zip, not an npy file");
  Expected<NpyArray> a = readNpy(path("magic.npy"));
  ASSERT_FALSE(bool(a));
  std::string msg = errorText(a.takeError());
  EXPECT_NE(msg.find("magic.npy"), std::string::npos) << msg;
  EXPECT_NE(msg.find("bad magic"), std::string::npos) << msg;

  writeRaw("short.npy", StringRef(good).drop_back(3));
  a = readNpy(path("short.npy"));
  ASSERT_FALSE(bool(a));
  msg = errorText(a.takeError());
  EXPECT_NE(msg.find("short.npy"), std::string::npos) << msg;
  EXPECT_NE(msg.find("truncated"), std::string::npos) << msg;

  writeRaw("cut-header.npy", StringRef(good).take_front(40));
  a = readNpy(path("cut-header.npy"));
  ASSERT_FALSE(bool(a));
  msg = errorText(a.takeError());
  EXPECT_NE(msg.find("cut-header.npy"), std::string::npos) << msg;
  EXPECT_NE(msg.find("truncated"), std::string::npos) << msg;

  writeRaw("tiny.npy", StringRef(good).take_front(9));
  a = readNpy(path("tiny.npy"));
  ASSERT_FALSE(bool(a));
  EXPECT_NE(errorText(a.takeError()).find("truncated"), std::string::npos);

  a = readNpy(path("missing.npy"));
  ASSERT_FALSE(bool(a));
  msg = errorText(a.takeError());
  EXPECT_NE(msg.find("missing.npy"), std::string::npos) << msg;
}

TEST_F(NpyTest, RejectsUnsupportedContents) {
  struct Case {
    const char *dict;
    const char *expect;
  };
  for (Case c : {
           Case{"{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }",
                "unsupported dtype '<i4'"},
           Case{"{'descr': '>f4', 'fortran_order': False, 'shape': (2,), }",
                "unsupported dtype '>f4'"},
           Case{"{'descr': '<f4', 'fortran_order': True, 'shape': (2,), }",
                "Fortran"},
           Case{"{'descr': '<f4', 'shape': (2,), }", "fortran_order"},
           Case{"{'descr': '<f4', 'fortran_order': False, 'shape': (2,), "
                "'extra': 1}",
                "unexpected key 'extra'"},
           Case{"{'descr': '<f4', 'fortran_order': False, 'shape': (-2,), }",
                "non-negative integer"},
           Case{"['descr', '<f4']", "not a dict"},
       }) {
    Expected<NpyArray> a = parseNpy(makeNpy(c.dict, f32Bytes({1, 2})), "x.npy");
    ASSERT_FALSE(bool(a)) << c.dict;
    std::string msg = errorText(a.takeError());
    EXPECT_NE(msg.find(c.expect), std::string::npos) << msg;
    EXPECT_EQ(msg.rfind("x.npy: ", 0), 0u) << msg;
  }

  std::string extra =
      makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }",
              f32Bytes({1, 2}));
  Expected<NpyArray> a = parseNpy(extra, "x.npy");
  ASSERT_FALSE(bool(a));
  EXPECT_NE(errorText(a.takeError()).find("unexpected bytes"),
            std::string::npos);

  std::string v9 =
      makeNpy("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
              f32Bytes({1, 2}));
  v9[6] = 9;
  a = parseNpy(v9, "x.npy");
  ASSERT_FALSE(bool(a));
  EXPECT_NE(errorText(a.takeError()).find("version 9.0"), std::string::npos);

  std::string huge = makeNpy("{'descr': '<f8', 'fortran_order': False, "
                             "'shape': (4294967296, 4294967296), }",
                             "");
  a = parseNpy(huge, "x.npy");
  ASSERT_FALSE(bool(a));
  EXPECT_NE(errorText(a.takeError()).find("overflow"), std::string::npos);
}

TEST_F(NpyTest, WriteIsAtomic) {
  NpyArray good = ramp({2, 2});
  std::string p = path("out.npy");
  ASSERT_FALSE(writeNpy(p, good, NpyDType::F32));
  EXPECT_EQ(countEntries(), 1) << "no temporary file may be left behind";

  // A rejected write leaves the existing file intact and no temporary.
  NpyArray bad;
  bad.shape = {3};
  bad.data = {1, 2};
  Error e = writeNpy(p, bad, NpyDType::F32);
  ASSERT_TRUE(bool(e));
  std::string msg = errorText(std::move(e));
  EXPECT_NE(msg.find("out.npy"), std::string::npos) << msg;
  EXPECT_EQ(countEntries(), 1);
  Expected<NpyArray> back = readNpy(p);
  ASSERT_TRUE(bool(back));
  EXPECT_EQ(back->shape, good.shape);

  // Overwriting replaces the whole file.
  NpyArray other = ramp({3});
  ASSERT_FALSE(writeNpy(p, other, NpyDType::F64));
  back = readNpy(p);
  ASSERT_TRUE(bool(back));
  EXPECT_EQ(back->data, other.data);
  EXPECT_EQ(countEntries(), 1);

  // A directory that does not exist: an error, nothing created.
  e = writeNpy(path("no/such/dir/x.npy"), good, NpyDType::F32);
  ASSERT_TRUE(bool(e));
  msg = errorText(std::move(e));
  EXPECT_NE(msg.find("x.npy"), std::string::npos) << msg;
  EXPECT_EQ(countEntries(), 1);
}

TEST_F(NpyTest, NumElements) {
  NpyArray a;
  EXPECT_EQ(a.numElements(), 1); // rank 0
  a.shape = {2, 3, 4};
  EXPECT_EQ(a.numElements(), 24);
  a.shape = {2, -1};
  EXPECT_EQ(a.numElements(), -1);
  a.shape = {int64_t(1) << 40, int64_t(1) << 40};
  EXPECT_EQ(a.numElements(), -1);
}

} // namespace
