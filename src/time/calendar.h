// Proleptic Gregorian calendar arithmetic for the time layer: days since 1970-01-01, ISO weekdays
// and weeks, month arithmetic, and the TimeML value strings built from them.
// (std::chrono's calendar types would do the day arithmetic, but GCC 12's <chrono> lacks the
// formatting pieces and this is a dozen lines; written here to keep the values exact and obvious.)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace linimasa::timex {

struct Date {
  int y = 0, m = 0, d = 0;
  friend bool operator==(const Date&, const Date&) = default;
};

int64_t DaysFromCivil(int y, int m, int d);
Date CivilFromDays(int64_t days);
bool IsLeap(int y);
int DaysInMonth(int y, int m);
bool ValidDate(int y, int m, int d);
int IsoWeekday(const Date& date);  // 1 = Monday … 7 = Sunday
// ISO 8601 week: (week-based year, week number).
std::pair<int, int> IsoWeek(const Date& date);
Date AddDays(const Date& date, int64_t n);
// Adds months; the day is clamped to the length of the target month.
Date AddMonths(const Date& date, int n);

std::string FormatDate(const Date& date);  // 2023-09-13
std::string FormatMonth(int y, int m);     // 2023-09
std::string FormatYear(int y);             // 2023 (four digits; "0999")
std::string FormatWeek(const Date& date);  // 2023-W37

// An anchor: a date, and a clock time when known. Parsed from an ISO 8601 value such as
// "2023-09-13", "2023-09-13T07:09+07:00" or "2023-09-13 07:09:00"; nullopt when it has no full
// date.
struct Anchor {
  Date date;
  int hour = -1, minute = -1;
};
std::optional<Anchor> ParseAnchor(std::string_view iso);

// Indonesian and English weekday names (1 = Monday) for messages.
const char* WeekdayNameId(int iso_weekday);
const char* WeekdayNameEn(int iso_weekday);
const char* MonthNameEn(int month);

}  // namespace linimasa::timex
