#include "adapters/bars/bars_vocabulary.hpp"

#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/mapping_file.hpp"
#include "core/text_format.hpp"
#include "core/mark_value.hpp"
#include "core/subject_names.hpp"

namespace jb::bars {
namespace {

std::optional<int> period_number(std::string_view text) {
    if (text.empty() || text.size() > 2) return std::nullopt;
    int number = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return number > 0 ? std::optional<int>(number) : std::nullopt;
}

// A value an admin wrote into a mapping file must be one the model accepts: say where it is.
void check_value(const MappingFile& file, std::string_view table, const std::string& key, const std::string& value,
                 const TableSpec& spec, std::string_view column) {
    const int index = spec.index_of(column);
    std::string problem = column_value_problem(spec.columns[static_cast<std::size_t>(index)], value);
    if (!problem.empty())
        throw input_error(file.path(), file.line_of(table, key), 0, "[" + std::string(table) + "] \"" + key + "\": " + problem);
}

}  // namespace

const Vocabulary& Vocabulary::standard() {
    static const Vocabulary vocabulary = [] {
        Vocabulary v;
        const MappingFile work = MappingFile::load(work_types_file);
        for (const auto& [raw, type] : work.table("types")) v.work_types_.emplace(raw, type);
        for (const auto& type : work.list("kinds", "written")) v.written_.insert(type);
        for (const auto& type : work.list("kinds", "control")) v.control_.insert(type);
        const MappingFile attendance = MappingFile::load(attendance_file);
        for (const auto& [raw, reason] : attendance.table("attendance")) {
            check_value(attendance, "attendance", raw, reason, tables::attendance, "reason");
            v.attendance_.emplace(subject_match_key(raw), reason);
        }
        const MappingFile periods = MappingFile::load(periods_file);
        for (const auto& [word, kind] : periods.table("words")) {
            check_value(periods, "words", word, kind, tables::period, "kind");
            v.period_words_.emplace(subject_match_key(word), kind);
        }
        for (const auto& [name, kind] : periods.table("whole")) {
            check_value(periods, "whole", name, kind, tables::final_mark, "kind");
            v.period_whole_.emplace(subject_match_key(name), kind);
        }
        const MappingFile marks = MappingFile::load(marks_file);
        for (const auto& value : marks.list("marks", "placeholders")) v.placeholders_.insert(subject_match_key(value));
        for (const auto& value : marks.list("marks", "debts")) v.debts_.insert(subject_match_key(value));
        for (const auto& value : marks.list("marks", "symbols")) v.symbols_.insert(subject_match_key(value));
        return v;
    }();
    return vocabulary;
}

WorkType Vocabulary::work_type(std::string_view raw) const {
    WorkType result;
    const auto it = work_types_.find(raw);
    if (it == work_types_.end()) return result;
    result.known = true;
    result.type = it->second;
    result.written = written_.contains(result.type);
    result.control = control_.contains(result.type);
    return result;
}

std::optional<std::string> Vocabulary::attendance(std::string_view raw) const {
    const auto it = attendance_.find(subject_match_key(raw));
    if (it == attendance_.end()) return std::nullopt;
    return it->second;
}

std::optional<PeriodRef> Vocabulary::period(std::string_view code_or_name) const {
    const std::string key = subject_match_key(code_or_name);
    if (const auto whole = period_whole_.find(key); whole != period_whole_.end()) return PeriodRef{whole->second, 0};
    auto from_parts = [&](std::string_view word, std::string_view number) -> std::optional<PeriodRef> {
        const auto kind = period_words_.find(word);
        const auto n = period_number(number);
        if (kind == period_words_.end() || !n) return std::nullopt;
        return PeriodRef{kind->second, *n};
    };
    const std::string_view text = key;
    if (const std::size_t underscore = text.rfind('_'); underscore != std::string_view::npos)
        return from_parts(text.substr(0, underscore), text.substr(underscore + 1));
    if (const std::size_t space = text.find(' '); space != std::string_view::npos)
        return from_parts(text.substr(space + 1), text.substr(0, space));
    return std::nullopt;
}

MarkKind Vocabulary::classify_mark(std::string_view value) const {
    const std::string key = subject_match_key(value);
    if (placeholders_.contains(key)) return MarkKind::placeholder;
    if (debts_.contains(key)) return MarkKind::debt;
    if (parse_mark(value).numeric || symbols_.contains(key)) return MarkKind::mark;
    return MarkKind::unknown_symbol;
}

}  // namespace jb::bars
