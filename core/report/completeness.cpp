#include "core/report/completeness.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "core/sqlite.hpp"

namespace jb::report {
namespace {

// Blank after stripping white space (incl. no-break and zero-width space) is no text, as in stats.
std::string filled(std::string_view column) {
    return "(trim(" + std::string(column) + ", ' ' || char(9, 10, 13, 160, 8203)) <> '')";
}

// Marks are counted in one pass over the mark table (grouped by student, class, subject and
// period) and joined to every (student, class-subject, period) that should have marks.
constexpr std::string_view student_marks_sql = R"sql(
WITH used_period AS (
  SELECT pe.* FROM period pe
  WHERE pe.kind = (SELECT kind FROM period p2 WHERE p2.year_id = pe.year_id AND p2.kind <> 'year'
                   GROUP BY kind ORDER BY count(*) DESC, kind LIMIT 1)),
lesson_unit AS MATERIALIZED (SELECT DISTINCT class_id, subject_id, group_id FROM lesson),
class_subject AS (
  SELECT class_id, subject_id, max(group_id IS NULL) AS whole_class FROM lesson_unit GROUP BY class_id, subject_id),
member AS (
  SELECT cs.class_id, cs.subject_id, e.student_id, min(e.joined) AS joined,
         max(coalesce(e.left_on, '9999-12-31')) AS left_on
  FROM class_subject cs JOIN enrolment e ON e.class_id = cs.class_id
  WHERE cs.whole_class = 1 OR EXISTS (SELECT 1 FROM lesson_unit u WHERE u.class_id = cs.class_id
                                      AND u.subject_id = cs.subject_id AND u.group_id = e.group_id)
  GROUP BY cs.class_id, cs.subject_id, e.student_id),
mark_count AS (
  SELECT m.student_id, w.class_id, w.subject_id, pe.id AS period_id, count(*) AS marks
  FROM mark m JOIN work w ON w.id = m.work_id LEFT JOIN lesson l ON l.id = w.lesson_id
  JOIN class c ON c.id = w.class_id
  JOIN used_period pe ON pe.year_id = c.year_id AND coalesce(w.date, l.date) BETWEEN pe.start_date AND pe.end_date
  WHERE m.debt = 0
  GROUP BY m.student_id, w.class_id, w.subject_id, pe.id)
SELECT mb.class_id, c.name, mb.subject_id, s.name, pe.id, pe.name, mb.student_id,
       trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name), coalesce(mc.marks, 0)
FROM member mb
JOIN class c ON c.id = mb.class_id
JOIN subject s ON s.id = mb.subject_id
JOIN person p ON p.id = mb.student_id
JOIN used_period pe ON pe.year_id = c.year_id AND pe.start_date <= ?1
  AND mb.joined <= pe.end_date AND mb.left_on >= pe.start_date
LEFT JOIN mark_count mc ON mc.student_id = mb.student_id AND mc.class_id = mb.class_id
  AND mc.subject_id = mb.subject_id AND mc.period_id = pe.id
ORDER BY c.name, s.name, pe.start_date, p.last_name, p.first_name, p.middle_name, mb.student_id)sql";

std::string class_subject_fill_sql() {
    return "SELECT l.class_id, c.name, l.subject_id, s.name, count(*), sum(" + filled("l.topic") + "), sum(" +
           filled("l.homework") +
           ")\nFROM lesson l JOIN class c ON c.id = l.class_id JOIN subject s ON s.id = l.subject_id\n"
           "WHERE l.date <= ?1 GROUP BY l.class_id, l.subject_id ORDER BY c.name, s.name";
}

std::string teacher_fill_sql() {
    return "SELECT t.teacher_id, trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name), count(*), sum(" +
           filled("l.topic") + "), sum(" + filled("l.homework") +
           ")\nFROM (SELECT DISTINCT teacher_id, lesson_id FROM lesson_teacher WHERE role IN ('main', 'substitute')) t\n"
           "JOIN lesson l ON l.id = t.lesson_id JOIN person p ON p.id = t.teacher_id\n"
           "WHERE l.date <= ?1 GROUP BY t.teacher_id ORDER BY 2, t.teacher_id";
}

double percent(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

LessonFill fill_from(const sql::Stmt& stmt, int first) {
    return {stmt.column_int(first), stmt.column_int(first + 1), stmt.column_int(first + 2)};
}

}  // namespace

double LessonFill::topic_percent() const { return percent(with_topic, lessons); }
double LessonFill::homework_percent() const { return percent(with_homework, lessons); }

double ClassSubjectCompleteness::marks_per_student_period() const {
    return student_periods == 0 ? 0.0 : static_cast<double>(marks) / static_cast<double>(student_periods);
}

Completeness compute_completeness(sql::Db& db, const std::string& as_of) {
    Completeness result;
    result.as_of = as_of;

    using Key = std::tuple<std::string, std::string, Id, Id>;  // class name, subject name, ids: report order
    std::map<Key, ClassSubjectCompleteness> by_class_subject;
    auto entry = [&](Id class_id, const std::string& class_name, Id subject_id, const std::string& subject_name)
        -> ClassSubjectCompleteness& {
        ClassSubjectCompleteness& item = by_class_subject[Key{class_name, subject_name, class_id, subject_id}];
        item.class_id = class_id;
        item.subject_id = subject_id;
        item.class_name = class_name;
        item.subject_name = subject_name;
        return item;
    };

    sql::Stmt fill(db, class_subject_fill_sql());
    fill.bind(1, std::string_view(as_of));
    while (fill.step()) {
        entry(fill.column_int(0), fill.column_text(1), fill.column_int(2), fill.column_text(3)).fill = fill_from(fill, 4);
        LessonFill one = fill_from(fill, 4);
        result.total.lessons += one.lessons;
        result.total.with_topic += one.with_topic;
        result.total.with_homework += one.with_homework;
    }

    sql::Stmt marks(db, student_marks_sql);
    marks.bind(1, std::string_view(as_of));
    while (marks.step()) {
        StudentPeriodMarks row{marks.column_int(0),  marks.column_int(2),  marks.column_int(4),
                               marks.column_int(6),  marks.column_text(1), marks.column_text(3),
                               marks.column_text(5), marks.column_text(7), marks.column_int(8)};
        ClassSubjectCompleteness& item = entry(row.class_id, row.class_name, row.subject_id, row.subject_name);
        item.min_marks = item.student_periods == 0 ? row.marks : std::min(item.min_marks, row.marks);
        ++item.student_periods;
        item.marks += row.marks;
        if (row.marks == 0) ++item.without_marks;
        ++result.student_periods;
        result.marks += row.marks;
        result.student_marks.push_back(std::move(row));
    }
    for (auto& [key, item] : by_class_subject) result.class_subjects.push_back(std::move(item));

    sql::Stmt teachers(db, teacher_fill_sql());
    teachers.bind(1, std::string_view(as_of));
    while (teachers.step())
        result.teachers.push_back({teachers.column_int(0), teachers.column_text(1), fill_from(teachers, 2)});
    return result;
}

}  // namespace jb::report
