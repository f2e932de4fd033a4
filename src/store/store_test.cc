#include "linimasa/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <map>

#include "store/timeline.h"

namespace linimasa {
namespace {

StoredEventMention M(std::string doc, std::string type, std::vector<std::string> actors,
                     std::optional<std::string> time, std::string modality = "asserted",
                     std::string published = "2024-06-19", std::vector<std::string> targets = {}) {
  StoredEventMention m;
  m.doc_id = std::move(doc);
  m.type = std::move(type);
  m.actors = actors;
  m.actor_ids = actors;
  m.targets = targets;
  m.target_ids = targets;
  m.time = std::move(time);
  m.modality = std::move(modality);
  m.published = std::move(published);
  return m;
}

TEST(Timeline, MergesAcrossDocumentsAndKeepsProvenance) {
  std::vector<StoredEventMention> ms = {
      M("a", "VISIT", {"per:putin"}, "2024-06-19"),
      M("b", "VISIT", {"per:putin"}, "2024-06-16", "planned", "2024-06-14"),
      M("c", "VISIT", {"per:biden"}, "2024-06-19"),
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 2u);
  const auto& e = t.events[0].who_ids[0] == "per:putin" ? t.events[0] : t.events[1];
  EXPECT_EQ(e.date, "2024-06-19");  // asserted over planned
  EXPECT_EQ(e.reported_by, (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(t.flags.size(), 1u);
  EXPECT_EQ(t.flags[0].kind, "date_disagreement");
  EXPECT_EQ(t.flags[0].docs, (std::vector<std::string>{"a", "b"}));
}

// A photo caption's mention fills in what the body leaves out (the place), but the body's mention
// heads the event: its date, at the granularity the body gives, and its modality.
TEST(Timeline, ACaptionFillsInWhatTheBodyLeavesOut) {
  std::vector<StoredEventMention> ms = {
      M("a", "MEET", {"per:kim", "per:putin"}, "2019-04-25"),
      M("a", "MEET", {"per:kim", "per:putin"}, "2019"),
  };
  ms[0].caption = true;
  ms[0].place = "Vladivostok";
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].date, "2019");
  EXPECT_EQ(t.events[0].where, "Vladivostok");
  ASSERT_EQ(t.events[0].mentions.size(), 2u);
  EXPECT_FALSE(t.events[0].mentions[0]->caption);
  EXPECT_EQ(t.flags.size(), 0u);  // a finer date is no disagreement
}

TEST(Timeline, ALeaderAndTheStateTheyLeadAreOneParticipant) {
  std::vector<StoredEventMention> ms = {
      M("a", "SUPPLY_ARMS", {"per:kim_jong_un"}, "2023-09-13"),
      M("b", "SUPPLY_ARMS", {"gpe:KP"}, "2023-09-13"),
      M("c", "SUPPLY_ARMS", {"gpe:IR"}, "2023-09-13"),
  };
  // Without the knowledge base the two names stay two events …
  EXPECT_EQ(timeline::Build(ms, {}).events.size(), 3u);
  // … with it, Kim Jong Un supplying arms and North Korea supplying arms on one day are one.
  const std::unordered_map<std::string, std::string> leads = {{"per:kim_jong_un", "gpe:KP"}};
  auto t = timeline::Build(ms, {}, {}, &leads);
  ASSERT_EQ(t.events.size(), 2u);
  const auto& e = t.events[0].reported_by.size() == 2 ? t.events[0] : t.events[1];
  EXPECT_EQ(e.reported_by, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(e.who_ids.size(), 2u);  // both names kept
}

TEST(Timeline, APastReferenceIsUndatedNotThePublicationDay) {
  std::vector<StoredEventMention> ms = {M("a", "SANCTION", {"gpe:RU"}, "PAST_REF"),
                                        M("b", "SANCTION", {"gpe:RU"}, std::nullopt)};
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 2u);  // an undated past reference does not join today's report
  for (const auto& e : t.events)
    EXPECT_EQ(e.date, e.reported_by[0] == "a" ? "" : "2024-06-19") << e.reported_by[0];
}

// A mention compatible with two events joins the better-evidenced one, whichever participant
// links it (events are looked up by participant; the first in evidence order must still win).
TEST(Timeline, AnEventIsCompleteWithADateAndAnActor) {
  timeline::MergedEvent e;
  e.type = "ATTACK";
  e.whom = {"Ukraine"};
  EXPECT_FALSE(timeline::Complete(e));  // no date, no actor
  e.date = "2022-02";
  EXPECT_FALSE(timeline::Complete(e));  // someone attacked Ukraine: not attributable
  e.who = {"Russia"};
  EXPECT_TRUE(timeline::Complete(e));
  e.date.clear();
  EXPECT_FALSE(timeline::Complete(e));  // cannot be placed
}

TEST(Timeline, AMentionJoinsTheBestEvidencedOfTheEventsItFits) {
  std::vector<StoredEventMention> ms = {
      M("a", "ATTACK", {"gpe:zz"}, "2024-06-19"),            // explicit date: first
      M("b", "ATTACK", {"gpe:aa"}, std::nullopt),            // publication day only
      M("c", "ATTACK", {"gpe:aa", "gpe:zz"}, "2024-06"),     // fits both
      M("d", "ATTACK", {"gpe:yy"}, "2024-06-19", "denied"),  // shares no actor
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 3u);
  std::map<std::string, std::vector<std::string>> by_first_actor;
  for (const auto& e : t.events) by_first_actor[e.who_ids[0]] = e.reported_by;
  EXPECT_EQ(by_first_actor["gpe:zz"], (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(by_first_actor["gpe:aa"], (std::vector<std::string>{"b"}));
  for (const auto& f : t.flags) EXPECT_NE(f.kind, "denial_conflict");  // d's actor is not theirs
}

// Wire copies are reports, but not independent ones: a group of copies counts once, by its
// original where the original reports the event.
TEST(Timeline, CopiesOfOneReportCountOnceAsIndependentReports) {
  std::vector<StoredEventMention> ms = {
      M("antara", "VISIT", {"per:putin"}, "2024-06-19"),
      M("copy1", "VISIT", {"per:putin"}, "2024-06-19"),
      M("copy2", "VISIT", {"per:putin"}, "2024-06-19"),
      M("own", "VISIT", {"per:putin"}, "2024-06-19"),
      M("x", "MEET", {"per:kim"}, "2024-06-19"),
      M("y", "MEET", {"per:kim"}, "2024-06-19"),
  };
  auto t = timeline::Build(ms, {});
  timeline::MarkCopies(t, {{"copy1", "antara"}, {"copy2", "antara"}, {"y", "wire"}});
  ASSERT_EQ(t.events.size(), 2u);
  for (const auto& e : t.events) {
    ASSERT_EQ(e.mention_copy_of.size(), e.mentions.size());
    if (e.type == "VISIT") {
      EXPECT_EQ(e.reported_by.size(), 4u);
      EXPECT_EQ(e.independent, (std::vector<std::string>{"antara", "own"}));
      for (size_t k = 0; k < e.mentions.size(); ++k)
        EXPECT_EQ(e.mention_copy_of[k],
                  e.mentions[k]->doc_id.rfind("copy", 0) == 0 ? "antara" : "");
    } else {  // "y" copies a report ("wire") that does not mention the meeting: it still counts
      EXPECT_EQ(e.independent, (std::vector<std::string>{"x", "y"}));
    }
  }
}

TEST(Timeline, OneDisagreementIsOneFlagForAllTheEventsItDates) {
  std::vector<StoredEventMention> ms = {
      M("a", "VISIT", {"per:putin"}, "2024-06-19"),
      M("b", "VISIT", {"per:putin"}, "2024-06-16", "planned", "2024-06-14"),
      M("a", "MEET", {"per:putin"}, "2024-06-19", "asserted", "2024-06-19", {"per:kim"}),
      M("b", "MEET", {"per:putin"}, "2024-06-16", "planned", "2024-06-14", {"per:kim"}),
  };
  auto t = timeline::Build(ms, {});
  EXPECT_EQ(t.events.size(), 2u);
  ASSERT_EQ(t.flags.size(), 1u);
  EXPECT_NE(t.flags[0].message.find("VISIT and MEET"), std::string::npos) << t.flags[0].message;
}

TEST(Timeline, GranularityAndDistanceDecideCompatibility) {
  std::vector<StoredEventMention> ms = {
      M("a", "ATTACK", {"gpe:RU"}, "2022-02"), M("b", "ATTACK", {"gpe:RU"}, "2022-02-24"),
      M("c", "ATTACK", {"gpe:RU"}, "2022-05-01"),  // explicit, asserted, far: another event
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[0].date, "2022-02-24");  // the finer explicit date
  EXPECT_EQ(t.events[0].reported_by.size(), 2u);
}

TEST(Timeline, ExplicitDateBeatsPublicationDefaultAndArriveIsAVisit) {
  std::vector<StoredEventMention> ms = {
      M("a", "ARRIVE", {"per:kim"}, std::nullopt, "asserted", "2023-09-13"),
      M("b", "VISIT", {"per:kim"}, "2023-09-12", "asserted", "2023-09-13"),
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].date, "2023-09-12");
  EXPECT_TRUE(t.flags.empty());  // a publication-day default does not disagree
  EXPECT_EQ(t.events[0].reported_by, (std::vector<std::string>{"a", "b"}));  // an arrival attests
}

TEST(Timeline, AnUndatedMentionOfTheWholeVisitDoesNotAttestADatedArrival) {
  std::vector<StoredEventMention> ms = {
      M("a", "ARRIVE", {"per:kim"}, "2023-09-12", "asserted", "2023-09-13"),
      M("b", "VISIT", {"per:kim"}, std::nullopt, "asserted", "2023-09-13"),
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].type, "ARRIVE");
  EXPECT_EQ(t.events[0].mentions.size(), 2u);  // still listed
  EXPECT_EQ(t.events[0].reported_by, (std::vector<std::string>{"a"}));
}

TEST(Timeline, MeetIsSymmetricButOtherTypesNeedASharedActor) {
  std::vector<StoredEventMention> ms = {
      M("a", "MEET", {"per:kim"}, "2023-09-13", "asserted", "2023-09-13", {"per:putin"}),
      M("b", "MEET", {"per:putin"}, "2023-09-13", "asserted", "2023-09-13", {"per:kim"}),
      M("c", "SANCTION", {"gpe:US"}, "2023-09-13", "asserted", "2023-09-13", {"gpe:KP"}),
      M("d", "SANCTION", {"gpe:KP"}, "2023-09-13", "asserted", "2023-09-13", {"gpe:US"}),
  };
  auto t = timeline::Build(ms, {});
  EXPECT_EQ(t.events.size(), 3u);
}

TEST(Timeline, AMeetingWithSomeoneElseIsAnotherMeeting) {
  std::vector<StoredEventMention> ms = {
      M("a", "MEET", {"per:kim"}, "2023-09-13", "asserted", "2023-09-13", {"per:putin"}),
      M("b", "MEET", {"per:kim"}, std::nullopt, "asserted", "2023-09-13", {"per:kozlov"}),
      M("c", "MEET", {"per:putin"}, std::nullopt, "asserted", "2023-09-13"),  // one side only
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 2u);
  EXPECT_EQ(t.events[0].reported_by, (std::vector<std::string>{"a", "c"}));
}

TEST(Timeline, ThePlaceThatIsTheTargetIsNoPlaceOfItsOwn) {
  std::vector<StoredEventMention> ms = {
      M("a", "ATTACK", {"gpe:RU"}, "2022-02", "asserted", "2023-09-13", {"gpe:UA"}),
      M("a", "ATTACK", {"gpe:RU"}, "2022-02", "asserted", "2023-09-13"),
  };
  ms[1].place = "Ukraine";
  ms[1].place_id = "gpe:UA";
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].where, "");
  ms[1].place = "Kyiv";
  ms[1].place_id = "gpe:kyiv";
  t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].where, "Kyiv");
}

TEST(Timeline, DenialAgainstAnAllegationIsFlagged) {
  std::vector<StoredEventMention> ms = {
      M("a", "SUPPLY_ARMS", {"gpe:KP"}, std::nullopt, "denied", "2023-09-13"),
      M("b", "SUPPLY_ARMS", {"gpe:KP"}, std::nullopt, "alleged", "2024-06-14"),
  };
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.flags.size(), 1u);
  EXPECT_EQ(t.flags[0].kind, "denial_conflict");
  EXPECT_EQ(t.flags[0].docs, (std::vector<std::string>{"a", "b"}));
}

TEST(Timeline, FiltersByEntityTypeAndOverlappingDates) {
  std::vector<StoredEventMention> ms = {M("a", "ATTACK", {"gpe:RU"}, "2022-02"),
                                        M("b", "MEET", {"per:kim"}, "2023-09-13")};
  timeline::Filter f;
  f.from = "2022-02-24";
  f.to = "2022-02-24";
  auto t = timeline::Build(ms, {}, f);
  ASSERT_EQ(t.events.size(), 1u);  // the month overlaps the day
  EXPECT_EQ(t.events[0].type, "ATTACK");
  f = {};
  f.entity_ids = {"per:kim"};
  EXPECT_EQ(timeline::Build(ms, {}, f).events.size(), 1u);
  f = {};
  f.type = "VISIT";
  EXPECT_TRUE(timeline::Build(ms, {}, f).events.empty());
  EXPECT_TRUE(timeline::Overlaps("2022", "2022-12-31", ""));
  EXPECT_FALSE(timeline::Overlaps("2022-02", "2022-03-01", ""));
  EXPECT_TRUE(timeline::Overlaps("2023-09-13", "2023-09", "2023-09"));  // a month window
  EXPECT_FALSE(timeline::Overlaps("2023-10-01", "2023-09", "2023-09"));
}

// A person one article names by one word is the one another names in full, when only one full
// name has that word.
TEST(Timeline, AOneWordNameIsTheOnlyFullNameWithThatWord) {
  auto person = [](std::string doc, std::string id, std::string name) {
    StoredEventMention m = M(std::move(doc), "AGREE", {}, "2025-09-16");
    m.actor_ids = {std::move(id)};
    m.actors = {std::move(name)};
    return m;
  };
  std::vector<StoredEventMention> ms = {
      person("a", "per:afifudin", "Afifuddin"),
      person("b", "per:mochamad_afifudin", "Mochammad Afifuddin")};
  auto t = timeline::Build(ms, {});
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].who, std::vector<std::string>{"Mochammad Afifuddin"});
  EXPECT_EQ(t.events[0].reported_by, (std::vector<std::string>{"a", "b"}));
  timeline::Filter f;
  f.entity_ids = {"per:afifudin"};
  EXPECT_EQ(timeline::Build(ms, {}, f).events.size(), 1u);
  // Two full names with the word: the one-word name stays itself.
  ms.push_back(person("c", "per:ahmad_afifudin", "Ahmad Afifuddin"));
  EXPECT_EQ(timeline::Build(ms, {}).events.size(), 3u);
}

// A filtered timeline keeps the flags about what it shows; a place is an entity to filter by.
TEST(Timeline, AFilteredTimelineKeepsTheFlagsAboutItsEventsAndMatchesPlaces) {
  std::vector<StoredEventMention> ms = {
      M("a", "SUPPLY_ARMS", {"gpe:KP"}, std::nullopt, "denied", "2023-09-13"),
      M("b", "SUPPLY_ARMS", {"gpe:KP"}, std::nullopt, "alleged", "2024-06-14"),
      M("c", "PROTEST", {"org:buruh"}, "2025-10-20", "asserted", "2025-10-20"),
  };
  ms[2].place = "West Java";
  ms[2].place_id = "gpe:ID-JB";
  StoredFlag w;
  w.doc_id = "c";
  w.kind = "weekday_mismatch";
  StoredFlag other = w;
  other.doc_id = "z";
  auto all = timeline::Build(ms, {w, other});
  EXPECT_EQ(all.flags.size(), 3u);  // the denial conflict and both mismatches
  timeline::Filter f;
  f.entity_ids = {"gpe:ID-JB"};
  auto t = timeline::Build(ms, {w, other}, f);
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].type, "PROTEST");
  ASSERT_EQ(t.flags.size(), 1u);
  EXPECT_EQ(t.flags[0].kind, "weekday_mismatch");
  EXPECT_EQ(t.flags[0].docs, std::vector<std::string>{"c"});
  f.entity_ids = {"gpe:KP"};
  t = timeline::Build(ms, {w, other}, f);
  ASSERT_EQ(t.flags.size(), 1u);
  EXPECT_EQ(t.flags[0].kind, "denial_conflict");
}

TEST(Timeline, FlagsAnEventReportedAsPastButDatedAfterPublication) {
  std::vector<StoredEventMention> ms = {
      M("a", "VISIT", {"per:putin"}, "2024-06-25", "asserted", "2024-06-19"),  // after publication
      M("b", "VISIT", {"per:putin"}, "2024-06-25", "planned", "2024-06-19"),   // planned: fine
      M("c", "MEET", {"per:kim"}, "2024-06-19", "asserted", "2024-06-19T10:00+07:00"),  // same day
  };
  auto t = timeline::Build(ms, {});
  size_t n = 0;
  for (const auto& f : t.flags)
    if (f.kind == "anachronism") {
      ++n;
      EXPECT_EQ(f.docs, std::vector<std::string>{"a"});
      EXPECT_NE(f.message.find("after its publication"), std::string::npos);
    }
  EXPECT_EQ(n, 1u);
}

TEST(SqliteStore, IdempotentVersionedAndReadable) {
  std::string path = ::testing::TempDir() + "/store_test.db";
  std::remove(path.c_str());
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document d;
  d.id = "doc1";
  d.raw = "Putin mengunjungi Korea Utara.";
  d.text = d.raw;
  d.source.url = "https://example.com/a";
  d.sentences = std::vector<Sentence>{{{0, d.text->size()}, 0, 0}};
  Event e;
  e.type = "VISIT";
  e.actors = {"Vladimir Putin"};
  e.actor_ids = {"per:vladimir_putin"};
  e.modality = "asserted";
  d.events = std::vector<Event>{e};
  d.entities = std::vector<Entity>{{{0, 5}, "PER", "Vladimir Putin", "per:vladimir_putin", ""}};
  ASSERT_TRUE((*store)->Begin().ok());
  EXPECT_TRUE(*(*store)->Put(d));
  EXPECT_FALSE(*(*store)->Put(d));  // same content: stored once
  d.raw += " Ia disambut Kim.";     // same URL, new text: a new version
  EXPECT_TRUE(*(*store)->Put(d));
  ASSERT_TRUE((*store)->Commit().ok());
  EXPECT_EQ(*(*store)->DocumentCount(), 2u);
  auto ms = (*store)->EventMentions();
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(ms->size(), 1u);  // only the latest version is read
  EXPECT_EQ((*ms)[0].sentence_text, "Putin mengunjungi Korea Utara.");
  Document moved = d;  // the same URL under another id is a new version of that article too
  moved.id = "doc1-renamed";
  moved.raw += " Lalu ia pulang.";
  ASSERT_TRUE((*store)->Begin().ok());
  EXPECT_TRUE(*(*store)->Put(moved));
  ASSERT_TRUE((*store)->Commit().ok());
  ms = (*store)->EventMentions();
  ASSERT_TRUE(ms.ok());
  ASSERT_EQ(ms->size(), 1u);
  EXPECT_EQ((*ms)[0].doc_id, "doc1-renamed");
  auto ids = (*store)->ResolveEntity("putin");
  ASSERT_TRUE(ids.ok());
  EXPECT_EQ(*ids, (std::vector<std::string>{"per:vladimir_putin"}));
}

// A document whose rows cannot all be written leaves none of them; those stored before it in the
// same transaction stay, and the next one is stored.
TEST(SqliteStore, ADocumentThatFailsHalfWayLeavesNoRows) {
  std::string path = ::testing::TempDir() + "/store_partial.db";
  std::remove(path.c_str());
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  {  // events are refused while the trigger stands (as a full disk would refuse them)
    sqlite3* h = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &h), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(h,
                           "CREATE TRIGGER refuse BEFORE INSERT ON events WHEN NEW.type = 'ATTACK'"
                           " BEGIN SELECT RAISE(ABORT, 'refused'); END",
                           nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(h);
  }
  auto doc = [](const std::string& id, const std::string& type) {
    Document d;
    d.id = id;
    d.raw = "Putin bertemu Kim di Vladivostok. " + id;
    d.text = d.raw;
    d.sentences = std::vector<Sentence>{{{0, d.text->size()}, 0, 0}};
    d.entities = std::vector<Entity>{{{0, 5}, "PER", "Vladimir Putin", "per:" + id, ""}};
    Event e;
    e.type = type;
    e.actors = {"Vladimir Putin"};
    e.modality = "asserted";
    d.events = std::vector<Event>{e};
    return d;
  };
  ASSERT_TRUE((*store)->Begin().ok());
  EXPECT_TRUE((*store)->Put(doc("a", "MEET")).ok());
  auto failed = (*store)->Put(doc("b", "ATTACK"));
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("refused"), std::string::npos);
  EXPECT_TRUE((*store)->Put(doc("c", "MEET")).ok());
  ASSERT_TRUE((*store)->Commit().ok());
  EXPECT_EQ(*(*store)->DocumentCount(), 2u);
  auto ms = (*store)->EventMentions();
  ASSERT_TRUE(ms.ok());
  EXPECT_EQ(ms->size(), 2u);
  EXPECT_TRUE((*store)->ResolveEntity("per:b")->empty());  // b's entity names went with it
  EXPECT_EQ((*store)->ResolveEntity("per:c")->size(), 1u);
  // A new version of "a" that fails leaves the stored one searchable.
  Document a2 = doc("a", "ATTACK");
  a2.raw += " Versi baru.";
  a2.text = a2.raw;
  ASSERT_TRUE((*store)->Begin().ok());
  EXPECT_FALSE((*store)->Put(a2).ok());
  ASSERT_TRUE((*store)->Commit().ok());
  SearchQuery q;
  q.text = "Vladivostok";
  auto hits = (*store)->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  std::vector<std::string> ids;
  for (const SearchHit& h : *hits) ids.push_back(h.doc_id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "c"}));
}

TEST(SqliteStore, RefusesAFileThatIsNotADatabase) {
  std::string path = ::testing::TempDir() + "/not_a_db.txt";
  std::FILE* f = std::fopen(path.c_str(), "w");
  std::fputs("this is not sqlite, just text that is long enough to look like a header......\n", f);
  std::fclose(f);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find("not_a_db.txt"), std::string::npos);
  EXPECT_NE(store.status().message().find("a linimasa database"), std::string::npos);
}

}  // namespace
}  // namespace linimasa
