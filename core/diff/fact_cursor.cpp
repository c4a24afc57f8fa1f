#include "core/diff/fact_cursor.hpp"

namespace jb::diff {
namespace {

// Every query: id, compared, shown, is_mark, class id and name, subject id and name, student id
// and name, date, detail. LEFT JOINs keep the fact table the outer loop, so ORDER BY id is the
// rowid order and needs no sort.
constexpr std::string_view person_name =
    "trim(p.last_name || ' ' || p.first_name || ' ' || p.middle_name)";

const std::string mark_sql = std::string(R"sql(
SELECT m.id, m.raw || char(31) || m.value || char(31) || m.modifier || char(31) || m.debt,
       CASE WHEN m.debt = 1 THEN 'долг' || CASE WHEN m.raw <> '' THEN ' ' || m.raw ELSE '' END
            WHEN m.raw <> '' THEN m.raw ELSE m.value || m.modifier END,
       m.debt = 0,
       w.class_id, c.name, w.subject_id, s.name, m.student_id, )sql") + std::string(person_name) + R"sql(,
       coalesce(w.date, l.date, ''),
       CASE WHEN w.type_raw <> '' THEN w.type_raw ELSE w.type END
FROM mark m
LEFT JOIN work w ON w.id = m.work_id
LEFT JOIN lesson l ON l.id = w.lesson_id
LEFT JOIN class c ON c.id = w.class_id
LEFT JOIN subject s ON s.id = w.subject_id
LEFT JOIN person p ON p.id = m.student_id
ORDER BY m.id)sql";

const std::string attendance_sql = std::string(R"sql(
SELECT a.id, coalesce(a.reason, '') || char(31) || a.raw_code,
       CASE a.reason WHEN 'absent-unexcused' THEN 'без уважительной причины'
                     WHEN 'absent-excused' THEN 'по уважительной причине'
                     WHEN 'ill' THEN 'болезнь'
                     WHEN 'late' THEN 'опоздание'
                     WHEN 'released' THEN 'освобождён'
                     WHEN 'absent-unknown' THEN 'причина не указана'
                     ELSE 'код без сопоставления' END
         || CASE WHEN a.raw_code <> '' THEN ', код ' || a.raw_code ELSE '' END,
       0,
       l.class_id, c.name, l.subject_id, s.name, a.student_id, )sql") + std::string(person_name) + R"sql(,
       coalesce(l.date, ''),
       'урок ' || l.number || coalesce(', ' || g.name, '')
FROM attendance a
LEFT JOIN lesson l ON l.id = a.lesson_id
LEFT JOIN class_group g ON g.id = l.group_id
LEFT JOIN class c ON c.id = l.class_id
LEFT JOIN subject s ON s.id = l.subject_id
LEFT JOIN person p ON p.id = a.student_id
WHERE a.reason IS NULL OR a.reason <> 'present'
ORDER BY a.id)sql";

const std::string final_mark_sql = std::string(R"sql(
SELECT f.id, f.raw || char(31) || f.value, CASE WHEN f.raw <> '' THEN f.raw ELSE f.value END, 0,
       f.class_id, c.name, f.subject_id, s.name, f.student_id, )sql") + std::string(person_name) + R"sql(,
       coalesce(pe.end_date, ''),
       CASE f.kind WHEN 'period' THEN coalesce(pe.name, 'за период') WHEN 'year' THEN 'годовая'
                   WHEN 'exam' THEN 'экзаменационная' ELSE 'итоговая' END
FROM final_mark f
LEFT JOIN period pe ON pe.id = f.period_id
LEFT JOIN class c ON c.id = f.class_id
LEFT JOIN subject s ON s.id = f.subject_id
LEFT JOIN person p ON p.id = f.student_id
ORDER BY f.id)sql";

// Blank after stripping white space (incl. no-break and zero-width space) counts as absent, as in stats.
std::string lesson_text_sql(std::string_view column) {
    std::string trimmed = "trim(l." + std::string(column) + ", ' ' || char(9, 10, 13, 160, 8203))";
    return "\nSELECT l.id, " + trimmed + ", " + trimmed + R"sql(, 0,
       l.class_id, c.name, l.subject_id, s.name, 0, '', l.date,
       'урок ' || l.number || coalesce(', ' || g.name, '')
FROM lesson l
LEFT JOIN class_group g ON g.id = l.group_id
LEFT JOIN class c ON c.id = l.class_id
LEFT JOIN subject s ON s.id = l.subject_id
WHERE )sql" + trimmed + " <> ''\nORDER BY l.id";
}

const std::string topic_sql = lesson_text_sql("topic");
const std::string homework_sql = lesson_text_sql("homework");

}  // namespace

std::string_view fact_query(Fact fact) {
    switch (fact) {
        case Fact::mark: return mark_sql;
        case Fact::attendance: return attendance_sql;
        case Fact::final_mark: return final_mark_sql;
        case Fact::topic: return topic_sql;
        case Fact::homework: return homework_sql;
    }
    return mark_sql;
}

FactCursor::FactCursor(sql::Db& db, Fact fact) : stmt_(db, fact_query(fact)) {}

bool FactCursor::next(FactRow& row) {
    if (!stmt_.step()) return false;
    row.id = stmt_.column_int(0);
    row.compared = stmt_.column_text(1);
    row.shown = stmt_.column_text(2);
    row.is_mark = stmt_.column_int(3) != 0;
    FactContext& c = row.context;
    c.class_id = stmt_.column_int(4);
    c.class_name = stmt_.column_text(5);
    c.subject_id = stmt_.column_int(6);
    c.subject_name = stmt_.column_text(7);
    c.student_id = stmt_.column_int(8);
    c.student_name = stmt_.column_text(9);
    c.date = stmt_.column_text(10);
    c.detail = stmt_.column_text(11);
    return true;
}

}  // namespace jb::diff
