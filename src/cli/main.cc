// linimasa command line: one subcommand per file in src/cli/.
#include <cstdio>

#include "cli/commands.h"
#include "linimasa/json.h"
#include "linimasa/pipeline.h"

int main(int argc, char** argv) {
  CLI::App app{
      "linimasa — reads Indonesian online news and turns it into structured knowledge.\n"
      "Start with:  linimasa analyze sample/ --pretty"};
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("--version", version, "print the engine, schema and model versions");
  int rc = 0;
  linimasa::cli::AddAnalyzeCommand(app, &rc);
  linimasa::cli::AddTagCommand(app, &rc);
  linimasa::cli::AddStemCommand(app, &rc);
  linimasa::cli::AddTrainCommand(app, &rc);
  linimasa::cli::AddEvalCommand(app, &rc);
  linimasa::cli::AddCorpusCommands(app, &rc);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  if (version) {
    std::string data = linimasa::DataDir();
    std::printf("%s\ndata: %s\n", linimasa::VersionString().c_str(),
                data.empty() ? "(not found)" : data.c_str());
    return 0;
  }
  if (app.get_subcommands().empty()) {
    std::printf("%s", app.help().c_str());
    return 2;
  }
  return rc;
}
