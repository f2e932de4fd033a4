// The `text` stage: tokens, sentences and syntactic words (clitics split as UD multiword tokens)
// with lemmas. Paragraphs are the lines of the clean text; sentences never cross them.
//
// Assigns: sentences, tokens, words.  Requires: text.
#pragma once

#include <memory>

#include "linimasa/pipeline.h"
#include "text/lemmatizer.h"
#include "text/pos_tagger.h"
#include "text/tokenizer.h"

namespace linimasa::text {

struct TextOptions {
  bool clitics = true;  // split -nya/-lah/-kah/-pun/-ku/-mu, ku-/kau- as multiword tokens
  bool lemmas = true;
  bool pos = true;  // UPOS, when data/models/pos.bin exists
};

class TextStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  TextStage(Tokenizer tokenizer, std::shared_ptr<const Lemmatizer> lemmatizer, PosTagger tagger,
            TextOptions options)
      : tokenizer_(std::move(tokenizer)), lemmatizer_(std::move(lemmatizer)), tagger_(std::move(tagger)),
        options_(options) {}

  const char* name() const override { return "text"; }
  std::vector<std::string> requires_layers() const override { return {"text"}; }
  std::vector<std::string> assigns_layers() const override { return {"sentences", "tokens", "words"}; }
  Status Process(Document& doc) const override;

 private:
  Tokenizer tokenizer_;
  std::shared_ptr<const Lemmatizer> lemmatizer_;
  PosTagger tagger_;
  TextOptions options_;
};

}  // namespace linimasa::text
