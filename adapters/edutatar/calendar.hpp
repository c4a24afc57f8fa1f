#pragma once
#include <optional>
#include <string>
#include <string_view>

// Dates as ЭО РТ writes them: month names, day numbers without a year, Moscow-midnight timestamps.
namespace jb::edutatar {

// «Январь», «января», «Янв» (any case) → 1; 0 when not a month name.
int month_number(std::string_view name);
// The calendar year of `month` in the school year starting in `school_year` (Sep–Dec → itself).
int year_of_month(int school_year, int month);
bool valid_day(int year, int month, int day);
std::string iso_date(int year, int month, int day);
// Days since 1970-01-01 of a valid date.
long long day_index(int year, int month, int day);
// Unix seconds of a `for=`/`date=` link → the Moscow (UTC+3) calendar date.
std::optional<std::string> moscow_date(long long seconds);
// «14 Ноября 2023 г.» → 2023-11-14.
std::optional<std::string> parse_russian_date(std::string_view text);

}  // namespace jb::edutatar
