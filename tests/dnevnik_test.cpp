// The dnevnik adapter on its synthetic capture (fixtures/dnevnik/capture.har, written by
// make_capture.py): the counts below were made by hand from that script, one quirk per test, and
// every bad input of issue 3 (exit 2 with a message naming the file and entry, nothing written).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "adapters/dnevnik/dnevnik_time.hpp"
#include "core/sqlite.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using nlohmann::json;
using test::fixture;
using test::quote;
using test::run_jbridge;
using test::TempDir;

const std::string capture = fixture("dnevnik/capture.har");
const std::string host = "https://api.school.mosreg.ru";

// A HAR with one entry per (url, body, status, mime).
struct Exchange {
    std::string url;
    std::string body;
    int status = 200;
    std::string mime = "application/json";
};

std::string har(const std::vector<Exchange>& exchanges) {
    json entries = json::array();
    for (const auto& e : exchanges) {
        entries.push_back({{"startedDateTime", "2023-10-10T10:00:00.000+03:00"},
                           {"request", {{"method", "GET"}, {"url", e.url}, {"headers", json::array()}}},
                           {"response", {{"status", e.status}, {"headers", json::array()},
                                         {"content", {{"mimeType", e.mime}, {"text", e.body}}}}}});
    }
    return json{{"log", {{"version", "1.2"}, {"entries", entries}}}}.dump();
}

// The smallest usable capture: a school, a class, a pupil, a lesson with one work.
std::vector<Exchange> minimal_school() {
    return {
        {host + "/v2/users/me/context",
         R"({"personId":1,"schools":[{"id":10,"name":"Школа","groupIds":[20]}],"eduGroups":[{"id":20,"name":"5А","type":"Group","parallel":5}]})"},
        {host + "/v2/schools/10", R"({"id":10,"id_str":"10","name":"Школа","timeZone":5})"},
        {host + "/v2/edu-groups/20/persons?includeArchive=true",
         R"([{"id":30,"id_str":"30","lastName":"Ромашкин","firstName":"Лев","middleName":""}])"},
        {host + "/v2/edu-groups/20/lessons/2023-10-02/2023-10-08",
         R"([{"id":40,"id_str":"40","date":"2023-10-02T08:00:00","number":1,"subject":{"id":50,"name":"Математика"},"group":20,
             "works":[{"id":60,"type":"DefaultNewLessonWork","workType":70,"markType":"mark5","lesson":40}],"teachers":[]}])"},
    };
}

class Dnevnik : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("school.sqlite"); }
    test::RunResult import(const std::string& input) {
        return run_jbridge("import --from dnevnik " + quote(input) + " -o " + quote(archive()));
    }
    test::RunResult import_har(const std::vector<Exchange>& exchanges) {
        std::string path = dir.path("capture.har");
        test::write_file(path, har(exchanges));
        return import(path);
    }
    json stats() {
        auto result = run_jbridge("stats " + quote(archive()) + " --json");
        EXPECT_EQ(result.exit_code, 0) << result.err;
        return json::parse(result.out);
    }
    std::int64_t count(const std::string& sql) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        return db.scalar(sql);
    }
    std::string text(const std::string& sql) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        sql::Stmt stmt(db, sql);
        std::string out;
        while (stmt.step()) {
            for (int i = 0; i < stmt.columns(); ++i)
                out += (i ? "|" : "") + (stmt.column_is_null(i) ? std::string("NULL") : stmt.column_text(i));
            out += "\n";
        }
        return out;
    }
    void expect_failure(const test::RunResult& result, const std::string& message) {
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
        EXPECT_FALSE(std::filesystem::exists(archive())) << "a failed import left an archive behind";
    }
    void import_fixture() {
        auto result = import(capture);
        ASSERT_EQ(result.exit_code, 0) << result.err;
    }
    TempDir dir;
};

TEST_F(Dnevnik, StatsOfTheFixtureAreTheHandCountedNumbers) {
    auto result = run_jbridge("import --from auto " + quote(capture) + " -o " + quote(archive()));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.out.find("via dnevnik"), std::string::npos) << result.out;
    EXPECT_EQ(result.err, "") << "every value of the fixture is in the mapping files";
    // 7Б and 8А (the subgroup «7Б англ. 1» is no class); five pupils incl. the one who left;
    // teachers T1 (class head), T2, T3 (only in September's lessons), not the school nurse;
    // Математика, Русский язык (sent as «Рус. яз.» and «Русский язык»), Английский язык, История;
    // marks 5-, 4+, 5 and 4 (a two-mark work), 3, зач, 2, 3- — the period mark is a final mark and
    // the repeated window adds nothing; absences Ill, Absent, Late, Pass (Attend is presence);
    // homework only on L1 (L2's is white space); final marks: S1 maths (sent three times) and
    // Russian, S3 maths, S2's year mark in history.
    json expected = {{"schools", 1}, {"classes", 2},  {"students", 5}, {"teachers", 3},  {"subjects", 4},
                     {"lessons", 5}, {"marks", 8},    {"debts", 0},    {"absences", 4},  {"homework", 1},
                     {"final_marks", 4}};
    EXPECT_EQ(stats(), expected);
}

TEST_F(Dnevnik, ImportingTwiceChangesNothing) {
    import_fixture();
    json before = stats();
    std::string rows = text("SELECT count(*) FROM source_id UNION ALL SELECT count(*) FROM work UNION ALL "
                            "SELECT count(*) FROM attendance UNION ALL SELECT count(*) FROM enrolment");
    auto again = import(capture);
    ASSERT_EQ(again.exit_code, 0) << again.err;
    EXPECT_NE(again.out.find(" 0 new, 0 changed"), std::string::npos) << again.out;
    EXPECT_EQ(stats(), before);
    EXPECT_EQ(text("SELECT count(*) FROM source_id UNION ALL SELECT count(*) FROM work UNION ALL "
                   "SELECT count(*) FROM attendance UNION ALL SELECT count(*) FROM enrolment"),
              rows);
}

TEST_F(Dnevnik, AutoDetectionNeedsDnevnikPaths) {
    auto result = run_jbridge("import --from auto " + quote(capture) + " -o " + quote(archive()));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::string other = dir.path("other.har");
    test::write_file(other, har({{"https://edu.tatar.ru/user/diary/week", "<html></html>", 200, "text/html"}}));
    auto refused = run_jbridge("import --from auto " + quote(other) + " -o " + quote(dir.path("x.sqlite")));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_EQ(refused.err.find("via dnevnik"), std::string::npos);
}

TEST_F(Dnevnik, IdsBeyondTwoToTheFiftyThreeStayExact) {
    import_fixture();
    // 1904000000000000301 as a double is 1904000000000000256: the attendance entry that gives the
    // lesson only as a bare number must still meet lesson L1.
    EXPECT_EQ(count("SELECT count(*) FROM source_id WHERE entity = 'lesson' AND source_id = '1904000000000000301'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM source_id WHERE source_id = '1904000000000000256'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM attendance a JOIN source_id s ON s.entity_id = a.lesson_id "
                    "WHERE s.source_id = '1904000000000000301'"),
              2);
    EXPECT_EQ(count("SELECT count(*) FROM source_id WHERE entity = 'class' AND source_id = '1790000000000000001'"), 1);
}

TEST_F(Dnevnik, MixedKeyCasingIsRead) {
    import_fixture();
    // PascalCase staff list: names, and TeachingStaff false makes staff, not a teacher
    EXPECT_EQ(text("SELECT p.last_name, r.role FROM person p JOIN person_role r ON r.person_id = p.id "
                   "WHERE p.disambiguator IN ('1000001112203', '1000001112209') ORDER BY 1"),
              "Кабачкова|teacher\nПетрушкина|staff\n");
    // lowercase studyyear: the year of the classes; hyphenated final-mark keys: four final marks
    EXPECT_EQ(text("SELECT DISTINCT start_year FROM school_year"), "2023\n");
    EXPECT_EQ(count("SELECT count(*) FROM final_mark"), 4);
    // both spellings of the period-group path; the holidays come from it
    EXPECT_EQ(text("SELECT name, start_date, end_date FROM holiday"), "Осенние каникулы|2023-10-28|2023-11-05\n");
}

TEST_F(Dnevnik, StringMarksKeepTheirModifiers) {
    import_fixture();
    EXPECT_EQ(text("SELECT raw, value, numeric, modifier FROM mark WHERE raw IN ('5-', '4+', '3-', 'зач') ORDER BY raw"),
              "3-|3|3.0|-\n4+|4|4.0|+\n5-|5|5.0|-\nзач|зачет|NULL|\n");
}

TEST_F(Dnevnik, TwoMarkWorkKeepsBothPositions) {
    import_fixture();
    EXPECT_EQ(text("SELECT m.position, m.raw FROM mark m JOIN work w ON w.id = m.work_id "
                   "WHERE w.type_raw = 'LessonTestWork' ORDER BY 1"),
              "0|5\n1|4\n");
    EXPECT_EQ(text("SELECT type, written, control, weight FROM work WHERE type_raw = 'LessonTestWork'"),
              "control|1|1|2.0\n");
}

TEST_F(Dnevnik, AttendanceIsSparse) {
    import_fixture();
    EXPECT_EQ(count("SELECT count(*) FROM attendance"), 5) << "only the entries sent, no invented absences";
    EXPECT_EQ(text("SELECT raw_code, reason FROM attendance ORDER BY raw_code"),
              "Absent|absent-unexcused\nAttend|present\nIll|ill\nLate|late\nPass|absent-excused\n");
    // Капустина has no entry for L2: nothing is recorded for her there
    EXPECT_EQ(count("SELECT count(*) FROM attendance a JOIN person p ON p.id = a.student_id "
                    "JOIN lesson l ON l.id = a.lesson_id WHERE p.last_name = 'Капустина' AND l.number = 3"),
              0);
}

TEST_F(Dnevnik, TeachersAndSubjectsComeFromLessonsToo) {
    import_fixture();
    // T3 is in no windowed teacher list, only in September's lesson
    EXPECT_EQ(text("SELECT p.last_name FROM lesson_teacher lt JOIN person p ON p.id = lt.teacher_id "
                   "JOIN lesson l ON l.id = lt.lesson_id WHERE l.date = '2023-09-25'"),
              "Кабачкова\n");
    // История is named only by allfinalmarks; «Рус. яз.» is one subject with Русский язык
    EXPECT_EQ(text("SELECT name FROM subject ORDER BY name"), "Английский язык\nИстория\nМатематика\nРусский язык\n");
    EXPECT_EQ(text("SELECT a.source_name FROM subject_alias a JOIN subject s ON s.id = a.subject_id "
                   "WHERE s.name = 'Русский язык' ORDER BY 1"),
              "Рус. яз.\nРусский язык\n");
    EXPECT_EQ(count("SELECT count(*) FROM teaching_assignment"), 5);
}

TEST_F(Dnevnik, ArchivedPupilsKeepTheirMarks) {
    import_fixture();
    EXPECT_EQ(text("SELECT m.raw FROM mark m JOIN person p ON p.id = m.student_id WHERE p.last_name = 'Редискин'"), "3\n");
    EXPECT_EQ(text("SELECT f.raw, f.kind FROM final_mark f JOIN person p ON p.id = f.student_id "
                   "WHERE p.last_name = 'Редискин'"),
              "4-|period\n");
}

TEST_F(Dnevnik, PeriodMarksAreLinkedToTheirReportingPeriod) {
    import_fixture();
    EXPECT_EQ(text("SELECT s.name, f.kind, p.kind, p.number, f.raw FROM final_mark f JOIN subject s ON s.id = f.subject_id "
                   "LEFT JOIN period p ON p.id = f.period_id ORDER BY s.name, f.raw"),
              "История|year|NULL|NULL|5\nМатематика|period|quarter|1|4-\nМатематика|period|quarter|1|5\n"
              "Русский язык|period|quarter|1|4\n");
    EXPECT_EQ(count("SELECT count(*) FROM work WHERE type_raw = 'PeriodMark'"), 0) << "a period mark is no current mark";
}

TEST_F(Dnevnik, SubgroupsAndShortLessons) {
    import_fixture();
    EXPECT_EQ(text("SELECT c.name, g.name FROM class_group g JOIN class c ON c.id = g.class_id"), "7Б|7Б англ. 1\n");
    EXPECT_EQ(text("SELECT s.name, g.name, l.start_time FROM lesson l JOIN subject s ON s.id = l.subject_id "
                   "JOIN class_group g ON g.id = l.group_id"),
              "Английский язык|7Б англ. 1|11:30\n");
    EXPECT_EQ(count("SELECT count(*) FROM enrolment WHERE group_id IS NOT NULL"), 1);
    EXPECT_EQ(text("SELECT number, homework FROM lesson WHERE homework <> '' ORDER BY number"),
              "2|№ 15, 16 на с. 42\n3| \u00a0 \n")
        << "white space is kept as sent; stats does not count it as homework";
}

TEST_F(Dnevnik, DatesStayInTheSchoolsTimeZone) {
    import_fixture();
    EXPECT_EQ(text("SELECT timezone FROM school"), "+03:00\n");
    EXPECT_EQ(text("SELECT date, start_time FROM lesson WHERE number = 2 ORDER BY date"),
              "2023-09-25|08:30\n2023-10-02|08:30\n");
    // without an offset: the school's local time, marked with its offset; with "Z": moved into it
    EXPECT_EQ(text("SELECT raw_code, entered_at FROM attendance WHERE raw_code IN ('Ill', 'Pass') ORDER BY 1"),
              "Ill|2023-10-02T09:12:44.317+03:00\nPass|2023-10-02T09:15:00+03:00\n");
}

TEST(DnevnikTime, LocalDatesAreNeverShiftedToUtc) {
    using dnevnik::local_datetime;
    auto late = local_datetime("2023-10-02T23:30:00", 180);
    ASSERT_TRUE(late);
    EXPECT_EQ(late->date, "2023-10-02");
    EXPECT_EQ(late->timestamp, "2023-10-02T23:30:00+03:00");
    auto utc = local_datetime("2023-10-02T22:30:00Z", 300);  // a +05:00 school: already the next day there
    ASSERT_TRUE(utc);
    EXPECT_EQ(utc->date, "2023-10-03");
    EXPECT_EQ(utc->time, "03:30");
    auto unknown_zone = local_datetime("2023-10-02T09:12:44.317", std::nullopt);
    ASSERT_TRUE(unknown_zone);
    EXPECT_EQ(unknown_zone->timestamp, "2023-10-02T09:12:44.317");
    EXPECT_FALSE(local_datetime("2023-9-1T0:0:0", 180));
    EXPECT_FALSE(local_datetime("02.10.2023", 180));
}

TEST_F(Dnevnik, EmptyArraysAndIgnoredEntriesAddNothing) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-09-01/2023-09-30", "[]"});
    exchanges.push_back({host + "/v2/lesson-log-entries/group/20?subject=50", "[]"});
    exchanges.push_back({host + "/v2/edu-groups/20/final-marks", R"([{"person":30,"group":20,"per-subject-final-marks":[]}])"});
    exchanges.push_back({host + "/v2/users/me/feed", R"({"days":[]})"});
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-10-01/2023-10-31",
                         R"({"type":"apiServerError","description":"Internal error"})", 500});
    auto result = import_har(exchanges);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    json s = stats();
    EXPECT_EQ(s["lessons"], 1);
    EXPECT_EQ(s["marks"], 0);
    EXPECT_EQ(s["absences"], 0);
    EXPECT_EQ(s["final_marks"], 0);
    EXPECT_EQ(text("SELECT timezone FROM school"), "+05:00\n");
}

TEST_F(Dnevnik, MarksOfALessonlessWorkStayCurrentMarks) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/persons/30/edu-groups/20/allfinalmarks",
                         R"({"marks":[{"id":81,"type":"mark5","value":"4","person":30,"work":61,"lesson":null,"number":0},
                                      {"id":82,"type":"mark5","value":"5","person":30,"work":62,"lesson":null,"number":0}],
                             "works":[{"id":61,"type":"CommonWork","workType":70,"markType":"mark5","lesson":null,"eduGroup":20,
                                       "subjectId":50,"targetDate":"2023-10-20T00:00:00"},
                                      {"id":62,"type":"PeriodMark","workType":71,"markType":"mark5","lesson":null,"eduGroup":20,
                                       "subjectId":50,"periodNumber":1,"periodType":"Semester"}],
                             "subjects":[],"workTypes":[{"id":70,"name":"Проект","isFinal":false}]})"});
    auto result = import_har(exchanges);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(text("SELECT m.raw, w.type_raw, w.type, quote(w.lesson_id), w.date FROM mark m JOIN work w ON w.id = m.work_id"),
              "4|CommonWork|Проект|NULL|2023-10-20\n");
    EXPECT_NE(result.err.find("dnevnik work type «Проект»"), std::string::npos) << result.err;
    EXPECT_EQ(text("SELECT f.raw, p.kind, p.number FROM final_mark f JOIN period p ON p.id = f.period_id"), "5|half|1\n");
}

TEST_F(Dnevnik, TeachersKnownOnlyByIdAreKept) {
    auto exchanges = minimal_school();
    exchanges[3].body = R"([{"id":40,"date":"2023-10-02T08:00:00","number":1,"subject":{"id":50,"name":"Матем."},"group":20,
                             "works":[],"teachers":[1000001112299],"teachers_str":["1000001112299"]}])";
    auto result = import_har(exchanges);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stats()["teachers"], 1);
    EXPECT_EQ(text("SELECT quote(last_name), disambiguator FROM person p JOIN person_role r ON r.person_id = p.id "
                   "WHERE r.role = 'teacher'"),
              "''|1000001112299\n");
    EXPECT_EQ(text("SELECT name FROM subject"), "Математика\n");
}

TEST_F(Dnevnik, HtmlInsteadOfJsonIsSkipped) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-09-01/2023-09-30",
                         "<!DOCTYPE html><html><div class=\"error__description\"><p>Технические работы</p></div></html>",
                         200, "text/html"});
    auto result = import_har(exchanges);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stats()["lessons"], 1);
}

TEST_F(Dnevnik, OnlyHtmlPagesIsAnError) {
    auto result = import_har({{host + "/v2/users/me/context", "<html><p>502 Bad Gateway</p></html>", 502, "text/html"},
                              {host + "/v2/edu-groups/20/marks/2023-09-01/2023-09-30", "<html></html>", 200, "text/html"}});
    expect_failure(result, "none of the 2 Dnevnik API requests has usable data (1 failed or without a body, 1 HTML pages");
}

TEST_F(Dnevnik, TruncatedHarIsAnError) {
    std::string text = test::read_file(capture);
    std::string path = dir.path("cut.har");
    test::write_file(path, text.substr(0, text.size() / 2));
    expect_failure(import(path), "cut.har: line ");
}

TEST_F(Dnevnik, HarOfAnotherPlatformIsAnError) {
    auto result = import_har({{"https://edu.tatar.ru/user/diary/week?date=1696204800", "<html><body>Дневник</body></html>",
                               200, "text/html"},
                              {"https://asurso.ru/webapi/student/diary?weekStart=2023-10-02", "{\"weekDays\":[]}"}});
    expect_failure(result, "capture.har: no Dnevnik API requests (/v2/…) in this HAR");
}

TEST_F(Dnevnik, MalformedJsonBodyNamesTheEntry) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-09-01/2023-09-30", R"([{"id":1,"value":"5")"});
    expect_failure(import_har(exchanges), "capture.har: log.entries[4] (GET " + host +
                                              "/v2/edu-groups/20/marks/2023-09-01/2023-09-30): the response is not valid JSON");
}

TEST_F(Dnevnik, IdInScientificNotationNamesTheEntry) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/lessons/2023-10-09/2023-10-15",
                         R"([{"id":1.904000000000000301e18,"date":"2023-10-09T08:00:00","number":1,"subjectId":50,"group":20}])"});
    auto result = import_har(exchanges);
    expect_failure(result, "log.entries[4] (GET " + host + "/v2/edu-groups/20/lessons/2023-10-09/2023-10-15): [0].id: id 1.904");
    EXPECT_NE(result.err.find("is written with a fraction or an exponent and has lost its digits"), std::string::npos);
}

TEST_F(Dnevnik, HugeNumberInABodyIsAnErrorNotACrash) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-09-01/2023-09-30", R"([{"id":1e999}])"});
    expect_failure(import_har(exchanges), "log.entries[4]");
}

TEST_F(Dnevnik, UnknownMarkTypeAndStatusAreKeptAndReported) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-10-01/2023-10-31",
                         R"([{"id":80,"type":"markxyz","value":"A+","person":30,"work":60,"lesson":40,"number":0},
                             {"id":81,"type":"mark5","value":"6","person":30,"work":60,"lesson":40,"number":1}])"});
    exchanges.push_back({host + "/v2/lesson-log-entries/group/20?subject=50",
                         R"([{"person":30,"lesson":40,"status":"Quarantine","comment":"","createdDate":"2023-10-02T08:05:00"}])"});
    auto result = import_har(exchanges);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("dnevnik mark type «markxyz» seen 1 time"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("dnevnik mark value «mark5 «6»»"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("dnevnik attendance status «Quarantine» seen 1 time"), std::string::npos) << result.err;
    EXPECT_EQ(text("SELECT raw, value, numeric FROM mark ORDER BY position"), "A+|A+|NULL\n6|6|6.0\n");
    EXPECT_EQ(text("SELECT raw_code, reason, entered_at FROM attendance"), "Quarantine|NULL|2023-10-02T08:05:00+05:00\n");
    EXPECT_EQ(stats()["absences"], 1) << "an unmapped status is not presence";
}

TEST_F(Dnevnik, MarkOfAPupilMissingFromTheCaptureIsAnError) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/marks/2023-10-01/2023-10-31",
                         R"([{"id":80,"type":"mark5","value":"5","person":31,"work":60,"lesson":40}])"});
    expect_failure(import_har(exchanges), "[0]: person 31 is not in the capture");
}

TEST_F(Dnevnik, UnknownPeriodTypeIsAnErrorNamingTheMappingFile) {
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/reporting-periods",
                         R"([{"id":90,"number":1,"type":"Trimestre","name":"1","start":"2023-09-01T00:00:00","finish":"2023-11-30T00:00:00"}])"});
    expect_failure(import_har(exchanges), "reporting period type «Trimestre» is not in dnevnik/periods.toml");
}

TEST_F(Dnevnik, FailedImportLeavesTheArchiveAsItWas) {
    import_fixture();
    json before = stats();
    std::string path = dir.path("bad.har");
    auto exchanges = minimal_school();
    exchanges.push_back({host + "/v2/edu-groups/20/lessons/2023-10-09/2023-10-15", R"([{"id":2.5e18}])"});
    test::write_file(path, har(exchanges));
    auto result = import(path);
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_EQ(stats(), before);
}

}  // namespace
}  // namespace jb
