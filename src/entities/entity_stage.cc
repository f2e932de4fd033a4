#include "entities/entity_stage.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "core/utf8.h"
#include "entities/short_forms.h"

namespace linimasa::entities {

namespace {

bool StartsUpperOrDigit(std::string_view s) {
  return !s.empty() && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9') ||
                        static_cast<unsigned char>(s[0]) >= 0xC0);
}

// The text of token t (as `form(t)` in the rules below).
struct TokenText {
  const std::string& text;
  const std::vector<Token>& toks;
  std::string_view operator()(size_t t) const {
    return std::string_view(text).substr(toks[t].span.start, toks[t].span.size());
  }
};

// A province or city the KB knows (a part of a state), which offices serve ("Dinas Pendidikan
// Jawa Barat", "KPU Jabar").
bool Region(const KbEntity* e) { return e && e->type == "GPE" && !e->part_of.empty(); }
// A province (a region with an ISO 3166-2 code) or a city in one: after the name of an
// organisation the KB knows, the organisation's office there ("KPU Jabar", "KPU Makassar", "PDI
// Perjuangan Bali"). After the capital, which is part of the state itself, the name may only say
// where the organisation sits ("KPK Jakarta", "UNESCO Jakarta").
bool Province(const KbEntity* e) { return Region(e) && e->iso.find('-') != std::string::npos; }
bool OfficeRegion(const Kb& kb, const KbEntity* e) {
  return Province(e) || (Region(e) && Province(kb.ById(e->part_of)));
}
// A state: a country or territory the KB knows (not a region or city of one).
bool State(const KbEntity* e) {
  return e && e->type == "GPE" && e->part_of.empty() && e->acts_for.empty() && !e->iso.empty() &&
         e->iso.find('-') == std::string::npos;
}

// Two numbers joined by a hyphen, dash, slash or colon: a score, a season or a range ("4-0",
// "2025/2026", "1995–1998"), which ends no name.
bool NumberPair(std::string_view w) {
  size_t i = 0, digits = 0;
  while (i < w.size() && w[i] >= '0' && w[i] <= '9') ++i;
  if (i == 0 || i == w.size()) return false;
  if (w[i] == '-' || w[i] == '/' || w[i] == ':') {
    ++i;
  } else if (w.substr(i, 3) == "\u2013") {
    i += 3;
  } else {
    return false;
  }
  for (; i < w.size(); ++i, ++digits)
    if (w[i] < '0' || w[i] > '9') return false;
  return digits > 0;
}

// Two to six capitals: an organisation's short form ("DPRD", "KPU") or a person's initials.
bool Acronym(std::string_view w) {
  return w.size() >= 2 && w.size() <= 6 &&
         std::all_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Token → index of the mention over it in `out`, or -1.
std::vector<int> MentionAt(const std::vector<Mention>& out, size_t tokens) {
  std::vector<int> at(tokens, -1);
  for (size_t k = 0; k < out.size(); ++k)
    for (size_t t = out[k].first_token; t < out[k].end_token && t < tokens; ++t)
      at[t] = static_cast<int>(k);
  return at;
}

// Drops the mentions of `out` marked in `drop`, then appends `added`.
void Replace(std::vector<Mention>& out, const std::vector<bool>& drop,
             std::vector<Mention>& added) {
  size_t w = 0;
  for (size_t k = 0; k < out.size(); ++k)
    if (!drop[k]) {
      if (w != k) out[w] = std::move(out[k]);
      ++w;
    }
  out.resize(w);
  for (Mention& m : added) out.push_back(std::move(m));
}

// Whether a name opened by these words is a place: a place's class noun of one or two words
// ("lembaga pemasyarakatan" = prison).
bool PlaceClass(const LinkerLexicon& lex, std::string_view first, std::string_view second) {
  auto cls = lex.class_types.end();
  if (!second.empty()) cls = lex.class_types.find(NameKey(first) + " " + NameKey(second));
  if (cls == lex.class_types.end()) cls = lex.class_types.find(NameKey(first));
  return cls != lex.class_types.end() && cls->second == "LOC";
}

// An organisation's name the tagger missed whole: an organisation's opening word (data/kb/
// org_openers.tsv, institutions.tsv: "Yayasan", "Dinas", "Direktorat Jenderal", "PT") written
// with a capital, then capitalised words, with "dan", "&" or "of" between them ("Badan
// Penyelenggaraan Haji dan Umrah", "Polres Way Kanan", "CV Sumber Laut Perkasa"). Not
// a kind of organisation ("Badan Layanan Umum", data/kb/org_kinds.tsv), nor an opener inside a
// longer capitalised name ("Rencana Kerja Pemerintah"; a title before it is no name: "Kepala
// Badan Ekonomi Kreatif"), nor words before a number ("Peraturan Pemerintah Nomor 38"), nor a
// headline's words (the words from the opener to the sentence's end all capitalised or short
// function words, or more than eight name words).
void AddOpenedNames(const Document& doc, const LinkerLexicon& lex, std::vector<Mention>& out) {
  const std::string& text = *doc.text;
  const std::vector<Token>& toks = *doc.tokens;
  const TokenText form{text, toks};
  const std::vector<int> at = MentionAt(out, toks.size());
  // A mention that is an opener alone, which the tagger cut from the name after it
  // ("Kementerian" + "Informasi dan Komunikasi"), is no mention here: the name is found again
  // whole, and replaces it.
  std::vector<bool> bare(out.size(), false);
  std::vector<std::string> keys;
  for (size_t k = 0; k < out.size(); ++k) {
    const Mention& m = out[k];
    if (m.kb || m.type == "PER" || m.end_token - m.first_token > 2) continue;
    keys.clear();
    for (size_t t = m.first_token; t < m.end_token; ++t) keys.push_back(NameKey(form(t)));
    bare[k] =
        lex.OrganisationOpener(keys, 0) == keys.size() && !lex.standalone_offices.contains(keys[0]);
  }
  auto covered = [&](size_t t) { return at[t] >= 0 && !bare[at[t]]; };
  auto word = [&](size_t t) { return t < toks.size() && toks[t].kind == Token::Kind::kWord; };
  auto capitalised = [&](size_t t) {
    if (!word(t)) return false;
    std::string_view f = form(t);
    return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  auto number_next = [&](size_t t) {
    return t + 1 < toks.size() && toks[t + 1].kind == Token::Kind::kNumber;
  };
  std::vector<Mention> added;
  std::vector<bool> drop(out.size(), false);
  for (const Sentence& s : *doc.sentences) {
    const size_t end = std::min<size_t>(s.end_token, toks.size());
    // Whether the POS tagger took the sentence's first word for no name.
    bool common_opener = false;
    if (doc.words && s.first_token < end && toks[s.first_token].first_word < doc.words->size()) {
      const std::string& upos = (*doc.words)[toks[s.first_token].first_word].upos;
      common_opener = !upos.empty() && upos != "PROPN";
    }
    for (size_t t = s.first_token; t < end; ++t) {
      if (covered(t) || !capitalised(t)) continue;
      keys.assign({NameKey(form(t))});
      if (t + 1 < end && word(t + 1)) keys.push_back(NameKey(form(t + 1)));
      const size_t opener = lex.OrganisationOpener(keys, 0);
      if (opener == 0 || (opener == 2 && (covered(t + 1) || !capitalised(t + 1)))) continue;
      // (A sentence's first word that the POS tagger takes for no name is capitalised as the
      // first: "Bahkan Dinas Komunikasi …", "Nantinya Badan Penyelenggara Haji …".)
      if (t > s.first_token && capitalised(t - 1) && !covered(t - 1) &&
          !lex.title_set.contains(NameKey(form(t - 1))) &&
          !lex.office_units.contains(NameKey(form(t - 1))) &&
          !(t - 1 == s.first_token && common_opener))
        continue;
      // The name's words: capitalised (not a title: "Dewan Pembina Pak Wiranto"), or a function
      // word between two of them — but not "dan" before another organisation's name or short
      // form ("Kejati dan Kejari", "Pemerintah Daerah dan BUMN" are two).
      size_t last = t + opener;  // one past the last name word
      auto name_word = [&](size_t k) {
        return k < end && !covered(k) && capitalised(k) && !number_next(k) &&
               !lex.title_set.contains(NameKey(form(k)));
      };
      auto connector = [&](size_t k) {
        if (k >= end || covered(k)) return false;
        const std::string_view f = form(k);
        return f == "&" || (word(k) && f[0] >= 'a' && lex.acronym_skip.contains(NameKey(f)));
      };
      for (size_t k = last; name_word(k);) {
        last = ++k;
        if (!connector(k) || !name_word(k + 1) || Acronym(form(k + 1))) continue;
        keys.assign({NameKey(form(k + 1))});
        if (lex.OrganisationOpener(keys, 0) == 0) ++k;
      }
      const size_t from = t;
      t = std::max(t, last - 1);
      if (last == from + opener) {
        // The opener alone: a name only where it is an office's short form ("Bappeda"), not one
        // defined in parentheses ("Kepolisian Resor Kota (Polresta) Denpasar": see
        // MergeRegionalOffices).
        if (opener == 1 && lex.standalone_offices.contains(NameKey(form(from))) &&
            !(last < end && covered(last)) && !(from > 0 && form(from - 1) == "(")) {
          Mention m;
          m.first_token = from;
          m.end_token = last;
          m.span = toks[from].span;
          m.type = "ORG";
          added.push_back(m);
        }
        continue;
      }
      // Right before another name: up to three words are left to ExtendInstitutionNames, which
      // joins them to it ("Tim Movistar" + "Yamaha", "Dinas PUPR Kota" + "Padangsidimpuan"), and
      // so is an institution's word at the end ("Direktorat Reserse Kriminal Khusus" + "Polda"
      // + "Jawa Tengah").
      const bool place_opener = PlaceClass(lex, form(from), from + 1 < end ? form(from + 1) : "");
      if (last < end && covered(last) && place_opener && out[at[last]].first_token == last &&
          (out[at[last]].type == "LOC" || out[at[last]].type == "GPE")) {
        // A place's name ending with the city it is in ("Lembaga Pemasyarakatan Kelas IIB" +
        // "Majalengka") is one place.
        drop[at[last]] = true;
        last = out[at[last]].end_token;
      } else if (last < end && covered(last)) {
        // (Not before a name the KB knows that is no region: "Ditjen Pendidikan Islam" +
        // "Kemenag" are two.)
        const KbEntity* next = out[at[last]].kb;
        if (last - from <= 3 && (!next || Region(next))) continue;
        for (size_t w : {size_t{2}, size_t{1}}) {
          if (last - from < opener + w + 1) continue;
          keys.clear();
          for (size_t k = last - w; k < last; ++k) keys.push_back(NameKey(form(k)));
          if (lex.InstitutionOpener(keys, 0) == w) {
            last -= w;
            break;
          }
        }
      }
      // A headline: the words from here to the sentence's end capitalised or short function
      // words ("di", "dan": data/kb/acronym_skip.tsv; not "itu", "ini").
      bool headline = end - from >= 4;
      for (size_t k = from; k < end && headline; ++k)
        headline = !word(k) || capitalised(k) ||
                   (toks[k].span.size() < 4 && lex.acronym_skip.contains(NameKey(form(k))));
      // … unless the words after the name are names found already and titles ("Dekan Fakultas
      // Pertanian UGM Dr. Jamhari.").
      if (headline) {
        bool named = true;
        for (size_t k = last; k < end && named; ++k)
          named = !word(k) || covered(k) || lex.title_set.contains(NameKey(form(k)));
        headline = !named;
      }
      if (headline) continue;
      if (last - from > opener + 8) continue;  // a headline's words, more likely
      keys.clear();
      for (size_t k = from; k < last; ++k)
        if (word(k)) keys.push_back(NameKey(form(k)));
      if (lex.OrganisationKind(keys) || lex.OnlyTitles(keys)) continue;
      Mention m;
      m.first_token = from;
      m.end_token = last;
      m.span = {toks[from].span.start, toks[last - 1].span.end};
      // A place's class noun opening it makes it the place ("Lembaga Pemasyarakatan Kelas IIB
      // Majalengka" is a prison).
      m.type = place_opener ? "LOC" : "ORG";
      for (size_t k = from; k < last; ++k)
        if (at[k] >= 0 && bare[at[k]]) drop[at[k]] = true;
      added.push_back(m);
    }
  }
  Replace(out, drop, added);
}

// "Stadion Kapten I Wayan Dipta", "Bandara Soekarno-Hatta", "Universitas Sultan Ageng
// Tirtayasa": the class noun of a place often named after people (data/kb/class_nouns.tsv,
// `people`) that the tagger found alone, capitalised, then titles and a person's name, is one
// place (or organisation) named after the person, not a place and a person.
void JoinPlacesNamedAfterPeople(const std::string& text, const std::vector<Token>& toks,
                                const LinkerLexicon& lex, std::vector<Mention>& out) {
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  const TokenText form{text, toks};
  const std::vector<int> at = MentionAt(out, toks.size());
  auto capitalised = [&](size_t t) {
    return toks[t].kind == Token::Kind::kWord && form(t)[0] >= 'A' && form(t)[0] <= 'Z';
  };
  std::vector<bool> drop(out.size(), false);
  std::vector<Mention> added;
  for (size_t i = 0; i < out.size(); ++i) {
    const Mention& p = out[i];
    if (p.type != "PER" || drop[i]) continue;
    // Back over the titles before the name ("Kapten", "Brigadir Jenderal").
    size_t t = p.first_token;
    while (t > 0 && at[t - 1] < 0 && capitalised(t - 1) &&
           lex.title_set.contains(NameKey(form(t - 1))))
      --t;
    // The class noun: one word or two, capitalised, that no mention holds or that the tagger
    // found alone.
    for (size_t words : {size_t{2}, size_t{1}}) {
      if (t < words) continue;
      const size_t c = t - words;
      std::string cls = NameKey(form(c));
      if (words == 2) cls += " " + NameKey(form(c + 1));
      if (!capitalised(c) || !lex.named_after_people.contains(cls)) continue;
      const int held = at[c];
      if (held >= 0 && (out[held].first_token != c || out[held].end_token != t ||
                        out[held].type == "PER" || out[held].kb))
        continue;
      if (words == 2 && at[c + 1] != held) continue;
      Mention m = held >= 0 ? out[held] : Mention{};
      if (held >= 0) drop[held] = true;
      m.first_token = c;
      m.end_token = p.end_token;
      m.span = {toks[c].span.start, p.span.end};
      m.type = lex.class_types.at(cls);
      m.kb = nullptr;
      drop[i] = true;
      added.push_back(m);
      break;
    }
  }
  Replace(out, drop, added);
}

// "Dinas Pariwisata dan Dinas Kependudukan dan Catatan Sipil": the tagger joins two
// organisations a "dan" lists, and cuts the second short. A name the KB does not know that opens
// with an organisation's word is split before a "dan", "serta" or "&" followed by the same word,
// or by a state institution's word where it opens with one too ("Partai Keadilan dan Persatuan
// Indonesia" is one); and a name opened by an institution's word (data/kb/institutions.tsv; not
// a class noun, which a proper name follows: "Universitas Udayana dan Wisma Atlet" are two) that
// stops right before "dan" and capitalised words no other name holds takes them in ("Dinas
// Kependudukan" + "dan Catatan Sipil"; not another opener's: "Polres Ciamis dan Polda Jabar",
// nor a short form: "BPBD dan TNI", nor a place the KB knows).
void SplitListedOrganisations(const std::string& text, const std::vector<Token>& toks,
                              const LinkerLexicon& lex, const Kb& kb, std::vector<Mention>& out) {
  const TokenText form{text, toks};
  auto capitalised = [&](size_t t) {
    const std::string_view f = form(t);
    return toks[t].kind == Token::Kind::kWord && !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  auto conjunction = [&](size_t t) {
    const std::string_view f = form(t);
    return f == "dan" || f == "serta" || f == "&";
  };
  std::vector<std::string> keys;
  auto opens = [&](size_t t, size_t end) {
    keys.clear();
    for (size_t k = t; k < end && keys.size() < 2; ++k) keys.push_back(NameKey(form(k)));
    return capitalised(t) && lex.OrganisationOpener(keys, 0) > 0;
  };
  std::vector<Mention> split;
  for (const Mention& m : out) {
    if (m.type != "ORG" || m.kb || !opens(m.first_token, m.end_token)) {
      split.push_back(m);
      continue;
    }
    size_t first = m.first_token;
    keys.assign({NameKey(form(first))});
    const bool institution = lex.InstitutionOpener(keys, 0) > 0;
    const std::string opener = keys[0];
    for (size_t k = first + 2; k + 1 < m.end_token; ++k) {
      if (!conjunction(k) || !capitalised(k + 1)) continue;
      keys.assign({NameKey(form(k + 1))});
      if (keys[0] != opener && !(institution && lex.InstitutionOpener(keys, 0) > 0)) continue;
      Mention a = m;
      a.end_token = k;
      a.span = {toks[first].span.start, toks[k - 1].span.end};
      a.first_token = first;
      split.push_back(a);
      first = k + 1;
    }
    Mention rest = m;
    rest.first_token = first;
    rest.span.start = toks[first].span.start;
    split.push_back(rest);
  }
  out.swap(split);
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  const std::vector<int> at = MentionAt(out, toks.size());
  for (Mention& m : out) {
    const size_t c = m.end_token;
    if (m.type != "ORG" || m.kb || c + 1 >= toks.size() || form(c) != "dan") continue;
    if (!lex.institutions.contains(NameKey(form(m.first_token)))) continue;
    size_t end = c + 1;
    while (end < toks.size() && at[end] < 0 && capitalised(end) && !Acronym(form(end)) &&
           !kb.Lookup(form(end)))
      ++end;
    if (end == c + 1 || opens(c + 1, end)) continue;
    // Not where the capitalised words go on into another name.
    if (end < toks.size() && at[end] >= 0) continue;
    m.end_token = end;
    m.span.end = toks[end - 1].span.end;
  }
}

// An institution's name the tagger cut short: capitalised words before a mention that open
// with an institution's word ("Kepolisian Daerah Metro Jaya", the tagger's "Metro Jaya";
// "Dinas Pendidikan Jawa Barat") belong to it, and the whole is the organisation. Mentions the
// KB knows (a person, a state) are left alone, but for provinces and cities.
void ExtendInstitutionNames(const std::string& text, const std::vector<Token>& toks,
                            const LinkerLexicon& lex, const Kb& kb, std::vector<Mention>& out) {
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  std::vector<int> at = MentionAt(out, toks.size());
  const TokenText form{text, toks};
  std::vector<bool> drop(out.size(), false);
  std::vector<std::string> keys;
  for (size_t i = 0; i < out.size(); ++i) {
    Mention& m = out[i];
    // A province or city the KB knows is a place an office serves ("Dinas Pendidikan Jawa
    // Barat"); a state stays itself ("Kementerian Luar Negeri Rusia").
    const bool region = Region(m.kb);
    if (m.type == "PER" || (m.kb && !region) || m.first_token == 0) continue;
    // The tagger found the office and the place apart ("Kejaksaan Tinggi" + "Sulawesi Selatan"):
    // an organisation the KB does not know, opened by an institution's word, right before a
    // place is that place's office; so is an organisation the KB knows right before a province
    // ("KPU" + "Jabar": the provincial commission).
    if (i > 0 && !drop[i - 1] && (m.type == "LOC" || m.type == "GPE")) {
      Mention& p = out[i - 1];
      bool office = false;
      if (p.end_token == m.first_token && p.kb) {
        office = p.kb->type == "ORG" && OfficeRegion(kb, m.kb);
      } else if (p.end_token == m.first_token && p.type == "ORG" &&
                 p.end_token - p.first_token <= 4) {
        keys.clear();
        for (size_t t = p.first_token; t < p.end_token; ++t) keys.push_back(NameKey(form(t)));
        office = lex.InstitutionOpener(keys, 0) > 0;
      }
      if (office) {
        p.end_token = m.end_token;
        p.span.end = m.span.end;
        p.kb = nullptr;
        for (size_t t = m.first_token; t < m.end_token; ++t) at[t] = static_cast<int>(i - 1);
        drop[i] = true;
        continue;
      }
    }
    // "Kejaksaan Tinggi Daerah Istimewa Yogyakarta (DIY)": the place defines its own short form
    // (its letters are the place's words'), and stays the place. An organisation's name does not
    // ("Yayasan Wahana Lingkungan Hidup (Walhi)").
    if (m.type != "ORG" && m.end_token + 1 < toks.size() && form(m.end_token) == "(") {
      std::vector<std::string_view> words;
      for (size_t t = m.first_token; t < m.end_token; ++t) words.push_back(form(t));
      if (LongFormStart(form(m.end_token + 1), words) != SIZE_MAX) continue;
    }
    size_t h = m.first_token;
    while (h > 0 && m.first_token - h < 3 && at[h - 1] < 0 &&
           toks[h - 1].kind == Token::Kind::kWord && StartsUpperOrDigit(form(h - 1)))
      --h;
    // The opener: the first of those words, or the first two ("kedutaan besar").
    for (size_t k = h; k < m.first_token; ++k) {
      std::string one = NameKey(form(k));
      std::string two = k + 1 < m.first_token ? one + " " + NameKey(form(k + 1)) : std::string();
      if (lex.institutions.count(one) || lex.org_openers.count(one) ||
          (!two.empty() && (lex.institutions.count(two) || lex.org_openers.count(two)))) {
        // Not a kind of organisation, which names none and would take the place with it
        // ("Lembaga Pendidikan Perkebunan Yogyakarta": data/kb/org_kinds.tsv).
        keys.clear();
        for (size_t t = k; t < m.end_token; ++t) keys.push_back(NameKey(form(t)));
        if (lex.OrganisationKind(keys)) break;
        for (size_t t = k; t < m.first_token; ++t) at[t] = at[m.first_token];
        m.first_token = k;
        m.span.start = toks[k].span.start;
        m.type = "ORG";
        m.kb = nullptr;
        break;
      }
    }
  }
  std::vector<Mention> none;
  Replace(out, drop, none);
}

// "Kejaksaan Negeri (Kejari) Sikka", "Pemerintah Provinsi (Pemprov) Jawa Timur": capitalised
// words opened by an institution's word (data/kb/institutions.tsv), its short form in
// parentheses, then a place — one organisation, the office that serves the place (the linker
// names it without the short form and joins "Kejari Sikka" to it). The tagger finds the place
// and at best part of the name; an organisation the KB knows stays itself ("Bank Indonesia (BI)
// Jawa Barat").
void MergeRegionalOffices(const std::string& text, const std::vector<Token>& toks,
                          const LinkerLexicon& lex, std::vector<Mention>& out) {
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  std::vector<int> at = MentionAt(out, toks.size());  // token → the mention over it
  const TokenText form{text, toks};
  auto capitalised = [&](size_t t) {
    std::string_view f = form(t);
    return toks[t].kind == Token::Kind::kWord && !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  std::vector<bool> drop(out.size(), false);
  std::vector<Mention> offices;
  std::vector<std::string> keys;
  for (size_t t = 1; t + 3 < toks.size(); ++t) {
    if (form(t) != "(" || form(t + 2) != ")" || !capitalised(t + 1) || form(t + 1).size() > 12)
      continue;
    // The place: a place mention, else one capitalised word the tagger left out or took for a
    // person ("Kejaksaan Negeri (Kejari) Sikka menetapkan …") that no other name or a number
    // follows, and not a title ("… (BGN) Kepala …").
    const int p = at[t + 3];
    size_t end = t + 3;
    const bool one_word =
        p < 0 || (out[p].type == "PER" && out[p].first_token == t + 3 && out[p].end_token == t + 4);
    if (!one_word) {
      if (out[p].first_token != t + 3 || (out[p].type != "LOC" && out[p].type != "GPE")) continue;
      end = out[p].end_token;
    } else {
      if (capitalised(end)) ++end;
      const std::string first = NameKey(form(t + 3));
      if (end == t + 3 ||
          (end < toks.size() && (capitalised(end) || toks[end].kind == Token::Kind::kNumber)) ||
          std::find(lex.titles.begin(), lex.titles.end(), first) != lex.titles.end())
        continue;
    }
    size_t h = t;
    // Back over the long form's words, and the function words between them ("Dinas Pendidikan
    // dan Kebudayaan (Disdikbud) Sleman").
    for (;;) {
      if (h > 0 && capitalised(h - 1) && !(at[h - 1] >= 0 && out[at[h - 1]].type == "PER")) {
        --h;
      } else if (h > 1 && h < t && lex.acronym_skip.contains(std::string(form(h - 1))) &&
                 capitalised(h - 2)) {
        --h;
      } else {
        break;
      }
    }
    if (t - h < 2) continue;
    keys.clear();
    for (size_t k = h; k < t; ++k) keys.push_back(NameKey(form(k)));
    size_t start = SIZE_MAX;
    const char* type = "ORG";
    for (size_t k = h; k + 1 < t && start == SIZE_MAX; ++k) {
      if (lex.InstitutionOpener(keys, k - h) > 0) {
        // Not a kind of organisation ("Lembaga Pendidikan Perkebunan (LPP) Yogyakarta"), which
        // names none and would take the place with it.
        if (!lex.OrganisationKind(std::vector<std::string>(keys.begin() + (k - h), keys.end())))
          start = k;
        break;
      }
      // A place's class noun whose short form this is: "Pondok Pesantren (Ponpes) Al Khoziny",
      // "Lembaga Pemasyarakatan (Lapas) Sukamiskin" — the place.
      const size_t i = k - h;
      auto cls = lex.class_types.find(keys[i]);
      if (i + 1 < keys.size())
        if (auto two = lex.class_types.find(keys[i] + " " + keys[i + 1]);
            two != lex.class_types.end())
          cls = two;
      if (cls == lex.class_types.end() || cls->second != "LOC") continue;
      std::vector<std::string_view> long_form;
      for (size_t w = k; w < t; ++w) long_form.push_back(form(w));
      if (LongFormStart(form(t + 1), long_form) != 0) continue;
      // The name after it, not a city the KB knows ("Monumen Nasional (Monas) Jakarta").
      if (p >= 0 && out[p].kb) continue;
      start = k;
      type = "LOC";
    }
    if (start == SIZE_MAX) continue;
    if (at[start] >= 0 && out[at[start]].first_token < start) continue;  // inside another name
    bool known = false;
    for (size_t k = start; k < t; ++k) known |= at[k] >= 0 && out[at[k]].kb != nullptr;
    if (known) continue;
    Mention m;
    m.first_token = start;
    m.end_token = end;
    m.span = {toks[m.first_token].span.start, toks[m.end_token - 1].span.end};
    m.type = type;
    for (size_t k = start; k < m.end_token; ++k)
      if (at[k] >= 0) drop[at[k]] = true;
    offices.push_back(m);
    t = m.end_token - 1;
  }
  if (!offices.empty()) Replace(out, drop, offices);
}

// A short form defined beside its long form — "Lembaga Pengelola Dana Pendidikan (LPDP)",
// "BKAD (Badan Keuangan dan Aset Daerah)" — where the long form names an organisation
// (LinkerLexicon::OrganisationName: "Tim …", "Komite …", "… Limited"), not a term ("Bahan Bakar
// Minyak (BBM)", "Keluarga Penerima Manfaat (KPM)") nor a kind of organisation ("Badan Usaha Milik
// Negara (BUMN)", data/kb/org_kinds.tsv): the long form is one organisation (the
// tagger's pieces inside it give way), the short form names it, and so does the short form
// wherever else it stands in the document ("… dialokasikan untuk LPDP"); the linker gives them
// one id. A name the tagger or the KB found that holds the long form stays as it is.
void AddDefinedShortForms(const std::string& text, const std::vector<Token>& toks,
                          const LinkerLexicon& lex, std::vector<Mention>& out) {
  const TokenText form{text, toks};
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  // A short form: one word of 2–12 letters and digits opened by a capital, with a second capital
  // (or 4 letters at least: "Pemda", "Kemensos").
  auto short_form = [&](size_t t, bool two_capitals) {
    std::string_view f = form(t);
    if (toks[t].kind != Token::Kind::kWord || f.size() < 2 || f.size() > 12 || !upper(f[0]))
      return false;
    size_t caps = 0;
    for (char c : f) {
      if (!((c >= 'a' && c <= 'z') || upper(c) || (c >= '0' && c <= '9'))) return false;
      caps += upper(c);
    }
    return caps >= 2 || (!two_capitals && f.size() >= 4);
  };
  // A word of a long form: capitalised, a number, a function word ("dan", "of") or a comma,
  // ampersand or hyphen between words.
  auto name_word = [&](size_t t) {
    std::string_view f = form(t);
    if (f.empty()) return false;
    if (toks[t].kind == Token::Kind::kPunct) return f == "," || f == "&" || f == "-";
    return upper(f[0]) || toks[t].kind == Token::Kind::kNumber ||
           static_cast<unsigned char>(f[0]) >= 0xC0 || lex.acronym_skip.count(std::string(f)) > 0;
  };
  auto capitalised = [&](size_t t) {
    return toks[t].kind == Token::Kind::kWord && upper(form(t)[0]);
  };
  // A line break between token t and the next: a long form stays on its line.
  auto line_break = [&](size_t t) {
    return t + 1 < toks.size() &&
           std::string_view(text)
                   .substr(toks[t].span.end, toks[t + 1].span.start - toks[t].span.end)
                   .find('\n') != std::string_view::npos;
  };
  std::vector<int> at = MentionAt(out, toks.size());  // token → the mention over it
  std::vector<bool> drop(out.size(), false);
  std::vector<Mention> added;
  // Short forms defined as organisations, and whether the organisation is a state institution
  // (which a short form names with the region its office serves: "Kejari Pekanbaru").
  std::vector<std::pair<std::string_view, bool>> defined;
  auto mention = [&](size_t first, size_t end) {
    Mention m;
    m.first_token = first;
    m.end_token = end;
    m.span = {toks[first].span.start, toks[end - 1].span.end};
    m.type = "ORG";
    return m;
  };
  std::vector<std::string_view> words;
  std::vector<size_t> word_tok;
  std::vector<std::string> keys;
  for (size_t t = 1; t + 2 < toks.size(); ++t) {
    if (form(t) != "(") continue;
    // Forward "long (SF)" or reverse "SF (long)": the short form, the long form's tokens [lf, le).
    size_t sf = SIZE_MAX, lf = 0, le = 0;
    if (form(t + 2) == ")" && short_form(t + 1, false)) {
      sf = t + 1;
      le = t;
      lf = t;
      while (lf > 0 && t - lf < 12 && name_word(lf - 1) && !line_break(lf - 1)) --lf;
    } else if (short_form(t - 1, true)) {
      size_t close = t + 1;
      while (close < toks.size() && close - t < 13 && form(close) != ")" && name_word(close) &&
             !line_break(close - 1))
        ++close;
      if (close >= toks.size() || form(close) != ")") continue;
      sf = t - 1;
      lf = t + 1;
      le = close;
    } else {
      continue;
    }
    if (le <= lf || !capitalised(le - 1)) continue;
    words.clear();
    word_tok.clear();
    for (size_t k = lf; k < le; ++k)
      if (toks[k].kind != Token::Kind::kPunct) {
        words.push_back(form(k));
        word_tok.push_back(k);
      }
    const std::string_view sfv = form(sf);
    const size_t w = LongFormStart(sfv, words);
    // Schwartz & Hearst's bound on the long form's length; its first word a capitalised one.
    if (w == SIZE_MAX || words.size() - w < 2 ||
        words.size() - w > std::min(sfv.size() + 5, sfv.size() * 2) || !capitalised(word_tok[w]))
      continue;
    size_t start = word_tok[w];
    // A legal form before the matched words, which short forms leave out ("PT Kereta Api
    // Indonesia (KAI)").
    if (start > lf && lex.legal_forms.contains(NameKey(form(start - 1))) && capitalised(start - 1))
      --start;
    keys.clear();
    for (size_t k = start; k < le; ++k)
      if (toks[k].kind != Token::Kind::kPunct) keys.push_back(NameKey(form(k)));
    if (lex.OrganisationKind(keys)) continue;
    if (!lex.OrganisationName(keys)) {
      // Letters that spell an organisation's name the tagger or the KB found but for its
      // opening word: "Kementerian Energi dan Sumber Daya Mineral (ESDM)", "Yayasan Wahana
      // Lingkungan Hidup (Walhi)" (not a place at its end: "Dinas … Kabupaten Ogan Komering
      // Ulu (OKU)"). The short form names that organisation (not where the letters spell a kind of
      // organisation: "Kementerian Badan Usaha Milik Negara (BUMN)").
      const int m = at[le - 1];
      if (m < 0 || sf != le + 1 || out[m].type != "ORG" || out[m].end_token != le ||
          out[m].first_token + 1 != start)
        continue;
      keys.clear();
      for (size_t k = out[m].first_token; k < le; ++k)
        if (toks[k].kind != Token::Kind::kPunct) keys.push_back(NameKey(form(k)));
      if (!out[m].kb && !lex.OrganisationName(keys)) continue;
      if (at[sf] < 0) added.push_back(mention(sf, sf + 1));
      defined.emplace_back(sfv, lex.InstitutionOpener(keys, 0) > 0);
      t = std::max(t, sf);
      continue;
    }
    const bool state = lex.InstitutionOpener(keys, 0) > 0;
    // The mentions there: one that holds the long form stays (only the short form is added);
    // one that crosses its edges leaves everything as it is; those inside it give way.
    // So does one that ends with it and opens with an organisation's word of its own ("Berita
    // Emiten PT Bank Central Asia Tbk (BBCA)": the ticker's letters reach back to "Berita").
    int held = -1;
    bool crossed = false;
    for (size_t k = start; k < le; ++k) {
      const int m = at[k];
      if (m < 0) continue;
      const Mention& x = out[m];
      if (x.first_token <= start && x.end_token >= le) {
        held = m;
      } else if (x.first_token < start || x.end_token > le) {
        crossed = true;
      } else if (x.end_token == le && x.first_token > start) {
        keys.clear();
        for (size_t j = x.first_token; j < le && keys.size() < 2; ++j)
          keys.push_back(NameKey(form(j)));
        if (lex.OrganisationOpener(keys, 0) > 0) held = m;
      }
    }
    if (crossed) continue;
    if (held >= 0) {
      // The tagger's name of the long form itself, typed otherwise ("Sovereign Wealth Fund" as a
      // person), is the organisation.
      Mention& x = out[held];
      if (!x.kb && x.first_token == start && x.end_token == le) x.type = "ORG";
    } else {
      for (size_t k = start; k < le; ++k)
        if (at[k] >= 0) drop[at[k]] = true;
      added.push_back(mention(start, le));
    }
    if (at[sf] < 0) added.push_back(mention(sf, sf + 1));
    defined.emplace_back(sfv, state);
    t = std::max(t, le);
  }
  if (defined.empty()) return;
  // The short form elsewhere in the document, where no other name holds it.
  for (Mention& m : added)
    for (size_t k = m.first_token; k < m.end_token; ++k) at[k] = -2;
  for (size_t t = 0; t < toks.size(); ++t) {
    if (at[t] != -1 || toks[t].kind != Token::Kind::kWord) continue;
    auto d = std::find_if(defined.begin(), defined.end(),
                          [&](const auto& x) { return x.first == form(t); });
    if (d == defined.end()) continue;
    size_t end = t + 1;
    if (d->second && end < toks.size() && at[end] >= 0 && out[at[end]].first_token == end &&
        (out[at[end]].type == "LOC" || out[at[end]].type == "GPE")) {
      drop[at[end]] = true;
      end = out[at[end]].end_token;
    }
    added.push_back(mention(t, end));
  }
  Replace(out, drop, added);
}

// "PT Bank Rakyat Indonesia (Persero) Tbk", "Genting Malaysia Bhd": the legal forms written after
// a company's name (data/kb/org_suffixes.tsv, TAB "legal"), in parentheses or not, belong to the
// name. The tagger leaves them out, tags them on their own ("Persero) Tbk") or with the name that
// follows ("Tbk Sunarso"): a mention inside the forms goes, one running on past them starts after
// them, and the company takes them in (and is an organisation, whatever the tagger typed it).
// A mention of legal forms only ("Tbk") names no company and goes.
// A name the tagger took for a person's that ends with an organisation's word ("Shamrock
// Holdings", "Sinar Mas Group", "Indonesia Corruption Watch": data/kb/org_suffixes.tsv) is an
// organisation's: no person's name ends so.
void TypeSuffixedNames(const std::string& text, const std::vector<Token>& toks,
                       const LinkerLexicon& lex, std::vector<Mention>& out) {
  const TokenText form{text, toks};
  for (Mention& m : out)
    if (m.type == "PER" && !m.kb && m.end_token - m.first_token >= 2) {
      const std::string last = NameKey(form(m.end_token - 1));
      if (lex.org_suffixes.contains(last) && !lex.suffix_surnames.contains(last)) m.type = "ORG";
    }
}

void AttachLegalSuffixes(const std::string& text, const std::vector<Token>& toks,
                         const LinkerLexicon& lex, std::vector<Mention>& out) {
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  const TokenText form{text, toks};
  auto legal = [&](size_t t) {
    if (t >= toks.size() || toks[t].kind != Token::Kind::kWord) return false;
    std::string_view f = form(t);
    return !f.empty() && f.size() <= 16 && f[0] >= 'A' && f[0] <= 'Z' &&
           lex.legal_suffixes.contains(NameKey(f));
  };
  std::vector<int> at = MentionAt(out, toks.size());
  std::vector<bool> drop(out.size(), false);
  for (size_t k = 0; k < out.size(); ++k) {
    Mention& m = out[k];
    if (drop[k] || (m.kb && m.kb->type == "PER")) continue;
    bool only_legal = true;  // "Tbk" alone names no company
    for (size_t t = m.first_token; t < m.end_token && only_legal; ++t)
      only_legal = toks[t].kind == Token::Kind::kPunct || legal(t);
    if (only_legal) {
      drop[k] = true;
      continue;
    }
    size_t end = m.end_token;
    if (end + 2 < toks.size() && form(end) == "(" && legal(end + 1) && form(end + 2) == ")")
      end += 3;
    while (legal(end) && end - m.end_token < 4) ++end;
    if (end == m.end_token) {
      if (legal(m.end_token - 1)) m.type = "ORG";  // the tagger took them in: "Valve Corp"
      continue;
    }
    for (size_t t = m.end_token; t < end; ++t) {
      const int o = at[t];
      if (o < 0 || static_cast<size_t>(o) == k || drop[o]) continue;
      Mention& n = out[o];
      if (n.end_token <= end) {
        drop[o] = true;
        continue;
      }
      n.first_token = end;  // "Tbk Sunarso" → "Sunarso"
      while (n.first_token + 1 < n.end_token && toks[n.first_token].kind == Token::Kind::kPunct)
        ++n.first_token;
      n.span.start = toks[n.first_token].span.start;
      n.kb = nullptr;
      n.lower_lead = 0;
    }
    for (size_t t = m.end_token; t < end; ++t) at[t] = static_cast<int>(k);
    m.end_token = end;
    m.span.end = toks[end - 1].span.end;
    m.type = "ORG";
  }
  std::vector<Mention> none;
  Replace(out, drop, none);
}

// Mentions that name nobody: only titles and office units ("Kasi Intel", "AKBP", "Pidsus"), or a
// term of data/kb/not_names.tsv as written ("OTT", "IHSG", "HGB") that the KB does not know.
// And initials of a person: an all-capital word of two to four letters after a word that
// introduces a person's initials ("tersangka berinisial AR", data/kb/person_cues.tsv) or before an
// age in parentheses ("RR (29)") is a person — a mention typed PER, or a new one where the tagger
// found none — wherever else it stands in the article too.
void DropNonNamesAndTypeInitials(const std::string& text, const std::vector<Token>& toks,
                                 const LinkerLexicon& lex, std::vector<Mention>& out) {
  const TokenText form{text, toks};
  std::vector<bool> name_ends(toks.size() + 1, false);  // a KB name ends before token t
  for (const Mention& m : out)
    if (m.kb) name_ends[m.end_token] = true;
  // A country after a currency word is the currency's name ("dolar AS", "yen Jepang"), and so is
  // its short form in parentheses right after ("dolar Amerika Serikat (AS)"), and a name that
  // starts with a currency word ("Dolar Singapura naik"), unless it is a person's ("Frank
  // Lampard", "Won Bin").
  auto place = [](const Mention& m) {
    return m.type == "GPE" || m.type == "LOC" || (m.kb && m.kb->type == "GPE");
  };
  std::vector<bool> currency_ends(toks.size() + 1, false);
  for (const Mention& m : out)
    if (place(m) && m.first_token > 0 && lex.currencies.contains(NameKey(form(m.first_token - 1))))
      currency_ends[m.end_token] = true;
  std::erase_if(out, [&](const Mention& m) {
    if (place(m) && m.first_token > 0 &&
        (lex.currencies.contains(NameKey(form(m.first_token - 1))) ||
         (form(m.first_token - 1) == "(" && currency_ends[m.first_token - 1])))
      return true;
    if (m.type != "PER" && !m.kb && m.end_token - m.first_token >= 2 &&
        lex.currencies.contains(NameKey(form(m.first_token))))
      return true;
    if (m.kb) return false;
    const std::string_view surface = std::string_view(text).substr(m.span.start, m.span.size());
    // A term's letters in parentheses right after a name the KB knows are that name's short
    // form ("Kementerian Badan Usaha Milik Negara (BUMN)"), not the term.
    const bool defined =
        m.first_token >= 2 && form(m.first_token - 1) == "(" && name_ends[m.first_token - 1];
    if (lex.not_names.contains(surface) && !defined) return true;
    std::vector<std::string> words;
    for (size_t t = m.first_token; t < m.end_token; ++t)
      if (toks[t].kind != Token::Kind::kPunct) words.push_back(NameKey(form(t)));
    // Only titles, or a kind of organisation on its own ("Badan Usaha Milik Negara", "Badan
    // Usaha Jalan Tol": data/kb/org_kinds.tsv), or terms and titles ("OTT Wamenaker").
    if (lex.OnlyTitles(words) || (m.type == "ORG" && lex.OrganisationKind(words))) return true;
    bool term = false, other = false;
    for (size_t t = m.first_token; t < m.end_token && !other; ++t) {
      if (toks[t].kind == Token::Kind::kPunct) continue;
      const bool is_term = lex.not_names.contains(form(t));
      term |= is_term;
      other = !is_term && !lex.title_set.contains(NameKey(form(t)));
    }
    return term && !other && !defined;
  });
  auto initials = [](std::string_view f) { return f.size() <= 4 && Acronym(f); };
  // Tokens that are initials of a person: those mentions, and tokens no mention covers.
  std::vector<int> at = MentionAt(out, toks.size());  // token → the mention over it
  auto single = [&](size_t t) {
    return at[t] < 0 ||
           (!out[at[t]].kb && out[at[t]].first_token == t && out[at[t]].end_token == t + 1);
  };
  std::vector<std::string_view> people;
  // Initials after a person cue may run to six capitals, and the cue carries over a list:
  // "berinisial AVADL, MJ, ADES (DPO) dan SM" (a parenthesised note of up to three words after
  // one is skipped).
  auto listed = [&](size_t k) {
    const std::string_view f = form(k);
    return toks[k].kind == Token::Kind::kWord && Acronym(f) && single(k) &&
           !lex.not_names.contains(f);
  };
  for (size_t t = 1; t < toks.size(); ++t) {
    if (!listed(t) || !lex.person_cues.contains(NameKey(form(t - 1))))
      continue;  // cheap test first
    people.push_back(form(t));
    for (size_t k = t + 1; k < toks.size();) {
      if (form(k) == "(") {
        size_t close = k + 1;
        while (close < toks.size() && close < k + 5 && form(close) != ")") ++close;
        if (close >= toks.size() || form(close) != ")") break;
        k = close + 1;
        continue;
      }
      if (k + 1 < toks.size() && (form(k) == "," || form(k) == "dan" || form(k) == "serta") &&
          listed(k + 1)) {
        people.push_back(form(k + 1));
        k += 2;
        continue;
      }
      break;
    }
  }
  for (size_t t = 0; t < toks.size(); ++t) {
    if (toks[t].kind != Token::Kind::kWord || !initials(form(t)) || !single(t) ||
        lex.not_names.contains(form(t)))
      continue;
    // An age: one to three digits ("RR (29)"), not a year ("PARI (1927)").
    if (t + 3 < toks.size() && form(t + 1) == "(" && toks[t + 2].kind == Token::Kind::kNumber &&
        form(t + 2).size() <= 3 && form(t + 3) == ")")
      people.push_back(form(t));
  }
  if (people.empty()) return;
  for (size_t t = 0; t < toks.size(); ++t) {
    if (toks[t].kind != Token::Kind::kWord || !single(t) ||
        std::find(people.begin(), people.end(), form(t)) == people.end())
      continue;
    if (at[t] >= 0) {
      out[at[t]].type = "PER";
      continue;
    }
    Mention m;
    m.first_token = t;
    m.end_token = t + 1;
    m.span = toks[t].span;
    m.type = "PER";
    out.push_back(m);
  }
}

// A quote's end before a name: a closing quote mark after a comma or a stop ('…," X'); the caller
// checks that the mark is attached to it (an opening mark stands apart: '… tadi. "Iya, …').
bool IsClosingQuoteBeforeName(std::string_view quote, std::string_view before) {
  const bool close = quote == "\xE2\x80\x9D" || quote == "\"";
  return close && (before == "," || before == "." || before == "?" || before == "!");
}
}  // namespace

bool EntityStage::ProductName(const std::string& text, const std::vector<Token>& toks,
                              const Mention& name, const Mention& maker) const {
  if (!maker.kb || !lex_.product_makers.contains(NameKey(maker.kb->id)) ||
      name.first_token != maker.first_token || name.end_token <= maker.end_token)
    return false;
  // A place named after its maker ("Microsoft Theater") stays a place.
  if (name.type == "LOC" || name.type == "GPE" || name.type == "FAC") return false;
  // The words after the maker's name a product's: none names a company, a unit or an arm of it
  // ("Samsung Electronics", "Pertamina Patra Niaga", "Google Indonesia", "Toyota Motor
  // Manufacturing"), a place or another entity the KB knows; and one word ("Jazz", "Maps") or a
  // model's code among them ("Galaxy S8", "Nova 2i", "Galaxy A"), not a person's name ("Sony
  // Dwi Kuncoro", "Lenovo Budi Janto").
  const TokenText form{text, toks};
  size_t words = 0;
  bool code = false;
  for (size_t t = maker.end_token; t < name.end_token; ++t) {
    const std::string_view f = form(t);
    if (toks[t].kind == Token::Kind::kPunct) continue;
    ++words;
    code |= toks[t].kind == Token::Kind::kNumber ||
            std::any_of(f.begin(), f.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
            (f.size() <= 3 &&
             std::all_of(f.begin(), f.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
    const std::string w = NameKey(f);
    if (lex_.org_suffixes.contains(w) || lex_.org_openers.contains(w) ||
        lex_.institutions.contains(w) || lex_.class_types.count(w) || lex_.title_set.contains(w) ||
        lex_.not_names.contains(std::string(f)) || kb_.Lookup(f))
      return false;
  }
  return words == 1 || code;
}

Result<std::unique_ptr<Stage>> EntityStage::Create(const StageContext& ctx) {
  std::string model = ctx.data_dir + "/models/ner.bin";
  if (auto it = ctx.options.find("model"); it != ctx.options.end()) model = it->second;
  std::shared_ptr<const text::WordClusters> clusters;
  Status cst = text::LoadDataClusters(ctx.data_dir, clusters);
  if (!cst.ok()) return cst;
  std::shared_ptr<const ner::NameGazetteer> names;
  cst = ner::LoadDataNames(ctx.data_dir, names);
  if (!cst.ok()) return cst;
  auto tagger = ner::NerTagger::Load(model, std::move(clusters), std::move(names));
  if (!tagger.ok()) return tagger.status();
  std::vector<std::string> extra;
  if (auto it = ctx.options.find("kb"); it != ctx.options.end()) {
    const std::string& v = it->second;
    for (size_t p = 0; p <= v.size();) {
      size_t q = v.find(',', p);
      if (q == std::string::npos) q = v.size();
      if (q > p) extra.push_back(v.substr(p, q - p));
      p = q + 1;
    }
  }
  auto kb = Kb::Load(ctx.data_dir, extra);
  if (!kb.ok()) return kb.status();
  auto lex = LinkerLexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  auto titles = ner::TitleTrimmer::Load(ctx.data_dir);
  if (!titles.ok()) return titles.status();
  return std::unique_ptr<Stage>(
      new EntityStage(std::move(*tagger), std::move(*titles), std::move(*kb), std::move(*lex)));
}

std::vector<Mention> EntityStage::FindMentions(const Document& doc) const {
  const std::string& text = *doc.text;
  const std::vector<Token>& toks = *doc.tokens;
  std::vector<Mention> out;
  std::vector<std::string_view> forms;
  struct PerSentence {
    std::vector<Mention> ner, gaz;
  };
  std::vector<PerSentence> found(doc.sentences->size());
  // One-word KB names at a sentence's start the tagger did not confirm, and the KB entities
  // matched by one word inside a sentence.
  std::vector<std::pair<PerSentence*, Mention>> opening;
  std::unordered_set<const KbEntity*> said_mid;
  size_t si = 0;
  std::vector<uint8_t> labels;
  const auto& names = ner::NerTagger::Labels();
  auto upper = [&](size_t t) {
    return StartsUpperOrDigit(std::string_view(text).substr(toks[t].span.start, 1));
  };
  const TokenText form_at{text, toks};
  for (const Sentence& s : *doc.sentences) {
    PerSentence& ps = found[si++];
    if (s.end_token <= s.first_token) continue;
    forms.clear();
    bool any_upper = false;
    for (uint32_t t = s.first_token; t < s.end_token; ++t) {
      forms.push_back(std::string_view(text).substr(toks[t].span.start, toks[t].span.size()));
      any_upper |= upper(t);
    }
    // The dateline ("BEIJING, KOMPAS.com - ") is tagged apart from the sentence it opens, so no
    // name runs on from it into the sentence ("KOMPAS.com - Presiden China Xi Jinping").
    size_t cut = 0;
    const size_t dateline_end = doc.meta ? doc.meta->dateline_end : 0;
    while (cut < forms.size() && toks[s.first_token + cut].span.start < dateline_end) ++cut;
    if (cut > 0 && cut < forms.size()) {
      const std::vector<std::string_view> head(forms.begin(),
                                               forms.begin() + static_cast<long>(cut));
      const std::vector<std::string_view> rest(forms.begin() + static_cast<long>(cut), forms.end());
      std::vector<uint8_t> rest_labels;
      tagger_.Tag(head, labels);
      titles_.Trim(head, labels);
      tagger_.Tag(rest, rest_labels);
      titles_.Trim(rest, rest_labels);
      labels.insert(labels.end(), rest_labels.begin(), rest_labels.end());
    } else {
      tagger_.Tag(forms, labels);
      titles_.Trim(forms, labels);
    }
    // NER spans, without punctuation at their edges and — unless the whole sentence is in lower
    // case — without leading lower-case words ("kosmodrom Vostochny" → "Vostochny").
    std::vector<Mention>& ner = ps.ner;
    for (size_t i = 0; i < forms.size();) {
      const std::string& l = names[labels[i]];
      if (l[0] != 'B') {
        ++i;
        continue;
      }
      size_t j = i + 1;
      while (j < forms.size() && names[labels[j]][0] == 'I') ++j;
      Mention m;
      m.first_token = s.first_token + i;
      m.end_token = s.first_token + j;
      i = j;
      while (m.first_token < m.end_token && (toks[m.first_token].kind == Token::Kind::kPunct ||
                                             (any_upper && !upper(m.first_token)))) {
        m.lower_lead = toks[m.first_token].kind == Token::Kind::kPunct ? 99 : m.lower_lead + 1;
        ++m.first_token;
      }
      // Nor the second word of a title ("Wali [Kota Bandung …]" → "Bandung …").
      if (m.first_token > s.first_token && m.first_token + 1 < m.end_token &&
          lex_.title_set.contains(NameKey(form_at(m.first_token - 1)) + " " +
                                  NameKey(form_at(m.first_token)))) {
        ++m.first_token;
      }
      // … nor trailing lower-case words ("Rusia timur" → "Rusia"): names end with a name word;
      // nor a score or a range of numbers ("Atletico Madrid 4-0", "Liga Champions 2025/2026"),
      // nor an amount ("Kabupaten Mimika Rp 2,4").
      auto amount = [&](size_t end) {
        return end >= m.first_token + 2 && toks[end - 1].kind == Token::Kind::kNumber &&
               (form_at(end - 2) == "Rp" || form_at(end - 2) == "US$" || form_at(end - 2) == "USD");
      };
      while (m.end_token > m.first_token &&
             (toks[m.end_token - 1].kind == Token::Kind::kPunct ||
              (any_upper && !upper(m.end_token - 1)) || NumberPair(form_at(m.end_token - 1)) ||
              amount(m.end_token)))
        m.end_token -= amount(m.end_token) ? 2 : 1;
      if (m.first_token == m.end_token) continue;
      m.span = {toks[m.first_token].span.start, toks[m.end_token - 1].span.end};
      m.type = l.substr(2);
      ner.push_back(m);
    }
    // Gazetteer: the longest KB alias starting at each capitalised token — at each word of a
    // sentence written in lower case only (of four words or more: "kantor berita rusia"), which
    // is looked up as if capitalised, so aliases in capitals only ("AS") still need capitals.
    std::vector<Mention>& gaz = ps.gaz;
    const bool lower_text = !any_upper && forms.size() > 3;
    std::string capitalised;
    auto lookup = [&](std::string_view surface) {
      if (!lower_text || surface.empty() || surface[0] < 'a' || surface[0] > 'z')
        return kb_.Lookup(surface);
      capitalised.assign(surface);
      capitalised[0] = static_cast<char>(capitalised[0] - 'a' + 'A');
      return kb_.Lookup(capitalised);
    };
    for (size_t i = 0; i < forms.size();) {
      // A hyphenated compound of names ("DPRK-Rusia", "China-AS"): each part that is a KB name
      // is a mention inside the token; a hyphenated KB name ("Al-Qaeda") is one.
      if (StartsUpperOrDigit(forms[i]) && forms[i].find('-') != std::string_view::npos) {
        const size_t base = toks[s.first_token + i].span.start;
        auto add = [&](const KbEntity* e, size_t p, size_t q) {
          Mention m;
          m.first_token = s.first_token + i;
          m.end_token = m.first_token + 1;
          m.span = {base + p, base + q};
          m.type = e->type;
          m.kb = e;
          gaz.push_back(m);
        };
        if (const KbEntity* e = kb_.Lookup(forms[i])) {
          add(e, 0, forms[i].size());
        } else {
          for (size_t p = 0; p < forms[i].size();) {
            size_t q = forms[i].find('-', p);
            if (q == std::string_view::npos) q = forms[i].size();
            std::string_view part = forms[i].substr(p, q - p);
            if (StartsUpperOrDigit(part))
              if (const KbEntity* part_e = kb_.Lookup(part)) add(part_e, p, q);
            p = q + 1;
          }
        }
        ++i;
        continue;
      }
      // Spans as long as the longest alias that starts with this word, and two tokens more for
      // punctuation inside a name ("H. Prabowo", "Amerika Serikat (AS)").
      const bool starts = StartsUpperOrDigit(forms[i]) ||
                          (lower_text && toks[s.first_token + i].kind == Token::Kind::kWord);
      const size_t most = starts ? kb_.AliasWordsFrom(NameKey(forms[i])) : 0;
      // Not the second word of a title ("Wali Kota Malang": the mayor's title, then Malang).
      if (most == 0 ||
          (i > 0 && lex_.title_set.contains(NameKey(forms[i - 1]) + " " + NameKey(forms[i])))) {
        ++i;
        continue;
      }
      size_t best = 0;
      const KbEntity* hit = nullptr;
      for (size_t len = std::min(most + 2, forms.size() - i); len >= 1; --len) {
        if (toks[s.first_token + i + len - 1].kind == Token::Kind::kPunct) continue;
        int open = 0;  // parentheses inside the span close there ("Sulawesi (selatan" is none)
        for (size_t k = i; k < i + len && open >= 0; ++k)
          open += (forms[k] == "(") - (forms[k] == ")");
        if (open != 0) continue;
        size_t a = toks[s.first_token + i].span.start;
        size_t b = toks[s.first_token + i + len - 1].span.end;
        if (const KbEntity* e = lookup(std::string_view(text).substr(a, b - a))) {
          hit = e;
          best = len;
          break;
        }
      }
      if (!hit) {
        ++i;
        continue;
      }
      Mention m;
      m.first_token = s.first_token + i;
      m.end_token = s.first_token + i + best;
      m.span = {toks[m.first_token].span.start, toks[m.end_token - 1].span.end};
      m.type = hit->type;
      m.kb = hit;
      // A one-word alias opening the sentence may be an ordinary word ("Antara" = between):
      // trust it there only when the tagger or the POS tagger (PROPN) agrees; so too anywhere in
      // a sentence in lower case only ("antara").
      bool keep = !((i == 0 || lower_text) && best == 1);
      if (!keep && doc.words) {
        const Token& t = toks[m.first_token];
        keep = (*doc.words)[t.first_word].upos == "PROPN";
      }
      for (const Mention& n : ner)
        if (n.first_token == m.first_token) keep = true;
      // "kabupaten Malang", "Kab. Bogor": the regency, not the city the KB knows by the name.
      if (i > 0 && Region(hit) && !Province(hit)) {
        auto cls = lex_.class_nouns.find(NameKey(forms[i - 1]));
        if (cls != lex_.class_nouns.end() && cls->second == "regency") {
          --m.first_token;
          m.span.start = toks[m.first_token].span.start;
          m.kb = nullptr;
          m.type = "LOC";
        }
      }
      if (keep) {
        gaz.push_back(m);
        if (i > 0 && best == 1) said_mid.insert(hit);
      } else {
        opening.emplace_back(&ps, m);
      }
      i += best;
    }
  }
  // … or when the document writes the same name inside a sentence too and never writes the word
  // in lower case ("Kejagung sendiri …" after "… kata Kejagung"; not "Antara kedua negara").
  std::string lower;
  for (auto& [ps, m] : opening) {
    if (!said_mid.contains(m.kb)) continue;
    utf8::AsciiLowerInto(form_at(m.first_token), lower);
    auto boundary = [&](size_t p) {
      return p >= text.size() || !std::isalnum(static_cast<unsigned char>(text[p]));
    };
    bool lower_seen = false;
    for (size_t p = text.find(lower); p != std::string::npos && !lower_seen;
         p = text.find(lower, p + 1))
      lower_seen = (p == 0 || boundary(p - 1)) && boundary(p + lower.size());
    if (lower_seen) continue;
    ps->gaz.insert(std::upper_bound(ps->gaz.begin(), ps->gaz.end(), m,
                                    [](const Mention& a, const Mention& b) {
                                      return a.first_token < b.first_token;
                                    }),
                   m);
  }
  // Last words of the people the tagger found, to tell "Kremlin Dmitry Peskov" (a place, then a
  // person named elsewhere as "Peskov") from "Jakarta International Stadium".
  std::unordered_set<std::string> surnames;
  for (const PerSentence& ps : found)
    for (const Mention& m : ps.ner)
      if (m.type == "PER")
        surnames.insert(NameKey(std::string_view(text).substr(toks[m.end_token - 1].span.start,
                                                              toks[m.end_token - 1].span.size())));
  size_t sentence_index = 0;
  for (PerSentence& ps : found) {
    const Sentence& s = (*doc.sentences)[sentence_index++];
    std::vector<Mention>& ner = ps.ner;
    const std::vector<Mention>& gaz = ps.gaz;
    // A NER span that starts with a country and goes on with a person ("Korea Utara Kim Jong
    // Un"), or whose rest is itself a KB name, is two mentions.
    for (size_t k = 0; k < ner.size(); ++k) {
      for (const Mention& g : gaz) {
        Mention& n = ner[k];
        if (!g.kb || g.first_token != n.first_token || g.end_token >= n.end_token) continue;
        Mention rest = n;
        rest.first_token = g.end_token;
        rest.span.start = toks[rest.first_token].span.start;
        const KbEntity* r =
            kb_.Lookup(std::string_view(text).substr(rest.span.start, rest.span.size()));
        const Span& last = toks[rest.end_token - 1].span;
        bool person =
            n.type == "PER" ||
            surnames.count(NameKey(std::string_view(text).substr(last.start, last.size())));
        // "Wakil Gubernur DKI Jakarta Sandiaga Salahuddin Uno", "Ketua DPRD Sumut Baskami
        // Ginting": after a title or an institution, the state or region it serves, then its
        // holder (one word that does not go on with the place, or more: "Jakarta Selatan") —
        // unless what follows is only titles ("Kapolda Papua Brigjen …": the title goes, the
        // name after it is tagged on its own). A place the tagger found, not an organisation
        // ("Direktur Indonesia Political Review").
        if (!r && !person && g.kb->type == "GPE" && n.type != "ORG" &&
            n.first_token > s.first_token) {
          // A title's short form in parentheses stands for it: "Wakil Gubernur (Wagub) Kaltim
          // Seno Aji".
          size_t b = n.first_token - 1;
          if (form_at(b) == ")" && b >= s.first_token + 2 && form_at(b - 2) == "(") --b;
          const std::string before = NameKey(form_at(b));
          std::vector<std::string> rest_words;
          for (size_t t = rest.first_token; t < rest.end_token; ++t)
            rest_words.push_back(NameKey(form_at(t)));
          const bool two_word_title =  // "Wali Kota Bandung Ridwan Kamil"
              n.first_token > s.first_token + 1 &&
              lex_.title_set.contains(NameKey(form_at(n.first_token - 2)) + " " + before);
          if (lex_.title_set.contains(before) || two_word_title ||
              lex_.institutions.contains(before) || Acronym(form_at(b))) {
            if (lex_.OnlyTitles(rest_words)) {
              n.end_token = g.end_token;
              n.span.end = g.span.end;
              break;
            }
            // One word after a state or a province: a name's, not one that goes on with the
            // place ("Jakarta Selatan"; a city's name may have two words: "Padang Pariaman"),
            // a short form, a title or the start of a longer name ("Wakil Gubernur Jawa Tengah
            // Rustriningsih", "Presiden Turki Erdogan").
            const std::string_view one = form_at(rest.first_token);
            const size_t after = rest.end_token;
            const bool name_word =
                rest_words.size() == 1 && (State(g.kb) || Province(g.kb)) && one.size() >= 4 &&
                one[0] >= 'A' && one[0] <= 'Z' && !Acronym(one) &&
                !lex_.place_words.contains(rest_words[0]) &&
                !lex_.title_set.contains(rest_words[0]) &&
                !(after < toks.size() && (form_at(after) == "(" || upper(after)));
            person =
                (rest_words.size() >= 2 || name_word) && !lex_.class_types.count(rest_words[0]);
          }
        }
        // "Presiden Direktur JNE Feriadi", "Ketua Umum PSSI Erick Thohir", "Fraksi Golkar Riswan
        // Tony": after a title or an organisation's opener, an organisation the KB knows, then
        // its holder or member — two words or more, none of which goes on an organisation's
        // name ("… Bank Mandiri Syariah", "… Sinar Mas Group", "… DPR Fraksi Hanura").
        bool holder = false;
        if (!r && g.kb->type == "ORG" && n.first_token > s.first_token &&
            rest.end_token - rest.first_token >= 2 &&
            (lex_.title_set.contains(NameKey(form_at(n.first_token - 1))) ||
             lex_.org_openers.contains(NameKey(form_at(n.first_token - 1))))) {
          holder = true;
          for (size_t t = rest.first_token; t < rest.end_token && holder; ++t) {
            const std::string w = NameKey(form_at(t));
            holder = !lex_.org_suffixes.contains(w) && !lex_.org_openers.contains(w) &&
                     !lex_.class_types.count(w) && !lex_.title_set.contains(w) &&
                     !lex_.institutions.contains(w) && !Acronym(form_at(t)) &&
                     !kb_.Lookup(form_at(t));  // "… Kementerian HAM Jabar Hasbullah"
          }
        }
        // "UGM Dr. Jamhari": an organisation the KB knows, a title, then a name — the
        // organisation, and the person the title names (the title left out).
        if (!r && !holder && g.kb->type == "ORG") {
          size_t t = rest.first_token;
          while (t < rest.end_token && lex_.title_set.contains(NameKey(form_at(t)))) ++t;
          bool names = t > rest.first_token && t < rest.end_token;
          for (size_t k = t; k < rest.end_token && names; ++k) names = upper(k);
          if (names) {
            rest.first_token = t;
            rest.span.start = toks[t].span.start;
            holder = true;
          }
        }
        if (!r && !holder && !(g.kb->type == "GPE" && person)) continue;
        // "BPS Jateng": the office there; "Unilever Indonesia", "Google Indonesia": the
        // organisation's arm in that state.
        if (g.kb->type == "ORG" && (OfficeRegion(kb_, r) || State(r))) {
          n.type = "ORG";
          continue;
        }
        if (r) {
          rest.kb = r;
          rest.type = r->type;
        } else {
          rest.type = "PER";
        }
        n.end_token = g.end_token;
        n.span.end = g.span.end;
        ner.push_back(rest);
        break;
      }
    }
    // Merge: a KB match replaces the NER spans it overlaps unless one NER span strictly contains
    // it (the longer name is the entity: "Partai Buruh Korut" holds "Korut") — but for a
    // product's name opened by its maker's ("Samsung Galaxy S8", "Google Maps", "Honda Jazz"):
    // the maker is the organisation, the product no entity of ours.
    // Nor does a span that only names a kind of organisation hold a KB name: it is dropped
    // later, and the name stays ("Lembaga Pendidikan Perkebunan Yogyakarta": Yogyakarta).
    auto kind_only = [&](const Mention& n) {
      if (n.type != "ORG") return false;
      std::vector<std::string> words;
      for (size_t t = n.first_token; t < n.end_token; ++t)
        if (toks[t].kind != Token::Kind::kPunct) words.push_back(NameKey(form_at(t)));
      return lex_.OrganisationKind(words);
    };
    // "Pemerintah Peru" is the state acting, as the KB's states are wherever they act.
    auto government_of = [&](const Mention& n, const Mention& g) {
      return g.kb && State(g.kb) && g.end_token == n.end_token &&
             g.first_token == n.first_token + 1 && NameKey(form_at(n.first_token)) == "pemerintah";
    };
    std::vector<Mention> merged;
    for (const Mention& g : gaz) {
      bool inside = false;
      for (const Mention& n : ner)
        inside |= n.first_token <= g.first_token && g.end_token <= n.end_token &&
                  (n.end_token - n.first_token) > (g.end_token - g.first_token) &&
                  !ProductName(text, toks, n, g) && !kind_only(n) && !government_of(n, g);
      if (!inside) merged.push_back(g);
    }
    for (Mention n : ner) {
      bool overlaps = false;
      for (const Mention& g : merged)
        overlaps |= n.first_token < g.end_token && g.first_token < n.end_token;
      if (overlaps) continue;
      // One class noun before a place or organisation the KB does not know stays part of its
      // name ("kosmodrom Vostochny", "pelabuhan Tanjung Priok").
      if (n.lower_lead == 1 && n.type != "PER") {
        --n.first_token;
        n.span.start = toks[n.first_token].span.start;
      }
      merged.push_back(n);
    }
    for (Mention& m : merged) out.push_back(std::move(m));
  }
  AddOpenedNames(doc, lex_, out);
  JoinPlacesNamedAfterPeople(text, toks, lex_, out);
  SplitListedOrganisations(text, toks, lex_, kb_, out);
  ExtendInstitutionNames(text, toks, lex_, kb_, out);
  MergeRegionalOffices(text, toks, lex_, out);
  AddDefinedShortForms(text, toks, lex_, out);
  AttachLegalSuffixes(text, toks, lex_, out);
  TypeSuffixedNames(text, toks, lex_, out);
  DropNonNamesAndTypeInitials(text, toks, lex_, out);
  AddLeftOutNames(doc, out);
  // Document-level consistency: a capitalised word the tagger left out that is the last name of a
  // person named in full elsewhere in the document ("Sedangkan Shoigu memberi hormat" after
  // "Sergei Shoigu") is that person; so is another word of the full name that the tagger found
  // standing alone as a person ("Brigadir Renita" in an article with "Renita Rismayanti" and
  // "kata Renita").
  std::unordered_set<std::string> last_names, name_words, alone;
  std::vector<bool> covered(toks.size(), false), non_person_end(toks.size() + 1, false);
  auto key = [&](size_t t) { return NameKey(form_at(t)); };
  for (const Mention& m : out) {
    for (size_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
    if (m.type != "PER") {
      non_person_end[m.end_token] = true;
    } else if (m.end_token - m.first_token == 1) {
      alone.insert(key(m.first_token));
    } else {
      last_names.insert(key(m.end_token - 1));
      for (size_t t = m.first_token; t + 1 < m.end_token; ++t) name_words.insert(key(t));
    }
  }
  for (const std::string& w : name_words)
    if (alone.count(w)) last_names.insert(w);
  if (!last_names.empty()) {
    // A word of a time expression is no name ("pada Juli lalu" beside "Raja Juli").
    if (doc.timexes)
      for (const Timex& x : *doc.timexes) {
        auto t = std::lower_bound(toks.begin(), toks.end(), x.span.start,
                                  [](const Token& k, size_t at) { return k.span.start < at; });
        for (; t != toks.end() && t->span.end <= x.span.end; ++t) covered[t - toks.begin()] = true;
      }
    for (size_t t = 0; t < toks.size(); ++t) {
      if (covered[t] || toks[t].kind != Token::Kind::kWord || !upper(t)) continue;
      if (!last_names.count(key(t))) continue;
      // Not the first word of a longer capitalised name ("Jaya Negara", "Danone Day"), nor the
      // region right after an organisation's name ("DPRD Bone"); a title may stand before it
      // ("Brigadir Renita").
      if (t + 1 < toks.size() && toks[t + 1].kind == Token::Kind::kWord &&
          text[toks[t + 1].span.start] >= 'A' && text[toks[t + 1].span.start] <= 'Z')
        continue;
      if (non_person_end[t]) continue;
      Mention m;
      m.first_token = t;
      m.end_token = t + 1;
      m.span = toks[t].span;
      m.type = "PER";
      out.push_back(m);
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Mention& a, const Mention& b) { return a.span.start < b.span.start; });
  return out;
}

void EntityStage::AddLeftOutNames(const Document& doc, std::vector<Mention>& out) const {
  const std::string& text = *doc.text;
  const std::vector<Token>& toks = *doc.tokens;
  const TokenText form{text, toks};
  auto capitalised = [&](size_t t) {
    std::string_view f = form(t);
    return toks[t].kind == Token::Kind::kWord && !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
  };
  auto lower = [&](size_t t) {
    std::string_view f = form(t);
    return toks[t].kind == Token::Kind::kWord && !f.empty() && f[0] >= 'a' && f[0] <= 'z';
  };
  // "Eastern Economic Forum in Vladivostok": a name that ends with "in"/"at" and a place — one the
  // KB knows, or one capitalised word — is the name, then the place.
  const size_t n = out.size();
  for (size_t k = 0; k < n; ++k) {
    Mention& m = out[k];
    if (m.kb || m.end_token - m.first_token < 3) continue;
    for (size_t t = m.first_token + 1; t + 1 < m.end_token; ++t) {
      if (form(t) != "in" && form(t) != "at") continue;
      const size_t a = toks[t + 1].span.start, b = toks[m.end_token - 1].span.end;
      const KbEntity* place = kb_.Lookup(std::string_view(text).substr(a, b - a));
      if (place && place->type != "GPE" && place->type != "LOC") continue;
      // Not known to the KB: one capitalised word.
      if (!place && !(m.end_token == t + 2 && capitalised(t + 1))) continue;
      Mention p;
      p.first_token = t + 1;
      p.end_token = m.end_token;
      p.span = {a, b};
      p.type = place ? place->type : "LOC";
      p.kb = place;
      m.end_token = t;
      m.span.end = toks[t - 1].span.end;
      out.push_back(p);
      break;
    }
  }
  std::vector<bool> covered(toks.size(), false), first(toks.size(), false);
  for (const Mention& m : out)
    for (size_t t = m.first_token; t < m.end_token; ++t) covered[t] = true;
  for (const Sentence& s : *doc.sentences)
    if (s.first_token < toks.size()) first[s.first_token] = true;
  auto loc_class = [&](size_t t) {
    if (!lower(t)) return false;
    auto it = lex_.class_types.find(NameKey(form(t)));
    return it != lex_.class_types.end() && it->second == "LOC";
  };
  auto describes = [&](size_t t) {  // a noun or adjective after the class noun ("perbatasan")
    if (!lower(t) || !doc.words) return false;
    const std::string& upos = (*doc.words)[toks[t].first_word].upos;
    return upos == "NOUN" || upos == "ADJ";
  };
  auto after_place_noun = [&](size_t from) {
    return from > 0 && !first[from] &&
           (loc_class(from - 1) || (from > 1 && describes(from - 1) && loc_class(from - 2)));
  };
  // A name the tagger took for a person's after such a class noun is the place ("kota
  // perbatasan Khasan", "jalan Sudirman"), unless the KB knows the person.
  for (Mention& m : out)
    if (m.type == "PER" && !m.kb && m.end_token - m.first_token <= 2 &&
        after_place_noun(m.first_token))
      m.type = "LOC";
  for (size_t t = 1; t < toks.size(); ++t) {
    if (covered[t] || first[t] || !capitalised(t)) continue;
    size_t end = t;
    while (end < toks.size() && !covered[end] && capitalised(end) && (end == t || !first[end]))
      ++end;
    const size_t from = t;
    t = end - 1;
    // "kota perbatasan Khasan", "desa Waerebo": a capitalised word the tagger left out after a
    // place's class noun, or after one and a word describing it, is a place.
    const char* type = nullptr;
    if (after_place_noun(from)) {
      type = "LOC";
    } else if (from > 1 && end - from <= 4 && end + 1 < toks.size() && form(end) == "," &&
               IsClosingQuoteBeforeName(form(from - 1), form(from - 2)) &&
               toks[from - 2].span.end == toks[from - 1].span.start) {
      // "…,” Yang Uk, pakar militer di …": capitalised words between a quote's end and a comma,
      // then a role, are the speaker.
      std::vector<std::string> role = {NameKey(form(end + 1))};
      bool is_role = lex_.OnlyTitles(role);
      if (!is_role && end + 2 < toks.size()) {
        role.push_back(NameKey(form(end + 2)));
        is_role = lex_.OnlyTitles(role);
      }
      if (is_role) type = "PER";
    }
    if (!type) continue;
    // Not titles, units or terms ("kota Kapolres", "…,” Kasi Intel, …").
    std::vector<std::string> words;
    for (size_t k = from; k < end; ++k) words.push_back(NameKey(form(k)));
    if (lex_.OnlyTitles(words) || lex_.not_names.contains(form(from))) continue;
    Mention m;
    m.first_token = from;
    m.end_token = end;
    m.span = {toks[from].span.start, toks[end - 1].span.end};
    m.type = type;
    out.push_back(m);
  }
}

// The dateline ("BEIJING, KOMPAS.com - "): its city is where the article was filed, a place and
// no actor; its outlet token is no participant and goes; a name the tagger ran on from the
// dateline into the sentence ("KOMPAS.com - Presiden China Xi Jinping") starts after it.
void EntityStage::TrimDateline(const Document& doc, std::vector<Mention>& mentions) const {
  const size_t end = doc.meta ? doc.meta->dateline_end : 0;
  if (end == 0) return;
  const std::string& text = *doc.text;
  const std::vector<Token>& toks = *doc.tokens;
  const std::string city = doc.meta->dateline ? NameKey(*doc.meta->dateline) : std::string();
  std::vector<Mention> kept;
  kept.reserve(mentions.size());
  for (Mention& m : mentions) {
    if (m.span.start >= end) {
      kept.push_back(std::move(m));
      continue;
    }
    if (m.span.end <= end) {
      if (!city.empty() &&
          NameKey(std::string_view(text).substr(m.span.start, m.span.size())) == city) {
        m.place = true;
        kept.push_back(std::move(m));
      }
      continue;
    }
    size_t t = m.first_token;
    while (t < m.end_token && toks[t].span.start < end) ++t;
    if (t >= m.end_token) continue;
    m.first_token = t;
    m.span.start = toks[t].span.start;
    m.kb = nullptr;  // the gazetteer matched the whole run
    m.lower_lead = 0;
    // "Presiden China Xi Jinping": a person's title opens what is left.
    const Span& w = toks[t].span;
    if (lex_.title_set.count(NameKey(std::string_view(text).substr(w.start, w.size()))))
      m.type = "PER";
    kept.push_back(std::move(m));
  }
  mentions = std::move(kept);
}

Status EntityStage::Process(Document& doc) const {
  if (!doc.text || !doc.sentences || !doc.tokens)
    return Status::InvalidArgument(
        doc.id + ": the entities stage needs the text layer (run the text stage first)");
  std::vector<Mention> mentions = FindMentions(doc);
  TrimDateline(doc, mentions);
  Linker linker(&kb_, &lex_);
  doc.entities = linker.Link(doc, mentions);
  return Status::Ok();
}

}  // namespace linimasa::entities
