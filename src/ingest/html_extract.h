// Main-content extraction from an HTML page.
//
// The page is parsed with gumbo (a conforming HTML5 parser) and rendered into blocks, one per block
// element. The main content is found by readability-style scoring: every text block of some length
// adds to the score of its parent and grandparent element (more for commas and length), class/id
// names that say "content"/"article" add and those that say "comment"/"share"/"footer" subtract, and
// an element's score is scaled by (1 − its link density). The best element and its high-scoring
// siblings are the main content; blocks outside it stay in Document::raw but are marked
// `main = false`, so the clean stage records them in `removed` instead of dropping them.
// No per-site rules.
#pragma once

#include <string_view>

#include "linimasa/document.h"

namespace linimasa::ingest {

struct HtmlOptions {
  size_t max_nodes = 2'000'000;  // bound on the elements visited (hostile pages)
  size_t max_depth = 512;        // elements nested deeper are read as text of their ancestor
};

// Fills doc.raw (blocks joined by "\n"), doc.blocks and doc.input (title, site name, published,
// author, canonical URL, description from <title>, <meta>, <link rel=canonical> and JSON-LD).
// `html` must be UTF-8. Never fails: a page with no body yields an empty raw.
void ExtractHtml(std::string_view html, Document& doc, const HtmlOptions& options = {});

}  // namespace linimasa::ingest
