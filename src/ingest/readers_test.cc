#include <gtest/gtest.h>

#include <vector>

#include "linimasa/reader.h"

namespace linimasa {
namespace {

struct Collected {
  std::vector<Document> docs;
  std::vector<InputError> errors;
};

Collected Read(const std::string& bytes, const std::string& name,
               InputFormat f = InputFormat::kAuto) {
  Collected c;
  ReadOptions o;
  o.format = f;
  ReadBuffer(
      bytes, name, o, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](const InputError& e) { c.errors.push_back(e); });
  return c;
}

TEST(Readers, TextFileIdIsFileStem) {
  auto c = Read("Baris satu.\r\nBaris dua.", "dir/000_abc.txt");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "000_abc");
  EXPECT_EQ(c.docs[0].raw, "Baris satu.\nBaris dua.");
  EXPECT_EQ(c.docs[0].source.format, InputFormat::kText);
}

TEST(Readers, JsonlRecordsFieldsAndErrorsWithLineNumbers) {
  std::string in =
      "{\"id\": \"a1\", \"text\": \"Isi berita.\", \"url\": \"https://news.detik.com/x\", "
      "\"published\": \"2025-10-21T20:43+07:00\"}\n"
      "{broken\n"
      "\n"
      "{\"text\": 5}\n"
      "{\"title\": \"tanpa isi\"}\n"
      "{\"html\": \"<html><body><p>Paragraf dari HTML yang cukup panjang untuk "
      "dibaca.</p></body></html>\"}\n";
  auto c = Read(in, "dump.jsonl");
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "a1");
  EXPECT_EQ(c.docs[0].input.published.value(), "2025-10-21T20:43+07:00");
  EXPECT_EQ(c.docs[0].source.url.value(), "https://news.detik.com/x");
  EXPECT_EQ(c.docs[1].id, "dump-6");
  EXPECT_EQ(c.docs[1].source.format, InputFormat::kJsonl);
  ASSERT_EQ(c.errors.size(), 3u);
  EXPECT_EQ(c.errors[0].record.value(), 2u);
  EXPECT_NE(c.errors[0].ToString().find("dump.jsonl line 2: malformed JSON"), std::string::npos);
  EXPECT_EQ(c.errors[1].record.value(), 4u);
  EXPECT_NE(c.errors[1].status.message().find("\"text\" must be a string"), std::string::npos);
  EXPECT_EQ(c.errors[2].record.value(), 5u);
}

TEST(Readers, EmptyAndBinaryFilesAreErrors) {
  EXPECT_EQ(Read("", "kosong.txt").errors.size(), 1u);
  EXPECT_EQ(Read(" \n\t\n", "spasi.txt").errors.size(), 1u);
  auto c = Read(std::string("\x7f"
                            "ELF\x02\x01\x01\0\0\0\0\0",
                            12),
                "a.out");
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("binary"), std::string::npos);
  EXPECT_TRUE(c.docs.empty());
}

TEST(Readers, HtmlIsSniffedWithoutExtension) {
  auto c = Read(
      "<!DOCTYPE html><html><head><title>Judul</title></head><body><p>Kalimat pertama berita "
      "ini.</p></body></html>",
      "page");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].source.format, InputFormat::kHtml);
  EXPECT_EQ(c.docs[0].input.title.value(), "Judul");
}

TEST(Readers, HtmlWithoutBodyTextIsAnError) {
  auto c = Read("<html><head><script>x()</script></head><body></body></html>", "empty.html");
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.errors.size(), 1u);
  EXPECT_NE(c.errors[0].status.message().find("no text"), std::string::npos);
}

TEST(Readers, WarcResponseRecordsBecomeDocuments) {
  std::string http =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Isi halaman "
      "berita.</p></body></html>";
  std::string rec =
      "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:42>\r\nWARC-Target-URI: "
      "https://www.kompas.com/a\r\n"
      "Content-Length: " +
      std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
  std::string img = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG";
  rec += "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: " + std::to_string(img.size()) +
         "\r\n\r\n" + img + "\r\n\r\n";
  auto c = Read(rec, "crawl.warc");
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "urn:uuid:42");
  EXPECT_EQ(c.docs[0].source.url.value(), "https://www.kompas.com/a");
  EXPECT_EQ(c.docs[0].source.format, InputFormat::kWarc);
  EXPECT_TRUE(c.errors.empty());
}

TEST(Readers, MojibakeIsRepairedAndFlagged) {
  auto c = Read(
      "{\"id\": \"m1\", \"title\": \"Caf\u00C3\u00A9\", \"text\": \"Sekjen PBB "
      "Ant\u00C3\u00B3nio Guterres hadir.\"}\n",
      "dump.jsonl");
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.docs[0].flags.size(), 1u);
  EXPECT_EQ(c.docs[0].flags[0].kind, "mojibake_repaired");
  EXPECT_EQ(c.docs[0].raw, "Sekjen PBB Ant\u00F3nio Guterres hadir.");
  EXPECT_EQ(c.docs[0].input.title.value(), "Caf\u00E9");
}

TEST(Readers, Windows1252InputIsFlagged) {
  auto c = Read("\x93Kutipan\x94 dalam berita.", "lama.txt");
  ASSERT_EQ(c.docs.size(), 1u);
  ASSERT_EQ(c.docs[0].flags.size(), 1u);
  EXPECT_EQ(c.docs[0].flags[0].kind, "encoding_converted");
  EXPECT_EQ(c.docs[0].raw, "“Kutipan” dalam berita.");
}

TEST(Readers, OverlongDocumentIsCutAndFlagged) {
  Collected c;
  ReadOptions o;
  o.max_document_bytes = 7;  // inside the 3-byte “
  ReadBuffer(
      "Rabu \xe2\x80\x9csatu dua tiga empat", "x.txt", o,
      [&](Document&& d) { c.docs.push_back(std::move(d)); }, [](const InputError&) {});
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].raw, "Rabu ");  // cut back to a code-point boundary
  EXPECT_EQ(c.docs[0].flags.at(0).kind, "truncated");
}

TEST(Readers, FormatNames) {
  EXPECT_EQ(*ParseFormat("warc"), InputFormat::kWarc);
  EXPECT_FALSE(ParseFormat("pdf").ok());
  EXPECT_NE(ParseFormat("pdf").status().message().find("auto, text, html, jsonl, warc"),
            std::string::npos);
}

}  // namespace
}  // namespace linimasa
