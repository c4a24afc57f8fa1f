#include "core/diff/fact_cursor.hpp"

namespace jb::diff {
namespace {

// A fact kind as SQL: the table (aliased `x`), its value columns (compared, shown, is_mark), an
// optional filter, and how to reach its context. The scan reads only the fact table in rowid (= id)
// order; the context is looked up by id for the few facts that changed.
struct FactSql {
    std::string scan;
    std::string context;
};

constexpr std::string_view person_name = "trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name)";

FactSql make(std::string_view table, std::string_view values, std::string_view filter, std::string_view context_columns,
             std::string_view joins) {
    std::string from = " FROM \"" + std::string(table) + "\" x";
    std::string where = filter.empty() ? "" : " WHERE " + std::string(filter);
    return {"SELECT x.id, " + std::string(values) + from + where + " ORDER BY x.id",
            "SELECT " + std::string(context_columns) + from + " " + std::string(joins) + " WHERE x.id = ?1"};
}

// Context columns: class id and name, subject id and name, student id and name, date, detail.
FactSql mark_sql() {
    return make("mark",
                "x.raw || char(31) || x.value || char(31) || x.modifier || char(31) || x.debt, "
                "CASE WHEN x.debt = 1 THEN 'долг' || CASE WHEN x.raw <> '' THEN ' ' || x.raw ELSE '' END "
                "WHEN x.raw <> '' THEN x.raw ELSE x.value || x.modifier END, x.debt = 0",
                "",
                "w.class_id, c.name, w.subject_id, s.name, x.student_id, " + std::string(person_name) +
                    ", coalesce(w.date, l.date, ''), CASE WHEN w.type_raw <> '' THEN w.type_raw ELSE w.type END",
                "LEFT JOIN work w ON w.id = x.work_id LEFT JOIN lesson l ON l.id = w.lesson_id "
                "LEFT JOIN class c ON c.id = w.class_id LEFT JOIN subject s ON s.id = w.subject_id "
                "LEFT JOIN person p ON p.id = x.student_id");
}

FactSql attendance_sql() {
    return make("attendance",
                "coalesce(x.reason, '') || char(31) || x.raw_code, "
                "CASE x.reason WHEN 'absent-unexcused' THEN 'без уважительной причины' "
                "WHEN 'absent-excused' THEN 'по уважительной причине' WHEN 'ill' THEN 'болезнь' "
                "WHEN 'late' THEN 'опоздание' WHEN 'released' THEN 'освобождён' "
                "WHEN 'absent-unknown' THEN 'причина не указана' ELSE 'код без сопоставления' END "
                "|| CASE WHEN x.raw_code <> '' THEN ', код ' || x.raw_code ELSE '' END, 0",
                "x.reason IS NULL OR x.reason <> 'present'",
                "l.class_id, c.name, l.subject_id, s.name, x.student_id, " + std::string(person_name) +
                    ", coalesce(l.date, ''), 'урок ' || l.number || coalesce(', ' || g.name, '')",
                "LEFT JOIN lesson l ON l.id = x.lesson_id LEFT JOIN class_group g ON g.id = l.group_id "
                "LEFT JOIN class c ON c.id = l.class_id LEFT JOIN subject s ON s.id = l.subject_id "
                "LEFT JOIN person p ON p.id = x.student_id");
}

FactSql final_mark_sql() {
    return make("final_mark", "x.raw || char(31) || x.value, CASE WHEN x.raw <> '' THEN x.raw ELSE x.value END, 0", "",
                "x.class_id, c.name, x.subject_id, s.name, x.student_id, " + std::string(person_name) +
                    ", coalesce(pe.end_date, ''), CASE x.kind WHEN 'period' THEN coalesce(pe.name, 'за период') "
                    "WHEN 'year' THEN 'годовая' WHEN 'exam' THEN 'экзаменационная' ELSE 'итоговая' END",
                "LEFT JOIN period pe ON pe.id = x.period_id LEFT JOIN class c ON c.id = x.class_id "
                "LEFT JOIN subject s ON s.id = x.subject_id LEFT JOIN person p ON p.id = x.student_id");
}

// Blank after stripping white space (incl. no-break and zero-width space) counts as absent, as in stats.
FactSql lesson_text_sql(std::string_view column) {
    std::string trimmed = "trim(x." + std::string(column) + ", ' ' || char(9, 10, 13, 160, 8203))";
    return make("lesson", trimmed + ", " + trimmed + ", 0", trimmed + " <> ''",
                "x.class_id, c.name, x.subject_id, s.name, 0, '', x.date, "
                "'урок ' || x.number || coalesce(', ' || g.name, '')",
                "LEFT JOIN class_group g ON g.id = x.group_id LEFT JOIN class c ON c.id = x.class_id "
                "LEFT JOIN subject s ON s.id = x.subject_id");
}

const FactSql& sql_of(Fact fact) {
    static const FactSql mark = mark_sql(), attendance = attendance_sql(), final_mark = final_mark_sql(),
                         topic = lesson_text_sql("topic"), homework = lesson_text_sql("homework");
    switch (fact) {
        case Fact::mark: return mark;
        case Fact::attendance: return attendance;
        case Fact::final_mark: return final_mark;
        case Fact::topic: return topic;
        case Fact::homework: return homework;
    }
    return mark;
}

}  // namespace

std::string_view fact_query(Fact fact) { return sql_of(fact).scan; }

FactCursor::FactCursor(sql::Db& db, Fact fact) : scan_(db, sql_of(fact).scan), context_(db, sql_of(fact).context) {}

bool FactCursor::next(FactRow& row) {
    if (!scan_.step()) return false;
    row.id = scan_.column_int(0);
    row.compared = scan_.column_text(1);
    row.shown = scan_.column_text(2);
    row.is_mark = scan_.column_int(3) != 0;
    return true;
}

FactContext FactCursor::context(Id id) {
    FactContext c;
    context_.bind(1, id);
    if (context_.step()) {
        c.class_id = context_.column_int(0);
        c.class_name = context_.column_text(1);
        c.subject_id = context_.column_int(2);
        c.subject_name = context_.column_text(3);
        c.student_id = context_.column_int(4);
        c.student_name = context_.column_text(5);
        c.date = context_.column_text(6);
        c.detail = context_.column_text(7);
    }
    context_.reset();
    return c;
}

}  // namespace jb::diff
