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
    data.push_back({{"Kim", "mengunjungi", "Rusia", "."}, {"kim", "kunjung", "rusia", "."}, {T("PROPN"), T("VERB"), T("PROPN"), T("PUNCT")}});
    data.push_back({{"dia", "membeli", "buku", "itu", "."}, {"dia", "beli", "buku", "itu", "."}, {T("PRON"), T("VERB"), T("NOUN"), T("DET"), T("PUNCT")}});
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
  loaded->Tag({{"Putin", "putin"}, {"mengunjungi", "kunjung"}, {"Korea", "korea"}, {".", "."}}, again);
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

}  // namespace
}  // namespace linimasa::text
