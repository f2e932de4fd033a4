#include "text/tokenizer.h"

#include <algorithm>
#include <cstring>
#include <iterator>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"

namespace linimasa::text {
namespace {

inline uint32_t CpAt(std::string_view t, size_t i, size_t& len) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  size_t j = i;
  uint32_t cp = utf8::Next(t, j);
  len = j - i;
  return cp;
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool IsAlnumAt(std::string_view t, size_t i, size_t end) {
  if (i >= end) return false;
  size_t len;
  uint32_t cp = CpAt(t, i, len);
  return IsLetterCp(cp) || (cp >= '0' && cp <= '9');
}

bool StartsWithCi(std::string_view t, size_t i, size_t end, const char* p) {
  size_t n = std::strlen(p);
  if (end - i < n) return false;
  for (size_t k = 0; k < n; ++k)
    if ((t[i + k] | 0x20) != p[k] && t[i + k] != p[k]) return false;
  return true;
}

bool IsTld(std::string_view s) {
  static const char* kTlds[] = {"com", "co",   "id",  "net",  "org", "go", "ac",
                                "or",  "info", "tv",  "news", "io",  "my", "sg",
                                "uk",  "web",  "sch", "biz",  "us",  "au"};
  std::string l = utf8::AsciiLower(s);
  for (const char* t : kTlds)
    if (l == t) return true;
  return false;
}

size_t ClosingPunctTrim(std::string_view t, size_t b, size_t e) {
  // URLs and handles do not end with sentence punctuation or closing quotes/brackets.
  while (e > b) {
    char c = t[e - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
        c == ']' || c == '"' || c == '\'') {
      --e;
      continue;
    }
    if (e - b >= 3 && static_cast<unsigned char>(t[e - 3]) == 0xE2 &&
        static_cast<unsigned char>(t[e - 2]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(t[e - 1]);
      if (d == 0x9D || d == 0x99) {
        e -= 3;
        continue;
      }  // ” ’
    }
    break;
  }
  return e;
}

}  // namespace

bool IsSpaceCp(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000 || cp == 0xFEFF || cp == 0x85;
}

bool IsLetterCp(uint32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp));
  if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows, currency
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp >= 0xFE10 && cp <= 0xFE6F) return false;  // vertical/small forms
  if (cp >= 0xFF00 && cp <= 0xFF0F) return false;  // full-width punctuation
  if (cp == 0xFEFF || cp == 0xFFFD || cp >= 0x1F000) return false;  // BOM, replacement, emoji
  return true;
}

bool IsUpperStart(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  size_t i = 0;
  uint32_t cp = utf8::Next(s, i);
  return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) || (cp >= 0x391 && cp <= 0x3A9) ||
         (cp >= 0x410 && cp <= 0x42F);
}

Tokenizer::Tokenizer(std::unordered_map<std::string, AbbrevKind> abbreviations)
    : abbrev_(std::move(abbreviations)) {}

Result<Tokenizer> Tokenizer::Load(const std::string& data_dir) {
  std::string path = data_dir + "/text/abbreviations.txt";
  auto bytes = FileEnv::Default().ReadFile(path, 16 << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() + " (set LINIMASA_DATA to the data folder)");
  std::unordered_map<std::string, AbbrevKind> m;
  Status st;
  ForEachLine(*bytes, [&](std::string_view l, size_t line) {
    if (!st.ok() || l.empty() || l[0] == '#') return;
    size_t tab = l.find('\t');
    if (tab == std::string_view::npos) {
      st = Status::InvalidArgument(path + " line " + std::to_string(line) +
                                   ": expected kind<TAB>abbreviation");
      return;
    }
    m[utf8::AsciiLower(l.substr(tab + 1))] =
        l.substr(0, tab) == "title" ? AbbrevKind::kTitle : AbbrevKind::kAbbrev;
  });
  if (!st.ok()) return st;
  return Tokenizer(std::move(m));
}

Tokenizer::AbbrevKind Tokenizer::Abbreviation(std::string_view tok) const {
  if (tok.size() < 2 || tok.back() != '.') return AbbrevKind::kNone;
  std::string_view body = tok.substr(0, tok.size() - 1);
  if (body.size() == 1 && IsAsciiAlpha(body[0])) return AbbrevKind::kTitle;  // an initial: "J."
  // Initials: "D.W." — single capitals between periods.
  bool initials = true;
  for (size_t k = 0; k < body.size(); ++k)
    if (!((k % 2 == 0 && body[k] >= 'A' && body[k] <= 'Z') || (k % 2 == 1 && body[k] == '.')))
      initials = false;
  if (initials) return AbbrevKind::kTitle;
  auto it = abbrev_.find(utf8::AsciiLower(body));
  if (it != abbrev_.end()) return it->second;
  // Unlisted multi-period abbreviations ("S.Kom.", "U.S.A."): segments of 1-3 letters.
  if (body.find('.') != std::string_view::npos) return AbbrevKind::kAbbrev;
  return AbbrevKind::kNone;
}

size_t Tokenizer::ScanWord(std::string_view t, size_t i, size_t end) const {
  size_t j = i, len;
  const size_t start = i;
  auto alnum_run = [&] {
    while (j < end) {
      uint32_t cp = CpAt(t, j, len);
      if (IsLetterCp(cp) || (cp >= '0' && cp <= '9')) {
        j += len;
        continue;
      }
      // Digit groups inside a word-initial amount: "Rp9.400", "Rp1,25".
      if ((cp == '.' || cp == ',') && j > start && IsDigit(t[j - 1]) && j + 1 < end &&
          IsDigit(t[j + 1])) {
        j += 1;
        continue;
      }
      break;
    }
  };
  alnum_run();
  while (j < end) {
    // Joiners inside a word: hyphen (negara-negara, DPRK-Rusia, Covid-19), apostrophe (Jum'at).
    uint32_t cp = CpAt(t, j, len);
    if ((cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2010 || cp == 0x2011) &&
        IsAlnumAt(t, j + len, end)) {
      j += len;
      alnum_run();
      continue;
    }
    break;
  }
  // A superscript power stays on its unit: "km²", "m³".
  if (j < end && j > start && IsAsciiAlpha(t[j - 1])) {
    const uint32_t power = CpAt(t, j, len);
    if (power == 0xB2 || power == 0xB3) j += len;
  }
  if (j < end && t[j] == '.') {
    // Web domains: "Tribunnews.com", "REPUBLIKA.CO.ID".
    size_t k = j;
    bool domain = false;
    while (k < end && t[k] == '.') {
      size_t m = k + 1;
      while (m < end && IsAsciiAlpha(t[m])) ++m;
      if (m == k + 1 || !IsTld(t.substr(k + 1, m - k - 1)) || (m < end && IsAlnumAt(t, m, end)))
        break;
      k = m;
      domain = true;
    }
    if (domain) return k;
    // Multi-period abbreviations: "S.H.", "a.n.", "M.Si.", "U.S.".
    if (j - start <= 3) {
      size_t m = j;
      int segments = 1;
      while (m + 1 < end && t[m] == '.' && IsAsciiAlpha(t[m + 1])) {
        size_t n = m + 1;
        while (n < end && IsAsciiAlpha(t[n]) && n - m <= 3) ++n;
        if (n < end && t[n] == '.' && n - m - 1 <= 3) {
          m = n;
          ++segments;
        } else {
          break;
        }
      }
      if (segments >= 2) return m + 1;
    }
    if (Abbreviation(t.substr(start, j + 1 - start)) != AbbrevKind::kNone) return j + 1;
  }
  return j;
}

namespace {
// Whether the list item number t[d, j) ("7") has its neighbour within a few hundred bytes: the
// number before it ("6. ") or after it ("8. "), not part of a longer number.
bool ListItemNear(std::string_view t, size_t d, size_t j) {
  int n = 0;
  for (size_t k = d; k < j; ++k) n = n * 10 + (t[k] - '0');
  constexpr size_t kReach = 400;
  auto find = [&](int item, size_t from, size_t to) {
    if (item < 1) return false;
    const std::string needle = std::to_string(item) + ". ";
    for (size_t p = t.find(needle, from); p != std::string_view::npos && p < to;
         p = t.find(needle, p + 1))
      if (p == 0 || !IsDigit(t[p - 1])) return true;
    return false;
  };
  return find(n - 1, d > kReach ? d - kReach : 0, d) ||
         find(n + 1, j, std::min(t.size(), j + kReach));
}

// Where a word glued to the next by a dropped space splits (0: it does not). Two shapes, both
// of scraped text: a function word before a capitalised name ("dariReuters"), and a word of
// three letters or more before "detik" and the rest of that outlet's brand ("kepadadetikSulsel",
// "catatandetikcom"). Written out here: the words are closed-class and the rule runs on every
// word token, before any lexicon is at hand.
size_t GluedSplit(std::string_view w) {
  static constexpr std::string_view kFunction[] = {
      "dari",    "kepada",  "oleh",     "untuk",   "dengan",  "pada",     "dan",      "yang",
      "bagi",    "tentang", "terhadap", "sebagai", "bahwa",   "karena",   "saat",     "ketika",
      "melalui", "lewat",   "dalam",    "atas",    "menurut", "dilansir", "mengutip", "dikutip"};
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  size_t k = !w.empty() && upper(w[0]) ? 1 : 0;  // "MenurutInternational"
  while (k < w.size() && lower(w[k])) ++k;       // [0, k): the word before the glue
  // A function word, then a capitalised word of letters only.
  if (k >= 2 && k + 1 < w.size() && upper(w[k]) && lower(w[k + 1])) {
    bool letters = true;
    for (size_t x = k; x < w.size() && letters; ++x) letters = IsAsciiAlpha(w[x]);
    const std::string head = utf8::AsciiLower(w.substr(0, k));
    if (letters &&
        std::find(std::begin(kFunction), std::end(kFunction), head) != std::end(kFunction))
      return k;
  }
  // The "detik" brand at the end of a lower-case word (or one opening a sentence), then "com" or
  // a capital: "kepadadetikSulsel" → 6, "catatandetikcom" → 7, "Dirangkumdetikcom" → 9.
  if (w.size() < 9 || !(lower(w[0]) || (upper(w[0]) && k > 1))) return 0;
  const size_t d = w.substr(0, k).find("detik");
  if (d == std::string_view::npos || d < 3) return 0;
  const std::string_view rest = w.substr(d + 5);
  return rest == "com" || (!rest.empty() && upper(rest[0])) ? d : 0;
}
}  // namespace

void Tokenizer::Tokenize(std::string_view t, size_t begin, size_t end,
                         std::vector<Token>& out) const {
  size_t i = begin, len;
  auto push = [&](size_t b, size_t e, Token::Kind kind) {
    if (!out.empty() && out.back().span.end == b) out.back().space_after = false;
    Token tok;
    tok.span = {b, e};
    tok.kind = kind;
    out.push_back(tok);
  };
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    uint32_t cp = c < 0x80 ? c : CpAt(t, i, len);
    if (c < 0x80) len = 1;
    if (IsSpaceCp(cp)) {
      i += len;
      continue;
    }
    // URLs
    if ((c == 'h' || c == 'H' || c == 'w' || c == 'W') &&
        (StartsWithCi(t, i, end, "http://") || StartsWithCi(t, i, end, "https://") ||
         StartsWithCi(t, i, end, "www."))) {
      size_t j = i;
      while (j < end) {
        uint32_t d = CpAt(t, j, len);
        if (IsSpaceCp(d)) break;
        j += len;
      }
      j = ClosingPunctTrim(t, i, j);
      push(i, j, Token::Kind::kUrl);
      i = j;
      continue;
    }
    // @handles and #hashtags
    if ((c == '@' || c == '#') && i + 1 < end &&
        (IsAsciiAlpha(t[i + 1]) || IsDigit(t[i + 1]) || t[i + 1] == '_')) {
      size_t j = i + 1;
      while (j < end && (IsAsciiAlpha(t[j]) || IsDigit(t[j]) || t[j] == '_' ||
                         (t[j] == '.' && j + 1 < end && IsAsciiAlpha(t[j + 1]))))
        ++j;
      push(i, j, c == '@' ? Token::Kind::kHandle : Token::Kind::kHashtag);
      i = j;
      continue;
    }
    if (IsDigit(static_cast<char>(c))) {
      size_t j = i;
      while (j < end && IsDigit(t[j])) ++j;
      while (j + 1 < end && (t[j] == '.' || t[j] == ',' || t[j] == ':' || t[j] == '/') &&
             IsDigit(t[j + 1])) {
        ++j;
        while (j < end && IsDigit(t[j])) ++j;
      }
      Token::Kind kind = Token::Kind::kNumber;
      if (j + 2 < end && t[j] == '-' && (t[j + 1] | 0x20) == 'a' && (t[j + 2] | 0x20) == 'n' &&
          !IsAlnumAt(t, j + 3, end)) {
        j += 3;  // decades: "1950-an"
      } else if (IsAlnumAt(t, j, end) || (j + 1 < end && t[j] == '-' && IsAlnumAt(t, j + 1, end))) {
        j = ScanWord(t, j, end);  // "5G", "20km", "2-2", "19:4-6"
        kind = Token::Kind::kWord;
      }
      push(i, j, kind);
      i = j;
      continue;
    }
    if (IsLetterCp(cp)) {
      // e-mail addresses: a non-space run with an '@' inside a word-like shape
      size_t run = i;
      bool at = false;
      while (run < end && !IsSpaceCp(CpAt(t, run, len))) {
        if (t[run] == '@') at = true;
        run += len;
      }
      if (at) {
        size_t e = ClosingPunctTrim(t, i, run);
        std::string_view cand = t.substr(i, e - i);
        size_t a = cand.find('@');
        if (a > 0 && cand.find('.', a) != std::string_view::npos &&
            cand.find('@', a + 1) == std::string_view::npos) {
          push(i, e, Token::Kind::kEmail);
          i = e;
          continue;
        }
      }
      // A currency sign glued to its amount is its own token: "Rp9.000" → "Rp" "9.000".
      if (c == 'R' && i + 2 < end && t[i + 1] == 'p' && IsDigit(t[i + 2])) {
        push(i, i + 2, Token::Kind::kSymbol);
        i += 2;
        continue;
      }
      size_t j = ScanWord(t, i, end);
      // A list's item number glued to the word before it where the list lost its line breaks:
      // "… Saifullah Yusuf2. Kepala …", "Rp 12 miliar3. Badan …" → "Yusuf" "2" ".", where the
      // item before or after it is near ("1. " before, "3. " after; not "kelas Moto3. Pada"). Not
      // a lower-case word's "2", the informal reduplication ("orang2", "kira2"), nor capitals
      // ("G20", "COVID19").
      if (size_t d = j; j - i >= 4 && j < end && t[j] == '.' &&
                        (j + 1 == end || (IsSpaceCp(static_cast<unsigned char>(t[j + 1])) &&
                                          j + 2 < end && t[j + 2] >= 'A' && t[j + 2] <= 'Z'))) {
        while (d > i && IsDigit(t[d - 1])) --d;
        bool letters = j - d >= 1 && j - d <= 2 && d - i >= 3, lower = false;
        for (size_t k = i; k < d && letters; ++k) {
          letters = IsAsciiAlpha(t[k]);
          lower |= k > i && t[k] >= 'a' && t[k] <= 'z';
        }
        const bool reduplication = t[i] >= 'a' && t[i] <= 'z' && t.substr(d, j - d) == "2";
        if (letters && lower && !reduplication && ListItemNear(t, d, j)) {
          push(i, d, Token::Kind::kWord);
          push(d, j, Token::Kind::kNumber);
          i = j;
          continue;
        }
      }
      // Words glued where a scraper dropped the space before a link: a preposition or
      // conjunction before a name ("dariReuters", "danGolden") and a word before the outlet's
      // own brand ("kepadadetikSulsel", "catatandetikcom") are two tokens.
      if (const size_t g = GluedSplit(t.substr(i, j - i)); g != 0) {
        push(i, i + g, Token::Kind::kWord);
        i += g;
        continue;
      }
      // English possessive: "Moody's" → "Moody" "'s".
      if (j - i > 3 && (t[j - 1] == 's' || t[j - 1] == 'S') && t[j - 2] == '\'' &&
          !IsAlnumAt(t, j, end)) {
        push(i, j - 2, Token::Kind::kWord);
        push(j - 2, j, Token::Kind::kWord);
        i = j;
        continue;
      }
      push(i, j, Token::Kind::kWord);
      i = j;
      continue;
    }
    // Punctuation and symbols. Runs of . ! ? - are one token ("...", "?!", "--").
    if (c == '.' || c == '!' || c == '?' || c == '-') {
      size_t j = i + 1;
      while (j < end && (t[j] == '.' || t[j] == '!' || t[j] == '?' || (c == '-' && t[j] == '-'))) {
        if (c == '-' && t[j] != '-') break;
        if (c != '-' && t[j] == '-') break;
        ++j;
      }
      push(i, j, Token::Kind::kPunct);
      i = j;
      continue;
    }
    // Doubled marks written for quotes: `` and ''.
    if ((c == '`' || c == '\'') && i + 1 < end && t[i + 1] == t[i]) {
      push(i, i + 2, Token::Kind::kPunct);
      i += 2;
      continue;
    }
    bool punct = cp < 0x80
                     ? (std::strchr("\"'(),:;[]{}/\\`", static_cast<int>(c)) != nullptr)
                     : (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0xAB && cp <= 0xBB && cp != 0xB0);
    push(i, i + len, punct ? Token::Kind::kPunct : Token::Kind::kSymbol);
    i += len;
  }
}

}  // namespace linimasa::text
