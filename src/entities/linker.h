// Entity linking inside one document: mentions (from the NER tagger and the KB gazetteer) become
// canonical entities with stable ids.
//
// Mechanisms, in order:
//  1. KB lookup of the mention without its leading titles ("Presiden Putin" → "Putin"; titles are
//     data/kb/titles.tsv), by NameKey and, for people, by VariantKey (Sergey = Sergei).
//  2. Capitals and seats of government (KB `acts_for`) stand for their state unless a locative word
//     precedes them (data/kb/locative.tsv: "di Pyongyang", "ke Moskow" stay the city).
//  3. Acronym ↔ expansion in the same document: "Partai Buruh Korut (WPK)", "DPRK (nama resmi
//     Korut)" — a mention followed by a parenthesised mention is one entity; and an all-capitals
//     mention whose letters are the initials of a longer mention.
//  4. People: spelling variants (VariantKey), then short names and titles ("Kim", "Presiden Kim")
//     join the nearest earlier (else later) fuller name whose words contain theirs; a lone surname
//     with no fuller form in the document links to a KB person with that surname when unique.
//  5. Everything else: the fullest form in the document is the canonical name; the id is the type
//     and the VariantKey of that form ("per:kim_jong_un"), so the same name gets the same id in any
//     document. Places and organisations: class nouns translated to English and the words sorted
//     ("kosmodrom Vostochny" = "Vostochny Cosmodrome" = loc:cosmodrome_vostochni); an
//     organisation's id leaves out legal forms ("PT Adaro Energy Tbk" = org:adaro_energy).
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_set.h"
#include "entities/kb.h"
#include "linimasa/document.h"

namespace linimasa::entities {

struct Mention {
  size_t first_token = 0, end_token = 0;  // tokens [first, end)
  Span span;                              // into the text
  std::string type;                       // PER ORG LOC (from NER) or the KB type
  const KbEntity* kb = nullptr;           // set by the gazetteer match
  size_t lower_lead = 0;  // lower-case words the tagger put before the name ("kosmodrom")
  bool place = false;     // a place where it stands, whatever it is elsewhere (a dateline's city)
};

struct LinkerLexicon {
  std::vector<std::string> titles;  // NameKeys, longest first
  StringSet title_set;              // the same, for lookups
  StringSet region_titles;          // titles of a region's head (TAB "region": bupati, gubernur)
  StringSet office_units;     // units after a head's title ("intel", "pidsus"): office_units.tsv
  StringSet not_names;        // terms as written that are no names ("OTT", "IHSG"): not_names.tsv
  StringSet person_cues;      // words before a person's initials ("berinisial"): person_cues.tsv
  StringSet suffix_surnames;  // organisation suffixes that are family names too ("Holding")
  StringSet currencies;       // currency words before their country ("dolar AS"): currencies.tsv
  StringSet
      product_makers;     // KB ids of makers whose name opens their products': product_makers.tsv
  StringSet place_words;  // words that go on with a place's name ("Selatan"): place_words.tsv
  // Whether NameKey words `w` are only titles and office units ("kasi intel", "akbp").
  bool OnlyTitles(const std::vector<std::string>& w) const;
  std::unordered_set<std::string> locative;      // lower-case words before a place
  std::unordered_set<std::string> acronym_skip;  // function words initials skip ("dan", "of")
  std::unordered_map<std::string, std::string> class_nouns;  // "kosmodrom" → "cosmodrome"
  // Both languages' class nouns → the type a name with one has ("cosmodrome" → LOC).
  std::unordered_map<std::string, std::string> class_types;
  // Class nouns of places often named after people ("Stadion Kapten I Wayan Dipta", "Bandara
  // Soekarno-Hatta"): class_nouns.tsv's fourth column `people`.
  StringSet named_after_people;
  // Words that open an institution's name (data/kb/institutions.tsv, one or two words).
  StringSet institutions;
  // Those of them that name an office by the region written after them (TAB "region": "polres").
  StringSet regional_offices;
  // Short forms that name an office on their own ("Bappeda", "Polres"): institutions.tsv TAB
  // "alone".
  StringSet standalone_offices;
  // Words that open the name of another organisation (data/kb/org_openers.tsv: "yayasan", "tim",
  // "pt"), and those of them that are legal forms ("pt", "cv").
  StringSet org_openers, legal_forms;
  // Long forms that name a kind of organisation (data/kb/org_kinds.tsv: "badan usaha milik
  // negara"), and the openers of such long forms (TAB "prefix": "badan usaha").
  StringSet org_kinds, org_kind_prefixes;
  // Whether NameKey words `w` name a kind of organisation rather than one.
  bool OrganisationKind(const std::vector<std::string>& w) const;
  // Words that close an organisation's name ("limited", "institute"; data/kb/org_suffixes.tsv),
  // and those of them that are legal forms written after a company's name ("persero", "tbk").
  StringSet org_suffixes, legal_suffixes;
  StringSet legal_variants;  // VariantKeys of legal_forms and legal_suffixes (for ids)
  // How many of the NameKey words `w` from `at` open an institution's name: 0 when none do. Class
  // nouns of organisations ("kementerian", "universitas") count too.
  size_t InstitutionOpener(const std::vector<std::string>& w, size_t at) const;
  // InstitutionOpener or the opener of another organisation's name ("Yayasan …", "PT …").
  size_t OrganisationOpener(const std::vector<std::string>& w, size_t at) const;
  // Whether NameKey words `w` name an organisation by their first words (OrganisationOpener) or
  // their last: an organisation suffix or a class noun of organisations ("… Limited", "… Bank").
  bool OrganisationName(const std::vector<std::string>& w) const;
  static Result<LinkerLexicon> Load(const std::string& data_dir);
};

class Linker {
 public:
  Linker(const Kb* kb, const LinkerLexicon* lex) : kb_(kb), lex_(lex) {}
  // Links `mentions` (sorted by start, non-overlapping) of `doc` (text and tokens set).
  std::vector<Entity> Link(const Document& doc, const std::vector<Mention>& mentions) const;
  // The mention's name without leading titles ("Presiden Kim" → "Kim").
  std::string_view StripTitles(std::string_view name) const;

 private:
  const Kb* kb_;
  const LinkerLexicon* lex_;
};

}  // namespace linimasa::entities
