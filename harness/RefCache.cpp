//===- RefCache.cpp - references shared by the cells of a matrix ----------===//

#include "harness/RefCache.h"

#include "llvm/ADT/ScopeExit.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"

using namespace llvm;

namespace dstlab::harness {

namespace {

constexpr const char *kComplete = "complete";

/// Reads every `<name>.npy` of a complete entry.
Expected<golden::TensorMap> readEntry(StringRef entry) {
  golden::TensorMap out;
  std::error_code ec;
  for (sys::fs::directory_iterator it(entry, ec), end; it != end && !ec;
       it.increment(ec)) {
    StringRef file = it->path();
    if (sys::path::extension(file) != ".npy")
      continue;
    Expected<NpyArray> array = readNpy(file);
    if (!array)
      return array.takeError();
    Expected<golden::HostTensor> t = golden::fromNpy(*array, file);
    if (!t)
      return t.takeError();
    out[sys::path::stem(file).str()] = std::move(*t);
  }
  if (ec)
    return createStringError(ec, entry + ": " + ec.message());
  return out;
}

} // namespace

std::string RefCache::key(ArrayRef<std::string> parts) {
  return llvm::formatv("{0:x-16}", golden::fnv1a64(join(parts, "\n"))).str();
}

Expected<golden::TensorMap>
RefCache::getOrCompute(StringRef key,
                       function_ref<Expected<golden::TensorMap>()> compute) {
  if (dir.empty())
    return compute();
  SmallString<256> entry(dir), marker, lockPath(dir);
  sys::path::append(entry, key);
  marker = entry;
  sys::path::append(marker, kComplete);
  sys::path::append(lockPath, key + ".lock");
  if (sys::fs::create_directories(dir))
    return compute();
  int fd = -1;
  if (sys::fs::openFileForWrite(lockPath, fd, sys::fs::CD_OpenAlways))
    return compute();
  scope_exit closeLock([&] {
    (void)sys::fs::unlockFile(fd);
    sys::fs::closeFile(fd);
  });
  // Blocks while another cell computes this key.
  if (sys::fs::lockFile(fd))
    return compute();
  if (sys::fs::exists(marker)) {
    Expected<golden::TensorMap> cached = readEntry(entry);
    if (cached)
      return cached;
    consumeError(cached.takeError());
  }
  Expected<golden::TensorMap> fresh = compute();
  if (!fresh)
    return fresh;
  sys::fs::remove_directories(entry, /*IgnoreErrors=*/true);
  if (Error e = golden::writeTensors(entry, *fresh)) {
    consumeError(std::move(e));
    return fresh;
  }
  std::error_code ec;
  raw_fd_ostream done(marker, ec);
  return fresh;
}

} // namespace dstlab::harness
