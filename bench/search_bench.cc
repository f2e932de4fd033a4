// Search latency and indexing speed, in process, linimasa's lemmatising FTS5 index beside plain
// FTS5 (`unicode61 remove_diacritics 2`) over the same stored text.
//
//   search_bench DB QUERIES [--repeat N] [--export FILE]
//
// DB: a database made by `linimasa ingest`. QUERIES: one query per line (what users type).
// 1. Indexing: copies the stored title/body into two fresh FTS5 tables, one per tokenizer, and
//    times each (chars/s on one core).
// 2. Search: every query N times through Store::Search (linimasa's SQL: BM25, snippet, limit 10,
//    all-words then any-word) and through the same SQL on the unicode61 table; prints q/s, p50,
//    p99 and one JSON line.
// --export FILE writes the stored documents as JSONL {"id","title","body"} for the Xapian peer.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"
#include "linimasa/store.h"
#include "search/lemma_fts.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

struct Stats {
  double qps, p50, p99, mean;
};

Stats Summarise(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  double total = 0;
  for (double x : ms) total += x;
  auto pct = [&](double p) {
    return ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))];
  };
  return {1000.0 * ms.size() / total, pct(0.5), pct(0.99), total / ms.size()};
}

bool Exec(sqlite3* db, const std::string& sql) {
  char* err = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::fprintf(stderr, "search_bench: %s: %s\n", sql.substr(0, 60).c_str(), err ? err : "?");
    sqlite3_free(err);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: search_bench DB QUERIES [--repeat N] [--export FILE]\n");
    return 2;
  }
  std::string db_path = argv[1], queries_path = argv[2], export_path;
  int repeat = 20;
  for (int i = 3; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--repeat")
      repeat = std::max(1, std::atoi(argv[i + 1]));
    else if (a == "--export")
      export_path = argv[i + 1];
  }
  std::vector<std::string> queries;
  {
    std::ifstream in(queries_path);
    for (std::string line; std::getline(in, line);)
      if (!line.empty() && line[0] != '#') queries.push_back(line);
  }
  if (queries.empty()) {
    std::fprintf(stderr, "search_bench: no queries in %s\n", queries_path.c_str());
    return 2;
  }
  auto store = linimasa::OpenSqliteStore(db_path);
  if (!store.ok()) {
    std::fprintf(stderr, "search_bench: %s\n", store.status().message().c_str());
    return 2;
  }
  auto lemmatizer = linimasa::text::Lemmatizer::Load(linimasa::DataDir());
  auto stopwords = linimasa::search::LoadStopwords(linimasa::DataDir());
  if (!lemmatizer.ok() || !stopwords.ok()) {
    std::fprintf(stderr,
                 "search_bench: cannot load the lemmatiser or stop words (set LINIMASA_DATA)\n");
    return 2;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK ||
      !linimasa::search::RegisterTokenizer(db, *lemmatizer).ok()) {
    std::fprintf(stderr, "search_bench: cannot open %s\n", db_path.c_str());
    return 2;
  }
  size_t docs = 0, chars = 0;
  {
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*), sum(length(title) + length(body)) FROM search", -1,
                       &st, nullptr);
    if (sqlite3_step(st) == SQLITE_ROW) {
      docs = sqlite3_column_int64(st, 0);
      chars = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
  }
  if (!export_path.empty()) {
    std::ofstream out(export_path);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT rowid, title, body FROM search", -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      auto text = [&](int i) {
        const unsigned char* t = sqlite3_column_text(st, i);
        return std::string(t ? reinterpret_cast<const char*>(t) : "");
      };
      out << nlohmann::json{{"id", sqlite3_column_int64(st, 0)},
                            {"title", text(1)},
                            {"body", text(2)}}
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
          << "\n";
    }
    sqlite3_finalize(st);
  }

  // 1. Indexing: each tokenizer over the same text, into a scratch table dropped afterwards.
  double index_s[2] = {0, 0};
  const char* tokenizers[2] = {"linimasa", "unicode61 remove_diacritics 2"};
  for (int k = 0; k < 2; ++k) {
    std::string table = k == 0 ? "bench_lemma" : "bench_plain";
    if (!Exec(db, "DROP TABLE IF EXISTS " + table)) return 2;
    if (!Exec(db, "CREATE VIRTUAL TABLE " + table + " USING fts5(title, body, tokenize='" +
                      tokenizers[k] + "')"))
      return 2;
    auto t0 = Clock::now();
    if (!Exec(db, "INSERT INTO " + table +
                      "(rowid, title, body) SELECT rowid, title, body FROM search"))
      return 2;
    index_s[k] = Ms(Clock::now() - t0) / 1000;
  }
  Exec(db, "DROP TABLE bench_lemma");

  // 2. Search latency.
  std::vector<double> lm, la, pl;
  size_t lm_hits = 0, la_hits = 0, pl_hits = 0;
  sqlite3_stmt* plain = nullptr;
  sqlite3_prepare_v2(
      db,
      "SELECT d.doc_id, d.title, d.outlet, d.published, -bench_plain.rank,"
      " snippet(bench_plain, -1, '<mark>', '</mark>', '…', 24) FROM bench_plain JOIN documents d"
      " ON d.rowid = bench_plain.rowid WHERE bench_plain MATCH ?1"
      " AND bench_plain.rank MATCH 'bm25(3.0, 1.0)' ORDER BY bench_plain.rank LIMIT 10",
      -1, &plain, nullptr);
  for (const std::string& q : queries) {  // warm-up: caches filled as in a running server
    linimasa::SearchQuery sq;
    sq.text = q;
    (void)(*store)->Search(sq);
  }
  for (int r = 0; r < repeat; ++r)
    for (const std::string& q : queries) {
      linimasa::SearchQuery sq;
      sq.text = q;
      auto t0 = Clock::now();
      auto hits = (*store)->Search(sq);
      lm.push_back(Ms(Clock::now() - t0));
      if (hits.ok()) lm_hits += hits->size();
      sq.any_words = false;
      t0 = Clock::now();
      hits = (*store)->Search(sq);
      la.push_back(Ms(Clock::now() - t0));
      if (hits.ok()) la_hits += hits->size();
      auto fts = linimasa::search::ToFtsQuery(q, *stopwords);
      if (!fts.ok()) continue;
      t0 = Clock::now();
      sqlite3_reset(plain);
      sqlite3_bind_text(plain, 1, fts->c_str(), -1, SQLITE_TRANSIENT);
      while (sqlite3_step(plain) == SQLITE_ROW) {
        for (int c = 0; c < 6; ++c) sqlite3_column_text(plain, c);
        ++pl_hits;
      }
      pl.push_back(Ms(Clock::now() - t0));
    }
  sqlite3_finalize(plain);
  Exec(db, "DROP TABLE bench_plain");
  sqlite3_close(db);
  Stats a = Summarise(lm), b = Summarise(pl), c = Summarise(la);
  std::printf("documents %zu, %.1f M chars; %zu queries x %d\n", docs, chars / 1e6, queries.size(),
              repeat);
  std::printf("%-34s %12s %10s %9s %9s %10s\n", "engine (one core)", "index Mch/s", "q/s", "p50 ms",
              "p99 ms", "hits/query");
  std::printf("%-34s %12.2f %10.0f %9.2f %9.2f %10.1f\n", "linimasa FTS5 (lemmas)",
              chars / 1e6 / index_s[0], a.qps, a.p50, a.p99, double(lm_hits) / lm.size());
  std::printf("%-34s %12s %10.0f %9.2f %9.2f %10.1f\n", "linimasa FTS5, all words only", "", c.qps,
              c.p50, c.p99, double(la_hits) / la.size());
  std::printf("%-34s %12.2f %10.0f %9.2f %9.2f %10.1f\n", "FTS5 unicode61 (no stemming)",
              chars / 1e6 / index_s[1], b.qps, b.p50, b.p99, double(pl_hits) / pl.size());
  std::printf("%s\n", nlohmann::json{{"documents", docs},
                                     {"chars", chars},
                                     {"linimasa",
                                      {{"index_mchars_s", chars / 1e6 / index_s[0]},
                                       {"qps", a.qps},
                                       {"p50_ms", a.p50},
                                       {"p99_ms", a.p99}}},
                                     {"linimasa_all_words",
                                      {{"qps", c.qps}, {"p50_ms", c.p50}, {"p99_ms", c.p99}}},
                                     {"unicode61",
                                      {{"index_mchars_s", chars / 1e6 / index_s[1]},
                                       {"qps", b.qps},
                                       {"p50_ms", b.p50},
                                       {"p99_ms", b.p99}}}}
                          .dump()
                          .c_str());
  return 0;
}
