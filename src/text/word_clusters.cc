#include "text/word_clusters.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unordered_map>

#include "core/file_env.h"
#include "core/lines.h"

namespace linimasa::text {
namespace {

double F(int64_t x) {
  return x > 0 ? static_cast<double>(x) * std::log(static_cast<double>(x)) : 0.0;
}

// Written here rather than taken from a library: Debian packages no class-based word clustering
// (fastText gives vectors, not classes), and the exchange algorithm is a hundred lines.
class Exchange {
 public:
  // `bigrams[w]` = successors of word w with counts; words are 0..v-1 in frequency order.
  Exchange(size_t v, const std::vector<std::vector<std::pair<uint32_t, int64_t>>>& succ,
           int classes)
      : v_(v),
        c_(classes),
        succ_(succ),
        pred_(v),
        cls_(v),
        n_(static_cast<size_t>(c_) * c_),
        nl_(c_),
        nr_(c_),
        cntl_(v),
        cntr_(v) {
    for (uint32_t w = 0; w < v; ++w)
      for (auto [u, k] : succ[w]) {
        pred_[u].push_back({w, k});
        cntl_[w] += k;
        cntr_[u] += k;
      }
    for (uint32_t w = 0; w < v; ++w) cls_[w] = static_cast<int>(w % c_);
    for (uint32_t w = 0; w < v; ++w)
      for (auto [u, k] : succ[w]) N(cls_[w], cls_[u]) += k;
    for (uint32_t w = 0; w < v; ++w) {
      nl_[cls_[w]] += cntl_[w];
      nr_[cls_[w]] += cntr_[w];
    }
    p_.assign(c_, 0);
    s_.assign(c_, 0);
  }

  double Objective() const {
    double o = 0;
    for (int64_t x : n_) o += F(x);
    for (int c = 0; c < c_; ++c) o -= F(nl_[c]) + F(nr_[c]);
    return o;
  }

  // One pass over every word; returns how many words changed class.
  size_t Pass() {
    size_t moved = 0;
    for (uint32_t w = 0; w < v_; ++w) {
      int64_t self = 0;
      touched_p_.clear();
      touched_s_.clear();
      for (auto [u, k] : pred_[w]) {
        if (u == w) continue;
        if (p_[cls_[u]] == 0) touched_p_.push_back(cls_[u]);
        p_[cls_[u]] += k;
      }
      for (auto [u, k] : succ_[w]) {
        if (u == w) {
          self = k;
          continue;
        }
        if (s_[cls_[u]] == 0) touched_s_.push_back(cls_[u]);
        s_[cls_[u]] += k;
      }
      const int a = cls_[w];
      Move(w, a, self, -1);
      int best = a;
      double best_gain = Gain(a, self, w);
      for (int b = 0; b < c_; ++b) {
        if (b == a) continue;
        double g = Gain(b, self, w);
        if (g > best_gain + 1e-9) {
          best_gain = g;
          best = b;
        }
      }
      Move(w, best, self, +1);
      if (best != a) ++moved;
      cls_[w] = best;
      for (int c : touched_p_) p_[c] = 0;
      for (int c : touched_s_) s_[c] = 0;
    }
    return moved;
  }

  int Class(uint32_t w) const { return cls_[w]; }

 private:
  int64_t& N(int c, int d) { return n_[static_cast<size_t>(c) * c_ + d]; }
  int64_t N(int c, int d) const { return n_[static_cast<size_t>(c) * c_ + d]; }

  // The change of the objective if the (removed) word joined class b.
  double Gain(int b, int64_t self, uint32_t w) const {
    double g = 0;
    for (int c : touched_p_)
      if (c != b) g += F(N(c, b) + p_[c]) - F(N(c, b));
    for (int d : touched_s_)
      if (d != b) g += F(N(b, d) + s_[d]) - F(N(b, d));
    g += F(N(b, b) + p_[b] + s_[b] + self) - F(N(b, b));
    g -= F(nl_[b] + cntl_[w]) - F(nl_[b]);
    g -= F(nr_[b] + cntr_[w]) - F(nr_[b]);
    return g;
  }

  // Adds (sign +1) or removes (-1) word w's counts to/from class b.
  void Move(uint32_t w, int b, int64_t self, int sign) {
    for (int c : touched_p_)
      if (c != b) N(c, b) += sign * p_[c];
    for (int d : touched_s_)
      if (d != b) N(b, d) += sign * s_[d];
    N(b, b) += sign * (p_[b] + s_[b] + self);
    nl_[b] += sign * cntl_[w];
    nr_[b] += sign * cntr_[w];
  }

  size_t v_;
  int c_;
  const std::vector<std::vector<std::pair<uint32_t, int64_t>>>& succ_;
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> pred_;
  std::vector<int> cls_;
  std::vector<int64_t> n_, nl_, nr_, cntl_, cntr_, p_, s_;
  std::vector<int> touched_p_, touched_s_;
};

}  // namespace

Result<WordClusters> WordClusters::Load(const std::string& path) {
  auto lines = ReadFileLines(path);
  if (!lines.ok()) return lines.status();
  WordClusters wc;
  size_t n = 0;
  for (const auto& line : *lines) {
    ++n;
    if (line.empty() || line[0] == '#') continue;
    auto f = SplitFields(line);
    if (f.size() < 2 || f.size() > kMaxLevels + 1 || (wc.levels_ && f.size() - 1 != wc.levels_))
      return Status::InvalidArgument(path + " line " + std::to_string(n) +
                                     ": expected 'word<TAB>class…' with the same number of "
                                     "class columns on every line; rebuild it with "
                                     "`linimasa train clusters` (data/README.md)");
    wc.levels_ = f.size() - 1;
    Classes c;
    for (size_t l = 0; l < wc.levels_; ++l) {
      int v = std::atoi(f[l + 1].c_str());
      if (v <= 0 || v > 65535)
        return Status::InvalidArgument(path + " line " + std::to_string(n) + ": class '" +
                                       f[l + 1] + "' is not a number from 1 to 65535");
      c.id[l] = static_cast<uint16_t>(v);
    }
    wc.words_.emplace_back(f[0], c);
  }
  std::sort(wc.words_.begin(), wc.words_.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (size_t i = 1; i < wc.words_.size(); ++i)
    if (wc.words_[i].first == wc.words_[i - 1].first)
      return Status::InvalidArgument(path + ": the word '" + wc.words_[i].first +
                                     "' is listed twice; rebuild the file with `linimasa train "
                                     "clusters` (data/README.md)");
  wc.Index();
  return wc;
}

void WordClusters::Index() {
  size_t n = 1;
  while (n < words_.size() * 2 + 1) n *= 2;
  slots_.assign(n, Slot{});
  for (size_t w = 0; w < words_.size(); ++w) {
    const uint64_t h = Hash(words_[w].first);
    size_t i = h & (n - 1);
    while (slots_[i].index != 0) i = (i + 1) & (n - 1);
    slots_[i] = {static_cast<uint32_t>(w + 1), static_cast<uint32_t>(h >> 32)};
  }
}

Status WordClusters::Save(const std::string& path, const std::string& comment) const {
  std::vector<std::pair<std::string, Classes>> rows = words_;
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    for (size_t l = 0; l < kMaxLevels; ++l)
      if (a.second.id[l] != b.second.id[l]) return a.second.id[l] < b.second.id[l];
    return a.first < b.first;
  });
  std::ofstream out(path, std::ios::binary);
  if (!out)
    return Status::IOError("cannot write " + path + ": check the folder exists and is writable");
  out << "# " << comment << "\n";
  for (const auto& [w, c] : rows) {
    out << w;
    for (size_t l = 0; l < levels_; ++l) out << '\t' << c.id[l];
    out << '\n';
  }
  out.close();
  if (!out) return Status::IOError("error writing " + path);
  return Status::Ok();
}

Status ClassesForModel(const std::string& path, uint8_t variant, const std::string& train,
                       std::shared_ptr<const WordClusters> given,
                       std::shared_ptr<const WordClusters>& out) {
  out.reset();
  if (variant == kPlainModel) return Status::Ok();
  if (variant != kClassModel)
    return Status::Corruption(path + ": model version " + std::to_string(variant) +
                              " is unknown; rebuild it with `" + train + "` (data/README.md)");
  if (!given)
    return Status::InvalidArgument(path +
                                   " was trained with word classes, but none are loaded: put its "
                                   "text/clusters.tsv beside it in the data folder");
  out = std::move(given);
  return Status::Ok();
}

Status LoadDataClusters(const std::string& data_dir, std::shared_ptr<const WordClusters>& out) {
  out.reset();
  const std::string path = data_dir + "/text/clusters.tsv";
  if (!std::filesystem::exists(path)) return Status::Ok();
  return LoadClustersFile(path, out);
}

// Out of line on purpose: inlined next to another Result, GCC 12 warns falsely
// (free-nonheap-object) about the variants.
[[gnu::noinline]] Status LoadClustersFile(const std::string& path,
                                          std::shared_ptr<const WordClusters>& out) {
  out.reset();
  auto c = WordClusters::Load(path);
  if (!c.ok()) return c.status();
  out = std::make_shared<const WordClusters>(std::move(c).value());
  return Status::Ok();
}

WordClusters WordClusters::Train(const std::vector<std::vector<std::string>>& sentences,
                                 const std::vector<int>& class_counts, int min_count,
                                 int iterations) {
  // Vocabulary: id 0 the sentence boundary, id 1 every rare word, then words by frequency.
  std::unordered_map<std::string, int64_t> freq;
  for (const auto& s : sentences)
    for (const auto& w : s) ++freq[w];
  std::vector<std::pair<std::string, int64_t>> words;
  for (auto& [w, n] : freq)
    if (n >= min_count) words.push_back({w, n});
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  std::unordered_map<std::string, uint32_t> id;
  for (size_t i = 0; i < words.size(); ++i) id[words[i].first] = static_cast<uint32_t>(i + 2);
  const size_t v = words.size() + 2;
  std::vector<std::unordered_map<uint32_t, int64_t>> big(v);
  for (const auto& s : sentences) {
    uint32_t prev = 0;
    for (const auto& w : s) {
      auto it = id.find(w);
      uint32_t cur = it == id.end() ? 1 : it->second;
      ++big[prev][cur];
      prev = cur;
    }
    ++big[prev][0];
  }
  std::vector<std::vector<std::pair<uint32_t, int64_t>>> succ(v);
  for (size_t w = 0; w < v; ++w) {
    succ[w].assign(big[w].begin(), big[w].end());
    std::sort(succ[w].begin(), succ[w].end());
  }
  big.clear();
  WordClusters wc;
  wc.levels_ = std::min(class_counts.size(), kMaxLevels);
  for (const auto& w : words) wc.words_.emplace_back(w.first, Classes{});
  for (size_t l = 0; l < wc.levels_; ++l) {
    Exchange ex(v, succ, class_counts[l]);
    std::fprintf(stderr, "train clusters: %zu words, %d classes\n", words.size(), class_counts[l]);
    for (int it = 0; it < iterations; ++it) {
      size_t moved = ex.Pass();
      std::fprintf(stderr, "train clusters: pass %d: %zu words moved, objective %.1f\n", it + 1,
                   moved, ex.Objective());
      if (moved == 0) break;
    }
    for (size_t i = 0; i < words.size(); ++i)
      wc.words_[i].second.id[l] = static_cast<uint16_t>(ex.Class(static_cast<uint32_t>(i + 2)) + 1);
  }
  wc.Index();
  return wc;
}

}  // namespace linimasa::text
