// Journal completeness: marks per student per subject per period, topic and homework fill rates.
#include <gtest/gtest.h>

#include "core/archive.hpp"
#include "core/record.hpp"
#include "core/report/completeness.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using R = RecordBuilder;
namespace t = tables;

// The mini school (5А, Русский язык: one lesson on 03.09 with topic and homework; Орлов «5» and «4-»,
// Зайцева a debt) grown by hand so every number below can be counted:
//   Русский язык (whole class): lessons 05.09 (no topic, blank homework), 10.09 (topic, substitute
//     Кузнецов), 06.11 (topic and homework, marks Орлов «4», Зайцева «3»), 20.11 (after the as-of date).
//   Английский язык in a group of Орлов only: lessons 06.09 (topic, mark Орлов «5») and 13.09 (topic and
//     homework, Белова as assistant); a mark on 28.10 falls in the holidays, in no quarter.
//   Quarters 1 (02.09–25.10) and 2 (05.11–27.12), and a year period that is not counted.
struct Grown {
    Id belova, kuznetsov, english;
};

Grown grow(const test::MiniSchool& s, Sink& sink) {
    Grown g{};
    R(t::period).set("year_id", s.year).set("kind", "quarter").set("number", 2).set("name", "2 четверть")
        .set("start_date", "2024-11-05").set("end_date", "2024-12-27").put(sink);
    R(t::period).set("year_id", s.year).set("kind", "year").set("number", 1).set("name", "Год")
        .set("start_date", "2024-09-01").set("end_date", "2025-05-31").put(sink);
    g.belova = s.teacher;
    g.kuznetsov = R(t::person).set("school_id", s.school).set("last_name", "Кузнецов").set("first_name", "Олег")
                      .set("middle_name", "Петрович").put(sink);
    R(t::person_role).set("person_id", g.kuznetsov).set("role", "teacher").put(sink);
    auto lesson = [&](Id subject, Id group, const char* date, const char* topic, const char* homework, Id teacher,
                      const char* role) {
        R builder(t::lesson);
        builder.set("class_id", s.school_class).set("subject_id", subject).set("date", date).set("number", 3)
            .set("start_time", "10:20").set("topic", topic).set("homework", homework);
        if (group) builder.set("group_id", group);
        Id id = builder.put(sink);
        R(t::lesson_teacher).set("lesson_id", id).set("teacher_id", teacher).set("role", role).put(sink);
        return id;
    };
    auto mark = [&](Id subject, Id group, Id lesson_id, const char* date, Id student, const char* value) {
        R work(t::work);
        work.set("class_id", s.school_class).set("subject_id", subject).set("date", date).set("type_raw", "Ответ");
        if (lesson_id) work.set("lesson_id", lesson_id);
        if (group) work.set("group_id", group);
        R(t::mark).set("work_id", work.put(sink)).set("student_id", student).set("raw", value).set("value", value)
            .put(sink);
    };
    Id russian = s.subject;
    lesson(russian, 0, "2024-09-05", "", " \u00a0 ", g.belova, "main");
    lesson(russian, 0, "2024-09-10", "Гласные звуки", "", g.kuznetsov, "substitute");
    Id november = lesson(russian, 0, "2024-11-06", "Согласные звуки", "упр. 20", g.belova, "main");
    mark(russian, 0, november, "2024-11-06", s.student, "4");
    mark(russian, 0, november, "2024-11-06", s.second_student, "3");
    lesson(russian, 0, "2024-11-20", "Ещё не проведён", "упр. 30", g.belova, "main");

    g.english = R(t::subject).set("school_id", s.school).set("name", "Английский язык").put(sink);
    Id group = R(t::class_group).set("class_id", s.school_class).set("name", "Английский язык, группа 1")
                   .set("subject_id", g.english).put(sink);
    R(t::enrolment).set("student_id", s.student).set("class_id", s.school_class).set("group_id", group)
        .set("joined", "2024-09-01").put(sink);
    Id first = lesson(g.english, group, "2024-09-06", "Greetings", "", g.kuznetsov, "main");
    Id second = lesson(g.english, group, "2024-09-13", "Моя семья", "с. 10", g.kuznetsov, "main");
    R(t::lesson_teacher).set("lesson_id", second).set("teacher_id", g.belova).set("role", "assistant").put(sink);
    mark(g.english, group, first, "2024-09-06", s.student, "5");
    mark(g.english, group, 0, "2024-10-28", s.student, "4");
    return g;
}

class Completeness : public ::testing::Test {
protected:
    void SetUp() override {
        test::MiniSchool school = test::make_mini_archive(dir.path("a.sqlite"));
        Archive archive = Archive::open_write(dir.path("a.sqlite"));
        sql::Transaction transaction(archive.db());
        Store store(archive.db());
        grown = grow(school, store);
        transaction.commit();
    }
    report::Completeness compute(const std::string& as_of) {
        Archive archive = Archive::open_read(dir.path("a.sqlite"));
        return report::compute_completeness(archive.db(), as_of);
    }
    test::TempDir dir;
    Grown grown{};
};

TEST_F(Completeness, MarksPerStudentPerSubjectPerPeriod) {
    report::Completeness c = compute("2024-11-10");
    ASSERT_EQ(c.student_marks.size(), 6u);
    auto row = [&](std::size_t i) {
        const auto& r = c.student_marks[i];
        return r.subject_name + " | " + r.period_name + " | " + r.student_name + " | " + std::to_string(r.marks);
    };
    EXPECT_EQ(row(0), "Английский язык | 1 четверть | Орлов Пётр Ильич | 1");
    EXPECT_EQ(row(1), "Английский язык | 2 четверть | Орлов Пётр Ильич | 0");
    EXPECT_EQ(row(2), "Русский язык | 1 четверть | Зайцева Мария Олеговна | 0");  // a debt is no mark
    EXPECT_EQ(row(3), "Русский язык | 1 четверть | Орлов Пётр Ильич | 2");
    EXPECT_EQ(row(4), "Русский язык | 2 четверть | Зайцева Мария Олеговна | 1");
    EXPECT_EQ(row(5), "Русский язык | 2 четверть | Орлов Пётр Ильич | 1");
    EXPECT_EQ(c.student_periods, 6);
    EXPECT_EQ(c.marks, 5);
}

TEST_F(Completeness, ClassSubjectFillRatesAndMarkAggregates) {
    report::Completeness c = compute("2024-11-10");
    ASSERT_EQ(c.class_subjects.size(), 2u);
    const auto& english = c.class_subjects[0];
    EXPECT_EQ(english.subject_name, "Английский язык");
    EXPECT_EQ(english.fill.lessons, 2);
    EXPECT_EQ(english.fill.with_topic, 2);
    EXPECT_EQ(english.fill.with_homework, 1);
    EXPECT_DOUBLE_EQ(english.fill.homework_percent(), 50.0);
    EXPECT_EQ(english.student_periods, 2);
    EXPECT_EQ(english.marks, 1);
    EXPECT_EQ(english.min_marks, 0);
    EXPECT_EQ(english.without_marks, 1);
    EXPECT_DOUBLE_EQ(english.marks_per_student_period(), 0.5);
    const auto& russian = c.class_subjects[1];
    EXPECT_EQ(russian.class_name, "5А");
    EXPECT_EQ(russian.fill.lessons, 4);  // 20.11 is after the as-of date
    EXPECT_EQ(russian.fill.with_topic, 3);
    EXPECT_EQ(russian.fill.with_homework, 2);  // blank homework does not count
    EXPECT_DOUBLE_EQ(russian.fill.topic_percent(), 75.0);
    EXPECT_EQ(russian.student_periods, 4);
    EXPECT_EQ(russian.marks, 4);
    EXPECT_EQ(russian.min_marks, 0);
    EXPECT_EQ(russian.without_marks, 1);
    EXPECT_EQ(c.total.lessons, 6);
    EXPECT_EQ(c.total.with_topic, 5);
    EXPECT_EQ(c.total.with_homework, 3);
}

TEST_F(Completeness, TeacherFillCountsMainAndSubstituteNotAssistant) {
    report::Completeness c = compute("2024-11-10");
    ASSERT_EQ(c.teachers.size(), 2u);
    EXPECT_EQ(c.teachers[0].name, "Белова Анна Сергеевна");
    EXPECT_EQ(c.teachers[0].fill.lessons, 3);
    EXPECT_EQ(c.teachers[0].fill.with_topic, 2);
    EXPECT_EQ(c.teachers[0].fill.with_homework, 2);
    EXPECT_EQ(c.teachers[1].name, "Кузнецов Олег Петрович");
    EXPECT_EQ(c.teachers[1].teacher_id, grown.kuznetsov);
    EXPECT_EQ(c.teachers[1].fill.lessons, 3);
    EXPECT_EQ(c.teachers[1].fill.with_topic, 3);
    EXPECT_EQ(c.teachers[1].fill.with_homework, 1);
}

TEST_F(Completeness, PeriodsNotYetStartedAreSkipped) {
    report::Completeness c = compute("2024-10-01");
    EXPECT_EQ(c.student_marks.size(), 3u);  // quarter 1 only
    EXPECT_EQ(c.marks, 3);
    EXPECT_EQ(c.total.lessons, 5);
    EXPECT_EQ(c.class_subjects[1].fill.lessons, 3);
}

TEST(CompletenessEmpty, AnEmptyArchiveGivesZeros) {
    test::TempDir dir;
    Archive archive = Archive::create(dir.path("e.sqlite"));
    sql::Transaction transaction(archive.db());
    migrate(archive.db());
    transaction.commit();
    report::Completeness c = report::compute_completeness(archive.db(), "2025-01-01");
    EXPECT_TRUE(c.class_subjects.empty());
    EXPECT_EQ(c.total.lessons, 0);
    EXPECT_DOUBLE_EQ(c.total.topic_percent(), 0.0);
}

}  // namespace
}  // namespace jb
