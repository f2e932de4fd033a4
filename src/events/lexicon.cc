#include "events/lexicon.h"

#include <cctype>

#include "core/file_env.h"
#include "core/lines.h"

namespace linimasa::events {

namespace {

// Calls f(fields) for each non-comment line of a TSV file in the data folder.
template <typename F>
Status ForEachRow(const std::string& path, size_t min_fields, F&& f) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{16} << 20);
  if (!bytes.ok())
    return Status::NotFound(bytes.status().message() + " (reinstall linimasa's data folder)");
  Status status = Status::Ok();
  ForEachLine(*bytes, [&](std::string_view line, size_t n) {
    if (!status.ok() || line.empty() || line[0] == '#') return;
    std::vector<std::string> fields = SplitFields(line);
    if (fields.size() < min_fields) {
      status = Status::InvalidArgument(path + ":" + std::to_string(n) + ": expected " +
                                       std::to_string(min_fields) + " TAB-separated fields");
      return;
    }
    f(fields);
  });
  return status;
}

// "a|b||c" → {a, b, c}.
std::vector<std::string> SplitBar(const std::string& s) {
  std::vector<std::string> out;
  for (std::string& x : SplitFields(s, '|'))
    if (!x.empty()) out.push_back(std::move(x));
  return out;
}

}  // namespace

void CueTable::Insert(std::string_view kind, std::string_view word) {
  if (kind.empty() || Contains(kind, word)) return;
  if ((used_ + 1) * 2 > slots_.size()) {  // at most half full: short probes
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 256 : old.size() * 2, Slot{});
    mask_ = slots_.size() - 1;
    for (Slot& s : old) {
      if (s.key.empty()) continue;
      size_t i = s.hash & mask_;
      while (!slots_[i].key.empty()) i = (i + 1) & mask_;
      slots_[i] = std::move(s);
    }
  }
  const uint64_t h = Hash(kind, word);
  size_t i = h & mask_;
  while (!slots_[i].key.empty()) i = (i + 1) & mask_;
  slots_[i] = Slot{h, kind.size(), std::string(kind) + std::string(word)};
  ++used_;
}

Result<EventLexicon> EventLexicon::Load(const std::string& data_dir) {
  EventLexicon lex;
  Status s = ForEachRow(data_dir + "/events/ontology.tsv", 2,
                        [&](const std::vector<std::string>& f) { lex.cameo[f[0]] = f[1]; });
  if (!s.ok()) return s;
  std::string bad;
  s = ForEachRow(data_dir + "/events/triggers.tsv", 2, [&](const std::vector<std::string>& f) {
    if (!lex.cameo.count(f[1])) bad = f[1];
    lex.triggers[f[0]].push_back(
        TriggerEntry{f[1], f.size() > 2 ? SplitBar(f[2]) : std::vector<std::string>{},
                     f.size() > 3 ? SplitBar(f[3]) : std::vector<std::string>{}});
  });
  if (!s.ok()) return s;
  if (!bad.empty())
    return Status::InvalidArgument(data_dir + "/events/triggers.tsv: type " + bad +
                                   " is not in events/ontology.tsv");
  s = ForEachRow(data_dir + "/events/cues.tsv", 2,
                 [&](const std::vector<std::string>& f) { lex.cues.Insert(f[0], f[1]); });
  if (!s.ok()) return s;
  // The first words of the titles the linker knows ("presiden", "wakil", "menlu"): a phrase they
  // open names a role, and the name next to it is who holds it.
  s = ForEachRow(data_dir + "/kb/titles.tsv", 1, [&](const std::vector<std::string>& f) {
    const std::string& t = f[0];
    std::string first = t.substr(0, t.find(' '));
    for (char& c : first) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    lex.cues.Insert("title", first);
  });
  if (!s.ok()) return s;
  return lex;
}

}  // namespace linimasa::events
