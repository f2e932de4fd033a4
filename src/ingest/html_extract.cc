#include "ingest/html_extract.h"

#include <gumbo.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/utf8.h"

namespace linimasa::ingest {
namespace {

// Class/id vocabulary in the spirit of readability's: words that mark content and non-content
// containers across sites (English and Indonesian).
const RE2& PositiveRe() {
  static const RE2 re(
      "(?i)(article|content|body|entry|main|post|story|text|detail|isi|berita|read)");
  return re;
}
const RE2& NegativeRe() {
  static const RE2 re(
      "(?i)(comment|komentar|footer|foot|masthead|menu|nav|sidebar|side-bar|widget|sponsor|"
      "promo|banner|advert|iklan|ads?[-_]|[-_]ads?\\b|^ads?$|share|social|sosmed|related|terkait|"
      "baca-?juga|rekomendasi|popular|populer|terpopuler|trending|tags?\\b|breadcrumb|pagination|"
      "newsletter|subscribe|login|cookie|modal|popup|author-box|copyright)");
  return re;
}

struct Hint {
  const char* kind;
  const char* pattern;
};
// Removal kind suggested by a container's class/id (first match wins).
const std::vector<std::pair<std::string, std::unique_ptr<RE2>>>& HintRes() {
  static const auto* v = [] {
    auto* out = new std::vector<std::pair<std::string, std::unique_ptr<RE2>>>();
    const Hint hints[] = {
        {"share", "(?i)(share|social|sosmed|bagikan)"},
        {"related",
         "(?i)(related|terkait|baca-?juga|rekomendasi|popular|populer|trending|more-news|berita-?"
         "lain)"},
        {"advertisement", "(?i)(advert|iklan|banner|sponsor|ads?[-_]|[-_]ads?\\b|^ads?$)"},
        {"caption", "(?i)(caption|keterangan-?foto|photo-?desc)"},
        {"byline", "(?i)(byline|author|penulis|reporter|editor)"},
        {"pagination", "(?i)(pagination|paging|halaman)"},
        {"promo", "(?i)(newsletter|subscribe|promo)"},
    };
    for (const auto& h : hints) out->emplace_back(h.kind, std::make_unique<RE2>(h.pattern));
    return out;
  }();
  return *v;
}

struct ClassVerdict {
  bool negative = false, positive = false;
  int hint = -1;  // index into HintRes()
};
// What a class/id string says. A site repeats a few hundred class strings over all its pages, so
// the verdicts are memoised per thread instead of running nine regular expressions per element.
const ClassVerdict& Classify(const std::string& names) {
  thread_local std::unordered_map<std::string, ClassVerdict> memo;
  if (auto it = memo.find(names); it != memo.end()) return it->second;
  if (memo.size() > 100'000) memo.clear();  // bound the memory a crawl of many sites takes
  ClassVerdict c;
  c.negative = RE2::PartialMatch(names, NegativeRe());
  c.positive = RE2::PartialMatch(names, PositiveRe());
  const auto& hints = HintRes();
  for (size_t k = 0; k < hints.size(); ++k)
    if (RE2::PartialMatch(names, *hints[k].second)) {
      c.hint = static_cast<int>(k);
      break;
    }
  return memo.emplace(names, c).first->second;
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboNode* n, const char* name) {
  if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
  const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
  return a ? a->value : nullptr;
}

struct Elem {
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  float class_weight = 0;
  int hint = -1;  // index into HintRes(), inherited
  bool negative = false;
  size_t text_len = 0, link_len = 0, commas = 0;
  float score = 0;
};

struct PendingBlock {
  std::string text;
  size_t link_chars = 0;
  int elem = -1;
  Block::Kind kind = Block::Kind::kParagraph;
};

class Extractor {
 public:
  Extractor(Document& doc, const HtmlOptions& opt) : doc_(doc), opt_(opt) {}

  void Run(const GumboNode* root) {
    Walk(root);
    Flush();
    Select();
  }

 private:
  void ReadHead(const GumboNode* n) {
    GumboTag t = n->v.element.tag;
    if (t == GUMBO_TAG_TITLE && !doc_.input.title) {
      std::string s;
      for (unsigned i = 0; i < n->v.element.children.length; ++i) {
        auto* c = static_cast<const GumboNode*>(n->v.element.children.data[i]);
        if (c->type == GUMBO_NODE_TEXT) s += c->v.text.text;
      }
      html_title_ = std::string(utf8::Trim(s));
    } else if (t == GUMBO_TAG_META) {
      const char* key = Attr(n, "property");
      if (!key) key = Attr(n, "name");
      if (!key) key = Attr(n, "itemprop");
      const char* content = Attr(n, "content");
      if (!key || !content || !*content) return;
      std::string k = utf8::AsciiLower(key);
      std::string v(utf8::Trim(content));
      auto set = [&](std::optional<std::string>& f) {
        if (!f && !v.empty()) f = v;
      };
      if (k == "og:title" || k == "twitter:title")
        set(doc_.input.title);
      else if (k == "og:site_name" || k == "application-name")
        set(doc_.input.site_name);
      else if (k == "og:url")
        set(doc_.input.url);
      else if (k == "og:description" || k == "description")
        set(doc_.input.description);
      else if (k == "article:published_time" || k == "pubdate" || k == "publishdate" ||
               k == "datepublished" || k == "dc.date.issued" || k == "publish-date" || k == "date")
        set(doc_.input.published);
      else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "content_author")
        set(doc_.input.author);
    } else if (t == GUMBO_TAG_LINK) {
      const char* rel = Attr(n, "rel");
      const char* href = Attr(n, "href");
      if (rel && href && utf8::AsciiLower(rel) == "canonical" && !doc_.input.url)
        doc_.input.url = href;
    } else if (t == GUMBO_TAG_SCRIPT) {
      const char* type = Attr(n, "type");
      if (type && utf8::AsciiLower(type) == "application/ld+json") ReadJsonLd(n);
    }
  }

  void ReadJsonLd(const GumboNode* n) {
    if (n->v.element.children.length == 0) return;
    auto* c = static_cast<const GumboNode*>(n->v.element.children.data[0]);
    if (c->type != GUMBO_NODE_TEXT && c->type != GUMBO_NODE_CDATA) return;
    auto j = nlohmann::json::parse(c->v.text.text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    std::vector<const nlohmann::json*> stack = {&j};
    size_t visited = 0;
    while (!stack.empty() && ++visited < 10000) {
      const nlohmann::json* o = stack.back();
      stack.pop_back();
      if (o->is_array()) {
        for (const auto& e : *o) stack.push_back(&e);
      } else if (o->is_object()) {
        if (o->contains("@graph")) stack.push_back(&(*o)["@graph"]);
        auto str = [&](const char* k) -> std::optional<std::string> {
          auto it = o->find(k);
          if (it != o->end() && it->is_string()) return it->get<std::string>();
          return std::nullopt;
        };
        if (auto v = str("datePublished"); v && !doc_.input.published) doc_.input.published = v;
        if (auto v = str("headline"); v && !doc_.input.title) doc_.input.title = v;
        // The publisher's name is the site's when the page gives no og:site_name.
        if (auto it = o->find("publisher");
            it != o->end() && it->is_object() && !doc_.input.site_name)
          if (auto n = it->find("name");
              n != it->end() && n->is_string() && !n->get<std::string>().empty())
            doc_.input.site_name = n->get<std::string>();
        if (!doc_.input.author) {
          auto it = o->find("author");
          if (it != o->end()) {
            const nlohmann::json& a = it->is_array() && !it->empty() ? (*it)[0] : *it;
            if (a.is_object() && a.contains("name") && a["name"].is_string())
              doc_.input.author = a["name"].get<std::string>();
            else if (a.is_string())
              doc_.input.author = a.get<std::string>();
          }
        }
      }
    }
  }

  int NewElem(const GumboNode* n, int parent) {
    Elem e;
    e.parent = parent;
    e.tag = n->v.element.tag;
    if (parent >= 0) {
      e.hint = elems_[parent].hint;
      e.negative = elems_[parent].negative;
    }
    std::string names;
    if (const char* c = Attr(n, "class")) names += c;
    if (const char* i = Attr(n, "id")) names += std::string(" ") + i;
    if (!names.empty()) {
      const ClassVerdict& c = Classify(names);
      if (c.negative && !c.positive) e.class_weight -= 25;
      if (c.positive && !c.negative) e.class_weight += 25;
      if (c.negative && !c.positive) e.negative = true;
      if (c.hint >= 0) e.hint = c.hint;
    }
    switch (e.tag) {
      case GUMBO_TAG_NAV:
      case GUMBO_TAG_FOOTER:
      case GUMBO_TAG_ASIDE:
      case GUMBO_TAG_FORM:
        e.negative = true;
        e.class_weight -= 25;
        break;
      case GUMBO_TAG_ARTICLE:
      case GUMBO_TAG_MAIN:
        e.class_weight += 25;
        break;
      default:
        break;
    }
    elems_.push_back(e);
    return static_cast<int>(elems_.size() - 1);
  }

  Block::Kind KindOf(int elem) const {
    for (int e = elem, hops = 0; e >= 0 && hops < 4; e = elems_[e].parent, ++hops) {
      switch (elems_[e].tag) {
        case GUMBO_TAG_H1:
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
          return Block::Kind::kHeading;
        case GUMBO_TAG_LI:
        case GUMBO_TAG_DT:
        case GUMBO_TAG_DD:
          return Block::Kind::kListItem;
        case GUMBO_TAG_FIGCAPTION:
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_CAPTION:
          return Block::Kind::kCaption;
        case GUMBO_TAG_BLOCKQUOTE:
          return Block::Kind::kQuote;
        case GUMBO_TAG_PRE:
          return Block::Kind::kPre;
        default:
          break;
      }
    }
    return Block::Kind::kParagraph;
  }

  void AppendText(std::string_view t, bool in_link) {
    // Collapse whitespace runs to one space (HTML rendering rules, outside <pre>).
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        if (!cur_.text.empty() && cur_.text.back() != ' ') cur_.text += ' ';
        continue;
      }
      cur_.text += c;
      if (in_link && (static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cur_.link_chars;
    }
  }

  void Flush() {
    std::string_view t = utf8::Trim(cur_.text);
    if (!t.empty()) {
      PendingBlock b;
      b.text = std::string(t);
      b.link_chars = cur_.link_chars;
      b.elem = cur_.elem >= 0 ? cur_.elem : cur_elem_;
      b.kind = KindOf(cur_elem_);
      blocks_.push_back(std::move(b));
    }
    cur_ = PendingBlock();
  }

  // Iterative depth-first walk (hostile pages nest deeply; no recursion).
  void Walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
      int elem;
      bool block;
      bool link;
    };
    std::vector<Frame> stack;
    stack.push_back({root, 0, -1, false, false});
    size_t visited = 0;
    while (!stack.empty()) {
      Frame& f = stack.back();
      const GumboNode* n = f.node;
      const GumboVector* kids =
          (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_DOCUMENT)
              ? (n->type == GUMBO_NODE_ELEMENT ? &n->v.element.children : &n->v.document.children)
              : nullptr;
      if (!kids || f.next_child >= kids->length) {
        if (f.block) Flush();
        stack.pop_back();
        if (!stack.empty()) cur_elem_ = stack.back().elem;
        continue;
      }
      auto* c = static_cast<const GumboNode*>(kids->data[f.next_child++]);
      bool in_link = f.link;
      int parent_elem = f.elem;
      if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE ||
          c->type == GUMBO_NODE_CDATA) {
        if (in_body_) {
          cur_elem_ = parent_elem;
          if (cur_.elem < 0) cur_.elem = parent_elem;
          AppendText(c->v.text.text, in_link);
        }
        continue;
      }
      if (c->type != GUMBO_NODE_ELEMENT) continue;
      if (++visited > opt_.max_nodes) {
        truncated_ = true;
        break;
      }
      GumboTag tag = c->v.element.tag;
      // Metadata lives in <head> (and sometimes stray in <body>): read it, never render it.
      if (tag == GUMBO_TAG_TITLE || tag == GUMBO_TAG_META || tag == GUMBO_TAG_LINK ||
          tag == GUMBO_TAG_SCRIPT) {
        ReadHead(c);
        continue;
      }
      if (tag == GUMBO_TAG_HEAD) {
        // Walk head children for meta only.
        for (unsigned i = 0; i < c->v.element.children.length; ++i) {
          auto* h = static_cast<const GumboNode*>(c->v.element.children.data[i]);
          if (h->type == GUMBO_NODE_ELEMENT) ReadHead(h);
        }
        continue;
      }
      if (IsSkipped(tag)) continue;
      if (tag == GUMBO_TAG_BODY) in_body_ = true;
      bool block = IsBlock(tag);
      if (stack.size() > opt_.max_depth)
        block = false;  // deep nesting: text joins the ancestor block
      if (block) Flush();
      int elem = stack.size() > opt_.max_depth ? parent_elem : NewElem(c, parent_elem);
      cur_elem_ = elem;
      if (block) cur_.elem = elem;
      stack.push_back({c, 0, elem, block, in_link || tag == GUMBO_TAG_A});
    }
  }

  void Select() {
    if (doc_.input.title == std::nullopt && !html_title_.empty()) doc_.input.title = html_title_;
    // "<headline> | <site>" / "<headline> - <site>": the site's name after the headline.
    if (!doc_.input.site_name && doc_.input.title &&
        html_title_.size() > doc_.input.title->size() &&
        html_title_.starts_with(*doc_.input.title)) {
      std::string_view rest = std::string_view(html_title_).substr(doc_.input.title->size());
      rest = utf8::Trim(rest);
      for (std::string_view sep : {"|", "-", "\xE2\x80\x93", "\xE2\x80\x94", ":", "\xC2\xB7"})
        if (rest.starts_with(sep)) {
          std::string_view site = utf8::Trim(rest.substr(sep.size()));
          if (!site.empty() && site.size() <= 60) doc_.input.site_name = std::string(site);
          break;
        }
    }
    // Aggregate text and links up the element tree; score parents of paragraphs.
    for (const PendingBlock& b : blocks_) {
      size_t len = 0;
      for (size_t i = 0; i < b.text.size(); ++i)
        if ((static_cast<unsigned char>(b.text[i]) & 0xC0) != 0x80) ++len;
      size_t commas = std::count(b.text.begin(), b.text.end(), ',');
      for (int e = b.elem; e >= 0; e = elems_[e].parent) {
        elems_[e].text_len += len;
        elems_[e].link_len += std::min(len, b.link_chars);
      }
      if (len < 25 || b.elem < 0) continue;
      float s = 1.f + static_cast<float>(commas) + std::min(static_cast<float>(len) / 100.f, 3.f);
      int p = elems_[b.elem].parent;
      if (p >= 0) {
        elems_[p].score += s;
        int g = elems_[p].parent;
        if (g >= 0) elems_[g].score += s / 2;
      }
      // Text directly inside a container (no <p>) scores that container too.
      if (elems_[b.elem].tag == GUMBO_TAG_DIV || elems_[b.elem].tag == GUMBO_TAG_TD)
        elems_[b.elem].score += s;
    }
    int best = -1;
    float best_score = 0;
    std::vector<float> final_score(elems_.size(), 0.f);
    for (size_t i = 0; i < elems_.size(); ++i) {
      const Elem& e = elems_[i];
      if (e.score <= 0) continue;
      float ld = e.text_len ? static_cast<float>(e.link_len) / static_cast<float>(e.text_len) : 0.f;
      final_score[i] = (e.score + e.class_weight) * (1.f - ld);
      if (final_score[i] > best_score) {
        best_score = final_score[i];
        best = static_cast<int>(i);
      }
    }
    std::vector<char> selected(elems_.size(), 0);
    if (best >= 0) {
      selected[best] = 1;
      int parent = elems_[best].parent;
      float threshold = std::max(10.f, best_score * 0.2f);
      for (size_t i = 0; i < elems_.size(); ++i)
        if (static_cast<int>(i) != best && elems_[i].parent == parent && parent >= 0 &&
            final_score[i] >= threshold)
          selected[i] = 1;
    }
    auto in_main = [&](int elem) {
      if (best < 0) return true;
      for (int e = elem; e >= 0; e = elems_[e].parent)
        if (selected[e]) return true;
      return false;
    };
    // Negative containers inside the main content (share bars, related lists) are still removed.
    auto negative_inside = [&](int elem) {
      for (int e = elem; e >= 0; e = elems_[e].parent) {
        if (selected[e]) return false;
        if (elems_[e].class_weight < 0) return true;
      }
      return false;
    };
    const auto& hints = HintRes();
    for (PendingBlock& b : blocks_) {
      Block blk;
      blk.span.start = doc_.raw.size();
      doc_.raw += b.text;
      blk.span.end = doc_.raw.size();
      doc_.raw += '\n';
      blk.kind = b.kind;
      size_t len = 0;
      for (char ch : b.text)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++len;
      blk.link_density =
          len ? static_cast<float>(std::min(len, b.link_chars)) / static_cast<float>(len) : 0.f;
      blk.main = b.elem < 0 ? best < 0 : (in_main(b.elem) && !negative_inside(b.elem));
      if (b.elem >= 0 && elems_[b.elem].hint >= 0) blk.hint = hints[elems_[b.elem].hint].first;
      doc_.blocks.push_back(std::move(blk));
    }
    if (!doc_.raw.empty()) doc_.raw.pop_back();
  }

  Document& doc_;
  const HtmlOptions& opt_;
  std::vector<Elem> elems_;
  std::vector<PendingBlock> blocks_;
  PendingBlock cur_;
  int cur_elem_ = -1;
  bool in_body_ = false;
  bool truncated_ = false;
  std::string html_title_;

 public:
  bool truncated() const { return truncated_; }
};

// gumbo's tree builder scans the stack of open elements for many start tags, which is quadratic in
// nesting depth (100,000 nested <div>s take about a minute). Real pages nest a few dozen deep, so
// before parsing, start and end tags past `max_depth` levels are dropped (their text is kept). The
// depth count is approximate — void and auto-closing elements are not counted — which is enough
// for a safety bound.
struct TagAt {
  bool counted = false;  // a start or end tag of an element that nests
  bool close = false, self_closing = false;
  size_t gt = std::string_view::npos;  // position of the closing '>'
};

TagAt ScanTag(std::string_view html, size_t i) {
  static const std::set<std::string> kUncounted = {
      "area",   "base", "br",    "col",    "embed", "hr",  "img",     "input",
      "link",   "meta", "param", "source", "track", "wbr", "p",       "li",
      "option", "td",   "tr",    "th",     "dd",    "dt",  "!doctype"};
  TagAt t;
  t.close = html[i + 1] == '/';
  size_t j = i + (t.close ? 2 : 1), k = j;
  while (k < html.size() && (std::isalnum(static_cast<unsigned char>(html[k])) || html[k] == '-'))
    ++k;
  std::string name = utf8::AsciiLower(html.substr(j, k - j));
  if (name.empty() || kUncounted.count(name)) return t;
  t.gt = html.find('>', k);
  t.counted = true;
  t.self_closing = t.gt != std::string_view::npos && t.gt > 0 && html[t.gt - 1] == '/';
  return t;
}

std::string BoundNesting(std::string_view html, size_t max_depth, bool& changed) {
  changed = false;
  // First pass: is the bound ever exceeded?
  size_t depth = 0, max_seen = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    TagAt t = ScanTag(html, i);
    if (!t.counted) continue;
    if (t.close) {
      if (depth) --depth;
    } else if (!t.self_closing)
      max_seen = std::max(max_seen, ++depth);
  }
  if (max_seen <= max_depth) return std::string();
  changed = true;
  std::string out;
  out.reserve(html.size());
  depth = 0;
  size_t copied = 0;
  for (size_t i = 0; i + 1 < html.size(); ++i) {
    if (html[i] != '<') continue;
    TagAt t = ScanTag(html, i);
    if (!t.counted) continue;
    if (t.gt == std::string_view::npos) break;
    bool drop;
    if (t.close) {
      drop = depth > max_depth;
      if (depth) --depth;
    } else if (t.self_closing) {
      drop = false;
    } else {
      drop = ++depth > max_depth;
    }
    if (drop) {
      out.append(html.substr(copied, i - copied));
      copied = t.gt + 1;
    }
    i = t.gt;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace

void ExtractHtml(std::string_view html, Document& doc, const HtmlOptions& options) {
  bool bounded = false;
  std::string bounded_html = BoundNesting(html, options.max_depth, bounded);
  if (bounded) {
    html = bounded_html;
    doc.flags.push_back({"truncated",
                         {0, 0},
                         "the page nests elements more than " + std::to_string(options.max_depth) +
                             " deep; the deeper tags were ignored (their text was kept)"});
  }
  GumboOptions go = kGumboDefaultOptions;
  go.max_errors = 1000;
  GumboOutput* out = gumbo_parse_with_options(&go, html.data(), html.size());
  Extractor ex(doc, options);
  ex.Run(out->document);
  if (ex.truncated())
    doc.flags.push_back({"truncated",
                         {0, 0},
                         "the page has more than " + std::to_string(options.max_nodes) +
                             " elements; only the first ones were read"});
  gumbo_destroy_output(&go, out);
}

}  // namespace linimasa::ingest
