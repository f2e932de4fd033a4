#include "ingest/html_extract.h"

#include <gtest/gtest.h>

namespace linimasa::ingest {
namespace {

const char* kPage = R"(<!DOCTYPE html><html><head>
<title>Putin Tiba di Pyongyang - Kabar Dunia</title>
<meta property="og:site_name" content="Kabar Dunia">
<meta property="article:published_time" content="2024-06-19T08:00:00+07:00">
<link rel="canonical" href="https://www.kabardunia.co.id/berita/123">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Putin Tiba di Pyongyang","author":{"name":"Sari Dewi"}}</script>
</head><body>
<nav class="menu"><a href="/">Beranda</a> <a href="/dunia">Dunia</a> <a href="/ekonomi">Ekonomi</a></nav>
<div class="container"><div class="article-body">
<h1>Putin Tiba di Pyongyang</h1>
<p>Presiden Rusia Vladimir Putin tiba di Pyongyang, Korea Utara, pada Rabu dini hari, disambut langsung oleh Kim Jong Un di bandara.</p>
<p>Kunjungan ini adalah yang pertama dalam 24 tahun, dan kedua pemimpin diperkirakan menandatangani perjanjian kerja sama strategis.</p>
<figure><img src="a.jpg"><figcaption>Putin dan Kim di bandara, Rabu (19/6/2024).</figcaption></figure>
<div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
<p>Kremlin mengatakan kunjungan itu akan berlangsung dua hari, dengan pembicaraan tertutup dan jamuan kenegaraan, sebelum Putin bertolak ke Vietnam.</p>
</div>
<aside class="sidebar"><h3>Terpopuler</h3><ul><li><a href="/1">Harga beras naik lagi di pasar induk</a></li><li><a href="/2">Timnas menang tipis atas Vietnam</a></li></ul></aside>
</div>
<footer>Copyright 2024 Kabar Dunia. Semua hak dilindungi.</footer>
</body></html>)";

std::string BlockText(const Document& d, const Block& b) {
  return d.raw.substr(b.span.start, b.span.size());
}

TEST(HtmlExtract, FindsMainContentAndMetadata) {
  Document d;
  ExtractHtml(kPage, d);
  EXPECT_EQ(d.input.title.value(), "Putin Tiba di Pyongyang");  // JSON-LD headline over <title>
  EXPECT_EQ(d.input.site_name.value(), "Kabar Dunia");
  EXPECT_EQ(d.input.published.value(), "2024-06-19T08:00:00+07:00");
  EXPECT_EQ(d.input.url.value(), "https://www.kabardunia.co.id/berita/123");
  EXPECT_EQ(d.input.author.value(), "Sari Dewi");
  int main_paragraphs = 0;
  for (const Block& b : d.blocks) {
    std::string t = BlockText(d, b);
    if (t.find("Beranda") != std::string::npos || t.find("Harga beras") != std::string::npos ||
        t.find("Copyright") != std::string::npos) {
      EXPECT_FALSE(b.main) << t;
    }
    if (t.find("Presiden Rusia") == 0 || t.find("Kunjungan ini") == 0 || t.find("Kremlin") == 0) {
      EXPECT_TRUE(b.main) << t;
      ++main_paragraphs;
    }
    if (t.find("Facebook") != std::string::npos) {
      EXPECT_FALSE(b.main) << t;
      EXPECT_EQ(b.hint, "share");
    }
    if (t.find("Putin dan Kim di bandara") == 0) {
      EXPECT_EQ(b.kind, Block::Kind::kCaption);
    }
  }
  EXPECT_EQ(main_paragraphs, 3);
}

TEST(HtmlExtract, SiteNameWithoutOgSiteName) {
  // From the JSON-LD publisher …
  Document d;
  ExtractHtml(R"(<html><head><title>Gempa Guncang Cianjur | Radar Nusantara</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Gempa Guncang Cianjur",
"publisher":{"@type":"Organization","name":"Radar Nusantara"}}</script></head>
<body><p>Gempa mengguncang Cianjur pada Senin siang dan warga berhamburan keluar rumah.</p></body></html>)",
              d);
  EXPECT_EQ(d.input.site_name.value(), "Radar Nusantara");
  // … or from the page title after the headline.
  Document e;
  ExtractHtml(R"(<html><head><title>Gempa Guncang Cianjur - Kabar Priangan</title>
<meta property="og:title" content="Gempa Guncang Cianjur"></head>
<body><p>Gempa mengguncang Cianjur pada Senin siang dan warga berhamburan keluar rumah.</p></body></html>)",
              e);
  EXPECT_EQ(e.input.title.value(), "Gempa Guncang Cianjur");
  EXPECT_EQ(e.input.site_name.value(), "Kabar Priangan");
  // A title that is the headline alone names no site.
  Document f;
  ExtractHtml(
      "<html><head><title>Gempa Guncang Cianjur</title></head><body><p>Teks.</p></body></html>", f);
  EXPECT_FALSE(f.input.site_name);
}

TEST(HtmlExtract, DeepNestingDoesNotRecurse) {
  std::string html = "<html><body>";
  for (int i = 0; i < 100000; ++i) html += "<div>";
  html += "teks terdalam";
  Document d;
  ExtractHtml(html, d);
  EXPECT_NE(d.raw.find("teks terdalam"), std::string::npos);
}

TEST(HtmlExtract, ScriptsAndStylesAreNotText) {
  Document d;
  ExtractHtml(
      "<html><body><script>var iklan=1;</script><style>p{}</style><p>Hanya ini.</p></body></html>",
      d);
  EXPECT_EQ(d.raw, "Hanya ini.");
}

}  // namespace
}  // namespace linimasa::ingest
