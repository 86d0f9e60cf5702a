//===- ReplayMain.cpp - run a fuzz target's entry point on files ----------===//
//
// Without libFuzzer (the dev and ci builds use g++), each fuzz target is
// linked with this driver instead: it feeds every regular file under the
// given paths to LLVMFuzzerTestOneInput once, so the seed corpora and the
// saved crash inputs are regression tests in every build.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool collect(const std::string &path, std::vector<std::string> &files) {
  llvm::sys::fs::file_status status;
  if (llvm::sys::fs::status(path, status)) {
    llvm::errs() << path << ": no such file or directory\n";
    return false;
  }
  if (!llvm::sys::fs::is_directory(status)) {
    files.push_back(path);
    return true;
  }
  std::error_code ec;
  for (llvm::sys::fs::recursive_directory_iterator it(path, ec), end;
       it != end && !ec; it.increment(ec))
    if (it->type() == llvm::sys::fs::file_type::regular_file)
      files.push_back(it->path());
  if (ec) {
    llvm::errs() << path << ": " << ec.message() << "\n";
    return false;
  }
  return true;
}

int main(int argc, char **argv) {
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i)
    if (!collect(argv[i], files))
      return 2;
  // Sorted, so a crash names the same input on every machine.
  std::sort(files.begin(), files.end());
  for (const std::string &file : files) {
    auto buffer = llvm::MemoryBuffer::getFile(file, /*IsText=*/false,
                                              /*RequiresNullTerminator=*/false);
    if (!buffer) {
      llvm::errs() << file << ": " << buffer.getError().message() << "\n";
      return 2;
    }
    LLVMFuzzerTestOneInput(
        reinterpret_cast<const uint8_t *>((*buffer)->getBufferStart()),
        (*buffer)->getBufferSize());
  }
  llvm::outs() << "replayed " << files.size() << " inputs\n";
  return files.empty() ? 1 : 0;
}
