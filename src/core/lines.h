// Small text helpers shared by the loaders of data files and evaluation inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linimasa {

// Calls f(line, line_number) for every line of `s` (without "\n" or a trailing "\r"), 1-based.
template <typename F>
void ForEachLine(std::string_view s, F&& f) {
  size_t pos = 0, n = 0;
  while (pos < s.size()) {
    size_t eol = s.find('\n', pos);
    if (eol == std::string_view::npos) eol = s.size();
    std::string_view line = s.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line, ++n);
    pos = eol + 1;
  }
}

// Splits on every `sep` (empty fields kept).
inline std::vector<std::string> SplitFields(std::string_view s, char sep = '\t') {
  std::vector<std::string> out;
  size_t p = 0;
  while (true) {
    size_t q = s.find(sep, p);
    out.emplace_back(s.substr(p, q == std::string_view::npos ? std::string_view::npos : q - p));
    if (q == std::string_view::npos) break;
    p = q + 1;
  }
  return out;
}

}  // namespace linimasa
