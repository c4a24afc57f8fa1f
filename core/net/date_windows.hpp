#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jb::net {

// A calendar day as days since 1970-01-01 (proleptic Gregorian).
int days_from_iso(std::string_view date);  // "YYYY-MM-DD" (longer text: its first 10 characters); throws jb::Error
std::string iso_from_days(int days);

struct DateWindow {
    std::string from, to;  // inclusive, YYYY-MM-DD
};

// [from, to] cut into calendar months or ISO weeks (Monday–Sunday), clipped at both ends.
std::vector<DateWindow> date_windows(std::string_view from, std::string_view to, std::string_view size);

}  // namespace jb::net
