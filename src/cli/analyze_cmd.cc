// `linimasa analyze INPUT...`: read articles, run the pipeline, write one JSON document per line.
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "cli/progress.h"
#include "linimasa/json.h"
#include "linimasa/pipeline.h"
#include "linimasa/reader.h"

namespace linimasa::cli {
namespace {

struct AnalyzeArgs {
  std::vector<std::string> inputs;
  std::string format = "auto";
  std::string output;
  bool pretty = false;
  bool tokens = false;
  int jobs = 1;
  size_t max_mb = 1024;
  size_t max_doc_mb = 64;
  std::string data_dir;
  std::string stages_csv;
  std::vector<std::string> kb_files;
  bool progress = true;
  bool summary = false;
};

int RunAnalyze(const AnalyzeArgs& a) {
  auto format = ParseFormat(a.format);
  if (!format.ok()) {
    std::fprintf(stderr, "linimasa analyze: --format: %s\n", format.status().message().c_str());
    return 2;
  }
  std::vector<std::string> stages;
  for (size_t p = 0; !a.stages_csv.empty();) {
    size_t q = a.stages_csv.find(',', p);
    std::string name = a.stages_csv.substr(p, q == std::string::npos ? std::string::npos : q - p);
    if (!name.empty()) stages.push_back(name);
    if (q == std::string::npos) break;
    p = q + 1;
  }
  auto pipeline = BuildPipeline(stages, a.data_dir, a.kb_files);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "linimasa analyze: %s\n", pipeline.status().message().c_str());
    return 2;
  }
  std::FILE* out = stdout;
  if (!a.output.empty() && a.output != "-") {
    out = std::fopen(a.output.c_str(), "wb");
    if (!out) {
      std::fprintf(stderr, "linimasa analyze: cannot write --output %s: %s\n", a.output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  ReadOptions ro;
  ro.format = *format;
  ro.max_file_bytes = a.max_mb << 20;
  ro.max_document_bytes = a.max_doc_mb << 20;
  JsonOptions jo;
  jo.pretty = a.pretty;
  jo.tokens = a.tokens;
  size_t failures = 0;
  size_t total_docs = 0, total_bytes = 0, total_tokens = 0, total_events = 0, total_quotes = 0;
  const auto started = std::chrono::steady_clock::now();
  Progress progress(a.progress);
  const int jobs = std::max(1, a.jobs);
  const size_t batch_size = 64 * static_cast<size_t>(jobs);
  std::vector<Document> batch;
  std::vector<std::string> outputs;
  std::vector<std::string> errors;

  auto flush = [&] {
    if (batch.empty()) return;
    outputs.assign(batch.size(), std::string());
    RunBatch(**pipeline, batch, jobs, errors, [&](size_t i) { outputs[i] = ToJson(batch[i], jo); });
    size_t bytes = 0;
    for (size_t i = 0; i < batch.size(); ++i) {
      bytes += batch[i].raw.size();
      if (batch[i].tokens) total_tokens += batch[i].tokens->size();
      if (batch[i].events) total_events += batch[i].events->size();
      if (batch[i].quotes) total_quotes += batch[i].quotes->size();
      if (!errors[i].empty()) {
        std::fprintf(stderr, "linimasa analyze: %s\n", errors[i].c_str());
        ++failures;
        continue;
      }
      std::fwrite(outputs[i].data(), 1, outputs[i].size(), out);
      std::fputc('\n', out);
    }
    progress.Add(batch.size(), bytes);
    total_docs += batch.size();
    total_bytes += bytes;
    batch.clear();
  };

  ReadInputs(
      a.inputs, ro,
      [&](Document&& d) {
        batch.push_back(std::move(d));
        if (batch.size() >= batch_size) flush();
      },
      [&](const InputError& e) {
        ++failures;
        std::fprintf(stderr, "linimasa analyze: %s\n", e.ToString().c_str());
      });
  flush();
  progress.Finish();
  if (a.summary) {
    const double s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::fprintf(stderr,
                 "{\"articles\":%zu,\"bytes\":%zu,\"tokens\":%zu,\"events\":%zu,"
                 "\"quotes\":%zu,\"failures\":%zu,\"seconds\":%.3f,\"jobs\":%d}\n",
                 total_docs, total_bytes, total_tokens, total_events, total_quotes, failures, s,
                 jobs);
  }
  bool write_failed = std::fflush(out) != 0 || std::ferror(out);
  if (out != stdout) write_failed = std::fclose(out) != 0 || write_failed;
  if (write_failed) {
    std::fprintf(stderr, "linimasa analyze: writing the output failed (disk full?)\n");
    return 2;
  }
  if (failures) {
    std::fprintf(stderr, "linimasa analyze: %zu input(s) failed; the others were written\n",
                 failures);
    return 1;
  }
  return 0;
}

}  // namespace

void RunBatch(const Pipeline& pipeline, std::vector<Document>& batch, int jobs,
              std::vector<std::string>& errors, const std::function<void(size_t)>& done) {
  errors.assign(batch.size(), std::string());
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < batch.size();) {
      Status st = pipeline.Run(batch[i]);
      if (!st.ok()) {
        errors[i] = batch[i].id + ": " + st.message();
        continue;
      }
      if (done) done(i);
    }
  };
  if (jobs <= 1 || batch.size() == 1) {
    work();
    return;
  }
  std::vector<std::thread> threads;
  for (int t = 0; t < jobs; ++t) threads.emplace_back(work);
  for (auto& t : threads) t.join();
}

Result<std::unique_ptr<Pipeline>> BuildPipeline(const std::vector<std::string>& stages,
                                                const std::string& data_dir,
                                                const std::vector<std::string>& kb_files) {
  PipelineOptions po;
  po.data_dir = data_dir;
  for (const std::string& f : kb_files)
    po.stage_options["entities.kb"] += (po.stage_options["entities.kb"].empty() ? "" : ",") + f;
  return Pipeline::Create(stages.empty() ? DefaultStages() : stages, po);
}

void AddAnalyzeCommand(CLI::App& app, int* rc) {
  auto args = std::make_shared<AnalyzeArgs>();
  CLI::App* cmd = app.add_subcommand(
      "analyze",
      "Read news articles (text, HTML, JSONL, WARC; files, folders or - for stdin) and write one "
      "JSON document per article: clean text, removed boilerplate, metadata, sentences, time "
      "expressions, entities, events and quotes.");
  cmd->add_option("inputs", args->inputs, "files, directories (read recursively) or - for stdin")
      ->required();
  cmd->add_option("--format", args->format,
                  "input format: auto (default), text, html, jsonl, warc");
  cmd->add_option("-o,--output", args->output, "write JSONL here instead of stdout");
  cmd->add_flag("--pretty", args->pretty, "indent the JSON (one document spans several lines)");
  cmd->add_flag("--tokens", args->tokens,
                "also write tokens and words (lemma, UPOS) for each document");
  cmd->add_option("-j,--jobs", args->jobs, "worker threads (output order does not change)")
      ->check(CLI::Range(1, 256));
  cmd->add_option("--max-bytes", args->max_mb,
                  "refuse input files larger than this many MiB (default 1024)");
  cmd->add_option("--max-doc-bytes", args->max_doc_mb,
                  "cut documents longer than this many MiB (default 64)");
  cmd->add_option("--data-dir", args->data_dir,
                  "folder with linimasa's data files (default: next to the binary)");
  cmd->add_option("--stages", args->stages_csv,
                  "pipeline stages to run, comma-separated, in order (default: "
                  "clean,text,syntax,time,entities,quotes,events)");
  cmd->add_option("--kb", args->kb_files,
                  "extra knowledge-base file(s) for entity linking (format: data/kb/README.md)");
  cmd->add_flag("!--no-progress", args->progress, "no progress bar on stderr");
  cmd->add_flag("--summary", args->summary,
                "at the end, one JSON line on stderr: articles, bytes, tokens, events, quotes, "
                "failures, seconds, jobs");
  cmd->callback([args, rc] { *rc = RunAnalyze(*args); });
}

}  // namespace linimasa::cli
