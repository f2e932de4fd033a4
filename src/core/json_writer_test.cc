#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "linimasa/json.h"

namespace linimasa {
namespace {

TEST(JsonWriter, WritesTheInterfaceSchemaAndEscapes) {
  Document d;
  d.id = std::string("x\"1");
  d.source.path = std::string("a/b.txt");
  d.raw = std::string("Kata \"kutip\"\tdan \\ garis\x01 caf\xC3\xA9 \xE2\x80\x9Cya\xE2\x80\x9D\nIKLAN");
  d.text = std::string("Kata \"kutip\"\tdan \\ garis\x01 caf\xC3\xA9 \xE2\x80\x9Cya\xE2\x80\x9D");
  d.removed = std::vector<Removed>{{{d.text->size() + 1, d.raw.size()}, "advertisement"}};
  d.meta = Metadata();
  d.meta->authors = {"A"};
  d.flags.push_back({"encoding_converted", {0, 0}, "pesan"});
  d.flags.push_back({"weekday_mismatch", {5, 12}, "m"});
  auto j = nlohmann::json::parse(ToJson(d));
  EXPECT_EQ(j["id"], "x\"1");
  EXPECT_EQ(j["text"], *d.text);
  EXPECT_EQ(j["meta"]["authors"], nlohmann::json::array({"A"}));
  EXPECT_TRUE(j["meta"]["outlet"].is_null());
  EXPECT_EQ(j["removed"][0]["text"], "IKLAN");
  EXPECT_EQ(j["removed"][0]["start"], 36);  // code points (bytes would be 41)
  EXPECT_TRUE(j["flags"][0]["start"].is_null());
  EXPECT_EQ(j["flags"][1]["text"], "\"kutip\"");
  EXPECT_FALSE(j.contains("sentences"));  // a layer no stage wrote is absent
  EXPECT_EQ(nlohmann::json::parse(ToJson(d, {.pretty = true})), j);
}

TEST(JsonWriter, BrokenUtf8IsReplacedNotFatal) {
  Document d;
  d.id = std::string("bad\xff");
  auto j = nlohmann::json::parse(ToJson(d));
  EXPECT_EQ(j["id"], "bad\xEF\xBF\xBD");
}

}  // namespace
}  // namespace linimasa
