#include "events/event_stage.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace linimasa::events {

namespace {

// The words of a document with what both stages look at, and each word's entity mention.
struct View {
  const Document& doc;
  std::vector<std::string> lower, lemma;
  std::vector<int> entity;  // index into doc.entities of the mention covering the word, or -1
  std::vector<uint32_t> sentence;  // word → sentence index
  explicit View(const Document& d) : doc(d) {
    const std::string& text = *d.text;
    const auto& words = *d.words;
    lower.resize(words.size());
    lemma.resize(words.size());
    entity.assign(words.size(), -1);
    sentence.assign(words.size(), 0);
    for (size_t i = 0; i < words.size(); ++i) {
      lower[i] = utf8::AsciiLower(
          std::string_view(text).substr(words[i].span.start, words[i].span.size()));
      lemma[i] = utf8::AsciiLower(words[i].lemma.empty() ? lower[i] : words[i].lemma);
    }
    const auto& ents = *d.entities;
    size_t w = 0;
    for (size_t e = 0; e < ents.size(); ++e) {
      while (w < words.size() && words[w].span.end <= ents[e].span.start) ++w;
      for (size_t k = w; k < words.size() && words[k].span.start < ents[e].span.end; ++k)
        if (entity[k] < 0) entity[k] = static_cast<int>(e);
    }
    const auto& toks = *d.tokens;
    for (size_t s = 0; s < d.sentences->size(); ++s) {
      const Sentence& sent = (*d.sentences)[s];
      if (sent.first_token >= toks.size()) continue;
      uint32_t a = toks[sent.first_token].first_word;
      uint32_t b = sent.end_token < toks.size() ? toks[sent.end_token].first_word
                                                : static_cast<uint32_t>(words.size());
      for (uint32_t k = a; k < b && k < words.size(); ++k) sentence[k] = static_cast<uint32_t>(s);
    }
  }
  size_t size() const { return lower.size(); }
  std::string_view Form(size_t i) const {
    const Span& s = (*doc.words)[i].span;
    return std::string_view(*doc.text).substr(s.start, s.size());
  }
  const Entity* Ent(size_t i) const {
    return entity[i] < 0 ? nullptr : &(*doc.entities)[entity[i]];
  }
  // Range of words [a, b) of sentence s.
  std::pair<size_t, size_t> SentenceWords(size_t s) const {
    const auto& toks = *doc.tokens;
    const Sentence& sent = (*doc.sentences)[s];
    size_t a = sent.first_token < toks.size() ? toks[sent.first_token].first_word : size();
    size_t b = sent.end_token < toks.size() ? toks[sent.end_token].first_word : size();
    return {a, b};
  }
};

bool IsOpenQuote(std::string_view f) {
  return f == "\xE2\x80\x9C" || f == "\"" || f == "\xE2\x80\x9E";
}
bool IsCloseQuote(std::string_view f) { return f == "\xE2\x80\x9D" || f == "\""; }
bool IsActorType(const std::string& t) {
  return t == "PER" || t == "ORG" || t == "GPE" || t == "LOC";
}

// The last person (else any actor-like entity) mentioned before word `w`.
const Entity* LastPerson(const View& v, size_t w, bool person_only) {
  for (size_t k = w; k-- > 0;)
    if (const Entity* e = v.Ent(k))
      if (e->type == "PER" || (!person_only && IsActorType(e->type))) return e;
  return nullptr;
}

bool CanSpeak(const Entity* e) {
  return e && (e->type == "PER" || e->type == "ORG" || e->type == "GPE");
}

// The speaker named before word `k` in the sentence starting at `s0`: the nearest person,
// organisation or state, or — a pronoun coming first — the last person before the pronoun.
const Entity* SpeakerBefore(const View& v, const EventLexicon& lex, size_t k, size_t s0) {
  for (size_t m = k; m-- > s0;) {
    if (const Entity* e = v.Ent(m); CanSpeak(e)) return e;
    if (lex.Is("pronoun", v.lower[m])) return LastPerson(v, m, true);
  }
  return nullptr;
}

}  // namespace

Result<std::unique_ptr<Stage>> QuoteStage::Create(const StageContext& ctx) {
  auto lex = EventLexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new QuoteStage(std::move(*lex)));
}

Result<std::unique_ptr<Stage>> EventStage::Create(const StageContext& ctx) {
  auto lex = EventLexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new EventStage(std::move(*lex)));
}

Status QuoteStage::Process(Document& doc) const {
  if (!doc.text || !doc.words || !doc.entities)
    return Status::InvalidArgument(doc.id +
                                   ": the quotes stage needs the text and entities layers");
  View v(doc);
  const auto& words = *doc.words;
  std::vector<Quote> out;
  std::vector<bool> quoted(v.size(), false);
  const Entity* last_speaker = nullptr;
  auto speaker_near = [&](size_t from, size_t to, size_t before_word) -> const Entity* {
    // The first actor-like mention in [from, to); a pronoun or "-nya" is the last person before.
    for (size_t k = from; k < to && k < v.size(); ++k) {
      if (const Entity* e = v.Ent(k); CanSpeak(e)) return e;
      if (lex_.Is("pronoun", v.lower[k])) {
        const Entity* p = LastPerson(v, before_word, true);
        return p ? p : last_speaker;
      }
    }
    return nullptr;
  };
  // Direct quotes.
  for (size_t i = 0; i < v.size(); ++i) {
    if (!IsOpenQuote(v.Form(i))) continue;
    size_t j = i + 1;
    while (j < v.size() && !IsCloseQuote(v.Form(j)) && !IsOpenQuote(v.Form(j)) &&
           words[j].span.start - words[i].span.end < 3000)
      ++j;
    if (j >= v.size() || !IsCloseQuote(v.Form(j)) || j - i < 4) continue;
    Quote q;
    q.span = {words[i + 1].span.start, words[j - 1].span.end};
    for (size_t k = i; k <= j; ++k) quoted[k] = true;
    const Entity* who = nullptr;
    // After: ,” kata X / ujarnya / bunyi laporan KCNA (a cue within three words of the mark).
    for (size_t k = j + 1; k < v.size() && k <= j + 3 && !who; ++k) {
      if (!lex_.Is("speech", v.lemma[k])) continue;
      q.cue = std::string(v.Form(k));
      who = speaker_near(k + 1, std::min(v.size(), k + 7), i);  // "ujarnya": -nya is a pronoun
    }
    // Before: X mengatakan, “… / X: “…
    if (!who) {
      size_t s0 = v.SentenceWords(v.sentence[i]).first;
      for (size_t k = i; k-- > s0 && k + 8 > i;) {
        if (lex_.Is("speech", v.lemma[k]) || v.Form(k) == ":") {
          if (v.Form(k) != ":") q.cue = std::string(v.Form(k));
          who = SpeakerBefore(v, lex_, k, s0);
          break;
        }
      }
    }
    if (who) {
      q.speaker = who->canonical;
      q.speaker_id = who->id;
      last_speaker = who;
    }
    out.push_back(std::move(q));
    i = j;
  }
  // Indirect speech: X mengatakan bahwa …; Menurut X, …
  for (size_t s = 0; s < doc.sentences->size(); ++s) {
    const auto [a0, b0] = v.SentenceWords(s);
    const size_t a = a0, b = b0;  // plain variables: lambdas below capture them (clang 14)
    for (size_t k = a; k < b; ++k) {
      if (quoted[k]) break;
      bool menurut = lex_.Is("according", v.lower[k]);
      if (!menurut && !(lex_.Is("speech", v.lemma[k]) && k + 1 < b &&
                        lex_.Is("complementizer", v.lower[k + 1])))
        continue;
      Quote q;
      q.direct = false;
      q.cue = std::string(v.Form(k));
      const Entity* who = nullptr;
      size_t start = k + 2;
      if (menurut) {
        who = speaker_near(k + 1, std::min(b, k + 5), k);
        start = k + 1;
        while (start < b && v.Form(start) != ",") ++start;
        ++start;
      } else {
        who = SpeakerBefore(v, lex_, k, a);
      }
      size_t end = b;
      while (end > start && words[end - 1].upos == "PUNCT") --end;
      if (start >= end || end - start < 3) break;
      q.span = {words[start].span.start, words[end - 1].span.end};
      if (who) {
        q.speaker = who->canonical;
        q.speaker_id = who->id;
      }
      out.push_back(std::move(q));
      break;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const Quote& x, const Quote& y) { return x.span.start < y.span.start; });
  doc.quotes = std::move(out);
  return Status::Ok();
}

Status EventStage::Process(Document& doc) const {
  if (!doc.text || !doc.words || !doc.entities || !doc.timexes || !doc.quotes)
    return Status::InvalidArgument(doc.id +
                                   ": the events stage needs the text, entities, time "
                                   "and quotes layers");
  View v(doc);
  const auto& words = *doc.words;
  std::vector<bool> in_quote(v.size(), false);
  {
    size_t w = 0;
    for (const Quote& q : *doc.quotes) {
      if (!q.direct) continue;
      while (w < v.size() && words[w].span.end <= q.span.start) ++w;
      for (size_t k = w; k < v.size() && words[k].span.start < q.span.end; ++k) in_quote[k] = true;
    }
  }
  const std::string published = doc.meta && doc.meta->published ? *doc.meta->published : "";
  std::vector<Event> out;
  const Entity* last_actor = nullptr;
  for (size_t s = 0; s < doc.sentences->size(); ++s) {
    const auto [a0, b0] = v.SentenceWords(s);
    const size_t a = a0, b = b0;  // plain variables: lambdas below capture them (clang 14)
    for (size_t i = a; i < b; ++i) {
      auto trig = lex_.triggers.find(v.lemma[i]);
      if (trig == lex_.triggers.end() || v.entity[i] >= 0 || words[i].upos == "PROPN") continue;
      const TriggerEntry* entry = nullptr;
      for (const TriggerEntry& t : trig->second) {
        if (std::find(t.not_forms.begin(), t.not_forms.end(), v.lower[i]) != t.not_forms.end())
          continue;
        bool ok = t.needs.empty();
        for (size_t k = i + 1; k < b && k <= i + 3 && !ok; ++k)
          for (const std::string& n : t.needs) ok |= v.lemma[k] == n || v.lower[k] == n;
        if (ok) {
          entry = &t;
          break;
        }
      }
      if (!entry) continue;
      // The clause: back to the previous clause word or ';', forward to the next.
      auto boundary = [&](size_t k) {
        std::string_view f = v.Form(k);
        return f == ";" || IsOpenQuote(f) || IsCloseQuote(f) || lex_.Is("clause", v.lower[k]);
      };
      size_t c0 = i, c1 = i + 1;
      while (c0 > a && !boundary(c0 - 1)) --c0;
      while (c1 < b && !boundary(c1)) ++c1;
      const bool passive = v.lower[i].size() > 2 && v.lower[i].compare(0, 2, "di") == 0 &&
                           v.lemma[i].compare(0, 2, "di") != 0;
      auto preceded_by_place = [&](size_t w) {
        // Skip the words of the mention itself back to its first word.
        int e = v.entity[w];
        while (w > a && v.entity[w - 1] == e) --w;
        return w > a && lex_.Is("place", v.lower[w - 1]);
      };
      Event ev;
      ev.type = entry->type;
      ev.cameo = lex_.cameo.at(ev.type);
      ev.trigger = words[i].span;
      ev.sentence = static_cast<uint32_t>(s);
      std::vector<const Entity*> before, after;
      const Entity* place = nullptr;
      // Before the trigger: the nearest mention and those coordinated with it.
      for (size_t k = i; k-- > c0;) {
        const Entity* e = v.Ent(k);
        if (!e) {
          if (!before.empty() && !lex_.Is("coordinator", v.lower[k]) && v.Form(k) != ",") break;
          continue;
        }
        if (!IsActorType(e->type)) continue;
        if (preceded_by_place(k)) {
          if (!place) place = e;
          while (k > c0 && v.entity[k - 1] == v.entity[k]) --k;
          continue;
        }
        if (before.empty() || before.back() != e) before.push_back(e);
        while (k > c0 && v.entity[k - 1] == v.entity[k]) --k;
      }
      // After the trigger: the first mention(s) and the place.
      bool agent = false;
      std::vector<const Entity*> agents;
      for (size_t k = i + 1; k < c1; ++k) {
        if (lex_.Is("agent", v.lower[k])) agent = true;
        const Entity* e = v.Ent(k);
        if (!e || !IsActorType(e->type)) continue;
        bool at_place = preceded_by_place(k);
        bool object_of_visit =
            (ev.type == "VISIT" && k == i + 1 && (e->type == "GPE" || e->type == "LOC"));
        if ((at_place || object_of_visit) && (e->type == "GPE" || e->type == "LOC")) {
          if (!place) place = e;
        } else if (agent) {
          agents.push_back(e);
        } else if (after.empty() || (after.back() != e && (lex_.Is("coordinator", v.lower[k - 1]) ||
                                                           v.Form(k - 1) == ","))) {
          if (after.empty() || after.back() != e) after.push_back(e);
        }
        while (k + 1 < c1 && v.entity[k + 1] == v.entity[k]) ++k;
      }
      // A nominal trigger's possessor is its actor: "kunjungan Putin ke …" (noun + possessor).
      if (before.empty() && !after.empty() && words[i].upos == "NOUN" && i + 1 < c1 &&
          v.Ent(i + 1) == after.front()) {
        before.push_back(after.front());
        after.erase(after.begin());
      }
      std::vector<const Entity*> actors = before, targets = after;
      if (passive) {
        actors = agents;
        targets = before;
      } else {
        for (const Entity* e : agents) actors.push_back(e);
      }
      // "kedua pemimpin", "keduanya", "mereka" next to the trigger: the last two people named.
      bool both = false;
      for (size_t k = (i > c0 + 2 ? i - 2 : c0); k < std::min(c1, i + 3); ++k)
        both |= lex_.Is("group", v.lower[k]);
      if (both && actors.size() + targets.size() < 2) {
        std::vector<const Entity*> two;
        for (size_t k = c0; k-- > 0 && two.size() < 2;) {
          const Entity* e = v.Ent(k);
          if (e && e->type == "PER" &&
              std::none_of(two.begin(), two.end(), [&](const Entity* x) { return x->id == e->id; }))
            two.push_back(e);
        }
        if (two.size() == 2) actors.assign(two.rbegin(), two.rend());
      }
      if (actors.empty()) {
        // A dropped subject ("…, ia mengunjungi …", "ketika mengunjungi …"): the last actor; a
        // personal pronoun before the trigger is the last person.
        bool pronoun = false;
        for (size_t k = c0; k < i; ++k) pronoun |= lex_.Is("pronoun", v.lower[k]);
        const Entity* p = LastPerson(v, pronoun ? i : c0, pronoun);
        if (!p) p = last_actor;
        if (p && std::find(targets.begin(), targets.end(), p) == targets.end()) actors.push_back(p);
      }
      if (actors.empty() && targets.empty() && !place) continue;
      for (const Entity* e : actors) {
        if (std::find(ev.actor_ids.begin(), ev.actor_ids.end(), e->id) != ev.actor_ids.end())
          continue;
        ev.actors.push_back(e->canonical);
        ev.actor_ids.push_back(e->id);
      }
      for (const Entity* e : targets) {
        if (std::find(ev.actor_ids.begin(), ev.actor_ids.end(), e->id) != ev.actor_ids.end())
          continue;
        if (std::find(ev.target_ids.begin(), ev.target_ids.end(), e->id) != ev.target_ids.end())
          continue;
        ev.targets.push_back(e->canonical);
        ev.target_ids.push_back(e->id);
      }
      if (place) {
        ev.place = place->canonical;
        ev.place_id = place->id;
      }
      if (!ev.actors.empty()) last_actor = actors.front();
      // Time: the nearest date of the sentence.
      const Span& sent = (*doc.sentences)[s].span;
      size_t best = SIZE_MAX;
      for (const Timex& t : *doc.timexes) {
        if (t.span.start < sent.start || t.span.end > sent.end) continue;
        if (t.type != "DATE" && t.type != "TIME") continue;
        // Calendar dates only (YYYY, YYYY-MM, YYYY-MM-DD…): not decades, weeks or seasons.
        const std::string& val = t.value;
        bool calendar = val.size() >= 4 && std::all_of(val.begin(), val.begin() + 4, ::isdigit) &&
                        (val.size() == 4 || (val.size() >= 7 && val[4] == '-' &&
                                             ::isdigit(val[5]) && ::isdigit(val[6])));
        if (!calendar) continue;
        size_t d = t.span.start > ev.trigger.start ? t.span.start - ev.trigger.start
                                                   : ev.trigger.start - t.span.start;
        if (d < best) {
          best = d;
          ev.time = t.value.substr(0, t.value.find('T'));
        }
      }
      // Modality.
      auto cue_before = [&](const char* kind, size_t from) {
        for (size_t k = from; k < i; ++k)
          if (lex_.Is(kind, v.lower[k]) || lex_.Is(kind, v.lemma[k])) return true;
        return false;
      };
      bool negated = false;
      for (size_t k = i > a + 3 ? i - 3 : a; k < i; ++k) negated |= lex_.Is("negation", v.lower[k]);
      bool denial = ev.type != "DENY" && cue_before("denial", a);
      // A full date after the publication day is still to come, unless a perfective marker
      // ("telah", "sudah") says it happened: then it stays asserted and the timeline flags it.
      std::string later;
      if (ev.time && ev.time->size() == 10 && published.size() >= 10 &&
          *ev.time > published.substr(0, 10) && !cue_before("perfective", c0))
        later = "planned";
      if (in_quote[i])
        ev.modality = "reported";
      else if (negated || denial)
        ev.modality = "denied";
      else if (cue_before("hypothetical", c0))
        ev.modality = "hypothetical";
      else if (cue_before("planned", c0) || !later.empty())
        ev.modality = "planned";
      else if (cue_before("alleged", a))
        ev.modality = "alleged";
      else if (cue_before("reported", a))
        ev.modality = "reported";
      else
        ev.modality = "asserted";
      out.push_back(std::move(ev));
    }
  }
  doc.events = std::move(out);
  return Status::Ok();
}

}  // namespace linimasa::events
