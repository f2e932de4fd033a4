#include "time/recognizer.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "core/file_env.h"
#include "core/lines.h"
#include "core/utf8.h"
#include "text/tokenizer.h"

namespace linimasa::timex {

// ------------------------------------------------------------------------------------------
// lexicon

Result<std::shared_ptr<const Lexicon>> Lexicon::Load(const std::string& data_dir) {
  const std::string lp = data_dir + "/time/lexicon.tsv", hp = data_dir + "/time/holidays.tsv";
  auto lex = FileEnv::Default().ReadFile(lp, size_t{16} << 20);
  if (!lex.ok())
    return Status::NotFound(lex.status().message() +
                            " (the time lexicon; set LINIMASA_DATA to the data folder)");
  auto hol = FileEnv::Default().ReadFile(hp, size_t{16} << 20);
  if (!hol.ok())
    return Status::NotFound(hol.status().message() +
                            " (the holiday table; set LINIMASA_DATA to the data folder)");
  return Parse(*lex, *hol, data_dir + "/time");
}

Result<std::shared_ptr<const Lexicon>> Lexicon::Parse(std::string_view lexicon,
                                                      std::string_view holidays,
                                                      const std::string& name) {
  auto out = std::make_shared<Lexicon>();
  Status bad;
  auto add_phrase = [&](const std::string& form, std::string cat, std::string value) {
    Phrase p;
    size_t pos = 0;
    while (pos < form.size()) {
      size_t sp = form.find(' ', pos);
      if (sp == std::string::npos) sp = form.size();
      if (sp > pos) p.tokens.push_back(form.substr(pos, sp - pos));
      pos = sp + 1;
    }
    if (p.tokens.empty()) return;
    p.category = std::move(cat);
    p.value = std::move(value);
    out->phrases_[p.tokens[0]].push_back(std::move(p));
  };
  ForEachLine(lexicon, [&](std::string_view line, size_t n) {
    if (!bad.ok() || line.empty() || line[0] == '#') return;
    auto f = SplitFields(line);
    if (f.size() < 2 || f[0].empty() || f[1].empty()) {
      bad = Status::InvalidArgument(name + "/lexicon.tsv line " + std::to_string(n) +
                                    ": expected FORM<TAB>CATEGORY[<TAB>VALUE]; fix the line");
      return;
    }
    add_phrase(f[0], f[1], f.size() > 2 ? f[2] : "");
  });
  ForEachLine(holidays, [&](std::string_view line, size_t n) {
    if (!bad.ok() || line.empty() || line[0] == '#') return;
    auto f = SplitFields(line);
    auto fail = [&](const char* what) {
      bad = Status::InvalidArgument(name + "/holidays.tsv line " + std::to_string(n) + ": " + what +
                                    "; fix the line");
    };
    if (f.size() < 2) return fail("expected alias|fixed|date|month rows");
    if (f[0] == "alias" && f.size() >= 3) {
      add_phrase(f[1], "holiday", f[2]);
    } else if (f[0] == "fixed" && f.size() >= 3) {
      int m = 0, d = 0;
      if (std::sscanf(f[2].c_str(), "%d-%d", &m, &d) != 2 || !ValidDate(2000, m, d))
        return fail("bad MM-DD");
      out->holidays_[f[1]].month = m;
      out->holidays_[f[1]].day = d;
    } else if (f[0] == "date" && f.size() >= 3) {
      auto a = ParseAnchor(f[2]);
      if (!a) return fail("bad YYYY-MM-DD");
      out->holidays_[f[1]].dates.push_back(a->date);
    } else if (f[0] == "month") {
      out->holidays_[f[1]].month_only = true;
    } else if (f[0] == "founded" && f.size() >= 3) {
      const int y = std::atoi(f[2].c_str());
      if (y < 1000 || y > 2200) return fail("bad YYYY");
      out->holidays_[f[1]].founded = y;
    } else {
      return fail("unknown row kind");
    }
  });
  if (!bad.ok()) return bad;
  for (auto& [first, v] : out->phrases_)
    std::stable_sort(v.begin(), v.end(), [](const Phrase& a, const Phrase& b) {
      return a.tokens.size() > b.tokens.size();
    });
  for (auto& [id, h] : out->holidays_)
    std::sort(h.dates.begin(), h.dates.end(), [](const Date& a, const Date& b) {
      return DaysFromCivil(a.y, a.m, a.d) < DaysFromCivil(b.y, b.m, b.d);
    });
  return std::shared_ptr<const Lexicon>(std::move(out));
}

const std::vector<Lexicon::Phrase>* Lexicon::Starting(const std::string& first) const {
  auto it = phrases_.find(first);
  return it == phrases_.end() ? nullptr : &it->second;
}

const Lexicon::Holiday* Lexicon::FindHoliday(const std::string& id) const {
  auto it = holidays_.find(id);
  return it == holidays_.end() ? nullptr : &it->second;
}

// ------------------------------------------------------------------------------------------
// matcher

namespace {

struct TTok {
  std::string_view s;  // surface
  std::string low;  // lower case; a clitic-bearing token reads as its host ("tahunnya" → "tahun")
  Span span;
  Token::Kind kind;
  bool cap = false;
  const std::vector<Lexicon::Phrase>* phrases =
      nullptr;  // lexicon phrases starting here (looked up once)
};

enum Tense { kNoTense = 0, kPast = -1, kFuture = 1 };

// One recognised expression before it becomes a Timex.
struct Cand {
  size_t end = 0;  // token index after the match (0: no match)
  std::string type, value, mod;
  std::optional<Date> day;  // the day it denotes, when it denotes one (reference time)
  bool stated = false;      // an explicit calendar date (for checks and inference)
  bool year_stated = false;
  int weekday = 0;
  int month = 0, mday = 0;  // the stated month and day (set even when the year is unknown)
};

std::string Num(double v) {
  char buf[32];
  if (std::fabs(v - std::round(v)) < 1e-9)
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(std::llround(v)));
  else
    std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

bool IsInt(double v) { return std::fabs(v - std::round(v)) < 1e-9; }

// "P18M", "PT20H", "PXY": a duration of `n` units (n < 0: unspecified "X").
std::string DurationValue(double n, std::string unit) {
  std::string count = n < 0 ? "X" : Num(n);
  if (n >= 0 && !IsInt(n)) {  // a fraction goes down one unit where it becomes whole
    if (unit == "Y" && IsInt(n * 12)) return DurationValue(n * 12, "M");
    if (unit == "CE" && IsInt(n * 100)) return DurationValue(n * 100, "Y");
    if (unit == "DE" && IsInt(n * 10)) return DurationValue(n * 10, "Y");
    if (unit == "W" && IsInt(n * 7)) return DurationValue(n * 7, "D");
    if (unit == "D" && IsInt(n * 24)) return DurationValue(n * 24, "H");
    if (unit == "H" && IsInt(n * 60)) return DurationValue(n * 60, "MIN");
    if (unit == "MIN" && IsInt(n * 60)) return DurationValue(n * 60, "S");
  }
  if (unit == "Q") return n < 0 ? "PXQ" : DurationValue(n * 3, "M");
  if (unit == "HALF") return n < 0 ? "PXM" : DurationValue(n * 6, "M");
  if (unit == "NIGHT") return n < 0 ? "PXD" : DurationValue(n, "D");
  if (unit == "H") return "PT" + count + "H";
  if (unit == "MIN") return "PT" + count + "M";
  if (unit == "S") return "PT" + count + "S";
  return "P" + count + unit;
}

int ParseInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    if (v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return s.empty() ? -1 : v;
}

// "13/9", "13/9/2023", "13-09-2023", "2023-09-13", "13.09.2023": day, month, year (0 when absent).
bool ParseDateToken(std::string_view s, int& d, int& m, int& y) {
  char sep = 0;
  for (char c : s)
    if (c == '/' || c == '-' || c == '.') {
      sep = c;
      break;
    }
  if (!sep) return false;
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t q = s.find(sep, pos);
    parts.push_back(s.substr(pos, q == std::string_view::npos ? std::string_view::npos : q - pos));
    if (q == std::string_view::npos) break;
    pos = q + 1;
  }
  if (parts.size() < 2 || parts.size() > 3) return false;
  int a = ParseInt(parts[0]), b = ParseInt(parts[1]),
      c = parts.size() == 3 ? ParseInt(parts[2]) : 0;
  if (a < 0 || b < 0 || c < 0) return false;
  if (parts.size() == 3 && parts[0].size() == 4) {  // ISO order
    y = a, m = b, d = c;
    return sep == '-' && ValidDate(y, m, d);
  }
  if (sep == '.' && (parts.size() != 3 || parts[2].size() != 4))
    return false;                                     // a decimal, not a date
  if (sep == '-' && parts.size() != 3) return false;  // a range "13-14"
  d = a, m = b, y = c;
  if (parts.size() == 3) {
    if (parts[2].size() == 2)
      y += 2000;
    else if (parts[2].size() != 4)
      return false;
  }
  if (parts[0].size() > 2 || parts[1].size() > 2) return false;
  return ValidDate(y ? y : 2000, m, d);
}

// "07:09", "7.30", "19:30:05"; `need_colon`: a bare "10.00" is not a time without "pukul".
bool ParseClock(std::string_view s, int& h, int& mi, bool dotted_ok) {
  size_t sep = s.find_first_of(":.");
  if (sep == std::string_view::npos) {
    h = ParseInt(s);
    mi = 0;
    return dotted_ok && s.size() <= 2 && h >= 0 && h <= 24;
  }
  if (s[sep] == '.' && !dotted_ok) return false;
  h = ParseInt(s.substr(0, sep));
  std::string_view rest = s.substr(sep + 1);
  if (rest.size() > 2 && (rest[2] == ':' || rest[2] == '.')) rest = rest.substr(0, 2);
  mi = ParseInt(rest);
  return sep <= 2 && rest.size() == 2 && h >= 0 && h <= 24 && mi >= 0 && mi < 60;
}

class Matcher {
 public:
  Matcher(const Lexicon& lex, std::vector<TTok> toks, const std::optional<Anchor>& anchor,
          std::optional<Date>& ref, std::optional<int>& ref_year, Tense tense)
      : lex_(lex),
        t_(std::move(toks)),
        anchor_(anchor),
        ref_(ref),
        ref_year_(ref_year),
        tense_(tense) {}

  // The best match starting at token i.
  Cand At(size_t i) {
    Cand best;
    auto consider = [&](Cand c) {
      if (c.end > best.end) best = std::move(c);
    };
    consider(WithQuantityMod(i));
    consider(WithDateMod(i));
    consider(WeekdayDate(i));
    consider(CalendarDate(i));
    consider(Relative(i));
    consider(Clock(i));
    consider(PartOfDay(i));
    consider(Holiday(i));
    consider(Quarter(i));
    consider(Set(i));
    consider(Phrase1(i, "ref"));
    return best;
  }
  size_t size() const { return t_.size(); }
  // The tense words right around tokens [begin, end): the word after it ("Senin mendatang"), else
  // the nearest of the six before it ("akan digelar pada ..."); kNoTense when none.
  Tense LocalTense(size_t begin, size_t end) const {
    const std::string* v = nullptr;
    if (Lex(end, "tense", &v)) return *v == "future" ? kFuture : kPast;
    for (size_t k = begin; k > 0 && begin - k < 6; --k)
      if (Lex(k - 1, "tense", &v)) return *v == "future" ? kFuture : kPast;
    return kNoTense;
  }
  const TTok& tok(size_t i) const { return t_[i]; }

 private:
  // ---- lexicon access
  // Length (in tokens) of the longest phrase of `cat` at i; its value in *value.
  size_t Lex(size_t i, std::string_view cat, const std::string** value = nullptr) const {
    if (i >= t_.size()) return 0;
    const auto* v = t_[i].phrases;
    if (!v) return 0;
    for (const auto& p : *v) {
      if (p.category != cat || i + p.tokens.size() > t_.size()) continue;
      bool ok = true;
      for (size_t k = 1; k < p.tokens.size() && ok; ++k) ok = t_[i + k].low == p.tokens[k];
      if (ok) {
        if (value) *value = &p.value;
        return p.tokens.size();
      }
    }
    return 0;
  }
  bool Is(size_t i, std::string_view cat) const { return Lex(i, cat) > 0; }
  int LexInt(size_t i, std::string_view cat, size_t* len = nullptr) const {
    const std::string* v = nullptr;
    size_t n = Lex(i, cat, &v);
    if (len) *len = n;
    return n ? std::atoi(v->c_str()) : 0;
  }
  bool Punct(size_t i, std::string_view p) const { return i < t_.size() && t_[i].s == p; }
  bool Signal(size_t i) const { return i > 0 && (Is(i - 1, "signal") || Is(i - 1, "pmod")); }

  Cand Phrase1(size_t i, std::string_view cat) const {
    Cand c;
    const std::string* v = nullptr;
    if (size_t n = Lex(i, cat, &v)) {
      c.end = i + n;
      c.type = "DATE";
      c.value = *v;
    }
    return c;
  }

  // ---- numbers: digits ("20", "1,5", "1.500") or words ("dua puluh lima", "satu setengah")
  size_t Number(size_t i, double& out) const {
    if (i >= t_.size()) return 0;
    const TTok& t = t_[i];
    if (t.kind == Token::Kind::kNumber) {
      std::string s;
      for (char c : t.s) {
        if (c == '.') continue;  // thousands separator
        if (c == ',')
          s += '.';
        else if (c >= '0' && c <= '9')
          s += c;
        else
          return 0;
      }
      if (s.empty()) return 0;
      out = std::atof(s.c_str());
      return 1;
    }
    double total = 0, cur = 0;
    size_t j = i;
    bool any = false;
    while (j < t_.size()) {
      const std::string* v = nullptr;
      if (Lex(j, "number", &v) == 1) {
        double n = std::atof(v->c_str());
        cur = (n < 1 && cur > 0) ? cur + n : cur + n;
      } else if (any && Is(j, "teen")) {
        cur += 10;
      } else if (any && Is(j, "tens")) {
        cur *= 10;
      } else if (any && Is(j, "hundreds")) {
        total += cur * 100;
        cur = 0;
      } else if (any && Is(j, "thousands")) {
        total = (total + cur) * 1000;
        cur = 0;
      } else {
        break;
      }
      any = true;
      ++j;
    }
    if (!any) return 0;
    out = total + cur;
    return j - i;
  }

  // ---- anchors and year resolution
  std::optional<Date> AnchorDate() const {
    if (anchor_) return anchor_->date;
    return std::nullopt;
  }
  Tense TenseAt(size_t i) const {
    // The nearest tense word after the expression ("2011 lalu", "Senin mendatang") wins, else the
    // sentence's.
    if (i < t_.size()) {
      const std::string* v = nullptr;
      if (Lex(i, "tense", &v)) return *v == "future" ? kFuture : kPast;
    }
    return tense_;
  }
  // The year that puts month m (day d) nearest the anchor, leaning with the tense.
  int ResolveYear(int m, int d, Tense tense, int weekday, bool strong = true) const {
    auto a = AnchorDate();
    if (!a) return 0;
    int best = a->y;
    double best_cost = 1e18;
    int64_t az = DaysFromCivil(a->y, a->m, a->d);
    for (int y = a->y - 1; y <= a->y + 1; ++y) {
      int dd = d ? std::min(d, DaysInMonth(y, m)) : 15;
      int64_t z = DaysFromCivil(y, m, dd);
      double cost = std::abs(static_cast<double>(z - az));
      if (!d && y == a->y && m == a->m) cost = 0;
      double lean = strong ? 400 : 90;
      if (tense == kPast && z > az + (d ? 1 : 20)) cost += lean;
      if (tense == kFuture && z < az - (d ? 1 : 20)) cost += lean;
      if (d && weekday && IsoWeekday(Date{y, m, dd}) != weekday) cost += 200;
      if (cost < best_cost) best_cost = cost, best = y;
    }
    return best;
  }

  // Adds the trailing "lalu"/"silam"/"mendatang" of an explicit date to its span ("2011 lalu").
  void Trailing(Cand& c) const {
    if (!c.end) return;
    if (size_t n = Lex(c.end, "past")) {
      c.end += n;
      return;
    }
    if (size_t n = Lex(c.end, "future"); n && t_[c.end].low != "lagi" && t_[c.end].low != "depan")
      c.end += n;
  }

  // The rest of a clock time whose number (token k) parsed as h:mi: an optional part of day ("7
  // malam" is 19:00) and zone. Returns the token after it; writes "Thh:mm" to `out`.
  size_t ClockRest(size_t k, int h, int mi, std::string& out) const {
    ++k;
    const std::string* pod = nullptr;
    if (size_t n = Lex(k, "partofday", &pod)) {
      if (h < 12 && (*pod == "AF" || *pod == "EV" || *pod == "NI") && !(*pod == "NI" && h < 5))
        h += 12;
      k += n;
    }
    if (size_t n = Lex(k, "zone")) k += n;
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", h, mi);
    out = buf;
    return k;
  }

  // A part of day or clock time right after a date makes it a TIME ("Selasa (12/9) malam").
  void TimeOfDay(Cand& c) const {
    if (!c.end || !c.day) return;
    size_t j = c.end;
    if (Punct(j, ",") && j + 1 < t_.size() && t_[j + 1].kind == Token::Kind::kNumber) ++j;
    int h, mi;
    bool clock_word = Is(j, "clock");
    size_t k = clock_word ? j + 1 : j;
    if (k < t_.size() && t_[k].kind == Token::Kind::kNumber &&
        ParseClock(t_[k].s, h, mi, clock_word)) {
      std::string clock;
      c.end = ClockRest(k, h, mi, clock);
      c.type = "TIME";
      c.value += clock;
      return;
    }
    const std::string* pod = nullptr;
    if (size_t n = Lex(c.end, "partofday", &pod)) {
      c.type = "TIME";
      c.value += "T" + *pod;
      c.end += n;
    }
  }

  std::string DateValue(int y, int m, int d) const {
    if (y) return FormatDate(Date{y, m, d});
    char buf[32];
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", m, d);
    return buf;
  }

  // ---- rules

  // "Rabu (13/9)", "Selasa (12/9/2023)", "Kamis, 25 April 2019", "Rabu 13 Sep 2023 07:09 WIB",
  // "Senin lalu", "Jumat mendatang", "Minggu pagi".
  Cand WeekdayDate(size_t i) const {
    Cand c;
    size_t wn = 0;
    int wd = LexInt(i, "weekday", &wn);
    if (!wn) return c;
    const TTok& w = t_[i];
    bool hari_before = i > 0 && t_[i - 1].low == "hari";
    // "minggu lalu/ini/depan" is a week; lower-case "minggu" is a week unless "hari minggu".
    if (w.low == "minggu" && !hari_before &&
        (!w.cap || Is(i + 1, "past") || Is(i + 1, "future") || Is(i + 1, "this")))
      return c;
    size_t j = i + wn;
    int d = 0, m = 0, y = 0;
    size_t end = 0;
    // "(13/9)", "(19/6/2024,)", "Minggu, (24/8/2025)", and an unclosed "(8/10/2028."
    if (Punct(j, ",") && Punct(j + 1, "(")) ++j;
    if (Punct(j, "(") && j + 1 < t_.size() && ParseDateToken(t_[j + 1].s, d, m, y)) {
      size_t k = j + 2;
      while (k < t_.size() && (t_[k].s == "," || t_[k].s == ".") && k < j + 4) ++k;
      end = Punct(k, ")") ? k + 1 : j + 2;
    }
    if (!end) {
      size_t k = Punct(j, ",") ? j + 1 : j;
      if (k < t_.size() && ParseDateToken(t_[k].s, d, m, y)) {
        end = k + 1;
      } else if (Cand dm = DayMonth(k); dm.end) {
        Cand r = dm;
        r.weekday = wd;
        r.end = dm.end;
        CheckResolve(r, wd);
        Trailing(r);
        TimeOfDay(r);
        return r;
      }
    }
    if (end) {
      if (!y)
        y = ResolveYear(m, d, TenseAt(end), wd, Is(end, "tense"));
      else
        c.year_stated = true;
      c.end = end;
      c.type = "DATE";
      c.value = DateValue(y, m, d);
      if (y) c.day = Date{y, m, d};
      c.stated = true;
      c.weekday = wd;
      c.month = m, c.mday = d;
      Trailing(c);
      if (c.end == end) c.end += Lex(c.end, "this");  // "Minggu (19/10) ini"
      TimeOfDay(c);
      return c;
    }
    // A lone weekday: "pada Senin", "Senin lalu", "Jumat (hari ini)". Needs a capital or a signal.
    if (!w.cap && !Signal(i)) return c;
    if (i == 0 && !Is(j, "past") && !Is(j, "future") && !Is(j, "partofday") && !Is(j, "this"))
      return c;
    c.end = j;
    c.type = "DATE";
    Tense tense = tense_;
    if (size_t n = Lex(j, "past"))
      tense = kPast, c.end += n;
    else if (size_t n2 = Lex(j, "future"))
      tense = kFuture, c.end += n2;
    else if (size_t n3 = Lex(j, "this"))
      tense = kNoTense, c.end += n3;
    if (auto a = AnchorDate()) {
      int aw = IsoWeekday(*a);
      int delta;
      if (tense == kFuture)
        delta = ((wd - aw) + 7) % 7, delta = delta ? delta : 7;
      else if (tense == kPast)
        delta = -(((aw - wd) + 7) % 7), delta = delta ? delta : -7;
      else
        delta = -(((aw - wd) + 7) % 7);
      Date day = AddDays(*a, delta);
      c.value = FormatDate(day);
      c.day = day;
    } else {
      c.value = "XXXX-WXX-" + std::to_string(wd);
    }
    TimeOfDay(c);
    return c;
  }

  // Resolves the year of a DayMonth candidate that has none, and notes the weekday.
  void CheckResolve(Cand& c, int wd) const {
    if (!c.day && c.stated) {
      int m = c.month, d = c.mday;
      int y = ResolveYear(m, d, TenseAt(c.end), wd, Is(c.end, "tense"));
      if (y) {
        c.day = Date{y, m, std::min(d, DaysInMonth(y, m))};
        c.value = FormatDate(*c.day);
      }
    }
    c.weekday = wd;
  }

  // "25 April 2019", "1 Januari", "13 Sep 2023".
  Cand DayMonth(size_t i) const {
    Cand c;
    if (i + 1 >= t_.size() || t_[i].kind != Token::Kind::kNumber) return c;
    int d = ParseInt(t_[i].s);
    size_t mn = 0;
    int m = LexInt(i + 1, "month", &mn);
    if (d < 1 || d > 31 || !mn || !t_[i + 1].cap) return c;
    size_t j = i + 1 + mn;
    if (Punct(j, ".") && j + 1 < t_.size() && t_[j + 1].kind == Token::Kind::kNumber)
      ++j;  // "Agust. 2023"
    int y = 0;
    if (j < t_.size() && t_[j].kind == Token::Kind::kNumber && t_[j].s.size() == 4) {
      y = ParseInt(t_[j].s);
      ++j;
    }
    if (y && !ValidDate(y, m, d)) return c;
    if (!y && !ValidDate(2000, m, d)) return c;
    c.end = j;
    c.type = "DATE";
    c.stated = true;
    c.month = m, c.mday = d;
    if (y) {
      c.year_stated = true;
      c.day = Date{y, m, d};
      c.value = FormatDate(*c.day);
    } else {
      c.value = DateValue(0, m, d);
    }
    return c;
  }

  bool YearToken(size_t i, int& y) const {
    if (i >= t_.size() || t_[i].kind != Token::Kind::kNumber || t_[i].s.size() != 4) return false;
    y = ParseInt(t_[i].s);
    return y >= 1800 && y <= 2200;
  }

  // "Nomor 731 Tahun 2025", "UU No. 16 Tahun 2025": Indonesian regulations are numbered "N Tahun
  // YYYY"; the year is part of an identifier, not a reference to the year.
  bool RegulationYear(size_t j) const {
    return j >= 2 && Is(j - 1, "yearword") && t_[j - 2].kind == Token::Kind::kNumber &&
           t_[j - 2].s.find_first_of("/-") == std::string_view::npos;
  }
  // A bibliographic citation: "Parsons (1951)", "Aspinall dkk (2022)", "(Wilson, 2015)",
  // "(Rahayu dan Harbowo, 2023)". A year in parentheses right after a capitalised name, or after
  // "Name ..., " inside parentheses, dates a publication, not an event of the text.
  bool Citation(size_t j) const {
    auto name = [&](size_t k) {
      return t_[k].kind == Token::Kind::kWord && !Is(k, "month") && !Is(k, "weekday") &&
             !Is(k, "holiday") && !Is(k, "yearword") && !Is(k, "signal") &&
             (t_[k].cap || t_[k].low == "dkk" || t_[k].low == "al");
    };
    bool closes = j + 1 >= t_.size() || Punct(j + 1, ")") ||
                  (t_[j + 1].kind == Token::Kind::kWord && !t_[j + 1].cap);
    if (j >= 2 && Punct(j - 1, "(") && closes && name(j - 2)) return true;
    if (j >= 3 && Punct(j - 1, ",") && Punct(j + 1, ")")) {
      for (size_t k = j - 1; k > 0 && j - k < 8; --k)
        if (Punct(k - 1, "(")) return name(k);
    }
    return false;
  }

  // Explicit calendar dates without a weekday: "13/9/2023", "25 April 2019", "Februari 2022",
  // "pada Juli", "bulan Juli", "tahun 2011", "2018", "1950-an".
  Cand CalendarDate(size_t i) const {
    Cand c;
    if (i >= t_.size()) return c;
    const TTok& t = t_[i];
    int d, m, y = 0;
    // "13/9/2023" (a year-less "13/9" only inside parentheses or after "tanggal")
    if (t.kind == Token::Kind::kNumber && ParseDateToken(t.s, d, m, y)) {
      bool context =
          y ||
          (i > 0 && (t_[i - 1].s == "(" || t_[i - 1].low == "tanggal" || t_[i - 1].low == "tgl"));
      if (!context) return c;
      if (!y)
        y = ResolveYear(m, d, TenseAt(i + 1), 0, Is(i + 1, "tense"));
      else
        c.year_stated = true;
      c.end = i + 1;
      c.type = "DATE";
      c.value = DateValue(y, m, d);
      if (y) c.day = Date{y, m, d};
      c.stated = true;
      Trailing(c);
      TimeOfDay(c);
      return c;
    }
    if (Cand dm = DayMonth(i); dm.end) {
      CheckResolve(dm, 0);
      Trailing(dm);
      TimeOfDay(dm);
      return dm;
    }
    // "Februari 2022", "bulan Juli", "pada Juli", "Juli lalu"
    size_t start = i, j = i;
    if (t.low == "bulan" && j + 1 < t_.size() && Is(j + 1, "month") && t_[j + 1].cap) ++j;
    size_t mn = 0;
    m = LexInt(j, "month", &mn);
    if (mn && t_[j].cap && t_[j].low != "mar" && t_[j].low != "may") {
      size_t k = j + mn;
      if (Punct(k, ".") && k + 1 < t_.size() && t_[k + 1].kind == Token::Kind::kNumber)
        ++k;  // "Agust. 2023"
      int yy;
      if (YearToken(k, yy)) {
        c.end = k + 1;
        c.type = "DATE";
        c.value = FormatMonth(yy, m);
        c.year_stated = true;
        Trailing(c);
        return c;
      }
      // A lone month needs a signal before it ("pada Juli", "bulan Juli", "sejak Mei") or a
      // direction after it ("Juli lalu"); a lone "Mei"/"Juni" is too often a name.
      bool dir = Is(k, "past") || Is(k, "future") || Is(k, "this");
      // A full month name inside a sentence, not part of a capitalised name, reads as a month
      // ("pengiriman Desember"); "Mei" and the abbreviations need the evidence above.
      bool full_name = t_[j].low.size() >= 5 && j > 0 &&
                       !(t_[j - 1].cap && t_[j - 1].kind == Token::Kind::kWord) &&
                       !(k < t_.size() && t_[k].cap && t_[k].kind == Token::Kind::kWord);
      if (start < j || Signal(j) || dir || full_name) {
        c.end = k;
        c.type = "DATE";
        Tense tense = TenseAt(k);
        bool strong = Is(k, "tense");
        // "sejak (pertengahan) Maret": what something has lasted since is past.
        size_t b = start;
        if (b > 0 && Is(b - 1, "pmod")) --b;
        if (!strong && b > 0 && (t_[b - 1].low == "sejak" || t_[b - 1].low == "semenjak"))
          tense = kPast, strong = true;
        int ry = ResolveYear(m, 0, tense, 0, strong);
        if (Is(k, "this")) ry = anchor_ ? anchor_->date.y : 0, c.end += Lex(k, "this");
        c.value = ry ? FormatMonth(ry, m) : "XXXX-" + FormatMonth(2000, m).substr(5);
        Trailing(c);
        return c;
      }
      return c;
    }
    // "tahun 2011", "2018", "2019 silam"
    j = i;
    if (Is(j, "yearword")) ++j;
    int yy;
    if (YearToken(j, yy)) {
      if (Is(j + 1, "measure") || Is(j + 1, "unit")) return c;
      if (j == i && Is(i - 1, "numberword")) return c;  // "Rp 2018", "Nomor 2020"
      if (Punct(j + 1, "/")) return c;                  // "2019/2020": a season or a range
      if (j == i && Punct(i - 1, "/")) return c;        // "UU 16/2025", "135/PUU-XXII/2024"
      if (RegulationYear(j) || Citation(j)) return c;
      c.end = j + 1;
      c.type = "DATE";
      c.value = FormatYear(yy);
      c.year_stated = true;
      Trailing(c);
      return c;
    }
    // "1950-an", "tahun 1990-an", "90-an"
    if (j < t_.size()) {
      std::string_view s = t_[j].s;
      if (s.size() >= 5 && (s.substr(s.size() - 3) == "-an" || s.substr(s.size() - 3) == "-An")) {
        std::string_view num = s.substr(0, s.size() - 3);
        int v = ParseInt(num);
        std::string decade;
        if (num.size() == 4 && v >= 1000 && v % 10 == 0)
          decade = std::to_string(v / 10);
        else if (num.size() == 2 && v % 10 == 0)
          decade = std::to_string((v >= 30 ? 1900 + v : 2000 + v) / 10);
        if (!decade.empty()) {
          c.end = j + 1;
          c.type = "DATE";
          c.value = decade;
          Trailing(c);
          return c;
        }
      }
    }
    return c;
  }

  // Deictic days, units with a direction, and counted units:
  //   "hari ini", "kemarin", "besok pagi", "pekan lalu", "bulan depan", "tahun ini",
  //   "dua hari lalu", "seperempat abad yang lalu", "tiga pekan lagi", "sehari sebelumnya",
  //   "12 tahun", "sembilan bulan", "beberapa tahun terakhir", "bertahun-tahun", "setengah jam".
  Cand Relative(size_t i) const {
    Cand c;
    if (i >= t_.size()) return c;  // a modifier at the end of a sentence
    const std::string* v = nullptr;
    if (size_t n = Lex(i, "deictic", &v)) {
      int off = std::atoi(v->c_str());
      c.end = i + n;
      c.type = "DATE";
      if (auto a = AnchorDate()) {
        c.day = AddDays(*a, off);
        c.value = FormatDate(*c.day);
      } else {
        c.value = off == 0 ? "PRESENT_REF" : off < 0 ? "PAST_REF" : "FUTURE_REF";
      }
      TimeOfDay(c);
      return c;
    }
    if (size_t n = Lex(i, "refday", &v)) {
      int off = std::atoi(v->c_str());
      c.end = i + n;
      c.type = "DATE";
      if (ref_) {
        c.day = AddDays(*ref_, off);
        c.value = FormatDate(*c.day);
      } else {
        c.value = "XXXX-XX-XX";
      }
      TimeOfDay(c);
      return c;
    }
    // "tadi malam", "pagi ini", "nanti malam"
    if ((t_[i].low == "tadi" || t_[i].low == "nanti") && Is(i + 1, "partofday")) {
      Lex(i + 1, "partofday", &v);
      c.end = i + 1 + Lex(i + 1, "partofday");
      c.type = "TIME";
      c.value = (anchor_ ? FormatDate(anchor_->date) : std::string("XXXX-XX-XX")) + "T" + *v;
      return c;
    }
    if (size_t n = Lex(i, "partofday", &v); n && Is(i + n, "this")) {
      c.end = i + n + Lex(i + n, "this");
      c.type = "TIME";
      c.value = (anchor_ ? FormatDate(anchor_->date) : std::string("XXXX-XX-XX")) + "T" + *v;
      return c;
    }
    // Count and unit.
    double count = 0;
    size_t j = i;
    bool fuzzy = false, redup = false;
    std::string unit, fuzzy_word;
    if (size_t n = Number(i, count)) {
      j = i + n;
      if (size_t half = Lex(j, "number", &v); half && std::atof(v->c_str()) == 0.5 && count >= 1)
        count += 0.5, j += half;  // "satu setengah tahun"
    } else if (size_t n2 = Lex(i, "fuzzy")) {
      fuzzy = true;
      fuzzy_word = t_[i].low;
      j = i + n2;
    }
    if (j > i) {
      if (size_t un = Lex(j, "unit", &v)) {
        unit = *v;
        j += un;
        int yy;
        if (unit == "Y" && YearToken(j, yy) && t_[i].kind == Token::Kind::kNumber) return c;
      } else {
        return c;
      }
    } else if (size_t un = Lex(i, "unit1", &v)) {
      unit = *v;
      count = 1;
      j = i + un;
    } else if (size_t un2 = Lex(i, "redup", &v)) {
      unit = *v;
      redup = true;
      j = i + un2;
    } else if (size_t un3 = Lex(i, "unit", &v)) {
      unit = *v;
      j = i + un3;
      // A bare unit needs a direction: "pekan lalu", "tahun depan", "bulan ini", "akhir pekan".
      return BareUnit(i, j, unit);
    } else {
      return c;
    }
    if (unit == "NIGHT" && !Is(j, "past") && !Is(j, "after") &&
        !Is(j, "before")) {  // "semalam": last night
      c.end = j;
      c.type = "TIME";
      c.value =
          (anchor_ ? FormatDate(AddDays(anchor_->date, -1)) : std::string("XXXX-XX-XX")) + "TNI";
      return c;
    }
    if (unit == "NIGHT") unit = "D";
    // "kali" after a number is a frequency ("dua kali setahun"): left to Set().
    size_t dn;
    if ((dn = Lex(j, "past"))) {
      c.end = j + dn;
      c.type = "DATE";
      if (fuzzy || redup)
        c.value = "PAST_REF";
      else
        c.value = Shift(-count, unit, &c.day, anchor_);
      return c;
    }
    if ((dn = Lex(j, "future")) && !(t_[j].low == "depan")) {
      c.end = j + dn;
      c.type = "DATE";
      if (fuzzy || redup)
        c.value = "FUTURE_REF";
      else
        c.value = Shift(count, unit, &c.day, anchor_);
      return c;
    }
    if ((dn = Lex(j, "after")) || (dn = Lex(j, "before"))) {
      bool after = Is(j, "after");
      c.end = j + dn;
      c.type = "DATE";
      if (fuzzy || redup || !ref_) {
        c.value = after ? "FUTURE_REF" : "PAST_REF";
      } else if (unit == "Y" && ref_year_ && IsInt(count)) {
        // "Tiga tahun kemudian" after "Januari 1988": years count from the last year mentioned.
        c.value = FormatYear(*ref_year_ + static_cast<int>(after ? count : -count));
      } else {
        Anchor r{*ref_, -1, -1};
        c.value = Shift(after ? count : -count, unit, &c.day, r);
      }
      return c;
    }
    c.end = j;
    c.type = "DURATION";
    if (fuzzy && (fuzzy_word == "puluhan" || fuzzy_word == "belasan") && unit == "Y")
      c.value = fuzzy_word == "puluhan" ? "PXDE" : "PXY";
    else if (fuzzy && fuzzy_word == "ratusan" && unit == "Y")
      c.value = "PXCE";
    else
      c.value = DurationValue(fuzzy || redup ? -1 : count, unit);
    if (size_t ln = Lex(j, "last"))
      c.end += ln;  // "beberapa tahun terakhir"
    else if (t_.size() > j + 1 && t_[j].low == "ke" && t_[j + 1].low == "depan")
      c.end += 2;  // "tiga pekan ke depan"
    return c;
  }

  // The date `n` units from anchor `a`, at the unit's granularity.
  static std::string Shift(double n, const std::string& unit, std::optional<Date>* day,
                           const std::optional<Anchor>& a) {
    if (!a) return n < 0 ? "PAST_REF" : "FUTURE_REF";
    const Date& d = a->date;
    if (unit == "D" || ((unit == "H" || unit == "MIN" || unit == "S") && a->hour < 0)) {
      double days = unit == "D" ? n : 0;
      Date r = AddDays(d, static_cast<int64_t>(std::llround(days)));
      *day = r;
      return FormatDate(r);
    }
    if (unit == "H" || unit == "MIN" || unit == "S") {
      int64_t minutes = a->hour * 60 + a->minute +
                        static_cast<int64_t>(std::llround(unit == "H"     ? n * 60
                                                          : unit == "MIN" ? n
                                                                          : n / 60));
      int64_t day_shift = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
      minutes -= day_shift * 1440;
      Date r = AddDays(d, day_shift);
      char buf[48];
      std::snprintf(buf, sizeof buf, "%sT%02d:%02d", FormatDate(r).c_str(),
                    static_cast<int>(minutes / 60), static_cast<int>(minutes % 60));
      return buf;
    }
    if (unit == "W") return FormatWeek(AddDays(d, static_cast<int64_t>(std::llround(n * 7))));
    if (unit == "M" || unit == "Q" || unit == "HALF") {
      double months = unit == "M" ? n : unit == "Q" ? n * 3 : n * 6;
      if (!IsInt(months))
        return FormatDate(AddDays(d, static_cast<int64_t>(std::llround(months * 30.4))));
      Date r = AddMonths(d, static_cast<int>(std::llround(months)));
      return FormatMonth(r.y, r.m);
    }
    double years = unit == "Y" ? n : unit == "DE" ? n * 10 : unit == "CE" ? n * 100 : n;
    if (IsInt(n) && (unit == "DE" || unit == "CE")) {  // "satu abad lalu" → 19 (a century)
      int y = d.y + static_cast<int>(std::llround(years));
      return std::to_string(unit == "DE" ? y / 10 : y / 100);
    }
    if (!IsInt(years)) {
      Date r = AddMonths(d, static_cast<int>(std::llround(years * 12)));
      return FormatMonth(r.y, r.m);
    }
    return FormatYear(d.y + static_cast<int>(std::llround(years)));
  }

  // "pekan lalu" → 2023-W36, "bulan depan", "tahun ini", "akhir pekan" (→ -WE), "hari ini".
  Cand BareUnit(size_t i, size_t j, const std::string& unit) const {
    Cand c;
    int dir;
    size_t dn;
    if ((dn = Lex(j, "past")))
      dir = -1;
    else if ((dn = Lex(j, "future")) && t_[j].low != "lagi")
      dir = 1;
    else if ((dn = Lex(j, "this")))
      dir = 0;
    else
      dn = 0, dir = 0;
    // "tahun sebelumnya", "hari berikutnya": the unit before/after the last one mentioned.
    if (!dn && (Is(j, "before") || Is(j, "after"))) {
      int rel = Is(j, "after") ? 1 : -1;
      c.end = j + Lex(j, Is(j, "after") ? "after" : "before");
      c.type = "DATE";
      if (unit == "Y" && ref_year_) {
        c.value = FormatYear(*ref_year_ + rel);
      } else if (unit == "D" && ref_) {
        c.day = AddDays(*ref_, rel);
        c.value = FormatDate(*c.day);
      } else if (unit == "M" && ref_) {
        Date r = AddMonths(*ref_, rel);
        c.value = FormatMonth(r.y, r.m);
      } else {
        return Cand{};
      }
      return c;
    }
    bool weekend = unit == "W" && i > 0 && t_[i - 1].low == "akhir";
    if (!dn && !weekend) return c;
    // "tahun lalu" but not "tahun ini juga"... kept simple: a unit with a direction word.
    c.end = j + dn;
    c.type = "DATE";
    if (unit == "D" && dir == 0) {
      if (anchor_)
        c.day = anchor_->date, c.value = FormatDate(anchor_->date);
      else
        c.value = "PRESENT_REF";
      return c;
    }
    if (!anchor_) {
      c.value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
      return c;
    }
    const Date& d = anchor_->date;
    if (unit == "D")
      c.value = FormatDate(AddDays(d, dir));
    else if (unit == "W")
      c.value = FormatWeek(AddDays(d, 7 * dir));
    else if (unit == "M")
      c.value = FormatMonth(AddMonths(d, dir).y, AddMonths(d, dir).m);
    else if (unit == "Y")
      c.value = FormatYear(d.y + dir);
    else if (unit == "Q") {
      Date r = AddMonths(d, 3 * dir);
      c.value = FormatYear(r.y) + "-Q" + std::to_string((r.m - 1) / 3 + 1);
    } else if (unit == "HALF") {
      Date r = AddMonths(d, 6 * dir);
      c.value = FormatYear(r.y) + "-H" + std::to_string((r.m - 1) / 6 + 1);
    } else if (unit == "DE")
      c.value = std::to_string(d.y / 10 + dir);
    else if (unit == "CE")
      c.value = std::to_string(d.y / 100 + dir);
    else
      return Cand{};
    if (weekend) c.value += "-WE";
    return c;
  }

  // "lebih dari 20 jam", "hampir empat tahun", "sekitar dua pekan lalu", "hampir seperempat abad
  // yang lalu" (a date: APPROX).
  Cand WithQuantityMod(size_t i) const {
    const std::string* v = nullptr;
    size_t n = Lex(i, "mod", &v);
    if (!n) return Cand{};
    Cand c = Relative(i + n);
    if (!c.end || (c.type != "DURATION" && c.type != "DATE")) return Cand{};
    if (c.type == "DURATION") {
      c.mod = *v;
    } else if (c.value.find("REF") == std::string::npos) {
      // A date counted back "about"/"almost"/"more than" N units.
      c.mod = *v == "MORE_THAN"   ? "BEFORE"
              : *v == "LESS_THAN" ? "APPROX"
              : *v == "APPROX"    ? "APPROX"
                                  : "";
      if (c.mod.empty()) return Cand{};
    } else {
      return Cand{};
    }
    return c;
  }

  // "awal 2024", "akhir bulan ini", "pertengahan Juli", "akhir tahun lalu", "awal pekan depan".
  Cand WithDateMod(size_t i) const {
    const std::string* v = nullptr;
    size_t n = Lex(i, "pmod", &v);
    if (!n) return Cand{};
    size_t j = i + n;
    if (t_.size() > j && (t_[j].low == "pekan" || t_[j].low == "minggu") && t_[i].low == "akhir")
      return Relative(j);  // "akhir pekan (ini|lalu)": the weekend, 2023-W36-WE (BareUnit)
    Cand c = CalendarDate(j);
    if (!c.end) c = Relative(j);
    if (!c.end) {  // "akhir tahun", "awal bulan": the anchor's own period
      const std::string* u = nullptr;
      if (size_t un = Lex(j, "unit", &u); un && (*u == "Y" || *u == "M") && anchor_) {
        c.end = j + un;
        c.type = "DATE";
        c.value =
            *u == "Y" ? FormatYear(anchor_->date.y) : FormatMonth(anchor_->date.y, anchor_->date.m);
      }
    }
    if (!c.end) c = Quarter(j);
    if (!c.end) c = Holiday(j);
    if (!c.end || c.type != "DATE" || c.value.find("REF") != std::string::npos) return Cand{};
    c.mod = *v;
    c.day.reset();
    return c;
  }

  // "pukul 10.00 WIB", "07:09 WIB", "jam 7 malam".
  Cand Clock(size_t i) const {
    Cand c;
    bool word = Is(i, "clock");
    size_t k = word ? i + 1 : i;
    int h, mi;
    if (k >= t_.size() || t_[k].kind != Token::Kind::kNumber) return c;
    bool colon = t_[k].s.find(':') != std::string_view::npos;
    bool zone_after = Is(k + 1, "zone");
    if (!ParseClock(t_[k].s, h, mi, word || zone_after)) return c;
    if (!word && !colon && !zone_after) return c;
    std::string clock;
    c.end = ClockRest(k, h, mi, clock);
    c.type = "TIME";
    c.value = (ref_ ? FormatDate(*ref_) : std::string("XXXX-XX-XX")) + clock;
    return c;
  }

  // "pagi hari" (of the reference day), "sejak pagi", "Minggu malam" is WeekdayDate's.
  Cand PartOfDay(size_t i) const {
    Cand c;
    const std::string* v = nullptr;
    size_t n = Lex(i, "partofday", &v);
    if (!n) return c;
    // A lone "malam" is too often a meal ("makan malam"), a name or an event ("malam puncak"): it
    // needs two words ("malam hari") or a signal before it ("pada malam"). "pagi", "siang",
    // "sore" and "petang" stand alone ("Meskipun pagi tampak cerah"), except in greetings and
    // meals ("selamat pagi", "makan siang").
    if (n == 1 && !Signal(i) && (*v == "NI" || t_[i].low == "malam")) return c;
    if (i > 0 && (Is(i - 1, "meal") || Is(i - 1, "greeting"))) return c;
    c.end = i + n;
    c.type = "TIME";
    // "dini hari tadi", "pagi tadi": earlier on the day of writing, whatever date the text named
    // last.
    if (t_.size() > c.end && t_[c.end].low == "tadi") {
      ++c.end;
      c.value = (anchor_ ? FormatDate(anchor_->date) : std::string("XXXX-XX-XX")) + "T" + *v;
      return c;
    }
    // "sore itu", "petang nanti": that part of the reference day.
    if (t_.size() > c.end && (t_[c.end].low == "itu" || t_[c.end].low == "nanti")) ++c.end;
    c.value = (ref_ ? FormatDate(*ref_) : std::string("XXXX-XX-XX")) + "T" + *v;
    return c;
  }

  // "Natal", "Idul Fitri 2024", "Lebaran", "HUT RI", "Tahun Baru 2024", "Ramadan".
  Cand Holiday(size_t i) const {
    Cand c;
    const std::string* id = nullptr;
    size_t n = Lex(i, "holiday", &id);
    if (!n) return c;
    bool hari_raya = t_[i].low == "hari" || t_[i].low == "bulan";
    if (!t_[i].cap && !hari_raya) return c;
    // "Mandailing Natal": a capitalised word before a one-word holiday makes it part of a name
    // ("Muhammad Ramadhan, analis politik"); a holiday of several words is one whatever comes
    // before it ("Upacara HUT RI ke-79 digelar …").
    if (i > 0 && n == 1 && t_[i - 1].cap && t_[i - 1].kind == Token::Kind::kWord &&
        !Is(i - 1, "signal") && !Is(i - 1, "pmod") && t_[i - 1].low != "hari" &&
        t_[i - 1].low != "libur")
      return c;
    const Lexicon::Holiday* h = lex_.FindHoliday(*id);
    if (!h) return c;
    size_t j = i + n;
    int y = 0;
    if (j < t_.size() && t_[j].low.size() > 3 && t_[j].low.compare(0, 3, "ke-") == 0 &&
        std::isdigit(static_cast<unsigned char>(t_[j].low[3]))) {
      // "HUT RI ke-80": the anniversary's number gives the year where the day's origin is known.
      const long k = std::strtol(t_[j].low.c_str() + 3, nullptr, 10);
      if (h->founded && k > 0 && k < 1000) y = h->founded + static_cast<int>(k);
      ++j;
    }
    auto a = AnchorDate();
    if (y) {
      // the anniversary's year
    } else if (YearToken(j, y)) {
      ++j;
    } else if (a && Is(j, "yearword")) {
      // "Lebaran tahun ini", "Natal tahun lalu", "Idul Adha tahun depan": the year relative to
      // the anchor.
      if (size_t n = Lex(j + 1, "this"))
        y = a->y, j += 1 + n;
      else if (size_t n = Lex(j + 1, "past"))
        y = a->y - 1, j += 1 + n;
      else if (size_t n = Lex(j + 1, "future"))
        y = a->y + 1, j += 1 + n;
    }
    c.end = j;
    c.type = "DATE";
    std::optional<Date> date;
    if (h->month) {
      int yy = y ? y : ResolveYear(h->month, h->day, TenseAt(j), 0);
      if (yy) date = Date{yy, h->month, h->day};
    } else if (!h->dates.empty()) {
      if (y) {
        for (const Date& d : h->dates)
          if (d.y == y) date = d;
      } else if (a) {
        int64_t az = DaysFromCivil(a->y, a->m, a->d);
        int64_t best = INT64_MAX;
        Tense tense = TenseAt(j);
        for (const Date& d : h->dates) {
          int64_t z = DaysFromCivil(d.y, d.m, d.d);
          int64_t cost = std::llabs(z - az);
          if (tense == kPast && z > az) cost += 400;
          if (tense == kFuture && z < az) cost += 400;
          if (cost < best) best = cost, date = d;
        }
      }
    }
    if (!date) {
      c.value = y ? FormatYear(y) : "XXXX";
    } else if (h->month_only) {
      c.value = FormatMonth(date->y, date->m);
    } else {
      c.value = FormatDate(*date);
      c.day = date;
    }
    Trailing(c);
    return c;
  }

  // "kuartal III 2025", "kuartal III/2025", "triwulan pertama", "semester I tahun ini".
  Cand Quarter(size_t i) const {
    Cand c;
    const std::string* u = nullptr;
    size_t n = Lex(i, "unit", &u);
    if (!n || (*u != "Q" && *u != "HALF")) return c;
    size_t j = i + n;
    int ord = 0;
    size_t on = 0;
    if ((on = Lex(j, "ordinal")))
      ord = LexInt(j, "ordinal");
    else if (j < t_.size() && t_[j].kind == Token::Kind::kNumber && t_[j].s.size() == 1)
      ord = ParseInt(t_[j].s), on = 1;
    else if (j < t_.size() && (t_[j].low == "ke-3" || t_[j].low == "ke-1" || t_[j].low == "ke-2" ||
                               t_[j].low == "ke-4"))
      ord = t_[j].low.back() - '0', on = 1;
    int max_ord = *u == "Q" ? 4 : 2;
    int fused_year = 0;  // "III-2025": ordinal and year in one token
    if (!on && j < t_.size()) {
      std::string_view low = t_[j].low;
      size_t dash = low.find('-');
      if (dash != std::string_view::npos && low.size() - dash == 5) {
        if (const auto* ph = lex_.Starting(std::string(low.substr(0, dash))))
          for (const auto& p : *ph)
            if (p.category == "ordinal" && p.tokens.size() == 1) ord = std::atoi(p.value.c_str());
        fused_year = ParseInt(low.substr(dash + 1));
        if (ord && fused_year >= 1800 && fused_year <= 2200) on = 1;
      }
    }
    if (!on || ord < 1 || ord > max_ord) return c;
    j += on;
    if (fused_year) {
      c.end = j;
      c.type = "DATE";
      c.year_stated = true;
      c.value = FormatYear(fused_year) + (*u == "Q" ? "-Q" : "-H") + std::to_string(ord);
      return c;
    }
    size_t k = j;
    if (Punct(k, "/") || Punct(k, "-")) ++k;
    if (Is(k, "yearword")) ++k;
    int y = 0;
    if (YearToken(k, y)) {
      j = k + 1;
      c.year_stated = true;
    } else if (size_t dn = Lex(k, "this"); dn && k > j) {
      y = anchor_ ? anchor_->date.y : 0, j = k + dn;
    } else if (size_t dn2 = Lex(k, "past"); dn2 && k > j) {
      y = anchor_ ? anchor_->date.y - 1 : 0, j = k + dn2;
    } else {
      y = anchor_ ? anchor_->date.y : 0;
    }
    c.end = j;
    c.type = "DATE";
    c.value =
        (y ? FormatYear(y) : std::string("XXXX")) + (*u == "Q" ? "-Q" : "-H") + std::to_string(ord);
    return c;
  }

  // "setiap minggu" → P1W, "tiap tahun", "setiap Senin" → XXXX-WXX-1, "sebulan sekali",
  // "dua kali setahun", "per tahun".
  Cand Set(size_t i) const {
    Cand c;
    const std::string* v = nullptr;
    if (size_t n = Lex(i, "set")) {
      size_t j = i + n;
      double count = 1;
      size_t cn = Number(j, count);
      bool fuzzy = false;
      if (!cn && (Is(j, "fuzzy") || Is(j, "howmany")))
        cn = 1, fuzzy = true;  // "setiap beberapa/berapa minggu (sekali)"
      if (Lex(j + cn, "unit", &v)) {
        std::string unit = *v;
        if (unit == "Q" || unit == "HALF") return c;
        c.end = j + cn + Lex(j + cn, "unit");
        if (Is(c.end, "once")) ++c.end;
        c.type = "SET";
        c.value = DurationValue(fuzzy ? -1 : cn ? count : 1, unit);
        return c;
      }
      if (t_[i].low == "per") return c;
      if (size_t un = Lex(j, "unit1", &v)) {
        c.end = j + un;
        c.type = "SET";
        c.value = DurationValue(1, *v == "NIGHT" ? "D" : *v);
        return c;
      }
      if (j < t_.size() && t_[j].low == "hari" && Is(j + 1, "weekday")) ++j;
      if (int wd = LexInt(j, "weekday")) {
        c.end = j + Lex(j, "weekday");
        c.type = "SET";
        c.value = "XXXX-WXX-" + std::to_string(wd);
        return c;
      }
      if (size_t pn = Lex(j, "partofday", &v)) {
        c.end = j + pn;
        c.type = "SET";
        c.value = "T" + *v;
        return c;
      }
      return c;
    }
    // "sebulan sekali", "setahun sekali"
    if (size_t un = Lex(i, "unit1", &v); un && Is(i + un, "once")) {
      c.end = i + un + 1;
      c.type = "SET";
      c.value = DurationValue(1, *v == "NIGHT" ? "D" : *v);
      return c;
    }
    // "dua kali setahun", "tiga kali sepekan", "dua kali dalam sebulan"; "sepuluh tahun sekali"
    double count;
    if (size_t nn = Number(i, count)) {
      size_t j = i + nn;
      if (size_t un = Lex(j, "unit", &v); un && Is(j + un, "once") && *v != "Q" && *v != "HALF") {
        c.end = j + un + 1;
        c.type = "SET";
        c.value = DurationValue(count, *v);
        return c;
      }
      if (!Is(j, "times")) return c;
      ++j;
      if (j < t_.size() && t_[j].low == "dalam") ++j;
      if (size_t un = Lex(j, "unit1", &v)) {
        c.end = j + un;
        c.type = "SET";
        c.value = DurationValue(1, *v == "NIGHT" ? "D" : *v);
      }
    }
    return c;
  }

  const Lexicon& lex_;
  std::vector<TTok> t_;
  const std::optional<Anchor>& anchor_;
  std::optional<Date>& ref_;
  std::optional<int>& ref_year_;  // the year of the last date mentioned, at any granularity
  Tense tense_;
};

}  // namespace

// ------------------------------------------------------------------------------------------ driver

TimexResult Recognizer::Recognize(const std::string& text, const std::vector<Token>& tokens,
                                  const std::vector<Word>* words,
                                  const std::vector<Sentence>& sentences,
                                  const std::optional<Anchor>& anchor) const {
  TimexResult out;
  std::optional<Date> ref;
  std::optional<int> ref_year;
  if (anchor) ref = anchor->date, ref_year = anchor->date.y;
  for (size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    if (s.end_token <= s.first_token || s.end_token > tokens.size()) continue;
    std::vector<TTok> toks;
    toks.reserve(s.end_token - s.first_token);
    for (uint32_t k = s.first_token; k < s.end_token; ++k) {
      const Token& tk = tokens[k];
      TTok t;
      t.s = std::string_view(text).substr(tk.span.start, tk.span.size());
      t.span = tk.span;
      t.kind = tk.kind;
      Span form = tk.span;
      if (words && tk.word_count > 1 && tk.first_word < words->size()) {
        const Word& w0 = (*words)[tk.first_word];
        if (w0.span.start == tk.span.start) form = w0.span;  // "tahunnya" → "tahun"
      }
      t.low = utf8::AsciiLower(std::string_view(text).substr(form.start, form.size()));
      t.cap = text::IsUpperStart(t.s);
      t.phrases = lex_->Starting(t.low);
      toks.push_back(std::move(t));
    }
    // The sentence's tense: the first tense word decides (news clauses rarely mix them).
    Tense tense = kNoTense;
    for (const TTok& t : toks) {
      const auto* v = t.phrases;
      if (!v) continue;
      for (const auto& p : *v)
        if (p.category == "tense" && p.tokens.size() == 1) {
          tense = p.value == "future" ? kFuture : kPast;
          break;
        }
      if (tense != kNoTense) break;
    }
    Matcher m(*lex_, std::move(toks), anchor, ref, ref_year, tense);
    for (size_t i = 0; i < m.size();) {
      // Every rule starts at a lexicon word or a number ("1950-an", "13/9"): skip the rest cheaply.
      if (!m.tok(i).phrases && m.tok(i).kind != Token::Kind::kNumber) {
        ++i;
        continue;
      }
      Cand c = m.At(i);
      if (!c.end) {
        ++i;
        continue;
      }
      Timex tx;
      tx.span = Span{m.tok(i).span.start, m.tok(c.end - 1).span.end};
      tx.type = c.type;
      tx.value = c.value;
      tx.mod = c.mod;
      if (c.day) ref = c.day;
      // Any calendar value moves the year reference ("Januari 1988", "2023", "2023-09-13").
      if ((c.type == "DATE" || c.type == "TIME") && c.value.size() >= 4 &&
          std::all_of(c.value.begin(), c.value.begin() + 4,
                      [](char ch) { return std::isdigit((unsigned char)ch); }) &&
          (c.value.size() == 4 || c.value[4] == '-'))
        ref_year = ParseInt(std::string_view(c.value).substr(0, 4));
      if (c.stated && !c.day && c.weekday && c.month) {
        StatedDate sd;
        sd.date = Date{0, c.month, c.mday};
        sd.weekday = c.weekday;
        sd.future = m.LocalTense(i, c.end) == kFuture;
        sd.sentence = si;
        sd.span = tx.span;
        out.stated.push_back(sd);
      }
      if (c.stated && c.day) {
        StatedDate sd;
        sd.date = *c.day;
        sd.year_stated = c.year_stated;
        sd.weekday = c.weekday;
        sd.future = m.LocalTense(i, c.end) == kFuture;
        sd.sentence = si;
        sd.span = tx.span;
        out.stated.push_back(sd);
        if (c.weekday && IsoWeekday(*c.day) != c.weekday) {
          int real = IsoWeekday(*c.day);
          int fwd = ((c.weekday - real) + 7) % 7, back = ((real - c.weekday) + 7) % 7;
          Date next = AddDays(*c.day, fwd), prev = AddDays(*c.day, -back);
          Date nearest = fwd <= back ? next : prev;
          Date other = fwd <= back ? prev : next;
          Flag f;
          f.kind = "weekday_mismatch";
          f.span = tx.span;
          f.message = std::string(text.substr(tx.span.start, tx.span.size())) + ": " +
                      FormatDate(*c.day) + " is a " + WeekdayNameEn(real) + " (" +
                      WeekdayNameId(real) + "), not a " + WeekdayNameEn(c.weekday) + " (" +
                      WeekdayNameId(c.weekday) + "); the nearest " + WeekdayNameId(c.weekday) +
                      " is " + FormatDate(nearest) + " (the other nearby one " + FormatDate(other) +
                      "). The value keeps the date as written.";
          out.flags.push_back(std::move(f));
        }
      }
      out.timexes.push_back(std::move(tx));
      i = c.end;
    }
  }
  return out;
}

std::optional<Date> Recognizer::InferPublication(const TimexResult& r) {
  std::optional<Date> best;
  auto later = [](const Date& a, const Date& b) {
    return DaysFromCivil(a.y, a.m, a.d) > DaysFromCivil(b.y, b.m, b.d);
  };
  // 1. weekday+date pairs with a stated year that validate, outside future-tense clauses.
  for (const StatedDate& s : r.stated)
    if (s.y_known() && s.year_stated && s.weekday && IsoWeekday(s.date) == s.weekday && !s.future &&
        (!best || later(s.date, *best)))
      best = s.date;
  if (best) return best;
  // 2. year-less weekday+date pairs ("Jumat (17/10)"): the year near the text's most frequent
  // stated year in which the weekday fits.
  std::map<int, int> years;
  for (const Timex& t : r.timexes)
    if (t.type == "DATE" && t.value.size() >= 4 &&
        std::isdigit(static_cast<unsigned char>(t.value[0])) &&
        (t.value.size() == 4 || t.value[4] == '-'))
      ++years[std::atoi(t.value.substr(0, 4).c_str())];
  int year = 0, count = 0;
  for (auto [y, n] : years)
    if (n >= count) year = y, count = n;
  if (year) {
    for (const StatedDate& s : r.stated) {
      if (s.y_known() || !s.weekday || s.future) continue;
      for (int y : {year, year + 1, year - 1}) {
        if (!ValidDate(y, s.date.m, s.date.d) ||
            IsoWeekday(Date{y, s.date.m, s.date.d}) != s.weekday)
          continue;
        Date d{y, s.date.m, s.date.d};
        if (!best || later(d, *best)) best = d;
        break;
      }
    }
    if (best) return best;
  }
  // 3. full dates in the lead (first three sentences).
  for (const StatedDate& s : r.stated)
    if (s.y_known() && s.year_stated && s.sentence < 3 && !s.future &&
        (!s.weekday || IsoWeekday(s.date) == s.weekday) && (!best || later(s.date, *best)))
      best = s.date;
  return best;
}

}  // namespace linimasa::timex
