#pragma once
// Short forms defined beside their long forms ("Lembaga Pengelola Dana Pendidikan (LPDP)").

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace linimasa::entities {

// Where, in `words` (joined by spaces), the long form of `short_form` starts, by Schwartz &
// Hearst's algorithm ("A simple algorithm for identifying abbreviation definitions in biomedical
// text", PSB 2003): the short form's letters and digits are matched right to left, each at the
// nearest place to the left of the previous match, the first one at the start of a word. It
// covers the initials of "Lembaga Pengelola Dana Pendidikan (LPDP)" and the syllables Indonesian
// short forms take ("Kementerian Sosial (Kemensos)", "Badan Perencanaan Pembangunan Nasional
// (Bappenas)"). SIZE_MAX when the letters do not match. Written here: the algorithm is a dozen
// lines and no Debian library offers it for C++.
size_t LongFormStart(std::string_view short_form, const std::vector<std::string_view>& words);

}  // namespace linimasa::entities
