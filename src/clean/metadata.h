// Article metadata from the text itself: outlet and domain, title, bylines (authors, editors),
// dateline city, publication time from a page header, and the news sources the article cites.
// Lexicons come from data/metadata/ and data/kb/; a value given in the input always wins.
//
// Thread-safety: a loaded extractor is immutable and may be shared by threads.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace re2 {
class RE2;
}

namespace linimasa::clean {

struct Dateline {
  std::optional<std::string> outlet_token;  // "REPUBLIKA.CO.ID", "Tuturpedia.com", "ANTARA"
  std::optional<std::string> city;          // "Moskow"
  size_t prefix_len = 0;                    // bytes of the line the dateline takes
};

// One line of the raw text as the clean stage classified it.
struct LineInfo {
  Span span;
  std::string kind;  // "" = content; else a removed kind
  bool title = false, subtitle = false;
  bool joins = false;  // content continuing the line before it (an inline span removed between)
};

class MetadataExtractor {
 public:
  MetadataExtractor();
  ~MetadataExtractor();
  MetadataExtractor(MetadataExtractor&&) noexcept;
  static Result<MetadataExtractor> Load(const std::string& data_dir);

  // "Rabu 13 Sep 2023 07:09 WIB" → "2023-09-13T07:09+07:00"; "Senin, 20 Okt 2025" → "2025-10-20".
  // A page's label before it ("Diterbitkan:", "Published", "Kompas.com -") and an update time
  // after it ("… | Diperbarui 08:00 WIB") are allowed.
  std::optional<std::string> ParseDateTime(std::string_view s) const;
  // A timestamp line: a publication time as above, or an update time ("Diperbarui 13 Sep 2023,
  // 08:00 WIB"), which is page furniture but no publication time.
  bool IsTimestamp(std::string_view s) const;
  // Normalises a published value given in the input to ISO 8601 where its form is known; returns
  // it unchanged otherwise.
  std::string NormalizeInputDate(std::string_view s) const;
  std::optional<Dateline> ParseDateline(std::string_view line) const;
  // Splits a byline ("Rep: A/ Red: B", "Penulis: A Editor: B", "Laporan Wartawan X.com A",
  // "(abc/def)") into authors and editors.
  void ParseByline(std::string_view line, std::vector<std::string>& authors,
                   std::vector<std::string>& editors,
                   std::vector<std::string>* sources = nullptr) const;

  // Fills doc.meta from the classified lines, the clean text and doc.input.
  void Extract(Document& doc, const std::vector<LineInfo>& lines) const;

 private:
  std::map<std::string, int> months_, weekdays_, zones_;
  std::map<std::string, std::string> roles_;                  // label → author|editor
  std::map<std::string, std::string> outlets_;                // domain → brand
  std::map<std::string, std::string> brands_;                 // lower-cased brand → domain
  std::vector<std::pair<std::string, std::string>> sources_;  // alias → canonical
  std::optional<std::string> ParseBareDateTime(std::string_view s) const;
  std::unique_ptr<re2::RE2> date_words_, date_numeric_, role_label_, cite_after_, source_names_;
};

// "news.detik.com" → "detik.com"; "www.republika.co.id" → "republika.co.id".
std::string RegistrableDomain(std::string_view host);
// Host of a URL ("https://news.detik.com/x" → "news.detik.com"), lower-cased.
std::string UrlHost(std::string_view url);

}  // namespace linimasa::clean
