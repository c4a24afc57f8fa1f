#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "core/mapping_file.hpp"

namespace jb {
class UnknownValues;
}

namespace jb::netschool {

inline constexpr std::string_view kTypesFile = "netschool/assignment_types.toml";
inline constexpr std::string_view kAttendanceFile = "netschool/attendance.toml";
inline constexpr std::string_view kFinalsFile = "netschool/final_marks.toml";

struct WorkType {
    std::string raw;        // the server's type name (or the id when nothing names it)
    std::string canonical;  // "" when no mapping knows the name
    bool written = false;
    bool control = false;
    bool homework = false;
};

struct PeriodName {
    std::string kind;  // quarter, half, …
    int number = 0;
};

// The three mapping files, loaded once per read.
class Mappings {
public:
    Mappings();

    // `dictionary_name` is the capture's own name for the type id ("" when the capture has none).
    WorkType work_type(std::int64_t type_id, const std::string& dictionary_name, UnknownValues* unknowns) const;
    bool is_placeholder(std::string_view assignment_name) const;
    // The model reason for a code (also tried: the dictionary's local code and name); nullopt → unknown.
    std::optional<std::string> attendance(std::string_view code, std::string_view local_code,
                                          std::string_view name) const;
    std::optional<std::string> final_code(std::string_view stored) const;  // "-1" → "н/а"
    std::string pass_fail(bool pass) const;
    std::optional<std::string> final_text(std::string_view text) const;    // "зач" → "зачет"
    std::optional<std::string> final_column(std::string_view header) const;  // "Годовая" → "year"
    std::optional<PeriodName> period(std::string_view name) const;         // "2 четверть" → quarter 2

private:
    MappingFile types_, attendance_, finals_;
};

}  // namespace jb::netschool
