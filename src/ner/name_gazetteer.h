// Name lists as NER features (Ratinov & Roth 2009): for each token, where it stands in the longest
// listed person, organisation and place name that covers it (B, I, E, S or none per type). The
// tagger learns how far to trust a list match in each context, so a noisy list (an automatically
// expanded DBpedia one) still helps with names the training corpora never show ("Federer",
// "Ibrahimovic"), and the KB's names teach it the contexts in which names stand.
//
// Matching ignores case and every character that is not a letter or a digit, and token
// boundaries inside a name: "Jo - Wilfried Tsonga", "Jo-Wilfried Tsonga" and "JO-WILFRIED TSONGA"
// all match the listed "Jo-Wilfried Tsonga". A match starts and ends on a token with a letter or a
// digit. A one-word name in capitals of up to six letters (UK, AS, PBB) matches only a token
// written the same way, as the KB's aliases do ("Yang Uk" is no United Kingdom).
//
// Each token also gets its word's own lists: whether it is a listed person's first or last word, a
// word of a listed organisation's or place's name. A common word (one news text writes in lower
// case: "Jajaran", "Baru") gets none, though names made of it still match.
//
// File: UTF-8, `TYPE<TAB>name` per line (TYPE: PER, ORG, LOC; COMMON: a common word), `#`
// comments.
// Thread-safety: immutable after loading.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_set.h"
#include "linimasa/status.h"

namespace linimasa::ner {

class NameGazetteer {
 public:
  static constexpr size_t kTypes = 3;  // PER, ORG, LOC
  // Per token: for each type, 'B', 'I', 'E' (first, inside, last word of a match), 'S' (a one-token
  // match) or '-'; then the word's own lists, '@' + bits: 1 a person's first word, 2 a person's
  // last word, 4 a word of an organisation's name, 8 of a place's.
  using Marks = std::array<char, kTypes + 1>;

  static Result<NameGazetteer> Load(const std::string& path);
  // type: 0 PER, 1 ORG, 2 LOC. Common words must be added first.
  void Add(std::string_view name, int type);
  void AddCommonWord(std::string_view word);
  bool empty() const { return keys_.empty() && capitals_.empty(); }
  size_t size() const { return names_; }

  void Mark(const std::vector<std::string_view>& tokens, std::vector<Marks>& out) const {
    Mark(tokens, nullptr, out);
  }
  // What one token is to the lists on its own (a function of the token alone, so a caller may
  // memoise it per word); Mark() with each token's TokenBits() given does not look them up again.
  uint16_t TokenBits(std::string_view token) const;
  void Mark(const std::vector<std::string_view>& tokens, const uint16_t* token_bits,
            std::vector<Marks>& out) const;

 private:
  static constexpr size_t kMaxTokens = 10;
  static constexpr uint8_t kPrefix = 8;  // the key begins a longer name
  static constexpr int kWordShift = 4;   // a word's own lists: bits 16, 32, 64, 128
  // The lower-cased letters and digits of a name, of each prefix of it that ends a word, and of
  // each of its words: bits 1, 2, 4 = a name of type PER, ORG, LOC ends here; kPrefix = a
  // longer one goes on; the bits of Marks' last, shifted by kWordShift = the word's own lists.
  // One table, so most tokens cost one lookup.
  StringMap<uint8_t> keys_;
  StringMap<uint8_t> capitals_;  // the capitals-only names: type bits
  StringSet common_;             // keys of common words
  size_t names_ = 0;
};

}  // namespace linimasa::ner
