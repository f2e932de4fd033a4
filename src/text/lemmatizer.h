// Lemmatiser and clitic analysis backed by Hunspell with the Indonesian dictionary (Debian's
// hunspell-id: 31k roots with affix rules for meN-, ber-, di-, ter-, ke-an, peN-an, -kan, -i, -nya,
// …), so every affixed form Hunspell accepts is reduced to its root ("mendesain" → "desain",
// "pertemuannya" → "temu"). Words Hunspell does not know — names, foreign words — keep their form
// (lower-cased), so "Putin", "Belousov", "Vostochny" are never mangled.
//
// Clitics: a word ending in -nya/-lah/-kah/-pun/-ku/-mu (or starting with ku-/kau-) is split into
// two syntactic words when it is not a dictionary root, not in data/text/nonclitic.txt, and the
// remainder is a word ("membelinya" → "membeli" + "nya"; "hanya", "telah", "sebelumnya" stay).
//
// Thread-safety: Lemma() and SplitClitic() may be called from many threads; each thread gets its
// own Hunspell instance and cache (Hunspell objects are not thread-safe).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/string_set.h"
#include "linimasa/status.h"

namespace linimasa::text {

class Lemmatizer {
 public:
  // Finds id_ID.aff/.dic in data_dir/hunspell/, else /usr/share/hunspell/.
  static Result<std::shared_ptr<const Lemmatizer>> Load(const std::string& data_dir);
  ~Lemmatizer();

  // Lemma of one syntactic word (lower case).
  std::string Lemma(std::string_view word) const;
  // Lemma of a clitic part ("nya" → "dia", "ku" → "aku", "mu" → "kamu", "kau" → "kamu").
  static std::string_view CliticLemma(std::string_view clitic);

  // Length in bytes of the first part when `word` splits into host + clitic (or clitic + host);
  // 0 when it does not split.
  size_t SplitClitic(std::string_view word) const;

  bool IsRoot(std::string_view lower) const { return roots_.find(lower) != roots_.end(); }

 private:
  struct PerThread;
  PerThread& Local() const;
  bool Known(std::string_view lower) const;                  // a dictionary word, affixed or not
  size_t SplitLower(const std::string& lower) const;         // SplitClitic, uncached
  std::string StripAffixes(const std::string& lower) const;  // a root, or "" (see lemmatizer.cc)

  std::string aff_, dic_;
  StringSet roots_;
  StringSet nonclitic_;
  StringMap<std::string> lexicon_;  // form → lemma overrides
  uint64_t instance_id_ = 0;
};

}  // namespace linimasa::text
