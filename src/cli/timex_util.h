// What `tag timex` and `eval timex` share: the TimeML file list and the tagging of one document.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"
#include "time/timeml.h"

namespace linimasa::cli {

// The *.tml files of `path` (a file, or a folder searched recursively), sorted.
Result<std::vector<std::string>> ListTimeMLFiles(const std::string& path);
// Reads and decodes one TimeML file.
Result<timex::TimeMLDoc> ReadTimeMLFile(const std::string& path);
// The pipeline that tags TimeML text: text (tokens, sentences) then time.
Result<std::unique_ptr<Pipeline>> TimexPipeline(const std::string& data_dir);
// The timexes of `doc`'s TEXT, anchored on its DCT (inferred from the text when it has none).
Result<std::vector<Timex>> TagTimeML(const Pipeline& p, const timex::TimeMLDoc& doc,
                                     const std::string& name);

}  // namespace linimasa::cli
