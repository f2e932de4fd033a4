// linimasa/json.h — the `analyze` document as JSON (schema in INTERFACE.md).
//
// Offsets are converted from the engine's byte offsets to Unicode code points. Layers a stage did
// not write are left out. Thread-safety: pure function.
#pragma once

#include <string>

#include "linimasa/document.h"

namespace linimasa {

struct JsonOptions {
  bool pretty = false;  // indented, for people; default one line per document (JSONL)
  bool tokens = false;  // also write the "tokens" and "words" layers (large)
};

std::string ToJson(const Document& doc, const JsonOptions& options = {});

// Engine, output schema and model versions, as `linimasa --version` prints them.
std::string VersionString();

}  // namespace linimasa
