#pragma once
#include <string>

namespace linimasa::cli {
// `linimasa eval events|quotes GOLD [PRED]`: GOLD is JSONL, one article per line
// {"id", "published"?, "title"?, "text", "events": [...], "quotes": [...]} with offsets in code
// points into "text" (format: tests/gold/detik-events/README.md). PRED has the same shape; without
// it the engine is run on each record's text and its offsets are mapped back onto that text.
// `task` is "events" or "quotes"; `errors` lists every miss and false alarm. Exit code.
int EvalEventsOrQuotes(const std::string& task, const std::string& gold, const std::string& pred,
                       const std::string& data_dir, bool errors);
}  // namespace linimasa::cli
