#include "clean/boilerplate.h"

#include <gtest/gtest.h>

#include "clean/line_features.h"

namespace linimasa::clean {
namespace {

const BoilerplateModel& Model() {
  static const BoilerplateModel m = [] {
    auto r = BoilerplateModel::Load(std::string(LINIMASA_TEST_DATA) + "/boilerplate/cues.tsv");
    EXPECT_TRUE(r.ok()) << r.status().message();
    return std::move(r).value();
  }();
  return m;
}

std::string KindOf(const std::string& line) {
  BoilerplateVerdict v = Model().Score(line, ComputeLineFeatures(line).words);
  return v.score >= 1.0f ? v.kind : "";
}

// Furniture lines from many portals' conventions (written for this test, not copied from pages).
TEST(Boilerplate, RecognisesFurnitureAcrossOutlets) {
  EXPECT_EQ(KindOf("ADVERTISEMENT"), "advertisement");
  EXPECT_EQ(KindOf("SCROLL TO CONTINUE WITH CONTENT"), "advertisement");
  EXPECT_EQ(KindOf("Iklan"), "advertisement");
  EXPECT_EQ(KindOf("Lanjutkan Membaca ↓"), "advertisement");
  EXPECT_EQ(KindOf("Baca juga: Harga Cabai Turun Jelang Akhir Tahun"), "related");
  EXPECT_EQ(KindOf("Baca Juga"), "related");
  EXPECT_EQ(KindOf("BACA JUGA:"), "related");
  EXPECT_EQ(KindOf("Lihat Juga : Video Banjir Rob di Pesisir Utara"), "related");
  EXPECT_EQ(KindOf("Berita Terkait"), "related");
  EXPECT_EQ(KindOf("Pilihan Editor: Tiga Hal yang Perlu Diketahui soal Pajak Baru"), "related");
  EXPECT_EQ(KindOf("Berlanjut ke halaman berikutnya >>>"), "pagination");
  EXPECT_EQ(KindOf("Halaman Selanjutnya"), "pagination");
  EXPECT_EQ(KindOf("Halaman 2 dari 3"), "pagination");
  EXPECT_EQ(KindOf("1 2 3 Selanjutnya"), "pagination");
  EXPECT_EQ(KindOf("Foto: ANTARA/Rivan Awal Lingga"), "credit");
  EXPECT_EQ(KindOf("(ANTARA FOTO/Aprillio Akbar)"), "credit");
  EXPECT_EQ(KindOf("FILE - Warga menyeberang jalan di pusat kota, Senin, 3 Juni 2024."), "caption");
  EXPECT_EQ(KindOf("Penulis: Sari Dewi"), "byline");
  EXPECT_EQ(KindOf("Pewarta: Budi Santoso Editor: Rina Wulandari"), "byline");
  EXPECT_EQ(KindOf("Laporan Wartawan Tribunnews.com Ahmad Fauzi"), "byline");
  EXPECT_EQ(KindOf("(isa/isa)"), "byline");
  EXPECT_EQ(KindOf("Copyright © ANTARA 2024"), "byline");
  EXPECT_EQ(KindOf("Bagikan: Facebook Twitter WhatsApp"), "share");
  EXPECT_EQ(KindOf("Facebook | Twitter | WhatsApp | Telegram"), "share");
  EXPECT_EQ(KindOf("Simak breaking news dan berita pilihan kami langsung di ponselmu lewat "
                   "WhatsApp Channel"),
            "promo");
  EXPECT_EQ(KindOf("Ikuti berita terkini dari kami di Google News, klik di sini."), "promo");
  EXPECT_EQ(KindOf("Saksikan Live DetikPagi :"), "promo");
  EXPECT_EQ(KindOf("[Gambas:Video 20detik]"), "promo");
  EXPECT_EQ(KindOf("Artikel ini telah tayang di Kompas.com dengan judul \"Harga Beras Naik\""),
            "source");
  EXPECT_EQ(KindOf("sumber : Reuters"), "source");
  EXPECT_EQ(KindOf("***"), "other");
  EXPECT_EQ(KindOf("Tags: politik, pemilu"), "other");
}

TEST(Boilerplate, ContentStays) {
  EXPECT_EQ(KindOf("Presiden menegaskan pentingnya pengendalian inflasi dalam menjaga stabilitas "
                   "ekonomi nasional."),
            "");
  EXPECT_EQ(KindOf("Bagaimana sebetulnya hubungan antara Kim Jong Un dan Putin?"), "");
  EXPECT_EQ(KindOf("Hubungan Saling Menguntungkan Antar Kedua Negara"), "");
  // Cue words inside long prose do not make it furniture.
  EXPECT_EQ(KindOf("Warga yang ingin mendaftar cukup klik di sini pada laman resmi pemerintah "
                   "daerah, lalu mengisi "
                   "formulir yang tersedia dengan data diri lengkap sesuai kartu tanda penduduk "
                   "elektronik mereka masing-masing."),
            "");
  EXPECT_EQ(KindOf("Foto-foto itu kemudian beredar luas di media sosial dan memicu perdebatan."),
            "");
}

TEST(Boilerplate, SuffixCueRemovesOnlyTheEnd) {
  std::string line = "Kunjungan itu mencakup konser gala dan resepsi kenegaraan.***";
  BoilerplateVerdict v = Model().Score(line, ComputeLineFeatures(line).words);
  ASSERT_NE(v.suffix_start, std::string_view::npos);
  EXPECT_EQ(line.substr(v.suffix_start), "***");
  EXPECT_EQ(v.suffix_kind, "other");
}

TEST(Boilerplate, EndCuesOnlyForTheLastLine) {
  // `end` cues are not suffix cues: Score() leaves them alone, EndSuffix() finds them.
  std::string line = "Kedua pelaku kini ditahan untuk pemeriksaan lebih lanjut. [ded]";
  EXPECT_EQ(Model().Score(line, ComputeLineFeatures(line).words).suffix_start,
            std::string_view::npos);
  std::string kind;
  size_t cut = Model().EndSuffix(line, &kind);
  ASSERT_NE(cut, std::string_view::npos);
  EXPECT_EQ(line.substr(cut), " [ded]");
  EXPECT_EQ(kind, "byline");
  line = "Pedagang menyebut pasokan dari petani berkurang. (Antara)";
  cut = Model().EndSuffix(line, &kind);
  ASSERT_NE(cut, std::string_view::npos);
  EXPECT_EQ(kind, "source");
  EXPECT_EQ(Model().EndSuffix("Sidang digelar Rabu (13/9).", &kind), std::string_view::npos);
}

TEST(Boilerplate, InlineCuesCutFurnitureOutOfAParagraph) {
  std::string line =
      "Cukai naik tahun depan. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Kebijakan itu "
      "diambil.";
  auto hits = Model().Inline(line);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(line.substr(hits[0].start, hits[0].end - hits[0].start),
            "ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT");
  EXPECT_EQ(hits[0].kind, "advertisement");
  EXPECT_TRUE(
      Model().Inline("Iklan rokok dilarang tayang di televisi sebelum pukul 21.30.").empty());
  // A related link run onto a paragraph's end, brackets and all.
  line = "Kenaikan ini mempertimbangkan industri. [Baca juga: Harga Rokok Naik, Ini Daftarnya]";
  BoilerplateVerdict v = Model().Score(line, ComputeLineFeatures(line).words);
  ASSERT_NE(v.suffix_start, std::string_view::npos);
  EXPECT_EQ(line.substr(v.suffix_start), " [Baca juga: Harga Rokok Naik, Ini Daftarnya]");
  EXPECT_EQ(v.suffix_kind, "related");
}

TEST(Boilerplate, CaptionsEndingInACredit) {
  EXPECT_EQ(KindOf("Ilustrasi hujan deras (IDN Times/Aditya Pratama)"), "caption");
  EXPECT_EQ(KindOf("Keterangan gambar, Petugas memadamkan api di kawasan hutan."), "caption");
  EXPECT_EQ(KindOf("Sumber gambar, Getty Images"), "credit");
  // A paragraph closing with initials, or a date in brackets, is no caption.
  EXPECT_EQ(KindOf("Tema debat meliputi ekonomi, pajak, dan investasi. (mcr8/jpnn)"), "");
  EXPECT_EQ(KindOf("Sidang lanjutan digelar pada Kamis (12/10)"), "");
  // An invitation to the outlet's chat channel is promotion however long it runs.
  EXPECT_EQ(
      KindOf("Dapatkan update berita pilihan dan breaking news setiap hari dari Kompas.com. Mari "
             "bergabung di Grup Telegram \"Kompas.com News Update\", caranya klik link "
             "https://t.me/kompascomupdate, kemudian join. Anda harus install aplikasi Telegram "
             "terlebih dulu di ponsel."),
      "promo");
  // A crime story about a chat group is content.
  EXPECT_EQ(
      KindOf("Menurut polisi, tersangka merupakan anggota grup WhatsApp yang dipakai untuk menjual "
             "barang curian kepada pembeli di sejumlah kota."),
      "");
}

TEST(Boilerplate, BadCueFilesAreRejectedWithLineNumbers) {
  auto r = BoilerplateModel::Parse("# c\nrelated\t1.0\tline\n", "cues.tsv");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cues.tsv line 2"), std::string::npos);
  r = BoilerplateModel::Parse("related\tx\tline\tbaca\n", "cues.tsv");
  EXPECT_FALSE(r.ok());
  r = BoilerplateModel::Parse("related\t1\tsomewhere\tbaca\n", "cues.tsv");
  EXPECT_FALSE(r.ok());
  r = BoilerplateModel::Parse("related\t1\tline\t(unclosed\n", "cues.tsv");
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace linimasa::clean
