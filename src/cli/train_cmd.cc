// `linimasa train pos`: trains the UPOS tagger from UD CoNLL-U files and IDN-tagset corpora
// (IndoNLU bapos), leaving out every sentence that also appears in the --exclude files (dev/test).
// The committed model data/models/pos.bin is rebuilt by the exact command in data/README.md.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/ner_cmd.h"
#include "core/file_env.h"
#include "core/lines.h"
#include "linimasa/pipeline.h"
#include "text/lemmatizer.h"
#include "text/pos_tagger.h"
#include "text/word_clusters.h"

namespace linimasa::cli {
namespace {

struct TrainArgs {
  std::vector<std::string> ud, idn, exclude;
  std::string out, clusters;
  std::string data_dir;
  int epochs = 10;
  int ud_weight = 3;
  bool idn_shared = false;  // train IDN sentences on the shared features only (no private copy)
  uint32_t buckets = 1u << 17;
};

std::vector<std::string> Lines(const std::string& path, Status& st) {
  auto lines = ReadFileLines(path);
  if (!lines.ok()) {
    st = lines.status();
    return {};
  }
  return std::move(lines).value();
}

// Lower-cased letters and digits only: how sentences are compared for leakage.
std::string Norm(const std::vector<std::string>& forms) {
  std::string n;
  for (const auto& f : forms)
    for (unsigned char c : f)
      if (std::isalnum(c)) n += static_cast<char>(std::tolower(c));
  return n;
}

using Sentence = std::pair<std::vector<std::string>, std::vector<std::string>>;  // forms, upos

std::vector<Sentence> ReadUd(const std::string& path, Status& st) {
  std::vector<Sentence> out;
  Sentence cur;
  for (const auto& line : Lines(path, st)) {
    if (line.empty()) {
      if (!cur.first.empty()) out.push_back(std::move(cur));
      cur = Sentence();
      continue;
    }
    if (line[0] == '#') continue;
    auto c = SplitFields(line);
    if (c.size() < 4 || c[0].find_first_of("-.") != std::string::npos) continue;
    cur.first.push_back(c[1]);
    cur.second.push_back(c[3]);
  }
  if (!cur.first.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<Sentence> ReadIdn(const std::string& path,
                              const std::map<std::string, std::string>& map, Status& st) {
  std::vector<Sentence> out;
  Sentence cur;
  size_t n = 0;
  for (const auto& line : Lines(path, st)) {
    ++n;
    if (line.empty()) {
      if (!cur.first.empty()) out.push_back(std::move(cur));
      cur = Sentence();
      continue;
    }
    auto c = SplitFields(line);
    if (c.size() < 2) continue;
    std::string tag = c[1].size() > 2 && c[1][1] == '-' ? c[1].substr(2) : c[1];
    // The IDN corpus writes the clitic "-nya" as two tokens, "-" (B-) and "nya" (I-); the engine
    // splits "katanya" into "kata" + "nya", so train on that.
    if (c[1].rfind("I-", 0) == 0 && !cur.first.empty() && cur.first.back() == "-") {
      cur.first.back() = c[0];
      continue;
    }
    std::string lower;
    for (unsigned char ch : c[0]) lower += static_cast<char>(std::tolower(ch));
    auto w = map.find("word:" + lower);
    auto t = w != map.end() ? w : map.find(tag);
    if (t == map.end()) {
      st = Status::InvalidArgument(path + " line " + std::to_string(n) + ": tag '" + tag +
                                   "' is not in data/text/upos_map_idn.tsv; add it");
      return out;
    }
    cur.first.push_back(c[0]);
    cur.second.push_back(t->second);
  }
  if (!cur.first.empty()) out.push_back(std::move(cur));
  return out;
}

int RunTrainPos(const TrainArgs& a) {
  std::string data = a.data_dir.empty() ? DataDir() : a.data_dir;
  Status st;
  std::map<std::string, std::string> map;
  for (const auto& line : Lines(data + "/text/upos_map_idn.tsv", st)) {
    if (line.empty() || line[0] == '#') continue;
    auto c = SplitFields(line);
    if (c.size() == 2) map[c[0]] = c[1];
  }
  std::unordered_set<std::string> excluded;
  for (const auto& path : a.exclude)
    for (const auto& s : ReadUd(path, st)) excluded.insert(Norm(s.first));
  std::vector<Sentence> all, ud;
  size_t dropped = 0;
  for (const auto& path : a.ud)
    for (auto& s : ReadUd(path, st)) {
      // Left out before anything is learned from them (the closed-class conventions below too).
      if (excluded.count(Norm(s.first))) {
        ++dropped;
        continue;
      }
      ud.push_back(std::move(s));
    }
  // UD's own convention for function words (untuk → ADP, beberapa → DET, bagaimana → ADV, …) wins
  // over the mapped IDN tag: for each closed-class word the UD files tag consistently (>= 2 times,
  // >= 80%), IDN sentences get the UD tag.
  static const std::set<std::string> kClosed = {"ADP", "SCONJ", "CCONJ", "DET", "PRON",
                                                "ADV", "AUX",   "PART",  "NUM"};
  std::map<std::string, std::map<std::string, int>> counts;
  for (const auto& s : ud)
    for (size_t i = 0; i < s.first.size(); ++i) {
      std::string l;
      for (unsigned char ch : s.first[i]) l += static_cast<char>(std::tolower(ch));
      ++counts[l][s.second[i]];
    }
  std::map<std::string, std::string> ud_word_tag;
  for (const auto& [w, c] : counts) {
    int total = 0, best = 0;
    std::string tag;
    for (const auto& [t, n] : c) {
      total += n;
      if (n > best) {
        best = n;
        tag = t;
      }
    }
    if (best >= 2 && best * 5 >= total * 4 && kClosed.count(tag)) ud_word_tag[w] = tag;
  }
  size_t overridden = 0;
  for (const auto& path : a.idn)
    for (auto& s : ReadIdn(path, map, st)) {
      for (size_t i = 0; i < s.first.size(); ++i) {
        std::string l;
        for (unsigned char ch : s.first[i]) l += static_cast<char>(std::tolower(ch));
        auto it = ud_word_tag.find(l);
        if (it != ud_word_tag.end() && it->second != s.second[i]) {
          s.second[i] = it->second;
          ++overridden;
        }
      }
      all.push_back(std::move(s));
    }
  const size_t n_idn = all.size();
  // UD sentences count more: they carry the target conventions.
  for (int r = 0; r < a.ud_weight; ++r) all.insert(all.end(), ud.begin(), ud.end());
  std::fprintf(stderr, "train pos: %zu closed-class words follow UD; %zu IDN tags changed\n",
               ud_word_tag.size(), overridden);
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa train pos: %s\n", st.message().c_str());
    return 2;
  }
  auto lem = text::Lemmatizer::Load(data);
  if (!lem.ok()) {
    std::fprintf(stderr, "linimasa train pos: %s\n", lem.status().message().c_str());
    return 2;
  }
  const auto& tags = text::PosTagger::UposTags();
  std::vector<text::PosTagger::Example> examples;
  for (size_t k = 0; k < all.size(); ++k) {
    auto& s = all[k];
    if (excluded.count(Norm(s.first))) {
      ++dropped;
      continue;
    }
    text::PosTagger::Example ex;
    if (k < n_idn && !a.idn_shared) ex.domain = 1;
    bool ok = true;
    for (size_t i = 0; i < s.first.size(); ++i) {
      auto it = std::find(tags.begin(), tags.end(), s.second[i]);
      if (it == tags.end()) {
        ok = false;
        break;
      }
      ex.forms.push_back(s.first[i]);
      ex.lemmas.push_back((*lem)->Lemma(s.first[i]));
      ex.tags.push_back(static_cast<uint8_t>(it - tags.begin()));
    }
    if (ok) examples.push_back(std::move(ex));
  }
  std::fprintf(stderr,
               "train pos: %zu sentences (%zu left out as they appear in --exclude files)\n",
               examples.size(), dropped);
  std::shared_ptr<const text::WordClusters> clusters;
  if (!a.clusters.empty()) {
    Status cst = text::LoadClustersFile(a.clusters, clusters);
    if (!cst.ok()) {
      std::fprintf(stderr, "linimasa train pos: %s\n", cst.message().c_str());
      return 2;
    }
  }
  text::PosTagger m = text::PosTagger::Train(examples, a.epochs, a.buckets, 7, clusters);
  Status saved = m.Save(a.out);
  if (!saved.ok()) {
    std::fprintf(stderr, "linimasa train pos: %s\n", saved.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "train pos: wrote %s\n", a.out.c_str());
  return 0;
}

struct ClusterArgs {
  std::vector<std::string> text;
  std::vector<int> classes = {64, 512};
  int min_count = 3, iterations = 15;
  std::string out;
};

int RunTrainClusters(const ClusterArgs& a) {
  std::vector<std::vector<std::string>> sentences;
  size_t tokens = 0;
  for (const auto& path : a.text) {
    Status st;
    for (const auto& line : Lines(path, st)) {
      auto f = SplitFields(line, ' ');
      f.erase(std::remove(f.begin(), f.end(), std::string()), f.end());
      if (f.empty()) continue;
      for (auto& w : f)
        for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      tokens += f.size();
      sentences.push_back(std::move(f));
    }
    if (!st.ok()) {
      std::fprintf(stderr, "linimasa train clusters: %s\n", st.message().c_str());
      return 2;
    }
  }
  if (a.classes.empty() || a.classes.size() > text::WordClusters::kMaxLevels) {
    std::fprintf(stderr, "linimasa train clusters: --classes takes 1 to %zu class counts\n",
                 text::WordClusters::kMaxLevels);
    return 2;
  }
  for (int c : a.classes)
    if (c < 2 || c > 65535) {
      std::fprintf(stderr, "linimasa train clusters: --classes %d: give 2 to 65535 classes\n", c);
      return 2;
    }
  std::fprintf(stderr, "train clusters: %zu sentences, %zu tokens\n", sentences.size(), tokens);
  auto wc = text::WordClusters::Train(sentences, a.classes, a.min_count, a.iterations);
  std::string comment = "word classes (exchange algorithm) of " + std::to_string(wc.size()) +
                        " words, from " + std::to_string(tokens) + " tokens; classes:";
  for (int c : a.classes) comment += " " + std::to_string(c);
  Status saved = wc.Save(a.out, comment);
  if (!saved.ok()) {
    std::fprintf(stderr, "linimasa train clusters: %s\n", saved.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "train clusters: wrote %s\n", a.out.c_str());
  return 0;
}

}  // namespace

void AddTrainCommand(CLI::App& app, int* rc) {
  CLI::App* train = app.add_subcommand("train", "Train the engine's models from annotated corpora");
  train->require_subcommand(1);
  AddTrainNer(train, rc);
  auto a = std::make_shared<TrainArgs>();
  CLI::App* pos = train->add_subcommand("pos", "Train the UPOS tagger (averaged perceptron)");
  pos->add_option("--ud", a->ud, "UD CoNLL-U training files");
  pos->add_option("--idn", a->idn,
                  "token<TAB>B-TAG files in the IDN tagset (IndoNLU bapos), mapped by "
                  "data/text/upos_map_idn.tsv");
  pos->add_option("--exclude", a->exclude,
                  "CoNLL-U files whose sentences must not be trained on (dev/test)");
  pos->add_option("--out", a->out, "model file to write")->required();
  pos->add_option("--epochs", a->epochs, "passes over the data (default 10)");
  pos->add_option("--ud-weight", a->ud_weight,
                  "times each UD sentence is seen per pass (default 3)");
  pos->add_flag("--idn-shared", a->idn_shared,
                "train the IDN sentences on the shared features only (by default they also fire "
                "features private to the IDN corpus, which absorb where its conventions differ)");
  pos->add_option("--buckets", a->buckets, "hashed feature buckets (default 131072)");
  pos->add_option("--data-dir", a->data_dir, "folder with linimasa's data files");
  pos->add_option("--clusters", a->clusters,
                  "word classes to use as features (data/text/clusters.tsv: the engine loads that "
                  "file with the model, so train with it when it is shipped)");
  pos->callback([a, rc] { *rc = RunTrainPos(*a); });

  auto c = std::make_shared<ClusterArgs>();
  CLI::App* cl = train->add_subcommand(
      "clusters", "Learn word classes from unlabeled text (features of the POS and NER taggers)");
  cl->add_option("--text", c->text, "text files: one sentence per line, tokens separated by spaces")
      ->required();
  cl->add_option("--classes", c->classes, "class counts, one clustering each (default 64 512)");
  cl->add_option("--min-count", c->min_count, "words seen fewer times get no class (default 3)");
  cl->add_option("--iterations", c->iterations, "exchange passes per clustering (default 15)");
  cl->add_option("--out", c->out, "clusters file to write (data/text/clusters.tsv)")->required();
  cl->callback([c, rc] { *rc = RunTrainClusters(*c); });
}

}  // namespace linimasa::cli
