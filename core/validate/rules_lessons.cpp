// Rules about lessons, topics, homework and journal regularity (docs/rules.md «Lessons, topics, homework»).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/entities.hpp"
#include "core/mapping_file.hpp"
#include "core/sqlite.hpp"
#include "core/subject_names.hpp"
#include "core/validate/context.hpp"
#include "core/validate/dates.hpp"
#include "core/validate/locate.hpp"
#include "core/validate/rules.hpp"
#include "core/validate/text_checks.hpp"

namespace jb::validate {
namespace {

constexpr std::string_view kLessonColumns =
    "SELECT id, class_id, subject_id, coalesce(group_id, 0), date, number, topic FROM lesson";

LessonFacts lesson_row(sql::Stmt& q) {
    LessonFacts l;
    l.lesson = q.column_int(0);
    l.school_class = q.column_int(1);
    l.subject = q.column_int(2);
    l.group = q.column_int(3);
    l.date = q.column_text(4);
    l.number = q.column_int(5);
    l.topic = q.column_text(6);
    return l;
}

MappingFile load_list_file(const std::string& name) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(name, ec)) return MappingFile::load_path(name);
    return MappingFile::load(name);
}

}  // namespace

void check_lesson_topic_missing(RuleContext& c) {
    sql::Stmt q(c.db(), std::string(kLessonColumns) +
                            " WHERE trim(topic, ' ' || char(9, 10, 13, 160)) = '' AND date < ? ORDER BY date, number");
    q.bind(1, Value(date_text(c.today())));
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        add_lesson_finding(c, l, "Не записана тема урока " + l.date + " (" + std::to_string(l.number) + "-й урок)");
    }
}

void check_lesson_topic_generic(RuleContext& c) {
    const std::string file_name = c.text("list_file");
    MappingFile file = load_list_file(file_name);
    std::set<std::string> generic;
    for (const std::string& topic : file.list("generic", "topics")) generic.insert(topic_key(topic));
    sql::Stmt q(c.db(), std::string(kLessonColumns) + " WHERE topic <> '' ORDER BY date, number");
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        const std::string key = topic_key(l.topic);
        if (key.empty() || !generic.count(key)) continue;
        add_lesson_finding(c, l, "Тема " + quoted(collapse_spaces(l.topic)) +
                                     " не называет изучаемый материал: нужно указать, что именно повторяли или решали");
    }
}

void check_lesson_topic_abbreviated(RuleContext& c) {
    const auto abbreviations = c.list("abbreviations"), allowed = c.list("allowed");
    const bool pattern = c.flag("pattern");
    sql::Stmt q(c.db(), std::string(kLessonColumns) + " WHERE topic LIKE '%.%' ORDER BY date, number");
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        auto words = abbreviated_words(l.topic, abbreviations, allowed, pattern);
        if (words.empty()) continue;
        std::string list;
        for (const auto& w : words) list += (list.empty() ? "" : ", ") + quoted(w);
        Finding& f = add_lesson_finding(c, l, "В теме " + quoted(collapse_spaces(l.topic)) + " сокращения: " + list +
                                                  "; тему записывают полностью");
        f.where.details.emplace_back("abbreviations", list);
    }
}

void check_lesson_topic_language(RuleContext& c) {
    const auto exempt = c.list("exempt_groups");
    sql::Stmt q(c.db(), std::string(kLessonColumns) + " WHERE topic <> '' ORDER BY date, number");
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        if (has_cyrillic_letter(l.topic) || !has_non_cyrillic_letter(l.topic)) continue;
        const std::string subject = c.names().subject_name(l.subject);
        if (std::any_of(exempt.begin(), exempt.end(), [&](const std::string& g) { return c.subjects().in_group(subject, g); }))
            continue;
        add_lesson_finding(c, l, "Тема " + quoted(collapse_spaces(l.topic)) +
                                     " записана не по-русски: записи в журнале ведутся на русском языке");
    }
}

void check_lesson_double_topic(RuleContext& c) {
    sql::Stmt q(c.db(), std::string(kLessonColumns) + " WHERE topic <> '' ORDER BY class_id, coalesce(group_id, 0), "
                                                      "subject_id, date, number");
    LessonFacts previous;
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        const bool same_day = previous.lesson != 0 && previous.school_class == l.school_class &&
                              previous.group == l.group && previous.subject == l.subject && previous.date == l.date;
        if (same_day && topic_key(previous.topic) == topic_key(l.topic) && !topic_key(l.topic).empty()) {
            Finding& f = add_lesson_finding(c, l, "У уроков " + std::to_string(previous.number) + " и " +
                                                      std::to_string(l.number) + " " + l.date + " одна и та же тема " +
                                                      quoted(collapse_spaces(l.topic)) +
                                                      ": у сдвоенных уроков записывают тему каждого урока");
            f.where.details.emplace_back("previous_lesson_id", id_to_hex(previous.lesson));
        }
        previous = l;
    }
}

void check_lesson_substitution(RuleContext& c) {
    sql::Stmt q(c.db(), std::string(kLessonColumns) +
                            " WHERE substitution = 1 AND NOT EXISTS (SELECT 1 FROM lesson_teacher t "
                            "WHERE t.lesson_id = lesson.id AND t.role = 'substitute') ORDER BY date, number");
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        add_lesson_finding(c, l, "Урок " + l.date + " отмечен как замена, но заменяющий учитель не указан");
    }
}

void check_homework_late(RuleContext& c) {
    const double max_hours = c.real("max_hours");
    const int offset = c.names().offset_minutes();
    sql::Stmt q(c.db(), "SELECT id, class_id, subject_id, coalesce(group_id, 0), date, number, topic, end_time, "
                        "homework_entered_at FROM lesson WHERE homework_entered_at IS NOT NULL AND end_time <> '' "
                        "AND trim(homework, ' ' || char(9, 10, 13, 160)) <> '' ORDER BY date, number");
    while (q.step()) {
        LessonFacts l = lesson_row(q);
        auto end = local_seconds(l.date, q.column_text(7), offset);
        auto entered = timestamp_seconds(q.column_text(8), offset);
        if (!end || !entered) continue;
        const std::int64_t late = *entered - *end;
        if (static_cast<double>(late) <= max_hours * 3600.0) continue;
        char hours[32];
        std::snprintf(hours, sizeof hours, "%.1f", static_cast<double>(late) / 3600.0);
        Finding& f = add_lesson_finding(c, l, "Домашнее задание к уроку " + l.date + " записано " + q.column_text(8) +
                                                  ", через " + hours + " ч после окончания урока");
        f.where.details.emplace_back("homework_entered_at", q.column_text(8));
    }
}

void check_journal_stale_week(RuleContext& c) {
    using Key = std::tuple<Id, Id, Id, std::int64_t>;  // class, subject, group, Monday
    auto monday = [](std::int64_t day) { return day - weekday(day); };
    std::set<Key> covered;
    auto cover = [&](sql::Stmt& q) {
        while (q.step()) {
            auto day = day_number(q.column_text(3));
            if (day) covered.insert({q.column_int(0), q.column_int(1), q.column_int(2), monday(*day)});
        }
    };
    sql::Stmt marked(c.db(), "SELECT DISTINCT w.class_id, w.subject_id, coalesce(w.group_id, 0), coalesce(w.date, l.date) "
                             "FROM work w LEFT JOIN lesson l ON l.id = w.lesson_id "
                             "WHERE EXISTS (SELECT 1 FROM mark m WHERE m.work_id = w.id)");
    cover(marked);
    sql::Stmt attended(c.db(), "SELECT DISTINCT l.class_id, l.subject_id, coalesce(l.group_id, 0), l.date "
                               "FROM attendance a JOIN lesson l ON l.id = a.lesson_id");
    cover(attended);
    std::map<Key, std::int64_t> weeks;  // → lessons that week
    sql::Stmt lessons(c.db(), "SELECT class_id, subject_id, coalesce(group_id, 0), date FROM lesson");
    while (lessons.step()) {
        auto day = day_number(lessons.column_text(3));
        if (!day || monday(*day) + 7 > c.today()) continue;
        ++weeks[{lessons.column_int(0), lessons.column_int(1), lessons.column_int(2), monday(*day)}];
    }
    for (const auto& [key, count] : weeks) {
        const auto& [school_class, subject, group, week] = key;
        if (covered.count(key) || covered.count({school_class, subject, 0, week})) continue;
        Finding& f = c.add("Неделя с " + date_text(week) + " по " + date_text(week + 6) + ": " + std::to_string(count) +
                           " ур. по предмету «" + c.names().subject_name(subject) +
                           "», но ни одной отметки и ни одной записи о посещаемости");
        c.names().locate(f.where, school_class, subject, group);
        f.where.date = date_text(week);
    }
}

}  // namespace jb::validate
