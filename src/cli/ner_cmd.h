// `train ner`, `tag ner`, `eval ner` (added to the train/tag/eval commands).
#pragma once

#include <CLI/CLI.hpp>

namespace linimasa::cli {
void AddTrainNer(CLI::App* train, int* rc);
void AddTagNer(CLI::App* tag, int* rc);
void AddEvalNer(CLI::App* eval, int* rc);
}  // namespace linimasa::cli
