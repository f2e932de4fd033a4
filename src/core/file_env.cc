#include "core/file_env.h"

#include "core/lines.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace linimasa {
namespace {

Result<std::string> ReadAll(std::FILE* f, const std::string& name, size_t max_bytes) {
  std::string out;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (out.size() + n > max_bytes)
      return Status::InvalidArgument(name + ": larger than " + std::to_string(max_bytes >> 20) +
                                     " MiB; split it (e.g. into JSONL records) or raise --max-bytes");
    out.append(buf, n);
  }
  if (std::ferror(f)) return Status::IOError(name + ": read failed: " + std::strerror(errno));
  return out;
}

}  // namespace

Result<std::string> FileEnv::ReadFile(const std::string& path, size_t max_bytes) const {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) {
    int e = errno;
    if (e == ENOENT) return Status::NotFound(path + ": no such file; check the path");
    return Status::IOError(path + ": cannot open: " + std::strerror(e));
  }
  auto r = ReadAll(f, path, max_bytes);
  std::fclose(f);
  return r;
}

Result<std::string> FileEnv::ReadStdin(size_t max_bytes) const { return ReadAll(stdin, "stdin", max_bytes); }

Result<std::vector<std::string>> ReadFileLines(const std::string& path) {
  auto bytes = FileEnv::Default().ReadFile(path, size_t{1} << 30);
  if (!bytes.ok()) return bytes.status();
  std::vector<std::string> out;
  ForEachLine(*bytes, [&](std::string_view line, size_t) { out.emplace_back(line); });
  return out;
}

const FileEnv& FileEnv::Default() {
  static const FileEnv env;
  return env;
}

}  // namespace linimasa
