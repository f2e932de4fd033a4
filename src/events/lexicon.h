// Word lists of the events and quotes stages (data/events/): the event ontology with CAMEO codes,
// triggers by lemma, and the cue words of modality, speech, clauses, place, agent and pronouns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/string_set.h"
#include "linimasa/status.h"

namespace linimasa::events {

struct TriggerEntry {
  std::string type;
  std::vector<std::string> needs;  // lemma/word that must follow within three words; empty: none
  std::vector<std::string> not_forms;  // forms of the lemma that are not this event
};

// The (kind, word) pairs of cues.tsv in one flat open-addressing table under one inline hash of
// both: Is() runs for the words around every trigger candidate and quote cue, and a kind → word
// set pair of std::unordered containers (two hashes, two pointer chases) was most of the events
// stage's time. Written here: a few hundred fixed pairs need no general-purpose map.
class CueTable {
 public:
  void Insert(std::string_view kind, std::string_view word);
  bool Contains(std::string_view kind, std::string_view word) const {
    if (slots_.empty()) return false;
    const uint64_t h = Hash(kind, word);
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.key.empty()) return false;
      if (s.hash == h && s.kind_size == kind.size() && s.key.size() == kind.size() + word.size() &&
          std::string_view(s.key).substr(0, kind.size()) == kind &&
          std::string_view(s.key).substr(kind.size()) == word)
        return true;
    }
  }

 private:
  static uint64_t Hash(std::string_view kind, std::string_view word) {  // FNV-1a
    uint64_t h = 0xcbf29ce484222325ULL;
    for (char c : kind) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ULL;
    h = (h ^ 0x1F) * 0x100000001b3ULL;
    for (char c : word) h = (h ^ static_cast<uint8_t>(c)) * 0x100000001b3ULL;
    return h ^ (h >> 29);
  }
  struct Slot {
    uint64_t hash = 0;
    size_t kind_size = 0;
    std::string key;  // kind + word; empty: a free slot (kinds are never empty)
  };
  std::vector<Slot> slots_;
  size_t mask_ = 0, used_ = 0;
};

struct EventLexicon {
  StringMap<std::string> cameo;                   // type → CAMEO root code
  StringMap<std::vector<TriggerEntry>> triggers;  // lemma → entries
  CueTable cues;                                  // (kind, word)
  bool Is(std::string_view kind, std::string_view word) const { return cues.Contains(kind, word); }
  static Result<EventLexicon> Load(const std::string& data_dir);
};

}  // namespace linimasa::events
