// NER commands over CoNLL-style files: one token per line (first column; TAB-separated if the line
// has a TAB, else space-separated), the label in the last column, a blank line between sentences,
// `-DOCSTART-` lines as document breaks.
//   train ner --train FILE... [--exclude FILE...] --out MODEL
//       every --exclude sentence is dropped from the training data, compared case-insensitively
//       (the shared corpora overlap)
//   tag ner --in IN --out OUT [--tagger-only]
//       token<TAB>label for every input token, same sentences, same order: the entities layer of
//       `analyze` on each sentence (EngineNer), or the tagger alone
//   eval ner GOLD [PRED]
//       exact-span P/R/F1 per type and micro-averaged (CoNLL style)
#include "cli/ner_cmd.h"

#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "entities/kb.h"
#include "entities/linker.h"
#include "ingest/encoding.h"
#include "linimasa/pipeline.h"
#include "ner/conll.h"
#include "ner/ner_tagger.h"
#include "ner/titles.h"

namespace linimasa::cli {
namespace {

using ner::ConllSentence;

Result<std::vector<ConllSentence>> ReadConll(const std::string& path) {
  auto bytes = path == "-" ? FileEnv::Default().ReadStdin(size_t{1} << 30)
                           : FileEnv::Default().ReadFile(path, size_t{1} << 30);
  if (!bytes.ok()) return bytes.status();
  if (ingest::LooksBinary(*bytes))
    return Status::InvalidArgument(path + ": looks like a binary file, not CoNLL text");
  return ner::ParseConll(ingest::DecodeToUtf8(*bytes).text);
}

std::string Key(const std::vector<std::string>& tokens) {
  std::string k;
  for (const auto& t : tokens) k += utf8::AsciiLower(t) + ' ';
  return k;
}

std::vector<uint8_t> MapLabels(const std::vector<std::string>& labels) {
  std::vector<uint8_t> out(labels.size());
  std::string prev_type;
  for (size_t i = 0; i < labels.size(); ++i) {
    std::string l = utf8::AsciiLower(labels[i]);
    std::string type = l.size() > 2 && l[1] == '-' ? l.substr(2) : l;
    out[i] = ner::NerTagger::MapLabel(labels[i], type == prev_type && type != "o");
    prev_type = type;
  }
  return out;
}

std::string ModelPath(const std::string& data_dir, const std::string& model) {
  if (!model.empty()) return model;
  return (data_dir.empty() ? DataDir() : data_dir) + "/models/ner.bin";
}

// The NER model with the word classes of the data folder (the ones the shipped model was trained
// with).
Result<ner::NerTagger> LoadTagger(const std::string& data_dir, const std::string& model) {
  std::shared_ptr<const text::WordClusters> clusters;
  const std::string dir = data_dir.empty() ? DataDir() : data_dir;
  Status st = text::LoadDataClusters(dir, clusters);
  if (!st.ok()) return st;
  std::shared_ptr<const ner::NameGazetteer> names;
  st = ner::LoadDataNames(dir, names);
  if (!st.ok()) return st;
  return ner::NerTagger::Load(ModelPath(data_dir, model), std::move(clusters), std::move(names));
}

int TrainNer(const std::vector<std::string>& train, const std::vector<std::string>& exclude,
             const std::string& out, int epochs, uint32_t buckets, const std::string& cluster_file,
             const std::string& names_file, float names_dropout, int beam, uint64_t seed) {
  std::set<std::string> held;
  for (const auto& f : exclude) {
    auto s = ReadConll(f);
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa train ner: %s\n", s.status().message().c_str());
      return 2;
    }
    for (const auto& x : *s) held.insert(Key(x.tokens));
  }
  std::vector<ner::NerTagger::Example> data;
  for (const auto& f : train) {
    auto s = ReadConll(f);
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa train ner: %s\n", s.status().message().c_str());
      return 2;
    }
    size_t kept = 0, dropped = 0;
    for (auto& x : *s) {
      if (held.count(Key(x.tokens))) {
        ++dropped;
        continue;
      }
      data.push_back({x.tokens, MapLabels(x.labels)});
      ++kept;
    }
    std::fprintf(stderr, "train ner: %s: %zu sentences (%zu left out: in an --exclude file)\n",
                 f.c_str(), kept, dropped);
  }
  if (data.empty()) {
    std::fprintf(stderr, "linimasa train ner: no training sentences; pass --train FILE\n");
    return 2;
  }
  std::shared_ptr<const text::WordClusters> clusters;
  if (!cluster_file.empty()) {
    Status cst = text::LoadClustersFile(cluster_file, clusters);
    if (!cst.ok()) {
      std::fprintf(stderr, "linimasa train ner: %s\n", cst.message().c_str());
      return 2;
    }
  }
  std::shared_ptr<const ner::NameGazetteer> names;
  if (!names_file.empty()) {
    auto g = ner::NameGazetteer::Load(names_file);
    if (!g.ok()) {
      std::fprintf(stderr, "linimasa train ner: %s\n", g.status().message().c_str());
      return 2;
    }
    names = std::make_shared<const ner::NameGazetteer>(std::move(g).value());
  }
  auto model =
      ner::NerTagger::Train(data, epochs, buckets, seed, clusters, beam, names, names_dropout);
  Status st = model.Save(out);
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa train ner: %s\n", st.message().c_str());
    return 2;
  }
  std::fprintf(stderr, "train ner: wrote %s\n", out.c_str());
  return 0;
}

// What the engine's entities stage knows of names beyond the tagger (data/kb): the KB's entities
// and the terms that are no names.
struct KbTyping {
  entities::Kb kb;
  entities::LinkerLexicon lex;
};

Result<KbTyping> LoadKbTyping(const std::string& data_dir) {
  const std::string dir = data_dir.empty() ? DataDir() : data_dir;
  auto kb = entities::Kb::Load(dir);
  if (!kb.ok()) return kb.status();
  auto lex = entities::LinkerLexicon::Load(dir);
  if (!lex.ok()) return lex.status();
  return KbTyping{std::move(*kb), std::move(*lex)};
}

// A name the KB knows takes the KB's type (GPE and LOC as LOC), as the entity linker gives it in
// `analyze`; a term of data/kb/not_names.tsv is no name. On the shared dev sets (2026-12-07):
// NER-UI 74.2 → 75.0, idner 81.9 → 82.5, NERP 78.3 → 78.4, NER-UGM and NERGrit unchanged; with
// the KB's football clubs and the cities that act for them, NER-UI 75.8 → 77.6.
void ApplyKb(const KbTyping& k, const std::vector<std::string_view>& toks,
             std::vector<uint8_t>& labels) {
  for (size_t i = 0; i < labels.size();) {
    if (labels[i] == 0 || labels[i] % 2 == 0) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < labels.size() && labels[j] == labels[i] + 1) ++j;
    std::string surface;
    for (size_t t = i; t < j; ++t) {
      if (t > i) surface += ' ';
      surface += toks[t];
    }
    int type = -1;  // 0: no name; 1 PER, 2 ORG, 3 LOC
    if (k.lex.not_names.contains(surface)) {
      type = 0;
    } else if (const entities::KbEntity* e = k.kb.Lookup(surface)) {
      // A city named like its club is the club, as in `analyze`, unless a locative word
      // precedes it ("Napoli menang"; "di Napoli" is the city).
      const bool located = i > 0 && k.lex.locative.count(entities::NameKey(toks[i - 1])) > 0;
      if (const entities::KbEntity* club = e->acts_for.empty() ? nullptr : k.kb.ById(e->acts_for);
          club && club->type == "ORG" && !located)
        e = club;
      type = e->type == "PER"                         ? 1
             : e->type == "ORG"                       ? 2
             : (e->type == "GPE" || e->type == "LOC") ? 3
                                                      : -1;
    }
    if (type >= 0)
      for (size_t t = i; t < j; ++t)
        labels[t] = type == 0 ? 0 : static_cast<uint8_t>(2 * type - (t == i ? 1 : 0));
    i = j;
  }
}

// The sentence as its writer wrote it, from the given tokens: no space before closing punctuation
// or a clitic ("-nya"), none after an opening bracket, none around a hyphen before a lower-case
// word ("Hye - kyo" → "Hye-kyo"). The NER corpora split "Joko Widodo (Jokowi)." into tokens; the
// engine's rules read the written forms ("X (ABBR)", initials "R. Covey"). `spans` gets each
// token's place in the text.
std::string WrittenSentence(const std::vector<std::string>& toks,
                            std::vector<std::pair<size_t, size_t>>& spans) {
  auto lower_start = [](const std::string& t) { return !t.empty() && t[0] >= 'a' && t[0] <= 'z'; };
  std::string text;
  spans.clear();
  for (size_t k = 0; k < toks.size(); ++k) {
    const std::string& t = toks[k];
    const bool closing =
        t.size() == 1 && std::string_view(".,;:!?)]}%").find(t[0]) != std::string_view::npos;
    const bool after_open = k > 0 && (toks[k - 1] == "(" || toks[k - 1] == "[");
    const bool clitic = t.size() > 1 && t[0] == '-' && lower_start(t.substr(1, 1));
    const bool hyphen = (t == "-" && k + 1 < toks.size() && lower_start(toks[k + 1])) ||
                        (k >= 2 && toks[k - 1] == "-" && lower_start(t));
    if (!text.empty() && !closing && !after_open && !clitic && !hyphen) text += ' ';
    spans.push_back({text.size(), text.size() + t.size()});
    text += t;
  }
  return text;
}

// What `tag ner` and `eval ner` label tokens with: the engine's entities layer, as `analyze`
// gives it (the tagger, then the entities stage: titles, the KB gazetteer — "Kemenhub", "Polri" —,
// institutions' and organisations' names, definitions "X (ABBR)", label consistency), each
// sentence read as a document of its own, its mentions mapped onto the given tokens (GPE and FAC
// as LOC). A sentence with no capital letter (NERP's lower-cased text) gets the tagger alone, its
// titles trimmed and the KB's types: the stage's rules read capitals. `tagger_only` gives the
// latter for every sentence (the model's own figures). The dev figures of both are in
// data/README.md (models/ner.bin): the entities layer is higher on NER-UI and NER-UGM, lower on
// idner, which leaves most countries untagged ("serangan udara Israel" is O there, LOC in the
// other four sets).
class EngineNer {
 public:
  static Result<EngineNer> Load(const std::string& data_dir, const std::string& model,
                                bool tagger_only) {
    auto tagger = LoadTagger(data_dir, model);
    if (!tagger.ok()) return tagger.status();
    auto titles = ner::TitleTrimmer::Load(data_dir.empty() ? DataDir() : data_dir);
    if (!titles.ok()) return titles.status();
    auto kb = LoadKbTyping(data_dir);
    if (!kb.ok()) return kb.status();
    EngineNer e{std::move(*tagger), std::move(*titles), std::move(*kb)};
    if (!tagger_only) {
      PipelineOptions po;
      po.data_dir = data_dir;
      po.given_layers = {"text"};
      if (!model.empty()) po.stage_options["entities.model"] = model;
      auto p = Pipeline::Create({"text", "entities"}, po);
      if (!p.ok()) return p.status();
      e.pipeline_ = std::move(*p);
    }
    return e;
  }

  std::vector<uint8_t> Tag(const std::vector<std::string>& toks) const {
    std::vector<uint8_t> out(toks.size(), 0);
    bool capital = false;
    for (const auto& t : toks)
      for (char c : t) capital |= c >= 'A' && c <= 'Z';
    if (!pipeline_ || !capital) {
      std::vector<std::string_view> tv(toks.begin(), toks.end());
      tagger_.Tag(tv, out);
      titles_.Trim(tv, out);
      ApplyKb(kb_, tv, out);
      return out;
    }
    Document doc;
    doc.id = "sentence";
    std::vector<std::pair<size_t, size_t>> spans;
    doc.text = WrittenSentence(toks, spans);
    if (!pipeline_->Run(doc).ok() || !doc.entities) return out;
    for (const auto& e : *doc.entities) {
      const int type = e.type == "PER"                                           ? 1
                       : e.type == "ORG"                                         ? 2
                       : (e.type == "LOC" || e.type == "GPE" || e.type == "FAC") ? 3
                                                                                 : 0;
      if (!type) continue;
      bool first = true;
      for (size_t k = 0; k < toks.size(); ++k) {
        if (spans[k].second <= e.span.start || spans[k].first >= e.span.end) continue;
        // A token the name starts inside ("(BEI)" after "Bursa Efek Indonesia") continues the
        // organisation or place of its type before it, as the CoNLL sets that glue parentheses to
        // tokens annotate it; a person's ("(Jokowi)" after "Joko Widodo") is a name of its own.
        const bool cont = first && spans[k].first < e.span.start && k > 0 && out[k - 1] != 0 &&
                          (out[k - 1] + 1) / 2 == type && type != 1;
        out[k] = static_cast<uint8_t>(2 * type - (first && !cont ? 1 : 0));
        first = false;
      }
    }
    return out;
  }

 private:
  EngineNer(ner::NerTagger tagger, ner::TitleTrimmer titles, KbTyping kb)
      : tagger_(std::move(tagger)), titles_(std::move(titles)), kb_(std::move(kb)) {}
  ner::NerTagger tagger_;
  ner::TitleTrimmer titles_;
  KbTyping kb_;
  std::unique_ptr<Pipeline> pipeline_;
};

int TagNer(const std::string& in, const std::string& out, const std::string& data_dir,
           const std::string& model, bool tagger_only) {
  auto engine = EngineNer::Load(data_dir, model, tagger_only);
  if (!engine.ok()) {
    std::fprintf(stderr, "linimasa tag ner: %s\n", engine.status().message().c_str());
    return 2;
  }
  auto sents = ReadConll(in);
  if (!sents.ok()) {
    std::fprintf(stderr, "linimasa tag ner: %s\n", sents.status().message().c_str());
    return 2;
  }
  std::vector<std::vector<uint8_t>> labels;
  for (const auto& x : *sents) labels.push_back(engine->Tag(x.tokens));
  std::string o;
  for (size_t i = 0; i < sents->size(); ++i) {
    if ((*sents)[i].docstart_before) o += "-DOCSTART-\tO\n\n";
    for (size_t k = 0; k < (*sents)[i].tokens.size(); ++k)
      o += (*sents)[i].tokens[k] + "\t" + ner::NerTagger::Labels()[labels[i][k]] + "\n";
    o += "\n";
  }
  std::FILE* f = out == "-" ? stdout : std::fopen(out.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "linimasa tag ner: cannot write %s\n", out.c_str());
    return 2;
  }
  bool ok = std::fwrite(o.data(), 1, o.size(), f) == o.size();
  if (f != stdout) ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "linimasa tag ner: writing %s failed (disk full?)\n", out.c_str());
    return 2;
  }
  return 0;
}

// Entities (first, last, type) of one sentence's mapped labels, conlleval style.
std::set<std::tuple<size_t, size_t, int>> Spans(const std::vector<uint8_t>& l, size_t offset) {
  std::set<std::tuple<size_t, size_t, int>> out;
  int type = 0;
  size_t start = 0;
  for (size_t i = 0; i <= l.size(); ++i) {
    int t = i < l.size() ? (l[i] == 0 ? 0 : (l[i] + 1) / 2) : 0;
    bool inside = i < l.size() && l[i] != 0 && l[i] % 2 == 0;
    if (type && (t != type || !inside)) {
      out.insert({offset + start, offset + i - 1, type});
      type = 0;
    }
    if (t && !type) type = t, start = i;
  }
  return out;
}

int EvalNer(const std::string& gold_path, const std::string& pred_path,
            const std::string& data_dir) {
  auto gold = ReadConll(gold_path);
  if (!gold.ok()) {
    std::fprintf(stderr, "linimasa eval ner: %s\n", gold.status().message().c_str());
    return 2;
  }
  std::vector<std::vector<uint8_t>> pred;
  if (pred_path.empty()) {
    auto engine = EngineNer::Load(data_dir, "", false);
    if (!engine.ok()) {
      std::fprintf(stderr, "linimasa eval ner: %s\n", engine.status().message().c_str());
      return 2;
    }
    for (const auto& x : *gold) pred.push_back(engine->Tag(x.tokens));
  } else {
    auto p = ReadConll(pred_path);
    if (!p.ok()) {
      std::fprintf(stderr, "linimasa eval ner: %s\n", p.status().message().c_str());
      return 2;
    }
    std::vector<std::string> gt, pt, pl;
    for (const auto& s : *gold) gt.insert(gt.end(), s.tokens.begin(), s.tokens.end());
    for (const auto& s : *p)
      pt.insert(pt.end(), s.tokens.begin(), s.tokens.end()),
          pl.insert(pl.end(), s.labels.begin(), s.labels.end());
    if (gt.size() != pt.size()) {
      std::fprintf(stderr,
                   "linimasa eval ner: %s has %zu tokens, %s has %zu; the prediction must keep the "
                   "gold tokens\n",
                   gold_path.c_str(), gt.size(), pred_path.c_str(), pt.size());
      return 2;
    }
    // Re-split the predicted labels along the gold sentences.
    size_t k = 0;
    for (const auto& s : *gold) {
      std::vector<std::string> labels(pl.begin() + static_cast<ptrdiff_t>(k),
                                      pl.begin() + static_cast<ptrdiff_t>(k + s.tokens.size()));
      pred.push_back(MapLabels(labels));
      k += s.tokens.size();
    }
  }
  std::map<int, std::array<size_t, 3>> by;  // type → gold, pred, tp
  size_t offset = 0;
  for (size_t i = 0; i < gold->size(); ++i) {
    auto g = Spans(MapLabels((*gold)[i].labels), offset), p = Spans(pred[i], offset);
    for (const auto& e : g) ++by[std::get<2>(e)][0];
    for (const auto& e : p) {
      ++by[std::get<2>(e)][1];
      if (g.count(e)) ++by[std::get<2>(e)][2];
    }
    offset += (*gold)[i].tokens.size();
  }
  const char* names[] = {"O", "PER", "ORG", "LOC"};
  auto prf = [](size_t g, size_t p, size_t tp, double& P, double& R, double& F) {
    P = p ? double(tp) / double(p) : (g ? 0.0 : 1.0);
    R = g ? double(tp) / double(g) : 1.0;
    F = P + R > 0 ? 2 * P * R / (P + R) : 0.0;
  };
  std::printf("%-6s %7s %7s %7s %7s %7s %7s\n", "type", "gold", "pred", "tp", "P", "R", "F1");
  size_t G = 0, Pn = 0, TP = 0;
  std::string per_type;
  for (int t = 1; t <= 3; ++t) {
    auto c = by[t];
    double P, R, F;
    prf(c[0], c[1], c[2], P, R, F);
    std::printf("%-6s %7zu %7zu %7zu %7.4f %7.4f %7.4f\n", names[t], c[0], c[1], c[2], P, R, F);
    G += c[0], Pn += c[1], TP += c[2];
    char buf[200];
    std::snprintf(buf, sizeof buf,
                  "%s\"%s\": {\"p\": %.6f, \"r\": %.6f, \"f1\": %.6f, \"n_gold\": %zu, \"n_pred\": "
                  "%zu, \"tp\": %zu}",
                  per_type.empty() ? "" : ", ", names[t], P, R, F, c[0], c[1], c[2]);
    per_type += buf;
  }
  double P, R, F;
  prf(G, Pn, TP, P, R, F);
  std::printf("%-6s %7zu %7zu %7zu %7.4f %7.4f %7.4f\n", "micro", G, Pn, TP, P, R, F);
  std::printf(
      "{\"p\": %.6f, \"r\": %.6f, \"f1\": %.6f, \"per_type\": {%s}, \"n_gold\": %zu, \"n_pred\": "
      "%zu, \"tp\": %zu}\n",
      P, R, F, per_type.c_str(), G, Pn, TP);
  return 0;
}

}  // namespace

void AddTrainNer(CLI::App* train, int* rc) {
  auto files = std::make_shared<std::vector<std::string>>();
  auto exclude = std::make_shared<std::vector<std::string>>();
  auto out = std::make_shared<std::string>("data/models/ner.bin");
  auto epochs = std::make_shared<int>(10);
  auto buckets = std::make_shared<uint32_t>(1u << 18);
  CLI::App* c = train->add_subcommand(
      "ner", "Train the NER tagger (averaged perceptron, BIO over PER/ORG/LOC)");
  c->add_option("--train", *files, "CoNLL training file (token first column, label last); repeat")
      ->required();
  c->add_option("--exclude", *exclude,
                "CoNLL file whose sentences are left out of training (dev/test); repeat");
  c->add_option("--out", *out, "model file to write");
  c->add_option("--epochs", *epochs, "passes over the data");
  c->add_option("--buckets", *buckets, "hashed feature buckets");
  auto clusters = std::make_shared<std::string>();
  c->add_option("--clusters", *clusters,
                "word classes to use as features (data/text/clusters.tsv: the engine loads that "
                "file with the model, so train with it when it is shipped)");
  auto names = std::make_shared<std::string>();
  c->add_option("--names", *names,
                "name lists to use as features (data/ner/names.tsv: the engine loads that file "
                "with the model, so train with it when it is shipped)");
  auto names_dropout = std::make_shared<float>(0.5f);
  c->add_option("--names-dropout", *names_dropout,
                "chance that training forgets a name-list match (so the tagger learns names' "
                "contexts too, not only the lists)")
      ->check(CLI::Range(0.0, 1.0));
  auto beam = std::make_shared<int>(1);
  c->add_option("--beam", *beam,
                "1: greedy tagger; more: structured perceptron with a beam of this width (kept in "
                "the model and used when tagging)")
      ->check(CLI::Range(1, 64));
  auto seed = std::make_shared<uint64_t>(42);
  c->add_option("--seed", *seed, "seed of the training order");
  c->callback([=] {
    *rc = TrainNer(*files, *exclude, *out, *epochs, *buckets, *clusters, *names, *names_dropout,
                   *beam, *seed);
  });
}

void AddTagNer(CLI::App* tag, int* rc) {
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("-");
  auto data = std::make_shared<std::string>();
  auto model = std::make_shared<std::string>();
  CLI::App* c =
      tag->add_subcommand("ner", "CoNLL tokens in, token<TAB>BIO label out (PER, ORG, LOC)");
  c->add_option("--in", *in,
                "one token per line (first column), blank line between sentences; - for stdin")
      ->required();
  c->add_option("--out", *out, "output file (default: stdout)");
  c->add_option("--data-dir", *data, "folder with linimasa's data files");
  c->add_option("--model", *model, "NER model file (default: DATA/models/ner.bin)");
  auto tagger_only = std::make_shared<bool>(false);
  c->add_flag("--tagger-only", *tagger_only,
              "the model alone (titles trimmed, the KB's types), not the entities layer of "
              "`analyze` (the KB gazetteer, institutions' names, definitions)");
  c->callback([=] { *rc = TagNer(*in, *out, *data, *model, *tagger_only); });
}

void AddEvalNer(CLI::App* eval, int* rc) {
  auto gold = std::make_shared<std::string>();
  auto pred = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  CLI::App* c =
      eval->add_subcommand("ner", "CoNLL NER: exact-span P/R/F1 per type and micro-averaged");
  c->add_option("gold", *gold, "gold CoNLL file (label in the last column)")->required();
  c->add_option("pred", *pred,
                "system output token<TAB>label (default: run linimasa on the gold tokens)");
  c->add_option("--data-dir", *data, "folder with linimasa's data files");
  c->callback([=] { *rc = EvalNer(*gold, *pred, *data); });
}

}  // namespace linimasa::cli
