#pragma once
// String sets and maps looked up by std::string_view without building a std::string (C++20
// heterogeneous lookup): the hot paths look words up by views into the document's text.

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace linimasa {

struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

using StringSet = std::unordered_set<std::string, StringViewHash, std::equal_to<>>;
template <typename V>
using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

}  // namespace linimasa
