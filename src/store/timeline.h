// Cross-document timeline: event mentions from many documents merged into events, with
// provenance and contradiction flags. Pure functions over what the store returns.
//
// Merging: two mentions are one event when
//  - their types are equal (ARRIVE and VISIT count as one kind: an arrival starts a visit);
//  - their participants overlap: a shared actor id (for MEET, whose participants are symmetric, any
//    shared participant), and shared targets where both name targets — a head of state or
//    government and the state they lead count as one, and so do a person an article names by one
//    word only and the one full name among the mentions with that word ("Afifuddin" and
//    "Mochammad Afifuddin"; the event shows the full name);
//  - their dates are compatible: one is a prefix of the other ("2022-02" ⊇ "2022-02-24"), or
//    both are days at most 7 days apart where one of them is planned or only dated by its
//    article's publication day (a planned visit and its report as happened).
// A mention without a time is dated by its article's publication day; one whose time is not a
// calendar date (PAST_REF: "sempat", "pernah" and no date) stays undated.
// The merged event takes the date, type and place of its best-evidenced mention: an explicit date
// over the publication-day default, asserted/reported over planned over alleged over hypothetical
// over denied, a date outside any weekday/date mismatch over one inside.
//
// Flags: weekday_mismatch (from the time layer), date_disagreement (explicitly dated mentions of
// one event from different documents giving different days), denial_conflict (an event one
// document denies and another asserts, reports or alleges), anachronism (an article reports as
// having happened an event it dates after its own publication day).
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "linimasa/store.h"

namespace linimasa::timeline {

struct MergedEvent {
  std::string date;  // ISO, at the precision known; "" when no date is known
  std::string type, modality, where, where_id;
  std::vector<std::string> who, who_ids, whom, whom_ids, reported_by;
  std::vector<const StoredEventMention*> mentions;
  std::vector<std::string> mention_dates;  // per mention: its own date
  // After MarkCopies: per mention, the document its article copies ("" when none), and the
  // independent reports — `reported_by` with each group of near-duplicate copies counted once
  // (by its original where the original reports the event, else by its first document).
  std::vector<std::string> mention_copy_of;
  std::vector<std::string> independent;
};

struct ContradictionFlag {
  std::string kind;
  std::vector<std::string> docs;
  std::string text, message;
};

struct Timeline {
  std::vector<MergedEvent> events;  // by date, undated last
  std::vector<ContradictionFlag> flags;
};

struct Filter {
  // Keep events with one of these as participant or place; empty: all. With any filter set, the
  // flags kept are those about the events kept (a mention that passes the filter, a document
  // that reports a kept event).
  std::vector<std::string> entity_ids;
  std::string type, outlet, from, to;  // empty: no constraint
};

// `leads` (may be null): person id → id of the state they lead (data/kb `leads`); such a person
// and their state count as one participant when mentions are merged.
Timeline Build(const std::vector<StoredEventMention>& mentions,
               const std::vector<StoredFlag>& flags, const Filter& filter = {},
               const std::unordered_map<std::string, std::string>* leads = nullptr);

// An event a timeline can place and attribute: it has a date and at least one actor. The others
// ("someone attacked Ukraine", an undated visit in an article without a publication date) stay
// stored and searchable; `linimasa timeline --all` shows them too.
bool Complete(const MergedEvent& e);

// Marks the near-duplicate copies among each event's reports (`copy_of`: document → the original
// it copies, as stories::FindCopies finds them), filling `mention_copy_of` and `independent`.
void MarkCopies(Timeline& t, const std::unordered_map<std::string, std::string>& copy_of);

// True when the period of `date` ("2022-02" = the whole month) overlaps [from, to] (either may be
// empty).
bool Overlaps(const std::string& date, const std::string& from, const std::string& to);

}  // namespace linimasa::timeline
