// The `clean` stage: boilerplate out (kept in `removed` with its kind), header lines (timestamp,
// title, standfirst) recognised, metadata extracted, clean text and its offset map written.
//
// Assigns: text, removed, meta.  Requires: raw.
#pragma once

#include <memory>

#include "clean/boilerplate.h"
#include "clean/line_features.h"
#include "clean/metadata.h"
#include "linimasa/pipeline.h"

namespace linimasa::clean {

class CleanStage : public Stage {
 public:
  static Result<std::unique_ptr<Stage>> Create(const StageContext& ctx);
  CleanStage(BoilerplateModel model, MetadataExtractor meta)
      : model_(std::move(model)), meta_(std::move(meta)) {}

  const char* name() const override { return "clean"; }
  std::vector<std::string> requires_layers() const override { return {"raw"}; }
  std::vector<std::string> assigns_layers() const override { return {"text", "removed", "meta"}; }
  Status Process(Document& doc) const override;

  // Classifies the lines of doc.raw (exposed for tests).
  std::vector<LineInfo> Classify(const Document& doc) const;

 private:
  void MarkHeaderZone(const std::string& raw, const std::vector<LineFeatures>& feats,
                      std::vector<LineInfo>& lines) const;
  BoilerplateModel model_;
  MetadataExtractor meta_;
};

}  // namespace linimasa::clean
