// The shared capture plumbing every platform adapter stands on: HAR walking, URLs, base64,
// mapping files, school-year inference.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <vector>

#include "core/base64.hpp"
#include "core/error.hpp"
#include "core/har.hpp"
#include "core/mapping_file.hpp"
#include "core/school_year.hpp"
#include "core/subject_names.hpp"
#include "core/url.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

const char* kHar = R"({"log": {"version": "1.2", "creator": {"name": "test", "version": "1"},
  "pages": [{"id": "p", "startedDateTime": "2023-03-01T10:00:00.000+03:00"}],
  "entries": [
    {"startedDateTime": "2023-03-01T10:00:01.000+03:00",
     "request": {"method": "GET", "url": "https://api.example.test/v2/users/me/context?a=1&b=%D0%BF+x",
                 "headers": [{"name": "Access-Token", "value": "secret"}]},
     "response": {"status": 200, "headers": [{"name": "content-type", "value": "application/json; charset=UTF-8"}],
                  "content": {"mimeType": "application/json", "text": "{\"id\": 1000000000000000001}"}}},
    {"startedDateTime": "2023-03-01T10:00:02.000+03:00",
     "request": {"method": "POST", "url": "https://api.example.test/login",
                 "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "u=x&p=y"}},
     "response": {"status": 502, "content": {"mimeType": "text/html", "encoding": "base64",
                  "text": "PGh0bWw+QmFkIGdhdGV3YXk8L2h0bWw+"}}},
    {"startedDateTime": "2023-03-01T10:00:03.000+03:00",
     "request": {"method": "GET", "url": "https://api.example.test/v2/nothing"},
     "response": {"status": 0, "content": {}}}
  ]}})";

std::vector<jb::har::Entry> entries_of(std::string_view text) {
    std::vector<jb::har::Entry> entries;
    jb::har::read_entries_from_text(text, "capture.har", [&](const jb::har::Entry& e) { entries.push_back(e); });
    return entries;
}

std::string error_of(std::string_view text) {
    try {
        entries_of(text);
    } catch (const jb::Error& error) {
        return error.what();
    }
    return "";
}

TEST(Har, WalksEntriesWithDecodedBodiesAndQueries) {
    const auto entries = entries_of(kHar);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].path(), "/v2/users/me/context");
    EXPECT_EQ(entries[0].parsed_url.host, "api.example.test");
    EXPECT_EQ(entries[0].parsed_url.query_value("b"), "п x");
    EXPECT_EQ(entries[0].request_header("access-token"), "secret");
    EXPECT_EQ(entries[0].charset(), "utf-8");
    EXPECT_EQ(entries[0].body, "{\"id\": 1000000000000000001}");
    EXPECT_TRUE(entries[0].succeeded());
    EXPECT_EQ(entries[1].method, "POST");
    EXPECT_EQ(entries[1].request_body, "u=x&p=y");
    EXPECT_EQ(entries[1].body, "<html>Bad gateway</html>");
    EXPECT_TRUE(entries[1].body_is_html());
    EXPECT_FALSE(entries[1].succeeded());
    EXPECT_EQ(entries[2].status, 0);
    EXPECT_FALSE(entries[2].has_body);
    EXPECT_EQ(entries[2].index, 2u);
}

TEST(Har, ReadsAFileThroughItsWindowTheSameAsText) {
    jb::test::TempDir dir;
    const auto path = dir.root() / "capture.har";
    std::ofstream(path) << "\xEF\xBB\xBF" << kHar;
    std::vector<std::string> urls;
    jb::har::read_entries(path.string(), [&](const jb::har::Entry& e) { urls.push_back(e.url); });
    ASSERT_EQ(urls.size(), 3u);
    EXPECT_EQ(urls[2], "https://api.example.test/v2/nothing");
}

TEST(Har, BodiesLargerThanTheReadWindowArriveWhole) {
    std::string body;
    for (int i = 0; body.size() < 3 * 1024 * 1024; ++i) body += "{\\\"Фамилия\\\": \\\"Иванова\\\", \\\"n\\\": " + std::to_string(i) + "},";
    jb::test::TempDir dir;
    const auto path = dir.root() / "large.har";
    std::ofstream(path) << R"({"log": {"entries": [{"request": {"method": "GET", "url": "http://x/a"}, "response": {"status": 200, "content": {"text": ")"
                        << body << R"("}}}]}})";
    std::size_t size = 0;
    jb::har::read_entries(path.string(), [&](const jb::har::Entry& e) {
        size = e.body.size();
        EXPECT_EQ(e.body.rfind("{\"Фамилия\": \"Иванова\", \"n\": 0},{", 0), 0u);
    });
    EXPECT_GT(size, 2u * 1024 * 1024);
}

TEST(Har, RefusesWhatIsNotAHarWithTheFileAndPlace) {
    EXPECT_NE(error_of("").find("empty"), std::string::npos);
    EXPECT_NE(error_of("<html><body>502</body></html>").find("HTML"), std::string::npos);
    EXPECT_NE(error_of("[1,2]").find("JSON object"), std::string::npos);
    EXPECT_NE(error_of(R"({"log": {"pages": []}})").find("no \"log\""), std::string::npos);
    EXPECT_NE(error_of(std::string(R"({"log": {"entries": []}})") + std::string(4, '\0')).find("after the end"), std::string::npos);
    EXPECT_NE(error_of("{\"log\": {\"entries\": [\"\xC8\xE2\xE0\xED\"]}}").find("not valid UTF-8"), std::string::npos);
    const std::string truncated = std::string(kHar).substr(0, std::string(kHar).find("{\"startedDateTime\": \"2023-03-01T10:00:03"));
    const auto message = error_of(truncated);
    EXPECT_NE(message.find("capture.har: line 14, byte 10"), std::string::npos) << message;
    EXPECT_NE(message.find("after 2 complete entries"), std::string::npos) << message;
    EXPECT_NE(error_of(R"({"log": {"entries": [{"response": {"status": 200, "content": {"encoding": "base64", "text": "!!"}}}]}})")
                  .find("log.entries[0]"),
              std::string::npos);
}

TEST(Har, LooksLikeHar) {
    EXPECT_TRUE(jb::har::looks_like_har(kHar));
    EXPECT_FALSE(jb::har::looks_like_har(R"({"record":"header","format":"jbridge-native"})"));
    EXPECT_FALSE(jb::har::looks_like_har("<html>"));
}

TEST(Url, SplitsAndDecodes) {
    const auto url = jb::parse_url("http://127.0.0.1:8080/api/x?weekStart=2023-01-09&q=%3D%26#frag");
    EXPECT_EQ(url.scheme, "http");
    EXPECT_EQ(url.host, "127.0.0.1:8080");
    EXPECT_EQ(url.path, "/api/x");
    EXPECT_EQ(url.query_value("q"), "=&");
    EXPECT_EQ(jb::parse_url("/relative").path, "/relative");
    EXPECT_EQ(jb::percent_decode("100%"), "100%");
    EXPECT_EQ(jb::percent_decode(jb::percent_encode("Иванов И. & Co")), "Иванов И. & Co");
}

TEST(Base64, RoundTripsAndRefusesGarbage) {
    for (const std::string text : {"", "a", "ab", "abc", "abcd", "Журнал\n"}) {
        EXPECT_EQ(jb::base64_decode(jb::base64_encode(text)), text);
    }
    EXPECT_EQ(jb::base64_encode("abc"), "YWJj");
    EXPECT_FALSE(jb::base64_decode("YW*j"));
    EXPECT_FALSE(jb::base64_decode("Y"));
}

TEST(SchoolYear, SeptemberStartsTheYear) {
    EXPECT_EQ(jb::school_year_of("2023-09-01"), 2023);
    EXPECT_EQ(jb::school_year_of("2024-05-31T23:59:59+03:00"), 2023);
    EXPECT_EQ(jb::school_year_of("2023-08-31"), 2022);
    EXPECT_FALSE(jb::school_year_of("31.05.2024"));
}

TEST(MappingFile, ReadsTablesListsAndLines) {
    const auto file = jb::MappingFile::parse(R"(# attendance codes as captured
[attendance]
"Н" = "absent-unexcused"
Ill = "ill"

[marks.weights]
"контрольная" = 2

[topics]
generic = ["Повторение", "Урок"]
)", "test.toml");
    EXPECT_EQ(file.find("attendance", "Н"), "absent-unexcused");
    EXPECT_EQ(file.find("attendance", "н"), std::nullopt);
    EXPECT_EQ(file.find("marks.weights", "контрольная"), "2");
    EXPECT_EQ(file.list("topics", "generic").size(), 2u);
    EXPECT_EQ(file.line_of("attendance", "Ill"), 4u);
    EXPECT_EQ(file.table("missing").size(), 0u);
}

TEST(MappingFile, SyntaxErrorsNameFileLineAndColumn) {
    try {
        jb::MappingFile::parse("[a]\nkey = = 1\n", "broken.toml");
        FAIL();
    } catch (const jb::Error& error) {
        EXPECT_EQ(std::string(error.what()).rfind("broken.toml:2:", 0), 0u) << error.what();
    }
}

TEST(MappingFile, FoundThroughTheEnvironmentFirst) {
    jb::test::TempDir dir;
    std::filesystem::create_directories(dir.root() / "demo");
    std::ofstream(dir.root() / "demo" / "x.toml") << "[t]\nk = \"v\"\n";
    ::setenv("JBRIDGE_MAPPINGS", dir.root().c_str(), 1);
    EXPECT_EQ(jb::MappingFile::load("demo/x.toml").find("t", "k"), "v");
    EXPECT_THROW(jb::MappingFile::load("demo/absent.toml"), jb::Error);
    ::unsetenv("JBRIDGE_MAPPINGS");
}

}  // namespace

namespace {

TEST(SubjectNames, ShortAndLongNamesMeetInOneCanonicalName) {
    const auto& names = jb::SubjectNames::standard();
    EXPECT_EQ(names.canonical("Матем."), "Математика");
    EXPECT_EQ(names.canonical("  МАТЕМАТИКА "), "Математика");
    EXPECT_EQ(names.canonical("Рус.яз."), "Русский язык");
    EXPECT_EQ(names.canonical("Физ-ра"), "Физическая культура");
    EXPECT_EQ(names.canonical("Астрономия  для\xC2\xA0всех"), "Астрономия для всех");
    EXPECT_FALSE(names.known("Астрономия"));
    EXPECT_TRUE(names.in_group("Литература", "russian-language-and-literature"));
    EXPECT_FALSE(names.in_group("Математика", "russian-language-and-literature"));
    EXPECT_EQ(jb::subject_match_key("ЁЖИК Ёлка"), "ёжик ёлка");
}

}  // namespace
