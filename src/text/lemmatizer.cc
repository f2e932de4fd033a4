#include "text/lemmatizer.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <hunspell/hunspell.hxx>
#include <unordered_map>
#include <vector>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "core/word_memo.h"

namespace linimasa::text {
namespace {

std::string Lower(std::string_view s) { return utf8::AsciiLower(s); }

// `s` in ASCII lower case as a view: `s` itself when it has no capital (most words of a text), else
// `buf` lowered in place, so a cache hit allocates nothing.
std::string_view LowerView(std::string_view s, std::string& buf) {
  if (std::none_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) return s;
  utf8::AsciiLowerInto(s, buf);
  return buf;
}

bool HasLetter(std::string_view s) {
  for (char c : s)
    if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (static_cast<unsigned char>(c) >= 0xC0))
      return true;
  return false;
}

}  // namespace

// Per-thread caches by lower-cased form (bounded: cleared past 200,000 entries): a news stream
// repeats its words, so most words cost one lookup for the lemma and one for the clitic split.
struct Lemmatizer::PerThread {
  std::unique_ptr<Hunspell> hunspell;
  StringMap<std::string> lemmas;
  StringMap<bool> known;
  StringMap<size_t> splits;
  std::string buffer;  // LowerView's
};

Lemmatizer::~Lemmatizer() = default;

Result<std::shared_ptr<const Lemmatizer>> Lemmatizer::Load(const std::string& data_dir) {
  namespace fs = std::filesystem;
  auto l = std::shared_ptr<Lemmatizer>(new Lemmatizer());
  for (const std::string& dir : {data_dir + "/hunspell", std::string("/usr/share/hunspell")}) {
    if (fs::exists(dir + "/id_ID.aff") && fs::exists(dir + "/id_ID.dic")) {
      l->aff_ = dir + "/id_ID.aff";
      l->dic_ = dir + "/id_ID.dic";
      break;
    }
  }
  if (l->aff_.empty())
    return Status::NotFound("Indonesian Hunspell dictionary (id_ID.aff, id_ID.dic) not found in " +
                            data_dir +
                            "/hunspell or /usr/share/hunspell; install Debian's hunspell-id "
                            "(apt-get install hunspell-id)");
  auto dic = FileEnv::Default().ReadFile(l->dic_, 64 << 20);
  if (!dic.ok()) return dic.status();
  ForEachLine(*dic, [&](std::string_view line, size_t n) {
    if (n == 1) return;  // the entry count
    std::string_view w = utf8::Trim(line.substr(0, line.find('/')));
    if (!w.empty()) l->roots_.insert(Lower(w));
  });
  auto nc = FileEnv::Default().ReadFile(data_dir + "/text/nonclitic.txt", 16 << 20);
  if (!nc.ok())
    return Status::NotFound(nc.status().message() + " (set LINIMASA_DATA to the data folder)");
  ForEachLine(*nc, [&](std::string_view line, size_t) {
    line = utf8::Trim(line);
    if (!line.empty() && line[0] != '#') l->nonclitic_.insert(Lower(line));
  });
  // Lemmas Hunspell's analysis does not give (data/text/lemma_lexicon.tsv, built from a UD training
  // treebank by tools/build_lemma_lexicon.py). LINIMASA_NO_LEMMA_LEXICON=1 turns it off (used
  // when rebuilding it).
  const char* no_lex = std::getenv("LINIMASA_NO_LEMMA_LEXICON");
  if (!(no_lex && *no_lex == '1')) {
    auto lex = FileEnv::Default().ReadFile(data_dir + "/text/lemma_lexicon.tsv", 64 << 20);
    if (!lex.ok())
      return Status::NotFound(lex.status().message() + " (set LINIMASA_DATA to the data folder)");
    ForEachLine(*lex, [&](std::string_view line, size_t) {
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string_view::npos) return;
      l->lexicon_.emplace(std::string(line.substr(0, tab)), std::string(line.substr(tab + 1)));
    });
  }
  l->instance_id_ = NextMemoOwnerId();
  return std::shared_ptr<const Lemmatizer>(std::move(l));
}

Lemmatizer::PerThread& Lemmatizer::Local() const {
  PerThread& p = PerThreadFor<PerThread>(instance_id_);
  if (!p.hunspell) p.hunspell = std::make_unique<Hunspell>(aff_.c_str(), dic_.c_str());
  return p;
}

bool Lemmatizer::Known(std::string_view lower) const {
  if (roots_.find(lower) != roots_.end()) return true;
  PerThread& t = Local();
  auto it = t.known.find(lower);
  if (it != t.known.end()) return it->second;
  std::string key(lower);
  bool k = t.hunspell->spell(key);
  if (t.known.size() > 200000) t.known.clear();
  t.known.emplace(std::move(key), k);
  return k;
}

std::string_view Lemmatizer::CliticLemma(std::string_view clitic) {
  std::string l = Lower(clitic);
  if (l == "nya") return "dia";
  if (l == "ku") return "aku";
  if (l == "mu" || l == "kau") return "kamu";
  if (l == "lah") return "lah";
  if (l == "kah") return "kah";
  if (l == "pun") return "pun";
  return clitic;
}

size_t Lemmatizer::SplitClitic(std::string_view word) const {
  if (word.size() < 5) return 0;
  PerThread& t = Local();
  const std::string_view lower = LowerView(word, t.buffer);
  if (auto it = t.splits.find(lower); it != t.splits.end()) return it->second;
  std::string key(lower);
  const size_t split = SplitLower(key);
  if (t.splits.size() > 200000) t.splits.clear();
  t.splits.emplace(std::move(key), split);
  return split;
}

size_t Lemmatizer::SplitLower(const std::string& lower) const {
  if (nonclitic_.count(lower)) return 0;
  const bool root = roots_.count(lower) > 0;
  for (const char* suffix : {"nya", "lah", "kah", "pun", "ku", "mu"}) {
    size_t n = std::char_traits<char>::length(suffix);
    if (lower.size() < n + 3 || lower.compare(lower.size() - n, n, suffix) != 0) continue;
    // The dictionary lists some particle forms as roots ("apakah", "bukankah"); UD splits them.
    // Roots that merely end in -lah/-kah ("masalah", "sekolah") are in nonclitic.txt.
    const bool particle = std::string_view(suffix) == "lah" || std::string_view(suffix) == "kah";
    if (root && !particle) continue;
    std::string_view host = std::string_view(lower).substr(0, lower.size() - n);
    if (host.back() == '-') continue;
    if (Known(host)) return host.size();
  }
  if (root) return 0;
  for (const char* prefix : {"kau", "ku"}) {
    size_t n = std::char_traits<char>::length(prefix);
    if (lower.compare(0, n, prefix) != 0 || lower.size() < n + 3) continue;
    if (!Known(lower) && Known(std::string_view(lower).substr(n))) return n;
  }
  return 0;
}

// Confix stripping in the manner of Nazief & Adriani (1996) and Asian et al. (2005): suffixes
// (-kan, -an, -i) and prefixes with their morphophonemic variants are removed, and a candidate is
// accepted only when it is a dictionary root. Hunspell's affix rules cover most words; this runs
// only for words Hunspell cannot analyse ("penusukan", "digabung" are missing from hunspell-id's
// affix classes). Written here because no packaged Indonesian stemmer ships with Debian (Sastrawi's
// dictionary is non-commercial). To keep names intact ("Kediri", "Medan", "Perdana"), bare ke-,
// se- and per- need a suffix, and each nasal prefix only comes before the sounds it assimilates to.
std::string Lemmatizer::StripAffixes(const std::string& w) const {
  if (w.size() < 6) return "";
  auto is_root = [&](const std::string& r) { return r.size() >= 3 && roots_.count(r) > 0; };
  auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
  // Roots a prefixed stem can come from (`stem` = the word after the prefix letters).
  auto after_prefix = [&](const std::string& x, bool suffixed, std::vector<std::string>& out) {
    auto starts = [&](const char* p) { return x.rfind(p, 0) == 0; };
    auto rest = [&](size_t n) { return x.substr(n); };
    // di-, ter-, ber-/be-/bel- (ber- + suffix or alone)
    if (starts("di")) out.push_back(rest(2));
    if (starts("ter")) out.push_back(rest(3));
    if (starts("ber")) out.push_back(rest(3));
    if (starts("be") && x.size() > 2 && x[2] == 'r') out.push_back(rest(2));  // be-rantas
    if (starts("bel") && x.rfind("belajar", 0) == 0) out.push_back("ajar");
    if (suffixed && starts("ke")) out.push_back(rest(2));
    if (suffixed && starts("per")) out.push_back(rest(3));
    if (suffixed && starts("se")) out.push_back(rest(2));
    for (const char* pre : {"me", "pe"}) {
      if (!starts(pre)) continue;
      std::string y = rest(2);
      if (y.empty()) continue;
      auto ys = [&](const char* p) { return y.rfind(p, 0) == 0; };
      if (ys("ny") && y.size() > 2 && vowel(y[2]))
        out.push_back("s" + y.substr(2));
      else if (ys("ng") && y.size() > 2) {
        std::string z = y.substr(2);
        if (vowel(z[0])) {
          out.push_back("k" + z);
          out.push_back(z);
        } else if (z[0] == 'g' || z[0] == 'h' || z[0] == 'k') {
          out.push_back(z);
        } else if (ys("nge")) {
          out.push_back(y.substr(3));  // menge-/penge- before one-syllable roots
        }
      } else if (ys("m") && y.size() > 1) {
        std::string z = y.substr(1);
        if (vowel(z[0]))
          out.push_back("p" + z);
        else if (z[0] == 'b' || z[0] == 'f' || z[0] == 'v' || z[0] == 'p')
          out.push_back(z);
        if (ys("mper")) out.push_back(y.substr(4));  // memper-
      } else if (ys("n") && y.size() > 1) {
        std::string z = y.substr(1);
        if (vowel(z[0]))
          out.push_back("t" + z);
        else if (z[0] == 'd' || z[0] == 'c' || z[0] == 'j' || z[0] == 'z' || z[0] == 't')
          out.push_back(z);
      } else if (y[0] == 'l' || y[0] == 'r' || y[0] == 'w' || y[0] == 'y' || y[0] == 'm' ||
                 y[0] == 'n') {
        out.push_back(y);
      }
      if (std::string_view(pre) == "pe" && ys("r") && y.size() > 1)
        out.push_back(y.substr(1));  // per-
    }
  };
  for (const char* suffix : {"kan", "an", "i", ""}) {
    size_t n = std::char_traits<char>::length(suffix);
    if (n && (w.size() < n + 4 || w.compare(w.size() - n, n, suffix) != 0)) continue;
    std::string x = w.substr(0, w.size() - n);
    std::vector<std::string> first;
    after_prefix(x, n > 0, first);
    for (const std::string& r : first) {
      if (is_root(r)) return r;
      std::vector<std::string> second;  // two prefixes: diper-, memper-, keber-, …
      after_prefix(r, n > 0, second);
      for (const std::string& r2 : second)
        if (is_root(r2)) return r2;
    }
  }
  return "";
}

std::string Lemmatizer::Lemma(std::string_view word) const {
  if (!HasLetter(word)) return std::string(word);
  PerThread& t = Local();
  if (auto it = t.lemmas.find(LowerView(word, t.buffer)); it != t.lemmas.end()) return it->second;
  std::string lower = Lower(word);
  std::string lemma = lower;
  size_t dash = lower.find('-');
  if (auto it = lexicon_.find(lower); it != lexicon_.end()) {
    lemma = it->second;
  } else if (roots_.count(lower)) {
    // a root is its own lemma
  } else if (dash != std::string::npos && dash > 0 && dash + 1 < lower.size()) {
    // Reduplication: "negara-negara" → "negara"; with an affix on the first half,
    // "bertahun-tahun" → "tahun", "sehari-hari" → "hari". Other compounds stay whole.
    std::string_view first = std::string_view(lower).substr(0, dash);
    std::string_view second = std::string_view(lower).substr(dash + 1);
    if (first == second || (first.size() > second.size() && first.ends_with(second)))
      lemma = Lemma(second);
  } else {
    std::vector<std::string> stems = t.hunspell->stem(lower);
    // Prefer a stem that is a dictionary root; among those, the shortest (measured: the longest
    // does no better on the UD lemma pairs).
    const std::string* best = nullptr;
    for (const auto& st : stems)
      if (roots_.count(st) && (!best || st.size() < best->size())) best = &st;
    if (best)
      lemma = *best;
    else if (!stems.empty())
      lemma = stems.front();
    else if (std::string root = StripAffixes(lower); !root.empty())
      lemma = root;
  }
  if (t.lemmas.size() > 200000) t.lemmas.clear();
  t.lemmas.emplace(lower, lemma);
  return lemma;
}

}  // namespace linimasa::text
