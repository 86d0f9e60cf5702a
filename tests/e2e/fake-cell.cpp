//===- fake-cell.cpp - a stand-in for `dstlab cell` in end-to-end tests ---===//
//
// Accepts the matrix's child command line
//   fake-cell cell FILE --program P --variant V --seeds A..B --json OUT
//             [--dump D]
// and behaves according to the program name P (its part before the first
// '_'), so the harness can be tested without the compiler:
//
//   pass      writes IR stages, a DST occupancy file and a trace to the dump
//             directory, then a passing result (is_attention false when P
//             contains "notattn", true when it contains "attn")
//   wrong     a miscompiled result (PCC 0.125, max error 0.875, an infinite
//             faithful error: null plus a non_finite flag, as dstlab writes
//             it)
//   crash     prints a glibc-style assertion line (the multi-user assertion)
//             and aborts; with "_fixable" in P only under upstream and
//             upstream-release, otherwise passes
//   segv      dies of SIGSEGV
//   hang      sleeps until killed
//   error     a compile error result
//   hazard    a hazard result (kind dst-stale-read)
//   deadlock  a deadlock result
//   nojson    exits 0 without writing a result
//   garbage   writes a result file that is not JSON
//
//===----------------------------------------------------------------------===//

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace {

std::string program, variant, jsonPath, dumpDir, seed = "0";

void writeFile(const std::string &path, const std::string &text) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary);
    out << text;
  }
  std::rename(tmp.c_str(), path.c_str());
}

void dump(const std::string &name, const std::string &text) {
  if (!dumpDir.empty())
    writeFile(dumpDir + "/" + name, text);
}

void result(const std::string &fields) {
  writeFile(jsonPath, "{" + fields + "}\n");
}

int pass() {
  dump("01-tl.mlir", "tl.program @" + program +
                         " grid [1, 1] {\n  // <fake & \"escaped\">\n}\n");
  dump("02-d2m.mlir", "// d2m after insert-dst-register-access\n");
  dump("dst_occupancy.json",
       R"({"capacity": 4, "events": [
  {"t": 0, "slice": 0, "kind": "write", "op": "tile_matmul"},
  {"t": 10, "slice": 1, "kind": "write", "op": "tile_exp"},
  {"t": 20, "slice": 0, "kind": "read", "op": "tile_sub"},
  {"t": 30, "slice": 0, "kind": "release", "op": ""},
  {"t": 40, "slice": 1, "kind": "release", "op": ""},
  {"t": 45, "slice": 4, "kind": "write", "op": "tile_reduce_max"}
]}
)");
  dump("trace.json", R"({"traceEvents": []})"
                     "\n");
  std::string attention = "null";
  if (program.find("notattn") != std::string::npos)
    attention = "false";
  else if (program.find("attn") != std::string::npos)
    attention = "true";
  result(
      R"("outcome": "pass", "signature": null, "message": "ok", "pcc": 0.99991, "max_error": 0.0042, "hazards": [], "cycles": )" +
      std::to_string(1000 + std::atoi(seed.c_str())) +
      R"(, "cores": 4, "clock_ghz": 1.35, "tflops": 51.5, "utilisation": 0.3144, "is_attention": )" +
      attention);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 3 || std::strcmp(argv[1], "cell") != 0) {
    std::fprintf(stderr, "fake-cell: expected 'cell FILE ...'\n");
    return 5;
  }
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string key = argv[i], value = argv[i + 1];
    if (key == "--program")
      program = value;
    else if (key == "--variant")
      variant = value;
    else if (key == "--json")
      jsonPath = value;
    else if (key == "--dump")
      dumpDir = value;
    else if (key == "--seed")
      seed = value;
    else if (key == "--seeds")
      seed = value.substr(0, value.find(".."));
  }
  if (access(argv[2], R_OK) != 0 || jsonPath.empty()) {
    std::fprintf(stderr, "fake-cell: cannot read %s or no --json\n", argv[2]);
    return 5;
  }
  if (!dumpDir.empty())
    mkdir(dumpDir.c_str(), 0777);
  std::string kind = program.substr(0, program.find('_'));
  bool fixable = program.find("_fixable") != std::string::npos;
  // Every upstream model (ae4e7b838c and 19c86fca45, both builds).
  bool upstream = variant.rfind("upstream", 0) == 0;

  if (kind == "pass")
    return pass();
  if (kind == "wrong") {
    result(
        R"("outcome": "miscompiled", "pcc": 0.125, "max_error": 0.875, "faithful_max_error": null, "non_finite": {"faithful_max_error": "inf"}, "output_non_finite": true, "hazards": [], "cycles": 900, "tflops": 40.0, "utilisation": 0.25, "message": "output differs from the faithful reference")");
    return 1;
  }
  if (kind == "crash") {
    if (fixable && !upstream)
      return pass();
    dump("01-tl.mlir", "tl.program @" + program + " {}\n");
    std::fprintf(
        stderr,
        "note: running insert-dst-register-access\n"
        "dstlab: /src/compiler/upstream/InsertDstRegisterAccess.cpp:356: "
        "void insertDstRegisterAccess(): Assertion `computeOp->hasOneUse() "
        "&& \"Currently we do not support multiple users in the same "
        "compute dst region.\"' failed.\n");
    std::fflush(stderr);
    std::signal(SIGABRT, SIG_DFL);
    std::abort();
  }
  if (kind == "segv") {
    std::fprintf(stderr, "about to fault\n");
    std::fflush(stderr);
    std::signal(SIGSEGV, SIG_DFL);
    std::raise(SIGSEGV);
    return 99;
  }
  if (kind == "hang") {
    for (;;)
      sleep(1);
  }
  if (kind == "error") {
    std::fprintf(stderr, "repro.mlir:7:5: error: operand A of tile_reduce must "
                         "come from a CB\n");
    result(
        R"("outcome": "error", "signature": "operand A of tile_reduce must come from a CB", "message": "compile error", "hazards": [])");
    return 4;
  }
  if (kind == "hazard") {
    result(
        R"("outcome": "hazard", "signature": "dst-stale-read", "hazards": [{"kind": "dst-stale-read", "thread": "math", "op": "ttkernel.max_tile", "location": "repro.mlir:12:7", "detail": "slice 2 not written in this section", "core": [0, 1], "dst_slice": 2, "cb": null}], "cycles": 700)");
    return 2;
  }
  if (kind == "deadlock") {
    result(
        R"("outcome": "deadlock", "signature": "every thread blocked", "hazards": [])");
    return 3;
  }
  if (kind == "nojson")
    return 0;
  if (kind == "garbage") {
    writeFile(jsonPath, "this is not json\n");
    return 0;
  }
  std::fprintf(stderr, "fake-cell: unknown behaviour '%s'\n", kind.c_str());
  result(R"("outcome": "bad-input", "message": "unknown program")");
  return 5;
}
