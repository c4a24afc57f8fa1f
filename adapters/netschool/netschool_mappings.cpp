#include "adapters/netschool/netschool_mappings.hpp"

#include <algorithm>

#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::netschool {
namespace {

bool listed(const MappingFile& file, std::string_view table, std::string_view key, std::string_view value) {
    const auto& list = file.list(table, key);
    return std::find(list.begin(), list.end(), value) != list.end();
}

}  // namespace

Mappings::Mappings()
    : types_(MappingFile::load(kTypesFile)),
      attendance_(MappingFile::load(kAttendanceFile)),
      finals_(MappingFile::load(kFinalsFile)) {}

WorkType Mappings::work_type(std::int64_t type_id, const std::string& dictionary_name, UnknownValues* unknowns) const {
    WorkType type;
    std::string id_text = std::to_string(type_id);
    type.raw = dictionary_name;
    if (type.raw.empty()) type.raw = types_.find("ids", id_text).value_or("");
    if (type.raw.empty()) {
        type.raw = id_text;  // no dictionary and no known id: the id itself, verbatim
        if (unknowns) unknowns->note("assignment type id", id_text, kTypesFile);
        return type;
    }
    type.canonical = types_.find("types", type.raw).value_or("");
    if (type.canonical.empty()) {
        if (unknowns) unknowns->note("assignment type", type.raw, kTypesFile);
        return type;
    }
    type.written = listed(types_, "kinds", "written", type.canonical);
    type.control = listed(types_, "kinds", "control", type.canonical);
    type.homework = type.canonical == types_.find("homework", "type").value_or("homework");
    return type;
}

bool Mappings::is_placeholder(std::string_view assignment_name) const {
    std::string cleaned = collapse_spaces(assignment_name);
    return cleaned.empty() || listed(types_, "placeholders", "names", cleaned);
}

std::optional<std::string> Mappings::attendance(std::string_view code, std::string_view local_code,
                                                std::string_view name) const {
    for (std::string_view candidate : {code, local_code})
        if (!candidate.empty())
            if (auto reason = attendance_.find("codes", collapse_spaces(candidate))) return reason;
    if (!name.empty())
        if (auto reason = attendance_.find("names", collapse_spaces(name))) return reason;
    return std::nullopt;
}

std::optional<std::string> Mappings::final_code(std::string_view stored) const { return finals_.find("codes", stored); }

std::string Mappings::pass_fail(bool pass) const {
    return finals_.find("pass_fail", pass ? "pass" : "fail").value_or(pass ? "зачет" : "незачет");
}

std::optional<std::string> Mappings::final_text(std::string_view text) const {
    std::string key = collapse_spaces(text);
    if (auto value = finals_.find("texts", key)) return value;
    std::string lower = subject_match_key(key);  // lower-cases Cyrillic
    return finals_.find("texts", lower);
}

std::optional<std::string> Mappings::final_column(std::string_view header) const {
    return finals_.find("columns", collapse_spaces(header));
}

std::optional<PeriodName> Mappings::period(std::string_view name) const {
    std::string cleaned = collapse_spaces(name);
    std::size_t space = cleaned.find(' ');
    if (space == std::string::npos || space == 0 || space > 2) return std::nullopt;
    int number = 0;
    for (std::size_t i = 0; i < space; ++i) {
        if (cleaned[i] < '0' || cleaned[i] > '9') return std::nullopt;
        number = number * 10 + (cleaned[i] - '0');
    }
    std::string word = subject_match_key(cleaned.substr(space + 1));
    auto kind = finals_.find("periods", word);
    if (!kind || number == 0) return std::nullopt;
    return PeriodName{*kind, number};
}

}  // namespace jb::netschool
