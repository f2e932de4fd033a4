#include "ner/titles.h"

#include <algorithm>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "ner/ner_tagger.h"

namespace linimasa::ner {

Result<TitleTrimmer> TitleTrimmer::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/kb/titles.tsv";
  auto bytes = FileEnv::Default().ReadFile(path, size_t{1} << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() + " (reinstall linimasa's data folder)");
  std::vector<std::string> titles;
  ForEachLine(*bytes, [&](std::string_view line, size_t) {
    if (line.empty() || line[0] == '#') return;
    std::vector<std::string> f = SplitFields(line);
    if (f.size() >= 2 && f[1] == "name") return;
    titles.push_back(utf8::AsciiLower(f[0]));
  });
  return TitleTrimmer(titles);
}

TitleTrimmer::TitleTrimmer(const std::vector<std::string>& titles) {
  for (const std::string& t : titles) {
    std::vector<std::string> words = SplitFields(t, ' ');
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    if (!words.empty()) titles_.push_back(std::move(words));
  }
  std::stable_sort(titles_.begin(), titles_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
}

void TitleTrimmer::Trim(const std::vector<std::string_view>& tokens,
                        std::vector<uint8_t>& labels) const {
  static const std::vector<std::string>& names = NerTagger::Labels();
  const auto b_per =
      static_cast<uint8_t>(std::find(names.begin(), names.end(), "B-PER") - names.begin());
  const auto i_per = static_cast<uint8_t>(b_per + 1);
  const size_t n = std::min(tokens.size(), labels.size());
  for (size_t i = 0; i < n;) {
    if (labels[i] != b_per) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && labels[end] == i_per) ++end;
    size_t start = i;
    for (bool again = true; again;) {
      again = false;
      for (const auto& t : titles_) {
        if (start + t.size() >= end) continue;  // keep at least one word of the name
        bool match = true;
        for (size_t k = 0; k < t.size() && match; ++k)
          match = utf8::AsciiLower(tokens[start + k]) == t[k];
        if (!match) continue;
        for (size_t k = 0; k < t.size(); ++k) labels[start + k] = 0;  // O
        start += t.size();
        labels[start] = b_per;
        again = true;
        break;
      }
    }
    i = end;
  }
}

}  // namespace linimasa::ner
