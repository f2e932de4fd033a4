// Word lists of the events and quotes stages (data/events/): the event ontology with CAMEO codes,
// triggers by lemma, and the cue words of modality, speech, clauses, place, agent and pronouns.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "linimasa/status.h"

namespace linimasa::events {

struct TriggerEntry {
  std::string type;
  std::vector<std::string> needs;  // lemma/word that must follow within three words; empty: none
  std::vector<std::string> not_forms;  // forms of the lemma that are not this event
};

struct EventLexicon {
  std::unordered_map<std::string, std::string> cameo;                   // type → CAMEO root code
  std::unordered_map<std::string, std::vector<TriggerEntry>> triggers;  // lemma → entries
  std::unordered_map<std::string, std::unordered_set<std::string>> cues;  // kind → words
  bool Is(const std::string& kind, const std::string& word) const {
    auto it = cues.find(kind);
    return it != cues.end() && it->second.count(word) > 0;
  }
  static Result<EventLexicon> Load(const std::string& data_dir);
};

}  // namespace linimasa::events
