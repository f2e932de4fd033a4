#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "linimasa/json.h"

namespace linimasa {

#ifndef LINIMASA_VERSION
#define LINIMASA_VERSION "0.0.0"
#endif

std::string VersionString() {
  return std::string("linimasa ") + LINIMASA_VERSION + " (document schema 1; boilerplate cues 1)";
}

namespace {

using json = nlohmann::ordered_json;

json OptStr(const std::optional<std::string>& s) { return s ? json(*s) : json(nullptr); }

}  // namespace

std::string ToJson(const Document& doc, const JsonOptions& options) {
  json j;
  j["id"] = doc.id;
  j["source"] = {{"path", OptStr(doc.source.path)},
                 {"format", FormatName(doc.source.format)},
                 {"url", OptStr(doc.source.url)}};
  if (doc.source.record) j["source"]["record"] = *doc.source.record;
  if (doc.meta) {
    const Metadata& m = *doc.meta;
    j["meta"] = {{"outlet", OptStr(m.outlet)},
                 {"domain", OptStr(m.domain)},
                 {"title", OptStr(m.title)},
                 {"subtitle", OptStr(m.subtitle)},
                 {"authors", m.authors},
                 {"editors", m.editors},
                 {"dateline", OptStr(m.dateline)},
                 {"published", OptStr(m.published)},
                 {"published_basis", OptStr(m.published_basis)},
                 {"cited_sources", m.cited_sources},
                 {"language", m.language}};
  }
  static const std::string kEmpty;
  const std::string& text = doc.text ? *doc.text : kEmpty;
  utf8::CodePointIndex text_cp(text);
  if (doc.text) j["text"] = text;
  if (doc.removed) {
    utf8::CodePointIndex raw_cp(doc.raw);
    json arr = json::array();
    for (const Removed& r : *doc.removed)
      arr.push_back({{"start", raw_cp.ToCodePoint(r.span.start)},
                     {"end", raw_cp.ToCodePoint(r.span.end)},
                     {"kind", r.kind},
                     {"text", doc.raw.substr(r.span.start, r.span.size())}});
    j["removed"] = std::move(arr);
  }
  if (doc.sentences) {
    json arr = json::array();
    for (const Sentence& s : *doc.sentences)
      arr.push_back({{"start", text_cp.ToCodePoint(s.span.start)}, {"end", text_cp.ToCodePoint(s.span.end)}});
    j["sentences"] = std::move(arr);
  }
  json flags = json::array();
  for (const Flag& f : doc.flags) {
    bool has_span = f.span.end > f.span.start && f.span.end <= text.size();
    flags.push_back({{"kind", f.kind},
                     {"start", has_span ? json(text_cp.ToCodePoint(f.span.start)) : json(nullptr)},
                     {"end", has_span ? json(text_cp.ToCodePoint(f.span.end)) : json(nullptr)},
                     {"text", has_span ? json(text.substr(f.span.start, f.span.size())) : json(nullptr)},
                     {"message", f.message}});
  }
  j["flags"] = std::move(flags);
  // Replace any invalid UTF-8 (never expected after decoding) instead of failing the document.
  return j.dump(options.pretty ? 2 : -1, ' ', false, json::error_handler_t::replace);
}

}  // namespace linimasa
