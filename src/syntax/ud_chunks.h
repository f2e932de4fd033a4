// Chunks derived from a UD dependency tree — the reference the chunker is checked against
// (`linimasa eval chunks`), in the way CoNLL-2000 derived its chunks from the Penn Treebank.
//
//   NP    a nominal (NOUN PROPN PRON NUM X SYM) with the dependents that stay inside a base noun
//         phrase (compound, flat, nmod and nmod:poss without a preposition, det, nummod, amod,
//         clf), as long as they are contiguous; a dependent with its own preposition starts a new
//         NP (after its PP chunk).
//   VP    a verb with the auxiliaries, negation and adverbs attached to it before it; an
//         auxiliary attached elsewhere (the copula "adalah") is a VP of its own.
//   PP    a preposition. SBAR: SCONJ, the relativizer "yang", and a subordinator of
//         data/syntax/words.tsv that heads a clause ("saat" + acl).
//   ADJP  an adjective outside a noun phrase, with the adverbs before it. ADVP: other adverbs.
// Punctuation and coordinators are outside chunks. Clause numbers are not derived (0).
#pragma once

#include <string>
#include <vector>

#include "linimasa/document.h"
#include "syntax/chunker.h"

namespace linimasa::syntax {

struct UdWord {
  std::string form, lemma, upos, feats, deprel;
  int head = -1;  // 0-based index of the head word; -1 for the root
};

std::vector<Chunk> UdChunks(const std::vector<UdWord>& sentence,
                            const Chunker::WordClasses& classes);

}  // namespace linimasa::syntax
