#pragma once
#include <optional>
#include <string_view>

namespace jb {

// The school year a date (YYYY-MM-DD…, e.g. a HAR's startedDateTime) falls in, as the calendar year
// in which it started: September–December → that year, January–August → the year before.
std::optional<int> school_year_of(std::string_view date);

}  // namespace jb
