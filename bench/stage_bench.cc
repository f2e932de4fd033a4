// Per-stage time over a corpus: where a pipeline spends its time, stage by stage, on one core.
//   stage_bench INPUT [STAGES]     (STAGES: comma-separated, default: the default pipeline)
// The pseudo-stage `ner` (after `text`) times the NER tagger alone — the model and the title
// trimmer over every sentence, as `linimasa tag ner` tags — beside `entities` (tagging, gazetteer
// and linking). Tokens per second are printed once the text stage has made tokens.
// Reads INPUT with the engine's readers (all documents into memory first, so I/O is not timed),
// runs each stage over every document in turn and prints, per stage, the seconds and the input
// characters per second (characters of the documents' raw text), then one JSON line.
// bench/timex_bench.py uses it for the recognise+normalise figure of the time stage; timing the
// CLI twice and subtracting was too noisy for a stage that takes ~5% of the pipeline.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"
#include "linimasa/reader.h"
#include "ner/ner_tagger.h"
#include "ner/titles.h"
#include "text/word_clusters.h"

int main(int argc, char** argv) {
  using linimasa::Document;
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr,
                 "usage: stage_bench INPUT [STAGES]  (e.g. corpus.jsonl clean,text,time)\n");
    return 2;
  }
  std::vector<std::string> stages = linimasa::DefaultStages();
  if (argc == 3) {
    stages.clear();
    std::stringstream ss(argv[2]);
    for (std::string s; std::getline(ss, s, ',');) stages.push_back(s);
  }
  linimasa::PipelineOptions o;
  o.data_dir = linimasa::DataDir();
  // The `ner` pseudo-stage: not a pipeline stage; timed on its own where it stands.
  size_t ner_at = SIZE_MAX;
  for (size_t k = 0; k < stages.size(); ++k)
    if (stages[k] == "ner") ner_at = k;
  if (ner_at != SIZE_MAX) stages.erase(stages.begin() + ner_at);
  std::shared_ptr<const linimasa::text::WordClusters> clusters;
  std::optional<linimasa::ner::NerTagger> tagger;
  std::optional<linimasa::ner::TitleTrimmer> titles;
  if (ner_at != SIZE_MAX) {
    linimasa::Status cst = linimasa::text::LoadDataClusters(o.data_dir, clusters);
    std::shared_ptr<const linimasa::ner::NameGazetteer> names;
    if (cst.ok()) cst = linimasa::ner::LoadDataNames(o.data_dir, names);
    auto t = linimasa::ner::NerTagger::Load(o.data_dir + "/models/ner.bin", clusters, names);
    auto tt = linimasa::ner::TitleTrimmer::Load(o.data_dir);
    const linimasa::Status st = !cst.ok() ? cst : !t.ok() ? t.status() : tt.status();
    if (!st.ok()) {
      std::fprintf(stderr,
                   "stage_bench: the ner pseudo-stage: %s (is LINIMASA_DATA the data folder?)\n",
                   st.message().c_str());
      return 2;
    }
    tagger.emplace(std::move(*t));
    titles.emplace(std::move(*tt));
  }
  auto p = linimasa::Pipeline::Create(stages, o);
  if (!p.ok()) {
    std::fprintf(stderr, "stage_bench: %s\n", p.status().message().c_str());
    return 2;
  }
  std::vector<Document> docs;
  int failed = 0;
  linimasa::ReadInputs(
      {argv[1]}, {}, [&](Document&& d) { docs.push_back(std::move(d)); },
      [&](const linimasa::InputError& e) {
        std::fprintf(stderr, "stage_bench: %s\n", e.ToString().c_str());
        ++failed;
      });
  if (failed || docs.empty()) return 1;
  double chars = 0;
  for (const Document& d : docs)
    for (unsigned char c : d.raw) chars += (c & 0xC0) != 0x80;  // code points
  std::string json = "{\"documents\": " + std::to_string(docs.size()) +
                     ", \"chars\": " + std::to_string(static_cast<long long>(chars)) +
                     ", \"stages\": {";
  std::printf("%-12s %10s %14s %12s\n", "stage", "seconds", "chars/s", "tokens/s");
  double tokens = 0;
  auto report = [&](const char* name, double s) {
    char tps[32] = "-", buf[160];
    if (tokens > 0) std::snprintf(tps, sizeof tps, "%.0f", tokens / s);
    std::printf("%-12s %10.3f %14.0f %12s\n", name, s, chars / s, tps);
    std::snprintf(buf, sizeof buf, "%s\"%s\": {\"seconds\": %.4f, \"chars_per_s\": %.0f",
                  json.back() == '{' ? "" : ", ", name, s, chars / s);
    json += buf;
    json += tokens > 0 ? std::string(", \"tokens_per_s\": ") + tps + "}" : std::string("}");
  };
  auto time_ner = [&]() {
    std::vector<std::string_view> forms;
    std::vector<uint8_t> labels;
    auto t0 = std::chrono::steady_clock::now();
    for (const Document& d : docs) {
      if (!d.text || !d.tokens || !d.sentences) continue;
      for (const auto& sent : *d.sentences) {
        forms.clear();
        for (uint32_t t = sent.first_token; t < sent.end_token; ++t)
          forms.push_back(std::string_view(*d.text).substr((*d.tokens)[t].span.start,
                                                           (*d.tokens)[t].span.size()));
        tagger->Tag(forms, labels);
        titles->Trim(forms, labels);
      }
    }
    report("ner", std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  };
  for (size_t k = 0; k < (*p)->stages().size(); ++k) {
    if (k == ner_at) time_ner();
    const auto& stage = (*p)->stages()[k];
    auto t0 = std::chrono::steady_clock::now();
    for (Document& d : docs) {
      linimasa::Status st = stage->Process(d);
      if (!st.ok()) {
        std::fprintf(stderr, "stage_bench: %s on %s: %s\n", stage->name(), d.id.c_str(),
                     st.message().c_str());
        return 1;
      }
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (tokens == 0)
      for (const Document& d : docs) tokens += d.tokens ? d.tokens->size() : 0;
    report(stage->name(), s);
  }
  if (ner_at == (*p)->stages().size()) time_ner();
  std::printf("%s}}\n", json.c_str());
  return 0;
}
