#include "core/word_memo.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace linimasa {
namespace {

struct Value {
  int32_t length = 0, fills = 0;
};

TEST(WordMemo, ComputesEachWordOnceAndStartsAfreshWhenFull) {
  WordMemo<Value> memo(100);
  int fills = 0;
  auto get = [&](const std::string& w) -> const Value& {
    return memo.Get(w, [&](Value& v) {
      v.length = static_cast<int32_t>(w.size());
      v.fills = ++fills;
    });
  };
  memo.Reserve(3);
  const std::string longer(40, 'x');  // past the 16 bytes kept in a slot
  const Value& a = get("kemarin");
  const Value& b = get(longer);
  EXPECT_EQ(&get("kemarin"), &a);  // found, not computed again
  EXPECT_EQ(get(longer).length, 40);
  EXPECT_EQ(fills, 2);
  EXPECT_EQ(b.length, 40);  // references hold until the next Reserve()
  EXPECT_EQ(memo.size(), 2u);
  // Over the bound: the memo starts afresh, and every value is still the word's own.
  for (int i = 0; i < 1000; ++i) {
    const std::string w = std::string(static_cast<size_t>(i % 37 + 1), 'a') + std::to_string(i);
    memo.Reserve(1);
    EXPECT_EQ(get(w).length, static_cast<int32_t>(w.size())) << w;
    EXPECT_LE(memo.size(), 100u);
  }
  memo.Reserve(1);
  EXPECT_EQ(get("kemarin").length, 7);
}

TEST(WordMemo, ASentenceLongerThanTheBoundStillFits) {
  WordMemo<Value> memo(4);
  memo.Reserve(50);
  std::vector<const Value*> at;
  for (int i = 0; i < 50; ++i) {
    const std::string w = "w" + std::to_string(i);
    at.push_back(&memo.Get(w, [&](Value& v) { v.length = i; }));
  }
  for (int i = 0; i < 50; ++i) EXPECT_EQ(at[static_cast<size_t>(i)]->length, i);
}

TEST(WordMemo, EachThreadAndOwnerHasItsOwn) {
  const uint64_t a = NextMemoOwnerId(), b = NextMemoOwnerId();
  EXPECT_NE(a, b);
  WordMemo<Value>* main_a = &PerThreadFor<WordMemo<Value>>(a);
  EXPECT_EQ(main_a, &PerThreadFor<WordMemo<Value>>(a));
  EXPECT_NE(main_a, &PerThreadFor<WordMemo<Value>>(b));
  WordMemo<Value>* other = nullptr;
  std::thread([&] { other = &PerThreadFor<WordMemo<Value>>(a); }).join();
  EXPECT_NE(other, main_a);
}

}  // namespace
}  // namespace linimasa
