// The boilerplate line scorer.
//
// Each line (a text line, or a rendered HTML block) gets a score from two kinds of evidence:
//   - cues: generic phrases of page furniture loaded from data/boilerplate/cues.tsv, each with a
//     removal kind and a weight (e.g. "baca juga …" related 1.5, "foto: …" credit 2.0);
//   - shape: long prose lines are penalised (content rarely looks like furniture), short all-caps
//     lines and link-dense blocks are rewarded, lines repeated in the same document inherit the
//     verdict of their first occurrence.
// A line scoring >= 1.0 is boilerplate. The kind comes from the strongest cue. Suffix cues remove
// only the end of a line (a trailing "***" after the last sentence); end cues, only the end of the
// article's last content line (the writer's initials, "… lebih lanjut. [ded]").
//
// Thread-safety: a loaded model is immutable and may be shared by threads.
#pragma once

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "linimasa/status.h"

namespace linimasa::clean {

struct BoilerplateVerdict {
  float score = 0.f;
  std::string kind;  // strongest cue's kind ("" if no cue)
  float cue_weight = 0.f;
  // For a suffix cue: the byte offset within the line where the removed suffix starts (else npos).
  size_t suffix_start = std::string_view::npos;
  std::string suffix_kind;
};

class BoilerplateModel {
 public:
  BoilerplateModel();
  ~BoilerplateModel();
  BoilerplateModel(BoilerplateModel&&) noexcept;
  BoilerplateModel& operator=(BoilerplateModel&&) noexcept;

  // Loads cues from a TSV file (see the file's header for the format). Errors name file and line.
  static Result<BoilerplateModel> Load(const std::string& path);
  static Result<BoilerplateModel> Parse(std::string_view tsv, const std::string& name);

  // Scores a trimmed line by its cues and length (shape features that need context, like position
  // or repetition, are added by the caller).
  BoilerplateVerdict Score(std::string_view line, size_t words) const;
  // The `end` cues, for the article's last content line: where the removed suffix starts (with
  // its kind), or npos.
  size_t EndSuffix(std::string_view line, std::string* kind) const;
  // The `inline` cues: furniture run into a paragraph ("… tahun depan. ADVERTISEMENT SCROLL TO
  // CONTINUE WITH CONTENT Kebijakan itu …"), as (start, end, kind) byte ranges of the line.
  struct InlineHit {
    size_t start, end;
    std::string kind;
  };
  std::vector<InlineHit> Inline(std::string_view line) const;

  size_t size() const { return cues_.size(); }

 private:
  enum class Scope { kLine, kPrefix, kAny, kSuffix, kEnd, kInline };
  struct Cue {
    std::string kind;
    float weight;
    Scope scope;
  };
  // The cues of one scanning scope (suffix, end, inline), each its own regex (their match
  // positions are needed), behind one set that tells which of them can match a line at all: most
  // lines match none, and one pass of the set costs less than a search per cue.
  struct Scan {
    std::vector<std::pair<size_t, std::unique_ptr<re2::RE2>>> cues;  // (index into cues_, regex)
    std::unique_ptr<re2::RE2::Set> filter;  // cue i's pattern (suffix and end: ending the line)
    // The positions in `cues` of those whose pattern the set finds in `line`, in cue order.
    std::vector<int> Candidates(std::string_view line) const;
  };
  // The first of `scan`'s cues whose match ends the line (and leaves some of it): its start, or
  // npos.
  size_t MatchSuffix(const Scan& scan, std::string_view line, std::string* kind) const;
  std::vector<Cue> cues_;
  // One compiled set per scope (a single pass per line); indices map back into cues_.
  std::unique_ptr<re2::RE2::Set> line_set_, prefix_set_, any_set_;
  std::vector<size_t> line_idx_, prefix_idx_, any_idx_;
  Scan suffix_, end_, inline_;
};

}  // namespace linimasa::clean
