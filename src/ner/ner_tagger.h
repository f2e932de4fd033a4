// Named-entity tagger: BIO over PER, ORG, LOC with an averaged perceptron over hashed features
// (core/perceptron.h): the word, its case-sensitive form, shape, affixes, the words and shapes
// around it, the capitalisation pattern of the window, whether the sentence is written in lower
// case only (one training corpus is), the word classes (text/word_clusters.h) of the word and its
// neighbours when the model has them, where the word stands in listed person, organisation and
// place names and what lists its word is in (ner/name_gazetteer.h: +1.7 F1 over the shared dev
// sets) when the model has them, and the two previous labels. The shipped model is a
// structured perceptron: trained on whole label sequences by beam search with early update
// (Collins & Roark 2004) and decoded with the same beam, so a name's type can wait for evidence
// beyond the feature window (+1.6 F1 over greedy decisions on the shared dev sets). Decoding never
// starts an entity with I- (an I-X may only follow B-X or I-X).
//
// Model file: core/perceptron.h's format with magic "LMNER"; byte 6 is the beam width, byte 7
// whether word classes are used (text::kPlainModel or kClassModel), plus kNamesModel when the
// model reads name lists (ner/name_gazetteer.h: where a word stands in a listed name).
// Thread-safety: a loaded tagger is immutable; Tag() may run on many threads, each with its own
// memo of words' summed weights (core/word_memo.h: up to 65,536 words, about 15 MB per thread when
// full).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/perceptron.h"
#include "linimasa/status.h"
#include "ner/name_gazetteer.h"
#include "text/word_clusters.h"

namespace linimasa::ner {

class NerTagger {
 public:
  // O B-PER I-PER B-ORG I-ORG B-LOC I-LOC, fixed order.
  static const std::vector<std::string>& Labels();
  // Maps a corpus label (PERSON, PPL, ORGANISATION, IND, PLACE, PLC, LOCATION, GPE, FAC, …, with
  // B-/I-/E-/S- or none) to an index of Labels(); everything else is O.
  static uint8_t MapLabel(std::string_view label, bool continues_previous_type);

  // `clusters` and `names` (may be null) must be the word classes and the name lists the model
  // was trained with; a model that uses either refuses to load without it.
  static Result<NerTagger> Load(const std::string& path,
                                std::shared_ptr<const text::WordClusters> clusters = nullptr,
                                std::shared_ptr<const NameGazetteer> names = nullptr);
  Status Save(const std::string& path) const;
  bool empty() const { return model_.empty(); }

  // Tags one sentence of tokens; labels[i] indexes Labels().
  void Tag(const std::vector<std::string_view>& tokens, std::vector<uint8_t>& labels) const;
  // Tag() without its per-thread memo of words' weights: the definition Tag() must equal (each
  // token's features as training scores them). For tests.
  void TagUncached(const std::vector<std::string_view>& tokens, std::vector<uint8_t>& labels) const;

  struct Example {
    std::vector<std::string> tokens;
    std::vector<uint8_t> labels;
  };
  // beam = 1: greedy decisions, each learned with the gold history (teacher forcing); beam > 1:
  // a structured perceptron — beam search over whole label sequences with early update (Collins &
  // Roark 2004), and the same beam at tagging time (the width is stored in the model).
  static NerTagger Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                         uint64_t seed,
                         std::shared_ptr<const text::WordClusters> clusters = nullptr, int beam = 1,
                         std::shared_ptr<const NameGazetteer> names = nullptr,
                         float names_dropout = 0.5f);
  int beam() const { return beam_; }

 private:
  static constexpr uint8_t kNamesModel = 0x10;
  static constexpr char kMagic[8] = {'L', 'M', 'N', 'E', 'R', 0, 0, text::kPlainModel};
  static constexpr char kMagicClasses[8] = {'L', 'M', 'N', 'E', 'R', 0, 0, text::kClassModel};
  struct Sentence;  // per-sentence precomputation
  // `memoised`: leave the words' classes and name lists to the caller (Tag() takes them from its
  // memo).
  void Prepare(const std::vector<std::string_view>& tokens, Sentence& s,
               bool memoised = false) const;
  // The features of token i that do not depend on the labels before it, and the hashed parts of
  // those that do (`bases`, kHistory of them), which HistoryFeatures() joins with the labels.
  static constexpr size_t kHistory = 6;
  static void StaticFeatures(const Sentence& s, size_t i, std::vector<uint32_t>& out,
                             uint32_t* bases);
  static void HistoryFeatures(const uint32_t* bases, uint8_t prev, uint8_t prev2,
                              std::vector<uint32_t>& out);
  // HistoryFeatures() in two parts: those of the previous label, and the one of the two previous.
  static void PrevFeatures(const uint32_t* bases, uint8_t prev, std::vector<uint32_t>& out);
  static uint32_t PairFeature(const uint32_t* bases, uint8_t prev, uint8_t prev2);
  // StaticFeatures() in parts (see ner_tagger.cc); `cls` is null without word classes, `lower`
  // null for a neighbour past the sentence's edge.
  static void OwnFeatures(std::string_view form, std::string_view lower, char cap,
                          const text::WordClusters::Classes* cls, std::vector<uint32_t>& out);
  static uint32_t ModeFeature(std::string_view shape, bool lowercase_text);
  static void NeighbourFeatures(int offset, const std::string_view* lower, char cap,
                                const text::WordClusters::Classes* cls, bool classes,
                                std::vector<uint32_t>& out);
  // The window's features, and bases 0, 1 and 3.
  static void WindowFeatures(const Sentence& s, size_t i, std::vector<uint32_t>& out,
                             uint32_t* bases);
  static void WordBases(const std::string_view* lower, const text::WordClusters::Classes* cls,
                        bool classes, uint32_t& as_word, uint32_t& as_next, uint32_t& as_class);
  static uint32_t ClassFeature(uint32_t templ, uint16_t id, std::string_view with);
  HashedModel model_;
  int beam_ = 1;
  uint64_t memo_id_ = 0;  // owner of the per-thread word memo (core/word_memo.h)
  std::shared_ptr<const text::WordClusters> clusters_;
  std::shared_ptr<const NameGazetteer> names_;
};

// The name lists of the data folder (ner/names.tsv; null when the folder has none).
Status LoadDataNames(const std::string& data_dir, std::shared_ptr<const NameGazetteer>& out);

}  // namespace linimasa::ner
