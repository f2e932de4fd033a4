#include <gtest/gtest.h>

#include <map>
#include <set>

#include "entities/kb.h"
#include "entities/linker.h"
#include "entities/short_forms.h"
#include "linimasa/pipeline.h"
#include "stage_test_util.h"

namespace linimasa::entities {
namespace {

Document Analyze(const std::string& text) {
  static const auto pipeline = testing::TextPipeline({"text", "entities"});
  return testing::RunOnText(*pipeline, text);
}

// surface → id for every mention.
std::multimap<std::string, std::string> Ids(const std::string& text) {
  Document d = Analyze(text);
  std::multimap<std::string, std::string> out;
  for (const Entity& e : *d.entities) out.emplace(text.substr(e.span.start, e.span.size()), e.id);
  return out;
}

// surface → id and surface → type of the document's mentions (the last of a surface wins).
struct BySurface {
  std::map<std::string, std::string> id, type;
};
BySurface Surfaces(const Document& d) {
  BySurface out;
  for (const Entity& e : *d.entities) {
    const std::string surface = d.text->substr(e.span.start, e.span.size());
    out.id[surface] = e.id;
    out.type[surface] = e.type;
  }
  return out;
}

std::string IdOf(const std::multimap<std::string, std::string>& m, const std::string& surface) {
  auto it = m.find(surface);
  return it == m.end() ? "(none)" : it->second;
}

TEST(NameKeys, FoldCaseHyphensDiacriticsAndTransliteration) {
  EXPECT_EQ(NameKey("Kim Jong-un"), NameKey("Kim Jong Un"));
  EXPECT_EQ(NameKey("António  Guterres"), "antonio guterres");
  EXPECT_EQ(VariantKey("Sergey Lavrov"), VariantKey("Sergei Lavrov"));
  EXPECT_EQ(VariantKey("Volodymyr Zelenskyy"), VariantKey("Volodymyr Zelenskiy"));
  EXPECT_NE(VariantKey("Kim Jong Un"), VariantKey("Kim Yo Jong"));
  EXPECT_NE(VariantKey("Komisi II"), VariantKey("Komisi III"));  // Roman numerals as written
  EXPECT_NE(VariantKey("Komisi XI"), VariantKey("Komisi XIII"));
  EXPECT_NE(VariantKey("PPK"), VariantKey("PK"));  // an acronym's letters as written
}

TEST(Kb, ExactCaseAcronymsAndMergedRows) {
  auto kb = Kb::Load(LINIMASA_TEST_DATA);
  ASSERT_TRUE(kb.ok()) << kb.status().message();
  ASSERT_NE(kb->Lookup("AS"), nullptr);
  EXPECT_EQ(kb->Lookup("AS")->id, "gpe:US");
  EXPECT_EQ(kb->Lookup("as"), nullptr);  // the word "as" is not the United States
  EXPECT_EQ(kb->Lookup("Korut")->canonical, "North Korea");
  EXPECT_EQ(kb->Lookup("Korut")->iso, "KP");
  EXPECT_EQ(kb->Lookup("Federasi Rusia")->canonical, "Russia");  // curated row overrides
  EXPECT_EQ(kb->Lookup("Korea"), nullptr);  // shared by two countries: names neither
  // A head of state knows the state they lead; the linker still names the person.
  ASSERT_NE(kb->Lookup("Kim Jong-un"), nullptr);
  EXPECT_EQ(kb->Lookup("Kim Jong-un")->leads, "gpe:KP");
  EXPECT_EQ(kb->Lookup("Kim Jong-un")->type, "PER");
}

TEST(Kb, UserFileErrorsNameTheLine) {
  std::string path = ::testing::TempDir() + "/bad_kb.tsv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("# comment\norg:x\tTEAM\tX Corp\n", f);
    std::fclose(f);
  }
  auto kb = Kb::Load(LINIMASA_TEST_DATA, {path});
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.status().message().find("bad_kb.tsv:2"), std::string::npos) << kb.status().message();
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("per:x\tPER\tX Y\t\tX Y\t\t\t\tperhaps\n", f);
    std::fclose(f);
  }
  kb = Kb::Load(LINIMASA_TEST_DATA, {path});
  ASSERT_FALSE(kb.ok());
  EXPECT_NE(kb.status().message().find("bad_kb.tsv:1: last_name"), std::string::npos)
      << kb.status().message();
}

TEST(Linker, CountryAliasesShareOneId) {
  auto m = Ids("Korea Utara dan Rusia sepakat. Korut menyebut hubungan DPRK-Rusia penting.");
  EXPECT_EQ(IdOf(m, "Korea Utara"), "gpe:KP");
  EXPECT_EQ(IdOf(m, "Korut"), "gpe:KP");
  EXPECT_EQ(IdOf(m, "DPRK"), "gpe:KP");  // a part of a hyphenated compound
  EXPECT_EQ(IdOf(m, "Rusia"), "gpe:RU");
}

// A one-word name the KB gives to a person is another person's where the article names that
// one in full; a last word that is no family name (KB last_name "no") names nobody alone.
TEST(Linker, AKbPersonsShortNameYieldsToAFullerNameInTheArticle) {
  auto m = Ids("Pelatih Persib Ganjar Mukti puas. Kami siap, tandas Ganjar.");
  EXPECT_EQ(IdOf(m, "Ganjar"), IdOf(m, "Ganjar Mukti"));
  EXPECT_NE(IdOf(m, "Ganjar"), "per:ganjar_pranowo");
  m = Ids("Gubernur Ganjar Pranowo meninjau banjir. Ganjar meminta warga waspada.");
  EXPECT_EQ(IdOf(m, "Ganjar"), "per:ganjar_pranowo");
  m = Ids("Ganjar meminta warga waspada. Kemarin Ahok datang.");
  EXPECT_EQ(IdOf(m, "Ganjar"), "per:ganjar_pranowo");
  EXPECT_EQ(IdOf(m, "Ahok"), "per:basuki_tjahaja_purnama");
  // "Iskandar" alone is not Muhaimin Iskandar; "Putin" alone is Vladimir Putin.
  m = Ids("Ketua NasDem Sumut Iskandar mengalami kejadian itu. Putin disambut di Beijing.");
  EXPECT_NE(IdOf(m, "Iskandar"), "per:muhaimin_iskandar");
  EXPECT_EQ(IdOf(m, "Putin"), "per:vladimir_putin");
}

// A country in a currency's name is no mention of the state ("dolar AS", "Dolar Singapura"); a
// person named like a currency stays ("Frank Lampard").
TEST(EntityStage, ACountryInACurrencysNameIsNoMention) {
  auto m =
      Ids("Rupiah melemah ke Rp 16.000 per dolar AS, sementara yen Jepang menguat. Dolar "
          "Singapura naik. Presiden AS Donald Trump dan Frank Lampard hadir.");
  EXPECT_EQ(m.count("AS"), 1u);  // the president's state only
  EXPECT_EQ(m.count("Jepang"), 0u);
  EXPECT_EQ(m.count("Singapura"), 0u);
  EXPECT_EQ(m.count("Dolar Singapura"), 0u);
  EXPECT_EQ(IdOf(m, "Frank Lampard"), "per:frank_lampard");
  // The country's short form in parentheses after it too; not after a title.
  m =
      Ids("Nilai tukar dolar Amerika Serikat (AS) menguat. Presiden Amerika Serikat (AS) Donald "
          "Trump berbicara.");
  EXPECT_EQ(m.count("AS"), 1u);
  EXPECT_EQ(m.count("Amerika Serikat"), 1u);
}

TEST(EntityStage, CommunityAssociationsAreOrganisations) {
  // "Paguyuban", "Sanggar", "Padepokan" open an organisation's name, defined with its short form
  // or not.
  auto m =
      Ids("Paguyuban Pengemudi Angkutan Darat (PPAD) mengapresiasi langkah itu. Anggota "
          "Sanggar Tari Kembang Sore ikut tampil.");
  EXPECT_EQ(IdOf(m, "PPAD"), IdOf(m, "Paguyuban Pengemudi Angkutan Darat"));
  EXPECT_NE(IdOf(m, "PPAD"), "(none)");
  EXPECT_EQ(IdOf(m, "Sanggar Tari Kembang Sore").substr(0, 4), "org:");
}

// Centres, task forces, cabinets and research units open names too; "Pusat" ending a name
// ("Komisi Informasi Pusat") stays in it.
TEST(EntityStage, CentresTaskForcesAndCabinetsAreOrganisations) {
  auto m =
      Ids("Hal itu disampaikan Pusat Penerangan Hukum (Puspenkum) Kejaksaan Agung. Menurut dia, "
          "kinerja "
          "Kabinet Merah Putih baik, kata Satgas PPKPT. KPU berkoordinasi dengan Komisi Informasi "
          "Pusat RI.");
  EXPECT_EQ(IdOf(m, "Puspenkum"), IdOf(m, "Pusat Penerangan Hukum"));
  EXPECT_EQ(IdOf(m, "Puspenkum").substr(0, 4), "org:");
  EXPECT_EQ(IdOf(m, "Kabinet Merah Putih").substr(0, 4), "org:");
  EXPECT_EQ(IdOf(m, "Satgas PPKPT").substr(0, 4), "org:");
  EXPECT_EQ(IdOf(m, "Komisi Informasi Pusat RI").substr(0, 4), "org:");
  // After a sentence's first word that is no name.
  m = Ids("Bahkan Dinas Komunikasi dan Informatika Kota Bekasi telah melayangkan surat.");
  EXPECT_EQ(IdOf(m, "Dinas Komunikasi dan Informatika Kota Bekasi").substr(0, 4), "org:");
}

// A product named with its maker's name is a mention of the maker, not an organisation of its own;
// the maker's companies, arms and namesakes keep their names.
TEST(EntityStage, AProductOpenedByItsMakersNameIsTheMakersMention) {
  auto m =
      Ids("Samsung Galaxy S8 dijual di Jakarta. Pengguna Google Maps bertambah. Samsung "
          "Electronics melaporkan laba, kata Google Indonesia. Pebulu tangkis Sony Dwi Kuncoro "
          "kalah.");
  EXPECT_EQ(IdOf(m, "Samsung"), "org:samsung");
  EXPECT_EQ(IdOf(m, "Google"), "org:google");
  EXPECT_EQ(IdOf(m, "Samsung Galaxy S8"), "(none)");
  EXPECT_EQ(IdOf(m, "Google Maps"), "(none)");
  EXPECT_NE(IdOf(m, "Samsung Electronics"), "(none)");
  EXPECT_NE(IdOf(m, "Google Indonesia"), "(none)");
  EXPECT_EQ(IdOf(m, "Sony Dwi Kuncoro").substr(0, 4), "per:");
}

// Two offices a "dan" lists are two organisations, and an office's name goes on over "dan" and
// the capitalised words the tagger left out; a name whose "dan" joins other words is one.
TEST(EntityStage, OfficesListedWithDanAreTwoAndAnOfficesNameGoesOnOverDan) {
  auto m =
      Ids("Dinas yang dimaksud yakni, Dinas Pariwisata dan Dinas Kependudukan dan Catatan Sipil "
          "yang ditempatkan di Gedung Siola. Partai Keadilan dan Persatuan Indonesia (PKPI) "
          "mendaftar.");
  EXPECT_EQ(IdOf(m, "Dinas Pariwisata").substr(0, 4), "org:");
  EXPECT_EQ(IdOf(m, "Dinas Kependudukan dan Catatan Sipil").substr(0, 4), "org:");
  EXPECT_NE(IdOf(m, "Dinas Pariwisata"), IdOf(m, "Dinas Kependudukan dan Catatan Sipil"));
  EXPECT_EQ(IdOf(m, "PKPI"), IdOf(m, "Partai Keadilan dan Persatuan Indonesia"));
}

// Ministers the KB knows are linked by the names the news writes; a word of a time expression
// is no name, though it is the last word of a person's named in the article ("Raja Juli", "pada
// Juli lalu").
TEST(EntityStage, AWordOfATimeExpressionIsNoPersonsLastName) {
  static const auto pipeline = testing::TextPipeline({"text", "time", "entities"});
  const std::string text =
      "Menteri Kehutanan Raja Juli hadir. Ia berjanji saat Kongres PSI pada Juli lalu. "
      "Menurut Abdul Mu'ti, sekolah dibuka. Mu'ti menambahkan dapur dibangun.";
  Document d = testing::RunOnText(*pipeline, text);
  BySurface m = Surfaces(d);
  EXPECT_EQ(m.id["Raja Juli"], "per:raja_juli_antoni");
  EXPECT_EQ(m.id.count("Juli"), 0u);
  EXPECT_EQ(m.id["Mu'ti"], "per:abdul_muti");
}

// Universities the KB knows share one id by name and short form; a faculty named before one is
// an organisation of its own, though a short word ("itu") ends the sentence after it.
TEST(EntityStage, UniversitiesAreKnownAndTheirFacultiesNamedBeforeThem) {
  auto m =
      Ids("Ia guru besar Fakultas Kehutanan Universitas Gadjah Mada itu. Mahasiswa UGM dan Unpad "
          "hadir.");
  EXPECT_EQ(IdOf(m, "Universitas Gadjah Mada"), "org:ugm");
  EXPECT_EQ(IdOf(m, "UGM"), "org:ugm");
  EXPECT_EQ(IdOf(m, "Unpad"), "org:unpad");
  EXPECT_EQ(IdOf(m, "Fakultas Kehutanan").substr(0, 4), "org:");
  // Nor do names found already and titles after it make a headline of the sentence.
  m = Ids("Hadir pula Dekan Fakultas Pertanian UGM Dr. Jamhari.");
  EXPECT_EQ(IdOf(m, "Fakultas Pertanian").substr(0, 4), "org:");
  EXPECT_EQ(IdOf(m, "UGM"), "org:ugm");
}

// Armed groups the KB knows are organisations, a hyphenated name ("Al-Qaeda") whole.
TEST(EntityStage, ArmedGroupsAreKnownHyphenatedNamesWhole) {
  auto m = Ids("Kelompok Al-Qaeda mengaku bertanggung jawab. Taliban membantah, kata ISIS.");
  EXPECT_EQ(IdOf(m, "Al-Qaeda"), "org:al_qaeda");
  EXPECT_EQ(IdOf(m, "Taliban"), "org:taliban");
  EXPECT_EQ(IdOf(m, "ISIS"), "org:isis");
}

// Public figures the news names in several ways share the KB's id ("Habib Rizieq", "Rizieq
// Shihab"; "Setnov", "Setya Novanto").
TEST(EntityStage, PublicFiguresNamedInSeveralWaysShareOneId) {
  auto m =
      Ids("Polisi memeriksa Habib Rizieq. Kuasa hukum Rizieq Shihab membantah. Setnov hadir, kata "
          "Setya Novanto.");
  EXPECT_EQ(IdOf(m, "Habib Rizieq"), "per:rizieq_shihab");
  EXPECT_EQ(IdOf(m, "Rizieq Shihab"), "per:rizieq_shihab");
  EXPECT_EQ(IdOf(m, "Setnov"), IdOf(m, "Setya Novanto"));
}

// Leaders of the 2010s the KB knows are named whole, a Korean or Chinese name with its hyphen
// ("Moon Jae-in", "Tsai Ing-wen"), not cut ("San Suu Kyi" was a place).
TEST(EntityStage, PastLeadersAreNamedWholeAndByTheirFamilyName) {
  auto m = Ids(
      "Presiden Korea Selatan Moon Jae-in bertemu Aung San Suu Kyi. Presiden Taiwan Tsai Ing-wen "
      "menolak.");
  EXPECT_EQ(IdOf(m, "Moon Jae-in"), "per:moon_jae_in");
  EXPECT_EQ(IdOf(m, "Aung San Suu Kyi"), "per:aung_san_suu_kyi");
  EXPECT_EQ(IdOf(m, "Tsai Ing-wen"), "per:tsai_ing_wen");
}

// Jakarta's administrative cities, continents and islands are places the KB knows, whatever the
// tagger typed them, with one id by name and short form.
TEST(EntityStage, JakartasCitiesContinentsAndIslandsAreKnownPlaces) {
  auto m = Ids(
      "Ia tinggal di Menteng, Jakarta Pusat, lalu pindah ke Kalibata, Jaksel. Produk itu dijual "
      "di Eropa dan Asia Tenggara, juga di Pulau Jawa.");
  EXPECT_EQ(IdOf(m, "Jakarta Pusat"), "gpe:jakarta_pusat");
  EXPECT_EQ(IdOf(m, "Jaksel"), "gpe:jakarta_selatan");
  EXPECT_EQ(IdOf(m, "Eropa"), "loc:europe");
  EXPECT_EQ(IdOf(m, "Asia Tenggara"), "loc:southeast_asia");
  EXPECT_EQ(IdOf(m, "Pulau Jawa"), "loc:java");
}

// A kind of organisation takes no place after it into a name it would lose whole: the place stays.
TEST(EntityStage, APlaceAfterAKindOfOrganisationStays) {
  auto m =
      Ids("Sekolah itu dikelola Lembaga Pendidikan Perkebunan Yogyakarta. Tiga Badan Usaha "
          "Milik Daerah (BUMD) Sumatera Utara merugi.");
  EXPECT_EQ(IdOf(m, "Yogyakarta"), "gpe:ID-YO");
  EXPECT_EQ(IdOf(m, "Sumatera Utara"), "gpe:ID-SU");
  // An institution before a place is still its office there.
  m = Ids("Kejaksaan Negeri (Kejari) Sikka menahan tersangka. Dinas Pendidikan Jawa Barat libur.");
  EXPECT_EQ(m.count("Sikka"), 0u);
  EXPECT_EQ(m.count("Jawa Barat"), 0u);
}

// A report's opening word glued to the outlet's name ("Pantauandetikcom") is split by the
// tokenizer and names nobody; the outlet is no person.
TEST(EntityStage, AReportsOpeningWordIsNoName) {
  auto m =
      Ids("Pantauandetikcom, Senin (20/10/2025), warga berkumpul di depan Gedung Sate. "
          "Dirangkumdetikcom, Jumat (17/10/2025), rentetan kejadian itu terjadi di Bandung.");
  EXPECT_EQ(m.count("Pantauan"), 0u);
  EXPECT_EQ(m.count("Pantauandetikcom"), 0u);
  EXPECT_EQ(m.count("Dirangkum"), 0u);
  EXPECT_EQ(m.count("Dirangkumdetikcom"), 0u);
}

// World figures the news names by the last word alone are the KB's people; leaders lead their
// state.
TEST(Linker, WorldFiguresByTheirLastNameAreTheKbsPeople) {
  auto m = Ids("Messi mencetak gol. Presiden Ramaphosa tiba di Jakarta.");
  EXPECT_EQ(IdOf(m, "Messi"), "per:lionel_messi");
  EXPECT_EQ(IdOf(m, "Ramaphosa"), "per:cyril_ramaphosa");
  auto kb = Kb::Load(LINIMASA_TEST_DATA);
  ASSERT_TRUE(kb.ok()) << kb.status().message();
  ASSERT_NE(kb->Lookup("Keir Starmer"), nullptr);
  EXPECT_EQ(kb->Lookup("Keir Starmer")->leads, "gpe:GB");
  EXPECT_EQ(kb->Lookup("Lula"), nullptr);  // a place's name too
  // Last names that name others as well (a car, a common surname, another Gates) name nobody.
  EXPECT_NE(kb->PersonBySurname("musk"), nullptr);
  for (const char* w : {"swift", "huang", "gates", "iskandar"})
    EXPECT_EQ(kb->PersonBySurname(w), nullptr) << w;
  // A user's file may say so of a shipped person.
  std::string path = ::testing::TempDir() + "/no_last_name.tsv";
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    std::fputs("per:elon_musk\t\t\t\t\t\t\t\tno\n", f);
    std::fclose(f);
  }
  kb = Kb::Load(LINIMASA_TEST_DATA, {path});
  ASSERT_TRUE(kb.ok()) << kb.status().message();
  EXPECT_EQ(kb->PersonBySurname("musk"), nullptr);
  EXPECT_NE(kb->Lookup("Elon Musk"), nullptr);
}

// One short name said of two people the article names in full stays with the first it joined;
// the second full name keeps its own id.
TEST(Linker, AShortNameOfTwoPeopleJoinsOnlyOne) {
  auto m =
      Ids("Cristiano Ronaldo mencetak gol. Ronaldo senang. Legenda Brasil Ronaldo Nazario "
          "memuji. Ronaldo Nazario hadir.");
  EXPECT_EQ(IdOf(m, "Ronaldo"), IdOf(m, "Cristiano Ronaldo"));
  EXPECT_NE(IdOf(m, "Ronaldo Nazario"), IdOf(m, "Cristiano Ronaldo"));
  m =
      Ids("Direktur Utama Fahmi Darmawansyah menyuap pejabat. Fahmi mengaku bersalah. Kemudian "
          "Ali Fahmi membantu proses lelang. Fahmi lalu kabur ke Singapura.");
  EXPECT_EQ(IdOf(m, "Fahmi"), IdOf(m, "Fahmi Darmawansyah"));
  EXPECT_NE(IdOf(m, "Ali Fahmi"), IdOf(m, "Fahmi Darmawansyah"));
}

// No person's name ends with an organisation's word; a family name that is one stays a person's.
TEST(EntityStage, ANameEndingWithAnOrganisationsWordIsNoPersons) {
  const std::string text =
      "Shamrock Holdings merupakan perusahaan milik keluarga. Di Arsenal hanya ada Rob Holding dan "
      "Gabriel.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  ASSERT_TRUE(type.count("Shamrock Holdings"));
  EXPECT_EQ(type["Shamrock Holdings"], "ORG");
  ASSERT_TRUE(type.count("Rob Holding"));
  EXPECT_EQ(type["Rob Holding"], "PER");
}

TEST(Linker, CapitalActsForItsStateButStaysACityAsAPlace) {
  auto m = Ids("Pyongyang membantah tuduhan itu. Delegasi tiba di Pyongyang pada Senin.");
  std::vector<std::string> ids;
  for (auto it = m.lower_bound("Pyongyang"); it != m.upper_bound("Pyongyang"); ++it)
    ids.push_back(it->second);
  ASSERT_EQ(ids.size(), 2u);
  EXPECT_TRUE((ids[0] == "gpe:KP" && ids[1] == "gpe:pyongyang") ||
              (ids[1] == "gpe:KP" && ids[0] == "gpe:pyongyang"));
}

// Links hand-made mentions ("surface/TYPE", found left to right in `text`), so that the linker's
// mechanisms are tested apart from the tagger.
std::multimap<std::string, std::string> LinkGiven(const std::string& text,
                                                  const std::vector<std::string>& mentions) {
  static const auto text_stage = testing::TextPipeline({"text"}, {{"text.pos", "false"}});
  static const Kb kb = std::move(Kb::Load(LINIMASA_TEST_DATA)).value();
  static const LinkerLexicon lex = std::move(LinkerLexicon::Load(LINIMASA_TEST_DATA)).value();
  Document d = testing::RunOnText(*text_stage, text);
  std::vector<Mention> ms;
  size_t from = 0;
  for (const std::string& spec : mentions) {
    std::string surface = spec.substr(0, spec.rfind('/'));
    size_t at = text.find(surface, from);
    EXPECT_NE(at, std::string::npos) << surface;
    if (at == std::string::npos) continue;
    from = at + surface.size();
    Mention m;
    m.span = {at, at + surface.size()};
    m.type = spec.substr(spec.rfind('/') + 1);
    const auto& toks = *d.tokens;
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].span.start == at) m.first_token = t;
      if (toks[t].span.end == at + surface.size()) m.end_token = t + 1;
    }
    ms.push_back(m);
  }
  Linker linker(&kb, &lex);
  std::multimap<std::string, std::string> out;
  for (const Entity& e : linker.Link(d, ms))
    out.emplace(text.substr(e.span.start, e.span.size()), e.id);
  return out;
}

TEST(Linker, ShortNamesAndTitlesJoinTheFullName) {
  auto m = LinkGiven(
      "Pemimpin Korea Utara Kim Jong-un bertemu Hendra Wijaya. Kim berkata kepada Wijaya bahwa "
      "Presiden Kim puas.",
      {"Kim Jong-un/PER", "Hendra Wijaya/PER", "Kim/PER", "Wijaya/PER", "Presiden Kim/PER"});
  EXPECT_EQ(IdOf(m, "Kim Jong-un"), "per:kim_jong_un");  // KB, through the variant key
  EXPECT_EQ(IdOf(m, "Kim"), "per:kim_jong_un");
  EXPECT_EQ(IdOf(m, "Presiden Kim"), "per:kim_jong_un");
  EXPECT_EQ(IdOf(m, "Wijaya"), "per:hendra_wijaya");
  EXPECT_EQ(IdOf(m, "Hendra Wijaya"), "per:hendra_wijaya");
}

TEST(Linker, OneNameOneTypeInAnArticle) {
  // The tagger typed "Wirassatya" a place once: the article's other mentions say a person.
  auto m = LinkGiven(
      "Wirassatya meninjau pabrik itu. Menurut Wirassatya, upah naik. Wirassatya juga bertemu "
      "buruh.",
      {"Wirassatya/PER", "Wirassatya/LOC", "Wirassatya/PER"});
  EXPECT_EQ(m.count("Wirassatya"), 3u);
  for (auto [it, end] = m.equal_range("Wirassatya"); it != end; ++it)
    EXPECT_EQ(it->second, "per:wirasatya");  // (ids fold doubled letters)
  // A short form in capitals is typed by its context, not voted: "ujar JQ" stays a person.
  m = LinkGiven("JQ menolak. Warga JQ protes. Kata JQ, jalan itu ditutup.",
                {"JQ/ORG", "JQ/ORG", "JQ/PER"});
  std::set<std::string> ids;
  for (auto [it, end] = m.equal_range("JQ"); it != end; ++it) ids.insert(it->second);
  EXPECT_EQ(ids.size(), 2u);
}

TEST(Linker, NearestEarlierFullNameWins) {
  auto m =
      LinkGiven("Budi Santoso dan Ani Santoso hadir. Ani Santoso tiba dulu. Santoso tersenyum.",
                {"Budi Santoso/PER", "Ani Santoso/PER", "Ani Santoso/PER", "Santoso/PER"});
  EXPECT_EQ(IdOf(m, "Santoso"), "per:ani_santoso");
}

TEST(Linker, AcronymInParenthesesAndInitialsJoinTheExpansion) {
  auto m = LinkGiven(
      "Komisi Anti Rasuah Nasional (KARN) memeriksa Budi. Juru bicara KARN menolak. "
      "Lembaga Sensor Film (LSF) dan Badan Gizi Kota menyetujui. BGK diam.",
      {"Komisi Anti Rasuah Nasional/ORG", "KARN/ORG", "KARN/ORG", "Lembaga Sensor Film/ORG",
       "LSF/ORG", "Badan Gizi Kota/ORG", "BGK/ORG"});
  std::string id = IdOf(m, "Komisi Anti Rasuah Nasional");
  for (auto it = m.lower_bound("KARN"); it != m.upper_bound("KARN"); ++it)
    EXPECT_EQ(it->second, id);
  EXPECT_EQ(IdOf(m, "LSF"), IdOf(m, "Lembaga Sensor Film"));
  EXPECT_EQ(IdOf(m, "BGK"), IdOf(m, "Badan Gizi Kota"));  // initials, no parentheses
}

TEST(Linker, ParenthesisedKbNameLinksTheOtherSide) {
  auto m = LinkGiven("Partai Buruh Korut (WPK) bersidang.", {"Partai Buruh Korut/ORG", "WPK/ORG"});
  EXPECT_EQ(IdOf(m, "Partai Buruh Korut"), "org:wpk");
  m = LinkGiven("Ia bekerja di Kepolisian Republik Indonesia (Polri) sejak 2010.",
                {"Kepolisian Republik Indonesia/ORG", "Polri/ORG"});
  EXPECT_EQ(IdOf(m, "Kepolisian Republik Indonesia"), "org:polri");
  // An organisation the KB knows by a name that shares no word with the name before it is whose
  // that name is, not another name of it: a rider (typed ORG by the tagger) and his team.
  m = LinkGiven("6. Jorge Lorenzo (Ducati) 1'28.383", {"Jorge Lorenzo/ORG", "Ducati/ORG"});
  EXPECT_EQ(IdOf(m, "Ducati"), "org:ducati");
  EXPECT_NE(IdOf(m, "Jorge Lorenzo"), "org:ducati");
}

TEST(Linker, ClassNounsMakeOneIdAcrossLanguages) {
  auto a = LinkGiven("Mereka bertemu di kosmodrom Zarechny.", {"kosmodrom Zarechny/LOC"});
  auto b = LinkGiven("Mereka bertemu di Zarechny Cosmodrome.", {"Zarechny Cosmodrome/LOC"});
  EXPECT_EQ(IdOf(a, "kosmodrom Zarechny"), "loc:cosmodrome_zarechni");
  EXPECT_EQ(IdOf(a, "kosmodrom Zarechny"), IdOf(b, "Zarechny Cosmodrome"));
}

TEST(EntityStage, TheDatelineIsTaggedApartItsCityAPlaceItsOutletNoEntity) {
  static const auto pipeline = testing::TextPipeline({"text", "entities"});
  const std::string dateline = "BEIJING, KOMPAS.com - ";
  Document d;
  d.id = "t";
  d.text = dateline + "Presiden China Xi Jinping bertemu Presiden Prabowo Subianto di Beijing.";
  d.meta = Metadata{};
  d.meta->dateline = "Beijing";
  d.meta->dateline_end = dateline.size();
  ASSERT_TRUE(pipeline->Run(d).ok());
  std::multimap<std::string, std::string> m;
  for (const Entity& e : *d.entities) {
    const std::string surface = d.text->substr(e.span.start, e.span.size());
    EXPECT_EQ(surface.find("KOMPAS"), std::string::npos) << surface;
    m.emplace(surface, e.id);
  }
  EXPECT_EQ(IdOf(m, "Xi Jinping"), "per:xi_jinping");  // not run on from the dateline
  EXPECT_EQ(IdOf(m, "BEIJING"), "gpe:beijing");        // the city, not China acting
}

TEST(EntityStage, AnInstitutionsWordsBeforeThePlaceTheTaggerFoundAreItsName) {
  Document d = Analyze(
      "Kepolisian Daerah Metro Jaya menangkap tiga tersangka kasus penipuan investasi di Bekasi.");
  ASSERT_FALSE(d.entities->empty());
  const Entity& e = d.entities->front();
  EXPECT_EQ(d.text->substr(e.span.start, e.span.size()), "Kepolisian Daerah Metro Jaya");
  EXPECT_EQ(e.type, "ORG");
  // A state the KB knows stays itself: "Pemerintah Peru" is Peru acting.
  auto m = Ids("Pemerintah Peru mengumumkan keadaan darurat di ibu kota.");
  EXPECT_EQ(IdOf(m, "Peru"), "gpe:PE");
}

TEST(EntityStage, NamesEndWithANameWord) {
  // "Rusia timur" is Russia: a trailing lower-case word is not part of the name.
  auto m = Ids("Kim Jong Un tiba di Rusia timur pada Selasa dan bertemu di Siberia barat.");
  EXPECT_EQ(IdOf(m, "Rusia"), "gpe:RU");
  EXPECT_EQ(m.count("Rusia timur"), 0u);
  EXPECT_EQ(m.count("Siberia barat"), 0u);
}

TEST(Linker, ANameWithAClassNounIsNoPerson) {
  // Whatever the tagger said, "Kosmodrom Zarechny" is a place: one id with the place it is.
  auto a = LinkGiven("Mereka tiba di Kosmodrom Zarechny.", {"Kosmodrom Zarechny/PER"});
  auto b = LinkGiven("Mereka bertemu di Zarechny Cosmodrome.", {"Zarechny Cosmodrome/LOC"});
  EXPECT_EQ(IdOf(a, "Kosmodrom Zarechny"), "loc:cosmodrome_zarechni");
  EXPECT_EQ(IdOf(a, "Kosmodrom Zarechny"), IdOf(b, "Zarechny Cosmodrome"));
  auto c = LinkGiven("Kader Partai Zarechny hadir.", {"Partai Zarechny/PER"});
  EXPECT_EQ(IdOf(c, "Partai Zarechny").substr(0, 4), "org:");
}

TEST(Linker, IndonesianInstitutionsAndTheirShortFormsShareOneId) {
  auto m =
      Ids("Kementerian Keuangan (Kemenkeu) menolak. Kemenkeu lalu bertemu Kejagung dan "
          "Kejaksaan Agung menyetujui.");
  EXPECT_EQ(IdOf(m, "Kementerian Keuangan"), "org:kemenkeu");
  EXPECT_EQ(IdOf(m, "Kemenkeu"), "org:kemenkeu");
  EXPECT_EQ(IdOf(m, "Kejagung"), "org:kejagung");
  EXPECT_EQ(IdOf(m, "Kejaksaan Agung"), "org:kejagung");
}

TEST(Linker, AnInstitutionIsAnOrganisationUnlessALocativeMakesItAPlace) {
  auto a = LinkGiven("Pemkab Bantaeng menolak usulan itu.", {"Pemkab Bantaeng/LOC"});
  EXPECT_EQ(IdOf(a, "Pemkab Bantaeng").substr(0, 4), "org:");
  auto b = LinkGiven("Warga berkumpul di Pemkab Bantaeng.", {"Pemkab Bantaeng/LOC"});
  EXPECT_EQ(IdOf(b, "Pemkab Bantaeng").substr(0, 4), "loc:");
  auto c = LinkGiven("Kota Bantaeng menolak usulan itu.", {"Kota Bantaeng/LOC"});  // no institution
  EXPECT_EQ(IdOf(c, "Kota Bantaeng").substr(0, 4), "loc:");
}

// A regional agency's short form (institutions.tsv: Bapenda, Disperindag, Dishub …) makes the
// name an organisation however the tagger typed it.
// "X (Y)" pairs a name with the mention inside its parentheses, not with the next name after
// them: "ADES (DPO), DDH (DPO)" are two people, "di Palembang (Sumsel)" no alias of a person.
TEST(Linker, ANameIsPairedOnlyWithWhatIsInsideItsParentheses) {
  auto m =
      LinkGiven("Tersangka ADES (DPO), DDH (DPO) dan SM kabur.", {"ADES/PER", "DDH/PER", "SM/PER"});
  EXPECT_NE(IdOf(m, "ADES"), IdOf(m, "DDH"));
  EXPECT_NE(IdOf(m, "DDH"), IdOf(m, "SM"));
}

TEST(Linker, ARegionalAgencyIsAnOrganisation) {
  auto a = LinkGiven("Berdasarkan data Bapenda Sulsel, pajak naik.", {"Bapenda Sulsel/PER"});
  EXPECT_EQ(IdOf(a, "Bapenda Sulsel").substr(0, 4), "org:");
  auto b = LinkGiven("Menurut Disperindag Sumut, harga cabai naik.", {"Disperindag Sumut/LOC"});
  EXPECT_EQ(IdOf(b, "Disperindag Sumut").substr(0, 4), "org:");
}

TEST(Linker, ARegionalOfficeIsNamedWithoutItsShortFormWhichNamesItToo) {
  auto m = LinkGiven("Kejaksaan Negeri (Kejari) Sikka menahan mereka. Kejari Sikka diam.",
                     {"Kejaksaan Negeri (Kejari) Sikka/ORG", "Kejari Sikka/ORG"});
  EXPECT_EQ(IdOf(m, "Kejaksaan Negeri (Kejari) Sikka"), "org:kejaksan_negeri_sika");
  EXPECT_EQ(IdOf(m, "Kejari Sikka"), IdOf(m, "Kejaksaan Negeri (Kejari) Sikka"));
}

TEST(EntityStage, AnInstitutionItsShortFormAndARegionAreOneOrganisation) {
  Document d = Analyze("Kejaksaan Negeri (Kejari) Sikka menetapkan delapan tersangka.");
  ASSERT_FALSE(d.entities->empty());
  const Entity& e = d.entities->front();
  EXPECT_EQ(d.text->substr(e.span.start, e.span.size()), "Kejaksaan Negeri (Kejari) Sikka");
  EXPECT_EQ(e.type, "ORG");
  EXPECT_EQ(e.canonical, "Kejaksaan Negeri Sikka");
  d = Analyze("Pemerintah Provinsi (Pemprov) Jawa Timur mencatat 20 kasus.");
  ASSERT_FALSE(d.entities->empty());
  EXPECT_EQ(d.entities->front().canonical, "Pemerintah Provinsi Jawa Timur");
  // Not a title and its holder, not an organisation the KB knows, not an amount.
  auto m = Ids("Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa hadir di Jakarta.");
  EXPECT_EQ(m.count("Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa"), 0u);
  m = Ids("Bank Indonesia (BI) Jawa Barat mencatat inflasi.");
  EXPECT_EQ(IdOf(m, "Bank Indonesia"), "org:bi");
  m = Ids("Lembaga Pengelola Dana Pendidikan (LPDP) Rp 5 triliun dicairkan.");
  EXPECT_EQ(m.count("Lembaga Pengelola Dana Pendidikan (LPDP) Rp"), 0u);
  // Function words inside the long form.
  m =
      Ids("Dinas Pendidikan dan Kebudayaan (Disdikbud) Sleman menutup sekolah. Kepala Disdikbud "
          "Sleman hadir.");
  ASSERT_EQ(m.count("Dinas Pendidikan dan Kebudayaan (Disdikbud) Sleman"), 1u);
  EXPECT_EQ(IdOf(m, "Disdikbud Sleman"),
            IdOf(m, "Dinas Pendidikan dan Kebudayaan (Disdikbud) Sleman"));
}

// A place's class noun, its short form in parentheses, then the name: one place, which the short
// form with the name also names.
TEST(EntityStage, AClassNounItsShortFormAndANameAreOnePlace) {
  auto m =
      Ids("Bangunan di Pondok Pesantren (Ponpes) Al Khoziny, Sidoarjo, ambruk. Santri Ponpes "
          "Al Khoziny dievakuasi.");
  ASSERT_EQ(m.count("Pondok Pesantren (Ponpes) Al Khoziny"), 1u);
  EXPECT_EQ(IdOf(m, "Pondok Pesantren (Ponpes) Al Khoziny").substr(0, 4), "loc:");
  EXPECT_EQ(IdOf(m, "Ponpes Al Khoziny"), IdOf(m, "Pondok Pesantren (Ponpes) Al Khoziny"));
}

// A defined short form written with other words names what it spells out there.
TEST(Linker, ANameWithADefinedShortFormNamesWhatItSpellsOut) {
  auto m =
      Ids("Polres Boyolali mengusut kasus yang dialami nasabah Koperasi Bahana Lintas Nusantara "
          "(BLN). Ada laporan nasabah Koperasi BLN ke Polres Boyolali.");
  ASSERT_EQ(m.count("Koperasi BLN"), 1u);
  EXPECT_EQ(IdOf(m, "Koperasi BLN"), IdOf(m, "Koperasi Bahana Lintas Nusantara"));
}

TEST(ShortForms, LettersOfTheShortFormMatchTheLongFormFromTheRight) {
  using V = std::vector<std::string_view>;
  // Initials, syllables, a legal form and a title before the name left out.
  EXPECT_EQ(LongFormStart("LPDP", V{"Lembaga", "Pengelola", "Dana", "Pendidikan"}), 0u);
  EXPECT_EQ(LongFormStart("Kemensos", V{"Menteri", "Kementerian", "Sosial"}), 1u);
  EXPECT_EQ(LongFormStart("Bappenas", V{"Badan", "Perencanaan", "Pembangunan", "Nasional"}), 0u);
  EXPECT_EQ(LongFormStart("KAI", V{"PT", "Kereta", "Api", "Indonesia"}), 1u);
  // The first letter starts a word; letters that are not there give no long form.
  EXPECT_EQ(LongFormStart("Senin", V{"Badan", "Keuangan", "Daerah"}), SIZE_MAX);
  EXPECT_EQ(LongFormStart("XY", V{"Badan", "Keuangan"}), SIZE_MAX);
  EXPECT_EQ(LongFormStart("", V{"Badan"}), SIZE_MAX);
  EXPECT_EQ(LongFormStart("BK", V{}), SIZE_MAX);
}

TEST(EntityStage, AnOrganisationDefinedWithItsShortFormIsOneEntityWhereverEitherStands) {
  const std::string text =
      "Lembaga Pengelola Dana Pendidikan (LPDP) menyalurkan beasiswa. Direktur LPDP mengatakan "
      "dana itu cukup. BKAD (Badan Keuangan dan Aset Daerah) Sulsel turun tangan.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  ASSERT_TRUE(id.count("Lembaga Pengelola Dana Pendidikan"));
  EXPECT_EQ(type["Lembaga Pengelola Dana Pendidikan"], "ORG");
  EXPECT_EQ(id["LPDP"], id["Lembaga Pengelola Dana Pendidikan"]);
  size_t lpdp = 0;
  for (const Entity& e : *d.entities) lpdp += text.substr(e.span.start, e.span.size()) == "LPDP";
  EXPECT_EQ(lpdp, 2u);  // in parentheses and later alone
  // The long form in parentheses after its short form, a function word inside it.
  ASSERT_TRUE(id.count("Badan Keuangan dan Aset Daerah"));
  EXPECT_EQ(id["BKAD"], id["Badan Keuangan dan Aset Daerah"]);
  for (const Entity& e : *d.entities) {
    if (text.substr(e.span.start, e.span.size()) == "LPDP") {
      EXPECT_EQ(e.canonical, "Lembaga Pengelola Dana Pendidikan");
    }
  }
}

TEST(EntityStage, AShortFormSpellingAnOrganisationsNameButItsOpeningWordNamesIt) {
  auto m =
      Ids("Program itu dijalankan Kementerian Energi dan Sumber Daya Mineral (ESDM). Data ESDM "
          "menunjukkan kenaikan. Yayasan Wahana Lingkungan Hidup (Walhi) menolak. Bagi Walhi, "
          "putusan itu penting.");
  EXPECT_EQ(m.count("ESDM"), 2u);  // in parentheses and alone
  EXPECT_EQ(IdOf(m, "ESDM"), IdOf(m, "Kementerian Energi dan Sumber Daya Mineral"));
  EXPECT_NE(IdOf(m, "ESDM"), "(none)");
  EXPECT_EQ(m.count("Walhi"), 2u);
  EXPECT_EQ(IdOf(m, "Walhi"), IdOf(m, "Yayasan Wahana Lingkungan Hidup"));
  // Letters spelling a kind of organisation are no name of the ministry.
  const std::string text =
      "Kementerian Badan Usaha Milik Negara (BUMN) memanggil direksi. Seluruh BUMN ikut.";
  Document d = Analyze(text);
  for (const Entity& e : *d.entities)
    EXPECT_NE(e.span.start, text.find("Seluruh BUMN") + 8) << "BUMN: the companies";
}

TEST(Linker, ABuildingNamedAfterAnOrganisationIsNotTheOrganisationItsShortFormNames) {
  const std::string text =
      "Purbaya menyambangi Kantor Kementerian Pekerjaan Umum (PU), Jakarta Selatan. Anggaran "
      "Kementerian Pekerjaan Umum (PU) rendah. Bupati Ogan Komering Ilir (OKI) hadir.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  // The tagger may take "Kantor" into the name (the building) or leave it out (the ministry).
  if (id.count("Kantor Kementerian Pekerjaan Umum")) {
    EXPECT_EQ(type["Kantor Kementerian Pekerjaan Umum"], "LOC");
    EXPECT_NE(id["Kantor Kementerian Pekerjaan Umum"], id["PU"]);
  }
  ASSERT_TRUE(id.count("PU"));
  EXPECT_EQ(id["PU"], id["Kementerian Pekerjaan Umum"]);
  // A short form that spells the whole place defines the place's name.
  ASSERT_TRUE(id.count("OKI"));
  EXPECT_EQ(id["OKI"], id["Ogan Komering Ilir"]);
}

TEST(EntityStage, AScoreOrARangeOfYearsEndsNoName) {
  auto m =
      Ids("Arsenal melumat Atletico Madrid 4-0 dalam laga Liga Champions. Danny Praditya selaku "
          "Direktur Komersial PT PGN 2016-2019 ditahan.");
  EXPECT_NE(IdOf(m, "Atletico Madrid"), "(none)");
  EXPECT_EQ(m.count("Atletico Madrid 4-0"), 0u);
  EXPECT_NE(IdOf(m, "PT PGN"), "(none)");
  EXPECT_EQ(m.count("PT PGN 2016-2019"), 0u);
  // An amount after a name in a list.
  m = Ids(
      "Kabupaten Kepulauan Talaud Rp 2,6 triliun10. Kabupaten Mimika Rp 2,4 triliun11. Kabupaten "
      "Badung Rp 2,2 triliun12. Kabupaten Tanah Bumbu Rp 2,1 triliun.");
  for (const auto& [surface, id] : m) EXPECT_EQ(surface.find("Rp"), std::string::npos) << surface;
}

TEST(EntityStage, AnOrganisationsOpeningWordAndCapitalisedWordsTheTaggerMissedAreItsName) {
  const std::string text =
      "Ia dimutasi ke luar Dinas Pendidikan. Sementara, surat itu diteken oleh Badan "
      "Penyelenggaraan Haji dan Umrah kemarin. Petugas berkoordinasi dengan Kejati dan Kejari di "
      "daerah. Ia ditahan di Lembaga Pemasyarakatan Kelas IIB Majalengka selama 20 hari. Anggota "
      "Komisi II dan Komisi III hadir. Kepala Badan Ekonomi Kreatif meninjau lokasi.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  EXPECT_EQ(type["Dinas Pendidikan"], "ORG");
  EXPECT_EQ(type["Badan Penyelenggaraan Haji dan Umrah"], "ORG");
  EXPECT_EQ(type["Badan Ekonomi Kreatif"], "ORG");  // after a title
  EXPECT_EQ(type.count("Kejati dan Kejari"), 0u);   // two offices, not one name
  // A prison: a place's class noun opens it.
  EXPECT_EQ(type["Lembaga Pemasyarakatan Kelas IIB Majalengka"], "LOC");
  ASSERT_TRUE(id.count("Komisi II") && id.count("Komisi III"));
  EXPECT_NE(id["Komisi II"], id["Komisi III"]);
  // Not a kind of organisation, nor a regulation's words before its number.
  Document k = Analyze(
      "Ketua Majelis Hakim Sumpeno membacakan putusan. Hal itu diatur Peraturan Pemerintah Nomor "
      "38 Tahun 2011.");
  for (const Entity& e : *k.entities) EXPECT_EQ(e.type, "PER") << e.canonical;  // Sumpeno
}

TEST(EntityStage, AKbNameOpeningASentenceIsTrustedWhereTheDocumentWritesItAsAName) {
  // "Kejagung" inside a sentence and never in lower case: a name at the start too.
  auto m = Ids(
      "Kasus itu ditangani Kejagung sejak Juni. Kejagung sendiri tengah mendalami dugaan korupsi "
      "itu.");
  EXPECT_EQ(m.count("Kejagung"), 2u);
  // A word the document also writes in lower case stays a word at a sentence's start.
  const std::string text =
      "Kantor berita Antara melaporkan hal itu. Antara kedua lembaga ada kerja sama, kata dia, "
      "yang terjalin antara lain lewat pelatihan.";
  Document d = Analyze(text);
  for (const Entity& e : *d.entities) EXPECT_NE(e.span.start, text.find("Antara kedua"));
}

TEST(Linker, APlaceInParenthesesAfterANameItDoesNotSpellIsANoteNotItsShortForm) {
  const std::string text =
      "Kyrgios melangkah ke final setelah mengalahkan Alexander Zverev (Jerman) dengan skor 6-3. "
      "Ayahnya melapor ke Polresta (Denpasar) kemarin. Jerman menolak.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  EXPECT_EQ(type["Alexander Zverev"], "PER");
  EXPECT_NE(id["Alexander Zverev"], id["Jerman"]);
  ASSERT_TRUE(id.count("Polresta"));  // an office's short form on its own
  EXPECT_EQ(type["Polresta"], "ORG");
  EXPECT_NE(id["Polresta"], id["Denpasar"]);
}

TEST(EntityStage, AWordOfAFullNameSaidAloneElsewhereIsThatPersonWhereTheTaggerMissedIt) {
  const std::string text =
      "Renita Rismayanti bertugas di Afrika Tengah sejak 2023. \"Kami bekerja keras,\" kata "
      "Renita. "
      "Sekjen PBB memuji langsung prestasi Brigadir Renita. DPRD Bone bersama Andi Bone hadir.";
  Document d = Analyze(text);
  std::map<size_t, std::string> id_at;
  for (const Entity& e : *d.entities) id_at[e.span.start] = e.id;
  const size_t brigadir = text.find("Renita", text.find("Brigadir"));
  ASSERT_TRUE(id_at.count(brigadir));
  EXPECT_EQ(id_at[brigadir], id_at[0]);
  // The region after an organisation's name is not the person whose last name it is.
  EXPECT_EQ(id_at.count(text.find("Bone")), 0u);
}

TEST(Linker, AProfessionIsNoTitleInsideAnOrganisationsName) {
  // "advokat" leaves a person's span ("Advokat Todung …") but is no title to the linker, which
  // would read "Indonesia Todung Mulya Lubis" after it as a place and its holder.
  const std::string text =
      "Ketua Ikatan Advokat Indonesia Todung Mulya Lubis mengatakan hal itu kepada wartawan.";
  Document d = Analyze(text);
  std::set<std::string> orgs;
  for (const Entity& e : *d.entities)
    if (e.type == "ORG") orgs.insert(text.substr(e.span.start, e.span.size()));
  EXPECT_FALSE(orgs.empty());
  for (const std::string& o : orgs) EXPECT_NE(o.find("Advokat"), std::string::npos) << o;
}

TEST(Linker, APlaceThenTheRegionItLiesInIsANoteNotTheSamePlace) {
  const std::string text =
      "Grab membuka pusat riset di Seattle (Amerika Serikat) dan Johannesburg (Afrika Selatan). "
      "Amerika Serikat menyambutnya.";
  Document d = Analyze(text);
  std::map<std::string, std::string> id = Surfaces(d).id;
  ASSERT_TRUE(id.count("Seattle") && id.count("Amerika Serikat"));
  EXPECT_NE(id["Seattle"], id["Amerika Serikat"]);
  ASSERT_TRUE(id.count("Johannesburg") && id.count("Afrika Selatan"));
  EXPECT_NE(id["Johannesburg"], id["Afrika Selatan"]);
}

TEST(Linker, AShortFormTheKbKnowsIsNotThePersonWhoseInitialsItSpells) {
  // "AS" is the United States; Alexis Sanchez's initials are A. S. by chance.
  const std::string text =
      "Arsenal memiliki Alexis Sanchez. Sanchez mencetak 30 gol. Klub dari AS juga memantaunya. "
      "Indonesia (Pelabuhan Priok) mencatat biaya terendah.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  ASSERT_TRUE(id.count("Alexis Sanchez") && id.count("AS"));
  EXPECT_NE(id["Alexis Sanchez"], id["AS"]);
  EXPECT_EQ(type["Alexis Sanchez"], "PER");
  ASSERT_TRUE(id.count("Pelabuhan Priok") && id.count("Indonesia"));
  EXPECT_NE(id["Pelabuhan Priok"], id["Indonesia"]);
  // An unknown acronym after a known name it does not spell abbreviates a longer name.
  const std::string t2 =
      "Ketua Generasi Muda Partai Golkar (GMPG) Ahmad Doli Kurnia menolak. Partai Golkar diam. "
      "Dana itu bagian dari Bantuan Likuiditas Bank Indonesia (BLBI) pada 1998.";
  Document d2 = Analyze(t2);
  std::map<std::string, std::string> id2 = Surfaces(d2).id;
  ASSERT_TRUE(id2.count("GMPG") && id2.count("Partai Golkar"));
  EXPECT_NE(id2["GMPG"], id2["Partai Golkar"]);
  ASSERT_TRUE(id2.count("BLBI") && id2.count("Bank Indonesia"));
  EXPECT_NE(id2["BLBI"], id2["Bank Indonesia"]);
}

TEST(EntityStage, AClubsNicknameIsTheClub) {
  const std::string text =
      "Gol itu menggandakan keunggulan Los Blancos. Real Madrid kini memimpin klasemen, sementara "
      "Maung Bandung kalah dari Persija.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  ASSERT_TRUE(id.count("Los Blancos") && id.count("Real Madrid"));
  EXPECT_EQ(id["Los Blancos"], id["Real Madrid"]);
  EXPECT_EQ(type["Los Blancos"], "ORG");
  ASSERT_TRUE(id.count("Maung Bandung"));
  EXPECT_EQ(id["Maung Bandung"], "org:persib_bandung");
}

TEST(Linker, ANameAndANumberInParenthesesAreANoteNotAShortForm) {
  // A lineup: the substitute and the minute he came on. "(BPS, 2023)" still defines BPS.
  const std::string text =
      "Chelsea menurunkan Willian (Charly Musonda, 82') dan Eden Hazard (Pedro Rodriguez 74') "
      "sejak awal. "
      "Willian bermain baik. Badan Pusat Statistik (BPS, 2023) mencatat inflasi. BPS menilai "
      "itu wajar.";
  Document d = Analyze(text);
  std::map<std::string, std::string> id = Surfaces(d).id;
  ASSERT_TRUE(id.count("Willian") && id.count("Charly Musonda"));
  EXPECT_NE(id["Willian"], id["Charly Musonda"]);
  ASSERT_TRUE(id.count("Eden Hazard") && id.count("Pedro Rodriguez"));
  EXPECT_NE(id["Eden Hazard"], id["Pedro Rodriguez"]);
  ASSERT_TRUE(id.count("Badan Pusat Statistik") && id.count("BPS"));
  EXPECT_EQ(id["Badan Pusat Statistik"], id["BPS"]);
}

TEST(EntityStage, AKindOfOrganisationIsNoNameButAKnownNamesShortFormIs) {
  const std::string text =
      "Dividen dari Badan Usaha Milik Negara (BUMN) naik. Laba BUMN itu dibagi. Dana disalurkan "
      "kepada Badan Usaha Jalan Tol (BUJT) terkait. Kementerian Badan Usaha Milik Negara (BUMN) "
      "menilai surat itu.";
  Document d = Analyze(text);
  std::multimap<std::string, std::string> m;
  for (const Entity& e : *d.entities) m.emplace(text.substr(e.span.start, e.span.size()), e.id);
  EXPECT_EQ(m.count("Badan Usaha Milik Negara"), 0u);
  EXPECT_EQ(m.count("Badan Usaha Jalan Tol"), 0u);
  ASSERT_EQ(m.count("BUMN"), 1u);  // only the ministry's short form
  EXPECT_EQ(IdOf(m, "BUMN"), IdOf(m, "Kementerian Badan Usaha Milik Negara"));
}

TEST(EntityStage, ARankBeforeAPersonEndsTheOfficeAndAParenthesisedTitleOpensThePlace) {
  auto m =
      Ids("Kasat Lantas Polres Serang AKP Fery Oktaviari Pratama menyebut titik rawan. Ajakan itu "
          "disambut Wakil Gubernur (Wagub) Kaltim Seno Aji. \"Ini baik,\" kata Seno.");
  EXPECT_NE(IdOf(m, "Polres Serang"), "(none)");
  EXPECT_EQ(m.count("Polres Serang AKP"), 0u);
  EXPECT_NE(IdOf(m, "Fery Oktaviari Pratama"), "(none)");
  EXPECT_EQ(IdOf(m, "Kaltim"), "gpe:ID-KI");
  EXPECT_EQ(IdOf(m, "Seno"), IdOf(m, "Seno Aji"));
}

TEST(EntityStage, MediaTheArticlesCiteAreOrganisations) {
  const std::string text =
      "Sebagaimana dilaporkan Marca, Beckham dianggap ideal. Kepada DailySocial, Winston "
      "menambahkan rencananya. Melansir Soompi, seorang netizen mengunggah blog.";
  Document d = Analyze(text);
  std::map<std::string, std::string> type;
  for (const Entity& e : *d.entities) type[text.substr(e.span.start, e.span.size())] = e.type;
  for (const char* m : {"Marca", "DailySocial", "Soompi"}) EXPECT_EQ(type[m], "ORG") << m;
}

// Companies and platforms the KB knows are organisations, whatever the tagger typed them; one
// followed by a state the tagger took in with it is its arm there ("Unilever Indonesia"), not the
// company and the country.
TEST(EntityStage, CompaniesAreOrganisationsAndTheirArmInAStateIsOne) {
  const std::string text =
      "Samsung meluncurkan ponsel baru. Pihak Unilever Indonesia menyatakan produk aman. Warganet "
      "ramai membahasnya di Twitter.";
  Document d = Analyze(text);
  auto [id, type] = Surfaces(d);
  EXPECT_EQ(type["Samsung"], "ORG");
  EXPECT_EQ(id["Samsung"], "org:samsung");
  EXPECT_EQ(type["Twitter"], "ORG");
  ASSERT_TRUE(id.count("Unilever Indonesia"));
  EXPECT_EQ(type["Unilever Indonesia"], "ORG");
  EXPECT_FALSE(id.count("Indonesia"));
}

TEST(Linker, ACityNamedLikeItsClubIsTheClubUnlessItIsWhereSomethingHappens) {
  const std::string text =
      "Napoli berhasil mengalahkan Lazio 3-0. Oxlade-Chamberlain, bersama Alex Sandro (Juventus), "
      "diincar. Ia berlibur di Napoli. Kejuaraan diadakan di Madrid dan Sevilla, di Spanyol.";
  Document d = Analyze(text);
  std::vector<std::pair<std::string, std::string>> m;
  for (const Entity& e : *d.entities)
    m.emplace_back(text.substr(e.span.start, e.span.size()), e.id);
  auto id_at = [&](const std::string& surface, size_t nth) {
    for (const auto& [s, id] : m)
      if (s == surface && nth-- == 0) return id;
    return std::string("(none)");
  };
  EXPECT_EQ(id_at("Napoli", 0), "org:ssc_napoli");
  EXPECT_EQ(id_at("Napoli", 1), "gpe:naples");  // after "di"
  EXPECT_EQ(id_at("Juventus", 0), "org:juventus");
  EXPECT_NE(id_at("Alex Sandro", 0), "org:juventus");  // the player, then his club
  EXPECT_EQ(id_at("Sevilla", 0), "gpe:seville");       // "di Madrid dan Sevilla"
}

TEST(EntityStage, ATermDefinedWithItsShortFormIsNoOrganisation) {
  // Neither opened nor closed by an organisation's word: a term, not a name.
  auto m = Ids("Harga Bahan Bakar Minyak (BBM) naik lagi. Pasokan BBM aman.");
  EXPECT_EQ(m.count("Bahan Bakar Minyak"), 0u);
  EXPECT_EQ(m.count("BBM"), 0u);
  // An organisation's suffix closes a name as its opener does.
  m = Ids("Kontrak diteken Husky-CNOOC Madura Limited (HCML) kemarin. HCML setuju.");
  EXPECT_EQ(IdOf(m, "HCML"), IdOf(m, "Husky-CNOOC Madura Limited"));
  EXPECT_NE(IdOf(m, "HCML"), "(none)");
}

TEST(EntityStage, AStateInstitutionsShortFormWithAPlaceNamesThatPlacesOffice) {
  const std::string text =
      "Kejaksaan Negeri (Kejari) Sikka menahan tersangka. Kepala Kejari Ende mengatakan hal "
      "serupa.";
  Document d = Analyze(text);
  std::map<std::string, const Entity*> by;
  for (const Entity& e : *d.entities) by[text.substr(e.span.start, e.span.size())] = &e;
  ASSERT_TRUE(by.count("Kejari Ende"));
  EXPECT_EQ(by["Kejari Ende"]->type, "ORG");
  EXPECT_NE(by["Kejari Ende"]->id, by["Kejaksaan Negeri (Kejari) Sikka"]->id);
  // A company's legal form is not in its short form; the region's short form stays a place.
  auto m = Ids("PT Kereta Api Indonesia (KAI) menambah perjalanan. KAI optimistis.");
  EXPECT_EQ(IdOf(m, "KAI"), IdOf(m, "PT Kereta Api Indonesia"));
  m = Ids("Kejaksaan Tinggi Daerah Istimewa Yogyakarta (DIY) menggeledah kantor itu.");
  EXPECT_NE(IdOf(m, "DIY").substr(0, 4), "org:");
}

TEST(Linker, AShortFormTheArticleDefinesNamesItsLongFormNotTheKbsNamesake) {
  // "OKI" is the Organisation of Islamic Cooperation in the KB; this article spells it out.
  const std::string text =
      "Bupati Ogan Komering Ilir (OKI) Muchendi Mahzareki merespons penangkapan itu. Kejari OKI "
      "menahan pelaku.";
  Document d = Analyze(text);
  std::multimap<std::string, const Entity*> by;
  for (const Entity& e : *d.entities) by.emplace(text.substr(e.span.start, e.span.size()), &e);
  ASSERT_TRUE(by.count("Ogan Komering Ilir"));
  const Entity* lf = by.find("Ogan Komering Ilir")->second;
  EXPECT_EQ(lf->type, "LOC");  // after a regent's title: the regency
  ASSERT_EQ(by.count("OKI"), 2u);
  for (auto [it, end] = by.equal_range("OKI"); it != end; ++it) EXPECT_EQ(it->second->id, lf->id);
  // Another spelling of the KB entity's own name keeps the KB entity.
  auto m = Ids("Data Badan Pusat Statistika (BPS) menunjukkan inflasi turun. BPS mencatat itu.");
  EXPECT_EQ(IdOf(m, "BPS"), "org:bps");
}

TEST(Linker, ANameAfterARegionsHeadOrARegionalOfficeIsThatRegion) {
  auto m = LinkGiven("Dia menghadap Kapolres Barru kemarin.", {"Barru/ORG"});
  EXPECT_EQ(IdOf(m, "Barru"), "loc:baru");
  m = LinkGiven("Bupati Sikka Juventus hadir.", {"Sikka/ORG"});
  EXPECT_EQ(IdOf(m, "Sikka"), "loc:sika");
  m = LinkGiven("Warga Kejari Ende hadir.", {"Ende/ORG"});
  EXPECT_EQ(IdOf(m, "Ende"), "loc:ende");
  // An organisation stays one after the same titles; a person stays a person.
  m = LinkGiven("Para Gubernur Bank Sentral G20 bertemu.", {"Bank Sentral G20/ORG"});
  EXPECT_EQ(IdOf(m, "Bank Sentral G20").substr(0, 4), "org:");
  m = LinkGiven("Gubernur The Fed hadir.", {"The Fed/ORG"});
  EXPECT_EQ(IdOf(m, "The Fed").substr(0, 4), "org:");
  m = LinkGiven("Bupati Muchendi hadir.", {"Muchendi/PER"});
  EXPECT_EQ(IdOf(m, "Muchendi").substr(0, 4), "per:");
}

TEST(EntityStage, TitlesUnitsAndTermsAreNoNames) {
  const std::string text =
      "Kasi Intel Kejari Ende, Budi Santoso, mengatakan KPK menggelar OTT di Medan. Indeks IHSG "
      "naik. Rektor periode sebelumnya, Prof Dr Ir Herry Suhardiyanto, MSc, hadir. Unjuk rasa "
      "dipimpin secara kolektif oleh Gen Z di Peru. Ada 10 orang ditangkap dalam OTT Wamenaker. "
      "Wamenkes Benjamin Paulus Octavianus hadir. Hal itu dikutip dari The Diplomat.";
  Document d = Analyze(text);
  std::set<std::string> surfaces;
  for (const Entity& e : *d.entities) surfaces.insert(text.substr(e.span.start, e.span.size()));
  for (const char* no :
       {"Kasi Intel", "Intel", "OTT", "IHSG", "MSc", "Gen Z", "OTT Wamenaker", "The"})
    EXPECT_EQ(surfaces.count(no), 0u) << no;
  EXPECT_EQ(surfaces.count("KPK"), 1u);
  EXPECT_EQ(surfaces.count("Budi Santoso"), 1u);
  EXPECT_EQ(surfaces.count("Benjamin Paulus Octavianus"), 1u);  // after a deputy minister's title
}

TEST(EntityStage, InitialsAfterAPersonCueOrBeforeAnAgeAreAPerson) {
  const std::string text =
      "Polisi menangkap tersangka berinisial BA. Selain BA, polisi memeriksa RR (29). RR "
      "membantah.";
  Document d = Analyze(text);
  size_t people = 0;
  for (const Entity& e : *d.entities) {
    const std::string s = text.substr(e.span.start, e.span.size());
    if (s != "BA" && s != "RR") continue;
    EXPECT_EQ(e.type, "PER") << s;
    ++people;
  }
  EXPECT_GE(people, 3u);
}

// The cue carries over a list of initials, notes in parentheses between them skipped, and an
// initial may run to six capitals there.
TEST(EntityStage, APersonCueBeforeAListOfInitialsMakesEachAPerson) {
  const std::string text =
      "Para tersangka berinisial AVADL, MJ, ADES (DPO), DDH (DPO) dan SM ditahan kemarin.";
  Document d = Analyze(text);
  std::set<std::string> people;
  for (const Entity& e : *d.entities)
    if (e.type == "PER") people.insert(text.substr(e.span.start, e.span.size()));
  EXPECT_EQ(people, (std::set<std::string>{"ADES", "AVADL", "DDH", "MJ", "SM"}));
}

// Indonesia's provinces are states' parts the KB knows, by name and short form, with their ISO
// 3166-2 codes; an office before one serves it, whether the tagger found them together or apart.
TEST(EntityStage, ProvincesAreKnownPlacesAndTheOfficesBeforeThemServeThem) {
  const std::string text =
      "Banjir melanda Jawa Barat dan NTT. Warga Jabar mengungsi. Kejaksaan Tinggi Sulawesi "
      "Selatan (Kejati Sulsel) memeriksa saksi. Dinas Pendidikan Jawa Barat menutup sekolah.";
  Document d = Analyze(text);
  std::map<std::string, Entity> by;
  for (const Entity& e : *d.entities) by[text.substr(e.span.start, e.span.size())] = e;
  ASSERT_EQ(by.count("Jawa Barat"), 1u);
  EXPECT_EQ(by["Jawa Barat"].id, "gpe:ID-JB");
  EXPECT_EQ(by["Jawa Barat"].type, "GPE");
  EXPECT_EQ(by["Jawa Barat"].iso, "ID-JB");
  EXPECT_EQ(by["Jawa Barat"].canonical, "West Java");
  EXPECT_EQ(by["Jabar"].id, "gpe:ID-JB");
  EXPECT_EQ(by["NTT"].id, "gpe:ID-NT");
  ASSERT_EQ(by.count("Kejaksaan Tinggi Sulawesi Selatan"), 1u);
  EXPECT_EQ(by["Kejaksaan Tinggi Sulawesi Selatan"].type, "ORG");
  EXPECT_EQ(by["Kejati Sulsel"].id, by["Kejaksaan Tinggi Sulawesi Selatan"].id);
  ASSERT_EQ(by.count("Dinas Pendidikan Jawa Barat"), 1u);
  EXPECT_EQ(by["Dinas Pendidikan Jawa Barat"].type, "ORG");
}

// Cities the KB knows lie in their province (its ISO 3166-2 code); a KB organisation before a
// city is its office there, but not before the capital; a title's second word starts no city.
TEST(EntityStage, CitiesLieInTheirProvinceAndHaveOffices) {
  const std::string text =
      "Wali Kota Malang Wahyu Hidayat hadir. Ketua KPU Makassar Andi Muhammad menolak. Banjir "
      "melanda Kota Semarang. Penyidik datang ke KPK Jakarta.";
  Document d = Analyze(text);
  std::map<std::string, Entity> by;
  for (const Entity& e : *d.entities) by[text.substr(e.span.start, e.span.size())] = e;
  ASSERT_EQ(by.count("Malang"), 1u);
  EXPECT_EQ(by["Malang"].type, "GPE");
  EXPECT_EQ(by["Malang"].iso, "ID-JI");
  EXPECT_EQ(by.count("Kota Malang"), 0u);
  EXPECT_EQ(by["Kota Semarang"].id, "gpe:semarang");
  ASSERT_EQ(by.count("KPU Makassar"), 1u);
  EXPECT_EQ(by["KPU Makassar"].type, "ORG");
  EXPECT_EQ(by["KPK"].id, "org:kpk");
  // A regency named like a city is the regency, written either way.
  const std::string regency =
      "Banjir melanda kabupaten Kupang dan Kota Kupang. Kabupaten Kupang "
      "menetapkan status darurat.";
  d = Analyze(regency);
  by.clear();
  for (const Entity& e : *d.entities) by[regency.substr(e.span.start, e.span.size())] = e;
  ASSERT_EQ(by.count("kabupaten Kupang"), 1u);
  EXPECT_EQ(by["kabupaten Kupang"].id, by["Kabupaten Kupang"].id);
  EXPECT_NE(by["kabupaten Kupang"].id, by["Kota Kupang"].id);
}

// "<title> <state or region> <holder>": the tagger's one place is the place and a person; titles
// after the place are no part of it; a place's own words ("Jakarta Selatan") stay the place.
TEST(EntityStage, ATitlesPlaceAndItsHolderAreTwoMentions) {
  const std::string text =
      "Wakil Gubernur DKI Jakarta Sandiaga Salahuddin Uno hadir. Saat ditemui di Jakarta, Kapolda "
      "Papua Brigjen Paulus Waterpauw mengatakan itu. Kasat Reskrim Polres Jakarta Selatan datang.";
  Document d = Analyze(text);
  std::map<std::string, std::string> type;
  for (const Entity& e : *d.entities) type[text.substr(e.span.start, e.span.size())] = e.type;
  EXPECT_EQ(type["DKI Jakarta"], "GPE");
  EXPECT_EQ(type["Sandiaga Salahuddin Uno"], "PER");
  EXPECT_EQ(type["Papua"], "GPE");
  EXPECT_EQ(type.count("Papua Brigjen"), 0u);
  EXPECT_EQ(type["Paulus Waterpauw"], "PER");
  EXPECT_EQ(type.count("Selatan"), 0u);
  // A one-word holder after a state or a province, not a city's second word.
  const std::string text2 =
      "Hadir Wakil Gubernur Jawa Tengah Rustriningsih dan Presiden Turki Erdogan. Bupati Padang "
      "Pariaman, Ali Mukhni, mengatakan itu.";
  d = Analyze(text2);
  type.clear();
  for (const Entity& e : *d.entities) type[text2.substr(e.span.start, e.span.size())] = e.type;
  EXPECT_EQ(type["Rustriningsih"], "PER");
  EXPECT_EQ(type["Jawa Tengah"], "GPE");
  EXPECT_EQ(type["Erdogan"], "PER");
  EXPECT_EQ(type.count("Pariaman"), 0u);
}

// "<title> <organisation the KB knows> <holder>": the tagger's one organisation is two mentions.
TEST(EntityStage, ATitlesOrganisationAndItsHolderAreTwoMentions) {
  const std::string text =
      "Presiden Direktur JNE Feriadi Soeprapto mengatakan itu. Ketua Umum PSSI Erick Thohir "
      "hadir. Direktur Utama Bank Mandiri Syariah hadir.";
  Document d = Analyze(text);
  std::map<std::string, std::string> type;
  for (const Entity& e : *d.entities) type[text.substr(e.span.start, e.span.size())] = e.type;
  EXPECT_EQ(type["Feriadi Soeprapto"], "PER");
  EXPECT_EQ(type["Erick Thohir"], "PER");
  EXPECT_EQ(type["PSSI"], "ORG");
  EXPECT_EQ(type.count("Syariah"), 0u);  // one word more of the organisation's name
}

// Legal forms after a company's name belong to it; alone, or before a person, they name nobody,
// and they do not change the company's id.
TEST(EntityStage, LegalFormsAfterACompanysNameArePartOfIt) {
  const std::string text =
      "Direktur Utama PT Bank Rakyat Indonesia (Persero) Tbk Sunarso mengatakan laba naik. "
      "PT. PLN (Persero) dan PT Sinar Mas Agro Tbk juga melapor. Menurut Sinar Mas Agro, harga "
      "naik.";
  Document d = Analyze(text);
  std::map<std::string, Entity> by;
  for (const Entity& e : *d.entities) by[text.substr(e.span.start, e.span.size())] = e;
  ASSERT_EQ(by.count("PT Bank Rakyat Indonesia (Persero) Tbk"), 1u);
  EXPECT_EQ(by["PT Bank Rakyat Indonesia (Persero) Tbk"].type, "ORG");
  ASSERT_EQ(by.count("Sunarso"), 1u);
  EXPECT_EQ(by["Sunarso"].type, "PER");
  EXPECT_EQ(by.count("PT. PLN (Persero)"), 1u);
  for (const auto& [s, e] : by) {
    if (s.find("Persero)") != std::string::npos) {  // no half parentheses
      EXPECT_NE(s.find("(Persero)"), std::string::npos) << s;
    }
    EXPECT_NE(s, "Persero");
  }
  ASSERT_EQ(by.count("PT Sinar Mas Agro Tbk"), 1u);
  ASSERT_EQ(by.count("Sinar Mas Agro"), 1u);
  EXPECT_EQ(by["PT Sinar Mas Agro Tbk"].id, by["Sinar Mas Agro"].id);
  EXPECT_NE(by["PT Bank Rakyat Indonesia (Persero) Tbk"].id, by["PT. PLN (Persero)"].id);
}
// A place often named after people, found as its class noun and a person, is one place; an
// opener the tagger found alone takes the name after it; a regency is named after no one.
TEST(EntityStage, APlaceNamedAfterAPersonIsOnePlaceAndALoneOpenerTakesItsName) {
  const std::string text =
      "Jalan Brigadir Jenderal Katamso ditutup. Ia kuliah di Universitas George Mason. "
      "Bali United menang di Stadion Kapten I Wayan Dipta, Rabu. Sekolah itu berkirim surat "
      "kepada Kementerian Informasi dan Komunikasi guna mengatasi hoaks. Menurut Kanit Laka "
      "Polres Bogor Kabupaten Ipda Asep, bus terguling.";
  Document d = Analyze(text);
  std::map<std::string, std::string> type;
  for (const Entity& e : *d.entities) type[text.substr(e.span.start, e.span.size())] = e.type;
  EXPECT_EQ(type["Stadion Kapten I Wayan Dipta"], "LOC");
  EXPECT_EQ(type["Jalan Brigadir Jenderal Katamso"], "LOC");  // the class noun no mention held
  EXPECT_EQ(type.count("Katamso"), 0u);
  EXPECT_EQ(type.count("Universitas George Mason"), 1u);  // (a place after "di")
  EXPECT_EQ(type.count("George Mason"), 0u);
  EXPECT_EQ(type.count("I Wayan Dipta"), 0u);
  EXPECT_EQ(type["Kementerian Informasi dan Komunikasi"], "ORG");
  EXPECT_EQ(type.count("Kementerian"), 0u);
  EXPECT_EQ(type["Asep"], "PER");
}

// A sentence in lower case only (one training corpus and some captions are) still finds the KB's
// names, but no one-word alias the tagger did not find ("antara" = between, not Antara).
TEST(EntityStage, ALowerCaseSentenceStillLinksKbNames) {
  auto m =
      Ids("kantor berita rusia melaporkan bahwa tim dari asia datang ke bandung antara lain "
          "kemarin.");
  EXPECT_EQ(IdOf(m, "rusia"), "gpe:RU");
  EXPECT_EQ(IdOf(m, "bandung"), "gpe:bandung");
  EXPECT_EQ(m.count("antara"), 0u);
}

TEST(EntityStage, NamesTheirContextMakesPlainAreFoundWhereTheTaggerLeftThemOut) {
  const std::string text =
      "Kim tiba di stasiun kereta api kota perbatasan Khasan pada pagi hari. “Itu mungkin,” Yang "
      "Uk, pakar militer di Seoul, mengatakan. Putin akan hadir di acara Eastern Economic Forum in "
      "Vladivostok.";
  Document d = Analyze(text);
  std::map<std::string, std::string> type;
  for (const Entity& e : *d.entities) type[text.substr(e.span.start, e.span.size())] = e.type;
  EXPECT_EQ(type["Khasan"], "LOC");
  EXPECT_EQ(type["Yang Uk"], "PER");
  EXPECT_EQ(type["Vladivostok"], "LOC");
  EXPECT_EQ(type.count("Eastern Economic Forum in Vladivostok"), 0u);
  // An opening quote mark stands apart from what comes before it: no speaker there.
  const std::string quoted = "Polisi datang tadi. \"Iya, anggota lantas itu diamankan,\" kata dia.";
  d = Analyze(quoted);
  for (const Entity& e : *d.entities) EXPECT_NE(quoted.substr(e.span.start, e.span.size()), "Iya");
}

TEST(Linker, AnOrganisationsOpenerMakesAnOrganisation) {
  auto m = LinkGiven("Yayasan Harapan Bangsa menyalurkan beras.", {"Yayasan Harapan Bangsa/LOC"});
  EXPECT_EQ(IdOf(m, "Yayasan Harapan Bangsa").substr(0, 4), "org:");
  m = LinkGiven("Tim Perumus menyelesaikan naskah.", {"Tim Perumus/PER"});
  EXPECT_EQ(IdOf(m, "Tim Perumus").substr(0, 4), "org:");
}

TEST(Linker, SurnameAloneLinksToAUniqueKbPerson) {
  auto m = LinkGiven("Menlu Lavrov menyebut kunjungan itu bersejarah.", {"Menlu Lavrov/PER"});
  EXPECT_EQ(IdOf(m, "Menlu Lavrov"), "per:sergey_lavrov");
}

TEST(Linker, APersonNamedLikeACountryStaysAPerson) {
  auto m = LinkGiven("Pelatih Jordan Henderson memuji timnya.", {"Jordan Henderson/PER"});
  EXPECT_EQ(IdOf(m, "Jordan Henderson"), "per:jordan_henderson");
}

}  // namespace
}  // namespace linimasa::entities
