// Shared helpers for the end-to-end tests: run the default pipeline, check line-level expectations.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "linimasa/pipeline.h"
#include "linimasa/reader.h"

namespace linimasa::testing {

inline std::string Slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

inline std::vector<Document> Analyze(const std::string& bytes, const std::string& name) {
  static const auto pipeline = [] {
    PipelineOptions o;
    o.data_dir = LINIMASA_TEST_DATA;
    auto p = Pipeline::Create(DefaultStages(), o);
    EXPECT_TRUE(p.ok()) << p.status().message();
    return std::move(p).value();
  }();
  std::vector<Document> docs;
  ReadBuffer(bytes, name, ReadOptions{}, [&](Document&& d) { docs.push_back(std::move(d)); },
             [](const InputError& e) { ADD_FAILURE() << e.ToString(); });
  for (Document& d : docs) EXPECT_TRUE(pipeline->Run(d).ok());
  return docs;
}

// Expected removals: 1-based line → (kind, partial text or ""). Every other non-blank line of the
// input must appear in the clean text; every listed line must be in `removed` with its kind.
inline void CheckLines(const std::string& label, const std::string& input, const Document& d,
                       const std::map<int, std::pair<std::string, std::string>>& expected) {
  std::istringstream in(input);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto it = expected.find(n);
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t')) trimmed.pop_back();
    if (trimmed.empty()) continue;
    if (it == expected.end()) {
      EXPECT_NE(d.text->find(trimmed.substr(0, std::min<size_t>(trimmed.size(), 200))), std::string::npos)
          << label << " line " << n << " is content but missing from the clean text: " << trimmed;
      continue;
    }
    const std::string want = it->second.second.empty() ? trimmed : it->second.second;
    bool found = false;
    for (const Removed& r : *d.removed) {
      std::string got = d.raw.substr(r.span.start, r.span.size());
      if (got == want) {
        found = true;
        EXPECT_EQ(r.kind, it->second.first) << label << " line " << n << ": " << want;
      }
    }
    EXPECT_TRUE(found) << label << " line " << n << " should be removed as " << it->second.first << ": " << want;
  }
}

}  // namespace linimasa::testing
