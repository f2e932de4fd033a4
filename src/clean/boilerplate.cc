#include "clean/boilerplate.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <charconv>

#include "core/file_env.h"
#include "core/utf8.h"

namespace linimasa::clean {

BoilerplateModel::BoilerplateModel() = default;
BoilerplateModel::~BoilerplateModel() = default;
BoilerplateModel::BoilerplateModel(BoilerplateModel&&) noexcept = default;
BoilerplateModel& BoilerplateModel::operator=(BoilerplateModel&&) noexcept = default;

Result<BoilerplateModel> BoilerplateModel::Load(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, 16 << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() +
                            " (boilerplate cues; set LINIMASA_DATA to the data folder)");
  return Parse(*bytes, path);
}

Result<BoilerplateModel> BoilerplateModel::Parse(std::string_view tsv, const std::string& name) {
  BoilerplateModel m;
  RE2::Options opt;
  opt.set_case_sensitive(false);
  opt.set_log_errors(false);
  m.line_set_ = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_BOTH);
  m.prefix_set_ = std::make_unique<RE2::Set>(opt, RE2::ANCHOR_START);
  m.any_set_ = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  for (Scan* scan : {&m.suffix_, &m.end_, &m.inline_})
    scan->filter = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
  size_t line_no = 0, pos = 0;
  while (pos <= tsv.size()) {
    size_t eol = tsv.find('\n', pos);
    if (eol == std::string_view::npos) eol = tsv.size();
    std::string_view line = tsv.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> cols;
    size_t p = 0;
    for (int k = 0; k < 3; ++k) {
      size_t t = line.find('\t', p);
      if (t == std::string_view::npos) break;
      cols.push_back(line.substr(p, t - p));
      p = t + 1;
    }
    cols.push_back(line.substr(p));
    auto where = name + " line " + std::to_string(line_no) + ": ";
    if (cols.size() != 4)
      return Status::InvalidArgument(
          where + "expected 4 TAB-separated columns (kind weight scope pattern)");
    Cue c;
    c.kind = std::string(cols[0]);
    std::string w(cols[1]);
    char* end = nullptr;
    c.weight = std::strtof(w.c_str(), &end);
    if (end == w.c_str())
      return Status::InvalidArgument(where + "weight '" + w + "' is not a number");
    std::string pattern(cols[3]);
    std::string err;
    size_t idx = m.cues_.size();
    if (cols[2] == "line") {
      c.scope = Scope::kLine;
      if (m.line_set_->Add(pattern, &err) < 0)
        return Status::InvalidArgument(where + "bad pattern: " + err);
      m.line_idx_.push_back(idx);
    } else if (cols[2] == "prefix") {
      c.scope = Scope::kPrefix;
      if (m.prefix_set_->Add(pattern, &err) < 0)
        return Status::InvalidArgument(where + "bad pattern: " + err);
      m.prefix_idx_.push_back(idx);
    } else if (cols[2] == "any") {
      c.scope = Scope::kAny;
      if (m.any_set_->Add(pattern, &err) < 0)
        return Status::InvalidArgument(where + "bad pattern: " + err);
      m.any_idx_.push_back(idx);
    } else if (cols[2] == "suffix" || cols[2] == "end" || cols[2] == "inline") {
      c.scope = cols[2] == "end"      ? Scope::kEnd
                : cols[2] == "inline" ? Scope::kInline
                                      : Scope::kSuffix;
      auto re = std::make_unique<RE2>("(" + pattern + ")", opt);
      if (!re->ok()) return Status::InvalidArgument(where + "bad pattern: " + re->error());
      Scan& scan = c.scope == Scope::kEnd      ? m.end_
                   : c.scope == Scope::kInline ? m.inline_
                                               : m.suffix_;
      const std::string filter = c.scope == Scope::kInline ? pattern : "(?:" + pattern + ")$";
      if (scan.filter->Add(filter, &err) < 0)
        return Status::InvalidArgument(where + "bad pattern: " + err);
      scan.cues.emplace_back(idx, std::move(re));
    } else {
      return Status::InvalidArgument(
          where + "scope must be line, prefix, any, suffix, end or inline, not '" +
          std::string(cols[2]) + "'");
    }
    m.cues_.push_back(std::move(c));
  }
  for (auto* s : {m.line_set_.get(), m.prefix_set_.get(), m.any_set_.get(), m.suffix_.filter.get(),
                  m.end_.filter.get(), m.inline_.filter.get()})
    if (!s->Compile()) return Status::InvalidArgument(name + ": cue patterns too large to compile");
  return m;
}

BoilerplateVerdict BoilerplateModel::Score(std::string_view line, size_t words) const {
  BoilerplateVerdict v;
  std::vector<int> hits;
  // Prose is rarely furniture: every word past 20 takes 0.05 off an anchored cue; a cue found
  // anywhere in the line (not anchored at its start) loses the same from the 12th word on.
  const float anchored_penalty = words > 20 ? 0.05f * static_cast<float>(words - 20) : 0.f;
  const float loose_penalty = words > 12 ? 0.05f * static_cast<float>(words - 12) : 0.f;
  float best = 0.f;
  auto take = [&](const re2::RE2::Set& set, const std::vector<size_t>& idx, float penalty) {
    hits.clear();
    if (!set.Match(line, &hits)) return;
    for (int h : hits) {
      const Cue& c = cues_[idx[h]];
      float score = c.weight - penalty;
      if (v.kind.empty() || score > best) {
        best = score;
        v.cue_weight = c.weight;
        v.kind = c.kind;
      }
    }
  };
  // Whole-line and prefix cues describe short furniture lines; skip them on long paragraphs.
  if (words <= 80) {
    take(*line_set_, line_idx_, anchored_penalty);
    take(*prefix_set_, prefix_idx_, anchored_penalty);
  }
  if (words <= 60) take(*any_set_, any_idx_, loose_penalty);
  v.suffix_start = MatchSuffix(suffix_, line, &v.suffix_kind);
  v.score = v.kind.empty() ? 0.f : best;
  return v;
}

std::vector<int> BoilerplateModel::Scan::Candidates(std::string_view line) const {
  std::vector<int> hits;
  if (cues.empty() || !filter->Match(line, &hits)) return {};
  std::sort(hits.begin(), hits.end());
  return hits;
}

size_t BoilerplateModel::MatchSuffix(const Scan& scan, std::string_view line,
                                     std::string* kind) const {
  // A suffix cue describes a short tail (a "Baca juga" headline, a credit, initials): only the
  // line's last kSuffixWindow bytes are searched, so a long paragraph costs no more than a short
  // one (the window starts on a character boundary).
  constexpr size_t kSuffixWindow = 512;
  size_t from = line.size() > kSuffixWindow ? line.size() - kSuffixWindow : 0;
  while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  const std::string_view tail = line.substr(from);
  for (int c : scan.Candidates(tail)) {
    const auto& [idx, re] = scan.cues[static_cast<size_t>(c)];
    // The whole match only (group 0): RE2 finds its bounds with its DFAs, where asking for a
    // group would run the NFA over a program that counted repeats ("[^.!?]{3,160}") make large.
    re2::StringPiece m;
    if (re->Match(tail, 0, tail.size(), RE2::UNANCHORED, &m, 1) &&
        m.data() + m.size() == line.data() + line.size() && m.size() < line.size()) {
      *kind = cues_[idx].kind;
      return static_cast<size_t>(m.data() - line.data());
    }
  }
  return std::string_view::npos;
}

std::vector<BoilerplateModel::InlineHit> BoilerplateModel::Inline(std::string_view line) const {
  std::vector<InlineHit> hits;
  for (int c : inline_.Candidates(line)) {
    const auto& [idx, re] = inline_.cues[static_cast<size_t>(c)];
    re2::StringPiece in(line.data(), line.size()), m;
    while (RE2::FindAndConsume(&in, *re, &m)) {
      if (m.empty()) break;
      const size_t start = static_cast<size_t>(m.data() - line.data());
      hits.push_back({start, start + m.size(), cues_[idx].kind});
    }
  }
  // In line order, overlaps merged (two cues may cover the same words).
  std::sort(hits.begin(), hits.end(),
            [](const InlineHit& a, const InlineHit& b) { return a.start < b.start; });
  std::vector<InlineHit> out;
  for (InlineHit& h : hits) {
    if (!out.empty() && h.start <= out.back().end)
      out.back().end = std::max(out.back().end, h.end);
    else
      out.push_back(std::move(h));
  }
  return out;
}

size_t BoilerplateModel::EndSuffix(std::string_view line, std::string* kind) const {
  return MatchSuffix(end_, line, kind);
}

}  // namespace linimasa::clean
