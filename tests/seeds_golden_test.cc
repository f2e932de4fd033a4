// Golden end-to-end test on the five seed articles of ../shared (skipped where ../shared is
// absent): metadata against gold/seeds/metadata.jsonl, removed lines against
// gold/seeds/removed.jsonl.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "golden_util.h"

namespace linimasa::testing {
namespace {

namespace fs = std::filesystem;
const std::string kShared = LINIMASA_SHARED_DIR;

std::vector<nlohmann::json> ReadJsonl(const std::string& path) {
  std::vector<nlohmann::json> out;
  std::istringstream in(Slurp(path));
  std::string line;
  while (std::getline(in, line))
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  return out;
}

class SeedsGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(kShared + "/gold/seeds/metadata.jsonl"))
      GTEST_SKIP() << "SKIPPED: " << kShared
                   << "/gold/seeds not found (no ../shared on this machine)";
  }
};

TEST_F(SeedsGolden, MetadataMatchesGold) {
  for (const auto& g : ReadJsonl(kShared + "/gold/seeds/metadata.jsonl")) {
    std::string id = g["doc"];
    std::string path = kShared + "/seeds/" + id + ".txt";
    auto docs = Analyze(Slurp(path), path);
    ASSERT_EQ(docs.size(), 1u);
    const Metadata& m = *docs[0].meta;
    EXPECT_EQ(docs[0].id, id);
    auto check = [&](const char* field, const std::optional<std::string>& got) {
      if (!g.contains(field) || g[field].is_null()) return;
      EXPECT_EQ(got.value_or("<null>"), g[field].get<std::string>()) << id << " " << field;
    };
    check("outlet", m.outlet);
    check("domain", m.domain);
    check("title", m.title);
    check("dateline", m.dateline);
    // Every publication time: from the header, inferred from the text's dates, or none.
    if (g["published"].is_null()) {
      EXPECT_FALSE(m.published.has_value()) << id << " published: " << m.published.value_or("");
    } else {
      check("published", m.published);
      EXPECT_EQ(m.published_basis.value_or(""), g["published_basis"].get<std::string>()) << id;
    }
    if (!g["authors"].empty()) {
      EXPECT_EQ(m.authors, g["authors"].get<std::vector<std::string>>()) << id;
    }
    if (!g["editors"].empty()) {
      EXPECT_EQ(m.editors, g["editors"].get<std::vector<std::string>>()) << id;
    }
  }
}

// The seed with a weekday that does not match its date is flagged, and no other seed is.
TEST_F(SeedsGolden, WeekdayMismatchFlagged) {
  auto spec = nlohmann::json::parse(Slurp(kShared + "/gold/seeds/timeline.json"));
  std::set<std::string> expected;
  for (const auto& c : spec.value("conflicts", nlohmann::json::array()))
    if (c.value("kind", "") == "weekday_mismatch") {
      if (c.contains("doc")) expected.insert(c["doc"].get<std::string>());
      for (const auto& d : c.value("docs", nlohmann::json::array()))
        expected.insert(d.get<std::string>());
    }
  ASSERT_FALSE(expected.empty()) << "gold/seeds/timeline.json lists no weekday_mismatch conflict";
  for (const auto& entry : fs::directory_iterator(kShared + "/seeds")) {
    std::string id = entry.path().stem().string();
    auto docs = Analyze(Slurp(entry.path().string()), entry.path().string());
    ASSERT_EQ(docs.size(), 1u);
    int n = 0;
    for (const Flag& f : docs[0].flags) n += f.kind == "weekday_mismatch";
    EXPECT_EQ(n > 0, expected.count(id) > 0) << id;
  }
}

TEST_F(SeedsGolden, RemovedLinesMatchGoldAndContentStays) {
  std::map<std::string, std::map<int, std::pair<std::string, std::string>>> expected;
  for (const auto& g : ReadJsonl(kShared + "/gold/seeds/removed.jsonl")) {
    if (!g.contains("doc")) continue;
    bool partial = g.value("partial", false);
    expected[g["doc"]][g["line"].get<int>()] = {g["kind"],
                                                partial ? g["text"].get<std::string>() : ""};
  }
  for (const auto& entry : fs::directory_iterator(kShared + "/seeds")) {
    std::string id = entry.path().stem().string();
    std::string input = Slurp(entry.path().string());
    auto docs = Analyze(input, entry.path().string());
    ASSERT_EQ(docs.size(), 1u);
    CheckLines(id, input, docs[0], expected[id]);
  }
}

}  // namespace
}  // namespace linimasa::testing
