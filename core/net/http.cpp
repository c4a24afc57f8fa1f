#include "core/net/http.hpp"

#include <curl/curl.h>

#include <array>
#include <chrono>
#include <ctime>
#include <mutex>

#include "core/error.hpp"
#include "core/version.hpp"

namespace jb::net {
namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw Error("cannot initialise libcurl");
    });
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
        if (x != y) return false;
    }
    return true;
}

std::string trim(std::string_view text) {
    std::size_t begin = 0, end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t')) ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r' || text[end - 1] == '\n'))
        --end;
    return std::string(text.substr(begin, end - begin));
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    static_cast<Response*>(user)->body.append(data, size * count);
    return size * count;
}

// Header lines of every answer arrive here; a new status line (after a 100 Continue) starts over.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* response = static_cast<Response*>(user);
    std::string_view line(data, size * count);
    if (line.starts_with("HTTP/")) {
        response->headers.clear();
        std::size_t space = line.find(' ');
        response->http_version = std::string(line.substr(0, space));
        if (space != std::string_view::npos) {
            std::size_t second = line.find(' ', space + 1);
            if (second != std::string_view::npos) response->status_text = trim(line.substr(second + 1));
        }
    } else if (std::size_t colon = line.find(':'); colon != std::string_view::npos) {
        response->headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }
    return size * count;
}

}  // namespace

std::optional<std::string> find_header(const Headers& headers, std::string_view name) {
    for (const auto& [key, value] : headers)
        if (iequals(key, name)) return value;
    return std::nullopt;
}

std::string utc_now_millis() {
    auto now = std::chrono::system_clock::now();
    std::time_t seconds = std::chrono::system_clock::to_time_t(now);
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    std::array<char, 40> buffer{};
    std::size_t length = std::strftime(buffer.data(), buffer.size(), "%Y-%m-%dT%H:%M:%S", &tm);
    std::snprintf(buffer.data() + length, buffer.size() - length, ".%03dZ", static_cast<int>(millis));
    return buffer.data();
}

struct CookieJar::State {
    CURLSH* share = nullptr;
    std::array<std::mutex, CURL_LOCK_DATA_LAST> locks;
};

CookieJar::CookieJar() : state_(std::make_unique<State>()) {
    global_init();
    state_->share = curl_share_init();
    if (!state_->share) throw Error("cannot initialise libcurl's cookie sharing");
    curl_share_setopt(state_->share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
    curl_share_setopt(state_->share, CURLSHOPT_USERDATA, state_.get());
    curl_share_setopt(state_->share, CURLSHOPT_LOCKFUNC,
                      +[](CURL*, curl_lock_data data, curl_lock_access, void* user) {
                          static_cast<State*>(user)->locks[static_cast<std::size_t>(data)].lock();
                      });
    curl_share_setopt(state_->share, CURLSHOPT_UNLOCKFUNC, +[](CURL*, curl_lock_data data, void* user) {
        static_cast<State*>(user)->locks[static_cast<std::size_t>(data)].unlock();
    });
}

CookieJar::~CookieJar() { curl_share_cleanup(state_->share); }

void* CookieJar::handle() const { return state_->share; }

void CookieJar::add(const std::string& host, const std::string& name, const std::string& value) {
    CURL* curl = curl_easy_init();
    if (!curl) throw Error("cannot initialise libcurl");
    curl_easy_setopt(curl, CURLOPT_SHARE, state_->share);
    // Netscape cookie-file line: domain, include subdomains, path, secure, expiry (0: session), name, value.
    const std::string line = host + "\tFALSE\t/\tFALSE\t0\t" + name + "\t" + value;
    const CURLcode code = curl_easy_setopt(curl, CURLOPT_COOKIELIST, line.c_str());
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) throw Error("cannot add the cookie " + name + ": " + curl_easy_strerror(code));
}

HttpClient::HttpClient(ClientOptions options, CookieJar* cookies) : options_(std::move(options)) {
    global_init();
    if (options_.user_agent.empty()) options_.user_agent = std::string("jbridge/") + kJbridgeVersion;
    curl_ = curl_easy_init();
    if (!curl_) throw Error("cannot initialise libcurl");
    CURL* curl = static_cast<CURL*>(curl_);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_COOKIEFILE, "");  // cookie engine on, nothing read from disk
    if (cookies) curl_easy_setopt(curl, CURLOPT_SHARE, static_cast<CURLSH*>(cookies->handle()));
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT, options_.timeout_seconds);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
}

HttpClient::~HttpClient() { curl_easy_cleanup(static_cast<CURL*>(curl_)); }

Response HttpClient::perform(const Request& request) {
    CURL* curl = static_cast<CURL*>(curl_);
    Response response;
    response.started = utc_now_millis();
    curl_easy_setopt(curl, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &response);
    if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, nullptr);
    } else {
        curl_easy_setopt(curl, CURLOPT_POST, 1L);
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method == "POST" ? nullptr : request.method.c_str());
    }
    curl_slist* headers = nullptr;
    for (const auto& [name, value] : request.headers) headers = curl_slist_append(headers, (name + ": " + value).c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);

    auto begin = std::chrono::steady_clock::now();
    CURLcode code = curl_easy_perform(curl);
    response.elapsed_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin).count();
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, nullptr);
    curl_slist_free_all(headers);

    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    if (code != CURLE_OK) {
        response.transport_error = curl_easy_strerror(code);
        response.status = 0;
    } else {
        response.status = static_cast<int>(status);
    }
    return response;
}

}  // namespace jb::net
