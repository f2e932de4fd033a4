#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstdio>
#include <random>

#include "core/utf8.h"

namespace linimasa::ner {

namespace {
constexpr size_t kLabels = 7;
constexpr uint8_t kStart = 255;

bool Upper(std::string_view s) { return !s.empty() && s[0] >= 'A' && s[0] <= 'Z'; }
bool HasUpper(std::string_view s) {
  for (char c : s)
    if (c >= 'A' && c <= 'Z') return true;
  return false;
}
// The entity type of a label index (0 = O; 1 PER, 2 ORG, 3 LOC) and whether it is an I-.
int TypeOf(uint8_t l) { return l == 0 ? 0 : (l + 1) / 2; }
bool IsInside(uint8_t l) { return l != 0 && l % 2 == 0; }
}  // namespace

struct NerTagger::Sentence {
  std::vector<std::string_view> forms;
  std::vector<std::string> lower, shape;
  std::string caps;  // per token: 'C' capitalised, 'U' all caps, 'l' lower, 'o' other
  bool lowercase_text = false;
  std::vector<text::WordClusters::Classes> classes;  // empty without word classes
};

const std::vector<std::string>& NerTagger::Labels() {
  static const std::vector<std::string> l = {"O",     "B-PER", "I-PER", "B-ORG",
                                             "I-ORG", "B-LOC", "I-LOC"};
  return l;
}

uint8_t NerTagger::MapLabel(std::string_view label, bool continues) {
  std::string l = utf8::AsciiLower(label);
  bool inside = false;
  if (l.size() > 2 && l[1] == '-') {
    inside = l[0] == 'i' || l[0] == 'e' || l[0] == 'l';
    l = l.substr(2);
  } else {
    inside = continues;  // IO scheme: a run of one type is one entity
  }
  int type = 0;
  if (l == "person" || l == "per" || l == "ppl")
    type = 1;
  else if (l == "organisation" || l == "organization" || l == "org" || l == "ind")
    type = 2;
  else if (l == "place" || l == "plc" || l == "loc" || l == "location" || l == "gpe" || l == "fac")
    type = 3;
  if (!type) return 0;
  return static_cast<uint8_t>(type * 2 - 1 + (inside ? 1 : 0));
}

Result<NerTagger> NerTagger::Load(const std::string& path,
                                  std::shared_ptr<const text::WordClusters> clusters) {
  uint8_t variant = 0;
  auto m = HashedModel::Load(path, kMagic, Labels(), "NER model",
                             "linimasa train ner (see data/README.md)", &variant);
  if (!m.ok()) return m.status();
  NerTagger t;
  t.model_ = std::move(m).value();
  Status st =
      text::ClassesForModel(path, variant, "linimasa train ner", std::move(clusters), t.clusters_);
  if (!st.ok()) return st;
  return t;
}

void NerTagger::Features(const Sentence& s, size_t i, uint8_t prev, uint8_t prev2,
                         std::vector<uint32_t>& out) {
  out.clear();
  const size_t n = s.forms.size();
  const std::string_view bos = "<s>", eos = "</s>";
  auto low = [&](ptrdiff_t k) -> std::string_view {
    return k < 0 ? bos : static_cast<size_t>(k) >= n ? eos : std::string_view(s.lower[k]);
  };
  auto shp = [&](ptrdiff_t k) -> std::string_view {
    return k < 0 ? bos : static_cast<size_t>(k) >= n ? eos : std::string_view(s.shape[k]);
  };
  auto cap = [&](ptrdiff_t k) -> char {
    return k < 0 || static_cast<size_t>(k) >= n ? '_' : s.caps[k];
  };
  const ptrdiff_t k = static_cast<ptrdiff_t>(i);
  const std::string_view w = s.lower[i];
  char p1[1] = {static_cast<char>(prev)},
       p2[2] = {static_cast<char>(prev), static_cast<char>(prev2)};
  char window[3] = {cap(k - 1), cap(k), cap(k + 1)};
  const std::string_view mode = s.lowercase_text ? "lc" : "cased";
  out.push_back(FeatureHash(0, "bias"));
  out.push_back(FeatureHash(1, w));
  out.push_back(FeatureHash(2, s.forms[i]));
  out.push_back(FeatureHash(3, s.shape[i], mode));
  out.push_back(FeatureHash(4, Prefix(w, 3)));
  out.push_back(FeatureHash(5, Suffix(w, 3)));
  out.push_back(FeatureHash(6, Prefix(w, 4)));
  out.push_back(FeatureHash(7, Suffix(w, 4)));
  out.push_back(FeatureHash(8, low(k - 1)));
  out.push_back(FeatureHash(9, low(k + 1)));
  out.push_back(FeatureHash(10, low(k - 2)));
  out.push_back(FeatureHash(11, low(k + 2)));
  out.push_back(FeatureHash(12, shp(k - 1), s.shape[i]));
  out.push_back(FeatureHash(13, s.shape[i], shp(k + 1)));
  out.push_back(FeatureHash(14, std::string_view(p1, 1)));
  out.push_back(FeatureHash(15, std::string_view(p2, 2)));
  out.push_back(FeatureHash(16, std::string_view(p1, 1), w));
  out.push_back(FeatureHash(17, std::string_view(window, 3), mode));
  out.push_back(FeatureHash(18, low(k - 1), w));
  out.push_back(FeatureHash(19, w, low(k + 1)));
  out.push_back(FeatureHash(20, std::string_view(p1, 1), std::string_view(window, 3)));
  out.push_back(FeatureHash(21, i == 0 ? "first" : "mid", std::string_view(window + 1, 1)));
  out.push_back(FeatureHash(22, std::string_view(p1, 1), low(k + 1)));
  if (!s.classes.empty()) {
    // A class id as two bytes; "\xff\xff" stands for the sentence boundary.
    auto cls = [&](ptrdiff_t j, size_t level, char* buf) {
      uint16_t id = j < 0 || static_cast<size_t>(j) >= n ? 0xffff : s.classes[j].id[level];
      buf[0] = static_cast<char>(id >> 8);
      buf[1] = static_cast<char>(id & 0xff);
      return std::string_view(buf, 2);
    };
    char a[2], b[2], c[2], d[2];
    out.push_back(FeatureHash(23, cls(k, 1, a), std::string_view(window + 1, 1)));
    out.push_back(FeatureHash(24, cls(k, 0, b)));
    out.push_back(FeatureHash(25, cls(k - 1, 1, c), std::string_view(window, 1)));
    out.push_back(FeatureHash(26, cls(k + 1, 1, d), std::string_view(window + 2, 1)));
    out.push_back(FeatureHash(27, std::string_view(p1, 1), std::string_view(a, 2)));
  }
}

void NerTagger::Prepare(const std::vector<std::string_view>& tokens, Sentence& s) const {
  s.forms = tokens;
  s.lower.resize(tokens.size());
  s.shape.resize(tokens.size());
  s.caps.assign(tokens.size(), 'o');
  bool any_upper = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    std::string_view t = tokens[i];
    s.lower[i] = utf8::AsciiLower(t);
    s.shape[i] = WordShape(t);
    bool all_caps = Upper(t) && t.size() > 1;
    for (char c : t)
      if (c >= 'a' && c <= 'z') all_caps = false;
    s.caps[i] = all_caps                                     ? 'U'
                : Upper(t)                                   ? 'C'
                : (!t.empty() && t[0] >= 'a' && t[0] <= 'z') ? 'l'
                                                             : 'o';
    any_upper = any_upper || HasUpper(t);
  }
  s.lowercase_text = !any_upper && tokens.size() > 3;
  s.classes.clear();
  if (clusters_ && !clusters_->empty())
    for (const auto& l : s.lower) s.classes.push_back(clusters_->Get(l));
}

namespace {
// Index of the best label allowed after `prev` (an I-X only after B-X or I-X).
uint8_t Best(const float* scores, uint8_t prev) {
  uint8_t best = 0;
  float best_score = -1e30f;
  for (uint8_t l = 0; l < kLabels; ++l) {
    if (IsInside(l) && (prev == kStart || TypeOf(prev) != TypeOf(l))) continue;
    if (scores[l] > best_score) best_score = scores[l], best = l;
  }
  return best;
}
}  // namespace

void NerTagger::Tag(const std::vector<std::string_view>& tokens,
                    std::vector<uint8_t>& labels) const {
  labels.assign(tokens.size(), 0);
  if (model_.empty() || tokens.empty()) return;
  Sentence s;
  Prepare(tokens, s);
  std::vector<uint32_t> feats;
  uint8_t prev = kStart, prev2 = kStart;
  for (size_t i = 0; i < tokens.size(); ++i) {
    Features(s, i, prev, prev2, feats);
    float scores[kLabels] = {0};
    model_.Score(feats, scores);
    labels[i] = Best(scores, prev);
    prev2 = prev;
    prev = labels[i];
  }
}

NerTagger NerTagger::Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                           uint64_t seed, std::shared_ptr<const text::WordClusters> clusters) {
  PerceptronTrainer trainer(buckets, Labels());
  NerTagger t;
  t.clusters_ = std::move(clusters);
  std::vector<uint32_t> feats;
  TrainingPasses(data.size(), epochs, seed, "train ner", [&](size_t k) {
    const Example& ex = data[k];
    std::vector<std::string_view> toks(ex.tokens.begin(), ex.tokens.end());
    Sentence s;
    t.Prepare(toks, s);
    size_t right = 0;
    uint8_t prev = kStart, prev2 = kStart;
    for (size_t i = 0; i < toks.size(); ++i) {
      Features(s, i, prev, prev2, feats);
      float scores[kLabels] = {0};
      trainer.Score(feats, scores);
      uint8_t guess = Best(scores, prev);
      uint8_t gold = ex.labels[i];
      trainer.Learn(feats, gold, guess);
      right += guess == gold;
      prev2 = prev;  // teacher forcing, as in the POS tagger
      prev = gold;
    }
    return std::pair{right, toks.size()};
  });
  t.model_ = trainer.Finish();
  return t;
}

}  // namespace linimasa::ner
