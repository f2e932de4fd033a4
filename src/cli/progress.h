// Progress on stderr: a bar with articles/s when stderr is a terminal, nothing otherwise.
#pragma once

#include <chrono>
#include <cstddef>

namespace linimasa::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  void Add(size_t docs, size_t bytes);
  void Finish();

 private:
  bool enabled_;
  size_t docs_ = 0, bytes_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace linimasa::cli
