// `linimasa eval events|quotes`: event and quote extraction scored against hand-made gold.
//
// Matching (documented for annotators and users in tests/gold/detik-events/README.md):
// - an event is found when a predicted event of the same type has a trigger overlapping the gold
//   trigger (one-to-one, the largest overlap first); "trigger" rows ignore the type;
// - arguments are scored ACE-style: a predicted actor/target is correct when its event is found
//   and the gold event has a matching name in the same role; predicted arguments of unfound events
//   count against precision;
// - names match when, lower-cased and split on non-letters, one is the other or a leading or
//   trailing run of its words ("Prabowo" ~ "Prabowo Subianto"), or when both are names of one
//   entity of the knowledge base ("Jawa Barat" ~ "West Java"); a gold name may list alternatives
//   with "/" ("Komisi Pemberantasan Korupsi/KPK"); a short form the article defines ("Satuan
//   Pelayanan Pemenuhan Gizi (SPPG)") matches its long form, alone or in a longer name;
// - time, place and modality are scored on found events: time and place over the events whose gold
//   gives one (an article that does not date an event leaves the system free to);
// - a quote is found when the spans overlap (one-to-one, largest overlap first); its speaker is
//   right when the names match, or when both are empty (an unnamed source: "kata polisi").
#include "cli/eval_events.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "core/file_env.h"
#include "core/utf8.h"
#include "entities/kb.h"
#include "entities/short_forms.h"
#include "linimasa/reader.h"

namespace linimasa::cli {
namespace {

struct GEvent {
  size_t s = 0, e = 0;
  std::string type, text;
  std::vector<std::string> actors, targets;
  std::string place, time, modality;
};

struct GQuote {
  size_t s = 0, e = 0;
  bool direct = true;
  std::string speaker, text;
};

struct Article {
  std::string id, published, title, text;
  std::vector<GEvent> events;
  std::vector<GQuote> quotes;
  // Short forms the text defines ("Satuan Pelayanan Pemenuhan Gizi (SPPG)"): lower-case short
  // form → its long form's lower-case words joined by spaces.
  std::map<std::string, std::string> short_forms;
  const entities::Kb* kb = nullptr;  // names of one KB entity match (set on gold articles)
};

// The short forms "WORD (SF)" of `text` defines, SF one word of 2–12 letters and digits opened by
// a capital, its long form found among the ten words before by Schwartz & Hearst's algorithm.
std::map<std::string, std::string> ShortForms(const std::string& text) {
  std::map<std::string, std::string> out;
  auto word_char = [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c));
  };
  for (size_t open = text.find('('); open != std::string::npos; open = text.find('(', open + 1)) {
    const size_t close = text.find(')', open);
    if (close == std::string::npos || close - open < 3 || close - open > 13) continue;
    const std::string sf = text.substr(open + 1, close - open - 1);
    if (!std::isupper(static_cast<unsigned char>(sf[0])) ||
        !std::all_of(sf.begin(), sf.end(), [](char c) { return std::isalnum((unsigned char)c); }))
      continue;
    // Up to ten words before, over spaces, commas and hyphens only.
    std::vector<std::string_view> words;
    size_t i = open;
    while (words.size() < 10 && i > 0) {
      size_t e = i;
      while (e > 0 && (text[e - 1] == ' ' || text[e - 1] == ',' || text[e - 1] == '-')) --e;
      if (e == i && i != open) break;
      size_t b = e;
      while (b > 0 && word_char(text[b - 1])) --b;
      if (b == e) break;
      words.insert(words.begin(), std::string_view(text).substr(b, e - b));
      i = b;
    }
    const size_t start = entities::LongFormStart(sf, words);
    if (start == SIZE_MAX) continue;
    std::string lf;
    for (size_t w = start; w < words.size(); ++w)
      lf += (lf.empty() ? "" : " ") + utf8::AsciiLower(words[w]);
    out.emplace(utf8::AsciiLower(sf), lf);
  }
  return out;
}

double Div(double a, double b) { return b > 0 ? a / b : 0.0; }

std::string Str(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> Names(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& x : *it)
    if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

// Reads GOLD or PRED: one article per line. Errors name the file, line and field.
Status ReadArticles(const std::string& path, std::vector<Article>& out) {
  auto lines = ReadFileLines(path);
  if (!lines.ok()) return lines.status();
  size_t n = 0;
  for (const auto& line : *lines) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    auto where = [&](const std::string& what) {
      return Status::InvalidArgument(
          path + " line " + std::to_string(n) + ": " + what +
          "; each line is one article {\"id\", \"text\", \"events\", \"quotes\"}");
    };
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) return where("not a JSON object");
    Article a;
    a.id = Str(j, "id");
    if (a.id.empty()) return where("no \"id\"");
    a.text = Str(j, "text");
    a.short_forms = ShortForms(a.text);
    a.published = Str(j, "published");
    a.title = Str(j, "title");
    if (auto it = j.find("events"); it != j.end() && it->is_array()) {
      for (const auto& e : *it) {
        GEvent g;
        auto t = e.find("trigger");
        if (!e.is_object() || t == e.end() || !t->is_object() || !t->contains("start") ||
            !t->contains("end") || !(*t)["start"].is_number_unsigned() ||
            !(*t)["end"].is_number_unsigned())
          return where("an event without \"trigger\": {\"start\", \"end\"}");
        g.s = (*t)["start"].get<size_t>();
        g.e = (*t)["end"].get<size_t>();
        g.text = Str(*t, "text");
        g.type = Str(e, "type");
        g.actors = Names(e, "actors");
        g.targets = Names(e, "targets");
        g.place = Str(e, "place");
        g.time = Str(e, "time");
        g.modality = Str(e, "modality");
        a.events.push_back(std::move(g));
      }
    }
    if (auto it = j.find("quotes"); it != j.end() && it->is_array()) {
      for (const auto& q : *it) {
        if (!q.is_object() || !q.contains("start") || !q.contains("end") ||
            !q["start"].is_number_unsigned() || !q["end"].is_number_unsigned())
          return where("a quote without \"start\" and \"end\"");
        GQuote g;
        g.s = q["start"].get<size_t>();
        g.e = q["end"].get<size_t>();
        g.speaker = Str(q, "speaker");
        g.text = Str(q, "text");
        std::string kind = Str(q, "kind");
        g.direct = kind.empty() ? !(q.contains("direct") && q["direct"].is_boolean() &&
                                    !q["direct"].get<bool>())
                                : kind != "i";
        a.quotes.push_back(std::move(g));
      }
    }
    out.push_back(std::move(a));
  }
  return Status::Ok();
}

// Runs the default pipeline on each gold article and maps the offsets back onto its text.
Status RunEngine(const std::vector<Article>& gold, const std::string& gold_path,
                 const std::string& data_dir, std::map<std::string, Article>& pred) {
  auto pipeline = BuildPipeline({}, data_dir, {});
  if (!pipeline.ok()) return pipeline.status();
  ReadOptions ro;
  ro.format = InputFormat::kJsonl;
  for (const auto& g : gold) {
    nlohmann::json rec = {{"id", g.id}, {"text", g.text}};
    if (!g.published.empty()) rec["published"] = g.published;
    if (!g.title.empty()) rec["title"] = g.title;
    std::optional<Document> doc;
    Status err = Status::Ok();
    ReadBuffer(
        rec.dump(), gold_path, ro, [&](Document&& d) { doc = std::move(d); },
        [&](const InputError& e) { err = Status::InvalidArgument(e.ToString()); });
    if (!err.ok()) return err;
    if (!doc)
      return Status::InvalidArgument(gold_path + ": article " + g.id +
                                     " gave no document (is its \"text\" empty?)");
    if (Status st = (*pipeline)->Run(*doc); !st.ok()) return st;
    utf8::CodePointIndex cp(doc->raw);
    auto map = [&](size_t clean) { return cp.ToCodePoint(doc->RawOffset(clean)); };
    Article a;
    a.id = g.id;
    if (doc->events) {
      for (const auto& e : *doc->events) {
        GEvent p;
        p.s = map(e.trigger.start);
        p.e = map(e.trigger.end);
        p.text = doc->text->substr(e.trigger.start, e.trigger.size());
        p.type = e.type;
        p.actors = e.actors;
        p.targets = e.targets;
        p.place = e.place.value_or("");
        p.time = e.time.value_or("");
        p.modality = e.modality;
        a.events.push_back(std::move(p));
      }
    }
    if (doc->quotes) {
      for (const auto& q : *doc->quotes) {
        GQuote p;
        p.s = map(q.span.start);
        p.e = map(q.span.end);
        p.direct = q.direct;
        p.speaker = q.speaker.value_or("");
        p.text = doc->text->substr(q.span.start, std::min<size_t>(q.span.size(), 60));
        a.quotes.push_back(std::move(p));
      }
    }
    pred[g.id] = std::move(a);
  }
  return Status::Ok();
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : utf8::AsciiLower(s)) {
    if (static_cast<unsigned char>(c) >= 0x80 || std::isalnum(static_cast<unsigned char>(c))) {
      cur += c;
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool NameMatch(const std::string& gold, const std::string& pred) {
  auto p = Words(pred);
  if (p.empty()) return false;
  size_t from = 0;
  while (from <= gold.size()) {
    size_t slash = gold.find('/', from);
    if (slash == std::string::npos) slash = gold.size();
    auto g = Words(gold.substr(from, slash - from));
    from = slash + 1;
    if (g.empty()) continue;
    const auto& shorter = g.size() <= p.size() ? g : p;
    const auto& longer = g.size() <= p.size() ? p : g;
    if (std::equal(shorter.begin(), shorter.end(), longer.begin()) ||
        std::equal(shorter.rbegin(), shorter.rend(), longer.rbegin()))
      return true;
  }
  return false;
}

size_t Overlap(size_t s1, size_t e1, size_t s2, size_t e2) {
  size_t s = std::max(s1, s2), e = std::min(e1, e2);
  return e > s ? e - s : 0;
}

// One-to-one matching, largest overlap first. Returns pred index per gold item (-1: none).
template <typename G, typename P, typename Ok>
std::vector<int> Match(const std::vector<G>& gold, const std::vector<P>& pred, Ok ok) {
  struct Cand {
    size_t ov;
    int g, p;
  };
  std::vector<Cand> cands;
  for (size_t i = 0; i < gold.size(); ++i)
    for (size_t j = 0; j < pred.size(); ++j)
      if (size_t ov = Overlap(gold[i].s, gold[i].e, pred[j].s, pred[j].e);
          ov > 0 && ok(gold[i], pred[j]))
        cands.push_back({ov, static_cast<int>(i), static_cast<int>(j)});
  std::stable_sort(cands.begin(), cands.end(),
                   [](const Cand& a, const Cand& b) { return a.ov > b.ov; });
  std::vector<int> g2p(gold.size(), -1);
  std::vector<bool> used(pred.size(), false);
  for (const auto& c : cands) {
    if (g2p[c.g] >= 0 || used[c.p]) continue;
    g2p[c.g] = c.p;
    used[c.p] = true;
  }
  return g2p;
}

// Matches predicted names to gold names one-to-one; returns how many predicted names are right.
// A name with each short form the article defines written out ("SPPG Bogor" → "satuan pelayanan
// pemenuhan gizi bogor").
std::string Expand(const Article& a, const std::string& name) {
  std::string out;
  for (const std::string& w : Words(name)) {
    auto it = a.short_forms.find(w);
    out += (out.empty() ? "" : " ") + (it != a.short_forms.end() ? it->second : w);
  }
  return out;
}

// NameMatch, or NameMatch once the short forms the article defines are written out: a name and
// its short form are one name there ("Pemprov DKI Jakarta" = "Pemerintah Provinsi DKI Jakarta").
bool NameMatchIn(const Article& a, const std::string& gold, const std::string& pred) {
  if (NameMatch(gold, pred)) return true;
  if (a.kb) {  // two names of one KB entity: "Jawa Barat" = "West Java", "Rusia" = "Russia"
    const entities::KbEntity* p = a.kb->Lookup(pred);
    for (size_t from = 0; p && from <= gold.size();) {
      size_t slash = gold.find('/', from);
      if (slash == std::string::npos) slash = gold.size();
      if (a.kb->Lookup(std::string_view(gold).substr(from, slash - from)) == p) return true;
      from = slash + 1;
    }
  }
  if (a.short_forms.empty()) return false;
  size_t from = 0;
  const std::string p = Expand(a, pred);
  while (from <= gold.size()) {
    size_t slash = gold.find('/', from);
    if (slash == std::string::npos) slash = gold.size();
    if (NameMatch(Expand(a, gold.substr(from, slash - from)), p)) return true;
    from = slash + 1;
  }
  return false;
}

size_t NamesRight(const Article& a, const std::vector<std::string>& gold,
                  const std::vector<std::string>& pred) {
  std::vector<bool> used(gold.size(), false);
  size_t ok = 0;
  for (const auto& p : pred) {
    for (size_t i = 0; i < gold.size(); ++i) {
      if (!used[i] && NameMatchIn(a, gold[i], p)) {
        used[i] = true;
        ++ok;
        break;
      }
    }
  }
  return ok;
}

struct Count {
  size_t gold = 0, pred = 0, ok = 0;
  double p() const { return Div(ok, pred); }
  double r() const { return Div(ok, gold); }
  double f1() const { return Div(2 * p() * r(), p() + r()); }
};

void Row(const std::string& name, const Count& c) {
  std::printf("%-24s %6zu %6zu %6zu %8.4f %8.4f %8.4f\n", name.c_str(), c.gold, c.pred, c.ok, c.p(),
              c.r(), c.f1());
}

nlohmann::json Json(const Count& c) {
  auto r = [](double x) { return std::round(x * 1e6) / 1e6; };
  return {{"gold", c.gold}, {"pred", c.pred}, {"correct", c.ok},
          {"p", r(c.p())},  {"r", r(c.r())},  {"f1", r(c.f1())}};
}

std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : "; ") + x;
  return "[" + s + "]";
}

int ScoreEvents(const std::vector<Article>& gold, std::map<std::string, Article>& pred,
                bool errors) {
  Count trig, typed, actors, targets, args, time, place;
  std::map<std::string, Count> by_type, by_mod;
  size_t mod_ok = 0, found = 0;
  for (const auto& g : gold) {
    const Article& p = pred[g.id];
    auto any = [](const GEvent&, const GEvent&) { return true; };
    auto same = [](const GEvent& a, const GEvent& b) { return a.type == b.type; };
    auto t2 = Match(g.events, p.events, any);
    trig.gold += g.events.size();
    trig.pred += p.events.size();
    trig.ok += std::count_if(t2.begin(), t2.end(), [](int x) { return x >= 0; });
    auto g2p = Match(g.events, p.events, same);
    std::vector<bool> used(p.events.size(), false);
    for (const auto& e : g.events) {
      ++by_type[e.type].gold;
      actors.gold += e.actors.size();
      targets.gold += e.targets.size();
    }
    for (const auto& e : p.events) {
      ++by_type[e.type].pred;
      actors.pred += e.actors.size();
      targets.pred += e.targets.size();
    }
    for (size_t i = 0; i < g.events.size(); ++i) {
      const GEvent& ge = g.events[i];
      if (g2p[i] < 0) {
        if (errors)
          std::printf("miss   %s %zu '%s' %s %s\n", g.id.c_str(), ge.s, ge.text.c_str(),
                      ge.type.c_str(), ge.modality.c_str());
        continue;
      }
      const GEvent& pe = p.events[g2p[i]];
      used[g2p[i]] = true;
      ++found;
      ++by_type[ge.type].ok;
      size_t a_ok = NamesRight(g, ge.actors, pe.actors),
             t_ok = NamesRight(g, ge.targets, pe.targets);
      actors.ok += a_ok;
      targets.ok += t_ok;
      if (errors && (a_ok != ge.actors.size() || a_ok != pe.actors.size() ||
                     t_ok != ge.targets.size() || t_ok != pe.targets.size()))
        std::printf("args   %s '%s' %s: gold %s -> %s, pred %s -> %s\n", g.id.c_str(),
                    ge.text.c_str(), ge.type.c_str(), Join(ge.actors).c_str(),
                    Join(ge.targets).c_str(), Join(pe.actors).c_str(), Join(pe.targets).c_str());
      if (!ge.time.empty()) {
        ++time.gold;
        if (!pe.time.empty()) ++time.pred;
        if (pe.time == ge.time)
          ++time.ok;
        else if (errors)
          std::printf("time   %s '%s': gold %s, pred %s\n", g.id.c_str(), ge.text.c_str(),
                      ge.time.c_str(), pe.time.empty() ? "-" : pe.time.c_str());
      }
      if (!ge.place.empty()) {
        ++place.gold;
        if (!pe.place.empty()) ++place.pred;
        if (!pe.place.empty() && NameMatchIn(g, ge.place, pe.place))
          ++place.ok;
        else if (errors)
          std::printf("place  %s '%s': gold %s, pred %s\n", g.id.c_str(), ge.text.c_str(),
                      ge.place.c_str(), pe.place.empty() ? "-" : pe.place.c_str());
      }
      ++by_mod[ge.modality].gold;
      ++by_mod[pe.modality].pred;
      if (pe.modality == ge.modality) {
        ++mod_ok;
        ++by_mod[ge.modality].ok;
      } else if (errors) {
        std::printf("mod    %s '%s' %s: gold %s, pred %s\n", g.id.c_str(), ge.text.c_str(),
                    ge.type.c_str(), ge.modality.c_str(), pe.modality.c_str());
      }
    }
    if (errors)
      for (size_t j = 0; j < p.events.size(); ++j)
        if (!used[j])
          std::printf("false  %s %zu '%s' %s %s\n", g.id.c_str(), p.events[j].s,
                      p.events[j].text.c_str(), p.events[j].type.c_str(),
                      p.events[j].modality.c_str());
  }
  typed.gold = trig.gold;
  typed.pred = trig.pred;
  typed.ok = found;
  args.gold = actors.gold + targets.gold;
  args.pred = actors.pred + targets.pred;
  args.ok = actors.ok + targets.ok;
  std::printf("%-24s %6s %6s %6s %8s %8s %8s\n", "events", "gold", "pred", "right", "P", "R", "F1");
  Row("trigger", trig);
  Row("type+trigger", typed);
  for (const auto& [t, c] : by_type) Row("  " + t, c);
  Row("actors", actors);
  Row("targets", targets);
  Row("arguments", args);
  Row("time (dated in gold)", time);
  Row("place (placed in gold)", place);
  for (const auto& [m, c] : by_mod) Row("  modality " + m, c);
  std::printf("%-24s %6zu found events: accuracy %.4f\n", "modality", found, Div(mod_ok, found));
  nlohmann::json j = {
      {"trigger", Json(trig)},   {"type_trigger", Json(typed)},
      {"actors", Json(actors)},  {"targets", Json(targets)},
      {"arguments", Json(args)}, {"time", Json(time)},
      {"place", Json(place)},    {"modality", {{"found", found}, {"acc", Div(mod_ok, found)}}}};
  for (const auto& [t, c] : by_type) j["types"][t] = Json(c);
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

int ScoreQuotes(const std::vector<Article>& gold, std::map<std::string, Article>& pred,
                bool errors) {
  Count span, speaker, direct, indirect;
  for (const auto& g : gold) {
    const Article& p = pred[g.id];
    auto g2p = Match(g.quotes, p.quotes, [](const GQuote&, const GQuote&) { return true; });
    std::vector<bool> used(p.quotes.size(), false);
    span.gold += g.quotes.size();
    span.pred += p.quotes.size();
    speaker.gold += g.quotes.size();
    speaker.pred += p.quotes.size();
    for (const auto& q : g.quotes) ++(q.direct ? direct : indirect).gold;
    for (const auto& q : p.quotes) ++(q.direct ? direct : indirect).pred;
    for (size_t i = 0; i < g.quotes.size(); ++i) {
      const GQuote& gq = g.quotes[i];
      if (g2p[i] < 0) {
        if (errors)
          std::printf("miss   %s %zu %s '%s…' (%s)\n", g.id.c_str(), gq.s,
                      gq.direct ? "direct" : "indirect", gq.text.substr(0, 50).c_str(),
                      gq.speaker.empty() ? "-" : gq.speaker.c_str());
        continue;
      }
      const GQuote& pq = p.quotes[g2p[i]];
      used[g2p[i]] = true;
      ++span.ok;
      if (gq.direct == pq.direct) ++(gq.direct ? direct : indirect).ok;
      bool ok = gq.speaker.empty() ? pq.speaker.empty() : NameMatchIn(g, gq.speaker, pq.speaker);
      if (ok)
        ++speaker.ok;
      else if (errors)
        std::printf("who    %s %zu '%s…': gold %s, pred %s\n", g.id.c_str(), gq.s,
                    gq.text.substr(0, 40).c_str(), gq.speaker.empty() ? "-" : gq.speaker.c_str(),
                    pq.speaker.empty() ? "-" : pq.speaker.c_str());
    }
    if (errors)
      for (size_t j = 0; j < p.quotes.size(); ++j)
        if (!used[j])
          std::printf("false  %s %zu '%s…' (%s)\n", g.id.c_str(), p.quotes[j].s,
                      p.quotes[j].text.c_str(),
                      p.quotes[j].speaker.empty() ? "-" : p.quotes[j].speaker.c_str());
  }
  std::printf("%-24s %6s %6s %6s %8s %8s %8s\n", "quotes", "gold", "pred", "right", "P", "R", "F1");
  Row("span", span);
  Row("span+speaker", speaker);
  Row("  direct", direct);
  Row("  indirect", indirect);
  nlohmann::json j = {{"span", Json(span)},
                      {"speaker", Json(speaker)},
                      {"direct", Json(direct)},
                      {"indirect", Json(indirect)}};
  std::printf("%s\n", j.dump().c_str());
  return 0;
}

}  // namespace

int EvalEventsOrQuotes(const std::string& task, const std::string& gold_path,
                       const std::string& pred_path, const std::string& data_dir, bool errors) {
  const std::string who = "linimasa eval " + task + ": ";
  std::vector<Article> gold;
  if (Status st = ReadArticles(gold_path, gold); !st.ok()) {
    std::fprintf(stderr, "%s%s\n", who.c_str(), st.message().c_str());
    return 2;
  }
  auto kb = entities::Kb::Load(data_dir.empty() ? DataDir() : data_dir);  // else: words only
  if (kb.ok())
    for (Article& a : gold) a.kb = &*kb;
  std::map<std::string, Article> pred;
  if (pred_path.empty()) {
    if (Status st = RunEngine(gold, gold_path, data_dir, pred); !st.ok()) {
      std::fprintf(stderr, "%s%s\n", who.c_str(), st.message().c_str());
      return 2;
    }
  } else {
    std::vector<Article> p;
    if (Status st = ReadArticles(pred_path, p); !st.ok()) {
      std::fprintf(stderr, "%s%s\n", who.c_str(), st.message().c_str());
      return 2;
    }
    for (auto& a : p) pred[a.id] = std::move(a);
  }
  return task == "events" ? ScoreEvents(gold, pred, errors) : ScoreQuotes(gold, pred, errors);
}

}  // namespace linimasa::cli
