#include "ner/titles.h"

#include <gtest/gtest.h>

#include "ner/ner_tagger.h"

namespace linimasa::ner {
namespace {

// "O B-PER I-PER …" ↔ label indexes.
std::vector<uint8_t> L(const std::vector<std::string>& names) {
  const auto& all = NerTagger::Labels();
  std::vector<uint8_t> out;
  for (const auto& n : names)
    out.push_back(static_cast<uint8_t>(std::find(all.begin(), all.end(), n) - all.begin()));
  return out;
}

TEST(TitleTrimmer, PersonSpansStartAfterTheirTitles) {
  const TitleTrimmer t({"menhub", "wakil ketua", "dr.", "kombes pol", "kombes"});
  std::vector<std::string_view> toks = {"kata",    "Menhub", "Budi",  "Karya", "dan", "Dr.",
                                        "Jamhari", "dari",   "Wakil", "Ketua", "DPR"};
  auto labels =
      L({"O", "B-PER", "I-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER", "I-PER", "B-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "B-PER", "I-PER", "O", "O", "B-PER", "O", "B-PER", "I-PER",
                       "B-ORG"}));  // "Wakil Ketua" alone keeps its only words
  // Stacked titles, longest first; other types untouched.
  toks = {"Kombes", "Pol", "Ade", "Ary", "Menhub"};
  labels = L({"B-PER", "I-PER", "I-PER", "I-PER", "B-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "B-PER", "I-PER", "B-ORG"}));
}

// Other spans lose an office's title before capitalised words; a profession ("Dokter Lintas
// Batas"), a span that is a title whole ("Menteri Keuangan") and a title before a lower-case word
// stay.
TEST(TitleTrimmer, OtherSpansLoseTheOfficesTitleTheyOpenWith) {
  const TitleTrimmer t({"general manager", "kapolres", "menteri keuangan", "menteri", "dokter"}, {},
                       {}, {}, {"dokter"});
  std::vector<std::string_view> toks = {"General",  "Manager", "Perum",   "Perumnas", "dan",
                                        "Kapolres", "Bogor",   "serta",   "Dokter",   "Lintas",
                                        "Batas",    "dan",     "Menteri", "Keuangan"};
  auto labels = L({"B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC", "I-LOC", "O", "B-ORG", "I-ORG",
                   "I-ORG", "O", "B-ORG", "I-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "B-ORG", "I-ORG", "O", "O", "B-LOC", "O", "B-ORG", "I-ORG",
                       "I-ORG", "O", "B-ORG", "I-ORG"}));
}

TEST(TitleTrimmer, AnInitialAfterAPersonsNameContinuesIt) {
  const TitleTrimmer t({"menhub"});
  // "Kata Stephen R. Covey": the tagger gave "Stephen" and "R. Covey" (ORG); the CoNLL sets write
  // the initial's period apart ("R" ".").
  std::vector<std::string_view> toks = {"Kata", "Stephen", "R.", "Covey", "."};
  auto labels = L({"O", "B-PER", "B-ORG", "I-ORG", "O"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-PER", "I-PER", "I-PER", "O"}));
  toks = {"Stephen", "R", ".", "Covey"};
  labels = L({"B-PER", "B-ORG", "I-ORG", "I-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"B-PER", "I-PER", "I-PER", "I-PER"}));
  // Not after another type, nor a word that is no initial.
  toks = {"Bank", "Mandiri", "A.", "Yani", "Jakarta", "Budi"};
  labels = L({"B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-LOC", "B-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-LOC", "B-ORG"}));
}

TEST(TitleTrimmer, ASpanStartingInsideATitleLosesTheTitlesWords) {
  const TitleTrimmer t({"menteri luar negeri", "menteri"});
  std::vector<std::string_view> toks = {"Menteri", "Luar", "Negeri", "Sugiono", "dan", "Negeri"};
  auto labels = L({"O", "O", "B-PER", "I-PER", "O", "B-PER"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "O", "B-PER", "O", "B-PER"}));
}

TEST(TitleTrimmer, TitlesThatArePartOfANameStay) {
  auto t = TitleTrimmer::Load(LINIMASA_TEST_DATA);
  ASSERT_TRUE(t.ok()) << t.status().message();
  std::vector<std::string_view> toks = {"Ratu", "Atut", "dan", "Presiden", "Prabowo"};
  auto labels = L({"B-PER", "I-PER", "O", "B-PER", "I-PER"});
  t->Trim(toks, labels);
  EXPECT_EQ(labels, L({"B-PER", "I-PER", "O", "O", "B-PER"}));
  // "Sdr." (saudara), the form of address of police and disciplinary reports.
  // A profession (marked "person") before a name.
  toks = {"Psikolog", "Lisa", "Firestone", "menulis"};
  labels = L({"B-PER", "I-PER", "I-PER", "O"});
  t->Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-PER", "I-PER", "O"}));
  toks = {"Sdr.", "Vladimir", "Vujovic", "dihukum"};
  labels = L({"B-PER", "I-PER", "I-PER", "O"});
  t->Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-PER", "I-PER", "O"}));
}

TEST(TitleTrimmer, ASpanOfAnyTypeLosesTheSentenceOpenerItStartsWith) {
  const TitleTrimmer t({}, {}, {}, {"dilansir", "pihak"});
  std::vector<std::string_view> toks = {"Dilansir", "Chicago", "Tribune", ",", "Pihak", "KPK"};
  auto labels = L({"B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-ORG", "I-ORG", "O", "O", "B-ORG"}));
  // Not when nothing capitalised follows in the span, nor a word that is no lead word.
  toks = {"Dilansir", "laman", "Pihak", "Soompi"};
  labels = L({"B-PER", "I-PER", "O", "B-PER"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"B-PER", "I-PER", "O", "B-PER"}));
  // The shipped list: "Kehadiran Cole" is Cole; "Dan Brown" keeps its first name.
  auto shipped = TitleTrimmer::Load(LINIMASA_TEST_DATA);
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  toks = {"Kehadiran", "Cole", ".", "Dan", "Brown"};
  labels = L({"B-PER", "I-PER", "O", "B-PER", "I-PER"});
  shipped->Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-PER", "O", "B-PER", "I-PER"}));
}

TEST(TitleTrimmer, ARankInsideASpanSplitsItBeforeTheName) {
  const TitleTrimmer t({"kapolda", "irjen", "irjen pol"}, {"irjen", "irjen pol"});
  // A place span holding a rank and a name: the place, the rank outside, the person.
  std::vector<std::string_view> toks = {"Kapolda", "Metro", "Jaya", "Irjen", "Pol", "Karyoto"};
  auto labels = L({"O", "B-LOC", "I-LOC", "I-LOC", "I-LOC", "I-LOC"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-LOC", "I-LOC", "O", "O", "B-PER"}));
  // A person span: its part before the rank is the office's organisation.
  labels = L({"B-PER", "I-PER", "I-PER", "I-PER", "I-PER", "I-PER"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-ORG", "I-ORG", "O", "O", "B-PER"}));
  // No name after the rank (an acronym, the span's end): no split.
  toks = {"Inspektorat", "Irjen", "DPR", "dan", "Polda", "Irjen"};
  labels = L({"B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG"}));
  // A rank ending a span with a name right after it: the person's, outside the span.
  toks = {"Kapolda", "Metro", "Jaya", "Irjen", "Karyoto", "hadir"};
  labels = L({"O", "B-ORG", "I-ORG", "I-ORG", "B-PER", "O"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-ORG", "I-ORG", "O", "B-PER", "O"}));
  labels = L({"O", "O", "O", "B-ORG", "B-PER", "O"});  // the rank tagged on its own
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "O", "O", "B-PER", "O"}));
}

TEST(TitleTrimmer, ANameAfterAPersonRankIsAPersonAndANounRankSplitsNothing) {
  const TitleTrimmer t({"brigjen", "kapten"}, {"brigjen", "kapten"}, {"kapten"});
  std::vector<std::string_view> toks = {"Brigjen", "K.", "Lingga", "Rendra", "Raharja", "hadir"};
  auto labels = L({"O", "O", "B-ORG", "I-ORG", "I-ORG", "O"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "O", "B-PER", "I-PER", "I-PER", "O"}));
  labels = L({"O", "B-PER", "B-ORG", "I-ORG", "I-ORG", "O"});  // the initial tagged apart
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-PER", "I-PER", "I-PER", "I-PER", "O"}));
  // "Kapten" names a street after a hero, and is a team's captain: no split, no person.
  toks = {"di", "Jalan", "Kapten", "Tendean", "dan", "Kapten", "Chelsea"};
  labels = L({"O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-ORG"});
  t.Trim(toks, labels);
  EXPECT_EQ(labels, L({"O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "B-ORG"}));
}

}  // namespace
}  // namespace linimasa::ner
