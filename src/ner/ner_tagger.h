// Named-entity tagger: BIO over PER, ORG, LOC with a greedy left-to-right averaged perceptron over
// hashed features (core/perceptron.h): the word, its case-sensitive form, shape, affixes, the words
// and shapes around it, the capitalisation pattern of the window, whether the sentence is written
// in lower case only (one training corpus is), the word classes (text/word_clusters.h) of the word
// and its neighbours when the model has them, and the two previous tags. Decoding never starts an
// entity with I- (an I-X may only follow B-X or I-X).
//
// Model file: core/perceptron.h's format with magic "LMNER". Thread-safety: a loaded tagger is
// immutable; Tag() may run on many threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/perceptron.h"
#include "linimasa/status.h"
#include "text/word_clusters.h"

namespace linimasa::ner {

class NerTagger {
 public:
  // O B-PER I-PER B-ORG I-ORG B-LOC I-LOC, fixed order.
  static const std::vector<std::string>& Labels();
  // Maps a corpus label (PERSON, PPL, ORGANISATION, IND, PLACE, PLC, LOCATION, GPE, FAC, …, with
  // B-/I-/E-/S- or none) to an index of Labels(); everything else is O.
  static uint8_t MapLabel(std::string_view label, bool continues_previous_type);

  // `clusters` (may be null) must be the word classes the model was trained with.
  static Result<NerTagger> Load(const std::string& path,
                                std::shared_ptr<const text::WordClusters> clusters = nullptr);
  Status Save(const std::string& path) const {
    return model_.Save(path, clusters_ ? kMagicClasses : kMagic);
  }
  bool empty() const { return model_.empty(); }

  // Tags one sentence of tokens; labels[i] indexes Labels().
  void Tag(const std::vector<std::string_view>& tokens, std::vector<uint8_t>& labels) const;

  struct Example {
    std::vector<std::string> tokens;
    std::vector<uint8_t> labels;
  };
  static NerTagger Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                         uint64_t seed,
                         std::shared_ptr<const text::WordClusters> clusters = nullptr);

 private:
  static constexpr char kMagic[8] = {'L', 'M', 'N', 'E', 'R', 0, 0, text::kPlainModel};
  static constexpr char kMagicClasses[8] = {'L', 'M', 'N', 'E', 'R', 0, 0, text::kClassModel};
  struct Sentence;  // per-sentence precomputation
  void Prepare(const std::vector<std::string_view>& tokens, Sentence& s) const;
  static void Features(const Sentence& s, size_t i, uint8_t prev, uint8_t prev2,
                       std::vector<uint32_t>& out);
  HashedModel model_;
  std::shared_ptr<const text::WordClusters> clusters_;
};

}  // namespace linimasa::ner
