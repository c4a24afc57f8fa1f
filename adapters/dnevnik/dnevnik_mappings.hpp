#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "core/mapping_file.hpp"

// The four editable tables of mappings/dnevnik/ (attendance, periods, marks, work types).
namespace jb::dnevnik {

inline constexpr std::string_view kAttendanceFile = "dnevnik/attendance.toml";
inline constexpr std::string_view kPeriodsFile = "dnevnik/periods.toml";
inline constexpr std::string_view kMarksFile = "dnevnik/marks.toml";
inline constexpr std::string_view kWorkTypesFile = "dnevnik/work_types.toml";

class Mappings {
public:
    Mappings();  // loads the files through $JBRIDGE_MAPPINGS / the mappings folder

    std::optional<std::string> attendance_reason(std::string_view status) const;
    std::optional<std::string> period_kind(std::string_view type) const;
    bool knows_mark_system(std::string_view system) const;
    bool is_numeric_system(std::string_view system) const;
    // Whether `value` is one of the values listed for `system` (false when none are listed).
    bool lists_mark_value(std::string_view system, std::string_view value) const;
    std::optional<std::string> normalised_mark(std::string_view value) const;
    std::optional<std::string> work_kind(std::string_view platform_type) const;
    std::optional<std::string> work_title(std::string_view title) const;
    bool is_written(std::string_view kind) const;
    bool is_control(std::string_view kind) const;

private:
    MappingFile attendance_, periods_, marks_, work_types_;
    std::set<std::string, std::less<>> numeric_, written_, control_;
};

}  // namespace jb::dnevnik
