// Averaged perceptron over hashed features, shared by the greedy sequence taggers (POS, NER).
//
// Features are strings hashed (FNV-1a, one template id per feature kind) into a fixed number of
// buckets, as fastText does for n-grams, so a model is one buckets × tags weight matrix. Training
// keeps the running sum of every weight (lazy averaging, Collins 2002 / Daumé's trick); the
// averaged weights are quantised to int16 with one scale factor for a small, fast model file:
//   magic (8 bytes) | buckets, tag count (uint32) | scale (float) | tag names, one per line |
//   weights
//
// Thread-safety: a HashedModel is immutable after Load(); Score() may run on many threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/status.h"

namespace linimasa {

// Allocates large arrays (a model's weight table: megabytes read at scattered rows) on 2 MB
// boundaries and asks Linux to back them with huge pages: a table of 4 KB pages misses the TLB on
// nearly every row it reads, and those page walks cost more than the reads themselves.
void* AllocateHugePages(size_t bytes);  // nullptr when out of memory; free() releases it
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(size_t n) {
    void* p = AllocateHugePages(n * sizeof(T));
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, size_t) { std::free(p); }
  template <typename U>
  bool operator==(const HugePageAllocator<U>&) const {
    return true;
  }
};

uint32_t FeatureHash(uint32_t templ, std::string_view a, std::string_view b = {});
// A feature made of an already hashed one and a small value (a previous tag): a few multiplies
// instead of rehashing the strings, for features evaluated once per beam hypothesis.
inline uint32_t FeatureMix(uint32_t base, uint32_t v) {
  uint64_t x = ((uint64_t{base} << 32) | v) * 0x9E3779B97F4A7C15ULL;
  x ^= x >> 31;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 29;
  return static_cast<uint32_t>(x);
}
// A word's shape: letters → X/x, digits → d, other bytes kept, runs collapsed, at most 6 ("Xx",
// "d.d").
std::string WordShape(std::string_view f);
inline std::string_view Suffix(std::string_view s, size_t n) {
  return s.size() > n ? s.substr(s.size() - n) : s;
}
inline std::string_view Prefix(std::string_view s, size_t n) {
  return s.size() > n ? s.substr(0, n) : s;
}

class HashedModel {
 public:
  // `what` names the model in messages ("POS model"); `rebuild` is the command that rebuilds it.
  // With `variant`, the magic's last byte may be anything and is stored there (a tagger's feature
  // set: 1 plain, 2 with word classes); without it the magic must match exactly. With `option`,
  // the same for the byte before it (the NER tagger's beam width).
  static Result<HashedModel> Load(const std::string& path, const char magic[8],
                                  const std::vector<std::string>& tags, const std::string& what,
                                  const std::string& rebuild, uint8_t* variant = nullptr,
                                  uint8_t* option = nullptr);
  Status Save(const std::string& path, const char magic[8]) const;

  // scores[t] += weight(f, t) for every feature f (scores has tags().size() entries, zeroed by the
  // caller).
  void Score(const std::vector<uint32_t>& feats, float* scores) const;
  // Score() in two steps: acc[t] += the quantised weight(f, t) for the n features (integer sums
  // are exact, so sums of a word's features can be cached and combined in any order), then
  // scores[t] += acc[t] × scale. Score() is Accumulate() into zeros, then AddScaled().
  void Accumulate(const uint32_t* feats, size_t n, int32_t* acc) const;
  void AddScaled(const int32_t* acc, float* scores) const;
  // Score() of the one feature f, without the accumulator (the same sums, bit for bit): for a
  // feature scored once per beam hypothesis.
  void AddFeature(uint32_t f, float* scores) const {
    const int16_t* row = &weights_[Row(f)];
    for (size_t t = 0; t < tags_.size(); ++t)
      scores[t] += static_cast<float>(static_cast<int32_t>(row[t])) * scale_;
  }
  // Starts loading the weight row of feature f (for a caller that knows its next features early).
  void Prefetch(uint32_t f) const { __builtin_prefetch(&weights_[Row(f)]); }
  uint32_t buckets() const { return buckets_; }
  const std::vector<std::string>& tags() const { return tags_; }
  bool empty() const { return weights_.empty(); }

 private:
  friend class PerceptronTrainer;
  // The row of a feature: a mask when the bucket count is a power of two (as every shipped model's
  // is), not a division, which costs more than the rest of a row's addition.
  size_t Row(uint32_t f) const { return (mask_ ? f & mask_ : f % buckets_) * tags_.size(); }
  void SetBuckets(uint32_t b) {
    buckets_ = b;
    mask_ = (b & (b - 1)) == 0 ? b - 1 : 0;
  }
  uint32_t buckets_ = 0, mask_ = 0;
  std::vector<std::string> tags_;
  float scale_ = 1.f;
  std::vector<int16_t, HugePageAllocator<int16_t>> weights_;  // buckets × tags
};

class PerceptronTrainer {
 public:
  PerceptronTrainer(uint32_t buckets, std::vector<std::string> tags);
  void Score(const std::vector<uint32_t>& feats, float* scores) const;
  // One decision: gold and guessed tag; updates the weights when they differ, then advances time.
  void Learn(const std::vector<uint32_t>& feats, size_t gold, size_t guess);
  // For structured (sequence-level) updates: weight(f, tag) += delta for every feature, without
  // advancing time; Tick() ends one training example.
  void Add(const std::vector<uint32_t>& feats, size_t tag, float delta);
  void Tick() { ++clock_; }
  // The averaged, quantised model.
  HashedModel Finish();

 private:
  uint32_t buckets_;
  std::vector<std::string> tags_;
  std::vector<float> w_, total_;
  std::vector<uint32_t> stamp_;
  uint32_t clock_ = 1;
};

// The epochs of a greedy tagger's training: examples 0..n-1 in a fresh seeded shuffle each epoch;
// learn(k) trains on example k and returns {decisions right, decisions made}; one line of progress
// per epoch on stderr ("train pos: epoch 3: 97.10% of training tokens right").
template <typename Learn>
void TrainingPasses(size_t n, int epochs, uint64_t seed, const char* what, Learn&& learn) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    size_t right = 0, seen = 0;
    for (size_t k : order) {
      auto [r, s] = learn(k);
      right += r;
      seen += s;
    }
    std::fprintf(stderr, "%s: epoch %d: %.2f%% of training tokens right\n", what, epoch + 1,
                 seen ? 100.0 * static_cast<double>(right) / static_cast<double>(seen) : 0.0);
  }
}

}  // namespace linimasa
