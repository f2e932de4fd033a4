#include "text/pos_tagger.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>

#include "core/file_env.h"
#include "core/utf8.h"

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

void PosTagger::Features(const std::vector<PosWord>& words, const std::vector<std::string>& lowers,
                         const std::vector<WordClusters::Classes>& classes, size_t i, uint8_t prev,
                         uint8_t prev2, std::vector<uint32_t>& out) {
  out.clear();
  auto lower = [&](size_t k) -> const std::string& { return lowers[k]; };
  const std::string& w = lower(i);
  std::string_view f = words[i].form;
  char p1[2] = {static_cast<char>(prev), 0},
       p2[3] = {static_cast<char>(prev), static_cast<char>(prev2), 0};
  out.push_back(Hash(0, "bias"));
  out.push_back(Hash(1, w));
  out.push_back(Hash(2, Suffix(w, 3)));
  out.push_back(Hash(3, Suffix(w, 2)));
  out.push_back(Hash(4, Prefix(w, 2)));
  out.push_back(Hash(5, Prefix(w, 3)));
  out.push_back(Hash(6, Shape(f)));
  out.push_back(Hash(7, words[i].lemma));
  out.push_back(Hash(8, std::string_view(p1, 1)));
  out.push_back(Hash(9, std::string_view(p2, 2)));
  out.push_back(Hash(10, std::string_view(p1, 1), w));
  out.push_back(Hash(11, i == 0 ? "<s>" : "",
                     i > 0 && !f.empty() && f[0] >= 'A' && f[0] <= 'Z' ? "cap-mid" : "-"));
  const std::string_view bos = "<s>", eos = "</s>";
  const std::string_view next = i + 1 < words.size() ? std::string_view(lower(i + 1)) : eos;
  const std::string_view prevw = i > 0 ? std::string_view(lower(i - 1)) : bos;
  out.push_back(Hash(12, prevw));
  out.push_back(Hash(13, next));
  out.push_back(Hash(14, i > 1 ? std::string_view(lower(i - 2)) : bos));
  out.push_back(Hash(15, i + 2 < words.size() ? std::string_view(lower(i + 2)) : eos));
  out.push_back(Hash(16, i + 1 < words.size() ? Suffix(next, 3) : eos));
  out.push_back(Hash(17, i > 0 ? Suffix(prevw, 3) : bos));
  out.push_back(Hash(18, words[i].lemma == w ? "lemma=form" : "affixed", Shape(f)));
  out.push_back(Hash(19, std::string_view(p1, 1), next));
  // Since feature version 1: the longer affixes ("meng", "peng", "-kan" + a stem letter).
  out.push_back(Hash(24, Suffix(w, 4)));
  out.push_back(Hash(25, Prefix(w, 4)));
  if (!classes.empty()) {
    // A class id as two bytes; "\xff\xff" stands for the sentence boundary.
    auto cls = [&](size_t k, size_t level, char* buf) {
      uint16_t id = k < classes.size() ? classes[k].id[level] : 0xffff;
      buf[0] = static_cast<char>(id >> 8);
      buf[1] = static_cast<char>(id & 0xff);
      return std::string_view(buf, 2);
    };
    char a[2], b[2], c[2], d[2];
    const size_t none = classes.size();
    out.push_back(Hash(20, cls(i, 1, a)));
    out.push_back(Hash(21, cls(i, 0, b)));
    out.push_back(Hash(22, cls(i > 0 ? i - 1 : none, 1, c)));
    out.push_back(Hash(23, cls(i + 1, 1, d)));
  }
}

void PosTagger::Tag(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const {
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
  Status st =
      ClassesForModel(path, variant, "linimasa train pos", std::move(clusters), m.clusters_);
  if (!st.ok()) return st;
  return m;
}

}  // namespace linimasa::text
