#include "core/validate/dates.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <utility>

namespace jb::validate {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& out) {
    if (text.size() < from + count) return false;
    out = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        char c = text[i];
        if (c < '0' || c > '9') return false;
        out = out * 10 + (c - '0');
    }
    return true;
}

// Howard Hinnant's days_from_civil.
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<int> time_seconds(std::string_view time) {
    int h = 0, m = 0, s = 0;
    if (!digits(time, 0, 2, h) || time.size() < 5 || time[2] != ':' || !digits(time, 3, 2, m)) return std::nullopt;
    if (time.size() >= 8 && time[5] == ':' && !digits(time, 6, 2, s)) return std::nullopt;
    return h * 3600 + m * 60 + s;
}

}  // namespace

std::optional<std::int64_t> day_number(std::string_view date) {
    int y = 0, m = 0, d = 0;
    if (date.size() < 10 || !digits(date, 0, 4, y) || date[4] != '-' || !digits(date, 5, 2, m) || date[7] != '-' ||
        !digits(date, 8, 2, d) || m < 1 || m > 12 || d < 1 || d > 31)
        return std::nullopt;
    return days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string date_text(std::int64_t day) {
    // Howard Hinnant's civil_from_days.
    day += 719468;
    const std::int64_t era = (day >= 0 ? day : day - 146096) / 146097;
    const auto doe = static_cast<unsigned>(day - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02u-%02u", static_cast<long long>(y + (m <= 2)), m, d);
    return buffer;
}

int weekday(std::int64_t day) { return static_cast<int>(((day % 7) + 7 + 3) % 7); }

std::optional<std::int64_t> local_seconds(std::string_view date, std::string_view time, int local_offset_minutes) {
    auto day = day_number(date);
    auto seconds = time_seconds(time);
    if (!day || !seconds) return std::nullopt;
    return *day * 86400 + *seconds - local_offset_minutes * 60;
}

std::optional<std::int64_t> timestamp_seconds(std::string_view timestamp, int local_offset_minutes) {
    if (timestamp.size() < 16 || (timestamp[10] != 'T' && timestamp[10] != ' ')) return std::nullopt;
    std::string_view time = timestamp.substr(11);
    int offset = local_offset_minutes;
    std::size_t zone = time.find_first_of("Z+-");
    if (zone != std::string_view::npos) {
        std::string_view suffix = time.substr(zone);
        time = time.substr(0, zone);
        if (suffix == "Z") {
            offset = 0;
        } else {
            int h = 0, m = 0;
            if (!digits(suffix, 1, 2, h)) return std::nullopt;
            std::size_t minute_at = suffix.size() > 3 && suffix[3] == ':' ? 4 : 3;
            if (suffix.size() > minute_at && !digits(suffix, minute_at, 2, m)) return std::nullopt;
            offset = (suffix[0] == '-' ? -1 : 1) * (h * 60 + m);
        }
    }
    auto seconds = local_seconds(timestamp.substr(0, 10), time.substr(0, std::min<std::size_t>(time.size(), 8)), offset);
    return seconds;
}

std::optional<std::int64_t> local_day(std::string_view timestamp, int local_offset_minutes) {
    auto seconds = timestamp_seconds(timestamp, local_offset_minutes);
    if (!seconds) return std::nullopt;
    std::int64_t local = *seconds + local_offset_minutes * 60;
    return local >= 0 ? local / 86400 : -((-local + 86399) / 86400);
}

int zone_offset_minutes(std::string_view zone) {
    static constexpr std::array<std::pair<std::string_view, int>, 16> zones{{
        {"Europe/Kaliningrad", 120}, {"Europe/Moscow", 180},     {"Europe/Kirov", 180},
        {"Europe/Volgograd", 180},   {"Europe/Simferopol", 180}, {"Europe/Samara", 240},
        {"Europe/Ulyanovsk", 240},   {"Europe/Saratov", 240},    {"Europe/Astrakhan", 240},
        {"Asia/Yekaterinburg", 300}, {"Asia/Omsk", 360},         {"Asia/Novosibirsk", 420},
        {"Asia/Krasnoyarsk", 420},   {"Asia/Irkutsk", 480},      {"Asia/Vladivostok", 600},
        {"Asia/Kamchatka", 720},
    }};
    for (const auto& [name, minutes] : zones)
        if (name == zone) return minutes;
    return 180;
}

}  // namespace jb::validate
