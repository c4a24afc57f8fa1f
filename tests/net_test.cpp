// The generic online layer (core/net) on its own, against a tiny in-process HTTP server.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/stat.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/error.hpp"
#include "core/har.hpp"
#include "core/net/date_windows.hpp"
#include "core/net/har_writer.hpp"
#include "core/net/journal.hpp"
#include "core/net/puller.hpp"
#include "core/net/retry.hpp"
#include "core/net/scrub.hpp"
#include "core/net/secrets.hpp"
#include "core/net/session.hpp"
#include "tests/support/temp_dir.hpp"

namespace jb::net {
namespace {

using test::read_file;
using test::TempDir;
using test::write_file;

class TinyServer {
public:
    TinyServer() = default;
    void start() {
        port_ = server.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server.listen_after_bind(); });
    }
    ~TinyServer() {
        server.stop();
        if (thread_.joinable()) thread_.join();
    }
    std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
    httplib::Server server;

private:
    int port_ = 0;
    std::thread thread_;
};

Request get(const std::string& url) {
    Request request;
    request.url = url;
    return request;
}

SessionOptions fast() {
    SessionOptions options;
    options.rate = 0;
    options.retry.initial_delay = std::chrono::milliseconds(1);
    options.retry.max_delay = std::chrono::milliseconds(5);
    options.retry.max_attempts = 6;
    return options;
}

TEST(NetRetry, ClassifiesAnswers) {
    Request json_request = get("http://x/");
    Response ok;
    ok.status = 200;
    ok.body = "[1,2]";
    EXPECT_FALSE(retry_reason(json_request, ok));
    for (int status : {408, 429, 500, 502, 503, 550}) {
        Response bad = ok;
        bad.status = status;
        EXPECT_TRUE(retry_reason(json_request, bad)) << status;
    }
    Response not_found = ok;
    not_found.status = 404;
    EXPECT_FALSE(retry_reason(json_request, not_found));
    Response html = ok;
    html.body = "\n<!DOCTYPE html><html><body>Технические работы</body></html>";
    EXPECT_EQ(*retry_reason(json_request, html), "an HTML page where JSON was expected");
    Response cut = ok;
    cut.body = "[{\"id\":1},{\"id\"";
    EXPECT_EQ(*retry_reason(json_request, cut), "the JSON answer is cut off or malformed");
    Request page_request = json_request;
    page_request.expects_json = false;
    EXPECT_FALSE(retry_reason(page_request, html));
    Response broken;
    broken.transport_error = "Transferred a partial file";
    EXPECT_EQ(*retry_reason(json_request, broken), "connection broke off: Transferred a partial file");
    Response limit = not_found;
    limit.status = 400;
    EXPECT_FALSE(retry_reason(json_request, limit));
    EXPECT_TRUE(retry_reason(json_request, limit, [](const Response& r) { return r.status == 400; }));
}

TEST(NetRetry, BackoffDoublesWithJitterAndHonoursRetryAfter) {
    RetryPolicy policy;
    policy.initial_delay = std::chrono::milliseconds(100);
    policy.max_delay = std::chrono::milliseconds(1000);
    for (std::uint64_t random : {0ULL, 7ULL, 12345678901ULL, ~0ULL}) {
        auto first = backoff_delay(policy, 1, random).count();
        auto third = backoff_delay(policy, 3, random).count();
        auto tenth = backoff_delay(policy, 10, random).count();
        EXPECT_GE(first, 50);
        EXPECT_LE(first, 100);
        EXPECT_GE(third, 200);
        EXPECT_LE(third, 400);
        EXPECT_GE(tenth, 500);
        EXPECT_LE(tenth, 1000);
    }
    EXPECT_NE(backoff_delay(policy, 4, 1).count(), backoff_delay(policy, 4, 2).count());  // jitter
    Response busy;
    busy.status = 429;
    busy.headers = {{"Retry-After", "30"}};
    EXPECT_EQ(backoff_delay(policy, 1, 0, &busy).count(), 1000);  // asked 30 s, capped at max_delay
    busy.headers = {{"retry-after", "Wed, 21 Oct 2015 07:28:00 GMT"}};
    EXPECT_EQ(backoff_delay(policy, 1, 0, &busy).count(), 50);
}

TEST(NetScrub, RemovesTokensCookiesAndPasswords) {
    EXPECT_TRUE(is_secret_header("Access-Token"));
    EXPECT_TRUE(is_secret_header("access-token"));
    EXPECT_TRUE(is_secret_header("Authorization"));
    EXPECT_TRUE(is_secret_header("Cookie"));
    EXPECT_TRUE(is_secret_header("Set-Cookie"));
    EXPECT_FALSE(is_secret_header("Content-Type"));
    EXPECT_EQ(scrub_url("https://api.dnevnik.ru/v1/users/me?access_token=abc123&x=1"),
              "https://api.dnevnik.ru/v1/users/me?access_token=%5Bscrubbed%5D&x=1");
    EXPECT_EQ(scrub_url("https://login.dnevnik.ru/oauth2/Authorization/Result?result=success#access_token=abc&state="),
              "https://login.dnevnik.ru/oauth2/Authorization/Result?result=success#access_token=%5Bscrubbed%5D&state=");
    EXPECT_EQ(scrub_url("https://h/v2/lesson-log-entries/group/1?subject=2&from=2023-09-01"),
              "https://h/v2/lesson-log-entries/group/1?subject=2&from=2023-09-01");
    EXPECT_EQ(scrub_body("login=teacher&password=s%26cret&ReturnUrl=%2F", "application/x-www-form-urlencoded"),
              "login=teacher&password=%5Bscrubbed%5D&ReturnUrl=%2F");
    EXPECT_EQ(scrub_body(R"({"client_id":"app","client_secret":"xyz","username":"u","password":"p","scope":"CommonInfo"})",
                         "application/json"),
              R"({"client_id":"app","client_secret":"[scrubbed]","password":"[scrubbed]","scope":"CommonInfo","username":"u"})");
    EXPECT_EQ(scrub_body("[1,2]", "application/json"), "[1,2]");
    EXPECT_EQ(scrub_body("main_login2=1000000077&main_password2=pw&term=2", "application/x-www-form-urlencoded"),
              "main_login2=1000000077&main_password2=%5Bscrubbed%5D&term=2");
}

TEST(NetScrub, NetSchoolsAtTokenInHeadersFormsAndJsonAnswers) {
    EXPECT_TRUE(is_secret_header("at"));
    EXPECT_TRUE(is_secret_header("AT"));
    EXPECT_FALSE(is_secret_header("Accept"));
    EXPECT_EQ(scrub_body("at=913755001&WarnType=2", "application/x-www-form-urlencoded"), "at=%5Bscrubbed%5D&WarnType=2");
    EXPECT_EQ(scrub_json_answer(R"({"at":"913755001","schoolId":1077,"user":{"id":1,"name":"Н"}})"),
              R"({"at":"[scrubbed]","schoolId":1077,"user":{"id":1,"name":"Н"}})");
    EXPECT_EQ(scrub_json_answer(R"( [{"id":1, "date":"2024-09-02T00:00:00"}])"), std::nullopt);  // nothing secret: kept as is
    EXPECT_EQ(scrub_json_answer("<html>at</html>"), std::nullopt);
    EXPECT_EQ(scrub_json_answer(R"({"at":"1")"), std::nullopt);  // cut off: not JSON, nothing to replace
}

TEST(NetScrub, EverySecretMemberNameGetsTheFullParse) {
    // Answers are parsed for scrubbing only when the quick look finds a possible secret member:
    // each name the scrubber treats as secret must pass it, in any case and spelling.
    for (std::string name : {"access_token", "accessToken", "refresh_token", "token", "id_token", "password",
                             "Password", "passwd", "pwd", "pw2", "client_secret", "secret", "apiKey", "api_key",
                             "API-KEY", "authToken", "sessionId", "NSSESSIONID", "ESRNSec", "JSESSIONID",
                             "PHPSESSID", "at", "main_password2"}) {
        ASSERT_TRUE(is_secret_field(name)) << name;
        std::string body = R"({"id":1,"nested":[{")" + name + R"(":"s3cr3t"}]})";
        EXPECT_TRUE(may_hold_secret_member(body)) << name;
        ASSERT_TRUE(scrub_json_answer(body).has_value()) << name;
        EXPECT_EQ(scrub_json_answer(body)->find("s3cr3t"), std::string::npos) << name;
    }
    EXPECT_FALSE(may_hold_secret_member(R"([{"id":1,"date":"2024-09-02T00:00:00","value":"5","status":"Attended"}])"));
    EXPECT_FALSE(may_hold_secret_member("<html>token</html>"));
}

TEST(NetHar, WritesScrubbedHarThatTheReaderReadsBack) {
    TempDir dir;
    Request request = get("https://api.school.mosreg.ru/v2/users/me/context?access_token=secret-in-query");
    request.headers = {{"Access-Token", "secret-in-header"}, {"Cookie", "sid=secret-cookie"}, {"Accept", "application/json"}};
    Response response;
    response.status = 200;
    response.status_text = "OK";
    response.headers = {{"Content-Type", "application/json; charset=utf-8"}, {"Set-Cookie", "sid=secret-cookie2"}};
    response.body = R"({"userId":1000009900000,"firstName":"Анна"})";
    response.started = "2024-03-01T10:00:00.000Z";
    Response binary = response;
    binary.headers = {{"Content-Type", "application/octet-stream"}};
    binary.body = std::string("\xff\xfe\x00\x01", 4);
    Request login = get("https://login.school.mosreg.ru/login/");
    login.method = "POST";
    login.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    login.body = "login=u&password=secret-password";
    {
        HarWriter har(dir.path("out.har"));
        har.add(har_entry_line(request, response));
        har.add(har_entry_line(request, binary));
        har.add(har_entry_line(login, response));
        har.commit();
    }
    std::string text = read_file(dir.path("out.har"));
    EXPECT_EQ(text.find("secret"), std::string::npos) << text;
    std::vector<har::Entry> entries;
    har::read_entries(dir.path("out.har"), [&](const har::Entry& e) { entries.push_back(e); });
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries[0].path(), "/v2/users/me/context");
    EXPECT_EQ(*entries[0].parsed_url.query_value("access_token"), "[scrubbed]");
    EXPECT_EQ(*entries[0].request_header("access-token"), "[scrubbed]");
    EXPECT_EQ(entries[0].body, response.body);
    EXPECT_EQ(entries[0].started, "2024-03-01T10:00:00.000Z");
    EXPECT_TRUE(entries[0].succeeded());
    EXPECT_EQ(entries[1].body, binary.body);  // base64 in the file, decoded by the reader
    EXPECT_EQ(entries[2].request_body, "login=u&password=%5Bscrubbed%5D");
    EXPECT_EQ(parse_har_entry_line(har_entry_line(request, binary)).response.body, binary.body);
}

TEST(NetJournal, KeepsFinishedEntriesAndDropsALineCutByAKill) {
    TempDir dir;
    std::string path = dir.path("a.pull-journal");
    Response response;
    response.status = 200;
    response.body = "[]";
    {
        Journal journal(path, "dnevnik h school 1 year 2023");
        EXPECT_EQ(journal.size(), 0u);
        journal.append(journal_key("GET", "http://h/v2/a", ""), har_entry_line(get("http://h/v2/a"), response));
        journal.append(journal_key("GET", "http://h/v2/b", ""), har_entry_line(get("http://h/v2/b"), response));
    }
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_EQ(info.st_mode & 0777, 0600u);
    std::string before = read_file(path);
    write_file(path, before + "\"GET http://h/v2/c\"\t{\"startedDateTime\":\"2024");  // killed mid-write
    {
        Journal journal(path, "dnevnik h school 1 year 2023");
        EXPECT_EQ(journal.loaded_at_start(), 2u);
        EXPECT_TRUE(journal.find(journal_key("GET", "http://h/v2/b", "")));
        EXPECT_FALSE(journal.find(journal_key("GET", "http://h/v2/c", "")));
        EXPECT_EQ(read_file(path), before);  // the torn line is gone
        journal.append(journal_key("GET", "http://h/v2/c", ""), har_entry_line(get("http://h/v2/c"), response));
    }
    Journal again(path, "dnevnik h school 1 year 2023");
    EXPECT_EQ(again.loaded_at_start(), 3u);
    EXPECT_EQ(parse_har_entry_line(*again.find(journal_key("GET", "http://h/v2/c", ""))).response.body, "[]");
    try {
        Journal other(path, "dnevnik h school 2 year 2023");
        FAIL() << "a journal of another pull was accepted";
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("belongs to another pull (dnevnik h school 1 year 2023"), std::string::npos)
            << e.what();
    }
}

TEST(NetSecrets, FromEnvironmentOrAPrivateFileOnly) {
    TempDir dir;
    ::setenv("JB_NET_TEST_TOKEN", "  env-token-123\n", 1);
    EXPECT_EQ(load_secret("", "JB_NET_TEST_TOKEN", "access token"), "env-token-123");
    std::string file = dir.path("token");
    write_file(file, "file-token-456\n");
    ::chmod(file.c_str(), 0600);
    EXPECT_EQ(load_secret(file, "JB_NET_TEST_TOKEN", "access token"), "file-token-456");  // the file wins
    ::chmod(file.c_str(), 0644);
    try {
        load_secret(file, "JB_NET_TEST_TOKEN", "access token");
        FAIL() << "a 0644 token file was accepted";
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()), file + ": the access token file has mode 0644, so other users can read or change "
                                                "it; refusing to use it. Run `chmod 600 " + file + "` and try again");
    }
    ::chmod(file.c_str(), 0640);
    EXPECT_THROW(load_secret(file, "", "access token"), Error);
    write_file(file, "\n");
    ::chmod(file.c_str(), 0600);
    EXPECT_THROW(load_secret(file, "", "access token"), Error);
    ::unsetenv("JB_NET_TEST_TOKEN");
    try {
        load_secret("", "JB_NET_TEST_TOKEN", "access token");
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("no access token: put it in the environment variable JB_NET_TEST_TOKEN"),
                  std::string::npos);
    }
}

TEST(NetDateWindows, MonthsAndWeeksClippedToTheRange) {
    auto months = date_windows("2023-09-15", "2023-11-10", "month");
    ASSERT_EQ(months.size(), 3u);
    EXPECT_EQ(months[0].from + " " + months[0].to, "2023-09-15 2023-09-30");
    EXPECT_EQ(months[1].from + " " + months[1].to, "2023-10-01 2023-10-31");
    EXPECT_EQ(months[2].from + " " + months[2].to, "2023-11-01 2023-11-10");
    auto weeks = date_windows("2023-09-01", "2023-09-12", "week");  // a Friday to a Tuesday
    ASSERT_EQ(weeks.size(), 3u);
    EXPECT_EQ(weeks[0].from + " " + weeks[0].to, "2023-09-01 2023-09-03");
    EXPECT_EQ(weeks[1].from + " " + weeks[1].to, "2023-09-04 2023-09-10");
    EXPECT_EQ(weeks[2].from + " " + weeks[2].to, "2023-09-11 2023-09-12");
    EXPECT_EQ(date_windows("2024-02-01", "2024-02-29", "month").size(), 1u);
    EXPECT_EQ(date_windows("2023-09-01", "2024-05-31", "month").size(), 9u);
    EXPECT_THROW(date_windows("2023-09-01", "2023-10-01", "day"), Error);
    EXPECT_EQ(base_url_of("api.school.mosreg.ru", "https"), "https://api.school.mosreg.ru");
    EXPECT_EQ(base_url_of("http://127.0.0.1:8080/", "https"), "http://127.0.0.1:8080");
}

TEST(NetSession, RetriesEveryKindOfFaultUntilTheAnswerIsGood) {
    TinyServer tiny;
    std::atomic<int> calls{0};
    tiny.server.Get("/flaky", [&](const httplib::Request&, httplib::Response& res) {
        switch (++calls) {
            case 1: res.status = 503; res.set_content("{}", "application/json"); break;
            case 2: res.status = 429; res.set_content("{}", "application/json"); break;
            case 3: res.status = 550; res.set_content("Server Work", "text/plain"); break;
            case 4: res.set_content("<html><body>maintenance</body></html>", "text/html"); break;
            case 5: res.set_content("[{\"id\":1", "application/json"); break;
            case 6:
                res.set_content_provider(100, "application/json", [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
                break;
            default: res.set_content("[{\"id\":1}]", "application/json");
        }
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    SessionOptions options = fast();
    options.retry.max_attempts = 7;
    Session session(options, journal);
    Exchange exchange = session.fetch_one(get(tiny.url("/flaky")));
    EXPECT_EQ(exchange.response.status, 200);
    EXPECT_EQ(exchange.response.body, "[{\"id\":1}]");
    EXPECT_EQ(calls.load(), 7);
    EXPECT_EQ(session.sent(), 7);
    EXPECT_EQ(session.retried(), 6);
    EXPECT_EQ(journal.size(), 1u);  // only the final answer is kept
}

TEST(NetSession, GivesUpWithAClearMessageAndHonoursThePlatformPredicate) {
    TinyServer tiny;
    std::atomic<int> limit_calls{0};
    tiny.server.Get("/down", [](const httplib::Request&, httplib::Response& res) {
        res.status = 502;
        res.set_content("<html>Bad Gateway</html>", "text/html");
    });
    tiny.server.Get("/limit", [&](const httplib::Request&, httplib::Response& res) {
        if (++limit_calls <= 2) {
            res.status = 400;
            res.set_content(R"({"type":"apiRequestLimit","description":"request limit"})", "application/json");
        } else {
            res.set_content("[]", "application/json");
        }
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    SessionOptions options = fast();
    options.retry.max_attempts = 3;
    Session session(options, journal);
    try {
        session.fetch_one(get(tiny.url("/down")));
        FAIL();
    } catch (const Error& e) {
        EXPECT_NE(std::string(e.what()).find("/down: gave up after 3 attempts; last: HTTP 502 (server error or maintenance)"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_EQ(session.fetch_one(get(tiny.url("/limit"))).response.status, 400);  // no predicate: a final answer
    limit_calls = 0;
    Session careful(options, journal);
    careful.set_retry_predicate([](const Response& r) { return r.body.find("apiRequestLimit") != std::string::npos; });
    Request again = get(tiny.url("/limit?again=1"));
    EXPECT_EQ(careful.fetch_one(again).response.body, "[]");
    EXPECT_EQ(limit_calls.load(), 3);
}

TEST(NetSession, Http401AsksForANewToken) {
    TinyServer tiny;
    tiny.server.Get("/me", [](const httplib::Request& req, httplib::Response& res) {
        if (req.get_header_value("Access-Token") != "good") {
            res.status = 401;
            res.set_content(R"({"type":"invalidToken","description":"Invalid token"})", "application/json");
        } else {
            res.set_content("{}", "application/json");
        }
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    Session session(fast(), journal);
    session.set_header("Access-Token", "expired");
    try {
        session.fetch_one(get(tiny.url("/me")));
        FAIL();
    } catch (const AuthError& e) {
        EXPECT_NE(std::string(e.what()).find("the access token has expired or is wrong. Get a new one"), std::string::npos);
    }
    EXPECT_EQ(session.sent(), 1);  // no retry
    session.set_header("Access-Token", "good");
    EXPECT_EQ(session.fetch_one(get(tiny.url("/me"))).response.status, 200);
    EXPECT_EQ(read_file(dir.path("j")).find("good"), std::string::npos);  // the token never reaches the journal
}

TEST(NetSession, BoundsConcurrencyAndKeepsTheRate) {
    TinyServer tiny;
    std::atomic<int> in_flight{0}, most{0};
    tiny.server.Get(R"(/slow/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        int now = ++in_flight;
        for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(40));
        --in_flight;
        res.set_content("[" + req.matches[1].str() + "]", "application/json");
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    SessionOptions options = fast();
    options.concurrency = 3;
    Session session(options, journal);
    std::vector<Request> requests;
    for (int i = 0; i < 12; ++i) requests.push_back(get(tiny.url("/slow/" + std::to_string(i))));
    auto results = session.fetch(requests);
    ASSERT_EQ(results.size(), 12u);
    for (int i = 0; i < 12; ++i) EXPECT_EQ(results[static_cast<std::size_t>(i)].response.body, "[" + std::to_string(i) + "]");
    EXPECT_EQ(most.load(), 3);

    options.concurrency = 4;
    options.rate = 50;  // one start every 20 ms
    Journal other(dir.path("k"), "t");
    Session polite(options, other);
    std::vector<Request> quick;
    for (int i = 20; i < 30; ++i) quick.push_back(get(tiny.url("/slow/" + std::to_string(i))));
    auto begin = std::chrono::steady_clock::now();
    polite.fetch(quick);
    auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - begin).count();
    EXPECT_GE(elapsed, 180);  // 10 starts: 9 intervals of 20 ms
}

TEST(NetSession, AResumedSessionReplaysFinishedRequestsWithoutAskingAgain) {
    TinyServer tiny;
    std::atomic<int> calls{0};
    tiny.server.Get(R"(/w/(\d+))", [&](const httplib::Request& req, httplib::Response& res) {
        ++calls;
        if (req.matches[1].str() == "3") {
            res.status = 503;  // the first run dies here
            res.set_content("{}", "application/json");
            return;
        }
        res.set_content("[" + req.matches[1].str() + "]", "application/json");
    });
    tiny.start();
    TempDir dir;
    SessionOptions options = fast();
    options.retry.max_attempts = 2;
    std::vector<Request> windows;
    for (int i = 0; i < 3; ++i) windows.push_back(get(tiny.url("/w/" + std::to_string(i))));
    {
        Journal journal(dir.path("j"), "t");
        Session first(options, journal);
        first.fetch(windows);
        EXPECT_THROW(first.fetch_one(get(tiny.url("/w/3"))), Error);
    }
    EXPECT_EQ(calls.load(), 5);
    Journal journal(dir.path("j"), "t");
    EXPECT_EQ(journal.loaded_at_start(), 3u);
    Session second(options, journal);
    auto again = second.fetch(windows);
    EXPECT_EQ(calls.load(), 5);  // nothing asked twice
    EXPECT_EQ(second.replayed(), 3);
    EXPECT_EQ(again[2].response.body, "[2]");
    EXPECT_TRUE(again[2].replayed);
}

TEST(NetSession, ADamagedJournalEntryIsAClearError) {
    TempDir dir;
    std::string path = dir.path("j");
    { Journal journal(path, "t"); }
    write_file(path, read_file(path) + nlohmann::json(journal_key("GET", "http://127.0.0.1:9/x", "")).dump() + "\t{\"log\":1}\n");
    Journal journal(path, "t");
    Session session(fast(), journal);
    try {
        session.fetch_one(get("http://127.0.0.1:9/x"));
        FAIL();
    } catch (const Error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(path + ": the entry for http://127.0.0.1:9/x is damaged (not a HAR entry: ", 0), 0u)
            << e.what();
    }
}

TEST(NetSession, SharesCookiesBetweenRequests) {
    TinyServer tiny;
    tiny.server.Get("/login", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Set-Cookie", "sid=abc; Path=/");
        res.set_content("{}", "application/json");
    });
    tiny.server.Get("/data", [](const httplib::Request& req, httplib::Response& res) {
        res.set_content(nlohmann::json(req.get_header_value("Cookie")).dump(), "application/json");
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    SessionOptions options = fast();
    options.concurrency = 2;
    Session session(options, journal);
    session.fetch_one(get(tiny.url("/login")));
    auto answers = session.fetch({get(tiny.url("/data")), get(tiny.url("/data?second"))});
    EXPECT_EQ(answers[0].response.body, "\"sid=abc\"");
    EXPECT_EQ(answers[1].response.body, "\"sid=abc\"");
    EXPECT_EQ(read_file(dir.path("j")).find("sid=abc; Path"), std::string::npos);  // Set-Cookie scrubbed
}

TEST(NetSession, AnAddedCookieIsSentOnceAndTheServerMayReplaceIt) {
    TinyServer tiny;
    tiny.server.Get("/data", [](const httplib::Request& req, httplib::Response& res) {
        std::string all;
        const auto range = req.headers.equal_range("Cookie");
        for (auto it = range.first; it != range.second; ++it) all += "[" + it->second + "]";
        res.set_content(nlohmann::json(all).dump(), "application/json");
    });
    tiny.server.Get("/refresh", [](const httplib::Request&, httplib::Response& res) {
        res.set_header("Set-Cookie", "sid=renewed; Path=/");
        res.set_content("{}", "application/json");
    });
    tiny.start();
    TempDir dir;
    Journal journal(dir.path("j"), "t");
    Session session(fast(), journal);
    session.add_cookie(tiny.url(""), "sid", "pasted");
    EXPECT_EQ(session.fetch_one(get(tiny.url("/data"))).response.body, "\"[sid=pasted]\"");
    session.fetch_one(get(tiny.url("/refresh")));
    EXPECT_EQ(session.fetch_one(get(tiny.url("/data?again"))).response.body, "\"[sid=renewed]\"");
}

TEST(NetSession, AJournalVariantKeepsAnswersOfTheSameRequestApart) {
    TinyServer tiny;
    std::atomic<int> calls{0};
    tiny.server.Get("/state", [&](const httplib::Request&, httplib::Response& res) {
        res.set_content("[" + std::to_string(++calls) + "]", "application/json");
    });
    tiny.start();
    TempDir dir;
    auto asked_in = [&](const std::string& state) {
        Request request = get(tiny.url("/state"));
        request.journal_variant = state;
        return request;
    };
    {
        Journal journal(dir.path("j"), "t");
        Session session(fast(), journal);
        EXPECT_EQ(session.fetch_one(asked_in("child 1")).response.body, "[1]");
        EXPECT_EQ(session.fetch_one(asked_in("child 2")).response.body, "[2]");
        EXPECT_EQ(session.fetch_one(get(tiny.url("/state"))).response.body, "[3]");
        EXPECT_EQ(session.capture_order().size(), 3u);
    }
    Journal journal(dir.path("j"), "t");
    Session resumed(fast(), journal);
    EXPECT_EQ(resumed.fetch_one(asked_in("child 2")).response.body, "[2]");
    EXPECT_EQ(resumed.fetch_one(asked_in("child 1")).response.body, "[1]");
    EXPECT_EQ(calls.load(), 3);
}

}  // namespace
}  // namespace jb::net
