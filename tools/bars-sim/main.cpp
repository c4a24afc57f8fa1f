// bars-sim: a loopback БАРС «Электронная школа» (О7) web API serving an invented parent account
// with two children behind the sign-in form (POST /auth/login, then GET the redirect) or a pasted
// sessionid, with the server-side child selection (ProfileService/SetChild), its refusal answers
// and fault switches. Tests start it on 127.0.0.1 and pull from it; --dump-har writes the same
// data set as a HAR for the offline importer.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <thread>
#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "core/net/har_writer.hpp"
#include "tools/bars-sim/sim_account.hpp"
#include "tools/sim-common/serve.hpp"

namespace {

using namespace jb::bars_sim;
using nlohmann::json;

struct Options {
    int year = 2023;
    std::string login = "hezheva.l", expiry = "403", validation_error;
    bool locked_out = false, finish_registration = false, pupil_account = false;
    int latency_ms = 0, every_5xx = 0, every_html_200 = 0, every_truncate = 0, every_drop = 0, expire_after = 0;
};

bool hits(int every, long k) { return every > 0 && k % every == 0; }

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> items;
    std::size_t at = 0;
    while (at <= list.size()) {
        std::size_t comma = list.find(',', at);
        if (comma == std::string::npos) comma = list.size();
        if (comma > at) items.push_back(list.substr(at, comma - at));
        at = comma + 1;
    }
    return items;
}

const char* kJson = "application/json; charset=utf-8";

class Server {
public:
    Server(Options options, std::string password, const std::string& pasted)
        : options_(std::move(options)), password_(std::move(password)), account_(make_account(options_.year, options_.pupil_account)) {
        for (const auto& id : split(pasted)) pasted_.insert(id);
        server_.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            res.set_content(json{{"total", count_.load()}, {"logins", logins_.load()}, {"api", api_.load()},
                                 {"set_child", set_child_.load()}, {"requests", per_method_}}
                                .dump(),
                            "application/json");
        });
        server_.set_tcp_nodelay(true);  // no Nagle delay between the head and the body of an answer
        auto handler = [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); };
        server_.Get(".*", handler);
        server_.Post(".*", handler);
    }
    int bind(const std::string& host, int port) {
        if (port == 0) return server_.bind_to_any_port(host);
        return server_.bind_to_port(host, port) ? port : -1;
    }
    void run() { server_.listen_after_bind(); }
    void stop() { server_.stop(); }

private:
    struct Session {
        std::size_t selected = 0;  // index into the account's children
        bool entered = false;      // the redirect after the sign-in was fetched
    };

    void handle(const httplib::Request& req, httplib::Response& res) {
        const long k = ++count_;
        if (options_.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.latency_ms));
        if (hits(options_.every_5xx, k)) {
            res.status = k % 2 == 0 ? 502 : 500;
            res.set_content("<html><body><h1>Bad Gateway</h1></body></html>", "text/html");
            return;
        }
        if (hits(options_.every_html_200, k)) {  // a proxy's error page served with 200
            res.set_content("<html><body><h1>Сервис временно недоступен</h1></body></html>", "text/html");
            return;
        }
        if (req.path == "/auth/login") return login(req, res);
        std::string id;
        const int cookies = session_cookies(req, id);
        if (cookies > 1) {  // a client that sends a pasted cookie beside the one the server set
            res.status = 400;
            res.set_content(json{{"faultcode", "Client.ValidationError"}, {"faultstring", "два cookie sessionid"}}.dump(), kJson);
            return;
        }
        if (req.path == "/" || req.path == "/personal-area/") return pages(req, res, id);
        if (!req.path.starts_with("/api/")) {
            res.status = 404;
            res.set_content("<html><body>Страница не найдена</body></html>", "text/html");
            return;
        }
        const long api_request = ++api_calls_;
        std::optional<Session> session = find_session(id, api_request);
        if (!session || !session->entered) return not_signed_in(res);
        const std::string method = req.path.substr(5);
        {
            std::lock_guard lock(mutex_);
            ++per_method_[method];
        }
        if (method == "ProfileService/SetChild") return set_child(req, res, id);
        if (method == options_.validation_error) {
            res.set_content(json{{"faultcode", "Client.ValidationError"}, {"faultstring", "Некорректная дата"}}.dump(), kJson);
            return;
        }
        ++api_;
        const Answer answer = api_answer(account_, account_.children[session->selected], method,
                                         req.has_param("date") ? req.get_param_value("date") : "");
        res.status = answer.status;
        send(res, answer.body, k);
    }

    void send(httplib::Response& res, const std::string& body, long k) {
        if (hits(options_.every_truncate, k)) {
            res.set_content(body.substr(0, body.size() / 2), kJson);
            return;
        }
        if (hits(options_.every_drop, k)) {
            res.set_content_provider(body.size(), kJson, [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                sink.write(body.data(), body.size() / 2);
                return false;
            });
            return;
        }
        res.set_content(body, kJson);
    }

    // The number of sessionid cookies the request carries (over all Cookie headers) and the last value.
    static int session_cookies(const httplib::Request& req, std::string& id) {
        int found = 0;
        const auto range = req.headers.equal_range("Cookie");
        for (auto it = range.first; it != range.second; ++it)
            for (std::size_t at = it->second.find("sessionid="); at != std::string::npos;
                 at = it->second.find("sessionid=", at + 1)) {
                if (at > 0 && it->second[at - 1] != ' ' && it->second[at - 1] != ';') continue;
                ++found;
                const std::size_t begin = at + 10, end = it->second.find(';', begin);
                id = it->second.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
            }
        return found;
    }

    std::optional<Session> find_session(const std::string& id, long api_request) {
        std::lock_guard lock(mutex_);
        if (options_.expire_after > 0 && api_request > options_.expire_after && !expired_once_) {
            expired_once_ = true;
            for (const auto& [old, session] : sessions_) expired_.insert(old);
            sessions_.clear();
        }
        if (pasted_.contains(id) && !expired_.contains(id) && !sessions_.contains(id)) sessions_[id] = Session{0, true};
        const auto found = sessions_.find(id);
        if (found == sessions_.end()) return std::nullopt;
        return found->second;
    }

    void not_signed_in(httplib::Response& res) {
        if (options_.expiry == "fault") {
            res.set_content(json{{"faultcode", "Server.UserNotAuthenticated"},
                                 {"faultstring", "Пользователь не аутентифицирован"}}
                                .dump(),
                            kJson);
        } else if (options_.expiry == "login-page") {
            res.set_content("<!DOCTYPE html><html><body><form action=\"/auth/login\"><input name=\"login_login\">"
                            "<input name=\"login_password\" type=\"password\"></form></body></html>",
                            "text/html; charset=utf-8");
        } else if (options_.expiry == "redirect") {
            res.status = 302;
            res.set_header("Location", "/auth/login?next=/personal-area/");
        } else {
            res.status = 403;
            res.set_content("<html><body><h1>403 Forbidden</h1></body></html>", "text/html");
        }
    }

    void login(const httplib::Request& req, httplib::Response& res) {
        ++logins_;
        if (req.method != "POST") {
            res.set_content("<html><body><form><input name=\"login_login\"></form></body></html>", "text/html");
            return;
        }
        if (options_.locked_out) {
            res.set_content(json{{"success", false}, {"message", "Account locked: too many login attempts. Please try again later"}}.dump(), kJson);
            return;
        }
        if (req.get_param_value("login_login") != options_.login || password_.empty() ||
            req.get_param_value("login_password") != password_) {
            res.set_content(json{{"success", false}, {"message", "Неверный логин или пароль"}}.dump(), kJson);
            return;
        }
        std::string id;
        {
            std::lock_guard lock(mutex_);
            id = "simsession" + std::to_string(1000 + ++issued_);
            sessions_[id] = Session{};
        }
        res.set_header("Set-Cookie", "sessionid=" + id + "; Path=/; HttpOnly");
        res.set_content(R"({"success": true,"redirect": "/"})", kJson);
    }

    // GET / after the sign-in enters the session and leads on to the personal area, or to the
    // registration form when the account has not finished it.
    void pages(const httplib::Request& req, httplib::Response& res, const std::string& id) {
        std::lock_guard lock(mutex_);
        const auto found = sessions_.find(id);
        if (found == sessions_.end()) {
            res.status = 302;
            res.set_header("Location", "/auth/login");
            return;
        }
        if (req.path == "/") {
            if (!options_.finish_registration) found->second.entered = true;
            res.status = 302;
            res.set_header("Location", options_.finish_registration ? "/auth/finish-registration/" : "/personal-area/");
            return;
        }
        res.set_content("<!DOCTYPE html><html><body>Личный кабинет</body></html>", "text/html; charset=utf-8");
    }

    void set_child(const httplib::Request& req, httplib::Response& res, const std::string& id) {
        ++set_child_;
        const std::string wanted = req.get_param_value("selected");
        std::lock_guard lock(mutex_);
        for (std::size_t i = 0; account_.parent && i < account_.children.size(); ++i)
            if (account_.children[i].id == wanted) {
                sessions_[id].selected = i;
                // The server stores the selection in the session and sends its cookie again.
                res.set_header("Set-Cookie", "sessionid=" + id + "; Path=/; HttpOnly");
                res.set_content(R"({"success": true})", kJson);
                return;
            }
        res.set_content(json{{"faultcode", "Client.ValidationError"}, {"faultstring", "Ребёнок не найден: " + wanted}}.dump(), kJson);
    }

    Options options_;
    std::string password_;
    SimAccount account_;
    httplib::Server server_;
    std::mutex mutex_;
    std::map<std::string, Session> sessions_;
    std::set<std::string> pasted_, expired_;
    std::map<std::string, int> per_method_;
    bool expired_once_ = false;
    int issued_ = 0;
    std::atomic<long> count_{0}, logins_{0}, api_{0}, api_calls_{0}, set_child_{0};
};

// The data set as the HAR a browser would save walking each child in turn.
void dump_har(const SimAccount& account, const std::string& path) {
    jb::net::HarWriter har(path);
    const std::string started = std::to_string(account.year + 1) + "-05-30T10:00:00.000Z";
    const std::string host = "https://school.07.edu.o7.com";
    auto add = [&](const std::string& method, const std::string& api, const std::string& query, const std::string& form,
                   const std::string& body) {
        jb::net::Request request;
        request.method = method;
        request.url = host + "/api/" + api + (query.empty() ? "" : "?" + query);
        request.body = form;
        if (!form.empty()) request.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
        jb::net::Response response;
        response.status = 200;
        response.status_text = "OK";
        response.headers = {{"Content-Type", kJson}};
        response.body = body;
        response.started = started;
        har.add(jb::net::har_entry_line(request, response));
    };
    add("GET", "ProfileService/GetPersonData", "", "",
        api_answer(account, account.children.front(), "ProfileService/GetPersonData", "").body);
    for (const auto& child : account.children) {
        if (account.parent) add("POST", "ProfileService/SetChild", "", "selected=" + child.id, R"({"success": true})");
        for (const auto& call : child_calls(account))
            add("GET", call.method,
                call.date.empty() ? "" : "date=" + call.date + (call.method == "ScheduleService/GetDiary" ? "&is_diary=true" : ""),
                "", api_answer(account, child, call.method, call.date).body);
    }
    har.commit();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"bars-sim: a loopback БАРС «Электронная школа» web API serving an invented parent account (for tests)"};
    Options options;
    int port = 0;
    std::string host = "127.0.0.1", port_file, dump;
    app.add_option("--host", host, "Address to listen on")->capture_default_str();
    app.add_option("--port", port, "Port (0: any free port)")->capture_default_str();
    app.add_option("--port-file", port_file, "Write the port here once listening");
    app.add_option("--year", options.year, "School year (its starting calendar year)")->capture_default_str();
    app.add_option("--login", options.login, "The parent's login")->capture_default_str();
    app.add_flag("--locked-out", options.locked_out, "Every sign-in answers «Account locked: too many login attempts»");
    app.add_flag("--finish-registration", options.finish_registration,
                 "Sign-ins succeed but lead to the registration form instead of /personal-area/");
    app.add_flag("--pupil-account", options.pupil_account, "Serve the first child's own account instead of the parent's");
    app.add_option("--latency-ms", options.latency_ms, "Delay of every answer");
    app.add_option("--every-5xx", options.every_5xx, "A 500/502 page every N requests");
    app.add_option("--every-html-200", options.every_html_200, "An HTML error page with status 200 every N requests");
    app.add_option("--every-truncate", options.every_truncate, "A JSON body cut in half (consistent length) every N requests");
    app.add_option("--every-drop", options.every_drop, "A connection dropped mid-body every N requests");
    app.add_option("--expire-after", options.expire_after,
                   "Every session ends once after N API requests; new sign-ins and unused pasted ids work");
    app.add_option("--expiry", options.expiry, "How an ended session is answered")
        ->capture_default_str()
        ->check(CLI::IsMember({"403", "fault", "login-page", "redirect"}));
    app.add_option("--validation-error", options.validation_error,
                   "Answer this method (e.g. MarkService/GetTotalMarks) with a Client.ValidationError fault");
    app.add_option("--dump-har", dump, "Write the data set as a HAR and exit");
    CLI11_PARSE(app, argc, argv);
    try {
        if (!dump.empty()) {
            dump_har(make_account(options.year, options.pupil_account), dump);
            return 0;
        }
        // The accepted password and the sessionids a user could paste, from the environment only.
        const char* password = std::getenv("BARS_SIM_PASSWORD");
        const char* pasted = std::getenv("BARS_SIM_SESSIONIDS");
        const sigset_t signals = jb::sim::block_stop_signals();
        Server server(options, password ? password : "", pasted ? pasted : "");
        jb::sim::serve(server, signals, "bars-sim", host, port, port_file, "");
        return 0;
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "bars-sim: %s\n", e.what());
        return 2;
    }
}
