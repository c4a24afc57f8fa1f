#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jb::net {

using Headers = std::vector<std::pair<std::string, std::string>>;

std::optional<std::string> find_header(const Headers& headers, std::string_view name);  // case-insensitive

struct Request {
    std::string method = "GET";
    std::string url;
    Headers headers;
    std::string body;
    bool expects_json = true;  // an HTML page or cut-off JSON in a 2xx answer is a fault to retry
    // Never sent; part of the journal key. Tells apart requests that are the same on the wire but
    // asked in different server-side states (a parent's requests after each child switch).
    std::string journal_variant;
};

struct Response {
    int status = 0;  // 0: no complete answer (see transport_error)
    std::string status_text;
    std::string http_version = "HTTP/1.1";
    Headers headers;
    std::string body;
    std::string transport_error;  // libcurl's message when the exchange broke off
    std::string started;          // ISO 8601 UTC with milliseconds
    double elapsed_ms = 0;

    bool transport_failed() const { return !transport_error.empty(); }
    std::optional<std::string> header(std::string_view name) const { return find_header(headers, name); }
};

struct ClientOptions {
    long connect_timeout_seconds = 20;
    long timeout_seconds = 180;  // whole exchange
    std::string user_agent;      // default: jbridge/VERSION
};

// Cookies shared by every client of one session (thread-safe).
class CookieJar {
public:
    CookieJar();
    ~CookieJar();
    CookieJar(const CookieJar&) = delete;
    CookieJar& operator=(const CookieJar&) = delete;
    void* handle() const;
    // Puts a cookie into the jar as if `host` (no port) had set it for path "/": later answers
    // that set the same name replace it, and it is sent once, like any cookie the server set.
    void add(const std::string& host, const std::string& name, const std::string& value);

private:
    struct State;
    std::unique_ptr<State> state_;
};

// One libcurl handle: use it from one thread at a time. It keeps connections alive between
// requests to the same host.
class HttpClient {
public:
    explicit HttpClient(ClientOptions options = {}, CookieJar* cookies = nullptr);
    ~HttpClient();
    HttpClient(const HttpClient&) = delete;
    HttpClient& operator=(const HttpClient&) = delete;

    // Never throws for network trouble: a broken exchange comes back with transport_error set.
    Response perform(const Request& request);

private:
    ClientOptions options_;
    void* curl_ = nullptr;
};

std::string utc_now_millis();

}  // namespace jb::net
