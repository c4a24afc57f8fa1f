#include "tools/gen-synthetic/calendar.hpp"

#include <algorithm>
#include <cstdio>

namespace jb::synth {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
void civil(Date date, int& year, int& month, int& day) {
    const int z = date.days + 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = yoe + era * 400 + (month <= 2 ? 1 : 0);
}

Date next_weekday(Date date) {
    while (is_weekend(date)) date = date + 1;
    return date;
}

Date next_monday(Date date) {
    while (weekday(date) != 0) date = date + 1;
    return date;
}

Date previous_weekday(Date date) {
    while (is_weekend(date)) date = date - 1;
    return date;
}

}  // namespace

Date make_date(int year, int month, int day) {
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yoe = year - era * 400;
    const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return Date{era * 146097 + doe - 719468};
}

int weekday(Date date) { return ((date.days % 7) + 7 + 3) % 7; }  // 1970-01-01 was a Thursday

bool is_weekend(Date date) { return weekday(date) >= 5; }

std::string iso_date(Date date) {
    int year, month, day;
    civil(date, year, month, day);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

std::string moscow_timestamp(Date date, int second) {
    second = std::clamp(second, 0, 86399);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02d+03:00", iso_date(date).c_str(), second / 3600,
                  second / 60 % 60, second % 60);
    return buffer;
}

SchoolCalendar make_calendar(int start_year) {
    const int y = start_year, next = start_year + 1;
    SchoolCalendar calendar;
    calendar.start_year = y;
    calendar.year_start = make_date(y, 9, 1);
    calendar.year_end = make_date(next, 5, 31);

    // Autumn holidays: the week from the last Monday of October to the next Monday (which covers
    // 4 November most years); winter from 29 December to the day before school resumes on the
    // first weekday from 9 January; spring from the Monday between 22 and 28 March for eight days.
    Date autumn = next_monday(make_date(y, 10, 25));
    Date winter = make_date(y, 12, 29);
    Date third_start = next_weekday(make_date(next, 1, 9));
    Date spring = next_monday(make_date(next, 3, 22));
    Date last_day = previous_weekday(make_date(next, 5, 26));

    // 4 November just after the autumn holidays joins them.
    Date autumn_end = autumn + 7;
    const Date unity = make_date(y, 11, 4);
    if (unity > autumn_end && unity.days - autumn_end.days <= 2) autumn_end = unity;

    auto& h = calendar.holidays;
    h.push_back({autumn, autumn_end, "Осенние каникулы"});
    h.push_back({winter, third_start - 1, "Зимние каникулы"});
    h.push_back({spring, spring + 7, "Весенние каникулы"});
    struct Feast {
        int year, month, day;
        const char* name;
    };
    const Feast feasts[] = {{y, 11, 4, "День народного единства"},
                            {next, 2, 23, "День защитника Отечества"},
                            {next, 3, 8, "Международный женский день"},
                            {next, 5, 1, "Праздник Весны и Труда"},
                            {next, 5, 9, "День Победы"}};
    for (const Feast& feast : feasts) {
        Date day = make_date(feast.year, feast.month, feast.day);
        if (is_weekend(day)) day = next_monday(day);  // the day off moves to Monday
        bool covered = std::any_of(h.begin(), h.end(), [&](const Holiday& x) { return x.start <= day && day <= x.end; });
        if (!covered) h.push_back({day, day, feast.name});
    }
    std::sort(h.begin(), h.end(), [](const Holiday& a, const Holiday& b) { return a.start < b.start; });

    const Date bounds[4][2] = {{next_weekday(calendar.year_start), autumn - 1},
                               {autumn_end + 1, winter - 1},
                               {third_start, spring - 1},
                               {spring + 8, last_day}};
    for (int q = 0; q < 4; ++q) {
        Quarter quarter{q + 1, bounds[q][0], bounds[q][1], {}};
        for (Date day = quarter.start; day <= quarter.end; day = day + 1) {
            if (is_weekend(day)) continue;
            bool holiday = std::any_of(h.begin(), h.end(), [&](const Holiday& x) { return x.start <= day && day <= x.end; });
            if (!holiday) quarter.school_days.push_back(day);
        }
        calendar.quarters.push_back(std::move(quarter));
    }
    return calendar;
}

}  // namespace jb::synth
