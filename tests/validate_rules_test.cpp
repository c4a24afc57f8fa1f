// Every rule of docs/rules.md (except retention.*): a minimal archive where it fires and a near-miss
// where it must not. The archive is the mini school (tests/support/mini_school.cpp) plus a few records.
#include <gtest/gtest.h>

#include <functional>

#include "core/archive.hpp"
#include "core/capture.hpp"
#include "core/record.hpp"
#include "core/schema.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "core/validate/engine.hpp"
#include "core/validate/profile.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::validate {
namespace {

using R = RecordBuilder;
namespace t = tables;
using test::MiniSchool;
using Extra = std::function<void(Sink&, const MiniSchool&)>;
using Raw = std::function<void(sql::Db&, const MiniSchool&)>;

struct Outcome {
    std::vector<Finding> findings;
    bool not_applicable = false;
    std::size_t size() const { return findings.size(); }
    const Finding& operator[](std::size_t i) const { return findings.at(i); }
};

// Runs one rule, set by `settings` (TOML lines of its table), on the mini school plus `extra`.
Outcome check(const std::string& rule, const Extra& extra, const std::string& settings = "",
              const std::string& as_of = "2025-01-15", const Raw& raw = {}) {
    test::TempDir dir;
    const std::string path = dir.path("a.sqlite");
    MiniSchool school{};
    {
        Archive archive = Archive::create(path);
        sql::Transaction transaction(archive.db());
        migrate(archive.db());
        Store store(archive.db());
        school = test::put_mini_school(store);
        if (extra) extra(store, school);
        transaction.commit();
        archive.publish();
    }
    if (raw) {
        sql::Db db(path, sql::Db::Mode::read_write);
        db.exec("PRAGMA foreign_keys = OFF");
        raw(db, school);
    }
    Profile profile = parse_profile("[rules.\"" + rule + "\"]\n" + settings + "\n", "test.toml", "test");
    Archive archive = Archive::open_read(path);
    ValidateOptions options;
    options.as_of = as_of;
    ValidationResult result = run_validation(archive.db(), profile, options);
    Outcome outcome;
    outcome.findings = result.findings;
    outcome.not_applicable = !result.not_applicable.empty();
    for (const Finding& f : outcome.findings) EXPECT_EQ(f.rule, rule);
    return outcome;
}

Id subject(Sink& sink, const MiniSchool& s, const char* name) {
    return R(t::subject).set("school_id", s.school).set("name", name).put(sink);
}

Id lesson(Sink& sink, const MiniSchool& s, Id subject_id, const char* date, int number, const char* topic,
          const std::function<void(R&)>& more = {}) {
    R r(t::lesson);
    r.set("class_id", s.school_class).set("subject_id", subject_id).set("date", date).set("number", number)
        .set("start_time", "08:30").set("end_time", "09:15").set("topic", topic);
    if (more) more(r);
    return r.put(sink);
}

Id work(Sink& sink, const MiniSchool& s, Id subject_id, Id lesson_id, const char* date, const char* type_raw,
        const std::function<void(R&)>& more = {}) {
    R r(t::work);
    r.set("class_id", s.school_class).set("subject_id", subject_id).set("lesson_id", lesson_id).set("date", date)
        .set("type_raw", type_raw).set("type", type_raw[0] ? "answer" : "");
    if (more) more(r);
    return r.put(sink);
}

Id mark(Sink& sink, Id work_id, Id student, const char* raw, int position = 0, const char* entered_at = nullptr) {
    R r(t::mark);
    r.set("work_id", work_id).set("student_id", student).set("position", position).set("raw", raw).set("value", raw);
    if (raw[0] >= '1' && raw[0] <= '5' && raw[1] == '\0') r.set("numeric", Value(double(raw[0] - '0')));
    if (entered_at) r.set("entered_at", entered_at);
    return r.put(sink);
}

Id final_mark(Sink& sink, const MiniSchool& s, Id student, const char* raw, const char* entered_at = nullptr,
              const char* value = nullptr) {
    R r(t::final_mark);
    r.set("student_id", student).set("class_id", s.school_class).set("subject_id", s.subject).set("kind", "period")
        .set("period_id", s.quarter).set("raw", raw).set("value", value ? value : raw);
    if (raw[0] >= '1' && raw[0] <= '5' && raw[1] == '\0') r.set("numeric", Value(double(raw[0] - '0')));
    if (entered_at) r.set("entered_at", entered_at);
    return r.put(sink);
}

std::string detail(const Finding& f, const std::string& key) {
    for (const auto& [k, v] : f.where.details)
        if (k == key) return v;
    return "";
}

// ---- Marks ----

TEST(MarkSymbol, FiresOnModifiersAndUnlistedSymbolsUnderMosreg) {
    auto r = check("mark.symbol", [](Sink& sink, const MiniSchool& s) {
        Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "Ответ на уроке");
        mark(sink, w, s.student, "1");
    }, "allowed = [\"2\", \"3\", \"4\", \"5\"]");
    ASSERT_EQ(r.size(), 2u);  // the mini school's «4-» and the «1»
    EXPECT_EQ(r[0].where.mark.name, "4-");
    EXPECT_EQ(r[0].severity, Severity::error);
    EXPECT_EQ(r[1].where.mark.name, "1");
    EXPECT_EQ(r[1].where.student.name, "Орлов Пётр Ильич");
    EXPECT_EQ(r[1].where.teacher.name, "Белова Анна Сергеевна");
    EXPECT_EQ(r[1].where.school_class.name, "5А");
}

TEST(MarkSymbol, NearMissAttendanceLettersAndAllowedModifiersAreNotMarks) {
    auto r = check("mark.symbol", [](Sink& sink, const MiniSchool& s) {
        Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "Ответ на уроке");
        mark(sink, w, s.student, "н");
    }, "allowed = [\"2\", \"3\", \"4\", \"5\"]\nallow_modifiers = true");
    EXPECT_EQ(r.size(), 0u);
}

TEST(MarkDoubleSubject, FiresOnADoubleMarkInMathematics) {
    auto r = check("mark.double-subject", [](Sink& sink, const MiniSchool& s) {
        Id math = subject(sink, s, "Матем.");
        Id l = lesson(sink, s, math, "2024-09-04", 1, "Сложение дробей");
        Id w = work(sink, s, math, l, "2024-09-04", "Самостоятельная работа");
        mark(sink, w, s.student, "5", 0);
        mark(sink, w, s.student, "4", 1);
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.mark.name, "5/4");
    EXPECT_EQ(r[0].where.subject.name, "Математика");
}

TEST(MarkDoubleSubject, NearMissA54InRussianLanguageUnderAnyOfItsNames) {
    // The mini school's «5/4-» is in «Русский язык»; a literature lesson under a short name too.
    auto r = check("mark.double-subject", [](Sink& sink, const MiniSchool& s) {
        Id literature = subject(sink, s, "Лит-ра");
        Id l = lesson(sink, s, literature, "2024-09-04", 1, "Басни Крылова");
        Id w = work(sink, s, literature, l, "2024-09-04", "Сочинение");
        mark(sink, w, s.student, "5", 0);
        mark(sink, w, s.student, "4", 1);
    }, "severity = \"error\"");
    EXPECT_EQ(r.size(), 0u);
}

TEST(MarkFirstGrade, FiresOnAMarkInGradeOneOnly) {
    auto r = check("mark.first-grade", [](Sink& sink, const MiniSchool& s) {
        Id first = R(t::school_class).set("year_id", s.year).set("name", "1Б").set("grade", 1).set("letter", "Б").put(sink);
        Id l = R(t::lesson).set("class_id", first).set("subject_id", s.subject).set("date", "2024-09-05").set("number", 1)
                   .set("start_time", "08:30").set("topic", "Буква А").put(sink);
        Id w = R(t::work).set("class_id", first).set("subject_id", s.subject).set("lesson_id", l).set("date", "2024-09-05")
                   .set("type_raw", "Ответ на уроке").put(sink);
        mark(sink, w, s.student, "5");
        mark(sink, w, s.second_student, "", 0);  // an empty cell is no mark
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.school_class.name, "1Б");
}

TEST(MarkFirstGrade, NearMissGradeFiveMarks) {
    EXPECT_EQ(check("mark.first-grade", {}).size(), 0u);
}

TEST(MarkNoWorkType, FiresOnAMarkWithoutWorkTypeButNotOnDebts) {
    auto r = check("mark.no-work-type", [](Sink& sink, const MiniSchool& s) {
        Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "");
        mark(sink, w, s.student, "4");
        R(t::mark).set("work_id", w).set("student_id", s.second_student).set("position", 0).set("debt", true).put(sink);
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.mark.name, "4");
}

TEST(MarkNoWorkType, NearMissTheMiniSchoolsDictation) { EXPECT_EQ(check("mark.no-work-type", {}).size(), 0u); }

Extra oral_mark_entered(const char* entered_at, bool absent) {
    return [=](Sink& sink, const MiniSchool& s) {
        Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "Ответ на уроке");
        mark(sink, w, s.student, "4", 0, entered_at);
        if (absent)
            R(t::attendance).set("lesson_id", s.lesson).set("student_id", s.student).set("reason", "absent-unexcused")
                .set("raw_code", "н").put(sink);
    };
}

TEST(MarkBackdated, FiresOnAnOralMarkEnteredThreeDaysLater) {
    auto r = check("mark.backdated", oral_mark_entered("2024-09-06T10:00:00+03:00", false));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.date, "2024-09-03");
    EXPECT_EQ(detail(r[0], "entered_at"), "2024-09-06T10:00:00+03:00");
}

TEST(MarkBackdated, NearMissTheSameDayBeforeMidnightAndAnAbsenceMadeUpLater) {
    EXPECT_EQ(check("mark.backdated", oral_mark_entered("2024-09-03T23:59:00+03:00", false)).size(), 0u);
    // 20:30 UTC is 23:30 in Moscow: still the lesson day.
    EXPECT_EQ(check("mark.backdated", oral_mark_entered("2024-09-03T20:30:00Z", false)).size(), 0u);
    // Absent at the lesson, mark after the make-up: not backdated.
    EXPECT_EQ(check("mark.backdated", oral_mark_entered("2024-09-10T10:00:00+03:00", true)).size(), 0u);
}

TEST(MarkBackdated, NotApplicableWithoutEntryTimes) {
    auto r = check("mark.backdated", {}, "", "2025-01-15",
                   [](sql::Db& db, const MiniSchool&) { db.exec("UPDATE mark SET entered_at = NULL"); });
    EXPECT_TRUE(r.not_applicable);
    EXPECT_EQ(r.size(), 0u);
}

Extra written_mark_entered(const char* entered_at) {
    return [=](Sink& sink, const MiniSchool& s) {
        mark(sink, s.work, s.student, "3", 2, entered_at);  // a third mark on the mini school's dictation (written)
    };
}

TEST(MarkWrittenLate, FiresAfterTheCheckingNorm) {
    EXPECT_EQ(check("mark.written-late", written_mark_entered("2024-09-11T12:00:00+03:00")).size(), 1u);  // 8 days
    // ru-kbr: 5 days in grades 2–9.
    EXPECT_EQ(check("mark.written-late", written_mark_entered("2024-09-09T12:00:00+03:00"), "written_days = 5").size(), 1u);
}

TEST(MarkWrittenLate, NearMissWithinTheNorm) {
    EXPECT_EQ(check("mark.written-late", written_mark_entered("2024-09-09T12:00:00+03:00")).size(), 0u);  // 6 ≤ 7
    // Grade 5 is not senior: the senior norm does not apply.
    EXPECT_EQ(check("mark.written-late", written_mark_entered("2024-09-07T12:00:00+03:00"),
                    "written_days = 5\nsenior_written_days = 1").size(), 0u);
}

Extra final_then_mark(const char* final_at, const char* mark_at) {
    return [=](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.student, "5", final_at);
        Id l = lesson(sink, s, s.subject, "2024-10-22", 1, "Имя существительное");
        Id w = work(sink, s, s.subject, l, "2024-10-22", "Ответ на уроке");
        mark(sink, w, s.student, "4", 0, mark_at);
    };
}

TEST(MarkEditAfterFinal, FiresOnAMarkEnteredAfterTheQuartersFinal) {
    auto r = check("mark.edit-after-final", final_then_mark("2024-10-24T12:00:00+03:00", "2024-10-24T15:00:00+03:00"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.period.name, "1 четверть");
}

TEST(MarkEditAfterFinal, NearMissMarkBeforeTheFinalAndNotApplicableWithoutTimes) {
    EXPECT_EQ(check("mark.edit-after-final", final_then_mark("2024-10-24T12:00:00+03:00", "2024-10-24T11:00:00+03:00")).size(), 0u);
    EXPECT_TRUE(check("mark.edit-after-final", {}).not_applicable);  // the final mark has no entry time
}

TEST(MarkDebtOpen, FiresOnTheMiniSchoolsDebtAfterTheQuarter) {
    auto r = check("mark.debt-open", {});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.student.name, "Зайцева Мария Олеговна");
}

TEST(MarkDebtOpen, NearMissTheQuarterIsStillRunning) { EXPECT_EQ(check("mark.debt-open", {}, "", "2024-10-20").size(), 0u); }

TEST(MarkChanged, NeedsTwoArchivesSoIsNotApplicableInValidate) {
    auto r = check("mark.changed", {});
    EXPECT_TRUE(r.not_applicable);
    EXPECT_EQ(r.size(), 0u);
}

// ---- Final marks ----

TEST(FinalSymbol, FiresOnAOneUnderMosregAndOnAModifier) {
    auto r = check("final.symbol", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.second_student, "1");
    }, "allowed = [\"2\", \"3\", \"4\", \"5\", \"зачет\", \"незачет\"]");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.final_mark.name, "1");
    auto m = check("final.symbol", [](Sink& sink, const MiniSchool& s) { final_mark(sink, s, s.second_student, "4+", nullptr, "4"); });
    EXPECT_EQ(m.size(), 1u);
}

TEST(FinalSymbol, NearMissZachyotAndNaLeftToItsOwnRule) {
    auto r = check("final.symbol", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.second_student, "зачёт", nullptr, "зачет");
        R(t::final_mark).set("student_id", s.student).set("class_id", s.school_class).set("subject_id", s.subject)
            .set("kind", "year").set("raw", "н/а").set("value", "н/а").put(sink);
    });
    EXPECT_EQ(r.size(), 0u);
}

TEST(FinalNa, FiresOnNaSpelledAnyWay) {
    auto r = check("final.na", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.second_student, "Н/А");
    }, "severity = \"error\"");
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].severity, Severity::error);
}

TEST(FinalNa, NearMissAnOrdinaryMark) { EXPECT_EQ(check("final.na", {}).size(), 0u); }

TEST(FinalOsv, FiresOnOsv) {
    EXPECT_EQ(check("final.osv", [](Sink& sink, const MiniSchool& s) { final_mark(sink, s, s.second_student, "осв."); }).size(), 1u);
}

TEST(FinalOsv, NearMissZachet) {
    EXPECT_EQ(check("final.osv", [](Sink& sink, const MiniSchool& s) { final_mark(sink, s, s.second_student, "зачет"); }).size(), 0u);
}

TEST(FinalMissing, FiresForTheStudentWithoutAQuarterMark) {
    auto r = check("final.missing", {});
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.student.name, "Зайцева Мария Олеговна");
    EXPECT_EQ(r[0].where.period.name, "1 четверть");
}

TEST(FinalMissing, NearMissARecordedDeferralAndAPeriodNotYetClosed) {
    EXPECT_EQ(check("final.missing", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.second_student, "отсрочка");
    }).size(), 0u);
    EXPECT_EQ(check("final.missing", {}, "", "2024-10-20").size(), 0u);
}

Extra extra_marks(int count) {
    return [=](Sink& sink, const MiniSchool& s) {
        for (int i = 0; i < count; ++i) {
            Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "Ответ на уроке", [&](R& row) { row.set("ordinal", i); });
            mark(sink, w, s.student, "5");
        }
    };
}

TEST(FinalInsufficientMarks, FiresWithTwoMarksAtFourHoursAWeek) {
    auto r = check("final.insufficient-marks", {});  // 4 h a week in the curriculum: 5 marks needed
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(detail(r[0], "marks"), "2");
    EXPECT_EQ(detail(r[0], "needed"), "5");
    EXPECT_EQ(check("final.insufficient-marks", extra_marks(2)).size(), 1u);  // 4 < 5
}

TEST(FinalInsufficientMarks, NearMissEnoughMarks) {
    EXPECT_EQ(check("final.insufficient-marks", extra_marks(3)).size(), 0u);  // 5 marks
}

TEST(FinalUnjustified, FiresWhenTheFinalIsFarFromTheAverage) {
    // Marks 5 and 4 (average 4.5); a final «3» differs by 1.5.
    auto r = check("final.unjustified", [](Sink& sink, const MiniSchool& s) { final_mark(sink, s, s.student, "3"); });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(detail(r[0], "average"), "4,5");
}

TEST(FinalUnjustified, NearMissWithinOnePointAndWeightsCount) {
    EXPECT_EQ(check("final.unjustified", [](Sink& sink, const MiniSchool& s) { final_mark(sink, s, s.student, "4"); }).size(), 0u);
    // A «2» of weight 1 beside the dictation's 5 and 4 of weight 2: average (10+8+2)/5 = 4, final 5 is within 1.
    EXPECT_EQ(check("final.unjustified", [](Sink& sink, const MiniSchool& s) {
        Id w = work(sink, s, s.subject, s.lesson, "2024-09-03", "Ответ на уроке", [](R& row) { row.set("weight", Value(1.0)); });
        mark(sink, w, s.student, "2");
    }).size(), 0u);
}

TEST(FinalDeadline, FiresOnAFinalLaterThanTwoDaysBeforeTheEndInTatarstan) {
    auto r = check("final.deadline", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.student, "5", "2024-10-24T12:00:00+03:00");
    }, "latest_days_after_end = -2");
    ASSERT_EQ(r.size(), 1u);
    // ru-mosreg: only during the last week.
    EXPECT_EQ(check("final.deadline", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.student, "5", "2024-10-10T12:00:00+03:00");
    }, "earliest_days_before_end = 6").size(), 1u);
}

TEST(FinalDeadline, NearMissInsideTheWindow) {
    EXPECT_EQ(check("final.deadline", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.student, "5", "2024-10-23T18:00:00+03:00");
    }, "latest_days_after_end = -2").size(), 0u);
    // ru-samara: 4 days after the end.
    EXPECT_EQ(check("final.deadline", [](Sink& sink, const MiniSchool& s) {
        final_mark(sink, s, s.student, "5", "2024-10-29T18:00:00+03:00");
    }, "latest_days_after_end = 4").size(), 0u);
}

// ---- Lessons ----

TEST(LessonTopicMissing, FiresOnAPastLessonWithoutTopic) {
    auto r = check("lesson.topic-missing", [](Sink& sink, const MiniSchool& s) { lesson(sink, s, s.subject, "2024-09-04", 1, " "); });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.lesson.name, "2024-09-04, урок 1");
}

TEST(LessonTopicMissing, NearMissAFutureLesson) {
    EXPECT_EQ(check("lesson.topic-missing", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2025-02-04", 1, "");
    }).size(), 0u);
}

TEST(LessonTopicGeneric, FiresOnAGenericWord) {
    auto r = check("lesson.topic-generic", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-04", 1, "Повторение.");
        lesson(sink, s, s.subject, "2024-09-05", 1, "Контрольная работа № 2");
    });
    EXPECT_EQ(r.size(), 2u);
}

TEST(LessonTopicGeneric, NearMissAConcreteTopic) {
    EXPECT_EQ(check("lesson.topic-generic", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-04", 1, "Повторение: правописание безударных гласных");
    }).size(), 0u);
}

TEST(LessonTopicAbbreviated, FiresOnReshZadach) {
    auto r = check("lesson.topic-abbreviated", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-04", 1, "Реш. задач на движение");
        lesson(sink, s, s.subject, "2024-09-05", 1, "Контр. раб.");
    });
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(detail(r[1], "abbreviations"), "«Контр.», «раб.»");
}

TEST(LessonTopicAbbreviated, NearMissInitialsEtceteraAndSentences) {
    EXPECT_EQ(check("lesson.topic-abbreviated", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-04", 1, "Творчество А.С. Пушкина");
        lesson(sink, s, s.subject, "2024-09-05", 1, "Глаголы, причастия и т.д., стр. 45");
        lesson(sink, s, s.subject, "2024-09-06", 1, "Повторение. Имя существительное.");
    }).size(), 0u);
}

TEST(LessonTopicLanguage, FiresOnAnEnglishTopic) {
    auto r = check("lesson.topic-language", [](Sink& sink, const MiniSchool& s) {
        Id english = subject(sink, s, "Англ. яз.");
        lesson(sink, s, english, "2024-09-04", 1, "Present Simple");
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.subject.name, "Английский язык");
}

TEST(LessonTopicLanguage, NearMissTatarLessonAndTopicsWithoutLetters) {
    EXPECT_EQ(check("lesson.topic-language", [](Sink& sink, const MiniSchool& s) {
        Id tatar = subject(sink, s, "Тат.яз.");
        lesson(sink, s, tatar, "2024-09-04", 1, "Tatar tele: isem");
        lesson(sink, s, s.subject, "2024-09-05", 1, "§ 12");
        lesson(sink, s, s.subject, "2024-09-06", 1, "Правописание -ться и -тся (Test 1)");
    }).size(), 0u);
}

TEST(LessonDoubleTopic, FiresOnTwoLessonsOfTheDayWithOneTopic) {
    auto r = check("lesson.double-topic", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-03", 3, "Звуки и буквы");  // the mini school's lesson is number 2
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.lesson.name, "2024-09-03, урок 3");
}

TEST(LessonDoubleTopic, NearMissDifferentTopicsOrDays) {
    EXPECT_EQ(check("lesson.double-topic", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-03", 3, "Звуки и буквы. Практикум");
        lesson(sink, s, s.subject, "2024-09-04", 2, "Звуки и буквы");
    }).size(), 0u);
}

TEST(LessonSubstitution, FiresOnASubstitutionWithoutASubstitute) {
    auto r = check("lesson.substitution", [](Sink& sink, const MiniSchool& s) {
        Id l = lesson(sink, s, s.subject, "2024-09-04", 1, "Ударение", [](R& row) { row.set("substitution", true); });
        R(t::lesson_teacher).set("lesson_id", l).set("teacher_id", s.teacher).set("role", "main").put(sink);
    });
    EXPECT_EQ(r.size(), 1u);
}

TEST(LessonSubstitution, NearMissSubstituteNamedAndNoSubstitutionData) {
    EXPECT_EQ(check("lesson.substitution", [](Sink& sink, const MiniSchool& s) {
        Id l = lesson(sink, s, s.subject, "2024-09-04", 1, "Ударение", [](R& row) { row.set("substitution", true); });
        R(t::lesson_teacher).set("lesson_id", l).set("teacher_id", s.parent).set("role", "substitute").put(sink);
    }).size(), 0u);
    EXPECT_TRUE(check("lesson.substitution", {}).not_applicable);
}

Extra homework_at(const char* at) {
    return [=](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-04", 1, "Ударение", [=](R& row) { row.set("homework", "упр. 15").set("homework_entered_at", at); });
    };
}

TEST(HomeworkLate, FiresTwoHoursAfterTheLesson) {
    auto r = check("homework.late", homework_at("2024-09-04T11:20:00+03:00"));  // lesson ended 09:15
    EXPECT_EQ(r.size(), 1u);
}

TEST(HomeworkLate, NearMissWithinOneAndAHalfHoursInAnyZone) {
    EXPECT_EQ(check("homework.late", homework_at("2024-09-04T10:40:00+03:00")).size(), 0u);
    EXPECT_EQ(check("homework.late", homework_at("2024-09-04T07:40:00Z")).size(), 0u);
    EXPECT_TRUE(check("homework.late", {}).not_applicable);
}

TEST(JournalStaleWeek, FiresOnAWeekWithLessonsButNoEntries) {
    auto r = check("journal.stale-week", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-09-10", 1, "Ударение");
        lesson(sink, s, s.subject, "2024-09-12", 1, "Ударение 2");
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.date, "2024-09-09");
}

TEST(JournalStaleWeek, NearMissAnAbsenceRecordedThatWeek) {
    EXPECT_EQ(check("journal.stale-week", [](Sink& sink, const MiniSchool& s) {
        Id l = lesson(sink, s, s.subject, "2024-09-10", 1, "Ударение");
        R(t::attendance).set("lesson_id", l).set("student_id", s.student).set("reason", "late").set("raw_code", "о").put(sink);
    }).size(), 0u);
}

// ---- Attendance and people ----

TEST(AttendanceCode, FiresOnAnUnmappedCode) {
    auto r = check("attendance.code", [](Sink& sink, const MiniSchool& s) {
        R(t::attendance).set("lesson_id", s.lesson).set("student_id", s.student).set("raw_code", "Х").put(sink);
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.attendance.name, "Х");
}

TEST(AttendanceCode, NearMissMappedCodes) { EXPECT_EQ(check("attendance.code", {}).size(), 0u); }

Extra unknown_absence() {
    return [](Sink& sink, const MiniSchool& s) {
        R(t::attendance).set("lesson_id", s.lesson).set("student_id", s.student).set("reason", "absent-unknown")
            .set("raw_code", "н").put(sink);
    };
}

TEST(AttendanceNoReason, FiresAfterSevenDays) { EXPECT_EQ(check("attendance.no-reason", unknown_absence(), "", "2024-09-11").size(), 1u); }

TEST(AttendanceNoReason, NearMissWithinSevenDays) {
    EXPECT_EQ(check("attendance.no-reason", unknown_absence(), "", "2024-09-10").size(), 0u);
}

Extra teacher_named(const char* last, const char* first, const char* middle) {
    return [=](Sink& sink, const MiniSchool& s) {
        Id p = R(t::person).set("school_id", s.school).set("last_name", last).set("first_name", first)
                   .set("middle_name", middle).put(sink);
        R(t::person_role).set("person_id", p).set("role", "teacher").put(sink);
    };
}

TEST(TeacherNameAbbreviated, FiresOnInitialsAndMissingFirstName) {
    EXPECT_EQ(check("teacher.name-abbreviated", teacher_named("Иванов", "И.", "И.")).size(), 1u);
    EXPECT_EQ(check("teacher.name-abbreviated", teacher_named("Иванова", "А.", "")).size(), 1u);
    EXPECT_EQ(check("teacher.name-abbreviated", teacher_named("Иванов И.И.", "", "")).size(), 1u);
    auto r = check("teacher.name-abbreviated", teacher_named("Петров", "П", "П"));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.teacher.name, "Петров П П");
}

TEST(TeacherNameAbbreviated, NearMissFullNamesWithOrWithoutPatronymic) {
    EXPECT_EQ(check("teacher.name-abbreviated", teacher_named("Иванов", "Иван", "Иванович")).size(), 0u);
    EXPECT_EQ(check("teacher.name-abbreviated", teacher_named("Ким", "Ян", "")).size(), 0u);
}

TEST(StudentOutsideEnrolment, FiresOnAMarkBeforeJoining) {
    auto r = check("student.outside-enrolment", [](Sink& sink, const MiniSchool& s) {
        Id late = R(t::person).set("school_id", s.school).set("last_name", "Новиков").set("first_name", "Олег").put(sink);
        R(t::enrolment).set("student_id", late).set("class_id", s.school_class).set("joined", "2024-10-01").put(sink);
        mark(sink, s.work, late, "4");
    });
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(r[0].where.student.name, "Новиков Олег");
}

TEST(StudentOutsideEnrolment, NearMissALeaverMarkedBeforeLeaving) {
    EXPECT_EQ(check("student.outside-enrolment", [](Sink& sink, const MiniSchool& s) {
        R(t::enrolment).set("student_id", s.second_student).set("class_id", s.school_class).set("joined", "2024-09-01")
            .set("left_on", "2024-09-03").put(sink);
    }).size(), 0u);
}

// A curriculum of `hours` a year and three lessons, the last one two weeks before the year's end.
Extra year_plan(double hours, bool topics = true) {
    return [=](Sink& sink, const MiniSchool& s) {
        R(t::curriculum).set("class_id", s.school_class).set("subject_id", s.subject).set("hours_per_week", Value(4.0))
            .set("hours_per_year", Value(hours)).put(sink);
        lesson(sink, s, s.subject, "2025-02-04", 1, topics ? "Глагол" : "");
        lesson(sink, s, s.subject, "2025-05-20", 1, "Повторение глагола");
    };
}

TEST(PlanHoursMismatch, FiresWhenThePlanHasFewerLessonsThanTheCurriculum) {
    auto r = check("plan.hours-mismatch", year_plan(4));
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(detail(r[0], "lessons"), "3");
}

TEST(PlanHoursMismatch, NearMissEqualAndNotApplicableForAPartialYear) {
    EXPECT_EQ(check("plan.hours-mismatch", year_plan(3)).size(), 0u);
    EXPECT_TRUE(check("plan.hours-mismatch", {}).not_applicable);  // lessons only in September
}

TEST(PlanProgramIncomplete, FiresWhenFewerLessonsWereHeldThanPlanned) {
    auto r = check("plan.program-incomplete", year_plan(3, false), "", "2025-06-30");  // one has no topic: held 2 of 3
    ASSERT_EQ(r.size(), 1u);
    EXPECT_EQ(detail(r[0], "held"), "2");
}

TEST(PlanProgramIncomplete, NearMissAllHeldAndNotBeforeTheYearEnds) {
    EXPECT_EQ(check("plan.program-incomplete", year_plan(3), "", "2025-06-30").size(), 0u);
    EXPECT_TRUE(check("plan.program-incomplete", year_plan(3, false), "", "2025-05-25").not_applicable);
}

// ---- Integrity ----

TEST(IntegrityOrphan, FiresOnAMarkOfAMissingWorkAndASourceIdOfAMissingPerson) {
    auto r = check("integrity.orphan", {}, "", "2025-01-15", [](sql::Db& db, const MiniSchool& s) {
        db.exec("INSERT INTO mark(id, work_id, student_id, position, raw, value) VALUES(77, 12345, " +
                std::to_string(s.student) + ", 0, '5', '5')");
        db.exec("INSERT INTO source_id(id, platform, instance, entity, source_id, entity_id) "
                "VALUES(78, 'test', 'x', 'person', '9', 999)");
    });
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(detail(r[0], "table"), "mark");
    EXPECT_EQ(detail(r[0], "column"), "work_id");
    EXPECT_EQ(detail(r[1], "table"), "source_id");
}

TEST(IntegrityOrphan, NearMissTheMiniSchool) { EXPECT_EQ(check("integrity.orphan", {}).size(), 0u); }

TEST(IntegrityDuplicate, FiresOnTheSameLessonTwiceAndItsMark) {
    auto r = check("integrity.duplicate", [](Sink& sink, const MiniSchool& s) {
        // The same lesson 2 of 2024-09-03, imported again with another start time, with the same dictation mark.
        Id copy = lesson(sink, s, s.subject, "2024-09-03", 2, "Звуки и буквы", [](R& row) { row.set("start_time", "09:30"); });
        Id w = work(sink, s, s.subject, copy, "2024-09-03", "Диктант");
        mark(sink, w, s.student, "5");
    });
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].where.lesson.name, "2024-09-03, урок 2");
    EXPECT_EQ(r[1].where.mark.name, "5");
}

TEST(IntegrityDuplicate, NearMissTwoLessonsOfTheDay) {
    EXPECT_EQ(check("integrity.duplicate", [](Sink& sink, const MiniSchool& s) {
        Id next = lesson(sink, s, s.subject, "2024-09-03", 3, "Звуки и буквы", [](R& row) { row.set("start_time", "10:20"); });
        Id w = work(sink, s, s.subject, next, "2024-09-03", "Диктант");
        mark(sink, w, s.student, "5");
    }).size(), 0u);
}

TEST(IntegrityDateOutsideYear, FiresOnALessonAfterTheYearAndOneInTheHolidays) {
    auto r = check("integrity.date-outside-year", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2025-07-01", 1, "Лето");
        lesson(sink, s, s.subject, "2024-10-28", 1, "Каникулы");
    });
    ASSERT_EQ(r.size(), 2u);
    EXPECT_EQ(r[0].where.date, "2024-10-28");
}

TEST(IntegrityDateOutsideYear, NearMissTheLastDayOfTheQuarter) {
    EXPECT_EQ(check("integrity.date-outside-year", [](Sink& sink, const MiniSchool& s) {
        lesson(sink, s, s.subject, "2024-10-25", 1, "Итоговый урок четверти");
    }).size(), 0u);
}

// ---- Privacy ----

Raw capture_with(const std::string& content) {
    return [=](sql::Db& db, const MiniSchool&) {
        test::TempDir dir;
        test::write_file(dir.path("session.har"), content);
        store_capture(db, dir.path("session.har"), "session.har");
    };
}

TEST(PrivacySecretInCapture, FiresOnPasswordsCookiesAndTokens) {
    auto r = check("privacy.secret-in-capture", {}, "", "2025-01-15", capture_with(
        R"({"log":{"entries":[{"request":{"url":"https://example.invalid/login?access_token=abc123",)"
        R"("headers":[{"name":"Cookie","value":"NSSESSIONID=0f0f0f"}],)"
        R"("postData":{"text":"{\"login\":\"ivanov\",\"password\":\"hunter2\"}"}}}]}})"));
    ASSERT_EQ(r.size(), 4u);  // access_token, cookie header, nssessionid, password
    EXPECT_EQ(detail(r[0], "capture"), "session.har");
    std::string keys;
    for (const auto& f : r.findings) keys += detail(f, "key") + " ";
    EXPECT_EQ(keys, "access_token cookie nssessionid password ");
    for (const auto& f : r.findings) EXPECT_EQ(f.message.find("hunter2"), std::string::npos);
}

TEST(PrivacySecretInCapture, NearMissScrubbedValuesAndNoCaptures) {
    EXPECT_EQ(check("privacy.secret-in-capture", {}, "", "2025-01-15", capture_with(
        R"({"log":{"entries":[{"request":{"url":"https://example.invalid/login?csrf_token=abc",)"
        R"("headers":[{"name":"Cookie","value":""},{"name":"Authorization","value":"Bearer [REDACTED]"}],)"
        R"("postData":{"params":[{"name":"password","value":"***"}]}}}]}})")).size(), 0u);
    EXPECT_TRUE(check("privacy.secret-in-capture", {}).not_applicable);
}

}  // namespace
}  // namespace jb::validate
