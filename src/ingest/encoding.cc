#include "ingest/encoding.h"

#include <zlib.h>

#include <cstring>

#include "core/utf8.h"

namespace linimasa::ingest {
namespace {

// Windows-1252 bytes 0x80..0x9F (0 = undefined; mapped to the C1 control of the same value).
// Written out here rather than through ICU's converter: it is 32 entries and decoding stays a table
// lookup.
constexpr uint16_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

std::string NormalizeNewlines(std::string s) {
  if (s.find('\r') == std::string::npos) return s;
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\r') {
      out += '\n';
      if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::string FromUtf16(std::string_view b, bool little) {
  std::string out;
  out.reserve(b.size());
  for (size_t i = 0; i + 1 < b.size(); i += 2) {
    uint32_t u = little ? (uint8_t(b[i]) | uint8_t(b[i + 1]) << 8)
                        : (uint8_t(b[i]) << 8 | uint8_t(b[i + 1]));
    if (u >= 0xD800 && u <= 0xDBFF && i + 3 < b.size()) {
      uint32_t lo = little ? (uint8_t(b[i + 2]) | uint8_t(b[i + 3]) << 8)
                           : (uint8_t(b[i + 2]) << 8 | uint8_t(b[i + 3]));
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      } else {
        u = 0xFFFD;
      }
    } else if (u >= 0xD800 && u <= 0xDFFF) {
      u = 0xFFFD;
    }
    utf8::Append(out, u);
  }
  return out;
}

// The Windows-1252 byte that decodes to `cp` (a C1 control stands for its own byte, as Latin-1
// decoding gives it), or -1.
int Cp1252Byte(uint32_t cp) {
  if (cp < 0x100) return static_cast<int>(cp);
  for (int i = 0; i < 32; ++i)
    if (kCp1252High[i] == cp) return 0x80 + i;
  return -1;
}

// One pass of RepairMojibake. Written here rather than taken from a library: ftfy (Python) is the
// well-kept one, and the C++ engine needs only this one repair, a table lookup per character.
size_t RepairMojibakeOnce(std::string& s) {
  // Fast path: every mojibake run opens with U+00C2..U+00F4, UTF-8 0xC3 0x82..0xB4.
  bool maybe = false;
  for (size_t p = s.find('\xC3'); p != std::string::npos && !maybe; p = s.find('\xC3', p + 1))
    maybe = p + 1 < s.size() && uint8_t(s[p + 1]) >= 0x82 && uint8_t(s[p + 1]) <= 0xB4;
  if (!maybe) return 0;
  std::string out;
  size_t repaired = 0;
  for (size_t i = 0; i < s.size();) {
    const size_t start = i;
    const uint32_t lead = utf8::Next(s, i);
    if (lead >= 0xC2 && lead <= 0xF4) {
      const int need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
      char bytes[4] = {static_cast<char>(lead)};
      size_t j = i;
      bool ok = true;
      for (int k = 1; k <= need && ok; ++k) {
        const int b = j < s.size() ? Cp1252Byte(utf8::Next(s, j)) : -1;
        ok = b >= 0x80 && b <= 0xBF;
        bytes[k] = static_cast<char>(b);
      }
      if (ok && utf8::IsValid(std::string_view(bytes, need + 1))) {
        if (out.empty()) out.assign(s, 0, start);
        out.append(bytes, need + 1);
        i = j;
        ++repaired;
        continue;
      }
    }
    if (repaired) out.append(s, start, i - start);
  }
  if (repaired) s.swap(out);
  return repaired;
}

}  // namespace

size_t RepairMojibake(std::string& s) {
  size_t total = 0;
  for (int pass = 0; pass < 3; ++pass) {
    const size_t n = RepairMojibakeOnce(s);
    if (n == 0) break;
    total += n;
  }
  return total;
}

bool IsGzip(std::string_view b) {
  return b.size() >= 2 && uint8_t(b[0]) == 0x1f && uint8_t(b[1]) == 0x8b;
}

bool LooksBinary(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 8192);
  if (head.size() >= 2 && ((uint8_t(head[0]) == 0xFF && uint8_t(head[1]) == 0xFE) ||
                           (uint8_t(head[0]) == 0xFE && uint8_t(head[1]) == 0xFF)))
    return false;  // UTF-16 with BOM
  size_t ctrl = 0;
  for (unsigned char c : head) {
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b) ++ctrl;
  }
  return !head.empty() && ctrl * 20 > head.size();  // > 5% control bytes
}

Decoded DecodeToUtf8(std::string_view b) {
  Decoded d;
  if (b.size() >= 3 && uint8_t(b[0]) == 0xEF && uint8_t(b[1]) == 0xBB && uint8_t(b[2]) == 0xBF) {
    b.remove_prefix(3);
  } else if (b.size() >= 2 && uint8_t(b[0]) == 0xFF && uint8_t(b[1]) == 0xFE) {
    d.text = NormalizeNewlines(FromUtf16(b.substr(2), true));
    d.source_encoding = "utf-16le";
    d.converted = true;
    return d;
  } else if (b.size() >= 2 && uint8_t(b[0]) == 0xFE && uint8_t(b[1]) == 0xFF) {
    d.text = NormalizeNewlines(FromUtf16(b.substr(2), false));
    d.source_encoding = "utf-16be";
    d.converted = true;
    return d;
  }
  if (utf8::IsValid(b)) {
    d.text = NormalizeNewlines(std::string(b));
    d.source_encoding = "utf-8";
    return d;
  }
  std::string out;
  out.reserve(b.size() + b.size() / 8);
  for (unsigned char c : b) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0xA0) {
      uint16_t u = kCp1252High[c - 0x80];
      utf8::Append(out, u ? u : c);
    } else {
      utf8::Append(out, c);
    }
  }
  d.text = NormalizeNewlines(std::move(out));
  d.source_encoding = "windows-1252";
  d.converted = true;
  return d;
}

Status Gunzip(std::string_view in, std::string& out, size_t max_out) {
  z_stream zs;
  std::memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 32) != Z_OK) return Status::Internal("zlib inflateInit2 failed");
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());  // inputs are bounded by the reader's size limit
  char buf[1 << 16];
  Status st;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    int rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (out.size() > max_out) {
      st = Status::Corruption("decompressed data exceeds " + std::to_string(max_out >> 20) +
                              " MiB; split the archive or raise --max-bytes");
      break;
    }
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      if (!IsGzip(std::string_view(reinterpret_cast<const char*>(zs.next_in), zs.avail_in))) break;
      inflateReset(&zs);  // next gzip member
      continue;
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      st = Status::Corruption(
          "gzip data is truncated (ends inside a compressed member); the "
          "records before the cut were read");
      break;
    }
    if (rc != Z_OK) {
      st = Status::Corruption(std::string("gzip data is damaged (") +
                              (zs.msg ? zs.msg : "zlib error") +
                              "); the records before the damage were read");
      break;
    }
  }
  inflateEnd(&zs);
  return st;
}

}  // namespace linimasa::ingest
