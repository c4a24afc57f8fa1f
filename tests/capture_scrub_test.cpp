// Raw captures are kept in the archive with their secrets scrubbed (architecture principle 9,
// rule privacy.secret-in-capture): tokens, cookies and passwords of a browser HAR never rest there.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <vector>

#include "core/error.hpp"
#include "core/har.hpp"
#include "core/har_scrub.hpp"
#include "core/sqlite.hpp"
#include "core/capture.hpp"
#include "tests/support/run.hpp"
#include "tests/support/temp_dir.hpp"

namespace {

using jb::test::quote;
using jb::test::run_jbridge;

const char* kSecretHar = R"({"log": {"version": "1.2", "creator": {"name": "t", "version": "1"}, "entries": [
 {"startedDateTime": "2023-10-02T09:00:00.000+03:00",
  "request": {"method": "POST", "url": "https://sgo.example.test/webapi/login?access_token=TOKEN-IN-URL&week=2023-10-02",
   "headers": [{"name": "Cookie", "value": "NSSESSIONID=COOKIE-IN-HEADER"}, {"name": "at", "value": "AT-SESSION"},
               {"name": "Access-Token", "value": "ACCESS-HEADER"}, {"name": "Accept", "value": "application/json"}],
   "cookies": [{"name": "ESRNSec", "value": "COOKIE-IN-LIST"}],
   "queryString": [{"name": "access_token", "value": "TOKEN-IN-QUERY"}, {"name": "week", "value": "2023-10-02"}],
   "postData": {"mimeType": "application/x-www-form-urlencoded", "text": "LoginName=teacher&PW2=HASHED-PW&pw=PLAIN-PW",
                "params": [{"name": "password", "value": "PARAM-PW"}, {"name": "LoginName", "value": "teacher"}]}},
  "response": {"status": 200, "headers": [{"name": "Set-Cookie", "value": "sessionid=SET-COOKIE; Path=/"}],
   "content": {"mimeType": "application/json", "text": "{\"access_token\": \"TOKEN-IN-BODY\", \"id\": 1000000000000000001, \"name\": \"Иванова\"}"}}},
 {"startedDateTime": "2023-10-02T09:00:01.000+03:00",
  "request": {"method": "GET", "url": "https://sgo.example.test/webapi/student/diary", "headers": []},
  "response": {"status": 200, "content": {"mimeType": "application/json", "text": "{\"weekDays\": [], \"score\": 4.50}"}}},
 {"startedDateTime": "2023-10-02T09:00:02.000+03:00",
  "request": {"method": "GET", "url": "https://sgo.example.test/webapi/context", "headers": []},
  "response": {"status": 200, "content": {"mimeType": "application/json", "text": "{\"at\": \"AT-IN-CONTEXT\", \"userId\": 5}"}}}
]}})";

const std::vector<std::string> kSecrets = {"TOKEN-IN-URL", "COOKIE-IN-HEADER", "AT-SESSION", "ACCESS-HEADER",
                                           "COOKIE-IN-LIST", "TOKEN-IN-QUERY", "HASHED-PW", "PLAIN-PW",
                                           "PARAM-PW", "SET-COOKIE", "TOKEN-IN-BODY", "AT-IN-CONTEXT"};

TEST(HarScrub, ReplacesEverySecretAndKeepsTheRest) {
    jb::test::TempDir dir;
    const auto in = dir.path("in.har"), out = dir.path("out.har");
    jb::test::write_file(in, kSecretHar);
    EXPECT_EQ(jb::har::scrub_har_file(in, out), 11u);  // the form body counts once
    const std::string text = jb::test::read_file(out);
    for (const auto& secret : kSecrets) EXPECT_EQ(text.find(secret), std::string::npos) << secret;
    EXPECT_EQ(nlohmann::json::parse(text)["log"]["creator"]["name"], "t");

    std::vector<jb::har::Entry> entries;
    jb::har::read_entries(out, [&](const jb::har::Entry& e) { entries.push_back(e); });
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].parsed_url.query_value("week"), "2023-10-02");
    EXPECT_EQ(entries[0].request_header("Accept"), "application/json");
    EXPECT_EQ(nlohmann::json::parse(entries[0].body)["id"].get<std::uint64_t>(), 1000000000000000001u);
    EXPECT_EQ(nlohmann::json::parse(entries[0].body)["name"], "Иванова");
    EXPECT_EQ(entries[1].body, "{\"weekDays\": [], \"score\": 4.50}");  // no secret: byte for byte

    // Scrubbing a scrubbed copy changes nothing more.
    EXPECT_EQ(jb::har::scrub_har_file(out, dir.path("again.har")), 0u);
    EXPECT_EQ(jb::test::read_file(dir.path("again.har")), text);
}

TEST(HarScrub, AMalformedHarIsAnErrorNamingIt) {
    jb::test::TempDir dir;
    jb::test::write_file(dir.path("cut.har"), std::string(kSecretHar).substr(0, 500));
    try {
        jb::har::scrub_har_file(dir.path("cut.har"), dir.path("out.har"));
        FAIL();
    } catch (const jb::Error& error) {
        EXPECT_NE(std::string(error.what()).find("cut.har: line"), std::string::npos) << error.what();
    }
}

// A platform fixture as a browser would save it: every request carries the session cookie and the
// token header, every response sets a cookie.
std::string with_session_secrets(const std::string& path) {
    auto har = nlohmann::json::parse(jb::test::read_file(path));
    for (auto& entry : har["log"]["entries"]) {
        entry["request"]["headers"].push_back({{"name", "Cookie"}, {"value", "sessionid=SECRET-COOKIE-1"}});
        entry["request"]["headers"].push_back({{"name", "Access-Token"}, {"value", "SECRET-TOKEN-2"}});
        entry["request"]["cookies"] = {{{"name", "NSSESSIONID"}, {"value", "SECRET-COOKIE-3"}}};
        entry["response"]["headers"].push_back({{"name", "Set-Cookie"}, {"value", "ESRNSec=SECRET-COOKIE-4; Path=/"}});
    }
    return har.dump(1);
}

TEST(HarScrub, ImportKeepsEveryPlatformFixtureWithoutItsSecrets) {
    for (const std::string fixture : {"dnevnik/capture.har", "bars/web-api.har", "bars/rest-api.har", "netschool/pupil.har",
                                      "netschool/staff.har", "edutatar/pupil-2022.har"}) {
        jb::test::TempDir dir;
        const auto capture = dir.path(std::filesystem::path(fixture).filename().string());
        jb::test::write_file(capture, with_session_secrets(jb::test::fixture(fixture)));
        const auto archive = dir.path("a.sqlite");
        const auto result = run_jbridge("import -q --from auto " + quote(capture) + " -o " + quote(archive));
        ASSERT_EQ(result.exit_code, 0) << fixture << result.err;
        std::string stored;
        {
            jb::sql::Db db(archive, jb::sql::Db::Mode::read_only);
            jb::sql::Stmt ids(db, "SELECT id FROM capture");
            std::vector<std::int64_t> capture_ids;
            while (ids.step()) capture_ids.push_back(ids.column_int(0));
            ASSERT_EQ(capture_ids.size(), 1u);
            jb::read_capture(db, capture_ids[0], [&](std::string_view piece) { stored += piece; });
        }
        EXPECT_EQ(stored.find("SECRET-"), std::string::npos) << fixture;
        EXPECT_NE(stored.find("[scrubbed]"), std::string::npos) << fixture;
        const auto validation = run_jbridge("validate " + quote(archive) + " --profile base --format json");
        const auto report = nlohmann::json::parse(validation.out);
        for (const auto& finding : report["findings"]) EXPECT_NE(finding["rule"], "privacy.secret-in-capture") << fixture;
        for (const auto& rule : report["not_applicable"]) EXPECT_NE(rule, "privacy.secret-in-capture") << fixture;
    }
}

TEST(HarScrub, RunInputRecordsTheInputsOwnChecksum) {
    jb::test::TempDir dir;
    const auto path = jb::test::fixture("dnevnik/capture.har");
    const auto archive = dir.path("a.sqlite");
    ASSERT_EQ(run_jbridge("import -q --from dnevnik " + quote(path) + " -o " + quote(archive)).exit_code, 0);
    jb::sql::Db db(archive, jb::sql::Db::Mode::read_only);
    jb::sql::Stmt input(db, "SELECT sha256, size FROM run_input");
    ASSERT_TRUE(input.step());
    EXPECT_EQ(input.column_text(0), jb::hash_file(path).sha256);
    EXPECT_EQ(input.column_int(1), static_cast<std::int64_t>(std::filesystem::file_size(path)));
}

}  // namespace

namespace {

TEST(HarScrub, TextAndFileGiveTheSameCopy) {
    jb::test::TempDir dir;
    jb::test::write_file(dir.path("in.har"), kSecretHar);
    jb::har::scrub_har_file(dir.path("in.har"), dir.path("out.har"));
    std::size_t replaced = 0;
    EXPECT_EQ(jb::har::scrub_har_text(kSecretHar, "in.har", &replaced), jb::test::read_file(dir.path("out.har")));
    EXPECT_EQ(replaced, 11u);
}

}  // namespace
