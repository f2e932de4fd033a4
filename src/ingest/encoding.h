// Decoding input bytes to UTF-8: BOMs, UTF-16, Windows-1252/Latin-1 fallback, line ends.
#pragma once

#include <string>
#include <string_view>

#include "linimasa/status.h"

namespace linimasa::ingest {

struct Decoded {
  std::string text;             // UTF-8, no BOM, "\n" line ends
  bool converted = false;       // true when the input was not UTF-8 and was converted
  std::string source_encoding;  // "utf-8", "windows-1252", "utf-16le", "utf-16be"
};

// True when the bytes look like a binary file (NUL bytes outside UTF-16, many control bytes).
bool LooksBinary(std::string_view bytes);

// Decodes `bytes`. Valid UTF-8 stays as is; otherwise the bytes are read as Windows-1252 (a
// superset of Latin-1 for printable text), which is what mis-labelled Indonesian pages use.
Decoded DecodeToUtf8(std::string_view bytes);

// Repairs mojibake: UTF-8 text that was once read as Windows-1252 (or Latin-1) and written out
// again as UTF-8 ("AntÃ³nio" for "António", "â€œ" for "“"; twice over: "AntÃƒÂ³nio"), as
// scraped news and CSV exports carry it. A run of characters whose Windows-1252 bytes are one
// well-formed UTF-8 sequence becomes that character; repeated while any is found (up to three
// times). Returns the number of characters repaired (0: `s` untouched).
size_t RepairMojibake(std::string& s);

// Inflates gzip/zlib data, including several concatenated gzip members (as WARC.gz files are).
// On truncated or damaged input returns what was inflated so far in `out` and a Corruption status.
Status Gunzip(std::string_view in, std::string& out, size_t max_out);

bool IsGzip(std::string_view bytes);

}  // namespace linimasa::ingest
