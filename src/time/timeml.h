// TimeML files: the reader behind `linimasa tag timex` and `linimasa eval timex`.
//
// A TimeML document is XML with a <DCT> holding the creation time's TIMEX3 and a <TEXT> holding the
// text with inline tags. The reader keeps the file as it is (`raw`) and derives the plain text of
// TEXT (tags dropped, character references decoded) with a map back to raw offsets, so a writer can
// put new TIMEX3 tags into the original TEXT without changing anything else. It is a small
// hand-written scanner rather than an XML library: TimeML in the wild (IndoTimex included) is not
// always well-formed XML — a bare "&" or "<" in the text must be read as text, not rejected.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa::timex {

struct TimeMLDoc {
  std::string raw;                      // the file, decoded to UTF-8
  std::optional<std::string> dct;       // the DCT TIMEX3's value
  size_t text_begin = 0, text_end = 0;  // raw offsets of TEXT's content
  std::string text;                     // plain text of TEXT
  std::vector<size_t> raw_start;        // per byte of `text`: raw offset where it comes from
  std::vector<size_t> raw_end;          // per byte of `text`: raw offset after its source
  std::vector<Timex> timexes;           // the TIMEX3 tags found in TEXT (spans into `text`)
  std::vector<std::string> warnings;
};

// Parses a TimeML file's UTF-8 content; `name` is used in messages. Fails when there is no
// <TEXT>…</TEXT>.
Result<TimeMLDoc> ParseTimeML(std::string raw, const std::string& name);

// The file with TEXT's existing TIMEX3 tags replaced by `timexes` (spans into doc.text, sorted,
// not overlapping). Everything else is kept byte for byte. tids run t1, t2, … (the DCT keeps t0).
std::string WriteTimeML(const TimeMLDoc& doc, const std::vector<Timex>& timexes);

}  // namespace linimasa::timex
