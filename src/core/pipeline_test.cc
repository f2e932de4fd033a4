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
  EXPECT_NE(p.status().message().find("/nonexistent/linimasa-data/boilerplate/cues.tsv"),
            std::string::npos);
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

// A removed photo caption is read for events (once, though shown twice): its trigger points into
// the raw input, `sentence` names the caption among the removed spans. Without the clean stage
// there are no captions and no caption layer.
TEST(Pipeline, EventsAreReadFromRemovedCaptions) {
  PipelineOptions o;
  o.data_dir = LINIMASA_TEST_DATA;
  auto p = Pipeline::Create(DefaultStages(), o);
  ASSERT_TRUE(p.ok()) << p.status().message();
  const std::string caption =
      "FILE - Presiden Jepang Fumio Kishida, kiri, dan Presiden Prancis Emmanuel Macron "
      "berjabat tangan selama pertemuan mereka di Paris, Prancis, Kamis, 4 Mei 2023.";
  Document d;
  d.raw = "Judul berita\nKishida tiba di Brussel pada Senin.\n" + caption + "\n" + caption +
          "\nIa akan menghadiri KTT itu.";
  d.meta = Metadata{};
  d.meta->published = "2024-05-06";
  ASSERT_TRUE((*p)->Run(d).ok());
  ASSERT_TRUE(d.caption_events.has_value());
  ASSERT_EQ(d.caption_events->size(), 1u);
  const Event& e = d.caption_events->front();
  EXPECT_EQ(e.type, "MEET");
  EXPECT_EQ(e.time, "2023-05-04");
  EXPECT_EQ(e.place, "Paris");
  EXPECT_EQ(e.actor_ids.size(), 2u);
  EXPECT_EQ(d.raw.substr(e.trigger.start, e.trigger.size()), "pertemuan");
  ASSERT_LT(e.sentence, d.removed->size());
  EXPECT_EQ((*d.removed)[e.sentence].kind, "caption");
  EXPECT_EQ(d.text->find("pertemuan"), std::string::npos);  // not body text

  auto no_clean = Pipeline::Create({"text", "syntax", "time", "entities", "quotes", "events"}, [] {
    PipelineOptions x;
    x.data_dir = LINIMASA_TEST_DATA;
    x.given_layers = {"text", "meta"};
    return x;
  }());
  ASSERT_TRUE(no_clean.ok()) << no_clean.status().message();
  Document t;
  t.text = caption;
  t.meta = Metadata{};
  ASSERT_TRUE((*no_clean)->Run(t).ok());
  EXPECT_FALSE(t.caption_events.has_value());
}

}  // namespace
}  // namespace linimasa
