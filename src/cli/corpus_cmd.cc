// `linimasa ingest --db FILE INPUT...` and `linimasa timeline --db FILE [filters]`.
#include <algorithm>
#include <cstdio>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "cli/commands.h"
#include "entities/kb.h"
#include "linimasa/pipeline.h"
#include "linimasa/reader.h"
#include "linimasa/store.h"
#include "search/lemma_fts.h"
#include "store/stories.h"
#include "store/timeline.h"

namespace linimasa::cli {
namespace {

struct IngestArgs {
  std::string db, format = "auto", data_dir;
  std::vector<std::string> inputs, kb_files;
  size_t batch = 64;
  int jobs = 1;
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
  bool fatal = false, abandoned = false;  // abandoned: the open transaction must not be committed
  auto commit = [&] {
    if (in_batch == 0) return;
    Status s = (*store)->Commit();
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa ingest: %s\n", s.message().c_str());
      fatal = true;
    }
    in_batch = 0;
  };
  // Documents are analysed a batch at a time on `jobs` threads and stored in input order by this
  // thread (SQLite has one writer). With more than one job, the next batch is analysed while this
  // one is stored.
  const int jobs = std::max(1, a.jobs);
  const size_t analysis_batch = 64 * static_cast<size_t>(jobs);
  struct Batch {
    std::vector<Document> docs;
    std::vector<std::string> errors;
  };
  Batch reading, analysing;
  std::future<void> inflight;  // analysing `analysing`
  auto store_batch = [&](Batch& b) {
    for (size_t i = 0; i < b.docs.size() && !fatal; ++i) {
      const Document& d = b.docs[i];
      if (!b.errors[i].empty()) {
        std::fprintf(stderr, "linimasa ingest: %s\n", b.errors[i].c_str());
        ++failures;
        continue;
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
      if (!put.ok() && put.status().code() == Status::Code::kCorruption) {
        // Half of this article is in the open transaction: it is rolled back, not committed.
        std::fprintf(stderr,
                     "linimasa ingest: %s: %s; the last %zu articles were not stored: free disk "
                     "space or fix the database, then run the same ingest again (stored articles "
                     "are skipped)\n",
                     d.id.c_str(), put.status().message().c_str(), in_batch + 1);
        abandoned = fatal = true;
        return;
      }
      if (!put.ok()) {
        std::fprintf(stderr, "linimasa ingest: %s: %s\n", d.id.c_str(),
                     put.status().message().c_str());
        ++failures;
      } else if (*put) {
        ++stored;
      } else {
        ++skipped;
      }
      if (++in_batch >= a.batch) commit();
    }
    b.docs.clear();
  };
  // The batch being read goes to analysis; the one analysed before it is stored meanwhile.
  auto advance = [&] {
    Batch done;
    if (inflight.valid()) {
      inflight.get();
      done = std::move(analysing);
    }
    analysing = std::move(reading);
    reading = Batch{};
    if (!analysing.docs.empty()) {
      if (jobs == 1) {
        RunBatch(**pipeline, analysing.docs, 1, analysing.errors);
        store_batch(analysing);
      } else {
        inflight = std::async(std::launch::async, [&] {
          RunBatch(**pipeline, analysing.docs, jobs, analysing.errors);
        });
      }
    }
    store_batch(done);
  };
  ReadInputs(
      a.inputs, ro,
      [&](Document&& d) {
        if (fatal) return;
        reading.docs.push_back(std::move(d));
        if (reading.docs.size() >= analysis_batch) advance();
      },
      [&](const InputError& e) {
        ++failures;
        std::fprintf(stderr, "linimasa ingest: %s\n", e.ToString().c_str());
      });
  advance();                 // the last batch read goes to analysis
  advance();                 // and is stored
  if (!abandoned) commit();  // an abandoned transaction is rolled back when the store closes
  if (fatal) return 2;
  auto total = (*store)->DocumentCount();
  std::fprintf(stderr, "linimasa ingest: %zu stored, %zu already there, %zu failed; %zu in %s\n",
               stored, skipped, failures, total.ok() ? *total : size_t(0), a.db.c_str());
  return failures ? 1 : 0;
}

// Person id → the state they lead, from the knowledge base of the data folder (the timeline counts
// a leader and their state as one participant). Empty, with a warning, when the KB cannot be read.
std::unordered_map<std::string, std::string> LeadersFromKb(const char* cmd) {
  std::unordered_map<std::string, std::string> leads;
  auto kb = entities::Kb::Load(DataDir());
  if (!kb.ok()) {
    std::fprintf(stderr,
                 "linimasa %s: warning: %s; leaders and their states are merged only by name\n",
                 cmd, kb.status().message().c_str());
    return leads;
  }
  for (const entities::KbEntity& e : kb->entities())
    if (!e.leads.empty()) leads[e.id] = e.leads;
  return leads;
}

struct TimelineArgs {
  std::string db, entity, type, outlet, from, to, format = "jsonl";
  bool all = false;
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
         (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 2) && s[7] == '-' &&
          digits(8, 2));
}

// Opens a database that must exist already (reading commands); prints the error and returns null.
std::unique_ptr<Store> OpenExisting(const char* cmd, const std::string& db) {
  std::FILE* probe = std::fopen(db.c_str(), "rb");
  if (!probe) {
    std::fprintf(stderr, "linimasa %s: --db %s: no such database (run linimasa ingest first)\n",
                 cmd, db.c_str());
    return nullptr;
  }
  std::fclose(probe);
  auto store = OpenSqliteStore(db);
  if (!store.ok()) {
    std::fprintf(stderr, "linimasa %s: --db %s\n", cmd, store.status().message().c_str());
    return nullptr;
  }
  return std::move(*store);
}

std::string Dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// --entity NAME|ID → entity ids; prints the error when nothing matches.
bool ResolveEntityArg(const char* cmd, Store& store, const std::string& name,
                      std::vector<std::string>& ids) {
  auto r = store.ResolveEntity(name);
  if (!r.ok() || r->empty()) {
    std::fprintf(
        stderr,
        "linimasa %s: --entity '%s' names no stored entity (use a name as the articles write "
        "it, a canonical name or an id such as gpe:KP)\n",
        cmd, name.c_str());
    return false;
  }
  ids = *r;
  return true;
}

bool CheckDates(const char* cmd, const std::string& from, const std::string& to) {
  for (const auto& [flag, value] : {std::pair{"--from", &from}, std::pair{"--to", &to}})
    if (!IsIsoDate(*value)) {
      std::fprintf(stderr,
                   "linimasa %s: %s '%s' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD\n", cmd,
                   flag, value->c_str());
      return false;
    }
  return true;
}

int RunTimeline(const TimelineArgs& a) {
  if (a.format != "jsonl" && a.format != "text") {
    std::fprintf(stderr, "linimasa timeline: --format must be jsonl or text\n");
    return 2;
  }
  if (!CheckDates("timeline", a.from, a.to)) return 2;
  std::unique_ptr<Store> store = OpenExisting("timeline", a.db);
  if (!store) return 2;
  timeline::Filter filter{{}, a.type, a.outlet, a.from, a.to};
  if (!a.entity.empty() && !ResolveEntityArg("timeline", *store, a.entity, filter.entity_ids))
    return 1;
  auto mentions = store->EventMentions();
  auto flags = store->Flags();
  if (!mentions.ok() || !flags.ok()) {
    std::fprintf(stderr, "linimasa timeline: %s\n",
                 (!mentions.ok() ? mentions.status() : flags.status()).message().c_str());
    return 2;
  }
  const auto leads = LeadersFromKb("timeline");
  timeline::Timeline t = timeline::Build(*mentions, *flags, filter, &leads);
  // The events a timeline can place and attribute, unless --all (flags are kept either way).
  size_t hidden = 0;
  if (!a.all)
    hidden = std::erase_if(t.events, [](const auto& e) { return !timeline::Complete(e); });
  // Near-duplicate copies among the reporting documents (wire copies are not independent).
  std::set<std::string> reporting;
  for (const timeline::MergedEvent& e : t.events)
    reporting.insert(e.reported_by.begin(), e.reported_by.end());
  auto docs = store->DocSummaries(std::vector<std::string>(reporting.begin(), reporting.end()));
  if (!docs.ok()) {
    std::fprintf(stderr, "linimasa timeline: %s\n", docs.status().message().c_str());
    return 2;
  }
  std::unordered_map<std::string, std::string> copy_of;
  for (const stories::Copy& c : stories::FindCopies(*docs))
    copy_of[(*docs)[c.doc].doc_id] = (*docs)[c.of].doc_id;
  timeline::MarkCopies(t, copy_of);
  auto list = [](const std::vector<std::string>& v) {
    std::string s;
    for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
  };
  auto reporters = [&](std::vector<std::string> docs) {  // "b (copy of a)" for a copy
    for (std::string& d : docs)
      if (auto it = copy_of.find(d); it != copy_of.end()) d += " (copy of " + it->second + ")";
    return list(docs);
  };
  for (const timeline::MergedEvent& e : t.events) {
    if (a.format == "text") {
      std::printf("%-10s  %-11s %s%s%s  [%s]  reported by %s\n",
                  e.date.empty() ? "?" : e.date.c_str(), e.type.c_str(), list(e.who).c_str(),
                  e.whom.empty() ? "" : (" → " + list(e.whom)).c_str(),
                  e.where.empty() ? "" : (" @ " + e.where).c_str(), e.modality.c_str(),
                  reporters(e.reported_by).c_str());
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
    j["independent_reports"] = e.independent;
    nlohmann::json ms = nlohmann::json::array();
    for (size_t k = 0; k < e.mentions.size(); ++k) {
      const StoredEventMention& m = *e.mentions[k];
      nlohmann::json x = {{"doc", m.doc_id},
                          {m.caption ? "caption" : "sentence", m.sentence},
                          {"date", e.mention_dates[k]},
                          {"modality", m.modality},
                          {"outlet", m.outlet},
                          {"text", m.sentence_text}};
      if (!e.mention_copy_of[k].empty()) x["copy_of"] = e.mention_copy_of[k];
      ms.push_back(std::move(x));
    }
    j["mentions"] = ms;
    std::printf("%s\n", Dump(j).c_str());
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
    std::printf("%s\n", Dump(nlohmann::json{{"flag", j}}).c_str());
  }
  if (hidden)
    std::fprintf(stderr,
                 "linimasa timeline: %zu event(s) without a date or an actor not shown (--all "
                 "shows them)\n",
                 hidden);
  return 0;
}

struct SearchArgs {
  std::string db, query, entity, type, outlet, from, to, format = "jsonl";
  size_t limit = 10;
};

int RunSearch(const SearchArgs& a) {
  if (a.format != "jsonl" && a.format != "text") {
    std::fprintf(stderr, "linimasa search: --format must be jsonl or text\n");
    return 2;
  }
  if (!CheckDates("search", a.from, a.to)) return 2;
  std::unique_ptr<Store> store = OpenExisting("search", a.db);
  if (!store) return 2;
  SearchQuery q;
  q.text = a.query;
  q.type = a.type;
  for (char& c : q.type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  q.outlet = a.outlet;
  q.from = a.from;
  q.to = a.to;
  q.limit = a.limit;
  if (a.format == "text") q.mark_open = "«", q.mark_close = "»";
  if (!a.entity.empty() && !ResolveEntityArg("search", *store, a.entity, q.entity_ids)) return 1;
  auto hits = store->Search(q);
  if (!hits.ok()) {
    std::fprintf(stderr, "linimasa search: %s\n", hits.status().message().c_str());
    return hits.status().code() == Status::Code::kInvalidArgument ? 1 : 2;
  }
  size_t rank = 0;
  for (const SearchHit& h : *hits) {
    ++rank;
    if (a.format == "text") {
      std::printf("%zu. %s  [%s%s%s]  %.2f\n   %s\n   %s\n", rank,
                  h.title.empty() ? h.doc_id.c_str() : h.title.c_str(),
                  h.outlet.empty() ? "?" : h.outlet.c_str(), h.published.empty() ? "" : ", ",
                  h.published.c_str(), h.score, h.doc_id.c_str(), h.snippet.c_str());
      continue;
    }
    auto opt = [](const std::string& s) {
      return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    std::printf("%s\n", Dump({{"rank", rank},
                              {"doc", h.doc_id},
                              {"score", h.score},
                              {"title", opt(h.title)},
                              {"outlet", opt(h.outlet)},
                              {"published", opt(h.published)},
                              {"snippet", h.snippet}})
                            .c_str());
  }
  if (hits->empty() && a.format == "text") std::printf("no document matches\n");
  return 0;
}

struct QuotesArgs {
  std::string db, speaker, format = "jsonl";
};

int RunQuotes(const QuotesArgs& a) {
  if (a.format != "jsonl" && a.format != "text") {
    std::fprintf(stderr, "linimasa quotes: --format must be jsonl or text\n");
    return 2;
  }
  std::unique_ptr<Store> store = OpenExisting("quotes", a.db);
  if (!store) return 2;
  auto ids = store->ResolveEntity(a.speaker);
  auto quotes = store->Quotes(ids.ok() ? *ids : std::vector<std::string>{}, a.speaker);
  if (!quotes.ok()) {
    std::fprintf(stderr, "linimasa quotes: %s\n", quotes.status().message().c_str());
    return 2;
  }
  for (const StoredQuote& q : *quotes) {
    if (a.format == "text") {
      std::printf("%s  %s (%s%s): “%s”\n",
                  q.published.empty() ? "?" : q.published.substr(0, 10).c_str(), q.speaker.c_str(),
                  q.doc_id.c_str(), q.outlet.empty() ? "" : (", " + q.outlet).c_str(),
                  q.text.c_str());
      continue;
    }
    auto opt = [](const std::string& s) {
      return s.empty() ? nlohmann::json() : nlohmann::json(s);
    };
    std::printf("%s\n", Dump({{"doc", q.doc_id},
                              {"outlet", opt(q.outlet)},
                              {"published", opt(q.published)},
                              {"speaker", q.speaker},
                              {"speaker_id", opt(q.speaker_id)},
                              {"cue", opt(q.cue)},
                              {"kind", q.direct ? "direct" : "indirect"},
                              {"text", q.text}})
                            .c_str());
  }
  if (quotes->empty())
    std::fprintf(stderr, "linimasa quotes: no quote attributed to '%s' in %s\n", a.speaker.c_str(),
                 a.db.c_str());
  return 0;
}

struct StoriesArgs {
  std::string db, format = "jsonl", data_dir;
  bool all = false;
};

int RunStories(const StoriesArgs& a) {
  if (a.format != "jsonl" && a.format != "text") {
    std::fprintf(stderr, "linimasa stories: --format must be jsonl or text\n");
    return 2;
  }
  std::unique_ptr<Store> store = OpenExisting("stories", a.db);
  const auto leads = LeadersFromKb("stories");
  if (!store) return 2;
  auto stopwords = search::LoadStopwords(a.data_dir.empty() ? DataDir() : a.data_dir);
  auto docs = store->DocSummaries();
  auto mentions = store->EventMentions();
  auto flags = store->Flags();
  for (const Status& s : {stopwords.status(), docs.status(), mentions.status(), flags.status()})
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa stories: %s\n", s.message().c_str());
      return 2;
    }
  stories::Grouping g = stories::Group(*docs, *stopwords);
  std::vector<int> copy_of(docs->size(), -1);
  for (const stories::Copy& c : g.copies) copy_of[c.doc] = static_cast<int>(c.of);
  size_t shown = 0;
  for (size_t k = 0; k < g.stories.size(); ++k) {
    const stories::Story& s = g.stories[k];
    if (s.docs.size() < 2 && !a.all) continue;
    ++shown;
    std::unordered_set<std::string> in_story;
    for (size_t d : s.docs) in_story.insert((*docs)[d].doc_id);
    std::vector<StoredEventMention> ms;
    for (const StoredEventMention& m : *mentions)
      if (in_story.count(m.doc_id)) ms.push_back(m);
    std::vector<StoredFlag> fs;
    for (const StoredFlag& f : *flags)
      if (in_story.count(f.doc_id)) fs.push_back(f);
    timeline::Timeline t = timeline::Build(ms, fs, {}, &leads);
    // As `timeline` shows them: events with a date and an actor (the others: timeline --all).
    const size_t hidden =
        std::erase_if(t.events, [](const auto& e) { return !timeline::Complete(e); });
    const StoredDocSummary& rep = (*docs)[s.representative];
    std::string title = rep.title.empty() ? rep.doc_id : rep.title;
    if (a.format == "text") {
      std::printf("== Story %zu: %s (%zu articles, %s – %s)\n", shown, title.c_str(), s.docs.size(),
                  s.from.empty() ? "?" : s.from.c_str(), s.to.empty() ? "?" : s.to.c_str());
      std::string ents;
      for (const std::string& e : s.entity_names) ents += (ents.empty() ? "" : ", ") + e;
      if (!ents.empty()) std::printf("   about: %s\n", ents.c_str());
      for (size_t d : s.docs) {
        const StoredDocSummary& x = (*docs)[d];
        std::printf(
            "   %s  %-12s %s%s\n",
            x.published.empty() ? "?         " : x.published.substr(0, 10).c_str(),
            x.outlet.empty() ? "?" : x.outlet.c_str(),
            x.title.empty() ? x.doc_id.c_str() : x.title.c_str(),
            copy_of[d] >= 0 ? (" (copy of " + (*docs)[copy_of[d]].doc_id + ")").c_str() : "");
      }
      for (const timeline::MergedEvent& e : t.events)
        std::printf("   - %-10s %-10s %s\n", e.date.empty() ? "?" : e.date.c_str(), e.type.c_str(),
                    [&] {
                      std::string w;
                      for (const std::string& x : e.who) w += (w.empty() ? "" : ", ") + x;
                      if (!e.whom.empty()) w += " →";
                      for (size_t i = 0; i < e.whom.size(); ++i) w += (i ? ", " : " ") + e.whom[i];
                      return w;
                    }()
                        .c_str());
      if (hidden > 0)
        std::printf("   (%zu more event(s) without a date or an actor: timeline --all)\n", hidden);
      for (const timeline::ContradictionFlag& f : t.flags)
        std::printf("   ! %s: %s\n", f.kind.c_str(), f.message.c_str());
      continue;
    }
    nlohmann::json j;
    j["story"] = "story-" + (*docs)[s.docs.front()].doc_id;
    j["title"] = title;
    j["from"] = s.from.empty() ? nlohmann::json() : nlohmann::json(s.from);
    j["to"] = s.to.empty() ? nlohmann::json() : nlohmann::json(s.to);
    j["entities"] = s.entity_names;
    j["entity_ids"] = s.entity_ids;
    nlohmann::json ds = nlohmann::json::array();
    for (size_t d : s.docs) {
      const StoredDocSummary& x = (*docs)[d];
      nlohmann::json o = {
          {"doc", x.doc_id},
          {"outlet", x.outlet.empty() ? nlohmann::json() : nlohmann::json(x.outlet)},
          {"published", x.published.empty() ? nlohmann::json() : nlohmann::json(x.published)},
          {"title", x.title.empty() ? nlohmann::json() : nlohmann::json(x.title)}};
      if (copy_of[d] >= 0) o["copy_of"] = (*docs)[copy_of[d]].doc_id;
      ds.push_back(o);
    }
    j["docs"] = ds;
    nlohmann::json tl = nlohmann::json::array();
    for (const timeline::MergedEvent& e : t.events)
      tl.push_back({{"date", e.date.empty() ? nlohmann::json() : nlohmann::json(e.date)},
                    {"type", e.type},
                    {"who", e.who},
                    {"whom", e.whom},
                    {"where", e.where.empty() ? nlohmann::json() : nlohmann::json(e.where)},
                    {"modality", e.modality},
                    {"reported_by", e.reported_by}});
    j["timeline"] = tl;
    j["events_not_shown"] = hidden;  // without a date or an actor (timeline --all lists them)
    nlohmann::json fl = nlohmann::json::array();
    for (const timeline::ContradictionFlag& f : t.flags)
      fl.push_back({{"kind", f.kind}, {"docs", f.docs}, {"text", f.text}, {"message", f.message}});
    j["flags"] = fl;
    std::printf("%s\n", Dump(j).c_str());
  }
  std::fprintf(
      stderr,
      "linimasa stories: %zu stories of 2+ articles, %zu articles, %zu near-duplicate copies\n",
      static_cast<size_t>(std::count_if(g.stories.begin(), g.stories.end(),
                                        [](const stories::Story& s) { return s.docs.size() > 1; })),
      docs->size(), g.copies.size());
  return 0;
}

}  // namespace

void AddCorpusCommands(CLI::App& app, int* rc) {
  auto ia = std::make_shared<IngestArgs>();
  CLI::App* ingest = app.add_subcommand(
      "ingest",
      "Analyse articles and store them in a database (SQLite); idempotent: an article "
      "already stored is skipped, a changed one is stored as a new version.");
  ingest->add_option("--db", ia->db, "database file (created if missing)")->required();
  ingest->add_option("inputs", ia->inputs, "files, directories or - for stdin")->required();
  ingest->add_option("--format", ia->format,
                     "input format: auto (default), text, html, jsonl, warc");
  ingest->add_option("--data-dir", ia->data_dir, "folder with linimasa's data files");
  ingest->add_option("--kb", ia->kb_files, "extra knowledge-base file(s) for entity linking");
  ingest
      ->add_option("-j,--jobs", ia->jobs,
                   "threads that analyse documents (they are stored by one, in input order)")
      ->check(CLI::Range(1, 256));
  ingest->add_option("--batch", ia->batch, "documents per transaction (default 64)")
      ->check(CLI::Range(1, 100000));
  ingest->callback([ia, rc] { *rc = RunIngest(*ia); });

  auto ta = std::make_shared<TimelineArgs>();
  CLI::App* tl = app.add_subcommand(
      "timeline",
      "Print the events of a database on one timeline, merged across documents, with "
      "the documents that report each and the contradictions found.");
  tl->add_option("--db", ta->db, "database made by linimasa ingest")->required();
  tl->add_option("--entity", ta->entity, "only events with this participant (any alias, or an id)");
  tl->add_option("--type", ta->type, "only events of this type (MEET, VISIT, …)");
  tl->add_option("--outlet", ta->outlet, "only mentions from this outlet");
  tl->add_option("--from", ta->from,
                 "only events whose date overlaps from this date on (YYYY[-MM[-DD]])");
  tl->add_option("--to", ta->to, "only events whose date overlaps up to this date");
  tl->add_option("--format", ta->format, "jsonl (default) or text");
  tl->add_flag("--all", ta->all,
               "also events without a date or without an actor (by default a timeline shows the "
               "events it can place and attribute)");
  tl->callback([ta, rc] { *rc = RunTimeline(*ta); });

  auto sa = std::make_shared<SearchArgs>();
  CLI::App* se = app.add_subcommand(
      "search",
      "Full-text search of a database: words match any form of their lemma (\"kunjungan\" "
      "finds \"mengunjungi\"); \"phrases\", OR, -exclusions and prefix* work; BM25 ranking.");
  se->add_option("--db", sa->db, "database made by linimasa ingest")->required();
  se->add_option("query", sa->query, "what to look for")->required();
  se->add_option("--entity", sa->entity,
                 "only documents mentioning this entity (any alias, or an id)");
  se->add_option("--type", sa->type, "only documents with an event of this type (MEET, VISIT, …)");
  se->add_option("--outlet", sa->outlet, "only documents from this outlet");
  se->add_option("--from", sa->from, "only documents published from this date on (YYYY[-MM[-DD]])");
  se->add_option("--to", sa->to, "only documents published up to this date (YYYY[-MM[-DD]])");
  se->add_option("--limit", sa->limit, "hits to print (default 10)")->check(CLI::Range(1, 10000));
  se->add_option("--format", sa->format, "jsonl (default) or text");
  se->callback([sa, rc] { *rc = RunSearch(*sa); });

  auto qa = std::make_shared<QuotesArgs>();
  CLI::App* qu =
      app.add_subcommand("quotes", "Print what a speaker is quoted saying, across a database.");
  qu->add_option("--db", qa->db, "database made by linimasa ingest")->required();
  qu->add_option("--speaker", qa->speaker,
                 "the speaker: any alias (\"Putin\"), canonical name or id")
      ->required();
  qu->add_option("--format", qa->format, "jsonl (default) or text");
  qu->callback([qa, rc] { *rc = RunQuotes(*qa); });

  auto sta = std::make_shared<StoriesArgs>();
  CLI::App* st = app.add_subcommand(
      "stories",
      "Group the articles of a database into stories (shared entities and content words), "
      "mark near-duplicate copies, and print each story with its timeline.");
  st->add_option("--db", sta->db, "database made by linimasa ingest")->required();
  st->add_option("--format", sta->format, "jsonl (default) or text");
  st->add_flag("--all", sta->all, "also print stories of a single article");
  st->add_option("--data-dir", sta->data_dir, "folder with linimasa's data files");
  st->callback([sta, rc] { *rc = RunStories(*sta); });
}

}  // namespace linimasa::cli
