//===- CBUnit.cpp - Circular buffers -------------------------------------===//
//
// The CB protocol of tt-metal: cb_reserve_back/cb_push_back on the producer
// side, cb_wait_front/cb_pop_front on the consumer side, with the page
// accounting, the slot times that carry the producer's and consumer's clocks
// to each other, and the checked page reads and writes the other units use.
// generate_reduce_scaler writes and pushes one page here too.
//
//===----------------------------------------------------------------------===//

#include "sim/Engine.h"
#include "sim/numerics/CostModel.h"

#include "llvm/Support/ErrorHandling.h"

namespace dstlab::sim::detail {

const Tile Engine::kZeroTile{};

CBState *Engine::cbFor(CoreState &core, ThreadState &th, const Instr &in,
                       int32_t id) {
  if (id < 0 || id >= kNumCBs || !core.cbs[id].configured) {
    hazard(core, th, in, hazard::CBUnconfigured,
           "CB " + std::to_string(id) + " is not configured by program @" +
               prog->name,
           -1, id);
    stopCore(core);
    return nullptr;
  }
  return &core.cbs[id];
}

const Tile *Engine::cbRead(CoreState &core, ThreadState &th, const Instr &in,
                           int32_t id, int64_t index, bool &stop) {
  CBState *cb = cbFor(core, th, in, id);
  if (!cb) {
    stop = true;
    return nullptr;
  }
  if (index < 0 || index >= cb->waited)
    hazard(core, th, in, hazard::CBReadNotVisible,
           "reads page " + std::to_string(index) + " of CB " +
               std::to_string(id) + " but only " + std::to_string(cb->waited) +
               " page(s) were waited for (" + std::to_string(cb->visible) +
               " visible)",
           -1, id);
  if (index < 0 || index >= cb->pages)
    return &kZeroTile;
  size_t slot = static_cast<size_t>((cb->readPtr + index) % cb->pages);
  if (index < cb->waited && !cb->written[slot])
    hazard(core, th, in, hazard::CBReadUnwritten,
           "reads page " + std::to_string(index) + " of CB " +
               std::to_string(id) +
               ", which was pushed without being written (stale data)",
           -1, id);
  return &cb->slots[slot];
}

Tile *Engine::cbWrite(CoreState &core, ThreadState &th, const Instr &in,
                      int32_t id, int64_t index, const char *kind, bool &stop) {
  CBState *cb = cbFor(core, th, in, id);
  if (!cb) {
    stop = true;
    return nullptr;
  }
  if (index < 0 || index >= cb->reserved) {
    hazard(core, th, in, kind,
           "writes page " + std::to_string(index) + " of CB " +
               std::to_string(id) + " but only " +
               std::to_string(cb->reserved) +
               " page(s) are reserved; the write is skipped",
           -1, id);
    return nullptr;
  }
  size_t slot = static_cast<size_t>((cb->writePtr() + index) % cb->pages);
  cb->written[slot] = 1;
  return &cb->slots[slot];
}

Flow Engine::execCB(CoreState &core, ThreadState &th, const Instr &in) {
  int64_t *s = th.slots.data();
  switch (in.opc) {
  case Opc::CBReserve:
  case Opc::CBWait:
  case Opc::GenScaler: {
    bool producer = in.opc != Opc::CBWait;
    int64_t n = in.opc == Opc::GenScaler ? 1 : s[in.a];
    CBState *cb = cbFor(core, th, in, in.cbA);
    if (!cb)
      return Flow::Stop;
    if (n < 0 || n > cb->pages) {
      hazard(core, th, in, hazard::CBPagesExceedCapacity,
             std::string(in.shortName) + " of " + std::to_string(n) +
                 " pages on CB " + std::to_string(in.cbA) + " which has " +
                 std::to_string(cb->pages) +
                 " (the call could never "
                 "return; core stopped)",
             -1, in.cbA);
      stopCore(core);
      return Flow::Stop;
    }
    if (producer ? cb->freePages() < n : cb->visible < n) {
      --steps; // a blocked attempt is not an executed instruction
      return Flow::Blocked;
    }
    Stage stage = producer ? kPack : kUnpack;
    uint64_t &t = th.clock(stage);
    uint64_t before = t;
    uint64_t ready = t;
    for (int64_t i = 0; i < n; ++i) {
      size_t slot = static_cast<size_t>(
          ((producer ? cb->writePtr() : cb->readPtr) + i) % cb->pages);
      ready =
          std::max(ready, producer ? cb->freeTime[slot] : cb->readyTime[slot]);
    }
    t = ready;
    trace(core, th, stage, before, t, in);
    if (in.opc == Opc::CBWait) {
      cb->waited = std::max(cb->waited, n);
    } else if (in.opc == Opc::CBReserve) {
      cb->reserved = std::max(cb->reserved, n);
    } else {
      // generate_reduce_scaler: reserve one page, write the scaler
      // (reduceScalerTile's layout), push it.
      size_t slot = static_cast<size_t>(cb->writePtr());
      reduceScalerTile(cb->slots[slot],
                       roundTo(cb->format, static_cast<float>(in.fimm)));
      cb->written[slot] = 1;
      uint64_t start = t;
      t += kCosts.genScalerTile;
      trace(core, th, stage, start, t, in);
      cb->readyTime[slot] = t;
      cb->visible += 1;
      cb->reserved = std::max<int64_t>(cb->reserved, 1) - 1;
    }
    break;
  }
  case Opc::CBPush: {
    int64_t n = s[in.a];
    CBState *cb = cbFor(core, th, in, in.cbA);
    if (!cb)
      return Flow::Stop;
    int64_t k = n;
    if (n < 0 || n > cb->reserved) {
      k = std::clamp<int64_t>(n, 0, cb->freePages());
      hazard(core, th, in, hazard::CBPushBeyondReserved,
             "pushes " + std::to_string(n) + " pages on CB " +
                 std::to_string(in.cbA) + " but " +
                 std::to_string(cb->reserved) + " are reserved; " +
                 std::to_string(k) + " pushed",
             -1, in.cbA);
    }
    if (uint32_t pending = th.readsInFlight[in.cbA])
      hazard(core, th, in, hazard::NocInFlight,
             "pushes CB " + std::to_string(in.cbA) + " while " +
                 std::to_string(pending) +
                 " NoC read(s) into it are in flight "
                 "(no noc_async_read_barrier since)",
             -1, in.cbA);
    uint64_t t = th.clock(kPack);
    for (int64_t i = 0; i < k; ++i)
      cb->readyTime[static_cast<size_t>((cb->writePtr() + i) % cb->pages)] = t;
    cb->visible += k;
    cb->reserved = std::max<int64_t>(0, cb->reserved - std::max<int64_t>(n, 0));
    break;
  }
  case Opc::CBPop: {
    int64_t n = s[in.a];
    CBState *cb = cbFor(core, th, in, in.cbA);
    if (!cb)
      return Flow::Stop;
    int64_t k = n;
    if (n < 0 || n > cb->visible) {
      k = std::clamp<int64_t>(n, 0, cb->visible);
      hazard(core, th, in, hazard::CBPopBeyondVisible,
             "pops " + std::to_string(n) + " pages of CB " +
                 std::to_string(in.cbA) + " but " +
                 std::to_string(cb->visible) + " are visible; " +
                 std::to_string(k) + " popped",
             -1, in.cbA);
    }
    if (uint32_t pending = th.writesInFlight[in.cbA])
      hazard(core, th, in, hazard::NocInFlight,
             "pops CB " + std::to_string(in.cbA) + " while " +
                 std::to_string(pending) +
                 " NoC write(s) from it are in flight "
                 "(no noc_async_write_barrier since)",
             -1, in.cbA);
    uint64_t t = th.clock(kUnpack);
    for (int64_t i = 0; i < k; ++i) {
      size_t slot = static_cast<size_t>((cb->readPtr + i) % cb->pages);
      cb->freeTime[slot] = t;
      cb->written[slot] = 0;
    }
    cb->readPtr = (cb->readPtr + k) % cb->pages;
    cb->visible -= k;
    cb->waited = std::max<int64_t>(0, cb->waited - k);
    break;
  }

  default:
    llvm_unreachable("not a CB opcode");
  }
  return Flow::Next;
}

std::string Engine::blockedDetail(CoreState &core, ThreadState &th) {
  const Instr &in = th.kernel->code[th.pc];
  int64_t n = in.opc == Opc::GenScaler ? 1 : th.slots[in.a];
  const CBState &cb = core.cbs[in.cbA];
  if (in.opc == Opc::CBWait)
    return std::string(in.shortName) + " waits for " + std::to_string(n) +
           " page(s) of CB " + std::to_string(in.cbA) + "; " +
           std::to_string(cb.visible) + " visible";
  return std::string(in.shortName) + " waits for " + std::to_string(n) +
         " free page(s) of CB " + std::to_string(in.cbA) + "; " +
         std::to_string(cb.freePages()) + " of " + std::to_string(cb.pages) +
         " free";
}

} // namespace dstlab::sim::detail
