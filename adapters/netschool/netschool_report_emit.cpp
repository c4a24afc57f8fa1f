// Report pages → attendance (studenttotal) and final marks (studenttotalmarks). Report days carry
// no lesson id: a day's codes go to that day's lessons of the subject found in the capture's
// diary or journal, in lesson order; without them, to a lesson numbered 0 ("the report does not say").
#include <algorithm>

#include "adapters/netschool/netschool_steps.hpp"
#include "core/error.hpp"
#include "core/mark_value.hpp"
#include "core/subject_names.hpp"
#include "core/unknown_values.hpp"

namespace jb::netschool {
namespace {

// The report prints «Фамилия Имя»; the capture may know the pupil's full name and id.
std::pair<std::string, std::int64_t> resolve_pupil(const std::string& printed, const CaptureIndex& index) {
    for (const auto* names : {&index.full_names, &index.nick_names})
        for (const auto& [id, name] : *names)
            if (name == printed || name.starts_with(printed + " ")) return {index.student_name(id), id};
    return {printed, 0};
}

std::string subject_of_group(const std::string& group_name) {
    std::size_t slash = group_name.find('/');
    if (slash == std::string::npos) return "";
    std::size_t second = group_name.find('/', slash + 1);
    return group_name.substr(slash + 1, second == std::string::npos ? std::string::npos : second - slash - 1);
}

struct DayLesson {
    int number = 0;
    std::int64_t meeting = 0;
    const LessonMeta* meta = nullptr;
};

// Lessons of the capture by (date, canonical subject), in lesson-number order.
std::map<std::pair<std::string, std::string>, std::vector<DayLesson>> lessons_by_day(const CaptureIndex& index) {
    std::map<std::pair<std::string, std::string>, std::vector<DayLesson>> days;
    for (const auto& [id, meta] : index.lessons) {
        std::string subject = meta.subject;
        if (subject.empty())
            if (auto group = index.groups.find(meta.group); group != index.groups.end()) subject = subject_of_group(group->second.name);
        if (subject.empty() || meta.date.empty()) continue;
        days[{meta.date, SubjectNames::standard().canonical(subject)}].push_back({meta.number, id, &meta});
    }
    for (auto& [key, lessons] : days)
        std::sort(lessons.begin(), lessons.end(), [](const DayLesson& a, const DayLesson& b) {
            return std::tie(a.number, a.meeting) < std::tie(b.number, b.meeting);
        });
    return days;
}

void emit_absences(const Report& report, const CaptureIndex& index, Emitter& out, const std::string& pupil_name,
                   std::int64_t pupil_id) {
    Id class_id = out.class_id(report.header.class_name);
    Id student = out.student(pupil_name, pupil_id, class_id, std::nullopt);
    auto days = lessons_by_day(index);
    for (const ReportAbsence& absence : report.absences) {
        Subject subject = out.subject(absence.subject);
        auto known = days.find({absence.date, subject.canonical});
        for (std::size_t k = 0; k < absence.codes.size(); ++k) {
            LessonFacts facts{class_id, std::nullopt, subject.id, absence.date, static_cast<int>(k), "", "", "", "", 0};
            if (known != days.end()) {
                const DayLesson& lesson = known->second[std::min(k, known->second.size() - 1)];
                if (lesson.meta->in_journal) continue;  // the journal already holds this lesson's attendance
                facts.number = lesson.number;
                facts.start = lesson.meta->start;
                facts.end = lesson.meta->end;
                facts.meeting = lesson.meeting;
                if (auto group = index.groups.find(lesson.meta->group); group != index.groups.end())
                    if (auto placed = out.subject_group(group->second.name, lesson.meta->group)) {
                        facts.class_id = placed->class_id;
                        facts.group = placed->group;
                        facts.subject_id = placed->subject.id;
                    }
            }
            Id lesson_id = out.lesson(facts);
            std::string local, name;
            if (auto reason = index.reasons.find(absence.codes[k]); reason != index.reasons.end()) {
                local = reason->second.local_code;
                name = reason->second.name;
            }
            out.attendance(lesson_id, student, absence.codes[k], local, name);
        }
    }
}

void emit_finals(const Report& report, const CaptureIndex& index, Emitter& out, const std::string& pupil_name,
                 std::int64_t pupil_id) {
    Id class_id = out.class_id(report.header.class_name);
    Id student = out.student(pupil_name, pupil_id, class_id, std::nullopt);
    for (const ReportFinal& cell : report.finals) {
        Subject subject = out.subject(cell.subject);
        std::optional<Id> period;
        if (cell.kind == "period") {
            std::string start, end;
            std::int64_t term_id = 0;
            for (const auto& [id, term] : index.terms)
                if (subject_match_key(term.name) == subject_match_key(cell.period_name)) {
                    start = term.start;
                    end = term.end;
                    term_id = id;
                }
            period = out.period(cell.period_name, start, end, term_id);
            if (!period) continue;  // noted as an unknown term name
        }
        std::string value = final_value(cell.raw, false, 0, 0, 0, out);
        if (!value.empty()) out.final_mark(student, class_id, subject.id, cell.kind, period, cell.raw, value);
    }
}

}  // namespace

void emit_report(const Report& report, const CaptureIndex& index, Emitter& out, const std::string& place) {
    if (report.kind == ReportKind::student_grades) {
        // Its works and marks are the diary's; nothing here that the diary lacks.
        if (out.unknowns()) out.unknowns()->note("report not imported (the diary holds its marks)", place, "docs/netschool.md");
        return;
    }
    auto [pupil_name, pupil_id] = resolve_pupil(report.header.student, index);
    if (report.kind == ReportKind::student_total) emit_absences(report, index, out, pupil_name, pupil_id);
    else emit_finals(report, index, out, pupil_name, pupil_id);
}

}  // namespace jb::netschool
