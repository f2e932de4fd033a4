// Fuzz target for the search query parser (search::ToFtsQuery): any text a user types either is
// refused with a message or becomes an FTS5 query that SQLite accepts — checked against an
// in-memory FTS5 table, in both the strict and every relaxed form.
#include <sqlite3.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "search/lemma_fts.h"

namespace {

sqlite3* Db() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    sqlite3_open(":memory:", &d);
    sqlite3_exec(
        d,
        "CREATE VIRTUAL TABLE t USING fts5(title, body);"
        "INSERT INTO t VALUES('kunjungan kim', 'putin mengunjungi pyongyang \"ke\" rusia');",
        nullptr, nullptr, nullptr);
    return d;
  }();
  return db;
}

void MustParse(const std::string& fts) {
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(Db(), "SELECT rowid FROM t WHERE t MATCH ?1", -1, &st, nullptr);
  sqlite3_bind_text(st, 1, fts.data(), static_cast<int>(fts.size()), SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    std::fprintf(stderr, "FTS5 rejected %s: %s\n", fts.c_str(), sqlite3_errmsg(Db()));
    std::abort();
  }
  sqlite3_finalize(st);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::unordered_set<std::string> stopwords = {"ke", "di", "yang"};
  std::string query(reinterpret_cast<const char*>(data), size);
  if (query.find('\0') != std::string::npos) return 0;  // a C string on the command line
  size_t positives = 0;
  auto fts = linimasa::search::ToFtsQuery(query, stopwords, -1, &positives);
  if (!fts.ok()) return 0;
  MustParse(*fts);
  for (int drop = 0; drop < static_cast<int>(positives) && drop < 8; ++drop) {
    auto relaxed = linimasa::search::ToFtsQuery(query, stopwords, drop);
    if (relaxed.ok()) MustParse(*relaxed);
  }
  return 0;
}
