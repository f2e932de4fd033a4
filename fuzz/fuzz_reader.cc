// Fuzz target for one reader (LINIMASA_FUZZ_FORMAT: text, html, jsonl, warc): arbitrary bytes are
// read as that format, then every document goes through the default stages (clean, text, time, entities, quotes, events) and the
// JSON writer. Nothing may crash, hang, leak or trip a sanitizer; offsets must stay inside their
// strings.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "linimasa/json.h"
#include "linimasa/pipeline.h"
#include "linimasa/reader.h"

namespace {

const linimasa::Pipeline& TheOnePipeline() {
  static const auto* p = [] {
    linimasa::PipelineOptions o;
    o.data_dir = LINIMASA_FUZZ_DATA;
    auto r =
        linimasa::Pipeline::Create(linimasa::DefaultStages(), o);  // every default stage
    if (!r.ok()) std::abort();
    return std::move(r).value().release();
  }();
  return *p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto& pipeline = TheOnePipeline();
  linimasa::ReadOptions o;
  o.format = *linimasa::ParseFormat(LINIMASA_FUZZ_FORMAT);
  o.max_document_bytes = 1 << 20;
  o.max_file_bytes = 8 << 20;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  linimasa::ReadBuffer(
      bytes, std::string("fuzz.") + LINIMASA_FUZZ_FORMAT, o,
      [&](linimasa::Document&& d) {
        if (!pipeline.Run(d).ok()) return;
        for (const auto& r : *d.removed)
          if (r.span.end > d.raw.size() || r.span.start > r.span.end) std::abort();
        for (const auto& run : d.offset_map)
          if (run.raw_start + run.len > d.raw.size() || run.clean_start + run.len > d.text->size())
            std::abort();
        (void)linimasa::ToJson(d);
      },
      [](const linimasa::InputError&) {});
  return 0;
}
