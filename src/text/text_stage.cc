#include "text/text_stage.h"

#include <filesystem>

#include "core/utf8.h"
#include "text/splitter.h"

namespace linimasa::text {

Result<std::unique_ptr<Stage>> TextStage::Create(const StageContext& ctx) {
  auto tok = Tokenizer::Load(ctx.data_dir);
  if (!tok.ok()) return tok.status();
  TextOptions o;
  if (auto it = ctx.options.find("clitics"); it != ctx.options.end())
    o.clitics = it->second != "false";
  if (auto it = ctx.options.find("lemmas"); it != ctx.options.end())
    o.lemmas = it->second != "false";
  std::shared_ptr<const Lemmatizer> lem;
  if (o.clitics || o.lemmas) {
    auto l = Lemmatizer::Load(ctx.data_dir);
    if (!l.ok()) return l.status();
    lem = *l;
  }
  if (auto it = ctx.options.find("pos"); it != ctx.options.end()) o.pos = it->second != "false";
  PosTagger tagger;
  const std::string model = ctx.data_dir + "/models/pos.bin";
  if (o.pos && std::filesystem::exists(model)) {
    auto t = PosTagger::LoadFromData(ctx.data_dir);
    if (!t.ok()) return t.status();
    tagger = std::move(t).value();
  }
  if (!o.lemmas) o.pos = false;  // the tagger's features include lemmas
  return std::unique_ptr<Stage>(
      new TextStage(std::move(tok).value(), std::move(lem), std::move(tagger), o));
}

Status TextStage::Process(Document& doc) const {
  if (!doc.text) return Status::InvalidArgument(doc.id + ": the text stage needs the clean text");
  const std::string& text = *doc.text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  tokens.reserve(text.size() / 6);
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    size_t first = tokens.size();
    tokenizer_.Tokenize(text, pos, eol, tokens);
    if (tokens.size() > first) {
      tokens.back().space_after = true;  // a paragraph break follows
      SplitSentences(text, tokens, first, tokens.size(), tokenizer_, sentences);
    }
    pos = eol + 1;
  }
  std::vector<Word> words;
  words.reserve(tokens.size() + tokens.size() / 16);
  for (size_t i = 0; i < tokens.size(); ++i) {
    Token& t = tokens[i];
    t.first_word = static_cast<uint32_t>(words.size());
    std::string_view form(text.data() + t.span.start, t.span.size());
    size_t split = 0;
    if (options_.clitics && t.kind == Token::Kind::kWord) split = lemmatizer_->SplitClitic(form);
    if (split) {
      t.word_count = 2;
      Word a, b;
      a.span = {t.span.start, t.span.start + split};
      b.span = {t.span.start + split, t.span.end};
      a.token = b.token = static_cast<uint32_t>(i);
      words.push_back(std::move(a));
      words.push_back(std::move(b));
    } else {
      Word w;
      w.span = t.span;
      w.token = static_cast<uint32_t>(i);
      words.push_back(std::move(w));
    }
  }
  if (options_.lemmas) {
    for (Word& w : words) {
      std::string_view form(text.data() + w.span.start, w.span.size());
      const Token& t = tokens[w.token];
      bool clitic_part =
          t.word_count == 2 &&
          ((w.span.end == t.span.end && w.span.start != t.span.start && form.size() <= 3) ||
           (w.span.start == t.span.start && form.size() <= 3 && w.span.end != t.span.end &&
            (form == "ku" || form == "kau" || form == "Ku" || form == "Kau")));
      w.lemma = clitic_part ? std::string(Lemmatizer::CliticLemma(form)) : lemmatizer_->Lemma(form);
    }
  }
  if (options_.pos && !tagger_.empty()) {
    std::vector<PosWord> pw;
    std::vector<uint8_t> tags;
    const auto& names = PosTagger::UposTags();
    for (const Sentence& s : sentences) {
      uint32_t first = tokens[s.first_token].first_word;
      uint32_t last = s.end_token < tokens.size() ? tokens[s.end_token].first_word
                                                  : static_cast<uint32_t>(words.size());
      pw.clear();
      for (uint32_t w = first; w < last; ++w)
        pw.push_back({std::string_view(text.data() + words[w].span.start, words[w].span.size()),
                      words[w].lemma});
      tagger_.Tag(pw, tags);
      for (uint32_t w = first; w < last; ++w) {
        Word& word = words[w];
        word.upos = names[tags[w - first]];
        const std::string_view form =
            std::string_view(text).substr(word.span.start, word.span.size());
        // A proper noun is its own lemma ("Kecamatan", "Kebangkitan": UD GSD and CSUI keep 99%
        // of theirs whole); the lemmatizer, reading the word without its tag, strips it.
        if (word.upos == "PROPN") utf8::AsciiLowerInto(form, word.lemma);
        // The clitic "-nya" as a determiner ("dampaknya": the impact) is its own lemma; as a
        // pronoun ("rumahnya": his house) it is "dia" (UD Indonesian GSD).
        if (word.upos == "DET" && word.lemma == "dia" && utf8::AsciiLower(form) == "nya")
          word.lemma = "nya";
      }
    }
  }
  doc.tokens = std::move(tokens);
  doc.words = std::move(words);
  doc.sentences = std::move(sentences);
  return Status::Ok();
}

}  // namespace linimasa::text
