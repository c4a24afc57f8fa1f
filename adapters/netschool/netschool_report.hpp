#pragma once
#include <string>
#include <string_view>
#include <vector>

// NetSchool report pages (netschool.md §3.9): `studenttotal` (marks and absences per day) and
// `studenttotalmarks` (period, year, exam and final marks), as served by files/{id} or saved from
// the browser. Parsed with libxml2's forgiving HTML parser; windows-1251 pages are converted.
namespace jb::netschool {

class Mappings;

enum class ReportKind { student_total, total_marks, student_grades };

struct ReportHeader {
    std::string school, student, class_name, period_start, period_end;  // dates as YYYY-MM-DD
};

struct ReportAbsence {
    std::string subject, date;
    std::vector<std::string> codes;  // attendance codes found in the day's cell, in order
};

struct ReportFinal {
    std::string subject, kind, period_name, raw;  // period_name only for kind "period"
};

struct Report {
    ReportKind kind = ReportKind::student_total;
    ReportHeader header;
    std::vector<ReportAbsence> absences;
    std::vector<ReportFinal> finals;
};

// Whether the first bytes look like a NetSchool report page.
bool looks_like_report(std::string_view head);

// `charset` from the HTTP header when known ("" otherwise: the page's meta, else UTF-8 if valid,
// else windows-1251). Throws jb::Error naming `name` and what could not be read.
Report parse_report(std::string_view bytes, const std::string& name, std::string_view charset, const Mappings& mappings);

// "dd.mm.yy" or "dd.mm.yyyy" → "YYYY-MM-DD" ("" when not a date).
std::string report_date(std::string_view text);

}  // namespace jb::netschool
