#include "store/timeline.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <unordered_map>

#include "time/calendar.h"

namespace linimasa::timeline {

namespace {

int ModalityRank(const std::string& m) {
  if (m == "asserted" || m == "reported") return 0;
  if (m == "planned") return 1;
  if (m == "alleged") return 2;
  if (m == "hypothetical") return 3;
  return 4;  // denied
}

std::string Kind(const std::string& type) { return type == "ARRIVE" ? "VISIT" : type; }

bool Shares(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (const std::string& x : a)
    if (std::find(b.begin(), b.end(), x) != b.end()) return true;
  return false;
}

std::optional<int64_t> DayNumber(const std::string& d) {
  if (d.size() != 10) return std::nullopt;
  int y = std::atoi(d.substr(0, 4).c_str()), m = std::atoi(d.substr(5, 2).c_str()),
      dd = std::atoi(d.substr(8, 2).c_str());
  if (!timex::ValidDate(y, m, dd)) return std::nullopt;
  return timex::DaysFromCivil(y, m, dd);
}

struct Item {
  const StoredEventMention* m;
  std::string date;
  bool explicit_date;
  // The mention's actor and target ids as merging compares them (a leader as the state they
  // lead), worked out once per mention.
  std::vector<std::string> actors, targets;
};

bool DatesCompatible(const Item& a, const Item& b) {
  if (a.date.empty() || b.date.empty()) return false;
  const std::string& s = a.date.size() <= b.date.size() ? a.date : b.date;
  const std::string& l = a.date.size() <= b.date.size() ? b.date : a.date;
  if (l.compare(0, s.size(), s) == 0) return true;
  bool loose = a.m->modality == "planned" || b.m->modality == "planned" || !a.explicit_date ||
               !b.explicit_date;
  auto x = DayNumber(a.date), y = DayNumber(b.date);
  return loose && x && y && std::llabs(*x - *y) <= 7;
}

using Leads = std::unordered_map<std::string, std::string>;

// Ids as merging compares them: a leader as the state they lead.
std::vector<std::string> AsStates(const std::vector<std::string>& ids, const Leads* leads) {
  std::vector<std::string> out = ids;
  if (leads)
    for (std::string& id : out)
      if (auto it = leads->find(id); it != leads->end()) id = it->second;
  return out;
}

bool SameEvent(const Item& a, const Item& b) {
  if (Kind(a.m->type) != Kind(b.m->type)) return false;
  if (a.m->type == "MEET") {
    // Symmetric: the participants of one are all among the other's. Kim meeting Kozlov is not
    // Kim meeting Putin, though both have Kim; Kim meeting Putin is the meeting of their states.
    std::vector<std::string> pa = a.actors, pb = b.actors;
    pa.insert(pa.end(), a.targets.begin(), a.targets.end());
    pb.insert(pb.end(), b.targets.begin(), b.targets.end());
    auto within = [](const std::vector<std::string>& x, const std::vector<std::string>& y) {
      return std::all_of(x.begin(), x.end(), [&](const std::string& id) {
        return std::find(y.begin(), y.end(), id) != y.end();
      });
    };
    if (!Shares(pa, pb) || (!within(pa, pb) && !within(pb, pa))) return false;
  } else {
    if (!Shares(a.actors, b.actors)) return false;
    if (!a.targets.empty() && !b.targets.empty() && !Shares(a.targets, b.targets)) return false;
  }
  return DatesCompatible(a, b);
}

// Better evidence first.
bool Better(const Item& a, const Item& b) {
  if (a.explicit_date != b.explicit_date) return a.explicit_date;
  if (a.m->time_flagged != b.m->time_flagged) return !a.m->time_flagged;
  int ra = ModalityRank(a.m->modality), rb = ModalityRank(b.m->modality);
  if (ra != rb) return ra < rb;
  // The body before a photo caption: the caption fills in only what the body leaves out.
  if (a.m->caption != b.m->caption) return !a.m->caption;
  if (a.date.size() != b.date.size()) return a.date.size() > b.date.size();
  return a.m->doc_id < b.m->doc_id;
}

void AddUnique(std::vector<std::string>& names, std::vector<std::string>& ids, const std::string& n,
               const std::string& id) {
  if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
  names.push_back(n);
  ids.push_back(id);
}

}  // namespace

namespace {

// First and last day of the period a date names ("2022-02" → 2022-02-01 … 2022-02-31; the day
// numbers only need to compare right as strings).
std::pair<std::string, std::string> Period(const std::string& date) {
  std::string d = date.substr(0, 10);
  if (d.size() == 4) return {d + "-01-01", d + "-12-31"};
  if (d.size() == 7) return {d + "-01", d + "-31"};
  return {d, d};
}

}  // namespace

bool Overlaps(const std::string& date, const std::string& from, const std::string& to) {
  if (date.empty()) return from.empty() && to.empty();
  auto [lo, hi] = Period(date);
  if (!from.empty() && hi < Period(from).first) return false;
  if (!to.empty() && lo > Period(to).second) return false;
  return true;
}

bool Complete(const MergedEvent& e) { return !e.date.empty() && !e.who.empty(); }

// A person an article names by one word only ("Afifuddin", id per:afifudin) is the person
// another names in full ("Mochammad Afifuddin", per:mochamad_afifudin) when exactly one full name
// among the mentions has that word: short id → (full id, its name).
static std::unordered_map<std::string, std::pair<std::string, std::string>> FullNames(
    const std::vector<StoredEventMention>& mentions) {
  std::unordered_map<std::string, std::string> name;  // person id → a name written for it
  auto collect = [&](const std::vector<std::string>& ids, const std::vector<std::string>& names) {
    for (size_t k = 0; k < ids.size() && k < names.size(); ++k)
      if (ids[k].rfind("per:", 0) == 0) name.emplace(ids[k], names[k]);
  };
  for (const StoredEventMention& m : mentions) {
    collect(m.actor_ids, m.actors);
    collect(m.target_ids, m.targets);
  }
  std::unordered_map<std::string, std::vector<std::string>> by_word;  // word → full ids with it
  for (const auto& [id, n] : name) {
    const std::string slug = id.substr(4);
    if (slug.find('_') == std::string::npos) continue;
    for (size_t p = 0; p <= slug.size();) {
      size_t q = slug.find('_', p);
      if (q == std::string::npos) q = slug.size();
      by_word[slug.substr(p, q - p)].push_back(id);
      p = q + 1;
    }
  }
  std::unordered_map<std::string, std::pair<std::string, std::string>> out;
  for (const auto& [id, n] : name) {
    const std::string slug = id.substr(4);
    if (slug.find('_') != std::string::npos) continue;
    auto it = by_word.find(slug);
    if (it == by_word.end()) continue;
    std::vector<std::string> full = it->second;
    std::sort(full.begin(), full.end());
    full.erase(std::unique(full.begin(), full.end()), full.end());
    if (full.size() == 1) out[id] = {full[0], name[full[0]]};
  }
  return out;
}

Timeline Build(const std::vector<StoredEventMention>& mentions,
               const std::vector<StoredFlag>& flags, const Filter& filter, const Leads* leads) {
  // One-word person names written out, for merging and for what the events show.
  const auto full = FullNames(mentions);
  auto canon = [&](const std::string& id) -> const std::string& {
    auto it = full.find(id);
    return it == full.end() ? id : it->second.first;
  };
  auto canon_all = [&](const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    out.reserve(ids.size());
    for (const std::string& id : ids) out.push_back(canon(id));
    return out;
  };
  // The entity filter's ids and what they are written out as.
  std::vector<std::string> wanted = filter.entity_ids;
  for (const std::string& id : filter.entity_ids)
    if (canon(id) != id) wanted.push_back(canon(id));
  auto add = [&](std::vector<std::string>& names, std::vector<std::string>& ids,
                 const std::string& name, const std::string& id) {
    auto it = full.find(id);
    if (it == full.end()) {
      AddUnique(names, ids, name, id);
    } else {
      AddUnique(names, ids, it->second.second, it->second.first);
    }
  };
  std::vector<Item> items;
  for (const StoredEventMention& m : mentions) {
    if (!filter.outlet.empty() && m.outlet != filter.outlet) continue;
    // A time that is not a calendar date (PAST_REF: "sempat", "pernah" without a date) leaves
    // the event undated; only a mention without any time takes its article's publication day.
    const bool calendar =
        m.time && !m.time->empty() && m.time->front() >= '0' && m.time->front() <= '9';
    items.push_back(Item{&m,
                         calendar ? *m.time
                         : m.time ? ""
                                  : (m.published.size() >= 10 ? m.published.substr(0, 10) : ""),
                         calendar, AsStates(canon_all(m.actor_ids), leads),
                         AsStates(canon_all(m.target_ids), leads)});
  }
  std::sort(items.begin(), items.end(), Better);
  // Greedy clustering: each mention joins the first event (in evidence order) it is compatible
  // with. SameEvent needs a shared participant of the same kind, so the events are indexed by
  // (kind, participant id) of their first mention and a mention is compared only with the events
  // under its own keys (the scan of every event was quadratic: hours on 100k articles).
  std::vector<std::vector<Item>> clusters;
  std::unordered_map<std::string, std::vector<size_t>> by_key;
  auto keys = [](const Item& it) {
    std::vector<std::string> out;
    const std::string kind = Kind(it.m->type);
    for (const std::string& id : it.actors) out.push_back(kind + '\x1f' + id);
    if (kind == "MEET")
      for (const std::string& id : it.targets) out.push_back(kind + '\x1f' + id);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  for (const Item& it : items) {
    std::vector<std::string> ks = keys(it);
    size_t found = SIZE_MAX;
    for (const std::string& k : ks) {
      auto list = by_key.find(k);
      if (list == by_key.end()) continue;
      for (size_t c : list->second) {  // ascending: the first compatible one in this list
        if (c >= found) break;
        if (SameEvent(clusters[c].front(), it)) {
          found = c;
          break;
        }
      }
    }
    if (found != SIZE_MAX) {
      clusters[found].push_back(it);
      continue;
    }
    for (const std::string& k : ks) by_key[k].push_back(clusters.size());
    clusters.push_back({it});
  }
  Timeline out;
  // With a filter, a flag is about the timeline asked for: a mention's flag when the mention
  // passes the filter, a document's (weekday mismatch) when the document reports a kept event.
  const bool filtered = !filter.entity_ids.empty() || !filter.type.empty() ||
                        !filter.outlet.empty() || !filter.from.empty() || !filter.to.empty();
  // The filter on an event's or a mention's type, participants (any of `ids`), place and date.
  auto kept = [&](const std::string& type,
                  std::initializer_list<const std::vector<std::string>*> ids,
                  const std::string& place, const std::string& date) {
    if (!filter.type.empty() && Kind(type) != Kind(filter.type) && type != filter.type)
      return false;
    if (!wanted.empty() &&
        std::none_of(ids.begin(), ids.end(), [&](const auto* v) { return Shares(wanted, *v); }) &&
        std::find(wanted.begin(), wanted.end(), place) == wanted.end())
      return false;
    return Overlaps(date, filter.from, filter.to);
  };
  auto passes = [&](const Item& it) {
    return kept(it.m->type, {&it.m->actor_ids, &it.m->target_ids, &it.actors, &it.targets},
                it.m->place_id.value_or(""), it.date);
  };
  std::set<std::string> kept_docs;  // documents with a mention of a kept event
  // A date disagreement ("a dates it …; b dates it …") → its flag in out.flags and the event
  // types it dates.
  std::map<std::string, std::pair<size_t, std::string>> date_flag;
  for (auto& c : clusters) {
    MergedEvent e;
    const Item& best = c.front();
    e.date = best.date;
    e.type = best.m->type;
    e.modality = best.m->modality;
    std::set<std::string> docs;
    for (const Item& it : c) {
      const StoredEventMention& m = *it.m;
      bool symmetric = Kind(m.type) == "MEET";
      for (size_t k = 0; k < m.actor_ids.size(); ++k)
        add(e.who, e.who_ids, m.actors[k], m.actor_ids[k]);
      for (size_t k = 0; k < m.target_ids.size(); ++k) {
        if (symmetric)
          add(e.who, e.who_ids, m.targets[k], m.target_ids[k]);
        else if (std::find(e.who_ids.begin(), e.who_ids.end(), canon(m.target_ids[k])) ==
                 e.who_ids.end())
          add(e.whom, e.whom_ids, m.targets[k], m.target_ids[k]);
      }
      // The place of a mention is the event's place unless it is the event's target itself
      // ("invasi Rusia di Ukraina" merged into the invasion of Ukraine: no place of its own).
      const bool place_is_target = m.place_id && std::find(e.whom_ids.begin(), e.whom_ids.end(),
                                                           *m.place_id) != e.whom_ids.end();
      if (e.where.empty() && m.place && !place_is_target) {
        e.where = *m.place;
        e.where_id = m.place_id ? *m.place_id : "";
      }
      // A document reports the event unless its only evidence is an undated mention of the
      // broader kind merged through the loose window: "lawatan Kim ke Rusia" (the visit as a
      // whole, in an article of the day after) is listed among the mentions of Kim's arrival on
      // 12 September but does not attest it. An undated arrival does attest a visit.
      const bool broader = m.type != e.type && m.type == Kind(e.type);
      if (it.explicit_date || it.date == e.date || !broader) docs.insert(m.doc_id);
      e.mentions.push_back(it.m);
      e.mention_dates.push_back(it.date);
    }
    e.reported_by.assign(docs.begin(), docs.end());
    // Filters.
    if (!kept(e.type, {&e.who_ids, &e.whom_ids}, e.where_id, e.date)) continue;
    for (const Item& it : c) kept_docs.insert(it.m->doc_id);
    // Explicit days from different documents that disagree.
    std::map<std::string, std::string> day_by_doc;
    for (const Item& it : c)
      if (it.explicit_date && it.date.size() == 10 && !day_by_doc.count(it.m->doc_id))
        day_by_doc[it.m->doc_id] = it.date;
    std::set<std::string> days;
    for (const auto& [d, day] : day_by_doc) days.insert(day);
    if (days.size() > 1) {
      std::string parts;
      for (const auto& [d, day] : day_by_doc)
        parts += (parts.empty() ? "" : "; ") + d + " dates it " + day;
      // One disagreement (the same documents giving the same days) is one flag, however many
      // events it dates: the visit and the meeting held during it.
      auto [seen, fresh] = date_flag.emplace(parts, std::make_pair(out.flags.size(), e.type));
      if (fresh) {
        ContradictionFlag f;
        f.kind = "date_disagreement";
        for (const auto& [d, day] : day_by_doc) f.docs.push_back(d);
        f.text = best.m->sentence_text;
        out.flags.push_back(std::move(f));
      } else {
        seen->second.second += " and " + e.type;
      }
      out.flags[seen->second.first].message = "Outlets disagree on the date of " +
                                              seen->second.second + " (" + parts +
                                              "): check which date the primary source gives.";
    }
    out.events.push_back(std::move(e));
  }
  // Denial conflicts: a denied mention against an asserted, reported or alleged one elsewhere
  // (mentions indexed by kind and actor id).
  std::unordered_map<std::string, std::vector<const Item*>> by_actor;
  for (const Item& o : items)
    if (o.m->modality != "denied" && o.m->modality != "hypothetical")
      for (const std::string& id : o.m->actor_ids)
        by_actor[Kind(o.m->type) + '\x1f' + canon(id)].push_back(&o);
  std::set<std::pair<std::string, std::vector<std::string>>> seen_flags;
  for (const Item& d : items) {
    if (d.m->modality != "denied" || (filtered && !passes(d))) continue;
    std::set<std::string> docs = {d.m->doc_id};
    for (const std::string& id : d.m->actor_ids) {
      auto list = by_actor.find(Kind(d.m->type) + '\x1f' + canon(id));
      if (list == by_actor.end()) continue;
      for (const Item* o : list->second)
        if (o->m->doc_id != d.m->doc_id) docs.insert(o->m->doc_id);
    }
    if (docs.size() < 2) continue;
    ContradictionFlag f;
    f.kind = "denial_conflict";
    f.docs.assign(docs.begin(), docs.end());
    f.text = d.m->sentence_text;
    std::string who = d.m->actors.empty() ? "" : d.m->actors.front();
    f.message = d.m->doc_id + " reports a denial of " + d.m->type +
                (who.empty() ? "" : " by " + who) +
                " that other documents report as fact or allegation: weigh the sources.";
    if (seen_flags.emplace(f.kind, f.docs).second) out.flags.push_back(std::move(f));
  }
  // Anachronisms: an article reports as having happened (asserted) an event it dates after its own
  // publication day. Dates inside a weekday/date mismatch are left to that flag.
  for (const Item& it : items) {
    const StoredEventMention& m = *it.m;
    if (m.modality != "asserted" || !it.explicit_date || it.date.size() != 10 || m.time_flagged ||
        (filtered && !passes(it)))
      continue;
    if (m.published.size() < 10 || it.date <= m.published.substr(0, 10)) continue;
    ContradictionFlag f;
    f.kind = "anachronism";
    f.docs = {m.doc_id};
    f.text = m.sentence_text;
    f.message = m.doc_id + " (published " + m.published.substr(0, 10) + ") reports " + m.type +
                " as having happened on " + it.date +
                ", after its publication: check the date, or whether the event was only planned.";
    if (seen_flags.emplace(f.kind, std::vector<std::string>{m.doc_id, f.text}).second)
      out.flags.push_back(std::move(f));
  }
  for (const StoredFlag& f : flags) {
    if (f.kind != "weekday_mismatch" || (filtered && !kept_docs.count(f.doc_id))) continue;
    out.flags.push_back(ContradictionFlag{f.kind, {f.doc_id}, f.text, f.message});
  }
  std::stable_sort(out.events.begin(), out.events.end(),
                   [](const MergedEvent& a, const MergedEvent& b) {
                     if (a.date.empty() != b.date.empty()) return b.date.empty();
                     return a.date < b.date;
                   });
  return out;
}

void MarkCopies(Timeline& t, const std::unordered_map<std::string, std::string>& copy_of) {
  auto original = [&](const std::string& doc) -> const std::string& {
    auto it = copy_of.find(doc);
    return it == copy_of.end() ? doc : it->second;
  };
  for (MergedEvent& e : t.events) {
    e.mention_copy_of.clear();
    for (const StoredEventMention* m : e.mentions) {
      auto it = copy_of.find(m->doc_id);
      e.mention_copy_of.push_back(it == copy_of.end() ? "" : it->second);
    }
    std::map<std::string, std::string> by_group;  // original → the report that stands for it
    for (const std::string& d : e.reported_by) {  // sorted: the first document of a group first
      const std::string& root = original(d);
      auto [it, added] = by_group.emplace(root, d);
      if (d == root) it->second = d;
    }
    std::set<std::string> independent;
    for (const auto& [root, d] : by_group) independent.insert(d);
    e.independent.assign(independent.begin(), independent.end());
  }
}

}  // namespace linimasa::timeline
