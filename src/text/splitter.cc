#include "text/splitter.h"

#include <cstdint>

#include "core/utf8.h"

namespace linimasa::text {
namespace {

std::string_view Tok(std::string_view text, const Token& t) {
  return text.substr(t.span.start, t.span.size());
}

bool IsTerminal(std::string_view s) {
  if (s == "\xE2\x80\xA6") return true;  // …
  if (s.empty()) return false;
  for (char c : s)
    if (c != '.' && c != '!' && c != '?') return false;
  return true;
}

bool IsClosing(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "\xE2\x80\x9D" /* ” */ ||
         s == "\xE2\x80\x99" /* ’ */ || s == "\xC2\xBB" /* » */;
}

bool IsOpening(std::string_view s);
// "``" is the opening quote of text typed for TeX (and of UD GSD's raw text), "--" a typed dash.
bool IsOpening(std::string_view s) {
  return s == "\"" || s == "'" || s == "``" || s == "--" || s == "(" || s == "[" ||
         s == "\xE2\x80\x9C" /* “ */ || s == "\xE2\x80\x98" /* ‘ */ || s == "\xC2\xAB" /* « */ ||
         s == "-" || s == "\xE2\x80\x93" || s == "\xE2\x80\x94";
}

bool CanOpen(std::string_view text, const std::vector<Token>& tokens, size_t k, size_t last) {
  if (k >= last) return true;
  std::string_view s = Tok(text, tokens[k]);
  if (IsUpperStart(s)) return true;
  if (!s.empty() && s[0] >= '0' && s[0] <= '9') return true;
  if (tokens[k].kind == Token::Kind::kUrl || tokens[k].kind == Token::Kind::kHandle ||
      tokens[k].kind == Token::Kind::kHashtag)
    return true;
  if (IsOpening(s) && k + 1 < last) {
    std::string_view n = Tok(text, tokens[k + 1]);
    return IsUpperStart(n) || (!n.empty() && n[0] >= '0' && n[0] <= '9');
  }
  return false;
}

}  // namespace

// Marks tokens inside a quotation that closes within the paragraph: UD Indonesian keeps a quoted
// passage of several sentences as one sentence ('"… berganti. … pemenangnya," jelasnya.'). A quote
// that never closes in its paragraph (a common slip in news copy) does not hold sentences together.
constexpr size_t kMaxQuoteTokens = 80;

std::vector<char> InsideQuotes(std::string_view text, const std::vector<Token>& tokens,
                               size_t first, size_t last) {
  std::vector<char> inside(last - first, 0);
  size_t open = SIZE_MAX;
  bool curly = false;
  for (size_t k = first; k < last; ++k) {
    std::string_view s = Tok(text, tokens[k]);
    bool straight = s == "\"";
    bool left = s == "\xE2\x80\x9C", right = s == "\xE2\x80\x9D";
    if (open == SIZE_MAX) {
      bool opens = left || (straight && (k == first || tokens[k - 1].space_after ||
                                         IsOpening(Tok(text, tokens[k - 1]))));
      if (opens) {
        open = k;
        curly = left;
      }
    } else if ((curly && (right || straight)) || (!curly && (straight || right))) {
      // Long "quotations" are mismatched quote marks far apart, not one quoted passage.
      if (k - open <= kMaxQuoteTokens)
        for (size_t m = open + 1; m < k; ++m) inside[m - first] = 1;
      open = SIZE_MAX;
    } else if (k - open > kMaxQuoteTokens) {
      open = SIZE_MAX;  // give up on a quote that does not close nearby
    }
  }
  return inside;
}

// Marks tokens inside a parenthesis that closes within a few tokens ("(SSK. II)", "(Bl.)"):
// an abbreviation or initial there does not end the sentence around it.
constexpr size_t kMaxParenTokens = 12;

std::vector<char> InsideParens(std::string_view text, const std::vector<Token>& tokens,
                               size_t first, size_t last) {
  std::vector<char> inside(last - first, 0);
  size_t open = SIZE_MAX;
  for (size_t k = first; k < last; ++k) {
    std::string_view s = Tok(text, tokens[k]);
    if (s == "(") {
      open = k;
    } else if (s == ")" && open != SIZE_MAX) {
      if (k - open <= kMaxParenTokens)
        for (size_t m = open + 1; m < k; ++m) inside[m - first] = 1;
      open = SIZE_MAX;
    }
  }
  return inside;
}

void SplitSentences(std::string_view text, const std::vector<Token>& tokens, size_t first,
                    size_t last, const Tokenizer& tokenizer, std::vector<Sentence>& out) {
  size_t start = first;
  const std::vector<char> quoted = InsideQuotes(text, tokens, first, last);
  const std::vector<char> parens = InsideParens(text, tokens, first, last);
  auto emit = [&](size_t end_tok) {
    if (end_tok <= start) return;
    Sentence s;
    s.span = {tokens[start].span.start, tokens[end_tok - 1].span.end};
    s.first_token = static_cast<uint32_t>(start);
    s.end_token = static_cast<uint32_t>(end_tok);
    out.push_back(s);
    start = end_tok;
  };
  for (size_t k = first; k < last; ++k) {
    std::string_view s = Tok(text, tokens[k]);
    bool terminal = tokens[k].kind == Token::Kind::kPunct && IsTerminal(s);
    bool abbrev = false;
    if (!terminal && s.size() > 1 && s.back() == '.' && tokens[k].kind == Token::Kind::kWord) {
      Tokenizer::AbbrevKind a = tokenizer.Abbreviation(s);
      if (a == Tokenizer::AbbrevKind::kAbbrev) terminal = abbrev = true;
    }
    if (!terminal) continue;
    // Inside a quotation only the terminal that ends it counts ('… dikejar." Namun …').
    if (quoted[k - first] &&
        !(k + 1 < last && !quoted[k + 1 - first] && IsClosing(Tok(text, tokens[k + 1]))))
      continue;
    // Inside a short parenthesis, likewise: only a terminal right before its ")" may end the
    // sentence.
    if (parens[k - first] && !(k + 1 < last && Tok(text, tokens[k + 1]) == ")")) continue;
    // A period glued to the number after it is a decimal point (".50").
    if (s == "." && !tokens[k].space_after && k + 1 < last &&
        tokens[k + 1].kind == Token::Kind::kNumber)
      continue;
    // A list marker ("1.") at the start of a sentence does not end it.
    if (k == start + 1 && tokens[start].kind == Token::Kind::kNumber && s == ".") continue;
    size_t j = k + 1;
    // Closing quotes/brackets right after the terminal belong to this sentence.
    while (j < last && IsClosing(Tok(text, tokens[j]))) {
      std::string_view q = Tok(text, tokens[j]);
      // A straight quote after a space opens the next sentence instead.
      if ((q == "\"" || q == "'") && tokens[j - 1].space_after) break;
      ++j;
    }
    if (j >= last) break;
    if (!CanOpen(text, tokens, j, last)) continue;
    if (abbrev && !IsUpperStart(Tok(text, tokens[j]))) continue;
    emit(j);
    k = j - 1;
  }
  emit(last);
}

}  // namespace linimasa::text
