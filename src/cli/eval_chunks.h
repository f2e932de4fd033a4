#pragma once
#include <string>

namespace linimasa::cli {
// `linimasa eval chunks GOLD.conllu`: the chunker (syntax/chunker.h) on the treebank's own words,
// with linimasa's lemmas and UPOS, against chunks derived from the trees (syntax/ud_chunks.h):
// P/R/F1 per chunk type (a chunk is right when its type and both ends are), the same with the
// treebank's UPOS, and the voice of verbs the treebank marks Voice=Act|Pass. Exit code.
// `errors`: print each sentence whose chunks differ, bracketed both ways, first.
int EvalChunks(const std::string& gold, const std::string& data_dir, bool errors);
}  // namespace linimasa::cli
