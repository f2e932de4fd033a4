#include "clean/line_features.h"

namespace linimasa::clean {

LineFeatures ComputeLineFeatures(std::string_view s) {
  LineFeatures f;
  bool in_word = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    bool space = c == ' ' || c == '\t' || c == '\n';
    if (!space && !in_word) {
      ++f.words;
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) ++f.capitalised;
    }
    in_word = !space;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      ++f.letters;
      if (c <= 'Z') ++f.upper;
    }
  }
  // Strip closing quotes/brackets (ASCII and UTF-8 ” ’ ») before looking at the final character.
  size_t e = s.size();
  while (e > 0) {
    unsigned char c = static_cast<unsigned char>(s[e - 1]);
    if (c == '"' || c == '\'' || c == ')' || c == ' ') {
      --e;
      continue;
    }
    if (e >= 3 && static_cast<unsigned char>(s[e - 3]) == 0xE2 &&
        static_cast<unsigned char>(s[e - 2]) == 0x80 && (c == 0x9D || c == 0x99)) {
      e -= 3;
      continue;
    }
    break;
  }
  if (e > 0) {
    char c = s[e - 1];
    f.ends_sentence = c == '.' || c == '?' || c == '!' || c == ':';
    if (e >= 3 && s.substr(e - 3, 3) == "\xE2\x80\xA6") f.ends_sentence = true;  // …
  }
  return f;
}

}  // namespace linimasa::clean
