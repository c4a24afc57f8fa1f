#include "core/net/date_windows.hpp"

#include <cstdio>

#include "core/error.hpp"

namespace jb::net {
namespace {

// Howard Hinnant's civil-calendar algorithms.
int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(int z, int& y, int& m, int& d) {
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y = yoe + era * 400 + (m <= 2);
}

int number(std::string_view text, std::string_view whole) {
    int value = 0;
    for (char c : text) {
        if (c < '0' || c > '9') throw Error("not a date (YYYY-MM-DD): " + std::string(whole));
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace

int days_from_iso(std::string_view date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') throw Error("not a date (YYYY-MM-DD): " + std::string(date));
    int y = number(date.substr(0, 4), date), m = number(date.substr(5, 2), date), d = number(date.substr(8, 2), date);
    if (m < 1 || m > 12 || d < 1 || d > 31) throw Error("not a date (YYYY-MM-DD): " + std::string(date));
    return days_from_civil(y, m, d);
}

std::string iso_from_days(int days) {
    int y = 0, m = 0, d = 0;
    civil_from_days(days, y, m, d);
    char buffer[40];  // room for any int, so the compiler can see nothing is cut off
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, m, d);
    return buffer;
}

std::vector<DateWindow> date_windows(std::string_view from, std::string_view to, std::string_view size) {
    if (size != "week" && size != "month") throw Error("the window must be week or month, not " + std::string(size));
    int first = days_from_iso(from), last = days_from_iso(to);
    std::vector<DateWindow> windows;
    for (int start = first; start <= last;) {
        int end = 0;
        if (size == "week") {
            int weekday = ((start + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; 0 = Monday
            end = start + (6 - weekday);
        } else {
            int y = 0, m = 0, d = 0;
            civil_from_days(start, y, m, d);
            end = (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) - 1;
        }
        if (end > last) end = last;
        windows.push_back({iso_from_days(start), iso_from_days(end)});
        start = end + 1;
    }
    return windows;
}

}  // namespace jb::net
