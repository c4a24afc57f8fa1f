// The edutatar adapter on its fixtures (fixtures/edutatar/, synthetic, counted by hand): stats per
// layout, the табель reconciled with the diary, idempotent re-import, and every bad input giving
// exit 2 with one message naming the file while an existing archive stays as it was.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "adapters/edutatar/calendar.hpp"
#include "adapters/edutatar/markup.hpp"
#include "core/error.hpp"
#include "core/sqlite.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::fixture;
using test::quote;
using test::read_file;
using test::run_jbridge;
using test::TempDir;

using Stats = std::map<std::string, std::int64_t>;

// schools classes students teachers subjects lessons marks debts absences homework final_marks
Stats stats_of(std::initializer_list<std::int64_t> values) {
    static const char* keys[] = {"schools", "classes", "students", "teachers", "subjects", "lessons",
                                 "marks",   "debts",   "absences", "homework", "final_marks"};
    Stats stats;
    std::size_t i = 0;
    for (auto value : values) stats[keys[i++]] = value;
    return stats;
}

class Edutatar : public ::testing::Test {
protected:
    std::string archive() const { return dir.path("pupil.sqlite"); }
    test::RunResult import(const std::string& inputs, const std::string& extra = "") {
        return run_jbridge("import --from edutatar " + inputs + " -o " + quote(archive()) + " " + extra);
    }
    Stats stats() {
        auto result = run_jbridge("stats " + quote(archive()) + " --json");
        EXPECT_EQ(result.exit_code, 0) << result.err;
        Stats out;
        auto json = nlohmann::json::parse(result.out);
        for (const auto& [key, value] : stats_of({0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) out[key] = json.at(key).get<std::int64_t>();
        return out;
    }
    std::int64_t scalar(const std::string& query) {
        sql::Db db(archive(), sql::Db::Mode::read_only);
        return db.scalar(query);
    }
    // Imports, checks the stats, imports again and checks that nothing changed.
    void expect_stats(const std::string& inputs, const std::string& extra, const Stats& expected) {
        auto first = import(inputs, extra);
        ASSERT_EQ(first.exit_code, 0) << first.err;
        EXPECT_EQ(stats(), expected) << inputs;
        auto second = import(inputs, extra);
        ASSERT_EQ(second.exit_code, 0) << second.err;
        EXPECT_NE(second.out.find(": 0 new, 0 changed"), std::string::npos) << second.out;
        EXPECT_EQ(stats(), expected) << inputs << " imported twice";
    }
    void expect_failure(const std::string& input, const std::vector<std::string>& mentions,
                        const std::string& extra = "--school-year 2022") {
        ASSERT_EQ(import(quote(fixture("edutatar/week_thu_sat.html"))).exit_code, 0);
        std::string before = read_file(archive());
        auto files = std::distance(std::filesystem::directory_iterator(dir.root()), {});
        auto result = import(quote(input), extra);
        EXPECT_EQ(result.exit_code, 2) << result.out << result.err;
        EXPECT_NE(result.err.find(input), std::string::npos) << "names the file: " << result.err;
        for (const auto& text : mentions) EXPECT_NE(result.err.find(text), std::string::npos) << result.err;
        EXPECT_EQ(std::count(result.err.begin(), result.err.end(), '\n'), 1) << "one message: " << result.err;
        EXPECT_EQ(read_file(archive()), before) << "the archive changed";
        EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.root()), {}), files) << "something half-written";
    }
    TempDir dir;
};

const std::string folder = fixture("edutatar/pupil-2022");
std::string in_folder(const std::string& name) { return quote(folder + "/" + name); }

TEST_F(Edutatar, DiaryXmlAcrossAMonthBoundary) {
    // 6 days × 4 slots: 15 lessons with a subject; marks 5, 4/5, 3, 4, 5, 4, 5/5 = 9; н, х, б = 3
    // absences; 5 homework texts; Матем., Рус.яз., Лит-ра, Физ-ра, «Информ. » = 5 subjects.
    expect_stats(in_folder("diary.xml"), "--school-year 2022", stats_of({1, 1, 1, 0, 5, 15, 9, 0, 3, 5, 0}));
    // 31 January is followed by 1 February in the January page; 2 February opens the next page.
    EXPECT_EQ(scalar("SELECT count(*) FROM lesson WHERE date = '2023-02-01'"), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM lesson WHERE date BETWEEN '2023-01-30' AND '2023-02-04'"), 15);
    EXPECT_EQ(scalar("SELECT count(*) FROM lesson WHERE homework = 'п.12, вопросы 1-3' || char(10) || '№ 45'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM mark WHERE raw = '4/5'"), 2);
    EXPECT_EQ(scalar("SELECT count(*) FROM attendance WHERE reason IS NULL AND raw_code = 'х'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM subject WHERE name IN ('Математика', 'Русский язык', 'Литература', "
                     "'Физическая культура', 'Информатика')"),
              5);
}

TEST_F(Edutatar, DiaryXmlNeedsASchoolYear) {
    auto result = import(in_folder("diary.xml"));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("--school-year"), std::string::npos) << result.err;
    EXPECT_FALSE(std::filesystem::exists(archive()));
}

TEST_F(Edutatar, UnknownAttendanceLetterIsKeptAndReported) {
    auto result = import(in_folder("diary.xml"), "--school-year 2022");
    ASSERT_EQ(result.exit_code, 0);
    EXPECT_NE(result.err.find("attendance code «х» seen 1 time"), std::string::npos) << result.err;
}

TEST_F(Edutatar, Term2019WithClassAveragesAndDashTotal) {
    // Алгебра 5 4, Русский язык 3 4 5, Музыка nothing; final marks 5 and 4; ИТОГО «-» is no mark.
    expect_stats(quote(fixture("edutatar/term_2019.html")), "--school-year 2019", stats_of({1, 1, 1, 0, 3, 0, 5, 0, 0, 0, 2}));
    EXPECT_EQ(scalar("SELECT count(*) FROM source_id WHERE entity = 'subject' AND source_id = '111111'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM period WHERE kind = 'half' AND number = 1"), 1);
}

TEST_F(Edutatar, Term2022WithCommentedOutColumnsAndAnElective) {
    // 25 mark columns: Математика 5 marks, «Информатика (выбор)» 1, «Родной язык_» 2; finals 4 and 5
    // (the third is blank), ИТОГО 4.50 is a summary.
    expect_stats(quote(fixture("edutatar/term_2022.html")), "--school-year 2021", stats_of({1, 1, 1, 0, 3, 0, 8, 0, 0, 0, 2}));
    EXPECT_EQ(scalar("SELECT count(*) FROM subject WHERE name = 'Информатика (выбор)'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_mark WHERE raw = '4.50'"), 0);
}

TEST_F(Edutatar, Cp1251PageWithoutCharsetIsDetected) {
    expect_stats(quote(fixture("edutatar/term_2019_cp1251_no_charset.html")), "--school-year 2019",
                 stats_of({1, 1, 1, 0, 3, 0, 5, 0, 0, 0, 2}));
    // The same page in UTF-8 gives the same records.
    auto utf8 = import(quote(fixture("edutatar/term_2019.html")), "--school-year 2019");
    ASSERT_EQ(utf8.exit_code, 0) << utf8.err;
    EXPECT_NE(utf8.out.find(": 0 new, 0 changed"), std::string::npos) << utf8.out;
}

TEST_F(Edutatar, YearSheetGivesPeriodExamAndYearMarks) {
    // Алгебра 4 5 5 5, Литература 5 5 - 5, Физика 3 4 (blank) 4.
    expect_stats(quote(fixture("edutatar/year_halves.html")), "--school-year 2021", stats_of({1, 1, 1, 0, 3, 0, 0, 0, 0, 0, 10}));
    EXPECT_EQ(scalar("SELECT count(*) FROM final_mark WHERE kind = 'exam'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_mark WHERE kind = 'year'"), 3);
    EXPECT_EQ(scalar("SELECT count(*) FROM final_mark WHERE kind = 'period'"), 6);
}

TEST_F(Edutatar, DayPage2017WithWorkTypesAndIllness) {
    // История 4 (Практическая работа) and 5 (Ответ на уроке), Алгебра «Болел», Физика 3.
    expect_stats(quote(fixture("edutatar/day_2017.html")), "", stats_of({1, 1, 1, 0, 3, 3, 3, 0, 1, 1, 0}));
    EXPECT_EQ(scalar("SELECT count(*) FROM work WHERE type = 'Практическая работа' AND date = '2017-11-14'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM work WHERE type = 'Итоговая' AND title = 'Контрольная работа - Итоговая'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM attendance WHERE reason = 'ill' AND comment = 'Болел'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM lesson WHERE homework = '§ 5, вопросы 1–4' || char(10) || 'читать с. 40'"), 1);
}

TEST_F(Edutatar, EmptyDayPage) {
    expect_stats(quote(fixture("edutatar/day_empty.html")), "", stats_of({1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0}));
}

TEST_F(Edutatar, WeekPageThursdayToSaturday) {
    // 3 days × 8 slots: 5 lessons; 5/4, 5, 4 = 4 marks; н = 1 absence; 3 homework texts.
    expect_stats(quote(fixture("edutatar/week_thu_sat.html")), "", stats_of({1, 1, 1, 0, 5, 5, 4, 0, 1, 3, 0}));
    EXPECT_EQ(scalar("SELECT count(*) FROM lesson WHERE date = '2021-09-04'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM class WHERE name = '7А' AND grade = 7"), 1);
}

TEST_F(Edutatar, FolderOfOnePupilReconcilesTheTabel) {
    // diary.xml (15 lessons, 9 marks) + the day page of 3 February (its «Болел» and homework; its
    // three marks are the diary's) + the 3rd-quarter табель: Математика 5 3 4 4 and Литература 5
    // are the diary's marks, Русский язык 4 5 5 5 3 holds one mark (3) the diary lacks → 10 marks.
    // Finals: quarters 1–3 of Математика and Русский язык (the табель's 3rd-quarter ones included) = 6.
    expect_stats(quote(folder), "", stats_of({1, 1, 1, 0, 5, 15, 10, 0, 4, 6, 6}));
    EXPECT_EQ(scalar("SELECT count(*) FROM work WHERE date IS NULL"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM person WHERE last_name = 'Сафина' AND birth_date = '2009-04-12'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM school WHERE name = 'МБОУ «Вымышленная школа № 999»'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM work WHERE type = 'Диктант' AND date = '2023-02-03'"), 1);
    EXPECT_EQ(scalar("SELECT count(*) FROM capture"), 5) << "every file of the folder is kept as a capture";
    EXPECT_EQ(scalar("SELECT count(*) FROM run_input"), 10) << "two runs of five files";
}

TEST_F(Edutatar, DiaryAndTabelOfTheSamePeriodGiveEachMarkOnce) {
    auto tabel_alone = run_jbridge("import --from edutatar " + in_folder("term_q3.html") + " -o " +
                                   quote(dir.path("tabel.sqlite")) + " --school-year 2022");
    ASSERT_EQ(tabel_alone.exit_code, 0) << tabel_alone.err;
    // The табель alone: 4 + 5 + 1 undated marks; the diary alone: 9; together: 9 + the one extra.
    expect_stats(in_folder("diary.xml") + " " + in_folder("term_q3.html"), "--school-year 2022",
                 stats_of({1, 1, 1, 0, 5, 15, 10, 0, 3, 5, 2}));
    EXPECT_EQ(scalar("SELECT count(*) FROM mark m JOIN work w ON w.id = m.work_id WHERE w.date IS NULL AND m.raw = '3'"), 1);
}

TEST_F(Edutatar, HarGivesWhatTheSavedPagesGive) {
    // The same pages captured in a HAR (the табель answered in windows-1251 per its HTTP header, a
    // sign-in page and a failed request among the entries): the same records as the folder.
    expect_stats(quote(fixture("edutatar/pupil-2022.har")), "", stats_of({1, 1, 1, 0, 5, 15, 10, 0, 4, 6, 6}));
    auto folder_after_har = import(quote(folder));
    ASSERT_EQ(folder_after_har.exit_code, 0) << folder_after_har.err;
    EXPECT_NE(folder_after_har.out.find(": 0 new, 0 changed"), std::string::npos) << folder_after_har.out;
}

TEST_F(Edutatar, AutoDetectsFilesFoldersAndHars) {
    for (const std::string& input : {fixture("edutatar/pupil-2022"), fixture("edutatar/pupil-2022.har"),
                                     fixture("edutatar/year_halves.html"), folder + "/diary.xml"}) {
        auto result = run_jbridge("import --from auto " + quote(input) + " -o " + quote(archive()) + " --school-year 2022");
        EXPECT_EQ(result.exit_code, 0) << input << ": " << result.err;
        EXPECT_NE(result.out.find("via edutatar"), std::string::npos) << input << ": " << result.out;
    }
}

TEST_F(Edutatar, FolderSkipsBrowserResourcesAndReportsUnknownPages) {
    std::filesystem::create_directories(dir.path("saved/term_files"));
    std::filesystem::copy_file(folder + "/diary.xml", dir.path("saved/diary.xml"));
    test::write_file(dir.path("saved/term_files/style.css"), "body { color: black }");
    test::write_file(dir.path("saved/news.html"), "<html><body><p>Новости школы</p></body></html>");
    auto result = run_jbridge("import --from edutatar " + quote(dir.path("saved")) + " -o " + quote(archive()) +
                              " --school-year 2022");
    ASSERT_EQ(result.exit_code, 0) << result.err;
    EXPECT_NE(result.err.find("page of an unknown kind (skipped) «" + dir.path("saved/news.html") + "»"), std::string::npos)
        << result.err;
    EXPECT_EQ(stats()["marks"], 9);
}

TEST_F(Edutatar, OtherAdaptersRefuseFolders) {
    auto result = run_jbridge("import --from native " + quote(folder) + " -o " + quote(archive()));
    EXPECT_EQ(result.exit_code, 2);
    EXPECT_NE(result.err.find("is a folder; adapter native reads files only"), std::string::npos) << result.err;
}

TEST_F(Edutatar, UnknownTabelColumnIsNamed) {
    expect_failure(fixture("edutatar/bad/term_unknown_column.html"), {"«Пропуски»", "column 28"});
}

TEST_F(Edutatar, UnknownTableIsNamed) {
    expect_failure(fixture("edutatar/bad/unknown_table.html"), {"«Предмет», «Баллы», «Рейтинг»"});
}

TEST_F(Edutatar, TruncatedDiaryXml) {
    expect_failure(fixture("edutatar/bad/diary_truncated.xml"), {":15:", "malformed XML"});
}

TEST_F(Edutatar, SignInPagesWhereADiaryWasExpected) {
    expect_failure(fixture("edutatar/bad/session_expired.html"), {"sign-in page", "session had expired"});
    expect_failure(fixture("edutatar/bad/logon_error.html"), {"sign-in page", "wrong login or password"});
    expect_failure(fixture("edutatar/bad/restricted_ip.txt"), {"Restricted IP"});
}

TEST_F(Edutatar, HarWhoseDiaryEntryIsTheSignInPage) {
    const std::string har = dir.path("expired.har");
    test::write_file(har, R"({"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
      {"startedDateTime": "2023-02-10T12:00:00.000+03:00",
       "request": {"method": "GET", "url": "https://edu.tatar.ru/user/diary/term"},
       "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "text/html; charset=utf-8"}],
                    "content": {"mimeType": "text/html", "text": "<html><body><form action=\"/logon\"><input name=\"main_login2\"><input name=\"main_password2\"></form></body></html>"}}}]}})");
    expect_failure(har, {"entry 0 (https://edu.tatar.ru/user/diary/term)", "sign-in page", "session had expired"});
}

TEST_F(Edutatar, ByteOutsideTheDeclaredCharsetIsNotAHalfPage) {
    // libxml2 alone would stop at the byte and keep the rows before it.
    expect_failure(fixture("edutatar/bad/cp1251_bad_byte.html"), {"byte 833 (0x98) is not a windows-1251 character"});
}

TEST_F(Edutatar, HarWithoutAnyEdutatarPage) {
    const std::string har = dir.path("other.har");
    test::write_file(har, R"({"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
      {"startedDateTime": "2023-02-10T12:00:00.000+03:00",
       "request": {"method": "GET", "url": "https://school.example.test/api/marks"},
       "response": {"status": 200, "content": {"mimeType": "application/json", "text": "[]"}}}]}})");
    expect_failure(har, {"no ЭО РТ page in it"});
}

TEST_F(Edutatar, TextInNoKnownEncoding) {
    expect_failure(fixture("edutatar/bad/unknown_encoding.html"), {"neither UTF-8 nor"});
}

TEST(EdutatarCalendar, MonthsDatesAndTimestamps) {
    EXPECT_EQ(edutatar::month_number("Январь"), 1);
    EXPECT_EQ(edutatar::month_number("Мая"), 5);
    EXPECT_EQ(edutatar::month_number("ноября"), 11);
    EXPECT_EQ(edutatar::month_number("Сен"), 9);
    EXPECT_EQ(edutatar::month_number("Марс"), 0);
    EXPECT_EQ(edutatar::parse_russian_date("14 Ноября 2023 г."), "2023-11-14");
    EXPECT_EQ(edutatar::parse_russian_date("31 Февраля 2023 г."), std::nullopt);
    EXPECT_EQ(edutatar::moscow_date(1664917200), "2022-10-05");  // MSK midnight
    EXPECT_EQ(edutatar::moscow_date(1664917199), "2022-10-04");
    EXPECT_EQ(edutatar::year_of_month(2022, 12), 2022);
    EXPECT_EQ(edutatar::year_of_month(2022, 1), 2023);
}

TEST(EdutatarCharset, HeaderThenMetaThenDetection) {
    EXPECT_EQ(edutatar::page_charset("<meta charset=utf-8>", "CP1251", "x"), "windows-1251");
    EXPECT_EQ(edutatar::page_charset("<html><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">", "", "x"),
              "windows-1251");
    EXPECT_EQ(edutatar::page_charset("<p>Математика</p>", "", "x"), "utf-8");
    EXPECT_EQ(edutatar::page_charset("<p>\xcc\xe0\xf2\xe5\xec\xe0\xf2\xe8\xea\xe0</p>", "", "x"), "windows-1251");  // cp1251
    EXPECT_EQ(edutatar::page_charset("<p>\xed\xc1\xd4\xc5\xcd\xc1\xd4\xc9\xcb\xc1</p>", "", "x"), "koi8-r");
    EXPECT_THROW(edutatar::page_charset("<p>\x80\x81\x82\x83</p>", "", "x"), Error);
}

}  // namespace
}  // namespace jb
