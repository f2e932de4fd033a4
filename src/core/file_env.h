// The one seam for file access (LevelDB's Env in miniature), so tests can inject I/O failures.
#pragma once

#include <string>
#include <vector>

#include "linimasa/status.h"

namespace linimasa {

class FileEnv {
 public:
  virtual ~FileEnv() = default;
  // Reads the whole file; refuses files larger than max_bytes with a message naming the limit.
  virtual Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const;
  // Reads all of standard input (same limit).
  virtual Result<std::string> ReadStdin(size_t max_bytes) const;
  static const FileEnv& Default();
};

// The lines of a file (no "\n", no trailing "\r"); 1 GiB at most. Errors name the file.
Result<std::vector<std::string>> ReadFileLines(const std::string& path);

}  // namespace linimasa
