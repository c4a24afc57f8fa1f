#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Calendar arithmetic for the rules: dates as day numbers, timestamps as seconds since the epoch.
namespace jb::validate {

// Day number of a YYYY-MM-DD date (1970-01-01 = 0), or nullopt when the text is not a date.
std::optional<std::int64_t> day_number(std::string_view date);
std::string date_text(std::int64_t day);  // YYYY-MM-DD
int weekday(std::int64_t day);            // 0 = Monday … 6 = Sunday

// Seconds since the epoch of an ISO 8601 timestamp; a timestamp without an offset is local time
// at `local_offset_minutes` east of UTC. Nullopt when the text is not a timestamp.
std::optional<std::int64_t> timestamp_seconds(std::string_view timestamp, int local_offset_minutes);
// Seconds since the epoch of a local date and HH:MM[:SS] time.
std::optional<std::int64_t> local_seconds(std::string_view date, std::string_view time, int local_offset_minutes);
// The local calendar day of a timestamp (the day a deputy director would read off the journal).
std::optional<std::int64_t> local_day(std::string_view timestamp, int local_offset_minutes);

// UTC offset of a Russian time zone name (Europe/Moscow → +180); Moscow time when unknown or empty.
int zone_offset_minutes(std::string_view zone);

}  // namespace jb::validate
