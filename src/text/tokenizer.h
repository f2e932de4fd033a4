// Indonesian news tokenizer: a single pass over UTF-8 that knows abbreviations and initials,
// numbers and amounts ("1.500", "5,95", "13/9/2023", "07:09", "1950-an"), URLs, e-mails,
// @handles and #hashtags, reduplication and hyphenated compounds as one token ("negara-negara",
// "DPRK-Rusia"), web domains ("Tribunnews.com"), and every quote and dash form as punctuation.
// Written by hand (not with a regex engine): it is the hottest loop of the engine, and the rules
// are easier to read as code.
//
// Thread-safety: a Tokenizer is immutable after construction.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa::text {

class Tokenizer {
 public:
  enum class AbbrevKind : uint8_t { kNone, kTitle, kAbbrev };

  // Loads data/text/abbreviations.txt.
  static Result<Tokenizer> Load(const std::string& data_dir);
  // A tokenizer with the given abbreviations (lower case, no final period).
  explicit Tokenizer(std::unordered_map<std::string, AbbrevKind> abbreviations = {});

  // Appends the tokens of text[begin, end) to `out` (offsets are into `text`). Newlines are
  // whitespace here; the sentence splitter sees paragraph breaks through the text itself.
  void Tokenize(std::string_view text, size_t begin, size_t end, std::vector<Token>& out) const;

  // How a token ending in "." is known: title ("Dr."), abbreviation ("dll."), or none.
  AbbrevKind Abbreviation(std::string_view token_text) const;

 private:
  size_t ScanWord(std::string_view t, size_t i, size_t end) const;
  std::unordered_map<std::string, AbbrevKind> abbrev_;
};

// Code-point classes used by the tokenizer and the splitter.
bool IsSpaceCp(uint32_t cp);
bool IsLetterCp(uint32_t cp);
bool IsUpperStart(std::string_view s);  // first letter is upper case (ASCII or Latin-1)

}  // namespace linimasa::text
