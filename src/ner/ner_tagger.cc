#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
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
  uint8_t variant = 0, beam = 0;
  auto m = HashedModel::Load(path, kMagic, Labels(), "NER model",
                             "linimasa train ner (see data/README.md)", &variant, &beam);
  if (!m.ok()) return m.status();
  NerTagger t;
  t.model_ = std::move(m).value();
  if (beam == 0)
    return Status::Corruption(path +
                              ": an NER model of an earlier linimasa (different features); rebuild "
                              "it with `linimasa train ner` (data/README.md)");
  t.beam_ = beam;
  Status st =
      text::ClassesForModel(path, variant, "linimasa train ner", std::move(clusters), t.clusters_);
  if (!st.ok()) return st;
  return t;
}

Status NerTagger::Save(const std::string& path) const {
  char magic[8];
  std::memcpy(magic, clusters_ ? kMagicClasses : kMagic, 8);
  magic[6] = static_cast<char>(beam_);  // 0 in models of earlier versions
  return model_.Save(path, magic);
}

namespace {
// A class id as two bytes; "\xff\xff" stands for the sentence boundary.
std::string_view ClassBytes(const std::vector<text::WordClusters::Classes>& classes, ptrdiff_t j,
                            size_t level, char* buf) {
  uint16_t id = j < 0 || static_cast<size_t>(j) >= classes.size() ? 0xffff : classes[j].id[level];
  buf[0] = static_cast<char>(id >> 8);
  buf[1] = static_cast<char>(id & 0xff);
  return std::string_view(buf, 2);
}
}  // namespace

void NerTagger::PrevFeatures(const uint32_t* bases, uint8_t prev, std::vector<uint32_t>& out) {
  out.resize(kHistory - 1);
  out[0] = FeatureMix(bases[0], prev);                                            // previous label
  for (size_t k = 2; k < kHistory; ++k) out[k - 1] = FeatureMix(bases[k], prev);  // × context
}

uint32_t NerTagger::PairFeature(const uint32_t* bases, uint8_t prev, uint8_t prev2) {
  return FeatureMix(bases[1], prev | uint32_t{prev2} << 8);  // the two previous labels
}

void NerTagger::HistoryFeatures(const uint32_t* bases, uint8_t prev, uint8_t prev2,
                                std::vector<uint32_t>& out) {
  PrevFeatures(bases, prev, out);
  out.push_back(PairFeature(bases, prev, prev2));
}

void NerTagger::StaticFeatures(const Sentence& s, size_t i, std::vector<uint32_t>& out,
                               uint32_t* bases) {
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
  out.push_back(FeatureHash(17, std::string_view(window, 3), mode));
  out.push_back(FeatureHash(18, low(k - 1), w));
  out.push_back(FeatureHash(19, w, low(k + 1)));
  out.push_back(FeatureHash(21, i == 0 ? "first" : "mid", std::string_view(window + 1, 1)));
  if (!s.classes.empty()) {
    char a[2], b[2], c[2], d[2];
    const auto& cl = s.classes;
    out.push_back(FeatureHash(23, ClassBytes(cl, k, 1, a), std::string_view(window + 1, 1)));
    out.push_back(FeatureHash(24, ClassBytes(cl, k, 0, b)));
    out.push_back(FeatureHash(25, ClassBytes(cl, k - 1, 1, c), std::string_view(window, 1)));
    out.push_back(FeatureHash(26, ClassBytes(cl, k + 1, 1, d), std::string_view(window + 2, 1)));
  }
  // What the previous label is joined with: nothing, nothing (for the two previous labels), the
  // word, the capitalisation window, the next word, the word's class.
  bases[0] = FeatureHash(14, "");
  bases[1] = FeatureHash(15, "");
  bases[2] = FeatureHash(16, w);
  bases[3] = FeatureHash(20, std::string_view(window, 3));
  bases[4] = FeatureHash(22, low(k + 1));
  char a[2];  // without word classes every word is in one class
  bases[5] =
      s.classes.empty() ? FeatureHash(27, "") : FeatureHash(27, ClassBytes(s.classes, k, 1, a));
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
bool Allowed(uint8_t l, uint8_t prev) {
  return !IsInside(l) || (prev != kStart && TypeOf(prev) == TypeOf(l));
}
// B-X right after an X: two names of one type with nothing between them, which news text writes
// as one name ("Seskab Teddy Indra Wijaya" is not "Seskab Teddy" + "Indra Wijaya"; lists have
// commas or "dan"). Not predicted; the training corpora have it in under 1% of their names, mostly
// as annotation slips, so training keeps their labels.
bool SplitsName(uint8_t l, uint8_t prev) {
  return l != 0 && !IsInside(l) && prev != kStart && prev != 0 && TypeOf(prev) == TypeOf(l);
}

// One partial label sequence of the beam; the sequence is recovered through `parent`.
struct Hyp {
  int32_t parent;       // index in the previous position's beam; -1 at the first token
  uint8_t label, prev;  // its last label and the one before it (kStart at the start)
  bool gold;            // the sequence so far equals the gold one (training only)
  float score;
};
// The beams of a sentence: token i's hypotheses are at(i)[0..size(i)), best first.
struct Lattice {
  size_t width = 1;
  std::vector<Hyp> hyps;      // n × width
  std::vector<uint8_t> used;  // hypotheses kept per token
  void Reset(size_t n, size_t w) {
    width = w;
    hyps.resize(n * w);
    used.assign(n, 0);
  }
  Hyp* at(size_t i) { return hyps.data() + i * width; }
  const Hyp* at(size_t i) const { return hyps.data() + i * width; }
};

// Beam search over the labels of n tokens (lat.at(i) is the beam after token i); a beam of width 1
// is greedy decoding. score(i, prev, prev2, scores) sets each label's score. With `gold` it stops
// at the first token after which no hypothesis is the gold sequence (early update) and returns
// that position; otherwise it returns n.
template <typename ScoreFn>
size_t RunBeam(size_t n, size_t width, const uint8_t* gold, ScoreFn&& score, Lattice& lat) {
  lat.Reset(n, width);
  for (size_t i = 0; i < n; ++i) {
    Hyp* beam = lat.at(i);
    size_t kept = 0;
    const size_t parents = i == 0 ? 1 : lat.used[i - 1];
    for (size_t h = 0; h < parents; ++h) {
      const Hyp* p = i == 0 ? nullptr : lat.at(i - 1) + h;
      const uint8_t prev = p ? p->label : kStart, prev2 = p ? p->prev : kStart;
      float sc[kLabels];
      score(i, prev, prev2, sc);
      for (uint8_t l = 0; l < kLabels; ++l) {
        if (!Allowed(l, prev) || (!gold && SplitsName(l, prev))) continue;
        const float total = (p ? p->score : 0.f) + sc[l];
        // Insert in order, after every hypothesis scoring at least as much: ties keep the earlier
        // parent, then the lower label (so width 1 decodes exactly as a greedy arg-max would).
        size_t at = kept;
        while (at > 0 && beam[at - 1].score < total) --at;
        if (at >= width) continue;
        if (kept < width) ++kept;
        for (size_t j = kept - 1; j > at; --j) beam[j] = beam[j - 1];
        beam[at] = {p ? static_cast<int32_t>(h) : -1, l, prev,
                    gold && (!p || p->gold) && gold[i] == l, total};
      }
    }
    lat.used[i] = static_cast<uint8_t>(kept);
    if (gold && std::none_of(beam, beam + kept, [](const Hyp& x) { return x.gold; })) return i;
  }
  return n;
}

// The labels of the best sequence through token `last`.
void BestSequence(const Lattice& lat, size_t last, std::vector<uint8_t>& out) {
  out.assign(last + 1, 0);
  int32_t h = 0;
  for (size_t i = last + 1; i-- > 0;) {
    out[i] = lat.at(i)[h].label;
    h = lat.at(i)[h].parent;
  }
}
}  // namespace

void NerTagger::Tag(const std::vector<std::string_view>& tokens,
                    std::vector<uint8_t>& labels) const {
  labels.assign(tokens.size(), 0);
  if (model_.empty() || tokens.empty()) return;
  Sentence s;
  Prepare(tokens, s);
  std::vector<uint32_t> feats, pair(1);
  uint32_t bases[kHistory];
  // Scores are built in three parts: the label-independent features once per token, those joined
  // with the previous label once per distinct previous label, and the one joined with the two
  // previous labels per hypothesis.
  float token_scores[kLabels], prev_scores[kLabels + 1][kLabels];
  size_t scored = SIZE_MAX;
  uint16_t prev_done = 0;  // bit per previous label (kStart is bit kLabels)
  auto score = [&](size_t i, uint8_t prev, uint8_t prev2, float* sc) {
    if (scored != i) {
      StaticFeatures(s, i, feats, bases);
      std::fill(token_scores, token_scores + kLabels, 0.f);
      model_.Score(feats, token_scores);
      scored = i;
      prev_done = 0;
    }
    const size_t pi = prev == kStart ? kLabels : prev;
    if (!(prev_done >> pi & 1)) {
      PrevFeatures(bases, prev, feats);
      std::copy(token_scores, token_scores + kLabels, prev_scores[pi]);
      model_.Score(feats, prev_scores[pi]);
      prev_done |= static_cast<uint16_t>(1u << pi);
    }
    std::copy(prev_scores[pi], prev_scores[pi] + kLabels, sc);
    pair[0] = PairFeature(bases, prev, prev2);
    model_.Score(pair, sc);
  };
  Lattice lat;
  RunBeam(tokens.size(), static_cast<size_t>(beam_), nullptr, score, lat);
  BestSequence(lat, tokens.size() - 1, labels);
}

NerTagger NerTagger::Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                           uint64_t seed, std::shared_ptr<const text::WordClusters> clusters,
                           int beam) {
  PerceptronTrainer trainer(buckets, Labels());
  NerTagger t;
  t.clusters_ = std::move(clusters);
  t.beam_ = std::clamp(beam, 1, 255);
  std::vector<uint32_t> feats, more;
  uint32_t bases[kHistory];
  auto features = [&](const Sentence& s, size_t i, uint8_t prev, uint8_t prev2) {
    StaticFeatures(s, i, feats, bases);
    HistoryFeatures(bases, prev, prev2, more);
    feats.insert(feats.end(), more.begin(), more.end());
  };
  Lattice lat;
  std::vector<uint8_t> pred;
  TrainingPasses(data.size(), epochs, seed, "train ner", [&](size_t k) {
    const Example& ex = data[k];
    std::vector<std::string_view> toks(ex.tokens.begin(), ex.tokens.end());
    Sentence s;
    t.Prepare(toks, s);
    const size_t n = toks.size();
    size_t right = 0;
    if (t.beam_ == 1) {
      uint8_t prev = kStart, prev2 = kStart;
      for (size_t i = 0; i < n; ++i) {
        features(s, i, prev, prev2);
        float scores[kLabels] = {0};
        trainer.Score(feats, scores);
        uint8_t guess = 0;
        float best = -1e30f;
        for (uint8_t l = 0; l < kLabels; ++l)
          if (Allowed(l, prev) && scores[l] > best) best = scores[l], guess = l;
        uint8_t gold = ex.labels[i];
        trainer.Learn(feats, gold, guess);
        right += guess == gold;
        prev2 = prev;  // teacher forcing, as in the POS tagger
        prev = gold;
      }
      return std::pair{right, n};
    }
    if (n == 0) return std::pair{size_t{0}, size_t{0}};
    auto score = [&](size_t i, uint8_t prev, uint8_t prev2, float* sc) {
      features(s, i, prev, prev2);
      std::fill(sc, sc + kLabels, 0.f);
      trainer.Score(feats, sc);
    };
    const size_t fell = RunBeam(n, static_cast<size_t>(t.beam_), ex.labels.data(), score, lat);
    const size_t last = fell < n ? fell : n - 1;
    BestSequence(lat, last, pred);
    // Update on the prefix through `last`: the gold sequence's features up, the predicted ones
    // down (tokens before the first difference cancel and are skipped).
    size_t first = 0;
    while (first <= last && pred[first] == ex.labels[first]) ++first;
    for (size_t i = first; i <= last; ++i) {
      auto lab = [&](const std::vector<uint8_t>& v, ptrdiff_t j) {
        return j < 0 ? kStart : v[static_cast<size_t>(j)];
      };
      const ptrdiff_t j = static_cast<ptrdiff_t>(i);
      features(s, i, lab(ex.labels, j - 1), lab(ex.labels, j - 2));
      trainer.Add(feats, ex.labels[i], 1.f);
      features(s, i, lab(pred, j - 1), lab(pred, j - 2));
      trainer.Add(feats, pred[i], -1.f);
    }
    trainer.Tick();
    for (size_t i = 0; i <= last; ++i) right += pred[i] == ex.labels[i];
    return std::pair{right, n};
  });
  t.model_ = trainer.Finish();
  return t;
}

}  // namespace linimasa::ner
