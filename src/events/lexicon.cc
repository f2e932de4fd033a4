#include "events/lexicon.h"

#include <fstream>

namespace linimasa::events {

namespace {

// Calls f(fields, line number) for each non-comment line of a TSV file.
template <typename F>
Status ForEachRow(const std::string& path, size_t min_fields, F&& f) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot read (reinstall linimasa's data folder)");
  std::string line;
  for (size_t n = 1; std::getline(in, line); ++n) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    for (size_t p = 0;;) {
      size_t q = line.find('\t', p);
      fields.push_back(line.substr(p, q == std::string::npos ? std::string::npos : q - p));
      if (q == std::string::npos) break;
      p = q + 1;
    }
    if (fields.size() < min_fields)
      return Status::InvalidArgument(path + ":" + std::to_string(n) + ": expected " +
                                     std::to_string(min_fields) + " TAB-separated fields");
    f(fields);
  }
  return Status::Ok();
}

std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  for (size_t p = 0; p < s.size();) {
    size_t q = s.find('|', p);
    if (q == std::string::npos) q = s.size();
    if (q > p) out.push_back(s.substr(p, q - p));
    p = q + 1;
  }
  return out;
}

}  // namespace

Result<EventLexicon> EventLexicon::Load(const std::string& data_dir) {
  EventLexicon lex;
  Status s = ForEachRow(data_dir + "/events/ontology.tsv", 2,
                        [&](const std::vector<std::string>& f) { lex.cameo[f[0]] = f[1]; });
  if (!s.ok()) return s;
  std::string bad;
  s = ForEachRow(data_dir + "/events/triggers.tsv", 2, [&](const std::vector<std::string>& f) {
    if (!lex.cameo.count(f[1])) bad = f[1];
    lex.triggers[f[0]].push_back(TriggerEntry{f[1], f.size() > 2 ? SplitBar(f[2]) : std::vector<std::string>{},
                                              f.size() > 3 ? SplitBar(f[3]) : std::vector<std::string>{}});
  });
  if (!s.ok()) return s;
  if (!bad.empty())
    return Status::InvalidArgument(data_dir + "/events/triggers.tsv: type " + bad +
                                   " is not in events/ontology.tsv");
  s = ForEachRow(data_dir + "/events/cues.tsv", 2,
                 [&](const std::vector<std::string>& f) { lex.cues[f[0]].insert(f[1]); });
  if (!s.ok()) return s;
  return lex;
}

}  // namespace linimasa::events
