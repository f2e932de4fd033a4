#include "ner/ner_tagger.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <mutex>
#include <random>

#include "core/utf8.h"
#include "core/word_memo.h"

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
  std::vector<NameGazetteer::Marks> names;           // empty without name lists
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
                                  std::shared_ptr<const text::WordClusters> clusters,
                                  std::shared_ptr<const NameGazetteer> names) {
  uint8_t variant = 0, beam = 0;
  auto m = HashedModel::Load(path, kMagic, Labels(), "NER model",
                             "linimasa train ner (see data/README.md)", &variant, &beam);
  if (!m.ok()) return m.status();
  NerTagger t;
  t.model_ = std::move(m).value();
  t.memo_id_ = NextMemoOwnerId();
  if (beam == 0)
    return Status::Corruption(path +
                              ": an NER model of an earlier linimasa (different features); rebuild "
                              "it with `linimasa train ner` (data/README.md)");
  t.beam_ = beam;
  if (variant & kNamesModel) {
    if (!names)
      return Status::InvalidArgument(path +
                                     " was trained with name lists, but none are loaded: put its "
                                     "ner/names.tsv beside it in the data folder");
    t.names_ = std::move(names);
  }
  Status st = text::ClassesForModel(path, variant & ~kNamesModel, "linimasa train ner",
                                    std::move(clusters), t.clusters_);
  if (!st.ok()) return st;
  return t;
}

Status NerTagger::Save(const std::string& path) const {
  char magic[8];
  std::memcpy(magic, clusters_ ? kMagicClasses : kMagic, 8);
  magic[6] = static_cast<char>(beam_);  // 0 in models of earlier versions
  if (names_) magic[7] = static_cast<char>(magic[7] | kNamesModel);
  return model_.Save(path, magic);
}

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

// Token i's label-independent features, by what they read: the word itself (and whether the
// sentence is in lower case only); the word one or two places before or after it (each a function
// of that word alone, so Tag() memoises a word's summed weights per role); and the window of
// words around it taken together.
void NerTagger::OwnFeatures(std::string_view form, std::string_view w, char cap,
                            const text::WordClusters::Classes* cls, std::vector<uint32_t>& out) {
  const char c[1] = {cap};
  out.push_back(FeatureHash(0, "bias"));
  out.push_back(FeatureHash(1, w));
  out.push_back(FeatureHash(2, form));
  out.push_back(FeatureHash(4, Prefix(w, 3)));
  out.push_back(FeatureHash(5, Suffix(w, 3)));
  out.push_back(FeatureHash(6, Prefix(w, 4)));
  out.push_back(FeatureHash(7, Suffix(w, 4)));
  if (cls) {
    out.push_back(ClassFeature(23, cls->id[1], std::string_view(c, 1)));
    out.push_back(ClassFeature(24, cls->id[0], {}));
  }
}

uint32_t NerTagger::ModeFeature(std::string_view shape, bool lowercase_text) {
  return FeatureHash(3, shape, lowercase_text ? "lc" : "cased");
}

void NerTagger::NeighbourFeatures(int offset, const std::string_view* w, char cap,
                                  const text::WordClusters::Classes* cls, bool classes,
                                  std::vector<uint32_t>& out) {
  // w == nullptr: the neighbour is past the sentence's edge (capitalisation '_', class 0xffff).
  const std::string_view edge = offset < 0 ? "<s>" : "</s>";
  const char c[1] = {w ? cap : '_'};
  const uint16_t id = w && cls ? cls->id[1] : 0xffff;
  switch (offset) {
    case -1:
      out.push_back(FeatureHash(8, w ? *w : edge));
      if (classes) out.push_back(ClassFeature(25, id, std::string_view(c, 1)));
      break;
    case 1:
      out.push_back(FeatureHash(9, w ? *w : edge));
      if (classes) out.push_back(ClassFeature(26, id, std::string_view(c, 1)));
      break;
    case -2:
      out.push_back(FeatureHash(10, w ? *w : edge));
      break;
    case 2:
      out.push_back(FeatureHash(11, w ? *w : edge));
      break;
  }
}

void NerTagger::WindowFeatures(const Sentence& s, size_t i, std::vector<uint32_t>& out,
                               uint32_t* bases) {
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
  const char window[3] = {cap(k - 1), cap(k), cap(k + 1)};
  const std::string_view mode = s.lowercase_text ? "lc" : "cased";
  out.push_back(FeatureHash(12, shp(k - 1), s.shape[i]));
  out.push_back(FeatureHash(13, s.shape[i], shp(k + 1)));
  out.push_back(FeatureHash(17, std::string_view(window, 3), mode));
  out.push_back(FeatureHash(18, low(k - 1), w));
  out.push_back(FeatureHash(19, w, low(k + 1)));
  out.push_back(FeatureHash(21, i == 0 ? "first" : "mid", std::string_view(window + 1, 1)));
  if (!s.names.empty()) {
    // Where the word stands in listed names, alone and with its case; the word's own lists with
    // its case.
    const NameGazetteer::Marks& m = s.names[i];
    const std::string_view here(m.data(), NameGazetteer::kTypes);
    out.push_back(FeatureHash(28, here));
    out.push_back(FeatureHash(29, here, std::string_view(window + 1, 1)));
    const char own[2] = {m[NameGazetteer::kTypes], window[1]};
    out.push_back(FeatureHash(30, std::string_view(own, 2)));
  }
  // What the previous label is joined with (bases[2], [4] and [5] are the word's, the next
  // word's and the word's class: WordBases(); Tag() takes those joins from its memo).
  bases[0] = FeatureHash(14, "");
  bases[1] = FeatureHash(15, "");
  bases[3] = FeatureHash(20, std::string_view(window, 3));
}

void NerTagger::WordBases(const std::string_view* w, const text::WordClusters::Classes* cls,
                          bool classes, uint32_t& as_word, uint32_t& as_next, uint32_t& as_class) {
  // The word `w` (null: past the end) as the labelled word, as the word after it, and its class
  // (without word classes every word is in one class).
  as_word = w ? FeatureHash(16, *w) : 0;
  as_next = FeatureHash(22, w ? *w : "</s>");
  as_class = !classes ? FeatureHash(27, "") : ClassFeature(27, cls ? cls->id[1] : 0xffff, {});
}

uint32_t NerTagger::ClassFeature(uint32_t templ, uint16_t id, std::string_view with) {
  const char b[2] = {static_cast<char>(id >> 8), static_cast<char>(id & 0xff)};
  return FeatureHash(templ, std::string_view(b, 2), with);
}

void NerTagger::StaticFeatures(const Sentence& s, size_t i, std::vector<uint32_t>& out,
                               uint32_t* bases) {
  out.clear();
  const size_t n = s.forms.size();
  const bool has = !s.classes.empty();
  auto cls = [&](size_t k) { return has ? &s.classes[k] : nullptr; };
  OwnFeatures(s.forms[i], s.lower[i], s.caps[i], cls(i), out);
  out.push_back(ModeFeature(s.shape[i], s.lowercase_text));
  for (int d : {-2, -1, 1, 2}) {
    const ptrdiff_t k = static_cast<ptrdiff_t>(i) + d;
    const bool inside = k >= 0 && static_cast<size_t>(k) < n;
    const std::string_view w = inside ? std::string_view(s.lower[k]) : std::string_view();
    NeighbourFeatures(d, inside ? &w : nullptr, inside ? s.caps[k] : '_', inside ? cls(k) : nullptr,
                      has, out);
  }
  WindowFeatures(s, i, out, bases);
  uint32_t unused, unused_next;
  const std::string_view w = s.lower[i];
  WordBases(&w, cls(i), has, bases[2], unused_next, bases[5]);
  if (i + 1 < n) {
    const std::string_view next = s.lower[i + 1];
    WordBases(&next, cls(i + 1), has, unused, bases[4], unused);
  } else {
    WordBases(nullptr, nullptr, has, unused, bases[4], unused);
  }
}

void NerTagger::Prepare(const std::vector<std::string_view>& tokens, Sentence& s,
                        bool memoised) const {
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
  s.names.clear();
  if (memoised) return;
  if (clusters_ && !clusters_->empty())
    for (const auto& l : s.lower) s.classes.push_back(clusters_->Get(l));
  if (names_) names_->Mark(tokens, s.names);
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
struct NoLookahead {
  void operator()(size_t, const uint8_t*, const uint8_t*, size_t) const {}
};
// `before(i, prevs, prev2s, m)` sees the label histories of the m hypotheses about to be scored at
// token i first (the tagger starts loading their weight rows, which are scattered).
template <typename ScoreFn, typename BeforeFn = NoLookahead>
size_t RunBeam(size_t n, size_t width, const uint8_t* gold, ScoreFn&& score, Lattice& lat,
               BeforeFn&& before = {}) {
  lat.Reset(n, width);
  uint8_t prevs[256], prev2s[256];  // width ≤ 255
  for (size_t i = 0; i < n; ++i) {
    Hyp* beam = lat.at(i);
    size_t kept = 0;
    const size_t parents = i == 0 ? 1 : lat.used[i - 1];
    for (size_t h = 0; h < parents; ++h) {
      const Hyp* p = i == 0 ? nullptr : lat.at(i - 1) + h;
      prevs[h] = p ? p->label : kStart;
      prev2s[h] = p ? p->prev : kStart;
    }
    before(i, prevs, prev2s, parents);
    for (size_t h = 0; h < parents; ++h) {
      const Hyp* p = i == 0 ? nullptr : lat.at(i - 1) + h;
      const uint8_t prev = prevs[h], prev2 = prev2s[h];
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

// Training's name-list dropout: each listed-name match (per type) and each word's own lists are
// forgotten with probability p, so the tagger learns from a name's context too and does not take
// a name missing from the lists for no name (the lists cover the training corpora's names far
// better than the names of tomorrow's news).
template <typename Coin>
void DropNames(std::vector<NameGazetteer::Marks>& m, float p, Coin&& coin) {
  for (size_t t = 0; t < NameGazetteer::kTypes; ++t)
    for (size_t i = 0; i < m.size(); ++i) {
      if (m[i][t] != 'B' && m[i][t] != 'S') continue;
      if (coin() >= p) continue;
      size_t j = i;
      if (m[i][t] == 'B')
        while (j < m.size() && m[j][t] != 'E') m[j++][t] = '-';
      if (j < m.size()) m[j][t] = '-';
    }
  for (auto& x : m)
    if (x[NameGazetteer::kTypes] != '@' && coin() < p) x[NameGazetteer::kTypes] = '@';
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

namespace {
// A word's summed feature weights by where it stands relative to the labelled token, and the
// hashed parts of its label-history features.
struct NerRoles {
  int32_t own[2][kLabels];  // [0] in a cased sentence, [1] in a lower-case-only one
  int32_t prev[kLabels], next[kLabels], prev2[kLabels], next2[kLabels];
  uint32_t as_word, as_next, as_class;
  uint16_t name_bits;  // NameGazetteer::TokenBits()
  // The sums of the word as the neighbour `offset` (-2, -1, 1, 2) places from the labelled one.
  int32_t* neighbour(int offset) {
    return offset == -2 ? prev2 : offset == -1 ? prev : offset == 1 ? next : next2;
  }
};
struct NerMemo {
  WordMemo<NerRoles> words;
  NerRoles edge;  // prev, prev2: before the sentence; next, next2, as_next: after it
  bool edge_ready = false;
  std::vector<uint64_t> hashes;  // per token of the sentence
  std::vector<const NerRoles*> at;
  std::vector<uint16_t> name_bits;  // per token of the sentence
  std::vector<uint32_t> bases;      // kHistory per token
  std::vector<float> token_scores;  // kLabels per token
};
}  // namespace

void NerTagger::Tag(const std::vector<std::string_view>& tokens,
                    std::vector<uint8_t>& labels) const {
  labels.assign(tokens.size(), 0);
  if (model_.empty() || tokens.empty()) return;
  const size_t n = tokens.size();
  Sentence s;
  Prepare(tokens, s, /*memoised=*/true);  // the memo looks classes and lists up once per word
  const bool has = clusters_ && !clusters_->empty();
  std::vector<uint32_t> feats;
  auto sum = [&](int32_t* acc) {
    std::fill(acc, acc + kLabels, 0);
    model_.Accumulate(feats.data(), feats.size(), acc);
    feats.clear();
  };
  NerMemo& memo = PerThreadFor<NerMemo>(memo_id_);
  if (!memo.edge_ready) {
    for (int d : {-2, -1, 1, 2}) {
      NeighbourFeatures(d, nullptr, '_', nullptr, has, feats);
      sum(memo.edge.neighbour(d));
    }
    WordBases(nullptr, nullptr, has, memo.edge.as_word, memo.edge.as_next, memo.edge.as_class);
    memo.edge_ready = true;
  }
  memo.words.Reserve(n);
  memo.at.resize(n);
  memo.hashes.resize(n);
  for (size_t i = 0; i < n; ++i) {  // first pass: the slots start loading together
    memo.hashes[i] = memo.words.Hash(tokens[i]);
    memo.words.Prefetch(memo.hashes[i]);
  }
  for (size_t i = 0; i < n; ++i) {
    memo.at[i] = &memo.words.Get(tokens[i], memo.hashes[i], [&](NerRoles& r) {
      const std::string_view w = s.lower[i];
      text::WordClusters::Classes c;
      if (has) c = clusters_->Get(w);
      const text::WordClusters::Classes* cls = has ? &c : nullptr;
      OwnFeatures(tokens[i], w, s.caps[i], cls, feats);
      const size_t own = feats.size();
      for (bool lc : {false, true}) {
        feats.resize(own);
        feats.push_back(ModeFeature(s.shape[i], lc));
        std::fill(r.own[lc], r.own[lc] + kLabels, 0);
        model_.Accumulate(feats.data(), feats.size(), r.own[lc]);
      }
      feats.clear();
      for (int d : {-2, -1, 1, 2}) {
        NeighbourFeatures(d, &w, s.caps[i], cls, has, feats);
        sum(r.neighbour(d));
      }
      WordBases(&w, cls, has, r.as_word, r.as_next, r.as_class);
      r.name_bits = names_ ? names_->TokenBits(tokens[i]) : 0;
    });
  }
  if (names_) {
    memo.name_bits.resize(n);
    for (size_t i = 0; i < n; ++i) memo.name_bits[i] = memo.at[i]->name_bits;
    names_->Mark(tokens, memo.name_bits.data(), s.names);
  }
  for (const NerRoles* r : memo.at) WordMemo<NerRoles>::PrefetchValue(r);
  auto word = [&](ptrdiff_t k) {
    return k >= 0 && static_cast<size_t>(k) < n ? memo.at[k] : &memo.edge;
  };
  // Scores are built in three parts: the label-independent features of every token first (no
  // token waits for another's, so their weight rows load together), those joined with the
  // previous label once per token and distinct previous label, and the one joined with the two
  // previous labels per hypothesis.
  memo.bases.resize(n * kHistory);
  memo.token_scores.assign(n * kLabels, 0.f);
  for (size_t i = 0; i < n; ++i) {
    const ptrdiff_t k = static_cast<ptrdiff_t>(i);
    const NerRoles *self = memo.at[i], *p1 = word(k - 1), *p2 = word(k - 2), *n1 = word(k + 1),
                   *n2 = word(k + 2);
    const int32_t* own = self->own[s.lowercase_text ? 1 : 0];
    int32_t acc[kLabels];
    for (size_t t = 0; t < kLabels; ++t)
      acc[t] = own[t] + p1->prev[t] + p2->prev2[t] + n1->next[t] + n2->next2[t];
    uint32_t* bases = &memo.bases[i * kHistory];
    feats.clear();
    WindowFeatures(s, i, feats, bases);
    bases[2] = self->as_word;
    bases[4] = n1->as_next;
    bases[5] = self->as_class;
    model_.Accumulate(feats.data(), feats.size(), acc);
    model_.AddScaled(acc, &memo.token_scores[i * kLabels]);
  }
  float prev_scores[kLabels + 1][kLabels];
  size_t scored = SIZE_MAX;
  uint16_t prev_done = 0;  // bit per previous label (kStart is bit kLabels)
  auto score = [&](size_t i, uint8_t prev, uint8_t prev2, float* sc) {
    const uint32_t* bases = &memo.bases[i * kHistory];
    if (scored != i) {
      scored = i;
      prev_done = 0;
    }
    const size_t pi = prev == kStart ? kLabels : prev;
    if (!(prev_done >> pi & 1)) {
      PrevFeatures(bases, prev, feats);
      std::copy(&memo.token_scores[i * kLabels], &memo.token_scores[i * kLabels] + kLabels,
                prev_scores[pi]);
      model_.Score(feats, prev_scores[pi]);
      prev_done |= static_cast<uint16_t>(1u << pi);
    }
    std::copy(prev_scores[pi], prev_scores[pi] + kLabels, sc);
    model_.AddFeature(PairFeature(bases, prev, prev2), sc);
  };
  auto lookahead = [&](size_t i, const uint8_t* prevs, const uint8_t* prev2s, size_t m) {
    const uint32_t* bases = &memo.bases[i * kHistory];
    uint16_t seen = 0;
    for (size_t h = 0; h < m; ++h) {
      model_.Prefetch(PairFeature(bases, prevs[h], prev2s[h]));
      const size_t pi = prevs[h] == kStart ? kLabels : prevs[h];
      if (seen >> pi & 1) continue;
      seen |= static_cast<uint16_t>(1u << pi);
      PrevFeatures(bases, prevs[h], feats);
      for (uint32_t f : feats) model_.Prefetch(f);
    }
  };
  Lattice lat;
  RunBeam(n, static_cast<size_t>(beam_), nullptr, score, lat, lookahead);
  BestSequence(lat, n - 1, labels);
}

void NerTagger::TagUncached(const std::vector<std::string_view>& tokens,
                            std::vector<uint8_t>& labels) const {
  labels.assign(tokens.size(), 0);
  if (model_.empty() || tokens.empty()) return;
  Sentence s;
  Prepare(tokens, s);
  std::vector<uint32_t> feats, more;
  uint32_t bases[kHistory];
  auto score = [&](size_t i, uint8_t prev, uint8_t prev2, float* sc) {
    StaticFeatures(s, i, feats, bases);
    std::fill(sc, sc + kLabels, 0.f);
    model_.Score(feats, sc);  // in Tag()'s three steps, so the float sums round alike
    PrevFeatures(bases, prev, more);
    model_.Score(more, sc);
    more.assign(1, PairFeature(bases, prev, prev2));
    model_.Score(more, sc);
  };
  Lattice lat;
  RunBeam(tokens.size(), static_cast<size_t>(beam_), nullptr, score, lat);
  BestSequence(lat, tokens.size() - 1, labels);
}

NerTagger NerTagger::Train(const std::vector<Example>& data, int epochs, uint32_t buckets,
                           uint64_t seed, std::shared_ptr<const text::WordClusters> clusters,
                           int beam, std::shared_ptr<const NameGazetteer> names,
                           float names_dropout) {
  PerceptronTrainer trainer(buckets, Labels());
  NerTagger t;
  t.clusters_ = std::move(clusters);
  t.names_ = std::move(names);
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
  std::mt19937_64 drop_rng(seed ^ 0x9e3779b97f4a7c15ull);
  std::uniform_real_distribution<float> coin(0.f, 1.f);
  TrainingPasses(data.size(), epochs, seed, "train ner", [&](size_t k) {
    const Example& ex = data[k];
    std::vector<std::string_view> toks(ex.tokens.begin(), ex.tokens.end());
    Sentence s;
    t.Prepare(toks, s);
    if (names_dropout > 0.f) DropNames(s.names, names_dropout, [&] { return coin(drop_rng); });
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
  t.memo_id_ = NextMemoOwnerId();
  return t;
}

Status LoadDataNames(const std::string& data_dir, std::shared_ptr<const NameGazetteer>& out) {
  out.reset();
  const std::string path = data_dir + "/ner/names.tsv";
  if (!std::filesystem::exists(path)) return Status::Ok();
  // One copy per process while any holder lives: `tag ner` loads a tagger beside the entities
  // stage's (the lists take 0.3 s and 40 MB to build).
  static std::mutex mu;
  static std::map<std::string, std::weak_ptr<const NameGazetteer>> loaded;
  std::lock_guard<std::mutex> lock(mu);
  if ((out = loaded[path].lock())) return Status::Ok();
  auto g = NameGazetteer::Load(path);
  if (!g.ok()) return g.status();
  out = std::make_shared<const NameGazetteer>(std::move(g).value());
  loaded[path] = out;
  return Status::Ok();
}

}  // namespace linimasa::ner
