#include "syntax/chunker.h"

#include "core/file_env.h"
#include "core/lines.h"

namespace linimasa::syntax {

namespace {

enum class Cls : uint8_t {
  kNom,
  kDet,
  kAdj,
  kVerb,
  kPre,
  kAux,
  kAdp,
  kSub,
  kCoord,
  kPunct,
  kOther
};

bool Starts(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool HardBoundary(std::string_view f) {
  return f == ";" || f == ":" || f == "\"" || f == "\xE2\x80\x9C" || f == "\xE2\x80\x9D";
}

}  // namespace

Result<Chunker> Chunker::Load(const std::string& data_dir) {
  const std::string path = data_dir + "/syntax/words.tsv";
  auto bytes = FileEnv::Default().ReadFile(path, size_t{1} << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() + " (reinstall linimasa's data folder)");
  WordClasses c;
  Status status = Status::Ok();
  ForEachLine(*bytes, [&](std::string_view line, size_t n) {
    if (!status.ok() || line.empty() || line[0] == '#') return;
    std::vector<std::string> f = SplitFields(line);
    WordSet* set = nullptr;
    if (f.size() == 2) {
      if (f[0] == "subordinator") set = &c.subordinator;
      if (f[0] == "relativizer") set = &c.relativizer;
      if (f[0] == "coordinator") set = &c.coordinator;
      if (f[0] == "demonstrative") set = &c.demonstrative;
      if (f[0] == "clausal_preposition") set = &c.clausal_preposition;
      if (f[0] == "between") set = &c.between;
    }
    if (!set) {
      status = Status::InvalidArgument(
          path + ":" + std::to_string(n) +
          ": expected 'kind<TAB>word' with kind subordinator, relativizer, coordinator, "
          "demonstrative, clausal_preposition or between");
      return;
    }
    set->insert(f[1]);
  });
  if (!status.ok()) return status;
  return Chunker(std::move(c));
}

Chunk::Voice Chunker::VerbVoice(std::string_view lower, std::string_view lemma) {
  if (lemma.empty() || lower.size() <= lemma.size()) return Chunk::Voice::kActive;
  if (Starts(lower, "di") && !Starts(lemma, "di")) return Chunk::Voice::kPassive;
  if (Starts(lower, "ter") && !Starts(lemma, "ter")) return Chunk::Voice::kTer;
  return Chunk::Voice::kActive;
}

void Chunker::Chunk(const std::vector<ChunkWord>& w, uint32_t first, uint32_t* clause,
                    std::vector<linimasa::Chunk>& out) const {
  const size_t n = w.size();
  std::vector<Cls> cls(n);
  for (size_t i = 0; i < n; ++i) {
    const std::string_view u = w[i].upos;
    const std::string_view key = w[i].lower;
    Cls c = Cls::kOther;
    if (u == "NOUN" || u == "PROPN" || u == "PRON" || u == "NUM" || u == "X" || u == "SYM")
      c = Cls::kNom;
    else if (u == "DET")
      c = Cls::kDet;
    else if (u == "ADJ")
      c = Cls::kAdj;
    else if (u == "VERB")
      c = Cls::kVerb;
    else if (u == "AUX")
      c = Cls::kAux;
    else if (u == "PART" || u == "ADV")
      c = Cls::kPre;
    else if (u == "ADP")
      c = Cls::kAdp;
    else if (u == "SCONJ")
      c = Cls::kSub;
    else if (u == "CCONJ")
      c = Cls::kCoord;
    else if (u == "PUNCT")
      c = Cls::kPunct;
    if (classes_.relativizer.count(key)) c = Cls::kSub;
    // A subordinator the tagger read as a noun or adverb ("saat", "usai"), unless a demonstrative
    // makes it a noun phrase ("saat ini").
    if (classes_.subordinator.count(key) && (c == Cls::kNom || c == Cls::kPre) &&
        !(i + 1 < n && classes_.demonstrative.count(w[i + 1].lower)))
      c = Cls::kSub;
    if (classes_.coordinator.count(key) && c == Cls::kPre) c = Cls::kCoord;
    cls[i] = c;
  }
  // A capitalised preposition between capitalised words inside a sentence is part of a name
  // ("Sekolah Menengah Atas 33", "Komisi Untuk Orang Hilang").
  for (size_t i = 1; i + 1 < n; ++i)
    if (cls[i] == Cls::kAdp && w[i].capital && w[i - 1].capital &&
        (cls[i - 1] == Cls::kNom || cls[i - 1] == Cls::kAdj) &&
        (w[i + 1].capital || w[i + 1].upos == "NUM"))
      cls[i] = Cls::kNom;
  // A preposition or subordinator the tagger read as ADP opens a clause when a predicate follows
  // ("untuk | melakukan perjalanan", "setelah | tiba"), as UD's SCONJ does.
  for (size_t i = 0; i + 1 < n; ++i)
    if (cls[i] == Cls::kAdp &&
        (classes_.clausal_preposition.count(w[i].lower) ||
         classes_.subordinator.count(w[i].lower)) &&
        (cls[i + 1] == Cls::kVerb || cls[i + 1] == Cls::kAux || cls[i + 1] == Cls::kPre))
      cls[i] = Cls::kSub;
  enum Boundary : uint8_t { kNoBoundary, kSoft, kHard };
  struct Piece {
    linimasa::Chunk chunk;
    Boundary before = kNoBoundary;
    bool coordinator = false;  // a coordinator ("dan") stands right before it
  };
  std::vector<Piece> pieces;
  Boundary pending = kHard;  // the sentence start
  bool pending_coordinator = false;
  auto emit = [&](linimasa::Chunk::Type t, size_t a, size_t b, size_t head) {
    Piece p;
    p.chunk.type = t;
    p.chunk.first_word = static_cast<uint32_t>(first + a);
    p.chunk.end_word = static_cast<uint32_t>(first + b);
    p.chunk.head = static_cast<uint32_t>(first + head);
    if (t == linimasa::Chunk::Type::kVP && cls[head] == Cls::kVerb)
      p.chunk.voice = VerbVoice(w[head].lower, w[head].lemma);
    else if (t == linimasa::Chunk::Type::kVP)
      p.chunk.voice = linimasa::Chunk::Voice::kActive;
    p.before = t == linimasa::Chunk::Type::kSBAR ? kHard : pending;
    p.coordinator = pending_coordinator;
    pending = kNoBoundary;
    pending_coordinator = false;
    pieces.push_back(p);
  };
  using T = linimasa::Chunk::Type;
  for (size_t i = 0; i < n;) {
    switch (cls[i]) {
      case Cls::kSub:
        emit(T::kSBAR, i, i + 1, i);
        pieces.back().chunk.relative = classes_.relativizer.count(w[i].lower) > 0;
        ++i;
        break;
      case Cls::kAdp:
        emit(T::kPP, i, i + 1, i);
        ++i;
        break;
      case Cls::kPunct:
        if (HardBoundary(w[i].lower))
          pending = kHard;
        else if (w[i].lower == "," && pending == kNoBoundary)
          pending = kSoft;
        ++i;
        break;
      case Cls::kCoord:
        if (pending == kNoBoundary) pending = kSoft;
        pending_coordinator = true;
        ++i;
        break;
      case Cls::kOther:
        ++i;
        break;
      case Cls::kPre:
      case Cls::kAux:
      case Cls::kVerb: {
        // Up to the first verb: a following verb is a chunk of its own ("bersedia | menjadi").
        size_t j = i, last_verb = SIZE_MAX, last_aux = SIZE_MAX;
        for (; j < n && (cls[j] == Cls::kPre || cls[j] == Cls::kAux || cls[j] == Cls::kVerb); ++j) {
          if (cls[j] == Cls::kAux) last_aux = j;
          if (cls[j] == Cls::kVerb) {
            last_verb = j;
            break;
          }
        }
        if (last_verb != SIZE_MAX) {
          emit(T::kVP, i, last_verb + 1, last_verb);
          i = last_verb + 1;
        } else if (j < n && cls[j] == Cls::kAdj) {
          size_t k = j;
          while (k < n && cls[k] == Cls::kAdj) ++k;
          emit(T::kADJP, i, k, k - 1);
          i = k;
        } else if (last_aux != SIZE_MAX) {
          emit(T::kVP, i, j, last_aux);
          i = j;
        } else {
          emit(T::kADVP, i, j, j - 1);
          i = j;
        }
        break;
      }
      case Cls::kAdj: {
        size_t k = i;
        while (k < n && cls[k] == Cls::kAdj) ++k;
        emit(T::kADJP, i, k, k - 1);
        i = k;
        break;
      }
      case Cls::kNom:
      case Cls::kDet: {
        size_t j = i, head = SIZE_MAX;
        bool closed = false, head_is_noun = false;
        for (; j < n && !closed; ++j) {
          Cls c = cls[j];
          if (c == Cls::kNom) {
            // The head: the first noun or pronoun ("satu kali pertemuan" → kali), else the first
            // nominal (a number).
            const bool noun = w[j].upos != "NUM" && w[j].upos != "SYM" && w[j].upos != "X";
            if (head == SIZE_MAX || (noun && !head_is_noun)) {
              head = j;
              head_is_noun = noun;
            }
          } else if (c == Cls::kDet) {
            bool dem = classes_.demonstrative.count(w[j].lower) > 0;
            if (j > i && !dem) break;  // "para", "setiap" start the next noun phrase
            closed = dem && j > i;
          } else if (c == Cls::kAdj) {
            if (j == i || (cls[j - 1] != Cls::kNom && cls[j - 1] != Cls::kAdj)) break;
          } else {
            break;
          }
        }
        emit(T::kNP, i, j, head == SIZE_MAX ? i : head);
        i = j;
        break;
      }
    }
  }
  // Clauses. A soft boundary (comma, coordinator) opens one when the clause so far has a predicate
  // and a predicate follows: at once, or after one noun phrase (a new subject).
  auto is_pred = [](T t) { return t == T::kVP || t == T::kADJP; };
  // Without a comma, a fronted subordinate clause ends where the main clause's subject starts:
  // "Usai menggelar kunjungan ke situs X | Presiden Kim mengajak …" — at a run of noun phrases
  // that a verb follows, after the noun phrases that are the subordinate predicate's object.
  auto main_subject_starts = [&](size_t k) {
    if (k == 0 || pieces[k].chunk.type != T::kNP || pieces[k - 1].chunk.type != T::kNP)
      return false;
    size_t j = k;
    while (j < pieces.size() && pieces[j].chunk.type == T::kNP && pieces[j].before == kNoBoundary)
      ++j;
    if (j == pieces.size() || pieces[j].chunk.type != T::kVP || pieces[j].before != kNoBoundary)
      return false;
    size_t s = k - 1;
    while (s > 0 && pieces[s - 1].chunk.type == T::kNP) --s;
    if (s == 0) return false;
    const T before = pieces[s - 1].chunk.type;
    return before == T::kPP || before == T::kVP || before == T::kADJP;
  };
  bool has_pred = false, any = false, subordinate = false;
  bool between = false;  // an "antara X" waits for its "dan Y"
  for (size_t k = 0; k < pieces.size(); ++k) {
    Piece& p = pieces[k];
    bool open = p.before == kHard;
    // "pertemuan antara Rusia dan Korea Utara adalah …": the "dan" completes "antara".
    if (between && p.coordinator && p.before == kSoft) {
      between = false;
      p.before = kNoBoundary;
    }
    if (p.before == kSoft && has_pred) {
      size_t m = k;
      while (m < pieces.size() && pieces[m].chunk.type == T::kADVP) ++m;
      if (m < pieces.size() && pieces[m].chunk.type == T::kNP) {
        // The subject: one noun phrase, or several with nothing but parentheses between them
        // ("Presiden Korea Utara (Korut) Kim Jong Un").
        ++m;
        while (m < pieces.size() && pieces[m].chunk.type == T::kNP &&
               pieces[m].before == kNoBoundary)
          ++m;
        while (m < pieces.size() && pieces[m].chunk.type == T::kADVP) ++m;
      }
      open = m < pieces.size() && is_pred(pieces[m].chunk.type);
    }
    if (!open && subordinate && has_pred && p.before == kNoBoundary && main_subject_starts(k))
      open = true;
    if (open || !any) {
      ++*clause;
      has_pred = false;
      subordinate = p.chunk.type == T::kSBAR && !p.chunk.relative;
    }
    any = true;
    has_pred |= is_pred(p.chunk.type);
    if (p.chunk.type == T::kPP) between = classes_.between.count(w[p.chunk.head - first].lower) > 0;
    p.chunk.clause = *clause;
    out.push_back(p.chunk);
  }
}

}  // namespace linimasa::syntax
