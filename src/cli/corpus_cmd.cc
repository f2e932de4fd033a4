// `linimasa ingest --db FILE INPUT...` and `linimasa timeline --db FILE [filters]`.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "linimasa/pipeline.h"
#include "linimasa/reader.h"
#include "linimasa/store.h"
#include "store/timeline.h"

namespace linimasa::cli {
namespace {

struct IngestArgs {
  std::string db, format = "auto", data_dir;
  std::vector<std::string> inputs, kb_files;
  size_t batch = 64;
};

int RunIngest(const IngestArgs& a) {
  auto format = ParseFormat(a.format);
  if (!format.ok()) {
    std::fprintf(stderr, "linimasa ingest: --format: %s\n", format.status().message().c_str());
    return 2;
  }
  auto pipeline = BuildPipeline({}, a.data_dir, a.kb_files);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "linimasa ingest: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  auto store = OpenSqliteStore(a.db);
  if (!store.ok()) {
    std::fprintf(stderr, "linimasa ingest: --db %s\n", store.status().message().c_str());
    return 2;
  }
  ReadOptions ro;
  ro.format = *format;
  size_t failures = 0, stored = 0, skipped = 0, in_batch = 0;
  bool fatal = false;
  auto commit = [&] {
    if (in_batch == 0) return;
    Status s = (*store)->Commit();
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa ingest: %s\n", s.message().c_str());
      fatal = true;
    }
    in_batch = 0;
  };
  ReadInputs(
      a.inputs, ro,
      [&](Document&& d) {
        if (fatal) return;
        Status st = (*pipeline)->Run(d);
        if (!st.ok()) {
          std::fprintf(stderr, "linimasa ingest: %s: %s\n", d.id.c_str(), st.message().c_str());
          ++failures;
          return;
        }
        if (in_batch == 0) {
          Status s = (*store)->Begin();
          if (!s.ok()) {
            std::fprintf(stderr, "linimasa ingest: %s\n", s.message().c_str());
            fatal = true;
            return;
          }
        }
        auto put = (*store)->Put(d);
        if (!put.ok()) {
          std::fprintf(stderr, "linimasa ingest: %s: %s\n", d.id.c_str(), put.status().message().c_str());
          ++failures;
        } else if (*put) {
          ++stored;
        } else {
          ++skipped;
        }
        if (++in_batch >= a.batch) commit();
      },
      [&](const InputError& e) {
        ++failures;
        std::fprintf(stderr, "linimasa ingest: %s\n", e.ToString().c_str());
      });
  commit();
  if (fatal) return 2;
  auto total = (*store)->DocumentCount();
  std::fprintf(stderr, "linimasa ingest: %zu stored, %zu already there, %zu failed; %zu in %s\n",
               stored, skipped, failures, total.ok() ? *total : size_t(0), a.db.c_str());
  return failures ? 1 : 0;
}

struct TimelineArgs {
  std::string db, entity, type, outlet, from, to, format = "jsonl";
};

// YYYY, YYYY-MM or YYYY-MM-DD (empty: not given).
bool IsIsoDate(const std::string& s) {
  auto digits = [&](size_t a, size_t n) {
    for (size_t i = a; i < a + n; ++i)
      if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  return s.empty() || (s.size() == 4 && digits(0, 4)) ||
         (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 2)) ||
         (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' && digits(8, 2));
}

int RunTimeline(const TimelineArgs& a) {
  if (a.format != "jsonl" && a.format != "text") {
    std::fprintf(stderr, "linimasa timeline: --format must be jsonl or text\n");
    return 2;
  }
  for (const auto& [flag, value] : {std::pair{"--from", &a.from}, std::pair{"--to", &a.to}})
    if (!IsIsoDate(*value)) {
      std::fprintf(stderr, "linimasa timeline: %s '%s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n",
                   flag, value->c_str());
      return 2;
    }
  std::FILE* probe = std::fopen(a.db.c_str(), "rb");
  if (!probe) {
    std::fprintf(stderr, "linimasa timeline: --db %s: no such database (run linimasa ingest first)\n",
                 a.db.c_str());
    return 2;
  }
  std::fclose(probe);
  auto store = OpenSqliteStore(a.db);
  if (!store.ok()) {
    std::fprintf(stderr, "linimasa timeline: --db %s\n", store.status().message().c_str());
    return 2;
  }
  timeline::Filter filter{{}, a.type, a.outlet, a.from, a.to};
  if (!a.entity.empty()) {
    auto ids = (*store)->ResolveEntity(a.entity);
    if (!ids.ok() || ids->empty()) {
      std::fprintf(stderr,
                   "linimasa timeline: --entity '%s' names no stored entity (use a name as the "
                   "articles write it, a canonical name or an id such as gpe:KP)\n",
                   a.entity.c_str());
      return 1;
    }
    filter.entity_ids = *ids;
  }
  auto mentions = (*store)->EventMentions();
  auto flags = (*store)->Flags();
  if (!mentions.ok() || !flags.ok()) {
    std::fprintf(stderr, "linimasa timeline: %s\n",
                 (!mentions.ok() ? mentions.status() : flags.status()).message().c_str());
    return 2;
  }
  timeline::Timeline t = timeline::Build(*mentions, *flags, filter);
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  for (const timeline::MergedEvent& e : t.events) {
    if (a.format == "text") {
      std::printf("%-10s  %-11s %s%s%s  [%s]  reported by %s\n", e.date.empty() ? "?" : e.date.c_str(),
                  e.type.c_str(), list(e.who).c_str(), e.whom.empty() ? "" : (" → " + list(e.whom)).c_str(),
                  e.where.empty() ? "" : (" @ " + e.where).c_str(), e.modality.c_str(),
                  list(e.reported_by).c_str());
      continue;
    }
    nlohmann::json j;
    j["date"] = e.date.empty() ? nlohmann::json() : nlohmann::json(e.date);
    j["type"] = e.type;
    j["who"] = e.who;
    j["who_ids"] = e.who_ids;
    j["whom"] = e.whom;
    j["whom_ids"] = e.whom_ids;
    j["where"] = e.where.empty() ? nlohmann::json() : nlohmann::json(e.where);
    j["modality"] = e.modality;
    j["reported_by"] = e.reported_by;
    nlohmann::json ms = nlohmann::json::array();
    for (size_t k = 0; k < e.mentions.size(); ++k) {
      const StoredEventMention& m = *e.mentions[k];
      ms.push_back({{"doc", m.doc_id}, {"sentence", m.sentence}, {"date", e.mention_dates[k]},
                    {"modality", m.modality}, {"outlet", m.outlet}, {"text", m.sentence_text}});
    }
    j["mentions"] = ms;
    std::printf("%s\n", j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
  }
  for (const timeline::ContradictionFlag& f : t.flags) {
    if (a.format == "text") {
      std::printf("FLAG %s [%s]: %s\n", f.kind.c_str(), list(f.docs).c_str(), f.message.c_str());
      continue;
    }
    nlohmann::json j;
    j["kind"] = f.kind;
    if (f.docs.size() == 1) j["doc"] = f.docs[0];
    j["docs"] = f.docs;
    j["text"] = f.text;
    j["message"] = f.message;
    std::printf("%s\n", nlohmann::json{{"flag", j}}.dump(-1, ' ', false,
                                                          nlohmann::json::error_handler_t::replace).c_str());
  }
  return 0;
}

}  // namespace

void AddCorpusCommands(CLI::App& app, int* rc) {
  auto ia = std::make_shared<IngestArgs>();
  CLI::App* ingest = app.add_subcommand(
      "ingest", "Analyse articles and store them in a database (SQLite); idempotent: an article "
                "already stored is skipped, a changed one is stored as a new version.");
  ingest->add_option("--db", ia->db, "database file (created if missing)")->required();
  ingest->add_option("inputs", ia->inputs, "files, directories or - for stdin")->required();
  ingest->add_option("--format", ia->format, "input format: auto (default), text, html, jsonl, warc");
  ingest->add_option("--data-dir", ia->data_dir, "folder with linimasa's data files");
  ingest->add_option("--kb", ia->kb_files, "extra knowledge-base file(s) for entity linking");
  ingest->add_option("--batch", ia->batch, "documents per transaction (default 64)")->check(CLI::Range(1, 100000));
  ingest->callback([ia, rc] { *rc = RunIngest(*ia); });

  auto ta = std::make_shared<TimelineArgs>();
  CLI::App* tl = app.add_subcommand(
      "timeline", "Print the events of a database on one timeline, merged across documents, with "
                  "the documents that report each and the contradictions found.");
  tl->add_option("--db", ta->db, "database made by linimasa ingest")->required();
  tl->add_option("--entity", ta->entity, "only events with this participant (any alias, or an id)");
  tl->add_option("--type", ta->type, "only events of this type (MEET, VISIT, …)");
  tl->add_option("--outlet", ta->outlet, "only mentions from this outlet");
  tl->add_option("--from", ta->from, "only events whose date overlaps from this date on (YYYY[-MM[-DD]])");
  tl->add_option("--to", ta->to, "only events whose date overlaps up to this date");
  tl->add_option("--format", ta->format, "jsonl (default) or text");
  tl->callback([ta, rc] { *rc = RunTimeline(*ta); });
}

}  // namespace linimasa::cli
