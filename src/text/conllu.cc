#include "text/conllu.h"

namespace linimasa::text {

void AppendConllu(const Document& doc, const std::string& prefix, size_t* counter, std::string& out) {
  if (!doc.text || !doc.sentences || !doc.tokens || !doc.words) return;
  const std::string& text = *doc.text;
  const auto& tokens = *doc.tokens;
  const auto& words = *doc.words;
  for (const Sentence& s : *doc.sentences) {
    out += "# sent_id = " + prefix + std::to_string(++*counter) + "\n";
    out += "# text = ";
    for (char c : std::string_view(text).substr(s.span.start, s.span.size())) out += (c == '\n' ? ' ' : c);
    out += '\n';
    size_t id = 0;
    for (uint32_t k = s.first_token; k < s.end_token; ++k) {
      const Token& t = tokens[k];
      std::string_view misc = (t.space_after || k + 1 == s.end_token) ? "_" : "SpaceAfter=No";
      if (t.word_count > 1) {
        out += std::to_string(id + 1) + "-" + std::to_string(id + t.word_count) + "\t";
        out.append(text, t.span.start, t.span.size());
        out += "\t_\t_\t_\t_\t_\t_\t_\t";
        out += misc;
        out += '\n';
      }
      for (uint32_t w = t.first_word; w < t.first_word + t.word_count; ++w) {
        const Word& word = words[w];
        out += std::to_string(++id) + "\t";
        out.append(text, word.span.start, word.span.size());
        out += '\t';
        out += word.lemma.empty() ? "_" : word.lemma;
        out += '\t';
        out += word.upos.empty() ? "_" : word.upos;
        out += "\t_\t_\t_\t_\t_\t";
        out += t.word_count > 1 ? std::string_view("_") : misc;
        out += '\n';
      }
    }
    out += '\n';
  }
}

}  // namespace linimasa::text
