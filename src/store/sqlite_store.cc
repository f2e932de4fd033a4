// Embedded SQLite store (see linimasa/store.h). Schema version 1:
//   meta(key PRIMARY KEY, value)                       schema_version
//   documents(rowid, doc_id, url, hash UNIQUE, version, outlet, published, title, json)
//   entities(doc, start, end, type, canonical, id, text)
//   events(doc, type, cameo, actors, actor_ids, targets, target_ids, place, place_id, time,
//          modality, sentence, sentence_text, time_flagged)    lists joined with U+001F
//   flags(doc, kind, start, end, text, message)
// Version 2 adds:
//   search(title, body)   FTS5 over the latest version of each document (rowid = documents.rowid),
//                         tokenizer 'linimasa' (lemmas; search/lemma_fts.h)
//   quotes(doc, start, end, text, speaker, speaker_id, cue, direct)
// Migrating 1 → 2 fills both from the stored document JSON, in one transaction.
// Version 3 adds:
//   entity_names(name COLLATE NOCASE, id)   every surface form, canonical name and id of an entity
//                                           (distinct pairs), so resolving a name is one index
//                                           lookup; it replaces the indexes entities(id) and
//                                           entities(text), which cost two random B-tree writes
//                                           per mention and still left canonical names to a scan.
// Version 4 adds events.caption: 1 for an event read from a removed photo caption (its `sentence`
// is the caption's index in the document's removed spans, `sentence_text` the caption).
// `doc` is documents.rowid. WAL journal, synchronous=NORMAL: a committed transaction survives a
// killed process; an interrupted one is rolled back on the next open.
#include <sqlite3.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/utf8.h"
#include "linimasa/json.h"
#include "linimasa/pipeline.h"
#include "linimasa/store.h"
#include "search/lemma_fts.h"

namespace linimasa {

namespace {

constexpr char kSep = '\x1f';

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? std::string(1, kSep) : "") + v[i];
  return s;
}

std::vector<std::string> SplitSep(const std::string& s) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  for (size_t p = 0;;) {
    size_t q = s.find(kSep, p);
    out.push_back(s.substr(p, q == std::string::npos ? std::string::npos : q - p));
    if (q == std::string::npos) break;
    p = q + 1;
  }
  return out;
}

// 64-bit FNV-1a, hex: the content hash that makes ingest idempotent.
std::string Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &s_, nullptr); }
  ~Stmt() { sqlite3_finalize(s_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Bind(int i, const std::string& v) {
    sqlite3_bind_text(s_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& Bind(int i, const std::optional<std::string>& v) {
    if (v) return Bind(i, *v);
    sqlite3_bind_null(s_, i);
    return *this;
  }
  Stmt& Bind(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  void Reset() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  std::string Text(int i) const {
    const unsigned char* t = sqlite3_column_text(s_, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  std::optional<std::string> OptText(int i) const {
    if (sqlite3_column_type(s_, i) == SQLITE_NULL) return std::nullopt;
    return Text(i);
  }
  int64_t Int(int i) const { return sqlite3_column_int64(s_, i); }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
  int rc_;
};

// A statement prepared once per connection and reused (Put() runs ~8 statements per document;
// preparing them each time was 4% of ingest). Reset when the borrow ends, so no finished SELECT
// keeps its read snapshot open.
class Borrowed {
 public:
  explicit Borrowed(Stmt& s) : s_(s) {}
  ~Borrowed() { s_.Reset(); }
  Borrowed(const Borrowed&) = delete;
  Borrowed& operator=(const Borrowed&) = delete;
  Stmt* operator->() { return &s_; }
  Stmt& operator*() { return s_; }

 private:
  Stmt& s_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(sqlite3* db, std::string path, std::unordered_set<std::string> stopwords,
              std::shared_ptr<const text::Lemmatizer> lemmatizer)
      : db_(db),
        path_(std::move(path)),
        stopwords_(std::move(stopwords)),
        lemmatizer_(std::move(lemmatizer)) {}
  ~SqliteStore() override {
    prepared_.clear();  // finalized before the connection closes
    sqlite3_close(db_);
  }

  Status Exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      return Status::Internal(path_ + ": " + m);
    }
    return Status::Ok();
  }
  Status Error(const char* what) {
    return Status::Internal(path_ + ": " + what + ": " + sqlite3_errmsg(db_));
  }

  Status Migrate() {
    Status s = Exec(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA busy_timeout=10000; PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint=16384;"
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);");
    if (!s.ok()) return s;
    int version = 0;
    {  // finished before migrating: an active statement would block DROP INDEX
      Stmt q(db_, "SELECT value FROM meta WHERE key='schema_version'");
      if (q.ok() && q.Step() == SQLITE_ROW) version = std::atoi(q.Text(0).c_str());
    }
    if (version > kSchemaVersion)
      return Status::InvalidArgument(path_ + ": made by a newer linimasa (schema " +
                                     std::to_string(version) + "); upgrade linimasa");
    // Each step in its own transaction: a failed one leaves the database at the previous version.
    const struct {
      int to;
      const char* sql;
      Status (SqliteStore::*backfill)();
    } steps[] = {
        {1,
         "CREATE TABLE documents(rowid INTEGER PRIMARY KEY, doc_id TEXT NOT NULL, url TEXT,"
         " hash TEXT NOT NULL UNIQUE, version INTEGER NOT NULL, outlet TEXT, published TEXT,"
         " title TEXT, json TEXT NOT NULL, ingested_at TEXT DEFAULT CURRENT_TIMESTAMP);"
         "CREATE INDEX documents_doc_id ON documents(doc_id);"
         "CREATE INDEX documents_url ON documents(url);"
         "CREATE TABLE entities(doc INTEGER NOT NULL REFERENCES documents(rowid),"
         " start INTEGER, end INTEGER, type TEXT, canonical TEXT, id TEXT, text TEXT);"
         "CREATE INDEX entities_id ON entities(id);"
         "CREATE INDEX entities_text ON entities(text COLLATE NOCASE);"
         "CREATE TABLE events(doc INTEGER NOT NULL REFERENCES documents(rowid), type TEXT,"
         " cameo TEXT, actors TEXT, actor_ids TEXT, targets TEXT, target_ids TEXT,"
         " place TEXT, place_id TEXT, time TEXT, modality TEXT, sentence INTEGER,"
         " sentence_text TEXT, time_flagged INTEGER);"
         "CREATE TABLE flags(doc INTEGER NOT NULL REFERENCES documents(rowid), kind TEXT,"
         " start INTEGER, end INTEGER, text TEXT, message TEXT);",
         nullptr},
        {2,
         "CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize='linimasa');"
         "CREATE TABLE quotes(doc INTEGER NOT NULL REFERENCES documents(rowid),"
         " start INTEGER, end INTEGER, text TEXT, speaker TEXT, speaker_id TEXT, cue TEXT,"
         " direct INTEGER);"
         "CREATE INDEX quotes_speaker_id ON quotes(speaker_id);"
         "CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);"
         "CREATE INDEX quotes_doc ON quotes(doc);"
         "CREATE INDEX entities_doc ON entities(doc, id);"
         "CREATE INDEX events_doc ON events(doc, type);",
         &SqliteStore::BackfillV2},
        {3,
         "CREATE TABLE entity_names(name TEXT NOT NULL COLLATE NOCASE,"
         " id TEXT NOT NULL, PRIMARY KEY(name, id)) WITHOUT ROWID;"
         "INSERT OR IGNORE INTO entity_names SELECT text, id FROM entities"
         " WHERE text <> '' AND id <> '';"
         "INSERT OR IGNORE INTO entity_names SELECT canonical, id FROM entities"
         " WHERE canonical <> '' AND id <> '';"
         "INSERT OR IGNORE INTO entity_names SELECT id, id FROM entities"
         " WHERE id <> '';"
         "DROP INDEX IF EXISTS entities_id; DROP INDEX IF EXISTS entities_text;",
         nullptr},
        {4, "ALTER TABLE events ADD COLUMN caption INTEGER NOT NULL DEFAULT 0;", nullptr},
    };
    for (const auto& step : steps)
      if (version < step.to)
        if (Status u = Upgrade(step.to, step.sql, step.backfill); !u.ok()) return u;
    return Status::Ok();
  }

  // One schema step, all or nothing: `sql`, then `backfill` (if any), then the version number, in
  // one transaction (rolled back on any failure).
  Status Upgrade(int to, const char* sql, Status (SqliteStore::*backfill)()) {
    Status s = Exec("BEGIN IMMEDIATE");
    if (!s.ok()) return s;
    s = Exec(sql);
    if (s.ok() && backfill) s = (this->*backfill)();
    std::string done = "INSERT OR REPLACE INTO meta VALUES('schema_version','" +
                       std::to_string(to) + "'); COMMIT;";
    if (s.ok()) s = Exec(done.c_str());
    if (!s.ok()) Exec("ROLLBACK");
    return s;
  }

  // Schema 1 → 2: the search index and the quotes of every latest document, from its stored JSON.
  Status BackfillV2() {
    std::string sql = "SELECT d.rowid, d.json FROM ";
    sql += kLatest;
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("migrating to schema 2");
    auto str = [](const nlohmann::json& o, const char* k) -> std::optional<std::string> {
      auto it = o.find(k);
      if (it == o.end() || !it->is_string()) return std::nullopt;
      return it->get<std::string>();
    };
    Stmt ins(db_, "INSERT INTO quotes VALUES(?,?,?,?,?,?,?,?)");
    while (q.Step() == SQLITE_ROW) {
      nlohmann::json j = nlohmann::json::parse(q.Text(1), nullptr, false);
      if (j.is_discarded() || !j.is_object()) continue;
      std::optional<std::string> title;
      if (auto m = j.find("meta"); m != j.end() && m->is_object()) title = str(*m, "title");
      Status s = IndexText(q.Int(0), title, str(j, "text").value_or(""));
      if (!s.ok()) return s;
      auto quotes = j.find("quotes");
      if (quotes == j.end() || !quotes->is_array()) continue;
      for (const auto& x : *quotes) {
        if (!x.is_object()) continue;
        ins.Bind(1, q.Int(0))
            .Bind(2, x.value("start", int64_t(0)))
            .Bind(3, x.value("end", int64_t(0)));
        ins.Bind(4, str(x, "text").value_or(""))
            .Bind(5, str(x, "speaker"))
            .Bind(6, str(x, "speaker_id"));
        ins.Bind(7, str(x, "cue")).Bind(8, int64_t(x.value("kind", "direct") == "direct"));
        if (ins.Step() != SQLITE_DONE) return Error("migrating quotes");
        ins.Reset();
      }
    }
    return Status::Ok();
  }

  // The statement for `sql` (a string literal: cached by its address), prepared on first use.
  Borrowed Prepared(const char* sql) {
    std::unique_ptr<Stmt>& s = prepared_[sql];
    if (!s) s = std::make_unique<Stmt>(db_, sql);
    return Borrowed(*s);
  }

  Status IndexText(int64_t row, const std::optional<std::string>& title, const std::string& body) {
    Borrowed ins = Prepared("INSERT INTO search(rowid, title, body) VALUES(?,?,?)");
    ins->Bind(1, row).Bind(2, title.value_or("")).Bind(3, body);
    if (ins->Step() != SQLITE_DONE) return Error("indexing a document for search");
    return Status::Ok();
  }

  Status Begin() override {
    pending_names_.clear();
    return Exec("BEGIN IMMEDIATE");
  }
  Status Commit() override {
    Status s = Exec("COMMIT");
    if (s.ok()) {
      if (committed_names_.size() > 1000000) committed_names_.clear();  // bounded
      for (std::string& k : pending_names_) committed_names_.insert(std::move(k));
    }
    pending_names_.clear();
    return s;
  }

  // One document, all or nothing: when a write fails half-way (a full disk, a constraint), the
  // rows this call wrote are deleted again, so no partial document is committed with the ones
  // stored before it in the same transaction. (A savepoint per document would do the same but
  // made SQLite copy every page the document touched: +40% store time.)
  Result<bool> Put(const Document& doc) override {
    put_row_ = 0;
    put_names_.clear();
    const size_t pending = pending_names_.size();
    Result<bool> r = PutRows(doc);
    if (r.ok() || put_row_ == 0) return r;
    pending_names_.resize(pending);
    Status undo = Undo(put_row_);
    if (!undo.ok())
      return Status::Corruption(r.status().message() +
                                "; removing the document's rows failed too (" + undo.message() +
                                ")");
    return r;
  }

  // Deletes the rows of document `row` and the entity names its Put() added.
  Status Undo(int64_t row) {
    for (const char* sql :
         {"DELETE FROM entities WHERE doc=?", "DELETE FROM events WHERE doc=?",
          "DELETE FROM quotes WHERE doc=?", "DELETE FROM flags WHERE doc=?",
          "DELETE FROM search WHERE rowid=?", "DELETE FROM documents WHERE rowid=?"}) {
      Borrowed d = Prepared(sql);
      d->Bind(1, row);
      if (d->Step() != SQLITE_DONE) return Error("undoing a failed document");
    }
    Borrowed d = Prepared("DELETE FROM entity_names WHERE name=? AND id=?");
    for (const auto& [name, id] : put_names_) {
      d->Bind(1, name).Bind(2, id);
      if (d->Step() != SQLITE_DONE) return Error("undoing a failed document");
      d->Reset();
    }
    return Status::Ok();
  }

  Result<bool> PutRows(const Document& doc) {
    std::string hash = Hash(doc.raw);
    {
      Borrowed q = Prepared("SELECT 1 FROM documents WHERE hash=?");
      q->Bind(1, hash);
      if (q->Step() == SQLITE_ROW) return false;
    }
    int64_t version = 1;
    {
      Borrowed q = Prepared(
          "SELECT MAX(version) FROM documents WHERE doc_id=? OR (url IS NOT NULL AND url=?)");
      q->Bind(1, doc.id).Bind(2, doc.source.url);
      if (q->Step() == SQLITE_ROW) version = q->Int(0) + 1;
    }
    const Metadata* m = doc.meta ? &*doc.meta : nullptr;
    Borrowed ins = Prepared(
        "INSERT INTO documents(doc_id,url,hash,version,outlet,published,title,json) "
        "VALUES(?,?,?,?,?,?,?,?)");
    ins->Bind(1, doc.id).Bind(2, doc.source.url).Bind(3, hash).Bind(4, version);
    ins->Bind(5, m ? m->outlet : std::nullopt).Bind(6, m ? m->published : std::nullopt);
    ins->Bind(7, m ? m->title : std::nullopt).Bind(8, ToJson(doc, JsonOptions{}));
    if (ins->Step() != SQLITE_DONE) return Error("storing a document");
    int64_t row = sqlite3_last_insert_rowid(db_);
    put_row_ = row;
    const std::string& text = doc.text ? *doc.text : doc.raw;
    if (Status s = IndexText(row, m ? m->title : std::nullopt, text); !s.ok()) return s;
    if (doc.quotes) {
      utf8::CodePointIndex cp(text);
      Borrowed b = Prepared("INSERT INTO quotes VALUES(?,?,?,?,?,?,?,?)");
      Stmt& e = *b;
      for (const Quote& x : *doc.quotes) {
        e.Bind(1, row).Bind(2, int64_t(cp.ToCodePoint(x.span.start)));
        e.Bind(3, int64_t(cp.ToCodePoint(x.span.end)))
            .Bind(4, text.substr(x.span.start, x.span.size()));
        e.Bind(5, x.speaker).Bind(6, x.speaker_id).Bind(7, x.cue).Bind(8, int64_t(x.direct));
        if (e.Step() != SQLITE_DONE) return Error("storing quotes");
        e.Reset();
      }
    }
    if (doc.entities) {
      Borrowed b = Prepared("INSERT INTO entities VALUES(?,?,?,?,?,?,?)");
      Stmt& e = *b;
      std::set<std::pair<std::string_view, std::string_view>> names;  // (name, id), once per doc
      for (const Entity& x : *doc.entities) {
        std::string_view surface = std::string_view(text).substr(x.span.start, x.span.size());
        e.Bind(1, row).Bind(2, int64_t(x.span.start)).Bind(3, int64_t(x.span.end));
        e.Bind(4, x.type).Bind(5, x.canonical).Bind(6, x.id);
        e.Bind(7, std::string(surface));
        if (e.Step() != SQLITE_DONE) return Error("storing entities");
        e.Reset();
        if (x.id.empty()) continue;
        for (std::string_view name :
             {surface, std::string_view(x.canonical), std::string_view(x.id)})
          if (!name.empty()) names.emplace(name, x.id);
      }
      Borrowed n = Prepared("INSERT OR IGNORE INTO entity_names VALUES(?,?)");
      for (const auto& [name, id] : names) {
        // A news stream names the same entities again and again: a pair this connection has
        // committed before is not inserted again (the insert would be ignored anyway).
        std::string key = std::string(name) + '\0' + std::string(id);
        if (committed_names_.contains(key)) continue;
        n->Bind(1, std::string(name)).Bind(2, std::string(id));
        if (n->Step() != SQLITE_DONE) return Error("storing entity names");
        if (sqlite3_changes(db_) > 0) put_names_.emplace_back(name, id);  // new, not ignored
        n->Reset();
        if (!sqlite3_get_autocommit(db_)) pending_names_.push_back(std::move(key));
      }
    }
    {
      Borrowed b = Prepared("INSERT INTO events VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
      Stmt& e = *b;
      auto put = [&](const Event& x, const std::string& sentence, bool flagged, bool caption) {
        e.Bind(1, row).Bind(2, x.type).Bind(3, x.cameo).Bind(4, Join(x.actors));
        e.Bind(5, Join(x.actor_ids)).Bind(6, Join(x.targets)).Bind(7, Join(x.target_ids));
        e.Bind(8, x.place).Bind(9, x.place_id).Bind(10, x.time).Bind(11, x.modality);
        e.Bind(12, int64_t(x.sentence)).Bind(13, sentence).Bind(14, int64_t(flagged));
        e.Bind(15, int64_t(caption));
        const bool done = e.Step() == SQLITE_DONE;
        e.Reset();
        return done;
      };
      static const std::vector<Event> kNone;
      for (const Event& x : doc.events ? *doc.events : kNone) {
        std::string sentence;
        bool flagged = false;
        if (doc.sentences && x.sentence < doc.sentences->size()) {
          const Span& s = (*doc.sentences)[x.sentence].span;
          sentence = text.substr(s.start, s.size());
          for (const Flag& f : doc.flags)
            flagged |=
                f.kind == "weekday_mismatch" && f.span.start >= s.start && f.span.end <= s.end;
        }
        if (!put(x, sentence, flagged, false)) return Error("storing events");
      }
      for (const Event& x : doc.caption_events ? *doc.caption_events : kNone) {
        std::string caption;
        if (doc.removed && x.sentence < doc.removed->size()) {
          const Span& s = (*doc.removed)[x.sentence].span;
          caption = doc.raw.substr(std::min(s.start, doc.raw.size()), s.size());
        }
        if (!put(x, caption, false, true)) return Error("storing caption events");
      }
    }
    Borrowed b = Prepared("INSERT INTO flags VALUES(?,?,?,?,?,?)");
    Stmt& f = *b;
    for (const Flag& x : doc.flags) {
      f.Bind(1, row).Bind(2, x.kind).Bind(3, int64_t(x.span.start)).Bind(4, int64_t(x.span.end));
      f.Bind(5, text.substr(std::min(x.span.start, text.size()), x.span.size())).Bind(6, x.message);
      if (f.Step() != SQLITE_DONE) return Error("storing flags");
      f.Reset();
    }
    // Search sees the latest version only. Last, so that a version that fails before here (and is
    // undone) leaves the one before it searchable.
    if (version > 1) {
      Borrowed del = Prepared(
          "DELETE FROM search WHERE rowid IN (SELECT rowid FROM documents WHERE rowid <> ?1 AND"
          " (doc_id = ?2 OR (?3 IS NOT NULL AND url = ?3)))");
      del->Bind(1, row).Bind(2, doc.id).Bind(3, doc.source.url);
      if (del->Step() != SQLITE_DONE)
        return Error("replacing an older version in the search index");
    }
    return true;
  }

  Result<size_t> DocumentCount() override {
    Stmt q(db_, "SELECT COUNT(*) FROM documents");
    if (q.Step() != SQLITE_ROW) return Error("counting documents");
    return static_cast<size_t>(q.Int(0));
  }

  // Rows of the latest version of each document: no later row with the same id or URL (the rule
  // Put() numbers versions by).
  static constexpr const char* kLatest =
      "documents d WHERE NOT EXISTS (SELECT 1 FROM documents x WHERE x.version > d.version AND"
      " (x.doc_id = d.doc_id OR (d.url IS NOT NULL AND x.url = d.url)))";

  Result<std::vector<StoredEventMention>> EventMentions() override {
    std::string sql =
        "SELECT d.doc_id, d.outlet, d.published, e.type, e.modality, e.sentence_text, e.actors,"
        " e.actor_ids, e.targets, e.target_ids, e.place, e.place_id, e.time, e.sentence,"
        " e.time_flagged, e.caption FROM events e JOIN ";
    sql += kLatest;
    sql += " AND e.doc = d.rowid ORDER BY d.doc_id, e.rowid";
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("reading events");
    std::vector<StoredEventMention> out;
    while (q.Step() == SQLITE_ROW) {
      StoredEventMention m;
      m.doc_id = q.Text(0);
      m.outlet = q.Text(1);
      m.published = q.Text(2);
      m.type = q.Text(3);
      m.modality = q.Text(4);
      m.sentence_text = q.Text(5);
      m.actors = SplitSep(q.Text(6));
      m.actor_ids = SplitSep(q.Text(7));
      m.targets = SplitSep(q.Text(8));
      m.target_ids = SplitSep(q.Text(9));
      m.place = q.OptText(10);
      m.place_id = q.OptText(11);
      m.time = q.OptText(12);
      m.sentence = static_cast<uint32_t>(q.Int(13));
      m.time_flagged = q.Int(14) != 0;
      m.caption = q.Int(15) != 0;
      out.push_back(std::move(m));
    }
    return out;
  }

  Result<std::vector<StoredFlag>> Flags() override {
    std::string sql = "SELECT d.doc_id, f.kind, f.text, f.message FROM flags f JOIN ";
    sql += kLatest;
    sql += " AND f.doc = d.rowid ORDER BY d.doc_id, f.rowid";
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("reading flags");
    std::vector<StoredFlag> out;
    while (q.Step() == SQLITE_ROW) out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3)});
    return out;
  }

  // Documents with every word first (BM25 order); when they are fewer than the limit, documents
  // with all words but one follow (best BM25 first) — "minimum should match n-1", which rescues a
  // query with one word the articles do not use, at the cost of one AND query per word (an OR of
  // all words would rank every document holding any common word: 10x slower on 3k documents).
  Result<std::vector<SearchHit>> Search(const SearchQuery& sq) override {
    size_t positives = 0;
    auto all = search::ToFtsQuery(sq.text, stopwords_, -1, &positives);
    if (!all.ok()) return all.status();
    auto hits = RunSearch(sq, *all, sq.limit);
    if (!hits.ok() || hits->size() >= sq.limit || !sq.any_words || positives < 2 || positives > 8)
      return hits;
    std::unordered_set<std::string> seen;
    for (const SearchHit& h : *hits) seen.insert(h.doc_id);
    std::vector<SearchHit> relaxed;
    for (int drop = 0; drop < static_cast<int>(positives); ++drop) {
      auto q = search::ToFtsQuery(sq.text, stopwords_, drop);
      if (!q.ok()) continue;
      auto more = RunSearch(sq, *q, sq.limit);
      if (!more.ok()) return more.status();
      for (SearchHit& h : *more)
        if (seen.insert(h.doc_id).second) relaxed.push_back(std::move(h));
    }
    std::stable_sort(relaxed.begin(), relaxed.end(),
                     [](const SearchHit& x, const SearchHit& y) { return x.score > y.score; });
    for (SearchHit& h : relaxed)
      if (hits->size() < sq.limit) hits->push_back(std::move(h));
    return hits;
  }

  Result<std::vector<SearchHit>> RunSearch(const SearchQuery& sq, const std::string& match,
                                           size_t limit) {
    std::vector<std::string> params = {match, sq.mark_open, sq.mark_close};
    auto param = [&](const std::string& v) {
      params.push_back(v);
      return "?" + std::to_string(params.size());
    };
    std::string sql =
        "SELECT d.doc_id, d.title, d.outlet, d.published, -search.rank,"
        " snippet(search, -1, ?2, ?3, '…', 24) FROM search JOIN documents d ON d.rowid = "
        "search.rowid"
        " WHERE search MATCH ?1 AND search.rank MATCH 'bm25(3.0, 1.0)'";
    if (!sq.outlet.empty()) sql += " AND d.outlet = " + param(sq.outlet) + " COLLATE NOCASE";
    if (!sq.from.empty()) {
      std::string p = param(sq.from);
      sql += " AND substr(d.published, 1, length(" + p + ")) >= " + p;
    }
    if (!sq.to.empty()) {
      std::string p = param(sq.to);
      sql += " AND substr(d.published, 1, length(" + p + ")) <= " + p;
    }
    if (!sq.type.empty())
      sql += " AND EXISTS (SELECT 1 FROM events e WHERE e.doc = d.rowid AND e.type = " +
             param(sq.type) + ")";
    if (!sq.entity_ids.empty()) {
      sql += " AND EXISTS (SELECT 1 FROM entities x WHERE x.doc = d.rowid AND x.id IN (";
      for (size_t i = 0; i < sq.entity_ids.size(); ++i)
        sql += (i ? "," : "") + param(sq.entity_ids[i]);
      sql += "))";
    }
    // ORDER BY rank is sorted inside FTS5, so SQLite reads only the rows it returns and snippet()
    // runs for those alone; ORDER BY bm25(…) would compute a snippet for every match first.
    sql += " ORDER BY search.rank LIMIT " + std::to_string(limit);
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("preparing the search");
    for (size_t i = 0; i < params.size(); ++i) q.Bind(static_cast<int>(i + 1), params[i]);
    std::vector<SearchHit> out;
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW)
      out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(5),
                     sqlite3_column_double(q.get(), 4)});
    if (rc != SQLITE_DONE) {
      std::string m = sqlite3_errmsg(db_);
      if (m.find("fts5") != std::string::npos || m.find("syntax") != std::string::npos)
        return Status::InvalidArgument("query '" + sq.text + "': " + m);
      return Error("searching");
    }
    return out;
  }

  Result<std::vector<StoredQuote>> Quotes(const std::vector<std::string>& speaker_ids,
                                          const std::string& speaker) override {
    std::string sql =
        "SELECT d.doc_id, d.outlet, d.published, q.text, q.speaker, q.speaker_id, q.cue, q.direct"
        " FROM quotes q JOIN ";
    sql += kLatest;
    sql += " AND q.doc = d.rowid AND (q.speaker = ?1 COLLATE NOCASE";
    for (size_t i = 0; i < speaker_ids.size(); ++i)
      sql += " OR q.speaker_id = ?" + std::to_string(i + 2);
    sql += ") ORDER BY d.published, d.doc_id, q.start";
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("reading quotes");
    q.Bind(1, speaker);
    for (size_t i = 0; i < speaker_ids.size(); ++i) q.Bind(static_cast<int>(i + 2), speaker_ids[i]);
    std::vector<StoredQuote> out;
    while (q.Step() == SQLITE_ROW)
      out.push_back({q.Text(0), q.Text(1), q.Text(2), q.Text(3), q.Text(4), q.Text(5), q.Text(6),
                     q.Int(7) != 0});
    return out;
  }

  Result<std::vector<StoredDocSummary>> DocSummaries() override { return Summaries(nullptr); }
  Result<std::vector<StoredDocSummary>> DocSummaries(
      const std::vector<std::string>& doc_ids) override {
    return Summaries(&doc_ids);
  }

  // All documents (`only` null) or those with the ids in `only`.
  Result<std::vector<StoredDocSummary>> Summaries(const std::vector<std::string>* only) {
    std::string sql =
        "SELECT d.rowid, d.doc_id, d.outlet, d.published, d.title, s.body,"
        " (SELECT group_concat(p, char(30)) FROM (SELECT DISTINCT x.id || char(31) || x.canonical "
        "AS p"
        "  FROM entities x WHERE x.doc = d.rowid))"
        " FROM search s JOIN documents d ON d.rowid = s.rowid";
    if (only) {  // the ids go through a temporary table (any bytes, any number of them)
      Status s =
          Exec("CREATE TEMP TABLE IF NOT EXISTS wanted(id TEXT PRIMARY KEY); DELETE FROM wanted;");
      if (!s.ok()) return s;
      Stmt ins(db_, "INSERT OR IGNORE INTO wanted VALUES(?)");
      for (const std::string& id : *only) {
        ins.Bind(1, id);
        if (ins.Step() != SQLITE_DONE) return Error("reading documents");
        ins.Reset();
      }
      sql += " WHERE d.doc_id IN (SELECT id FROM temp.wanted)";
    }
    sql += " ORDER BY d.rowid";
    Stmt q(db_, sql.c_str());
    if (!q.ok()) return Error("reading documents");
    std::vector<StoredDocSummary> out;
    while (q.Step() == SQLITE_ROW) {
      StoredDocSummary d{q.Text(1), q.Text(2), q.Text(3), q.Text(4), {}, {}, {}};
      std::string ids = q.Text(6);
      std::unordered_set<std::string> seen;
      for (size_t p = 0; !ids.empty();) {
        size_t c = ids.find('\x1e', p);
        std::string pair = ids.substr(p, c == std::string::npos ? std::string::npos : c - p);
        size_t sep = pair.find(kSep);
        if (sep != std::string::npos && seen.insert(pair.substr(0, sep)).second) {
          d.entity_ids.push_back(pair.substr(0, sep));
          d.entity_names.push_back(pair.substr(sep + 1));
        }
        if (c == std::string::npos) break;
        p = c + 1;
      }
      std::string body = q.Text(5);
      for (const std::string* part : {&d.title, &body})
        search::ForEachTerm(*part, *lemmatizer_, true,
                            [&](const std::string& t, size_t, size_t) { d.terms.push_back(t); });
      out.push_back(std::move(d));
    }
    return out;
  }

  Result<std::vector<std::string>> ResolveEntity(const std::string& name) override {
    Stmt q(db_, "SELECT DISTINCT id FROM entity_names WHERE name = ?1");
    q.Bind(1, name);
    std::vector<std::string> out;
    while (q.Step() == SQLITE_ROW) out.push_back(q.Text(0));
    return out;
  }

 private:
  sqlite3* db_;
  std::string path_;
  std::unordered_set<std::string> stopwords_;
  std::shared_ptr<const text::Lemmatizer> lemmatizer_;
  std::unordered_map<const char*, std::unique_ptr<Stmt>> prepared_;
  // (name '\0' id) pairs of entity_names committed by this connection, and those inserted in the
  // open transaction (committed with it).
  std::unordered_set<std::string> committed_names_;
  std::vector<std::string> pending_names_;
  // What the running Put() has written: its document row (0: none yet) and the entity-name pairs
  // it added (Undo() deletes them if a later write fails).
  int64_t put_row_ = 0;
  std::vector<std::pair<std::string, std::string>> put_names_;
};

}  // namespace

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  const std::string data_dir = options.data_dir.empty() ? DataDir() : options.data_dir;
  auto lemmatizer = text::Lemmatizer::Load(data_dir);
  if (!lemmatizer.ok()) return lemmatizer.status();
  auto stopwords = search::LoadStopwords(data_dir);
  if (!stopwords.ok()) return stopwords.status();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::InvalidArgument(path + ": cannot open the database: " + m +
                                   " (check the path and its permissions)");
  }
  auto store = std::make_unique<SqliteStore>(db, path, std::move(*stopwords), *lemmatizer);
  if (Status r = search::RegisterTokenizer(db, *lemmatizer); !r.ok())
    return Status::Internal(path + ": " + r.message());
  Status s = store->Migrate();
  if (!s.ok()) {
    if (sqlite3_errcode(db) == SQLITE_NOTADB)
      return Status::InvalidArgument(s.message() + " (is --db a linimasa database?)");
    return Status::Internal(s.message() +
                            " (upgrading the database's schema failed and was rolled back; the "
                            "database is unchanged: close other programs using it and retry)");
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace linimasa
