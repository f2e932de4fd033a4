#include "core/utf8.h"

#include <gtest/gtest.h>

namespace linimasa::utf8 {

TEST(Utf8, ValidatesWellFormedAndRejectsBroken) {
  EXPECT_TRUE(IsValid("Kim Jong-un “kunjungan” — 13/9"));
  EXPECT_FALSE(IsValid("caf\xe9"));             // Latin-1 é
  EXPECT_FALSE(IsValid("\xe2\x80"));            // truncated sequence
  EXPECT_FALSE(IsValid("\xc0\xaf"));            // overlong '/'
  EXPECT_FALSE(IsValid("\xed\xa0\x80"));        // surrogate
  EXPECT_TRUE(IsValid("\xef\xbf\xbd"));         // a real U+FFFD
}

TEST(Utf8, TrimRemovesNbspAndZeroWidth) {
  EXPECT_EQ(Trim("\xc2\xa0 Rabu \xe2\x80\x8b"), "Rabu");
  EXPECT_EQ(Trim("   "), "");
  EXPECT_EQ(Trim("\xef\xbb\xbfteks"), "teks");
}

TEST(Utf8, CodePointIndexCountsCodePoints) {
  std::string s = "a“b”";
  for (int i = 0; i < 300; ++i) s += "é";
  CodePointIndex idx(s);
  EXPECT_EQ(idx.ToCodePoint(0), 0u);
  EXPECT_EQ(idx.ToCodePoint(1), 1u);   // after 'a'
  EXPECT_EQ(idx.ToCodePoint(4), 2u);   // after '“'
  EXPECT_EQ(idx.ToCodePoint(8), 4u);   // after '”'
  EXPECT_EQ(idx.ToCodePoint(s.size()), 304u);
  EXPECT_EQ(idx.ToCodePoint(8 + 2 * 200), 204u);  // past a checkpoint
}

TEST(Utf8, NextDecodesAndRecovers) {
  std::string s = "\xe2\x80\x9cX\xff";
  size_t i = 0;
  EXPECT_EQ(Next(s, i), 0x201Cu);
  EXPECT_EQ(Next(s, i), uint32_t('X'));
  EXPECT_EQ(Next(s, i), 0xFFFDu);
  EXPECT_EQ(i, s.size());
}

}  // namespace linimasa::utf8
