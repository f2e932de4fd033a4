#include "linimasa/document.h"

#include <algorithm>

namespace linimasa {

const char* FormatName(InputFormat f) {
  switch (f) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonl:
      return "jsonl";
    case InputFormat::kWarc:
      return "warc";
  }
  return "auto";
}

const char* ChunkTypeName(Chunk::Type t) {
  switch (t) {
    case Chunk::Type::kNP:
      return "NP";
    case Chunk::Type::kVP:
      return "VP";
    case Chunk::Type::kPP:
      return "PP";
    case Chunk::Type::kADJP:
      return "ADJP";
    case Chunk::Type::kADVP:
      return "ADVP";
    case Chunk::Type::kSBAR:
      return "SBAR";
  }
  return "NP";
}

const char* VoiceName(Chunk::Voice v) {
  switch (v) {
    case Chunk::Voice::kNone:
      return "";
    case Chunk::Voice::kActive:
      return "active";
    case Chunk::Voice::kPassive:
      return "passive";
    case Chunk::Voice::kTer:
      return "ter";
  }
  return "";
}

size_t Document::RawOffset(size_t clean_offset) const {
  if (offset_map.empty()) return clean_offset;
  auto it = std::upper_bound(offset_map.begin(), offset_map.end(), clean_offset,
                             [](size_t off, const OffsetRun& r) { return off < r.clean_start; });
  if (it == offset_map.begin()) return offset_map.front().raw_start;
  const OffsetRun& r = *(it - 1);
  if (clean_offset < r.clean_start + r.len) return r.raw_start + (clean_offset - r.clean_start);
  if (it != offset_map.end()) return it->raw_start;
  return r.raw_start + r.len;
}

}  // namespace linimasa
