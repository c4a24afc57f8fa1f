#pragma once
#include <compare>
#include <string>
#include <vector>

namespace jb::synth {

// A calendar day: days since 1970-01-01 in the proleptic Gregorian calendar.
struct Date {
    int days = 0;
    auto operator<=>(const Date&) const = default;
    Date operator+(int n) const { return Date{days + n}; }
    Date operator-(int n) const { return Date{days - n}; }
};

Date make_date(int year, int month, int day);
int weekday(Date date);  // 0 = Monday … 6 = Sunday
bool is_weekend(Date date);
std::string iso_date(Date date);  // YYYY-MM-DD
// ISO 8601 timestamp in Moscow time (+03:00, no DST since 2014); `second` of the day, clamped to it.
std::string moscow_timestamp(Date date, int second);

struct Holiday {
    Date start, end;  // inclusive
    std::string name;
};

struct Quarter {
    int number = 0;
    Date start, end;                // inclusive
    std::vector<Date> school_days;  // Monday to Friday, outside holidays
};

// A Russian school year: 1 September to 31 May, four quarters with autumn, winter and spring
// holidays between them and the public holidays (moved to Monday when they fall on a weekend).
struct SchoolCalendar {
    int start_year = 0;
    Date year_start, year_end;
    std::vector<Holiday> holidays;  // by start date
    std::vector<Quarter> quarters;  // always four
};

SchoolCalendar make_calendar(int start_year);

}  // namespace jb::synth
