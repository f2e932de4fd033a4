#include "time/timeml.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "core/utf8.h"

namespace linimasa::timex {
namespace {

// Decodes the character reference at raw[pos] ("&amp;", "&#8220;", "&#x201C;"); returns its length
// (0 when it is not one: a bare "&" is text).
size_t Entity(std::string_view raw, size_t pos, std::string& out) {
  size_t semi = raw.find(';', pos);
  if (semi == std::string_view::npos || semi - pos > 10 || semi == pos + 1) return 0;
  std::string_view name = raw.substr(pos + 1, semi - pos - 1);
  uint32_t cp = 0;
  if (name[0] == '#') {
    std::string num(name.substr(1));
    bool hex = !num.empty() && (num[0] == 'x' || num[0] == 'X');
    if (hex) num.erase(0, 1);
    if (num.empty() ||
        num.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
      return 0;
    cp = static_cast<uint32_t>(std::strtoul(num.c_str(), nullptr, hex ? 16 : 10));
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  } else if (name == "amp")
    cp = '&';
  else if (name == "lt")
    cp = '<';
  else if (name == "gt")
    cp = '>';
  else if (name == "quot")
    cp = '"';
  else if (name == "apos")
    cp = '\'';
  else if (name == "nbsp")
    cp = 0xA0;
  else if (name == "ldquo")
    cp = 0x201C;
  else if (name == "rdquo")
    cp = 0x201D;
  else if (name == "lsquo")
    cp = 0x2018;
  else if (name == "rsquo")
    cp = 0x2019;
  else if (name == "ndash")
    cp = 0x2013;
  else if (name == "mdash")
    cp = 0x2014;
  else
    return 0;
  utf8::Append(out, cp);
  return semi - pos + 1;
}

// The value of attribute `name` (case-insensitive) in a tag's text, "" when absent.
std::string Attr(std::string_view tag, std::string_view name) {
  std::string low = utf8::AsciiLower(tag);
  std::string key = utf8::AsciiLower(name);
  size_t pos = 0;
  while ((pos = low.find(key, pos)) != std::string::npos) {
    bool left_ok = pos > 0 && (low[pos - 1] == ' ' || low[pos - 1] == '\t' || low[pos - 1] == '\n');
    size_t q = pos + key.size();
    while (q < low.size() && low[q] == ' ') ++q;
    if (left_ok && q < low.size() && low[q] == '=') {
      ++q;
      while (q < low.size() && low[q] == ' ') ++q;
      if (q < low.size() && (low[q] == '"' || low[q] == '\'')) {
        char quote = low[q];
        size_t e = tag.find(quote, q + 1);
        if (e == std::string_view::npos) return "";
        std::string v;
        std::string_view sv = tag.substr(q + 1, e - q - 1);
        for (size_t i = 0; i < sv.size();) {
          if (sv[i] == '&') {
            if (size_t n = Entity(sv, i, v)) {
              i += n;
              continue;
            }
          }
          v += sv[i++];
        }
        size_t b = v.find_first_not_of(" \t"), en = v.find_last_not_of(" \t");
        return b == std::string::npos ? "" : v.substr(b, en - b + 1);
      }
    }
    pos = q;
  }
  return "";
}

bool TagNameIs(std::string_view tag, std::string_view name) {
  // tag: "<TIMEX3 ...>" or "</TIMEX3>"
  size_t p = 1;
  if (p < tag.size() && tag[p] == '/') ++p;
  if (tag.size() < p + name.size()) return false;
  for (size_t i = 0; i < name.size(); ++i)
    if ((tag[p + i] | 0x20) != (name[i] | 0x20)) return false;
  char after = p + name.size() < tag.size() ? tag[p + name.size()] : '>';
  return after == '>' || after == ' ' || after == '/' || after == '\t' || after == '\n';
}

// Length of the tag, comment or declaration starting at raw[pos] == '<' (0 if it is text).
size_t Markup(std::string_view raw, size_t pos) {
  if (pos + 1 >= raw.size()) return 0;
  char c = raw[pos + 1];
  if (raw.substr(pos, 4) == "<!--") {
    size_t e = raw.find("-->", pos + 4);
    return e == std::string_view::npos ? 0 : e + 3 - pos;
  }
  if (!(std::isalpha(static_cast<unsigned char>(c)) || c == '/' || c == '?' || c == '!')) return 0;
  size_t e = raw.find('>', pos);
  if (e == std::string_view::npos) return 0;
  size_t lt = raw.find('<', pos + 1);
  if (lt != std::string_view::npos && lt < e) return 0;
  return e + 1 - pos;
}

// The first "<name" (or "</name") tag in `lower` (the file lower-cased once) at or after `from`.
size_t FindTag(const std::string& lower, std::string_view name, size_t from, bool closing) {
  std::string needle = utf8::AsciiLower(std::string(closing ? "</" : "<") + std::string(name));
  size_t p = from;
  while ((p = lower.find(needle, p)) != std::string::npos) {
    char after = p + needle.size() < lower.size() ? lower[p + needle.size()] : '>';
    if (after == '>' || after == ' ' || after == '\t' || after == '\n' || after == '/') return p;
    p += needle.size();
  }
  return std::string::npos;
}

}  // namespace

Result<TimeMLDoc> ParseTimeML(std::string raw, const std::string& name) {
  TimeMLDoc d;
  d.raw = std::move(raw);
  std::string_view r = d.raw;
  const std::string lower = utf8::AsciiLower(r);
  size_t open = FindTag(lower, "TEXT", 0, false);
  if (open == std::string::npos)
    return Status::InvalidArgument(
        name + ": no <TEXT> element; a TimeML file needs <TEXT>…</TEXT> around its text");
  size_t open_end = r.find('>', open);
  size_t close =
      open_end == std::string::npos ? std::string::npos : FindTag(lower, "TEXT", open_end, true);
  if (close == std::string::npos)
    return Status::InvalidArgument(name + ": <TEXT> is not closed; add </TEXT> after the text");
  d.text_begin = open_end + 1;
  d.text_end = close;
  // DCT
  size_t dct = FindTag(lower, "DCT", 0, false);
  if (dct != std::string::npos) {
    size_t t = FindTag(lower, "TIMEX3", dct, false);
    size_t dct_close = FindTag(lower, "DCT", dct, true);
    if (t != std::string::npos && (dct_close == std::string::npos || t < dct_close)) {
      size_t te = r.find('>', t);
      if (te != std::string::npos) {
        std::string v = Attr(r.substr(t, te + 1 - t), "value");
        if (!v.empty()) d.dct = v;
      }
    }
  }
  if (!d.dct) d.warnings.push_back(name + ": no DCT value; relative dates are left unresolved");
  // TEXT → plain text
  struct Open {
    size_t start;
    Timex t;
  };
  std::vector<Open> stack;
  for (size_t i = d.text_begin; i < d.text_end;) {
    char c = r[i];
    if (c == '<') {
      if (size_t n = Markup(r, i)) {
        std::string_view tag = r.substr(i, n);
        if (TagNameIs(tag, "TIMEX3")) {
          bool closing = tag[1] == '/';
          bool empty = tag.size() >= 2 && tag[tag.size() - 2] == '/';
          if (closing) {
            if (!stack.empty()) {
              Open o = std::move(stack.back());
              stack.pop_back();
              o.t.span = Span{o.start, d.text.size()};
              if (o.t.span.end > o.t.span.start) d.timexes.push_back(std::move(o.t));
            }
          } else if (!empty) {
            Open o;
            o.start = d.text.size();
            std::string type = Attr(tag, "type");
            for (char& ch : type)
              ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
            o.t.type = type;
            o.t.value = Attr(tag, "value");
            o.t.mod = Attr(tag, "mod");
            stack.push_back(std::move(o));
          }
        }
        i += n;
        continue;
      }
    }
    size_t before = d.text.size();
    size_t consumed = 1;
    if (c == '&') consumed = Entity(r, i, d.text);
    if (c != '&' || consumed == 0) {
      d.text += c;
      consumed = 1;
    }
    for (size_t k = before; k < d.text.size(); ++k) {
      d.raw_start.push_back(i);
      d.raw_end.push_back(i + consumed);
    }
    i += consumed;
  }
  std::sort(d.timexes.begin(), d.timexes.end(),
            [](const Timex& a, const Timex& b) { return a.span.start < b.span.start; });
  return d;
}

std::string WriteTimeML(const TimeMLDoc& doc, const std::vector<Timex>& timexes) {
  struct Insert {
    size_t pos;
    int order;  // 0: closing tag, 1: opening tag (a close and an open at one place: close first)
    std::string s;
  };
  std::vector<Insert> ins;
  int tid = 0;
  auto esc = [](const std::string& v) {
    std::string o;
    for (char c : v) {
      if (c == '"')
        o += "&quot;";
      else if (c == '&')
        o += "&amp;";
      else if (c == '<')
        o += "&lt;";
      else
        o += c;
    }
    return o;
  };
  for (const Timex& t : timexes) {
    if (t.span.end <= t.span.start || t.span.end > doc.text.size()) continue;
    std::string open = "<TIMEX3 tid=\"t" + std::to_string(++tid) + "\" type=\"" + esc(t.type) +
                       "\" value=\"" + esc(t.value) + "\"";
    if (!t.mod.empty()) open += " mod=\"" + esc(t.mod) + "\"";
    open += ">";
    ins.push_back({doc.raw_start[t.span.start], 1, std::move(open)});
    ins.push_back({doc.raw_end[t.span.end - 1], 0, "</TIMEX3>"});
  }
  std::stable_sort(ins.begin(), ins.end(), [](const Insert& a, const Insert& b) {
    return a.pos != b.pos ? a.pos < b.pos : a.order < b.order;
  });
  std::string_view r = doc.raw;
  std::string out;
  out.reserve(r.size() + ins.size() * 48);
  out.append(r.substr(0, doc.text_begin));
  size_t k = 0;
  for (size_t i = doc.text_begin; i <= doc.text_end;) {
    while (k < ins.size() && ins[k].pos == i) out += ins[k++].s;
    if (i == doc.text_end) break;
    if (r[i] == '<') {
      if (size_t n = Markup(r, i)) {
        if (!TagNameIs(r.substr(i, n), "TIMEX3")) out.append(r.substr(i, n));  // old TIMEX3 tags go
        // Inserts inside a tag cannot happen: they sit at raw offsets of text characters.
        i += n;
        continue;
      }
      // A bare "<" (not markup) is written as "&lt;": once old TIMEX3 tags are gone it could
      // otherwise start a tag with a later ">" and swallow text. Likewise a bare "&".
      out += "&lt;";
      ++i;
      continue;
    }
    if (r[i] == '&') {
      std::string scratch;
      if (size_t n = Entity(r, i, scratch)) {
        out.append(r.substr(i, n));
        i += n;
      } else {
        out += "&amp;";
        ++i;
      }
      continue;
    }
    out += r[i++];
  }
  out.append(r.substr(doc.text_end));
  return out;
}

}  // namespace linimasa::timex
