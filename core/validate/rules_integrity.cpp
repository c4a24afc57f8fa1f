// Integrity rules every profile runs (docs/rules.md «Integrity»).
#include <map>
#include <set>

#include "core/entities.hpp"
#include "core/sqlite.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"

namespace jb::validate {
namespace {

std::string quoted_name(std::string_view name) { return "\"" + std::string(name) + "\""; }

void report_orphan(RuleContext& c, std::string_view table, Id record, std::string_view column, std::string_view target,
                   Id missing) {
    Finding& f = c.add("Запись " + std::string(table) + " " + id_to_hex(record) + " ссылается (" + std::string(column) +
                       ") на отсутствующую запись " + std::string(target) + " " + id_to_hex(missing));
    f.where.details.emplace_back("table", std::string(table));
    f.where.details.emplace_back("record_id", id_to_hex(record));
    f.where.details.emplace_back("column", std::string(column));
    f.where.details.emplace_back("missing_id", id_to_hex(missing));
    if (table == "mark") {
        MarkFacts m;
        if (read_mark(c, record, m)) {
            c.names().locate(f.where, m.school_class, m.subject, m.group, m.lesson);
            f.where.date = m.date;
        }
        f.where.mark.id = record;
    } else if (table == "lesson") {
        f.where.lesson.id = record;
    }
}

}  // namespace

void check_integrity_orphan(RuleContext& c) {
    for (const TableSpec* spec : all_tables()) {
        for (const Column& column : spec->columns) {
            if (column.type != ColumnType::ref && column.type != ColumnType::opt_ref) continue;
            sql::Stmt q(c.db(), "SELECT c.id, c." + quoted_name(column.name) + " FROM " + quoted_name(spec->table) +
                                    " c WHERE c." + quoted_name(column.name) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " +
                                    quoted_name(column.ref_table) + " r WHERE r.id = c." + quoted_name(column.name) + ")");
            while (q.step()) report_orphan(c, spec->table, q.column_int(0), column.name, column.ref_table, q.column_int(1));
        }
    }
    // source_id names its entity's table in a column: no foreign key can check it.
    sql::Stmt entities(c.db(), "SELECT DISTINCT entity FROM source_id");
    std::vector<std::string> names;
    while (entities.step()) names.push_back(entities.column_text(0));
    for (const std::string& entity : names) {
        if (find_table(entity) == nullptr) continue;
        sql::Stmt q(c.db(), "SELECT s.id, s.entity_id FROM source_id s WHERE s.entity = ? AND NOT EXISTS (SELECT 1 FROM " +
                                quoted_name(entity) + " r WHERE r.id = s.entity_id)");
        q.bind(1, std::string_view(entity));
        while (q.step()) report_orphan(c, "source_id", q.column_int(0), "entity_id", entity, q.column_int(1));
    }
}

void check_integrity_duplicate(RuleContext& c) {
    // The same lesson twice: same class, group, subject and day, and the same number or start time.
    std::map<Id, Id> duplicate_of;  // later lesson → earlier one
    sql::Stmt lessons(c.db(), "SELECT a.id, b.id FROM lesson a JOIN lesson b ON b.class_id = a.class_id AND b.date = a.date "
                              "AND b.subject_id = a.subject_id AND coalesce(b.group_id, 0) = coalesce(a.group_id, 0) "
                              "AND b.id <> a.id AND (b.number = a.number OR (a.start_time <> '' AND b.start_time = a.start_time)) "
                              "AND b.id < a.id ORDER BY a.date, a.number");
    while (lessons.step()) duplicate_of.emplace(lessons.column_int(0), lessons.column_int(1));
    for (const auto& [later, earlier] : duplicate_of) {
        LessonFacts l;
        if (!read_lesson(c, later, l)) continue;
        Finding& f = add_lesson_finding(c, l, "Урок " + l.date + " (" + std::to_string(l.number) +
                                                  "-й) записан дважды: тот же класс, предмет, день и номер или время");
        f.where.details.emplace_back("duplicate_of", id_to_hex(earlier));
    }
    // The same mark twice: same student, same value, works of the same type on duplicate lessons.
    sql::Stmt marks(c.db(), "SELECT m2.id, m1.id FROM work w1 JOIN work w2 ON w2.lesson_id = ? AND w2.type_raw = w1.type_raw "
                            "JOIN mark m1 ON m1.work_id = w1.id JOIN mark m2 ON m2.work_id = w2.id "
                            "AND m2.student_id = m1.student_id AND m2.value = m1.value AND m2.debt = m1.debt "
                            "WHERE w1.lesson_id = ?");
    sql::Stmt absences(c.db(), "SELECT a2.id, a2.student_id, a2.raw_code FROM attendance a1 JOIN attendance a2 "
                               "ON a2.lesson_id = ? AND a2.student_id = a1.student_id "
                               "AND coalesce(a2.reason, '') = coalesce(a1.reason, '') WHERE a1.lesson_id = ?");
    for (const auto& [later, earlier] : duplicate_of) {
        marks.bind(1, later).bind(2, earlier);
        std::vector<std::pair<Id, Id>> pairs;
        while (marks.step()) pairs.emplace_back(marks.column_int(0), marks.column_int(1));
        marks.reset();
        for (const auto& [mark, first] : pairs) {
            MarkFacts m;
            if (!read_mark(c, mark, m)) continue;
            Finding& f = add_mark_finding(c, m, "Отметка " + quoted(m.raw) + " за " + m.date +
                                                    " записана дважды (на двух копиях одного урока)");
            f.where.details.emplace_back("duplicate_of", id_to_hex(first));
        }
        LessonFacts l;
        if (!read_lesson(c, later, l)) continue;
        absences.bind(1, later).bind(2, earlier);
        while (absences.step()) {
            Finding& f = add_lesson_finding(c, l, "Запись о посещаемости " + quoted(absences.column_text(2)) +
                                                      " за " + l.date + " записана дважды (на двух копиях одного урока)");
            f.where.student = c.names().person_ref(absences.column_int(1));
            f.where.attendance = {absences.column_int(0), absences.column_text(2)};
        }
        absences.reset();
    }
}

void check_integrity_date_outside_year(RuleContext& c) {
    const bool check_holidays = c.flag("check_holidays");
    std::map<Id, std::vector<std::tuple<std::int64_t, std::int64_t, std::string>>> holidays;  // by year
    sql::Stmt h(c.db(), "SELECT year_id, start_date, end_date, name FROM holiday");
    while (h.step()) {
        auto from = day_number(h.column_text(1)), to = day_number(h.column_text(2));
        if (from && to) holidays[h.column_int(0)].emplace_back(*from, *to, h.column_text(3));
    }
    // Why a date of a class's year is wrong, or "".
    auto problem = [&](Id school_class, const std::string& date) -> std::string {
        const ClassInfo* cls = c.names().school_class(school_class);
        auto day = day_number(date);
        if (cls == nullptr || !day) return "";
        if (const YearInfo* y = c.names().year(cls->year); y && (*day < y->start_day || *day > y->end_day))
            return "вне учебного года " + date_text(y->start_day) + " — " + date_text(y->end_day);
        if (!check_holidays) return "";
        for (const auto& [from, to, name] : holidays[cls->year])
            if (*day >= from && *day <= to)
                return "в каникулы" + (name.empty() ? std::string() : " («" + name + "»)");
        return "";
    };
    sql::Stmt lessons(c.db(), "SELECT id, class_id, subject_id, coalesce(group_id, 0), date, number, topic FROM lesson "
                              "ORDER BY date, number");
    while (lessons.step()) {
        std::string why = problem(lessons.column_int(1), lessons.column_text(4));
        if (why.empty()) continue;
        LessonFacts l{lessons.column_int(0), lessons.column_int(1), lessons.column_int(2), lessons.column_int(3),
                      lessons.column_text(4), lessons.column_text(6), lessons.column_int(5)};
        add_lesson_finding(c, l, "Урок " + l.date + " " + why);
    }
    // Works dated on their own (without a lesson, or on another day than their lesson) carry marks.
    sql::Stmt works(c.db(), "SELECT w.id, w.class_id, w.subject_id, coalesce(w.group_id, 0), w.date, w.type_raw "
                            "FROM work w LEFT JOIN lesson l ON l.id = w.lesson_id "
                            "WHERE w.date IS NOT NULL AND (l.id IS NULL OR l.date <> w.date) ORDER BY w.date");
    while (works.step()) {
        std::string why = problem(works.column_int(1), works.column_text(4));
        if (why.empty()) continue;
        Finding& f = c.add("Работа «" + works.column_text(5) + "» с отметками датирована " + works.column_text(4) + " " + why);
        c.names().locate(f.where, works.column_int(1), works.column_int(2), works.column_int(3));
        f.where.work = {works.column_int(0), works.column_text(5)};
        f.where.date = works.column_text(4);
    }
}

}  // namespace jb::validate
