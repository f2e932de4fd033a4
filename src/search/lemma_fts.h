// Full-text search over Indonesian news: an SQLite FTS5 tokenizer that indexes lemmas, and the
// translation of what a user types into an FTS5 query.
//
// Why a custom tokenizer: FTS5's built-in `unicode61` and `porter` tokenizers know no Indonesian
// morphology, so "kunjungan" would never find "mengunjungi". This one splits text into words
// (letters and digits; hyphens and apostrophes separate, so "Jong-un" is "jong" "un" and matches
// the query "Jong Un") and emits each word's lemma from the text layer's Lemmatizer (Hunspell + the
// Indonesian dictionary): "kunjungan", "mengunjungi", "dikunjungi" → "kunjung". Unknown words
// (names) are lower-cased. Offsets are bytes into the indexed text, so FTS5's snippet()/highlight()
// mark the original words.
//
// Thread-safety: the tokenizer holds a shared immutable Lemmatizer (thread-safe); register it on
// each connection that reads or writes the index.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "linimasa/status.h"
#include "text/lemmatizer.h"

namespace linimasa::search {

// The tokenizer's name in `CREATE VIRTUAL TABLE … USING fts5(…, tokenize='linimasa')`.
inline constexpr const char* kTokenizerName = "linimasa";

// Calls `emit(term, start, end)` for every word of `text` (byte offsets). `lemmatize` false: the
// lower-cased form (prefix queries match it against the lemmas in the index).
void ForEachTerm(std::string_view text, const text::Lemmatizer& lemmatizer, bool lemmatize,
                 const std::function<void(const std::string&, size_t, size_t)>& emit);

// Function words of data_dir/text/stopwords.txt (lower case).
Result<std::unordered_set<std::string>> LoadStopwords(const std::string& data_dir);

// Registers the tokenizer on `db`.
Status RegisterTokenizer(sqlite3* db, std::shared_ptr<const text::Lemmatizer> lemmatizer);

// A user's query in FTS5 syntax. Accepted: bare words (all must occur, in any form of their lemma),
// "quoted phrases", OR between two items, -word or -"phrase" to exclude, word* for a prefix of a
// lemma. Function words (`stopwords`, lower case) are dropped outside phrases unless nothing else
// is left. Error (InvalidArgument, saying what to change) for an empty query, one made only of
// exclusions, or an unclosed quote. `drop` >= 0: the relaxed form without the drop-th required
// item (exclusions still hold; a query with an explicit OR is never relaxed); `positives` receives
// the number of required items (1 for a query with OR).
Result<std::string> ToFtsQuery(std::string_view query,
                               const std::unordered_set<std::string>& stopwords, int drop = -1,
                               size_t* positives = nullptr);

}  // namespace linimasa::search
