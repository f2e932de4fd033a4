// The `quotes` and `events` stages.
//
// quotes: direct quotations (text between “…” or "…", over several sentences when the marks span
//   them) with their speaker — after the quote ("…," kata X / "…," ujarnya / "…," bunyi laporan
//   KCNA) or before it (X mengatakan, "…" / X: "…") — and indirect speech (X mengatakan bahwa …;
//   Menurut X, …). A speaker given by a pronoun or "-nya" is the last person mentioned before.
//   Assigns: quotes.  Requires: text, sentences, tokens, words, entities.
//
// events: a trigger word (by lemma: data/events/triggers.tsv) with its roles read from the
//   shallow-syntax layer (src/syntax: chunks, clauses, voice). A verb's actors are its subject —
//   the nearest noun phrase before it in its clause that is not a prepositional object, with those
//   coordinated with it ("X dan Y", "X (OJK) dan Y"); after "yang", the noun phrase before "yang"
//   (after a copula, the copula's subject); a dropped subject is the previous clause's, and in a
//   "ketika/saat …" visit or arrival after a hosting verb ("menyambut"), its guest. Targets are
//   the object right after the verb and the noun phrases after "dengan", "kepada", "terhadap", …;
//   a di-/ter- passive swaps them (the agent after "oleh" or right after the verb) and a missing
//   agent stays missing. A nominal trigger's actors are its possessor ("kunjungan Putin", "-nya"),
//   both sides of "antara X dan Y", else the subject of the verb it is the object of ("Putin
//   melakukan kunjungan"). Place: a location after "di"/"ke", or the object of a visit. Events
//   whose participants are unnamed are kept. A subject missing from the sentence is the last
//   person or state mentioned. Time: the nearest date of the trigger's clause, else of the
//   sentence. Modality (first that
//   applies): inside a quote → reported; negation or a denial before → denied; a hypothetical cue →
//   hypothetical; a planned cue or a date after publication → planned; an alleged cue → alleged;
//   a reporting cue → reported; else asserted.
//   Assigns: events.  Requires: text, sentences, tokens, words, chunks, entities, timexes, quotes.
#pragma once

#include <memory>

#include "events/lexicon.h"
#include "linimasa/pipeline.h"
#include "time/recognizer.h"

namespace linimasa::events {

class QuoteStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  const char* name() const override { return "quotes"; }
  std::vector<std::string> requires_layers() const override {
    return {"text", "sentences", "tokens", "words", "entities"};
  }
  std::vector<std::string> assigns_layers() const override { return {"quotes"}; }
  Status Process(Document& doc) const override;

 private:
  explicit QuoteStage(EventLexicon lex) : lex_(std::move(lex)) {}
  EventLexicon lex_;
};

class EventStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  const char* name() const override { return "events"; }
  std::vector<std::string> requires_layers() const override {
    return {"text", "sentences", "tokens", "words", "chunks", "entities", "timexes", "quotes"};
  }
  std::vector<std::string> assigns_layers() const override { return {"events"}; }
  Status Process(Document& doc) const override;

 private:
  EventStage(EventLexicon lex, std::shared_ptr<const timex::Lexicon> numbers)
      : lex_(std::move(lex)), numbers_(std::move(numbers)) {}
  EventLexicon lex_;
  // The time layer's lexicon, for its number words (data/time/lexicon.tsv "number": "delapan"
  // is 8), which say how many people a counted group has.
  std::shared_ptr<const timex::Lexicon> numbers_;
};

}  // namespace linimasa::events
