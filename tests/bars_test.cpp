// The bars adapter: the synthetic БАРС captures of fixtures/bars give the numbers counted by hand
// in docs/bars.md; every quirk of docs/platforms/bars.md and every bad input has a case here.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "adapters/bars/bars_text.hpp"
#include "adapters/bars/bars_vocabulary.hpp"
#include "core/adapter.hpp"
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
using test::write_file;

const std::string web_har = fixture("bars/web-api.har");
const std::string rest_har = fixture("bars/rest-api.har");

json stats_of(const std::string& archive) {
    auto result = run_jbridge("stats " + quote(archive) + " --json");
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
}

// A HAR of (method, path, form, body) entries from school.07.edu.o7.com, captured 2024-02-14.
json entry(const std::string& method, const std::string& path, const std::string& form, const json& body,
           int status = 200, const std::string& host = "https://school.07.edu.o7.com") {
    json request = {{"method", method}, {"url", host + path}, {"headers", json::array()}};
    if (!form.empty()) request["postData"] = {{"mimeType", "application/x-www-form-urlencoded"}, {"text", form}};
    const std::string text = body.is_string() ? body.get<std::string>() : body.dump();
    return {{"startedDateTime", "2024-02-14T15:00:00.000+03:00"},
            {"request", request},
            {"response", {{"status", status}, {"content", {{"mimeType", "application/json"}, {"text", text}}}}}};
}
std::string har(const json& entries) { return json{{"log", {{"version", "1.2"}, {"entries", entries}}}}.dump(1); }

json person_data(int selected) {
    return {{"auth_user_profile_id", 90},
            {"user_fullname", "Иванова Ольга Петровна"},
            {"selected_pupil_id", selected},
            {"children_persons",
             {{{"person_id", 1}, {"fullname", "Иванов Пётр Сергеевич"}, {"school", "Школа № 2"}, {"classyear", "5А"}},
              {{"person_id", 2}, {"fullname", "Иванова Анна Сергеевна"}, {"school", "Школа № 2"}, {"classyear", "2Б"}}}}};
}

json diary(const std::string& date, const std::vector<json>& lessons) {
    return {{"days", json::array({json{{"date", date}, {"lessons", json(lessons)}}})}};
}
json lesson(int index, const std::string& discipline, const std::string& mark, const json& extra = json::object()) {
    json item = {{"index", index},           {"discipline", discipline}, {"time_begin", "08:30"}, {"time_end", "09:15"},
                 {"teacher", "Орлова Анна Ивановна"}, {"theme", "Тема"}, {"homework", ""},          {"mark", mark},
                 {"mark_type", ""},          {"schedulelessontype", "Работа на уроке"},             {"attendance", ""}};
    item.update(extra);
    return item;
}

class Bars : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("journal.sqlite"); }
    test::RunResult import(const std::string& input, const std::string& from = "bars") {
        return run_jbridge("import --from " + from + " " + quote(input) + " -o " + quote(archive()));
    }
    test::RunResult import_text(const std::string& text) {
        const std::string path = dir.path("capture.har");
        write_file(path, text);
        return import(path);
    }
    std::int64_t count(const std::string& sql) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        return db.scalar(sql);
    }
    void expect_failure(const test::RunResult& result, const std::string& names) {
        EXPECT_EQ(result.exit_code, 2) << result.err;
        EXPECT_NE(result.err.find(names), std::string::npos) << result.err;
        EXPECT_FALSE(std::filesystem::exists(archive())) << "a failed import left an archive behind";
    }
    TempDir dir;
};

// Counted by hand in docs/bars.md («Fixtures»).
TEST_F(Bars, WebApiFixtureGivesTheHandCountedStats) {
    auto result = import(web_har);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stats_of(archive()), json::parse(R"({"schools":1,"classes":2,"students":4,"teachers":5,"subjects":7,
        "lessons":8,"marks":9,"debts":1,"absences":2,"homework":4,"final_marks":5})"));
}

TEST_F(Bars, RestApiFixtureGivesTheHandCountedStats) {
    auto result = import(rest_har);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stats_of(archive()), json::parse(R"({"schools":1,"classes":1,"students":2,"teachers":3,"subjects":3,
        "lessons":4,"marks":4,"debts":0,"absences":1,"homework":2,"final_marks":3})"));
}

TEST_F(Bars, AutoRecognisesBothApiGenerations) {
    for (const auto& input : {web_har, rest_har}) EXPECT_EQ(&identify_adapter(input), find_adapter("bars")) << input;
}

TEST_F(Bars, ImportingTwiceChangesNothing) {
    for (const auto& input : {web_har, rest_har}) {
        std::filesystem::remove(archive());
        ASSERT_EQ(import(input).exit_code, 0);
        const json first = stats_of(archive());
        const std::string export_first = run_jbridge("export --to native " + quote(archive()) + " -o -").out;
        auto again = import(input);
        ASSERT_EQ(again.exit_code, 0) << again.err;
        EXPECT_NE(again.out.find(" 0 new, 0 changed"), std::string::npos) << again.out;
        EXPECT_EQ(stats_of(archive()), first);
        EXPECT_TRUE(run_jbridge("export --to native " + quote(archive()) + " -o -").out == export_first);
    }
}

TEST_F(Bars, DiaryAndSummaryMarksGiveEachMarkOnce) {
    ASSERT_EQ(import(web_har).exit_code, 0);
    // 2024-02-12 Алгебра «5» is in the diary and in the summary: one mark, on the diary's lesson.
    EXPECT_EQ(count("SELECT count(*) FROM mark m JOIN work w ON w.id = m.work_id JOIN subject s ON s.id = w.subject_id "
                    "WHERE w.date = '2024-02-12' AND s.name = 'Алгебра'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM work WHERE date = '2024-02-12' AND subject_id IN "
                    "(SELECT id FROM subject WHERE name = 'Алгебра') AND lesson_id IS NOT NULL"), 1);
    // The double mark 5/4 is two values in the diary and two summary entries: still two marks.
    EXPECT_EQ(count("SELECT count(*) FROM mark m JOIN work w ON w.id = m.work_id JOIN subject s ON s.id = w.subject_id "
                    "WHERE s.name = 'Математика'"), 2);
    // Marks only the summary has (2024-02-05, 2024-02-07, the debt of 2024-02-09) are kept, without a lesson.
    EXPECT_EQ(count("SELECT count(*) FROM work WHERE lesson_id IS NULL"), 3);
}

TEST_F(Bars, SummaryMarksAloneAreKeptAndTheDiaryAddedLaterDoesNotDoubleThem) {
    const json summary = {{"summary_marks_data",
                           {{{"discipline_marks",
                              {{{"discipline", "Алгебра"},
                                {"marks", {{{"date", "2024-02-12"}, {"mark", "4"}, {"description", "Работа на уроке"}}}}}}}}}}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "4")})),
                          entry("GET", "/api/MarkService/GetSummaryMarks", "", summary),
                          entry("GET", "/api/MarkService/GetSummaryMarks", "", summary)};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(stats_of(archive())["marks"], 1);
}

TEST_F(Bars, SetChildAttributesLaterResponsesToTheSelectedChild) {
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")})),
                          entry("POST", "/api/ProfileService/SetChild", "selected=2", json{{"success", true}}),
                          // No GetPersonData after the switch: the switch alone decides.
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Математика", "3")})),
                          entry("POST", "/api/ProfileService/SetChild", "selected=1",
                                json{{"faultcode", "Client.ValidationError"}, {"faultstring", "нет"}}),
                          // The failed switch changed nothing: still the second child.
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-13", {lesson(2, "Чтение", "4")}))};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    auto marks_of = [&](const std::string& first_name) {
        return count("SELECT count(*) FROM mark m JOIN person p ON p.id = m.student_id WHERE p.first_name = '" +
                     first_name + "'");
    };
    EXPECT_EQ(marks_of("Пётр"), 1);
    EXPECT_EQ(marks_of("Анна"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM lesson l JOIN class c ON c.id = l.class_id WHERE c.name = '2Б'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM guardianship"), 2);
}

TEST_F(Bars, ResponsesBeforeTheFirstProfileBelongToTheFirstSelectedChild) {
    const json entries = {entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")})),
                          entry("GET", "/api/ProfileService/GetPersonData", "", person_data(2))};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(count("SELECT count(*) FROM mark m JOIN person p ON p.id = m.student_id WHERE p.first_name = 'Анна'"), 1);
}

TEST_F(Bars, APupilsOwnAccountTakesTheClassFromClassInfo) {
    const json profile = {{"auth_user_profile_id", 31}, {"user_fullname", "Петров Илья Андреевич"}, {"user_desc", "Ученик"}};
    const json klass = {{"study_level", "9"}, {"letter", "В"}, {"form_master", "Орлова Анна Ивановна"},
                        {"pupils", {{{"fullname", "Петров Илья Андреевич"}}}}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", profile),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")})),
                          entry("GET", "/api/SchoolService/getClassYearInfo", "", klass)};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(stats_of(archive()), json::parse(R"({"schools":1,"classes":1,"students":1,"teachers":1,"subjects":1,
        "lessons":1,"marks":1,"debts":0,"absences":0,"homework":0,"final_marks":0})"));
    EXPECT_EQ(count("SELECT count(*) FROM class WHERE name = '9В' AND grade = 9 AND head_teacher_id IS NOT NULL"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM guardianship"), 0);
}

TEST_F(Bars, StringMarksKeepModifiersAndEmptyMarksAreNoMarks) {
    const std::vector<json> lessons = {lesson(1, "Алгебра", "4-"), lesson(2, "Геометрия", "5+"), lesson(3, "Физика", ""),
                          lesson(4, "Химия", " "), lesson(5, "История", "зачет")};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", lessons))};
    auto result = import_text(har(entries));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(stats_of(archive())["marks"], 3);
    EXPECT_EQ(count("SELECT count(*) FROM mark WHERE raw = '4-' AND value = '4' AND numeric = 4 AND modifier = '-'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM mark WHERE raw = '5+' AND value = '5' AND modifier = '+'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM mark WHERE value = 'зачет' AND numeric IS NULL"), 1);
}

TEST_F(Bars, HtmlAndZeroWidthSpacesAreStrippedFromText) {
    const json extra = {{"theme", "<span style=\"x\">Дроби\u200b</span>"},
                        {"homework", "<p>№&nbsp;5,&#160;<a href=\"/m/1\">стр. 12</a></p>\u200b"}};
    const json empty_homework = {{"homework", "<p>\u200b&nbsp;</p>"}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "",
                                diary("2024-02-12", {lesson(1, "Алгебра", "", extra), lesson(2, "Химия", "", empty_homework)}))};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(count("SELECT count(*) FROM lesson WHERE topic = 'Дроби' AND homework = '№ 5, стр. 12'"), 1);
    EXPECT_EQ(stats_of(archive())["homework"], 1);
}

TEST_F(Bars, NewerServersExtraFieldsAreIgnored) {
    const json extra = {{"id", 77},
                        {"is_control_work", true},
                        {"mark_type", "Контрольная работа"},
                        {"lesson_visit", {{"status", 1}, {"list", {1, 2}}}},
                        {"materials", {{{"name", "файл"}, {"url", "/m/2"}}}},
                        {"study_time_shift", 1}};
    const json day = {{"date", "2024-02-12"}, {"is_weekend", false}, {"new_day_flag", {1}}, {"lessons", json::array({lesson(1, "Алгебра", "5", extra)})}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", json{{"days", {day}}, {"week_meta", "x"}})};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(count("SELECT count(*) FROM work WHERE type = 'control-work' AND control = 1"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM source_id WHERE entity = 'lesson' AND source_id = '77'"), 1);
}

TEST_F(Bars, TotalMarksZeroMeansNoMarkYet) {
    const json totals = {{"subperiods", {{{"code", "Четверть_2"}, {"name", "2 Четверть"}}, {{"code", "Год"}, {"name", "Годовая"}}}},
                         {"discipline_marks",
                          {{{"discipline", "Алгебра"},
                            {"period_marks", {{{"subperiod_code", "Четверть_2"}, {"mark", "4"}},
                                              {{"subperiod_code", "Год"}, {"mark", "0"}}}}}}}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/MarkService/GetTotalMarks", "", totals)};
    ASSERT_EQ(import_text(har(entries)).exit_code, 0);
    EXPECT_EQ(stats_of(archive())["final_marks"], 1);
    EXPECT_EQ(count("SELECT count(*) FROM final_mark f JOIN period p ON p.id = f.period_id "
                    "WHERE p.kind = 'quarter' AND p.number = 2 AND f.value = '4'"), 1);
}

TEST_F(Bars, UnknownWorkTypeAndAttendanceAreKeptVerbatimAndReported) {
    const json extra = {{"mark_type", "Проект года"}, {"attendance", "ДО"}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5", extra)}))};
    auto result = import_text(har(entries));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("work type «Проект года»"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("attendance code «ДО»"), std::string::npos) << result.err;
    EXPECT_EQ(count("SELECT count(*) FROM work WHERE type_raw = 'Проект года' AND type = ''"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM attendance WHERE raw_code = 'ДО' AND reason IS NULL"), 1);
    EXPECT_EQ(stats_of(archive())["marks"], 1);
}

TEST_F(Bars, FaultBodiesAmongDataAreSkippedAndReported) {
    const json fault = {{"faultcode", "Server.UserNotAuthenticated"}, {"faultstring", "сессия истекла"}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")})),
                          entry("GET", "/api/MarkService/GetSummaryMarks", "", fault, 403),
                          entry("GET", "/api/ScheduleService/GetDiary", "", "<html><body>Вход</body></html>")};
    auto result = import_text(har(entries));
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("GetSummaryMarks: Server.UserNotAuthenticated: сессия истекла"), std::string::npos) << result.err;
    EXPECT_NE(result.err.find("GetDiary: an HTML page"), std::string::npos) << result.err;
    EXPECT_EQ(stats_of(archive())["marks"], 1);
}

TEST_F(Bars, OnlyFaultBodiesIsAClearError) {
    const json fault = {{"faultcode", "Server.UserNotAuthenticated"}, {"faultstring", "сессия истекла"}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", fault),
                          entry("GET", "/api/ScheduleService/GetDiary", "", fault)};
    expect_failure(import_text(har(entries)), "log.entries[0] (/api/ProfileService/GetPersonData): Server.UserNotAuthenticated");
}

TEST_F(Bars, HtmlWhereJsonWasExpectedIsAClearError) {
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", "<!DOCTYPE html><html>Вход</html>")};
    expect_failure(import_text(har(entries)), "an HTML page (HTTP 200) where JSON was expected");
}

TEST_F(Bars, TruncatedJsonBodyNamesTheEntry) {
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", R"({"days":[{"date":"2024-02-12","less)")};
    expect_failure(import_text(har(entries)), "log.entries[1] (/api/ScheduleService/GetDiary): response body byte");
}

TEST_F(Bars, TruncatedHarIsAClearError) {
    const std::string text = test::read_file(web_har);
    expect_failure(import_text(text.substr(0, text.size() / 2)), "is the file truncated?");
}

TEST_F(Bars, HarOfAnotherPlatformIsRefused) {
    const json entries = {entry("GET", "/webapi/student/diary?studentId=1", "", json{{"weekDays", json::array()}}, 200,
                                "https://asurso.ru")};
    expect_failure(import_text(har(entries)), "no БАРС «Электронная школа» requests in this capture");
    InputProbe probe{"x.har", har(entries), false};
    EXPECT_EQ(find_adapter("bars")->identify(probe), Confidence::no);
}

TEST_F(Bars, DataWithoutAnyProfileIsAClearError) {
    const json entries = {entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")}))};
    expect_failure(import_text(har(entries)), "cannot tell which pupil this response is for");
}

TEST_F(Bars, SwitchToAPupilNoProfileNamesIsAClearError) {
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("POST", "/api/ProfileService/SetChild", "selected=3", json{{"success", true}}),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5")}))};
    expect_failure(import_text(har(entries)), "log.entries[2] (/api/ScheduleService/GetDiary): this response is for pupil 3");
}

TEST_F(Bars, UnknownSubperiodIsAClearError) {
    const json totals = {{"discipline_marks",
                          {{{"discipline", "Алгебра"}, {"period_marks", {{{"subperiod_code", "Сессия_1"}, {"mark", "4"}}}}}}}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/MarkService/GetTotalMarks", "", totals)};
    expect_failure(import_text(har(entries)), "subperiod «Сессия_1» is not in mappings/bars/periods.toml");
}

TEST_F(Bars, BadDateNamesTheEntryAndDay) {
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("12/02/2024", {lesson(1, "Алгебра", "5")}))};
    expect_failure(import_text(har(entries)), "log.entries[1] (/api/ScheduleService/GetDiary): days[0]: date «12/02/2024»");
}

TEST_F(Bars, AFailedImportLeavesTheExistingArchiveUnchanged) {
    ASSERT_EQ(import(web_har).exit_code, 0);
    const json before = stats_of(archive());
    const std::string bad = dir.path("bad.har");
    write_file(bad, test::read_file(rest_har).substr(0, 3000));
    EXPECT_EQ(import(bad).exit_code, 2);
    EXPECT_EQ(stats_of(archive()), before);
}

TEST_F(Bars, AnAdminsMappingCopyExtendsTheVocabularyAndABadValueNamesItsLine) {
    std::filesystem::create_directories(dir.path("mappings/bars"));
    const std::string attendance = dir.path("mappings/bars/attendance.toml");
    write_file(attendance, "[attendance]\n\"Был\" = \"present\"\n\"ДО\" = \"released\"\n");
    const json extra = {{"attendance", "ДО"}};
    const json entries = {entry("GET", "/api/ProfileService/GetPersonData", "", person_data(1)),
                          entry("GET", "/api/ScheduleService/GetDiary", "", diary("2024-02-12", {lesson(1, "Алгебра", "5", extra)}))};
    const std::string capture = dir.path("capture.har");
    write_file(capture, har(entries));
    const std::string env = "JBRIDGE_MAPPINGS=" + quote(dir.path("mappings"));
    auto result = run_jbridge("import --from bars " + quote(capture) + " -o " + quote(archive()), env);
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_EQ(count("SELECT count(*) FROM attendance WHERE raw_code = 'ДО' AND reason = 'released'"), 1);
    std::filesystem::remove(archive());
    write_file(attendance, "[attendance]\n\"Был\" = \"present\"\n\"ДО\" = \"away\"\n");
    result = run_jbridge("import --from bars " + quote(capture) + " -o " + quote(archive()), env);
    expect_failure(result, "attendance.toml:3");
}

TEST(BarsText, CleansMarkupEntitiesAndZeroWidthSpaces) {
    EXPECT_EQ(bars::clean_text("<p>№ 312,&nbsp;315</p>"), "№ 312, 315");
    EXPECT_EQ(bars::clean_text("Тема\u200b  урока\u00a0"), "Тема урока");
    EXPECT_EQ(bars::clean_text("a &lt; b &amp;&#x200B; c"), "a < b & c");
    EXPECT_EQ(bars::clean_text("3 < 5"), "3 < 5");
    EXPECT_EQ(bars::clean_text("<span class=\"x\">\u200b</span>"), "");
}

TEST(BarsText, SplitsMarkCells) {
    using V = std::vector<std::string>;
    EXPECT_EQ(bars::mark_values("5/4"), (V{"5", "4"}));
    EXPECT_EQ(bars::mark_values("4-"), (V{"4-"}));
    EXPECT_EQ(bars::mark_values("+/-"), (V{"+/-"}));
    EXPECT_EQ(bars::mark_values("н/а"), (V{"н/а"}));
    EXPECT_EQ(bars::mark_values("5, 4"), (V{"5", "4"}));
    EXPECT_EQ(bars::mark_values(" "), V{});
}

TEST(BarsText, DatesTimesClassesAndNames) {
    EXPECT_EQ(bars::iso_date("12.02.2024"), "2024-02-12");
    EXPECT_EQ(bars::iso_date("2024-02-12T00:00:00"), "2024-02-12");
    EXPECT_FALSE(bars::iso_date("31.02.2024"));
    EXPECT_EQ(bars::clock_time("8:30"), "08:30");
    EXPECT_EQ(bars::clock_time("08:30:00"), "08:30");
    EXPECT_FALSE(bars::clock_time("830"));
    EXPECT_EQ(bars::parse_class_name("7 А").name, "7А");
    EXPECT_EQ(bars::parse_class_name("10-Б класс").grade, 10);
    EXPECT_TRUE(bars::abbreviates(bars::split_name("Кумыкова А. Б."), bars::split_name("Кумыкова Алла Борисовна")));
    EXPECT_TRUE(bars::abbreviates(bars::split_name("Кумыкова А.Б."), bars::split_name("Кумыкова Алла Борисовна")));
    EXPECT_FALSE(bars::abbreviates(bars::split_name("Кумыкова А. В."), bars::split_name("Кумыкова Алла Борисовна")));
}

TEST(BarsVocabulary, SubperiodsAttendanceAndMarkKinds) {
    const auto& v = bars::Vocabulary::standard();
    auto quarter = v.period("Четверть_2");
    ASSERT_TRUE(quarter);
    EXPECT_EQ(quarter->kind, "quarter");
    EXPECT_EQ(quarter->number, 2);
    auto half = v.period("1 Полугодие");
    ASSERT_TRUE(half);
    EXPECT_EQ(half->kind, "half");
    EXPECT_EQ(v.period("Годовая")->kind, "year");
    EXPECT_FALSE(v.period("Сессия_1"));
    EXPECT_EQ(v.attendance("Был"), "present");
    EXPECT_FALSE(v.attendance("ДО"));
    EXPECT_EQ(v.classify_mark("0"), bars::MarkKind::placeholder);
    EXPECT_EQ(v.classify_mark("•"), bars::MarkKind::debt);
    EXPECT_EQ(v.classify_mark("4-"), bars::MarkKind::mark);
    EXPECT_EQ(v.classify_mark("Х"), bars::MarkKind::unknown_symbol);
    EXPECT_EQ(v.work_type("Работа на уроке").type, "classwork");
}

}  // namespace
}  // namespace jb
