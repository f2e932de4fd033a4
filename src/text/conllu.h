// CoNLL-U output of the text layer (one block per sentence, multiword-token ranges for clitics).
#pragma once

#include <string>

#include "linimasa/document.h"

namespace linimasa::text {

// Appends the sentences of `doc` (needs the text stage's layers) as CoNLL-U. Sentence ids are
// `prefix` + running number starting at *counter + 1.
void AppendConllu(const Document& doc, const std::string& prefix, size_t* counter, std::string& out);

}  // namespace linimasa::text
