#include "linimasa/pipeline.h"

#include <gtest/gtest.h>

namespace linimasa {
namespace {

class NeedsTokens : public Stage {
 public:
  const char* name() const override { return "needs_tokens"; }
  std::vector<std::string> requires_layers() const override { return {"tokens"}; }
  std::vector<std::string> assigns_layers() const override { return {"entities"}; }
  Status Process(Document&) const override { return Status::Ok(); }
};

TEST(Pipeline, UnknownStageNamesTheAvailableOnes) {
  PipelineOptions o;
  o.data_dir = LINIMASA_TEST_DATA;
  auto p = Pipeline::Create({"clean", "nope"}, o);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("unknown stage 'nope'"), std::string::npos);
  EXPECT_NE(p.status().message().find("clean"), std::string::npos);
}

TEST(Pipeline, RequiredLayersMustBeAssignedEarlier) {
  RegisterStage("needs_tokens", [](const StageContext&) -> Result<std::unique_ptr<Stage>> {
    return std::unique_ptr<Stage>(new NeedsTokens());
  });
  PipelineOptions o;
  o.data_dir = LINIMASA_TEST_DATA;
  auto p = Pipeline::Create({"clean", "needs_tokens"}, o);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("requires layer 'tokens'"), std::string::npos);
}

TEST(Pipeline, MissingDataDirIsAClearError) {
  PipelineOptions o;
  o.data_dir = "/nonexistent/linimasa-data";
  auto p = Pipeline::Create({"clean"}, o);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("/nonexistent/linimasa-data/boilerplate/cues.tsv"), std::string::npos);
}

TEST(Pipeline, RunsTheDefaultStages) {
  PipelineOptions o;
  o.data_dir = LINIMASA_TEST_DATA;
  auto p = Pipeline::Create(DefaultStages(), o);
  ASSERT_TRUE(p.ok()) << p.status().message();
  Document d;
  d.raw = "Isi berita.\nADVERTISEMENT";
  ASSERT_TRUE((*p)->Run(d).ok());
  EXPECT_EQ(d.text.value(), "Isi berita.");
}

}  // namespace
}  // namespace linimasa
