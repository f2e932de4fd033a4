// Readers: bytes → Documents, for text, HTML, JSONL and WARC inputs (see linimasa/reader.h).
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/file_env.h"
#include "core/utf8.h"
#include "ingest/encoding.h"
#include "ingest/html_extract.h"
#include "ingest/warc.h"
#include "linimasa/reader.h"

namespace linimasa {

std::string InputError::ToString() const {
  std::string where = input;
  if (record)
    where += (input.ends_with(".jsonl") || input.ends_with(".ndjson") ? " line " : " record ") +
             std::to_string(*record);
  return where + ": " + status.message();
}

Result<InputFormat> ParseFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text" || name == "txt") return InputFormat::kText;
  if (name == "html") return InputFormat::kHtml;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "warc") return InputFormat::kWarc;
  return Status::InvalidArgument("unknown format '" + std::string(name) +
                                 "'; use one of auto, text, html, jsonl, warc");
}

namespace {

namespace fs = std::filesystem;

std::string Stem(const std::string& name) {
  std::string base = fs::path(name).filename().string();
  for (const char* ext : {".warc.gz", ".jsonl.gz", ".txt", ".html", ".htm", ".xhtml", ".jsonl",
                          ".ndjson", ".json", ".warc", ".gz", ".text"}) {
    std::string e(ext);
    if (base.size() > e.size() && utf8::AsciiLower(base.substr(base.size() - e.size())) == e)
      return base.substr(0, base.size() - e.size());
  }
  size_t dot = base.rfind('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

InputFormat FromExtension(const std::string& name) {
  std::string n = utf8::AsciiLower(name);
  auto ends = [&](const char* e) { return n.ends_with(e); };
  if (ends(".warc") || ends(".warc.gz")) return InputFormat::kWarc;
  if (ends(".jsonl") || ends(".ndjson") || ends(".jsonl.gz")) return InputFormat::kJsonl;
  if (ends(".html") || ends(".htm") || ends(".xhtml")) return InputFormat::kHtml;
  if (ends(".txt") || ends(".text")) return InputFormat::kText;
  return InputFormat::kAuto;
}

InputFormat Sniff(std::string_view b) {
  size_t i = 0;
  if (b.size() >= 3 && uint8_t(b[0]) == 0xEF && uint8_t(b[1]) == 0xBB && uint8_t(b[2]) == 0xBF)
    i = 3;
  while (i < b.size() && (b[i] == ' ' || b[i] == '\n' || b[i] == '\r' || b[i] == '\t')) ++i;
  std::string_view rest = b.substr(i);
  if (rest.starts_with("WARC/")) return InputFormat::kWarc;
  if (rest.starts_with("{")) return InputFormat::kJsonl;
  std::string head = utf8::AsciiLower(rest.substr(0, 2048));
  if (head.starts_with("<!doctype html") || head.starts_with("<html") ||
      head.find("<html") != std::string::npos || head.find("<body") != std::string::npos ||
      (head.starts_with("<") && head.find("<p") != std::string::npos))
    return InputFormat::kHtml;
  return InputFormat::kText;
}

class BufferReader {
 public:
  BufferReader(const std::string& name, const ReadOptions& o, const DocumentSink& sink,
               const ErrorSink& errors, size_t* stdin_counter)
      : name_(name), opt_(o), sink_(sink), errors_(errors), stdin_counter_(stdin_counter) {}

  void Read(std::string_view bytes) {
    std::string inflated;
    if (ingest::IsGzip(bytes)) {
      Status st = ingest::Gunzip(bytes, inflated, opt_.max_file_bytes);
      if (!st.ok()) Error(std::nullopt, st);
      if (inflated.empty()) return;
      bytes = inflated;
    }
    if (bytes.empty() || utf8::Trim(bytes).empty()) {
      Error(std::nullopt, Status::InvalidArgument("empty file: nothing to analyse"));
      return;
    }
    InputFormat f = opt_.format;
    if (f == InputFormat::kAuto) f = FromExtension(name_);
    if (f == InputFormat::kAuto || (f == InputFormat::kText && opt_.format == InputFormat::kAuto &&
                                    Sniff(bytes) == InputFormat::kWarc))
      f = Sniff(bytes);
    if (f != InputFormat::kWarc && ingest::LooksBinary(bytes)) {
      Error(std::nullopt, Status::InvalidArgument(
                              "looks like a binary file (NUL or control bytes), not text, HTML, "
                              "JSONL or WARC; remove it from the inputs"));
      return;
    }
    switch (f) {
      case InputFormat::kWarc:
        ReadWarc(bytes);
        break;
      case InputFormat::kJsonl:
        ReadJsonl(bytes);
        break;
      case InputFormat::kHtml:
        ReadDocument(bytes, InputFormat::kHtml, std::nullopt);
        break;
      default:
        ReadDocument(bytes, InputFormat::kText, std::nullopt);
        break;
    }
  }

 private:
  void Error(std::optional<size_t> record, Status st) {
    errors_(InputError{name_, record, std::move(st)});
  }

  std::string DefaultId(std::optional<size_t> record) {
    if (stdin_counter_) return "stdin-" + std::to_string(++*stdin_counter_);
    std::string s = Stem(name_);
    return record ? s + "-" + std::to_string(*record) : s;
  }

  // Cuts `s` to the document limit at a code-point boundary; flags the cut.
  void Bound(Document& d) {
    if (d.raw.size() <= opt_.max_document_bytes) return;
    size_t cut = opt_.max_document_bytes;
    while (cut > 0 && (static_cast<unsigned char>(d.raw[cut]) & 0xC0) == 0x80) --cut;
    d.raw.resize(cut);
    d.flags.push_back(
        {"truncated",
         {0, 0},
         "document longer than " + std::to_string(opt_.max_document_bytes >> 20) +
             " MiB; only the first part was analysed (raise --max-doc-bytes to read it all)"});
    std::erase_if(d.blocks, [&](const Block& b) { return b.span.start >= cut; });
    for (Block& b : d.blocks) b.span.end = std::min(b.span.end, cut);
  }

  // Builds one document from text or HTML bytes. Returns false (after reporting) if it has no text.
  bool Build(std::string_view bytes, InputFormat f, Document& d, std::optional<size_t> record) {
    ingest::Decoded dec = ingest::DecodeToUtf8(bytes);
    if (dec.converted)
      d.flags.push_back({"encoding_converted",
                         {0, 0},
                         "input was not UTF-8; read as " + dec.source_encoding + " and converted"});
    if (const size_t n = ingest::RepairMojibake(dec.text))
      d.flags.push_back({"mojibake_repaired",
                         {0, 0},
                         std::to_string(n) + " characters written as UTF-8 read as Windows-1252 "
                                             "(\"Ã³\" for \"ó\") were repaired"});
    d.source.format = f;
    if (f == InputFormat::kHtml) {
      ingest::ExtractHtml(dec.text, d);
      if (utf8::Trim(d.raw).empty()) {
        Error(record,
              Status::InvalidArgument("HTML page has no text in its body; check that it is an "
                                      "article page, not a redirect or a script shell"));
        return false;
      }
    } else {
      d.raw = std::move(dec.text);
      if (utf8::Trim(d.raw).empty()) {
        Error(record, Status::InvalidArgument("no text: the document is empty or only whitespace"));
        return false;
      }
    }
    Bound(d);
    return true;
  }

  void ReadDocument(std::string_view bytes, InputFormat f, std::optional<size_t> record) {
    Document d;
    d.id = DefaultId(record);
    if (!stdin_counter_) d.source.path = name_;
    if (!Build(bytes, f, d, record)) return;
    sink_(std::move(d));
  }

  void ReadJsonl(std::string_view bytes) {
    size_t line_no = 0, pos = 0;
    while (pos < bytes.size()) {
      size_t eol = bytes.find('\n', pos);
      if (eol == std::string_view::npos) eol = bytes.size();
      std::string_view line = bytes.substr(pos, eol - pos);
      pos = eol + 1;
      ++line_no;
      if (utf8::Trim(line).empty()) continue;
      ReadJsonRecord(line, line_no);
    }
  }

  // JSONL records are parsed with simdjson (JSONL reading is on the hot path of bulk analysis; its
  // DOM parser picks the CPU's fastest kernel at run time); a line that is not UTF-8 is re-read as
  // Windows-1252.
  void ReadJsonRecord(std::string_view line, size_t line_no) {
    bool converted = false;
    std::string repaired;
    if (!utf8::IsValid(line)) {
      repaired = ingest::DecodeToUtf8(line).text;
      line = repaired;
      converted = true;
    }
    simdjson::dom::element doc;
    simdjson::dom::object obj;
    auto bad = [&](const std::string& what) { Error(line_no, Status::InvalidArgument(what)); };
    if (parser_.parse(line.data(), line.size()).get(doc))
      return bad("malformed JSON; each line must be one JSON object (fix the line or remove it)");
    if (doc.get_object().get(obj))
      return bad("expected a JSON object with a \"text\" or \"html\" field");
    std::map<std::string, std::string, std::less<>> fields;
    for (auto [key, v] : obj) {
      static const std::set<std::string_view> kKnown = {"text",  "html",      "id",    "url",
                                                        "title", "published", "outlet"};
      if (!kKnown.count(key)) continue;
      std::string k(key);
      if (v.is_null()) continue;
      if (v.is_string()) {
        fields[k] = std::string(v.get_string().value_unsafe());
      } else if (v.is_number() && k == "id") {
        fields[k] = simdjson::minify(v);
      } else {
        return bad("field \"" + k + "\" must be a string");
      }
    }
    auto field = [&](const char* k) -> std::optional<std::string> {
      auto it = fields.find(k);
      if (it == fields.end()) return std::nullopt;
      return it->second;
    };
    auto text = field("text");
    auto html = field("html");
    if (!text && !html) return bad("record has neither \"text\" nor \"html\"; add one");
    Document d;
    d.id = field("id").value_or(DefaultId(line_no));
    if (!stdin_counter_) d.source.path = name_;
    d.source.record = line_no;
    d.source.url = field("url");
    if (!Build(html ? *html : *text, html ? InputFormat::kHtml : InputFormat::kText, d, line_no))
      return;
    if (converted && d.flags.empty())
      d.flags.push_back({"encoding_converted", {0, 0}, "line was not UTF-8; read as windows-1252"});
    d.source.format = InputFormat::kJsonl;
    d.input.title = field("title");
    if (d.input.title) ingest::RepairMojibake(*d.input.title);
    d.input.published = field("published");
    d.input.outlet = field("outlet");
    if (d.source.url) d.input.url = d.source.url;
    sink_(std::move(d));
  }

  void ReadWarc(std::string_view bytes) {
    size_t html_records = 0;
    Status st = ingest::ParseWarc(bytes, [&](const ingest::WarcRecord& r) {
      auto h = [&](const char* k) -> std::string {
        auto it = r.headers.find(k);
        return it == r.headers.end() ? "" : it->second;
      };
      std::string type = utf8::AsciiLower(h("warc-type"));
      if (type != "response" && type != "resource") return;
      std::string ctype, body;
      if (type == "response") {
        if (!ingest::SplitHttp(r.block, ctype, body)) return;
      } else {
        ctype = utf8::AsciiLower(h("content-type"));
        body.assign(r.block);
      }
      bool is_html = ctype.find("html") != std::string::npos;
      bool is_text = ctype.find("text/plain") != std::string::npos;
      if (!is_html && !is_text) return;  // images, scripts, ...: not articles
      ++html_records;
      Document d;
      std::string id = h("warc-record-id");
      if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
      d.id = id.empty() ? DefaultId(r.number) : id;
      d.source.path = name_;
      d.source.record = r.number;
      std::string uri = h("warc-target-uri");
      if (uri.size() > 2 && uri.front() == '<' && uri.back() == '>')
        uri = uri.substr(1, uri.size() - 2);
      if (!uri.empty()) d.source.url = uri;
      if (ingest::IsGzip(body)) {
        std::string out;
        if (!ingest::Gunzip(body, out, opt_.max_file_bytes).ok() && out.empty()) {
          Error(r.number, Status::Corruption("gzip-encoded HTTP body cannot be inflated"));
          return;
        }
        body = std::move(out);
      }
      if (!Build(body, is_html ? InputFormat::kHtml : InputFormat::kText, d, r.number)) return;
      d.source.format = InputFormat::kWarc;
      if (d.source.url) d.input.url = d.source.url;
      sink_(std::move(d));
    });
    if (!st.ok()) Error(std::nullopt, st);
  }

  const std::string& name_;
  const ReadOptions& opt_;
  const DocumentSink& sink_;
  const ErrorSink& errors_;
  size_t* stdin_counter_;
  simdjson::dom::parser parser_;
};

void CollectFiles(const std::string& input, std::vector<std::string>& out,
                  const ErrorSink& errors) {
  std::error_code ec;
  if (fs::is_directory(input, ec)) {
    std::vector<std::string> files;
    for (auto it = fs::recursive_directory_iterator(
             input, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::error_code fec;
      if (it->is_regular_file(fec) && it->path().filename().string()[0] != '.')
        files.push_back(it->path().string());
    }
    if (ec)
      errors({input, std::nullopt, Status::IOError("cannot list directory: " + ec.message())});
    std::sort(files.begin(), files.end());
    out.insert(out.end(), files.begin(), files.end());
  } else {
    out.push_back(input);
  }
}

}  // namespace

void ReadBuffer(std::string_view bytes, const std::string& name, const ReadOptions& options,
                const DocumentSink& sink, const ErrorSink& errors, size_t* stdin_counter) {
  BufferReader r(name, options, sink, errors, stdin_counter);
  r.Read(bytes);
}

void ReadInputs(const std::vector<std::string>& inputs, const ReadOptions& options,
                const DocumentSink& sink, const ErrorSink& errors) {
  size_t stdin_counter = 0;
  for (const auto& input : inputs) {
    if (input == "-") {
      auto bytes = FileEnv::Default().ReadStdin(options.max_file_bytes);
      if (!bytes.ok()) {
        errors({"stdin", std::nullopt, bytes.status()});
        continue;
      }
      ReadBuffer(*bytes, "stdin", options, sink, errors, &stdin_counter);
      continue;
    }
    std::vector<std::string> files;
    CollectFiles(input, files, errors);
    for (const auto& f : files) {
      auto bytes = FileEnv::Default().ReadFile(f, options.max_file_bytes);
      if (!bytes.ok()) {
        errors({f, std::nullopt, bytes.status()});
        continue;
      }
      ReadBuffer(*bytes, f, options, sink, errors);
    }
  }
}

}  // namespace linimasa
