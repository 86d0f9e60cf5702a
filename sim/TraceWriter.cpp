//===- TraceWriter.cpp - Chrome trace of a simulation ---------------------===//
//
// See TraceWriter.h.
//
//===----------------------------------------------------------------------===//

#include "sim/TraceWriter.h"

#include "sim/Simulator.h"

#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

namespace dstlab::sim {

namespace {

/// Writes the trace's JSON objects, one per line, comma separated. Numbers
/// keep the fixed formats the traces have always had (integers, and times
/// with six decimals), so a trace compares byte for byte across versions.
class ChromeTraceWriter {
public:
  explicit ChromeTraceWriter(std::string &out) : os(out) {}

  /// Starts the next event object: `{"name":<name>,"ph":<ph>,"pid":<pid>,
  /// "tid":<tid>`; the caller adds the rest and closes it.
  void begin(llvm::StringRef name, char ph, int64_t pid, int tid) {
    if (!first)
      os << ",\n";
    first = false;
    os << "{\"name\":";
    string(name);
    os << ",\"ph\":\"" << ph << "\",\"pid\":" << pid << ",\"tid\":" << tid;
  }
  /// A metadata record: `"args":{<key>:<value>}}`.
  void metaArgs(llvm::StringRef key, llvm::StringRef value) {
    os << ",\"args\":{";
    string(key);
    os << ':';
    string(value);
    os << "}}";
  }
  void metaArgs(llvm::StringRef key, int64_t value) {
    os << ",\"args\":{";
    string(key);
    os << ':' << value << "}}";
  }
  /// A quoted JSON string (op and track names need no escapes; escaped all
  /// the same).
  void string(llvm::StringRef s) {
    os << '"';
    for (char c : s) {
      if (c == '"' || c == '\\')
        os << '\\' << c;
      else if (static_cast<unsigned char>(c) < 0x20)
        os << llvm::format("\\u%04x", static_cast<unsigned>(c));
      else
        os << c;
    }
    os << '"';
  }
  /// A number with six decimals (%.6f).
  void decimal6(double us) { os << llvm::format("%.6f", us); }

  llvm::raw_string_ostream os;

private:
  bool first = true;
};

} // namespace

std::string TraceRecorder::toChromeJson(const GridSpec &grid) const {
  std::string out;
  out.reserve(64 + events.size() * 96);
  ChromeTraceWriter w(out);
  w.os << "{\"traceEvents\":[\n";
  static const char *kTrackNames[] = {
      "reader", "compute/unpack", "compute/math", "compute/pack",
      "writer", "noc/read",       "noc/write"};
  int64_t lastPid = -1;
  for (auto [pid, t] : tracks) {
    if (pid != lastPid) {
      w.begin("process_name", 'M', pid, 0);
      std::string coreName = "core x=" + std::to_string(pid % grid.cols) +
                             " y=" + std::to_string(pid / grid.cols);
      w.metaArgs("name", coreName);
      w.begin("process_sort_index", 'M', pid, 0);
      w.metaArgs("sort_index", pid);
      lastPid = pid;
    }
    w.begin("thread_name", 'M', pid, t);
    w.metaArgs("name", kTrackNames[t]);
    // Perfetto orders tracks by name otherwise: keep the data flow order.
    w.begin("thread_sort_index", 'M', pid, t);
    w.metaArgs("sort_index", t);
  }
  double usPerCycle = 1.0 / (grid.clockGHz * 1e3);
  for (const Event &e : events) {
    w.begin(e.name, 'X', e.pid, e.tid);
    w.os << ",\"ts\":";
    w.decimal6(static_cast<double>(e.start) * usPerCycle);
    w.os << ",\"dur\":";
    w.decimal6(static_cast<double>(e.dur) * usPerCycle);
    w.os << '}';
  }
  w.os << "\n],\"displayTimeUnit\":\"ns\",\"otherData\":{\"grid\":";
  w.string(grid.name);
  w.os << ",\"clockGHz\":";
  w.decimal6(grid.clockGHz);
  w.os << "}}\n";
  w.os.flush();
  return out;
}

} // namespace dstlab::sim
