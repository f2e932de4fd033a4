#include "time/calendar.h"

#include <cstdio>

namespace linimasa::timex {

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

Date CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date{static_cast<int>(y + (m <= 2)), static_cast<int>(m), static_cast<int>(d)};
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ValidDate(int y, int m, int d) {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= DaysInMonth(y, m);
}

int IsoWeekday(const Date& date) {
  int64_t z = DaysFromCivil(date.y, date.m, date.d);  // 1970-01-01 was a Thursday (4)
  int64_t w = (z % 7 + 7 + 3) % 7;                    // 0 = Monday
  return static_cast<int>(w) + 1;
}

std::pair<int, int> IsoWeek(const Date& date) {
  // The week belongs to the year of its Thursday.
  Date thursday = AddDays(date, 4 - IsoWeekday(date));
  int64_t jan1 = DaysFromCivil(thursday.y, 1, 1);
  int week = static_cast<int>((DaysFromCivil(thursday.y, thursday.m, thursday.d) - jan1) / 7) + 1;
  return {thursday.y, week};
}

Date AddDays(const Date& date, int64_t n) {
  return CivilFromDays(DaysFromCivil(date.y, date.m, date.d) + n);
}

Date AddMonths(const Date& date, int n) {
  int total = date.y * 12 + (date.m - 1) + n;
  int y = total / 12, m = total % 12 + 1;
  int d = std::min(date.d, DaysInMonth(y, m));
  return Date{y, m, d};
}

std::string FormatDate(const Date& date) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.y, date.m, date.d);
  return buf;
}
std::string FormatMonth(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}
std::string FormatYear(int y) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d", y);
  return buf;
}
std::string FormatWeek(const Date& date) {
  auto [wy, w] = IsoWeek(date);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-W%02d", wy, w);
  return buf;
}

std::optional<Anchor> ParseAnchor(std::string_view s) {
  // Lenient on purpose: "2013-12-5" and "2023-09-13 07:09:00" occur in real metadata.
  size_t i = 0;
  auto number = [&](size_t min_digits, size_t max_digits, int& out) {
    size_t start = i;
    out = 0;
    while (i < s.size() && i - start < max_digits && s[i] >= '0' && s[i] <= '9')
      out = out * 10 + (s[i++] - '0');
    return i - start >= min_digits;
  };
  Anchor a;
  if (!number(4, 4, a.date.y) || i >= s.size() || s[i++] != '-' || !number(1, 2, a.date.m) ||
      i >= s.size() || s[i++] != '-' || !number(1, 2, a.date.d) ||
      !ValidDate(a.date.y, a.date.m, a.date.d))
    return std::nullopt;
  int h, mi;
  if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
    ++i;
    if (number(1, 2, h) && i < s.size() && s[i++] == ':' && number(2, 2, mi) && h < 24 && mi < 60) {
      a.hour = h;
      a.minute = mi;
    }
  }
  return a;
}

const char* WeekdayNameId(int w) {
  static const char* k[] = {"?", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"};
  return w >= 1 && w <= 7 ? k[w] : k[0];
}
const char* WeekdayNameEn(int w) {
  static const char* k[] = {"?",        "Monday", "Tuesday",  "Wednesday",
                            "Thursday", "Friday", "Saturday", "Sunday"};
  return w >= 1 && w <= 7 ? k[w] : k[0];
}
const char* MonthNameEn(int m) {
  static const char* k[] = {"?",       "January",  "February", "March",  "April",
                            "May",     "June",     "July",     "August", "September",
                            "October", "November", "December"};
  return m >= 1 && m <= 12 ? k[m] : k[0];
}

}  // namespace linimasa::timex
