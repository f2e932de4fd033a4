// The `analyze` document as JSON. Written by hand rather than through nlohmann::json: building a
// DOM per document and dumping it was a quarter of analyze's time; appending escaped strings
// straight into one buffer is several times faster. --pretty re-indents through nlohmann (people
// read that output; speed does not matter there).
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

class Out {
 public:
  explicit Out(std::string& s) : s_(s) {}

  void Str(std::string_view v) {
    s_ += '"';
    size_t run = 0;  // start of the pending run of bytes that need no escaping
    for (size_t i = 0; i < v.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(v[i]);
      if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) continue;
      if (c >= 0x80) {  // validate multi-byte sequences; replace broken ones
        size_t j = i;
        uint32_t cp = utf8::Next(v, j);
        if (!(cp == 0xFFFD && j == i + 1)) {
          i = j - 1;
          continue;
        }
        s_.append(v.substr(run, i - run));
        s_ += "\xEF\xBF\xBD";
        run = i + 1;
        continue;
      }
      s_.append(v.substr(run, i - run));
      run = i + 1;
      switch (c) {
        case '"':
          s_ += "\\\"";
          break;
        case '\\':
          s_ += "\\\\";
          break;
        case '\n':
          s_ += "\\n";
          break;
        case '\t':
          s_ += "\\t";
          break;
        case '\r':
          s_ += "\\r";
          break;
        case '\b':
          s_ += "\\b";
          break;
        case '\f':
          s_ += "\\f";
          break;
        default: {
          static const char* hex = "0123456789abcdef";
          s_ += "\\u00";
          s_ += hex[c >> 4];
          s_ += hex[c & 15];
        }
      }
    }
    s_.append(v.substr(run));
    s_ += '"';
  }
  void OptStr(const std::optional<std::string>& v) {
    if (v)
      Str(*v);
    else
      s_ += "null";
  }
  void Num(size_t n) { s_ += std::to_string(n); }
  void Key(const char* k) {
    Sep();
    s_ += '"';
    s_ += k;
    s_ += "\":";
    first_ = true;  // the value follows without a comma
  }
  void Open(char c) {
    Sep();
    s_ += c;
    first_ = true;
  }
  void Close(char c) {
    s_ += c;
    first_ = false;
  }
  // Before a value in an array (or a key in an object).
  void Sep() {
    if (!first_) s_ += ',';
    first_ = false;
  }
  void StrList(const std::vector<std::string>& v) {
    Open('[');
    for (const auto& x : v) {
      Sep();
      Str(x);
    }
    Close(']');
  }
  void KeyStr(const char* k, std::string_view v) {
    Key(k);
    Str(v);
    first_ = false;
  }
  void KeyOpt(const char* k, const std::optional<std::string>& v) {
    Key(k);
    OptStr(v);
    first_ = false;
  }
  void KeyNum(const char* k, size_t n) {
    Key(k);
    Num(n);
    first_ = false;
  }
  // "start" and "end" of a span of `text` as code points, and, when `with_text`, its "text".
  void SpanFields(const Span& span, const utf8::CodePointIndex& cp, std::string_view text,
                  bool with_text) {
    KeyNum("start", cp.ToCodePoint(span.start));
    KeyNum("end", cp.ToCodePoint(span.end));
    if (with_text) KeyStr("text", text.substr(span.start, span.size()));
  }

 private:
  std::string& s_;
  bool first_ = true;
};

}  // namespace

std::string ToJson(const Document& doc, const JsonOptions& options) {
  std::string s;
  s.reserve(doc.raw.size() * 2 + 512);
  Out o(s);
  o.Open('{');
  o.KeyStr("id", doc.id);
  o.Key("source");
  o.Open('{');
  o.KeyOpt("path", doc.source.path);
  o.KeyStr("format", FormatName(doc.source.format));
  o.KeyOpt("url", doc.source.url);
  if (doc.source.record) o.KeyNum("record", *doc.source.record);
  o.Close('}');
  if (doc.meta) {
    const Metadata& m = *doc.meta;
    o.Key("meta");
    o.Open('{');
    o.KeyOpt("outlet", m.outlet);
    o.KeyOpt("domain", m.domain);
    o.KeyOpt("title", m.title);
    o.KeyOpt("subtitle", m.subtitle);
    o.Key("authors");
    o.StrList(m.authors);
    o.Key("editors");
    o.StrList(m.editors);
    o.KeyOpt("dateline", m.dateline);
    o.KeyOpt("published", m.published);
    o.KeyOpt("published_basis", m.published_basis);
    o.Key("cited_sources");
    o.StrList(m.cited_sources);
    o.KeyStr("language", m.language);
    o.Close('}');
  }
  static const std::string kEmpty;
  const std::string& text = doc.text ? *doc.text : kEmpty;
  utf8::CodePointIndex text_cp(text);
  if (doc.text) o.KeyStr("text", text);
  if (doc.removed) {
    utf8::CodePointIndex raw_cp(doc.raw);
    o.Key("removed");
    o.Open('[');
    for (const Removed& r : *doc.removed) {
      o.Open('{');
      o.KeyNum("start", raw_cp.ToCodePoint(r.span.start));
      o.KeyNum("end", raw_cp.ToCodePoint(r.span.end));
      o.KeyStr("kind", r.kind);
      o.KeyStr("text", std::string_view(doc.raw).substr(r.span.start, r.span.size()));
      o.Close('}');
    }
    o.Close(']');
  }
  if (doc.sentences) {
    o.Key("sentences");
    o.Open('[');
    for (const Sentence& x : *doc.sentences) {
      o.Open('{');
      o.SpanFields(x.span, text_cp, text, false);
      o.Close('}');
    }
    o.Close(']');
  }
  if (doc.timexes) {
    o.Key("timexes");
    o.Open('[');
    for (const Timex& t : *doc.timexes) {
      o.Open('{');
      o.SpanFields(t.span, text_cp, text, true);
      o.KeyStr("type", t.type);
      o.KeyStr("value", t.value);
      if (t.mod.empty())
        o.KeyOpt("mod", std::nullopt);
      else
        o.KeyStr("mod", t.mod);
      o.Close('}');
    }
    o.Close(']');
  }
  if (doc.entities) {
    o.Key("entities");
    o.Open('[');
    for (const Entity& e : *doc.entities) {
      o.Open('{');
      o.SpanFields(e.span, text_cp, text, true);
      o.KeyStr("type", e.type);
      o.KeyStr("canonical", e.canonical);
      o.KeyStr("id", e.id);
      if (!e.iso.empty()) o.KeyStr("iso", e.iso);
      o.Close('}');
    }
    o.Close(']');
  }
  // One event; `index_key` names what `e.sentence` indexes ("sentence", or "removed" for a
  // caption's event, whose trigger points into the raw input).
  auto event = [&o](const Event& e, const utf8::CodePointIndex& cp, std::string_view in,
                    const char* index_key) {
    o.Open('{');
    o.KeyStr("type", e.type);
    o.KeyStr("cameo", e.cameo);
    o.Key("trigger");
    o.Open('{');
    o.SpanFields(e.trigger, cp, in, true);
    o.Close('}');
    o.Key("actors");
    o.StrList(e.actors);
    o.Key("actor_ids");
    o.StrList(e.actor_ids);
    o.Key("targets");
    o.StrList(e.targets);
    o.Key("target_ids");
    o.StrList(e.target_ids);
    o.KeyOpt("place", e.place);
    o.KeyOpt("place_id", e.place_id);
    o.KeyOpt("time", e.time);
    o.KeyStr("modality", e.modality);
    o.KeyNum(index_key, e.sentence);
    o.Close('}');
  };
  if (doc.events) {
    o.Key("events");
    o.Open('[');
    for (const Event& e : *doc.events) event(e, text_cp, text, "sentence");
    o.Close(']');
  }
  if (doc.caption_events) {
    utf8::CodePointIndex raw_cp(doc.raw);
    o.Key("caption_events");
    o.Open('[');
    for (const Event& e : *doc.caption_events) event(e, raw_cp, doc.raw, "removed");
    o.Close(']');
  }
  if (doc.quotes) {
    o.Key("quotes");
    o.Open('[');
    for (const Quote& q : *doc.quotes) {
      o.Open('{');
      o.SpanFields(q.span, text_cp, text, true);
      o.KeyOpt("speaker", q.speaker);
      o.KeyOpt("speaker_id", q.speaker_id);
      o.KeyOpt("cue", q.cue);
      o.KeyStr("kind", q.direct ? "direct" : "indirect");
      o.Close('}');
    }
    o.Close(']');
  }
  if (options.tokens && doc.tokens && doc.words) {
    o.Key("tokens");
    o.Open('[');
    for (const Token& t : *doc.tokens) {
      o.Open('{');
      o.SpanFields(t.span, text_cp, text, false);
      o.Close('}');
    }
    o.Close(']');
    o.Key("words");
    o.Open('[');
    for (const Word& w : *doc.words) {
      o.Open('{');
      o.SpanFields(w.span, text_cp, text, false);
      o.KeyNum("token", w.token);
      o.KeyStr("lemma", w.lemma);
      o.KeyStr("upos", w.upos);
      o.Close('}');
    }
    o.Close(']');
    if (doc.chunks) {
      o.Key("chunks");
      o.Open('[');
      const auto& words = *doc.words;
      for (const Chunk& c : *doc.chunks) {
        if (c.end_word > words.size() || c.first_word >= c.end_word) continue;
        o.Open('{');
        o.KeyStr("type", ChunkTypeName(c.type));
        o.SpanFields(Span{words[c.first_word].span.start, words[c.end_word - 1].span.end}, text_cp,
                     text, false);
        o.KeyNum("first_word", c.first_word);
        o.KeyNum("end_word", c.end_word);
        o.KeyNum("head", c.head);
        if (c.voice != Chunk::Voice::kNone) o.KeyStr("voice", VoiceName(c.voice));
        o.KeyNum("clause", c.clause);
        o.Close('}');
      }
      o.Close(']');
    }
  }
  o.Key("flags");
  o.Open('[');
  for (const Flag& f : doc.flags) {
    bool has_span = f.span.end > f.span.start && f.span.end <= text.size();
    o.Open('{');
    o.KeyStr("kind", f.kind);
    if (has_span) {
      o.SpanFields(f.span, text_cp, text, true);
    } else {
      o.KeyOpt("start", std::nullopt);
      o.KeyOpt("end", std::nullopt);
      o.KeyOpt("text", std::nullopt);
    }
    o.KeyStr("message", f.message);
    o.Close('}');
  }
  o.Close(']');
  o.Close('}');
  if (options.pretty) return nlohmann::ordered_json::parse(s).dump(2);
  return s;
}

}  // namespace linimasa
