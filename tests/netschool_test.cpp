// The netschool adapter on synthetic captures: hand-counted `stats --json`, idempotent imports,
// journal + diary of the same lessons giving each fact once, every quirk of netschool.md, and a
// clear error (exit 2, nothing written) for every bad input.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_json.hpp"
#include "adapters/netschool/netschool_mappings.hpp"
#include "adapters/netschool/netschool_report.hpp"
#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::fixture;
using test::quote;
using test::run_jbridge;
using test::TempDir;

std::string ns(const std::string& name) { return quote(fixture("netschool/" + name)); }

class NetSchool : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("school.sqlite"); }
    test::RunResult import(const std::string& inputs, const std::string& options = "") {
        return run_jbridge("import --from netschool " + inputs + " -o " + quote(archive()) + " " + options);
    }
    void import_ok(const std::string& inputs, const std::string& options = "") {
        auto result = import(inputs, options);
        ASSERT_EQ(result.exit_code, 0) << result.err;
        last_err = result.err;
    }
    nlohmann::json stats() {
        auto result = run_jbridge("stats " + quote(archive()) + " --json");
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return nlohmann::json::parse(result.out);
    }
    std::int64_t count(const std::string& query) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        return db.scalar(query);
    }
    std::string text(const std::string& query) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        sql::Stmt statement(db, query);
        std::string out;
        while (statement.step()) {
            for (int i = 0; i < statement.columns(); ++i)
                out += (i ? "|" : "") + (statement.column_is_null(i) ? std::string("∅") : statement.column_text(i));
            out += "\n";
        }
        return out;
    }
    void expect_stats(const nlohmann::json& expected) {
        nlohmann::json actual = stats();
        for (const auto& [key, value] : expected.items()) EXPECT_EQ(actual[key], value) << key;
    }
    void expect_failure(const test::RunResult& result, const std::string& names) {
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_NE(result.err.find(names), std::string::npos) << result.err;
        EXPECT_FALSE(std::filesystem::exists(archive())) << "an archive was written";
    }
    TempDir dir;
    std::string last_err;
};

// ---- hand-counted captures ---------------------------------------------------------------

TEST_F(NetSchool, StaffCaptureCountsByHand) {
    import_ok(ns("staff.har"));
    // 7б and 8а; Орлова, Быстров and Лемешева (who left the algebra group); three group teachers;
    // algebra 3 + English 2 + PE 1 lessons; marks 6 + 3 (the null without duty is no result);
    // debts 2; absences 4 + 2 + 1; totals 3 + 1 («0» skipped) + 3.
    expect_stats({{"schools", 1}, {"classes", 2}, {"students", 3}, {"teachers", 3}, {"subjects", 3}, {"lessons", 6},
                  {"marks", 9}, {"debts", 2}, {"absences", 7}, {"homework", 0}, {"final_marks", 7}});
    EXPECT_EQ(count("SELECT count(*) FROM work"), 8);
    EXPECT_EQ(count("SELECT count(*) FROM class_group"), 1);  // only «7б/Английский язык/1 гр.» is a part of a class
}

TEST_F(NetSchool, PupilCaptureCountsByHand) {
    import_ok(ns("pupil.har"));
    // One pupil of 7б; teachers from assigns/{id}; lessons on 11.11 (2), 12.11 (2), 13.11, 15.11;
    // marks 6001, 6101, 6004, 6005 and the string «зч»; the debt 6002; homework on 13.11 only
    // («---Не указана---» is a placeholder); the report file in the capture gives 4 absences.
    expect_stats({{"schools", 1}, {"classes", 1}, {"students", 1}, {"teachers", 2}, {"subjects", 4}, {"lessons", 6},
                  {"marks", 5}, {"debts", 1}, {"absences", 4}, {"homework", 1}, {"final_marks", 0}});
}

TEST_F(NetSchool, JournalAndDiaryOfTheSameLessonsGiveEachFactOnce) {
    import_ok(ns("combined.har"));
    // Staff numbers plus what only the diary has: the history lesson, its «зч» mark and its report
    // absence, and the homework text. Journal marks and attendance are not doubled by the diary's.
    expect_stats({{"schools", 1}, {"classes", 2}, {"students", 3}, {"teachers", 3}, {"subjects", 4}, {"lessons", 7},
                  {"marks", 10}, {"debts", 2}, {"absences", 8}, {"homework", 1}, {"final_marks", 7}});
    EXPECT_EQ(count("SELECT count(*) FROM work"), 10);
    EXPECT_EQ(count("SELECT count(*) FROM person WHERE last_name = 'Орлова'"), 1);
    // The journal lesson takes the diary's number and time; the diary adds titles and homework.
    EXPECT_EQ(text("SELECT number, start_time, homework FROM lesson WHERE date = '2024-11-13'"),
              "1|08:30|№ 312, 315 и повторить §4\n");
    EXPECT_EQ(text("SELECT w.title, m.raw FROM mark m JOIN work w ON w.id = m.work_id JOIN person p ON p.id = m.student_id "
                   "WHERE p.last_name = 'Орлова' AND w.type_raw = 'Работа на платформе'"),
              "Тест на платформе|5\n");
}

TEST_F(NetSchool, ImportingTwiceChangesNothing) {
    for (const std::string& inputs : {ns("staff.har"), ns("combined.har"),
                                      ns("pupil.har") + " " + ns("studenttotal-winter-cp1251.html") + " " +
                                          ns("studenttotalmarks.html")}) {
        std::filesystem::remove(archive());
        import_ok(inputs);
        nlohmann::json first = stats();
        std::string rows = text("SELECT * FROM lesson ORDER BY id") + text("SELECT * FROM mark ORDER BY id") +
                           text("SELECT * FROM attendance ORDER BY id") + text("SELECT * FROM final_mark ORDER BY id");
        auto again = import(inputs);
        ASSERT_EQ(again.exit_code, 0) << again.err;
        EXPECT_NE(again.out.find(" 0 new, 0 changed"), std::string::npos) << again.out;
        EXPECT_EQ(stats(), first) << inputs;
        EXPECT_EQ(text("SELECT * FROM lesson ORDER BY id") + text("SELECT * FROM mark ORDER BY id") +
                      text("SELECT * FROM attendance ORDER BY id") + text("SELECT * FROM final_mark ORDER BY id"),
                  rows);
    }
}

TEST_F(NetSchool, AutoIdentifiesCapturesAndReports) {
    auto result = run_jbridge("import --from auto " + ns("staff.har") + " -o " + quote(archive()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("via netschool"), std::string::npos) << result.out;
    auto report = run_jbridge("import --from auto " + ns("studenttotal-winter-cp1251.html") + " -o " + quote(archive()));
    ASSERT_EQ(report.exit_code, 0) << report.err;
}

// ---- quirks ----------------------------------------------------------------------------------

TEST_F(NetSchool, DutyMarkWithNullIsADebtNeverAZero) {
    import_ok(ns("pupil.har"));
    EXPECT_EQ(text("SELECT raw, value, numeric, debt, comment FROM mark WHERE debt = 1"), "||∅|1|Не сдал работу\n");
    EXPECT_EQ(count("SELECT count(*) FROM mark WHERE numeric = 0 OR value = '0'"), 0);
}

TEST_F(NetSchool, StringMarksAreKeptVerbatim) {
    import_ok(ns("combined.har"));
    EXPECT_EQ(text("SELECT raw, value, numeric, modifier FROM mark WHERE raw IN ('4-', 'зч') ORDER BY raw"),
              "4-|4|4.0|-\nзч|зч|∅|\n");
}

TEST_F(NetSchool, WeightsComeFromTheDiaryOrFromAssignDetailsOnOldServers) {
    import_ok(ns("pupil.har"));
    EXPECT_EQ(text("SELECT DISTINCT weight FROM work WHERE weight IS NOT NULL ORDER BY weight"), "10.0\n20.0\n40.0\n");
    // 6101 has weight 0 in the diary (an old server); assigns/6101 says 10.
    EXPECT_EQ(text("SELECT weight FROM work WHERE title = 'Present Perfect'"), "10.0\n");
    // 6003 is 0 in both: unknown, not 0.
    EXPECT_EQ(text("SELECT weight FROM work WHERE title = '№ 312, 315'"), "∅\n");
}

TEST_F(NetSchool, AttendanceReasonsMapAndUnknownCodesAreKeptAndReported) {
    import_ok(ns("staff.har"));
    EXPECT_EQ(text("SELECT raw_code, reason FROM attendance ORDER BY raw_code"),
              "Б|ill\nДЛ|∅\nНП|absent-unexcused\nОП|late\nОСВ|released\nОТ|absent-unknown\nУП|absent-excused\n");
    EXPECT_NE(last_err.find("attendance code «ДЛ» seen 1 time"), std::string::npos) << last_err;
}

TEST_F(NetSchool, FinalTotalsSpecialCodesAndPassFail) {
    import_ok(ns("staff.har"));
    EXPECT_EQ(text("SELECT f.raw, f.value, f.numeric FROM final_mark f JOIN subject s ON s.id = f.subject_id "
                   "WHERE s.name = 'Алгебра' ORDER BY f.raw"),
              "-1|н/а|∅\n-5|не оценено|∅\n5|5|5.0\n");
    EXPECT_EQ(text("SELECT f.raw, f.value FROM final_mark f JOIN subject s ON s.id = f.subject_id "
                   "WHERE s.name = 'Физическая культура' ORDER BY f.raw"),
              "-2|осв\n2|незачет\n5|зачет\n");
    EXPECT_EQ(count("SELECT count(*) FROM final_mark f JOIN period p ON p.id = f.period_id WHERE p.name = '2 четверть'"), 7);
}

TEST_F(NetSchool, AbsentOrNullAssignmentsRoomAndWeekDays) {
    import_ok(ns("pupil.har"));  // holds a holiday week with empty weekDays, one without them, null room and assignments
    EXPECT_EQ(count("SELECT count(*) FROM lesson l JOIN subject s ON s.id = l.subject_id WHERE s.name = 'Физическая культура'"), 1);
}

TEST(NetSchoolDates, WithoutZoneAndWithZeroToSevenFractionalDigits) {
    using netschool::json_date;
    for (const char* text : {"2024-11-11T00:00:00", "2024-11-11T00:00", "2024-11-11T00:00:00.9", "2024-11-11T00:00:00.99",
                             "2024-11-11T00:00:00.1234567", "2024-11-11"})
        EXPECT_EQ(json_date(text).value_or("?"), "2024-11-11") << text;
    for (const char* text : {"2024-11-11T00:00:00.12345678", "2024-13-01T00:00:00", "11.11.2024", "2024-11-11X", ""})
        EXPECT_FALSE(json_date(text)) << text;
}

TEST(NetSchoolDates, ReportDates) {
    EXPECT_EQ(netschool::report_date("31.12.24"), "2024-12-31");
    EXPECT_EQ(netschool::report_date("15.01.2025"), "2025-01-15");
    EXPECT_EQ(netschool::report_date("30.02.25"), "");
    EXPECT_EQ(netschool::report_date("1.1.25"), "");
}

TEST_F(NetSchool, ReportGridDatesAcrossNewYearInWindows1251) {
    import_ok(ns("studenttotal-winter-cp1251.html"));
    EXPECT_EQ(text("SELECT l.date, s.name, a.raw_code, a.reason FROM attendance a JOIN lesson l ON l.id = a.lesson_id "
                   "JOIN subject s ON s.id = l.subject_id ORDER BY l.date"),
              "2024-12-27|Алгебра|Б|ill\n2025-01-13|История|ОСВ|released\n2025-01-15|Алгебра|НП|absent-unexcused\n");
    EXPECT_EQ(text("SELECT name FROM school"), "МБОУ Школа № 99 г.о. Примерный\n");
    expect_stats({{"absences", 3}, {"lessons", 3}, {"marks", 0}, {"students", 1}});
}

TEST_F(NetSchool, ReportAbsencesLandOnTheDiaryLessonsAndNbspSplitsCells) {
    import_ok(ns("pupil.har"));
    // «ОТ&nbsp;4» on 12.11 is an absence on the English lesson the diary shows (no extra lesson).
    EXPECT_EQ(text("SELECT l.number, a.raw_code FROM attendance a JOIN lesson l ON l.id = a.lesson_id "
                   "JOIN subject s ON s.id = l.subject_id WHERE s.name = 'Английский язык'"),
              "1|ОТ\n");
}

TEST_F(NetSchool, TotalMarksReportWithTheCaptureOrWithAYear) {
    import_ok(ns("pupil.har") + " " + ns("studenttotalmarks.html"));
    expect_stats({{"final_marks", 7}, {"students", 1}, {"subjects", 4}});
    EXPECT_EQ(text("SELECT f.raw, f.value FROM final_mark f JOIN subject s ON s.id = f.subject_id "
                   "WHERE s.name IN ('Физическая культура', 'Английский язык') ORDER BY f.raw"),
              "4|4\nзач|зачет\nзач.|зачет\nн/а|н/а\n");
    std::filesystem::remove(archive());
    expect_failure(import(ns("studenttotalmarks.html")), "studenttotalmarks.html: cannot tell the school year");
    import_ok(ns("studenttotalmarks.html"), "--school-year 2024");
    expect_stats({{"final_marks", 7}});
}

// ---- bad input -------------------------------------------------------------------------------

TEST_F(NetSchool, TruncatedJsonNamesTheEntry) {
    expect_failure(import(ns("bad/truncated-json.har")), "truncated-json.har entry 2 (GET https://sgo.example.test/webapi/student/diary");
    EXPECT_FALSE(std::filesystem::exists(archive()));
}

TEST_F(NetSchool, HtmlWhereJsonWasExpected) {
    expect_failure(import(ns("bad/html-instead-of-json.har")), "an HTML page where JSON was expected");
}

TEST_F(NetSchool, HarFromAnotherPlatform) {
    expect_failure(import(ns("bad/other-platform.har")), "other-platform.har: no NetSchool requests");
    auto result = run_jbridge("import --from auto " + ns("bad/other-platform.har") + " -o " + quote(archive()));
    EXPECT_EQ(result.exit_code, 2);
}

TEST_F(NetSchool, UnknownAssignmentTypeIsKeptAndReported) {
    import_ok(ns("pupil.har"));  // type 40 is not in this capture's dictionary nor in the mapping's ids
    EXPECT_NE(last_err.find("assignment type id «40» seen 1 time"), std::string::npos) << last_err;
    EXPECT_EQ(text("SELECT type_raw, type FROM work WHERE title = 'Тест на платформе'"), "40|\n");
}

TEST_F(NetSchool, ReportLayoutFromAnotherServerVersion) {
    expect_failure(import(ns("bad/studenttotal-weekly-layout.html")),
                   "studenttotal-weekly-layout.html: report header «Неделя 46» cannot be placed");
    expect_failure(import(ns("bad/totalmarks-unknown-column.html"), "--school-year 2024"),
                   "totalmarks-unknown-column.html: report header «Модуль А» cannot be placed");
}

TEST_F(NetSchool, MalformedHtml) {
    expect_failure(import(ns("bad/not-a-report.html")), "not-a-report.html: not a NetSchool report");
}

TEST_F(NetSchool, AFailedImportLeavesAnExistingArchiveUnchanged) {
    import_ok(ns("staff.har"));
    nlohmann::json before = stats();
    auto result = import(ns("pupil.har") + " " + ns("bad/studenttotal-weekly-layout.html"));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(stats(), before);
}

TEST(NetSchoolReport, GarbageNeverCrashes) {
    netschool::Mappings mappings;
    for (std::string bytes : {std::string(""), std::string("<"), std::string("\xff\xfe<html>"),
                              std::string("<html><table class=table-print><tr><th>Январь</table>"),
                              std::string("<html><h1>Итоговые отметки</h1><table class=table-print></table>")}) {
        try {
            netschool::parse_report(bytes, "x.html", "", mappings);
        } catch (const Error&) {
        }
    }
}

}  // namespace
}  // namespace jb
