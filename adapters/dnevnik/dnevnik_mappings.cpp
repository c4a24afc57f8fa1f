#include "adapters/dnevnik/dnevnik_mappings.hpp"

#include <algorithm>

namespace jb::dnevnik {

Mappings::Mappings()
    : attendance_(MappingFile::load(kAttendanceFile)),
      periods_(MappingFile::load(kPeriodsFile)),
      marks_(MappingFile::load(kMarksFile)),
      work_types_(MappingFile::load(kWorkTypesFile)) {
    for (const auto& system : marks_.list("numeric", "systems")) numeric_.insert(system);
    for (const auto& kind : work_types_.list("flags", "written")) written_.insert(kind);
    for (const auto& kind : work_types_.list("flags", "control")) control_.insert(kind);
}

std::optional<std::string> Mappings::attendance_reason(std::string_view status) const {
    return attendance_.find("attendance", status);
}
std::optional<std::string> Mappings::period_kind(std::string_view type) const { return periods_.find("periods", type); }
bool Mappings::knows_mark_system(std::string_view system) const { return marks_.find("types", system).has_value(); }
bool Mappings::is_numeric_system(std::string_view system) const { return numeric_.count(system) > 0; }
bool Mappings::lists_mark_value(std::string_view system, std::string_view value) const {
    const auto& values = marks_.list("values", system);
    return std::find(values.begin(), values.end(), value) != values.end();
}
std::optional<std::string> Mappings::normalised_mark(std::string_view value) const {
    return marks_.find("normalised", value);
}
std::optional<std::string> Mappings::work_kind(std::string_view platform_type) const {
    return work_types_.find("kinds", platform_type);
}
std::optional<std::string> Mappings::work_title(std::string_view title) const { return work_types_.find("titles", title); }
bool Mappings::is_written(std::string_view kind) const { return written_.count(kind) > 0; }
bool Mappings::is_control(std::string_view kind) const { return control_.count(kind) > 0; }

}  // namespace jb::dnevnik
