// Shallow syntax for Indonesian: base phrases (chunks), clause boundaries and verbal voice from
// words, lemmas and UD part-of-speech tags.
//
// Rules rather than a learned chunker: the UD Indonesian treebanks shared here hold about 1,200
// sentences, too few to train a sequence model that beats these POS patterns, and the rules cost
// nothing at run time (one pass, no model). `linimasa eval chunks UD.conllu` checks them against
// chunks derived from the treebank's trees (syntax/ud_chunks.h).
//
//   NP    (head: its first noun or pronoun, else its first number) a run of nominals (NOUN PROPN
//   PRON NUM X SYM), determiners and adjectives after a
//         nominal; a demonstrative (ini, itu, tersebut) ends it; a clitic "-nya" belongs to it.
//   VP    auxiliaries, negation and pre-verbal adverbs up to a verb (each verb of a series is a
//         VP of its own: "telah bersedia | menjadi", as UD attaches it by xcomp); a run of them
//         with an auxiliary but no verb is a VP (copula "adalah"); before an adjective, an ADJP.
//   PP    one preposition (ADP). SBAR: a subordinator or the relativizer "yang".
//   ADJP  an adjective not inside an NP, with the adverbs before it. ADVP: other adverbs.
//
// Clauses: each sentence starts one; so do an SBAR, a ";" or ":" or quote mark (not a
// parenthesis: "Otoritas Jasa Keuangan (OJK) dan …" is one subject), a clause
// coordinator (data/syntax/words.tsv) and a comma — each when a predicate (VP, ADJP) follows
// before the next boundary and the clause so far already has one.
//
// Voice of a VP: from its head verb's prefix against its lemma (dibawa ← bawa: passive;
// tertangkap ← tangkap: ter; a lemma that itself starts so, "diskusi", "terima": active).
//
// Thread-safety: a loaded Chunker is immutable; Chunk() may run on many threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/string_set.h"
#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa::syntax {

struct ChunkWord {
  std::string_view lower;  // lower-cased form
  std::string_view lemma;  // lower-cased lemma ("" when unknown)
  std::string_view upos;   // UD UPOS ("" when untagged)
  bool capital = false;    // written with a capital first letter
};

class Chunker {
 public:
  using WordSet = StringSet;  // looked up by string_view (core/string_set.h)
  struct WordClasses {
    WordSet subordinator, relativizer, coordinator, demonstrative;
    WordSet clausal_preposition;
    WordSet between;  // "antara": its "dan" joins two noun phrases, not two clauses  // opens a
                      // clause when a predicate follows ("untuk melakukan")
  };
  // Reads data_dir/syntax/words.tsv.
  static Result<Chunker> Load(const std::string& data_dir);
  explicit Chunker(WordClasses classes) : classes_(std::move(classes)) {}

  // Appends the chunks of one sentence; word indices are offset by `first`. Clause numbers start
  // at *clause + 1 and *clause is left at the sentence's last clause.
  void Chunk(const std::vector<ChunkWord>& words, uint32_t first, uint32_t* clause,
             std::vector<linimasa::Chunk>& out) const;

  static linimasa::Chunk::Voice VerbVoice(std::string_view lower, std::string_view lemma);

  const WordClasses& classes() const { return classes_; }

 private:
  WordClasses classes_;
};

}  // namespace linimasa::syntax
