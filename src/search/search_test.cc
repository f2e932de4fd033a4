#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdio>

#include "linimasa/pipeline.h"
#include "linimasa/store.h"
#include "search/lemma_fts.h"
#include "store/stories.h"

namespace linimasa {
namespace {

std::shared_ptr<const text::Lemmatizer> Lem() {
  static auto l = text::Lemmatizer::Load(DataDir());
  EXPECT_TRUE(l.ok()) << l.status().message();
  return *l;
}

TEST(LemmaTokenizer, EmitsLemmasWithByteOffsets) {
  std::vector<std::string> terms;
  std::vector<std::pair<size_t, size_t>> spans;
  std::string text = "Kunjungan Kim Jong-un ke Rusia, mengunjungi Moskow.";
  search::ForEachTerm(text, *Lem(), true, [&](const std::string& t, size_t s, size_t e) {
    terms.push_back(t);
    spans.push_back({s, e});
  });
  ASSERT_EQ(terms.size(), 8u);
  EXPECT_EQ(terms[0], terms[6]);  // kunjungan and mengunjungi share their lemma
  EXPECT_EQ(terms[2], "jong");    // hyphens separate: "Jong-un" matches "Jong Un"
  EXPECT_EQ(terms[3], "un");
  EXPECT_EQ(text.substr(spans[5].first, spans[5].second - spans[5].first), "Rusia");
  terms.clear();
  search::ForEachTerm("Mengunjungi", *Lem(), false,
                      [&](const std::string& t, size_t, size_t) { terms.push_back(t); });
  EXPECT_EQ(terms, std::vector<std::string>{"mengunjungi"});  // prefix queries are not lemmatised
}

TEST(LemmaTokenizer, TranslatesUserQueries) {
  std::unordered_set<std::string> stop = {"ke", "yang"};
  EXPECT_EQ(*search::ToFtsQuery("kunjungan ke Rusia", stop), "\"kunjungan\" \"Rusia\"");
  EXPECT_EQ(*search::ToFtsQuery("ke", stop), "\"ke\"");  // only function words: keep them
  EXPECT_EQ(*search::ToFtsQuery("\"ke Rusia\" Kim", stop), "\"ke Rusia\" \"Kim\"");
  EXPECT_EQ(*search::ToFtsQuery("Kim OR Putin -Trump", stop),
            "(\"Kim\" OR \"Putin\") NOT \"Trump\"");
  EXPECT_EQ(*search::ToFtsQuery("kunj* Putin", stop), "\"kunj\"* \"Putin\"");
  EXPECT_EQ(*search::ToFtsQuery("NOT AND —", stop), "\"NOT\" \"AND\"");  // operators are words here
  size_t n = 0;
  EXPECT_EQ(*search::ToFtsQuery("kunjungan ke Rusia -Kim", stop, 1, &n),
            "(\"kunjungan\") NOT \"Kim\"");
  EXPECT_EQ(n, 2u);  // relaxed: without the second required word
  EXPECT_EQ(*search::ToFtsQuery("Kim OR Putin", stop, 0, &n), "\"Kim\" OR \"Putin\"");
  EXPECT_EQ(n, 1u);  // an explicit OR is never relaxed
  EXPECT_FALSE(search::ToFtsQuery("", stop).ok());
  EXPECT_FALSE(search::ToFtsQuery("-Trump", stop).ok());
  auto unclosed = search::ToFtsQuery("\"Kim Jong", stop);
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().message().find("not closed"), std::string::npos);
}

Document Doc(std::string id, std::string text, std::string outlet, std::string published) {
  Document d;
  d.id = std::move(id);
  d.raw = text;
  d.text = std::move(text);
  d.meta = Metadata{};
  d.meta->outlet = std::move(outlet);
  d.meta->published = std::move(published);
  d.meta->title = "Judul " + d.id;
  return d;
}

class StoreSearch : public ::testing::Test {
 protected:
  void SetUp() override {
    // ctest runs the fixture's tests in parallel processes: one file per test.
    path_ = ::testing::TempDir() + "/search_test_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
    auto s = OpenSqliteStore(path_);
    ASSERT_TRUE(s.ok()) << s.status().message();
    store_ = std::move(*s);
    Document a = Doc("a", "Presiden Putin mengunjungi Pyongyang dan bertemu Kim Jong-un.",
                     "Republika", "2024-06-19T08:00+07:00");
    a.entities = std::vector<Entity>{{{9, 14}, "PER", "Vladimir Putin", "per:vladimir_putin", ""}};
    Event e;
    e.type = "VISIT";
    e.modality = "asserted";
    a.events = std::vector<Event>{e};
    a.quotes = std::vector<Quote>{{{0, 8},
                                   std::string("Vladimir Putin"),
                                   std::string("per:vladimir_putin"),
                                   std::string("kata"),
                                   true}};
    Document b =
        Doc("b", "Kunjungan menteri ke Jakarta ditunda karena hujan.", "Tempo", "2023-09-13");
    Document c = Doc("c", "Harga beras naik di pasar induk.", "Tempo", "2023-09-14");
    ASSERT_TRUE(store_->Begin().ok());
    for (const Document* d : {&a, &b, &c}) ASSERT_TRUE(store_->Put(*d).ok());
    ASSERT_TRUE(store_->Commit().ok());
  }
  std::vector<std::string> Ids(SearchQuery q) {
    auto hits = store_->Search(q);
    EXPECT_TRUE(hits.ok()) << hits.status().message();
    std::vector<std::string> ids;
    if (hits.ok())
      for (const SearchHit& h : *hits) ids.push_back(h.doc_id);
    return ids;
  }
  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(StoreSearch, MatchesEveryFormOfALemmaAndRanks) {
  SearchQuery q;
  q.text = "kunjungan";  // "mengunjungi" in a, "Kunjungan" in b
  auto ids = Ids(q);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b"}));
  q.text = "\"Jong Un\"";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q.text = "kunjungan -hujan";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q.text = "beras OR hujan";
  EXPECT_EQ(Ids(q).size(), 2u);
  q.text = "kunjungan Pyongyang";  // both words: a; all but one: b next
  EXPECT_EQ(Ids(q), (std::vector<std::string>{"a", "b"}));
  q.any_words = false;
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q.any_words = true;
  q.text = "Pyongyang";
  auto hits = store_->Search(q);
  ASSERT_TRUE(hits.ok());
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_NE((*hits)[0].snippet.find("<mark>Pyongyang</mark>"), std::string::npos);
  EXPECT_EQ((*hits)[0].title, "Judul a");
  q.text = "\"Kim";
  EXPECT_EQ(store_->Search(q).status().code(), Status::Code::kInvalidArgument);
}

TEST_F(StoreSearch, FiltersByOutletDateEntityAndEventType) {
  SearchQuery q;
  q.text = "kunjungan";
  q.outlet = "tempo";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"b"});
  q = {};
  q.text = "kunjungan";
  q.from = "2024";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q.from = "";
  q.to = "2023-09";  // a month: the whole of September counts
  EXPECT_EQ(Ids(q), std::vector<std::string>{"b"});
  q = {};
  q.text = "kunjungan";
  q.entity_ids = {"per:vladimir_putin"};
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
  q.entity_ids = {};
  q.type = "VISIT";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"a"});
}

TEST_F(StoreSearch, SummariesOfChosenDocuments) {
  auto all = store_->DocSummaries();
  ASSERT_TRUE(all.ok()) << all.status().message();
  EXPECT_EQ(all->size(), 3u);
  auto some = store_->DocSummaries(std::vector<std::string>{"c", "nope", "a"});
  ASSERT_TRUE(some.ok()) << some.status().message();
  ASSERT_EQ(some->size(), 2u);  // in the order stored
  EXPECT_EQ((*some)[0].doc_id, "a");
  EXPECT_EQ((*some)[1].doc_id, "c");
  EXPECT_EQ((*some)[0].entity_ids, std::vector<std::string>{"per:vladimir_putin"});
  EXPECT_TRUE(store_->DocSummaries(std::vector<std::string>{})->empty());
}

TEST_F(StoreSearch, NewVersionReplacesTheOldInTheIndexAndQuotesAreBySpeaker) {
  Document c2 = Doc("c", "Harga cabai turun di pasar induk.", "Tempo", "2023-09-15");
  ASSERT_TRUE(store_->Begin().ok());
  ASSERT_TRUE(*store_->Put(c2));
  ASSERT_TRUE(store_->Commit().ok());
  SearchQuery q;
  q.text = "pasar";
  EXPECT_EQ(Ids(q), std::vector<std::string>{"c"});  // one hit: the latest version only
  q.text = "beras";
  EXPECT_TRUE(Ids(q).empty());
  auto quotes = store_->Quotes({"per:vladimir_putin"}, "Putin");
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ((*quotes)[0].text, "Presiden");
  EXPECT_EQ((*quotes)[0].doc_id, "a");
  auto none = store_->Quotes({}, "Biden");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

// Runs `sql` on the database at `path` behind the store's back (to make an older schema).
void ExecSql(const std::string& path, const char* sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// A schema-3 database (no events.caption) holding an event is migrated on open: its event reads
// back as one from the body, and a document with a caption's event can be stored beside it.
TEST(StoreMigration, SchemaThreeDatabaseGetsCaptionEvents) {
  std::string path = ::testing::TempDir() + "/schema3.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  Event meet;
  meet.type = "MEET";
  meet.actors = {"Vladimir Putin"};
  meet.actor_ids = {"per:vladimir_putin"};
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Document a = Doc("a", "Presiden Putin bertemu Kim.", "Tempo", "2024-06-19");
    a.sentences = std::vector<Sentence>{{{0, 27}}};
    a.events = std::vector<Event>{meet};
    ASSERT_TRUE((*store)->Put(a).ok());
  }
  ExecSql(path,
          "ALTER TABLE events DROP COLUMN caption;"
          "UPDATE meta SET value='3' WHERE key='schema_version';");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  Document b = Doc("b", "Kim tiba.", "Antara", "2024-06-19");
  b.raw = "Kim tiba.\nFILE - Putin dan Kim dalam pertemuan mereka.";
  b.removed = std::vector<Removed>{{{10, 55}, "caption"}};
  Event from_caption = meet;
  from_caption.sentence = 0;
  b.caption_events = std::vector<Event>{from_caption};
  ASSERT_TRUE((*store)->Put(b).ok());
  auto mentions = (*store)->EventMentions();
  ASSERT_TRUE(mentions.ok()) << mentions.status().message();
  ASSERT_EQ(mentions->size(), 2u);
  EXPECT_EQ((*mentions)[0].doc_id, "a");
  EXPECT_FALSE((*mentions)[0].caption);
  EXPECT_EQ((*mentions)[0].sentence_text, "Presiden Putin bertemu Kim.");
  EXPECT_TRUE((*mentions)[1].caption);
  EXPECT_EQ((*mentions)[1].sentence_text, "FILE - Putin dan Kim dalam pertemuan mereka.");
}

// A schema-2 database (entity names read through two indexes of `entities`) holding a document
// is migrated on open: names resolve through entity_names, the old indexes are gone.
TEST(StoreMigration, SchemaTwoDatabaseGetsEntityNames) {
  std::string path = ::testing::TempDir() + "/schema2.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.ok()) << store.status().message();
    Document a = Doc("a", "Presiden Putin tiba.", "Tempo", "2024-06-19");
    a.entities = std::vector<Entity>{{{9, 14}, "PER", "Vladimir Putin", "per:vladimir_putin", ""}};
    ASSERT_TRUE((*store)->Put(a).ok());
  }
  ExecSql(path,
          "DROP TABLE entity_names; ALTER TABLE events DROP COLUMN caption;"
          "CREATE INDEX entities_id ON entities(id);"
          "CREATE INDEX entities_text ON entities(text COLLATE NOCASE);"
          "UPDATE meta SET value='2' WHERE key='schema_version';");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  for (const char* name : {"putin", "Vladimir Putin", "per:vladimir_putin"}) {
    auto ids = (*store)->ResolveEntity(name);
    ASSERT_TRUE(ids.ok()) << ids.status().message();
    EXPECT_EQ(*ids, std::vector<std::string>{"per:vladimir_putin"}) << name;
  }
  store->reset();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT count(*) FROM sqlite_schema WHERE name IN "
                               "('entities_id','entities_text')",
                               -1, &q, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_EQ(sqlite3_column_int(q, 0), 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

// A step that fails (here: a damaged schema-2 file without its entities table) is rolled back:
// the error names the file and says nothing changed, and the file stays at schema 2.
TEST(StoreMigration, AFailedStepIsRolledBackAndSaysSo) {
  std::string path = ::testing::TempDir() + "/schema2_damaged.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db,
                         "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
                         "INSERT INTO meta VALUES('schema_version','2');",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.ok());
  EXPECT_NE(store.status().message().find(path), std::string::npos);
  EXPECT_NE(store.status().message().find("rolled back"), std::string::npos);
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* q = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT (SELECT value FROM meta), (SELECT count(*) FROM "
                               "sqlite_schema WHERE name = 'entity_names')",
                               -1, &q, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(q), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)), "2");
  EXPECT_EQ(sqlite3_column_int(q, 1), 0);
  sqlite3_finalize(q);
  sqlite3_close(db);
}

TEST(StoreMigration, SchemaOneDatabaseGetsSearchAndQuotes) {
  std::string path = ::testing::TempDir() + "/schema1.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path + suffix).c_str());
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  // The version-1 schema as linimasa 0.4 wrote it, with one document.
  const char* v1 =
      "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
      "CREATE TABLE documents(rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, url TEXT,"
      " hash TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, outlet TEXT, published TEXT,"
      " title TEXT, json TEXT NOT NULL, ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);"
      "CREATE TABLE entities(doc INTEGER NOT NULL REFERENCES documents(rowid), start INTEGER,"
      " end INTEGER, type TEXT, canonical TEXT, id TEXT, text TEXT);"
      "CREATE TABLE events(doc INTEGER NOT NULL REFERENCES documents(rowid), type TEXT,"
      " cameo TEXT, actors TEXT, actor_ids TEXT, targets TEXT, target_ids TEXT, place TEXT,"
      " place_id TEXT, time TEXT, modality TEXT, sentence INTEGER, sentence_text TEXT,"
      " time_flagged INTEGER);"
      "CREATE TABLE flags(doc INTEGER NOT NULL REFERENCES documents(rowid), kind TEXT,"
      " start INTEGER, end INTEGER, text TEXT, message TEXT);"
      "INSERT INTO meta VALUES('schema_version','1');"
      "INSERT INTO documents(doc_id, hash, version, title, json) VALUES('old', 'h1', 1, 'Lawatan',"
      " '{\"id\":\"old\",\"meta\":{\"title\":\"Lawatan\"},\"text\":\"Kami siap, kata Shoigu di "
      "Pyongyang.\","
      "   \"quotes\":[{\"start\":1,\"end\":10,\"text\":\"Kami siap\",\"speaker\":\"Sergei Shoigu\","
      "   \"speaker_id\":\"per:sergei_shoigu\",\"cue\":\"kata\",\"kind\":\"direct\"}]}');"
      "INSERT INTO entities VALUES(1, 13, 19, 'PER', 'Sergei Shoigu', 'per:sergei_shoigu',"
      " 'Shoigu');";
  ASSERT_EQ(sqlite3_exec(db, v1, nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.ok()) << store.status().message();
  SearchQuery q;
  q.text = "pyongyang";
  auto hits = (*store)->Search(q);
  ASSERT_TRUE(hits.ok()) << hits.status().message();
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].title, "Lawatan");
  auto quotes = (*store)->Quotes({"per:sergei_shoigu"}, "Shoigu");
  ASSERT_TRUE(quotes.ok());
  ASSERT_EQ(quotes->size(), 1u);
  EXPECT_EQ((*quotes)[0].cue, "kata");
  // Schema 3: the entity is found by its surface form, canonical name (any case) and id.
  for (const char* name : {"Shoigu", "sergei shoigu", "per:sergei_shoigu"}) {
    auto ids = (*store)->ResolveEntity(name);
    ASSERT_TRUE(ids.ok()) << ids.status().message();
    EXPECT_EQ(*ids, std::vector<std::string>{"per:sergei_shoigu"}) << name;
  }
  EXPECT_TRUE((*store)->ResolveEntity("Shoigu Sergei")->empty());
}

StoredDocSummary Summary(std::string id, std::string published, std::string text,
                         std::vector<std::string> ents) {
  StoredDocSummary d;
  d.doc_id = std::move(id);
  d.published = std::move(published);
  for (size_t p = 0; p < text.size();) {
    size_t q = text.find(' ', p);
    d.terms.push_back(text.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  d.entity_ids = ents;
  d.entity_names = ents;
  return d;
}

TEST(Stories, GroupsByContentAndEntitiesAndMarksCopies) {
  std::string wire =
      "kim jong un tiba di stasiun kosmodrom vostochny untuk bertemu putin membahas kerja sama "
      "militer";
  std::vector<StoredDocSummary> docs = {
      Summary("a", "2023-09-13", wire, {"per:kim", "per:putin"}),
      Summary("b", "2023-09-12", wire + " kata", {"per:kim", "per:putin"}),  // a copy
      Summary("c", "2023-09-14", "putin kim kosmodrom vostochny pertemuan militer roket satelit",
              {"per:kim", "per:putin"}),
      Summary("d", "2023-09-13", "harga beras naik di pasar induk cipinang menurut pedagang beras",
              {"loc:cipinang"}),
      Summary("e", "2023-09-14", "pedagang beras cipinang mengeluh harga beras naik lagi",
              {"loc:cipinang"}),
      Summary("f", "2025-01-01",
              "pedagang beras cipinang mengeluh harga beras naik di pasar induk lagi",
              {"loc:cipinang"}),  // same words, a year later: another story
  };
  stories::Grouping g = stories::Group(docs, {"di", "untuk", "kata", "menurut"});
  ASSERT_EQ(g.copies.size(), 1u);
  EXPECT_EQ(g.copies[0].doc, 0u);  // "a" copies "b", published a day earlier
  EXPECT_EQ(g.copies[0].of, 1u);
  ASSERT_EQ(g.stories.size(), 3u);
  EXPECT_EQ(g.stories[0].docs, (std::vector<size_t>{1, 0, 2}));  // by publication time
  EXPECT_EQ(g.stories[0].from, "2023-09-12");
  EXPECT_EQ(g.stories[0].to, "2023-09-14");
  EXPECT_EQ(g.stories[1].docs, (std::vector<size_t>{3, 4}));
  EXPECT_EQ(g.stories[2].docs, std::vector<size_t>{5});
  EXPECT_EQ(stories::DaysApart("2024-03-01", "2024-02-28T10:00"), 2);
  EXPECT_EQ(stories::DaysApart("2024-03", "2024-02-28"), -1);
}

}  // namespace
}  // namespace linimasa
