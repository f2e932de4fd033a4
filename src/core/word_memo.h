// A bounded per-thread memo from words to what a model computes from a word alone (the summed
// weights of a tagger's word features), so a stream of news, which repeats its words, pays for a
// word's features once.
//
// Written here rather than taken from a library: it needs entries whose addresses stay put while a
// sentence is tagged (Reserve() before, Get() during) and a bounded size reset in one pass over
// a flat table; std::unordered_map gives the first only with a node allocation per word.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace linimasa {

// Ids for objects that own per-thread memos (a loaded model): never reused, unlike addresses.
inline uint64_t NextMemoOwnerId() {
  static std::atomic<uint64_t> next{1};
  return next++;
}

// This thread's T for the owner `id` (created on first use, freed with the thread).
template <typename T>
T& PerThreadFor(uint64_t id) {
  thread_local uint64_t last_id = 0;
  thread_local T* last = nullptr;
  if (id == last_id && last) return *last;
  thread_local std::unordered_map<uint64_t, std::unique_ptr<T>> all;
  auto& p = all[id];
  if (!p) p = std::make_unique<T>();
  last_id = id;
  last = p.get();
  return *p;
}

// Open addressing with linear probing; V is plain data. At most `max_entries` words: when full it
// starts afresh (a news stream's frequent words come back at once).
template <typename V>
class WordMemo {
 public:
  explicit WordMemo(size_t max_entries = size_t{1} << 16) : max_entries_(max_entries) {}

  // Makes room for `n` more words: the references Get() returns stay valid until the next call.
  void Reserve(size_t n) {
    if (used_ + n > max_entries_ && used_ > 0) Clear(slots_.size());  // full: start afresh
    size_t want = slots_.empty() ? 64 : slots_.size();
    while (want / 2 < used_ + n) want *= 2;  // at most half the slots used: short probes
    if (want != slots_.size()) Rehash(want);
    // Reserved ahead (address space: pages are touched as values fill them), so values never
    // move in Get().
    if (values_.capacity() < used_ + n) values_.reserve(std::max(max_entries_, used_ + n));
  }

  static uint64_t Hash(std::string_view key) {
    return std::hash<std::string_view>{}(key) | 1;  // 0 marks an empty slot
  }
  // Starts loading the slot of a key's hash (a sentence's words are looked up in two passes,
  // prefetching first, so their cache misses overlap instead of queueing).
  void Prefetch(uint64_t hash) const { __builtin_prefetch(&slots_[hash & (slots_.size() - 1)]); }

  // The value of `key` (whose Hash() is `hash`); fill(V&) computes it the first time. Reserve()
  // must have made room.
  template <typename Fill>
  const V& Get(std::string_view key, uint64_t hash, Fill&& fill) {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.hash == 0) {
        s.hash = hash;
        s.key_len = static_cast<uint32_t>(key.size());
        s.value = static_cast<uint32_t>(values_.size());
        if (key.size() <= kInline) {
          std::memcpy(s.key, key.data(), key.size());
        } else {
          const uint64_t off = keys_.size();
          std::memcpy(s.key, &off, sizeof off);
          keys_.append(key);
        }
        fill(values_.emplace_back());
        ++used_;
        return values_.back();
      }
      if (s.hash == hash && s.key_len == key.size() && KeyOf(s) == key) return values_[s.value];
    }
  }
  // Starts loading a value Get() returned (before a loop that reads the values of a sentence).
  static void PrefetchValue(const V* v) {
    const char* p = reinterpret_cast<const char*>(v);
    for (size_t off = 0; off < sizeof(V); off += 64) __builtin_prefetch(p + off);
  }

  template <typename Fill>
  const V& Get(std::string_view key, Fill&& fill) {
    return Get(key, Hash(key), fill);
  }

  size_t size() const { return used_; }

 private:
  // 32 bytes: keys of up to 16 bytes (most words) are compared without another cache miss.
  static constexpr size_t kInline = 16;
  struct Slot {
    uint64_t hash = 0;
    uint32_t value = 0;  // index in values_
    uint32_t key_len = 0;
    char key[kInline];  // the key, or (longer keys) its offset in keys_
  };
  std::string_view KeyOf(const Slot& s) const {
    if (s.key_len <= kInline) return std::string_view(s.key, s.key_len);
    uint64_t off;
    std::memcpy(&off, s.key, sizeof off);
    return std::string_view(keys_).substr(off, s.key_len);
  }
  void Clear(size_t slots) {
    slots_.assign(slots, Slot{});
    keys_.clear();
    values_.clear();
    used_ = 0;
  }
  void Rehash(size_t slots) {
    std::vector<Slot> old(slots, Slot{});
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.hash == 0) continue;
      for (size_t i = s.hash & (slots - 1);; i = (i + 1) & (slots - 1))
        if (slots_[i].hash == 0) {
          slots_[i] = s;
          break;
        }
    }
  }
  size_t max_entries_;
  size_t used_ = 0;
  std::vector<Slot> slots_;
  std::string keys_;       // the keys longer than kInline, end to end
  std::vector<V> values_;  // in order of insertion; reserved ahead, so they never move in Get()
};

}  // namespace linimasa
