#include "ner/conll.h"

#include "core/lines.h"
#include "core/utf8.h"

namespace linimasa::ner {

std::vector<ConllSentence> ParseConll(std::string_view text) {
  std::vector<ConllSentence> out;
  ConllSentence cur;
  bool docstart = false;
  auto flush = [&] {
    if (!cur.tokens.empty()) {
      cur.docstart_before = docstart;
      docstart = false;
      out.push_back(std::move(cur));
    }
    cur = ConllSentence{};
  };
  ForEachLine(text, [&](std::string_view line, size_t) {
    std::string_view t = utf8::Trim(line);
    if (t.empty()) return flush();
    if (t.substr(0, 10) == "-DOCSTART-") {
      flush();
      docstart = true;
      return;
    }
    char sep = line.find('\t') != std::string_view::npos ? '\t' : ' ';
    std::vector<std::string> f;
    for (auto& x : SplitFields(line, sep))
      if (!utf8::Trim(x).empty()) f.emplace_back(utf8::Trim(x));
    if (f.empty()) return flush();
    cur.tokens.push_back(f[0]);
    cur.labels.push_back(f.size() > 1 ? f.back() : "O");
  });
  flush();
  return out;
}

}  // namespace linimasa::ner
