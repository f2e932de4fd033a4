#include "ingest/warc.h"

#include <gtest/gtest.h>

#include <vector>

namespace linimasa::ingest {

std::string Record(const std::string& type, const std::string& block, const std::string& uri = "") {
  std::string h = "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:1>\r\n";
  if (!uri.empty()) h += "WARC-Target-URI: " + uri + "\r\n";
  h += "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n";
  return h + block + "\r\n\r\n";
}

TEST(Warc, ParsesRecordsInOrder) {
  std::string data = Record("warcinfo", "software: x") + Record("response", "HTTP/1.1 200 OK\r\n\r\nhi", "http://a.id/");
  std::vector<std::string> types;
  EXPECT_TRUE(ParseWarc(data, [&](const WarcRecord& r) { types.push_back(r.headers.at("warc-type")); }).ok());
  EXPECT_EQ(types, (std::vector<std::string>{"warcinfo", "response"}));
}

TEST(Warc, TruncatedRecordIsReportedAfterGoodOnes) {
  std::string data = Record("response", "HTTP/1.1 200 OK\r\n\r\nsatu") + Record("response", "HTTP/1.1 200 OK\r\n\r\ndua-panjang");
  size_t n = 0;
  Status st = ParseWarc(data.substr(0, data.size() - 12), [&](const WarcRecord&) { ++n; });
  EXPECT_EQ(n, 1u);
  EXPECT_EQ(st.code(), Status::Code::kCorruption);
  EXPECT_NE(st.message().find("record 2"), std::string::npos);
}

TEST(Warc, NotWarcIsCorruption) {
  EXPECT_FALSE(ParseWarc("hello", [](const WarcRecord&) {}).ok());
}

TEST(Warc, SplitHttpDechunks) {
  std::string ct, body;
  ASSERT_TRUE(SplitHttp("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                        "4\r\n<p>a\r\n5\r\nb</p>\r\n0\r\n\r\n", ct, body));
  EXPECT_EQ(ct, "text/html; charset=utf-8");
  EXPECT_EQ(body, "<p>ab</p>");
  EXPECT_FALSE(SplitHttp("GET / HTTP/1.1\r\n\r\n", ct, body));
}

}  // namespace linimasa::ingest
