#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/report/completeness.hpp"

namespace jb::sql {
class Db;
}

// Everything the «Анализ работы с классными журналами» page shows, gathered before rendering.
namespace jb::report {

// One finding of a validation result, read from the contract's JSON shape
// {"rule","severity","message","where"}; `where` keys follow core/validate/finding.hpp.
struct ReportFinding {
    std::string rule, severity, message;
    std::string class_name, subject_name, teacher_name, student_name, date;
    std::string class_id, subject_id, lesson_id;  // hex ids from `where`, '' when absent
};

struct ReportValidation {
    std::string profile;
    std::vector<ReportFinding> findings;
    std::vector<std::string> not_applicable;
    std::int64_t errors = 0, warnings = 0, infos = 0;
};

// Parses a validation result (`jbridge validate --format json`). Throws jb::Error naming `source`
// and, for JSON syntax errors, the byte offset.
ReportValidation validation_from_json(const std::string& text, const std::string& source);

// Findings that name no teacher are given the teacher of their lesson (main or substitute), else the
// teacher(s) assigned to their class and subject, so the per-teacher table covers them.
void attribute_teachers(sql::Db& db, ReportValidation& validation);

struct ReportInput {
    std::string title_school;                                     // school name(s) of the archive
    std::string archive_name;
    std::string generated_on;                                     // YYYY-MM-DD
    std::vector<std::pair<std::string, std::int64_t>> stats;      // compute_stats
    Completeness completeness;
    bool validated = false;                                       // `validation` holds a result
    ReportValidation validation;
};

// Reads the archive's school, stats and completeness as of `as_of` (YYYY-MM-DD).
ReportInput gather_report_input(sql::Db& db, const std::string& archive_name, const std::string& as_of);

std::string today_iso();  // the local date, YYYY-MM-DD

// The date the archive's journal reaches: its last lesson's date, but never later than today (a
// timetable may hold lessons not yet held); today when the archive has no lessons.
std::string default_as_of(sql::Db& db);

}  // namespace jb::report
