#include <gtest/gtest.h>

#include "linimasa/pipeline.h"
#include "stage_test_util.h"
#include "time/calendar.h"
#include "time/recognizer.h"
#include "time/timeml.h"

namespace linimasa::timex {
namespace {

// Runs text + time on `text` with `dct` as the publication time ("" = none).
Document Tag(const std::string& text, const std::string& dct) {
  static const auto pipeline = testing::TextPipeline({"text", "time"}, {{"text.pos", "false"}});
  return testing::RunOnText(*pipeline, text, dct);
}

// "surface|TYPE|value|mod" for each timex.
std::vector<std::string> Tx(const std::string& text, const std::string& dct) {
  Document d = Tag(text, dct);
  std::vector<std::string> out;
  for (const Timex& t : *d.timexes)
    out.push_back(text.substr(t.span.start, t.span.size()) + "|" + t.type + "|" + t.value +
                  (t.mod.empty() ? "" : "|" + t.mod));
  return out;
}
using V = std::vector<std::string>;

TEST(Calendar, WeekdaysWeeksAndLeapYears) {
  EXPECT_EQ(IsoWeekday(Date{2023, 9, 13}), 3);  // Wednesday
  EXPECT_EQ(IsoWeekday(Date{2024, 2, 29}), 4);  // Thursday
  EXPECT_TRUE(ValidDate(2024, 2, 29));
  EXPECT_FALSE(ValidDate(2023, 2, 29));
  EXPECT_FALSE(ValidDate(1900, 2, 29));
  EXPECT_TRUE(ValidDate(2000, 2, 29));
  EXPECT_EQ(FormatWeek(Date{2023, 9, 13}), "2023-W37");
  EXPECT_EQ(FormatWeek(Date{2021, 1, 1}),
            "2020-W53");  // ISO week belongs to the year of its Thursday
  EXPECT_EQ(FormatWeek(Date{2024, 12, 30}), "2025-W01");
  EXPECT_EQ(FormatDate(AddDays(Date{2024, 3, 1}, -1)), "2024-02-29");
  EXPECT_EQ(FormatDate(AddMonths(Date{2024, 1, 31}, 1)), "2024-02-29");
  auto a = ParseAnchor("2013-12-5");
  ASSERT_TRUE(a);
  EXPECT_EQ(FormatDate(a->date), "2013-12-05");
  auto b = ParseAnchor("2023-09-13T07:09+07:00");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->hour, 7);
  EXPECT_FALSE(ParseAnchor("2023-02-30"));
  EXPECT_FALSE(ParseAnchor("kemarin"));
}

TEST(Timex, WeekdayAndDateForms) {
  EXPECT_EQ(Tx("Kim tiba pada Selasa (12/9) malam.", "2023-09-13"),
            (V{"Selasa (12/9) malam|TIME|2023-09-12TNI"}));
  EXPECT_EQ(Tx("Ia bicara Rabu (19/6/2024,) di Pyongyang.", "2024-06-19"),
            (V{"Rabu (19/6/2024,)|DATE|2024-06-19"}));
  EXPECT_EQ(Tx("Diperbarui Kamis, 25 April 2019 pukul 10.15 WIB.", ""),
            (V{"Kamis, 25 April 2019 pukul 10.15 WIB|TIME|2019-04-25T10:15"}));
  EXPECT_EQ(Tx("Rabu 13 Sep 2023 07:09 WIB", ""),
            (V{"Rabu 13 Sep 2023 07:09 WIB|TIME|2023-09-13T07:09"}));
  EXPECT_EQ(Tx("Sidang digelar 17 Agustus 1945.", ""), (V{"17 Agustus 1945|DATE|1945-08-17"}));
}

TEST(Timex, YearlessDatesAcrossTheYearBoundary) {
  // A late-December date read in early January is last year's; an early-January one in late
  // December is next year's when the clause speaks of the future.
  EXPECT_EQ(Tx("Rapat digelar Kamis (28/12).", "2024-01-03"), (V{"Kamis (28/12)|DATE|2023-12-28"}));
  EXPECT_EQ(Tx("Rapat akan digelar Jumat (5/1).", "2023-12-27"),
            (V{"Jumat (5/1)|DATE|2024-01-05"}));
  EXPECT_EQ(Tx("Ia lahir pada 29 Februari.", "2024-03-10"), (V{"29 Februari|DATE|2024-02-29"}));
}

TEST(Timex, RelativeWordsAfterHolidaysMonthsAndPartsOfDay) {
  // "Lebaran tahun ini" is this year's, not the nearest one.
  EXPECT_EQ(Tx("Arus mudik Lebaran tahun ini padat.", "2024-11-13"),
            (V{"Lebaran tahun ini|DATE|2024-04-10"}));
  // What something has lasted since is past: mid-March before November is this year's.
  EXPECT_EQ(Tx("Harga naik sejak pertengahan Maret.", "2024-11-13"),
            (V{"pertengahan Maret|DATE|2024-03|MID"}));
  // A holiday of several words may follow the sentence's first word; one word after a name is
  // part of it.
  EXPECT_EQ(Tx("Upacara HUT RI ke-79 digelar meriah.", "2024-11-13"),
            (V{"HUT RI ke-79|DATE|2024-08-17"}));
  EXPECT_TRUE(Tx("Muhammad Ramadhan, analis politik, hadir.", "2024-11-13").empty());
  // An anniversary's number gives its year where the holiday's origin is known (holidays.tsv
  // "founded"): HUT RI ke-80 is 2025, not the nearest 17 August.
  EXPECT_EQ(Tx("Jakarta - Persiapan HUT RI ke-80 dimulai.", "2024-11-13"),
            (V{"HUT RI ke-80|DATE|2025-08-17"}));
  // "dini hari tadi" is early on the day of writing, whatever day the text named before.
  EXPECT_EQ(
      Tx("Menteri hadir Senin pekan depan. Ledakan terjadi dini hari tadi.", "2024-11-13").back(),
      "dini hari tadi|TIME|2024-11-13TNI");
}

TEST(Timex, MonthsYearsAndDecades) {
  EXPECT_EQ(Tx("Invasi dimulai pada Februari 2022 lalu.", "2023-09-13"),
            (V{"Februari 2022 lalu|DATE|2022-02"}));
  EXPECT_EQ(Tx("Ia berkuasa sejak 2011 lalu.", "2023-09-13"), (V{"2011 lalu|DATE|2011"}));
  EXPECT_EQ(Tx("Hal itu terjadi pada Juli.", "2023-09-13"), (V{"Juli|DATE|2023-07"}));
  EXPECT_EQ(Tx("Hubungan itu dimulai pada 1950-an.", "2024-06-17"), (V{"1950-an|DATE|195"}));
  EXPECT_EQ(Tx("Pada tahun 2011 ia berkuasa.", "2023-09-13"), (V{"tahun 2011|DATE|2011"}));
  // A number before a measure word is a count, not a year.
  EXPECT_EQ(Tx("Sebanyak 2018 orang hadir.", "2023-09-13"), V{});
  EXPECT_EQ(Tx("Harganya Rp 2018 per butir.", "2023-09-13"), V{});
}

TEST(Timex, PartsOfDayAndClockTimes) {
  // "pagi hari" takes the day the text last mentioned.
  EXPECT_EQ(Tx("Kim tiba Selasa (12/9/2023). Ia disambut pada pagi hari.", "2023-09-13"),
            (V{"Selasa (12/9/2023)|DATE|2023-09-12", "pagi hari|TIME|2023-09-12TMO"}));
  EXPECT_EQ(Tx("Sidang dimulai pukul 19.30 WIB.", "2023-09-13"),
            (V{"pukul 19.30 WIB|TIME|2023-09-13T19:30"}));
  EXPECT_EQ(Tx("Ledakan terdengar tadi malam.", "2023-09-13"),
            (V{"tadi malam|TIME|2023-09-13TNI"}));
  // A meal is not a time.
  EXPECT_EQ(Tx("Mereka menggelar jamuan makan malam.", "2023-09-13"), V{});
}

TEST(Timex, RelativeExpressions) {
  EXPECT_EQ(Tx("Hari ini", "2023-09-13"), (V{"Hari ini|DATE|2023-09-13"}));
  EXPECT_EQ(Tx("kemarin", "2024-03-01"), (V{"kemarin|DATE|2024-02-29"}));
  EXPECT_EQ(Tx("besok", "2023-12-31"), (V{"besok|DATE|2024-01-01"}));
  EXPECT_EQ(Tx("pekan lalu", "2023-09-13"), (V{"pekan lalu|DATE|2023-W36"}));
  EXPECT_EQ(Tx("bulan depan", "2023-12-05"), (V{"bulan depan|DATE|2024-01"}));
  EXPECT_EQ(Tx("tahun lalu", "2024-01-02"), (V{"tahun lalu|DATE|2023"}));
  EXPECT_EQ(Tx("dua hari lalu", "2024-03-01"), (V{"dua hari lalu|DATE|2024-02-28"}));
  EXPECT_EQ(Tx("hampir seperempat abad yang lalu", "2024-06-19"),
            (V{"hampir seperempat abad yang lalu|DATE|1999|APPROX"}));
  EXPECT_EQ(Tx("akhir bulan ini", "2023-09-13"), (V{"akhir bulan ini|DATE|2023-09|END"}));
  EXPECT_EQ(Tx("awal 2024", "2023-09-13"), (V{"awal 2024|DATE|2024|START"}));
  EXPECT_EQ(Tx("akhir pekan lalu", "2023-09-13"), (V{"akhir pekan lalu|DATE|2023-W36-WE"}));
}

TEST(Timex, Durations) {
  EXPECT_EQ(Tx("lebih dari 20 jam", "2023-09-13"),
            (V{"lebih dari 20 jam|DURATION|PT20H|MORE_THAN"}));
  EXPECT_EQ(Tx("hampir empat tahun", "2023-09-13"),
            (V{"hampir empat tahun|DURATION|P4Y|LESS_THAN"}));
  EXPECT_EQ(Tx("sembilan bulan", "2023-09-13"), (V{"sembilan bulan|DURATION|P9M"}));
  EXPECT_EQ(Tx("setengah jam", "2023-09-13"), (V{"setengah jam|DURATION|PT30M"}));
  EXPECT_EQ(Tx("satu setengah tahun", "2023-09-13"), (V{"satu setengah tahun|DURATION|P18M"}));
  EXPECT_EQ(Tx("dua puluh lima tahun", "2023-09-13"), (V{"dua puluh lima tahun|DURATION|P25Y"}));
  EXPECT_EQ(Tx("bertahun-tahun", "2023-09-13"), (V{"bertahun-tahun|DURATION|PXY"}));
  EXPECT_EQ(Tx("beberapa tahun terakhir", "2023-09-13"),
            (V{"beberapa tahun terakhir|DURATION|PXY"}));
}

TEST(Timex, SetsVagueFiscalAndHolidays) {
  EXPECT_EQ(Tx("setiap minggu", "2023-09-13"), (V{"setiap minggu|SET|P1W"}));
  EXPECT_EQ(Tx("sebulan sekali", "2023-09-13"), (V{"sebulan sekali|SET|P1M"}));
  EXPECT_EQ(Tx("setiap Senin", "2023-09-13"), (V{"setiap Senin|SET|XXXX-WXX-1"}));
  EXPECT_EQ(Tx("saat ini", "2023-09-13"), (V{"saat ini|DATE|PRESENT_REF"}));
  EXPECT_EQ(Tx("Saat itu", "2023-09-13"), (V{"Saat itu|DATE|PAST_REF"}));
  EXPECT_EQ(Tx("masa yang akan datang", "2023-09-13"),
            (V{"masa yang akan datang|DATE|FUTURE_REF"}));
  EXPECT_EQ(Tx("kuartal III 2025", "2025-11-01"), (V{"kuartal III 2025|DATE|2025-Q3"}));
  EXPECT_EQ(Tx("semester pertama", "2025-11-01"), (V{"semester pertama|DATE|2025-H1"}));
  EXPECT_EQ(Tx("Menjelang Lebaran 2024", "2024-03-01"), (V{"Lebaran 2024|DATE|2024-04-10"}));
  EXPECT_EQ(Tx("libur Natal", "2023-12-01"), (V{"Natal|DATE|2023-12-25"}));
  EXPECT_EQ(Tx("warga Mandailing Natal", "2023-12-01"), V{});
}

TEST(Timex, WeekdayMismatchIsFlaggedAndTheDateKept) {
  Document d = Tag("Putin dijadwalkan tiba Selasa (16/6/2024).", "2024-06-17");
  ASSERT_EQ(d.timexes->size(), 1u);
  EXPECT_EQ((*d.timexes)[0].value, "2024-06-16");
  ASSERT_EQ(d.flags.size(), 1u);
  EXPECT_EQ(d.flags[0].kind, "weekday_mismatch");
  EXPECT_NE(d.flags[0].message.find("Sunday"), std::string::npos) << d.flags[0].message;
  EXPECT_NE(d.flags[0].message.find("2024-06-18"), std::string::npos) << d.flags[0].message;
  EXPECT_TRUE(Tag("Rabu (13/9/2023)", "").flags.empty());
}

TEST(Timex, PublicationDateInferredWhenMetadataHasNone) {
  Document d =
      Tag("Jakarta - Presiden meresmikan jembatan, Senin (20/10/2025). Rencana dibahas Rabu "
          "(15/10/2025).",
          "");
  EXPECT_EQ(d.meta->published.value_or(""), "2025-10-20");
  EXPECT_EQ(d.meta->published_basis.value_or(""), "inferred");
  // A weekday that does not fit its date is no evidence.
  Document e = Tag("Putin tiba Selasa (16/6/2024).", "");
  EXPECT_FALSE(e.meta->published);
  // Year-less pairs take the year of the text's other dates in which the weekday fits.
  Document f = Tag("Pertemuan hari ini Rabu (13/9). Invasi dimulai Februari 2022.", "");
  EXPECT_EQ(f.meta->published.value_or(""), "2023-09-13");
}

TEST(TimeML, ReadsTextAndWritesTagsBack) {
  std::string in =
      "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2023-09-13\">x</TIMEX3></DCT>\n"
      "<TEXT>Kim &amp; Putin <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2023-09-13\">hari "
      "ini</TIMEX3> a < b.</TEXT></TimeML>";
  auto d = ParseTimeML(in, "x.tml");
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ(d->dct.value_or(""), "2023-09-13");
  EXPECT_EQ(d->text, "Kim & Putin hari ini a < b.");
  ASSERT_EQ(d->timexes.size(), 1u);
  EXPECT_EQ(d->text.substr(d->timexes[0].span.start, d->timexes[0].span.size()), "hari ini");
  Timex t;
  t.span = Span{0, 3};
  t.type = "DATE";
  t.value = "X";
  std::string out = WriteTimeML(*d, {t});
  EXPECT_NE(out.find("<TEXT><TIMEX3 tid=\"t1\" type=\"DATE\" value=\"X\">Kim</TIMEX3> &amp; Putin "
                     "hari ini a &lt; b.</TEXT>"),
            std::string::npos)
      << out;
  EXPECT_FALSE(ParseTimeML("<TimeML>no text</TimeML>", "y.tml").ok());
}

// Years that identify something rather than refer to a time.
TEST(Timex, CitationRegulationAndIdentifierYearsAreNotTimexes) {
  EXPECT_EQ(Tx("Teori itu dikemukakan Durkheim (1893) dan dikutip ulang.", "2025-10-10"), V{});
  EXPECT_EQ(Tx("Biaya kampanye naik tajam (Santoso dan Lubis, 2021).", "2025-10-10"), V{});
  EXPECT_EQ(Tx("Hal itu diatur dalam Peraturan Menteri Nomor 12 Tahun 2024.", "2025-10-10"), V{});
  EXPECT_EQ(Tx("Gugatan teregister dengan nomor 88/PUU-XXI/2023 di MK.", "2025-10-10"), V{});
  // A year in parentheses after an ordinary word, and a plain "tahun 2024", stay timexes.
  EXPECT_EQ(Tx("Angka itu naik dibanding tahun 2024.", "2025-10-10"), (V{"tahun 2024|DATE|2024"}));
  EXPECT_EQ(Tx("Pada 12 tahun terakhir harga naik.", "2025-10-10"),
            (V{"12 tahun terakhir|DURATION|P12Y"}));
}

TEST(Timex, WeekdayDateVariants) {
  EXPECT_EQ(Tx("kata Budi, Sabtu, (4/1/2025).", "2025-01-05"),
            (V{"Sabtu, (4/1/2025)|DATE|2025-01-04"}));
  EXPECT_EQ(Tx("ujar Ani, Kamis (9/1/2025.", "2025-01-10"), (V{"Kamis (9/1/2025|DATE|2025-01-09"}));
  EXPECT_EQ(Tx("Unjuk rasa digelar Sabtu (11/1) ini.", "2025-01-10"),
            (V{"Sabtu (11/1) ini|DATE|2025-01-11"}));
  // A yearless date whose weekday fits this year stays in this year even when the sentence
  // speaks of the future ("nanti"): a sentence-wide tense only breaks near ties.
  EXPECT_EQ(Tx("\"Nanti kami putuskan,\" katanya, Rabu (28/5).", "2025-06-11"),
            (V{"Rabu (28/5)|DATE|2025-05-28"}));
}

TEST(Timex, PartsOfDayAloneAndWithReference) {
  EXPECT_EQ(Tx("Hujan turun Senin (6/1/2025). Meskipun pagi cerah, sore hujan lagi.", "2025-01-07"),
            (V{"Senin (6/1/2025)|DATE|2025-01-06", "pagi|TIME|2025-01-06TMO",
               "sore|TIME|2025-01-06TAF"}));
  EXPECT_EQ(Tx("Selamat pagi, kata pembawa acara.", "2025-01-07"), V{});
  EXPECT_EQ(Tx("Ia tiba Jumat (3/1/2025). Sore itu ia langsung rapat.", "2025-01-07"),
            (V{"Jumat (3/1/2025)|DATE|2025-01-03", "Sore itu|TIME|2025-01-03TAF"}));
}

TEST(Timex, FrequenciesWithSekali) {
  EXPECT_EQ(Tx("Sensus digelar sepuluh tahun sekali.", "2025-01-07"),
            (V{"sepuluh tahun sekali|SET|P10Y"}));
  EXPECT_EQ(Tx("Lomba diadakan setiap dua tahun sekali.", "2025-01-07"),
            (V{"setiap dua tahun sekali|SET|P2Y"}));
  EXPECT_EQ(Tx("Data dilaporkan setiap beberapa minggu.", "2025-01-07"),
            (V{"setiap beberapa minggu|SET|PXW"}));
}

TEST(Timex, QuarterYearInOneTokenAndCenturies) {
  EXPECT_EQ(Tx("Belanja melambat hingga kuartal II-2024.", "2024-09-01"),
            (V{"kuartal II-2024|DATE|2024-Q2"}));
  EXPECT_EQ(Tx("Mesin itu dibuat sekitar satu abad lalu.", "2024-09-01"),
            (V{"sekitar satu abad lalu|DATE|19|APPROX"}));
  EXPECT_EQ(Tx("Perang pecah dua dekade lalu.", "2024-09-01"), (V{"dua dekade lalu|DATE|200"}));
}

TEST(Timex, RelativeToTheLastYearMentioned) {
  EXPECT_EQ(Tx("Klub berdiri pada Maret 1975. Lima tahun kemudian liga dibentuk.", "2025-01-07"),
            (V{"Maret 1975|DATE|1975-03", "Lima tahun kemudian|DATE|1980"}));
  EXPECT_EQ(Tx("Ekspor 2023 naik 4 persen dari tahun sebelumnya.", "2025-01-07"),
            (V{"2023|DATE|2023", "tahun sebelumnya|DATE|2022"}));
  EXPECT_EQ(
      Tx("Tahun lalu ekspor naik dibanding periode yang sama tahun sebelumnya.", "2025-01-07"),
      (V{"Tahun lalu|DATE|2024", "tahun sebelumnya|DATE|2023"}));
}

TEST(Timex, VagueReferencesAndModsFromTheLexicon) {
  EXPECT_EQ(Tx("Akhir-akhir ini harga naik.", "2025-01-07"),
            (V{"Akhir-akhir ini|DATE|PRESENT_REF"}));
  EXPECT_EQ(Tx("Kota ini dulunya rawa.", "2025-01-07"), (V{"dulunya|DATE|PAST_REF"}));
  EXPECT_EQ(Tx("Masa tunggu paling singkat 3 bulan.", "2025-01-07"),
            (V{"paling singkat 3 bulan|DURATION|P3M|EQUAL_OR_MORE"}));
  EXPECT_EQ(Tx("Toko tutup pukul 21.00 waktu setempat.", "2025-01-07"),
            (V{"pukul 21.00 waktu setempat|TIME|2025-01-07T21:00"}));
  EXPECT_EQ(Tx("Warga merayakan HUT RI ke-79 dengan lomba.", "2024-08-20"),
            (V{"HUT RI ke-79|DATE|2024-08-17"}));
}

}  // namespace
}  // namespace linimasa::timex
