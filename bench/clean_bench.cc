// Micro-benchmark of the clean stage and the HTML extractor on the sample articles.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/html_extract.h"
#include "linimasa/pipeline.h"

namespace {

std::string SampleText() {
  std::string all;
  for (const auto& e : std::filesystem::directory_iterator(LINIMASA_BENCH_SAMPLE)) {
    std::ifstream f(e.path());
    std::stringstream ss;
    ss << f.rdbuf();
    all += ss.str() + "\n";
  }
  return all;
}

void BM_CleanStage(benchmark::State& state) {
  linimasa::PipelineOptions o;
  o.data_dir = LINIMASA_BENCH_DATA;
  auto p = linimasa::Pipeline::Create({"clean"}, o);
  std::string text = SampleText();
  for (auto _ : state) {
    linimasa::Document d;
    d.raw = text;
    benchmark::DoNotOptimize((*p)->Run(d));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CleanStage);

void BM_HtmlExtract(benchmark::State& state) {
  std::string text = SampleText();
  std::string html = "<html><head><title>x</title></head><body><nav><a href=/>a</a></nav><article>";
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) html += "<p>" + line + "</p>";
  html += "</article><footer>c</footer></body></html>";
  for (auto _ : state) {
    linimasa::Document d;
    linimasa::ingest::ExtractHtml(html, d);
    benchmark::DoNotOptimize(d.raw.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_HtmlExtract);

}  // namespace

BENCHMARK_MAIN();
