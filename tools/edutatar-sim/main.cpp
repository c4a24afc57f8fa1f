// edutatar-sim: a loopback ЭО РТ (edu.tatar.ru) serving an invented pupil's pages behind the
// sign-in form or a pasted DNSID, with its failure pages and fault switches. Tests start it on
// 127.0.0.1 and pull from it.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <set>
#include <thread>
#include <CLI/CLI.hpp>

#include "core/error.hpp"
#include "core/net/secrets.hpp"
#include "core/windows_1251.hpp"
#include "tools/edutatar-sim/sim_pupil.hpp"
#include "tools/sim-common/serve.hpp"

namespace {

using namespace jb::edutatar_sim;

struct Options {
    int year = 2022;
    std::string layout = "2022", charset = "utf-8", login = "1000000077";
    bool old_form = false, locked_out = false, restricted_ip = false;
    int latency_ms = 0, every_502 = 0, every_truncate = 0, every_drop = 0, expire_after = 0;
};

std::string to_charset(const std::string& utf8, const std::string& charset) {
    if (charset == "utf-8") return utf8;
    std::optional<std::string> bytes = jb::to_windows_1251(utf8);
    if (!bytes) throw jb::Error("a page has text windows-1251 cannot hold");
    return *bytes;
}

bool hits(int every, long k) { return every > 0 && k % every == 0; }

class Server {
public:
    Server(Options options, std::string password, std::string pasted_dnsid)
        : options_(std::move(options)), password_(std::move(password)), pupil_(make_pupil(options_.year, options_.login)) {
        if (!pasted_dnsid.empty()) sessions_.insert(pasted_dnsid);
        layout_ = options_.layout == "2019" ? Layout::y2019 : Layout::y2022;
        server_.Get("/sim/stats", [this](const httplib::Request&, httplib::Response& res) {
            res.set_content("{\"total\":" + std::to_string(count_.load()) + ",\"logins\":" + std::to_string(logins_.load()) +
                                ",\"pages\":" + std::to_string(pages_.load()) + "}",
                            "application/json");
        });
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
    void html(httplib::Response& res, const std::string& utf8) {
        res.set_content(to_charset(utf8, options_.charset), ("text/html; charset=" + options_.charset).c_str());
    }

    void handle(const httplib::Request& req, httplib::Response& res) {
        long k = ++count_;
        if (options_.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(options_.latency_ms));
        if (options_.restricted_ip) {
            res.set_content("Restricted IP", "text/plain");
            return;
        }
        if (hits(options_.every_502, k)) {
            res.status = 502;
            res.set_content("<html><body><h1>502 Bad Gateway</h1></body></html>", "text/html");
            return;
        }
        if (req.path == "/logon" || req.path == "/login" || req.path == "/logon/") return logon(req, res);

        std::string body, type;
        if (!signed_in(req, k)) {
            html(res, login_page(options_.old_form, "", charset_name()));  // an ended session: 200, not 401
            return;
        }
        ++pages_;
        if (req.path == "/user/anketa" || req.path == "/user/anketa/index" || req.path == "/") {
            body = to_charset(profile_page(pupil_, charset_name()), options_.charset);
        } else if (req.path == "/user/diary.xml") {
            body = diary_xml(pupil_);
            type = "text/xml; charset=utf-8";
        } else if (req.path == "/user/diary/term") {
            std::string term = req.has_param("term") ? req.get_param_value("term") : std::to_string(pupil_.current_term);
            if (term == "year") {
                body = to_charset(year_page(pupil_, charset_name()), options_.charset);
            } else {
                int number = term.size() == 1 && term[0] >= '1' && term[0] <= '4' ? term[0] - '0' : pupil_.current_term;
                body = to_charset(term_page(pupil_, number, layout_, charset_name()), options_.charset);
            }
        } else if (req.path == "/user/diary/year") {
            body = to_charset(year_page(pupil_, charset_name()), options_.charset);
        } else if (req.path == "/user/diary/day" && req.has_param("for")) {
            body = to_charset(day_page(pupil_, std::stoll(req.get_param_value("for")), charset_name()), options_.charset);
        } else {
            res.status = 404;
            html(res, "<!DOCTYPE html><html><body><h1>Страница не найдена</h1></body></html>");
            return;
        }
        if (type.empty()) type = "text/html; charset=" + options_.charset;
        if (hits(options_.every_truncate, k)) {
            res.set_content(body.substr(0, body.size() / 2), type.c_str());
            return;
        }
        if (hits(options_.every_drop, k)) {
            res.set_content_provider(body.size(), type.c_str(), [body](std::size_t, std::size_t, httplib::DataSink& sink) {
                sink.write(body.data(), body.size() / 2);
                return false;
            });
            return;
        }
        res.set_content(body, type.c_str());
    }

    std::string charset_name() const { return options_.charset; }

    bool signed_in(const httplib::Request& req, long k) {
        std::lock_guard lock(mutex_);
        if (options_.expire_after > 0 && k > options_.expire_after && !expired_once_) {
            expired_once_ = true;
            sessions_.clear();
        }
        std::string cookies = req.get_header_value("Cookie");
        for (const auto& session : sessions_)
            if (cookies.find("DNSID=" + session) != std::string::npos) return true;
        return false;
    }

    void logon(const httplib::Request& req, httplib::Response& res) {
        if (req.method != "POST") {
            html(res, login_page(options_.old_form, "", charset_name()));
            return;
        }
        ++logins_;
        std::string suffix = options_.old_form ? "" : "2";
        std::string login = req.get_param_value("main_login" + suffix), password = req.get_param_value("main_password" + suffix);
        if (options_.locked_out) {
            html(res, login_page(options_.old_form, "Доступ в систему временно заблокирован", charset_name()));
            return;
        }
        if (login != options_.login || password != password_ || password.empty()) {
            html(res, login_page(options_.old_form, "Неверный логин или пароль", charset_name()));
            return;
        }
        std::string dnsid;
        {
            std::lock_guard lock(mutex_);
            dnsid = "simdnsid" + std::to_string(1000 + ++issued_);
            sessions_.insert(dnsid);
        }
        res.status = 302;
        res.set_header("Location", "/start/logon-process");
        res.set_header("Set-Cookie", "DNSID=" + dnsid + "; path=/; HttpOnly");
    }

    Options options_;
    std::string password_;
    SimPupil pupil_;
    Layout layout_ = Layout::y2022;
    httplib::Server server_;
    std::mutex mutex_;
    std::set<std::string> sessions_;
    bool expired_once_ = false;
    int issued_ = 0;
    std::atomic<long> count_{0}, logins_{0}, pages_{0};
};

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"edutatar-sim: a loopback ЭО РТ serving an invented pupil's pages (for tests)"};
    Options options;
    int port = 0;
    std::string host = "127.0.0.1", port_file;
    app.add_option("--host", host, "Address to listen on")->capture_default_str();
    app.add_option("--port", port, "Port (0: any free port)")->capture_default_str();
    app.add_option("--port-file", port_file, "Write the port here once listening");
    app.add_option("--year", options.year, "School year (its starting calendar year)")->capture_default_str();
    app.add_option("--layout", options.layout, "Табель layout")->capture_default_str()->check(CLI::IsMember({"2019", "2022"}));
    app.add_option("--charset", options.charset, "Charset of the HTML pages")
        ->capture_default_str()
        ->check(CLI::IsMember({"utf-8", "windows-1251"}));
    app.add_option("--login", options.login, "The pupil's login")->capture_default_str();
    app.add_flag("--old-login-form", options.old_form, "Sign-in form with main_login/main_password (before ~2021)");
    app.add_flag("--locked-out", options.locked_out, "Every sign-in answers «Доступ в систему временно заблокирован»");
    app.add_flag("--restricted-ip", options.restricted_ip, "Every answer is the plain body «Restricted IP»");
    app.add_option("--latency-ms", options.latency_ms, "Delay of every answer");
    app.add_option("--every-502", options.every_502, "A 502 gateway page every N requests");
    app.add_option("--every-truncate", options.every_truncate, "A page cut in half (consistent length) every N requests");
    app.add_option("--every-drop", options.every_drop, "A connection dropped mid-body every N requests");
    app.add_option("--expire-after", options.expire_after,
                   "Every session ends once after N requests (the sign-in page with 200); new sign-ins work");
    CLI11_PARSE(app, argc, argv);
    try {
        // The accepted password and the DNSID a user would paste, from the environment only.
        const char* password = std::getenv("EDUTATAR_SIM_PASSWORD");
        const char* dnsid = std::getenv("EDUTATAR_SIM_DNSID");
        const sigset_t signals = jb::sim::block_stop_signals();
        Server server(options, password ? password : "", dnsid ? dnsid : "");
        jb::sim::serve(server, signals, "edutatar-sim", host, port, port_file, "");
        return 0;
    } catch (const jb::Error& e) {
        std::fprintf(stderr, "edutatar-sim: %s\n", e.what());
        return 2;
    }
}
