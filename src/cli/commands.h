// One function per CLI command; each is a thin layer over the library (see src/cli/*.cc).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"

namespace linimasa::cli {

// The pipeline of `analyze` and `ingest`: `stages` (empty: the default ones), the data folder
// (empty: next to the binary) and extra KB files for the entities stage (`--kb`).
Result<std::unique_ptr<Pipeline>> BuildPipeline(const std::vector<std::string>& stages,
                                                const std::string& data_dir,
                                                const std::vector<std::string>& kb_files);

// Runs `pipeline` over every document of `batch` on `jobs` threads (1: this thread alone).
// errors[i] is "id: message" for a document that failed, else empty, and `done(i)` (if given) has
// run on document i in the worker that analysed it (to serialise it, say). Documents keep their
// order: only what is written afterwards, in order, reaches the user.
void RunBatch(const Pipeline& pipeline, std::vector<Document>& batch, int jobs,
              std::vector<std::string>& errors, const std::function<void(size_t)>& done = {});

// Adds `analyze` to the app; the callback stores its exit code in *rc.
void AddAnalyzeCommand(CLI::App& app, int* rc);
void AddTagCommand(CLI::App& app, int* rc);
void AddStemCommand(CLI::App& app, int* rc);
void AddTrainCommand(CLI::App& app, int* rc);
void AddEvalCommand(CLI::App& app, int* rc);
void AddCorpusCommands(CLI::App& app, int* rc);  // ingest, timeline

}  // namespace linimasa::cli
