// Sentence splitter over the tokens of one paragraph: sentence-final punctuation (with the closing
// quotes and brackets that follow it) ends a sentence when the next token can open one (upper case,
// digit, opening quote or bracket). Titles and initials ("Dr.", "J.") never end a sentence;
// abbreviations ("dll.") do when the next word is capitalised; a quote closed by a comma
// ('"…," kata Peskov.') does not end one. Paragraph breaks are handled by the caller.
#pragma once

#include <string_view>
#include <vector>

#include "linimasa/document.h"
#include "text/tokenizer.h"

namespace linimasa::text {

// Appends sentences covering tokens[first, last) of `text` to `out`.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, size_t first, size_t last,
                    const Tokenizer& tokenizer, std::vector<Sentence>& out);

}  // namespace linimasa::text
