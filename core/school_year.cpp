#include "core/school_year.hpp"

#include <charconv>

namespace jb {

std::optional<int> school_year_of(std::string_view date) {
    if (date.size() < 7 || date[4] != '-') return std::nullopt;
    int year = 0;
    int month = 0;
    if (std::from_chars(date.data(), date.data() + 4, year).ec != std::errc{}) return std::nullopt;
    if (std::from_chars(date.data() + 5, date.data() + 7, month).ec != std::errc{}) return std::nullopt;
    if (month < 1 || month > 12) return std::nullopt;
    return month >= 9 ? year : year - 1;
}

}  // namespace jb
