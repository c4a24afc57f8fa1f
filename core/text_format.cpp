#include "core/text_format.hpp"

#include <algorithm>
#include <string>

namespace jb {
namespace {

bool digits(std::string_view text, std::size_t from, std::size_t count, int& value) {
    if (text.size() < from + count) return false;
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

}  // namespace

bool is_valid_date(std::string_view text) {
    int year, month, day;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
    if (!digits(text, 0, 4, year) || !digits(text, 5, 2, month) || !digits(text, 8, 2, day)) return false;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1]) return false;
    return !(month == 2 && day == 29 && !is_leap(year));
}

bool is_valid_time(std::string_view text) {
    int hours, minutes, seconds;
    if (text.size() != 5 && text.size() != 8) return false;
    if (!digits(text, 0, 2, hours) || text[2] != ':' || !digits(text, 3, 2, minutes)) return false;
    if (text.size() == 8 && (text[5] != ':' || !digits(text, 6, 2, seconds) || seconds > 59)) return false;
    return hours < 24 && minutes < 60;
}

bool is_valid_timestamp(std::string_view text) {
    if (text.size() < 16 || !is_valid_date(text.substr(0, 10)) || text[10] != 'T') return false;
    std::string_view rest = text.substr(11);
    std::size_t time_length = rest.size() >= 8 && rest[5] == ':' ? 8 : 5;
    if (!is_valid_time(rest.substr(0, time_length))) return false;
    rest.remove_prefix(time_length);
    if (!rest.empty() && rest[0] == '.') {
        std::size_t n = 1;
        while (n < rest.size() && rest[n] >= '0' && rest[n] <= '9') ++n;
        if (n == 1) return false;
        rest.remove_prefix(n);
    }
    if (rest.empty() || rest == "Z") return true;
    int hours, minutes;
    return rest.size() == 6 && (rest[0] == '+' || rest[0] == '-') && digits(rest, 1, 2, hours) && rest[3] == ':' &&
           digits(rest, 4, 2, minutes) && hours < 24 && minutes < 60;
}

bool is_valid_text_format(TextFormat format, std::string_view text) {
    switch (format) {
        case TextFormat::date: return is_valid_date(text);
        case TextFormat::time: return is_valid_time(text);
        case TextFormat::timestamp: return is_valid_timestamp(text);
        case TextFormat::free: return true;
    }
    return true;
}

std::string column_value_problem(const Column& column, std::string_view text) {
    std::string quoted = "'" + std::string(text) + "'";
    if (!column.allowed.empty() &&
        std::find(column.allowed.begin(), column.allowed.end(), text) == column.allowed.end()) {
        std::string list;
        for (std::string_view allowed : column.allowed) list += (list.empty() ? "" : ", ") + std::string(allowed);
        return quoted + " is not one of: " + list;
    }
    if (!text.empty() && !is_valid_text_format(column.format, text))
        return quoted + " is not a valid " + std::string(text_format_name(column.format));
    return "";
}

std::string_view text_format_name(TextFormat format) {
    switch (format) {
        case TextFormat::date: return "date (YYYY-MM-DD)";
        case TextFormat::time: return "time (HH:MM or HH:MM:SS)";
        case TextFormat::timestamp: return "timestamp (ISO 8601)";
        case TextFormat::free: return "text";
    }
    return "text";
}

}  // namespace jb
