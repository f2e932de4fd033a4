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
  std::vector<std::string> titles, ranks, noun_ranks, professions;
  ForEachLine(*bytes, [&](std::string_view line, size_t) {
    if (line.empty() || line[0] == '#') return;
    std::vector<std::string> f = SplitFields(line);
    const std::vector<std::string> tags =
        f.size() >= 2 ? SplitFields(f[1], ',') : std::vector<std::string>{};
    auto tagged = [&](const char* t) {
      return std::find(tags.begin(), tags.end(), t) != tags.end();
    };
    if (tagged("name")) return;
    titles.push_back(utf8::AsciiLower(f[0]));
    if (tagged("rank")) ranks.push_back(titles.back());
    if (tagged("rank") && tagged("noun")) noun_ranks.push_back(titles.back());
    if (tagged("person")) professions.push_back(titles.back());
  });
  const std::string leads_path = data_dir + "/kb/lead_words.tsv";
  auto lead_bytes = FileEnv::Default().ReadFile(leads_path, size_t{1} << 20);
  if (!lead_bytes.ok())
    return Status::NotFound(lead_bytes.status().message() + " (reinstall linimasa's data folder)");
  std::vector<std::string> leads;
  ForEachLine(*lead_bytes, [&](std::string_view line, size_t) {
    if (!line.empty() && line[0] != '#') leads.push_back(utf8::AsciiLower(SplitFields(line)[0]));
  });
  return TitleTrimmer(titles, ranks, noun_ranks, leads, professions);
}

namespace {
// Each phrase as its words, longest first.
std::vector<std::vector<std::string>> Phrases(const std::vector<std::string>& list) {
  std::vector<std::vector<std::string>> out;
  for (const std::string& t : list) {
    std::vector<std::string> words = SplitFields(t, ' ');
    words.erase(std::remove(words.begin(), words.end(), std::string()), words.end());
    if (!words.empty()) out.push_back(std::move(words));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

// Whether tokens[p, p + phrase.size()) are the phrase's words (lower case), in any case; compared
// in place: the trimmer runs on every span of every sentence.
bool PhraseAt(const std::vector<std::string_view>& tokens, size_t p,
              const std::vector<std::string>& phrase) {
  if (p + phrase.size() > tokens.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    const std::string_view w = tokens[p + k];
    const std::string& t = phrase[k];
    if (w.size() != t.size()) return false;
    for (size_t c = 0; c < w.size(); ++c) {
      char x = w[c];
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (x != t[c]) return false;
    }
  }
  return true;
}

// A word that can start a person's name: capitalised, not an all-capitals acronym ("DPR").
bool NameWord(std::string_view w) {
  if (w.empty() || w[0] < 'A' || w[0] > 'Z') return false;
  if (w.size() == 1) return true;
  for (char c : w.substr(1))
    if (c >= 'a' && c <= 'z') return true;
  return false;
}
}  // namespace

TitleTrimmer::TitleTrimmer(const std::vector<std::string>& titles,
                           const std::vector<std::string>& ranks,
                           const std::vector<std::string>& noun_ranks,
                           const std::vector<std::string>& lead_words,
                           const std::vector<std::string>& professions)
    : titles_(Phrases(titles)), leads_(Phrases(lead_words)) {
  std::vector<std::string> person;
  for (const std::string& r : ranks)
    if (std::find(noun_ranks.begin(), noun_ranks.end(), r) == noun_ranks.end()) person.push_back(r);
  ranks_ = Phrases(person);
  auto listed = [](const std::vector<std::string>& l, const std::string& t) {
    return std::find(l.begin(), l.end(), t) != l.end();
  };
  std::vector<std::string> offices;
  for (const std::string& t : titles)
    if (!listed(professions, t) && !listed(noun_ranks, t)) offices.push_back(t);
  offices_ = Phrases(offices);
}

void TitleTrimmer::SplitAtRanks(const std::vector<std::string_view>& tokens,
                                std::vector<uint8_t>& labels) const {
  static const std::vector<std::string>& names = NerTagger::Labels();
  const auto b_per =
      static_cast<uint8_t>(std::find(names.begin(), names.end(), "B-PER") - names.begin());
  const auto b_org =
      static_cast<uint8_t>(std::find(names.begin(), names.end(), "B-ORG") - names.begin());
  const size_t n = std::min(tokens.size(), labels.size());
  for (size_t i = 0; i < n;) {
    if (names[labels[i]][0] != 'B') {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && names[labels[end]][0] == 'I') ++end;
    // The first rank inside [i + 1, end) with a name word after it; a rank that ends the span
    // with a name right after it is that person's ("Kasat Lantas Polres Serang AKP" + "Fery …").
    // So is a span that is only a rank ("AKP" tagged apart from "Fery …").
    bool ends = false;  // a rank ended the span: it went
    for (size_t p = i; p < end && !ends; ++p) {
      const std::vector<std::string>* rank = nullptr;
      for (const auto& r : ranks_) {
        if (!PhraseAt(tokens, p, r)) continue;
        if (p + r.size() == end && end < n && NameWord(tokens[end])) {
          for (size_t k = p; k < end; ++k) labels[k] = 0;
          ends = true;
        } else if (p > i && p + r.size() < end && NameWord(tokens[p + r.size()])) {
          rank = &r;
        }
        if (ends || rank) break;
      }
      if (!rank) continue;
      // Before the rank: the office's organisation or place (a person span's part becomes an
      // organisation); the rank: outside; after it: the person.
      if (labels[i] == b_per) {
        labels[i] = b_org;
        for (size_t k = i + 1; k < p; ++k) labels[k] = static_cast<uint8_t>(b_org + 1);
      }
      for (size_t k = p; k < p + rank->size(); ++k) labels[k] = 0;
      labels[p + rank->size()] = b_per;
      for (size_t k = p + rank->size() + 1; k < end; ++k)
        labels[k] = static_cast<uint8_t>(b_per + 1);
      break;
    }
    i = end;
  }
}

void TitleTrimmer::Trim(const std::vector<std::string_view>& tokens,
                        std::vector<uint8_t>& labels) const {
  static const std::vector<std::string>& names = NerTagger::Labels();
  const auto b_per =
      static_cast<uint8_t>(std::find(names.begin(), names.end(), "B-PER") - names.begin());
  const auto i_per = static_cast<uint8_t>(b_per + 1);
  const size_t n = std::min(tokens.size(), labels.size());
  // A span that opens with an initial right after a person's name continues that name: the
  // tagger's "Stephen" + "R. Covey" (ORG) is one person.
  auto initial = [&](size_t i) {
    std::string_view t = tokens[i];
    const bool capital = !t.empty() && t[0] >= 'A' && t[0] <= 'Z';
    return capital &&
           ((t.size() == 2 && t[1] == '.') || (t.size() == 1 && i + 1 < n && tokens[i + 1] == "."));
  };
  for (size_t i = 1; i < n; ++i) {
    if (names[labels[i]][0] != 'B' || labels[i] == b_per || !initial(i)) continue;
    if (labels[i - 1] != b_per && labels[i - 1] != i_per) continue;
    const uint8_t inside = static_cast<uint8_t>(labels[i] + 1);
    labels[i] = i_per;
    for (size_t k = i + 1; k < n && labels[k] == inside; ++k) labels[k] = i_per;
  }
  // A span of any type loses the lead words it starts with, keeping a capitalised word.
  for (size_t i = 0; i < n; ++i) {
    if (names[labels[i]][0] != 'B') continue;
    while (i + 1 < n && names[labels[i + 1]][0] == 'I' && !tokens[i + 1].empty() &&
           tokens[i + 1][0] >= 'A' && tokens[i + 1][0] <= 'Z' &&
           std::any_of(leads_.begin(), leads_.end(),
                       [&](const auto& w) { return PhraseAt(tokens, i, w); })) {
      labels[i + 1] = labels[i];  // B-X
      labels[i] = 0;              // O
      ++i;
    }
  }
  for (size_t i = 0; i < n;) {
    if (labels[i] != b_per) {
      ++i;
      continue;
    }
    size_t end = i + 1;
    while (end < n && labels[end] == i_per) ++end;
    size_t start = i;
    // A title the span starts inside of: "Menteri Luar [Negeri Sugiono]" loses "Negeri".
    [&] {
      for (const auto& t : titles_)
        for (size_t m = 1; m < t.size(); ++m) {  // m title words before the span, k inside it
          const size_t k = t.size() - m;
          if (m > start || start + k >= end || !PhraseAt(tokens, start - m, t)) continue;
          for (size_t x = start; x < start + k; ++x) labels[x] = 0;  // O
          start += k;
          labels[start] = b_per;
          return;
        }
    }();
    for (bool again = true; again;) {
      again = false;
      for (const auto& t : titles_) {
        // Keep at least one word of the name.
        if (start + t.size() >= end || !PhraseAt(tokens, start, t)) continue;
        for (size_t k = 0; k < t.size(); ++k) labels[start + k] = 0;  // O
        start += t.size();
        labels[start] = b_per;
        again = true;
        break;
      }
    }
    i = end;
  }
  // Other spans lose an office's title they open with ("General Manager Perum Perumnas").
  for (size_t i = 0; i < n;) {
    if (names[labels[i]][0] != 'B' || labels[i] == b_per) {
      ++i;
      continue;
    }
    const auto b = labels[i], inside = static_cast<uint8_t>(labels[i] + 1);
    size_t end = i + 1;
    while (end < n && labels[end] == inside) ++end;
    size_t start = i;
    for (bool again = true; again;) {
      again = false;
      for (const auto& t : offices_) {
        if (!PhraseAt(tokens, start, t)) continue;
        // The longest title there; the span a title whole, or a lower-case word after it, stays.
        const size_t next = start + t.size();
        if (next >= end || tokens[next].empty() || tokens[next][0] < 'A' || tokens[next][0] > 'Z')
          break;
        for (size_t k = start; k < next; ++k) labels[k] = 0;  // O
        start = next;
        labels[start] = b;
        again = true;
        break;
      }
    }
    i = end;
  }
  SplitAtRanks(tokens, labels);  // after the person spans lost their leading titles
  RanksBeforeNames(tokens, labels);
}

void TitleTrimmer::RanksBeforeNames(const std::vector<std::string_view>& tokens,
                                    std::vector<uint8_t>& labels) const {
  static const std::vector<std::string>& names = NerTagger::Labels();
  const auto b_per =
      static_cast<uint8_t>(std::find(names.begin(), names.end(), "B-PER") - names.begin());
  const size_t n = std::min(tokens.size(), labels.size());
  for (size_t i = 1; i < n; ++i) {
    if (names[labels[i]][0] != 'B' || labels[i] == b_per) continue;
    size_t end = i + 1;
    while (end < n && names[labels[end]][0] == 'I') ++end;
    bool words = true;  // every word of the span could be a person's
    for (size_t k = i; k < end && words; ++k) words = NameWord(tokens[k]) && tokens[k].size() > 1;
    if (!words) continue;
    // The rank right before it, or before one initial ("Brigjen K. Lingga Rendra Raharja").
    // The initial may be tagged as a name of its own ("K." + "Lingga …"): it opens the person's.
    const std::string_view w = tokens[i - 1];
    const bool initial =
        i >= 2 && !w.empty() && w[0] >= 'A' && w[0] <= 'Z' && (w.size() == 1 || w.substr(1) == ".");
    const bool tagged_initial = initial && names[labels[i - 1]][0] == 'B';
    const size_t before = initial && (labels[i - 1] == 0 || tagged_initial) ? i - 1 : i;
    // (Ranks are written with a capital: most spans follow a lower-case word and skip the list.)
    const std::string_view prev = tokens[before - 1];
    bool ranked = false;
    if (!prev.empty() && prev[0] >= 'A' && prev[0] <= 'Z')
      for (const auto& r : ranks_)
        if (before >= r.size() && PhraseAt(tokens, before - r.size(), r)) {
          ranked = true;
          break;
        }
    if (!ranked) continue;
    if (tagged_initial) labels[i - 1] = b_per;
    labels[i] = tagged_initial ? static_cast<uint8_t>(b_per + 1) : b_per;
    for (size_t k = i + 1; k < end; ++k) labels[k] = static_cast<uint8_t>(b_per + 1);
  }
}

}  // namespace linimasa::ner
