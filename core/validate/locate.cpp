#include "core/validate/locate.hpp"

#include "core/sqlite.hpp"
#include "core/validate/context.hpp"

namespace jb::validate {

bool read_mark(RuleContext& c, Id mark, MarkFacts& out) {
    sql::Stmt q(c.db(), "SELECT m.id, m.work_id, m.student_id, w.class_id, w.subject_id, coalesce(w.group_id, 0), "
                        "coalesce(w.lesson_id, 0), m.raw, m.value, coalesce(w.date, l.date, ''), w.type_raw, "
                        "coalesce(m.entered_at, '') FROM mark m JOIN work w ON w.id = m.work_id "
                        "LEFT JOIN lesson l ON l.id = w.lesson_id WHERE m.id = ?");
    q.bind(1, mark);
    if (!q.step()) return false;
    out.mark = q.column_int(0);
    out.work = q.column_int(1);
    out.student = q.column_int(2);
    out.school_class = q.column_int(3);
    out.subject = q.column_int(4);
    out.group = q.column_int(5);
    out.lesson = q.column_int(6);
    out.raw = q.column_text(7);
    out.value = q.column_text(8);
    out.date = q.column_text(9);
    out.type_raw = q.column_text(10);
    out.entered_at = q.column_text(11);
    return true;
}

Finding& add_mark_finding(RuleContext& c, const MarkFacts& mark, std::string message) {
    Finding& f = c.add(std::move(message));
    c.names().locate(f.where, mark.school_class, mark.subject, mark.group, mark.lesson);
    f.where.student = c.names().person_ref(mark.student);
    f.where.mark = {mark.mark, mark.raw.empty() ? mark.value : mark.raw};
    f.where.work = {mark.work, mark.type_raw};
    f.where.date = mark.date;
    return f;
}

bool read_lesson(RuleContext& c, Id lesson, LessonFacts& out) {
    sql::Stmt q(c.db(), "SELECT id, class_id, subject_id, coalesce(group_id, 0), date, number, topic FROM lesson WHERE id = ?");
    q.bind(1, lesson);
    if (!q.step()) return false;
    out.lesson = q.column_int(0);
    out.school_class = q.column_int(1);
    out.subject = q.column_int(2);
    out.group = q.column_int(3);
    out.date = q.column_text(4);
    out.number = q.column_int(5);
    out.topic = q.column_text(6);
    return true;
}

std::string lesson_name(const std::string& date, std::int64_t number) {
    return date + ", урок " + std::to_string(number);
}

Finding& add_lesson_finding(RuleContext& c, const LessonFacts& lesson, std::string message) {
    Finding& f = c.add(std::move(message));
    c.names().locate(f.where, lesson.school_class, lesson.subject, lesson.group, lesson.lesson);
    f.where.lesson = {lesson.lesson, lesson_name(lesson.date, lesson.number)};
    f.where.date = lesson.date;
    return f;
}

double real_of(const Value& value) {
    if (const auto* d = std::get_if<double>(&value)) return *d;
    if (const auto* i = std::get_if<std::int64_t>(&value)) return static_cast<double>(*i);
    return 0;
}

std::string quoted(const std::string& text) { return "«" + text + "»"; }

}  // namespace jb::validate
