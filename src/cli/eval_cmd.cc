// `linimasa eval TASK GOLD [PRED]`: scores against gold files with the standard metrics and prints
// a table, then one JSON line. Without PRED the engine is run on GOLD's input first.
//   stem  GOLD = form<TAB>lemma[<TAB>upos<TAB>count] pairs; accuracy on affixed (form != lemma) and
//         unaffixed types; a form with several gold lemmas accepts any of them.
//   ud    GOLD = CoNLL-U; tokens, sentences and words P/R/F1 aligned on non-whitespace characters
//         (CoNLL 2018 style; words inside multiword tokens match by position), UPOS and lemma
//         accuracy over aligned words.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <tuple>

#include "cli/commands.h"
#include "cli/eval_chunks.h"
#include "cli/eval_events.h"
#include "cli/eval_timex.h"
#include "cli/ner_cmd.h"
#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "linimasa/pipeline.h"
#include "text/conllu.h"
#include "text/lemmatizer.h"

namespace linimasa::cli {
namespace {

std::vector<std::string> ReadLines(const std::string& path, Status& st) {
  auto lines = ReadFileLines(path);
  if (!lines.ok()) {
    st = lines.status();
    return {};
  }
  return std::move(lines).value();
}

std::string Lower(std::string_view s) { return utf8::AsciiLower(s); }

double Div(double a, double b) { return b > 0 ? a / b : 0.0; }

int EvalStem(const std::string& gold, const std::string& pred, const std::string& data_dir) {
  Status st;
  std::map<std::string, std::set<std::string>> lemmas;  // form → gold lemmas
  std::vector<std::pair<std::string, std::string>> types;
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& line : ReadLines(gold, st)) {
    if (line.empty() || line[0] == '#') continue;
    auto c = SplitFields(line);
    if (c.size() < 2) continue;
    std::string f = Lower(c[0]), l = Lower(c[1]);
    lemmas[f].insert(l);
    if (seen.insert({f, l}).second) types.emplace_back(f, l);
  }
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa eval stem: %s\n", st.message().c_str());
    return 2;
  }
  std::map<std::string, std::string> roots;
  if (!pred.empty()) {
    for (const auto& line : ReadLines(pred, st)) {
      auto c = SplitFields(line);
      if (c.size() >= 2 && !roots.count(Lower(c[0]))) roots[Lower(c[0])] = Lower(c[1]);
    }
    if (!st.ok()) {
      std::fprintf(stderr, "linimasa eval stem: %s\n", st.message().c_str());
      return 2;
    }
  } else {
    auto lem = text::Lemmatizer::Load(data_dir.empty() ? DataDir() : data_dir);
    if (!lem.ok()) {
      std::fprintf(stderr, "linimasa eval stem: %s\n", lem.status().message().c_str());
      return 2;
    }
    for (const auto& [f, ls] : lemmas) roots[f] = (*lem)->Lemma(f);
  }
  size_t aff = 0, aff_ok = 0, un = 0, un_ok = 0;
  for (const auto& [f, l] : types) {
    bool ok = roots.count(f) && lemmas[f].count(roots[f]);
    if (f != l) {
      ++aff;
      aff_ok += ok;
    } else {
      ++un;
      un_ok += ok;
    }
  }
  std::printf("%-12s %8s %8s\n", "types", "n", "acc");
  std::printf("%-12s %8zu %8.4f\n", "affixed", aff, Div(aff_ok, aff));
  std::printf("%-12s %8zu %8.4f\n", "unaffixed", un, Div(un_ok, un));
  std::printf("%-12s %8zu %8.4f\n", "all", aff + un, Div(aff_ok + un_ok, aff + un));
  std::printf(
      "{\"affixed_acc\": %.6f, \"unaffixed_acc\": %.6f, \"overall_acc\": %.6f, \"n_affixed\": %zu, "
      "\"n_unaffixed\": %zu}\n",
      Div(aff_ok, aff), Div(un_ok, un), Div(aff_ok + un_ok, aff + un), aff, un);
  return 0;
}

struct UdWord {
  std::string lemma, upos;
};
struct UdFile {
  std::set<std::pair<size_t, size_t>> tokens, sentences;
  std::map<std::tuple<size_t, size_t, size_t>, UdWord> words;  // (start, end, part) → word
  std::vector<std::string> texts;
};

// Reads CoNLL-U into spans over the stream of non-whitespace characters.
UdFile ReadUd(const std::string& path, Status& st) {
  UdFile f;
  size_t pos = 0, sent_start = SIZE_MAX, mwt_end = 0, part = 0;
  std::pair<size_t, size_t> mwt_span{0, 0};
  auto chars = [](const std::string& form) {
    size_t n = 0;
    for (unsigned char c : form)
      if (c != ' ' && (c & 0xC0) != 0x80) ++n;
    return n;
  };
  for (const auto& line : ReadLines(path, st)) {
    if (line.rfind("# text =", 0) == 0) {
      f.texts.push_back(line.substr(8));
      continue;
    }
    if (line.empty()) {
      if (sent_start != SIZE_MAX) f.sentences.insert({sent_start, pos});
      sent_start = SIZE_MAX;
      mwt_end = 0;  // word ids restart in every sentence
      continue;
    }
    if (line[0] == '#') continue;
    auto c = SplitFields(line);
    if (c.size() < 4 || c[0].find('.') != std::string::npos) continue;
    if (sent_start == SIZE_MAX) sent_start = pos;
    size_t dash = c[0].find('-');
    if (dash != std::string::npos) {
      mwt_end = std::stoul(c[0].substr(dash + 1));
      mwt_span = {pos, pos + chars(c[1])};
      f.tokens.insert(mwt_span);
      pos = mwt_span.second;
      part = 0;
      continue;
    }
    size_t id = std::stoul(c[0]);
    if (id <= mwt_end) {
      f.words[{mwt_span.first, mwt_span.second, ++part}] = {Lower(c[2]), c[3]};
      continue;
    }
    std::pair<size_t, size_t> span{pos, pos + chars(c[1])};
    f.tokens.insert(span);
    f.words[{span.first, span.second, 0}] = {Lower(c[2]), c[3]};
    pos = span.second;
  }
  if (sent_start != SIZE_MAX) f.sentences.insert({sent_start, pos});
  return f;
}

int EvalUd(const std::string& gold, std::string pred, const std::string& data_dir) {
  Status st;
  UdFile g = ReadUd(gold, st);
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa eval ud: %s\n", st.message().c_str());
    return 2;
  }
  if (pred.empty()) {
    // Raw text as ud_raw.py builds it: sentences joined by spaces, 50 to a paragraph.
    std::string raw;
    for (size_t i = 0; i < g.texts.size(); ++i) {
      std::string t = g.texts[i];
      size_t b = t.find_first_not_of(' '), e = t.find_last_not_of(' ');
      t = b == std::string::npos ? "" : t.substr(b, e - b + 1);
      raw += t;
      raw += (i + 1) % 50 == 0 ? "\n\n" : " ";
    }
    Document doc;
    doc.text = raw;
    PipelineOptions po;
    po.data_dir = data_dir;
    po.given_layers = {"text"};
    auto p = Pipeline::Create({"text"}, po);
    if (!p.ok() || !(*p)->Run(doc).ok()) {
      std::fprintf(stderr, "linimasa eval ud: %s\n",
                   p.ok() ? "tagging failed" : p.status().message().c_str());
      return 2;
    }
    std::string conllu;
    size_t counter = 0;
    text::AppendConllu(doc, "s", &counter, conllu);
    pred = (std::filesystem::temp_directory_path() /
            ("linimasa-eval-" + std::to_string(::getpid()) + ".conllu"))
               .string();
    std::FILE* f = std::fopen(pred.c_str(), "wb");
    if (!f) {
      std::fprintf(stderr, "linimasa eval ud: cannot write %s\n", pred.c_str());
      return 2;
    }
    std::fwrite(conllu.data(), 1, conllu.size(), f);
    std::fclose(f);
  }
  UdFile p = ReadUd(pred, st);
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa eval ud: %s\n", st.message().c_str());
    return 2;
  }
  auto prf = [](const auto& a, const auto& b, const char* name, std::string& json) {
    size_t m = 0;
    for (const auto& x : a) m += b.count(x);
    double pr = Div(m, b.size()), rc = Div(m, a.size()), f1 = Div(2 * pr * rc, pr + rc);
    std::printf("%-10s %8zu %8zu %8.4f %8.4f %8.4f\n", name, a.size(), b.size(), pr, rc, f1);
    json += std::string(json.size() > 1 ? ", " : "") + "\"" + name + "_f1\": " + std::to_string(f1);
  };
  std::printf("%-10s %8s %8s %8s %8s %8s\n", "metric", "gold", "pred", "P", "R", "F1");
  std::string json = "{";
  prf(g.tokens, p.tokens, "tokens", json);
  prf(g.sentences, p.sentences, "sentences", json);
  std::set<std::tuple<size_t, size_t, size_t>> gw, pw;
  for (const auto& [k, v] : g.words) gw.insert(k);
  for (const auto& [k, v] : p.words) pw.insert(k);
  prf(gw, pw, "words", json);
  size_t aligned = 0, upos_ok = 0, lemma_ok = 0;
  for (const auto& [k, v] : g.words) {
    auto it = p.words.find(k);
    if (it == p.words.end()) continue;
    ++aligned;
    upos_ok += it->second.upos == v.upos;
    lemma_ok += it->second.lemma == v.lemma;
  }
  std::printf("%-10s %8zu aligned words: accuracy %.4f\n", "UPOS", aligned, Div(upos_ok, aligned));
  std::printf("%-10s %8zu aligned words: accuracy %.4f\n", "lemma", aligned,
              Div(lemma_ok, aligned));
  json += ", \"upos_acc\": " + std::to_string(Div(upos_ok, aligned)) +
          ", \"lemma_acc\": " + std::to_string(Div(lemma_ok, aligned)) +
          ", \"aligned_words\": " + std::to_string(aligned) + "}";
  std::printf("%s\n", json.c_str());
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int* rc) {
  CLI::App* ev = app.add_subcommand("eval",
                                    "Score against gold files: ud, chunks, stem, ner, timex, "
                                    "events, quotes (table, then one JSON "
                                    "line)");
  ev->require_subcommand(1);
  AddEvalNer(ev, rc);
  for (const char* task : {"events", "quotes"}) {
    auto gold = std::make_shared<std::string>();
    auto pred = std::make_shared<std::string>();
    auto data = std::make_shared<std::string>();
    auto errors = std::make_shared<bool>(false);
    std::string name = task;
    CLI::App* c = ev->add_subcommand(
        name, name == "events"
                  ? "events JSONL: type+trigger, actors/targets, time, place, modality P/R/F1"
                  : "quotes JSONL: quote spans and speakers P/R/F1");
    c->add_option("gold", *gold, "gold JSONL (tests/gold/detik-events/README.md)")->required();
    c->add_option("pred", *pred,
                  "system output in the gold's shape (default: run linimasa on the gold texts)");
    c->add_option("--data-dir", *data, "folder with linimasa's data files");
    c->add_flag("--errors", *errors, "list every miss, false alarm and wrong attribute first");
    c->callback([=] { *rc = EvalEventsOrQuotes(name, *gold, *pred, *data, *errors); });
  }
  {
    auto gold = std::make_shared<std::string>();
    auto data = std::make_shared<std::string>();
    CLI::App* c = ev->add_subcommand(
        "chunks", "CoNLL-U: base phrases (NP VP PP ADJP ADVP SBAR) P/R/F1 against the trees");
    c->add_option("gold", *gold, "UD treebank file (CoNLL-U)")->required();
    c->add_option("--data-dir", *data, "folder with linimasa's data files");
    auto errors = std::make_shared<bool>(false);
    c->add_flag("--errors", *errors, "print each sentence whose chunks differ, first");
    c->callback([=] { *rc = EvalChunks(*gold, *data, *errors); });
  }
  for (const char* task : {"ud", "stem", "timex"}) {
    auto gold = std::make_shared<std::string>();
    auto pred = std::make_shared<std::string>();
    auto data = std::make_shared<std::string>();
    std::string name = task;
    CLI::App* c = ev->add_subcommand(
        name, name == "ud"     ? "CoNLL-U: tokens, sentences, words, UPOS, lemmas"
              : name == "stem" ? "word<TAB>lemma pairs: affixed / unaffixed accuracy"
                               : "TimeML folders: TempEval-3 span, type and value scores");
    c->add_option("gold", *gold, "gold file")->required();
    c->add_option("pred", *pred, "system output (default: run linimasa on the gold input)");
    c->add_option("--data-dir", *data, "folder with linimasa's data files");
    c->callback([=] {
      *rc = name == "ud"     ? EvalUd(*gold, *pred, *data)
            : name == "stem" ? EvalStem(*gold, *pred, *data)
                             : EvalTimex(*gold, *pred, *data);
    });
  }
}

}  // namespace linimasa::cli
