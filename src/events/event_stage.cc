#include "events/event_stage.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <deque>
#include <unordered_set>

#include "core/string_set.h"
#include "core/utf8.h"
#include "syntax/chunker.h"

namespace linimasa::events {

namespace {

// The words of a document with what both stages look at, and each word's entity mention.
struct View {
  const Document& doc;
  std::string lower_text;                  // the clean text lower-cased once; `lower` views into it
  std::deque<std::string> lowered_lemmas;  // the few lemmas that were not lower case
  std::vector<std::string_view> lower, lemma;
  std::vector<int> entity;  // index into doc.entities of the mention covering the word, or -1
  std::vector<uint32_t> sentence;  // word → sentence index
  std::vector<bool> in_timex;      // word inside a time expression ("Rabu (17/9/2025)")
  mutable StringMap<bool> in_doc;  // lemma or word → whether the article has it (asked lazily)
  explicit View(const Document& d) : doc(d) {
    const std::string& text = *d.text;
    const auto& words = *d.words;
    lower.resize(words.size());
    lemma.resize(words.size());
    entity.assign(words.size(), -1);
    sentence.assign(words.size(), 0);
    lower_text = utf8::AsciiLower(text);  // byte for byte: offsets stay valid
    for (size_t i = 0; i < words.size(); ++i) {
      lower[i] = std::string_view(lower_text).substr(words[i].span.start, words[i].span.size());
      const std::string& l = words[i].lemma;
      if (l.empty())
        lemma[i] = lower[i];
      else if (std::none_of(l.begin(), l.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        lemma[i] = l;
      else
        lemma[i] = lowered_lemmas.emplace_back(utf8::AsciiLower(l));
    }
    const auto& ents = *d.entities;
    // The dateline's city ("BEIJING, KOMPAS.com - ") is where the article was filed: no event's
    // participant or place.
    const size_t dateline_end = d.meta ? d.meta->dateline_end : 0;
    size_t w = 0;
    for (size_t e = 0; e < ents.size(); ++e) {
      if (ents[e].span.start < dateline_end) continue;
      while (w < words.size() && words[w].span.end <= ents[e].span.start) ++w;
      for (size_t k = w; k < words.size() && words[k].span.start < ents[e].span.end; ++k)
        if (entity[k] < 0) entity[k] = static_cast<int>(e);
    }
    in_timex.assign(words.size(), false);
    if (d.timexes) {
      for (const Timex& t : *d.timexes) {
        auto it = std::lower_bound(words.begin(), words.end(), t.span.start,
                                   [](const Word& w, size_t at) { return w.span.end <= at; });
        for (; it != words.end() && it->span.start < t.span.end; ++it)
          in_timex[static_cast<size_t>(it - words.begin())] = true;
      }
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
  // Whether some word of the article has lemma or form w (one scan per w and article).
  bool InDocument(std::string_view w) const {
    auto it = in_doc.find(w);
    if (it != in_doc.end()) return it->second;
    bool found = false;
    for (size_t k = 0; k < size() && !found; ++k) found = lemma[k] == w || lower[k] == w;
    in_doc.emplace(std::string(w), found);
    return found;
  }
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

// A kin word that makes the name after it whose relative is meant ("istri Setya Novanto",
// "abang tiri pemimpin Korea Utara Kim Jong Un", "anak buah Ferdy Sambo"; cues.tsv "kin"). Not
// one with its own possessive clitic ("anaknya GW"), nor one after "bersama" and the like ("Jusuf
// Kalla bersama istri Mufidah JK"): the name after those is the relative's own; nor a capitalised
// word inside a sentence, which is part of a name ("Tanah Abang").
bool KinWord(const View& v, const EventLexicon& lex, size_t w) {
  if (v.entity[w] >= 0 || !lex.Is("kin", v.lower[w])) return false;
  if (w + 1 < v.size() && v.lower[w + 1] == "nya") return false;
  // "penumpang bernama Zhang", "istri berinisial RS": the name is the relative's own.
  for (size_t k = w + 1; k < v.size() && k <= w + 2; ++k)
    if (lex.Is("naming", v.lower[k])) return false;
  const bool first = w == 0 || v.sentence[w - 1] != v.sentence[w];
  const std::string_view f = v.Form(w);
  if (!first && !f.empty() && f[0] >= 'A' && f[0] <= 'Z') return false;
  return first || !lex.Is("with_kin", v.lower[w - 1]);
}

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
      if (e->type == "PER" || (!person_only && IsActorType(e->type) && e->type != "LOC")) return e;
  return nullptr;
}

// A verb of saying before word i in its sentence (from word a): "X menerangkan ada … yang
// dipecat", "X mengatakan aksi tersebut digelar …" — what follows is X's account.
bool SaidBefore(const View& v, const EventLexicon& lex, size_t a, size_t i) {
  const auto& words = *v.doc.words;
  for (size_t k = a; k < i; ++k)
    if (words[k].upos == "VERB" && lex.Is("speech", v.lemma[k])) return true;
  return false;
}

// Whether the words from `from` (to the sentence end b) read as a clause rather than a noun
// phrase: an auxiliary after nominal words ("telah melakukan …", whose subject is the speaker;
// "setiap dapur sudah harus …", "bahaya narkoba sedang mengancam …"), or a verb after a subject of
// two words or more. A preposition, subordinator, relative clause or comma first ends the test:
// "menyampaikan imbauan kepada warga agar …", "terima kasih kepada warga yang telah membantu",
// "rencana mempercepat pembayaran" (a noun and its complement) are no accounts.
bool ClauseFollows(const View& v, const EventLexicon& lex, size_t from, size_t b) {
  static const std::array<std::string_view, 8> kNominal = {"NOUN", "PROPN", "PRON", "DET",
                                                           "NUM",  "ADJ",   "ADV",  "PART"};
  const auto& words = *v.doc.words;
  for (size_t m = from; m < b && m < from + 10; ++m) {
    const std::string& u = words[m].upos;
    if (lex.Is("relativizer", v.lower[m])) return false;
    if (u == "AUX") return true;
    if (u == "VERB") return m >= from + 2;
    if (std::find(kNominal.begin(), kNominal.end(), u) == kNominal.end()) return false;
  }
  return false;
}

// "… tidak mengatakan akan bertemu Kim": what a speaker did not say is neither reported nor
// planned — at most possible.
bool NegatedSayingBefore(const View& v, const EventLexicon& lex, size_t a, size_t i) {
  const auto& words = *v.doc.words;
  for (size_t k = a + 1; k < i; ++k)
    if (words[k].upos == "VERB" && lex.Is("speech", v.lemma[k]) &&
        lex.Is("negation", v.lower[k - 1]))
      return true;
  return false;
}

// People, organisations and states speak; a province, city or region does not ("…," katanya di
// Denpasar: Bali is where, not who). A state's id is its ISO 3166 alpha-2 code ("gpe:KP"); a
// capital acting for its state carries the state's.
bool CanSpeak(const Entity* e) {
  if (!e) return false;
  if (e->type == "PER" || e->type == "ORG") return true;
  const std::string_view id = e->id;
  return e->type == "GPE" && id.size() == 6 && id.starts_with("gpe:") && id[4] >= 'A' &&
         id[4] <= 'Z' && id[5] >= 'A' && id[5] <= 'Z';
}

// Whether the entity's name is one capitalised word (a place's that the KB does not know, right
// after a speech verb, is a person the tagger mistyped: "…," ucap Lemmen).
bool OneCapitalisedWord(const Entity* e) {
  return e && e->canonical.find(' ') == std::string::npos && !e->canonical.empty() &&
         e->canonical[0] >= 'A' && e->canonical[0] <= 'Z';
}

// A person named by one word ("Eri", "Pras", "Harsono", "Okky") is the person of the document
// whose longer name has that word, starts with it, or ends with it ("Bhakti Eri Nurmansyah",
// "Prasetyo", "Suharsono"); other names stay as they are.
void FullName(const View& v, std::string& name, std::optional<std::string>& id) {
  if (name.find(' ') != std::string::npos || name.size() < 3) return;
  const std::string low = utf8::AsciiLower(name);
  const Entity* best = nullptr;
  for (const Entity& o : *v.doc.entities) {
    if (o.type != "PER" || o.canonical.size() <= name.size()) continue;
    std::string full = utf8::AsciiLower(o.canonical);
    bool hit = false;
    for (size_t p = 0; p <= full.size() && !hit;) {
      size_t q = full.find(' ', p);
      if (q == std::string::npos) q = full.size();
      std::string_view tok(full.data() + p, q - p);
      hit = tok == low || (tok.size() > low.size() && tok.rfind(low, 0) == 0) ||
            (low.size() >= 5 && tok.size() > low.size() &&
             tok.compare(tok.size() - low.size(), low.size(), low) == 0);
      p = q + 1;
    }
    if (hit && (!best || o.canonical.size() > best->canonical.size())) best = &o;
  }
  if (best) {
    name = best->canonical;
    id = best->id;
  }
}

// The number a numeral or a number word of the time lexicon says ("8", "delapan"), 0 for
// anything else (a spelled-out number of several words: then the group's size is not checked).
size_t GroupSize(std::string_view w, const timex::Lexicon& numbers) {
  if (!w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return w.size() <= 4 ? static_cast<size_t>(std::stoi(std::string(w))) : 0;
  if (const auto* phrases = numbers.Starting(std::string(w)))
    for (const timex::Lexicon::Phrase& p : *phrases)
      if (p.category == "number" && p.tokens.size() == 1) {
        const double n = std::atof(p.value.c_str());
        return n >= 1 && n == static_cast<double>(static_cast<size_t>(n)) ? static_cast<size_t>(n)
                                                                          : 0;
      }
  return 0;
}

// The people an act on a counted group names by a list (cues.tsv): "Kejari Sikka menetapkan 8
// orang sebagai tersangka. Para tersangka berinisial AVADL, MJ, …", "menahan tiga tersangka, yakni
// MY, MF, dan IP". The group is a number and a `group_count` word within five words after trigger
// i in its clause (before c1); the list is the people after a `list_opener` word that follows a
// `group_count` word within the first eight words of the same sentence after the group, or of
// one of the next two sentences. Empty when there is no such group or list.
std::vector<const Entity*> ListedGroup(const View& v, const EventLexicon& lex,
                                       const timex::Lexicon& numbers, size_t i, size_t c1) {
  const auto& words = *v.doc.words;
  size_t group = 0, count = 0;
  for (size_t k = i + 1; k + 1 < c1 && k < i + 6 && !group; ++k)
    if (words[k].upos == "NUM" && lex.Is("group_count", v.lower[k + 1])) {
      group = k + 1;
      count = GroupSize(v.lower[k], numbers);
    }
  if (!group) return {};
  // The people after the list opener in [from, to), if a group word precedes it there.
  auto listed = [&](size_t from, size_t to) {
    std::vector<const Entity*> people;
    bool head = false;
    for (size_t p = from; p < to && p < from + 8; ++p) {
      head |= lex.Is("group_count", v.lower[p]);
      if (!head || !lex.Is("list_opener", v.lower[p])) continue;
      for (size_t k = p + 1; k < to; ++k)
        if (const Entity* e = v.Ent(k);
            e && e->type == "PER" &&
            std::none_of(people.begin(), people.end(),
                         [&](const Entity* x) { return x->id == e->id; }))
          people.push_back(e);
      break;
    }
    return people;
  };
  const uint32_t s = v.sentence[i];
  std::vector<const Entity*> people = listed(group, v.SentenceWords(s).second);
  for (uint32_t t = s + 1; people.empty() && t <= s + 2 && t < v.doc.sentences->size(); ++t) {
    const auto [x, y] = v.SentenceWords(t);
    people = listed(x, y);
  }
  // More people than the group has: the list is of something else (or of more than the group).
  if (count && people.size() > count) return {};
  return people;
}

// Whether word i is in one item of a list of three or more ("terlibat dalam pengeroyokan,
// pembunuhan, pencurian, KDRT, dan kasus kriminal lainnya") within its clause [c0, c1): items are
// runs of up to four nominal words (NOUN, PROPN, ADJ, NUM, DET) between commas and the words of
// cues.tsv "list_separator" ("dan", "serta", "atau"); the first item may follow the word that
// governs the list, the last may precede one.
bool InEnumeration(const View& v, const EventLexicon& lex, size_t i, size_t c0, size_t c1) {
  const auto& words = *v.doc.words;
  auto separator = [&](size_t k) {
    return v.Form(k) == "," || lex.Is("list_separator", v.lower[k]);
  };
  auto nominal = [&](size_t k) {
    const std::string& u = words[k].upos;
    return !separator(k) && (u == "NOUN" || u == "PROPN" || u == "ADJ" || u == "NUM" || u == "DET");
  };
  constexpr size_t kMaxItem = 4;
  // The nominal run around word i.
  size_t from = i, to = i + 1;
  if (!nominal(i)) return false;
  while (from > c0 && nominal(from - 1) && to - from < kMaxItem) --from;
  while (to < c1 && nominal(to) && to - from < kMaxItem) ++to;
  size_t items = 1, commas = 0;
  // Items after it: separators, then a nominal run.
  for (size_t k = to; k < c1 && separator(k);) {
    while (k < c1 && separator(k)) commas += v.Form(k++) == ",";
    size_t end = k;
    while (end < c1 && nominal(end) && end - k < kMaxItem) ++end;
    if (end == k) break;
    ++items;
    k = end;
  }
  // Items before it.
  for (size_t k = from; k > c0 && separator(k - 1);) {
    while (k > c0 && separator(k - 1)) commas += v.Form(--k) == ",";
    size_t start = k;
    while (start > c0 && nominal(start - 1) && k - start < kMaxItem) --start;
    if (start == k) break;
    ++items;
    k = start;
  }
  return items >= 3 && commas >= 1;
}

// Whether the neighbours of trigger word i (sentence words [a, b)) agree with entry t's needs
// (data/events/triggers.tsv): "w" within five words after, "<w" within three before, "doc:w"
// anywhere in the article (one sense per discourse: "aksi" is a protest in an article about a
// demonstration), "@actor" a named actor after; a "!w" within three before to five after vetoes.
bool NeedsMet(const View& v, const EventLexicon& lex, const TriggerEntry& t, size_t i, size_t a,
              size_t b) {
  bool positive = false, ok = false;
  // "@kind" (other than "@actor") is any word of that cues.tsv kind ("!@public").
  auto is = [&](size_t k, std::string_view w) {
    if (w.size() > 1 && w[0] == '@')
      return lex.Is(w.substr(1), v.lemma[k]) || lex.Is(w.substr(1), v.lower[k]);
    return v.lemma[k] == w || v.lower[k] == w;
  };
  // One positive condition; `in_doc`: w is a bare word of a "&doc:a/b" alternative.
  auto met = [&](std::string_view w, bool in_doc = false) {
    bool found = false;
    if (in_doc || w.substr(0, 4) == "doc:") {
      found = v.InDocument(in_doc ? w : w.substr(4));
    } else if (w[0] == '<') {
      for (size_t k = i > a + 3 ? i - 3 : a; k < i && !found; ++k) found = is(k, w.substr(1));
    } else {
      for (size_t k = i + 1; k < b && k <= i + 5 && !found; ++k)
        found = w == "@actor" ? IsActorType(v.Ent(k) ? v.Ent(k)->type : "") : is(k, w);
    }
    return found;
  };
  for (const std::string& n : t.needs) {
    std::string_view w = n;
    if (w[0] == '!') {
      w.remove_prefix(1);
      for (size_t k = i > a + 3 ? i - 3 : a; k < b && k <= i + 5; ++k)
        if (k != i && is(k, w)) return false;
      continue;
    }
    if (w[0] == '&') {  // required besides the others: one of its '/'-separated alternatives
      w.remove_prefix(1);
      const bool in_doc = w.substr(0, 4) == "doc:";
      if (in_doc) w.remove_prefix(4);
      bool any = false;
      while (!w.empty() && !any) {
        const size_t slash = std::min(w.find('/'), w.size());
        any = met(w.substr(0, slash), in_doc);
        w.remove_prefix(std::min(slash + 1, w.size()));
      }
      if (!any) return false;
      continue;
    }
    positive = true;
    if (!ok) ok = met(w);
  }
  return ok || !positive;
}

// A habit, not a happening (cues.tsv "habitual"): a habitual marker or "setiap/tiap" + a unit of
// time before the trigger in its clause, not inside a relative clause that ends before it
// ("Putin, yang sering mengkritik Barat, bertemu Kim" is one meeting); or, for a trigger in a
// "saat/ketika …" clause, a habitual marker after it in the sentence's main clause.
bool Habitual(const View& v, const EventLexicon& lex, size_t i, size_t c0, size_t c1) {
  auto marker = [&](size_t k) {
    if (lex.Is("habitual", v.lower[k])) return true;
    return lex.Is("every", v.lower[k]) && k + 1 < v.size() && lex.Is("time_unit", v.lower[k + 1]);
  };
  size_t m0 = c0;
  for (size_t k = c0; k < i; ++k)
    if (lex.Is("relativizer", v.lower[k])) m0 = k + 1;
  for (size_t k = m0; k < i; ++k) {
    if (!marker(k)) continue;
    // "X, yang sering …, bertemu": the relative clause closes with a comma before the trigger.
    bool closed = false;
    for (size_t c = k + 1; c < i && !closed; ++c) closed = v.Form(c) == ",";
    if (!(closed && m0 > c0)) return true;
  }
  if (c0 == 0 || !lex.Is("when", v.lower[c0 - 1])) return false;
  for (size_t k = i + 1; k < c1; ++k)
    if (marker(k)) return true;
  return false;
}

// A calendar date (YYYY, YYYY-MM, YYYY-MM-DD…): not a decade, week or season.
bool CalendarDate(const std::string& val) {
  return val.size() >= 4 && std::all_of(val.begin(), val.begin() + 4, ::isdigit) &&
         (val.size() == 4 ||
          (val.size() >= 7 && val[4] == '-' && ::isdigit(val[5]) && ::isdigit(val[6])));
}
bool Capitalised(std::string_view f) { return !f.empty() && f[0] >= 'A' && f[0] <= 'Z'; }
bool AllCaps(std::string_view f) {
  return f.size() >= 2 &&
         std::all_of(f.begin(), f.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// The participants of one trigger, read from the shallow-syntax layer (syntax/chunker.h).
struct Roles {
  std::vector<const Entity*> actors, targets;
  const Entity* place = nullptr;
  bool passive = false;  // a di-/ter- verb: a missing agent stays missing
  bool dropped = true;   // no subject in the sentence (an unnamed one counts as found)
  // Set when the event is what someone was invited ("planned") or asked ("hypothetical") to do:
  // "X mengajak Y untuk berkunjung ke …".
  const char* controlled = nullptr;
  // "bersama X" after a non-reciprocal event: X takes part with the actors, once they are known
  // (a dropped subject is resolved first).
  std::vector<const Entity*> companions;
  bool place_toward = false;  // the place came after "ke" ("invasi Rusia ke Ukraina")
};

class RoleFinder {
 public:
  RoleFinder(const View& v, const EventLexicon& lex) : v_(v), lex_(lex), chunks_(*v.doc.chunks) {
    chunk_of_.assign(v.size(), -1);
    for (size_t k = 0; k < chunks_.size(); ++k)
      for (uint32_t w = chunks_[k].first_word; w < chunks_[k].end_word && w < v.size(); ++w)
        chunk_of_[w] = static_cast<int>(k);
  }

  // Whom a personal pronoun at word w stands for: the nearest person before it in its sentence,
  // else the person the previous sentence is about (its subject: "Kim juga bertemu dengan
  // Menteri … Kozlov. … dia mungkin bertemu Putin" — Kim), else the last person named.
  const Entity* SalientPerson(size_t w) const {
    if (!topics_known_) FindTopics();
    const uint32_t s = w < v_.size() ? v_.sentence[w] : 0;
    for (size_t k = w; k-- > 0 && v_.sentence[k] == s;)
      if (const Entity* e = v_.Ent(k))
        if (e->type == "PER") return e;
    if (s > 0 && s - 1 < subject_person_.size() && subject_person_[s - 1])
      return subject_person_[s - 1];
    return LastPerson(v_, w, true);
  }

  // A noun trigger that only modifies another noun names a kind of thing, not a happening
  // ("penerima bantuan", "program bantuan", "tingkat ancaman"), unless that noun is a light one
  // ("tindakan penahanan", "aksi unjuk rasa").
  bool ModifiesAnotherNoun(size_t i) const {
    const int k = chunk_of_[i];
    if (k < 0 || chunks_[k].type != Chunk::Type::kNP || chunks_[k].head >= i) return false;
    // A di- passive is a verb whatever the tagger says ("Masyarakat diimbau untuk …").
    if (syntax::Chunker::VerbVoice(v_.lower[i], v_.lemma[i]) == Chunk::Voice::kPassive)
      return false;
    const size_t head = chunks_[k].head;
    return v_.entity[head] < 0 && !lex_.Is("light_noun", v_.lower[head]);
  }
  // The clause of the word at clean-text byte `offset` (-1 when it is outside every chunk).
  int64_t ClauseAt(size_t offset) const {
    const auto& words = *v_.doc.words;
    auto it = std::lower_bound(words.begin(), words.end(), offset,
                               [](const Word& w, size_t off) { return w.span.end <= off; });
    if (it == words.end()) return -1;
    int k = chunk_of_[static_cast<size_t>(it - words.begin())];
    return k < 0 ? -1 : static_cast<int64_t>(chunks_[k].clause);
  }

  // Whether clause `clause` is a relative clause with a predicate of its own: a date there
  // dates that predicate ("… kampanye militer yang diluncurkannya sejak Februari 2022"), not the
  // event of the clause it modifies.
  bool RelativeWithPredicate(int64_t clause) const {
    auto it = std::lower_bound(chunks_.begin(), chunks_.end(), clause,
                               [](const Chunk& c, int64_t k) { return c.clause < k; });
    if (it == chunks_.end() || it->clause != clause || !it->relative) return false;
    for (; it != chunks_.end() && it->clause == clause; ++it)
      if (it->type == Chunk::Type::kVP) return true;
    return false;
  }

  // The end of the noun phrase of word i and of an "antara/antar" phrase after it ("Pertemuan
  // antar kepala negara tersebut"); i + 1 when i is in no noun phrase.
  size_t PhraseEnd(size_t i) const {
    const int k = chunk_of_[i];
    if (k < 0 || chunks_[k].type != T::kNP) return i + 1;
    size_t end = chunks_[k].end_word;
    if (k + 2 < static_cast<int>(chunks_.size()) && chunks_[k + 1].type == T::kPP &&
        Is("between", chunks_[k + 1].head) && chunks_[k + 2].type == T::kNP &&
        SameClause(k, k + 2) && chunks_[k + 1].first_word == end &&
        chunks_[k + 2].first_word == chunks_[k + 1].end_word)
      end = chunks_[k + 2].end_word;
    return end;
  }

  Roles Find(size_t i, const std::string& type) const {
    Roles r;
    const int ci = chunk_of_[i];
    if (ci < 0) return r;
    const Chunk& c = chunks_[ci];
    if (c.type == Chunk::Type::kVP) {
      Verbal(ci, type, r);
    } else {
      Nominal(i, ci, type, r);
    }
    return r;
  }

 private:
  using T = Chunk::Type;
  bool Is(const char* kind, size_t w) const {
    return lex_.Is(kind, v_.lower[w]) || lex_.Is(kind, v_.lemma[w]);
  }
  bool SameClause(int a, int b) const {
    return a >= 0 && b >= 0 && static_cast<size_t>(a) < chunks_.size() &&
           static_cast<size_t>(b) < chunks_.size() && chunks_[a].clause == chunks_[b].clause &&
           v_.sentence[chunks_[a].head] == v_.sentence[chunks_[b].head];
  }
  // The participant an NP stands for: its first person, else organisation, else place or state;
  // a lone pronoun ("ia", "dia", "beliau", "-nya") is the last person named before it. Names
  // after a kin word ("istri", "abang tiri", "anak buah": cues.tsv "kin") stand for no one here:
  // the phrase names their relative.
  const Entity* Rep(int k) const {
    const Chunk& c = chunks_[k];
    const Entity* best = nullptr;
    for (uint32_t w = c.first_word; w < c.end_word; ++w) {
      if (KinWord(v_, lex_, w)) break;
      const Entity* e = v_.Ent(w);
      if (e && IsActorType(e->type) && (!best || Rank(e) < Rank(best))) best = e;
    }
    if (!best && c.end_word - c.first_word == 1 && lex_.Is("pronoun", v_.lower[c.first_word]))
      best = SalientPerson(c.first_word);
    return best;
  }
  // Words between two chunks are only coordinators, commas and parentheses ("X, Y dan Z",
  // "Otoritas Jasa Keuangan (OJK) dan Kementerian Keuangan").
  bool Coordinated(int a, int b) const {
    bool any = false;
    for (uint32_t w = chunks_[a].end_word; w < chunks_[b].first_word; ++w) {
      std::string_view f = v_.Form(w);
      if (!lex_.Is("coordinator", v_.lower[w]) && f != "," && f != "(" && f != ")") return false;
      any = true;
    }
    return any;
  }
  bool CoordinatorBetween(int a, int b) const {
    for (uint32_t w = chunks_[a].end_word; w < chunks_[b].first_word; ++w)
      if (lex_.Is("coordinator", v_.lower[w])) return true;
    return false;
  }
  // Only parentheses between two chunks: the second is a short form or the name of the first
  // ("Korea Selatan (Korsel)", "Presiden Amerika Serikat (AS) Joe Biden") — one participant.
  // So is a role and its holder across one comma ("Presiden Rusia, Vladimir Putin", "Putin,
  // Presiden Rusia"): a phrase opened by a title (data/kb/titles.tsv) next to a person.
  bool Apposed(int a, int b) const {
    bool any = false;
    size_t commas = 0;
    for (uint32_t w = chunks_[a].end_word; w < chunks_[b].first_word; ++w) {
      std::string_view f = v_.Form(w);
      if (f == ",") ++commas;
      if (f != "(" && f != ")" && f != ",") return false;
      any = true;
    }
    if (!any || commas == 0) return any;
    if (commas > 1 || chunks_[b].first_word - chunks_[a].end_word != 1) return false;
    const Entity* ra = Rep(a);
    const Entity* rb = Rep(b);
    auto person = [](const Entity* e) { return e && e->type == "PER"; };
    auto titled = [&](int k) {  // "Presiden Rusia", "rencana Wali Kota Solo"
      for (uint32_t w = chunks_[k].first_word; w < chunks_[k].end_word; ++w)
        if (Is("title", w)) return true;
      return false;
    };
    return (titled(a) && person(rb) && !person(ra)) || (titled(b) && person(ra) && !person(rb));
  }
  static int Rank(const Entity* e) { return e->type == "PER" ? 0 : e->type == "ORG" ? 1 : 2; }
  // The participant of NP k and the NPs apposed to it after it (their person, else organisation,
  // else place); `last` gets the last of them.
  const Entity* GroupRep(int k, int* last) const {
    const Entity* best = Rep(k);
    while (k + 1 < static_cast<int>(chunks_.size()) && chunks_[k + 1].type == T::kNP &&
           SameClause(k, k + 1) && Apposed(k, k + 1)) {
      ++k;
      const Entity* e = Rep(k);
      if (e && (!best || Rank(e) < Rank(best))) best = e;
    }
    *last = k;
    return best;
  }
  bool AfterPP(int k) const {
    return k > 0 && chunks_[k - 1].type == T::kPP &&
           chunks_[k - 1].end_word == chunks_[k].first_word && SameClause(k - 1, k);
  }
  // NP k and the NPs coordinated with it after it (apposed ones counted once).
  // `object_of_preposition`: the list is a preposition's object, which a bare comma and a new
  // subject end.
  void ListFrom(int k, std::vector<const Entity*>& out, int* last = nullptr,
                bool object_of_preposition = false) const {
    int j = k;
    Add(GroupRep(k, &j), out);
    while (j + 1 < static_cast<int>(chunks_.size()) && chunks_[j + 1].type == T::kNP &&
           SameClause(j, j + 1) && Coordinated(j, j + 1)) {
      // "Dalam pertemuan dengan Xi Jinping, Joko Widodo meminta …": a noun phrase after a bare
      // comma that its own verb follows is that verb's subject, not one more in the list.
      int g = j + 1;
      GroupRep(j + 1, &g);
      if (object_of_preposition && g + 1 < static_cast<int>(chunks_.size()) &&
          chunks_[g + 1].type == T::kVP && SameClause(g, g + 1) && !CoordinatorBetween(j, j + 1))
        break;
      Add(GroupRep(j + 1, &j), out);
    }
    if (last) *last = j;
  }
  static void Add(const Entity* e, std::vector<const Entity*>& out) {
    if (e && std::none_of(out.begin(), out.end(), [&](const Entity* x) { return x->id == e->id; }))
      out.push_back(e);
  }
  bool IsPlace(const Entity* e) const { return e && (e->type == "GPE" || e->type == "LOC"); }

  // The subject of the predicate at chunk p: the nearest NP before it in its clause that is not
  // a prepositional object, with the NPs coordinated before it; "yang" clauses take the NP
  // before "yang". Returns the NP list (empty when the subject is dropped).
  std::vector<const Entity*> Subject(int p, Roles* r, bool* found) const {
    std::vector<const Entity*> out;
    *found = false;
    for (int k = p - 1; k >= 0 && SameClause(k, p); --k) {
      const Chunk& c = chunks_[k];
      if (c.type == T::kSBAR) {
        // "ada yang membacok": someone unnamed (cues.tsv existential), no entity.
        if (c.relative && k > 0 && chunks_[k - 1].type == T::kVP &&
            chunks_[k - 1].end_word == c.first_word && Is("existential", chunks_[k - 1].head)) {
          *found = true;
          break;
        }
        if (c.relative) {
          // The antecedent: the NP just before "yang".
          if (k > 0 && chunks_[k - 1].type == T::kNP && chunks_[k - 1].end_word <= c.first_word &&
              v_.sentence[chunks_[k - 1].head] == v_.sentence[c.head]) {
            *found = true;
            int a = k - 1;
            while (a > 0 && chunks_[a - 1].type == T::kNP && SameClause(a - 1, a) &&
                   Coordinated(a - 1, a))
              --a;
            ListFrom(a, out);
            // "Putin adalah kepala negara pertama yang …": an unnamed antecedent after a
            // copula stands for the copula's subject.
            if (out.empty() && a > 0 && chunks_[a - 1].type == T::kVP && SameClause(a - 1, a) &&
                Is("copula", chunks_[a - 1].head)) {
              bool f = false;
              out = Subject(a - 1, nullptr, &f);
            }
          }
        }
        break;
      }
      if (c.type != T::kNP) continue;
      if (AfterPP(k)) {
        if (r && !r->place && Is("place", chunks_[k - 1].first_word) && IsPlace(Rep(k)))
          r->place = Rep(k);
        --k;
        continue;
      }
      // Places listed after a preposition's object ("… pemilik bar di Legian, Kuta, Badung,
      // dibunuh"): the rest of that object, not the subject.
      if (IsPlace(Rep(k))) {
        int a = k;
        // (The chunker may start a clause at a comma inside the list: same sentence is enough.)
        while (a > 0 && chunks_[a - 1].type == T::kNP &&
               v_.sentence[chunks_[a - 1].head] == v_.sentence[chunks_[a].head] &&
               Coordinated(a - 1, a) && IsPlace(Rep(a - 1)))
          --a;
        if (a < k && a > 0 && chunks_[a - 1].type == T::kPP &&
            chunks_[a - 1].end_word == chunks_[a].first_word) {
          k = a - 1;  // the loop's --k then steps over the preposition
          continue;
        }
      }
      *found = true;
      int a = k;
      while (a > 0 && chunks_[a - 1].type == T::kNP && SameClause(a - 1, a) &&
             Coordinated(a - 1, a) && !AfterPP(a - 1))
        --a;
      // "Kanada yang didukung oleh Uni Eropa, Amerika Serikat dan Meksiko, telah mendorong …":
      // a list that goes on from the clause before ("dan Meksiko"), with a comma before the
      // predicate, ends a relative clause; its antecedent is the subject. (A name after a bare
      // comma is the antecedent's apposition and the subject: "Aktor senior yang …, Michael
      // Douglas, dituduh …".)
      const uint32_t pw = chunks_[p].first_word;
      if (a > 0 && pw > 0 && v_.Form(pw - 1) == "," && !SameClause(a - 1, a) &&
          chunks_[a - 1].type == T::kNP &&
          v_.sentence[chunks_[a - 1].head] == v_.sentence[chunks_[a].head] &&
          Coordinated(a - 1, a) && CoordinatorBetween(a - 1, a)) {
        std::vector<const Entity*> antecedent;
        if (RelativeAntecedent(a - 1, antecedent)) {
          out = antecedent;
          break;
        }
      }
      ListFrom(a, out);
      break;
    }
    return out;
  }

  // The noun phrases a relative clause modifies, where chunk kc's clause is "yang …" right after
  // them or starts with them and a "yang" (true when found, even if they name no entity).
  bool RelativeAntecedent(int kc, std::vector<const Entity*>& out) const {
    int j0 = kc;
    while (j0 > 0 && SameClause(j0 - 1, kc)) --j0;
    auto list_before = [&](int end) {
      int a = end;
      while (a > 0 && chunks_[a - 1].type == T::kNP && SameClause(a - 1, a) &&
             Coordinated(a - 1, a))
        --a;
      ListFrom(a, out);
    };
    if (chunks_[j0].type == T::kSBAR && chunks_[j0].relative && j0 > 0 &&
        chunks_[j0 - 1].type == T::kNP &&
        v_.sentence[chunks_[j0 - 1].head] == v_.sentence[chunks_[j0].head]) {
      list_before(j0 - 1);
      return true;
    }
    int y = j0;
    while (y <= kc && chunks_[y].type == T::kNP) ++y;
    if (y > j0 && y <= kc && chunks_[y].type == T::kSBAR && chunks_[y].relative) {
      list_before(y - 1);
      return true;
    }
    return false;
  }

  // What follows a predicate or a noun trigger in its clause.
  struct Around {
    std::vector<const Entity*> object;      // the NP right after it
    std::vector<const Entity*> agents;      // "oleh X"
    std::vector<const Entity*> parties;     // "dengan X", "kepada X", "terhadap X"
    std::vector<const Entity*> between;     // both sides of "antara X dan Y"
    std::vector<const Entity*> companions;  // "bersama X", when asked for
    std::vector<const Entity*> sources;     // "dari X", when asked for
    const Entity* place = nullptr;          // "di X", "ke X"
    bool place_toward = false;              // the place came after "ke"
  };
  // Gives `r` the place of `a` unless it has one.
  static void TakePlace(const Around& a, Roles& r) {
    if (r.place || !a.place) return;
    r.place = a.place;
    r.place_toward = a.place_toward;
  }
  // After chunk p in its clause. With `companions`, "bersama X" (data/events/cues.tsv
  // "companion") goes there instead of the parties; with `sources`, "dari X" ("source") does.
  Around After(int p, bool companions = false, bool sources = false) const {
    Around a;
    std::vector<const Entity*>& object = a.object;
    bool first = true;
    bool unnamed = false;  // the object is a description without a name so far
    for (int k = p + 1; k < static_cast<int>(chunks_.size()) && SameClause(k, p); ++k) {
      const Chunk& c = chunks_[k];
      if (c.type == T::kVP) break;
      if (c.type == T::kPP && k + 1 < static_cast<int>(chunks_.size()) &&
          chunks_[k + 1].type == T::kNP && SameClause(k, k + 1)) {
        const size_t prep = c.first_word;
        int last = k + 1;
        std::vector<const Entity*> list;
        ListFrom(k + 1, list, &last, true);
        if (Is("agent", prep)) {
          for (const Entity* e : list) Add(e, a.agents);
        } else if (companions && Is("companion", prep)) {
          for (const Entity* e : list) Add(e, a.companions);
        } else if (sources && Is("source", prep)) {
          for (const Entity* e : list) Add(e, a.sources);
        } else if (Is("between", prep)) {
          for (const Entity* e : list) Add(e, a.between);
        } else if (Is("party", prep)) {
          for (const Entity* e : list) Add(e, a.parties);
        } else if (unnamed && !list.empty() && list.front()->type == "PER") {
          // "mengundang pemimpin tertinggi di Prancis Emmanuel Macron": the description's
          // place is followed by its name.
          Add(list.front(), object);
        } else if (Is("place", prep)) {
          if (!a.place && !list.empty() && IsPlace(list.front())) {
            a.place = list.front();
            a.place_toward = Is("toward", prep);
          }
        }
        unnamed = false;
        k = last;
        first = false;
        continue;
      }
      if (c.type == T::kNP && first) {
        int last = k;
        ListFrom(k, object, &last);
        unnamed = object.empty();
        k = last;
      }
      if (c.type != T::kADVP) first = false;
    }
    return a;
  }

  // A verb's roles: subject and object, swapped by a di-/ter- passive (the agent after "oleh" or
  // right after the verb); a dropped subject is the previous clause's (the guest of a hosting
  // verb for a visit or an arrival in a subordinate clause).
  void Verbal(int p, const std::string& type, Roles& r) const {
    bool found = false;
    std::vector<const Entity*> subject = Subject(p, &r, &found);
    // "Gus Ipul mengunjungi sekolah bersama Teddy": Teddy visits too; "bertemu bersama Teddy":
    // Teddy is met.
    Around a = After(p, !lex_.Is("reciprocal", type));
    TakePlace(a, r);
    std::vector<const Entity*>& object = a.object;
    const bool passive =
        chunks_[p].voice == Chunk::Voice::kPassive || chunks_[p].voice == Chunk::Voice::kTer;
    r.passive = passive;
    // An invitation is where the invitee is asked to go: "mengajak Putin untuk melakukan
    // perjalanan ke Pyongyang" — Pyongyang, not where the invitation was made.
    if (lex_.Is("destination_place", type))
      if (const Entity* to = PurposeDestination(p)) r.place = to;
    // What is visited, unless a person: a country, a city, a school, an office.
    if (type == "VISIT" && !object.empty() &&
        (IsPlace(object.front()) || object.front()->type == "ORG")) {
      if (!r.place) r.place = object.front();
      object.erase(object.begin());
    }
    r.dropped = !found;
    if (!found) {
      bool unnamed = false;
      subject = Dropped(p, type, &r, &unnamed);
      r.dropped = subject.empty() && !unnamed;
    }
    if (passive) {
      // "dibuka Presiden Jokowi": a person or organisation right after the verb is the agent.
      for (const Entity* e : object)
        if (e->type == "PER" || e->type == "ORG") Add(e, a.agents);
      r.actors = a.agents;
      r.targets = subject;
    } else {
      r.actors = subject;
      for (const Entity* e : a.agents) Add(e, r.actors);
      r.targets = object;
    }
    r.companions = a.companions;
    for (const Entity* e : a.between) Add(e, r.actors);
    for (const Entity* e : a.parties) Add(e, r.targets);
  }

  // `unnamed` (may be null) is set when the subject found is not a named participant ("negara
  // yang … dengan memasok senjata"): the subject is known, just not an entity.
  // The place after "ke" in the purpose clause that follows predicate p in its sentence ("untuk
  // berkunjung ke X", "agar datang ke X"); null when there is none.
  const Entity* PurposeDestination(int p) const {
    const uint32_t sentence = v_.sentence[chunks_[p].head];
    int k = p + 1;
    while (k < static_cast<int>(chunks_.size()) && SameClause(k, p)) ++k;
    if (k >= static_cast<int>(chunks_.size()) || chunks_[k].type != T::kSBAR ||
        v_.sentence[chunks_[k].head] != sentence || !Is("purpose", chunks_[k].head))
      return nullptr;
    const int clause = k;
    for (++k; k + 1 < static_cast<int>(chunks_.size()) && SameClause(k, clause); ++k)
      if (chunks_[k].type == T::kPP && Is("toward", chunks_[k].head) &&
          chunks_[k + 1].type == T::kNP)
        if (const Entity* e = Rep(k + 1); IsPlace(e)) return e;
    return nullptr;
  }

  std::vector<const Entity*> Dropped(int p, const std::string& type, Roles* r,
                                     bool* unnamed = nullptr, int depth = 0) const {
    std::vector<const Entity*> out;
    const uint32_t sentence = v_.sentence[chunks_[p].head];
    int first = p;  // the clause's first chunk
    while (first > 0 && SameClause(first - 1, p)) --first;
    const int sbar = chunks_[first].type == T::kSBAR && !chunks_[first].relative ? first : -1;
    const bool subordinate = sbar >= 0;
    // The clause before, in the same sentence, and its predicate: its first VP (its last one for
    // object control, which governs the clause right after it).
    const int q = first - 1;
    int pred = -1, nearest = -1;
    if (q >= 0 && v_.sentence[chunks_[q].head] == sentence)
      for (int k = q; k >= 0 && SameClause(k, q); --k)
        if (chunks_[k].type == T::kVP) {
          pred = k;
          if (nearest < 0) nearest = k;
        }
    if (pred < 0) {
      // A fronted subordinate or participial clause ("Usai menggelar kunjungan ke X, Kim mengajak
      // …", "Menanggapi hal itu, Kim mengatakan …"): the main clause after it has the subject.
      const bool sentence_start = first == 0 || v_.sentence[chunks_[first - 1].head] != sentence;
      const bool participial = sentence_start && chunks_[first].type == T::kVP &&
                               chunks_[first].voice == Chunk::Voice::kActive;
      if (!subordinate && !participial) return out;
      int k = p + 1;
      while (k < static_cast<int>(chunks_.size()) && SameClause(k, p)) ++k;
      const int next = k;
      if (next >= static_cast<int>(chunks_.size()) || v_.sentence[chunks_[next].head] != sentence)
        return out;
      for (; k < static_cast<int>(chunks_.size()) && SameClause(k, next); ++k)
        if (chunks_[k].type == T::kVP) {
          if (chunks_[k].voice == Chunk::Voice::kPassive) return out;
          bool found = false;
          return Subject(k, nullptr, &found);
        }
      return out;
    }
    // Object control: "X mengajak Y untuk berkunjung", "X meminta Y agar menyerahkan diri" — Y
    // would act, and has not yet.
    const size_t control_verb = chunks_[nearest].head;
    const char* control = Is("invite_control", control_verb) ? "planned"
                          : Is("ask_control", control_verb)  ? "hypothetical"
                                                             : nullptr;
    if (control && subordinate && Is("purpose", chunks_[sbar].head) &&
        chunks_[nearest].voice != Chunk::Voice::kPassive) {
      Around a = After(nearest);
      if (a.object.empty()) a.object = a.parties;
      if (!a.object.empty()) {
        if (r) r->controlled = control;
        return a.object;
      }
    }
    bool found = false;
    out = Subject(pred, nullptr, &found);
    // A chain of subordinate clauses ("X mendesak Y untuk mematuhi janjinya untuk tidak menjual
    // senjata"): the previous clause's own dropped subject, resolved the same way.
    if (!found && subordinate && depth < 3) {
      bool inner_unnamed = false;
      out = Dropped(pred, type, r, &inner_unnamed, depth + 1);
      found = !out.empty() || inner_unnamed;
    }
    if (unnamed) *unnamed = found && out.empty();
    if (subordinate && (type == "VISIT" || type == "ARRIVE") && Is("host", chunks_[pred].head)) {
      Around a = After(pred);
      if (!a.object.empty()) return a.object;
      if (!a.parties.empty()) return a.parties;
    }
    return out;
  }

  // A nominal trigger: the possessor after it in its NP ("kunjungan Putin") and the NPs
  // coordinated with it, "antara X dan Y", parties and place after it; else the subject of the
  // support verb it is the object of ("Putin melakukan kunjungan ke …").
  void Nominal(size_t i, int ci, const std::string& type, Roles& r) const {
    const Chunk& c = chunks_[ci];
    std::vector<const Entity*> owners;
    for (uint32_t w = static_cast<uint32_t>(i) + 1; w < c.end_word; ++w) {
      const Entity* e = v_.Ent(w);
      if (KinWord(v_, lex_, w)) break;  // "pembunuhan abang tiri … Kim Jong Un"
      if (!e && lex_.Is("pronoun", v_.lower[w])) {
        // "Putin bertemu Kim dalam kunjungan pertamanya": -nya is the clause's subject when it
        // names a person, else the last person named.
        const Entity* who = nullptr;
        for (int k = ci - 1; k >= 0 && SameClause(k, ci) && !who; --k) {
          if (chunks_[k].type != T::kVP) continue;
          bool found = false;
          // (A state or an organisation when no person is: "Seoul … menegaskan dukungannya".)
          const Entity* any = nullptr;
          for (const Entity* s : Subject(k, nullptr, &found)) {
            if (s->type == "PER" && !who) who = s;
            if (!any && IsActorType(s->type)) any = s;
          }
          if (!who) who = any;
          break;
        }
        Add(who ? who : SalientPerson(i), owners);
        continue;
      }
      if (e && IsActorType(e->type)) {
        size_t end = w;
        while (end + 1 < c.end_word && v_.entity[end + 1] == v_.entity[w]) ++end;
        // A place or organisation right before a person is part of the person's title
        // ("Bupati Sidoarjo Ahmad Muhdlor", "Ketua KPK Firli Bahuri").
        const Entity* next = end + 1 < c.end_word ? v_.Ent(end + 1) : nullptr;
        if (e->type != "PER" && next && next->type == "PER") {
          w = static_cast<uint32_t>(end);
          continue;
        }
        if (type == "VISIT" && IsPlace(e)) {
          if (!r.place) r.place = e;
        } else {
          Add(e, owners);
        }
        while (w + 1 < c.end_word && v_.entity[w + 1] == v_.entity[w]) ++w;
      }
    }
    if (!owners.empty()) {
      int j = ci;
      while (j + 1 < static_cast<int>(chunks_.size()) && chunks_[j + 1].type == T::kNP &&
             SameClause(j, j + 1) && Coordinated(j, j + 1)) {
        ++j;
        Add(Rep(j), owners);
      }
    }
    const Around a = After(ci);
    TakePlace(a, r);
    // A peN-…-an nominalisation of an act done to someone ("penangkapan X", "penetapan tersangka
    // X", "pembunuhan X", "pemecatan X") names its patient after it, as "the arrest of X" does;
    // the agent, unsaid there, stays unsaid (no earlier name stands in for it).
    const std::string_view tw = v_.lower[i];
    const bool pen_an = tw.size() > 6 && tw.compare(0, 2, "pe") == 0 &&
                        tw.compare(0, 3, "per") != 0 && tw.compare(tw.size() - 2, 2, "an") == 0;
    if (!owners.empty() && pen_an && lex_.Is("patient_genitive", type)) {
      for (const Entity* e : owners) Add(e, r.targets);
      owners.clear();
      r.passive = true;
    }
    // The object of an active support verb with a named subject: the subject acts, and names after
    // the trigger are what the act is about ("Polisi melakukan penangkapan tersangka X",
    // "Aliansi mahasiswa menggelar aksi … Presiden Prabowo").
    if (!owners.empty() && ci > 0 && chunks_[ci - 1].type == T::kVP && SameClause(ci - 1, ci) &&
        chunks_[ci - 1].voice == Chunk::Voice::kActive &&
        Is("support_verb", chunks_[ci - 1].head)) {
      bool found = false;
      std::vector<const Entity*> subj = Subject(ci - 1, nullptr, &found);
      if (!subj.empty() && std::none_of(subj.begin(), subj.end(), [&](const Entity* e) {
            return std::find(owners.begin(), owners.end(), e) != owners.end();
          })) {
        for (const Entity* e : owners) Add(e, r.targets);
        owners = subj;
      }
    }
    r.actors = owners;
    for (const Entity* e : a.between) Add(e, r.actors);
    for (const Entity* e : a.agents) Add(e, r.actors);
    for (const Entity* e : a.parties) Add(e, r.targets);
    // An unnamed owner ("Demonstrasi pelaku pariwisata …"): the actor is said, just not named —
    // no one from earlier sentences stands in for it.
    const bool verb_object = ci > 0 && chunks_[ci - 1].type == T::kVP && SameClause(ci - 1, ci);
    if (r.actors.empty() && !verb_object)
      for (uint32_t w = static_cast<uint32_t>(i) + 1; w < c.end_word; ++w)
        if (v_.doc.words && (*v_.doc.words)[w].upos == "NOUN" && !Is("light_noun", w) &&
            !lex_.triggers.count(v_.lemma[w])) {
          r.dropped = false;
          break;
        }
    if (r.actors.empty()) {
      // The object of a predicate in the clause: its subject acts.
      bool object = false;
      for (int k = ci - 1; k >= 0 && SameClause(k, ci); --k) {
        if (chunks_[k].type != T::kVP) continue;
        object = true;
        bool found = false, unnamed = false;
        std::vector<const Entity*> subj = Subject(k, nullptr, &found);
        if (!found) subj = Dropped(k, type, &r, &unnamed);
        if (unnamed) r.dropped = false;
        // Only a support verb's subject does what its object names ("Putin melakukan
        // kunjungan", "AS menjatuhkan sanksi"); "Prabowo menghadapi ancaman …" is not the threat's.
        const bool passive = chunks_[k].voice == Chunk::Voice::kPassive;
        if (!passive && Is("receive_verb", chunks_[k].head)) {
          // "Capaian ini menuai apresiasi dari X", "Kota itu menerima bantuan dari Y": the
          // source acts on the receiver.
          const std::vector<const Entity*> sources = After(ci, false, true).sources;
          if (!sources.empty()) {
            for (const Entity* e : sources) Add(e, r.actors);
            if (std::find(sources.begin(), sources.end(), r.place) != sources.end())
              r.place = nullptr;
            for (const Entity* e : subj) Add(e, r.targets);
            break;
          }
        }
        if (!Is("support_verb", chunks_[k].head))
          r.dropped = false;
        else if (!passive)
          for (const Entity* e : subj) Add(e, r.actors);
        break;
      }
      // The subject of a passive support verb: "Sanksi itu dijatuhkan AS kepada Iran",
      // "Undangan tersebut disampaikan oleh Xi kepada Putin" — the agent gives what it names.
      const int vp = ci + 1;
      if (!object && vp < static_cast<int>(chunks_.size()) && chunks_[vp].type == T::kVP &&
          SameClause(ci, vp) && chunks_[vp].voice == Chunk::Voice::kPassive &&
          Is("support_verb", chunks_[vp].head)) {
        object = true;
        Around given = After(vp);
        for (const Entity* e : given.object)
          if (e->type == "PER" || e->type == "ORG" || e->type == "GPE") Add(e, given.agents);
        for (const Entity* e : given.agents) Add(e, r.actors);
        for (const Entity* e : given.parties) Add(e, r.targets);
        TakePlace(given, r);
        r.dropped = r.actors.empty();
        r.passive = true;  // a missing agent stays missing
      }
      // A noun as predicate ("OJK dan Kemenkeu sepakat …"): the noun phrases before it.
      if (!object) {
        bool found = false;
        for (const Entity* e : Subject(ci, &r, &found)) Add(e, r.actors);
      }
      // A fronted adverbial ("Dalam rapat dengan Komisi II, Basuki meminta …", "Saat
      // kunjungan ke Seoul, Yoon …"): the main clause's subject takes part.
      if (!object && r.actors.empty() && ci > 0 && chunks_[ci - 1].type == T::kPP &&
          (ci == 1 || !SameClause(ci - 2, ci - 1))) {
        for (int k = ci + 1; k < static_cast<int>(chunks_.size()) && SameClause(k, ci); ++k) {
          if (chunks_[k].type != T::kVP) continue;
          bool found = false;
          std::vector<const Entity*> subj = Subject(k, nullptr, &found);
          if (found && chunks_[k].voice == Chunk::Voice::kActive) {
            for (const Entity* e : subj)
              if (std::find(r.targets.begin(), r.targets.end(), e) == r.targets.end())
                Add(e, r.actors);
            r.dropped = false;
          }
          break;
        }
      }
    }
  }

  const View& v_;
  const EventLexicon& lex_;
  const std::vector<Chunk>& chunks_;
  std::vector<int> chunk_of_;
  // Each sentence's topic: the person subject of its first predicate (null: not a person), found
  // the first time a pronoun asks, in text order (a pronoun subject resolves through the sentences
  // before it).
  void FindTopics() const {
    topics_known_ = true;
    subject_person_.assign(v_.doc.sentences ? v_.doc.sentences->size() : 0, nullptr);
    std::vector<bool> done(subject_person_.size(), false);
    for (size_t k = 0; k < chunks_.size(); ++k) {
      if (chunks_[k].type != T::kVP || chunks_[k].head >= v_.size()) continue;
      const uint32_t s = v_.sentence[chunks_[k].head];
      if (s >= done.size() || done[s]) continue;
      done[s] = true;
      bool found = false;
      for (const Entity* e : Subject(static_cast<int>(k), nullptr, &found))
        if (e->type == "PER") {
          subject_person_[s] = e;
          break;
        }
    }
  }
  mutable bool topics_known_ = false;
  mutable std::vector<const Entity*> subject_person_;
};

}  // namespace

Result<std::unique_ptr<Stage>> QuoteStage::Create(const StageContext& ctx) {
  auto lex = EventLexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  return std::unique_ptr<Stage>(new QuoteStage(std::move(*lex)));
}

Result<std::unique_ptr<Stage>> EventStage::Create(const StageContext& ctx) {
  auto lex = EventLexicon::Load(ctx.data_dir);
  if (!lex.ok()) return lex.status();
  auto numbers = timex::Lexicon::Load(ctx.data_dir);
  if (!numbers.ok()) return numbers.status();
  return std::unique_ptr<Stage>(new EventStage(std::move(*lex), std::move(*numbers)));
}

Status QuoteStage::Process(Document& doc) const {
  if (!doc.text || !doc.words || !doc.entities)
    return Status::InvalidArgument(doc.id +
                                   ": the quotes stage needs the text and entities layers");
  View v(doc);
  const auto& words = *doc.words;
  const std::string& text = *doc.text;
  // A found quote before its speaker is resolved: a named mention, a pronoun ("ujarnya", "kata
  // dia") standing for someone said before, or nothing (a continuation paragraph, a title).
  struct Found {
    Quote q;
    size_t first_word = 0;
    std::string name;  // empty: not named
    std::optional<std::string> id;
    bool pronoun = false;
    bool cue = false;
    void Set(const Entity* e) {
      name = e->canonical;
      id = e->id;
    }
  };
  std::vector<Found> found;
  std::vector<bool> quoted(v.size(), false);
  // A speech verb, not a demonstrative that shares its lemma ("tersebut" is no "menyebut").
  // (Not after a purposive word: "… bekerja sama dengan Bulog untuk memastikan harga stabil"
  // is no account.)
  auto is_cue = [&](size_t k) {
    return (lex_.Is("speech", v.lemma[k]) || lex_.Is("speech", v.lower[k])) &&
           !lex_.Is("demonstrative", v.lower[k]) &&
           !(k > 0 && v.sentence[k - 1] == v.sentence[k] && lex_.Is("purpose", v.lower[k - 1]));
  };
  // Honorifics dropped from a name found by its capitals ("kata Pak Teddy").
  auto honorific = [](std::string_view w) {
    return w == "Pak" || w == "Bapak" || w == "Bu" || w == "Ibu" || w == "Sdr" || w == "Saudara";
  };
  // The speaker after a cue: "kata Plt Deputi Penindakan KPK, Asep Guntur Rahayu, di Gedung …" —
  // the last person before a stop word or the sentence end, else a capitalised name after the
  // last organisation (a name the recogniser missed: "terang Purbaya"), else the organisation; a
  // pronoun or a demonstrative description first ("ujarnya", "kata dia", "tutur Ketua RT itu")
  // stands for someone said before.
  auto speaker_after = [&](size_t from, Found& f, size_t limit = SIZE_MAX) {
    if (from >= v.size()) return;
    const uint32_t sent = v.sentence[from];
    const Entity* person = nullptr;
    const Entity* other = nullptr;
    std::string run, last_run;
    auto close_run = [&] {
      if (!run.empty()) last_run = run;
      run.clear();
    };
    // "kata istri Setya Novanto": a relative speaks; the name after the kin word is whose
    // relative, and the relative is named only in apposition ("Menurut adik Jupe, Nia Anggia, …").
    bool kin = false, apposed = false;
    std::optional<std::string> place_name;
    for (size_t k = from; k < v.size() && k < from + 14 && k < limit && v.sentence[k] == sent;
         ++k) {
      // A short form in parentheses inside the description ("kata Kepala Bidang Peternakan
      // Dinas Pertanian (Distan) DIY Sutarno") does not end it.
      if (v.Form(k) == "(" && k + 2 < v.size() && v.Form(k + 2) == ")" &&
          v.sentence[k + 2] == sent) {
        close_run();
        k += 2;
        continue;
      }
      const Entity* e = v.Ent(k);
      if (!e) {
        if (!person && (lex_.Is("pronoun", v.lower[k]) || lex_.Is("demonstrative", v.lower[k]))) {
          f.pronoun = true;
          return;
        }
        if (!person && !other && !kin && KinWord(v, lex_, k)) {
          kin = true;
          continue;
        }
        if (kin && v.Form(k) == ",") {
          apposed = true;
          close_run();
          continue;
        }
        if (lex_.Is("speaker_stop", v.lower[k]) || v.Form(k) == "(" || v.Form(k) == "." ||
            IsOpenQuote(v.Form(k)))
          break;
        // (A weekday or month is no name: "…, tulis analisa pasar Phintraco Sekuritas, Rabu".)
        if (Capitalised(v.Form(k)) && !honorific(v.Form(k)) && !v.in_timex[k]) {
          run += (run.empty() ? "" : " ") + std::string(v.Form(k));
        } else {
          close_run();
        }
        continue;
      }
      close_run();
      if (kin && !apposed) continue;  // whose relative
      // A place the KB does not know right after the cue is a person the tagger mistyped.
      if (!person && !other && !place_name && k == from && e->type == "LOC" && !e->in_kb &&
          OneCapitalisedWord(e) && !lex_.Is("title", v.lower[k]))
        place_name = e->canonical;
      if (e->type == "PER") {
        person = e;
      } else if (CanSpeak(e)) {
        if (!other) other = e;
        last_run.clear();
      }
    }
    close_run();
    if (kin && !person) return;  // unnamed
    if (person) {
      f.Set(person);
    } else if (!last_run.empty()) {
      f.name = last_run;
    } else if (other) {
      f.Set(other);
    } else if (place_name) {
      f.name = *place_name;  // "…," ucap Lemmen: a name the tagger took for a place
    }
  };
  // "Ivan Ermisyam, Direktur Operasi PT INALUM, menjelaskan …", "Irfan Rinaldi selaku Product
  // Marketing Samsung Mobile Indonesia, mengatakan …": an organisation (or a capitalised name)
  // inside a role in apposition to a person — the person speaks. The role opens with a comma or
  // a role_of word ("selaku") after the person and holds no verb; `first` is its name's first word.
  auto apposed_person = [&](size_t first, size_t s0) -> const Entity* {
    size_t open = first;  // the role's first word: after the comma or role_of word
    while (open > s0 && v.Form(open - 1) != "," && !lex_.Is("role_of", v.lower[open - 1])) --open;
    if (open <= s0 + 1) return nullptr;  // no such word, or nothing before it
    // A verb in the role only inside a relative clause ("Sarah Idan, wanita yang mewakili Irak
    // …, mengungkapkan"): otherwise the comma ended another clause.
    bool relative = false;
    for (size_t w = open; w < first; ++w) {
      relative |= v.lower[w] == "yang";
      if (words[w].upos == "VERB" && !relative) return nullptr;
    }
    const Entity* p = v.Ent(open - 2);
    return p && p->type == "PER" ? p : nullptr;
  };
  // The speaker before a cue in the sentence starting at word s0: the nearest actor-like mention,
  // a capitalised name right before the verb ("Okky menyebut"), or a pronoun or demonstrative
  // description ("Ia menilai", "Waketum PAN ini meyakini").
  auto speaker_before = [&](size_t k, size_t s0, Found& f) {
    // "Waketum PAN ini meyakini", "… LPS itu pun menegaskan": a demonstrative description,
    // a particle or two between it and the verb.
    size_t d = k;
    while (d > s0 + 1 && lex_.Is("speaker_particle", v.lower[d - 1]) && k - d < 2) --d;
    if (d > s0 && lex_.Is("demonstrative", v.lower[d - 1])) {
      f.pronoun = true;
      return;
    }
    if (k > s0 + 1 && v.entity[k - 1] < 0 && Capitalised(v.Form(k - 1)) &&
        !lex_.Is("pronoun", v.lower[k - 1])) {
      size_t m = k - 1;
      while (m > s0 && v.entity[m - 1] < 0 && Capitalised(v.Form(m - 1)) &&
             !honorific(v.Form(m - 1)))
        --m;
      if (m > s0 || k - m >= 2) {  // a lone capitalised first word may be any word
        if (const Entity* p = apposed_person(m, s0)) {  // "…, pengelola Dawet Telasih mengaku"
          f.Set(p);
          return;
        }
        for (size_t x = m; x < k; ++x)
          f.name += (f.name.empty() ? "" : " ") + std::string(v.Form(x));
        return;
      }
    }
    for (size_t m = k; m-- > s0;) {
      if (const Entity* e = v.Ent(m); CanSpeak(e)) {
        // "Istri Setya Novanto mengatakan …": the relative speaks, unnamed.
        size_t first = m;
        while (first > s0 && v.entity[first - 1] == v.entity[m]) --first;
        for (size_t b = first; b-- > s0 && b + 3 >= first && v.entity[b] < 0;) {
          if (KinWord(v, lex_, b)) return;
          if (!std::isalpha(static_cast<unsigned char>(v.Form(b)[0]))) break;
        }
        if (e->type != "PER")
          if (const Entity* p = apposed_person(first, s0)) {
            f.Set(p);
            return;
          }
        f.Set(e);
        return;
      }
      if (lex_.Is("pronoun", v.lower[m])) {
        f.pronoun = true;
        return;
      }
    }
  };
  // Whether word w (an opening quote mark) is the first thing on its line.
  auto paragraph_start = [&](size_t w) {
    size_t p = words[w].span.start;
    while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
    return p == 0 || text[p - 1] == '\n';
  };
  // Direct quotes.
  for (size_t i = 0; i < v.size(); ++i) {
    if (!IsOpenQuote(v.Form(i))) continue;
    size_t j = i + 1;
    while (j < v.size() && !IsCloseQuote(v.Form(j)) && !IsOpenQuote(v.Form(j)) &&
           words[j].span.start - words[i].span.end < 3000)
      ++j;
    if (j >= v.size() || !IsCloseQuote(v.Form(j)) || j - i < 3) continue;
    Found f;
    f.first_word = i + 1;
    f.q.span = {words[i + 1].span.start, words[j - 1].span.end};
    // "…nasional," kata — the comma before the closing mark is not part of what was said
    while (f.q.span.end > f.q.span.start && (text[f.q.span.end - 1] == ',')) --f.q.span.end;
    // After: ,” kata X / ujarnya / bunyi laporan KCNA (a cue within three words of the mark).
    for (size_t k = j + 1; k < v.size() && k <= j + 3; ++k) {
      if (!is_cue(k)) continue;
      f.cue = true;
      f.q.cue = std::string(v.Form(k));
      speaker_after(k + 1, f);
      // ,” Anies menambahkan: the speaker stands between the mark and the verb.
      if (f.name.empty() && !f.pronoun && k > j + 1 && v.sentence[k] == v.sentence[j + 1]) {
        for (size_t m = j + 1; m < k && f.name.empty(); ++m)
          if (const Entity* e = v.Ent(m); CanSpeak(e)) f.Set(e);
        if (f.name.empty() && lex_.Is("pronoun", v.lower[k - 1])) f.pronoun = true;
      }
      break;
    }
    // The next sentence names who said it: ”. Hal itu disampaikan oleh X / Demikian dikatakan X.
    if (!f.cue) {
      size_t k0 = j + 1;
      while (k0 < v.size() && k0 <= j + 2 && (v.Form(k0) == "." || v.Form(k0) == ",")) ++k0;
      if (k0 < v.size() && lex_.Is("attribution", v.lower[k0]))
        for (size_t k = k0 + 1; k < v.size() && k <= k0 + 3; ++k) {
          if (!is_cue(k) || v.lower[k].compare(0, 2, "di") != 0) continue;
          f.cue = true;
          f.q.cue = std::string(v.Form(k));
          speaker_after(k + 1 < v.size() && lex_.Is("agent", v.lower[k + 1]) ? k + 2 : k + 1, f);
          break;
        }
    }
    // Before: X mengatakan, “… / X: “…
    if (!f.cue) {
      size_t s0 = v.SentenceWords(v.sentence[i]).first;
      for (size_t k = i; k-- > s0 && k + 8 > i;) {
        if (is_cue(k) || v.Form(k) == ":") {
          f.cue = true;
          if (v.Form(k) != ":") f.q.cue = std::string(v.Form(k));
          speaker_before(k, s0, f);
          break;
        }
      }
    }
    // A short quoted phrase with no speech around it is a title, a name or a term, not a quote;
    // a paragraph that opens with a quote and no cue continues the previous speaker's words.
    if (!f.cue && !paragraph_start(i) && j - i < 12) {
      i = j;
      continue;
    }
    for (size_t k = i; k <= j; ++k) quoted[k] = true;
    found.push_back(std::move(f));
    i = j;
  }
  // Indirect speech: X mengatakan (bahwa|,) …; Menurut X, …; Dalam Perpres disebutkan, …
  for (size_t s = 0; s < doc.sentences->size(); ++s) {
    const auto [a0, b0] = v.SentenceWords(s);
    const size_t a = a0, b = b0;  // plain variables: lambdas below capture them (clang 14)
    for (size_t k = a; k < b; ++k) {
      if (quoted[k]) continue;
      Found f;
      f.q.direct = false;
      f.cue = true;
      size_t start = k + 1;
      const bool citing = lex_.Is("citing", v.lower[k]) &&
                          (k == a || (k == a + 1 && lex_.Is("cite_lead", v.lower[a])));
      const bool according = lex_.Is("according", v.lower[k]);
      const bool cue = is_cue(k);  // looked up once: every word of every sentence asks
      if (according && k + 2 < b && lex_.Is("pronoun", v.lower[k + 1]) && v.Form(k + 2) != ",") {
        // "Menurutnya penting untuk …": the clitic is the speaker, the account follows at once.
        f.pronoun = true;
        start = k + 2;
      } else if (according || citing) {
        // "Menurut X, …": the speaker stands before the first comma — or, when only a role
        // does ("Menurut Juru Bicara KPK, Budi Prasetyo, …"), is the person between the commas.
        while (start < b && v.Form(start) != ",") ++start;
        speaker_after(k + 1, f, start);
        // A cited source is named: "Dikutip dari salinan dokumen tersebut, …" is no one's account.
        if (citing && (f.name.empty() || f.pronoun)) continue;
        size_t next = start + 1;
        while (next < b && v.Form(next) != ",") ++next;
        const Entity* held = next < b && start + 1 < next ? v.Ent(start + 1) : nullptr;
        bool only_name = held && held->type == "PER";
        for (size_t m = start + 1; m < next && only_name; ++m) only_name = v.Ent(m) == held;
        if (only_name && !f.pronoun && f.id != held->id) {
          // (A person after a kin word is whose relative: "Menurut adik Jupe, Nia Anggia, …".)
          bool person_before = false, kin = false;
          for (size_t m = k + 1; m < start; ++m) {
            kin |= KinWord(v, lex_, m);
            person_before |= !kin && v.Ent(m) && v.Ent(m)->type == "PER";
          }
          if (!person_before) {
            f.Set(held);
            start = next;
          }
        }
        ++start;
      } else if (cue && k > a && k + 1 < b &&
                 (v.lower[k].rfind("me", 0) == 0 || v.lower[k].rfind("di", 0) == 0)) {
        bool marked = v.Form(k + 1) == "," || lex_.Is("complementizer", v.lower[k + 1]);
        bool passive = v.lower[k].rfind("di", 0) == 0;
        const bool bare = lex_.Is("say", v.lemma[k]) ||
                          (lex_.Is("say_clause", v.lemma[k]) && ClauseFollows(v, lex_, k + 1, b));
        if (!marked && (passive || !bare)) continue;
        if (!passive) {
          speaker_before(k, a, f);
          if (f.name.empty() && !f.pronoun) continue;
        }
        if (start < b && v.Form(start) == ",") ++start;
        if (start < b && lex_.Is("complementizer", v.lower[start])) ++start;
      } else if (cue && k > a + 1 && v.Form(k - 1) == "," && v.lower[k] == v.lemma[k]) {
        // "Oleh karena itu, kata Fakhrian, aksi kali ini …": the account goes on after the
        // attribution's closing comma.
        size_t close = k + 1;
        while (close < b && v.Form(close) != ",") ++close;
        if (close + 1 >= b) continue;
        speaker_after(k + 1, f, close);
        if (f.name.empty() && !f.pronoun) continue;
        start = close + 1;
      } else {
        continue;
      }
      size_t end = b;
      while (end > start && words[end - 1].upos == "PUNCT") --end;
      if (start >= end || end - start < 3) break;
      bool overlaps = false;
      for (size_t m = start; m < end; ++m) overlaps |= quoted[m];
      if (overlaps) continue;
      f.q.cue = std::string(v.Form(k));
      f.first_word = start;
      f.q.span = {words[start].span.start, words[end - 1].span.end};
      found.push_back(std::move(f));
      break;
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Found& x, const Found& y) { return x.q.span.start < y.q.span.start; });
  // Speakers in text order: a pronoun or a continuation is the last speaker when one spoke within
  // the last four sentences, else the first person of this sentence (before the quote) or of the
  // previous one.
  std::string last_name;
  std::optional<std::string> last_id;
  uint32_t last_sentence = 0;
  std::vector<Quote> out;
  for (Found& f : found) {
    const uint32_t s = v.sentence[std::min(f.first_word, v.size() - 1)];
    if (f.name.empty() && (f.pronoun || !f.cue)) {
      if (!last_name.empty() && s <= last_sentence + 4) {
        f.name = last_name;
        f.id = last_id;
      } else if (f.pronoun) {
        const Entity* who = nullptr;
        for (uint32_t t = s; !who && t + 2 > s;) {
          auto [x, y] = v.SentenceWords(t);
          if (t == s) y = std::min(y, f.first_word);
          for (size_t m = x; m < y && !who; ++m)
            if (const Entity* e = v.Ent(m); e && e->type == "PER") who = e;
          if (t == 0) break;
          --t;
        }
        if (!who) who = LastPerson(v, f.first_word, true);
        if (who) f.Set(who);
      }
    }
    if (!f.name.empty()) {
      FullName(v, f.name, f.id);
      f.q.speaker = f.name;
      f.q.speaker_id = f.id;
      last_name = f.name;
      last_id = f.id;
      last_sentence = s;
    }
    out.push_back(std::move(f.q));
  }
  doc.quotes = std::move(out);
  return Status::Ok();
}

Status EventStage::Process(Document& doc) const {
  if (!doc.text || !doc.words || !doc.entities || !doc.timexes || !doc.quotes || !doc.chunks)
    return Status::InvalidArgument(doc.id +
                                   ": the events stage needs the text, syntax, entities, time "
                                   "and quotes layers");
  View v(doc);
  const RoleFinder roles_of(v, lex_);
  const auto& words = *doc.words;
  std::vector<bool> in_quote(v.size(), false);
  // The speaker of the direct quote each word is in (null: none or unresolved): "saya" there is
  // the speaker.
  std::vector<const Entity*> quote_speaker(v.size(), nullptr);
  {
    size_t w = 0;
    for (const Quote& q : *doc.quotes) {
      if (!q.direct) continue;
      const Entity* speaker = nullptr;
      if (q.speaker_id)
        for (const Entity& e : *doc.entities)
          if (e.id == *q.speaker_id) {
            speaker = &e;
            break;
          }
      while (w < v.size() && words[w].span.end <= q.span.start) ++w;
      for (size_t k = w; k < v.size() && words[k].span.start < q.span.end; ++k) {
        in_quote[k] = true;
        quote_speaker[k] = speaker;
      }
    }
  }
  const std::string published = doc.meta && doc.meta->published ? *doc.meta->published : "";
  std::vector<Event> out;
  const Entity* last_actor = nullptr;
  // Organisations named as such: known to the KB or named in several words (implicit agents).
  std::unordered_set<std::string> named_org;
  for (const Entity& e : *doc.entities)
    if (e.type == "ORG" && (e.in_kb || e.canonical.find(' ') != std::string::npos))
      named_org.insert(e.id);
  // A match report (cues.tsv "sport": three or more different words of play — gol, laga, babak,
  // kiper …): there an attack is play ("menggempur pertahanan Persija", "serangan dari sisi
  // kiri"), a hold is a save or a draw ("ditahan imbang", "tendangan ditahan kiper"). Events of
  // the types cues.tsv "sport_metaphor" lists, and holds (cues.tsv "sport_hold"), in a sentence
  // with a word of play are dropped; an arrest of supporters ("polisi menangkap …") stays.
  // (Worked out at the first such event: most articles have none, and skip the scan.)
  std::vector<bool> play_sentence;
  auto play = [&](size_t sentence) {
    if (play_sentence.empty()) {
      play_sentence.assign(doc.sentences->size(), false);
      std::unordered_set<std::string_view> kinds;
      for (size_t k = 0; k < v.size(); ++k)
        if (lex_.Is("sport", v.lower[k]) || lex_.Is("sport", v.lemma[k])) {
          kinds.insert(v.lemma[k]);
          play_sentence[v.sentence[k]] = true;
        }
      if (kinds.size() < 3) play_sentence.assign(play_sentence.size(), false);
    }
    return play_sentence[sentence];
  };
  for (size_t s = 0; s < doc.sentences->size(); ++s) {
    const auto [a0, b0] = v.SentenceWords(s);
    const size_t a = a0, b = b0;  // plain variables: lambdas below capture them (clang 14)
    const size_t first_event = out.size();
    std::vector<size_t> trigger_word;  // of each event of this sentence
    // A headline capitalises every word ("Putin Kunjungi Pyongyang"); prose only names.
    // (Counted when a trigger asks: few sentences have one.)
    auto headline = [&] {
      size_t capitalised = 0, lettered = 0;
      for (size_t k = a; k < b; ++k) {
        const std::string_view f = v.Form(k);
        if (f.empty() || !std::isalpha(static_cast<unsigned char>(f[0]))) continue;
        ++lettered;
        capitalised += Capitalised(f);
      }
      return lettered > 0 && capitalised * 10 >= lettered * 6;
    };
    for (size_t i = a; i < b; ++i) {
      // A name is not a trigger; a lowercase word the tagger calls PROPN is a tagging slip, and
      // an acronym listed as a trigger form ("OTT", "KTT") is the event, not a name.
      if (v.entity[i] >= 0) continue;
      if (words[i].upos == "PROPN" && Capitalised(v.Form(i)) &&
          !(AllCaps(v.Form(i)) && lex_.triggers.count(v.lower[i])))
        continue;
      // Triggers by lemma, then by word form ("diamankan", "OTT"): the first entry whose forms,
      // required neighbours and excluded neighbours (three words before to five after) agree.
      // A reduplicated word ("temuan-temuan", "rapat-rapat") is its base for the excluded forms.
      std::string_view base = v.lower[i];
      if (const size_t h = base.find('-');
          h != std::string_view::npos && base.substr(h + 1) == base.substr(0, h))
        base = base.substr(0, h);
      const TriggerEntry* entry = nullptr;
      for (const std::string_view* key : {&v.lemma[i], &v.lower[i]}) {
        if (entry || (key == &v.lower[i] && v.lower[i] == v.lemma[i])) break;
        auto trig = lex_.triggers.find(*key);
        if (trig == lex_.triggers.end()) continue;
        for (const TriggerEntry& t : trig->second) {
          if (std::find(t.not_forms.begin(), t.not_forms.end(), base) != t.not_forms.end())
            continue;
          if (!NeedsMet(v, lex_, t, i, a, b)) continue;
          entry = &t;
          break;
        }
      }
      if (!entry) continue;
      if (roles_of.ModifiesAnotherNoun(i)) continue;
      // Inside prose, an aid noun capitalised before another capitalised word that names no one
      // opens a programme's name ("sosialisasi Bantuan Langsung Tunai", "Satgas Bantuan
      // Likuiditas Bank Indonesia"; cues.tsv "programme"), not a happening ("Bantuan Pertamina
      // ini" is aid by Pertamina; "Rapat Paripurna" is a meeting).
      if (i > a && lex_.Is("programme", entry->type) && Capitalised(v.Form(i)) &&
          !AllCaps(v.Form(i)) && i + 1 < b && Capitalised(v.Form(i + 1)) && v.entity[i + 1] < 0 &&
          !headline())
        continue;
      // An agent noun (peN- without -an: "pengunjung", "pendukung", "penyerang") names a person,
      // not a happening; the event nouns are peN-…-an, per-…-an, -an and roots ("kunjungan").
      if (words[i].upos == "NOUN" && v.lower[i] != v.lemma[i] && v.lower[i].size() > 4 &&
          v.lower[i].compare(0, 2, "pe") == 0 &&
          v.lower[i].compare(v.lower[i].size() - 2, 2, "an") != 0)
        continue;
      // A reduplicated noun is a plural of kinds ("rapat-rapat di hotel harus ditiadakan",
      // "aksi-aksi protes meningkat", "bantuan-bantuan pemerintah"), not one happening.
      if (words[i].upos == "NOUN" && base.size() < v.lower[i].size()) continue;
      // A light noun before a trigger leaves the event to it ("aksi boikot", "aksi unjuk rasa").
      if (i + 1 < b && lex_.Is("light_noun", v.lower[i]) &&
          (lex_.triggers.count(v.lemma[i + 1]) || lex_.triggers.count(v.lower[i + 1])))
        continue;
      // The clause: back to the previous clause word or ';', forward to the next; a full stop
      // too, inside a quote the splitter kept in one sentence with its cue ("… kondisi macet.
      // Tiba-tiba ada yang bacok …,” kata Ar).
      auto boundary = [&](size_t k) {
        std::string_view f = v.Form(k);
        return f == ";" || f == "." || f == "?" || f == "!" || IsOpenQuote(f) || IsCloseQuote(f) ||
               lex_.Is("clause", v.lower[k]);
      };
      size_t c0 = i, c1 = i + 1;
      while (c0 > a && !boundary(c0 - 1)) --c0;
      while (c1 < b && !boundary(c1)) ++c1;
      if (Habitual(v, lex_, i, c0, c1)) continue;
      if ((lex_.Is("sport_metaphor", entry->type) || lex_.Is("sport_hold", v.lemma[i])) && play(s))
        continue;
      Event ev;
      ev.type = entry->type;
      ev.cameo = lex_.cameo.at(ev.type);
      ev.trigger = words[i].span;
      ev.sentence = static_cast<uint32_t>(s);
      Roles roles = roles_of.Find(i, ev.type);
      std::vector<const Entity*> actors = roles.actors, targets = roles.targets;
      const Entity* place = roles.place;
      // An attack "ke" a state or city is on it: "invasi Rusia ke Ukraina".
      if (place && roles.place_toward && targets.empty() && place->type == "GPE" &&
          lex_.Is("directed", entry->type)) {
        targets.push_back(place);
        place = nullptr;
      }
      if (!place) {
        // A place anywhere in the clause ("di Jakarta, Kim bertemu …") that is not a
        // participant ("bantuan dari Indonesia").
        for (size_t k = c0; k < c1 && !place; ++k) {
          const Entity* e = v.Ent(k);
          if (!e || (e->type != "GPE" && e->type != "LOC")) continue;
          if (std::find(actors.begin(), actors.end(), e) != actors.end() ||
              std::find(targets.begin(), targets.end(), e) != targets.end())
            continue;
          size_t f = k;
          while (f > a && v.entity[f - 1] == v.entity[k]) --f;
          if (f > a && lex_.Is("place", v.lower[f - 1])) place = e;
          while (k + 1 < c1 && v.entity[k + 1] == v.entity[k]) ++k;
        }
      }
      for (const Entity* e : std::vector<const Entity*>(actors))
        if (e == place) actors.erase(std::find(actors.begin(), actors.end(), e));
      for (const Entity* e : std::vector<const Entity*>(targets))
        if (e == place) targets.erase(std::find(targets.begin(), targets.end(), e));
      // A plain location (a facility, a region, a mountain: LOC, not a state or a city) does not
      // act; named as an actor it is where the event happens.
      for (const Entity* e : std::vector<const Entity*>(actors))
        if (e->type == "LOC") {
          actors.erase(std::find(actors.begin(), actors.end(), e));
          if (!place) place = e;
        }
      // "kedua pemimpin", "keduanya", "mereka" next to the trigger: the last two people named
      // before it ("Putin dan Kim berpose selama pertemuan mereka").
      bool both = false;
      for (size_t k = (i > c0 + 2 ? i - 2 : c0); k < std::min(c1, i + 3); ++k)
        both |= lex_.Is("group", v.lower[k]);
      if (both && actors.size() + targets.size() < 2) {
        std::vector<const Entity*> two;
        for (size_t k = i; k-- > 0 && two.size() < 2;) {
          const Entity* e = v.Ent(k);
          if (e && e->type == "PER" &&
              std::none_of(two.begin(), two.end(), [&](const Entity* x) { return x->id == e->id; }))
            two.push_back(e);
        }
        if (two.size() == 2) actors.assign(two.rbegin(), two.rend());
      }
      // "Kunjungan tersebut …", "Pertemuan itu …": a noun trigger with a demonstrative and no
      // participants of its own is the last event of its type told before — the same happening.
      // With participants of its own it is still that happening: it keeps its date ("Redaksi
      // melakukan audiensi …, Senin (15/9/2025). Pertemuan tersebut membahas …").
      const Event* antecedent = nullptr;
      const Event* referent = nullptr;
      bool anaphoric = false;
      if (words[i].upos == "NOUN")
        for (size_t k = i + 1; k < std::min(b, roles_of.PhraseEnd(i)) && !anaphoric; ++k)
          anaphoric = lex_.Is("anaphoric", v.lower[k]);
      // A bare noun trigger that opens its sentence with no participants of its own is the same
      // happening as one of its type in the sentence before ("… bertemu Xi Jinping di Beijing.
      // Pertemuan berlangsung sekitar dua jam …").
      if (!anaphoric && words[i].upos == "NOUN" && actors.empty() && targets.empty() &&
          i == v.SentenceWords(s).first)
        for (size_t k = out.size(); k-- > 0 && !anaphoric && out[k].sentence + 1 >= s;)
          anaphoric = out[k].type == entry->type && out[k].sentence < s;
      if (anaphoric) {
        for (size_t k = out.size(); k-- > 0 && !referent;)
          if (out[k].type == entry->type) referent = &out[k];
        if (actors.empty() && targets.empty())
          for (size_t k = out.size(); k-- > 0 && !antecedent;)
            if (out[k].type == entry->type && !out[k].actors.empty()) antecedent = &out[k];
      }
      // "… saya ingin meminta …," ungkap X: in a direct quote, the first person is its speaker.
      if (actors.empty() && quote_speaker[i] && !roles.passive)
        for (size_t k = c0; k < i; ++k)
          if (lex_.Is("first_person", v.lower[k])) {
            if (std::find(targets.begin(), targets.end(), quote_speaker[i]) == targets.end())
              actors.push_back(quote_speaker[i]);
            break;
          }
      if (actors.empty() && !roles.passive && roles.dropped && !antecedent) {
        // A dropped subject ("…, ia mengunjungi …", "ketika mengunjungi …"): the last actor; a
        // personal pronoun before the trigger is the last person.
        bool pronoun = false;
        for (size_t k = c0; k < i; ++k) pronoun |= lex_.Is("pronoun", v.lower[k]);
        // A noun ("pertemuan", "sanksi", "bantuan") with no participant of its own is by someone
        // its own sentence names, else by nobody the article names: the last actor of an earlier
        // sentence was more often a speaker or a bystander than the agent (on 3,000 articles, of
        // 25 such actors read, 20 wrong; detik dev actors 30/64 → 27/46).
        const bool bare_noun = words[i].upos == "NOUN" && !pronoun;
        const Entity* p = pronoun ? roles_of.SalientPerson(i) : LastPerson(v, c0, false);
        if (bare_noun) {
          if (p && p->span.start < words[a].span.start) p = nullptr;
        } else if (!p) {
          p = last_actor;
        }
        if (p && std::find(targets.begin(), targets.end(), p) == targets.end()) actors.push_back(p);
      }
      // "Tersangka langsung ditahan", "penahanan tersangka": an authority's act told without its
      // agent is by the organisation that last did such an act in the article (cues.tsv
      // implicit_agent: "Kejari Sikka menetapkan delapan tersangka … mereka ditahan").
      // The organisation must be a named one — the KB's or of several words — not initials the
      // tagger took for one ("RR (29) diamankan"). An accusation is an authority's only as a
      // charge (cues.tsv charge: "ditetapkan sebagai tersangka").
      const Event* implicit = nullptr;
      bool authority_act = lex_.Is("implicit_agent", entry->type);
      if (authority_act && entry->type == "ACCUSE") {
        authority_act = false;
        for (size_t k = c0; k < c1 && !authority_act; ++k)
          authority_act = lex_.Is("charge", v.lower[k]);
      }
      if (actors.empty() && !antecedent && (roles.passive || words[i].upos == "NOUN") &&
          authority_act)
        for (size_t k = out.size(); k-- > 0 && !implicit;)
          if (lex_.Is("implicit_agent", out[k].type) && !out[k].actor_ids.empty() &&
              out[k].modality != "denied" &&
              std::all_of(out[k].actor_ids.begin(), out[k].actor_ids.end(),
                          [&](const std::string& id) { return named_org.contains(id); }))
            implicit = &out[k];
      for (const Entity* e : roles.companions)
        if (std::find(actors.begin(), actors.end(), e) == actors.end()) actors.push_back(e);
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
      // An act on a counted group whose members are listed: they are its targets.
      if (ev.targets.empty() && lex_.Is("listed_patient", ev.type))
        for (const Entity* e : ListedGroup(v, lex_, *numbers_, i, c1)) {
          if (std::find(ev.actor_ids.begin(), ev.actor_ids.end(), e->id) != ev.actor_ids.end())
            continue;
          ev.targets.push_back(e->canonical);
          ev.target_ids.push_back(e->id);
        }
      if (implicit)
        for (size_t k = 0; k < implicit->actor_ids.size(); ++k)
          if (std::find(ev.target_ids.begin(), ev.target_ids.end(), implicit->actor_ids[k]) ==
              ev.target_ids.end()) {
            ev.actors.push_back(implicit->actors[k]);
            ev.actor_ids.push_back(implicit->actor_ids[k]);
          }
      if (place) {
        ev.place = place->canonical;
        ev.place_id = place->id;
      }
      if (referent && !ev.place && referent->place) {
        ev.place = referent->place;
        ev.place_id = referent->place_id;
      }
      if (antecedent) {
        ev.actors = antecedent->actors;
        ev.actor_ids = antecedent->actor_ids;
        ev.targets = antecedent->targets;
        ev.target_ids = antecedent->target_ids;
        if (!ev.place) {
          ev.place = antecedent->place;
          ev.place_id = antecedent->place_id;
        }
      }
      // A noun trigger without participants that is one item of an enumeration ("terlibat dalam
      // pengeroyokan, pembunuhan, pencurian, KDRT …") names a kind of happening, not one.
      if (words[i].upos == "NOUN" && ev.actors.empty() && ev.targets.empty() &&
          InEnumeration(v, lex_, i, c0, c1))
        continue;
      // A threat or an arrival needs someone who makes it (data/events/cues.tsv "agentive").
      if (ev.actors.empty() && lex_.Is("agentive", ev.type)) continue;
      // An invitation is to someone named ("patientive").
      if (ev.targets.empty() && lex_.Is("patientive", ev.type)) continue;
      // Support is given by or to someone named ("participated").
      if (ev.actors.empty() && ev.targets.empty() && lex_.Is("participated", ev.type)) continue;
      // A verb whose actor is a thing ("RUU ini mendukung pembangunan"), not a person left
      // unresolved ("Kami mendukung …", "pihaknya mendukung …").
      if (ev.actors.empty() && words[i].upos == "VERB" && lex_.Is("agentive_verb", ev.type)) {
        bool pronoun = false;
        for (size_t k = c0; k < i && !pronoun; ++k)
          pronoun = words[k].upos == "PRON" && !lex_.Is("demonstrative", v.lower[k]);
        if (!pronoun) continue;
      }
      if (!actors.empty()) last_actor = actors.front();
      // Time: the nearest date of the trigger's clause, else of the sentence.
      const Span& sent = (*doc.sentences)[s].span;
      const int64_t clause = roles_of.ClauseAt(ev.trigger.start);
      size_t best = SIZE_MAX;
      for (const Timex& t : *doc.timexes) {
        if (t.span.start < sent.start || t.span.end > sent.end) continue;
        if (t.type != "DATE" && t.type != "TIME") continue;
        if (!CalendarDate(t.value)) continue;
        size_t d = t.span.start > ev.trigger.start ? t.span.start - ev.trigger.start
                                                   : ev.trigger.start - t.span.start;
        const int64_t date_clause = roles_of.ClauseAt(t.span.start);
        if (clause < 0 || date_clause != clause) {
          if (clause >= 0 && date_clause >= 0 && roles_of.RelativeWithPredicate(date_clause))
            continue;
          d += sent.size();
        }
        if (d < best) {
          best = d;
          ev.time = t.value.substr(0, t.value.find('T'));
        }
      }
      if (antecedent && !ev.time) ev.time = antecedent->time;
      if (referent && !ev.time) ev.time = referent->time;
      // A past reference before the trigger: "saat itu", "ketika itu" point back to the last date
      // of the two sentences before ("… pada 2011 lalu, … Sebab, saat itu, Rusia ikut menjatuhkan
      // sanksi" is 2011); another ("dulu") or one with no date to point to is some time before
      // the article (PAST_REF), not its publication day.
      if (!ev.time)
        for (const Timex& t : *doc.timexes) {
          if (t.span.start < sent.start || t.span.end > ev.trigger.start) continue;
          if (t.value != "PAST_REF") continue;
          if (roles_of.ClauseAt(t.span.start) != clause) continue;  // another clause's time
          // "sejak saat itu" (since then), "setelah itu": after that time, not at it.
          const auto before =
              std::upper_bound(words.begin(), words.end(), t.span.start,
                               [](size_t at, const Word& w) { return at < w.span.start; });
          if (before != words.begin() && before - 1 != words.begin() &&
              lex_.Is("time_relation", v.lower[(before - 2) - words.begin()]))
            break;
          ev.time = "PAST_REF";
          const std::string_view said =
              std::string_view(*doc.text).substr(t.span.start, t.span.size());
          const size_t sp = said.rfind(' ');
          if (sp == std::string_view::npos ||
              !lex_.Is("anaphoric", utf8::AsciiLower(said.substr(sp + 1))))
            break;
          const size_t from = (*doc.sentences)[s >= 2 ? s - 2 : 0].span.start;
          for (const Timex& u : *doc.timexes)
            if (u.span.start >= from && u.span.end <= sent.start && CalendarDate(u.value))
              ev.time = u.value.substr(0, u.value.find('T'));
          break;
        }
      auto cue_before = [&](const char* kind, size_t from) {
        for (size_t k = from; k < i; ++k)
          if (lex_.Is(kind, v.lower[k]) || lex_.Is(kind, v.lemma[k])) return true;
        return false;
      };
      // Undated and marked as past ("Rusia sempat menjatuhkan sanksi …", "Kim pernah …"): some
      // time before the article, not its publication day (TIMEX3 PAST_REF).
      if (!ev.time && cue_before("past", c0)) ev.time = "PAST_REF";
      // An undated noun naming a happening told before as fact with its date, by the same actors
      // and towards the same targets ("sejak invasi Rusia ke Ukraina pada Februari 2022 …" then
      // "Kim mendukung invasi Rusia ke Ukraina"), is that happening again, not one of the
      // publication day.
      // The place stands for the target where none is named: "invasi Rusia di Ukraina" is the
      // "invasi Rusia ke Ukraina" told before.
      auto whom = [](const Event& e) {
        if (!e.target_ids.empty() || !e.place_id) return e.target_ids;
        return std::vector<std::string>{*e.place_id};
      };
      if (!ev.time && words[i].upos == "NOUN" && lex_.Is("episode", ev.type) &&
          !ev.actor_ids.empty() && !whom(ev).empty()) {
        auto same_set = [](std::vector<std::string> x, std::vector<std::string> y) {
          std::sort(x.begin(), x.end());
          std::sort(y.begin(), y.end());
          return x == y;
        };
        for (size_t k = out.size(); k-- > 0;) {
          const Event& o = out[k];
          if (o.type != ev.type || !o.time || !CalendarDate(*o.time) || o.modality != "asserted" ||
              !same_set(o.actor_ids, ev.actor_ids) || !same_set(whom(o), whom(ev)))
            continue;
          ev.time = o.time;
          break;
        }
      }
      // Modality.
      // Negation: up to three words before, not across a coordinator or comma ("janji yang belum
      // ditepati serta menuntut …" does not negate the demand).
      bool negated = false;
      for (size_t k = i > a + 3 ? i - 3 : a; k < i; ++k) {
        // A verb of its own after the negation takes it ("tidak mengonfirmasi lokasi pertemuan"
        // does not deny the meeting), unless it is a support verb ("tidak melakukan kunjungan").
        const bool other_verb = words[k].upos == "VERB" && !lex_.Is("support_verb", v.lemma[k]);
        // So does a word that the negation can modify itself: "tidak enaknya dipecat".
        const std::string& u = words[k].upos;
        const bool own_head = u == "ADJ" || u == "NOUN" || u == "PRON" || u == "PROPN";
        if (lex_.Is("coordinator", v.lower[k]) || v.Form(k) == "," || other_verb || own_head)
          negated = false;
        else
          negated |= lex_.Is("negation", v.lower[k]);
      }
      bool denial = ev.type != "DENY" && cue_before("denial", a);
      // A full date after the publication day is still to come, unless a perfective marker
      // ("telah", "sudah") says it happened: then it stays asserted and the timeline flags it.
      std::string later;
      if (ev.time && ev.time->size() == 10 && published.size() >= 10 &&
          *ev.time > published.substr(0, 10) && !cue_before("perfective", c0))
        later = "planned";
      // A relative clause has its own tense and mood: "Kali ini akan menjadi pertemuan kedua Kim
      // dengan Putin, yang pernah bertemu pada 2019" — the 2019 meeting is not planned.
      size_t m0 = c0;
      for (size_t k = c0; k < i; ++k)
        if (lex_.Is("relativizer", v.lower[k])) m0 = k + 1;
      if (roles.controlled)  // asked or invited to (not to) do it: not done, not denied
        ev.modality = roles.controlled;
      else if (negated || denial)  // in a quote too: the speaker denies it
        ev.modality = "denied";
      else if (in_quote[i])
        ev.modality = "reported";
      else if (cue_before("hypothetical", m0) || NegatedSayingBefore(v, lex_, a, i))
        ev.modality = "hypothetical";
      else if ((cue_before("planned", m0) && !cue_before("perfective", m0)) || !later.empty())
        ev.modality = "planned";
      else if (cue_before("alleged", a))
        ev.modality = "alleged";
      else if (cue_before("reported", a) || SaidBefore(v, lex_, a, i))
        ev.modality = "reported";
      else
        ev.modality = "asserted";
      out.push_back(std::move(ev));
      trigger_word.push_back(i);
    }
    // A noun trigger that is a participant of a verb trigger of the same type in its clause is
    // that event, told once: "bantuan tersebut akan disalurkan" is one AID, at the verb.
    std::vector<bool> drop(trigger_word.size(), false);
    for (size_t x = 0; x < trigger_word.size(); ++x) {
      if (words[trigger_word[x]].upos != "NOUN") continue;
      const Event& noun = out[first_event + x];
      const int64_t clause = roles_of.ClauseAt(noun.trigger.start);
      for (size_t y = 0; y < trigger_word.size() && !drop[x]; ++y)
        drop[x] = y != x && words[trigger_word[y]].upos == "VERB" &&
                  out[first_event + y].type == noun.type && clause >= 0 &&
                  roles_of.ClauseAt(out[first_event + y].trigger.start) == clause;
    }
    for (size_t x = trigger_word.size(); x-- > 0;)
      if (drop[x]) out.erase(out.begin() + static_cast<std::ptrdiff_t>(first_event + x));
  }
  doc.events = std::move(out);
  return Status::Ok();
}

}  // namespace linimasa::events
