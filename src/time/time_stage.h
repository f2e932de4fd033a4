// The `time` stage: TIMEX3 expressions (see recognizer.h), weekday/date checks as
// `weekday_mismatch` flags, and — when the metadata has no publication time — the publication date
// inferred from the text's dates (`published_basis: "inferred"`).
//
// Assigns: timexes.  Requires: text, sentences, tokens (words are used when present).
#pragma once

#include <memory>

#include "linimasa/pipeline.h"
#include "time/recognizer.h"

namespace linimasa::timex {

class TimeStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  explicit TimeStage(std::shared_ptr<const Lexicon> lex, bool infer)
      : recognizer_(std::move(lex)), infer_(infer) {}

  const char* name() const override { return "time"; }
  std::vector<std::string> requires_layers() const override {
    return {"text", "sentences", "tokens"};
  }
  std::vector<std::string> assigns_layers() const override { return {"timexes"}; }
  Status Process(Document& doc) const override;

 private:
  Recognizer recognizer_;
  bool infer_;
};

}  // namespace linimasa::timex
