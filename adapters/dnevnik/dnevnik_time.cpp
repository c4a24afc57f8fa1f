#include "adapters/dnevnik/dnevnik_time.hpp"

#include <cstdint>
#include <cstdio>

#include "core/text_format.hpp"

namespace jb::dnevnik {
namespace {

bool number(std::string_view text, std::size_t from, std::size_t count, int& out) {
    if (text.size() < from + count) return false;
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        out = out * 10 + (text[i] - '0');
    }
    return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date and back (Howard Hinnant's algorithms).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    y = yoe + era * 400 + (m <= 2);
}

}  // namespace

std::string offset_text(int minutes) {
    char buffer[16];
    const int magnitude = minutes < 0 ? -minutes : minutes;
    std::snprintf(buffer, sizeof buffer, "%c%02d:%02d", minutes < 0 ? '-' : '+', (magnitude / 60) % 100, magnitude % 60);
    return buffer;
}

std::optional<LocalDateTime> local_datetime(std::string_view text, std::optional<int> school_offset_minutes) {
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!is_valid_date(text.substr(0, 10))) return std::nullopt;
    number(text, 0, 4, year);
    number(text, 5, 2, month);
    number(text, 8, 2, day);
    std::string_view rest = text.substr(10);
    std::string fraction;
    std::optional<int> offset;
    if (!rest.empty()) {
        if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
        if (!number(rest, 1, 2, hour) || rest.size() < 6 || rest[3] != ':' || !number(rest, 4, 2, minute)) return std::nullopt;
        rest.remove_prefix(6);
        if (!rest.empty() && rest[0] == ':') {
            if (!number(rest, 1, 2, second)) return std::nullopt;
            rest.remove_prefix(3);
        }
        if (!rest.empty() && rest[0] == '.') {
            std::size_t n = 1;
            while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
            if (n == 1) return std::nullopt;
            fraction = std::string(rest.substr(0, n));
            rest.remove_prefix(n);
        }
        if (rest == "Z") {
            offset = 0;
        } else if (!rest.empty()) {
            int oh = 0, om = 0;
            if (rest.size() != 6 || (rest[0] != '+' && rest[0] != '-') || !number(rest, 1, 2, oh) || rest[3] != ':' ||
                !number(rest, 4, 2, om))
                return std::nullopt;
            offset = (rest[0] == '-' ? -1 : 1) * (oh * 60 + om);
        }
        if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
    }
    if (offset && school_offset_minutes && *offset != *school_offset_minutes) {
        std::int64_t minutes = days_from_civil(year, month, day) * 1440 + hour * 60 + minute - *offset + *school_offset_minutes;
        std::int64_t days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
        std::int64_t in_day = minutes - days * 1440;
        std::int64_t y = 0;
        civil_from_days(days, y, month, day);
        year = static_cast<int>(y);
        hour = static_cast<int>(in_day / 60);
        minute = static_cast<int>(in_day % 60);
    }
    std::optional<int> shown_offset = school_offset_minutes ? school_offset_minutes : offset;
    char date[40], clock[40], seconds[40];  // room for any int: -O3 checks snprintf bounds
    std::snprintf(date, sizeof date, "%04d-%02d-%02d", year % 10000, month, day);
    std::snprintf(clock, sizeof clock, "%02d:%02d", hour, minute);
    std::snprintf(seconds, sizeof seconds, ":%02d", second);
    LocalDateTime result;
    result.date = date;
    result.time = hour == 0 && minute == 0 && second == 0 ? "" : clock;
    result.timestamp = std::string(date) + "T" + clock + seconds + fraction + (shown_offset ? offset_text(*shown_offset) : "");
    return result;
}

}  // namespace jb::dnevnik
