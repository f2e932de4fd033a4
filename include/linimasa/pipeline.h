// linimasa/pipeline.h — stages and the pipeline that runs them.
//
// A Stage is a small, named step that reads some layers of a Document and writes others. Stages are
// registered by name with a factory; a Pipeline is a list of stage names (with options) built once
// and then run on any number of Documents.
//
//   auto p = linimasa::Pipeline::Create({"clean"}, linimasa::PipelineOptions{});
//   if (!p.ok()) { ... p.status().message() ... }
//   linimasa::Status s = p->Run(doc);
//
// Building a pipeline checks that every layer a stage `requires` is `assigns`ed by an earlier stage
// (or by the reader: "raw"), so a wrong order fails at build time with a message naming both
// stages.
//
// Thread-safety: a built Pipeline and its Stages are immutable; Run() may be called from many
// threads at once on different Documents.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "linimasa/document.h"
#include "linimasa/status.h"

namespace linimasa {

struct PipelineOptions {
  // Folder holding the engine's data files (lexicons, models). Empty: found relative to the
  // executable (see DataDir()).
  std::string data_dir;
  // Per-stage options, "stage.key" → value (e.g. "text.clitics" → "false").
  std::map<std::string, std::string> stage_options;
  // Layers the caller fills before running (a reader gives "raw"; `tag conllu` gives "text").
  std::vector<std::string> given_layers = {"raw"};
};

// What a stage factory receives.
struct StageContext {
  std::string data_dir;
  std::map<std::string, std::string> options;  // this stage's options, without the prefix
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual const char* name() const = 0;
  virtual std::vector<std::string> requires_layers() const = 0;
  virtual std::vector<std::string> assigns_layers() const = 0;
  // Annotates `doc`. An error names the document and what went wrong; the document keeps what was
  // written before the error.
  virtual Status Process(Document& doc) const = 0;
};

using StageFactory = std::function<Result<std::unique_ptr<Stage>>(const StageContext&)>;

// Registers a stage factory under `name` (call before building pipelines; not thread-safe).
void RegisterStage(const std::string& name, StageFactory factory);
// Names of all registered stages, sorted.
std::vector<std::string> RegisteredStages();

class Pipeline {
 public:
  static Result<std::unique_ptr<Pipeline>> Create(const std::vector<std::string>& stages,
                                                  const PipelineOptions& options);
  // Runs every stage on `doc`. A pipeline that removes boilerplate (assigns `removed`) and
  // extracts events also runs its later stages on each removed photo caption, as a document of
  // its own with the article's metadata, and keeps what they find in `doc.caption_events`.
  Status Run(Document& doc) const;
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  Status RunOnCaptions(Document& doc) const;
  std::vector<std::unique_ptr<Stage>> stages_;
  size_t caption_from_ = 0;  // the first stage run on captions; 0: captions are not read
};

// The default analysis pipeline of `linimasa analyze`.
std::vector<std::string> DefaultStages();

// The data folder: $LINIMASA_DATA if set; else <exe>/../share/linimasa/data; else the source tree's
// data/ (for runs from a build folder). Empty if none exists.
std::string DataDir();

}  // namespace linimasa
