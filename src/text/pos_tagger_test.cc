#include "text/pos_tagger.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace linimasa::text {
namespace {

uint8_t T(const char* name) {
  const auto& tags = PosTagger::UposTags();
  return static_cast<uint8_t>(std::find(tags.begin(), tags.end(), name) - tags.begin());
}

TEST(PosTagger, LearnsSaveLoadRoundTrip) {
  std::vector<PosTagger::Example> data;
  for (int i = 0; i < 30; ++i) {
    data.push_back({{"Kim", "mengunjungi", "Rusia", "."},
                    {"kim", "kunjung", "rusia", "."},
                    {T("PROPN"), T("VERB"), T("PROPN"), T("PUNCT")}});
    data.push_back({{"dia", "membeli", "buku", "itu", "."},
                    {"dia", "beli", "buku", "itu", "."},
                    {T("PRON"), T("VERB"), T("NOUN"), T("DET"), T("PUNCT")}});
  }
  PosTagger m = PosTagger::Train(data, 5, 1 << 12, 1);
  std::vector<uint8_t> tags;
  m.Tag({{"Putin", "putin"}, {"mengunjungi", "kunjung"}, {"Korea", "korea"}, {".", "."}}, tags);
  EXPECT_EQ(tags, (std::vector<uint8_t>{T("PROPN"), T("VERB"), T("PROPN"), T("PUNCT")}));
  std::string path = (std::filesystem::temp_directory_path() / "linimasa_pos_test.bin").string();
  ASSERT_TRUE(m.Save(path).ok());
  auto loaded = PosTagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  std::vector<uint8_t> again;
  loaded->Tag({{"Putin", "putin"}, {"mengunjungi", "kunjung"}, {"Korea", "korea"}, {".", "."}},
              again);
  EXPECT_EQ(again, tags);
  std::remove(path.c_str());
}

TEST(PosTagger, RejectsForeignFiles) {
  std::string path = (std::filesystem::temp_directory_path() / "linimasa_not_a_model.bin").string();
  std::ofstream(path) << "hello";
  auto r = PosTagger::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("linimasa train pos"), std::string::npos);
  std::remove(path.c_str());
}

TEST(PosTagger, AModelOfAnEarlierVersionIsRefusedWithTheFix) {
  std::vector<PosTagger::Example> data(
      5, {{"dia", "pergi", "."}, {"dia", "pergi", "."}, {T("PRON"), T("VERB"), T("PUNCT")}});
  PosTagger m = PosTagger::Train(data, 1, 1 << 10, 1);
  std::string path = (std::filesystem::temp_directory_path() / "linimasa_pos_old.bin").string();
  ASSERT_TRUE(m.Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 8u);
  bytes[6] = 0;  // the feature version of models without the four-letter affixes
  std::ofstream(path, std::ios::binary) << bytes;
  auto old = PosTagger::Load(path);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find(path), std::string::npos);
  EXPECT_NE(old.status().message().find("linimasa train pos"), std::string::npos);
  std::remove(path.c_str());
}

TEST(PosTagger, AnotherCorpusConventionStaysInItsPrivateFeatures) {
  // The target corpus tags "untuk" ADP; a four times larger corpus with its own conventions tags
  // it SCONJ. Trained on shared features only, the larger corpus wins; with its private copy of
  // the features, tagging follows the target.
  auto data = [](uint8_t domain) {
    std::vector<PosTagger::Example> d;
    for (int i = 0; i < 10; ++i)
      d.push_back({{"dana", "untuk", "sekolah", "."},
                   {"dana", "untuk", "sekolah", "."},
                   {T("NOUN"), T("ADP"), T("NOUN"), T("PUNCT")}});
    for (int i = 0; i < 40; ++i) {
      PosTagger::Example e{{"uang", "untuk", "rumah", "."},
                           {"uang", "untuk", "rumah", "."},
                           {T("NOUN"), T("SCONJ"), T("NOUN"), T("PUNCT")}};
      e.domain = domain;
      d.push_back(e);
    }
    return d;
  };
  const std::vector<PosWord> s = {{"buku", "buku"}, {"untuk", "untuk"}, {"anak", "anak"}};
  std::vector<uint8_t> tags;
  PosTagger::Train(data(0), 5, 1 << 12, 1).Tag(s, tags);
  EXPECT_EQ(tags[1], T("SCONJ"));
  PosTagger::Train(data(1), 5, 1 << 12, 1).Tag(s, tags);
  EXPECT_EQ(tags[1], T("ADP"));
}

}  // namespace
}  // namespace linimasa::text
