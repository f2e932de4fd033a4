// UTF-8 helpers shared by every stage: validation, decoding, byte↔code-point offsets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace linimasa::utf8 {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, ≤ U+10FFFF).
bool IsValid(std::string_view s);

// Decodes the code point at s[i] and advances i; returns U+FFFD (advancing one byte) on a bad byte.
uint32_t Next(std::string_view s, size_t& i);

void Append(std::string& out, uint32_t cp);

// Lower-cases ASCII letters only (fast path for cue matching).
std::string AsciiLower(std::string_view s);
// The same into `out`, reusing its buffer (for a loop over many words).
void AsciiLowerInto(std::string_view s, std::string& out);

// Trims ASCII whitespace, NBSP (U+00A0) and zero-width characters from both ends.
std::string_view Trim(std::string_view s);

// Converts byte offsets into `s` to code-point offsets. Build once per string (O(n/256) memory),
// then each lookup costs at most 256 byte steps.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  size_t ToCodePoint(size_t byte_offset) const;

 private:
  std::string_view s_;
  std::vector<size_t> checkpoints_;  // code points before byte k*256
};

}  // namespace linimasa::utf8
