#include "syntax/ud_chunks.h"

#include "core/utf8.h"

namespace linimasa::syntax {

namespace {

bool Nominal(const std::string& u) {
  return u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" || u == "SYM";
}

std::string Base(const std::string& rel) { return rel.substr(0, rel.find(':')); }

}  // namespace

std::vector<Chunk> UdChunks(const std::vector<UdWord>& s, const Chunker::WordClasses& classes) {
  using T = Chunk::Type;
  const int n = static_cast<int>(s.size());
  std::vector<bool> has_case(n, false), has_clause(n, false);
  for (int i = 0; i < n; ++i) {
    int h = s[i].head;
    if (h < 0 || h >= n) continue;
    std::string b = Base(s[i].deprel);
    if (b == "case") has_case[h] = true;
    if (b == "acl" || b == "advcl" || b == "ccomp" || b == "csubj" || b == "nsubj")
      has_clause[h] = true;
  }
  // Each word's chunk: its type and the word that anchors the group (-1: outside chunks).
  std::vector<int> type(n, -1), group(n, -1);
  auto lower = [&](int i) { return utf8::AsciiLower(s[i].form); };
  // The base noun phrase a word belongs to (its anchor), or -1.
  std::vector<int> np(n, -2);  // -2: not computed yet
  auto np_root = [&](auto&& self, int i, int depth) -> int {
    if (np[i] != -2) return np[i];
    if (depth > n) return np[i] = -1;
    const std::string& u = s[i].upos;
    const std::string b = Base(s[i].deprel);
    const int h = s[i].head;
    bool inside =
        (b == "compound" || b == "flat" || b == "nmod" || b == "det" || b == "nummod" ||
         b == "amod" || b == "clf") &&
        h >= 0 && h < n && !has_case[i] &&
        (Nominal(u) || u == "DET" || (u == "ADJ" && b == "amod") || (u == "NUM" && b == "nummod"));
    int r = -1;
    if (inside) r = self(self, h, depth + 1);
    if (r < 0 && (Nominal(u) || u == "DET")) r = i;
    return np[i] = r;
  };
  for (int i = 0; i < n; ++i) {
    const std::string& u = s[i].upos;
    const std::string b = Base(s[i].deprel);
    const std::string low = lower(i);
    const int h = s[i].head;
    if (classes.relativizer.count(low) || u == "SCONJ" ||
        (classes.subordinator.count(low) && Nominal(u) && has_clause[i])) {
      type[i] = static_cast<int>(T::kSBAR), group[i] = i;
    } else if (u == "ADP") {
      type[i] = static_cast<int>(T::kPP), group[i] = i;
    } else if (u == "PUNCT" || u == "CCONJ" || u == "INTJ") {
      continue;
    } else if (u == "VERB") {
      type[i] = static_cast<int>(T::kVP), group[i] = i;
    } else if ((u == "AUX" || u == "PART" || u == "ADV") && h > i && h < n && s[h].upos == "VERB" &&
               (b == "aux" || b == "advmod" || b == "neg")) {
      type[i] = static_cast<int>(T::kVP), group[i] = h;
    } else if (u == "AUX") {
      type[i] = static_cast<int>(T::kVP), group[i] = i;
    } else if ((u == "PART" || u == "ADV") && h > i && h < n && s[h].upos == "ADJ" &&
               np_root(np_root, h, 0) < 0) {
      type[i] = static_cast<int>(T::kADJP), group[i] = h;
    } else if (u == "PART" || u == "ADV") {
      type[i] = static_cast<int>(T::kADVP), group[i] = i;
    } else if (int r = np_root(np_root, i, 0); r >= 0) {
      type[i] = static_cast<int>(T::kNP), group[i] = r;
    } else if (u == "ADJ") {
      type[i] = static_cast<int>(T::kADJP), group[i] = i;
    }
  }
  std::vector<Chunk> out;
  for (int i = 0; i < n;) {
    if (type[i] < 0) {
      ++i;
      continue;
    }
    int j = i + 1;
    while (j < n && type[j] == type[i] && group[j] == group[i]) ++j;
    Chunk c;
    c.type = static_cast<T>(type[i]);
    c.first_word = static_cast<uint32_t>(i);
    c.end_word = static_cast<uint32_t>(j);
    c.head = static_cast<uint32_t>(group[i] >= i && group[i] < j ? group[i] : j - 1);
    out.push_back(c);
    i = j;
  }
  return out;
}

}  // namespace linimasa::syntax
