#include "tests/support/mini_school.hpp"

#include "core/archive.hpp"
#include "core/record.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"

namespace jb::test {

MiniSchool put_mini_school(Sink& sink) {
    MiniSchool s{};
    using R = RecordBuilder;
    namespace t = tables;
    s.school = R(t::school).set("code", "test-1").set("name", "Школа № 1").set("timezone", "Europe/Moscow").put(sink);
    s.year = R(t::school_year).set("school_id", s.school).set("start_year", 2024).set("start_date", "2024-09-01")
                 .set("end_date", "2025-05-31").put(sink);
    s.quarter = R(t::period).set("year_id", s.year).set("kind", "quarter").set("number", 1).set("name", "1 четверть")
                    .set("start_date", "2024-09-02").set("end_date", "2024-10-25").put(sink);
    R(t::holiday).set("year_id", s.year).set("start_date", "2024-10-26").set("end_date", "2024-11-04")
        .set("name", "Осенние каникулы").put(sink);
    s.subject = R(t::subject).set("school_id", s.school).set("name", "Русский язык").put(sink);
    R(t::subject_alias).set("school_id", s.school).set("platform", "test").set("source_name", "Рус. яз.")
        .set("subject_id", s.subject).put(sink);
    auto person = [&](const char* last, const char* first, const char* middle, const char* role) {
        Id id = R(t::person).set("school_id", s.school).set("last_name", last).set("first_name", first)
                    .set("middle_name", middle).put(sink);
        R(t::person_role).set("person_id", id).set("role", role).put(sink);
        return id;
    };
    s.teacher = person("Белова", "Анна", "Сергеевна", "teacher");
    s.student = person("Орлов", "Пётр", "Ильич", "student");
    s.second_student = person("Зайцева", "Мария", "Олеговна", "student");
    s.parent = person("Орлова", "Елена", "Викторовна", "parent");
    R(t::guardianship).set("parent_id", s.parent).set("student_id", s.student).set("relation", "мать").put(sink);
    s.school_class = R(t::school_class).set("year_id", s.year).set("name", "5А").set("grade", 5).set("letter", "А")
                         .set("head_teacher_id", s.teacher).put(sink);
    s.group = R(t::class_group).set("class_id", s.school_class).set("name", "группа 1").set("subject_id", s.subject)
                  .put(sink);
    for (Id student : {s.student, s.second_student})
        R(t::enrolment).set("student_id", student).set("class_id", s.school_class).set("joined", "2024-09-01").put(sink);
    R(t::teaching_assignment).set("teacher_id", s.teacher).set("class_id", s.school_class).set("subject_id", s.subject)
        .put(sink);
    R(t::curriculum).set("class_id", s.school_class).set("subject_id", s.subject).set("hours_per_week", Value(4.0))
        .put(sink);
    s.lesson = R(t::lesson).set("class_id", s.school_class).set("subject_id", s.subject).set("date", "2024-09-03")
                   .set("number", 2).set("start_time", "09:25").set("end_time", "10:10")
                   .set("topic", "Звуки и буквы").set("homework", "упр. 12").put(sink);
    R(t::lesson_teacher).set("lesson_id", s.lesson).set("teacher_id", s.teacher).set("role", "main").put(sink);
    s.work = R(t::work).set("class_id", s.school_class).set("subject_id", s.subject).set("lesson_id", s.lesson)
                 .set("date", "2024-09-03").set("type_raw", "Диктант").set("type", "dictation")
                 .set("weight", Value(2.0)).set("written", true).put(sink);
    R(t::mark).set("work_id", s.work).set("student_id", s.student).set("position", 0).set("raw", "5").set("value", "5")
        .set("numeric", Value(5.0)).set("entered_at", "2024-09-03T15:00:00+03:00").put(sink);
    R(t::mark).set("work_id", s.work).set("student_id", s.student).set("position", 1).set("raw", "4-").set("value", "4")
        .set("numeric", Value(4.0)).set("modifier", "-").put(sink);
    R(t::mark).set("work_id", s.work).set("student_id", s.second_student).set("position", 0).set("debt", true).put(sink);
    R(t::attendance).set("lesson_id", s.lesson).set("student_id", s.second_student).set("reason", "ill")
        .set("raw_code", "Б").put(sink);
    R(t::final_mark).set("student_id", s.student).set("class_id", s.school_class).set("subject_id", s.subject)
        .set("kind", "period").set("period_id", s.quarter).set("raw", "5").set("value", "5").set("numeric", Value(5.0))
        .put(sink);
    R(t::source_id).set("platform", "test").set("instance", "test.invalid").set("entity", "person")
        .set("source_id", "1000000000000000001").set("entity_id", Value(s.student)).put(sink);
    return s;
}

MiniSchool make_mini_archive(const std::string& path) {
    Archive archive = Archive::create(path);
    sql::Transaction transaction(archive.db());
    migrate(archive.db());
    Store store(archive.db());
    MiniSchool school = put_mini_school(store);
    transaction.commit();
    archive.publish();
    return school;
}

}  // namespace jb::test
