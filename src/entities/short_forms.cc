#include "entities/short_forms.h"

#include <algorithm>
#include <cstdint>
#include <string>

namespace linimasa::entities {

size_t LongFormStart(std::string_view sf, const std::vector<std::string_view>& words) {
  std::string lf;
  std::vector<size_t> word_at;  // lf offset → word index, per word start
  for (std::string_view w : words) {
    if (!lf.empty()) lf.push_back(' ');
    word_at.push_back(lf.size());
    lf.append(w);
  }
  auto alnum = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c + 32) : c; };
  long s = static_cast<long>(sf.size()) - 1, l = static_cast<long>(lf.size()) - 1;
  if (std::none_of(sf.begin(), sf.end(), alnum) || lf.empty()) return SIZE_MAX;
  for (; s >= 0; --s) {
    const char c = lower(sf[s]);
    if (!alnum(c)) continue;
    while (l >= 0 && (lower(lf[l]) != c || (s == 0 && l > 0 && alnum(lf[l - 1])))) --l;
    if (l < 0) return SIZE_MAX;
    --l;
  }
  const size_t first = static_cast<size_t>(l + 1);
  size_t w = std::upper_bound(word_at.begin(), word_at.end(), first) - word_at.begin() - 1;
  return w;
}

}  // namespace linimasa::entities
