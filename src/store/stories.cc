#include "store/stories.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <string_view>
#include <unordered_map>

#include "time/calendar.h"

namespace linimasa::stories {
namespace {

constexpr int kHashes = 64, kBands = 16, kRows = kHashes / kBands, kShingle = 5;

uint64_t Fnv(std::string_view s, uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  return h;
}

uint64_t Mix(uint64_t x) {  // splitmix64 finaliser: one independent-looking hash per seed
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

struct UnionFind {
  std::vector<size_t> parent;
  explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  size_t Find(size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  }
  void Join(size_t a, size_t b) { parent[Find(a)] = Find(b); }
};

bool Content(const std::string& t, const std::unordered_set<std::string>& stopwords) {
  if (t.size() < 3 || stopwords.count(t)) return false;
  return !std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Earlier publication first; undated last; then the order stored.
bool Earlier(const std::vector<StoredDocSummary>& docs, size_t a, size_t b) {
  const std::string &pa = docs[a].published, &pb = docs[b].published;
  if (pa.empty() != pb.empty()) return !pa.empty();
  if (pa != pb) return pa < pb;
  return a < b;
}

}  // namespace

int DaysApart(const std::string& a, const std::string& b) {
  auto parse = [](const std::string& s) -> int64_t {
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return INT64_MIN;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
      if (s[i] < '0' || s[i] > '9') return INT64_MIN;
    int y = std::stoi(s.substr(0, 4)), m = std::stoi(s.substr(5, 2)), d = std::stoi(s.substr(8, 2));
    if (!timex::ValidDate(y, m, d)) return INT64_MIN;
    return timex::DaysFromCivil(y, m, d);
  };
  int64_t x = parse(a), y = parse(b);
  if (x == INT64_MIN || y == INT64_MIN) return -1;
  return static_cast<int>(x > y ? x - y : y - x);
}

std::vector<Copy> FindCopies(const std::vector<StoredDocSummary>& docs, double copy_jaccard) {
  const size_t n = docs.size();
  UnionFind copies(n);
  std::vector<Copy> out;
  // MinHash + LSH over 5-lemma shingles.
  std::vector<std::array<uint64_t, kHashes>> sig(n);
  std::vector<bool> has_sig(n, false);
  for (size_t i = 0; i < n; ++i) {
    const auto& t = docs[i].terms;
    sig[i].fill(UINT64_MAX);
    if (t.size() < kShingle) continue;
    has_sig[i] = true;
    for (size_t k = 0; k + kShingle <= t.size(); ++k) {
      uint64_t h = 1469598103934665603ULL;
      for (size_t w = k; w < k + kShingle; ++w) h = Fnv(t[w], h ^ 0x20);
      for (int f = 0; f < kHashes; ++f)
        sig[i][f] = std::min(sig[i][f], Mix(h ^ (0x51ed27ULL * (f + 1))));
    }
  }
  for (int b = 0; b < kBands; ++b) {
    std::unordered_map<uint64_t, std::vector<size_t>> buckets;
    for (size_t i = 0; i < n; ++i) {
      if (!has_sig[i]) continue;
      uint64_t key = 1469598103934665603ULL;
      for (int r = 0; r < kRows; ++r) key = Mix(key ^ sig[i][b * kRows + r]);
      buckets[key].push_back(i);
    }
    for (const auto& [key, members] : buckets)
      for (size_t x = 0; x < members.size(); ++x)
        for (size_t y = x + 1; y < members.size() && y < x + 64; ++y) {
          size_t i = members[x], j = members[y];
          if (copies.Find(i) == copies.Find(j)) continue;
          int same = 0;
          for (int f = 0; f < kHashes; ++f) same += sig[i][f] == sig[j][f];
          if (same >= copy_jaccard * kHashes) copies.Join(i, j);
        }
  }
  std::unordered_map<size_t, std::vector<size_t>> copy_groups;
  for (size_t i = 0; i < n; ++i) copy_groups[copies.Find(i)].push_back(i);
  for (auto& [root, members] : copy_groups) {
    if (members.size() < 2) continue;
    size_t original = *std::min_element(members.begin(), members.end(),
                                        [&](size_t a, size_t b) { return Earlier(docs, a, b); });
    for (size_t m : members) {
      if (m == original) continue;
      int same = 0;
      for (int f = 0; f < kHashes; ++f) same += sig[m][f] == sig[original][f];
      out.push_back({m, original, double(same) / kHashes});
    }
  }
  std::sort(out.begin(), out.end(), [](const Copy& a, const Copy& b) { return a.doc < b.doc; });
  return out;
}

Grouping Group(const std::vector<StoredDocSummary>& docs,
               const std::unordered_set<std::string>& stopwords, const Options& o) {
  const size_t n = docs.size();
  Grouping out;
  UnionFind stories(n);

  // --- Near-duplicates; copies are always in their original's story.
  out.copies = FindCopies(docs, o.copy_jaccard);
  for (const Copy& c : out.copies) stories.Join(c.doc, c.of);

  // --- TF-IDF vectors over content lemmas and entity ids.
  std::unordered_map<std::string, uint32_t> feature_id;
  std::vector<uint32_t> df;
  std::vector<std::vector<std::pair<uint32_t, float>>> tf(n);
  auto fid = [&](const std::string& f) {
    auto [it, added] = feature_id.emplace(f, static_cast<uint32_t>(df.size()));
    if (added) df.push_back(0);
    return it->second;
  };
  for (size_t i = 0; i < n; ++i) {
    std::unordered_map<uint32_t, float> counts;
    for (const std::string& t : docs[i].terms)
      if (Content(t, stopwords)) counts[fid(t)] += 1;
    for (auto& [f, c] : counts) c = 1.f + std::log(c);
    for (const std::string& e : docs[i].entity_ids)
      counts[fid("\x1f" + e)] = static_cast<float>(o.entity_weight);
    for (const auto& [f, c] : counts) {
      ++df[f];
      tf[i].push_back({f, c});
    }
  }
  std::vector<std::vector<std::pair<uint32_t, float>>> vec(n);
  for (size_t i = 0; i < n; ++i) {
    auto& v = vec[i];
    for (const auto& [f, c] : tf[i])
      v.push_back({f, c * static_cast<float>(std::log((n + 1.0) / (df[f] + 1.0)) + 1.f)});
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (v.size() > o.top_features) v.resize(o.top_features);
    double norm = 0;
    for (const auto& [f, w] : v) norm += double(w) * w;
    norm = std::sqrt(norm);
    for (auto& [f, w] : v) w = norm > 0 ? static_cast<float>(w / norm) : 0.f;
  }

  // --- Links through an inverted index; a story is a connected component.
  const size_t df_cap = std::max<size_t>(50, n / 10);
  std::vector<std::vector<std::pair<uint32_t, float>>> postings(df.size());
  std::unordered_map<uint32_t, float> acc;
  for (size_t i = 0; i < n; ++i) {
    acc.clear();
    for (const auto& [f, w] : vec[i]) {
      if (df[f] > df_cap) continue;
      for (const auto& [j, wj] : postings[f]) acc[j] += w * wj;
    }
    for (const auto& [j, score] : acc)
      if (score >= o.link_threshold) {
        int days = DaysApart(docs[i].published, docs[j].published);
        if (days < 0 || days <= o.max_days) stories.Join(i, j);
      }
    for (const auto& [f, w] : vec[i])
      if (df[f] <= df_cap) postings[f].push_back({static_cast<uint32_t>(i), w});
  }

  std::unordered_map<size_t, size_t> index_of;
  for (size_t i = 0; i < n; ++i) {
    size_t root = stories.Find(i);
    auto [it, added] = index_of.emplace(root, out.stories.size());
    if (added) out.stories.emplace_back();
    out.stories[it->second].docs.push_back(i);
  }
  for (Story& s : out.stories) {
    std::sort(s.docs.begin(), s.docs.end(),
              [&](size_t a, size_t b) { return Earlier(docs, a, b); });
    std::unordered_map<uint32_t, double> centroid;
    std::unordered_map<std::string, std::pair<size_t, std::string>> entity_count;
    for (size_t d : s.docs) {
      for (const auto& [f, w] : vec[d]) centroid[f] += w;
      for (size_t k = 0; k < docs[d].entity_ids.size(); ++k) {
        auto& [count, name] = entity_count[docs[d].entity_ids[k]];
        ++count;
        if (name.empty() && k < docs[d].entity_names.size()) name = docs[d].entity_names[k];
      }
      if (!docs[d].published.empty()) {
        std::string day = docs[d].published.substr(0, 10);
        if (s.from.empty() || day < s.from) s.from = day;
        if (s.to.empty() || day > s.to) s.to = day;
      }
    }
    double best = -1;
    for (size_t d : s.docs) {
      double dot = 0;
      for (const auto& [f, w] : vec[d]) dot += w * centroid[f];
      if (dot > best) best = dot, s.representative = d;
    }
    std::vector<std::pair<std::string, std::pair<size_t, std::string>>> ents(entity_count.begin(),
                                                                             entity_count.end());
    std::sort(ents.begin(), ents.end(), [](const auto& a, const auto& b) {
      return a.second.first != b.second.first ? a.second.first > b.second.first : a.first < b.first;
    });
    for (size_t k = 0; k < ents.size() && k < 8; ++k) {
      s.entity_ids.push_back(ents[k].first);
      s.entity_names.push_back(ents[k].second.second);
    }
  }
  std::stable_sort(out.stories.begin(), out.stories.end(), [&](const Story& a, const Story& b) {
    if (a.docs.size() != b.docs.size()) return a.docs.size() > b.docs.size();
    return Earlier(docs, a.docs.front(), b.docs.front());
  });
  return out;
}

}  // namespace linimasa::stories
