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
constexpr char kMagic[8] = {'L', 'M', 'P', 'O', 'S', 0, 0, 1};
constexpr uint8_t kStart = 255;  // "no previous tag"

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

uint32_t Hash(uint32_t templ, std::string_view a, std::string_view b = {}) {
  uint64_t h = 1469598103934665603ULL ^ (templ * 0x9E3779B97F4A7C15ULL);
  h = Fnv(h, a);
  if (!b.empty()) { h = Fnv(h ^ 0xFF, b); }
  return static_cast<uint32_t>(h ^ (h >> 32));
}

std::string Shape(std::string_view f) {
  std::string s;
  for (size_t i = 0; i < f.size() && s.size() < 6; ++i) {
    unsigned char c = static_cast<unsigned char>(f[i]);
    char k = c >= 'A' && c <= 'Z' ? 'X' : c >= 'a' && c <= 'z' ? 'x' : c >= '0' && c <= '9' ? 'd' : c >= 0x80 ? 'u' : static_cast<char>(c);
    if (s.empty() || s.back() != k) s += k;
  }
  return s;
}

std::string_view Suffix(std::string_view s, size_t n) { return s.size() > n ? s.substr(s.size() - n) : s; }
std::string_view Prefix(std::string_view s, size_t n) { return s.size() > n ? s.substr(0, n) : s; }

}  // namespace

const std::vector<std::string>& PosTagger::UposTags() {
  static const std::vector<std::string> t = {"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM",
                                             "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
  return t;
}

void PosTagger::Features(const std::vector<PosWord>& words, const std::vector<std::string>& lowers,
                         size_t i, uint8_t prev, uint8_t prev2, std::vector<uint32_t>& out) const {
  out.clear();
  auto lower = [&](size_t k) -> const std::string& { return lowers[k]; };
  const std::string& w = lower(i);
  std::string_view f = words[i].form;
  char p1[2] = {static_cast<char>(prev), 0}, p2[3] = {static_cast<char>(prev), static_cast<char>(prev2), 0};
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
  out.push_back(Hash(11, i == 0 ? "<s>" : "", i > 0 && !f.empty() && f[0] >= 'A' && f[0] <= 'Z' ? "cap-mid" : "-"));
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
  for (uint32_t& h : out) h %= buckets_;
}

void PosTagger::Tag(const std::vector<PosWord>& words, std::vector<uint8_t>& tags) const {
  tags.assign(words.size(), 0);
  if (weights_.empty()) return;
  std::vector<uint32_t> feats;
  std::vector<std::string> lowers(words.size());
  for (size_t i = 0; i < words.size(); ++i) lowers[i] = utf8::AsciiLower(words[i].form);
  int32_t scores[kTags];
  uint8_t prev = kStart, prev2 = kStart;
  for (size_t i = 0; i < words.size(); ++i) {
    Features(words, lowers, i, prev, prev2, feats);
    std::fill(scores, scores + kTags, 0);
    for (uint32_t f : feats) {
      const int16_t* row = &weights_[static_cast<size_t>(f) * kTags];
      for (size_t t = 0; t < kTags; ++t) scores[t] += row[t];
    }
    tags[i] = static_cast<uint8_t>(std::max_element(scores, scores + kTags) - scores);
    prev2 = prev;
    prev = tags[i];
  }
}

PosTagger PosTagger::Train(const std::vector<Example>& data, int epochs, uint32_t buckets, uint64_t seed) {
  PosTagger m;
  m.buckets_ = buckets;
  const size_t n = static_cast<size_t>(buckets) * kTags;
  std::vector<float> w(n, 0.f), total(n, 0.f);
  std::vector<uint32_t> stamp(n, 0);
  uint32_t clock = 1;
  std::vector<size_t> order(data.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> feats;
  auto update = [&](size_t idx, float delta) {
    total[idx] += static_cast<float>(clock - stamp[idx]) * w[idx];
    stamp[idx] = clock;
    w[idx] += delta;
  };
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t correct = 0, seen = 0;
    for (size_t k : order) {
      const Example& ex = data[k];
      std::vector<PosWord> words(ex.forms.size());
      std::vector<std::string> lowers(ex.forms.size());
      for (size_t i = 0; i < words.size(); ++i) {
        words[i] = {ex.forms[i], ex.lemmas[i]};
        lowers[i] = utf8::AsciiLower(ex.forms[i]);
      }
      uint8_t prev = kStart, prev2 = kStart;
      for (size_t i = 0; i < words.size(); ++i) {
        m.Features(words, lowers, i, prev, prev2, feats);
        float scores[kTags] = {0};
        for (uint32_t f : feats)
          for (size_t t = 0; t < kTags; ++t) scores[t] += w[static_cast<size_t>(f) * kTags + t];
        uint8_t guess = static_cast<uint8_t>(std::max_element(scores, scores + kTags) - scores);
        uint8_t gold = ex.tags[i];
        if (guess != gold) {
          for (uint32_t f : feats) {
            update(static_cast<size_t>(f) * kTags + gold, 1.f);
            update(static_cast<size_t>(f) * kTags + guess, -1.f);
          }
        } else {
          ++correct;
        }
        ++seen;
        ++clock;
        // Teacher forcing: condition the next decision on the gold history.
        prev2 = prev;
        prev = gold;
      }
    }
    std::fprintf(stderr, "train pos: epoch %d: %.2f%% of training words right\n", epoch + 1,
                 seen ? 100.0 * static_cast<double>(correct) / static_cast<double>(seen) : 0.0);
  }
  // Average, then quantise to int16 with one scale.
  float max_abs = 0.f;
  for (size_t i = 0; i < n; ++i) {
    total[i] += static_cast<float>(clock - stamp[i]) * w[i];
    total[i] /= static_cast<float>(clock);
    max_abs = std::max(max_abs, std::fabs(total[i]));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32000.f : 1.f;
  m.weights_.resize(n);
  for (size_t i = 0; i < n; ++i) m.weights_[i] = static_cast<int16_t>(std::lround(total[i] / m.scale_));
  return m;
}

Status PosTagger::Save(const std::string& path) const {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot write the model: " + std::strerror(errno));
  uint32_t hdr[2] = {buckets_, static_cast<uint32_t>(kTags)};
  bool ok = std::fwrite(kMagic, 1, sizeof kMagic, f) == sizeof kMagic && std::fwrite(hdr, sizeof hdr, 1, f) == 1 &&
            std::fwrite(&scale_, sizeof scale_, 1, f) == 1;
  for (const auto& t : UposTags()) ok = ok && std::fprintf(f, "%s\n", t.c_str()) > 0;
  ok = ok && std::fwrite(weights_.data(), sizeof(int16_t), weights_.size(), f) == weights_.size();
  ok = (std::fclose(f) == 0) && ok;
  return ok ? Status::Ok() : Status::IOError(path + ": writing the model failed");
}

Result<PosTagger> PosTagger::Load(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, 256 << 20);
  if (!bytes.ok()) return bytes.status();
  std::string_view b = *bytes;
  auto bad = [&](const char* why) {
    return Status::Corruption(path + ": not a linimasa POS model (" + why + "); rebuild it with `linimasa train pos`");
  };
  if (b.size() < sizeof kMagic + 12 || std::memcmp(b.data(), kMagic, sizeof kMagic) != 0) return bad("wrong magic or version");
  PosTagger m;
  uint32_t hdr[2];
  std::memcpy(hdr, b.data() + sizeof kMagic, sizeof hdr);
  std::memcpy(&m.scale_, b.data() + sizeof kMagic + sizeof hdr, sizeof m.scale_);
  if (hdr[1] != kTags || hdr[0] == 0 || hdr[0] > (1u << 24)) return bad("bad header");
  m.buckets_ = hdr[0];
  size_t pos = sizeof kMagic + sizeof hdr + sizeof m.scale_;
  for (const auto& t : UposTags()) {
    size_t eol = b.find('\n', pos);
    if (eol == std::string_view::npos || b.substr(pos, eol - pos) != t) return bad("tag list differs");
    pos = eol + 1;
  }
  size_t n = static_cast<size_t>(m.buckets_) * kTags;
  if (b.size() - pos != n * sizeof(int16_t)) return bad("truncated weights");
  m.weights_.resize(n);
  std::memcpy(m.weights_.data(), b.data() + pos, n * sizeof(int16_t));
  return m;
}

}  // namespace linimasa::text
