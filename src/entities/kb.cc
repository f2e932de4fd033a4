#include "entities/kb.h"

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"

namespace linimasa::entities {

namespace {

// Latin-1 Supplement and Latin Extended-A letters folded to ASCII (é → e, ü → u, ł → l). Written by
// hand: the engine does not link ICU, and names in Indonesian news use only these.
char FoldLatin(uint32_t cp) {
  static constexpr std::string_view kLatin1 =  // U+00C0 … U+00FF
      "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
  static constexpr std::string_view kExtA =  // U+0100 … U+017F
      "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSs"
      "SsSsSs"
      "TtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
  static_assert(kLatin1.size() == 64 && kExtA.size() == 128);
  if (cp >= 0xC0 && cp <= 0xFF) return kLatin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return kExtA[cp - 0x100];
  return 0;
}

bool IsSeparator(uint32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '-' || cp == '.' || cp == '\'' ||
         cp == '_' || cp == 0x2019 || cp == 0x2018 || cp == 0x2010 || cp == 0x2011 ||
         cp == 0x2013 || cp == 0xA0 || cp == ',' || cp == '"' || cp == '(' || cp == ')';
}

bool AllCaps(std::string_view s) {
  bool letter = false;
  for (char c : s) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') letter = true;
  }
  return letter;
}

size_t WordCount(const std::string& key) {
  size_t n = key.empty() ? 0 : 1;
  for (char c : key) n += c == ' ';
  return n;
}

}  // namespace

std::string NameKey(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool space = false;
  for (size_t i = 0; i < name.size();) {
    uint32_t cp = utf8::Next(name, i);
    if (IsSeparator(cp)) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    if (cp < 0x80) {
      out.push_back(cp >= 'A' && cp <= 'Z' ? char(cp + 32) : char(cp));
    } else if (char f = FoldLatin(cp)) {
      out.push_back(f >= 'A' && f <= 'Z' ? char(f + 32) : f);
    } else {
      utf8::Append(out, cp);
    }
  }
  return out;
}

namespace {
// VariantKey() of a name whose NameKey() is `key`.
std::string VariantOfKey(std::string_view key) {
  std::string out, v;
  for (size_t p = 0; p <= key.size();) {
    size_t q = key.find(' ', p);
    if (q == std::string_view::npos) q = key.size();
    v.clear();
    const std::string_view w = key.substr(p, q - p);
    // A Roman numeral stays as written: "Komisi II" is not "Komisi III"; so does a word without
    // a vowel, an acronym's letters: "PPK" is not "PK".
    if (!w.empty() && (w.find_first_not_of("ivxlcdm") == std::string_view::npos ||
                       w.find_first_of("aeiouy") == std::string_view::npos)) {
      if (!out.empty()) out.push_back(' ');
      out += w;
      p = q + 1;
      continue;
    }
    for (char c : w)
      if (v.empty() || v.back() != c) v.push_back(c);  // doubled letters single
    // Final -iy/-yi/-y → -i (Sergey/Sergei, Dmitry/Dmitri, Zelenskyy/Zelenskiy).
    while (v.size() > 3 && (v.back() == 'y' || v.back() == 'i') &&
           (v[v.size() - 2] == 'y' || v[v.size() - 2] == 'i'))
      v.pop_back();
    if (v.size() > 3 && v.back() == 'y') v.back() = 'i';
    if (!out.empty()) out.push_back(' ');
    out += v;
    p = q + 1;
  }
  return out;
}
}  // namespace

std::string VariantKey(std::string_view name) { return VariantOfKey(NameKey(name)); }

Result<Kb> Kb::Load(const std::string& data_dir, const std::vector<std::string>& extra) {
  Kb kb;
  for (const char* f : {"/kb/countries.tsv", "/kb/regions.tsv", "/kb/entities.tsv"}) {
    Status s = kb.AddFile(data_dir + f);
    if (!s.ok()) return s;
  }
  for (const std::string& f : extra) {
    Status s = kb.AddFile(f);
    if (!s.ok()) return s;
  }
  return kb;
}

Status Kb::AddFile(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{256} << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() +
                            " (a knowledge-base file: check the path; the format is in "
                            "data/kb/README.md)");
  Status status = Status::Ok();
  ForEachLine(*bytes, [&](std::string_view line, size_t n) {
    if (!status.ok() || line.empty() || line[0] == '#') return;
    std::vector<std::string> f = SplitFields(line);
    if (f.size() < 3 || f[0].empty() || (f[1].empty() && !by_id_.count(f[0]))) {
      status = Status::InvalidArgument(path + ":" + std::to_string(n) +
                                       ": expected id<TAB>type<TAB>canonical<TAB>iso<TAB>aliases"
                                       "<TAB>acts_for<TAB>part_of<TAB>leads<TAB>last_name (a new "
                                       "id needs a type)");
      return;
    }
    f.resize(9);
    if (!f[8].empty() && f[8] != "no" && f[8] != "yes") {
      status = Status::InvalidArgument(path + ":" + std::to_string(n) + ": last_name is '" + f[8] +
                                       "' (use yes, no or leave it empty)");
      return;
    }
    if (!f[1].empty() && f[1] != "PER" && f[1] != "ORG" && f[1] != "LOC" && f[1] != "GPE" &&
        f[1] != "FAC" && f[1] != "NORP" && f[1] != "EVT" && f[1] != "PRODUCT") {
      status = Status::InvalidArgument(path + ":" + std::to_string(n) + ": unknown type '" + f[1] +
                                       "' (use PER, ORG, LOC, GPE, FAC, NORP, EVT or PRODUCT)");
      return;
    }
    std::vector<std::string> aliases;
    for (std::string& a : SplitFields(f[4], '|'))
      if (!a.empty()) aliases.push_back(std::move(a));
    Add(KbEntity{f[0], f[1], f[2], f[3], f[5], f[6], f[7], {}, f[8] != "no"}, aliases);
  });
  return status;
}

void Kb::Add(const KbEntity& e, const std::vector<std::string>& aliases) {
  size_t idx;
  if (auto it = by_id_.find(e.id); it != by_id_.end()) {
    idx = it->second;
    KbEntity& x = entities_[idx];
    if (!e.type.empty()) x.type = e.type;
    if (!e.canonical.empty()) x.canonical = e.canonical;
    if (!e.iso.empty()) x.iso = e.iso;
    if (!e.acts_for.empty()) x.acts_for = e.acts_for;
    if (!e.part_of.empty()) x.part_of = e.part_of;
    if (!e.leads.empty()) x.leads = e.leads;
    x.by_last_name = x.by_last_name && e.by_last_name;
  } else {
    idx = entities_.size();
    entities_.push_back(e);
    if (entities_.back().canonical.empty() && !aliases.empty())
      entities_.back().canonical = aliases[0];
    by_id_[e.id] = idx;
  }
  std::vector<std::string> all = aliases;
  all.push_back(entities_[idx].canonical);
  std::vector<std::string>& words = entities_[idx].words;
  for (const std::string& a : all) {
    std::string key = NameKey(a);
    if (key.empty()) continue;
    for (size_t p = 0, q; p < key.size(); p = q + 1) {
      q = key.find(' ', p);
      if (q == std::string::npos) q = key.size();
      words.push_back(key.substr(p, q - p));
    }
    std::vector<Alias>& v = aliases_[key];
    bool dup = false;
    for (const Alias& x : v) dup |= x.entity == idx && x.surface == a;
    if (dup) continue;
    v.push_back(Alias{idx, AllCaps(a) && a.size() <= 6, a});
    size_t& most = first_words_[key.substr(0, key.find(' '))];
    most = std::max(most, WordCount(key));
    if (entities_[idx].type == "PER") {
      variants_[VariantKey(a)].push_back(Alias{idx, false, a});
      size_t sp = key.rfind(' ');
      if (sp != std::string::npos && entities_[idx].by_last_name) {
        std::string last = key.substr(sp + 1);
        auto [it, fresh] = surnames_.emplace(last, idx);
        if (!fresh && it->second != idx) it->second = SIZE_MAX;
      }
    }
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
}

const KbEntity* Kb::Lookup(std::string_view surface) const {
  std::string key = NameKey(surface);
  const KbEntity* found = nullptr;
  if (auto it = aliases_.find(key); it != aliases_.end()) {
    for (const Alias& a : it->second) {
      if (a.exact_case && NameKey(a.surface) == key) {
        // Compare as written, ignoring separators: "AS" must not match "as".
        std::string s, t;
        for (char c : surface)
          if (c != '.' && c != ' ' && c != '-') s.push_back(c);
        for (char c : a.surface)
          if (c != '.' && c != ' ' && c != '-') t.push_back(c);
        if (s != t) continue;
      }
      found = &entities_[a.entity];
      break;
    }
  }
  if (found) return found;
  if (auto it = variants_.find(VariantOfKey(key)); it != variants_.end())
    return &entities_[it->second.front().entity];
  return nullptr;
}

const KbEntity* Kb::PersonBySurname(const std::string& key) const {
  auto it = surnames_.find(key);
  // A later row may say the person is not named by the last word (last_name "no").
  if (it == surnames_.end() || it->second == SIZE_MAX || !entities_[it->second].by_last_name)
    return nullptr;
  return &entities_[it->second];
}

const KbEntity* Kb::ById(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? nullptr : &entities_[it->second];
}

}  // namespace linimasa::entities
