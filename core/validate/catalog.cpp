#include <vector>

#include "core/validate/rule.hpp"
#include "core/validate/rules.hpp"

namespace jb::validate {
namespace {

using P = ParamType;
constexpr Severity E = Severity::error, W = Severity::warning, I = Severity::info;

const Need marks{"текущие отметки", "SELECT EXISTS(SELECT 1 FROM mark WHERE debt = 0)"};
const Need debts_or_marks{"отметки или долги", "SELECT EXISTS(SELECT 1 FROM mark)"};
const Need mark_times{"время выставления отметок", "SELECT EXISTS(SELECT 1 FROM mark WHERE entered_at IS NOT NULL)"};
const Need written_works{"признак письменной/контрольной работы",
                         "SELECT EXISTS(SELECT 1 FROM work WHERE written = 1 OR control = 1)"};
const Need finals{"итоговые отметки", "SELECT EXISTS(SELECT 1 FROM final_mark)"};
const Need period_finals{"отметки за периоды", "SELECT EXISTS(SELECT 1 FROM final_mark WHERE period_id IS NOT NULL)"};
const Need final_times{"время выставления итоговых отметок",
                       "SELECT EXISTS(SELECT 1 FROM final_mark WHERE entered_at IS NOT NULL)"};
const Need periods{"учебные периоды", "SELECT EXISTS(SELECT 1 FROM period)"};
const Need lessons{"уроки", "SELECT EXISTS(SELECT 1 FROM lesson)"};
const Need topics{"темы уроков", "SELECT EXISTS(SELECT 1 FROM lesson WHERE trim(topic) <> '')"};
const Need homework_times{"время записи домашнего задания",
                          "SELECT EXISTS(SELECT 1 FROM lesson WHERE homework_entered_at IS NOT NULL AND end_time <> '')"};
const Need substitutions{"сведения о заменах",
                         "SELECT EXISTS(SELECT 1 FROM lesson WHERE substitution = 1) OR "
                         "EXISTS(SELECT 1 FROM lesson_teacher WHERE role = 'substitute')"};
const Need attendance{"посещаемость", "SELECT EXISTS(SELECT 1 FROM attendance)"};
const Need teachers{"учителя", "SELECT EXISTS(SELECT 1 FROM person_role WHERE role = 'teacher')"};
const Need enrolments{"зачисления в классы", "SELECT EXISTS(SELECT 1 FROM enrolment)"};
const Need curriculum{"учебный план (часы)",
                      "SELECT EXISTS(SELECT 1 FROM curriculum WHERE hours_per_week IS NOT NULL OR hours_per_year IS NOT NULL)"};
const Need captures{"сохранённые исходные файлы", "SELECT EXISTS(SELECT 1 FROM capture)"};
const Need two_archives{"два архива (jbridge diff СТАРЫЙ НОВЫЙ)", ""};

std::vector<RuleSpec> make_rules() {
    return {
        {"mark.symbol", "003 §4.8", "Отметка не из разрешённых символов", E,
         {{"allowed", P::list, {}, {"1", "2", "3", "4", "5"}},
          {"allow_modifiers", P::boolean, "false"},
          {"attendance_letters", P::list, {}, {"н", "б", "п"}}},
         {marks}, check_mark_symbol},
        {"mark.double-subject", "003 §4.9", "Двойная отметка не по русскому языку и литературе", W,
         {{"group", P::text, "russian-language-and-literature"}}, {marks}, check_mark_double_subject},
        {"mark.first-grade", "004 §3.3", "Отметки в 1 классе", W, {{"grades", P::integer_list, {}, {"1"}}}, {marks},
         check_mark_first_grade},
        {"mark.no-work-type", "002 §5.2 ж; 003 прил. «Преподаватель» 3", "Отметка без вида работы", W, {}, {marks},
         check_mark_no_work_type},
        {"mark.backdated", "000 §4.4.1; 001 §4.2; 003 прил. «Преподаватель» 2", "Отметка выставлена задним числом", W,
         {{"grace_days", P::integer, "0"}, {"exempt_absent", P::boolean, "true"}}, {marks, mark_times},
         check_mark_backdated},
        {"mark.written-late", "002 §5.2 г; 003 прил. «Преподаватель» 9–10",
         "Отметка за письменную работу выставлена позже нормы проверки", W,
         {{"written_days", P::integer, "7"},
          {"control_days", P::integer, "3"},
          {"senior_from_grade", P::integer, "10"},
          {"senior_written_days", P::integer, "7"},
          {"senior_control_days", P::integer, "3"},
          {"exempt_absent", P::boolean, "true"}},
         {marks, mark_times, written_works}, check_mark_written_late},
        {"mark.edit-after-final", "003 прил. «Преподаватель» 5; 001 §4.2",
         "Текущая отметка выставлена или изменена после итоговой за период", W, {},
         {marks, mark_times, period_finals, final_times, periods}, check_mark_edit_after_final},
        {"mark.debt-open", "практика платформ (NetSchool «точка», БАРС «•»)", "Долг не закрыт после окончания периода", W,
         {{"grace_days", P::integer, "0"}}, {debts_or_marks, periods}, check_mark_debt_open},
        {"mark.changed", "001 §4.2", "Отметка изменена или удалена (jbridge diff)", E, {}, {two_archives}, nullptr},

        {"final.symbol", "003 §4.10", "Итоговая отметка не из разрешённых символов", E,
         {{"allowed", P::list, {}, {"1", "2", "3", "4", "5", "зачет", "незачет"}},
          {"allow_modifiers", P::boolean, "false"}},
         {finals}, check_final_symbol},
        {"final.na", "000 §5.3", "«н/а» в итоговой отметке", W,
         {{"values", P::list, {}, {"н/а", "н/a", "на", "н\\а", "не аттестован", "неаттестован"}}}, {finals},
         check_final_na},
        {"final.osv", "000 §5.3", "«осв.» в итоговой отметке", W,
         {{"values", P::list, {}, {"осв", "осв.", "освоб.", "освобожден", "освобождён", "освобождена", "освобождёна"}}},
         {finals}, check_final_osv},
        {"final.missing", "003 прил. «Преподаватель» 5; 001 §4.2", "Нет итоговой отметки за закрытый период", W,
         {{"period_kinds", P::list, {}, {"quarter", "trimester", "half", "module"}},
          {"only_where_class_has_finals", P::boolean, "true"}},
         {period_finals, periods, enrolments, lessons}, check_final_missing},
        {"final.insufficient-marks", "004 §4.2; 000 §5.2", "Мало текущих отметок для итоговой", W,
         {{"small_hours_max", P::real, "2"}, {"min_marks_small", P::integer, "3"}, {"extra_marks", P::integer, "1"}},
         {period_finals, periods}, check_final_insufficient_marks},
        {"final.unjustified", "000 §5.1; 004 §4.1", "Итоговая отметка не обоснована текущими", W,
         {{"max_difference", P::real, "1.0"}, {"min_marks", P::integer, "1"}}, {period_finals, periods, marks},
         check_final_unjustified},
        {"final.deadline", "000 §5.4; 004 §4.4; 003 прил. «Преподаватель» 11; 002 §4.1",
         "Итоговая отметка выставлена вне установленного срока", W,
         {{"earliest_days_before_end", P::integer, "-1"}, {"latest_days_after_end", P::integer, "0"}},
         {period_finals, final_times, periods}, check_final_deadline},

        {"lesson.topic-missing", "001 §4.2; 004 §3.3; 003 §4.5", "Не записана тема прошедшего урока", W, {},
         {lessons, topics}, check_lesson_topic_missing},
        {"lesson.topic-generic", "003 §4.5", "Тема урока не конкретна", W,
         {{"list_file", P::text, "profiles/generic-topics.toml"}}, {topics}, check_lesson_topic_generic},
        {"lesson.topic-abbreviated", "003 §4.5", "Сокращения в теме урока", I,
         {{"abbreviations", P::list, {}, {"реш.", "контр.", "раб.", "упр.", "повт.", "самост.", "зад.", "лаб.", "практ.", "диагн.", "провер.", "словарн."}},
          {"allowed", P::list, {}, {"т.е.", "т.д.", "т.п.", "др.", "пр.", "стр.", "им.", "г.", "гг.", "в.", "вв.", "св.", "см.", "ст."}},
          {"pattern", P::boolean, "true"}},
         {topics}, check_lesson_topic_abbreviated},
        {"lesson.topic-language", "000 §4.4.8; 003 §6.8", "Тема урока записана не на русском языке", W,
         {{"exempt_groups", P::list, {}, {"tatar-language-and-literature"}}}, {topics}, check_lesson_topic_language},
        {"lesson.double-topic", "003 §4.5", "Одинаковые темы у сдвоенных уроков", I, {}, {topics},
         check_lesson_double_topic},
        {"lesson.substitution", "003 §4.11; 000 §4.4.3", "Замена без заменяющего учителя", W, {}, {substitutions},
         check_lesson_substitution},
        {"homework.late", "003 прил. «Преподаватель» 4", "Домашнее задание записано позже срока", I,
         {{"max_hours", P::real, "1.5"}}, {homework_times}, check_homework_late},
        {"journal.stale-week", "004 §3.3", "Неделя без отметок и посещаемости", I, {}, {lessons, debts_or_marks},
         check_journal_stale_week},

        {"attendance.code", "002 §5.2 «Классный руководитель» а; 003 §4.8", "Неизвестный код посещаемости", E, {},
         {attendance}, check_attendance_code},
        {"attendance.no-reason", "002 §5.2 «Классный руководитель» а; 004 §3.2", "Причина пропуска не указана", I,
         {{"days", P::integer, "7"}}, {attendance}, check_attendance_no_reason},
        {"teacher.name-abbreviated", "003 §4.3", "ФИО учителя записано сокращённо", I, {}, {teachers},
         check_teacher_name_abbreviated},
        {"student.outside-enrolment", "003 прил. 16", "Запись вне периода обучения ученика в классе", E, {},
         {enrolments}, check_student_outside_enrolment},
        {"plan.hours-mismatch", "000 §4.4.7", "Число уроков не совпадает с часами учебного плана", W,
         {{"weeks_per_year", P::integer, "34"}, {"weeks_per_year_grade1", P::integer, "33"}, {"tolerance", P::integer, "0"}},
         {curriculum, lessons}, check_plan_hours_mismatch},
        {"plan.program-incomplete", "003 §6.10", "Программа не выполнена: проведено меньше уроков, чем по плану", W,
         {{"weeks_per_year", P::integer, "34"}, {"weeks_per_year_grade1", P::integer, "33"}, {"tolerance", P::integer, "0"}},
         {curriculum, lessons}, check_plan_program_incomplete},

        {"integrity.orphan", "целостность архива", "Ссылка на отсутствующую запись", E, {}, {}, check_integrity_orphan},
        {"integrity.duplicate", "целостность архива", "Один и тот же факт записан дважды", W, {}, {lessons},
         check_integrity_duplicate},
        {"integrity.date-outside-year", "целостность архива", "Дата вне учебного года или в каникулы", W,
         {{"check_holidays", P::boolean, "true"}}, {lessons}, check_integrity_date_outside_year},
        {"privacy.secret-in-capture", "защита данных", "В сохранённом исходном файле остался пароль, токен или cookie", E,
         {{"keys", P::list, {}, {"password", "passwd", "pwd", "pw", "pw2", "access_token", "refresh_token", "auth_token",
                                 "id_token", "token", "sessionid", "session_id", "jsessionid", "nssessionid", "esrnsec",
                                 "sid", "phpsessid", "asp.net_sessionid"}},
          {"headers", P::list, {}, {"cookie", "set-cookie", "authorization", "at", "x-auth-token", "access-token"}},
          {"redacted_markers", P::list, {}, {"redacted", "scrubbed", "removed", "hidden", "***"}}},
         {captures}, check_privacy_secret_in_capture},
    };
}

}  // namespace

const ParamSpec* RuleSpec::param(std::string_view name) const {
    for (const ParamSpec& p : params)
        if (p.name == name) return &p;
    return nullptr;
}

std::span<const RuleSpec> all_rules() {
    static const std::vector<RuleSpec> rules = make_rules();
    return rules;
}

const RuleSpec* find_rule(std::string_view id) {
    for (const RuleSpec& rule : all_rules())
        if (rule.id == id) return &rule;
    return nullptr;
}

}  // namespace jb::validate
