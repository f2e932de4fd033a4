// `linimasa eval timex GOLD_DIR [PRED_DIR]`: TempEval-3 scores for TIMEX3 recognition and
// normalisation. Both sides are aligned on their non-whitespace characters (so whitespace
// differences between files never matter); strict = identical extents, relaxed = overlapping
// extents matched one to one (identical pairs first, then the largest overlaps). Type and value
// accuracy are over relaxed matches; "value F1" counts a relaxed match with the right value as
// correct (P over predictions, R over gold), as TempEval-3 does. A pred file whose text differs
// from the gold file's is not scored: its gold timexes count as missed, its own as spurious.
#include "cli/eval_timex.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/timex_util.h"
#include "core/utf8.h"

namespace linimasa::cli {
namespace {

bool Ignorable(uint32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F ||
         cp == 0x205F || cp == 0x3000 || cp == 0x2060 || cp == 0xFEFF || cp == 0xAD;
}

// The non-whitespace characters of `text`, and for each byte offset the number of them before it.
struct Stream {
  std::u32string chars;
  std::vector<uint32_t> before;  // size text.size() + 1
};
Stream MakeStream(const std::string& text) {
  Stream s;
  s.before.assign(text.size() + 1, 0);
  size_t i = 0;
  uint32_t n = 0;
  while (i < text.size()) {
    size_t start = i;
    uint32_t cp = utf8::Next(text, i);
    for (size_t k = start; k < i; ++k) s.before[k] = n;
    if (!Ignorable(cp)) {
      s.chars.push_back(cp);
      ++n;
    }
  }
  s.before[text.size()] = n;
  return s;
}

struct Item {
  uint32_t start, end;
  const Timex* t;
};
std::vector<Item> Items(const std::vector<Timex>& tx, const Stream& s) {
  std::vector<Item> out;
  for (const Timex& t : tx) {
    if (t.span.end > s.before.size() - 1) continue;
    uint32_t a = s.before[t.span.start], b = s.before[t.span.end];
    if (b > a) out.push_back({a, b, &t});
  }
  return out;
}

struct Counts {
  size_t gold = 0, pred = 0, strict = 0, relaxed = 0, type_ok = 0, value_ok = 0, mod_ok = 0;
};

double Div(double a, double b) { return b > 0 ? a / b : 0.0; }
double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0.0; }

void Score(const std::vector<Item>& gold, const std::vector<Item>& pred, Counts& c,
           std::map<std::string, Counts>& by_type) {
  c.gold += gold.size();
  c.pred += pred.size();
  for (const Item& g : gold) ++by_type[g.t->type].gold;
  std::vector<int> pred_of(gold.size(), -1);
  std::vector<bool> used(pred.size(), false);
  for (size_t i = 0; i < gold.size(); ++i)
    for (size_t j = 0; j < pred.size(); ++j)
      if (!used[j] && gold[i].start == pred[j].start && gold[i].end == pred[j].end) {
        pred_of[i] = static_cast<int>(j);
        used[j] = true;
        ++c.strict;
        break;
      }
  struct Pair {
    uint32_t overlap;
    size_t g, p;
  };
  std::vector<Pair> pairs;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (pred_of[i] >= 0) continue;
    for (size_t j = 0; j < pred.size(); ++j) {
      if (used[j]) continue;
      uint32_t lo = std::max(gold[i].start, pred[j].start), hi = std::min(gold[i].end, pred[j].end);
      if (hi > lo) pairs.push_back({hi - lo, i, j});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const Pair& a, const Pair& b) { return a.overlap > b.overlap; });
  for (const Pair& p : pairs)
    if (pred_of[p.g] < 0 && !used[p.p]) pred_of[p.g] = static_cast<int>(p.p), used[p.p] = true;
  for (size_t i = 0; i < gold.size(); ++i) {
    if (pred_of[i] < 0) continue;
    const Timex& g = *gold[i].t;
    const Timex& p = *pred[pred_of[i]].t;
    ++c.relaxed;
    ++by_type[g.type].relaxed;
    if (g.type == p.type) ++c.type_ok;
    if (g.value == p.value) ++c.value_ok, ++by_type[g.type].value_ok;
    if (g.mod == p.mod) ++c.mod_ok;
  }
}

std::string Prf(size_t tp, size_t n_pred, size_t n_gold) {
  double p = Div(tp, n_pred), r = Div(tp, n_gold);
  char buf[160];
  std::snprintf(buf, sizeof buf, "{\"tp\": %zu, \"p\": %.6f, \"r\": %.6f, \"f1\": %.6f}", tp, p, r,
                F1(p, r));
  return buf;
}

}  // namespace

int EvalTimex(const std::string& gold_dir, const std::string& pred_dir,
              const std::string& data_dir) {
  auto files = ListTimeMLFiles(gold_dir);
  if (!files.ok()) {
    std::fprintf(stderr, "linimasa eval timex: %s\n", files.status().message().c_str());
    return 2;
  }
  std::unique_ptr<Pipeline> pipeline;
  if (pred_dir.empty()) {
    auto p = TimexPipeline(data_dir);
    if (!p.ok()) {
      std::fprintf(stderr, "linimasa eval timex: %s\n", p.status().message().c_str());
      return 2;
    }
    pipeline = std::move(p).value();
  }
  Counts c;
  std::map<std::string, Counts> by_type;
  std::vector<std::string> missing, failed;
  size_t scored = 0;
  for (const std::string& f : *files) {
    auto gold = ReadTimeMLFile(f);
    if (!gold.ok()) {
      std::fprintf(stderr, "linimasa eval timex: %s\n", gold.status().message().c_str());
      return 2;
    }
    Stream gs = MakeStream(gold->text);
    std::vector<Item> gi = Items(gold->timexes, gs);
    std::vector<Timex> pred_tx;
    Stream ps;
    std::string name = std::filesystem::path(f).filename().string();
    if (pipeline) {
      auto tx = TagTimeML(*pipeline, *gold, f);
      if (!tx.ok()) {
        std::fprintf(stderr, "linimasa eval timex: %s\n", tx.status().message().c_str());
        return 2;
      }
      pred_tx = std::move(tx).value();
      ps = gs;
    } else {
      std::string pf =
          (std::filesystem::path(pred_dir) / std::filesystem::path(f).lexically_relative(gold_dir))
              .string();
      if (!std::filesystem::exists(pf)) pf = (std::filesystem::path(pred_dir) / name).string();
      auto pred = ReadTimeMLFile(pf);
      if (!pred.ok()) {
        missing.push_back(name);
        Score(gi, {}, c, by_type);
        continue;
      }
      ps = MakeStream(pred->text);
      if (ps.chars != gs.chars) {
        failed.push_back(name);
        std::vector<Item> pi = Items(pred->timexes, ps);
        Score(gi, {}, c, by_type);
        c.pred += pi.size();
        continue;
      }
      pred_tx = pred->timexes;
    }
    std::vector<Item> pi = Items(pred_tx, ps);
    Score(gi, pi, c, by_type);
    ++scored;
  }
  double sp = Div(c.strict, c.pred), sr = Div(c.strict, c.gold), rp = Div(c.relaxed, c.pred),
         rr = Div(c.relaxed, c.gold);
  double vp = Div(c.value_ok, c.pred), vr = Div(c.value_ok, c.gold);
  std::printf("TIMEX3 (TempEval-3): %zu files, %zu scored, %zu gold, %zu predicted\n",
              files->size(), scored, c.gold, c.pred);
  std::printf("%-10s %9s %9s %9s\n", "", "P", "R", "F1");
  std::printf("%-10s %9.4f %9.4f %9.4f\n", "strict", sp, sr, F1(sp, sr));
  std::printf("%-10s %9.4f %9.4f %9.4f\n", "relaxed", rp, rr, F1(rp, rr));
  std::printf("%-10s %9.4f %9.4f %9.4f\n", "value", vp, vr, F1(vp, vr));
  std::printf("type accuracy %.4f, value accuracy %.4f, mod accuracy %.4f (over relaxed matches)\n",
              Div(c.type_ok, c.relaxed), Div(c.value_ok, c.relaxed), Div(c.mod_ok, c.relaxed));
  std::printf("%-10s %6s %8s %8s\n", "type", "gold", "found", "value ok");
  for (const auto& [type, t] : by_type)
    std::printf("%-10s %6zu %8zu %8zu\n", type.c_str(), t.gold, t.relaxed, t.value_ok);
  for (const auto& m : missing) std::printf("missing pred file: %s\n", m.c_str());
  for (const auto& m : failed) std::printf("FAILED (pred text differs from gold): %s\n", m.c_str());
  std::string json =
      "{\"n_files\": " + std::to_string(files->size()) +
      ", \"n_scored\": " + std::to_string(scored) + ", \"n_gold\": " + std::to_string(c.gold) +
      ", \"n_pred\": " + std::to_string(c.pred) + ", \"strict\": " + Prf(c.strict, c.pred, c.gold) +
      ", \"relaxed\": " + Prf(c.relaxed, c.pred, c.gold);
  char buf[256];
  std::snprintf(buf, sizeof buf, ", \"type_acc\": %.6f, \"value_acc\": %.6f, \"mod_acc\": %.6f",
                Div(c.type_ok, c.relaxed), Div(c.value_ok, c.relaxed), Div(c.mod_ok, c.relaxed));
  json += buf;
  json += ", \"value_f1\": " + Prf(c.value_ok, c.pred, c.gold) +
          ", \"missing\": " + std::to_string(missing.size()) +
          ", \"failed\": " + std::to_string(failed.size()) + "}";
  std::printf("%s\n", json.c_str());
  return 0;
}

}  // namespace linimasa::cli
