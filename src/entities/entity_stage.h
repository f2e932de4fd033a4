// The `entities` stage: NER mentions (ner/ner_tagger.h over each sentence's tokens) and KB
// gazetteer matches (aliases the tagger missed: "Korut", "DPRK", "KCNA"), linked to canonical
// entities by linker.h.
//
// Options: entities.kb = extra KB files, comma-separated (`analyze --kb FILE`);
//          entities.model = NER model file (default DATA/models/ner.bin).
// Assigns: entities.  Requires: text, sentences, tokens.
#pragma once

#include <memory>

#include "entities/kb.h"
#include "entities/linker.h"
#include "linimasa/pipeline.h"
#include "ner/ner_tagger.h"
#include "ner/titles.h"

namespace linimasa::entities {

class EntityStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);

  const char* name() const override { return "entities"; }
  std::vector<std::string> requires_layers() const override {
    return {"text", "sentences", "tokens"};
  }
  std::vector<std::string> assigns_layers() const override { return {"entities"}; }
  Status Process(Document& doc) const override;

  // Mentions of one document before linking (exposed for tests).
  std::vector<Mention> FindMentions(const Document& doc) const;

 private:
  EntityStage(ner::NerTagger tagger, ner::TitleTrimmer titles, Kb kb, LinkerLexicon lex)
      : tagger_(std::move(tagger)),
        titles_(std::move(titles)),
        kb_(std::move(kb)),
        lex_(std::move(lex)) {}
  // Names the tagger left out that their context makes plain: a place after its class noun
  // ("kota perbatasan Khasan"), a speaker between a quote and a role ("…,” Yang Uk, pakar …"),
  // and a place the KB knows after "in" inside a name ("Eastern Economic Forum in Vladivostok").
  void AddLeftOutNames(const Document& doc, std::vector<Mention>& out) const;
  // Mentions in the dateline: its city kept as a place, the rest dropped or cut off at its end.
  void TrimDateline(const Document& doc, std::vector<Mention>& mentions) const;
  // Whether a tagger's name holding a KB maker's at its start names a product of the maker
  // (data/kb/product_makers.tsv): "Samsung Galaxy S8", not "Samsung Electronics".
  bool ProductName(const std::string& text, const std::vector<Token>& toks, const Mention& name,
                   const Mention& maker) const;
  ner::NerTagger tagger_;
  ner::TitleTrimmer titles_;
  Kb kb_;
  LinkerLexicon lex_;
};

}  // namespace linimasa::entities
