#include "ner/name_gazetteer.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

namespace linimasa::ner {
namespace {

// Each token's marks as one string per token ("PER ORG LOC own").
std::vector<std::string> Marks(const NameGazetteer& g, const std::vector<std::string_view>& toks) {
  std::vector<NameGazetteer::Marks> m;
  g.Mark(toks, m);
  std::vector<std::string> out;
  for (const auto& x : m) out.emplace_back(x.data(), x.size());
  return out;
}

TEST(NameGazetteer, MatchesAcrossCaseHyphensAndTokenBoundaries) {
  NameGazetteer g;
  g.Add("Jo-Wilfried Tsonga", 0);
  g.Add("Roger Federer", 0);
  g.Add("Jawa Tengah", 2);
  auto m = Marks(g, {"Jo", "-", "Wilfried", "Tsonga", "dan", "ROGER", "FEDERER"});
  EXPECT_EQ(m[0].substr(0, 3), "B--");
  EXPECT_EQ(m[1].substr(0, 3), "I--");  // punctuation inside a match is inside it
  EXPECT_EQ(m[3].substr(0, 3), "E--");
  EXPECT_EQ(m[4].substr(0, 3), "---");
  EXPECT_EQ(m[5].substr(0, 3), "B--");
  EXPECT_EQ(m[6].substr(0, 3), "E--");
  m = Marks(g, {"Jo-Wilfried", "Tsonga"});
  EXPECT_EQ(m[0].substr(0, 3), "B--");
  m = Marks(g, {"di", "Jawa", "Tengah", "."});
  EXPECT_EQ(m[1].substr(0, 3), "--B");
  EXPECT_EQ(m[2].substr(0, 3), "--E");
  EXPECT_EQ(m[3].substr(0, 3), "---");  // a match never ends on punctuation
  // A prefix of a name is no match.
  m = Marks(g, {"Jawa", "Barat"});
  EXPECT_EQ(m[0].substr(0, 3), "---");
}

TEST(NameGazetteer, LongestMatchPerTypeAndOneWordMatches) {
  NameGazetteer g;
  g.Add("Jakarta", 2);
  g.Add("Jakarta Selatan", 2);
  g.Add("Persija Jakarta", 1);
  auto m = Marks(g, {"Persija", "Jakarta", "Selatan"});
  EXPECT_EQ(m[0].substr(0, 3), "-B-");
  EXPECT_EQ(m[1].substr(0, 3), "-EB");
  EXPECT_EQ(m[2].substr(0, 3), "--E");
  m = Marks(g, {"ke", "Jakarta"});
  EXPECT_EQ(m[1].substr(0, 3), "--S");
}

TEST(NameGazetteer, ShortCapitalsMatchOnlyAsWritten) {
  NameGazetteer g;
  g.Add("UK", 2);
  g.Add("PBB", 1);
  auto m = Marks(g, {"Yang", "Uk", "dan", "UK", "dan", "PBB", "Pbb"});
  EXPECT_EQ(m[1].substr(0, 3), "---");
  EXPECT_EQ(m[3].substr(0, 3), "--S");
  EXPECT_EQ(m[5].substr(0, 3), "-S-");
  EXPECT_EQ(m[6].substr(0, 3), "---");
}

TEST(NameGazetteer, WordsOwnListsButCommonWords) {
  NameGazetteer g;
  g.AddCommonWord("baru");
  g.Add("Roger Federer", 0);
  g.Add("Kota Baru", 2);
  g.Add("Bank Mandiri", 1);
  auto m = Marks(g, {"Federer", "Roger", "Mandiri", "Baru", "lain"});
  EXPECT_EQ(m[0][3], '@' + 2);  // a person's last word
  EXPECT_EQ(m[1][3], '@' + 1);  // a person's first word
  EXPECT_EQ(m[2][3], '@' + 4);  // an organisation's word
  EXPECT_EQ(m[3][3], '@');      // common: nothing of its own
  EXPECT_EQ(m[4][3], '@');
  // Names made of common words still match.
  m = Marks(g, {"Kota", "Baru"});
  EXPECT_EQ(m[0].substr(0, 3), "--B");
}

TEST(NameGazetteer, LoadsItsFileAndNamesTheBadLine) {
  const std::string path = ::testing::TempDir() + "/names.tsv";
  {
    std::ofstream f(path);
    f << "# comment\nPER\tRoger Federer\nCOMMON\tbaru\nLOC\tKota Baru\n";
  }
  auto g = NameGazetteer::Load(path);
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_EQ(g->size(), 2u);
  {
    std::ofstream f(path);
    f << "PER\tRoger Federer\nPERSON Kim\n";
  }
  auto bad = NameGazetteer::Load(path);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("names.tsv:2"), std::string::npos);
  auto missing = NameGazetteer::Load(path + ".none");
  EXPECT_FALSE(missing.ok());
  std::remove(path.c_str());
}

}  // namespace
}  // namespace linimasa::ner
