//===- Signature.cpp - what a failing cell did, as a bucket key -----------===//

#include "discover/Signature.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Regex.h"

using namespace llvm;
using dstlab::harness::Outcome;

namespace dstlab::discover {

std::string normaliseSignatureText(StringRef text) {
  std::string s = text.str();
  // Locations first, so their numbers do not survive as N:N.
  static const Regex fileLoc("[A-Za-z0-9_./+-]*\\.mlir:[0-9]+:[0-9]+:? ?");
  static const Regex locAttr("loc\\([^)]*\\)");
  for (const Regex *re : {&fileLoc, &locAttr})
    while (re->match(s))
      s = re->sub("", s);
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (isSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space)
      out += ' ';
    space = false;
    // A number, not the digits of a name such as d2m or bf16; the x of a
    // shape (64x32) separates numbers.
    bool inName = !out.empty() && (isAlnum(out.back()) || out.back() == '_') &&
                  !StringRef(out).ends_with("Nx");
    if (c == '0' && !inName && i + 2 < s.size() &&
        (s[i + 1] == 'x' || s[i + 1] == 'X') && isHexDigit(s[i + 2])) {
      i += 2;
      while (i + 1 < s.size() && isHexDigit(s[i + 1]))
        ++i;
      out += 'N';
      continue;
    }
    if (isDigit(c) && !inName) {
      while (i + 1 < s.size() && isDigit(s[i + 1]))
        ++i;
      out += 'N';
      continue;
    }
    out += c;
  }
  return out;
}

Finding findingFor(StringRef variant, const harness::Classification &c) {
  Finding f;
  f.variant = variant.str();
  f.outcome = c.outcome;
  if (c.outcome != Outcome::Pass && c.outcome != Outcome::Miscompiled &&
      c.outcome != Outcome::Imprecise && c.outcome != Outcome::Deadlock)
    f.text = c.signature;
  return f;
}

std::string Finding::outcomeKey() const {
  std::string norm = normaliseSignatureText(text);
  std::string name = harness::outcomeName(outcome).str();
  if (norm.empty())
    return name;
  return name + " \"" + norm + "\"";
}

std::string Finding::key() const { return variant + ": " + outcomeKey(); }

std::string Finding::expectation() const {
  if (outcome == Outcome::Crash)
    return "crash \"" + text + "\"";
  if (outcome == Outcome::Error) {
    // A substring of the diagnostic: the text without its location.
    std::string s = text;
    static const Regex fileLoc("[A-Za-z0-9_./+-]*\\.mlir:[0-9]+:[0-9]+:? ?");
    while (fileLoc.match(s))
      s = fileLoc.sub("", s);
    return "error \"" + StringRef(s).trim().str() + "\"";
  }
  if (outcome == Outcome::Hazard)
    return "hazard " + text;
  // pass, miscompiled, imprecise, deadlock, step-limit, timeout
  return harness::outcomeName(outcome).str();
}

bool signatureMatches(StringRef wanted, const Finding &finding) {
  std::string w = StringRef(wanted).trim().str();
  std::string prefix = finding.variant + ": ";
  if (StringRef(w).starts_with(prefix))
    w = w.substr(prefix.size());
  // Normalise what was asked for the same way (a raw message works too).
  StringRef rest = w;
  StringRef outcome = rest.take_while([](char c) { return !isSpace(c); });
  StringRef text = rest.drop_front(outcome.size()).trim();
  if (text.size() >= 2 && text.front() == '"' && text.back() == '"')
    text = text.drop_front().drop_back();
  std::string norm = normaliseSignatureText(text);
  std::string asked =
      norm.empty() ? outcome.str() : (outcome + " \"" + norm + "\"").str();
  return asked == finding.outcomeKey();
}

std::string bucketId(const Finding &finding) {
  uint32_t h = 2166136261u;
  for (char c : finding.key()) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return formatv("{0}-{1}-{2:x-8}", finding.variant,
                 harness::outcomeName(finding.outcome), h)
      .str();
}

harness::ChildJob probeJob(const Probe &p) {
  harness::ChildJob job;
  job.argv = {p.exe,     "cell",      p.file,    "--program",
              p.program, "--variant", p.variant, "--seeds",
              p.seeds,   "--json",    p.json};
  if (!p.inputKind.empty())
    job.argv.insert(job.argv.end(), {"--input-kind", p.inputKind});
  if (!p.precision.empty())
    job.argv.insert(job.argv.end(), {"--precision", p.precision});
  job.resultPath = p.json;
  job.timeoutSeconds = p.timeoutSeconds;
  return job;
}

Expected<Finding> runProbe(const Probe &probe) {
  std::optional<Finding> finding;
  harness::ChildJob job = probeJob(probe);
  sys::fs::remove(probe.json);
  if (Error e = harness::runChildren(
          ArrayRef<harness::ChildJob>(job), 1,
          [&](size_t, harness::ChildStatus status) {
            finding = findingFor(probe.variant, harness::classifyChild(status));
          },
          [](size_t, size_t) {}))
    return e;
  sys::fs::remove(probe.json);
  return *finding;
}

} // namespace dstlab::discover
