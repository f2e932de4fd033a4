// The `quotes` and `events` stages.
//
// quotes: direct quotations (text between “…” or "…", over several sentences when the marks span
//   them) with their speaker — after the quote ("…," kata X / "…," ujarnya / "…," bunyi laporan
//   KCNA) or before it (X mengatakan, "…" / X: "…") — and indirect speech (X mengatakan bahwa …;
//   Menurut X, …). A speaker given by a pronoun or "-nya" is the last person mentioned before.
//   Assigns: quotes.  Requires: text, sentences, tokens, words, entities.
//
// events: a trigger word (by lemma: data/events/triggers.tsv) with its roles found inside its clause
//   (clauses end at ; and at the clause words of data/events/cues.tsv): actors are the entity mentions
//   nearest before the trigger, with those coordinated with them ("X dan Y"); targets the first
//   mentions after it; a di- passive swaps them (the agent follows "oleh"); the place is a location
//   after a place preposition ("di", "ke"), or the object of a visit; a nominal trigger's possessor
//   is its actor ("kunjungan Putin ke …"); a missing actor is the last
//   person or state mentioned. Time: the nearest date in the sentence. Modality (first that
//   applies): inside a quote → reported; negation or a denial before → denied; a hypothetical cue →
//   hypothetical; a planned cue or a date after publication → planned; an alleged cue → alleged;
//   a reporting cue → reported; else asserted.
//   Assigns: events.  Requires: text, sentences, tokens, words, entities, timexes, quotes.
#pragma once

#include <memory>

#include "events/lexicon.h"
#include "linimasa/pipeline.h"

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
    return {"text", "sentences", "tokens", "words", "entities", "timexes", "quotes"};
  }
  std::vector<std::string> assigns_layers() const override { return {"events"}; }
  Status Process(Document& doc) const override;

 private:
  explicit EventStage(EventLexicon lex) : lex_(std::move(lex)) {}
  EventLexicon lex_;
};

}  // namespace linimasa::events
