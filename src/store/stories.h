// Stories and near-duplicates across stored articles. Pure functions over Store::DocSummaries().
//
// Near-duplicates (wire copies of one AFP/Reuters/Antara report, an article republished by a sister
// site): MinHash (64 hash functions) over 5-word shingles of the lemma sequence, candidates by LSH
// (16 bands of 4 rows), kept when the estimated Jaccard similarity is >= `copy_jaccard`. Every
// group of copies names one original: the earliest published (ties: the first stored).
//
// Stories: each document is a TF-IDF vector over its content lemmas (function words, numbers and
// words under 3 letters left out) plus its linked entity ids (one feature per entity, weighted
// `entity_weight`×), L2-normalised and cut to its `top_features` strongest features. Two documents
// are linked when their cosine is >= `link_threshold` and, where both dates are known, they were
// published at most `max_days` apart; a story is a connected group of linked documents (copies are
// always in one story). Candidate pairs come from an inverted index over the features, skipping
// features found in more than max(50, 10%) of the documents (their IDF is low anyway).
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "linimasa/store.h"

namespace linimasa::stories {

struct Options {
  double link_threshold = 0.35;
  double copy_jaccard = 0.8;
  double entity_weight = 1.5;
  int max_days = 45;
  size_t top_features = 40;
};

struct Copy {
  size_t doc = 0, of = 0;  // indices into the summaries
  double similarity = 0;   // estimated Jaccard of the shingle sets
};

struct Story {
  std::vector<size_t> docs;   // indices into the summaries, by publication time (undated last)
  size_t representative = 0;  // the document closest to the story's centroid
  std::string from, to;       // first and last publication day ("" when none is dated)
  std::vector<std::string> entity_ids, entity_names;  // most frequent first (at most 8)
};

struct Grouping {
  std::vector<Story> stories;  // biggest first; singletons included
  std::vector<Copy> copies;
};

// The near-duplicate copies among `docs` (see above), by copy index.
std::vector<Copy> FindCopies(const std::vector<StoredDocSummary>& docs, double copy_jaccard = 0.8);

Grouping Group(const std::vector<StoredDocSummary>& docs,
               const std::unordered_set<std::string>& stopwords, const Options& options = {});

// Days between two ISO dates (their first 10 characters); -1 when either is not a full date.
int DaysApart(const std::string& a, const std::string& b);

}  // namespace linimasa::stories
