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
};

struct StoredFlag {
  std::string doc_id, kind, text, message;
};

class Store {
 public:
  virtual ~Store() = default;
  // Stores one analysed document; returns false when it was already stored (same content).
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
};

inline constexpr int kSchemaVersion = 1;

// Opens (creating if needed) an SQLite store at `path`.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path);

}  // namespace linimasa
