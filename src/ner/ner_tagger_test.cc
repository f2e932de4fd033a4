#include "ner/ner_tagger.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "linimasa/pipeline.h"
#include "random_text.h"
#include "text/word_clusters.h"

namespace linimasa::ner {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

uint8_t L(const char* label) {
  const auto& l = NerTagger::Labels();
  return static_cast<uint8_t>(std::find(l.begin(), l.end(), label) - l.begin());
}

// Five-word names whose type only the sixth word tells ("… berkata" after a person, "…
// didirikan" after an organisation), beyond the two words a token's own features see: a tagger
// that decides token by token has to guess the type of the first words; one that searches whole
// label sequences keeps both readings until the cue arrives.
std::vector<NerTagger::Example> LateCue(int n, uint32_t seed) {
  const std::vector<std::string> words = {"Adi", "Bara", "Cahya", "Dewa", "Eka", "Fajar"};
  std::mt19937 rng(seed);
  std::vector<NerTagger::Example> data;
  for (int i = 0; i < n; ++i) {
    const bool person = rng() % 2;
    NerTagger::Example ex;
    ex.tokens = {"kemarin"};
    ex.labels = {0};
    for (int k = 0; k < 5; ++k) {
      ex.tokens.push_back(words[rng() % words.size()]);
      ex.labels.push_back(k == 0 ? L(person ? "B-PER" : "B-ORG") : L(person ? "I-PER" : "I-ORG"));
    }
    ex.tokens.push_back(person ? "berkata" : "didirikan");
    ex.labels.push_back(0);
    data.push_back(std::move(ex));
  }
  return data;
}

double Accuracy(const NerTagger& t, const std::vector<NerTagger::Example>& test) {
  size_t right = 0, all = 0;
  std::vector<uint8_t> got;
  for (const auto& ex : test) {
    std::vector<std::string_view> toks(ex.tokens.begin(), ex.tokens.end());
    t.Tag(toks, got);
    for (size_t i = 0; i < got.size(); ++i) right += got[i] == ex.labels[i];
    all += got.size();
  }
  return static_cast<double>(right) / static_cast<double>(all);
}

TEST(NerTagger, TheBeamSeesPastTheFeatureWindow) {
  const auto train = LateCue(400, 1), test = LateCue(100, 2);
  const NerTagger greedy = NerTagger::Train(train, 8, 1 << 14, 1, nullptr, 1);
  const NerTagger beam = NerTagger::Train(train, 8, 1 << 14, 1, nullptr, 4);
  EXPECT_EQ(greedy.beam(), 1);
  EXPECT_EQ(beam.beam(), 4);
  EXPECT_GT(Accuracy(beam, test), 0.99);
  EXPECT_LT(Accuracy(greedy, test), 0.9) << "the greedy tagger cannot know the type in time";
}

TEST(NerTagger, ABeamModelKeepsItsWidthWhenSavedAndLoaded) {
  const auto train = LateCue(200, 3), test = LateCue(50, 4);
  const NerTagger beam = NerTagger::Train(train, 5, 1 << 14, 1, nullptr, 3);
  const std::string path = TempPath("linimasa_ner_beam.bin");
  ASSERT_TRUE(beam.Save(path).ok());
  auto loaded = NerTagger::Load(path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_EQ(loaded->beam(), 3);
  std::vector<uint8_t> a, b;
  for (const auto& ex : test) {
    std::vector<std::string_view> toks(ex.tokens.begin(), ex.tokens.end());
    beam.Tag(toks, a);
    loaded->Tag(toks, b);
    EXPECT_EQ(a, b);
  }
  std::remove(path.c_str());
}

// Two-word names of random letters (no affix tells their type) in one context: only the name
// lists can tell a person from a place.
std::vector<NerTagger::Example> ListedNames(int n, uint32_t seed, NameGazetteer* lists) {
  std::mt19937 rng(seed);
  auto word = [&] {
    std::string w(1, static_cast<char>('A' + rng() % 26));
    for (int k = 0; k < 6; ++k) w += static_cast<char>('a' + rng() % 26);
    return w;
  };
  std::vector<NerTagger::Example> data;
  for (int i = 0; i < n; ++i) {
    const bool person = rng() % 2;
    NerTagger::Example ex;
    const std::string a = word(), b = word();
    lists->Add(a + " " + b, person ? 0 : 2);
    ex.tokens = {"kemarin", a, b, "disebut"};
    ex.labels = {0, L(person ? "B-PER" : "B-LOC"), L(person ? "I-PER" : "I-LOC"), 0};
    data.push_back(std::move(ex));
  }
  return data;
}

TEST(NerTagger, NameListsTellTheTypeOfNamesTrainingNeverSaw) {
  auto lists = std::make_shared<NameGazetteer>();
  const auto train = ListedNames(300, 11, lists.get()), test = ListedNames(100, 12, lists.get());
  const NerTagger with = NerTagger::Train(train, 8, 1 << 14, 1, nullptr, 1, lists);
  const NerTagger without = NerTagger::Train(train, 8, 1 << 14, 1, nullptr, 1);
  EXPECT_GT(Accuracy(with, test), 0.95);
  EXPECT_LT(Accuracy(without, test), 0.9);
  // The model records that it reads name lists, and refuses to load without them.
  const std::string path = TempPath("linimasa_ner_names.bin");
  ASSERT_TRUE(with.Save(path).ok());
  auto bare = NerTagger::Load(path);
  ASSERT_FALSE(bare.ok());
  EXPECT_NE(bare.status().message().find("names.tsv"), std::string::npos);
  auto loaded = NerTagger::Load(path, nullptr, lists);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  EXPECT_GT(Accuracy(*loaded, test), 0.95);
  std::remove(path.c_str());
}

TEST(NerTagger, AModelOfAnEarlierVersionIsRefusedWithTheFix) {
  // Earlier models (byte 6 of the magic is 0) hashed their label features differently: loading
  // one would tag with features it never learned.
  const NerTagger t = NerTagger::Train(LateCue(20, 5), 1, 1 << 10, 1);
  const std::string path = TempPath("linimasa_ner_old.bin");
  ASSERT_TRUE(t.Save(path).ok());
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 8u);
  bytes[6] = 0;
  std::ofstream(path, std::ios::binary) << bytes;
  auto old = NerTagger::Load(path);
  ASSERT_FALSE(old.ok());
  EXPECT_NE(old.status().message().find(path), std::string::npos);
  EXPECT_NE(old.status().message().find("linimasa train ner"), std::string::npos);
  std::remove(path.c_str());
}

TEST(NerTagger, OutputIsValidBioAtEveryWidth) {
  // Whatever the input: an I-X only continues a B-X or I-X, and a B-X never follows an X.
  const auto train = LateCue(100, 6);
  std::mt19937 rng(7);
  const std::vector<std::string> vocab = {"Adi", "berkata", "didirikan", "kemarin", "PT",
                                          "di",  "Jakarta", ",",         "ABC",     "x"};
  for (int width : {1, 2, 4}) {
    const NerTagger t = NerTagger::Train(train, 3, 1 << 12, 1, nullptr, width);
    for (int r = 0; r < 200; ++r) {
      std::vector<std::string_view> toks(1 + rng() % 12);
      for (auto& w : toks) w = vocab[rng() % vocab.size()];
      std::vector<uint8_t> got;
      t.Tag(toks, got);
      ASSERT_EQ(got.size(), toks.size());
      for (size_t i = 0; i < got.size(); ++i) {
        if (got[i] == 0) continue;
        const int type = (got[i] + 1) / 2, prev_type = i ? (got[i - 1] + 1) / 2 : 0;
        if (got[i] % 2 == 1)  // B-X never right after an X: that would split one name in two
          EXPECT_NE(prev_type, type) << "width " << width;
        else
          EXPECT_EQ(prev_type, type) << "width " << width;  // I-X only continues an X
      }
    }
  }
}

// Tag() sums per-word weights from a per-thread memo (core/word_memo.h) and reads the label
// joins of a word from it; TagUncached() scores every feature of every hypothesis as training
// does. Integer sums make them equal exactly: on cased and lower-case sentences, at the edges, on
// one-word sentences, and across the memo starting afresh (over 65,536 distinct words).
void ExpectMemoEqualsUncached(const NerTagger& t, size_t sentences, uint32_t seed) {
  std::vector<uint8_t> memo, plain;
  size_t differ = 0;
  for (const auto& s : testing::RandomSentences(sentences, seed)) {
    std::vector<std::string_view> toks(s.begin(), s.end());
    t.Tag(toks, memo);
    t.TagUncached(toks, plain);
    differ += memo != plain;
  }
  EXPECT_EQ(differ, 0u);
}

TEST(NerTagger, MemoisedTaggingEqualsScoringEveryFeature) {
  for (int width : {1, 4})  // toy models: no word classes
    ExpectMemoEqualsUncached(NerTagger::Train(LateCue(100, 8), 3, 1 << 12, 1, nullptr, width), 300,
                             9);
  std::shared_ptr<const text::WordClusters> clusters;
  ASSERT_TRUE(text::LoadDataClusters(DataDir(), clusters).ok());
  std::shared_ptr<const NameGazetteer> names;
  ASSERT_TRUE(LoadDataNames(DataDir(), names).ok());
  auto shipped = NerTagger::Load(DataDir() + "/models/ner.bin", clusters, names);
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  ExpectMemoEqualsUncached(*shipped, 10000, 10);
}

}  // namespace
}  // namespace linimasa::ner
