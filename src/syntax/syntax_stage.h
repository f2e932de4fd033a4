// The `syntax` stage: base phrases (chunks), clauses and voice for every sentence
// (syntax/chunker.h). Events read their roles from it.
//
// Assigns: chunks.  Requires: sentences, tokens, words (with UPOS: the text stage's tagger).
#pragma once

#include <memory>

#include "linimasa/pipeline.h"
#include "syntax/chunker.h"

namespace linimasa::syntax {

class SyntaxStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  explicit SyntaxStage(Chunker chunker) : chunker_(std::move(chunker)) {}
  const char* name() const override { return "syntax"; }
  std::vector<std::string> requires_layers() const override {
    return {"text", "sentences", "tokens", "words"};
  }
  std::vector<std::string> assigns_layers() const override { return {"chunks"}; }
  Status Process(Document& doc) const override;

 private:
  Chunker chunker_;
};

}  // namespace linimasa::syntax
