#include "core/utf8.h"

namespace linimasa::utf8 {

uint32_t Next(std::string_view s, size_t& i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  size_t n = 0;
  uint32_t cp = 0, min = 0;
  if ((c & 0xE0) == 0xC0) {
    n = 1;
    cp = c & 0x1F;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    n = 2;
    cp = c & 0x0F;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    n = 3;
    cp = c & 0x07;
    min = 0x10000;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + n >= s.size()) {
    ++i;
    return 0xFFFD;
  }  // truncated sequence
  for (size_t k = 1; k <= n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += n + 1;
  return cp;
}

bool IsValid(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t before = i;
    uint32_t cp = Next(s, i);
    if (cp == 0xFFFD && i == before + 1) return false;  // a real U+FFFD is 3 bytes
  }
  return true;
}

void Append(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

void AsciiLowerInto(std::string_view s, std::string& out) {
  out.assign(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

std::string AsciiLower(std::string_view s) {
  std::string out;
  AsciiLowerInto(s, out);
  return out;
}

static bool IsSpaceAt(std::string_view s, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
    len = 1;
    return true;
  }
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
    len = 2;
    return true;
  }
  // U+200B..U+200D zero-width, U+FEFF BOM, U+2009 thin space, U+202F narrow NBSP
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d == 0x8B || d == 0x8C || d == 0x8D || d == 0x89 || d == 0xAF) {
      len = 3;
      return true;
    }
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    len = 3;
    return true;
  }
  return false;
}

std::string_view Trim(std::string_view s) {
  size_t b = 0, len = 0;
  while (b < s.size() && IsSpaceAt(s, b, len)) b += len;
  size_t e = s.size();
  while (e > b) {
    // step back to the start of the last code point
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (IsSpaceAt(s, k, len) && k + len == e)
      e = k;
    else
      break;
  }
  return s.substr(b, e - b);
}

CodePointIndex::CodePointIndex(std::string_view s) : s_(s) {
  checkpoints_.reserve(s.size() / 256 + 2);
  size_t cps = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i % 256 == 0) checkpoints_.push_back(cps);
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cps;
  }
  checkpoints_.push_back(cps);
}

size_t CodePointIndex::ToCodePoint(size_t byte_offset) const {
  if (byte_offset >= s_.size()) return checkpoints_.back();
  size_t k = byte_offset / 256;
  size_t cps = checkpoints_[k];
  for (size_t i = k * 256; i < byte_offset; ++i)
    if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++cps;
  return cps;
}

}  // namespace linimasa::utf8
