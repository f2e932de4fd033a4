// Locating the data folder relative to the executable, so an installed tree is relocatable.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "linimasa/pipeline.h"

namespace linimasa {

std::string DataDir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("LINIMASA_DATA"); env && *env) return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path bin = exe.parent_path();
    for (const fs::path& cand : {bin / ".." / "share" / "linimasa" / "data", bin / ".." / "data"}) {
      if (fs::exists(cand / "boilerplate", ec)) return fs::weakly_canonical(cand, ec).string();
    }
  }
#ifdef LINIMASA_SOURCE_DATA_DIR
  if (fs::exists(fs::path(LINIMASA_SOURCE_DATA_DIR) / "boilerplate", ec))
    return LINIMASA_SOURCE_DATA_DIR;
#endif
  return "";
}

}  // namespace linimasa
