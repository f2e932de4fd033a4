// Helpers for stage unit tests (src/**/*_test.cc): run a few stages on a string, as if a reader and
// the clean stage had produced it.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"

namespace linimasa::testing {

// A pipeline of `stages` over given `text` and `meta` layers, reading the repository's data/.
inline std::unique_ptr<Pipeline> TextPipeline(const std::vector<std::string>& stages,
                                              std::map<std::string, std::string> options = {}) {
  PipelineOptions o;
  o.data_dir = LINIMASA_TEST_DATA;
  o.given_layers = {"text", "meta"};
  o.stage_options = std::move(options);
  auto p = Pipeline::Create(stages, o);
  EXPECT_TRUE(p.ok()) << p.status().message();
  return p.ok() ? std::move(p).value() : nullptr;
}

// Runs `p` on `text`, published at `dct` ("" = no publication time).
inline Document RunOnText(const Pipeline& p, const std::string& text, const std::string& dct = "") {
  Document d;
  d.id = "t";
  d.text = text;
  d.meta = Metadata{};
  if (!dct.empty()) d.meta->published = dct;
  Status st = p.Run(d);
  EXPECT_TRUE(st.ok()) << st.message();
  return d;
}

}  // namespace linimasa::testing
