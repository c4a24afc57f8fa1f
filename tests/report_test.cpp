// The HTML «Анализ работы с классными журналами»: self-contained, well-formed, escaped, with the numbers.
#include <gtest/gtest.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "core/archive.hpp"
#include "core/error.hpp"
#include "core/record.hpp"
#include "core/report/html_report.hpp"
#include "core/report/html_text.hpp"
#include "core/report/report_data.hpp"
#include "core/sqlite.hpp"
#include "core/store.hpp"
#include "tests/support/mini_school.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb {
namespace {

using test::quote;
using test::run_jbridge;
using test::TempDir;

// Errors libxml2 reports while parsing; the HTML 4 parser's "unknown tag" (svg, rect, details…)
// is not an error in HTML5 and is counted apart.
struct ParseErrors {
    std::vector<std::string> errors;
    int unknown_tags = 0;
};

#if LIBXML_VERSION >= 21200
using ErrorArg = const xmlError*;
#else
using ErrorArg = xmlErrorPtr;
#endif

void collect(void* context, ErrorArg error) {
    auto* found = static_cast<ParseErrors*>(context);
    if (error->code == XML_HTML_UNKNOWN_TAG) ++found->unknown_tags;
    else if (error->level >= XML_ERR_ERROR)
        found->errors.push_back(std::to_string(error->line) + ": " + (error->message ? error->message : "?"));
}

ParseErrors parse_html(const std::string& html) {
    ParseErrors found;
    xmlSetStructuredErrorFunc(&found, collect);
    htmlDocPtr doc = htmlReadMemory(html.data(), static_cast<int>(html.size()), "report.html", "UTF-8", HTML_PARSE_NONET);
    if (!doc) found.errors.push_back("no document");
    xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    return found;
}

ParseErrors parse_xml(const std::string& html) {
    ParseErrors found;
    xmlSetStructuredErrorFunc(&found, collect);
    xmlDocPtr doc = xmlReadMemory(html.data(), static_cast<int>(html.size()), "report.xhtml", "UTF-8", XML_PARSE_NONET);
    if (!doc) found.errors.push_back("not well-formed XML");
    xmlFreeDoc(doc);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
    return found;
}

// The mini school plus a student whose name is markup, with a mark on the mini lesson's work.
struct Fixture {
    TempDir dir;
    std::string archive = dir.path("school.sqlite");
    test::MiniSchool school{};
    Id script_student = 0;

    Fixture() {
        school = test::make_mini_archive(archive);
        Archive a = Archive::open_write(archive);
        sql::Transaction transaction(a.db());
        Store store(a.db());
        using R = RecordBuilder;
        script_student = R(tables::person).set("school_id", school.school).set("last_name", "<script>")
                             .set("first_name", "alert(1)").set("middle_name", "</script>").put(store);
        R(tables::person_role).set("person_id", script_student).set("role", "student").put(store);
        R(tables::enrolment).set("student_id", script_student).set("class_id", school.school_class)
            .set("joined", "2024-09-01").put(store);
        R(tables::mark).set("work_id", school.work).set("student_id", script_student).set("raw", "3").set("value", "3")
            .put(store);
        transaction.commit();
    }

    // A validation result in the contract's shape: one error naming the odd student (class and
    // subject ids but no teacher), one warning naming class and subject only, one info without class.
    std::string validation_json() const {
        return std::string(R"({"profile": "ru-municipal", "findings": [
  {"rule": "mark.symbol", "severity": "error", "message": "Отметка «3» & <b>не по шкале</b>",
   "where": {"class_id": ")") + id_to_hex(school.school_class) + R"(", "class": "5А", "subject_id": ")" +
               id_to_hex(school.subject) + R"(", "subject": "Русский язык", "student": "<script> alert(1) </script>",
             "date": "2024-09-03"}},
  {"rule": "lesson.topic-generic", "severity": "warning", "message": "Тема «Урок» ничего не называет",
   "where": {"class": "5А", "subject": "Русский язык", "date": "2024-09-03"}},
  {"rule": "teacher.name-abbreviated", "severity": "info", "message": "Имя учителя сокращено",
   "where": {"person": "Иванов И.И."}}],
 "not_applicable": ["mark.backdated", "homework.late"],
 "summary": {"error": 1, "warning": 1, "info": 1}})";
    }

    std::string render(bool with_validation) {
        Archive a = Archive::open_read(archive);
        report::ReportInput input = report::gather_report_input(a.db(), "school.sqlite", "2024-09-10");
        if (with_validation) {
            input.validation = report::validation_from_json(validation_json(), "check.json");
            report::attribute_teachers(a.db(), input.validation);
            input.validated = true;
        }
        return report::render_html_report(input);
    }
};

TEST(HtmlReport, IsSelfContainedWithoutScriptsOrExternalReferences) {
    Fixture f;
    std::string html = f.render(true);
    for (const char* forbidden : {"http://", "https://", "<script", "src=", "@import", "url(", "<link", "javascript:"})
        EXPECT_EQ(html.find(forbidden), std::string::npos) << forbidden;
    EXPECT_NE(html.find("<style>"), std::string::npos);
    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
}

TEST(HtmlReport, ParsesWithoutErrorsAsHtmlAndAsXml) {
    Fixture f;
    for (bool validated : {false, true}) {
        std::string html = f.render(validated);
        ParseErrors as_html = parse_html(html);
        EXPECT_TRUE(as_html.errors.empty()) << as_html.errors.front();
        EXPECT_GT(as_html.unknown_tags, 0) << "svg is unknown to the HTML 4 parser, so the filter is needed";
        ParseErrors as_xml = parse_xml(html);
        EXPECT_TRUE(as_xml.errors.empty()) << as_xml.errors.front();
    }
}

TEST(HtmlReport, TheParseCheckCatchesBrokenMarkup) {
    EXPECT_FALSE(parse_xml("<p>Иванов & сын</p>").errors.empty());
    EXPECT_FALSE(parse_xml("<div><p>unclosed</div>").errors.empty());
    EXPECT_FALSE(parse_html("<html><body><p>a</p></i></body></html>").errors.empty());
}

TEST(HtmlReport, NamesAndMessagesAreEscaped) {
    Fixture f;
    std::string html = f.render(true);
    EXPECT_NE(html.find("<td>&lt;script&gt; alert(1) &lt;/script&gt;</td>"), std::string::npos);
    EXPECT_NE(html.find("<td class=\"message\">Отметка «3» &amp; &lt;b&gt;не по шкале&lt;/b&gt;</td>"), std::string::npos);
    EXPECT_EQ(html.find("<b>не по шкале"), std::string::npos);
}

TEST(HtmlReport, ShowsTheSummaryNumbers) {
    Fixture f;
    std::string html = f.render(true);
    // The mini school holds 3 current marks now (Орлов «5», «4-», the new student's «3»), a debt,
    // one absence, one lesson with topic and homework, 3 students.
    EXPECT_NE(html.find("<tr><td>Текущих отметок</td><td class=\"n\">3</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>Учеников</td><td class=\"n\">3</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>Уроков проведено по 10.09.2024</td><td class=\"n\">1</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>из них с темой урока</td><td class=\"n\">1 (100\u00a0%)</td></tr>"),
              std::string::npos);
    // 3 students × quarter 1: «5» and «4-», none (a debt), «3» → 1 per student-period.
    EXPECT_NE(html.find("<tr><td>Отметок на ученика по предмету за период, в среднем</td><td class=\"n\">1</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><td>Ученик × предмет × период без единой отметки</td><td class=\"n\">1</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><td>Замечаний: ошибок</td><td class=\"n error\">1</td></tr>"), std::string::npos);
    EXPECT_NE(html.find("<tr><td>Правил, к которым в архиве нет данных</td><td class=\"n\">2</td></tr>"),
              std::string::npos);
    EXPECT_NE(html.find("mark.backdated, homework.late"), std::string::npos);
}

TEST(HtmlReport, FindingsArePerTeacherAndPerClassWithChart) {
    Fixture f;
    std::string html = f.render(true);
    // Neither names a teacher: both go to Белова through the teaching assignment of 5А Русский язык,
    // the error by the ids, the warning by the class and subject names. So her row: 1 lesson, 100 % topics and homework, 1 error, 1 warning, 0 info.
    EXPECT_NE(html.find("<tr><td>Белова Анна Сергеевна</td><td class=\"n\">1</td><td class=\"n\">100\u00a0%</td>"
                        "<td class=\"n\">100\u00a0%</td><td class=\"n error\">1</td><td class=\"n\">1</td>"
                        "<td class=\"n\">0</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<tr><td>Учитель не определён</td><td></td><td></td><td></td><td class=\"n\">0</td>"
                        "<td class=\"n\">0</td><td class=\"n\">1</td>"),
              std::string::npos);
    EXPECT_NE(html.find("<summary>5А — 2 (ошибок 1, предупреждений 1, сведений 0)</summary>"), std::string::npos);
    EXPECT_NE(html.find("<summary>Без класса — 1 (ошибок 0, предупреждений 0, сведений 1)</summary>"),
              std::string::npos);
    std::size_t svgs = 0;
    for (std::size_t at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) ++svgs;
    EXPECT_EQ(svgs, 2u);
    EXPECT_NE(html.find(">5А · Русский язык</text>"), std::string::npos);
}

TEST(HtmlReport, WithoutValidationSaysSo) {
    Fixture f;
    std::string html = f.render(false);
    EXPECT_NE(html.find("Проверка по правилам положения не выполнялась"), std::string::npos);
    EXPECT_EQ(html.find("Замечаний: ошибок"), std::string::npos);
}

TEST(HtmlReport, MalformedValidationResultIsAnErrorNamingTheFile) {
    try {
        report::validation_from_json("{\"findings\": [", "check.json");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("check.json: not a validation result (JSON error at byte"),
                  std::string::npos) << e.what();
    }
    EXPECT_THROW(report::validation_from_json(R"({"findings": [], "summary": {}})", "x.json"), Error);
    EXPECT_THROW(report::validation_from_json(
                     R"({"findings": [{"rule": "a", "severity": "fatal"}], "not_applicable": []})", "x.json"),
                 Error);
}

TEST(HtmlText, ClassesInSchoolOrderAndNoClassLast) {
    std::vector<std::string> names{"", "10Б", "5А", "11А", "5Б", "Кружок"};
    std::sort(names.begin(), names.end(), report::ClassOrder{});
    EXPECT_EQ(names, (std::vector<std::string>{"Кружок", "5А", "5Б", "10Б", "11А", ""}));
}

TEST(HtmlText, EscapesAndFormatsNumbersTheRussianWay) {
    EXPECT_EQ(report::html_escape("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    EXPECT_EQ(report::russian_number(0.5), "0,5");
    EXPECT_EQ(report::russian_number(12.0), "12");
    EXPECT_EQ(report::percent_text(3, 4), "75\u00a0%");
    EXPECT_EQ(report::percent_text(1, 0), "—");
}

TEST(ReportCli, ValidateWritesTheHtmlPageWithItsFindings) {
    Fixture f;
    std::string page_path = f.dir.path("analysis.html");
    auto html = run_jbridge("validate " + quote(f.archive) + " --profile base --format html -o " + quote(page_path));
    auto json = run_jbridge("validate " + quote(f.archive) + " --profile base --format json");
    ASSERT_TRUE(html.exit_code == 0 || html.exit_code == 1) << html.err;
    EXPECT_EQ(html.exit_code, json.exit_code) << "the exit code does not depend on the format";
    EXPECT_TRUE(html.out.empty());
    std::string page = test::read_file(page_path);
    EXPECT_NE(page.find("Проверка по положению: профиль «base»."), std::string::npos);
    EXPECT_EQ(page.find("http://"), std::string::npos);
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_TRUE(parse_xml(page).errors.empty());
    report::ReportValidation expected = report::validation_from_json(json.out, "stdout");
    EXPECT_NE(page.find("<tr><td>Замечаний: предупреждений</td><td class=\"n\">" + std::to_string(expected.warnings) +
                        "</td></tr>"),
              std::string::npos);
    auto to_stdout = run_jbridge("validate " + quote(f.archive) + " --profile base --format html");
    EXPECT_NE(to_stdout.out.find("<!DOCTYPE html>"), std::string::npos);
    std::string json_path = f.dir.path("check.json");
    run_jbridge("validate " + quote(f.archive) + " --profile base --format json -o " + quote(json_path));
    EXPECT_EQ(test::read_file(json_path), json.out);
}

// tools/render-report.sh on the bundled fixture's page: Chromium lays it out into a PNG of the
// window's size. Skipped where Chromium is not installed (`apt-get install -y chromium`).
TEST(ReportRender, ChromiumRendersTheFixturePage) {
    if (std::system("command -v chromium >/dev/null 2>&1") != 0) GTEST_SKIP() << "no chromium";
    TempDir dir;
    std::string archive = dir.path("demo.sqlite"), page = dir.path("demo.html"), png = dir.path("demo.png");
    ASSERT_EQ(run_jbridge("import --from native " + quote(test::fixture("native/school-demo.jsonl")) + " -o " +
                          quote(archive)).exit_code, 0);
    auto validated = run_jbridge("validate " + quote(archive) + " --profile ru-municipal --format html -o " + quote(page));
    ASSERT_TRUE(validated.exit_code == 0 || validated.exit_code == 1) << validated.err;
    std::string script = std::string(JBRIDGE_SOURCE_DIR) + "/tools/render-report.sh";
    ASSERT_EQ(std::system((quote(script) + " " + quote(page) + " " + quote(png) + " 1280,2000 >/dev/null").c_str()), 0);
    std::string image = test::read_file(png);
    ASSERT_GT(image.size(), 10000u) << "a blank page compresses to almost nothing";
    EXPECT_EQ(image.substr(1, 3), "PNG");
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned>(static_cast<unsigned char>(image[at])) << 24) |
               (static_cast<unsigned>(static_cast<unsigned char>(image[at + 1])) << 16) |
               (static_cast<unsigned>(static_cast<unsigned char>(image[at + 2])) << 8) |
               static_cast<unsigned>(static_cast<unsigned char>(image[at + 3]));
    };
    EXPECT_EQ(be32(16), 1280u);  // IHDR width
    EXPECT_EQ(be32(20), 2000u);  // IHDR height
    EXPECT_NE(std::system(("" + quote(script) + " " + quote(dir.path("nosuch.html")) + " " +
                           quote(png) + " 2>/dev/null").c_str()), 0);
}

TEST(ReportCli, HelpHasAnExample) {
    auto help = run_jbridge("report --help");
    EXPECT_EQ(help.exit_code, 0);
    EXPECT_NE(help.out.find("Example:"), std::string::npos);
}

TEST(ReportCli, WritesThePageAndRefusesABadValidationFile) {
    Fixture f;
    std::string out = f.dir.path("analysis.html"), check = f.dir.path("check.json");
    test::write_file(check, f.validation_json());
    auto result = run_jbridge("report " + quote(f.archive) + " --validation " + quote(check) + " --as-of 2024-09-10 -o " +
                              quote(out));
    EXPECT_EQ(result.exit_code, 0) << result.err;
    std::string page = test::read_file(out);
    EXPECT_NE(page.find("<tr><td>Текущих отметок</td><td class=\"n\">3</td></tr>"), std::string::npos);
    EXPECT_NE(page.find("&lt;script&gt; alert(1)"), std::string::npos);
    EXPECT_NE(test::read_file(out).find("Анализ работы с классными журналами"), std::string::npos);

    std::string bad = f.dir.path("bad.json"), not_written = f.dir.path("never.html");
    test::write_file(bad, "<html>error</html>");
    auto refused = run_jbridge("report " + quote(f.archive) + " --validation " + quote(bad) + " -o " + quote(not_written));
    EXPECT_EQ(refused.exit_code, 2);
    EXPECT_NE(refused.err.find(bad + ": not a validation result"), std::string::npos) << refused.err;
    EXPECT_FALSE(std::filesystem::exists(not_written));
    auto bad_date = run_jbridge("report " + quote(f.archive) + " --as-of 10.09.2024 -o -");
    EXPECT_EQ(bad_date.exit_code, 2);
}

}  // namespace
}  // namespace jb
