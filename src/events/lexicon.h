// Word lists of the events and quotes stages (data/events/): the event ontology with CAMEO codes,
// triggers by lemma, and the cue words of modality, speech, clauses, place, agent and pronouns.
#pragma once

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

struct EventLexicon {
  StringMap<std::string> cameo;                   // type → CAMEO root code
  StringMap<std::vector<TriggerEntry>> triggers;  // lemma → entries
  StringMap<StringSet> cues;                      // kind → words
  bool Is(std::string_view kind, std::string_view word) const {
    auto it = cues.find(kind);
    return it != cues.end() && it->second.find(word) != it->second.end();
  }
  static Result<EventLexicon> Load(const std::string& data_dir);
};

}  // namespace linimasa::events
