// Rules about current marks (docs/rules.md «Marks»).
#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/mark_value.hpp"
#include "core/sqlite.hpp"
#include "core/subject_names.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"

namespace jb::validate {
namespace {

bool contains(const std::vector<std::string>& list, const std::string& value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

// Whether the student was recorded absent at the lesson: a mark entered later is a make-up.
bool absent_at(RuleContext& c, Id lesson, Id student) {
    if (lesson == 0) return false;
    sql::Stmt q(c.db(), "SELECT 1 FROM attendance WHERE lesson_id = ? AND student_id = ? "
                        "AND coalesce(reason, '') <> 'present' LIMIT 1");
    q.bind(1, lesson).bind(2, student);
    return q.step();
}

std::string days_word(std::int64_t n) {
    std::int64_t tens = n % 100, ones = n % 10;
    if (tens >= 11 && tens <= 14) return std::to_string(n) + " дней";
    if (ones == 1) return std::to_string(n) + " день";
    if (ones >= 2 && ones <= 4) return std::to_string(n) + " дня";
    return std::to_string(n) + " дней";
}

}  // namespace

void check_mark_symbol(RuleContext& c) {
    const auto allowed = c.list("allowed"), letters = c.list("attendance_letters");
    const bool allow_modifiers = c.flag("allow_modifiers");
    std::string allowed_text;
    for (const auto& s : allowed) allowed_text += (allowed_text.empty() ? "" : " ") + s;
    sql::Stmt q(c.db(), "SELECT id, value, modifier FROM mark WHERE debt = 0 AND value <> ''");
    while (q.step()) {
        const std::string value = q.column_text(1), modifier = q.column_text(2);
        if (contains(letters, value)) continue;
        const bool bad_symbol = !contains(allowed, value);
        const bool bad_modifier = !modifier.empty() && !allow_modifiers;
        if (!bad_symbol && !bad_modifier) continue;
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        add_mark_finding(c, m, "Отметка " + quoted(m.raw.empty() ? value : m.raw) +
                                   " не из разрешённых символов (" + allowed_text + ")" +
                                   (bad_symbol ? "" : ": знаки «+» и «-» не допускаются"));
    }
}

void check_mark_double_subject(RuleContext& c) {
    const std::string group = c.text("group");
    sql::Stmt q(c.db(), "SELECT m.id, w.subject_id FROM mark m JOIN work w ON w.id = m.work_id "
                        "WHERE m.position = 1 AND m.debt = 0");
    sql::Stmt cell(c.db(), "SELECT group_concat(v, '/') FROM (SELECT coalesce(nullif(raw, ''), value) AS v FROM mark "
                           "WHERE work_id = ? AND student_id = ? ORDER BY position)");
    while (q.step()) {
        if (c.subjects().in_group(c.names().subject_name(q.column_int(1)), group)) continue;
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        cell.bind(1, m.work).bind(2, m.student);
        std::string written = cell.step() ? cell.column_text(0) : m.value;
        cell.reset();
        Finding& f = add_mark_finding(c, m, "Двойная отметка " + quoted(written) + " по предмету «" +
                                                c.names().subject_name(m.subject) +
                                                "»: две отметки в одной клетке допускаются только по русскому языку и литературе");
        f.where.mark.name = written;
    }
}

void check_mark_first_grade(RuleContext& c) {
    std::string grades;
    for (const auto& g : c.list("grades")) grades += (grades.empty() ? "" : ", ") + std::to_string(std::stoll(g));
    if (grades.empty()) return;
    sql::Stmt q(c.db(), "SELECT m.id, c.grade FROM class c CROSS JOIN work w ON w.class_id = c.id CROSS JOIN mark m ON m.work_id = w.id "
                        "WHERE c.grade IN (" + grades + ") AND m.debt = 0 AND m.value <> ''");
    while (q.step()) {
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        add_mark_finding(c, m, "Отметка " + quoted(m.raw) + " в " + std::to_string(q.column_int(1)) +
                                   " классе: в первом классе отметки не выставляются (безотметочное обучение)");
    }
}

void check_mark_no_work_type(RuleContext& c) {
    sql::Stmt q(c.db(), "SELECT m.id FROM mark m JOIN work w ON w.id = m.work_id "
                        "WHERE m.debt = 0 AND m.value <> '' AND trim(w.type_raw) = '' AND trim(w.type) = '' AND trim(w.title) = ''");
    while (q.step()) {
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        add_mark_finding(c, m, "У отметки " + quoted(m.raw) + " не указан вид работы");
    }
}

void check_mark_backdated(RuleContext& c) {
    const std::int64_t grace = c.integer("grace_days");
    const bool exempt_absent = c.flag("exempt_absent");
    const int offset = c.names().offset_minutes();
    sql::Stmt q(c.db(), "SELECT m.id, m.entered_at, coalesce(w.date, l.date), coalesce(w.lesson_id, 0), m.student_id "
                        "FROM mark m JOIN work w ON w.id = m.work_id LEFT JOIN lesson l ON l.id = w.lesson_id "
                        "WHERE m.entered_at IS NOT NULL AND m.debt = 0 AND w.written = 0 AND w.control = 0");
    while (q.step()) {
        auto entered = local_day(q.column_text(1), offset);
        auto lesson_day = day_number(q.column_text(2));
        if (!entered || !lesson_day || *entered <= *lesson_day + grace) continue;
        if (exempt_absent && absent_at(c, q.column_int(3), q.column_int(4))) continue;
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        Finding& f = add_mark_finding(c, m, "Отметка " + quoted(m.raw) + " за " + m.date + " выставлена " +
                                                date_text(*entered) + ", через " + days_word(*entered - *lesson_day) +
                                                " после урока");
        f.where.details.emplace_back("entered_at", m.entered_at);
    }
}

void check_mark_written_late(RuleContext& c) {
    const std::int64_t written_days = c.integer("written_days"), control_days = c.integer("control_days");
    const std::int64_t senior_grade = c.integer("senior_from_grade");
    const std::int64_t senior_written = c.integer("senior_written_days"), senior_control = c.integer("senior_control_days");
    const bool exempt_absent = c.flag("exempt_absent");
    const int offset = c.names().offset_minutes();
    sql::Stmt q(c.db(), "SELECT m.id, m.entered_at, coalesce(w.date, l.date), coalesce(w.lesson_id, 0), m.student_id, "
                        "w.control, w.class_id FROM mark m JOIN work w ON w.id = m.work_id "
                        "LEFT JOIN lesson l ON l.id = w.lesson_id "
                        "WHERE m.entered_at IS NOT NULL AND m.debt = 0 AND (w.written = 1 OR w.control = 1)");
    while (q.step()) {
        auto entered = local_day(q.column_text(1), offset);
        auto work_day = day_number(q.column_text(2));
        if (!entered || !work_day) continue;
        const ClassInfo* cls = c.names().school_class(q.column_int(6));
        const bool senior = cls != nullptr && cls->grade >= senior_grade;
        const bool control = q.column_int(5) != 0;
        const std::int64_t norm = control ? (senior ? senior_control : control_days) : (senior ? senior_written : written_days);
        if (*entered <= *work_day + norm) continue;
        if (exempt_absent && absent_at(c, q.column_int(3), q.column_int(4))) continue;
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        Finding& f = add_mark_finding(c, m, "Отметка " + quoted(m.raw) + " за " + (control ? "контрольную" : "письменную") +
                                                " работу от " + m.date + " выставлена " + date_text(*entered) +
                                                ": через " + days_word(*entered - *work_day) + " при норме " + days_word(norm));
        f.where.details.emplace_back("entered_at", m.entered_at);
    }
}

void check_mark_edit_after_final(RuleContext& c) {
    const int offset = c.names().offset_minutes();
    // Final marks of periods with their entry time: (student, class, subject, period) → seconds.
    std::map<std::tuple<Id, Id, Id, Id>, std::pair<std::int64_t, std::string>> finals;
    sql::Stmt f(c.db(), "SELECT student_id, class_id, subject_id, period_id, entered_at FROM final_mark "
                        "WHERE period_id IS NOT NULL AND entered_at IS NOT NULL");
    while (f.step()) {
        auto at = timestamp_seconds(f.column_text(4), offset);
        if (!at) continue;
        auto key = std::tuple{f.column_int(0), f.column_int(1), f.column_int(2), f.column_int(3)};
        auto it = finals.find(key);
        if (it == finals.end() || *at < it->second.first) finals[key] = {*at, f.column_text(4)};
    }
    sql::Stmt q(c.db(), "SELECT m.id, m.student_id, w.class_id, w.subject_id, coalesce(w.date, l.date), m.entered_at "
                        "FROM mark m JOIN work w ON w.id = m.work_id LEFT JOIN lesson l ON l.id = w.lesson_id "
                        "WHERE m.entered_at IS NOT NULL AND m.debt = 0");
    while (q.step()) {
        auto day = day_number(q.column_text(4));
        auto at = timestamp_seconds(q.column_text(5), offset);
        const ClassInfo* cls = c.names().school_class(q.column_int(2));
        if (!day || !at || cls == nullptr) continue;
        for (const PeriodInfo& p : c.names().periods()) {
            if (p.year != cls->year || *day < p.start_day || *day > p.end_day) continue;
            auto it = finals.find({q.column_int(1), q.column_int(2), q.column_int(3), p.id});
            if (it == finals.end() || *at <= it->second.first) continue;
            MarkFacts m;
            if (!read_mark(c, q.column_int(0), m)) break;
            Finding& finding = add_mark_finding(c, m, "Отметка " + quoted(m.raw) + " за " + m.date + " выставлена или изменена " +
                                                          m.entered_at + ", после итоговой отметки за «" + p.name +
                                                          "» (" + it->second.second + ")");
            finding.where.period = {p.id, p.name};
            finding.where.details.emplace_back("entered_at", m.entered_at);
            finding.where.details.emplace_back("final_entered_at", it->second.second);
            break;
        }
    }
}

void check_mark_debt_open(RuleContext& c) {
    const std::int64_t grace = c.integer("grace_days");
    sql::Stmt q(c.db(), "SELECT m.id, coalesce(w.date, l.date), w.class_id FROM mark m JOIN work w ON w.id = m.work_id "
                        "LEFT JOIN lesson l ON l.id = w.lesson_id WHERE m.debt = 1");
    while (q.step()) {
        auto day = day_number(q.column_text(1));
        const ClassInfo* cls = c.names().school_class(q.column_int(2));
        if (!day || cls == nullptr) continue;
        const PeriodInfo* p = c.names().period_of(cls->year, *day);
        if (p == nullptr || p->end_day + grace >= c.today()) continue;
        MarkFacts m;
        if (!read_mark(c, q.column_int(0), m)) continue;
        Finding& f = add_mark_finding(c, m, "Долг за " + m.date + " (" + (m.type_raw.empty() ? "работа" : m.type_raw) +
                                                ") не закрыт, хотя период «" + p->name + "» закончился " + p->end);
        f.where.period = {p->id, p->name};
        f.where.mark.name = "долг";
    }
}

}  // namespace jb::validate
