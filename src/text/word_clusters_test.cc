#include "text/word_clusters.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "ner/ner_tagger.h"
#include "text/pos_tagger.h"

namespace linimasa::text {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

// A toy language: "<person> <verb> <place>" sentences. Words of one slot share every context, so
// four classes (one for the sentence boundary) put the persons together and the places together.
std::vector<std::vector<std::string>> Toy() {
  const std::vector<std::string> who = {"ani", "budi", "citra", "dedi"}, verb = {"ke", "dari"},
                                 where = {"bandung", "medan", "solo", "bogor"};
  std::vector<std::vector<std::string>> s;
  for (int r = 0; r < 3; ++r)
    for (const auto& a : who)
      for (const auto& v : verb)
        for (const auto& b : where) s.push_back({a, v, b});
  return s;
}

TEST(WordClusters, WordsSharingContextsShareAClass) {
  WordClusters wc = WordClusters::Train(Toy(), {4}, 1, 10);
  ASSERT_EQ(wc.levels(), 1u);
  ASSERT_EQ(wc.size(), 10u);
  const uint16_t person = wc.Get("ani").id[0], place = wc.Get("medan").id[0],
                 verb = wc.Get("ke").id[0];
  for (const char* w : {"budi", "citra", "dedi"}) EXPECT_EQ(wc.Get(w).id[0], person) << w;
  for (const char* w : {"bandung", "solo", "bogor"}) EXPECT_EQ(wc.Get(w).id[0], place) << w;
  EXPECT_EQ(wc.Get("dari").id[0], verb);
  EXPECT_NE(person, place);
  EXPECT_NE(person, verb);
  EXPECT_NE(place, verb);
  EXPECT_EQ(wc.Get("jakarta").id[0], 0) << "an unseen word has no class";
}

TEST(WordClusters, RareWordsGetNoClassAndTrainingIsDeterministic) {
  auto s = Toy();
  s.push_back({"ani", "ke", "sorong"});  // seen once
  WordClusters a = WordClusters::Train(s, {2, 4}, 2, 10), b = WordClusters::Train(s, {2, 4}, 2, 10);
  EXPECT_EQ(a.Get("sorong").id[0], 0);
  EXPECT_EQ(a.levels(), 2u);
  for (const char* w : {"ani", "ke", "medan", "bogor"})
    for (size_t l = 0; l < 2; ++l) EXPECT_EQ(a.Get(w).id[l], b.Get(w).id[l]) << w;
}

TEST(WordClusters, SaveLoadRoundTrip) {
  WordClusters wc = WordClusters::Train(Toy(), {2, 3}, 1, 10);
  const std::string path = TempPath("linimasa_clusters_roundtrip.tsv");
  ASSERT_TRUE(wc.Save(path, "test").ok());
  auto back = WordClusters::Load(path);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->size(), wc.size());
  EXPECT_EQ(back->levels(), 2u);
  for (const char* w : {"ani", "ke", "medan"})
    for (size_t l = 0; l < 2; ++l) EXPECT_EQ(back->Get(w).id[l], wc.Get(w).id[l]) << w;
  std::remove(path.c_str());
}

TEST(WordClusters, BadFileNamesTheLineAndTheFix) {
  const std::string path = TempPath("linimasa_clusters_bad.tsv");
  std::ofstream(path) << "# c\nani\t1\t2\nbudi\t3\n";
  auto r = WordClusters::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 3"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("train clusters"), std::string::npos);
  std::ofstream(path) << "ani\tx\n";
  r = WordClusters::Load(path);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("'x'"), std::string::npos) << r.status().message();
  std::remove(path.c_str());
}

uint8_t T(const char* name) {
  const auto& tags = PosTagger::UposTags();
  return static_cast<uint8_t>(std::find(tags.begin(), tags.end(), name) - tags.begin());
}

TEST(WordClusters, ThePosTaggerGeneralisesThroughClasses) {
  // Labeled: only ani/budi/citra, ke and bandung/medan/solo, in both orders, so position says
  // nothing. Unlabeled: all persons and places share contexts. Words the tagger never saw labeled
  // are tagged by their class.
  auto clusters = std::make_shared<const WordClusters>(WordClusters::Train(Toy(), {4, 4}, 1, 10));
  std::vector<PosTagger::Example> data;
  for (int i = 0; i < 10; ++i)
    for (const char* a : {"ani", "budi", "citra"})
      for (const char* b : {"bandung", "medan", "solo"}) {
        data.push_back({{a, "ke", b}, {a, "ke", b}, {T("PROPN"), T("ADP"), T("NOUN")}});
        data.push_back({{b, "ke", a}, {b, "ke", a}, {T("NOUN"), T("ADP"), T("PROPN")}});
      }
  PosTagger m = PosTagger::Train(data, 5, 1 << 12, 1, clusters);
  auto tag = [](const PosTagger& t) {
    std::vector<uint8_t> a, b;
    t.Tag({{"dedi", "dedi"}, {"ke", "ke"}, {"bogor", "bogor"}}, a);
    t.Tag({{"bogor", "bogor"}, {"ke", "ke"}, {"dedi", "dedi"}}, b);
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<uint8_t> tags = tag(m);
  EXPECT_EQ(tags, (std::vector<uint8_t>{T("PROPN"), T("ADP"), T("NOUN"), T("NOUN"), T("ADP"),
                                        T("PROPN")}));
  EXPECT_NE(tag(PosTagger::Train(data, 5, 1 << 12, 1)), tags)
      << "without classes the unseen words are guesses";

  // The saved model records that it needs classes: loading it without them is an error naming
  // the missing file; loaded with them it tags as before.
  const std::string path = TempPath("linimasa_pos_with_classes.bin");
  ASSERT_TRUE(m.Save(path).ok());
  auto bare = PosTagger::Load(path);
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.status().message().find("clusters.tsv"), std::string::npos);
  auto with = PosTagger::Load(path, clusters);
  ASSERT_TRUE(with.ok()) << with.status().message();
  EXPECT_EQ(tag(*with), tags);
  std::remove(path.c_str());
}

TEST(WordClusters, APlainModelIgnoresClasses) {
  // A model trained without classes keeps its features when classes are present in the data
  // folder (it is not fed features it never learned).
  std::vector<ner::NerTagger::Example> data;
  for (int i = 0; i < 20; ++i) data.push_back({{"Ani", "ke", "Bandung"}, {1, 0, 5}});
  auto plain = ner::NerTagger::Train(data, 5, 1 << 12, 1);
  const std::string path = TempPath("linimasa_ner_plain.bin");
  ASSERT_TRUE(plain.Save(path).ok());
  auto clusters = std::make_shared<const WordClusters>(WordClusters::Train(Toy(), {4}, 1, 10));
  auto a = ner::NerTagger::Load(path), b = ner::NerTagger::Load(path, clusters);
  ASSERT_TRUE(a.ok() && b.ok());
  std::vector<uint8_t> la, lb;
  a->Tag({"Budi", "ke", "Medan"}, la);
  b->Tag({"Budi", "ke", "Medan"}, lb);
  EXPECT_EQ(la, lb);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace linimasa::text
