#include "search/lemma_fts.h"

#include <functional>
#include <new>
#include <unordered_map>
#include <vector>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/string_set.h"
#include "core/utf8.h"
#include "text/tokenizer.h"

namespace linimasa::search {
namespace {

bool IsWordCp(uint32_t cp) { return text::IsLetterCp(cp) || (cp >= '0' && cp <= '9'); }

// Surface form → lemma, looked up without allocating (snippet() re-tokenises every hit's whole
// text, so this path is hot at query time too). Per thread and per lemmatiser; bounded.
struct LemmaCache {
  const text::Lemmatizer* owner = nullptr;
  StringMap<std::string> map;
};

const std::string& CachedLemma(const text::Lemmatizer& lemmatizer, std::string_view word) {
  thread_local LemmaCache cache;
  if (cache.owner != &lemmatizer || cache.map.size() > 500000) {
    cache.map.clear();
    cache.owner = &lemmatizer;
  }
  auto it = cache.map.find(word);
  if (it == cache.map.end())
    it = cache.map.emplace(std::string(word), lemmatizer.Lemma(word)).first;
  return it->second;
}

// The words of `text` with their terms (see ForEachTerm). A template, so the tokenizer's hot loop
// calls FTS5's callback directly rather than through std::function.
template <typename Emit>
void Terms(std::string_view text, const text::Lemmatizer& lemmatizer, bool lemmatize, Emit&& emit) {
  // One code point at i (ASCII without decoding), advancing i.
  auto word_cp = [&](size_t& i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
    return IsWordCp(utf8::Next(text, i));
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t start = i;
    if (!word_cp(i)) continue;
    size_t end = i;
    while (end < text.size()) {
      size_t j = end;
      if (!word_cp(j)) break;
      end = j;
    }
    i = end;
    std::string_view word = text.substr(start, end - start);
    if (lemmatize)
      emit(CachedLemma(lemmatizer, word), start, end);
    else
      emit(utf8::AsciiLower(word), start, end);
  }
}

struct TokenizerState {
  std::shared_ptr<const text::Lemmatizer> lemmatizer;
};

// FTS5 owns the registration's context (deleted with the connection) and creates one tokenizer
// per table; both point at the same immutable lemmatizer.
int Create(void* ctx, const char**, int, Fts5Tokenizer** out) {
  auto* state = new (std::nothrow) TokenizerState{static_cast<TokenizerState*>(ctx)->lemmatizer};
  if (!state) return SQLITE_NOMEM;
  *out = reinterpret_cast<Fts5Tokenizer*>(state);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* t) { delete reinterpret_cast<TokenizerState*>(t); }

int Tokenize(Fts5Tokenizer* t, void* ctx, int flags, const char* text, int n,
             int (*token)(void*, int, const char*, int, int, int)) {
  const auto* state = reinterpret_cast<TokenizerState*>(t);
  // A prefix query ("kunj*") is matched as typed: lemmatising a fragment would change it.
  const bool lemmatize = !(flags & FTS5_TOKENIZE_PREFIX);
  int rc = SQLITE_OK;
  Terms(std::string_view(text, static_cast<size_t>(n)), *state->lemmatizer, lemmatize,
        [&](const std::string& term, size_t start, size_t end) {
          if (rc != SQLITE_OK) return;
          rc = token(ctx, 0, term.data(), static_cast<int>(term.size()), static_cast<int>(start),
                     static_cast<int>(end));
        });
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

void DestroyContext(void* ctx) { delete static_cast<TokenizerState*>(ctx); }

fts5_api* Fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

void ForEachTerm(std::string_view text, const text::Lemmatizer& lemmatizer, bool lemmatize,
                 const std::function<void(const std::string&, size_t, size_t)>& emit) {
  Terms(text, lemmatizer, lemmatize, emit);
}

Result<std::unordered_set<std::string>> LoadStopwords(const std::string& data_dir) {
  auto sw = FileEnv::Default().ReadFile(data_dir + "/text/stopwords.txt", 1 << 20);
  if (!sw.ok())
    return Status::NotFound(sw.status().message() + " (set LINIMASA_DATA to the data folder)");
  std::unordered_set<std::string> out;
  ForEachLine(*sw, [&](std::string_view line, size_t) {
    line = utf8::Trim(line.substr(0, line.find('#')));
    if (!line.empty()) out.insert(utf8::AsciiLower(line));
  });
  return out;
}

Status RegisterTokenizer(sqlite3* db, std::shared_ptr<const text::Lemmatizer> lemmatizer) {
  fts5_api* api = Fts5Api(db);
  if (!api)
    return Status::Internal(
        "this SQLite has no FTS5 (install Debian's libsqlite3-0 >= 3.9, which has it)");
  static fts5_tokenizer tokenizer = {Create, Delete, Tokenize};
  auto* ctx = new TokenizerState{std::move(lemmatizer)};
  if (api->xCreateTokenizer(api, kTokenizerName, ctx, &tokenizer, DestroyContext) != SQLITE_OK) {
    delete ctx;
    return Status::Internal("cannot register the FTS5 tokenizer");
  }
  return Status::Ok();
}

Result<std::string> ToFtsQuery(std::string_view query,
                               const std::unordered_set<std::string>& stopwords, int drop,
                               size_t* positives) {
  struct Item {
    std::string text;  // FTS5 syntax for one phrase, or "OR"
    bool negated = false, stop = false;
  };
  std::vector<Item> items;
  auto quoted = [](std::string_view s) {
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
  };
  size_t i = 0;
  while (i < query.size()) {
    if (query[i] == ' ' || query[i] == '\t' || query[i] == '\n' || query[i] == '\r') {
      ++i;
      continue;
    }
    bool negated = false;
    if (query[i] == '-' && i + 1 < query.size() && query[i + 1] != ' ') {
      negated = true;
      ++i;
    }
    if (query[i] == '"') {
      size_t close = query.find('"', i + 1);
      if (close == std::string_view::npos)
        return Status::InvalidArgument("query: the quote opened at character " +
                                       std::to_string(i + 1) +
                                       " is not closed; close it or remove it");
      std::string_view phrase = query.substr(i + 1, close - i - 1);
      i = close + 1;
      if (utf8::Trim(phrase).empty()) continue;
      items.push_back({quoted(phrase), negated, false});
      continue;
    }
    size_t end = i;
    while (end < query.size() && query[end] != ' ' && query[end] != '\t' && query[end] != '\n' &&
           query[end] != '"')
      ++end;
    std::string_view word = query.substr(i, end - i);
    i = end;
    if (word == "OR" && !negated) {
      items.push_back({"OR"});
      continue;
    }
    bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix) word.remove_suffix(1);
    // A word with no letter or digit ("—", "&") would be an empty phrase: FTS5 rejects those.
    bool has_word_char = false;
    for (size_t k = 0; k < word.size();) has_word_char |= IsWordCp(utf8::Next(word, k));
    if (!has_word_char) continue;
    Item it{quoted(word) + (prefix ? "*" : ""), negated, false};
    it.stop = !prefix && stopwords.count(utf8::AsciiLower(word)) > 0;
    items.push_back(std::move(it));
  }
  bool content = false, has_or = false;
  for (const Item& it : items) {
    content |= it.text != "OR" && !it.negated && !it.stop;
    has_or |= it.text == "OR";
  }
  if (has_or) drop = -1;  // the user chose the operators: no relaxation
  std::string positive, negative;
  bool any_positive = false;
  bool pending_or = false;
  int index = -1;
  size_t count = 0;
  for (const Item& it : items) {
    if (it.text == "OR") {
      pending_or = any_positive;
      continue;
    }
    if (it.stop && content) continue;
    if (it.negated) {
      negative += " NOT " + it.text;
      continue;
    }
    ++count;
    if (++index == drop) continue;
    if (any_positive) positive += pending_or ? " OR " : " ";
    positive += it.text;
    any_positive = true;
    pending_or = false;
  }
  if (positives) *positives = has_or ? 1 : count;
  if (!any_positive)
    return Status::InvalidArgument(
        "query: nothing to search for; give at least one word that is not excluded with '-'");
  if (negative.empty()) return positive;
  return "(" + positive + ")" + negative;
}

}  // namespace linimasa::search
