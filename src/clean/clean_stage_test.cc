#include "clean/clean_stage.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "ingest/html_extract.h"
#include "linimasa/json.h"

namespace linimasa::clean {
namespace {

std::unique_ptr<Stage> MakeStage() {
  StageContext ctx;
  ctx.data_dir = LINIMASA_TEST_DATA;
  auto s = CleanStage::Create(ctx);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return std::move(s).value();
}

Document Doc(std::string raw) {
  Document d;
  d.id.assign(1, 't');  // (not `= "t"`: GCC 12 raises a false -Wrestrict on it)
  d.raw = std::move(raw);
  return d;
}

TEST(CleanStage, RemovesFurnitureKeepsContentAndMapsOffsets) {
  auto stage = MakeStage();
  Document d =
      Doc("Jakarta - Pemerintah menaikkan harga beras di seluruh provinsi mulai pekan depan, kata "
          "menteri.\n"
          "ADVERTISEMENT\n"
          "Baca Juga\n"
          "Paragraf setelah judul Baca Juga tetap isi berita yang sah dan harus dipertahankan.\n"
          "Baca juga: Harga Cabai Turun Lagi\n"
          "Kunjungan itu mencakup konser gala dan resepsi kenegaraan.***\n"
          "(abc/def)\n");
  ASSERT_TRUE(stage->Process(d).ok());
  const std::string& t = *d.text;
  EXPECT_EQ(t,
            "Jakarta - Pemerintah menaikkan harga beras di seluruh provinsi mulai pekan depan, "
            "kata menteri.\n"
            "Paragraf setelah judul Baca Juga tetap isi berita yang sah dan harus dipertahankan.\n"
            "Kunjungan itu mencakup konser gala dan resepsi kenegaraan.");
  ASSERT_EQ(d.removed->size(), 5u);
  std::vector<std::string> kinds;
  for (const Removed& r : *d.removed) {
    kinds.push_back(r.kind);
    EXPECT_LE(r.span.end, d.raw.size());
  }
  EXPECT_EQ(kinds,
            (std::vector<std::string>{"advertisement", "related", "related", "other", "byline"}));
  EXPECT_EQ(d.raw.substr((*d.removed)[3].span.start, (*d.removed)[3].span.size()), "***");
  // Every clean-text byte maps back to the same byte of the raw input.
  size_t para = t.find("Paragraf");
  EXPECT_EQ(d.raw.substr(d.RawOffset(para), 8), "Paragraf");
  size_t kunj = t.find("Kunjungan");
  EXPECT_EQ(d.raw.substr(d.RawOffset(kunj), 9), "Kunjungan");
  EXPECT_EQ(d.meta->dateline.value(), "Jakarta");
  EXPECT_EQ(d.meta->authors, std::vector<std::string>{"abc"});
}

TEST(CleanStage, HeadlinesAfterATrailingLinkHeadingAreLinks) {
  auto stage = MakeStage();
  // At the end, the headlines under a bare heading are links to other articles; the writer's
  // initials closing the last paragraph go, the paragraph stays.
  Document d = Doc(
      "Jakarta, CNBC Indonesia - Harga minyak mentah dunia melemah pada perdagangan Rabu pagi.\n"
      "Analis menilai pasar masih menunggu keputusan OPEC+ soal produksi. (pgr/ara)\n"
      "Artikel Selanjutnya\n"
      "Harga Minyak Anjlok, Ini Penyebabnya\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(
      *d.text,
      "Jakarta, CNBC Indonesia - Harga minyak mentah dunia melemah pada perdagangan Rabu pagi.\n"
      "Analis menilai pasar masih menunggu keputusan OPEC+ soal produksi.");
  std::vector<std::string> kinds;
  for (const Removed& r : *d.removed) kinds.push_back(r.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"byline", "related", "related"}));
  EXPECT_EQ(d.raw.substr((*d.removed)[0].span.start, (*d.removed)[0].span.size()), "(pgr/ara)");
  EXPECT_EQ(d.meta->outlet.value(), "CNBC Indonesia");
  EXPECT_EQ(d.meta->domain.value(), "cnbcindonesia.com");
  EXPECT_EQ(d.meta->authors, std::vector<std::string>{"pgr"});
  EXPECT_EQ(d.meta->editors, std::vector<std::string>{"ara"});
  d =
      Doc("jpnn.com, JAKARTA - KPU menetapkan jadwal debat calon presiden putaran kedua.\n"
          "Tema debat meliputi ekonomi, pajak, dan investasi. (mcr8/jpnn)\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(d.meta->authors, std::vector<std::string>{"mcr8"});
  EXPECT_TRUE(d.meta->editors.empty());  // the outlet's own label is no editor
  // Inside the article, a heading followed by two headlines or more heads a block of links.
  d = Doc(
      "Jakarta - Kementerian Pertanian memastikan stok beras nasional aman hingga akhir tahun.\n"
      "Berita Terkait\n"
      "Harga Beras Medium Turun di Sejumlah Daerah\n"
      "Bulog Siap Salurkan Beras SPHP ke Pasar Tradisional\n"
      "Pemerintah juga akan memperluas program bantuan pangan bagi keluarga penerima manfaat.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(d.removed->size(), 3u);
  EXPECT_EQ(d.text->find("Harga Beras"), std::string::npos);
  // A heading followed by one short line removes only itself: what follows is content.
  d =
      Doc("Jakarta - Pemerintah menaikkan harga beras di seluruh provinsi mulai pekan depan.\n"
          "Baca Juga\n"
          "Harga Cabai Turun Lagi\n"
          "Kenaikan itu berlaku bagi beras medium dan premium di seluruh pasar.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_NE(d.text->find("Harga Cabai Turun Lagi"), std::string::npos);
  EXPECT_EQ(d.removed->size(), 1u);
}

TEST(CleanStage, HtmlCaptionsAndTimestampsAreNotBodyText) {
  auto stage = MakeStage();
  Document d;
  d.id.assign(1, 'h');
  ingest::ExtractHtml(
      "<html><body><article><h1>Banjir Rendam Ratusan Rumah</h1>"
      "<div class=\"date\">Senin, 12 Februari 2024 | 09:15 WIB</div>"
      "<figure><img src=\"a.jpg\"><figcaption>Warga melintasi banjir di desa itu. (Suara/Rizal)"
      "</figcaption></figure>"
      "<p>KUDUS, suaramerdeka.com - Banjir merendam ratusan rumah di tiga desa di Kecamatan "
      "Kaliwungu sejak Minggu malam setelah hujan deras mengguyur wilayah itu.</p>"
      "<p>Kepala Pelaksana BPBD mengatakan ketinggian air mencapai 50 sentimeter di beberapa titik "
      "permukiman warga.</p></article></body></html>",
      d);
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(d.text->find("Warga melintasi"), std::string::npos);
  EXPECT_EQ(d.text->find("Februari"), std::string::npos);
  std::vector<std::string> kinds;
  for (const Removed& r : *d.removed) kinds.push_back(r.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "caption"), kinds.end());
  EXPECT_EQ(d.meta->published.value(), "2024-02-12T09:15+07:00");
  EXPECT_EQ(d.meta->dateline.value(), "Kudus");  // the first paragraph, now first
  EXPECT_EQ(d.meta->domain.value(), "suaramerdeka.com");
}

TEST(CleanStage, InlineAdsAreCutAndTheParagraphRejoined) {
  auto stage = MakeStage();
  Document d = Doc(
      "Jakarta - Pemerintah menaikkan tarif cukai rokok mulai Januari tahun depan. ADVERTISEMENT "
      "SCROLL TO CONTINUE WITH CONTENT Kebijakan itu diambil untuk menekan jumlah perokok anak.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(*d.text,
            "Jakarta - Pemerintah menaikkan tarif cukai rokok mulai Januari tahun depan. Kebijakan "
            "itu diambil untuk menekan jumlah perokok anak.");
  ASSERT_EQ(d.removed->size(), 1u);
  EXPECT_EQ((*d.removed)[0].kind, "advertisement");
  size_t k = d.text->find("Kebijakan");
  EXPECT_EQ(d.raw.substr(d.RawOffset(k), 9), "Kebijakan");
}

TEST(CleanStage, ASpacedReduplicationIsNoDateline) {
  auto stage = MakeStage();
  // Word-tokenised text spaces hyphens: "Warna - warni" opens a sentence, not a dateline, and the
  // paragraph above it stays content.
  Document d =
      Doc("Permen kapas merupakan camilan manis yang sangat disukai anak-anak dan orang dewasa.\n"
          "Warna - warni permen kapas ini bisa dinikmati saat berkunjung ke tempat hiburan.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_TRUE(d.removed->empty());
  EXPECT_FALSE(d.meta->dateline);
}

TEST(CleanStage, HeaderZoneGivesTitleAndTimestamp) {
  auto stage = MakeStage();
  Document d =
      Doc("Senin, 20 Okt 2025 17:00 WIB\n\nGubernur Luncurkan Mobil Pangan Keliling\n\n"
          "Program baru untuk menekan harga bahan pokok di desa-desa.\n\n"
          "PEKANBARU, RIAUNEWS.ID - Gubernur meluncurkan mobil pangan keliling yang akan "
          "menjangkau pelosok desa.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(d.meta->title.value(), "Gubernur Luncurkan Mobil Pangan Keliling");
  EXPECT_EQ(d.meta->subtitle.value(), "Program baru untuk menekan harga bahan pokok di desa-desa.");
  EXPECT_EQ(d.meta->published.value(), "2025-10-20T17:00+07:00");
  EXPECT_EQ(d.meta->published_basis.value(), "header");
  EXPECT_EQ(d.meta->dateline.value(), "Pekanbaru");
  EXPECT_EQ(d.meta->domain.value(), "riaunews.id");
  EXPECT_EQ(d.meta->outlet.value(), "Riaunews");
  EXPECT_EQ(d.text->rfind("PEKANBARU", 0), 0u);
}

TEST(CleanStage, InputFieldsWin) {
  auto stage = MakeStage();
  Document d =
      Doc("Rabu 13 Sep 2023 07:09 WIB\nIsi berita yang panjang dan lengkap tentang kunjungan "
          "kenegaraan ke luar negeri itu.\n");
  d.source.format = InputFormat::kJsonl;
  d.input.published = "2023-09-14";
  d.input.outlet = "Contoh";
  d.input.url = "https://www.contoh.co.id/a";
  ASSERT_TRUE(stage->Process(d).ok());
  EXPECT_EQ(d.meta->published.value(), "2023-09-14");
  EXPECT_EQ(d.meta->published_basis.value(), "input");
  EXPECT_EQ(d.meta->outlet.value(), "Contoh");
  EXPECT_EQ(d.meta->domain.value(), "contoh.co.id");
}

TEST(CleanStage, CitedSources) {
  auto stage = MakeStage();
  Document d =
      Doc("Menurut AFP, kunjungan itu berlangsung dua hari. Menurut Putin, hubungan kedua negara "
          "membaik. "
          "Hal itu dikutip dari The Diplomat. Kantor berita Jepang Kyodo melaporkan hal serupa.\n");
  ASSERT_TRUE(stage->Process(d).ok());
  std::vector<std::string> got = d.meta->cited_sources;
  std::sort(got.begin(), got.end());
  EXPECT_EQ(got, (std::vector<std::string>{"AFP", "Kyodo", "The Diplomat"}));
}

TEST(CleanStage, JsonOffsetsAreCodePoints) {
  auto stage = MakeStage();
  Document d = Doc(
      "“Kutipan” pembuka berita yang cukup panjang untuk dianggap sebagai paragraf isi.\nIKLAN\n");
  ASSERT_TRUE(stage->Process(d).ok());
  std::string j = ToJson(d);
  // "IKLAN" starts after 81 code points (the curly quotes are one code point each, three bytes).
  EXPECT_NE(
      j.find(
          "\"removed\":[{\"start\":81,\"end\":86,\"kind\":\"advertisement\",\"text\":\"IKLAN\"}]"),
      std::string::npos)
      << j;
}

}  // namespace
}  // namespace linimasa::clean
