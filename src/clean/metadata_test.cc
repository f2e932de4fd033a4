#include "clean/metadata.h"

#include <gtest/gtest.h>

namespace linimasa::clean {
namespace {

const MetadataExtractor& M() {
  static const MetadataExtractor m = [] {
    auto r = MetadataExtractor::Load(LINIMASA_TEST_DATA);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }();
  return m;
}

TEST(Metadata, HeaderDateTimes) {
  EXPECT_EQ(M().ParseDateTime("Rabu 13 Sep 2023 07:09 WIB").value(), "2023-09-13T07:09+07:00");
  EXPECT_EQ(M().ParseDateTime("Senin, 20 Okt 2025 17:00 WITA").value(), "2025-10-20T17:00+08:00");
  EXPECT_EQ(M().ParseDateTime("Kamis, 25 April 2019").value(), "2019-04-25");
  EXPECT_EQ(M().ParseDateTime("13/09/2023, 07.09 WIT").value(), "2023-09-13T07:09+09:00");
  EXPECT_FALSE(M().ParseDateTime("31 Februari 2023").has_value());
  EXPECT_FALSE(M().ParseDateTime("Kim tiba di Rusia 13 Sep 2023 pagi").has_value());
  // Labels before the time, an update time after it.
  EXPECT_EQ(M().ParseDateTime("Diterbitkan: 13/09/2023 07:09").value(), "2023-09-13T07:09");
  EXPECT_EQ(M().ParseDateTime("Dipublikasikan pada Rabu, 13 September 2023 - 07:09 WIB").value(),
            "2023-09-13T07:09+07:00");
  EXPECT_EQ(M().ParseDateTime("Kompas.com - 13/09/2023, 07:09 WIB").value(),
            "2023-09-13T07:09+07:00");
  EXPECT_EQ(M().ParseDateTime("Rabu, 13 Sep 2023 07:09 WIB | Diperbarui 08:00 WIB").value(),
            "2023-09-13T07:09+07:00");
  // An update time alone is a timestamp of the page, not its publication time.
  EXPECT_FALSE(M().ParseDateTime("Diperbarui 13 Sep 2023, 08:00 WIB").has_value());
  EXPECT_TRUE(M().IsTimestamp("Diperbarui 13 Sep 2023, 08:00 WIB"));
  EXPECT_FALSE(M().IsTimestamp("Diperbarui aturan soal beras mulai pekan depan"));
  // A timestamp after an outlet's domain is no dateline.
  EXPECT_FALSE(M().ParseDateline("Kompas.com - 13/09/2023, 07:09 WIB"));
}

TEST(Metadata, InputDatesAreNormalised) {
  EXPECT_EQ(M().NormalizeInputDate("2023-09-13T07:09:00+0700"), "2023-09-13T07:09+07:00");
  EXPECT_EQ(M().NormalizeInputDate("10/21/2025 20:43"), "2025-10-21T20:43");
  EXPECT_EQ(M().NormalizeInputDate("kemarin sore"), "kemarin sore");
}

TEST(Metadata, Datelines) {
  auto d = M().ParseDateline("REPUBLIKA.CO.ID, MOSKOW -- Pemimpin Korea Utara");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Moskow");
  EXPECT_EQ(d->outlet_token.value(), "REPUBLIKA.CO.ID");
  d = M().ParseDateline("JAKARTA, KOMPAS.com - Pemerintah mengumumkan kebijakan baru hari ini.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Jakarta");
  EXPECT_EQ(d->outlet_token.value(), "KOMPAS.com");
  d = M().ParseDateline("Jakarta (ANTARA) - Menteri Keuangan menyampaikan laporan.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->outlet_token.value(), "ANTARA");
  d = M().ParseDateline("Tuturpedia.com – Di hari Rabu Presiden bertemu.");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->city);
  d = M().ParseDateline("Jakarta - Presiden Prabowo Subianto menegaskan pentingnya inflasi.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Jakarta");
  // A brand without a domain counts only when data/kb/outlets.tsv knows it.
  d = M().ParseDateline("Jakarta, CNBC Indonesia - Harga minyak mentah dunia melemah pagi ini.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Jakarta");
  EXPECT_EQ(d->outlet_token.value(), "CNBC Indonesia");
  d = M().ParseDateline(
      "PIKIRAN RAKYAT - Dinas Pendidikan Jawa Barat membuka pendaftaran sekolah.");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->city);
  EXPECT_EQ(d->outlet_token.value(), "PIKIRAN RAKYAT");
  EXPECT_FALSE(
      M().ParseDateline("Bandung, Jawa Barat - Hujan deras mengguyur kota sejak pagi tadi."));
  // After a domain, a colon or an unspaced em dash also closes the dateline; after a word, not.
  d = M().ParseDateline("Medcom.id, Jakarta: Kepolisian menyiagakan ribuan personel malam ini.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Jakarta");
  d = M().ParseDateline("Harianjogja.com, JOGJA—Pemerintah Kota Yogyakarta menata ulang kawasan.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Jogja");
  EXPECT_FALSE(M().ParseDateline("Presiden: Kita harus bekerja lebih keras untuk rakyat kecil."));
  EXPECT_FALSE(M().ParseDateline("Pemerintah—melalui kementerian terkait—menyiapkan bantuan."));
  d = M().ParseDateline("BANDUNG - Hujan deras mengguyur kota sejak pagi tadi hingga malam.");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->city.value(), "Bandung");
  EXPECT_FALSE(M().ParseDateline("Kim Jong-un: Kunjungan ke Rusia Tunjukan Kepentingan Strategis"));
  EXPECT_FALSE(M().ParseDateline("Presiden Rusia, Vladimir Putin, akan melakukan perjalanan."));
}

TEST(Metadata, Bylines) {
  std::vector<std::string> a, e;
  M().ParseByline("Rep: Dwina Agustin/ Red: Nidia Zuraya", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"Dwina Agustin"});
  EXPECT_EQ(e, std::vector<std::string>{"Nidia Zuraya"});
  a.clear();
  e.clear();
  M().ParseByline(
      "Pewarta: Budi Santoso, Rina Wulandari Editor: Agus Salim Copyright © ANTARA 2024", a, e);
  EXPECT_EQ(a, (std::vector<std::string>{"Budi Santoso", "Rina Wulandari"}));
  EXPECT_EQ(e, std::vector<std::string>{"Agus Salim"});
  a.clear();
  e.clear();
  M().ParseByline("Laporan Wartawan Tribunnews.com Namira Yunia Lestanti", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"Namira Yunia Lestanti"});
  a.clear();
  e.clear();
  M().ParseByline("(aik/rdp)", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"aik"});
  EXPECT_EQ(e, std::vector<std::string>{"rdp"});
  a.clear();
  e.clear();
  M().ParseByline("[ded]", a, e);  // the writer alone
  EXPECT_EQ(a, std::vector<std::string>{"ded"});
  EXPECT_TRUE(e.empty());
  a.clear();
  e.clear();
  M().ParseByline("(mcr8/jpnn)", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"mcr8"});
  a.clear();
  e.clear();
  M().ParseByline("(Antara)", a, e);  // an agency, no writer's initials
  EXPECT_TRUE(a.empty());
  a.clear();
  e.clear();
  M().ParseByline("Ditulis oleh Andi Saputra", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"Andi Saputra"});
  a.clear();
  e.clear();
  M().ParseByline("(Reporter: Andi Saputra; Editor: Budi Santoso (bdi))", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"Andi Saputra"});
  EXPECT_EQ(e, std::vector<std::string>{"Budi Santoso"});
  a.clear();
  e.clear();
  M().ParseByline("Kontributor Makassar, Andi Saputra", a, e);
  EXPECT_EQ(a, std::vector<std::string>{"Andi Saputra"});
  a.clear();
  e.clear();
  std::vector<std::string> src;
  M().ParseByline("Jurnalis : Andi Saputra | Redaktur : Budi Santoso | Sumber : Antara", a, e,
                  &src);
  EXPECT_EQ(a, std::vector<std::string>{"Andi Saputra"});
  EXPECT_EQ(e, std::vector<std::string>{"Budi Santoso"});  // the source ends the editor's segment
  EXPECT_EQ(src, std::vector<std::string>{"Antara"});
}

TEST(Metadata, Domains) {
  EXPECT_EQ(RegistrableDomain("news.detik.com"), "detik.com");
  EXPECT_EQ(RegistrableDomain("www.republika.co.id"), "republika.co.id");
  EXPECT_EQ(RegistrableDomain("REPUBLIKA.CO.ID"), "republika.co.id");
  EXPECT_EQ(RegistrableDomain("tuturpedia.com"), "tuturpedia.com");
  EXPECT_EQ(UrlHost("https://News.Detik.com:443/berita/d-1"), "news.detik.com");
}

}  // namespace
}  // namespace linimasa::clean
