// Per-stage time over a corpus: where a pipeline spends its time, stage by stage, on one core.
//   stage_bench INPUT [STAGES]     (STAGES: comma-separated, default: the default pipeline)
// Reads INPUT with the engine's readers (all documents into memory first, so I/O is not timed),
// runs each stage over every document in turn and prints, per stage, the seconds and the input
// characters per second (characters of the documents' raw text), then one JSON line.
// bench/timex_bench.py uses it for the recognise+normalise figure of the time stage; timing the
// CLI twice and subtracting was too noisy for a stage that takes ~5% of the pipeline.
#include <chrono>
#include <cstdio>
#include <sstream>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"
#include "linimasa/reader.h"

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
  std::printf("%-12s %10s %14s\n", "stage", "seconds", "chars/s");
  for (size_t k = 0; k < (*p)->stages().size(); ++k) {
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
    std::printf("%-12s %10.3f %14.0f\n", stage->name(), s, chars / s);
    char buf[128];
    std::snprintf(buf, sizeof buf, "%s\"%s\": {\"seconds\": %.4f, \"chars_per_s\": %.0f}",
                  k ? ", " : "", stage->name(), s, chars / s);
    json += buf;
  }
  std::printf("%s}}\n", json.c_str());
  return 0;
}
