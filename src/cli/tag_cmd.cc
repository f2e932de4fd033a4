// `linimasa tag conllu --in RAW.txt --out OUT.conllu`: raw text (a blank line between paragraphs)
// to CoNLL-U with tokens, multiword tokens, sentences, lemmas and (when tagged) UPOS.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

#include "cli/commands.h"
#include "cli/ner_cmd.h"
#include "cli/timex_util.h"
#include "core/file_env.h"
#include "ingest/encoding.h"
#include "linimasa/pipeline.h"
#include "text/conllu.h"

namespace linimasa::cli {
namespace {

int WriteFile(const std::string& path, const std::string& data, const char* cmd) {
  std::FILE* f = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "linimasa %s: cannot write %s: %s\n", cmd, path.c_str(),
                 std::strerror(errno));
    return 2;
  }
  bool ok = std::fwrite(data.data(), 1, data.size(), f) == data.size();
  if (f != stdout) ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::fprintf(stderr, "linimasa %s: writing %s failed (disk full?)\n", cmd, path.c_str());
    return 2;
  }
  return 0;
}

int RunConllu(const std::string& in, const std::string& out, const std::string& data_dir) {
  auto bytes = in == "-" ? FileEnv::Default().ReadStdin(size_t{1} << 30)
                         : FileEnv::Default().ReadFile(in, size_t{1} << 30);
  if (!bytes.ok()) {
    std::fprintf(stderr, "linimasa tag conllu: %s\n", bytes.status().message().c_str());
    return 2;
  }
  ingest::Decoded dec = ingest::DecodeToUtf8(*bytes);
  if (dec.converted)
    std::fprintf(stderr, "linimasa tag conllu: %s is not UTF-8; read as %s\n", in.c_str(),
                 dec.source_encoding.c_str());
  // Paragraphs: blocks separated by blank lines; the lines of one paragraph are joined by spaces.
  Document doc;
  doc.id = "conllu";
  std::string text;
  bool in_par = false;
  size_t pos = 0;
  const std::string& raw = dec.text;
  while (pos <= raw.size()) {
    size_t eol = raw.find('\n', pos);
    if (eol == std::string::npos) eol = raw.size();
    std::string_view line(raw.data() + pos, eol - pos);
    pos = eol + 1;
    bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
    if (blank) {
      in_par = false;
      continue;
    }
    if (!text.empty()) text += in_par ? ' ' : '\n';
    text.append(line);
    in_par = true;
  }
  doc.text = std::move(text);
  PipelineOptions po;
  po.data_dir = data_dir;
  po.given_layers = {"text"};
  auto p = Pipeline::Create({"text"}, po);
  if (!p.ok()) {
    std::fprintf(stderr, "linimasa tag conllu: %s\n", p.status().message().c_str());
    return 2;
  }
  Status st = (*p)->Run(doc);
  if (!st.ok()) {
    std::fprintf(stderr, "linimasa tag conllu: %s\n", st.message().c_str());
    return 2;
  }
  std::string conllu;
  size_t counter = 0;
  text::AppendConllu(doc, "s", &counter, conllu);
  return WriteFile(out, conllu, "tag conllu");
}

// `linimasa tag timex --in FILE.tml|DIR --out DIR`: TIMEX3 tags into each file's TEXT.
int RunTimex(const std::string& in, const std::string& out, const std::string& data_dir) {
  auto files = ListTimeMLFiles(in);
  if (!files.ok()) {
    std::fprintf(stderr, "linimasa tag timex: %s\n", files.status().message().c_str());
    return 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "linimasa tag timex: cannot create the output folder %s: %s\n",
                 out.c_str(), ec.message().c_str());
    return 2;
  }
  auto p = TimexPipeline(data_dir);
  if (!p.ok()) {
    std::fprintf(stderr, "linimasa tag timex: %s\n", p.status().message().c_str());
    return 2;
  }
  int rc = 0;
  for (const std::string& f : *files) {
    auto doc = ReadTimeMLFile(f);
    if (!doc.ok()) {
      std::fprintf(stderr, "linimasa tag timex: %s\n", doc.status().message().c_str());
      rc = 1;
      continue;
    }
    for (const std::string& w : doc->warnings)
      std::fprintf(stderr, "linimasa tag timex: warning: %s\n", w.c_str());
    auto tx = TagTimeML(**p, *doc, f);
    if (!tx.ok()) {
      std::fprintf(stderr, "linimasa tag timex: %s\n", tx.status().message().c_str());
      rc = 1;
      continue;
    }
    std::string target =
        (std::filesystem::path(out) / std::filesystem::path(f).filename()).string();
    if (int w = WriteFile(target, timex::WriteTimeML(*doc, *tx), "tag timex")) return w;
  }
  return rc;
}

}  // namespace

void AddTagCommand(CLI::App& app, int* rc) {
  CLI::App* tag = app.add_subcommand(
      "tag", "Annotate standard formats: conllu (tokens, sentences, lemmas, UPOS), timex (TimeML)");
  tag->require_subcommand(1);
  AddTagNer(tag, rc);
  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>("-");
  auto data = std::make_shared<std::string>();
  CLI::App* c =
      tag->add_subcommand("conllu", "Raw text (a blank line between paragraphs) to CoNLL-U");
  c->add_option("--in", *in, "raw UTF-8 text file, or - for stdin")->required();
  c->add_option("--out", *out, "CoNLL-U output file (default: stdout)");
  c->add_option("--data-dir", *data, "folder with linimasa's data files");
  c->callback([=] { *rc = RunConllu(*in, *out, *data); });
  CLI::App* t = tag->add_subcommand("timex", "TimeML in, TimeML with TIMEX3 tags out (DCT kept)");
  t->add_option("--in", *in, "a .tml file or a folder of them")->required();
  t->add_option("--out", *out, "output folder (same file names)")->required();
  t->add_option("--data-dir", *data, "folder with linimasa's data files");
  t->callback([=] { *rc = RunTimex(*in, *out, *data); });
}

}  // namespace linimasa::cli
