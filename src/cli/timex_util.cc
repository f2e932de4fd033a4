#include "cli/timex_util.h"

#include <algorithm>
#include <filesystem>

#include "core/file_env.h"
#include "ingest/encoding.h"

namespace linimasa::cli {

namespace fs = std::filesystem;

Result<std::vector<std::string>> ListTimeMLFiles(const std::string& path) {
  std::error_code ec;
  std::vector<std::string> out;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".tml")
        out.push_back(it->path().string());
    }
    if (ec) return Status::IOError(path + ": cannot list the folder: " + ec.message());
    std::sort(out.begin(), out.end());
    if (out.empty()) return Status::NotFound(path + ": no .tml files in this folder");
    return out;
  }
  if (!fs::exists(path, ec)) return Status::NotFound(path + ": no such file or folder");
  out.push_back(path);
  return out;
}

Result<timex::TimeMLDoc> ReadTimeMLFile(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{256} << 20);
  if (!bytes.ok()) return bytes.status();
  if (ingest::LooksBinary(*bytes))
    return Status::InvalidArgument(path + ": looks like a binary file, not TimeML");
  ingest::Decoded dec = ingest::DecodeToUtf8(*bytes);
  auto doc = timex::ParseTimeML(std::move(dec.text), path);
  if (doc.ok() && dec.converted)
    doc->warnings.push_back(path + ": not UTF-8; read as " + dec.source_encoding);
  return doc;
}

Result<std::unique_ptr<Pipeline>> TimexPipeline(const std::string& data_dir) {
  PipelineOptions po;
  po.data_dir = data_dir;
  po.given_layers = {"text", "meta"};
  po.stage_options = {{"text.pos", "false"}, {"text.lemmas", "false"}};
  return Pipeline::Create({"text", "time"}, po);
}

Result<std::vector<Timex>> TagTimeML(const Pipeline& p, const timex::TimeMLDoc& tml,
                                     const std::string& name) {
  Document doc;
  doc.id = name;
  doc.text = tml.text;
  doc.meta = Metadata{};
  if (tml.dct) {
    doc.meta->published = *tml.dct;
    doc.meta->published_basis = "input";
  }
  Status st = p.Run(doc);
  if (!st.ok()) return st;
  return doc.timexes ? std::move(*doc.timexes) : std::vector<Timex>{};
}

}  // namespace linimasa::cli
