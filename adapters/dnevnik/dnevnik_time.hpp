#pragma once
#include <optional>
#include <string>
#include <string_view>

// Dnevnik datetimes are the school's local wall time, mostly without an offset
// ("2023-10-05T00:00:00", sometimes with fractional seconds); a few are offset-aware. They are kept
// local: a text without an offset is taken as it stands, one with an offset is moved into the
// school's zone (School.timeZone, whole hours) — never into UTC.
namespace jb::dnevnik {

struct LocalDateTime {
    std::string date;       // YYYY-MM-DD
    std::string time;       // HH:MM ("" when the text has no time or it is midnight)
    std::string timestamp;  // YYYY-MM-DDTHH:MM:SS[.fff] plus the school's offset when known
};

// nullopt when `text` is not an ISO-8601 date or datetime.
std::optional<LocalDateTime> local_datetime(std::string_view text, std::optional<int> school_offset_minutes);

// "+03:00" for 180.
std::string offset_text(int minutes);

}  // namespace jb::dnevnik
