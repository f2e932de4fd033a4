#include <gtest/gtest.h>

#include <sstream>

#include "stage_test_util.h"
#include "syntax/chunker.h"
#include "syntax/ud_chunks.h"

namespace linimasa::syntax {
namespace {

const Chunker& TheChunker() {
  static const Chunker c = [] {
    auto r = Chunker::Load(LINIMASA_TEST_DATA);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }();
  return c;
}

// "word/UPOS word/UPOS …" (lemma = word) → "[NP a b] [VP c] …" with clause numbers "[1:NP …]"
// when `clauses`.
std::string Bracket(const std::string& tagged, bool clauses = false) {
  std::vector<std::string> forms, tags;
  std::istringstream in(tagged);
  for (std::string t; in >> t;) {
    size_t slash = t.rfind('/');
    forms.push_back(t.substr(0, slash));
    tags.push_back(t.substr(slash + 1));
  }
  std::vector<ChunkWord> words;
  for (size_t i = 0; i < forms.size(); ++i)
    words.push_back({forms[i], forms[i], tags[i], forms[i][0] >= 'A' && forms[i][0] <= 'Z'});
  std::vector<Chunk> chunks;
  uint32_t clause = UINT32_MAX;
  TheChunker().Chunk(words, 0, &clause, chunks);
  std::string out;
  for (const Chunk& c : chunks) {
    out += out.empty() ? "[" : " [";
    if (clauses) out += std::to_string(c.clause) + ":";
    out += ChunkTypeName(c.type);
    for (uint32_t w = c.first_word; w < c.end_word; ++w) out += " " + forms[w];
    out += "]";
  }
  return out;
}

TEST(Chunker, NounPhrasesVerbGroupsAndPrepositions) {
  EXPECT_EQ(Bracket("Presiden/NOUN Rusia/PROPN Vladimir/PROPN Putin/PROPN tidak/PART akan/AUX "
                    "mengunjungi/VERB Pyongyang/PROPN ./PUNCT"),
            "[NP Presiden Rusia Vladimir Putin] [VP tidak akan mengunjungi] [NP Pyongyang]");
  EXPECT_EQ(Bracket("Kim/PROPN bertemu/VERB dengan/ADP para/DET menteri/NOUN di/ADP "
                    "Moskow/PROPN"),
            "[NP Kim] [VP bertemu] [PP dengan] [NP para menteri] [PP di] [NP Moskow]");
}

TEST(Chunker, DemonstrativeAndNyaCloseTheNounPhrase) {
  EXPECT_EQ(Bracket("pertemuan/NOUN itu/DET Putin/PROPN"), "[NP pertemuan itu] [NP Putin]");
  EXPECT_EQ(Bracket("rumah/NOUN nya/DET Putin/PROPN"), "[NP rumah nya] [NP Putin]");
  EXPECT_EQ(Bracket("senjata/NOUN baru/ADJ Rusia/PROPN"), "[NP senjata baru Rusia]");
}

TEST(Chunker, EachVerbOfASeriesIsItsOwnPhrase) {
  EXPECT_EQ(Bracket("Kim/PROPN telah/AUX bersedia/VERB menjadi/VERB tuan/NOUN"),
            "[NP Kim] [VP telah bersedia] [VP menjadi] [NP tuan]");
  EXPECT_EQ(Bracket("Ia/PRON adalah/AUX presiden/NOUN"), "[NP Ia] [VP adalah] [NP presiden]");
  EXPECT_EQ(Bracket("hubungan/NOUN sangat/ADV penting/ADJ"), "[NP hubungan] [ADJP sangat penting]");
  EXPECT_EQ(Bracket("Ia/PRON kemarin/ADV ./PUNCT"), "[NP Ia] [ADVP kemarin]");
}

TEST(Chunker, SubordinatorsAndRelativizerOpenClauses) {
  EXPECT_EQ(Bracket("Kim/PROPN memberikan/VERB tur/NOUN kepada/ADP Shoigu/PROPN ketika/SCONJ "
                    "mengunjungi/VERB Pyongyang/PROPN",
                    true),
            "[0:NP Kim] [0:VP memberikan] [0:NP tur] [0:PP kepada] [0:NP Shoigu] [1:SBAR ketika] "
            "[1:VP mengunjungi] [1:NP Pyongyang]");
  // "saat" tagged as a noun still opens a clause, but not in "saat ini".
  EXPECT_EQ(Bracket("Ia/PRON tiba/VERB saat/NOUN Putin/PROPN pergi/VERB", true),
            "[0:NP Ia] [0:VP tiba] [1:SBAR saat] [1:NP Putin] [1:VP pergi]");
  EXPECT_EQ(Bracket("saat/NOUN ini/DET Putin/PROPN pergi/VERB", true),
            "[0:NP saat ini] [0:NP Putin] [0:VP pergi]");
  EXPECT_EQ(Bracket("Polisi/NOUN yang/PRON menangkap/VERB Budi/PROPN", true),
            "[0:NP Polisi] [1:SBAR yang] [1:VP menangkap] [1:NP Budi]");
  // Only "yang" is marked as opening a relative clause.
  std::vector<ChunkWord> words = {{"polisi", "polisi", "NOUN"},
                                  {"yang", "yang", "PRON"},
                                  {"datang", "datang", "VERB"},
                                  {"ketika", "ketika", "SCONJ"},
                                  {"hujan", "hujan", "NOUN"}};
  std::vector<Chunk> chunks;
  uint32_t clause = 0;
  TheChunker().Chunk(words, 0, &clause, chunks);
  ASSERT_EQ(chunks.size(), 5u);
  EXPECT_TRUE(chunks[1].relative);
  EXPECT_FALSE(chunks[3].relative);
}

TEST(Chunker, CoordinatorOpensAClauseOnlyBeforeAPredicate) {
  // Coordinated noun phrases stay in one clause …
  EXPECT_EQ(Bracket("Kim/PROPN dan/CCONJ Putin/PROPN bertemu/VERB", true),
            "[0:NP Kim] [0:NP Putin] [0:VP bertemu]");
  EXPECT_EQ(Bracket("Kim/PROPN bertemu/VERB Putin/PROPN dan/CCONJ Lavrov/PROPN", true),
            "[0:NP Kim] [0:VP bertemu] [0:NP Putin] [0:NP Lavrov]");
  // … a second predicate (with or without its own subject) starts a new one.
  EXPECT_EQ(Bracket("Kim/PROPN tiba/VERB ,/PUNCT lalu/ADV bertemu/VERB Putin/PROPN", true),
            "[0:NP Kim] [0:VP tiba] [1:VP bertemu] [1:NP Putin]");
  EXPECT_EQ(Bracket("Kim/PROPN tiba/VERB dan/CCONJ Putin/PROPN menyambut/VERB", true),
            "[0:NP Kim] [0:VP tiba] [1:NP Putin] [1:VP menyambut]");
}

TEST(Chunker, AFrontedSubordinateClauseEndsWhereTheMainSubjectStarts) {
  // With a comma, the subject may be several apposed noun phrases.
  EXPECT_EQ(Bracket("Usai/SCONJ tiba/VERB di/ADP Hanoi/PROPN ,/PUNCT Presiden/PROPN AS/PROPN "
                    "(/PUNCT Amerika/PROPN )/PUNCT Biden/PROPN bertemu/VERB Xi/PROPN",
                    true),
            "[0:SBAR Usai] [0:VP tiba] [0:PP di] [0:NP Hanoi] [1:NP Presiden AS] [1:NP Amerika] "
            "[1:NP Biden] [1:VP bertemu] [1:NP Xi]");
  // Without one: after the subordinate predicate's object.
  EXPECT_EQ(Bracket("Usai/SCONJ menggelar/VERB pertemuan/NOUN itu/DET Biden/PROPN "
                    "mengunjungi/VERB Hanoi/PROPN",
                    true),
            "[0:SBAR Usai] [0:VP menggelar] [0:NP pertemuan itu] [1:NP Biden] [1:VP mengunjungi] "
            "[1:NP Hanoi]");
  // A noun phrase right after the predicate is its object, even when a verb follows it.
  EXPECT_EQ(Bracket("Setelah/SCONJ polisi/NOUN menduga/VERB pelaku/NOUN melarikan/VERB", true),
            "[0:SBAR Setelah] [0:NP polisi] [0:VP menduga] [0:NP pelaku] [0:VP melarikan]");
  // "untuk" read as ADP opens a clause before a verb, not before a noun.
  EXPECT_EQ(Bracket("Kim/PROPN mengajak/VERB Putin/PROPN untuk/ADP berkunjung/VERB", true),
            "[0:NP Kim] [0:VP mengajak] [0:NP Putin] [1:SBAR untuk] [1:VP berkunjung]");
  EXPECT_EQ(Bracket("dana/NOUN untuk/ADP sekolah/NOUN", true),
            "[0:NP dana] [0:PP untuk] [0:NP sekolah]");
}

TEST(Chunker, ACapitalisedPrepositionInsideANameIsPartOfIt) {
  EXPECT_EQ(Bracket("ke/ADP Sekolah/PROPN Menengah/PROPN Atas/ADP 33/NUM Tangerang/PROPN"),
            "[PP ke] [NP Sekolah Menengah Atas 33 Tangerang]");
  EXPECT_EQ(Bracket("Kantor/PROPN di/ADP Jakarta/PROPN"), "[NP Kantor] [PP di] [NP Jakarta]");
}

TEST(Chunker, VoiceFromThePrefixAgainstTheLemma) {
  using V = Chunk::Voice;
  EXPECT_EQ(Chunker::VerbVoice("ditangkap", "tangkap"), V::kPassive);
  EXPECT_EQ(Chunker::VerbVoice("diperkuat", "kuat"), V::kPassive);
  EXPECT_EQ(Chunker::VerbVoice("tertangkap", "tangkap"), V::kTer);
  EXPECT_EQ(Chunker::VerbVoice("menangkap", "tangkap"), V::kActive);
  EXPECT_EQ(Chunker::VerbVoice("diskusi", "diskusi"), V::kActive);  // the lemma starts so
  EXPECT_EQ(Chunker::VerbVoice("terima", "terima"), V::kActive);
  EXPECT_EQ(Chunker::VerbVoice("didik", ""), V::kActive);  // unknown lemma
}

TEST(UdChunks, BaseNounPhrasesStopAtPrepositions) {
  // "Kunjungan Presiden ke Moskow tidak dibatalkan."
  std::vector<UdWord> s = {
      {"Kunjungan", "kunjung", "NOUN", "", "nsubj:pass", 5},
      {"Presiden", "presiden", "PROPN", "", "nmod", 0},
      {"ke", "ke", "ADP", "", "case", 3},
      {"Moskow", "Moskow", "PROPN", "", "nmod", 0},
      {"tidak", "tidak", "PART", "", "advmod", 5},
      {"dibatalkan", "batal", "VERB", "Voice=Pass", "root", -1},
      {".", ".", "PUNCT", "", "punct", 5},
  };
  std::string got;
  for (const Chunk& c : UdChunks(s, TheChunker().classes())) {
    got += std::string(ChunkTypeName(c.type)) + "(" + std::to_string(c.first_word) + "," +
           std::to_string(c.end_word) + ") ";
  }
  EXPECT_EQ(got, "NP(0,2) PP(2,3) NP(3,4) VP(4,6) ");
}

TEST(SyntaxStage, ClausesRunOverTheDocument) {
  static const auto p = testing::TextPipeline({"text", "syntax"});
  Document d =
      testing::RunOnText(*p, "Putin tiba di Pyongyang. Kim menyambutnya ketika Putin tiba.");
  ASSERT_TRUE(d.chunks);
  ASSERT_FALSE(d.chunks->empty());
  EXPECT_EQ(d.chunks->front().clause, 0u);
  EXPECT_EQ(d.chunks->back().clause, 2u);  // sentence 2 has two clauses
  for (const Chunk& c : *d.chunks) EXPECT_LT(c.first_word, c.end_word);
}

}  // namespace
}  // namespace linimasa::syntax
