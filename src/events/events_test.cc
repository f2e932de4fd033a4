#include <gtest/gtest.h>

#include <algorithm>

#include "linimasa/pipeline.h"
#include "stage_test_util.h"

namespace linimasa::events {
namespace {

// Runs text → time → entities → quotes → events on `text`, published `dct`.
Document Analyze(const std::string& text, const std::string& dct = "2024-06-14") {
  static const auto pipeline =
      testing::TextPipeline({"text", "syntax", "time", "entities", "quotes", "events"});
  return testing::RunOnText(*pipeline, text, dct);
}

const Event* First(const Document& d, const std::string& type) {
  for (const Event& e : *d.events)
    if (e.type == type) return &e;
  return nullptr;
}

// The speaker of the document's only quote: "<no speaker>" when it has none, "<N quotes>" when
// there is not exactly one.
std::string OnlySpeaker(const Document& d) {
  if (d.quotes->size() != 1) return "<" + std::to_string(d.quotes->size()) + " quotes>";
  return (*d.quotes)[0].speaker.value_or("<no speaker>");
}

using V = std::vector<std::string>;

TEST(Events, AffixedFormsOfOneLemmaAreOneType) {
  for (const char* s :
       {"Vladimir Putin mengunjungi Korea Utara.", "Kunjungan Vladimir Putin ke Korea Utara."}) {
    Document d = Analyze(s);
    const Event* e = First(d, "VISIT");
    ASSERT_NE(e, nullptr) << s;
    EXPECT_EQ(e->cameo, "04");
    EXPECT_EQ(e->actors, V{"Vladimir Putin"}) << s;
  }
  EXPECT_EQ(First(Analyze("Polisi menemukan senjata di Rusia."), "MEET"), nullptr);  // "not" form
}

TEST(Events, SubjectObjectPlaceAndPassiveAgent) {
  Document d = Analyze("Rusia menyerang Ukraina di Kyiv.");
  const Event* e = First(d, "ATTACK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Russia"});
  EXPECT_EQ(e->targets, V{"Ukraine"});
  ASSERT_TRUE(e->place.has_value());
  EXPECT_EQ(*e->place, "Kyiv");  // after "di": the city, not the state
  d = Analyze("Ukraina diserang oleh Rusia.");
  e = First(d, "ATTACK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Russia"});
  EXPECT_EQ(e->targets, V{"Ukraine"});
}

TEST(Events, CoordinatedActorsAndNeededObject) {
  Document d = Analyze("Rusia dan China menjatuhkan sanksi kepada Jepang.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"Russia", "China"}));  // in text order
  EXPECT_EQ(First(Analyze("Korea Utara memasok beras ke Rusia."), "SUPPLY_ARMS"), nullptr);
  EXPECT_NE(First(Analyze("Korea Utara memasok senjata ke Rusia."), "SUPPLY_ARMS"), nullptr);
}

// Roles from the shallow-syntax layer (src/syntax): one test per pattern.
TEST(EventRoles, LightVerbGivesANominalTriggerItsSubject) {
  Document d = Analyze("Vladimir Putin melakukan kunjungan ke Korea Utara.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Vladimir Putin"});
  EXPECT_EQ(e->place, "North Korea");
}

// A noun trigger with no participant of its own is not by whoever an earlier sentence named.
TEST(EventRoles, ABareNounIsNotByTheLastPersonNamedBefore) {
  Document d = Analyze(
      "Wali Kota Bandung Muhammad Farhan hadir dalam acara itu. Dalam acara itu, pujian datang "
      "dari warga.");
  size_t praises = 0;
  for (const Event& e : *d.events) {
    if (e.type != "PRAISE") continue;
    ++praises;
    EXPECT_TRUE(e.actors.empty());
  }
  EXPECT_EQ(praises, 1u);
}

// Places listed after a preposition's object are that object, not the subject of the verb.
TEST(EventRoles, APlaceListAfterAPrepositionIsNoSubject) {
  Document d = Analyze(
      "Endang Sulastri (41) alias Mami, wanita pemilik bar, warung, dan rental motor di Legian, "
      "Kuta, Badung, dibunuh secara sadis.");
  const Event* e = First(d, "ASSAULT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, V{"Endang Sulastri"});
}

// In a match report an attack is play and a hold a draw or a save; an arrest of supporters stays.
TEST(Events, PlayInAMatchReportIsNoAttackOrArrest) {
  Document d = Analyze(
      "Persib Bandung ditahan imbang Persija Jakarta 1-1 di Stadion Gelora Bandung Lautan Api, "
      "Sabtu "
      "(12/10). Persib terus menggempur pertahanan Persija pada babak kedua. Serangan Persija dari "
      "sisi kiri membuahkan gol pada menit ke-78. Usai laga, polisi menangkap 12 suporter yang "
      "melempar batu.");
  std::vector<std::string> triggers;
  for (const Event& e : *d.events)
    triggers.push_back(d.text->substr(e.trigger.start, e.trigger.size()));
  EXPECT_EQ(triggers, std::vector<std::string>{"menangkap"});
}

TEST(EventRoles, APlainLocationIsWhereNotWho) {
  // A location that is not a state or a city (LOC: a region, a facility, a mountain range) may be
  // what an event hits, but it does not act: named as the subject it is where the event is.
  Document d = Analyze("Israel kembali menyerang Jalur Gaza pada Senin.");
  const Event* e = First(d, "ATTACK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Israel"});
  EXPECT_EQ(e->targets, V{"Gaza Strip"});  // the KB's canonical name
  d = Analyze("Pegunungan Karpatia menuding Rusia.");
  e = First(d, "ACCUSE");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->actors.empty());
  EXPECT_EQ(e->targets, V{"Russia"});
  EXPECT_EQ(e->place, "Pegunungan Karpatia");
}

TEST(EventRoles, OnlyASupportVerbGivesItsSubjectToTheNoun) {
  // "menghadapi" is no support verb: Prabowo faces the threat, he does not make it — and a
  // threat without someone who makes it is no THREATEN event (cues.tsv "agentive").
  Document d = Analyze("Presiden Prabowo Subianto menghadapi ancaman krisis iklim.");
  EXPECT_EQ(First(d, "THREATEN"), nullptr);
  d = Analyze("Joko Widodo menyinggung pertemuan di Bogor.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->actors.empty());
  d = Analyze("Korea Utara melontarkan ancaman terhadap Jepang.");
  e = First(d, "THREATEN");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"North Korea"});
}

TEST(Events, AnArrivalNeedsAVisitorAndAnInvitationSomeoneInvited) {
  // cues.tsv "agentive" ARRIVE, "patientive" INVITE.
  EXPECT_EQ(First(Analyze("Ketika petugas keamanan tiba, pria itu melarikan diri."), "ARRIVE"),
            nullptr);
  Document d = Analyze("Joko Widodo tiba di Tokyo pada Senin.");
  const Event* e = First(d, "ARRIVE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joko Widodo"});
  EXPECT_EQ(First(Analyze("Kami mengajak para pelajar menjadi duta antinarkoba."), "INVITE"),
            nullptr);
  d = Analyze("Kim Jong Un mengundang Vladimir Putin ke Pyongyang.");
  e = First(d, "INVITE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, V{"Vladimir Putin"});
}

TEST(Events, SupportIsGivenByOrToSomeoneNamed) {
  // cues.tsv "participated" SUPPORT: not the causal support of a policy.
  Document d = Analyze(
      "Kondisi ini tidak terlepas dari dukungan kebijakan stabilisasi yang dilakukan Bank "
      "Indonesia.");
  EXPECT_EQ(First(d, "SUPPORT"), nullptr);
  d = Analyze("Pemerintah memberikan dukungan terhadap Persib Bandung.");
  const Event* e = First(d, "SUPPORT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, V{"Persib Bandung"});
}

TEST(Events, AnItemOfAnEnumerationNamesAKindNotAHappening) {
  Document d = Analyze(
      "Ia mengimbau warga agar tidak terlibat dalam perampokan, pembunuhan, pencurian, dan "
      "kasus kriminal lainnya.");
  EXPECT_EQ(First(d, "ASSAULT"), nullptr);
  // Two items are no enumeration, and a list of clauses is none either.
  d = Analyze("Polisi menyelidiki pembunuhan dan pencurian di Medan.");
  EXPECT_NE(First(d, "ASSAULT"), nullptr);
  d = Analyze("Setelah itu, menurut polisi, pembunuhan terjadi di rumah korban.");
  EXPECT_NE(First(d, "ASSAULT"), nullptr);
}

TEST(Events, AskingIsADemandUnlessForgivenessOrTestimony) {
  const Event* e = nullptr;
  Document d = Analyze("Menteri Retno Marsudi meminta Israel menghentikan serangan.");
  e = First(d, "DEMAND");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Retno Marsudi"});
  EXPECT_EQ(First(Analyze("Bupati Sikka meminta maaf kepada warga."), "DEMAND"), nullptr);
  EXPECT_EQ(First(Analyze("Polisi meminta keterangan tiga saksi."), "DEMAND"), nullptr);
  EXPECT_EQ(First(Analyze("Sidang kasus korupsi digelar di Jakarta."), "MEET"), nullptr);
  EXPECT_NE(First(Analyze("Sidang kabinet digelar di Istana."), "MEET"), nullptr);
}

TEST(Events, SigningAnAgreementIsAnAgreementButSigningALetterIsNot) {
  Document signing = Analyze("Jokowi dan Anthony Albanese menandatangani perjanjian dagang.");
  const Event* e = First(signing, "AGREE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"Joko Widodo", "Anthony Albanese"}));
  EXPECT_NE(First(Analyze("Penandatanganan nota kesepahaman digelar di Jakarta."), "AGREE"),
            nullptr);
  EXPECT_EQ(First(Analyze("Bupati menandatangani surat keputusan itu."), "AGREE"), nullptr);
  // "meneken kesepakatan": the agreement noun is the trigger (a light-verb construction), once.
  Document d = Analyze("Menteri Tito Karnavian meneken kesepakatan bersama Menteri Dody.");
  ASSERT_EQ(d.events->size(), 1u);
  EXPECT_EQ(d.text->substr((*d.events)[0].trigger.start, 11), "kesepakatan");
}

TEST(Events, AnActionNounBeforeAidLeavesTheEventToTheAid) {
  // "penerima bantuan" names people; "pemberian/mobilisasi bantuan" is the aid being delivered.
  EXPECT_EQ(First(Analyze("Penerima bantuan berkumpul di balai desa."), "AID"), nullptr);
  EXPECT_NE(First(Analyze("Mobilisasi bantuan dilakukan dari Medan."), "AID"), nullptr);
  EXPECT_NE(First(Analyze("Pemberian bantuan kepada korban banjir dimulai Senin."), "AID"),
            nullptr);
  // So does a noun of taking part: "massa aksi", "peserta rapat" are in a specific happening.
  Document protest =
      Analyze("Mahasiswa menggelar demo di Semarang. Polisi meminta massa aksi tertib.");
  EXPECT_EQ(std::count_if(protest.events->begin(), protest.events->end(),
                          [](const Event& e) { return e.type == "PROTEST"; }),
            2);
  EXPECT_NE(First(Analyze("\"Setuju,\" jawab para peserta rapat."), "MEET"), nullptr);
}

TEST(Events, ADiPassiveIsAVerbEvenWhenTaggedAsANoun) {
  // The tagger reads "Gubernur diimbau" as one phrase; a di- form is verbal morphology.
  EXPECT_NE(First(Analyze("Gubernur diimbau segera menunda kenaikan tarif."), "DEMAND"), nullptr);
  // An exhortation to the public is no demand on anyone (annotation guideline).
  EXPECT_EQ(First(Analyze("Masyarakat diimbau untuk menghindari lokasi tersebut."), "DEMAND"),
            nullptr);
  EXPECT_NE(First(Analyze("Dalam kasus ini sudah ada tersangka yang ditetapkan KPK."), "ACCUSE"),
            nullptr);
  // "kebutuhan mendesak" is an urgent need, not urging.
  EXPECT_EQ(
      First(Analyze("Menteri memaparkan kebutuhan mendesak Indonesia akan daging."), "DEMAND"),
      nullptr);
}

TEST(Events, NewsVerbsOfArrestAssaultDismissalAndDenial) {
  EXPECT_NE(First(Analyze("Polisi meringkus dua pencuri di Medan."), "ARREST"), nullptr);
  EXPECT_NE(First(Analyze("Pelaku akhirnya dibekuk polisi di Bitung."), "ARREST"), nullptr);
  EXPECT_EQ(First(Analyze("Persib membekuk tim tamu dengan skor 2-0."), "ARREST"), nullptr);
  EXPECT_NE(First(Analyze("Korban disiksa selama tujuh jam."), "ASSAULT"), nullptr);
  EXPECT_EQ(First(Analyze("Aku tidak ingin orang itu tersiksa."), "ASSAULT"), nullptr);
  EXPECT_NE(First(Analyze("Elpi dicopot dari jabatan Plt Kepala Dinas."), "SANCTION"), nullptr);
  EXPECT_EQ(First(Analyze("Strobo dan sirine itu sudah dicopot petugas."), "SANCTION"), nullptr);
  EXPECT_NE(First(Analyze("Partai NasDem menonaktifkan kadernya di DPR."), "SANCTION"), nullptr);
  EXPECT_NE(First(Analyze("Universitas Udayana menepis kabar tersebut."), "DENY"), nullptr);
  // "tidak menampik kemungkinan" admits a possibility; a goalkeeper's save is no denial.
  EXPECT_EQ(First(Analyze("Ia tidak menampik kemungkinan itu."), "DENY"), nullptr);
  EXPECT_EQ(First(Analyze("Sepakan Eze ditepis kiper West Ham."), "DENY"), nullptr);
}

TEST(Events, StrikesAndDonationsNeedTheirObjects) {
  EXPECT_NE(First(Analyze("Ribuan buruh mogok kerja di Bekasi."), "PROTEST"), nullptr);
  EXPECT_EQ(First(Analyze("Banyak motor yang mogok di palang kereta."), "PROTEST"), nullptr);
  EXPECT_NE(First(Analyze("Warga menyumbangkan uang untuk korban gempa."), "AID"), nullptr);
  EXPECT_EQ(First(Analyze("Inflasi Juli disumbang harga beras yang tinggi."), "AID"), nullptr);
}

TEST(Events, AHabitIsNoHappening) {
  // A habitual marker before the trigger, or a habitual main clause after a "saat" clause.
  EXPECT_EQ(
      First(Analyze("Para pelaku memang kerap menggelar unjuk rasa di kantor bupati."), "PROTEST"),
      nullptr);
  EXPECT_EQ(First(Analyze("Saat saya bertemu warga, mereka selalu bertanya soal harga."), "MEET"),
            nullptr);
  EXPECT_EQ(First(Analyze("Setiap tahun mahasiswa berdemo di depan gedung DPR."), "PROTEST"),
            nullptr);
  // Not past a relative clause that ends before the trigger, nor "setiap" before a non-time noun.
  EXPECT_NE(
      First(Analyze("Putin, yang sering mengkritik Barat, bertemu Kim Jong Un di Moskow."), "MEET"),
      nullptr);
  EXPECT_NE(
      First(Analyze("Mahasiswa berdemo di depan gedung DPR pada Senin (20/10/2025)."), "PROTEST"),
      nullptr);
}

TEST(Events, UrgingThePublicIsNoDemand) {
  EXPECT_EQ(
      First(Analyze("Kanwil DJP mengimbau seluruh wajib pajak agar segera melapor."), "DEMAND"),
      nullptr);
  EXPECT_EQ(
      First(Analyze("Dia mengingatkan publik agar tidak menyebarkan disinformasi."), "DEMAND"),
      nullptr);
  EXPECT_NE(
      First(Analyze("Muhaimin mengingatkan Pemda agar fokus mengendalikan inflasi."), "DEMAND"),
      nullptr);
}

TEST(Events, AReduplicatedNounIsAKindNotAHappening) {
  EXPECT_EQ(First(Analyze("Rapat-rapat di hotel harus ditiadakan."), "MEET"), nullptr);
  EXPECT_EQ(First(Analyze("Kampus diharapkan menghasilkan temuan-temuan baru."), "MEET"), nullptr);
  EXPECT_NE(First(Analyze("Rapat di hotel itu digelar Senin."), "MEET"), nullptr);
}

TEST(Events, DistributingIsAidOnlyInAnArticleAboutAid) {
  EXPECT_NE(First(Analyze("Kemensos menyalurkan bantuan sembako kepada korban banjir."), "AID"),
            nullptr);
  EXPECT_EQ(First(Analyze("Pemerintah pusat telah menyalurkan anggaran ke daerah."), "AID"),
            nullptr);
  EXPECT_EQ(First(Analyze("Pertamina memastikan penyaluran BBM di Lampung lancar."), "AID"),
            nullptr);
}

TEST(Events, AThingThatSupportsAGoalIsNoSupporter) {
  EXPECT_EQ(First(Analyze("RUU Sistranas mendukung pembangunan nasional Indonesia."), "SUPPORT"),
            nullptr);
  EXPECT_NE(First(Analyze("Dede Yusuf mendukung instruksi Prabowo Subianto."), "SUPPORT"), nullptr);
  // A pronoun subject is someone, though unresolved.
  EXPECT_NE(First(Analyze("Tauhid mengatakan pihaknya mendukung pembentukan Kementerian Haji."),
                  "SUPPORT"),
            nullptr);
}

TEST(Events, FindingAndTelephonesAreNoMeetings) {
  EXPECT_EQ(First(Analyze("Warga Cisaat temukan benda asing dalam menu makan siang."), "MEET"),
            nullptr);
  EXPECT_EQ(First(Analyze("Ia dijanjikan uang saku dan telepon genggam."), "MEET"), nullptr);
  EXPECT_NE(First(Analyze("Prabowo menerima telepon dari Presiden Vladimir Putin."), "MEET"),
            nullptr);
}

TEST(Events, SendingReliefAndLogisticSupportAreAid) {
  EXPECT_NE(First(Analyze("Unpad mengirimkan tim relawan ke Aceh."), "AID"), nullptr);
  EXPECT_EQ(First(Analyze("Unpad mengirimkan surat kepada Kemendikti."), "AID"), nullptr);
  // "dukungan logistik" is aid where there is a disaster, not for an election.
  EXPECT_NE(First(Analyze("Korban banjir menerima dukungan logistik dari BUMN Karya."), "AID"),
            nullptr);
  EXPECT_EQ(First(Analyze("KPU memberikan dukungan logistik pada Pemilu 2024."), "AID"), nullptr);
}

TEST(Events, HandingOutReliefAndAidPackagesAreAid) {
  EXPECT_NE(First(Analyze("Polres Bogor membagikan sembako kepada warga terdampak banjir."), "AID"),
            nullptr);
  EXPECT_EQ(First(Analyze("Guru membagikan pengalamannya kepada para siswa."), "AID"), nullptr);
  // "bagi" the preposition is no handing out.
  EXPECT_EQ(First(Analyze("Sembako itu penting bagi warga."), "AID"), nullptr);
  // A package of aid is aid ("paket" is a light noun); a recipient of aid is not.
  EXPECT_NE(First(Analyze("Paket bantuan tersebut diserahkan langsung oleh Gubernur."), "AID"),
            nullptr);
  EXPECT_EQ(First(Analyze("Penerima bantuan mengantre di kantor pos."), "AID"), nullptr);
}

TEST(Events, TheDefendantAndTheScreenshotAreNoEvents) {
  // "terdakwa"/"tergugat" name a party to a case; "tangkapan layar" is a screenshot.
  EXPECT_EQ(First(Analyze("Terdakwa kemudian meninggalkan rumah korban."), "ACCUSE"), nullptr);
  {
    Document d = Analyze("Gugatan itu terdaftar dengan tergugat Henry Edlin.");
    ASSERT_TRUE(d.events);
    size_t accusations = 0;
    for (const Event& e : *d.events) {
      if (e.type != "ACCUSE") continue;
      ++accusations;
      EXPECT_EQ(e.trigger.start, 0u);  // "Gugatan", not "tergugat"
    }
    EXPECT_EQ(accusations, 1u);
  }
  EXPECT_NE(First(Analyze("Jaksa mendakwa Suhendra membunuh Sri."), "ACCUSE"), nullptr);
  EXPECT_EQ(First(Analyze("Sejumlah tangkapan layar beredar di media sosial."), "ARREST"), nullptr);
  EXPECT_NE(First(Analyze("Polisi menangkap pelaku di Bekasi."), "ARREST"), nullptr);
}

TEST(Events, AnOffendersActIsNoProtest) {
  // "aksi" is a protest in an article about a demonstration, not an offender's act in it: only
  // "demo" is a PROTEST here.
  Document d = Analyze(
      "Mahasiswa menggelar demo di depan DPRD. Saat melancarkan aksinya, pelaku mengancam korban.");
  ASSERT_TRUE(d.events);
  size_t protests = 0;
  for (const Event& e : *d.events)
    if (e.type == "PROTEST") ++protests;
  EXPECT_EQ(protests, 1u);
}

TEST(Events, AnAcronymListedAsATriggerIsNoName) {
  // The tagger calls "OTT" PROPN; an acronym listed as a trigger form is the event, other names are
  // not.
  EXPECT_NE(First(Analyze("KPK kembali melakukan OTT di Medan."), "ARREST"), nullptr);
  EXPECT_EQ(First(Analyze("Warga menonton film Serangan Fajar di bioskop."), "ATTACK"), nullptr);
}
TEST(EventRoles, BetweenXAndYAreBothActors) {
  Document d = Analyze("Pertemuan antara Kim Jong Un dan Vladimir Putin berlangsung di Moskow.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"Kim Jong Un", "Vladimir Putin"}));
  EXPECT_EQ(e->place, "Moscow");
}

TEST(EventRoles, CoordinatedPredicateSharesTheSubject) {
  Document d = Analyze("Vladimir Putin tiba di Pyongyang dan bertemu Kim Jong Un.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Vladimir Putin"});
  EXPECT_EQ(e->targets, V{"Kim Jong Un"});
}

TEST(EventRoles, GuestOfAHostingVerbVisits) {
  Document d = Analyze("Kim Jong Un menyambut Sergei Shoigu ketika tiba di Pyongyang.");
  const Event* e = First(d, "ARRIVE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Sergei Shoigu"});
  EXPECT_EQ(e->place, "Pyongyang");
}

TEST(EventRoles, AParenthesisedShortFormIsTheSameParticipant) {
  // "Presiden Amerika Serikat (AS) Joe Biden" is one person with titles; "(AS)" is not a second
  // participant, nor is the state his title names.
  Document d = Analyze("Presiden Amerika Serikat (AS) Joe Biden mengunjungi Ukraina.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joe Biden"});
  d = Analyze("Korea Selatan (Korsel) dan Jepang menjatuhkan sanksi kepada Rusia.");
  e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"South Korea", "Japan"}));
  EXPECT_EQ(e->targets, V{"Russia"});
}

TEST(EventRoles, AnUnnamedObjectIsNamedAfterItsPlace) {
  // "pemimpin tertinggi di Prancis Emmanuel Macron": the object is the person the description
  // ends with, not the place inside it.
  Document d = Analyze(
      "Prabowo Subianto mengundang pemimpin tertinggi di Prancis Emmanuel Macron ke Jakarta.");
  const Event* e = First(d, "INVITE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Prabowo Subianto"});
  EXPECT_EQ(e->targets, V{"Emmanuel Macron"});
}

TEST(EventRoles, WhoIsInvitedOrAskedToActActsAndItIsPlanned) {
  // Object control: in "X mengajak Y untuk V", Y would do V — and V has not happened.
  Document d = Analyze("Joko Widodo mengajak Anthony Albanese untuk berkunjung ke Bali.");
  // The invitation is to where the visit would be.
  const Event* invite = First(d, "INVITE");
  ASSERT_NE(invite, nullptr);
  EXPECT_EQ(invite->place, "Bali");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Anthony Albanese"});
  EXPECT_EQ(e->place, "Bali");
  EXPECT_EQ(e->modality, "planned");
  // Not so after a verb without an object that acts: the subject does V, as it happened.
  d = Analyze("Joko Widodo terbang ke Sydney untuk bertemu Anthony Albanese.");
  e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors.front(), "Joko Widodo");
}

TEST(EventRoles, AFrontedSubordinateClauseTakesTheMainSubject) {
  // The dropped subject of "Setelah/Usai …" before the main clause is the main clause's subject,
  // with or without the comma that ends the fronted clause.
  Document d = Analyze(
      "Setelah melakukan kunjungan ke Hanoi, Presiden Amerika Serikat (AS) Joe Biden bertemu "
      "dengan Xi Jinping.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joe Biden"});
  EXPECT_EQ(e->place, "Hanoi");
  e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joe Biden"});
  EXPECT_EQ(e->targets, V{"Xi Jinping"});
  d = Analyze("Usai menggelar pertemuan itu Presiden Joe Biden mengunjungi Hanoi.");
  e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joe Biden"});
}

TEST(EventRoles, WhoComesAlongActsUnlessTheEventIsReciprocal) {
  // "bersama X": X visits too; but a meeting "bersama X" is with X. A visited institution is
  // where the visit is.
  Document d = Analyze("Sri Mulyani mengunjungi Universitas Indonesia bersama Joko Widodo.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"Sri Mulyani Indrawati", "Joko Widodo"}));
  EXPECT_TRUE(e->targets.empty());
  EXPECT_EQ(e->place, "Universitas Indonesia");
  d = Analyze("Sri Mulyani bertemu bersama Joko Widodo di Jakarta.");
  e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Sri Mulyani Indrawati"});
  EXPECT_EQ(e->targets, V{"Joko Widodo"});
}

TEST(EventRoles, WhatIsReceivedComesFromItsSource) {
  // "X menerima/mendapat/menuai bantuan dari Y": Y aids X.
  Document d = Analyze("Palestina menerima bantuan dari Indonesia pada Senin.");
  const Event* e = First(d, "AID");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Indonesia"});
  EXPECT_EQ(e->targets, V{"Palestine"});
}

TEST(EventRoles, ARoleAndItsHolderAcrossACommaAreOnePerson) {
  Document d = Analyze(
      "Presiden Prancis, Emmanuel Macron, bertemu dengan pemimpin China, Xi Jinping, di Paris.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Emmanuel Macron"});
  EXPECT_EQ(e->targets, V{"Xi Jinping"});
  // Two participants listed with commas stay two.
  d = Analyze("Prancis, Jerman, dan Italia menjatuhkan sanksi kepada Iran.");
  e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors.size(), 3u);
}

TEST(EventRoles, AnUnnamedSubjectIsNotReplacedByTheLastNameTold) {
  // The subject of "memasok" is "negara" (unnamed): no actor, rather than the last entity.
  Document d = Analyze(
      "Ukraina diserang pada Senin. Korea Utara termasuk negara yang bersedia bekerja sama "
      "dengan Rusia dengan memasok senjata.");
  const Event* e = First(d, "SUPPLY_ARMS");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"North Korea"});  // through the copula "termasuk"
}

TEST(EventRoles, ADemonstrativeNounTriggerIsTheEventToldBefore) {
  Document d = Analyze(
      "Vladimir Putin mengunjungi Korea Utara pada 19 Juni 2024. Kunjungan tersebut mencakup "
      "konser gala di Pyongyang.");
  ASSERT_EQ(d.events->size(), 2u);
  const Event& e = (*d.events)[1];
  EXPECT_EQ(e.type, "VISIT");
  EXPECT_EQ(e.actors, V{"Vladimir Putin"});
  EXPECT_EQ(e.time, "2024-06-19");
}

TEST(EventRoles, ADemonstrativeNounWithItsOwnParticipantsKeepsTheDateAndPlaceToldBefore) {
  Document d = Analyze(
      "Joko Widodo bertemu Xi Jinping di Beijing pada Senin (15/9/2025). Pertemuan tersebut "
      "dihadiri Prabowo Subianto.");
  ASSERT_EQ(d.events->size(), 2u);
  const Event& e = (*d.events)[1];
  EXPECT_EQ(e.type, "MEET");
  EXPECT_EQ(e.time, "2025-09-15");
  EXPECT_EQ(e.place, "Beijing");
  // Without a demonstrative it is another meeting: no date or place is taken.
  d = Analyze(
      "Joko Widodo bertemu Xi Jinping di Beijing pada Senin (15/9/2025). Pertemuan berikutnya "
      "dihadiri Prabowo Subianto.");
  ASSERT_EQ(d.events->size(), 2u);
  EXPECT_EQ((*d.events)[1].time, std::nullopt);
  EXPECT_EQ((*d.events)[1].place, std::nullopt);
}

TEST(EventRoles, ThatTimePointsBackToTheDateToldBefore) {
  Document d = Analyze(
      "Kim Jong Un mulai berkuasa pada 2011. Saat itu, Rusia menjatuhkan sanksi kepada Korea "
      "Utara.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->time, "2011");
  // "Since then" bounds the time: no date is taken.
  d = Analyze(
      "Kim Jong Un mulai berkuasa pada 2011. Sejak saat itu, Rusia menjatuhkan sanksi kepada "
      "Korea Utara.");
  e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->time, "2011");
}

TEST(EventRoles, AnEpisodeNamedAgainKeepsItsDateButAMeetingMayBeAnother) {
  Document d = Analyze(
      "Rusia menginvasi Ukraina pada Februari 2022. Kim Jong Un mendukung invasi Rusia ke "
      "Ukraina.");
  ASSERT_EQ(d.events->size(), 3u);  // ATTACK, SUPPORT, ATTACK
  const Event& again = (*d.events)[2];
  EXPECT_EQ(again.type, "ATTACK");
  EXPECT_EQ(again.time, "2022-02");
  // The place stands for the target where none is named.
  d = Analyze(
      "Rusia menginvasi Ukraina pada Februari 2022. Hubungan keduanya menguat setelah invasi "
      "Rusia di Ukraina.");
  const Event* again_there = nullptr;
  for (const Event& e : *d.events)
    if (e.type == "ATTACK" && e.sentence == 1) again_there = &e;
  ASSERT_NE(again_there, nullptr);
  EXPECT_EQ(again_there->time, "2022-02");
  d = Analyze(
      "Kim Jong Un bertemu Vladimir Putin pada 2019. Pertemuan Kim Jong Un dengan Vladimir Putin "
      "membahas senjata.");
  ASSERT_EQ(d.events->size(), 2u);
  EXPECT_EQ((*d.events)[1].type, "MEET");
  EXPECT_NE((*d.events)[1].time, "2019");
}

TEST(EventRoles, AFrontedAdverbialTakesTheMainSubject) {
  Document d =
      Analyze("Dalam pertemuan dengan Xi Jinping, Joko Widodo meminta dukungan untuk Palestina.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joko Widodo"});
  EXPECT_EQ(e->targets, V{"Xi Jinping"});
}

TEST(EventRoles, BetweenXAndYThenAPredicateKeepsBothSides) {
  // "dan" completes "antara": it does not open a clause before "adalah".
  Document d =
      Analyze("Ia menilai pertemuan antara Rusia dan Korea Utara adalah pertemuan bersejarah.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, (V{"Russia", "North Korea"}));
}

TEST(EventRoles, TheFirstPersonInADirectQuoteIsItsSpeaker) {
  Document d = Analyze(
      "\"Hari ini saya mengunjungi Surabaya untuk melihat banjir,\" kata Joko Widodo kepada "
      "wartawan.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joko Widodo"});
  EXPECT_EQ(e->modality, "reported");
}

// Only in its own clause: a quote the splitter kept whole ends its clauses at full stops; and
// "ada yang …" (someone) is no named actor, nor the speaker.
TEST(EventRoles, TheSpeakersFirstPersonStaysInItsClauseAndSomeoneIsNobodyNamed) {
  Document d = Analyze(
      "\"Saya sedang ngobrol sama korban, kondisi macet. Tiba-tiba dari arah belakang ada yang "
      "bacok. Niat mau sekolah, pelaku pakai jaket, begitu membacok langsung lari,\" kata Ardi "
      "Wijaya saat ditemui.");
  size_t assaults = 0;
  for (const Event& e : *d.events) {
    if (e.type != "ASSAULT") continue;
    ++assaults;
    EXPECT_TRUE(e.actors.empty()) << d.text->substr(e.trigger.start, e.trigger.size());
  }
  EXPECT_GE(assaults, 1u);
}

TEST(EventRoles, AnAttackTowardAStateIsOnIt) {
  Document d = Analyze("Sejak invasi Rusia ke Ukraina pada Februari 2022, harga gandum naik.");
  const Event* e = First(d, "ATTACK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Russia"});
  EXPECT_EQ(e->targets, V{"Ukraine"});
  EXPECT_FALSE(e->place.has_value());
  // A visit "ke" a state is still where it happens.
  d = Analyze("Vladimir Putin melakukan kunjungan ke Vietnam.");
  e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->targets.empty());
  EXPECT_EQ(e->place, "Vietnam");
  // Arms sent "ke" a state go to it.
  d = Analyze("Korea Utara diduga memasok senjata ke Rusia, menurut laporan intelijen.");
  e = First(d, "SUPPLY_ARMS");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, V{"Russia"});
  EXPECT_FALSE(e->place.has_value());
}

TEST(EventRoles, AfterASupportVerbTheNamesInTheTriggerPhraseAreWhatItIsAbout) {
  // "kunjungan Putin": Putin visits; but in "KPK melakukan penahanan X" KPK acts on X.
  Document d = Analyze("KPK melakukan penahanan Bupati Sidoarjo Ahmad Muhdlor pada Selasa.");
  const Event* e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"KPK"});
  EXPECT_EQ(e->targets, V{"Ahmad Muhdlor"});
  d = Analyze("Kunjungan Vladimir Putin ke Korea Utara berlangsung dua hari.");
  e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Vladimir Putin"});
}

TEST(EventRoles, AnUnnamedOwnerIsNotReplacedByTheLastNameTold) {
  // "Demonstrasi pelaku pariwisata": the protesters are said, just not named.
  Document d = Analyze(
      "Cecep Darmawan adalah pengamat. Demonstrasi pelaku pariwisata di Bandung berujung ricuh.");
  const Event* e = First(d, "PROTEST");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->actors.empty());
}

TEST(Events, AnEventToldAfterAVerbOfSayingIsReported) {
  Document d = Analyze("Listyo Sigit mengatakan polisi telah menangkap tiga tersangka di Bekasi.");
  const Event* e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "reported");
  d = Analyze("Polisi menangkap tiga tersangka di Bekasi.");
  e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "asserted");
}

TEST(Events, NegationDoesNotCrossACoordinator) {
  Document d = Analyze("Mahasiswa menyoroti janji yang belum ditepati serta menuntut reformasi.");
  const Event* e = First(d, "DEMAND");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->modality, "denied");
  d = Analyze("Mahasiswa tidak menuntut reformasi.");
  e = First(d, "DEMAND");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "denied");
}

TEST(Events, ARelativeClauseKeepsItsOwnTense) {
  // "akan" plans the coming summit, not the meeting "yang pernah" happened.
  Document d = Analyze(
      "Ini akan menjadi pertemuan kedua Kim Jong Un dengan Vladimir Putin, yang pernah bertemu "
      "pada 2019.");
  ASSERT_GE(d.events->size(), 2u);
  const Event& past = (*d.events)[1];
  EXPECT_EQ(past.time, "2019");
  EXPECT_EQ(past.modality, "asserted");
  EXPECT_EQ((*d.events)[0].modality, "planned");
}

TEST(Events, WhatASpeakerDidNotSayIsOnlyPossible) {
  Document d = Analyze("Peskov tidak mengatakan Putin akan bertemu Kim Jong Un di sana.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "hypothetical");
}

TEST(EventRoles, AChainOfPurposeClausesKeepsTheControlledActor) {
  // Washington urges Pyongyang to keep its promise not to sell arms: Pyongyang would (not) sell.
  Document d = Analyze(
      "Amerika Serikat mendesak Korea Utara untuk mematuhi janjinya untuk tidak menjual senjata "
      "ke Rusia.");
  const Event* e = First(d, "SUPPLY_ARMS");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"North Korea"});
  EXPECT_EQ(e->modality, "hypothetical");
}

TEST(Events, ANegatedVerbDoesNotDenyTheEventItsObjectNames) {
  // Not confirming where a meeting is held does not deny the meeting; "lokasi" lets the meeting
  // be an event (a light noun).
  Document d = Analyze(
      "Kremlin tidak mengonfirmasi lokasi pertemuan antara Vladimir Putin dan Kim Jong Un.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->modality, "denied");
  d = Analyze("Vladimir Putin tidak melakukan kunjungan ke Korea Utara.");
  e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "denied");  // through a support verb the negation reaches
}

TEST(Events, ANegationModifyingAnotherWordLeavesTheEventAlone) {
  Document d = Analyze("Pelatih itu akhirnya merasakan tidak enaknya dipecat oleh klub.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_NE(e->modality, "denied");
  // "mengundang kontroversi" invites no one.
  EXPECT_EQ(First(Analyze("Kebijakan Joko Widodo itu mengundang kontroversi."), "INVITE"), nullptr);
  EXPECT_NE(First(Analyze("Joko Widodo mengundang Anthony Albanese ke Jakarta."), "INVITE"),
            nullptr);
}

TEST(Events, AnAgentNounIsAPersonNotAnEvent) {
  EXPECT_EQ(First(Analyze("Pengunjung Monas memadati Jakarta pada Minggu."), "VISIT"), nullptr);
  EXPECT_EQ(First(Analyze("Penyerang Persib itu mencetak dua gol."), "ATTACK"), nullptr);
  EXPECT_NE(First(Analyze("Kunjungan Joko Widodo ke Monas berlangsung singkat."), "VISIT"),
            nullptr);
  EXPECT_NE(First(Analyze("Penyerangan terhadap polisi terjadi di Bekasi."), "ATTACK"), nullptr);
}

TEST(Events, WantsMustsAndQuotedDenials) {
  // A wish or an obligation is not a fact; a denial inside a quote is still a denial.
  Document d = Analyze("Amerika Serikat ingin PBB menjatuhkan sanksi kepada Korea Utara.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "hypothetical");
  d = Analyze("\"Kami tidak sepakat dengan keputusan Amerika Serikat,\" kata Matthew Rycroft.");
  e = First(d, "AGREE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->modality, "denied");
  // Football: a team held to a draw is not arrested.
  EXPECT_EQ(First(Analyze("Persib tertahan di peringkat 11 dengan 20 poin."), "ARREST"), nullptr);
}

TEST(Events, IdiomsAreNoEvents) {
  // "tak kunjung" = not yet; "mengundang perdebatan" = to stir debate.
  EXPECT_EQ(First(Analyze("Jerawat Budi tak kunjung berkurang."), "VISIT"), nullptr);
  EXPECT_EQ(First(Analyze("Transformasi Kementerian BUMN mengundang perdebatan."), "INVITE"),
            nullptr);
}

TEST(Events, AnUndatedEventMarkedAsPastIsPastRef) {
  // Not the publication day: some time before it.
  Document d = Analyze("Rusia sempat menjatuhkan sanksi kepada Korea Utara.", "2023-09-14");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->time, "PAST_REF");
  EXPECT_EQ(e->modality, "asserted");
  d = Analyze("Rusia menjatuhkan sanksi kepada Korea Utara.", "2023-09-14");
  e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->time.has_value());  // the timeline dates it by the article
}

TEST(EventRoles, AFrontedParticipialClauseTakesTheMainSubject) {
  Document d = Analyze("Mengunjungi Surabaya pada Senin, Joko Widodo meninjau banjir di sana.",
                       "2024-06-14");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Joko Widodo"});
}

TEST(EventRoles, APenAnNounNamesItsPatient) {
  // "Penangkapan X": X is arrested, and no one named earlier made the arrest.
  Document d = Analyze(
      "Listyo Sigit berbicara di Jakarta. Penangkapan Rizieq Shihab terjadi pada Senin malam.");
  const Event* e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, V{"Rizieq Shihab"});
  EXPECT_TRUE(e->actors.empty());
  // An -an noun names its agent: "serangan Rusia" is Russia's.
  d = Analyze("Serangan Rusia menghancurkan pembangkit listrik Ukraina.");
  e = First(d, "ATTACK");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Russia"});
}

TEST(EventRoles, ANounTriggerGivenByAPassiveSupportVerbTakesItsAgent) {
  // "Sanksi itu dijatuhkan X kepada Y": X sanctions Y.
  Document d = Analyze("Sanksi itu dijatuhkan Amerika Serikat kepada Iran pada Senin.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"United States"});
  EXPECT_EQ(e->targets, V{"Iran"});
  d = Analyze("Undangan tersebut disampaikan oleh Xi Jinping kepada Vladimir Putin.");
  e = First(d, "INVITE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Xi Jinping"});
  EXPECT_EQ(e->targets, V{"Vladimir Putin"});
}

TEST(EventRoles, RelativeClauseTakesItsAntecedent) {
  Document d =
      Analyze("Pemerintah Rusia yang menjatuhkan sanksi kepada Jepang menolak berkomentar.");
  const Event* e = First(d, "SANCTION");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->actors.size(), 1u);
  EXPECT_NE(e->actors[0].find("Russia"), std::string::npos) << e->actors[0];
  EXPECT_EQ(e->targets, V{"Japan"});
}

TEST(EventRoles, PassiveWithABareAgent) {
  Document d = Analyze("Vladimir Putin dikunjungi Kim Jong Un di Moskow.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->actors, V{"Kim Jong Un"});
  EXPECT_EQ(e->targets, V{"Vladimir Putin"});
}

TEST(EventRoles, EventsWithoutNamedParticipantsAreKept) {
  Document d = Analyze("Seorang pria ditangkap polisi kemarin.");
  const Event* e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->actors.empty());
  EXPECT_TRUE(e->targets.empty());
}

TEST(EventRoles, NounTriggerModifyingAnotherNounIsNoEvent) {
  EXPECT_EQ(First(Analyze("Warga penerima bantuan berkumpul di balai desa."), "AID"), nullptr);
  EXPECT_NE(First(Analyze("Pemerintah Jepang mengirim bantuan ke Gaza."), "AID"), nullptr);
  // … unless the noun it modifies is a light one.
  EXPECT_NE(First(Analyze("Polisi melakukan tindakan penahanan terhadap Budi Santoso."), "ARREST"),
            nullptr);
}

TEST(EventRoles, ADateInARelativeClauseDatesItsOwnPredicate) {
  Document d = Analyze(
      "Vladimir Putin akan melakukan kunjungan ke Korea Utara untuk mencari amunisi bagi kampanye "
      "militer yang diluncurkannya sejak Februari 2022.");
  const Event* e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->time.has_value()) << *e->time;
  d = Analyze("Vladimir Putin mengunjungi Korea Utara pada Rabu (19/6/2024).");
  e = First(d, "VISIT");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->time, "2024-06-19");
}

TEST(Events, Modality) {
  auto modality = [](const std::string& text, const std::string& type) {
    Document d = Analyze(text);
    const Event* e = First(d, type);
    return e ? e->modality : std::string("(none)");
  };
  EXPECT_EQ(modality("Vladimir Putin mengunjungi Korea Utara pada Rabu (12/6/2024).", "VISIT"),
            "asserted");
  EXPECT_EQ(modality("Vladimir Putin akan mengunjungi Korea Utara.", "VISIT"), "planned");
  EXPECT_EQ(modality("Vladimir Putin mengunjungi Korea Utara pada Rabu (19/6/2024).", "VISIT"),
            "planned");  // a date after publication
  EXPECT_EQ(
      modality("Vladimir Putin telah mengunjungi Korea Utara pada Rabu (19/6/2024).", "VISIT"),
      "asserted");  // said to be done: the timeline flags the anachronism
  EXPECT_EQ(modality("Vladimir Putin mungkin mengunjungi Korea Utara.", "VISIT"), "hypothetical");
  EXPECT_EQ(modality("Korea Utara diduga memasok senjata ke Rusia.", "SUPPLY_ARMS"), "alleged");
  EXPECT_EQ(modality("Korea Utara membantah bahwa mereka memasok senjata ke Rusia.", "SUPPLY_ARMS"),
            "denied");
  EXPECT_EQ(modality("Korea Utara tidak memasok senjata ke Rusia.", "SUPPLY_ARMS"), "denied");
  EXPECT_EQ(modality("“Korea Utara memasok senjata ke Rusia,” kata Antony Blinken.", "SUPPLY_ARMS"),
            "reported");
}

TEST(Quotes, SpeakerAfterBeforeAndByClitic) {
  Document d = Analyze("“Kami siap bekerja sama dengan semua pihak,” kata Vladimir Putin.");
  ASSERT_EQ(d.quotes->size(), 1u);
  EXPECT_EQ((*d.quotes)[0].speaker.value_or(""), "Vladimir Putin");
  EXPECT_EQ((*d.quotes)[0].cue.value_or(""), "kata");
  d = Analyze("Antony Blinken mengatakan, “Kami tidak akan tinggal diam soal ini.”");
  EXPECT_EQ(OnlySpeaker(d), "Antony Blinken");
  d = Analyze("Xi Jinping tiba di Moskow. “Hubungan kita sangat erat dan kuat,” ujarnya.");
  EXPECT_EQ(OnlySpeaker(d), "Xi Jinping");
}

TEST(Events, ABareNounOpeningTheNextSentenceIsTheSameHappening) {
  Document d = Analyze(
      "Prabowo Subianto bertemu Xi Jinping di Beijing, Sabtu (9/11/2024). Pertemuan berlangsung "
      "sekitar dua jam dan membahas perdagangan.");
  std::vector<const Event*> meets;
  for (const Event& e : *d.events)
    if (e.type == "MEET") meets.push_back(&e);
  ASSERT_EQ(meets.size(), 2u);
  EXPECT_EQ(meets[1]->actors, meets[0]->actors);
  EXPECT_EQ(meets[1]->time, meets[0]->time);
}

TEST(Events, WhereOneComesFromIsNoPlaceOfTheEvent) {
  Document d =
      Analyze("Setelah dari China, Prabowo Subianto bertemu Joe Biden untuk membahas tarif.");
  const Event* e = First(d, "MEET");
  ASSERT_NE(e, nullptr);
  EXPECT_FALSE(e->place.has_value()) << e->place.value_or("");
}

TEST(Quotes, AWeekdayAfterTheSpeakerIsNoName) {
  // "…," tulis analisa pasar Phintraco Sekuritas, Rabu (17/9/2025): the date is no speaker.
  Document d = Analyze(
      "“Pasar masih menunggu keputusan bank sentral pekan depan,” tulis analisa pasar Phintraco "
      "Sekuritas, Rabu (17/9/2025).");
  ASSERT_EQ(d.quotes->size(), 1u);
  EXPECT_NE((*d.quotes)[0].speaker.value_or(""), "Rabu");
}

// "tersebut" (the said …) shares its lemma with "menyebut" (to say) and is no speech verb: a
// name in quotation marks after it is no quote.
TEST(Quotes, ADemonstrativeIsNoSpeechVerb) {
  Document d = Analyze(
      "Pemprov Sumsel akan meningkatkan capaian tersebut melalui program \"Infrastruktur Tuntas "
      "Merata\". Pembangunan akan diarahkan ke desa.");
  EXPECT_TRUE(d.quotes->empty());
}

// A short form in parentheses inside the speaker's description does not end it.
TEST(Quotes, AShortFormInTheDescriptionDoesNotHideTheSpeaker) {
  Document d = Analyze(
      "“Pendaki meningkat tajam tahun ini,” kata Kepala Balai Taman Nasional Tambora (BTNT) Budi "
      "Kurniawan, di Mataram, Sabtu.");
  EXPECT_EQ(OnlySpeaker(d), "Budi Kurniawan");
}

TEST(Quotes, TheNextSentenceMayNameTheSpeaker) {
  // cues.tsv "attribution": "…". Hal itu disampaikan oleh X — not the last person named.
  Document d = Analyze(
      "Joko Widodo tiba di Bandung. “Semua tersangka akan kami jerat dengan pasal berlapis”. Hal "
      "itu disampaikan oleh Ketua KPK Setyo Budiyanto di Jakarta.");
  ASSERT_GE(d.quotes->size(), 1u);
  EXPECT_EQ((*d.quotes)[0].speaker.value_or(""), "Setyo Budiyanto");
  EXPECT_EQ((*d.quotes)[0].cue.value_or(""), "disampaikan");
}

TEST(Quotes, IndirectSpeech) {
  Document d = Analyze("Sergey Lavrov mengatakan bahwa kerja sama kedua negara akan diperluas.");
  ASSERT_EQ(d.quotes->size(), 1u);
  const Quote& q = (*d.quotes)[0];
  EXPECT_FALSE(q.direct);
  EXPECT_EQ(q.speaker.value_or(""), "Sergey Lavrov");
  EXPECT_EQ(d.text->substr(q.span.start, q.span.size()), "kerja sama kedua negara akan diperluas");
}

TEST(Quotes, AccordingToSpeakerEndsAtTheComma) {
  // "Menurut X, Y …": X speaks, Y is what is said about.
  Document d =
      Analyze("Menurut Andre Silva, Cristiano Ronaldo punya kualitas untuk menjadi juara.");
  EXPECT_EQ(OnlySpeaker(d), "Andre Silva");
  // A role before the comma, the person between the commas.
  d = Analyze("Menurut Juru Bicara KPK, Budi Prasetyo, penyidik telah memeriksa tiga saksi.");
  ASSERT_EQ(d.quotes->size(), 1u);
  const Quote& q = (*d.quotes)[0];
  EXPECT_EQ(q.speaker.value_or(""), "Budi Prasetyo");
  EXPECT_EQ(d.text->substr(q.span.start, q.span.size()), "penyidik telah memeriksa tiga saksi");
}

// The account of an indirect quote, and its speaker ("" when none).
std::pair<std::string, std::string> OnlyIndirect(const Document& d) {
  if (d.quotes->size() != 1 || (*d.quotes)[0].direct) return {"<not one indirect quote>", ""};
  const Quote& q = (*d.quotes)[0];
  return {d.text->substr(q.span.start, q.span.size()), q.speaker.value_or("")};
}

TEST(Quotes, ACitedSourceAtTheHeadOfASentenceSpeaks) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(
      OnlyIndirect(Analyze("Dilansir dari Reuters, harga minyak dunia naik tajam pekan ini.")),
      P("harga minyak dunia naik tajam pekan ini", "Reuters"));
  EXPECT_EQ(OnlyIndirect(Analyze("Seperti dikutip dari Antara, Budi Santoso menolak tawaran itu.")),
            P("Budi Santoso menolak tawaran itu", "Antara"));
  // Nobody named: a document, not a source that speaks.
  EXPECT_TRUE(
      Analyze("Dikutip dari salinan dokumen tersebut, ada 83 kegiatan prioritas.").quotes->empty());
  // Mid-sentence it is no attribution of what follows.
  EXPECT_TRUE(
      Analyze("Berita itu lalu dikutip dari Reuters oleh banyak media lokal.").quotes->empty());
}

TEST(Quotes, MenurutnyaWithoutACommaStartsTheAccountAtOnce) {
  Document d = Analyze(
      "Menteri Keuangan Sri Mulyani meninjau sekolah itu. Menurutnya sekolah harus menyediakan air "
      "minum gratis.");
  ASSERT_EQ(d.quotes->size(), 1u);
  const Quote& q = (*d.quotes)[0];
  EXPECT_EQ(d.text->substr(q.span.start, q.span.size()),
            "sekolah harus menyediakan air minum gratis");
  EXPECT_EQ(q.speaker.value_or(""), "Sri Mulyani Indrawati");  // the KB's canonical name
}

TEST(Quotes, ASpeechVerbTakesABareClauseButNotANounPhrase) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(OnlyIndirect(Analyze("Rina Wulandari menambahkan setiap sekolah sudah harus memiliki "
                                 "klinik.")),
            P("setiap sekolah sudah harus memiliki klinik", "Rina Wulandari"));
  EXPECT_EQ(OnlyIndirect(Analyze("Agus Salim menyampaikan telah memeriksa tujuh saksi.")),
            P("telah memeriksa tujuh saksi", "Agus Salim"));
  // A noun phrase object, with or without a later clause, is no account.
  EXPECT_TRUE(
      Analyze("Agus Salim menyampaikan imbauan kepada warga agar tidak panik.").quotes->empty());
  EXPECT_TRUE(Analyze("Agus Salim menyampaikan terima kasih kepada warga yang telah membantu.")
                  .quotes->empty());
  EXPECT_TRUE(Analyze("Agus Salim menyampaikan rencana mempercepat pembayaran.").quotes->empty());
  // "agar" after a verb of advising introduces the account like "bahwa".
  EXPECT_EQ(
      OnlyIndirect(Analyze("Dokter Ani Lestari menyarankan agar warga minum air yang cukup.")),
      P("warga minum air yang cukup", "Ani Lestari"));
}

TEST(Quotes, AnAttributionBetweenCommasPrecedesTheAccount) {
  using P = std::pair<std::string, std::string>;
  EXPECT_EQ(OnlyIndirect(
                Analyze("Oleh karena itu, kata Rina Wulandari, sekolah akan dibuka lagi besok.")),
            P("sekolah akan dibuka lagi besok", "Rina Wulandari"));
  // Without a closing comma nothing follows the attribution.
  EXPECT_TRUE(Analyze("Sekolah dibuka lagi, kata Rina Wulandari.").quotes->empty());
}

TEST(Events, WordFormTriggersAndNeighbourVetoes) {
  EXPECT_NE(First(Analyze("Dua orang diamankan polisi di Medan."), "ARREST"), nullptr);     // form
  EXPECT_EQ(First(Analyze("Ia berbicara dalam jumpa pers di Jakarta."), "MEET"), nullptr);  // !pers
  EXPECT_NE(First(Analyze("Vladimir Putin berjumpa dengan Xi Jinping."), "MEET"), nullptr);
  // an illness's "attack" is none ("serangan jantung")
  EXPECT_EQ(First(Analyze("Ia meninggal akibat serangan jantung di Bandung."), "ATTACK"), nullptr);
  EXPECT_NE(First(Analyze("Israel melancarkan serangan udara ke Gaza."), "ATTACK"), nullptr);
  // "tiba tiba" (suddenly) is no arrival, "menindak lanjuti" (to follow up) no sanction
  EXPECT_EQ(First(Analyze("Budi Santoso di Medan, terus tiba tiba di Bandung."), "ARRIVE"),
            nullptr);
  EXPECT_EQ(First(Analyze("Polisi menindak lanjuti laporan Budi Santoso."), "SANCTION"), nullptr);
  // in a match report two sides or players meeting is a match, not a meeting
  EXPECT_EQ(First(Analyze("Laga berjalan ketat dan gol datang di babak kedua lewat sundulan. "
                          "Portugal akan berjumpa Chile pada laga semifinal di Kazan."),
                  "MEET"),
            nullptr);
  EXPECT_NE(
      First(Analyze("Portugal akan berjumpa Chile di Kazan untuk membahas kerja sama."), "MEET"),
      nullptr);
  // killing germs is no assault; what "you" come across no meeting
  EXPECT_EQ(First(Analyze("Daun sirih ampuh membunuh kuman penyebab sariawan."), "ASSAULT"),
            nullptr);
  EXPECT_EQ(First(Analyze("Di sana kamu akan menjumpai taman bunga matahari."), "MEET"), nullptr);
  // a welcome is no arrival, an urgent priority no demand
  EXPECT_EQ(First(Analyze("Selamat datang di Jakarta, kata Budi Santoso."), "ARRIVE"), nullptr);
  EXPECT_EQ(First(Analyze("Prioritas mendesak Manila adalah pembangunan Marawi."), "DEMAND"),
            nullptr);
  // a keeper's save in a match report is no arrest
  EXPECT_EQ(First(Analyze("Laga berjalan ketat. Di babak kedua, gol Persib dianulir wasit. Sepakan "
                          "Lilipaly dapat diamankan kiper Simone."),
                  "ARREST"),
            nullptr);
  // a winger cutting in ("menusuk dari sisi kiri") is no stabbing; a stabbing is
  EXPECT_EQ(First(Analyze("Brahim Diaz menusuk dari sisi kiri lalu mengirim umpan."), "ASSAULT"),
            nullptr);
  EXPECT_NE(First(Analyze("Pelaku menusuk Budi Santoso dengan pisau di Medan."), "ASSAULT"),
            nullptr);
  // capturing a moment or catching fish is no arrest; "sampai jumpa" (goodbye) no meeting
  EXPECT_EQ(First(Analyze("Fotografer Budi Santoso menangkap momen penting itu."), "ARREST"),
            nullptr);
  EXPECT_EQ(First(Analyze("“Sampai jumpa di Manchester,” tutup Budi Santoso."), "MEET"), nullptr);
  // an aid programme's name is no aid ("sosialisasi Bantuan Langsung Tunai"), aid by a named
  // giver is ("Bantuan Pertamina itu")
  EXPECT_EQ(First(Analyze("Gus Ipul melakukan sosialisasi tentang Bantuan Langsung Tunai "
                          "Sementara kepada warga."),
                  "AID"),
            nullptr);
  EXPECT_NE(First(Analyze("Warga menilai Bantuan Pertamina itu sangat berharga."), "AID"), nullptr);
  // a warning of danger is no sanction; a warning given to someone is
  EXPECT_EQ(First(Analyze("Aplikasi itu memberikan peringatan dini kepada pengguna."), "SANCTION"),
            nullptr);
  EXPECT_NE(First(Analyze("KPU memberikan peringatan keras kepada Budi Santoso."), "SANCTION"),
            nullptr);
  // support needs someone or something supported, not a cause ("didukung oleh indikator")
  EXPECT_EQ(First(Analyze("Penguatan itu didukung oleh indikator teknikal."), "SUPPORT"), nullptr);
  EXPECT_NE(First(Analyze("Jepang menyatakan dukungan terhadap Ukraina."), "SUPPORT"), nullptr);
  EXPECT_EQ(First(Analyze("Pelaku terancam hukuman penjara."), "THREATEN"), nullptr);
  // the Document must outlive the pointer into its events
  Document d = Analyze("Kejaksaan Negeri Sikka menetapkan delapan orang sebagai tersangka.");
  const Event* e = First(d, "ACCUSE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->cameo, "11");
}

// A charge or arrest of a counted group takes the people a list then names as its targets — in
// the same sentence or the next — unless the list names more people than the group has.
TEST(Events, ACountedGroupTakesThePeopleItsListNames) {
  Document d = Analyze(
      "Kejaksaan Negeri Sikka menetapkan 3 orang sebagai tersangka. Para tersangka berinisial "
      "AVADL, MJ dan SM.");
  const Event* e = First(d, "ACCUSE");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->targets, (V{"AVADL", "MJ", "SM"}));
  d = Analyze(
      "Kejaksaan Negeri Sikka menetapkan dua orang sebagai tersangka. Para tersangka berinisial "
      "AVADL, MJ dan SM.");
  e = First(d, "ACCUSE");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->targets.empty());  // three named for a group of two: another list
}

TEST(Quotes, AttributionWithTitleAndMissedName) {
  // the person at the end of the attribution, not the organisation in the title
  Document d = Analyze(
      "“Kami sudah memeriksa semua saksi dalam kasus ini,” kata Juru Bicara KPK, Budi Prasetyo, "
      "di Jakarta.");
  EXPECT_EQ(OnlySpeaker(d), "Budi Prasetyo");
  // a demonstrative description stands for the last speaker
  d = Analyze(
      "Eddy Soeparno mengatakan, “Kebijakan itu sangat baik bagi rakyat.” Politikus PAN ini "
      "menilai program tersebut berhasil menekan kemiskinan.");
  ASSERT_EQ(d.quotes->size(), 2u);
  EXPECT_EQ((*d.quotes)[1].speaker.value_or(""), "Eddy Soeparno");
  EXPECT_FALSE((*d.quotes)[1].direct);
  // a paragraph opening with a quote and no cue continues the last speaker's words
  d = Analyze(
      "Vladimir Putin mengatakan, “Kami siap bekerja sama dengan semua pihak.”\n“Kerja sama ini "
      "penting.”");
  ASSERT_EQ(d.quotes->size(), 2u);
  EXPECT_EQ((*d.quotes)[1].speaker.value_or(""), "Vladimir Putin");
  // a short quoted title with no speech cue is not a quote
  d = Analyze("Acara bertajuk “Nabung Semakin Seru” digelar di Jakarta.");
  EXPECT_TRUE(d.quotes->empty());
}

TEST(EventRoles, AnAuthoritysActToldWithoutItsAgentIsByTheOrganisationThatLastDidOne) {
  Document d = Analyze(
      "Kejaksaan Negeri Sikka menangkap delapan orang. Mereka langsung ditahan di rutan selama 20 "
      "hari.");
  ASSERT_EQ(d.events->size(), 2u);
  const Event& held = (*d.events)[1];
  EXPECT_EQ(held.type, "ARREST");
  ASSERT_EQ(held.actors.size(), 1u);
  EXPECT_EQ(held.actors[0], "Kejaksaan Negeri Sikka");
  // A lawsuit is no authority's charge.
  d = Analyze("KPK menangkap Budi. Warga menggugat pasal itu. Pasal yang digugat tidak berubah.");
  size_t accusations = 0, by_kpk = 0;
  for (const Event& e : *d.events) {
    if (e.type != "ACCUSE") continue;
    ++accusations;
    by_kpk += std::count(e.actors.begin(), e.actors.end(), "KPK");
  }
  EXPECT_GT(accusations, 0u);
  EXPECT_EQ(by_kpk, 0u);
}

// A phrase that names someone's relative, subordinates or subsidiary (cues.tsv "kin") stands for
// them, not for the name after the kin word; after "bersama" or with its own -nya the name is the
// relative's.
TEST(Events, ANameAfterAKinWordIsWhoseRelativeNotTheParticipant) {
  const Event* e = nullptr;
  Document d = Analyze("Polisi menangkap istri Setya Novanto di Jakarta.");
  e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->targets.empty()) << e->targets[0];
  d = Analyze("Kasus pembunuhan abang tiri pemimpin Korea Utara Kim Jong Un masih disidangkan.");
  e = First(d, "ASSAULT");
  ASSERT_NE(e, nullptr);
  EXPECT_TRUE(e->targets.empty()) << e->targets[0];
  d = Analyze("Polisi menangkap Setya Novanto di Jakarta.");
  e = First(d, "ARREST");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->targets.size(), 1u);
  EXPECT_EQ(e->targets[0], "Setya Novanto");
}

TEST(Quotes, ARelativeSpeaksUnnamedOrByTheNameInApposition) {
  Document d = Analyze("“Saya sedih sekali,” kata istri Setya Novanto kepada wartawan.");
  EXPECT_EQ(OnlySpeaker(d), "<no speaker>");
  EXPECT_EQ(OnlyIndirect(Analyze("Menurut adik Jupe, Nia Anggia, Ruben selalu dicari Jupe.")),
            (std::pair<std::string, std::string>("Ruben selalu dicari Jupe", "Nia Anggia")));
  // The driver of a car speaks, not the car; a passenger "bernama Zhang" is Zhang.
  d = Analyze("“Nggak usah kayak gitu,” ujar pengemudi Pajero dalam video.");
  EXPECT_EQ(OnlySpeaker(d), "<no speaker>");
  d = Analyze("“Kami merasakan turbulensi kuat,” ujar salah satu penumpang bernama Zhang Wei.");
  EXPECT_EQ(OnlySpeaker(d), "Zhang Wei");
}

TEST(Events, AListEndingARelativeClauseIsNotTheSubject) {
  // The relative clause's list of agents ends with "dan Meksiko," before the main predicate.
  Document d = Analyze(
      "Kanada yang didukung oleh Uni Eropa, Amerika Serikat dan Meksiko, telah mendesak Rusia "
      "agar menarik pasukannya.");
  const Event* e = First(d, "DEMAND");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->actors.size(), 1u);
  EXPECT_EQ(e->actors[0], "Canada");  // the KB's name
  // A name in apposition after the relative clause is the subject.
  d = Analyze(
      "Aktor senior yang sempat memenangkan penghargaan Oscar, Michael Douglas, dituduh "
      "melakukan pelecehan.");
  e = First(d, "ACCUSE");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->targets.size(), 1u);
  EXPECT_EQ(e->targets[0], "Michael Douglas");
}

TEST(Quotes, LessCommonSpeechVerbsAttributeAQuote) {
  for (const char* cue : {"tukas", "cetus", "timpal", "cuit", "jawab", "singkat"}) {
    Document d = Analyze(std::string("“Kami siap menghadapi laga berikutnya,” ") + cue +
                         " Cristiano Ronaldo di Madrid.");
    ASSERT_EQ(d.quotes->size(), 1u) << cue;
    EXPECT_EQ((*d.quotes)[0].speaker.value_or(""), "Cristiano Ronaldo") << cue;
  }
}

TEST(Quotes, ACityIsWhereTheSpeakerIsNotWhoSpeaks) {
  EXPECT_EQ(OnlyIndirect(Analyze("Ketut Artha dari Denpasar menyatakan bahwa paket itu berasal "
                                 "dari Belanda.")),
            (std::pair<std::string, std::string>("paket itu berasal dari Belanda", "Ketut Artha")));
}

TEST(Events, APossessiveCliticIsTheClauseSubjectAStateOrAnOrganisationToo) {
  // "-nya" in "dukungannya" is Seoul's, the subject, not the last person named.
  Document d = Analyze(
      "Kim Jong Un menguji rudal baru. Seoul menegaskan dukungannya kepada Ukraina pekan lalu.");
  const Event* e = First(d, "SUPPORT");
  ASSERT_NE(e, nullptr);
  ASSERT_EQ(e->actors.size(), 1u);
  EXPECT_EQ(e->actors[0], "South Korea");
  // a market push and a time bomb are no attacks
  EXPECT_EQ(First(Analyze("Lenovo bersiap menggempur pasar ponsel Indonesia."), "ATTACK"), nullptr);
  EXPECT_EQ(First(Analyze("Ia menyebut pemanasan global sebagai bom waktu."), "ATTACK"), nullptr);
}

TEST(Quotes, APersonWithARoleInAppositionSpeaksNotTheOrganisationOfTheRole) {
  EXPECT_EQ(OnlyIndirect(Analyze("Ivan Ermisyam, Direktur Operasi PT INALUM, menjelaskan bahwa "
                                 "pasokan gas harus stabil.")),
            (std::pair<std::string, std::string>("pasokan gas harus stabil", "Ivan Ermisyam")));
  // "selaku" opens the role; a capitalised name in it is no speaker either.
  EXPECT_EQ(OnlyIndirect(Analyze("Irfan Rinaldi selaku Product Marketing Samsung Mobile Indonesia, "
                                 "mengatakan bahwa kamera itu bagus.")),
            (std::pair<std::string, std::string>("kamera itu bagus", "Irfan Rinaldi")));
  EXPECT_EQ(OnlyIndirect(Analyze("Ruth Tulus Subekti, pengelola Dawet Telasih mengaku bahwa "
                                 "dagangannya laris.")),
            (std::pair<std::string, std::string>("dagangannya laris", "Ruth Tulus Subekti")));
  // What a purpose clause ensures is no account; "menekan" (to press) is no "menekankan".
  EXPECT_TRUE(Analyze("Pemerintah bekerja sama dengan Bulog untuk memastikan bahwa harga stabil.")
                  .quotes->empty());
  EXPECT_TRUE(Analyze("Kedua tim bermain terbuka untuk menekan lawan.").quotes->empty());
  // A demonstrative description with a particle before the verb stands for someone said before.
  Document d = Analyze(
      "Purbaya Yudhi Sadewa membantah kabar itu. Eks Kepala Lembaga Penjamin Simpanan (LPS) itu "
      "pun menegaskan bahwa dirinya tidak pernah merinci dana daerah.");
  EXPECT_EQ(OnlySpeaker(d), "Purbaya Yudhi Sadewa");
}

TEST(Quotes, TheSpeakerBetweenTheClosingMarkAndTheVerbOrANameTakenForAPlace) {
  // ,” Anies menambahkan: the name stands between the mark and the speech verb.
  Document d = Analyze("“Itu hasil yang bagus,” Anies Baswedan menambahkan di Balai Kota.");
  EXPECT_EQ(OnlySpeaker(d), "Anies Baswedan");
  // A one-word name right after the verb that the tagger typed as a place is the speaker's.
  d = Analyze("“Saya beruntung menjadi saksi jatuhnya meteor tersebut,” ucap Lemmen.");
  EXPECT_EQ(OnlySpeaker(d), "Lemmen");
}

}  // namespace
}  // namespace linimasa::events
