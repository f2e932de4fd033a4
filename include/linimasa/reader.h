// linimasa/reader.h — turning files, directories and streams into Documents.
//
// Formats: plain text (one article per file), HTML pages, JSONL (one record per line:
// {"id"?, "url"?, "title"?, "published"?, "outlet"?, "text" | "html"}), WARC and WARC.gz (response
// and resource records holding HTML). Directories are read recursively in sorted order; "-" is
// stdin. The format is detected from the file name and its first bytes unless one is forced.
//
// Bad input never stops the run: each failure (empty or binary file, malformed JSON line, truncated
// gzip/WARC, page with no text) is reported through the error callback with the file and the
// line/record, and reading goes on with the next record or file.
//
// Thread-safety: the functions are reentrant; callbacks are invoked on the calling thread, in input
// order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa {

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then by content
  size_t max_file_bytes = size_t{1} << 30;  // larger files are refused with a message
  size_t max_document_bytes = size_t{64} << 20;  // longer documents are cut (flag "truncated")
};

struct InputError {
  std::string input;              // file name, or "stdin"
  std::optional<size_t> record;   // 1-based JSONL line or WARC record
  Status status;                  // what went wrong and what to do
  std::string ToString() const;   // "file line 3: malformed JSON ...; fix or remove the line"
};

using DocumentSink = std::function<void(Document&&)>;
using ErrorSink = std::function<void(const InputError&)>;

// Reads every input (file, directory, or "-" for stdin) and passes each document to `sink`.
void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                const DocumentSink& sink, const ErrorSink& errors);

// Reads an in-memory buffer as if it were the file `name` (used by stdin, tests and fuzzers).
// `stdin_counter`, when given, numbers documents "stdin-N".
void ReadBuffer(std::string_view bytes, const std::string& name, const ReadOptions& options,
                const DocumentSink& sink, const ErrorSink& errors, size_t* stdin_counter = nullptr);

// Parses a --format value ("auto", "text", "html", "jsonl", "warc").
Result<InputFormat> ParseFormat(std::string_view name);

}  // namespace linimasa
