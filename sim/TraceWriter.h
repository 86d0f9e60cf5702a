//===- TraceWriter.h - Chrome trace of a simulation -------------*- C++ -*-===//
//
// The simulator records one event per busy interval of a core's track
// (reader, compute unpack/math/pack, writer, NoC read/write) and writes them
// as Chrome trace-event JSON (chrome://tracing, Perfetto): pid = core index,
// tid = track, timestamps in microseconds at the target clock.
//
// This header is internal to the simulator.
//
//===----------------------------------------------------------------------===//

#ifndef DSTLAB_SIM_TRACEWRITER_H
#define DSTLAB_SIM_TRACEWRITER_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace dstlab::sim {

struct GridSpec;

/// The tracks of one core, in the order Perfetto shows them (data flow).
enum class TraceTrack : int {
  Reader = 0,
  Unpack = 1,
  Math = 2,
  Pack = 3,
  Writer = 4,
  NocRead = 5,
  NocWrite = 6,
};

/// Busy intervals of the grid's tracks, in cycles from the first program.
class TraceRecorder {
public:
  /// Records `name` busy on track `tid` of core `pid` for `dur` cycles from
  /// `start`. `name` must outlive the recorder (the ops' short names do).
  void add(int64_t pid, int tid, uint64_t start, uint64_t dur,
           llvm::StringRef name) {
    events.push_back({pid, tid, start, dur, name});
    tracks.insert({pid, tid});
  }

  /// The Chrome trace-event JSON of everything recorded on `grid`.
  std::string toChromeJson(const GridSpec &grid) const;

private:
  struct Event {
    int64_t pid;
    int tid;
    uint64_t start, dur;
    llvm::StringRef name;
  };
  std::vector<Event> events;
  /// (pid, tid) of every track with an event, for the metadata records.
  std::set<std::pair<int64_t, int>> tracks;
};

} // namespace dstlab::sim

#endif // DSTLAB_SIM_TRACEWRITER_H
