#include "text/text_stage.h"

#include <gtest/gtest.h>

namespace linimasa::text {
namespace {

const Tokenizer& Tok() {
  static const Tokenizer t = [] {
    auto r = Tokenizer::Load(LINIMASA_TEST_DATA);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }();
  return t;
}

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<Token> toks;
  Tok().Tokenize(s, 0, s.size(), toks);
  std::vector<std::string> out;
  for (const Token& t : toks) out.push_back(s.substr(t.span.start, t.span.size()));
  return out;
}

using V = std::vector<std::string>;

TEST(Tokenizer, AbbreviationsTitlesAndInitials) {
  EXPECT_EQ(
      Tokens("Dr. Ani dan Prof. H. Budi, S.H., M.Si. tiba."),
      (V{"Dr.", "Ani", "dan", "Prof.", "H.", "Budi", ",", "S.H.", ",", "M.Si.", "tiba", "."}));
  EXPECT_EQ(Tokens("buah, sayur, dll. Lalu"), (V{"buah", ",", "sayur", ",", "dll.", "Lalu"}));
  EXPECT_EQ(Tokens("Jl. Melati No. 5"), (V{"Jl.", "Melati", "No.", "5"}));
}

TEST(Tokenizer, NumbersAmountsDatesTimes) {
  EXPECT_EQ(Tokens("1.500 km, Rp 1,25 triliun, 5,95 persen, 2%"),
            (V{"1.500", "km", ",", "Rp", "1,25", "triliun", ",", "5,95", "persen", ",", "2", "%"}));
  EXPECT_EQ(Tokens("Rabu (13/9/2023) pukul 07:09 WIB"),
            (V{"Rabu", "(", "13/9/2023", ")", "pukul", "07:09", "WIB"}));
  EXPECT_EQ(Tokens("pada 1950-an dan Rp9.000"), (V{"pada", "1950-an", "dan", "Rp", "9.000"}));
}

TEST(Tokenizer, UrlsEmailsHandlesHashtagsDomains) {
  EXPECT_EQ(Tokens("Lihat https://news.detik.com/a?b=1, atau tulis ke redaksi@contoh.co.id."),
            (V{"Lihat", "https://news.detik.com/a?b=1", ",", "atau", "tulis", "ke",
               "redaksi@contoh.co.id", "."}));
  EXPECT_EQ(Tokens("@jokowi #Pemilu2024 Tribunnews.com REPUBLIKA.CO.ID,"),
            (V{"@jokowi", "#Pemilu2024", "Tribunnews.com", "REPUBLIKA.CO.ID", ","}));
}

TEST(Tokenizer, ReduplicationCompoundsQuotesDashes) {
  EXPECT_EQ(
      Tokens("negara-negara bertahun-tahun DPRK-Rusia multi-kutub Covid-19 Jum'at"),
      (V{"negara-negara", "bertahun-tahun", "DPRK-Rusia", "multi-kutub", "Covid-19", "Jum'at"}));
  EXPECT_EQ(Tokens("“Ya,” katanya – lalu… ‘tidak’ — \"oke\"..."),
            (V{"“", "Ya", ",", "”", "katanya", "–", "lalu", "…", "‘", "tidak", "’", "—", "\"",
               "oke", "\"", "..."}));
  EXPECT_EQ(Tokens("Moody's"), (V{"Moody", "'s"}));
  EXPECT_EQ(Tokens("``Apa?'' katanya"), (V{"``", "Apa", "?", "''", "katanya"}));
  EXPECT_EQ(Tokens("seluas 60 km² dan 5 m³."), (V{"seluas", "60", "km²", "dan", "5", "m³", "."}));
}

TEST(Tokenizer, WordsGluedByADroppedSpaceAreTwoTokens) {
  EXPECT_EQ(Tokens("Dilansir dariReuters, kata Budi kepadadetikSulsel dalam catatandetikcom."),
            (V{"Dilansir", "dari", "Reuters", ",", "kata", "Budi", "kepada", "detikSulsel", "dalam",
               "catatan", "detikcom", "."}));
  EXPECT_EQ(Tokens("MenurutInternational Maritime Organization"),
            (V{"Menurut", "International", "Maritime", "Organization"}));
  EXPECT_EQ(Tokens("Dirangkumdetikcom, Jumat"), (V{"Dirangkum", "detikcom", ",", "Jumat"}));
  // Not names written in camel case, nor the outlet's brand on its own.
  EXPECT_EQ(
      Tokens("iPhone YouTube McDonald AntaraNews detikNews PlayStation Detikcom"),
      (V{"iPhone", "YouTube", "McDonald", "AntaraNews", "detikNews", "PlayStation", "Detikcom"}));
}

TEST(Tokenizer, AListNumberGluedToTheWordBeforeItIsItsOwnToken) {
  // A list that lost its line breaks: the item numbers stick to the words before them.
  EXPECT_EQ(Tokens("Saifullah Yusuf2. Kepala BGN Dadan Hindayana3. Menteri"),
            (V{"Saifullah", "Yusuf", "2", ".", "Kepala", "BGN", "Dadan", "Hindayana", "3", ".",
               "Menteri"}));
  EXPECT_EQ(Tokens("Rp 12 miliar10. Badan Rp 9 miliar11. Dinas"),
            (V{"Rp", "12", "miliar", "10", ".", "Badan", "Rp", "9", "miliar", "11", ".", "Dinas"}));
  // Not the informal reduplication, capitals, or a word that goes on.
  EXPECT_EQ(Tokens("kira2. Dia"), (V{"kira2", ".", "Dia"}));
  EXPECT_EQ(Tokens("KTT G20. Lalu COVID19. Lalu iPhone7s"),
            (V{"KTT", "G20", ".", "Lalu", "COVID19", ".", "Lalu", "iPhone7s"}));
  EXPECT_EQ(Tokens("Yusuf2. kemudian"), (V{"Yusuf2", ".", "kemudian"}));
  // No neighbouring item: a name with a number ("Moto3").
  EXPECT_EQ(Tokens("di kelas Moto3. Pada Jumat"),
            (V{"di", "kelas", "Moto3", ".", "Pada", "Jumat"}));
}

std::unique_ptr<Stage> Stage_() {
  StageContext ctx;
  ctx.data_dir = LINIMASA_TEST_DATA;
  auto s = TextStage::Create(ctx);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

std::vector<std::string> Sentences(const std::string& text) {
  static auto stage = Stage_();
  Document d;
  d.text = text;
  EXPECT_TRUE(stage->Process(d).ok());
  std::vector<std::string> out;
  for (const Sentence& s : *d.sentences) out.push_back(text.substr(s.span.start, s.span.size()));
  return out;
}

TEST(Splitter, HardCases) {
  EXPECT_EQ(Sentences("\"Ketika saya sampai di sana, Anda akan tahu,\" ujarnya. Peskov diam."),
            (V{"\"Ketika saya sampai di sana, Anda akan tahu,\" ujarnya.", "Peskov diam."}));
  EXPECT_EQ(Sentences("Ia bertemu Dr. Ani di Jl. Melati. Lalu pulang."),
            (V{"Ia bertemu Dr. Ani di Jl. Melati.", "Lalu pulang."}));
  EXPECT_EQ(Sentences("Harga naik 5,95 persen. Inflasi 2,1 persen."),
            (V{"Harga naik 5,95 persen.", "Inflasi 2,1 persen."}));
  EXPECT_EQ(Sentences("Judul Tanpa Titik\nKalimat pertama. Kedua?"),
            (V{"Judul Tanpa Titik", "Kalimat pertama.", "Kedua?"}));
  EXPECT_EQ(
      Sentences("“Ini akan jadi kunjungan penuh. Akan ada negosiasi,” kata Peskov. Kim tiba."),
      (V{"“Ini akan jadi kunjungan penuh. Akan ada negosiasi,” kata Peskov.", "Kim tiba."}));
  EXPECT_EQ(Sentences("Dia bertanya, \"Apa?\" lalu pergi."),
            (V{"Dia bertanya, \"Apa?\" lalu pergi."}));
  EXPECT_EQ(Sentences("Agus D.W. Martowardojo hadir."), (V{"Agus D.W. Martowardojo hadir."}));
  // A quotation that ends its sentence ends it; one that goes on ("… ," kata …) does not.
  EXPECT_EQ(Sentences("Ia berkata, \"Itu harus dikejar.\" Namun risiko naik."),
            (V{"Ia berkata, \"Itu harus dikejar.\"", "Namun risiko naik."}));
  EXPECT_EQ(Sentences("Gelar Ph. D. diraih Tb. Hasan di AS."),
            (V{"Gelar Ph. D. diraih Tb. Hasan di AS."}));
  // A short parenthesis holds its sentence together ("(SSK. II)"), unless its period ends it.
  EXPECT_EQ(Sentences("Bandara Sultan Syarif Kasim (SSK. II) Pekanbaru dibuka. Lalu ramai."),
            (V{"Bandara Sultan Syarif Kasim (SSK. II) Pekanbaru dibuka.", "Lalu ramai."}));
  EXPECT_EQ(Sentences("Harga naik (lihat tabel.) Inflasi turun."),
            (V{"Harga naik (lihat tabel.)", "Inflasi turun."}));
  // A period glued to a number is a decimal point: "kaliber .50".
  EXPECT_EQ(Sentences("Senapan kaliber .50 dipakai. Lalu senyap."),
            (V{"Senapan kaliber .50 dipakai.", "Lalu senyap."}));
  // A TeX-style opening quote or a typed dash opens a sentence.
  EXPECT_EQ(Sentences("Ia pergi ke negara itu. ``Apa? Ia datang. -- 13 September 2012"),
            (V{"Ia pergi ke negara itu.", "``Apa?", "Ia datang.", "-- 13 September 2012"}));
}

struct Analysed {
  std::vector<std::string> words, lemmas;
};

Analysed Words(const std::string& text) {
  static auto stage = Stage_();
  Document d;
  d.text = text;
  EXPECT_TRUE(stage->Process(d).ok());
  Analysed a;
  for (const Word& w : *d.words) {
    a.words.push_back(text.substr(w.span.start, w.span.size()));
    a.lemmas.push_back(w.lemma);
  }
  return a;
}

TEST(Clitics, SplitOnlyRealClitics) {
  EXPECT_EQ(Words("membelinya rumahnya apakah tidaklah").words,
            (V{"membeli", "nya", "rumah", "nya", "apa", "kah", "tidak", "lah"}));
  EXPECT_EQ(Words("hanya punya tanya telah adalah sebelumnya Kenya").words,
            (V{"hanya", "punya", "tanya", "telah", "adalah", "sebelumnya", "Kenya"}));
}

// "-nya" is "dia" as a pronoun (his house) and itself as a determiner (the impact), as UD
// Indonesian GSD writes them.
TEST(Lemmas, TheClitic_nyaIsDiaAsAPronounAndItselfAsADeterminer) {
  EXPECT_EQ(Words("Rumahnya besar.").lemmas, (V{"rumah", "dia", "besar", "."}));
  EXPECT_EQ(Words("Dampaknya terasa.").lemmas, (V{"dampak", "nya", "rasa", "."}));
}

// A proper noun keeps its form as its lemma; the same word as a common noun is stripped.
TEST(Lemmas, AProperNounIsItsOwnLemma) {
  Analysed a = Words("Warga Kecamatan Cibeunying datang ke kecamatan itu.");
  EXPECT_EQ(a.lemmas[1], "kecamatan");
  EXPECT_EQ(a.lemmas[5], "camat");
}

TEST(Lemmas, AffixesAndNames) {
  Analysed a = Words(
      "mendesain peralatan pertemuannya mengunjungi negara-negara bertahun-tahun Putin Belousov "
      "Vostochny");
  EXPECT_EQ(a.lemmas, (V{"desain", "alat", "temu", "dia", "kunjung", "negara", "tahun", "putin",
                         "belousov", "vostochny"}));
}

}  // namespace
}  // namespace linimasa::text
