#include "syntax/syntax_stage.h"

#include "core/utf8.h"

namespace linimasa::syntax {

Result<std::unique_ptr<Stage>> SyntaxStage::Create(const StageContext& ctx) {
  auto chunker = Chunker::Load(ctx.data_dir);
  if (!chunker.ok()) return chunker.status();
  return std::unique_ptr<Stage>(new SyntaxStage(std::move(*chunker)));
}

Status SyntaxStage::Process(Document& doc) const {
  if (!doc.text || !doc.sentences || !doc.tokens || !doc.words)
    return Status::InvalidArgument(doc.id + ": the syntax stage needs the text stage's layers");
  const std::string& text = *doc.text;
  const auto& words = *doc.words;
  const auto& toks = *doc.tokens;
  std::vector<Chunk> chunks;
  std::vector<std::string> lower, lemma;
  std::vector<ChunkWord> in;
  uint32_t clause = 0;
  bool first_sentence = true;
  for (const Sentence& s : *doc.sentences) {
    if (s.first_token >= toks.size()) continue;
    const size_t a = toks[s.first_token].first_word;
    const size_t b = s.end_token < toks.size() ? toks[s.end_token].first_word : words.size();
    if (a >= b || b > words.size()) continue;
    lower.resize(b - a);
    lemma.resize(b - a);
    in.resize(b - a);
    // Lower-cased into the strings of the previous sentence (their buffers are reused).
    for (size_t i = a; i < b; ++i) {
      const Word& wd = words[i];
      utf8::AsciiLowerInto(std::string_view(text).substr(wd.span.start, wd.span.size()),
                           lower[i - a]);
      utf8::AsciiLowerInto(wd.lemma, lemma[i - a]);
    }
    for (size_t i = a; i < b; ++i) {
      const char first = text[words[i].span.start];
      in[i - a] = {lower[i - a], lemma[i - a], words[i].upos, first >= 'A' && first <= 'Z'};
    }
    // Clause numbers run over the document: the first sentence's first clause is 0.
    uint32_t c = first_sentence ? UINT32_MAX : clause;
    chunker_.Chunk(in, static_cast<uint32_t>(a), &c, chunks);
    if (c != UINT32_MAX) {
      clause = c;
      first_sentence = false;
    }
  }
  doc.chunks = std::move(chunks);
  return Status::Ok();
}

}  // namespace linimasa::syntax
