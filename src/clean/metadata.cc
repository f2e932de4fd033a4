#include "clean/metadata.h"

#include <re2/re2.h>

#include <algorithm>
#include <set>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"

namespace linimasa::clean {
namespace {

std::vector<std::vector<std::string>> ReadTsv(const std::string& path, Status& st) {
  std::vector<std::vector<std::string>> rows;
  auto bytes = FileEnv::Default().ReadFile(path, 64 << 20);
  if (!bytes.ok()) {
    st = Status::NotFound(bytes.status().message() + " (set LINIMASA_DATA to the data folder)");
    return rows;
  }
  ForEachLine(*bytes, [&](std::string_view line, size_t) {
    if (!line.empty() && line[0] != '#') rows.push_back(SplitFields(line));
  });
  return rows;
}

std::vector<std::string> SplitBar(const std::string& s) { return SplitFields(s, '|'); }

std::string Alternation(const std::map<std::string, int>& m) {
  std::vector<std::string> keys;
  for (const auto& [k, v] : m) keys.push_back(RE2::QuoteMeta(k));
  std::sort(keys.begin(), keys.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string out;
  for (const auto& k : keys) out += (out.empty() ? "" : "|") + k;
  return out;
}

std::string TitleCase(std::string_view s) {
  std::string out;
  bool start = true;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z' && !start) c = static_cast<char>(c - 'A' + 'a');
    if (c >= 'a' && c <= 'z' && start) c = static_cast<char>(c - 'a' + 'A');
    start = (c == ' ' || c == '-' || c == '\'');
    out += c;
  }
  return out;
}

std::string Pad2(int v) { return (v < 10 ? "0" : "") + std::to_string(v); }

bool ValidDate(int y, int m, int d) {
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > kDays[m - 1]) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return !(m == 2 && d == 29 && !leap);
}

std::string CleanName(std::string_view s) {
  s = utf8::Trim(s);
  // "(Reporter: A; Editor: B)": an unbalanced closing bracket of the byline around the name
  if (!s.empty() && s.back() == ')' &&
      std::count(s.begin(), s.end(), ')') > std::count(s.begin(), s.end(), '('))
    s = utf8::Trim(s.substr(0, s.size() - 1));
  // "Budi Santoso (bdi)": the person's initials after the name
  if (s.size() > 6 && s.back() == ')') {
    size_t open = s.rfind('(');
    if (open != std::string_view::npos && open > 0 && s.size() - open <= 8 &&
        std::all_of(s.begin() + static_cast<long>(open) + 1, s.end() - 1,
                    [](char c) { return c >= 'a' && c <= 'z'; }))
      s = utf8::Trim(s.substr(0, open));
  }
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';' || s.back() == '|' ||
                        s.back() == '/' || s.back() == '-'))
    s = utf8::Trim(s.substr(0, s.size() - 1));
  while (!s.empty() &&
         (s.front() == '/' || s.front() == '|' || s.front() == '-' || s.front() == ':'))
    s = utf8::Trim(s.substr(1));
  return std::string(s);
}

void AddUnique(std::vector<std::string>& v, const std::string& s) {
  if (!s.empty() && std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
}

}  // namespace

std::string UrlHost(std::string_view url) {
  size_t p = url.find("://");
  std::string_view rest = p == std::string_view::npos ? url : url.substr(p + 3);
  size_t e = rest.find_first_of("/?#:");
  return utf8::AsciiLower(rest.substr(0, e));
}

std::string RegistrableDomain(std::string_view host_in) {
  std::string host = utf8::AsciiLower(host_in);
  if (host.starts_with("www.")) host = host.substr(4);
  std::vector<std::string> labels;
  size_t p = 0;
  while (true) {
    size_t d = host.find('.', p);
    labels.push_back(host.substr(p, d == std::string::npos ? std::string::npos : d - p));
    if (d == std::string::npos) break;
    p = d + 1;
  }
  if (labels.size() <= 2) return host;
  static const std::set<std::string> kSecond = {"co",  "ac",  "or",  "go",  "web",
                                                "my",  "sch", "net", "com", "org",
                                                "gov", "edu", "mil", "biz", "ne"};
  const std::string& tld = labels.back();
  size_t keep = (tld.size() == 2 && kSecond.count(labels[labels.size() - 2])) ? 3 : 2;
  std::string out;
  for (size_t i = labels.size() - keep; i < labels.size(); ++i)
    out += (out.empty() ? "" : ".") + labels[i];
  return out;
}

MetadataExtractor::MetadataExtractor() = default;
MetadataExtractor::~MetadataExtractor() = default;
MetadataExtractor::MetadataExtractor(MetadataExtractor&&) noexcept = default;

Result<MetadataExtractor> MetadataExtractor::Load(const std::string& dir) {
  MetadataExtractor m;
  Status st;
  for (const auto& row : ReadTsv(dir + "/metadata/calendar.tsv", st)) {
    if (row.size() < 3) continue;
    int n = std::atoi(row[1].c_str());
    auto& target = row[0] == "month" ? m.months_ : row[0] == "weekday" ? m.weekdays_ : m.zones_;
    for (const auto& name : SplitBar(row[2])) target[name] = n;
  }
  for (const auto& row : ReadTsv(dir + "/metadata/roles.tsv", st))
    if (row.size() >= 2) m.roles_[row[0]] = row[1];
  for (const auto& row : ReadTsv(dir + "/kb/outlets.tsv", st))
    if (row.size() >= 2) {
      m.outlets_[row[0]] = row[1];
      m.brands_.emplace(utf8::AsciiLower(row[1]), row[0]);
    }
  for (const auto& row : ReadTsv(dir + "/kb/news_sources.tsv", st)) {
    if (row.empty() || row[0].empty()) continue;
    m.sources_.emplace_back(row[0], row[0]);
    if (row.size() >= 2)
      for (const auto& a : SplitBar(row[1]))
        if (!a.empty()) m.sources_.emplace_back(a, row[0]);
  }
  if (!st.ok()) return st;
  if (m.months_.empty() || m.roles_.empty())
    return Status::InvalidArgument(dir + "/metadata: calendar.tsv or roles.tsv has no entries");
  RE2::Options ci;
  ci.set_case_sensitive(false);
  const std::string wd = "(?:(?:" + Alternation(m.weekdays_) + ")\\.?\\s*,?\\s*)?";
  const std::string time =
      "(?:\\s*[,|-]?\\s*(?:pukul\\s*)?(\\d{1,2})[:.](\\d{2})(?:[:.]\\d{2})?)?\\s*(" +
      Alternation(m.zones_) + "|gmt\\s*\\+\\s*\\d{1,2}|utc)?";
  m.date_words_ = std::make_unique<RE2>("\\s*" + wd + "(\\d{1,2})\\s+(" + Alternation(m.months_) +
                                            ")\\.?\\s+(\\d{4})" + time + "\\s*",
                                        ci);
  m.date_numeric_ = std::make_unique<RE2>(
      "\\s*" + wd + "(\\d{1,2})[/-](\\d{1,2})[/-](\\d{4})" + time + "\\s*", ci);
  std::vector<std::string> labels;
  for (const auto& [k, v] : m.roles_) labels.push_back(RE2::QuoteMeta(k));
  std::sort(labels.begin(), labels.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string alt;
  for (const auto& l : labels) alt += (alt.empty() ? "" : "|") + l;
  m.role_label_ = std::make_unique<RE2>("(?:^|[\\s/|,;(])(" + alt + ")\\s*:\\s*", ci);
  // Citation cues followed by a capitalised name: "dikutip dari Reuters", "mengutip NHK",
  // "dilansir dari laman The Diplomat", "Dikutip Tuturpedia dari laman NYTimes".
  m.cite_after_ = std::make_unique<RE2>(
      "(?:(?i:dikutip|dilansir)(?:\\s+\\S+)?\\s+(?i:dari)|(?i:mengutip|melansir))"
      "(?:\\s+(?i:laman|situs|media|kantor berita|portal|akun))?\\s+"
      "((?:The[ \\t]+)?[A-Z][\\w&-]*(?:\\.[A-Za-z]+)*(?:[ \\t]+[A-Z][\\w&-]*){0,3})");
  std::vector<std::string> names;
  for (const auto& [alias, canon] : m.sources_) names.push_back(RE2::QuoteMeta(alias));
  std::sort(names.begin(), names.end(),
            [](const auto& a, const auto& b) { return a.size() > b.size(); });
  std::string nalt;
  for (const auto& n : names) nalt += (nalt.empty() ? "" : "|") + n;
  m.source_names_ = std::make_unique<RE2>("\\b(" + nalt + ")\\b");
  for (auto* re : {m.date_words_.get(), m.date_numeric_.get(), m.role_label_.get(),
                   m.cite_after_.get(), m.source_names_.get()})
    if (!re->ok()) return Status::Internal("metadata pattern failed to compile: " + re->error());
  return m;
}

namespace {
// Labels a page puts before its publication time, and the update time it may put after it.
const RE2& PublishedLabel() {
  static const RE2 re(
      "(?i)\\s*(?:(?:diterbitkan|dipublikasikan|dipublish|published|posted|tayang|terbit|diunggah|"
      "dimuat)(?:\\s+(?:pada|on))?\\s*:?|[a-z0-9-]+(?:\\.[a-z]{2,}){1,2}\\s*[-–—|,:])\\s*(.+)");
  return re;
}
const RE2& UpdateTail() {
  static const RE2 re("(?i)(.+?)\\s*[|,-]\\s*(?:diperbarui|diupdate|update[d]?|pembaruan)\\b.*");
  return re;
}
const RE2& UpdateLabel() {
  static const RE2 re(
      "(?i)\\s*(?:diperbarui|diupdate|update[d]?|pembaruan(?:\\s+terakhir)?)(?:\\s+(?:pada|on))?"
      "\\s*:?\\s*(.+)");
  return re;
}

// Whether `s` has four ASCII digits in a row: every date pattern ends in a four-digit year, so a
// line without them (most lines) needs no regex.
bool HasYearDigits(std::string_view s) {
  int run = 0;
  for (char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

std::optional<std::string> MetadataExtractor::ParseDateTime(std::string_view s) const {
  if (!HasYearDigits(s)) return std::nullopt;
  if (auto p = ParseBareDateTime(s)) return p;
  std::string rest, head;
  std::string_view t = s;
  if (RE2::FullMatch(s, PublishedLabel(), &rest)) {
    if (auto p = ParseBareDateTime(rest)) return p;
    t = rest;
  }
  if (RE2::FullMatch(t, UpdateTail(), &head)) return ParseBareDateTime(head);
  return std::nullopt;
}

bool MetadataExtractor::IsTimestamp(std::string_view s) const {
  if (!HasYearDigits(s)) return false;
  if (ParseDateTime(s)) return true;
  std::string rest;
  return RE2::FullMatch(s, UpdateLabel(), &rest) && ParseBareDateTime(rest).has_value();
}

std::optional<std::string> MetadataExtractor::ParseBareDateTime(std::string_view s) const {
  std::string d, mon, y, hh, mm, zone;
  int day = 0, month = 0, year = 0;
  if (!HasYearDigits(s)) return std::nullopt;
  if (RE2::FullMatch(s, *date_words_, &d, &mon, &y, &hh, &mm, &zone)) {
    auto it = months_.find(utf8::AsciiLower(mon));
    if (it == months_.end()) return std::nullopt;
    month = it->second;
  } else if (RE2::FullMatch(s, *date_numeric_, &d, &mon, &y, &hh, &mm, &zone)) {
    month = std::atoi(mon.c_str());
  } else {
    return std::nullopt;
  }
  day = std::atoi(d.c_str());
  year = std::atoi(y.c_str());
  if (!ValidDate(year, month, day)) return std::nullopt;
  std::string out = std::to_string(year) + "-" + Pad2(month) + "-" + Pad2(day);
  if (!hh.empty()) {
    int h = std::atoi(hh.c_str()), mi = std::atoi(mm.c_str());
    if (h > 23 || mi > 59) return std::nullopt;
    out += "T" + Pad2(h) + ":" + Pad2(mi);
    std::string z = utf8::AsciiLower(zone);
    z.erase(std::remove(z.begin(), z.end(), ' '), z.end());
    if (auto it = zones_.find(z); it != zones_.end())
      out += "+" + Pad2(it->second) + ":00";
    else if (z.starts_with("gmt+"))
      out += "+" + Pad2(std::atoi(z.c_str() + 4)) + ":00";
    else if (z == "utc")
      out += "Z";
  }
  return out;
}

std::string MetadataExtractor::NormalizeInputDate(std::string_view s) const {
  std::string_view t = utf8::Trim(s);
  static const RE2 iso(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T "
      "](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
  std::string y, mo, d, h, mi, sec, z;
  if (RE2::FullMatch(t, iso, &y, &mo, &d, &h, &mi, &sec, &z)) {
    std::string out = y + "-" + mo + "-" + d;
    if (!h.empty()) {
      out += "T" + h + ":" + mi;
      if (!sec.empty() && sec != "00") out += ":" + sec;
      if (z.size() == 5) z = z.substr(0, 3) + ":" + z.substr(3);
      out += z;
    }
    return out;
  }
  // Month/day/year as US-style CSV exports write it ("10/21/2025 20:43"): unambiguous only when
  // the first number cannot be a day-of-month ≤ 12 read the other way; otherwise D/M/Y, the
  // Indonesian order, via ParseDateTime.
  static const RE2 us("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2}))?");
  std::string a, b;
  if (RE2::FullMatch(t, us, &a, &b, &y, &h, &mi) && std::atoi(b.c_str()) > 12) {
    std::string out = y + "-" + Pad2(std::atoi(a.c_str())) + "-" + Pad2(std::atoi(b.c_str()));
    if (!h.empty()) out += "T" + Pad2(std::atoi(h.c_str())) + ":" + mi;
    return out;
  }
  if (auto p = ParseDateTime(t)) return *p;
  return std::string(t);
}

std::optional<Dateline> MetadataExtractor::ParseDateline(std::string_view line) const {
  // A dateline opens the body: "REPUBLIKA.CO.ID, MOSKOW -- ", "JAKARTA, KOMPAS.com - ",
  // "Jakarta (ANTARA) - ", "Tuturpedia.com – ", "TRIBUNNEWS.COM, MOSKOW – ", "Jakarta - ".
  // Whitespace includes NBSP and thin spaces, which portals put after the comma.
#define WS "(?:\\s|\\x{00A0}|\\x{2009}|\\x{202F})"
  static const std::string dash = "" WS "*(?:--|–|—|-)" WS "+";
  // After an outlet's domain the separator may also be a colon or an unspaced em dash
  // ("Medcom.id, Jakarta: ", "Harianjogja.com, JOGJA—"); after a bare word it may not
  // ("Presiden: …" is a speaker, "Pemerintah—melalui …" prose).
  static const std::string dash_after_domain =
      "(?:" WS "*(?:--|–|-)" WS "+|" WS "*—" WS "*|" WS "*:" WS "+)";
  static const std::string domain = "([A-Za-z0-9][A-Za-z0-9-]*(?:\\.[A-Za-z]{2,}){1,2})";
  static const std::string city = "([A-Z][A-Za-z'.-]*(?:" WS "+[A-Z][A-Za-z'.-]*){0,2})";
  static const RE2 outlet_city("^(" WS "*" + domain + "" WS "*," WS "*" + city + dash_after_domain +
                               ")");
  static const RE2 city_outlet("^(" WS "*" + city + "" WS "*," WS "*" + domain + dash_after_domain +
                               ")");
  static const RE2 city_paren("^(" WS "*" + city + "" WS "*\\(([A-Za-z][A-Za-z0-9 .]{1,30})\\)" +
                              dash + ")");
  static const RE2 outlet_only("^(" WS "*" + domain + dash + ")");
  // "Jakarta, CNBC Indonesia - ", "Jakarta, IDN Times - ": a brand without a domain, taken only
  // when data/kb/outlets.tsv knows it ("Bandung, Jawa Barat - " is a place).
  static const RE2 city_brand(
      "^(" WS "*" + city +
      "" WS "*," WS "*([A-Za-z][A-Za-z0-9]*(?:" WS "+[A-Za-z][A-Za-z0-9]*){0,2})" + dash + ")");
  static const RE2 city_only("^(" WS "*([A-Z][A-Z'.-]+(?:" WS
                             "+[A-Z][A-Z'.-]+){0,2}|[A-Z][a-z'.-]+(?:" WS "+[A-Z][a-z'.-]+)?)" +
                             dash + ")");
#undef WS
  std::string whole, a, b;
  Dateline d;
  auto good_city = [](const std::string& c) { return c.size() >= 3 && c.size() <= 40; };
  if (RE2::PartialMatch(line.substr(0, 120), outlet_city, &whole, &a, &b) && good_city(b)) {
    d.outlet_token = a;
    d.city = TitleCase(b);
  } else if (RE2::PartialMatch(line.substr(0, 120), city_outlet, &whole, &a, &b) && good_city(a)) {
    d.city = TitleCase(a);
    d.outlet_token = b;
  } else if (RE2::PartialMatch(line.substr(0, 120), city_paren, &whole, &a, &b) && good_city(a)) {
    d.city = TitleCase(a);
    d.outlet_token = b;
  } else if (RE2::PartialMatch(line.substr(0, 120), outlet_only, &whole, &a)) {
    d.outlet_token = a;
  } else if (RE2::PartialMatch(line.substr(0, 120), city_brand, &whole, &a, &b) && good_city(a) &&
             brands_.count(utf8::AsciiLower(b))) {
    d.city = TitleCase(a);
    d.outlet_token = b;
  } else if (RE2::PartialMatch(line.substr(0, 60), city_only, &whole, &a) && good_city(a) &&
             line.size() > whole.size() + 20 &&
             !(line[whole.size()] >= 'a' && line[whole.size()] <= 'z')) {
    // (A sentence opens after a dateline: "Warna - warni permen …" is a word, spaced.)
    // "PIKIRAN RAKYAT - ": an outlet the KB knows opens the article, not a city.
    if (brands_.count(utf8::AsciiLower(a)))
      d.outlet_token = a;
    else
      d.city = TitleCase(a);
  } else {
    return std::nullopt;
  }
  // "Kompas.com - 13/09/2023, 07:09 WIB" is the page's timestamp, not a dateline.
  if (IsTimestamp(line.substr(whole.size()))) return std::nullopt;
  d.prefix_len = whole.size();
  return d;
}

void MetadataExtractor::ParseByline(std::string_view line, std::vector<std::string>& authors,
                                    std::vector<std::string>& editors,
                                    std::vector<std::string>* sources) const {
  std::string_view s = utf8::Trim(line);
  // "Laporan Wartawan Tribunnews.com Namira Yunia Lestanti" / "Laporan Reporter Tribun Jogja,
  // Ahmad"
  static const RE2 laporan(
      "(?i:laporan\\s+(?:wartawan|reporter|koresponden|jurnalis)|kontributor|koresponden)\\s+(.+)");
  std::string rest;
  // "Ditulis oleh Andi Saputra" (no colon)
  static const RE2 written_by("(?i:ditulis|diedit)\\s+(?i:oleh)\\s+([^:].*)");
  if (RE2::FullMatch(s, written_by, &rest)) {
    AddUnique(utf8::AsciiLower(s).starts_with("diedit") ? editors : authors, CleanName(rest));
    return;
  }
  if (RE2::FullMatch(s, laporan, &rest) && rest.find(':') == std::string::npos &&
      (rest.find(',') != std::string::npos || utf8::AsciiLower(s).starts_with("laporan"))) {
    std::string_view r = rest;
    size_t comma = r.rfind(',');
    if (comma != std::string_view::npos) {
      r = r.substr(comma + 1);
    } else {
      size_t sp = r.find(' ');
      r = sp == std::string_view::npos ? std::string_view()
                                       : r.substr(sp + 1);  // drop the outlet word
    }
    AddUnique(authors, CleanName(r));
    return;
  }
  // "(abc/def)" closing initials: writer / editor; "[ded]", "(sya)": the writer alone.
  static const RE2 initials(
      "[(\\[]\\s*([a-z][a-z0-9]{1,5})\\s*(?:/\\s*([a-z][a-z0-9]{1,7})(?:\\s*/"
      "\\s*[a-z][a-z0-9]{1,7})*)?"
      "\\s*[)\\]]");
  std::string a, b;
  if (RE2::FullMatch(s, initials, &a, &b)) {
    AddUnique(authors, a);
    if (!b.empty()) AddUnique(editors, b);
    return;
  }
  // Labelled segments: "Rep: A/ Red: B", "Pewarta: A Editor: B Copyright © ANTARA 2023".
  std::vector<std::pair<std::string, size_t>> labels;  // role, value start
  std::vector<size_t> label_starts;
  re2::StringPiece input(s.data(), s.size());
  re2::StringPiece label;
  const char* base = s.data();
  while (RE2::FindAndConsume(&input, *role_label_, &label)) {
    auto it = roles_.find(utf8::AsciiLower(std::string_view(label.data(), label.size())));
    if (it == roles_.end()) continue;
    label_starts.push_back(static_cast<size_t>(label.data() - base));
    labels.emplace_back(it->second, static_cast<size_t>(input.data() - base));
  }
  for (size_t k = 0; k < labels.size(); ++k) {
    size_t end = k + 1 < labels.size() ? label_starts[k + 1] : s.size();
    std::string_view v = s.substr(labels[k].second, end - labels[k].second);
    if (size_t c = utf8::AsciiLower(v).find("copyright"); c != std::string::npos)
      v = v.substr(0, c);
    if (size_t c = v.find("\xC2\xA9"); c != std::string_view::npos) v = v.substr(0, c);  // ©
    // Several names: "A, B dan C" / "A & B".
    std::string val = CleanName(v);
    std::vector<std::string> names;
    static const RE2 sep("\\s*(?:,|&|\\s+dan\\s+|\\s+and\\s+)\\s*");
    std::string tmp = val;
    RE2::GlobalReplace(&tmp, sep, "\x1f");
    size_t p = 0;
    while (true) {
      size_t q = tmp.find('\x1f', p);
      names.push_back(CleanName(tmp.substr(p, q == std::string::npos ? std::string::npos : q - p)));
      if (q == std::string::npos) break;
      p = q + 1;
    }
    for (const auto& n : names) {
      if (n.empty() || n.size() > 60) continue;
      if (labels[k].first == "source") {
        if (sources) AddUnique(*sources, n);
        continue;
      }
      AddUnique(labels[k].first == "editor" ? editors : authors, n);
    }
  }
}

void MetadataExtractor::Extract(Document& doc, const std::vector<LineInfo>& lines) const {
  Metadata m;
  const std::string& raw = doc.raw;
  const std::string& text = *doc.text;
  auto line_text = [&](const LineInfo& l) {
    return utf8::Trim(std::string_view(raw).substr(l.span.start, l.span.size()));
  };

  for (const LineInfo& l : lines) {
    std::string_view t = line_text(l);
    if (l.kind == "byline") ParseByline(t, m.authors, m.editors, &m.cited_sources);
    if (l.kind == "header") {
      if (l.title && !m.title)
        m.title = std::string(t);
      else if (l.subtitle && !m.subtitle)
        m.subtitle = std::string(t);
      else if (!m.published) {
        if (auto p = ParseDateTime(t)) {
          m.published = p;
          m.published_basis = "header";
        }
      }
    }
    if (l.kind == "source") {
      // "Sumber: Reuters"; an agency credited after the last paragraph, "[Antara]".
      static const RE2 src(
          "(?i:sumber|source)\\s*:\\s*(.+)|[\\[(]\\s*([^\\[\\]()]{2,40}?)\\s*[\\])]");
      std::string v, agency;
      if (RE2::FullMatch(t, src, &v, &agency) && v.empty()) v = agency;
      if (!v.empty())
        for (auto& n : std::vector<std::string>{CleanName(v)})
          if (!n.empty() && n.size() < 60) AddUnique(m.cited_sources, n);
    }
  }
  // Dateline: the first content line.
  std::optional<std::string> outlet_token;
  for (const LineInfo& l : lines) {
    if (!l.kind.empty() || l.span.size() == 0) continue;
    if (auto d = ParseDateline(line_text(l))) {
      m.dateline = d->city;
      outlet_token = d->outlet_token;
      // The first content line opens the clean text.
      if (text.starts_with(line_text(l).substr(0, d->prefix_len))) m.dateline_end = d->prefix_len;
    }
    break;
  }
  // Domain and outlet: input > URL > HTML site name > dateline token.
  std::optional<std::string> url = doc.input.url ? doc.input.url : doc.source.url;
  if (url) {
    std::string host = UrlHost(*url);
    if (!host.empty() && host.find('.') != std::string::npos) m.domain = RegistrableDomain(host);
  }
  if (outlet_token && outlet_token->find('.') != std::string::npos && !m.domain)
    m.domain = RegistrableDomain(*outlet_token);
  if (outlet_token && !m.domain)  // a brand the KB knows: its domain
    if (auto it = brands_.find(utf8::AsciiLower(*outlet_token)); it != brands_.end())
      m.domain = it->second;
  if (doc.input.outlet) {
    m.outlet = doc.input.outlet;
  } else if (m.domain && outlets_.count(*m.domain)) {
    m.outlet = outlets_.at(*m.domain);
  } else if (doc.input.site_name) {
    m.outlet = doc.input.site_name;
  } else if (outlet_token) {
    std::string tok = *outlet_token;
    std::string brand = tok.substr(0, tok.find('.'));
    bool all_upper =
        std::none_of(brand.begin(), brand.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    if (all_upper) {
      // Prefer the outlet's own spelling from running text ("Tribunnews.com" in a byline).
      // Only the first 4 KiB are searched: bylines and datelines sit at the top.
      std::string lower = utf8::AsciiLower(brand);
      const std::string head =
          utf8::AsciiLower(std::string_view(raw).substr(0, 4096 + lower.size()));
      std::string found;
      for (size_t p = 0; (p = head.find(lower, p)) != std::string::npos; p += lower.size()) {
        std::string cand = raw.substr(p, brand.size());
        if (std::any_of(cand.begin(), cand.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
            cand[0] >= 'A' && cand[0] <= 'Z') {
          found = cand;
          break;
        }
      }
      brand = found.empty() ? TitleCase(lower) : found;
    }
    m.outlet = brand;
  } else if (m.domain) {
    std::string b = m.domain->substr(0, m.domain->find('.'));
    m.outlet = TitleCase(b);
  }
  // Title: input > header line > HTML.
  if (doc.input.title) m.title = doc.input.title;
  if (!m.subtitle && doc.input.description && doc.source.format != InputFormat::kText)
    m.subtitle = doc.input.description;
  if (doc.input.author && m.authors.empty()) AddUnique(m.authors, CleanName(*doc.input.author));
  if (doc.input.published) {
    m.published = NormalizeInputDate(*doc.input.published);
    m.published_basis = doc.source.format == InputFormat::kJsonl ? "input" : "header";
  }
  // Closing initials name the outlet in their last slot ("(mcr8/jpnn)"): that is no editor.
  if (m.domain) {
    const std::string label = m.domain->substr(0, m.domain->find('.'));
    std::erase_if(m.editors, [&](const std::string& e) { return utf8::AsciiLower(e) == label; });
  }
  // Cited sources: known news organisations near a citation cue, and names after "dikutip dari".
  // The surface form is kept ("NYTimes"); two aliases of one organisation are listed once.
  std::vector<std::string> cited_canon;
  auto canonical = [&](const std::string& n) {
    for (const auto& [a, canon] : sources_)
      if (a == n) return canon;
    return n;
  };
  for (const auto& s : m.cited_sources) cited_canon.push_back(canonical(s));
  auto AddSource = [&](const std::string& n) {
    if (n.empty()) return;
    std::string c = canonical(n);
    if (std::find(cited_canon.begin(), cited_canon.end(), c) != cited_canon.end()) return;
    cited_canon.push_back(c);
    m.cited_sources.push_back(n);
  };
  re2::StringPiece in(text);
  re2::StringPiece name;
  const char* base = text.data();
  while (RE2::FindAndConsume(&in, *source_names_, &name)) {
    size_t at = static_cast<size_t>(name.data() - base);
    size_t from = at > 80 ? at - 80 : 0;
    std::string before = utf8::AsciiLower(std::string_view(text).substr(from, at - from));
    size_t end = at + name.size();
    std::string after = utf8::AsciiLower(
        std::string_view(text).substr(end, std::min<size_t>(40, text.size() - end)));
    static const char* kCues[] = {"menurut", "dikutip",       "dilansir", "mengutip", "melansir",
                                  "laporan", "kantor berita", "media",    "kata",     "sumber",
                                  "situs",   "laman",         "dari"};
    bool cue = false;
    // Only the tail of the window counts for short cues like "kata"/"dari".
    for (const char* c : kCues) {
      size_t p = before.rfind(c);
      if (p != std::string::npos && before.size() - p <= 40) cue = true;
    }
    for (const char* c : {" melaporkan", " melansir", " memberitakan", " mengutip", " menyebut",
                          " mengatakan", " menulis"})
      if (after.starts_with(c)) cue = true;
    if (!cue) continue;
    std::string alias(name.data(), name.size());
    if (m.outlet && utf8::AsciiLower(alias) == utf8::AsciiLower(*m.outlet)) continue;
    AddSource(alias);
  }
  in = re2::StringPiece(text);
  while (RE2::FindAndConsume(&in, *cite_after_, &name)) {
    std::string n = CleanName(std::string_view(name.data(), name.size()));
    if (m.outlet && utf8::AsciiLower(n) == utf8::AsciiLower(*m.outlet)) continue;
    AddSource(n);
  }
  doc.meta = std::move(m);
}

}  // namespace linimasa::clean
