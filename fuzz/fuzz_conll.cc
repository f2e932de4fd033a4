// Fuzz target for the CoNLL reader of `tag ner` / `eval ner` / `train ner`: arbitrary bytes are
// decoded, parsed into sentences, and every sentence is tagged by the shipped NER model (which
// matches every token against its name lists: ner/name_gazetteer.h). Nothing
// may crash, hang or trip a sanitizer; every sentence has one label per token and no empty token.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "ingest/encoding.h"
#include "ner/conll.h"
#include "ner/ner_tagger.h"
#include "text/word_clusters.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto* tagger = [] {
    // The shipped model is trained with word classes: load them as the engine does.
    std::shared_ptr<const linimasa::text::WordClusters> clusters;
    auto st = linimasa::text::LoadDataClusters(LINIMASA_FUZZ_DATA, clusters);
    if (!st.ok()) {
      std::fprintf(stderr, "fuzz_conll: %s\n", st.message().c_str());
      std::abort();
    }
    // And its name lists.
    std::shared_ptr<const linimasa::ner::NameGazetteer> names;
    st = linimasa::ner::LoadDataNames(LINIMASA_FUZZ_DATA, names);
    if (!st.ok()) {
      std::fprintf(stderr, "fuzz_conll: %s\n", st.message().c_str());
      std::abort();
    }
    auto t = linimasa::ner::NerTagger::Load(std::string(LINIMASA_FUZZ_DATA) + "/models/ner.bin",
                                            std::move(clusters), std::move(names));
    if (!t.ok()) {
      std::fprintf(stderr, "fuzz_conll: %s\n", t.status().message().c_str());
      std::abort();
    }
    return new linimasa::ner::NerTagger(std::move(t).value());
  }();
  std::string bytes(reinterpret_cast<const char*>(data), size);
  std::string text = linimasa::ingest::DecodeToUtf8(bytes).text;
  std::vector<std::string_view> forms;
  std::vector<uint8_t> labels;
  for (const auto& s : linimasa::ner::ParseConll(text)) {
    if (s.tokens.size() != s.labels.size()) std::abort();
    forms.assign(s.tokens.begin(), s.tokens.end());
    for (auto f : forms)
      if (f.empty()) std::abort();
    tagger->Tag(forms, labels);
    if (labels.size() != forms.size()) std::abort();
  }
  return 0;
}
