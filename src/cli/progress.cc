#include "cli/progress.h"

#include <unistd.h>

#include <cstdio>

namespace linimasa::cli {

Progress::Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::Add(size_t docs, size_t bytes) {
  docs_ += docs;
  bytes_ += bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(200)) return;
  last_ = now;
  double s = std::chrono::duration<double>(now - start_).count();
  static const char* kSpin = "|/-\\";
  std::fprintf(stderr, "\r%c %zu articles  %.1f MB  %.0f articles/s  %.1f MB/s   ",
               kSpin[(docs_ / 64) % 4], docs_, bytes_ / 1e6, s > 0 ? docs_ / s : 0.0,
               s > 0 ? bytes_ / 1e6 / s : 0.0);
  std::fflush(stderr);
}

void Progress::Finish() {
  if (!enabled_ || docs_ == 0) return;
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::fprintf(stderr, "\r%zu articles in %.2f s (%.0f articles/s)                      \n", docs_,
               s, s > 0 ? docs_ / s : 0.0);
}

}  // namespace linimasa::cli
