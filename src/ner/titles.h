// Titles before a person's name ("Menhub Jonan", "Dr. Jamhari", "Kombes Pol Ade Ary") are not
// part of the name in the NER corpora linimasa learns from (CoNLL convention; the training splits
// tag them O), but the tagger includes those it rarely saw. TitleTrimmer takes the titles of
// data/kb/titles.tsv off the start of PER spans after decoding, keeping at least one word, and
// leaves titles that are part of a name ("Ratu Atut", "Paus Fransiskus": marked `name` there).
// A rank (marked `rank`: "Irjen", "Kombes") inside a span of any type splits it: the capitalised
// words after it are a person, the words before it the organisation or place of the office
// ("Kapolda Metro Jaya Irjen Karyoto" → "Metro Jaya", "Karyoto"). A span of any type that starts
// with a word of data/kb/lead_words.tsv (a sentence's opening verb or connective: "Dilansir",
// "Kehadiran") starts after it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "linimasa/status.h"

namespace linimasa::ner {

class TitleTrimmer {
 public:
  // Reads <data_dir>/kb/titles.tsv: a title per line (one or more words, any case), optionally
  // followed by TAB "name" when it belongs to the name; and <data_dir>/kb/lead_words.tsv.
  static Result<TitleTrimmer> Load(const std::string& data_dir);
  // `titles`: lower-case titles, words separated by single spaces.
  // `ranks`: the titles that split a span they are inside.
  // `noun_ranks`: ranks that are also common nouns or name streets after heroes (marked
  // "rank,noun": "kapten", a team's captain too; "Jalan Kapten Tendean"): they neither split a span
  // nor make the name after them a person's.
  explicit TitleTrimmer(const std::vector<std::string>& titles,
                        const std::vector<std::string>& ranks = {},
                        const std::vector<std::string>& noun_ranks = {},
                        const std::vector<std::string>& lead_words = {},
                        const std::vector<std::string>& professions = {});

  // labels index NerTagger::Labels(); each PER span that starts with titles starts after them,
  // each span that starts with lead words after those, and each other span that starts with an
  // office's title (not a profession's: "Dokter Lintas Batas") before capitalised words after
  // it ("General Manager [Perum Perumnas]", "Kepala [Badan Ekonomi Kreatif]"; a span that is a
  // title whole, "Menteri Keuangan", stays).
  void Trim(const std::vector<std::string_view>& tokens, std::vector<uint8_t>& labels) const;

 private:
  // Splits spans at the ranks inside them (see above).
  void SplitAtRanks(const std::vector<std::string_view>& tokens,
                    std::vector<uint8_t>& labels) const;
  // A span of name words right after a person rank (or one and an initial) is a person,
  // whatever the tagger typed it ("Brigjen K. [Lingga Rendra Raharja]").
  void RanksBeforeNames(const std::vector<std::string_view>& tokens,
                        std::vector<uint8_t>& labels) const;
  std::vector<std::vector<std::string>> titles_;   // longest first
  std::vector<std::vector<std::string>> ranks_;    // longest first, but the noun ranks
  std::vector<std::vector<std::string>> leads_;    // one word each
  std::vector<std::vector<std::string>> offices_;  // titles but professions and noun ranks
};

}  // namespace linimasa::ner
