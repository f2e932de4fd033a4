#include "cli/eval_chunks.h"

#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "linimasa/pipeline.h"
#include "syntax/chunker.h"
#include "syntax/ud_chunks.h"
#include "text/lemmatizer.h"
#include "text/pos_tagger.h"

namespace linimasa::cli {

namespace {

using Key = std::tuple<int, size_t, uint32_t, uint32_t>;  // type, sentence, first, end

struct Counts {
  std::map<int, size_t> gold, pred, right;
};

void Score(const std::vector<Chunk>& g, const std::vector<Chunk>& p, size_t sent, Counts& c) {
  std::set<Key> gs;
  for (const Chunk& x : g) {
    gs.insert({static_cast<int>(x.type), sent, x.first_word, x.end_word});
    ++c.gold[static_cast<int>(x.type)];
  }
  for (const Chunk& x : p) {
    ++c.pred[static_cast<int>(x.type)];
    if (gs.count({static_cast<int>(x.type), sent, x.first_word, x.end_word}))
      ++c.right[static_cast<int>(x.type)];
  }
}

double Div(double a, double b) { return b > 0 ? a / b : 0.0; }

}  // namespace

int EvalChunks(const std::string& gold, const std::string& data_dir_in, bool errors) {
  const std::string data_dir = data_dir_in.empty() ? DataDir() : data_dir_in;
  auto lines = ReadFileLines(gold);
  if (!lines.ok()) {
    std::fprintf(stderr, "linimasa eval chunks: %s\n", lines.status().message().c_str());
    return 2;
  }
  auto chunker = syntax::Chunker::Load(data_dir);
  auto lem = text::Lemmatizer::Load(data_dir);
  auto tagger = text::PosTagger::LoadFromData(data_dir);
  for (const Status& s : {chunker.status(), lem.status(), tagger.status()})
    if (!s.ok()) {
      std::fprintf(stderr, "linimasa eval chunks: %s\n", s.message().c_str());
      return 2;
    }
  const auto& names = text::PosTagger::UposTags();
  Counts pred_pos, gold_pos;
  size_t voice_n = 0, voice_ok = 0, sentences = 0;
  std::vector<syntax::UdWord> sent;
  auto finish = [&] {
    if (sent.empty()) return;
    std::vector<Chunk> g = syntax::UdChunks(sent, chunker->classes());
    std::vector<std::string> lower(sent.size()), lemma(sent.size());
    std::vector<text::PosWord> pw;
    for (size_t i = 0; i < sent.size(); ++i) {
      lower[i] = utf8::AsciiLower(sent[i].form);
      lemma[i] = utf8::AsciiLower((*lem)->Lemma(sent[i].form));
    }
    for (size_t i = 0; i < sent.size(); ++i) pw.push_back({sent[i].form, lemma[i]});
    std::vector<uint8_t> tags;
    tagger->Tag(pw, tags);
    std::vector<syntax::ChunkWord> in(sent.size()), in_gold(sent.size());
    for (size_t i = 0; i < sent.size(); ++i) {
      const bool cap = !sent[i].form.empty() && sent[i].form[0] >= 'A' && sent[i].form[0] <= 'Z';
      in[i] = {lower[i], lemma[i], names[tags[i]], cap};
      in_gold[i] = {lower[i], lemma[i], sent[i].upos, cap};
    }
    std::vector<Chunk> p, pg;
    uint32_t clause = 0;
    chunker->Chunk(in, 0, &clause, p);
    chunker->Chunk(in_gold, 0, &clause, pg);
    if (errors) {
      auto show = [&](const std::vector<Chunk>& cs) {
        std::string o;
        size_t k = 0;
        for (size_t i = 0; i < sent.size(); ++i) {
          while (k < cs.size() && cs[k].end_word <= i) ++k;
          bool open = k < cs.size() && cs[k].first_word == i;
          if (open) o += std::string(" [") + ChunkTypeName(cs[k].type);
          o += " " + sent[i].form;
          if (k < cs.size() && cs[k].end_word == i + 1 && cs[k].first_word <= i) o += "]";
        }
        return o;
      };
      std::string a = show(g), b = show(p);
      if (a != b) std::printf("gold:%s\npred:%s\n\n", a.c_str(), b.c_str());
    }
    Score(g, p, sentences, pred_pos);
    Score(g, pg, sentences, gold_pos);
    for (size_t i = 0; i < sent.size(); ++i) {
      const std::string& f = sent[i].feats;
      bool pass = f.find("Voice=Pass") != std::string::npos;
      if (sent[i].upos != "VERB" || (!pass && f.find("Voice=Act") == std::string::npos)) continue;
      ++voice_n;
      // UD Indonesian marks both di- and ter- verbs Voice=Pass.
      const Chunk::Voice v = syntax::Chunker::VerbVoice(lower[i], lemma[i]);
      voice_ok += (v == Chunk::Voice::kPassive || v == Chunk::Voice::kTer) == pass;
    }
    ++sentences;
    sent.clear();
  };
  size_t line_no = 0;
  for (const std::string& line : *lines) {
    ++line_no;
    if (line.empty()) {
      finish();
      continue;
    }
    if (line[0] == '#') continue;
    std::vector<std::string> c = SplitFields(line);
    if (c.size() < 8) {
      std::fprintf(stderr, "linimasa eval chunks: %s:%zu: expected 10 TAB-separated columns\n",
                   gold.c_str(), line_no);
      return 2;
    }
    if (c[0].find_first_of("-.") != std::string::npos) continue;  // multiword ranges, empty nodes
    syntax::UdWord w;
    w.form = c[1];
    w.lemma = c[2];
    w.upos = c[3];
    w.feats = c[5];
    w.deprel = c[7];
    w.head = std::atoi(c[6].c_str()) - 1;
    sent.push_back(std::move(w));
  }
  finish();
  std::printf("%-22s %7s %7s %7s %8s %8s %8s\n", "chunks (linimasa POS)", "gold", "pred", "right",
              "P", "R", "F1");
  std::string json = "{";
  auto row = [&](const char* name, size_t g, size_t p, size_t r) {
    double pr = Div(r, p), rc = Div(r, g), f = Div(2 * pr * rc, pr + rc);
    std::printf("%-22s %7zu %7zu %7zu %8.4f %8.4f %8.4f\n", name, g, p, r, pr, rc, f);
    return f;
  };
  size_t tg = 0, tp = 0, tr = 0;
  for (int t = 0; t <= static_cast<int>(Chunk::Type::kSBAR); ++t) {
    const char* name = ChunkTypeName(static_cast<Chunk::Type>(t));
    double f = row(name, pred_pos.gold[t], pred_pos.pred[t], pred_pos.right[t]);
    json += std::string(json.size() > 1 ? "," : "") + "\"" + name + "_f1\":" + std::to_string(f);
    tg += pred_pos.gold[t], tp += pred_pos.pred[t], tr += pred_pos.right[t];
  }
  double all = row("all", tg, tp, tr);
  size_t gg = 0, gp = 0, gr = 0;
  for (int t = 0; t <= static_cast<int>(Chunk::Type::kSBAR); ++t)
    gg += gold_pos.gold[t], gp += gold_pos.pred[t], gr += gold_pos.right[t];
  double all_gold = row("all, treebank UPOS", gg, gp, gr);
  std::printf("%-22s %7zu verbs with Voice: accuracy %.4f\n", "voice (di-, ter-)", voice_n,
              Div(voice_ok, voice_n));
  json += ",\"f1\":" + std::to_string(all) + ",\"f1_gold_upos\":" + std::to_string(all_gold) +
          ",\"voice_acc\":" + std::to_string(Div(voice_ok, voice_n)) +
          ",\"sentences\":" + std::to_string(sentences) + "}";
  std::printf("%s\n", json.c_str());
  return 0;
}

}  // namespace linimasa::cli
