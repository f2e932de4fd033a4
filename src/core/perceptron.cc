#include "core/perceptron.h"

#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "core/file_env.h"

namespace linimasa {
namespace {

uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace

void* AllocateHugePages(size_t bytes) {
  constexpr size_t kHuge = size_t{2} << 20;
  if (bytes < kHuge) return std::malloc(bytes ? bytes : 1);
  void* p = nullptr;
  const size_t rounded = (bytes + kHuge - 1) / kHuge * kHuge;
  if (posix_memalign(&p, kHuge, rounded) != 0) return nullptr;
#ifdef MADV_HUGEPAGE
  madvise(p, rounded, MADV_HUGEPAGE);  // advice only: without huge pages it works as before
#endif
  return p;
}

uint32_t FeatureHash(uint32_t templ, std::string_view a, std::string_view b) {
  uint64_t h = 1469598103934665603ULL ^ (templ * 0x9E3779B97F4A7C15ULL);
  h = Fnv(h, a);
  if (!b.empty()) h = Fnv(h ^ 0xFF, b);
  return static_cast<uint32_t>(h ^ (h >> 32));
}

std::string WordShape(std::string_view f) {
  std::string s;
  for (size_t i = 0; i < f.size() && s.size() < 6; ++i) {
    unsigned char c = static_cast<unsigned char>(f[i]);
    char k = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : static_cast<char>(c);
    if (s.empty() || s.back() != k) s += k;
  }
  return s;
}

namespace {

// acc[t] += rows[i][t] for the m rows, N tags known at compile time: the sums stay in registers
// and the row loop unrolls (integer sums, so the result is the same in any order).
template <size_t N>
void AddRows(const int16_t* const* rows, size_t m, int32_t* acc) {
  int32_t a[N];
  for (size_t t = 0; t < N; ++t) a[t] = acc[t];
  for (size_t i = 0; i < m; ++i)
    for (size_t t = 0; t < N; ++t) a[t] += rows[i][t];
  for (size_t t = 0; t < N; ++t) acc[t] = a[t];
}

}  // namespace

void HashedModel::Accumulate(const uint32_t* feats, size_t count, int32_t* acc) const {
  // Row addresses are computed and prefetched first: the rows are scattered over a table of
  // megabytes, so the loads, not the additions, are what this costs. A token's few dozen int16
  // weights cannot overflow int32.
  const size_t n = tags_.size();
  constexpr size_t kMaxFeats = 64;
  const int16_t* rows[kMaxFeats];
  for (size_t done = 0; done < count;) {
    const size_t m = std::min(count - done, kMaxFeats);
    for (size_t i = 0; i < m; ++i) {
      rows[i] = &weights_[Row(feats[done + i])];
      __builtin_prefetch(rows[i]);
    }
    switch (n) {  // the shipped models' tag counts: NER (BIO over 3 types), UPOS
      case 7:
        AddRows<7>(rows, m, acc);
        break;
      case 17:
        AddRows<17>(rows, m, acc);
        break;
      default:
        for (size_t i = 0; i < m; ++i)
          for (size_t t = 0; t < n; ++t) acc[t] += rows[i][t];
    }
    done += m;
  }
}

void HashedModel::AddScaled(const int32_t* acc, float* scores) const {
  for (size_t t = 0; t < tags_.size(); ++t) scores[t] += static_cast<float>(acc[t]) * scale_;
}

void HashedModel::Score(const std::vector<uint32_t>& feats, float* scores) const {
  int32_t acc[32] = {0};
  Accumulate(feats.data(), feats.size(), acc);
  AddScaled(acc, scores);
}

Status HashedModel::Save(const std::string& path, const char magic[8]) const {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return Status::IOError(path + ": cannot write the model: " + std::strerror(errno));
  uint32_t hdr[2] = {buckets_, static_cast<uint32_t>(tags_.size())};
  bool ok = std::fwrite(magic, 1, 8, f) == 8 && std::fwrite(hdr, sizeof hdr, 1, f) == 1 &&
            std::fwrite(&scale_, sizeof scale_, 1, f) == 1;
  for (const auto& t : tags_) ok = ok && std::fprintf(f, "%s\n", t.c_str()) > 0;
  ok = ok && std::fwrite(weights_.data(), sizeof(int16_t), weights_.size(), f) == weights_.size();
  ok = (std::fclose(f) == 0) && ok;
  return ok ? Status::Ok() : Status::IOError(path + ": writing the model failed (disk full?)");
}

Result<HashedModel> HashedModel::Load(const std::string& path, const char magic[8],
                                      const std::vector<std::string>& tags, const std::string& what,
                                      const std::string& rebuild, uint8_t* variant,
                                      uint8_t* option) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{256} << 20);
  if (!bytes.ok()) return bytes.status();
  std::string_view b = *bytes;
  auto bad = [&](const char* why) {
    return Status::Corruption(path + ": not a linimasa " + what + " (" + why +
                              "); rebuild it with `" + rebuild + "`");
  };
  const size_t fixed = option ? 6 : variant ? 7 : 8;  // leading magic bytes that must match
  if (b.size() < 8 + 12 || std::memcmp(b.data(), magic, fixed) != 0 ||
      (!variant && fixed < 8 && b[7] != magic[7]))
    return bad("wrong magic or version");
  if (variant) *variant = static_cast<uint8_t>(b[7]);
  if (option) *option = static_cast<uint8_t>(b[6]);
  HashedModel m;
  uint32_t hdr[2];
  std::memcpy(hdr, b.data() + 8, sizeof hdr);
  std::memcpy(&m.scale_, b.data() + 8 + sizeof hdr, sizeof m.scale_);
  if (hdr[1] != tags.size() || tags.size() > 32 || hdr[0] == 0 || hdr[0] > (1u << 24))
    return bad("bad header");
  m.SetBuckets(hdr[0]);
  size_t pos = 8 + sizeof hdr + sizeof m.scale_;
  for (const auto& t : tags) {
    size_t eol = b.find('\n', pos);
    if (eol == std::string_view::npos || b.substr(pos, eol - pos) != t)
      return bad("tag list differs");
    pos = eol + 1;
  }
  m.tags_ = tags;
  size_t n = static_cast<size_t>(m.buckets_) * tags.size();
  if (b.size() - pos != n * sizeof(int16_t)) return bad("truncated weights");
  m.weights_.resize(n);
  std::memcpy(m.weights_.data(), b.data() + pos, n * sizeof(int16_t));
  return m;
}

PerceptronTrainer::PerceptronTrainer(uint32_t buckets, std::vector<std::string> tags)
    : buckets_(buckets), tags_(std::move(tags)) {
  size_t n = static_cast<size_t>(buckets_) * tags_.size();
  w_.assign(n, 0.f);
  total_.assign(n, 0.f);
  stamp_.assign(n, 0);
}

void PerceptronTrainer::Score(const std::vector<uint32_t>& feats, float* scores) const {
  const size_t n = tags_.size();
  for (uint32_t f : feats) {
    const float* row = &w_[static_cast<size_t>(f % buckets_) * n];
    for (size_t t = 0; t < n; ++t) scores[t] += row[t];
  }
}

void PerceptronTrainer::Learn(const std::vector<uint32_t>& feats, size_t gold, size_t guess) {
  if (gold != guess) {
    Add(feats, gold, 1.f);
    Add(feats, guess, -1.f);
  }
  Tick();
}

void PerceptronTrainer::Add(const std::vector<uint32_t>& feats, size_t tag, float delta) {
  const size_t n = tags_.size();
  for (uint32_t f : feats) {
    size_t idx = static_cast<size_t>(f % buckets_) * n + tag;
    total_[idx] += static_cast<float>(clock_ - stamp_[idx]) * w_[idx];
    stamp_[idx] = clock_;
    w_[idx] += delta;
  }
}

HashedModel PerceptronTrainer::Finish() {
  HashedModel m;
  m.SetBuckets(buckets_);
  m.tags_ = tags_;
  const size_t n = w_.size();
  float max_abs = 0.f;
  for (size_t i = 0; i < n; ++i) {
    total_[i] += static_cast<float>(clock_ - stamp_[i]) * w_[i];
    total_[i] /= static_cast<float>(clock_);
    max_abs = std::max(max_abs, std::fabs(total_[i]));
  }
  m.scale_ = max_abs > 0 ? max_abs / 32000.f : 1.f;
  m.weights_.resize(n);
  for (size_t i = 0; i < n; ++i)
    m.weights_[i] = static_cast<int16_t>(std::lround(total_[i] / m.scale_));
  return m;
}

}  // namespace linimasa
