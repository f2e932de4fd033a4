// WARC record parsing (ISO 28500): response/resource records with HTTP payloads.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "linimasa/status.h"

namespace linimasa::ingest {

struct WarcRecord {
  size_t number = 0;  // 1-based position in the file
  std::map<std::string, std::string> headers;  // lower-cased names
  std::string_view block;                      // the record's content block
};

// Calls `on_record` for every record; returns a Corruption status (after the good records) when the
// file is truncated or a record is malformed.
Status ParseWarc(std::string_view data, const std::function<void(const WarcRecord&)>& on_record);

// Splits an HTTP response (status line, headers, body) and de-chunks a chunked body. Returns false
// when `payload` is not an HTTP message. `content_type` is the lower-cased Content-Type header.
bool SplitHttp(std::string_view payload, std::string& content_type, std::string& body);

}  // namespace linimasa::ingest
