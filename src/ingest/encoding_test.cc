#include "ingest/encoding.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace linimasa::ingest {

std::string GzipOf(const std::string& s) {
  z_stream zs{};
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(compressBound(s.size()) + 64, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  zs.avail_in = s.size();
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = out.size();
  deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(Encoding, Utf8PassesThroughWithBomAndCrlfNormalised) {
  Decoded d = DecodeToUtf8("\xef\xbb\xbfSatu\r\nDua\rTiga\n");
  EXPECT_EQ(d.text, "Satu\nDua\nTiga\n");
  EXPECT_FALSE(d.converted);
}

TEST(Encoding, Windows1252IsDetectedAndConverted) {
  Decoded d = DecodeToUtf8("\x93Kami di pihak Rusia\x94 \x96 kata Kim caf\xe9");
  EXPECT_TRUE(d.converted);
  EXPECT_EQ(d.source_encoding, "windows-1252");
  EXPECT_EQ(d.text, "“Kami di pihak Rusia” – kata Kim café");
}

TEST(Encoding, MojibakeIsRepairedOnceOrTwiceOver) {
  std::string s =
      "Sekjen PBB Ant\u00C3\u00B3nio Guterres di Nims Caf\u00C3\u00A9, "
      "\u00E2\u20AC\u0153kata\u00E2\u20AC\u009D.";
  EXPECT_EQ(RepairMojibake(s), 4u);
  EXPECT_EQ(s, "Sekjen PBB Ant\u00F3nio Guterres di Nims Caf\u00E9, \u201Ckata\u201D.");
  s = "Ant\u00C3\u0192\u00C2\u00B3nio";  // twice over
  EXPECT_GE(RepairMojibake(s), 2u);
  EXPECT_EQ(s, "Ant\u00F3nio");
  // Text with accents that are no mojibake stays as it is.
  for (std::string ok :
       {"Jos\u00E9 Mour\u00E3o, S\u00C3O PAULO, na\u00E7\u00E3o, d\u00E9j\u00E0 \u00BB",
        "Indonesia 17\u00B0C", "caf\u00E9\u00A1"}) {
    const std::string before = ok;
    EXPECT_EQ(RepairMojibake(ok), 0u) << before;
    EXPECT_EQ(ok, before);
  }
}

TEST(Encoding, Utf16WithBom) {
  std::string le("\xff\xfeR\0I\0", 6);
  Decoded d = DecodeToUtf8(le);
  EXPECT_EQ(d.text, "RI");
  EXPECT_TRUE(d.converted);
}

TEST(Encoding, BinaryIsRecognised) {
  EXPECT_TRUE(LooksBinary(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
  EXPECT_FALSE(LooksBinary("Berita biasa.\nBaris dua."));
}

TEST(Encoding, GunzipReadsConcatenatedMembers) {
  std::string gz = GzipOf("WARC/1.0 satu\n") + GzipOf("WARC/1.0 dua\n");
  std::string out;
  EXPECT_TRUE(Gunzip(gz, out, 1 << 20).ok());
  EXPECT_EQ(out, "WARC/1.0 satu\nWARC/1.0 dua\n");
}

TEST(Encoding, GunzipReportsTruncationAndKeepsWhatItRead) {
  std::string big(100000, 'x');
  std::string gz = GzipOf("awal\n") + GzipOf(big);
  std::string out;
  Status st = Gunzip(gz.substr(0, gz.size() - 40), out, 1 << 20);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("truncated"), std::string::npos);
  EXPECT_EQ(out.substr(0, 5), "awal\n");
}

TEST(Encoding, GunzipBoundsOutput) {
  std::string out;
  Status st = Gunzip(GzipOf(std::string(1 << 20, 'a')), out, 1000);
  EXPECT_FALSE(st.ok());
}

}  // namespace linimasa::ingest
