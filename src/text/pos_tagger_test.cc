#include "text/pos_tagger.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/utf8.h"
#include "linimasa/pipeline.h"
#include "random_text.h"

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

// Tag() sums per-word weights from a per-thread memo (core/word_memo.h, keyed by form and
// lemma); TagUncached() scores every feature as training does. Integer sums make them equal
// exactly: at the edges, on one-word sentences, for one form with two lemmas, and across the memo
// starting afresh (over 65,536 distinct words).
void ExpectMemoEqualsUncached(const PosTagger& t, size_t sentences, uint32_t seed) {
  std::vector<uint8_t> memo, plain;
  size_t differ = 0, n = 0;
  for (const auto& s : linimasa::testing::RandomSentences(sentences, seed)) {
    std::vector<std::string> lemmas;
    for (const auto& w : s) lemmas.push_back(n++ % 7 == 0 ? "lain" : utf8::AsciiLower(w));
    std::vector<PosWord> words;
    for (size_t i = 0; i < s.size(); ++i) words.push_back({s[i], lemmas[i]});
    t.Tag(words, memo);
    t.TagUncached(words, plain);
    differ += memo != plain;
  }
  EXPECT_EQ(differ, 0u);
}

TEST(PosTagger, MemoisedTaggingEqualsScoringEveryFeature) {
  std::vector<PosTagger::Example> toy;
  for (const auto& s : linimasa::testing::RandomSentences(200, 11)) {
    PosTagger::Example ex;
    for (const auto& w : s) {
      ex.forms.push_back(w);
      ex.lemmas.push_back(utf8::AsciiLower(w));
      ex.tags.push_back(static_cast<uint8_t>(w.size() % 17));
    }
    toy.push_back(std::move(ex));
  }
  ExpectMemoEqualsUncached(PosTagger::Train(toy, 2, 1 << 12, 1), 300, 12);  // no word classes
  auto shipped = PosTagger::LoadFromData(DataDir());
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  ExpectMemoEqualsUncached(*shipped, 10000, 13);
}

}  // namespace
}  // namespace linimasa::text
