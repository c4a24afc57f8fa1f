#include "tools/dnevnik-sim/sim_server.hpp"

#include <httplib.h>

#include <chrono>
#include <thread>

#include "tools/dnevnik-sim/sim_api.hpp"

namespace jb::dnevnik_sim {
namespace {

const char* kGatewayPage =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>502 Bad Gateway</title></head><body>"
    "<div class=\"error\"><div class=\"error__description\"><p>Сервис временно недоступен. Попробуйте позже.</p>"
    "</div></div></body></html>\n";
const char* kMaintenancePage =
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Технические работы</title></head><body>"
    "<div class=\"error__description\"><p>Ведутся технические работы</p></div></body></html>\n";

bool hits(int every, long k) { return every > 0 && k % every == 0; }

}  // namespace

SimServer::SimServer(const SimSchool& school, Faults faults, std::string token)
    : school_(school), faults_(faults), token_(std::move(token)), server_(std::make_unique<httplib::Server>()) {
    server_->set_tcp_nodelay(true);
    server_->Get("/sim/stats", [this](const httplib::Request&, httplib::Response& res) {
        json counts = json::object();
        {
            std::lock_guard lock(mutex_);
            for (const auto& [target, count] : per_target_) counts[target] = count;
        }
        res.set_content(json{{"total", count_.load()}, {"requests", counts}}.dump(), "application/json");
    });
    server_->Get(R"(/v2(\.0)?/.*)", [this](const httplib::Request& req, httplib::Response& res) {
        long k = ++count_;
        {
            std::lock_guard lock(mutex_);
            ++per_target_[req.target];
        }
        if (faults_.latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(faults_.latency_ms));
        if (hits(faults_.every_stall, k)) std::this_thread::sleep_for(std::chrono::milliseconds(faults_.stall_ms));

        if (faults_.every_429 > 0 && (k - 1) % faults_.every_429 < faults_.burst_429) {
            res.status = 429;
            res.set_header("Retry-After", "0");
            res.set_content(R"({"type":"apiRequestLimit","description":"Too many requests"})", "application/json");
            return;
        }
        if (hits(faults_.every_502, k)) {
            res.status = 502;
            res.set_content(kGatewayPage, "text/html; charset=utf-8");
            return;
        }
        if (hits(faults_.every_html200, k)) {
            res.set_content(kMaintenancePage, "text/html; charset=utf-8");
            return;
        }
        if (hits(faults_.every_550, k)) {
            res.status = 550;
            res.set_content(R"({"type":"Error","description":"Server Work"})", "application/json");
            return;
        }
        if (hits(faults_.every_limit, k)) {
            res.status = 400;
            res.set_content(R"({"type":"apiRequestLimit","description":"request limit for this token exceeded"})",
                            "application/json");
            return;
        }

        std::string sent = req.get_header_value("Access-Token");
        if (sent.empty() && req.has_param("access_token")) sent = req.get_param_value("access_token");
        bool accepted = token_.empty() || (sent == token_ && !(faults_.expire_after > 0 && k > faults_.expire_after));
        if (!accepted) {  // an empty token_ is --no-auth: any token goes
            res.status = 401;
            res.set_content(sent.empty() ? R"({"type":"tokenRequired","description":"You must supply valid token to access method"})"
                                          : R"({"type":"invalidToken","description":"Invalid token"})",
                            "application/json");
            return;
        }

        Query query(req.params.begin(), req.params.end());
        Answer answer = dnevnik_sim::answer(school_, req.path, query);
        res.status = answer.status;
        if (hits(faults_.every_truncate, k)) {
            res.set_content(answer.body.substr(0, answer.body.size() / 2), answer.content_type.c_str());
            return;
        }
        if (hits(faults_.every_drop, k)) {
            res.set_content_provider(answer.body.size(), answer.content_type.c_str(),
                                     [](std::size_t, std::size_t, httplib::DataSink&) { return false; });
            return;
        }
        res.set_content(answer.body, answer.content_type.c_str());
    });
}

SimServer::~SimServer() = default;

int SimServer::bind(const std::string& host, int port) {
    if (port == 0) return server_->bind_to_any_port(host);
    return server_->bind_to_port(host, port) ? port : -1;
}

void SimServer::run() { server_->listen_after_bind(); }

void SimServer::stop() { server_->stop(); }

}  // namespace jb::dnevnik_sim
