// `linimasa stem [--in FILE]`: one word per line in (stdin by default), word<TAB>root out.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "core/file_env.h"
#include "ingest/encoding.h"
#include "linimasa/pipeline.h"
#include "text/lemmatizer.h"

namespace linimasa::cli {
namespace {

int RunStem(const std::string& in, const std::string& data_dir) {
  auto bytes = in.empty() || in == "-" ? FileEnv::Default().ReadStdin(size_t{1} << 30)
                                       : FileEnv::Default().ReadFile(in, size_t{1} << 30);
  if (!bytes.ok()) {
    std::fprintf(stderr, "linimasa stem: %s\n", bytes.status().message().c_str());
    return 2;
  }
  auto lem = text::Lemmatizer::Load(data_dir.empty() ? DataDir() : data_dir);
  if (!lem.ok()) {
    std::fprintf(stderr, "linimasa stem: %s\n", lem.status().message().c_str());
    return 2;
  }
  std::string text = ingest::DecodeToUtf8(*bytes).text;
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string_view w(text.data() + pos, eol - pos);
    pos = eol + 1;
    while (!w.empty() && (w.back() == ' ' || w.back() == '\t')) w.remove_suffix(1);
    if (w.empty()) continue;
    out.append(w);
    out += '\t';
    out += (*lem)->Lemma(w);
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 2;
}

}  // namespace

void AddStemCommand(CLI::App& app, int* rc) {
  auto in = std::make_shared<std::string>();
  auto data = std::make_shared<std::string>();
  CLI::App* c = app.add_subcommand(
      "stem", "Reduce Indonesian words to their roots: one word per line in, word<TAB>root out");
  c->add_option("--in", *in, "word list (default: stdin)");
  c->add_option("--data-dir", *data, "folder with linimasa's data files");
  c->callback([=] { *rc = RunStem(*in, *data); });
}

}  // namespace linimasa::cli
