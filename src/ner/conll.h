// CoNLL-style NER files (INTERFACE.md `tag ner`): one token per line, the token in the first column
// (TAB- or space-separated; the label, if any, in the last), a blank line between sentences,
// `-DOCSTART-` lines marking document starts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace linimasa::ner {

struct ConllSentence {
  bool docstart_before = false;
  std::vector<std::string> tokens, labels;  // a missing label is "O"
};

// Parses UTF-8 text; never fails (lines without fields end a sentence).
std::vector<ConllSentence> ParseConll(std::string_view text);

}  // namespace linimasa::ner
