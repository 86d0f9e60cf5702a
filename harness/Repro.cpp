//===- Repro.cpp - repro files: header, configurations, expectations ------===//

#include "harness/Repro.h"
#include "harness/CellResult.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <set>

using namespace llvm;

namespace dstlab::harness {

namespace {

Error makeError(const Twine &message) {
  return createStringError(inconvertibleErrorCode(), message);
}

/// Parses a double-quoted string at the start of `s` (after whitespace),
/// with \" and \\ escapes. On success `s` is left after the closing quote.
Expected<std::string> parseQuoted(StringRef &s) {
  s = s.ltrim();
  if (!s.consume_front("\""))
    return makeError("expected a double-quoted string");
  std::string out;
  while (!s.empty()) {
    char c = s.front();
    s = s.drop_front();
    if (c == '"')
      return out;
    if (c == '\\' && !s.empty() && (s.front() == '"' || s.front() == '\\')) {
      out.push_back(s.front());
      s = s.drop_front();
      continue;
    }
    out.push_back(c);
  }
  return makeError("unterminated string (missing closing '\"')");
}

std::string quote(StringRef s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\')
      out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

bool isKeyChar(char c) { return isAlnum(c) || c == '_' || c == '-'; }

/// A `tl.program @name` occurrence outside comments.
struct ProgramRef {
  std::string name;
  unsigned line;
};

std::vector<ProgramRef> findPrograms(ArrayRef<StringRef> lines) {
  std::vector<ProgramRef> programs;
  for (auto [index, rawLine] : llvm::enumerate(lines)) {
    StringRef line = rawLine;
    size_t comment = line.find("//");
    if (comment != StringRef::npos)
      line = line.take_front(comment);
    size_t pos = 0;
    while ((pos = line.find("tl.program", pos)) != StringRef::npos) {
      bool startOk =
          pos == 0 || !(isKeyChar(line[pos - 1]) || line[pos - 1] == '.');
      StringRef rest = line.drop_front(pos + strlen("tl.program"));
      pos += strlen("tl.program");
      if (!startOk || rest.empty() || !isSpace(rest.front()))
        continue;
      rest = rest.ltrim();
      if (!rest.consume_front("@"))
        continue;
      StringRef name = rest.take_while(
          [](char c) { return isKeyChar(c) || c == '.' || c == '$'; });
      if (!name.empty())
        programs.push_back({name.str(), static_cast<unsigned>(index + 1)});
    }
  }
  return programs;
}

} // namespace

ArrayRef<StringRef> reproInputKinds() {
  // The names of golden/Inputs.h (a unit test keeps the two lists equal).
  static const StringRef kinds[] = {"uniform",  "negative-scores", "peaked",
                                    "late-max", "large-values",    "zero-row"};
  return kinds;
}

ArrayRef<StringRef> reproPrecisions() {
  static const StringRef recipes[] = {"balanced", "accurate", "fast"};
  return recipes;
}

ArrayRef<StringRef> reproFrontEnds() {
  static const StringRef frontEnds[] = {"tt-lang", "ttir"};
  return frontEnds;
}

std::string reproFrontEnd(StringRef path, StringRef program) {
  Expected<Repro> repro = loadRepro(path, allVariants());
  if (!repro) {
    consumeError(repro.takeError());
    return "";
  }
  const ReproConfig *config = repro->findConfig(program);
  return config ? config->frontEnd : "";
}

bool isValidCellName(StringRef name) {
  if (name.empty() || name == "." || name == "..")
    return false;
  return llvm::all_of(name, [](char c) {
    return isAlnum(c) || c == '_' || c == '-' || c == '.';
  });
}

/// `crash "<message>"` or `error "<substring>"`: the quoted text after
/// `word`.
static Expected<Expectation>
parseQuotedExpectation(StringRef word, StringRef rest, Expectation e) {
  if (rest.trim().empty())
    return makeError("'" + word + "' needs a quoted " +
                     (word == "crash" ? "message: crash \"<message>\""
                                      : "substring: error \"<substring>\""));
  Expected<std::string> text = parseQuoted(rest);
  if (!text)
    return makeError("'" + word + "': " + toString(text.takeError()));
  if (text->empty())
    return makeError("'" + word + "' needs a non-empty message");
  if (!rest.trim().empty())
    return makeError("unexpected text after '" + word + "': '" + rest.trim() +
                     "'");
  e.text = std::move(*text);
  return e;
}

Expected<Expectation> Expectation::parse(StringRef source) {
  StringRef s = source.trim();
  StringRef word = s.take_while([](char c) { return isAlpha(c) || c == '-'; });
  StringRef rest = s.drop_front(word.size());
  if (word == "wrong")
    return makeError("'wrong' is gone: say 'miscompiled' (the compiled "
                     "program disagrees with the faithful reference) or "
                     "'imprecise' (it agrees, and the program's precision "
                     "misses the exact bound)");
  std::optional<Outcome> outcome = parseOutcome(word);
  if (!outcome || *outcome == Outcome::BadInput ||
      *outcome == Outcome::Compiled)
    return makeError("unknown expectation '" + s +
                     "'; expected pass, crash \"<message>\", error "
                     "\"<substring>\", miscompiled, imprecise, hazard <kind>, "
                     "deadlock, step-limit or timeout");
  Expectation e;
  e.outcome = *outcome;
  switch (*outcome) {
  case Outcome::Crash:
  case Outcome::Error:
    return parseQuotedExpectation(word, rest, std::move(e));
  case Outcome::Hazard: {
    StringRef kind = rest.trim();
    if (kind.empty())
      return makeError("'hazard' needs a kind: hazard <kind>");
    StringRef token = kind.take_while(isKeyChar);
    if (token.size() != kind.size())
      return makeError("hazard kind must be one word of letters, digits, "
                       "'_' or '-', got '" +
                       kind + "'");
    e.text = token.str();
    return e;
  }
  default:
    if (!rest.trim().empty())
      return makeError("unexpected text after '" + word + "': '" + rest.trim() +
                       "'");
    return e;
  }
}

std::string Expectation::str() const {
  switch (outcome) {
  case Outcome::Crash:
  case Outcome::Error:
    return (outcomeName(outcome) + " " + quote(text)).str();
  case Outcome::Hazard:
    return "hazard " + text;
  default:
    return outcomeName(outcome).str();
  }
}

const ReproConfig *Repro::findConfig(StringRef name) const {
  for (const ReproConfig &c : configs)
    if (c.name == name)
      return &c;
  return nullptr;
}

Expected<Repro> parseRepro(StringRef path, StringRef text,
                           ArrayRef<std::string> variants) {
  SmallVector<StringRef> lines;
  text.split(lines, '\n');
  for (StringRef &l : lines)
    l = l.rtrim("\r");

  auto at = [&](unsigned line, const Twine &what) {
    return makeError(path + ":" + Twine(line) + ": " + what);
  };

  Repro repro;
  repro.path = path.str();
  if (lines.empty() || !lines.front().starts_with("//"))
    return at(1, "missing header: a repro starts with '// repro: <name>' "
                 "(see harness/Repro.h)");

  struct Override {
    Expectation expectation;
    unsigned line;
  };
  // Default expectations and per-config overrides, with their lines.
  std::map<std::string, std::pair<Expectation, unsigned>> defaults;
  std::map<std::pair<std::string, std::string>, Override> overrides;
  std::map<std::string, std::pair<std::string, unsigned>> configLines;
  // `input-kind @c:`, `precision @c:` and `front-end @c:`, by key then
  // config.
  std::map<std::string, std::map<std::string, std::pair<std::string, unsigned>>>
      settings;
  std::map<std::string, unsigned> seenKeys;
  std::string *continuation = nullptr;
  unsigned headerEnd = 0;

  for (unsigned i = 0; i < lines.size(); ++i) {
    StringRef line = lines[i];
    unsigned lineNo = i + 1;
    if (!line.starts_with("//"))
      break;
    headerEnd = lineNo;
    StringRef content = line.drop_front(2);
    if (content.trim().empty()) {
      continuation = nullptr;
      continue;
    }
    StringRef body = content.ltrim();
    StringRef key = body.take_while([](char c) {
      return isLower(c) || isDigit(c) || c == '_' || c == '-';
    });
    StringRef afterKey = body.drop_front(key.size());
    bool isKeyLine =
        !key.empty() && isLower(key.front()) &&
        (afterKey.starts_with(":") ||
         ((key == "config" || key == "expect" || key == "input-kind" ||
           key == "precision" || key == "front-end") &&
          (afterKey.starts_with(" ") || afterKey.starts_with("["))));
    if (!isKeyLine) {
      // Prose: continues origin/shows, otherwise a plain comment.
      if (continuation)
        *continuation += " " + body.trim().str();
      continue;
    }
    continuation = nullptr;

    if (key == "repro" || key == "origin" || key == "shows" ||
        key == "attention" || key == "seed" || key == "variant" ||
        key == "signature") {
      StringRef value = afterKey.drop_front(1).trim();
      auto [it, inserted] = seenKeys.try_emplace(key.str(), lineNo);
      if (!inserted)
        return at(lineNo, "duplicate '" + key + ":' (first on line " +
                              Twine(it->second) + ")");
      if (key == "repro") {
        if (value.empty())
          return at(lineNo, "'repro:' needs a name");
        if (!isValidCellName(value))
          return at(lineNo, "repro name '" + value +
                                "' may only contain letters, digits, '_', "
                                "'-' and '.'");
        repro.name = value.str();
      } else if (key == "origin") {
        if (value.empty())
          return at(lineNo, "'origin:' needs a value");
        repro.origin = value.str();
        continuation = &repro.origin;
      } else if (key == "shows") {
        repro.shows = value.str();
        continuation = &repro.shows;
      } else if (key == "seed" || key == "variant" || key == "signature") {
        // Where a found program came from (dstlab fuzz, dstlab reduce).
        if (value.empty())
          return at(lineNo, "'" + key + ":' needs a value");
        (key == "seed"      ? repro.foundSeed
         : key == "variant" ? repro.foundVariant
                            : repro.foundSignature) = value.str();
      } else {
        if (value == "yes")
          repro.attention = true;
        else if (value == "no")
          repro.attention = false;
        else
          return at(lineNo,
                    "'attention:' must be 'yes' or 'no', got '" + value + "'");
      }
      continue;
    }

    if (key == "config") {
      StringRef rest = afterKey.ltrim();
      if (!rest.consume_front("@"))
        return at(lineNo, "expected '// config @<program>: <description>'");
      StringRef name = rest.take_until([](char c) { return c == ':'; });
      rest = rest.drop_front(name.size());
      name = name.trim();
      if (!rest.consume_front(":"))
        return at(lineNo, "expected ':' after '// config @" + name + "'");
      if (name.empty() || !isValidCellName(name))
        return at(lineNo, "bad config name '@" + name +
                              "' (letters, digits, '_', '-', '.')");
      auto [it, inserted] =
          configLines.try_emplace(name.str(), rest.trim().str(), lineNo);
      if (!inserted)
        return at(lineNo, "duplicate '// config @" + name +
                              "' (first on line " + Twine(it->second.second) +
                              ")");
      continue;
    }

    if (key == "input-kind" || key == "precision" || key == "front-end") {
      StringRef rest = afterKey.ltrim();
      if (!rest.consume_front("@"))
        return at(lineNo, "expected '// " + key + " @<program>: <value>'");
      StringRef name = rest.take_until([](char c) { return c == ':'; });
      rest = rest.drop_front(name.size());
      name = name.trim();
      if (!rest.consume_front(":") || name.empty())
        return at(lineNo, "expected '// " + key + " @<program>: <value>'");
      StringRef value = rest.trim();
      ArrayRef<StringRef> allowed = key == "input-kind"  ? reproInputKinds()
                                    : key == "precision" ? reproPrecisions()
                                                         : reproFrontEnds();
      if (!llvm::is_contained(allowed, value))
        return at(lineNo, "unknown " + key + " '" + value + "' (" +
                              join(allowed, ", ") + ")");
      auto [it, inserted] =
          settings[key.str()].try_emplace(name.str(), value.str(), lineNo);
      if (!inserted)
        return at(lineNo, "duplicate '// " + key + " @" + name +
                              "' (first on line " + Twine(it->second.second) +
                              ")");
      continue;
    }

    if (key == "expect") {
      StringRef rest = afterKey;
      std::string config;
      if (rest.consume_front("[")) {
        size_t close = rest.find(']');
        if (close == StringRef::npos)
          return at(lineNo, "missing ']' in 'expect[@<config>]'");
        StringRef inner = rest.take_front(close).trim();
        rest = rest.drop_front(close + 1);
        if (!inner.consume_front("@") || inner.empty())
          return at(lineNo, "expected 'expect[@<config>] <variant>: ...'");
        config = inner.str();
      }
      size_t colon = rest.find(':');
      if (colon == StringRef::npos)
        return at(lineNo, "expected '// expect <variant>: <expectation>'");
      StringRef variant = rest.take_front(colon).trim();
      StringRef value = rest.drop_front(colon + 1);
      if (variant.empty())
        return at(lineNo, "missing variant in 'expect <variant>:'");
      if (!llvm::is_contained(variants, variant))
        return at(lineNo, "unknown variant '" + variant +
                              "' (variants: " + join(variants, ", ") + ")");
      Expected<Expectation> e = Expectation::parse(value);
      if (!e)
        return at(lineNo, toString(e.takeError()));
      if (config.empty()) {
        auto [it, inserted] = defaults.try_emplace(variant.str(), *e, lineNo);
        if (!inserted)
          return at(lineNo, "duplicate expectation for variant '" + variant +
                                "' (first on line " + Twine(it->second.second) +
                                ")");
      } else {
        auto [it, inserted] = overrides.try_emplace(
            std::make_pair(config, variant.str()), Override{*e, lineNo});
        if (!inserted)
          return at(lineNo, "duplicate expectation for @" + config +
                                " variant '" + variant + "' (first on line " +
                                Twine(it->second.line) + ")");
      }
      continue;
    }

    return at(lineNo, "unknown header key '" + key +
                          ":' (keys: repro, origin, shows, config @<program>, "
                          "expect <variant>, expect[@<program>] <variant>, "
                          "input-kind @<program>, precision @<program>, "
                          "front-end @<program>, attention, seed, variant, "
                          "signature)");
  }

  if (repro.name.empty())
    return at(1, "missing '// repro: <name>' in the header");
  if (repro.origin.empty())
    return at(1, "missing '// origin: <where the pattern comes from>' in the "
                 "header");

  std::vector<ProgramRef> programs =
      findPrograms(ArrayRef<StringRef>(lines).drop_front(headerEnd));
  for (ProgramRef &p : programs)
    p.line += headerEnd;
  if (programs.empty())
    return at(headerEnd + 1, "no 'tl.program @<name>' op in the file");

  std::set<std::string> programNames;
  for (const ProgramRef &p : programs) {
    if (!isValidCellName(p.name))
      return at(p.line, "program name '@" + p.name +
                            "' may only contain letters, digits, '_', '-' "
                            "and '.'");
    if (!programNames.insert(p.name).second)
      return at(p.line, "duplicate program '@" + p.name + "'");
  }
  for (const auto &[name, described] : configLines)
    if (!programNames.count(name))
      return at(described.second, "'// config @" + name +
                                      "': no 'tl.program @" + name +
                                      "' in the file");
  for (const auto &[key, byConfig] : settings)
    for (const auto &[name, value] : byConfig)
      if (!programNames.count(name))
        return at(value.second, "'// " + key + " @" + name +
                                    "': no 'tl.program @" + name +
                                    "' in the file");
  for (const auto &[key, o] : overrides)
    if (!programNames.count(key.first))
      return at(o.line, "'expect[@" + key.first + "]': no 'tl.program @" +
                            key.first + "' in the file");

  for (const ProgramRef &p : programs) {
    ReproConfig config;
    config.name = p.name;
    config.line = p.line;
    if (auto it = settings["input-kind"].find(p.name);
        it != settings["input-kind"].end())
      config.inputKind = it->second.first;
    if (auto it = settings["precision"].find(p.name);
        it != settings["precision"].end())
      config.precision = it->second.first;
    if (auto it = settings["front-end"].find(p.name);
        it != settings["front-end"].end())
      config.frontEnd = it->second.first;
    auto described = configLines.find(p.name);
    unsigned reportLine = headerEnd;
    if (described != configLines.end()) {
      config.description = described->second.first;
      reportLine = described->second.second;
    }
    for (const std::string &variant : variants) {
      auto o = overrides.find({p.name, variant});
      if (o != overrides.end()) {
        config.expect[variant] = o->second.expectation;
        continue;
      }
      auto d = defaults.find(variant);
      if (d != defaults.end()) {
        config.expect[variant] = d->second.first;
        continue;
      }
      return at(reportLine, "no expectation for variant '" + variant +
                                "' of config @" + p.name + " (add '// expect " +
                                variant + ": <expectation>' or '// expect[@" +
                                p.name + "] " + variant + ": <expectation>')");
    }
    repro.configs.push_back(std::move(config));
  }
  return repro;
}

Expected<Repro> loadRepro(StringRef path, ArrayRef<std::string> variants) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> buffer =
      MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return makeError(path + ": cannot read: " + buffer.getError().message());
  return parseRepro(path, (*buffer)->getBuffer(), variants);
}

Expected<std::vector<std::string>> findReproFiles(ArrayRef<std::string> args) {
  std::set<std::string> files;
  for (const std::string &arg : args) {
    sys::fs::file_status status;
    if (std::error_code ec = sys::fs::status(arg, status))
      return makeError(arg + ": " + ec.message());
    if (sys::fs::is_directory(status)) {
      std::error_code ec;
      for (sys::fs::directory_iterator it(arg, ec), end; it != end && !ec;
           it.increment(ec)) {
        StringRef file = it->path();
        if (sys::path::extension(file) != ".mlir")
          continue;
        sys::fs::file_status entry;
        if (!sys::fs::status(file, entry) && sys::fs::is_regular_file(entry))
          files.insert(file.str());
      }
      if (ec)
        return makeError(arg + ": " + ec.message());
      continue;
    }
    files.insert(arg);
  }
  return std::vector<std::string>(files.begin(), files.end());
}

} // namespace dstlab::harness
