#include "core/perceptron.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace linimasa {
namespace {

// A model of `tags` tags with scattered non-zero weights (trained on random decisions).
HashedModel Trained(size_t tags) {
  std::vector<std::string> names;
  for (size_t t = 0; t < tags; ++t) names.push_back("T" + std::to_string(t));
  PerceptronTrainer trainer(1024, names);
  uint32_t x = 12345;
  auto next = [&] { return x = x * 1103515245u + 12345u; };
  for (int k = 0; k < 400; ++k) {
    std::vector<uint32_t> feats;
    for (int i = 0; i < 6; ++i) feats.push_back(next());
    trainer.Learn(feats, next() % tags, next() % tags);
  }
  return trainer.Finish();
}

// Accumulate() is specialised for the shipped tag counts (7, 17) and chunks more than 64
// features; each path must give the rows' sums, here read one row at a time by AddFeature().
TEST(HashedModel, AccumulateIsTheSumOfRowsForEveryTagCountAndLength) {
  for (size_t tags : {3, 7, 17}) {
    HashedModel m = Trained(tags);
    for (size_t count : {size_t{1}, size_t{5}, size_t{64}, size_t{150}}) {
      std::vector<uint32_t> feats;
      for (size_t i = 0; i < count; ++i) feats.push_back(static_cast<uint32_t>(i * 2654435761u));
      std::vector<int32_t> acc(tags, 0);
      m.Accumulate(feats.data(), feats.size(), acc.data());
      std::vector<float> got(tags, 0.f);
      m.AddScaled(acc.data(), got.data());
      std::vector<double> want(tags, 0.0);
      for (uint32_t f : feats) {
        std::vector<float> row(tags, 0.f);
        m.AddFeature(f, row.data());
        for (size_t t = 0; t < tags; ++t) want[t] += row[t];
      }
      for (size_t t = 0; t < tags; ++t)
        EXPECT_NEAR(got[t], want[t], 1e-4 * (1.0 + std::abs(want[t])))
            << tags << " tags, " << count << " features, tag " << t;
    }
  }
}

TEST(HashedModel, AddFeatureScoresOneFeatureAsScoreDoes) {
  for (size_t tags : {7, 17}) {
    HashedModel m = Trained(tags);
    bool nonzero = false;
    for (uint32_t f = 0; f < 2000; f += 7) {
      std::vector<float> a(tags, 0.5f), b(tags, 0.5f);
      m.Score({f}, a.data());
      m.AddFeature(f, b.data());
      EXPECT_EQ(a, b) << f;
      for (float v : a) nonzero |= v != 0.5f;
    }
    EXPECT_TRUE(nonzero) << "the test model has weights";
  }
}

}  // namespace
}  // namespace linimasa
