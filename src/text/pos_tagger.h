// Part-of-speech tagger producing UD UPOS: a greedy left-to-right averaged perceptron over hashed
// features (word, affixes, shape, lemma, neighbouring words and the two previous tags), in the
// tradition of Collins (2002) and spaCy's first tagger (core/perceptron.h).
//
// With word classes (text/word_clusters.h) the word and its neighbours also contribute their
// classes, so words seen only in unlabeled text get tagged like the labeled words that share their
// contexts.
//
// Model file: core/perceptron.h's format with magic "LMPOS". Thread-safety: a loaded tagger is
// immutable; Tag() may run on many threads, each with its own memo of words' summed weights
// (core/word_memo.h: up to 65,536 words, about 25 MB per thread when full).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/perceptron.h"
#include "linimasa/status.h"
#include "text/word_clusters.h"

namespace linimasa::text {

struct PosWord {
  std::string_view form;
  std::string_view lemma;
};

class PosTagger {
 public:
  static const std::vector<std::string>& UposTags();  // the 17 UD tags, fixed order

  // `clusters` (may be null) must be the word classes the model was trained with.
  static Result<PosTagger> Load(const std::string& path,
                                std::shared_ptr<const WordClusters> clusters = nullptr);
  // The engine's tagger: <data_dir>/models/pos.bin with the word classes of
  // <data_dir>/text/clusters.tsv (when that file exists).
  static Result<PosTagger> LoadFromData(const std::string& data_dir);
  Status Save(const std::string& path) const;

  // Tags one sentence; tags[i] indexes UposTags().
  void Tag(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const;
  // Tag() without its per-thread memo of words' weights: the definition Tag() must equal (each
  // token's features as training scores them). For tests.
  void TagUncached(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const;

  struct Example {
    std::vector<std::string> forms, lemmas;
    std::vector<uint8_t> tags;
    // 0: the target annotation (UD). Another value marks a corpus with its own conventions (the
    // mapped IDN tagset): its sentences also fire a copy of every feature private to that corpus,
    // which absorbs where its conventions differ, so the shared weights that tagging uses follow
    // UD's (Daume III 2007, "Frustratingly easy domain adaptation"). Tagging cost is unchanged.
    uint8_t domain = 0;
  };
  // Trains for `epochs` passes over `data` (shuffled with `seed`); returns the averaged model.
  static PosTagger Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                         uint64_t seed, std::shared_ptr<const WordClusters> clusters = nullptr);

  bool empty() const { return model_.empty(); }

 private:
  // `lower` holds the lower-cased forms of `words` (computed once per sentence).
  // `classes` holds their word classes (empty without clusters).
  static void Features(const std::vector<PosWord>& words, const std::vector<std::string>& lower,
                       const std::vector<WordClusters::Classes>& classes, size_t i, uint8_t prev,
                       uint8_t prev2, std::vector<uint32_t>& out);
  void Classify(const std::vector<std::string>& lower,
                std::vector<WordClusters::Classes>& classes) const;
  // Features() in parts (see pos_tagger.cc); `cls` is null without word classes.
  static void OwnFeatures(std::string_view form, std::string_view lower, std::string_view lemma,
                          const WordClusters::Classes* cls, std::vector<uint32_t>& out);
  // The word `offset` (-2, -1, 1, 2) places from the tagged one; `lower` null past the edge.
  static void NeighbourFeatures(int offset, const std::string_view* lower,
                                const WordClusters::Classes* cls, bool classes,
                                std::vector<uint32_t>& out);
  static uint32_t PlaceFeature(size_t i, std::string_view form);
  static void HistoryFeatures(uint8_t prev, uint8_t prev2, std::string_view lower,
                              std::string_view next, std::vector<uint32_t>& out);
  static uint32_t ClassFeature(uint32_t templ, uint16_t id);
  HashedModel model_;     // buckets × 17
  uint64_t memo_id_ = 0;  // owner of the per-thread word memo (core/word_memo.h)
  std::shared_ptr<const WordClusters> clusters_;
};

}  // namespace linimasa::text
