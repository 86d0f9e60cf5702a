//===- Outcome.cpp - how a cell ended, one row per outcome ----------------===//

#include "harness/Outcome.h"

#include "llvm/ADT/SmallVector.h"

using namespace llvm;

namespace dstlab::harness {

static const OutcomeInfo kOutcomes[] = {
    {Outcome::Pass, "pass", "\u2713", kExitPass, "Not attention", "pass", true},
    {Outcome::Crash, "crash", "\u2717", kExitCrash, "Crash", "crash", true},
    {Outcome::Error, "error", "E", kExitCompileError, "Diagnostic", "error",
     true},
    {Outcome::Miscompiled, "miscompiled", "M", kExitMiscompiled, "Miscompiled",
     "miscompiled", true},
    {Outcome::Imprecise, "imprecise", "I", kExitImprecise, "Imprecise",
     "imprecise", true},
    {Outcome::Hazard, "hazard", "H", kExitHazard, "Hazard", "hazard", true},
    {Outcome::Deadlock, "deadlock", "D", kExitDeadlock, "Deadlock", "deadlock",
     true},
    {Outcome::StepLimit, "step-limit", "T", kExitTimeout, "Step limit", "",
     true},
    {Outcome::Timeout, "timeout", "T", kExitTimeout, "Timeout", "timeout",
     true},
    {Outcome::BadInput, "bad-input", "?", kExitBadInput, "Bad input",
     "bad input", true},
    {Outcome::Compiled, "compiled", "?", kExitBadInput, "Compiled", "", false},
};

ArrayRef<OutcomeInfo> outcomeTable() { return kOutcomes; }

const OutcomeInfo &outcomeInfo(Outcome outcome) {
  for (const OutcomeInfo &info : kOutcomes)
    if (info.outcome == outcome)
      return info;
  return kOutcomes[static_cast<size_t>(Outcome::BadInput)];
}

SmallVector<Outcome> matrixOutcomes() {
  SmallVector<Outcome> out;
  for (const OutcomeInfo &info : kOutcomes)
    if (info.inMatrix)
      out.push_back(info.outcome);
  return out;
}

std::optional<Outcome> parseOutcome(StringRef name) {
  for (const OutcomeInfo &info : kOutcomes)
    if (info.name == name)
      return info.outcome;
  return std::nullopt;
}

std::string matrixOutcomeNames() {
  std::string out;
  for (Outcome o : matrixOutcomes())
    out += (out.empty() ? "" : ", ") + outcomeName(o).str();
  return out;
}

} // namespace dstlab::harness
