// Part-of-speech tagger producing UD UPOS: a greedy left-to-right averaged perceptron over hashed
// features (word, affixes, shape, lemma, neighbouring words and the two previous tags), in the
// tradition of Collins (2002) and spaCy's first tagger (core/perceptron.h).
//
// Model file: core/perceptron.h's format with magic "LMPOS". Thread-safety: a loaded tagger is
// immutable; Tag() may run on many threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/perceptron.h"
#include "linimasa/status.h"

namespace linimasa::text {

struct PosWord {
  std::string_view form;
  std::string_view lemma;
};

class PosTagger {
 public:
  static const std::vector<std::string>& UposTags();  // the 17 UD tags, fixed order

  static Result<PosTagger> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Tags one sentence; tags[i] indexes UposTags().
  void Tag(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const;

  struct Example {
    std::vector<std::string> forms, lemmas;
    std::vector<uint8_t> tags;
  };
  // Trains for `epochs` passes over `data` (shuffled with `seed`); returns the averaged model.
  static PosTagger Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                         uint64_t seed);

  bool empty() const { return model_.empty(); }

 private:
  // `lower` holds the lower-cased forms of `words` (computed once per sentence).
  static void Features(const std::vector<PosWord>& words, const std::vector<std::string>& lower,
                       size_t i, uint8_t prev, uint8_t prev2, std::vector<uint32_t>& out);
  HashedModel model_;  // buckets × 17
};

}  // namespace linimasa::text
