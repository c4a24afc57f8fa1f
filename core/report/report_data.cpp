#include "core/report/report_data.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "core/entities.hpp"
#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "core/stats.hpp"

namespace jb::report {
namespace {

std::string text_of(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

std::string teachers_for(sql::Stmt& stmt) {
    std::string names;
    while (stmt.step()) names += (names.empty() ? "" : ", ") + stmt.column_text(0);
    stmt.reset();
    return names;
}

constexpr std::string_view teacher_name = "trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name)";

}  // namespace

ReportValidation validation_from_json(const std::string& text, const std::string& source) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        throw Error(source + ": not a validation result (JSON error at byte " + std::to_string(e.byte) + ")");
    }
    auto fail = [&](const std::string& what) {
        return Error(source + ": not a validation result of `jbridge validate --format json`: " + what);
    };
    if (!json.is_object()) throw fail("expected one JSON object");
    for (const char* key : {"findings", "not_applicable"})
        if (!json.contains(key) || !json[key].is_array()) throw fail(std::string("no \"") + key + "\" list");
    ReportValidation result;
    result.profile = text_of(json, "profile");
    std::size_t index = 0;
    for (const auto& item : json["findings"]) {
        if (!item.is_object() || !item.contains("rule") || !item.contains("severity"))
            throw fail("finding " + std::to_string(index) + " lacks \"rule\" or \"severity\"");
        ReportFinding f;
        f.rule = text_of(item, "rule");
        f.severity = text_of(item, "severity");
        f.message = text_of(item, "message");
        if (f.severity == "error") ++result.errors;
        else if (f.severity == "warning") ++result.warnings;
        else if (f.severity == "info") ++result.infos;
        else throw fail("finding " + std::to_string(index) + " has unknown severity \"" + f.severity + "\"");
        if (auto where = item.find("where"); where != item.end() && where->is_object()) {
            f.class_name = text_of(*where, "class");
            f.subject_name = text_of(*where, "subject");
            f.teacher_name = text_of(*where, "teacher");
            f.student_name = text_of(*where, "student");
            f.date = text_of(*where, "date");
            f.class_id = text_of(*where, "class_id");
            f.subject_id = text_of(*where, "subject_id");
            f.lesson_id = text_of(*where, "lesson_id");
        }
        result.findings.push_back(std::move(f));
        ++index;
    }
    for (const auto& rule : json["not_applicable"])
        if (rule.is_string()) result.not_applicable.push_back(rule.get<std::string>());
    return result;
}

void attribute_teachers(sql::Db& db, ReportValidation& validation) {
    sql::Stmt by_lesson(db, "SELECT " + std::string(teacher_name) +
                                " FROM lesson_teacher lt JOIN person p ON p.id = lt.teacher_id"
                                " WHERE lt.lesson_id = ? AND lt.role IN ('main', 'substitute') ORDER BY lt.role, 1");
    sql::Stmt by_assignment(db, "SELECT DISTINCT " + std::string(teacher_name) +
                                    " FROM teaching_assignment ta JOIN person p ON p.id = ta.teacher_id"
                                    " WHERE ta.class_id = ? AND ta.subject_id = ? ORDER BY 1");
    sql::Stmt by_names(db, "SELECT DISTINCT " + std::string(teacher_name) +
                               " FROM teaching_assignment ta JOIN person p ON p.id = ta.teacher_id"
                               " JOIN class c ON c.id = ta.class_id JOIN subject s ON s.id = ta.subject_id"
                               " WHERE c.name = ? AND s.name = ? ORDER BY 1");
    for (ReportFinding& f : validation.findings) {
        if (!f.teacher_name.empty()) continue;
        Id lesson = 0, school_class = 0, subject = 0;
        if (id_from_hex(f.lesson_id, lesson)) {
            by_lesson.bind(1, lesson);
            f.teacher_name = teachers_for(by_lesson);
        }
        if (f.teacher_name.empty() && id_from_hex(f.class_id, school_class) && id_from_hex(f.subject_id, subject)) {
            by_assignment.bind(1, school_class).bind(2, subject);
            f.teacher_name = teachers_for(by_assignment);
        }
        if (f.teacher_name.empty() && !f.class_name.empty() && !f.subject_name.empty()) {
            by_names.bind(1, std::string_view(f.class_name)).bind(2, std::string_view(f.subject_name));
            f.teacher_name = teachers_for(by_names);
        }
    }
}

ReportInput gather_report_input(sql::Db& db, const std::string& archive_name, const std::string& as_of) {
    ReportInput input;
    input.archive_name = archive_name;
    input.generated_on = today_iso();
    sql::Stmt schools(db, "SELECT name FROM school ORDER BY name");
    while (schools.step()) input.title_school += (input.title_school.empty() ? "" : "; ") + schools.column_text(0);
    input.stats = compute_stats(db);
    input.completeness = compute_completeness(db, as_of);
    return input;
}

std::string default_as_of(sql::Db& db) {
    std::string today = today_iso();
    sql::Stmt last(db, "SELECT max(date) FROM lesson WHERE date <= ?");
    last.bind(1, std::string_view(today));
    if (last.step() && !last.column_is_null(0)) return last.column_text(0);
    return today;
}

std::string today_iso() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[16];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &local);
    return buffer;
}

}  // namespace jb::report
