#pragma once
// String sets and maps looked up by std::string_view without building a std::string
// (heterogeneous lookup): the hot paths look words up by views into the document's text.
//
// Abseil's Swiss tables (Debian libabsl-dev) rather than std::unordered_*: one flat array probed
// with SIMD-matched control bytes instead of a node allocation per entry and a pointer chase per
// lookup — measured, the per-word lexicon and cache lookups of `analyze` cost about half as much.
// Unlike std::unordered_*, entries move when the table grows: never keep a pointer or reference
// to an entry across an insertion.

#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/hash/hash.h"

namespace linimasa {

// Transparent hash and equality over std::string_view (Debian's Abseil has its own string_view
// type, so its default string hash does not take std::string_view).
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return absl::Hash<std::string_view>{}(s); }
};
struct StringEq {
  using is_transparent = void;
  bool operator()(std::string_view a, std::string_view b) const { return a == b; }
};

using StringSet = absl::flat_hash_set<std::string, StringHash, StringEq>;
template <typename V>
using StringMap = absl::flat_hash_map<std::string, V, StringHash, StringEq>;

}  // namespace linimasa
