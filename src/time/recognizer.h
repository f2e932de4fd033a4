// TIMEX3 recognition and normalisation for Indonesian news.
//
// The recogniser works on the tokens of the text layer. Words and phrases come from
// data/time/lexicon.tsv (months, weekdays, number words, units, relative words, modifiers, tense
// markers) and data/time/holidays.tsv; they are compiled at load time into hash maps keyed by the
// first token of each phrase. The grammar — how those categories combine into dates, times,
// durations and sets — is the set of small rules in recognizer.cc, each commented with the forms it
// reads. At every token the longest match of any rule wins; the scan then continues after it.
//
// Values follow TimeML/TIDES and the conventions of IndoTimex (see data/time/README.md):
//   prepositions are signals, not part of a timex; a trailing "lalu"/"silam" is part of it;
//   "dua hari lalu" is a DATE counted back from the anchor; a clock time carries no zone offset.
//
// Anchoring: deictic expressions ("kemarin", "pekan lalu") count from the anchor (the document
// creation time); "pagi hari", "hari itu" and clock times without a date take the reference time,
// the last day the text mentioned. A date without a year takes the year that puts it nearest the
// anchor, leaning past or future with the tense words of its sentence. Without an anchor, values
// that need one are written with X placeholders ("XXXX-09-13").
//
// Thread-safety: a loaded Lexicon and a Recognizer are immutable; Recognize() may run on many
// threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/string_set.h"
#include "linimasa/document.h"
#include "linimasa/status.h"
#include "time/calendar.h"

namespace linimasa::timex {

class Lexicon {
 public:
  // Loads data/time/lexicon.tsv and data/time/holidays.tsv.
  static Result<std::shared_ptr<const Lexicon>> Load(const std::string& data_dir);
  // Parses the two files' contents (`name` for messages).
  static Result<std::shared_ptr<const Lexicon>> Parse(std::string_view lexicon,
                                                      std::string_view holidays,
                                                      const std::string& name = "data/time");

  struct Phrase {
    std::vector<std::string> tokens;  // lower case
    std::string category, value;
  };
  // Phrases whose first token is `first`, longest first.
  const std::vector<Phrase>* Starting(const std::string& first) const;

  struct Holiday {
    int month = 0, day = 0;   // fixed holidays
    std::vector<Date> dates;  // moving holidays, sorted
    bool month_only = false;  // the value is the month it starts in (Ramadan)
    int founded = 0;          // the year of the day it marks ("HUT RI ke-79" is 1945 + 79)
  };
  const Holiday* FindHoliday(const std::string& id) const;

 private:
  StringMap<std::vector<Phrase>> phrases_;
  StringMap<Holiday> holidays_;
};

// A date the text states explicitly (day precision), kept for calendar checks and for inferring
// the publication date.
struct StatedDate {
  Date date;  // y == 0: the text gives no year and there is no anchor
  bool y_known() const { return date.y != 0; }
  bool year_stated = false;
  int weekday = 0;      // stated weekday, 0 when none
  bool future = false;  // the sentence speaks of the future
  size_t sentence = 0;
  Span span;
};

struct TimexResult {
  std::vector<Timex> timexes;
  std::vector<Flag> flags;  // weekday_mismatch
  std::vector<StatedDate> stated;
};

class Recognizer {
 public:
  explicit Recognizer(std::shared_ptr<const Lexicon> lexicon) : lex_(std::move(lexicon)) {}

  // Recognises and normalises the timexes of `text` given its tokens and sentences (words, when
  // given, let "tahunnya" read as "tahun"). `anchor`: the document creation time, if known.
  TimexResult Recognize(const std::string& text, const std::vector<Token>& tokens,
                        const std::vector<Word>* words, const std::vector<Sentence>& sentences,
                        const std::optional<Anchor>& anchor) const;

  // The publication date a text implies when no metadata gives it: the latest weekday+date pair
  // that validates (outside future-tense sentences), else the latest full date of the lead.
  static std::optional<Date> InferPublication(const TimexResult& r);

 private:
  std::shared_ptr<const Lexicon> lex_;
};

}  // namespace linimasa::timex
