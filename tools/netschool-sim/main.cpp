// netschool-sim: a loopback NetSchool (АСУ РСО) web API serving an invented parent's two children,
// with the real login flow (logindata → auth/getdata → salted windows-1251 MD5 → login), ЕСИА-only,
// multi-role and SecurityWarning variants, session expiry and fault switches. Tests start it on
// 127.0.0.1 and pull from it.
#include <httplib.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <mutex>
#include <random>
#include <thread>
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/net/har_writer.hpp"
#include "core/url.hpp"
#include "tools/netschool-sim/sim_login.hpp"
#include "tools/netschool-sim/sim_school.hpp"
#include "tools/sim-common/serve.hpp"

namespace {

using namespace jb::netschool_sim;
using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct Options {
    int year = 2024;
    std::string school = "1077", login = "sokolova.ea";
    bool staff = false, esia_only = false, security_warning = false, multi_role = false, expiry_html = false;
    int latency_ms = 0, every_429 = 0, every_500 = 0, every_truncate = 0, every_waf = 0, expire_after = 0;
    long long time_out_ms = 900000;
};

const char* kLoginPage =
    "<!DOCTYPE html><html><head><title>Сетевой Город. Образование</title></head><body>"
    "<form action=\"/webapi/login\" method=\"post\"><input name=\"UN\"><input name=\"PW\" type=\"password\"></form>"
    "</body></html>";
const char* kWarningPage =
    "<html><head><script>location.href='/asp/SecurityWarning.asp'</script></head><body></body></html>";

bool hits(int every, long k) { return every > 0 && k % every == 0; }

std::string cookie(const httplib::Request& req, const std::string& name) {
    std::string all = req.get_header_value("Cookie");
    for (std::size_t at = all.find(name + "="); at != std::string::npos; at = all.find(name + "=", at + 1)) {
        if (at > 0 && all[at - 1] != ' ' && all[at - 1] != ';') continue;
        std::size_t begin = at + name.size() + 1, end = all.find(';', begin);
        return all.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    }
    return "";
}

struct Token {
    std::string nssession, esrnsec;
    bool warned = false, role_chosen = true;
    Clock::time_point last_seen;
};

class Server {
public:
    Server(Options options, std::string password)
        : options_(std::move(options)), password_(std::move(password)), school_(make_school(options_.year, options_.staff)) {
        server_.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            json counts = {{"total", count_.load()}, {"logins", logins_}, {"logouts", logouts_}, {"data", data_},
                           {"acknowledged", acknowledged_}, {"requests", requests_}, {"last_pw2", last_pw2_},
                           {"last_at", last_at_}, {"last_nssessionid", last_session_}, {"last_esrnsec", last_esrnsec_}};
            res.set_content(counts.dump(), "application/json");
        });
        server_.set_tcp_nodelay(true);
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
    static void send_json(httplib::Response& res, int status, const json& body) {
        res.status = status;
        res.set_content(body.dump(), "application/json; charset=utf-8");
    }

    std::string digits(std::size_t count) {
        std::uniform_int_distribution<int> digit(0, 9);
        std::string out;
        for (std::size_t i = 0; i < count; ++i) out += static_cast<char>('0' + digit(random_));
        return out;
    }

    void handle(const httplib::Request& req, httplib::Response& res) {
        long k = ++count_;
        if (options_.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.latency_ms));
        if (hits(options_.every_429, k)) {
            res.set_header("Retry-After", "0");
            return send_json(res, 429, {{"message", "Too Many Requests"}});
        }
        if (hits(options_.every_500, k)) {
            res.status = 503;
            res.set_content("<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>", "text/html");
            return;
        }
        std::lock_guard lock(mutex_);
        const std::string& path = req.path;
        if (path == "/webapi/logindata") return login_data(res);
        if (path == "/webapi/auth/getdata" && req.method == "POST") return get_data(req, res);
        if (path == "/webapi/login" && req.method == "POST") return log_in(req, res);
        if (path == "/webapi/auth/logout" && req.method == "POST") return log_out(req, res);
        if (path == "/asp/SecurityWarning.asp" && req.method == "POST") return acknowledge(req, res);
        if (path.starts_with("/webapi/")) return data(req, res, k);
        res.status = 404;
        res.set_content("<html><body>Страница не найдена</body></html>", "text/html; charset=utf-8");
    }

    void login_data(httplib::Response& res) {
        std::string session = "simsess" + digits(20);
        sessions_[session] = "";
        res.set_header("Set-Cookie", "NSSESSIONID=" + session + "; path=/; HttpOnly");
        last_session_ = session;
        send_json(res, 200, {{"productName", "Сетевой Город. Образование"}, {"version", "5.44.7850"},
                             {"schoolLogin", !options_.esia_only}, {"emLogin", false}, {"esiaLogin", true},
                             {"esiaMainAuth", options_.esia_only}, {"esiaButton", true}, {"windowsAuth", false},
                             {"cacheVer", "7850"}});
    }

    void get_data(const httplib::Request& req, httplib::Response& res) {
        auto session = sessions_.find(cookie(req, "NSSESSIONID"));
        if (session == sessions_.end()) return send_json(res, 403, {{"message", "no auth data"}});
        session->second = digits(10);  // one-shot, tied to the cookie
        send_json(res, 200, {{"lt", digits(9)}, {"ver", digits(9)}, {"salt", session->second}});
    }

    void log_in(const httplib::Request& req, httplib::Response& res) {
        ++logins_;
        if (options_.esia_only) return send_json(res, 403, {{"message", "Вход по паролю отключён"}});
        auto session = sessions_.find(cookie(req, "NSSESSIONID"));
        if (session == sessions_.end() || session->second.empty())
            return send_json(res, 409, {{"message", "Нет данных авторизации"}});
        std::string salt = session->second;
        session->second.clear();
        std::string pw = req.get_param_value("PW"), pw2 = req.get_param_value("pw2");
        if (req.get_param_value("LoginType") != "1" || req.get_param_value("scid") != options_.school ||
            req.get_param_value("UN") != options_.login || password_.empty() || !proof_matches(password_, salt, pw, pw2))
            return send_json(res, 409, {{"message", "Неправильный пароль или имя пользователя"}});
        last_pw2_ = pw2;
        std::string at = "913755" + digits(19), esrnsec = "simesrn" + digits(12) + "&simesrn" + digits(12);
        Token token{session->first, esrnsec, options_.security_warning, true, Clock::now()};
        std::string rolegroup = req.get_param_value("rolegroup");
        std::string entry = options_.security_warning ? "/asp/SecurityWarning.asp" : "/angular/school/studentdiary/";
        json roles = json::array({{{"role", {{"id", 4}, {"name", "Родитель"}}}}});
        if (options_.multi_role) {
            roles = json::array({{{"role", {{"id", 1}, {"name", "Учитель"}}}}, {{"role", {{"id", 4}, {"name", "Родитель"}}}}});
            if (rolegroup != "4") {
                token.role_chosen = false;
                entry = "/angular/school/main/choose-session-role";
            }
        }
        tokens_[at] = token;
        last_at_ = at;
        last_esrnsec_ = esrnsec;
        res.set_header("Set-Cookie", "ESRNSec=" + esrnsec + "; path=/; HttpOnly");
        send_json(res, 200, {{"at", at}, {"code", nullptr}, {"timeOut", options_.time_out_ms}, {"accessToken", at},
                             {"entryPoint", entry}, {"requestData", {{"warnType", "1"}}}, {"errorMessage", nullptr},
                             {"accountInfo", {{"user", {{"id", 8800012}, {"name", "Соколова Елена Андреевна"}}},
                                              {"userRoles", roles}, {"active", true}, {"canLogin", true}}}});
    }

    void log_out(const httplib::Request& req, httplib::Response& res) {
        if (tokens_.erase(req.get_param_value("at")) == 0) return send_json(res, 401, {{"message", "Unauthorized"}});
        ++logouts_;
        res.status = 200;
    }

    void acknowledge(const httplib::Request& req, httplib::Response& res) {
        auto token = tokens_.find(req.get_param_value("at"));
        if (token == tokens_.end() || req.get_param_value("WarnType") != "2") {
            res.status = 400;
            return;
        }
        token->second.warned = false;
        ++acknowledged_;
        res.set_content("<html><body>OK</body></html>", "text/html; charset=utf-8");
    }

    // The login of this request, or nullptr when it has ended (expiry, idleness, no or wrong cookies).
    Token* login_of(const httplib::Request& req) {
        if (options_.expire_after > 0 && data_ >= options_.expire_after && !expired_once_) {
            expired_once_ = true;
            tokens_.clear();
        }
        auto token = tokens_.find(req.get_header_value("at"));
        if (token == tokens_.end()) return nullptr;
        Token& login = token->second;
        if (Clock::now() - login.last_seen > std::chrono::milliseconds(options_.time_out_ms)) {
            tokens_.erase(token);
            return nullptr;
        }
        if (cookie(req, "NSSESSIONID") != login.nssession || cookie(req, "ESRNSec") != login.esrnsec) return nullptr;
        login.last_seen = Clock::now();
        return &login;
    }

    void data(const httplib::Request& req, httplib::Response& res, long k) {
        Token* login = login_of(req);
        if (!login) {
            if (!options_.expiry_html) return send_json(res, 401, {{"message", "Unauthorized"}});
            return res.set_content(kLoginPage, "text/html; charset=utf-8");  // the login page with 200
        }
        if (login->warned) return res.set_content(kWarningPage, "text/html; charset=utf-8");
        if (!login->role_chosen) return send_json(res, 403, {{"message", "Выберите роль"}});
        if (hits(options_.every_waf, k)) {
            res.set_content("<html><body><h1>Access denied</h1><p>Request blocked by the web application firewall</p></body></html>",
                            "text/html");
            return;
        }
        Query query;
        for (const auto& [name, value] : req.params) query.emplace(name, value);
        Answer answer = jb::netschool_sim::answer(school_, req.path.substr(8), query, req.get_header_value("at"));
        if (answer.status == 200 && hits(options_.every_truncate, k)) {
            res.set_content(answer.body.substr(0, answer.body.size() / 2), "application/json; charset=utf-8");
            return;
        }
        if (answer.status == 200) {
            ++data_;
            ++requests_[req.target];
        }
        res.status = answer.status;
        res.set_content(answer.body, "application/json; charset=utf-8");
    }

    Options options_;
    std::string password_;
    SimSchool school_;
    httplib::Server server_;
    std::mutex mutex_;
    std::mt19937_64 random_{std::random_device{}()};
    std::map<std::string, std::string> sessions_;  // NSSESSIONID → its pending salt
    std::map<std::string, Token> tokens_;           // at → login
    std::map<std::string, int> requests_;           // data targets answered with 200
    std::string last_pw2_, last_at_, last_session_, last_esrnsec_;
    bool expired_once_ = false;
    int logins_ = 0, logouts_ = 0, data_ = 0, acknowledged_ = 0;
    std::atomic<long> count_{0};
};

// The data set as the HAR a full pull gives (no login exchanges: a pull sends them unrecorded).
void dump_har(const SimSchool& school, const std::string& path) {
    jb::net::HarWriter har(path);
    std::string started = std::to_string(school.year + 1) + "-06-15T10:00:00.000Z";
    for (const std::string& target : pull_targets(school)) {
        Query query;
        for (const auto& [name, value] : jb::parse_url("http://x/" + target).query) query.emplace(name, value);
        Answer answer = jb::netschool_sim::answer(school, target.substr(0, target.find('?')), query, "0");
        jb::net::Request request;
        request.url = "https://asurso.ru/webapi/" + target;
        if (target == "terms/search") {
            request.method = "POST";
            request.body = "{}";
        }
        request.headers = {{"Accept", "application/json"}};
        jb::net::Response response;
        response.status = answer.status;
        response.status_text = answer.status == 200 ? "OK" : "Error";
        response.headers = {{"Content-Type", "application/json; charset=utf-8"}};
        response.body = answer.body;
        response.started = started;
        har.add(jb::net::har_entry_line(request, response));
    }
    har.commit();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"netschool-sim: a loopback NetSchool (АСУ РСО) web API serving an invented parent's children (for tests)"};
    Options options;
    int port = 0;
    std::string host = "127.0.0.1", port_file, dump;
    app.add_option("--host", host, "Address to listen on")->capture_default_str();
    app.add_option("--port", port, "Port (0: any free port)")->capture_default_str();
    app.add_option("--port-file", port_file, "Write the port here once listening");
    app.add_option("--year", options.year, "School year (its starting calendar year)")->capture_default_str();
    app.add_option("--school", options.school, "The school id (scid) the login accepts")->capture_default_str();
    app.add_option("--login", options.login, "The account's login name")->capture_default_str();
    app.add_flag("--staff", options.staff, "The account is a teacher's: the class journal, no diary");
    app.add_flag("--esia-only", options.esia_only, "logindata says schoolLogin=false, esiaMainAuth=true");
    app.add_flag("--security-warning", options.security_warning,
                 "Logins answer entryPoint SecurityWarning.asp; data calls give its page until it is acknowledged");
    app.add_flag("--multi-role", options.multi_role, "The account is a teacher and a parent: choose-session-role");
    app.add_option("--expire-after", options.expire_after, "Every login ends once after N data answers");
    app.add_flag("--expiry-html", options.expiry_html, "An ended login gets the HTML login page with 200 (not 401)");
    app.add_option("--time-out-ms", options.time_out_ms, "Idle time after which a login ends (login answer's timeOut)");
    app.add_option("--latency-ms", options.latency_ms, "Delay of every answer");
    app.add_option("--every-429", options.every_429, "A 429 every N requests");
    app.add_option("--every-500", options.every_500, "A 503 HTML page every N requests");
    app.add_option("--every-truncate", options.every_truncate, "A data answer cut in half every N requests");
    app.add_option("--every-waf", options.every_waf, "A firewall HTML page with 200 every N data requests");
    app.add_option("--dump-har", dump, "Write the data set as the HAR a full pull gives and exit");
    CLI11_PARSE(app, argc, argv);
    try {
        if (!dump.empty()) {
            dump_har(make_school(options.year, options.staff), dump);
            return 0;
        }
        const char* password = std::getenv("NETSCHOOL_SIM_PASSWORD");  // never on the command line
        const sigset_t signals = jb::sim::block_stop_signals();
        Server server(options, password ? password : "");
        jb::sim::serve(server, signals, "netschool-sim", host, port, port_file, "");
        return 0;
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "netschool-sim: %s\n", e.what());
        return 2;
    }
}
