#include "ingest/warc.h"

#include <charconv>

#include "core/utf8.h"

namespace linimasa::ingest {
namespace {

// Reads "Name: value" lines up to a blank line starting at `pos`; returns the position after it,
// or npos when the header block never ends.
size_t ReadHeaders(std::string_view d, size_t pos, std::map<std::string, std::string>& out) {
  while (pos < d.size()) {
    size_t eol = d.find('\n', pos);
    if (eol == std::string_view::npos) return std::string_view::npos;
    std::string_view line = d.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    pos = eol + 1;
    if (line.empty()) return pos;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    out[utf8::AsciiLower(utf8::Trim(line.substr(0, colon)))] = std::string(utf8::Trim(line.substr(colon + 1)));
  }
  return std::string_view::npos;
}

}  // namespace

Status ParseWarc(std::string_view d, const std::function<void(const WarcRecord&)>& on_record) {
  size_t pos = 0;
  size_t number = 0;
  while (true) {
    while (pos < d.size() && (d[pos] == '\r' || d[pos] == '\n')) ++pos;
    if (pos >= d.size()) return Status::Ok();
    ++number;
    if (d.compare(pos, 5, "WARC/") != 0)
      return Status::Corruption("record " + std::to_string(number) +
                                ": expected a 'WARC/' version line; the file is not WARC or is damaged here");
    size_t eol = d.find('\n', pos);
    if (eol == std::string_view::npos)
      return Status::Corruption("record " + std::to_string(number) + ": truncated in its version line");
    WarcRecord rec;
    rec.number = number;
    size_t body = ReadHeaders(d, eol + 1, rec.headers);
    if (body == std::string_view::npos)
      return Status::Corruption("record " + std::to_string(number) + ": truncated in its headers");
    auto it = rec.headers.find("content-length");
    size_t len = 0;
    if (it == rec.headers.end() ||
        std::from_chars(it->second.data(), it->second.data() + it->second.size(), len).ec != std::errc())
      return Status::Corruption("record " + std::to_string(number) +
                                ": missing or bad Content-Length header");
    if (len > d.size() - body) {
      return Status::Corruption("record " + std::to_string(number) + ": truncated (Content-Length " +
                                std::to_string(len) + ", " + std::to_string(d.size() - body) +
                                " bytes left); the records before it were read");
    }
    rec.block = d.substr(body, len);
    on_record(rec);
    pos = body + len;
  }
}

bool SplitHttp(std::string_view p, std::string& content_type, std::string& body) {
  if (p.compare(0, 5, "HTTP/") != 0) return false;
  size_t eol = p.find('\n');
  if (eol == std::string_view::npos) return false;
  std::map<std::string, std::string> h;
  size_t start = ReadHeaders(p, eol + 1, h);
  if (start == std::string_view::npos) start = p.size();
  content_type = utf8::AsciiLower(h.count("content-type") ? h["content-type"] : "");
  std::string_view b = p.substr(start);
  if (utf8::AsciiLower(h.count("transfer-encoding") ? h["transfer-encoding"] : "").find("chunked") !=
      std::string::npos) {
    body.clear();
    size_t pos = 0;
    while (pos < b.size()) {
      size_t e = b.find('\n', pos);
      if (e == std::string_view::npos) break;
      size_t n = 0;
      std::string_view hex = utf8::Trim(b.substr(pos, e - pos));
      if (std::from_chars(hex.data(), hex.data() + hex.size(), n, 16).ec != std::errc() || n == 0) break;
      pos = e + 1;
      if (n > b.size() - pos) n = b.size() - pos;
      body.append(b.substr(pos, n));
      pos += n;
      while (pos < b.size() && (b[pos] == '\r' || b[pos] == '\n')) ++pos;
    }
  } else {
    body.assign(b);
  }
  return true;
}

}  // namespace linimasa::ingest
