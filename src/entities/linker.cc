#include "entities/linker.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <numeric>
#include <tuple>
#include <unordered_map>

#include "core/file_env.h"
#include "core/lines.h"
#include "entities/short_forms.h"

namespace linimasa::entities {

namespace {

// The non-comment lines of a word list in the data folder.
Result<std::vector<std::string>> ReadList(const std::string& path) {
  auto lines = ReadFileLines(path);
  if (!lines.ok())
    return Status::NotFound(lines.status().message() + " (reinstall linimasa's data folder)");
  std::vector<std::string> out;
  for (std::string& l : *lines)
    if (!l.empty() && l[0] != '#') out.push_back(std::move(l));
  return out;
}

// A word list whose rows may carry a tag in a second column ("polres<TAB>region"): every row's
// NameKey into `all`, the rows with `tag` also into `tagged`.
Status ReadTagged(const std::string& path,
                  const std::vector<std::pair<std::string_view, StringSet*>>& tags,
                  StringSet& all) {
  auto rows = ReadList(path);
  if (!rows.ok()) return rows.status();
  for (const std::string& l : *rows) {
    std::vector<std::string> f = SplitFields(l);
    all.insert(NameKey(f[0]));
    if (f.size() < 2) continue;
    for (const std::string& t : SplitFields(f[1], ','))  // "region,alone"
      for (const auto& [tag, set] : tags)
        if (t == tag) set->insert(NameKey(f[0]));
  }
  return Status::Ok();
}

// The words of a NameKey (single spaces, no empty words).
std::vector<std::string> Words(const std::string& key) {
  return key.empty() ? std::vector<std::string>{} : SplitFields(key, ' ');
}

// Every word of `part` stands in `whole`.
bool ContainsAll(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return std::all_of(part.begin(), part.end(), [&](const std::string& w) {
    return std::find(whole.begin(), whole.end(), w) != whole.end();
  });
}

std::string Slug(const std::string& variant_key) {
  std::string s;
  for (char c : variant_key) s.push_back(c == ' ' ? '_' : c);
  return s;
}

bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool AllUpper(std::string_view w) { return std::all_of(w.begin(), w.end(), IsUpper); }
bool PlaceType(std::string_view type) { return type == "LOC" || type == "GPE"; }

struct UnionFind {
  std::vector<size_t> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  size_t Find(size_t x) { return p[x] == x ? x : p[x] = Find(p[x]); }
};

}  // namespace

Result<LinkerLexicon> LinkerLexicon::Load(const std::string& data_dir) {
  LinkerLexicon lex;
  auto titles = ReadList(data_dir + "/kb/titles.tsv");
  if (!titles.ok()) return titles.status();
  for (const std::string& t : *titles) {
    // Professions only leave a person's span (ner/titles.h): they also stand inside the names
    // of organisations ("Ikatan Advokat Indonesia").
    if (t.ends_with("\tperson")) continue;
    lex.titles.push_back(NameKey(t.substr(0, t.find('\t'))));
    lex.title_set.insert(lex.titles.back());
    if (t.ends_with("\tregion")) lex.region_titles.insert(lex.titles.back());
  }
  std::sort(lex.titles.begin(), lex.titles.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  // Each file once, with the tags of its second column that mark a subset.
  using Tags = std::vector<std::pair<std::string_view, StringSet*>>;
  const std::tuple<const char*, StringSet*, Tags> files[] = {
      {"office_units", &lex.office_units, {}},
      {"person_cues", &lex.person_cues, {}},
      {"currencies", &lex.currencies, {}},
      {"product_makers", &lex.product_makers, {}},
      {"place_words", &lex.place_words, {}},
      {"institutions",
       &lex.institutions,
       {{"region", &lex.regional_offices}, {"alone", &lex.standalone_offices}}},
      {"org_openers", &lex.org_openers, {{"legal", &lex.legal_forms}}},
      {"org_kinds", &lex.org_kinds, {{"prefix", &lex.org_kind_prefixes}}},
      {"org_suffixes",
       &lex.org_suffixes,
       {{"legal", &lex.legal_suffixes}, {"surname", &lex.suffix_surnames}}}};
  for (const auto& [file, all, tags] : files) {
    Status st = ReadTagged(data_dir + "/kb/" + file + ".tsv", tags, *all);
    if (!st.ok()) return st;
  }
  for (const StringSet* legal : {&lex.legal_forms, &lex.legal_suffixes})
    for (const std::string& w : *legal) lex.legal_variants.insert(VariantKey(w));
  auto not_names = ReadList(data_dir + "/kb/not_names.tsv");
  if (!not_names.ok()) return not_names.status();
  lex.not_names.insert(not_names->begin(), not_names->end());
  auto loc = ReadList(data_dir + "/kb/locative.tsv");
  if (!loc.ok()) return loc.status();
  lex.locative.insert(loc->begin(), loc->end());
  auto skip = ReadList(data_dir + "/kb/acronym_skip.tsv");
  if (!skip.ok()) return skip.status();
  lex.acronym_skip.insert(skip->begin(), skip->end());
  auto cls = ReadList(data_dir + "/kb/class_nouns.tsv");
  if (!cls.ok()) return cls.status();
  for (const std::string& l : *cls) {
    size_t tab = l.find('\t');
    if (tab == std::string::npos) continue;
    std::vector<std::string> f = SplitFields(l);
    lex.class_nouns[NameKey(f[0])] = f[1];
    const std::string type = f.size() > 2 && !f[2].empty() ? f[2] : "LOC";
    lex.class_types[NameKey(f[0])] = type;
    lex.class_types[NameKey(f[1])] = type;
    if (f.size() > 3 && f[3] == "people") lex.named_after_people.insert(NameKey(f[0]));
  }
  return lex;
}

size_t LinkerLexicon::InstitutionOpener(const std::vector<std::string>& w, size_t at) const {
  if (at >= w.size()) return 0;
  if (at + 1 < w.size() && institutions.contains(w[at] + " " + w[at + 1])) return 2;
  if (institutions.contains(w[at])) return 1;
  auto it = class_types.find(w[at]);
  return it != class_types.end() && it->second == "ORG" ? 1 : 0;
}

size_t LinkerLexicon::OrganisationOpener(const std::vector<std::string>& w, size_t at) const {
  if (at >= w.size()) return 0;
  if (at + 1 < w.size() && org_openers.contains(w[at] + " " + w[at + 1])) return 2;
  if (org_openers.contains(w[at])) return 1;
  return InstitutionOpener(w, at);
}

bool LinkerLexicon::OnlyTitles(const std::vector<std::string>& w) const {
  if (w.empty()) return false;
  for (size_t i = 0; i < w.size();) {
    if (office_units.contains(w[i])) {
      ++i;
      continue;
    }
    size_t next = i;
    std::string key;
    for (size_t j = i; j < w.size() && j < i + 3; ++j) {
      key += (j > i ? " " : "") + w[j];
      if (title_set.contains(key)) next = j + 1;
    }
    if (next == i) return false;
    i = next;
  }
  return true;
}

bool LinkerLexicon::OrganisationKind(const std::vector<std::string>& w) const {
  std::string key;
  for (size_t i = 0; i < w.size(); ++i) {
    key += (i ? " " : "") + w[i];
    if (org_kind_prefixes.contains(key)) return true;
  }
  return org_kinds.contains(key);
}

bool LinkerLexicon::OrganisationName(const std::vector<std::string>& w) const {
  if (w.empty()) return false;
  if (OrganisationOpener(w, 0) > 0 || org_suffixes.contains(w.back())) return true;
  auto it = class_types.find(w.back());
  return it != class_types.end() && it->second == "ORG";
}

std::string_view Linker::StripTitles(std::string_view name) const {
  // Repeatedly drop a leading title word sequence, keeping at least one word.
  for (bool again = true; again;) {
    again = false;
    std::string key = NameKey(name);
    // The longest title that is the key's first words (and not all of it): looked up at each of
    // the key's word ends, longest first, rather than every title compared with the key.
    const size_t longest = lex_->titles.empty() ? 0 : lex_->titles.front().size();
    for (size_t end = std::min(key.size(), longest + 1); end-- > 0;) {
      if (key[end] != ' ' || end + 1 >= key.size() ||
          !lex_->title_set.contains(std::string_view(key).substr(0, end)))
        continue;
      const std::string_view t = std::string_view(key).substr(0, end);
      // Skip as many words of `name` as `t` has.
      size_t words = std::count(t.begin(), t.end(), ' ') + 1, i = 0;
      for (size_t w = 0; w < words && i < name.size(); ++w) {
        while (i < name.size() && name[i] != ' ') ++i;
        while (i < name.size() && name[i] == ' ') ++i;
      }
      if (i < name.size()) {
        name.remove_prefix(i);
        again = true;
      }
      break;
    }
  }
  return name;
}

std::vector<Entity> Linker::Link(const Document& doc, const std::vector<Mention>& mentions) const {
  const std::string& text = *doc.text;
  const std::vector<Token>& toks = *doc.tokens;
  const size_t n = mentions.size();
  std::vector<std::string_view> name(n);
  std::vector<const KbEntity*> kb(n, nullptr);
  std::vector<std::string> type(n);
  // A name with its short form inside ("Kejaksaan Negeri (Kejari) Sikka", from the entity stage):
  // the name without it, and the NameKeys of the short forms that name it too ("kejari sikka",
  // "kejari").
  std::vector<std::string> owned(n);
  std::vector<std::pair<std::string, std::string>> short_keys(n);
  for (size_t i = 0; i < n; ++i) {
    const Mention& m = mentions[i];
    name[i] = StripTitles(std::string_view(text).substr(m.span.start, m.span.size()));
    const size_t open = name[i].find(" (");
    const size_t close = open == std::string_view::npos ? open : name[i].find(") ", open);
    if (close != std::string_view::npos) {
      const std::string_view abbr = name[i].substr(open + 2, close - open - 2);
      const std::string_view rest = name[i].substr(close + 2);
      owned[i] = std::string(name[i].substr(0, open)) + " " + std::string(rest);
      short_keys[i] = {NameKey(std::string(abbr) + " " + std::string(rest)), NameKey(abbr)};
      name[i] = owned[i];
    }
    type[i] = m.type;
    // 1a. A name opened by an institution's word is an organisation ("Pemkab Bantaeng"), unless
    // a locative word makes it where something happens ("di Kejati Jatim", "ke Polda Metro Jaya").
    // Another organisation's opener counts too, over the tagger's person: on the detik articles
    // "Tim Perumus", "Tim Dinkes", "Korps Adhiyaksa", "Otorita IKN" typed PER are organisations,
    // far more often than a "Tim" is a given name ("Tim Burton").
    const std::vector<std::string> name_words = Words(NameKey(name[i]));
    if (!m.kb && lex_->OrganisationOpener(name_words, 0) > 0) {
      bool place = false;
      if (m.first_token > 0) {
        const Span& p = toks[m.first_token - 1].span;
        place = lex_->locative.count(NameKey(std::string_view(text).substr(p.start, p.size()))) > 0;
      }
      if (!place) type[i] = "ORG";
    }
    // 1b. A name with a class noun of place or organisation is no person ("Kosmodrom Vostochny").
    if (type[i] == "PER")
      for (const std::string& w : Words(NameKey(name[i])))
        if (auto it = lex_->class_types.find(w); it != lex_->class_types.end()) {
          type[i] = it->second;
          break;
        }
    kb[i] = m.kb ? m.kb : kb_->Lookup(name[i]);
    // 1c. A name that is no person or organisation after the title of a region's head ("Bupati
    // Ogan Komering Ilir") or after the short form of an office named by its region ("Kejari
    // OKI", "Polres Barru") is the region.
    if (!kb[i] && type[i] != "PER" && m.first_token > 0) {
      auto key = [&](size_t t) {
        return NameKey(std::string_view(text).substr(toks[t].span.start, toks[t].span.size()));
      };
      const std::string one = key(m.first_token - 1);
      bool region = lex_->region_titles.contains(one) || lex_->regional_offices.contains(one);
      if (!region && m.first_token > 1)
        region = lex_->region_titles.contains(key(m.first_token - 2) + " " + one);
      const std::vector<std::string>& w = name_words;
      if (region && !w.empty() && w[0] != "the" && !lex_->OrganisationName(w) &&
          std::none_of(w.begin(), w.end(), [&](const std::string& x) {
            auto it = lex_->class_types.find(x);
            return it != lex_->class_types.end() && it->second == "ORG";
          }))
        type[i] = "LOC";
    }
    if (kb[i] && m.type == "PER" && kb[i]->type != "PER" && kb[i]->acts_for.empty())
      kb[i] = nullptr;  // a person named like a country ("Jordan") stays a person
    if (kb[i] && !kb[i]->acts_for.empty()) {
      // 2. A capital acts for its state unless a locative word precedes it, it stands after
      // another place and a comma ("di Balai Agung Rakyat, Beijing"), or it is the dateline's.
      bool place = m.place;
      if (m.first_token > 0) {
        const Span& p = toks[m.first_token - 1].span;
        std::string prev = NameKey(std::string_view(text).substr(p.start, p.size()));
        place |= lex_->locative.count(prev) > 0;
        // … or after a city that stayed a city and "dan" ("di Madrid dan Sevilla"; not
        // "Pyongyang dan Moskow membantah").
        const bool comma = text.compare(p.start, p.size(), ",") == 0;
        const bool dan = text.compare(p.start, p.size(), "dan") == 0;
        if ((comma || dan) && i > 0 && mentions[i - 1].end_token + 1 == m.first_token &&
            PlaceType(type[i - 1]) && (comma || !kb[i - 1] || !kb[i - 1]->acts_for.empty()))
          place = true;
      }
      if (!place)
        if (const KbEntity* st = kb_->ById(kb[i]->acts_for)) kb[i] = st;
    }
  }

  // 2b. One name, one type in an article (one sense per discourse; the label consistency of
  // Krishnan & Manning 2006): a name the tagger typed two ways ("Yassierli" PER in one sentence,
  // LOC in another) takes the type most of its mentions have, a tie the first mention's. Types a
  // rule gave from context vote but stay ("di Kejati Sumsel" is where something happens, the
  // Kejati Sumsel that acts an organisation).
  {
    // A short form in capitals ("IKN", "JQ") is typed by its context, not by its letters: it
    // stays out. A name with an organisation's or a place's word, or with a short form in it
    // ("KBRI Phnom Penh"), is never voted a person.
    auto acronym = [](std::string_view w) {
      return w.size() >= 2 && std::all_of(w.begin(), w.end(), [](char c) {
               return IsUpper(c) || (c >= '0' && c <= '9');
             });
    };
    auto person_like = [&](size_t i) {
      const std::vector<std::string> ws = Words(NameKey(name[i]));
      if (ws.empty() || lex_->institutions.count(ws.front()) || lex_->org_openers.count(ws.front()))
        return false;
      for (const std::string& w : ws)
        if (lex_->class_types.count(w)) return false;
      size_t p = 0;
      for (std::string_view v = name[i]; p < v.size();) {
        size_t e = v.find(' ', p);
        if (e == std::string_view::npos) e = v.size();
        if (acronym(v.substr(p, e - p))) return false;
        p = e + 1;
      }
      return true;
    };
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    for (size_t i = 0; i < n; ++i)
      if (!kb[i] && !acronym(name[i])) by_key[NameKey(name[i])].push_back(i);
    for (auto& [key, group] : by_key) {
      if (group.size() < 2) continue;
      std::map<std::string, size_t> votes;
      for (size_t i : group) ++votes[type[i]];
      if (votes.size() < 2) continue;
      std::string best = type[group.front()];
      for (const auto& [t, c] : votes)
        if (c > votes[best]) best = t;
      if (best == "PER" && !person_like(group.front())) continue;
      for (size_t i : group)
        if (type[i] == mentions[i].type) type[i] = best;  // the tagger's type, no rule's
    }
  }

  // The names' variant keys and words (names are final from here on).
  std::vector<std::string> vkey(n);
  std::vector<std::vector<std::string>> words(n);
  for (size_t i = 0; i < n; ++i) {
    vkey[i] = VariantKey(name[i]);
    words[i] = Words(vkey[i]);
  }
  auto person = [&](size_t i) { return type[i] == "PER" || (kb[i] && kb[i]->type == "PER"); };

  // A one-word name the KB gives to a person ("Ganjar") is another person's where the article
  // gives a fuller name holding it ("Ganjar Mukti", a coach) and never the KB's person in full.
  for (size_t i = 0; i < n; ++i) {
    if (!kb[i] || kb[i]->type != "PER" || words[i].size() != 1) continue;
    const std::string& w = words[i][0];
    const std::vector<std::string> full = Words(VariantKey(kb[i]->canonical));
    bool other = false, in_full = false;
    for (size_t j = 0; j < n && !in_full; ++j) {
      if (j == i || !person(j) || words[j].size() < 2) continue;
      const std::vector<std::string>& wj = words[j];
      if (kb[j] == kb[i] || ContainsAll(full, wj)) {
        in_full =
            true;  // the KB's person, the tagger's span running on ("Prabowo Subianto Presiden")
      } else if (std::find(wj.begin(), wj.end(), w) != wj.end()) {
        // Not two people the KB knows written together ("Prabowo-Gibran").
        bool pair = false;
        for (const std::string& x : wj) {
          const KbEntity* e = x == w ? nullptr : kb_->Lookup(x);
          pair |= e && e->type == "PER";
        }
        other |= !pair;
      }
    }
    if (other && !in_full) kb[i] = nullptr;
  }

  UnionFind uf(n);
  std::vector<const KbEntity*> root_kb = kb;  // the KB entity of each cluster root
  auto join = [&](size_t a, size_t b) {
    size_t ra = uf.Find(a), rb = uf.Find(b);
    if (ra == rb) return;
    if (root_kb[ra] && root_kb[rb] && root_kb[ra] != root_kb[rb]) return;  // two KB entities
    uf.p[rb] = ra;
    if (!root_kb[ra]) root_kb[ra] = root_kb[rb];
  };

  // 3. Acronym ↔ expansion: "X (Y)" where Y is the first mention inside the parentheses.
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t i = 0; i + 1 < n; ++i) {
    // A regional office's name holds its short form already: "(Sumut)" after "Badan … (BUMD)
    // Sumatera Utara" is the province's.
    if (!short_keys[i].first.empty()) continue;
    size_t after = mentions[i].end_token;
    if (after >= toks.size()) continue;
    const Span& p = toks[after].span;
    if (text.compare(p.start, p.size(), "(") != 0) continue;
    size_t j = i + 1;
    if (mentions[j].first_token > after + 4) continue;  // "(nama resmi Korut)": a few words in
    // Inside these parentheses, not the next ones: "ADES (DPO), DDH (DPO)" pairs no names.
    bool closed = false;
    for (size_t k = after + 1; k < mentions[j].first_token && !closed; ++k)
      closed = text.compare(toks[k].span.start, toks[k].span.size(), ")") == 0;
    if (closed) continue;
    size_t close = mentions[j].end_token;
    while (close < toks.size() && close < mentions[j].end_token + 8 &&
           text.compare(toks[close].span.start, 1, ")") != 0)
      ++close;
    if (close >= toks.size() || text.compare(toks[close].span.start, 1, ")") != 0) continue;
    // A name then a number in the parentheses is a note: a lineup's substitute and his minute
    // ("Willian (Charly Musonda, 82')"), a score. A short form in capitals may carry a year
    // ("Badan Pusat Statistik (BPS, 2023)").
    {
      bool number = false;
      for (size_t k = mentions[j].end_token; k < close && !number; ++k)
        number = std::isdigit(static_cast<unsigned char>(text[toks[k].span.start]));
      if (number) {
        if (!AllUpper(
                std::string_view(text).substr(mentions[j].span.start, mentions[j].span.size())))
          continue;
      }
    }
    // A place named after an organisation, then the organisation's short form, which spells the
    // words after the place's first: "Kantor Kementerian Pekerjaan Umum (PU)" is the ministry's
    // building, PU the ministry (but "Ogan Komering Ilir (OKI)" defines the regency's); an
    // office named with its region, then the region's short form ("Dinas Pariwisata Provinsi Nusa
    // Tenggara Barat (NTB)"). And any two names of different types whose letters do not match
    // are a name and a note: "ke Polresta (Denpasar)", "Alex Sandro (Juventus)" (the player,
    // then his club), "Bank Dagang Negara Indonesia (Sjamsul Nursalim)" (the bank, its owner) —
    // but a "person" the tagger found in the parentheses that holds a short form is none
    // ("Direktorat Jenderal … (Ditjen GTKPG Kemendikdasmen)"), and letters that spell a
    // person's name but for an initial are theirs ("M Hidayat Nur Wahid (HNW)").
    auto kind = [&](size_t k) -> std::string_view {
      const std::string& t = kb[k] ? kb[k]->type : type[k];
      return PlaceType(t) ? "place" : std::string_view(t);
    };
    auto acronym_person = [&](size_t k) {
      if (kb[k] || kind(k) != "PER") return false;
      for (size_t t = mentions[k].first_token; t < mentions[k].end_token; ++t) {
        const std::string_view w =
            std::string_view(text).substr(toks[t].span.start, toks[t].span.size());
        if (w.size() >= 3 && AllUpper(w)) return true;
      }
      return false;
    };
    auto one_word_at = [&](size_t k) {
      return mentions[k].end_token - mentions[k].first_token == 1;
    };
    const bool building = !kb[i] && (kind(i) == "place") != (kind(j) == "place");
    // A place, then another the KB knows of, or one after a place the KB knows: "KEK Palu
    // (Sulawesi Tengah)", "Kuta (Bali)", "Indonesia (Pelabuhan Priok)" — a note, unless the
    // letters spell it.
    const bool region_note =
        kind(i) == "place" && kind(j) == "place" && (kb[i] || kb[j]) && kb[i] != kb[j];
    // An acronym the KB does not know after a name it does, whose letters do not spell it,
    // abbreviates a longer name around it: "Generasi Muda Partai Golkar (GMPG)" is not Golkar.
    const bool unknown_acronym =
        kb[i] && !kb[j] && one_word_at(j) && name[j].size() >= 2 && AllUpper(name[j]);
    // An organisation the KB knows, not by a short form in capitals, after a name it does not
    // know that shares no word with its names is a note of whom the name belongs to ("Jorge
    // Lorenzo (Ducati)": a rider and his team; not "Kepolisian Republik Indonesia (Polri)"),
    // unless its letters spell the name.
    bool affiliation =
        !kb[i] && kb[j] && kb[j]->type == "ORG" && one_word_at(j) && !AllUpper(name[j]);
    if (affiliation)
      for (const std::string& w : Words(NameKey(name[i])))
        affiliation = affiliation && (lex_->acronym_skip.count(w) || !kb[j]->HasWord(w));
    if (building || region_note || unknown_acronym || affiliation ||
        (kind(i) != kind(j) && !acronym_person(j))) {
      const std::vector<std::string> long_words = Words(NameKey(name[i]));
      const size_t start = LongFormStart(name[j], {long_words.begin(), long_words.end()});
      if (start == SIZE_MAX || (start != 0 && building)) continue;
    }
    pairs.emplace_back(i, j);
  }
  // The one-word name of a pair is a short form the document defined: it names the same entity
  // wherever else it stands ("LPDP" later in an article that wrote "Lembaga Pengelola Dana
  // Pendidikan (LPDP)"; "Jokowi" after "Joko Widodo (Jokowi)"), and where its letters spell the
  // long form and the long form shares no word with the names of the entity the KB knows by it,
  // the long form's entity ("Ogan Komering Ilir (OKI)" is not the Organisation of Islamic
  // Cooperation).
  // The NameKey of each one-word mention (empty for longer ones), once, when a pair needs them.
  auto one_word = [&](size_t k) { return mentions[k].end_token - mentions[k].first_token == 1; };
  std::vector<std::string> word_key(pairs.empty() ? 0 : n);
  for (size_t k = 0; k < word_key.size(); ++k)
    if (one_word(k)) word_key[k] = NameKey(name[k]);
  std::vector<size_t> defined;  // the short form's mention of each pair that defines one
  // Short form → the words of the long form its letters spell ("bln" → "bahana lintas
  // nusantara" in "Koperasi Bahana Lintas Nusantara (BLN)").
  std::unordered_map<std::string, std::string> spelled;
  for (const auto& [i, j] : pairs)
    for (size_t s : {i, j}) {
      const size_t l = i + j - s;
      if (!one_word(s) || one_word(l) || word_key[s].empty()) continue;
      defined.push_back(s);
      const std::vector<std::string> long_words = Words(NameKey(name[l]));
      const size_t start = LongFormStart(name[s], {long_words.begin(), long_words.end()});
      if (start < long_words.size()) {
        std::string& w = spelled[word_key[s]];
        w.clear();
        for (size_t k = start; k < long_words.size(); ++k)
          w += (w.empty() ? "" : " ") + long_words[k];
      }
      if (!kb[s] || kb[s] == kb[l] || start != 0) continue;
      // A long form that shares a word with the KB entity's names is another spelling of it
      // ("Badan Pusat Statistika (BPS)").
      bool shared = false;
      for (const std::string& w : long_words)
        shared |= !lex_->acronym_skip.count(w) && kb[s]->HasWord(w);
      if (shared) continue;
      for (size_t k = 0; k < n; ++k)
        if (word_key[k] == word_key[s]) {
          kb[k] = root_kb[k] = kb[l];
          type[k] = kb[l] ? kb[l]->type : type[l];
        }
    }
  for (const auto& [i, j] : pairs) join(i, j);
  for (size_t s : defined)
    for (size_t k = 0; k < n; ++k)
      if (k != s && word_key[k] == word_key[s]) join(s, k);
  // A name that writes a defined short form among other words names what it spells out:
  // "Koperasi BLN" is "Koperasi Bahana Lintas Nusantara".
  if (!spelled.empty()) {
    std::unordered_map<std::string, size_t> by_name;  // NameKey → its first mention
    for (size_t k = 0; k < n; ++k)  // what a name spells out has two words or more
      if (!one_word(k)) by_name.emplace(NameKey(name[k]), k);
    for (size_t k = 0; k < n; ++k) {
      if (one_word(k)) continue;
      std::string out;
      bool expanded = false;
      for (const std::string& w : Words(NameKey(name[k]))) {
        auto it = spelled.find(w);
        expanded |= it != spelled.end();
        out += (out.empty() ? "" : " ") + (it != spelled.end() ? it->second : w);
      }
      if (!expanded) continue;
      if (auto it = by_name.find(out); it != by_name.end() && it->second != k) join(it->second, k);
    }
  }
  // The short forms of a regional office's name ("Kejari Sikka", "Kejari") name it.
  for (size_t i = 0; i < n; ++i) {
    if (short_keys[i].first.empty()) continue;
    for (size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const std::string key = NameKey(name[j]);
      if (key == short_keys[i].first || key == short_keys[i].second) join(i, j);
    }
  }
  // All-capitals mentions whose letters are a longer mention's initials.
  std::vector<std::string> initials(n);
  for (size_t j = 0; j < n; ++j)
    for (const std::string& w : Words(NameKey(name[j])))
      if (!lex_->acronym_skip.count(w) && w[0] >= 'a' && w[0] <= 'z')
        initials[j].push_back(char(w[0] - 32));
  for (size_t i = 0; i < n; ++i) {
    std::string_view a = name[i];
    if (a.size() < 2 || a.size() > 6 || !AllUpper(a)) continue;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || initials[j].size() < 2 || initials[j] != a) continue;
      // A short form the KB knows keeps its meaning against a name of another kind whose
      // initials it happens to be: "AS" is the United States, not "Alexis Sanchez".
      if (kb[i] && !kb[j] && type[j] != kb[i]->type &&
          !(PlaceType(type[j]) && PlaceType(kb[i]->type)))
        continue;
      join(j, i);
      break;
    }
  }
  // 4. People: same variant key; then short names join the nearest fuller name containing them.
  for (size_t i = 0; i < n; ++i) {
    if (!person(i)) continue;
    for (size_t j = 0; j < i; ++j)
      if (person(j) && vkey[j] == vkey[i]) {
        join(j, i);
        break;
      }
  }
  for (size_t i = 0; i < n; ++i) {
    if (type[i] != "PER" || kb[i]) continue;
    size_t best = SIZE_MAX;
    bool best_before = false;
    for (size_t j = 0; j < n; ++j) {
      if (j == i || words[j].size() <= words[i].size()) continue;
      if (!person(j) || !ContainsAll(words[i], words[j])) continue;
      bool before = j < i;
      // Nearest earlier fuller name wins; else the first later one.
      if (best == SIZE_MAX || (before && (!best_before || j > best))) {
        best = j;
        best_before = before;
      }
    }
    if (best != SIZE_MAX) {
      // A short name already one with another fuller name joins no second one: the same short
      // name said of two people ("Cristiano Ronaldo", "Ronaldo Nazario") keeps them apart.
      const size_t ri = uf.Find(i);
      bool other = false;
      if (ri != uf.Find(best))
        for (size_t k = 0; k < n && !other; ++k)
          other = k != i && words[k].size() > words[i].size() && uf.Find(k) == ri &&
                  ContainsAll(words[i], words[k]);
      if (!other) join(best, i);
    } else if (words[i].size() == 1) {
      if (const KbEntity* p = kb_->PersonBySurname(NameKey(name[i]))) kb[i] = p;
    }
  }

  // 5. Canonical names and ids per cluster.
  std::vector<Entity> out(n);
  std::vector<size_t> rep(n, SIZE_MAX);  // cluster root → member giving the canonical form
  std::vector<const KbEntity*> ckb(n, nullptr);
  for (size_t i = 0; i < n; ++i) {
    size_t r = uf.Find(i);
    if (kb[i] && !ckb[r]) ckb[r] = kb[i];
    if (!ckb[r]) ckb[r] = root_kb[r];
    size_t& b = rep[r];
    if (b == SIZE_MAX || words[i].size() > words[b].size() ||
        (words[i].size() == words[b].size() && type[i] == "PER" && type[b] != "PER"))
      b = i;
  }
  for (size_t i = 0; i < n; ++i) {
    size_t r = uf.Find(i);
    Entity& e = out[i];
    e.span = mentions[i].span;
    if (const KbEntity* k = ckb[r]) {
      e.in_kb = true;
      e.canonical = k->canonical;
      e.id = k->id;
      e.type = k->type;
      e.iso = k->iso;
      if (e.iso.empty() && !k->part_of.empty())
        if (const KbEntity* c = kb_->ById(k->part_of)) e.iso = c->iso;
    } else {
      size_t b = rep[r];
      e.canonical = std::string(name[b]);
      e.type = type[b].empty() ? type[i] : type[b];
      std::string lower = e.type;
      for (char& c : lower) c = char(c + 32 * (c >= 'A' && c <= 'Z'));
      if (e.type == "PER") {
        e.id = lower + ":" + Slug(vkey[b]);
      } else {
        std::vector<std::string> w = words[b];
        // Legal forms do not tell companies apart: "PT Adaro Energy Tbk" = "Adaro Energy".
        if (e.type == "ORG" && w.size() > 1) {
          std::vector<std::string> bare = w;
          std::erase_if(bare,
                        [&](const std::string& x) { return lex_->legal_variants.contains(x); });
          if (!bare.empty()) w = std::move(bare);
        }
        for (std::string& x : w)
          if (auto it = lex_->class_nouns.find(x); it != lex_->class_nouns.end()) x = it->second;
        std::sort(w.begin(), w.end());
        std::string k;
        for (const std::string& x : w) k += (k.empty() ? "" : "_") + x;
        e.id = lower + ":" + k;
      }
    }
  }
  return out;
}

}  // namespace linimasa::entities
