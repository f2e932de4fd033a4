// Fuzz target for the TimeML reader and writer (`tag timex`): arbitrary bytes are decoded, parsed
// as TimeML, tagged by the text and time stages, and written back. Nothing may crash, hang or trip
// a sanitizer; the offset maps must stay inside the raw file, and the written file must keep the
// text of TEXT (re-reading it gives the same plain text).
#include <cstdint>
#include <cstdlib>
#include <string>

#include "ingest/encoding.h"
#include "linimasa/pipeline.h"
#include "time/timeml.h"

namespace {

const linimasa::Pipeline& TheOnePipeline() {
  static const auto* p = [] {
    linimasa::PipelineOptions o;
    o.data_dir = LINIMASA_FUZZ_DATA;
    o.given_layers = {"text", "meta"};
    o.stage_options = {{"text.pos", "false"}, {"text.lemmas", "false"}};
    auto r = linimasa::Pipeline::Create({"text", "time"}, o);
    if (!r.ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > (1 << 20)) return 0;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto doc = linimasa::timex::ParseTimeML(linimasa::ingest::DecodeToUtf8(bytes).text, "fuzz.tml");
  if (!doc.ok()) return 0;
  if (doc->raw_start.size() != doc->text.size() || doc->raw_end.size() != doc->text.size())
    std::abort();
  for (size_t i = 0; i < doc->text.size(); ++i)
    if (doc->raw_start[i] >= doc->raw_end[i] || doc->raw_end[i] > doc->raw.size()) std::abort();
  linimasa::Document d;
  d.id = "fuzz";
  d.text = doc->text;
  d.meta = linimasa::Metadata{};
  if (doc->dct) d.meta->published = *doc->dct;
  if (!TheOnePipeline().Run(d).ok()) return 0;
  std::string out = linimasa::timex::WriteTimeML(*doc, *d.timexes);
  auto again = linimasa::timex::ParseTimeML(out, "fuzz-out.tml");
  if (!again.ok() || again->text != doc->text) std::abort();
  return 0;
}
