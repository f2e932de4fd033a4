#pragma once
#include <string>

namespace linimasa::cli {
// Scores TimeML PRED_DIR against GOLD_DIR (empty pred_dir: tag GOLD's text first). Exit code.
int EvalTimex(const std::string& gold_dir, const std::string& pred_dir,
              const std::string& data_dir);
}  // namespace linimasa::cli
