#include "text/pos_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/file_env.h"
#include "core/utf8.h"
#include "core/word_memo.h"

namespace linimasa::text {
namespace {

constexpr size_t kTags = 17;
// Byte 6 is the feature version: a model of another version scores different features.
constexpr char kFeatureVersion = 1;
constexpr char kMagic[8] = {'L', 'M', 'P', 'O', 'S', 0, kFeatureVersion, kPlainModel};
constexpr char kMagicClasses[8] = {'L', 'M', 'P', 'O', 'S', 0, kFeatureVersion, kClassModel};
constexpr uint8_t kStart = 255;  // "no previous tag"

uint32_t Hash(uint32_t templ, std::string_view a, std::string_view b = {}) {
  return FeatureHash(templ, a, b);
}
std::string Shape(std::string_view f) { return WordShape(f); }

}  // namespace

const std::vector<std::string>& PosTagger::UposTags() {
  static const std::vector<std::string> t = {"ADJ",   "ADP",   "ADV", "AUX",  "CCONJ", "DET",
                                             "INTJ",  "NOUN",  "NUM", "PART", "PRON",  "PROPN",
                                             "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  return t;
}

void PosTagger::Classify(const std::vector<std::string>& lowers,
                         std::vector<WordClusters::Classes>& classes) const {
  classes.clear();
  if (!clusters_ || clusters_->empty()) return;
  classes.reserve(lowers.size());
  for (const auto& l : lowers) classes.push_back(clusters_->Get(l));
}

// Token i's features, by what they read: the word itself; the word one or two places before or
// after it (each a function of that word alone, so Tag() memoises a word's summed weights per
// role); the token's place in the sentence; and the previous tags.
void PosTagger::OwnFeatures(std::string_view form, std::string_view w, std::string_view lemma,
                            const WordClusters::Classes* cls, std::vector<uint32_t>& out) {
  const std::string shape = Shape(form);
  out.push_back(Hash(0, "bias"));
  out.push_back(Hash(1, w));
  out.push_back(Hash(2, Suffix(w, 3)));
  out.push_back(Hash(3, Suffix(w, 2)));
  out.push_back(Hash(4, Prefix(w, 2)));
  out.push_back(Hash(5, Prefix(w, 3)));
  out.push_back(Hash(6, shape));
  out.push_back(Hash(7, lemma));
  out.push_back(Hash(18, lemma == w ? "lemma=form" : "affixed", shape));
  // Since feature version 1: the longer affixes ("meng", "peng", "-kan" + a stem letter).
  out.push_back(Hash(24, Suffix(w, 4)));
  out.push_back(Hash(25, Prefix(w, 4)));
  if (cls) {
    out.push_back(ClassFeature(20, cls->id[1]));
    out.push_back(ClassFeature(21, cls->id[0]));
  }
}

void PosTagger::NeighbourFeatures(int offset, const std::string_view* w,
                                  const WordClusters::Classes* cls, bool classes,
                                  std::vector<uint32_t>& out) {
  // w == nullptr: the neighbour is past the sentence's edge. A class id of 0xffff stands for it.
  const std::string_view edge = offset < 0 ? "<s>" : "</s>";
  const uint16_t cls_id = w && cls ? cls->id[1] : 0xffff;
  switch (offset) {
    case -1:
      out.push_back(Hash(12, w ? *w : edge));
      out.push_back(Hash(17, w ? Suffix(*w, 3) : edge));
      if (classes) out.push_back(ClassFeature(22, cls_id));
      break;
    case 1:
      out.push_back(Hash(13, w ? *w : edge));
      out.push_back(Hash(16, w ? Suffix(*w, 3) : edge));
      if (classes) out.push_back(ClassFeature(23, cls_id));
      break;
    case -2:
      out.push_back(Hash(14, w ? *w : edge));
      break;
    case 2:
      out.push_back(Hash(15, w ? *w : edge));
      break;
  }
}

uint32_t PosTagger::PlaceFeature(size_t i, std::string_view form) {
  return Hash(11, i == 0 ? "<s>" : "",
              i > 0 && !form.empty() && form[0] >= 'A' && form[0] <= 'Z' ? "cap-mid" : "-");
}

void PosTagger::HistoryFeatures(uint8_t prev, uint8_t prev2, std::string_view w,
                                std::string_view next, std::vector<uint32_t>& out) {
  char p1[2] = {static_cast<char>(prev), 0},
       p2[3] = {static_cast<char>(prev), static_cast<char>(prev2), 0};
  out.push_back(Hash(8, std::string_view(p1, 1)));
  out.push_back(Hash(9, std::string_view(p2, 2)));
  out.push_back(Hash(10, std::string_view(p1, 1), w));
  out.push_back(Hash(19, std::string_view(p1, 1), next));
}

uint32_t PosTagger::ClassFeature(uint32_t templ, uint16_t id) {
  const char b[2] = {static_cast<char>(id >> 8), static_cast<char>(id & 0xff)};
  return Hash(templ, std::string_view(b, 2));
}

void PosTagger::Features(const std::vector<PosWord>& words, const std::vector<std::string>& lowers,
                         const std::vector<WordClusters::Classes>& classes, size_t i, uint8_t prev,
                         uint8_t prev2, std::vector<uint32_t>& out) {
  out.clear();
  const bool has = !classes.empty();
  auto cls = [&](size_t k) { return has ? &classes[k] : nullptr; };
  OwnFeatures(words[i].form, lowers[i], words[i].lemma, cls(i), out);
  for (int d : {-2, -1, 1, 2}) {
    const ptrdiff_t k = static_cast<ptrdiff_t>(i) + d;
    const bool inside = k >= 0 && static_cast<size_t>(k) < words.size();
    const std::string_view w = inside ? std::string_view(lowers[k]) : std::string_view();
    NeighbourFeatures(d, inside ? &w : nullptr, inside ? cls(k) : nullptr, has, out);
  }
  out.push_back(PlaceFeature(i, words[i].form));
  HistoryFeatures(prev, prev2, lowers[i], i + 1 < words.size() ? lowers[i + 1] : "</s>", out);
}

namespace {
// A word's summed feature weights by where it stands relative to the tagged token.
struct PosRoles {
  int32_t own[kTags], prev[kTags], next[kTags], prev2[kTags], next2[kTags];
  // The sums of the word as the neighbour `offset` (-2, -1, 1, 2) places from the tagged one.
  int32_t* neighbour(int offset) {
    return offset == -2 ? prev2 : offset == -1 ? prev : offset == 1 ? next : next2;
  }
};
struct PosMemo {
  WordMemo<PosRoles> words;
  PosRoles edge;  // prev, prev2: before the sentence; next, next2: after it
  bool edge_ready = false;
  std::vector<std::string> keys;  // per token of the sentence
  std::vector<uint64_t> hashes;
  std::vector<const PosRoles*> at;
};
}  // namespace

void PosTagger::Tag(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const {
  tags.assign(words.size(), 0);
  if (model_.empty()) return;
  const size_t n = words.size();
  std::vector<uint32_t> feats;
  std::vector<std::string> lowers(n);
  for (size_t i = 0; i < n; ++i) lowers[i] = utf8::AsciiLower(words[i].form);
  const bool has = clusters_ && !clusters_->empty();
  auto sum = [&](int32_t* acc) {
    std::fill(acc, acc + kTags, 0);
    model_.Accumulate(feats.data(), feats.size(), acc);
    feats.clear();
  };
  PosMemo& memo = PerThreadFor<PosMemo>(memo_id_);
  if (!memo.edge_ready) {
    for (int d : {-2, -1, 1, 2}) {
      NeighbourFeatures(d, nullptr, nullptr, has, feats);
      sum(memo.edge.neighbour(d));
    }
    memo.edge_ready = true;
  }
  // The words' entries (their addresses hold until the next Reserve()).
  memo.words.Reserve(n);
  memo.at.resize(n);
  memo.keys.resize(n);
  memo.hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {  // first pass: the slots start loading together
    memo.keys[i].assign(words[i].form);
    memo.keys[i] += '\0';
    memo.keys[i] += words[i].lemma;
    memo.hashes[i] = memo.words.Hash(memo.keys[i]);
    memo.words.Prefetch(memo.hashes[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    memo.at[i] = &memo.words.Get(memo.keys[i], memo.hashes[i], [&](PosRoles& r) {
      const std::string_view w = lowers[i];
      WordClusters::Classes c;
      if (has) c = clusters_->Get(w);
      const WordClusters::Classes* cls = has ? &c : nullptr;
      OwnFeatures(words[i].form, w, words[i].lemma, cls, feats);
      sum(r.own);
      for (int d : {-2, -1, 1, 2}) {
        NeighbourFeatures(d, &w, cls, has, feats);
        sum(r.neighbour(d));
      }
    });
  }
  for (const PosRoles* r : memo.at) WordMemo<PosRoles>::PrefetchValue(r);
  auto word = [&](ptrdiff_t k) {
    return k >= 0 && static_cast<size_t>(k) < n ? memo.at[k] : &memo.edge;
  };
  float scores[kTags];
  uint8_t prev = kStart, prev2 = kStart;
  for (size_t i = 0; i < n; ++i) {
    const ptrdiff_t k = static_cast<ptrdiff_t>(i);
    int32_t acc[kTags];
    const PosRoles *self = memo.at[i], *p1 = word(k - 1), *p2 = word(k - 2), *n1 = word(k + 1),
                   *n2 = word(k + 2);
    for (size_t t = 0; t < kTags; ++t)
      acc[t] = self->own[t] + p1->prev[t] + p2->prev2[t] + n1->next[t] + n2->next2[t];
    feats.push_back(PlaceFeature(i, words[i].form));
    HistoryFeatures(prev, prev2, lowers[i], i + 1 < n ? lowers[i + 1] : "</s>", feats);
    model_.Accumulate(feats.data(), feats.size(), acc);
    feats.clear();
    std::fill(scores, scores + kTags, 0.f);
    model_.AddScaled(acc, scores);
    tags[i] = static_cast<uint8_t>(std::max_element(scores, scores + kTags) - scores);
    prev2 = prev;
    prev = tags[i];
  }
}

void PosTagger::TagUncached(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const {
  tags.assign(words.size(), 0);
  if (model_.empty()) return;
  std::vector<uint32_t> feats;
  std::vector<std::string> lowers(words.size());
  for (size_t i = 0; i < words.size(); ++i) lowers[i] = utf8::AsciiLower(words[i].form);
  std::vector<WordClusters::Classes> classes;
  Classify(lowers, classes);
  float scores[kTags];
  uint8_t prev = kStart, prev2 = kStart;
  for (size_t i = 0; i < words.size(); ++i) {
    Features(words, lowers, classes, i, prev, prev2, feats);
    std::fill(scores, scores + kTags, 0.f);
    model_.Score(feats, scores);
    tags[i] = static_cast<uint8_t>(std::max_element(scores, scores + kTags) - scores);
    prev2 = prev;
    prev = tags[i];
  }
}

PosTagger PosTagger::Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                           uint64_t seed, std::shared_ptr<const WordClusters> clusters) {
  PerceptronTrainer trainer(buckets, UposTags());
  PosTagger m;
  m.clusters_ = std::move(clusters);
  std::vector<WordClusters::Classes> classes;
  std::vector<uint32_t> feats;
  TrainingPasses(data.size(), epochs, seed, "train pos", [&](size_t k) {
    const Example& ex = data[k];
    std::vector<PosWord> words(ex.forms.size());
    std::vector<std::string> lowers(ex.forms.size());
    for (size_t i = 0; i < words.size(); ++i) {
      words[i] = {ex.forms[i], ex.lemmas[i]};
      lowers[i] = utf8::AsciiLower(ex.forms[i]);
    }
    m.Classify(lowers, classes);
    size_t right = 0;
    uint8_t prev = kStart, prev2 = kStart;
    for (size_t i = 0; i < words.size(); ++i) {
      Features(words, lowers, classes, i, prev, prev2, feats);
      if (ex.domain != 0) {
        const size_t shared = feats.size();
        for (size_t k = 0; k < shared; ++k) feats.push_back(FeatureMix(feats[k], ex.domain));
      }
      float scores[kTags] = {0};
      trainer.Score(feats, scores);
      uint8_t guess = static_cast<uint8_t>(std::max_element(scores, scores + kTags) - scores);
      uint8_t gold = ex.tags[i];
      trainer.Learn(feats, gold, guess);
      right += guess == gold;
      // Teacher forcing: condition the next decision on the gold history.
      prev2 = prev;
      prev = gold;
    }
    return std::pair{right, words.size()};
  });
  m.model_ = trainer.Finish();
  m.memo_id_ = NextMemoOwnerId();
  return m;
}

Status PosTagger::Save(const std::string& path) const {
  return model_.Save(path, clusters_ ? kMagicClasses : kMagic);
}

Result<PosTagger> PosTagger::LoadFromData(const std::string& data_dir) {
  std::shared_ptr<const WordClusters> clusters;
  Status st = LoadDataClusters(data_dir, clusters);
  if (!st.ok()) return st;
  return Load(data_dir + "/models/pos.bin", std::move(clusters));
}

Result<PosTagger> PosTagger::Load(const std::string& path,
                                  std::shared_ptr<const WordClusters> clusters) {
  uint8_t variant = 0, version = 0;
  auto model = HashedModel::Load(path, kMagic, UposTags(), "POS model", "linimasa train pos",
                                 &variant, &version);
  if (!model.ok()) return model.status();
  if (version != kFeatureVersion)
    return Status::Corruption(path + ": a POS model of " +
                              (version < kFeatureVersion ? "an earlier" : "a later") +
                              " linimasa (different features); rebuild it with `linimasa train "
                              "pos` (data/README.md)");
  PosTagger m;
  m.model_ = std::move(model).value();
  m.memo_id_ = NextMemoOwnerId();
  Status st =
      ClassesForModel(path, variant, "linimasa train pos", std::move(clusters), m.clusters_);
  if (!st.ok()) return st;
  return m;
}

}  // namespace linimasa::text
