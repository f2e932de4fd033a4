// linimasa/store.h — durable storage of analysed documents, and what cross-document work reads.
//
// A Store keeps each analysed Document (its JSON and the layers cross-document work queries:
// entities, event mentions, flags). The default implementation is embedded SQLite (WAL mode, schema
// versioned: `schema_version` in table `meta`); another backend (PostgreSQL) implements the same
// interface without touching the stages.
//
// Idempotent: a document whose raw content hash is already stored is not stored again; the same URL
// with changed content is stored as a new version (history kept; readers see the latest).
// Thread-safety: one Store per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa {

// One event mention as stored, with the document facts the timeline needs.
struct StoredEventMention {
  std::string doc_id, outlet, published;  // published: "" when unknown
  std::string type, modality, sentence_text;
  std::vector<std::string> actors, actor_ids, targets, target_ids;
  std::optional<std::string> place, place_id, time;
  uint32_t sentence = 0;
  bool time_flagged = false;  // the mention's date sits in a weekday/date mismatch
  bool caption = false;       // read from a photo caption: `sentence` indexes the removed spans
};

struct StoredFlag {
  std::string doc_id, kind, text, message;
};

// A full-text query with structured filters (`linimasa search`). `text` is what a user types (see
// search/lemma_fts.h: words match any form of their lemma, "phrases", OR, -exclusions, prefix*).
struct SearchQuery {
  std::string text;
  std::vector<std::string> entity_ids;  // documents mentioning one of these entities; empty: any
  std::string type, outlet, from, to;   // event type; outlet (case-insensitive); published window
  size_t limit = 10;
  bool any_words = true;  // fewer hits than `limit` with every word: add hits with any word
  std::string mark_open = "<mark>", mark_close = "</mark>";  // around matched words in snippets
};

struct SearchHit {
  std::string doc_id, title, outlet, published, snippet;
  double score = 0;  // BM25 (title weighted 3×); higher is better
};

struct StoredQuote {
  std::string doc_id, outlet, published, text, speaker, speaker_id, cue;
  bool direct = true;
};

// What story grouping and near-duplicate detection read: one row per latest document.
struct StoredDocSummary {
  std::string doc_id, outlet, published, title;
  std::vector<std::string> entity_ids, entity_names;  // distinct ids, with a canonical name each
  std::vector<std::string> terms;  // the indexed lemmas of title and body, in text order
};

class Store {
 public:
  virtual ~Store() = default;
  // Stores one analysed document; returns false when it was already stored (same content). A
  // document that fails leaves no rows, and the transaction may go on — except on kCorruption:
  // its rows could not be removed either, and the transaction must not be committed.
  virtual Result<bool> Put(const Document& doc) = 0;
  // Groups Puts in one transaction (a crash loses only the uncommitted group).
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Result<size_t> DocumentCount() = 0;
  // The latest version of every document's event mentions and flags.
  virtual Result<std::vector<StoredEventMention>> EventMentions() = 0;
  virtual Result<std::vector<StoredFlag>> Flags() = 0;
  // Entity ids whose canonical name or any mention text equals `name` (case-insensitive), or `name`
  // itself when it is an id.
  virtual Result<std::vector<std::string>> ResolveEntity(const std::string& name) = 0;
  // Latest documents matching `q`, best first.
  virtual Result<std::vector<SearchHit>> Search(const SearchQuery& q) = 0;
  // Quotes whose speaker is one of `speaker_ids` or is named `speaker` (case-insensitive), by
  // publication time.
  virtual Result<std::vector<StoredQuote>> Quotes(const std::vector<std::string>& speaker_ids,
                                                  const std::string& speaker) = 0;
  // Summaries of the latest version of every document, in the order stored.
  virtual Result<std::vector<StoredDocSummary>> DocSummaries() = 0;
  // The same for the documents with these ids only (unknown ids are skipped).
  virtual Result<std::vector<StoredDocSummary>> DocSummaries(
      const std::vector<std::string>& doc_ids) = 0;
};

inline constexpr int kSchemaVersion = 4;

struct StoreOptions {
  std::string data_dir;  // linimasa's data folder (lemmatiser, stop words); empty: DataDir()
};

// Opens (creating if needed) an SQLite store at `path`, migrating an older schema in place (one
// transaction per step; a database made by a newer linimasa is refused).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options = {});

}  // namespace linimasa
