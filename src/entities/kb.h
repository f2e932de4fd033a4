// Knowledge base of canonical entities (data/kb/*.tsv; format in data/kb/README.md): countries and
// territories with ISO 3166 codes (generated from Debian iso-codes), capitals and seats of
// government that act for their state, international organisations, news agencies, state
// institutions and prominent office holders — each with its aliases in Indonesian and English.
//
// Names are compared by NameKey(): lower case, Latin diacritics folded, hyphens, dots and
// apostrophes as spaces, blanks collapsed ("Kim Jong-un" = "kim jong un"). VariantKey() also folds
// common transliteration variants word by word (a final -y/-iy/-yy as -i: "Sergey" = "Sergei";
// doubled letters single), used for people.
//
// Thread-safety: immutable once loaded.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_set.h"
#include "linimasa/status.h"

namespace linimasa::entities {

struct KbEntity {
  std::string id;                  // "gpe:KP", "org:kcna", "per:vladimir_putin"
  std::string type;                // PER ORG LOC GPE
  std::string canonical;           // English where known
  std::string iso;                 // ISO 3166 code of a country ("KP"), empty otherwise
  std::string acts_for;            // id of the state a capital/seat stands for when it acts
  std::string part_of;             // id of the containing place
  std::string leads;               // for a head of state or government: id of the state they lead
  std::vector<std::string> words;  // the NameKey words of its names, sorted, once each
  bool by_last_name = true;        // a person the news names by the last word alone ("Putin")
  bool HasWord(const std::string& key) const {
    return std::binary_search(words.begin(), words.end(), key);
  }
};

std::string NameKey(std::string_view name);
std::string VariantKey(std::string_view name);

class Kb {
 public:
  // Loads countries.tsv, regions.tsv, then entities.tsv from `data_dir`/kb, then each of `extra`
  // (user files,
  // `--kb`). Rows with a known id merge into it. An unreadable or malformed file is an error naming
  // the file and line.
  static Result<Kb> Load(const std::string& data_dir, const std::vector<std::string>& extra = {});
  // Adds the rows of one TSV file (see data/kb/README.md).
  Status AddFile(const std::string& path);
  // Adds one entity row; aliases are added as given.
  void Add(const KbEntity& e, const std::vector<std::string>& aliases);

  // The entity an alias names; nullptr when none. `surface` is the text as written: an alias
  // written in capitals only (AS, RI, PBB) matches only when written the same way.
  const KbEntity* Lookup(std::string_view surface) const;
  // A person whose last name is `key` (a NameKey), when exactly one KB person has it.
  const KbEntity* PersonBySurname(const std::string& key) const;
  const KbEntity* ById(const std::string& id) const;
  // Longest alias length in words (bounds the gazetteer scan).
  size_t size() const { return entities_.size(); }
  const std::vector<KbEntity>& entities() const { return entities_; }
  // The most words (NameKey words) of an alias whose first word key is `key`; 0 when none starts
  // with it (the gazetteer scan's pre-filter and the longest span it tries there).
  size_t AliasWordsFrom(std::string_view first_word_key) const {
    auto it = first_words_.find(first_word_key);
    return it == first_words_.end() ? 0 : it->second;
  }

 private:
  struct Alias {
    size_t entity;
    bool exact_case;      // written in capitals only: match only as written
    std::string surface;  // as written in the KB
  };
  std::vector<KbEntity> entities_;
  StringMap<size_t> by_id_;
  StringMap<std::vector<Alias>> aliases_;   // NameKey → aliases
  StringMap<std::vector<Alias>> variants_;  // VariantKey → person aliases
  StringMap<size_t> surnames_;              // NameKey of last word → entity (npos: ambiguous)
  // First word (NameKey) of an alias → the most words of an alias that starts with it.
  StringMap<size_t> first_words_;
};

}  // namespace linimasa::entities
