#include "ner/name_gazetteer.h"

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"

namespace linimasa::ner {

namespace {
// Appends the key characters of `s`: ASCII letters and digits lower-cased, and the bytes of
// non-ASCII characters other than punctuation (U+0080–U+00BF and U+2000–U+207F: no-break space,
// guillemets, dashes, curly quotes, bullets) and bad bytes. Each word of `s` (a run of key
// characters) ends at the offset recorded in `word_ends` when given.
void AppendKey(std::string_view s, std::string& key, std::vector<size_t>* word_ends = nullptr) {
  bool in_word = false;
  for (size_t i = 0; i < s.size();) {
    const size_t from = i;
    const uint32_t cp = utf8::Next(s, i);
    const bool keep =
        cp < 0x80 ? (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
                  : cp >= 0xC0 && !(cp >= 0x2000 && cp < 0x2080) && cp != 0xFFFD;
    if (keep) {
      if (cp < 0x80)
        key += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
      else
        key.append(s.substr(from, i - from));
    } else if (in_word && word_ends) {
      word_ends->push_back(key.size());
    }
    in_word = keep;
  }
  if (in_word && word_ends) word_ends->push_back(key.size());
}
}  // namespace

Result<NameGazetteer> NameGazetteer::Load(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{1} << 28);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() + " (reinstall linimasa's data folder)");
  NameGazetteer g;
  Status bad = Status::Ok();
  std::vector<std::pair<int, std::string_view>> names;
  ForEachLine(*bytes, [&](std::string_view line, size_t no) {
    if (line.empty() || line[0] == '#' || !bad.ok()) return;
    const size_t tab = line.find('\t');
    const std::string_view type = line.substr(0, tab);
    const int t = type == "PER"      ? 0
                  : type == "ORG"    ? 1
                  : type == "LOC"    ? 2
                  : type == "COMMON" ? 3
                                     : -1;
    if (tab == std::string_view::npos || t < 0) {
      bad = Status::Corruption(path + ":" + std::to_string(no) +
                               ": expected `PER|ORG|LOC|COMMON<TAB>name`; fix the line or rebuild "
                               "the file (data/README.md)");
      return;
    }
    if (t == 3)
      g.AddCommonWord(line.substr(tab + 1));
    else
      names.emplace_back(t, line.substr(tab + 1));
  });
  if (!bad.ok()) return bad;
  g.keys_.reserve(names.size() * 3);  // a name, its prefixes and its words
  for (const auto& [t, name] : names) g.Add(name, t);
  return g;
}

namespace {
bool ShortCapitals(std::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s)
    if (c < 'A' || c > 'Z') return false;
  return true;
}
}  // namespace

void NameGazetteer::AddCommonWord(std::string_view word) {
  std::string key;
  AppendKey(word, key);
  if (!key.empty()) common_.insert(std::move(key));
}

void NameGazetteer::Add(std::string_view name, int type) {
  if (type >= 0 && type < static_cast<int>(kTypes) && ShortCapitals(name)) {
    uint8_t& bits = capitals_[std::string(name)];
    if (!(bits & (1u << type))) ++names_;
    bits |= static_cast<uint8_t>(1u << type);
    return;
  }
  std::string key;
  std::vector<size_t> ends;
  AppendKey(name, key, &ends);
  if (key.empty() || ends.size() > kMaxTokens || type < 0 || type >= static_cast<int>(kTypes))
    return;
  for (size_t w = 0; w + 1 < ends.size(); ++w) keys_[key.substr(0, ends[w])] |= kPrefix;
  for (size_t w = 0; w < ends.size(); ++w) {
    const size_t from = w ? ends[w - 1] : 0;
    const uint8_t bit =
        type == 1   ? 4
        : type == 2 ? 8
                    : static_cast<uint8_t>((w == 0 ? 1 : 0) | (w + 1 == ends.size() ? 2 : 0));
    std::string word = key.substr(from, ends[w] - from);
    if (bit && !common_.contains(word)) keys_[std::move(word)] |= bit << kWordShift;
  }
  uint8_t& bits = keys_[key];
  if (!(bits & (1u << type))) ++names_;
  bits |= static_cast<uint8_t>(1u << type);
}

namespace {
// TokenBits(): the token's key entry's bits (low byte), whether it has one, and the types of a
// capitals-only name it is.
constexpr uint16_t kHasEntry = 0x100;
constexpr int kCapitalsShift = 9;
}  // namespace

uint16_t NameGazetteer::TokenBits(std::string_view token) const {
  uint16_t bits = 0;
  if (ShortCapitals(token))
    if (auto c = capitals_.find(token); c != capitals_.end())
      bits = static_cast<uint16_t>(c->second << kCapitalsShift);
  thread_local std::string key;
  key.clear();
  AppendKey(token, key);
  if (key.empty()) return bits;
  if (auto it = keys_.find(key); it != keys_.end()) bits |= kHasEntry | it->second;
  return bits;
}

void NameGazetteer::Mark(const std::vector<std::string_view>& tokens, const uint16_t* token_bits,
                         std::vector<Marks>& out) const {
  const size_t n = tokens.size();
  out.assign(n, Marks{'-', '-', '-', '@'});
  if (keys_.empty() && capitals_.empty()) return;
  // Per start token, the end (exclusive) of the longest match of each type.
  thread_local std::vector<std::array<uint32_t, kTypes>> longest;
  longest.assign(n, {0, 0, 0});
  thread_local std::string key;
  for (size_t i = 0; i < n; ++i) {
    const uint16_t own = token_bits ? token_bits[i] : TokenBits(tokens[i]);
    for (size_t t = 0; t < kTypes; ++t)
      if (own >> kCapitalsShift & (1u << t)) longest[i][t] = static_cast<uint32_t>(i + 1);
    if (!(own & kHasEntry)) continue;  // (punctuation only: no match starts or ends on it)
    uint8_t bits = static_cast<uint8_t>(own & 0xff);
    out[i][kTypes] = static_cast<char>('@' + (bits >> kWordShift));
    for (size_t j = i;;) {
      for (size_t t = 0; t < kTypes; ++t)
        if (bits & (1u << t)) longest[i][t] = static_cast<uint32_t>(j + 1);
      if (!(bits & kPrefix)) break;
      if (j == i) {
        key.clear();
        AppendKey(tokens[i], key);
      }
      // The next token with a key character, the punctuation before it inside the match.
      const size_t before = key.size();
      size_t k = j + 1;
      for (; k < n && k < i + kMaxTokens * 2; ++k) {
        AppendKey(tokens[k], key);
        if (key.size() != before) break;
      }
      if (key.size() == before) break;
      j = k;
      auto it = keys_.find(key);
      if (it == keys_.end()) break;
      bits = it->second;
    }
  }
  for (size_t t = 0; t < kTypes; ++t) {
    for (size_t i = 0; i < n;) {
      const size_t end = longest[i][t];
      if (!end) {
        ++i;
        continue;
      }
      if (end == i + 1) {
        out[i][t] = 'S';
      } else {
        out[i][t] = 'B';
        for (size_t k = i + 1; k + 1 < end; ++k) out[k][t] = 'I';
        out[end - 1][t] = 'E';
      }
      i = end;
    }
  }
}

}  // namespace linimasa::ner
