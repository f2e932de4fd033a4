// Random news-like sentences for property tests of the taggers: real words in every case, numbers,
// punctuation, words of one letter and of over sixteen bytes, sentences of one word and whole
// sentences in lower case (one of the NER corpora is), and made-up words, so that a run holds more
// distinct words than a tagger's per-thread word memo (core/word_memo.h) keeps at once.
#pragma once

#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace linimasa::testing {

inline std::vector<std::vector<std::string>> RandomSentences(size_t n, uint32_t seed) {
  static const std::vector<std::string> words = {"Presiden",
                                                 "Joko",
                                                 "Widodo",
                                                 "mengunjungi",
                                                 "Jakarta",
                                                 "kemarin",
                                                 "yang",
                                                 "di",
                                                 "PT",
                                                 "Pertamina",
                                                 "bertemu",
                                                 "dengan",
                                                 "Menteri",
                                                 "Luar",
                                                 "Negeri",
                                                 "Rusia",
                                                 ",",
                                                 ".",
                                                 "\"",
                                                 "(",
                                                 ")",
                                                 "2023",
                                                 "13/9",
                                                 "Rp",
                                                 "1,25",
                                                 "triliun",
                                                 "KPK",
                                                 "mengatakan",
                                                 "bahwa",
                                                 "negara-negara",
                                                 "pertemuan",
                                                 "itu",
                                                 "akan",
                                                 "x",
                                                 "A",
                                                 "Kim",
                                                 "Jong",
                                                 "Un",
                                                 "Korut",
                                                 "Vostochny",
                                                 "Kosmodrom",
                                                 "É",
                                                 "menyelenggarakan-nya"};
  std::mt19937 rng(seed);
  auto made_up = [&] {
    std::string w;
    const size_t len = 1 + rng() % 22;  // past 16 bytes now and then
    for (size_t i = 0; i < len; ++i) w += static_cast<char>('a' + rng() % 26);
    if (rng() % 3 == 0) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
    return w;
  };
  std::vector<std::vector<std::string>> out(n);
  for (auto& s : out) {
    const size_t len = rng() % 8 == 0 ? 1 : 2 + rng() % 30;
    const bool lower = rng() % 5 == 0;
    for (size_t i = 0; i < len; ++i) {
      std::string w = rng() % 2 == 0 ? made_up() : words[rng() % words.size()];
      if (rng() % 10 == 0)
        for (char& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (lower)
        for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      s.push_back(std::move(w));
    }
  }
  return out;
}

}  // namespace linimasa::testing
