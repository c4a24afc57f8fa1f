// Rules about attendance, people and the curriculum (docs/rules.md «Attendance», «People», «Curriculum»).
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "core/sqlite.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"
#include "core/validate/text_checks.hpp"

namespace jb::validate {
namespace {

constexpr std::string_view kAttendanceColumns =
    "SELECT a.id, a.student_id, coalesce(a.raw_code, ''), l.id, l.class_id, l.subject_id, coalesce(l.group_id, 0), "
    "l.date, l.number FROM attendance a JOIN lesson l ON l.id = a.lesson_id";

Finding& add_attendance_finding(RuleContext& c, sql::Stmt& q, std::string message) {
    Finding& f = c.add(std::move(message));
    c.names().locate(f.where, q.column_int(4), q.column_int(5), q.column_int(6), q.column_int(3));
    f.where.student = c.names().person_ref(q.column_int(1));
    f.where.lesson = {q.column_int(3), lesson_name(q.column_text(7), q.column_int(8))};
    f.where.attendance = {q.column_int(0), q.column_text(2)};
    f.where.date = q.column_text(7);
    return f;
}

struct Span {
    Id school_class = 0, group = 0;
    std::int64_t from = 0, to = 0;
};

// Planned lessons of a class-subject for the year: hours a year, else hours a week × weeks.
struct Plan {
    Id school_class = 0, subject = 0, group = 0;
    double hours = 0;
};

std::vector<Plan> planned_hours(RuleContext& c) {
    std::vector<Plan> plans;
    const auto weeks = static_cast<double>(c.integer("weeks_per_year"));
    const auto weeks_first = static_cast<double>(c.integer("weeks_per_year_grade1"));
    sql::Stmt q(c.db(), "SELECT class_id, subject_id, coalesce(group_id, 0), hours_per_week, hours_per_year FROM curriculum "
                        "WHERE hours_per_week IS NOT NULL OR hours_per_year IS NOT NULL");
    while (q.step()) {
        const ClassInfo* cls = c.names().school_class(q.column_int(0));
        if (cls == nullptr) continue;
        Plan p{q.column_int(0), q.column_int(1), q.column_int(2), 0};
        if (!q.column_is_null(4)) p.hours = real_of(q.column(4));
        else p.hours = real_of(q.column(3)) * (cls->grade == 1 ? weeks_first : weeks);
        plans.push_back(p);
    }
    return plans;
}

// Last day of teaching of a school year: the latest of its declared end and its periods' ends.
std::int64_t teaching_end(RuleContext& c, Id year) {
    std::int64_t end = 0;
    for (const PeriodInfo& p : c.names().periods())
        if (p.year == year) end = std::max(end, p.end_day);
    const YearInfo* y = c.names().year(year);
    if (y != nullptr && (y->declared_end || end == 0)) end = std::max(end, y->end_day);
    return end;
}

struct LessonCount {
    std::int64_t all = 0, held = 0;
    std::int64_t last_day = 0;
};

std::map<std::tuple<Id, Id, Id>, LessonCount> count_lessons(RuleContext& c) {
    std::map<std::tuple<Id, Id, Id>, LessonCount> counts;
    sql::Stmt q(c.db(), "SELECT class_id, subject_id, coalesce(group_id, 0), date, "
                        "trim(topic, ' ' || char(9, 10, 13, 160)) <> '' FROM lesson");
    while (q.step()) {
        auto day = day_number(q.column_text(3));
        if (!day) continue;
        LessonCount& n = counts[{q.column_int(0), q.column_int(1), q.column_int(2)}];
        ++n.all;
        if (q.column_int(4) != 0 && *day < c.today()) ++n.held;
        n.last_day = std::max(n.last_day, *day);
    }
    return counts;
}

std::string hours_text(double hours) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", hours);
    return buffer;
}

}  // namespace

void check_attendance_code(RuleContext& c) {
    sql::Stmt q(c.db(), std::string(kAttendanceColumns) + " WHERE a.reason IS NULL ORDER BY l.date");
    while (q.step())
        add_attendance_finding(c, q, "Код посещаемости " + quoted(q.column_text(2)) +
                                         " не сопоставлен ни с одной причиной (не был, уважительная, болезнь, опоздание, "
                                         "освобождён); дополните таблицу сопоставления кодов");
}

void check_attendance_no_reason(RuleContext& c) {
    const std::int64_t days = c.integer("days");
    sql::Stmt q(c.db(), std::string(kAttendanceColumns) + " WHERE a.reason = 'absent-unknown' AND l.date < ? ORDER BY l.date");
    q.bind(1, Value(date_text(c.today() - days)));
    while (q.step())
        add_attendance_finding(c, q, "Пропуск " + q.column_text(7) + " без указания причины дольше " +
                                         std::to_string(days) + " дней");
}

void check_teacher_name_abbreviated(RuleContext& c) {
    sql::Stmt q(c.db(), "SELECT DISTINCT p.id, p.last_name, p.first_name, p.middle_name FROM person p "
                        "JOIN person_role r ON r.person_id = p.id AND r.role = 'teacher' ORDER BY p.last_name");
    while (q.step()) {
        if (!name_is_abbreviated(q.column_text(1), q.column_text(2), q.column_text(3))) continue;
        Finding& f = c.add("ФИО учителя " + quoted(c.names().person_ref(q.column_int(0)).name) +
                           " записано сокращённо: в журнале указывают фамилию, имя и отчество полностью");
        f.where.teacher = c.names().person_ref(q.column_int(0));
    }
}

void check_student_outside_enrolment(RuleContext& c) {
    // Enrolments indexed by student in the connection's temporary schema (the archive stays read-only).
    c.db().exec("DROP TABLE IF EXISTS temp.validate_enrolment;"
                "CREATE TEMP TABLE validate_enrolment AS SELECT student_id, class_id, coalesce(group_id, 0) AS group_id, "
                "CASE WHEN joined = '' THEN '0000-00-00' ELSE joined END AS joined, "
                "CASE WHEN left_on IS NULL OR left_on = '' THEN '9999-99-99' ELSE left_on END AS left_on FROM enrolment;"
                "CREATE INDEX temp.validate_enrolment_by_student ON validate_enrolment(student_id, class_id);"
                "CREATE TEMP TABLE validate_group_members AS SELECT DISTINCT group_id FROM validate_enrolment WHERE group_id <> 0;");
    // Enrolled in the class on that day, and in the group when the group's members are recorded.
    const std::string enrolled =
        "EXISTS (SELECT 1 FROM validate_enrolment e WHERE e.student_id = %student AND e.class_id = %class "
        "AND e.joined <= %date AND e.left_on >= %date AND (%group IS NULL OR e.group_id = %group "
        "OR %group NOT IN (SELECT group_id FROM validate_group_members)))";
    auto fill = [&](std::string text, const std::string& student, const std::string& cls, const std::string& group,
                    const std::string& date) {
        for (const auto& [name, value] : {std::pair<std::string, std::string>{"%student", student}, {"%class", cls},
                                          {"%group", group}, {"%date", date}})
            for (auto at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size()))
                text.replace(at, name.size(), value);
        return text;
    };
    sql::Stmt marks(c.db(), "SELECT m.id, w.group_id IS NOT NULL FROM mark m JOIN work w ON w.id = m.work_id "
                            "LEFT JOIN lesson l ON l.id = w.lesson_id WHERE coalesce(w.date, l.date) IS NOT NULL AND NOT " +
                                fill(enrolled, "m.student_id", "w.class_id", "w.group_id", "coalesce(w.date, l.date)"));
    while (marks.step()) {
        MarkFacts m;
        if (!read_mark(c, marks.column_int(0), m)) continue;
        add_mark_finding(c, m, "Отметка " + quoted(m.raw.empty() ? "долг" : m.raw) + " за " + m.date +
                                   " выставлена, когда ученик не числился в классе" +
                                   (marks.column_int(1) != 0 ? " (группе)" : ""));
    }
    sql::Stmt absences(c.db(), std::string(kAttendanceColumns) + " WHERE NOT " +
                                   fill(enrolled, "a.student_id", "l.class_id", "l.group_id", "l.date"));
    while (absences.step())
        add_attendance_finding(c, absences, "Запись о посещаемости " + quoted(absences.column_text(2)) + " за " +
                                                absences.column_text(7) + ", когда ученик не числился в классе");
    c.db().exec("DROP TABLE temp.validate_enrolment; DROP TABLE temp.validate_group_members;");
}

void check_plan_hours_mismatch(RuleContext& c) {
    const auto tolerance = static_cast<double>(c.integer("tolerance"));
    auto counts = count_lessons(c);
    bool any_complete = false;
    for (const Plan& p : planned_hours(c)) {
        const ClassInfo* cls = c.names().school_class(p.school_class);
        // Only a plan that reaches the last two weeks of teaching can be compared with the year's hours.
        LessonCount n;
        for (const auto& [key, count] : counts) {
            if (std::get<0>(key) != p.school_class || std::get<1>(key) != p.subject) continue;
            if (p.group != 0 && std::get<2>(key) != p.group) continue;
            if (count.all > n.all) n = count;
        }
        const std::int64_t end = teaching_end(c, cls->year);
        if (n.all == 0 || n.last_day < end - 14) continue;
        any_complete = true;
        if (std::fabs(static_cast<double>(n.all) - p.hours) <= tolerance + 1e-9) continue;
        Finding& f = c.add("По предмету «" + c.names().subject_name(p.subject) + "» в тематическом плане " +
                           std::to_string(n.all) + " ур., а по учебному плану " + hours_text(p.hours) + " ч в год");
        c.names().locate(f.where, p.school_class, p.subject, p.group);
        f.where.details.emplace_back("lessons", std::to_string(n.all));
        f.where.details.emplace_back("hours", hours_text(p.hours));
    }
    if (!any_complete) c.not_applicable("уроки в архиве не доходят до конца учебного года (нужен весь тематический план)");
}

void check_plan_program_incomplete(RuleContext& c) {
    const auto tolerance = static_cast<double>(c.integer("tolerance"));
    auto counts = count_lessons(c);
    bool any_year_over = false;
    for (const Plan& p : planned_hours(c)) {
        const ClassInfo* cls = c.names().school_class(p.school_class);
        const std::int64_t end = teaching_end(c, cls->year);
        if (end == 0 || end >= c.today()) continue;
        // A capture that stops before the last two weeks of teaching cannot show the year's lessons.
        std::int64_t class_last_day = 0;
        for (const auto& [key, count] : counts)
            if (std::get<0>(key) == p.school_class) class_last_day = std::max(class_last_day, count.last_day);
        if (class_last_day < end - 14) continue;
        any_year_over = true;
        std::int64_t held = 0;
        for (const auto& [key, count] : counts) {
            if (std::get<0>(key) != p.school_class || std::get<1>(key) != p.subject) continue;
            if (p.group != 0 && std::get<2>(key) != p.group) continue;
            held = std::max(held, count.held);
        }
        if (static_cast<double>(held) + tolerance + 1e-9 >= p.hours) continue;
        Finding& f = c.add("По предмету «" + c.names().subject_name(p.subject) + "» за год проведено (с записанной темой) " +
                           std::to_string(held) + " ур., а по плану " + hours_text(p.hours) + ": программа не выполнена");
        c.names().locate(f.where, p.school_class, p.subject, p.group);
        f.where.details.emplace_back("held", std::to_string(held));
        f.where.details.emplace_back("planned", hours_text(p.hours));
    }
    if (!any_year_over) c.not_applicable("учебный год ещё не закончился или уроки в архиве не доходят до его конца");
}

}  // namespace jb::validate
