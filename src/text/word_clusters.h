// Distributional word classes for the taggers: each frequent word of a large unlabeled corpus is
// put in one of K classes so that the class bigram model fits the corpus best (the exchange
// algorithm of Kneser & Ney 1993 / Martin, Liermann & Ney 1998 — the flat cousin of Brown
// clustering). Words that share a class share contexts ("menjadi" ~ "merupakan", "jepang" ~
// "china"), so a tagger that sees a class feature generalises from the few labeled sentences to
// words it has only seen unlabeled — the standard remedy for small treebanks (Koo et al. 2008,
// Owoputi et al. 2013).
//
// File (data/text/clusters.tsv): "# comment" lines, then "word<TAB>class<TAB>class…", one class
// column per granularity (coarsest first), words lower-cased.
//
// Thread-safety: immutable after Load(); Get() may run on many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/status.h"

namespace linimasa::text {

class WordClusters {
 public:
  static constexpr size_t kMaxLevels = 3;
  struct Classes {
    uint16_t id[kMaxLevels] = {0, 0, 0};  // 0 = unknown word; classes are 1-based
  };

  static Result<WordClusters> Load(const std::string& path);
  Status Save(const std::string& path, const std::string& comment) const;

  // The classes of a lower-cased word (all 0 when the word is unknown).
  Classes Get(std::string_view lower) const {
    if (slots_.empty()) return {};
    const uint64_t h = Hash(lower);
    const uint32_t tag = static_cast<uint32_t>(h >> 32);
    for (size_t i = h & (slots_.size() - 1);; i = (i + 1) & (slots_.size() - 1)) {
      const Slot& s = slots_[i];
      if (s.index == 0) return {};
      if (s.tag == tag && words_[s.index - 1].first == lower) return words_[s.index - 1].second;
    }
  }
  size_t levels() const { return levels_; }
  size_t size() const { return words_.size(); }
  bool empty() const { return words_.empty(); }

  // Learns one level of classes per entry of `class_counts` from `sentences` (lower-cased tokens)
  // over the words seen at least `min_count` times; `iterations` exchange passes per level.
  // Deterministic. Progress on stderr.
  static WordClusters Train(const std::vector<std::vector<std::string>>& sentences,
                            const std::vector<int>& class_counts, int min_count, int iterations);

 private:
  // Written here rather than a std::unordered_map: both taggers look up every word, and an
  // open-addressing table over one FNV-1a hash (no node per word, no modulo) halves that cost.
  struct Slot {
    uint32_t index = 0;  // 1 + index into words_; 0 = empty
    uint32_t tag = 0;    // high half of the word's hash
  };
  static uint64_t Hash(std::string_view s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    return h;
  }
  void Index();  // builds slots_ from words_ (words must be distinct)

  std::vector<std::pair<std::string, Classes>> words_;
  std::vector<Slot> slots_;
  size_t levels_ = 0;
};

// The engine's word classes, <data_dir>/text/clusters.tsv: null in `out` when the file is absent
// (the taggers then run without class features), an error when it is unreadable.
Status LoadDataClusters(const std::string& data_dir, std::shared_ptr<const WordClusters>& out);
// A tagger model file records in its magic's last byte whether it was trained with word classes.
constexpr uint8_t kPlainModel = 1, kClassModel = 2;
// The classes a tagger model loaded from `path` uses, given its magic `variant`: none for a plain
// model (it is never fed features it did not learn), `given` for a class model (an error naming the
// file when none are loaded); an unknown variant is an error saying how to rebuild (`train`).
Status ClassesForModel(const std::string& path, uint8_t variant, const std::string& train,
                       std::shared_ptr<const WordClusters> given,
                       std::shared_ptr<const WordClusters>& out);
// The word classes of one file (the taggers' --clusters option).
Status LoadClustersFile(const std::string& path, std::shared_ptr<const WordClusters>& out);

}  // namespace linimasa::text
