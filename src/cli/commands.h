// One function per CLI command; each is a thin layer over the library (see src/cli/*.cc).
#pragma once

#include <CLI/CLI.hpp>

namespace linimasa::cli {

// Adds `analyze` to the app; the callback stores its exit code in *rc.
void AddAnalyzeCommand(CLI::App& app, int* rc);
void AddTagCommand(CLI::App& app, int* rc);
void AddStemCommand(CLI::App& app, int* rc);
void AddTrainCommand(CLI::App& app, int* rc);
void AddEvalCommand(CLI::App& app, int* rc);
void AddCorpusCommands(CLI::App& app, int* rc);  // ingest, timeline

}  // namespace linimasa::cli
