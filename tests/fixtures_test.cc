// Boilerplate fixtures in the conventions of many Indonesian outlets (tests/fixtures/outlets/:
// texts written for linimasa, with NAME.expected listing the lines to remove as "LINE<TAB>KIND").
#include <filesystem>

#include "golden_util.h"

namespace linimasa::testing {
namespace {

namespace fs = std::filesystem;

TEST(OutletFixtures, BoilerplateRemovedContentKept) {
  size_t checked = 0;
  for (const auto& entry :
       fs::directory_iterator(std::string(LINIMASA_TEST_FIXTURES) + "/outlets")) {
    if (entry.path().extension() == ".expected") continue;
    std::string input = Slurp(entry.path().string());
    std::map<int, std::pair<std::string, std::string>> expected;
    std::istringstream ex(
        Slurp(entry.path().parent_path() / (entry.path().stem().string() + ".expected")));
    std::string line;
    while (std::getline(ex, line)) {
      if (line.empty() || line[0] == '#') continue;
      size_t t1 = line.find('\t');
      size_t t2 = line.find('\t', t1 + 1);
      expected[std::stoi(line.substr(0, t1))] = {
          line.substr(t1 + 1, t2 == std::string::npos ? std::string::npos : t2 - t1 - 1),
          t2 == std::string::npos ? "" : line.substr(t2 + 1)};
    }
    auto docs = Analyze(input, entry.path().string());
    ASSERT_EQ(docs.size(), 1u) << entry.path();
    CheckLines(entry.path().filename().string(), input, docs[0], expected);
    ++checked;
  }
  EXPECT_GE(checked, 8u);
}

}  // namespace
}  // namespace linimasa::testing
