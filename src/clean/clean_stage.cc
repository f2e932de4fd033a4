#include "clean/clean_stage.h"

#include <algorithm>
#include <unordered_map>

#include "clean/line_features.h"
#include "core/utf8.h"

namespace linimasa::clean {
namespace {

constexpr float kThreshold = 1.0f;
// How far into the article a dateline is looked for (non-empty lines): page headers before it —
// timestamp, title, standfirst, byline, photo caption — rarely take more.
constexpr size_t kHeaderWindow = 14;

std::vector<Span> SplitLines(const Document& doc) {
  std::vector<Span> out;
  if (!doc.blocks.empty()) {
    for (const Block& b : doc.blocks) out.push_back(b.span);
    return out;
  }
  size_t pos = 0;
  const std::string& raw = doc.raw;
  while (pos <= raw.size()) {
    size_t eol = raw.find('\n', pos);
    if (eol == std::string::npos) eol = raw.size();
    out.push_back({pos, eol});
    pos = eol + 1;
  }
  return out;
}

// Trims a span to its non-space content.
Span TrimSpan(const std::string& raw, Span s) {
  std::string_view v(raw.data() + s.start, s.size());
  std::string_view t = utf8::Trim(v);
  if (t.empty()) return {s.start, s.start};
  size_t b = s.start + static_cast<size_t>(t.data() - v.data());
  return {b, b + t.size()};
}

// Cuts content line i at byte `cut` of it: the end becomes a removed span of `kind`, inserted
// after the line (trimmed; the line keeps its own trailing spaces, which Process trims).
void CutEnd(const std::string& raw, std::vector<LineInfo>& lines, size_t i, size_t cut,
            std::string kind) {
  LineInfo part;
  part.span = TrimSpan(raw, {lines[i].span.start + cut, lines[i].span.end});
  part.kind = std::move(kind);
  lines[i].span.end = lines[i].span.start + cut;
  lines.insert(lines.begin() + static_cast<long>(i) + 1, std::move(part));
}

}  // namespace

void CleanStage::MarkHeaderZone(const std::string& raw, const std::vector<LineFeatures>& feats,
                                std::vector<LineInfo>& lines) const {
  auto text_of = [&](size_t i) {
    return std::string_view(raw.data() + lines[i].span.start, lines[i].span.size());
  };
  auto open = [&](size_t i) { return lines[i].span.size() > 0 && lines[i].kind.empty(); };
  size_t body = lines.size();
  bool by_dateline = false;
  size_t seen = 0, unclaimed_before = 0;
  for (size_t i = 0; i < lines.size() && seen < kHeaderWindow; ++i) {
    if (lines[i].span.size() == 0) continue;
    ++seen;
    if (!lines[i].kind.empty()) continue;
    if (meta_.ParseDateline(text_of(i))) {
      body = i;
      by_dateline = true;
      break;
    }
    // Paragraphs of prose above a "dateline" mean it is not one.
    if (feats[i].words > 24 || ++unclaimed_before > 6) break;
  }
  if (!by_dateline) {
    body = lines.size();
    for (size_t i = 0; i < lines.size(); ++i)
      if (open(i) && feats[i].prose()) {
        body = i;
        break;
      }
    if (body == lines.size()) return;
  }
  bool title_done = false, sub_done = false;
  for (size_t i = 0; i < body; ++i) {
    if (!open(i)) continue;
    if (meta_.IsTimestamp(text_of(i))) {
      lines[i].kind = "header";
      continue;
    }
    if (!title_done) {
      title_done = true;
      if (!by_dateline && (feats[i].ends_sentence || feats[i].words > 20))
        break;  // not a title: content
      lines[i].kind = "header";
      lines[i].title = true;
    } else if (!sub_done) {
      sub_done = true;
      lines[i].kind = "header";
      lines[i].subtitle = true;
    } else if (by_dateline) {
      lines[i].kind = "header";
    }
  }
}

Result<std::unique_ptr<Stage>> CleanStage::Create(const StageContext& ctx) {
  if (ctx.data_dir.empty())
    return Status::NotFound(
        "data folder not found next to the executable (../share/linimasa/data); set LINIMASA_DATA "
        "to the folder that holds boilerplate/ and metadata/");
  auto model = BoilerplateModel::Load(ctx.data_dir + "/boilerplate/cues.tsv");
  if (!model.ok()) return model.status();
  auto meta = MetadataExtractor::Load(ctx.data_dir);
  if (!meta.ok()) return meta.status();
  return std::unique_ptr<Stage>(new CleanStage(std::move(model).value(), std::move(meta).value()));
}

std::vector<LineInfo> CleanStage::Classify(const Document& doc) const {
  const std::string& raw = doc.raw;
  std::vector<Span> spans = SplitLines(doc);
  const bool html = !doc.blocks.empty();
  std::vector<LineInfo> lines;
  std::vector<LineFeatures> feats;
  std::vector<BoilerplateVerdict> verdicts;
  lines.reserve(spans.size());
  for (size_t i = 0; i < spans.size(); ++i) {
    LineInfo li;
    li.span = TrimSpan(raw, spans[i]);
    std::string_view t(raw.data() + li.span.start, li.span.size());
    LineFeatures f = ComputeLineFeatures(t);
    BoilerplateVerdict v = t.empty() ? BoilerplateVerdict{} : model_.Score(t, f.words);
    // Shape evidence: short all-caps lines ("ADVERTISEMENT", "BERITA TERKAIT") are furniture-like.
    if (f.words > 0 && f.words <= 6 && f.letters >= 4 && f.upper_ratio() > 0.9f) v.score += 0.4f;
    if (html) {
      const Block& b = doc.blocks[i];
      if (!b.main) {
        v.score += kThreshold;
        if (v.kind.empty()) v.kind = b.hint.empty() ? "other" : b.hint;
      } else if (b.kind == Block::Kind::kCaption) {  // <figcaption>, <caption>
        v.score += kThreshold;
        if (v.kind.empty()) v.kind = "caption";
      } else if (b.link_density > 0.6f && f.words <= 25) {
        v.score += kThreshold;
        if (v.kind.empty()) v.kind = "related";
      } else if (!b.hint.empty() && v.kind.empty() && f.words <= 25) {
        v.score += 0.5f;
        v.kind = b.hint;
      }
    }
    if (!t.empty() && v.score >= kThreshold) li.kind = v.kind.empty() ? "other" : v.kind;
    lines.push_back(li);
    feats.push_back(f);
    verdicts.push_back(std::move(v));
  }
  // A line repeated in the document (a photo caption shown twice) shares its first verdict.
  std::unordered_map<std::string_view, size_t> first;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].span.size() == 0) continue;
    std::string_view t(raw.data() + lines[i].span.start, lines[i].span.size());
    auto [it, inserted] = first.emplace(t, i);
    if (!inserted && lines[i].kind.empty() && !lines[it->second].kind.empty())
      lines[i].kind = lines[it->second].kind;
  }

  // Header zone (text inputs): lines before the body, where pages put a timestamp, the title and
  // the standfirst. The body opens at a dateline ("KOTA, OUTLET.com - ") when the lines above it
  // are short; else at the first line of prose, and then only a title-like first line (no final
  // punctuation, at most 20 words) and the line after it count as header.
  if (!html) MarkHeaderZone(raw, feats, lines);
  // HTML: a timestamp above the first paragraph ("Senin, 12 Februari 2024 | 09:15 WIB") is the
  // page header's, not body text.
  if (html) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].span.size() == 0 || !lines[i].kind.empty()) continue;
      if (feats[i].prose()) break;
      if (meta_.IsTimestamp(
              std::string_view(raw).substr(lines[i].span.start, lines[i].span.size())))
        lines[i].kind = "header";
    }
  }
  // HTML: a heading equal to the page title is the title, not body text; without a page title,
  // so is a heading above the first paragraph.
  if (html) {
    for (size_t i = 0; i < lines.size(); ++i) {
      if (!doc.input.title && feats[i].prose() && lines[i].kind.empty()) break;
      if (doc.blocks[i].kind != Block::Kind::kHeading || !lines[i].kind.empty()) continue;
      std::string_view t(raw.data() + lines[i].span.start, lines[i].span.size());
      if (t.empty()) continue;
      if (!doc.input.title || doc.input.title->find(t) != std::string::npos) {
        lines[i].kind = "header";
        lines[i].title = !doc.input.title;
        break;
      }
    }
  }
  // A bare heading of links followed by two or more headlines ("Berita Terkait", then "Harga Beras
  // Turun di Sejumlah Daerah", "Bulog Siap Salurkan Beras"): the headlines are the links.
  for (size_t h = 0; h < lines.size(); ++h) {
    if (lines[h].kind != "related" || feats[h].words > 4) continue;
    std::vector<size_t> run;
    for (size_t i = h + 1; i < lines.size(); ++i) {
      if (lines[i].span.size() == 0) continue;
      if (!lines[i].kind.empty() || !feats[i].headline()) break;
      run.push_back(i);
    }
    if (run.size() >= 2)
      for (size_t i : run) lines[i].kind = "related";
  }
  // Tail: after the last paragraph, a bare heading of links ("Artikel Selanjutnya", "Berita
  // Terkait") followed only by headlines and furniture — the headlines are the links. A bare
  // heading inside the article removes only itself: the paragraph after it is content.
  for (size_t h = lines.size(); h-- > 0;) {
    if (lines[h].span.size() == 0) continue;
    if (lines[h].kind.empty() && feats[h].headline()) continue;
    if (lines[h].kind.empty()) break;  // the last paragraph
    if (lines[h].kind == "related" && feats[h].words <= 4) {
      for (size_t i = h + 1; i < lines.size(); ++i)
        if (lines[i].span.size() > 0 && lines[i].kind.empty()) lines[i].kind = "related";
      break;
    }
  }
  // Trailing suffix cues ("…Perang Dunia II.***") remove only the end of a content line.
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!lines[i].kind.empty() || verdicts[i].suffix_start == std::string_view::npos) continue;
    CutEnd(raw, lines, i, verdicts[i].suffix_start, verdicts[i].suffix_kind);
    verdicts.insert(verdicts.begin() + static_cast<long>(i) + 1,
                    BoilerplateVerdict{});  // keep indices aligned
    ++i;
  }
  // Inline cues: furniture run into a paragraph is cut out; the paragraph's parts are joined
  // again by a space in the clean text.
  std::vector<LineInfo> split;
  split.reserve(lines.size());
  for (LineInfo& l : lines) {
    std::vector<BoilerplateModel::InlineHit> hits;
    if (l.kind.empty() && l.span.size() > 0)
      hits = model_.Inline(std::string_view(raw).substr(l.span.start, l.span.size()));
    if (hits.empty()) {
      split.push_back(std::move(l));
      continue;
    }
    size_t at = l.span.start;
    bool content_before = false;
    auto content = [&](size_t a, size_t b) {
      LineInfo part;
      part.span = TrimSpan(raw, {a, b});
      if (part.span.size() == 0) return;
      part.joins = content_before;
      content_before = true;
      split.push_back(std::move(part));
    };
    for (const auto& h : hits) {
      content(at, l.span.start + h.start);
      LineInfo cut;
      cut.span = TrimSpan(raw, {l.span.start + h.start, l.span.start + h.end});
      cut.kind = h.kind;
      split.push_back(std::move(cut));
      at = l.span.start + h.end;
    }
    content(at, l.span.end);
  }
  lines = std::move(split);
  // End cues: the writer's initials closing the last paragraph ("… lebih lanjut. [ded]").
  for (size_t i = lines.size(); i-- > 0;) {
    if (lines[i].span.size() == 0 || !lines[i].kind.empty()) continue;
    std::string kind;
    size_t cut = model_.EndSuffix(
        std::string_view(raw).substr(lines[i].span.start, lines[i].span.size()), &kind);
    if (cut != std::string_view::npos) CutEnd(raw, lines, i, cut, std::move(kind));
    break;
  }
  return lines;
}

Status CleanStage::Process(Document& doc) const {
  std::vector<LineInfo> lines = Classify(doc);
  std::string text;
  text.reserve(doc.raw.size());
  std::vector<Removed> removed;
  std::vector<OffsetRun> map;
  for (const LineInfo& l : lines) {
    if (l.span.size() == 0) continue;
    if (!l.kind.empty()) {
      removed.push_back({l.span, l.kind});
      continue;
    }
    // A suffix cut leaves the line's own trailing spaces: trim them.
    std::string_view t = utf8::Trim(std::string_view(doc.raw).substr(l.span.start, l.span.size()));
    if (t.empty()) continue;
    size_t raw_start = static_cast<size_t>(t.data() - doc.raw.data());
    if (!text.empty()) text += l.joins ? ' ' : '\n';
    map.push_back({text.size(), raw_start, t.size()});
    text.append(t);
  }
  doc.text = std::move(text);
  doc.offset_map = std::move(map);
  doc.removed = std::move(removed);
  meta_.Extract(doc, lines);
  return Status::Ok();
}

}  // namespace linimasa::clean
