#include "time/time_stage.h"

namespace linimasa::timex {

Result<std::unique_ptr<Stage>> TimeStage::Create(const StageContext& ctx) {
  auto lex = Lexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  bool infer = true;
  if (auto it = ctx.options.find("infer_published"); it != ctx.options.end())
    infer = it->second != "false";
  return std::unique_ptr<Stage>(new TimeStage(*lex, infer));
}

Status TimeStage::Process(Document& doc) const {
  if (!doc.text || !doc.sentences || !doc.tokens)
    return Status::InvalidArgument(
        doc.id + ": the time stage needs the text layer (run the text stage first)");
  std::optional<Anchor> anchor;
  if (doc.meta && doc.meta->published) anchor = ParseAnchor(*doc.meta->published);
  const std::vector<Word>* words = doc.words ? &*doc.words : nullptr;
  TimexResult r = recognizer_.Recognize(*doc.text, *doc.tokens, words, *doc.sentences, anchor);
  if (!anchor && infer_ && doc.meta && !doc.meta->published) {
    if (auto d = Recognizer::InferPublication(r)) {
      doc.meta->published = FormatDate(*d);
      doc.meta->published_basis = "inferred";
      anchor = Anchor{*d, -1, -1};
      r = recognizer_.Recognize(*doc.text, *doc.tokens, words, *doc.sentences, anchor);
    }
  }
  for (Flag& f : r.flags) doc.flags.push_back(std::move(f));
  doc.timexes = std::move(r.timexes);
  return Status::Ok();
}

}  // namespace linimasa::timex
