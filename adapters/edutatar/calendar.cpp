#include "adapters/edutatar/calendar.hpp"

#include <array>
#include <charconv>
#include <cstdio>

#include "core/subject_names.hpp"

namespace jb::edutatar {
namespace {

// Lower-case stems of the nominative and genitive month names.
constexpr std::array<std::string_view, 12> kStems{"январ", "феврал", "март", "апрел", "ма",    "июн",
                                                  "июл",   "август", "сентябр", "октябр", "ноябр", "декабр"};

long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long long>(doe) - 719468;
}

}  // namespace

int month_number(std::string_view name) {
    std::string key = subject_match_key(name);  // lower case, Cyrillic included
    if (key.empty()) return 0;
    for (std::size_t i = 0; i < kStems.size(); ++i) {
        std::string_view stem = kStems[i];
        if (stem == "ма") {  // май, мая, Мая
            if (key == "май" || key == "мая") return 5;
            continue;
        }
        if (key.starts_with(stem)) return static_cast<int>(i) + 1;
        // three-letter abbreviations: «янв», «сен», «ноя»
        if (key.size() == 6 && std::string_view(stem).starts_with(key)) return static_cast<int>(i) + 1;
    }
    return 0;
}

int year_of_month(int school_year, int month) { return month >= 9 ? school_year : school_year + 1; }

bool valid_day(int year, int month, int day) {
    static constexpr std::array<int, 12> lengths{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1) return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int length = lengths[static_cast<std::size_t>(month - 1)] + (month == 2 && leap ? 1 : 0);
    return day <= length;
}

std::string iso_date(int year, int month, int day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
    return buffer;
}

long long day_index(int year, int month, int day) {
    return days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::optional<std::string> moscow_date(long long seconds) {
    if (seconds < 0 || seconds > 4102444800LL) return std::nullopt;  // 1970…2100
    long long days = (seconds + 3 * 3600) / 86400;
    // civil_from_days
    long long z = days + 719468;
    const long long era = z / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    long long y = static_cast<long long>(yoe) + era * 400 + (m <= 2 ? 1 : 0);
    if (days_from_civil(y, m, d) != days) return std::nullopt;
    return iso_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

std::optional<std::string> parse_russian_date(std::string_view text) {
    std::string flat = collapse_spaces(text);
    std::string_view rest = flat;
    auto next_word = [&rest]() {
        while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
        std::size_t end = rest.find(' ');
        std::string_view word = rest.substr(0, end);
        rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
        return word;
    };
    std::string_view day_word = next_word(), month_word = next_word(), year_word = next_word();
    int day = 0, year = 0;
    if (std::from_chars(day_word.data(), day_word.data() + day_word.size(), day).ec != std::errc{}) return std::nullopt;
    if (std::from_chars(year_word.data(), year_word.data() + year_word.size(), year).ec != std::errc{})
        return std::nullopt;
    int month = month_number(month_word);
    if (month == 0 || year < 1990 || year > 2100 || !valid_day(year, month, day)) return std::nullopt;
    return iso_date(year, month, day);
}

}  // namespace jb::edutatar
