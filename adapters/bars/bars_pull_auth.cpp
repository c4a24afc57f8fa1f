#include "adapters/bars/bars_pull_auth.hpp"

#include <nlohmann/json.hpp>
#include <optional>

#include "core/net/puller.hpp"
#include "core/net/retry.hpp"
#include "core/net/scrub.hpp"
#include "core/net/session.hpp"
#include "core/url.hpp"

namespace jb::bars {
namespace {

using net::Request;
using net::Response;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

struct Fault {
    std::string code, text;
};

std::optional<Fault> fault_of(const std::string& body) {
    const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object() || !doc.contains("faultcode")) return std::nullopt;
    const auto text_of = [&](const char* key) {
        const auto found = doc.find(key);
        return found != doc.end() && found->is_string() ? found->get<std::string>() : std::string();
    };
    Fault fault{text_of("faultcode"), text_of("faultstring")};
    if (fault.code.empty()) fault.code = doc["faultcode"].dump();
    return fault;
}

bool is_session_fault(std::string_view code) {
    return contains(code, "NotAuthenticated") || contains(code, "Unauthorized") || contains(code, "NotAuthorized") ||
           contains(code, "SessionExpired");
}

bool is_locked_out(std::string_view text) {
    return contains(text, "Account locked") || contains(text, "too many login attempts") ||
           contains(text, "заблокирован");
}

bool is_sign_in_page(std::string_view body) {
    return net::looks_like_html(body) && (contains(body, "login_login") || contains(body, "/auth/login"));
}

Request form_post(const std::string& url, std::string body) {
    Request request;
    request.method = "POST";
    request.url = url;
    request.body = std::move(body);
    request.expects_json = false;  // refusals may come as HTML pages
    request.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"Accept", "application/json, text/html"},
                       {"X-Requested-With", "XMLHttpRequest"}};
    return request;
}

Request page(const std::string& url) {
    Request request;
    request.url = url;
    request.expects_json = false;
    request.headers = {{"Accept", "text/html,application/xhtml+xml"}};
    return request;
}

std::string absolute(const std::string& base_url, const std::string& location) {
    if (location.starts_with("http://") || location.starts_with("https://")) return location;
    return base_url + (location.starts_with("/") ? "" : "/") + location;
}

// The server's words in a refusal: a JSON message, else nothing (an HTML page is not quoted).
std::string refusal_words(const std::string& body) {
    const nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
    if (!doc.is_object()) return "";
    for (const char* key : {"message", "error", "msg", "faultstring", "detail"})
        if (const auto found = doc.find(key); found != doc.end() && found->is_string()) return found->get<std::string>();
    return "";
}

const char* kLockedOut =
    ": the server says the account is locked after too many sign-in attempts («Account locked: too many login "
    "attempts»). Wait, check the password, then run the same command again (no retries were made)";

}  // namespace

void sign_in(const std::string& base_url, const net::PullTarget& target, net::Session& session) {
    const std::string where = base_url + "/auth/login";
    const Response answer = session.send_unrecorded(form_post(
        where, "login_login=" + percent_encode(target.login) + "&login_password=" + percent_encode(target.secret)));
    if (is_locked_out(answer.body)) throw net::AuthError(where + kLockedOut);
    const nlohmann::json doc = nlohmann::json::parse(answer.body, nullptr, false);
    const bool accepted = answer.status >= 200 && answer.status < 300 && doc.is_object() &&
                          doc.value("success", false) == true;
    if (!accepted) {
        const std::string words = refusal_words(answer.body);
        throw net::AuthError(where + ": the server refused the login " + target.login + " or its password (HTTP " +
                             std::to_string(answer.status) + (words.empty() ? "" : ", «" + words + "»") +
                             "). No retries were made, to avoid a lock-out. Where only Госуслуги (ЕСИА) sign-in "
                             "works, paste the browser's sessionid cookie instead (docs/bars.md)");
    }
    // The API answers only after the browser's next step: GET the redirect, which leads to the
    // personal area, or to the registration form of an account that has not finished it.
    std::string url = absolute(base_url, doc.contains("redirect") && doc["redirect"].is_string()
                                             ? doc["redirect"].get<std::string>()
                                             : "/");
    for (int hop = 0; hop < 4; ++hop) {
        const Response next = session.send_unrecorded(page(url));
        const std::optional<std::string> location = next.header("Location");
        if (next.status < 300 || next.status >= 400 || !location) break;
        url = absolute(base_url, *location);
    }
    const std::string path = parse_url(url).path;
    if (!path.starts_with("/personal-area"))
        throw net::AuthError(base_url + ": the account " + target.login +
                             " must first finish its registration: signing in led to " + path +
                             " instead of /personal-area/. Sign in once in a browser, complete the form the site "
                             "shows, then run the same command again");
}

void use_pasted_session(const std::string& base_url, const std::string& pasted, net::Session& session) {
    const std::string value = pasted.starts_with("sessionid=") ? pasted.substr(10) : pasted;
    if (value.empty() || value.find_first_of(";, \t\r\n=\"") != std::string::npos)
        throw Error("the session cookie must be the value of «sessionid» alone (no other cookies, no «;»)");
    session.add_cookie(base_url, "sessionid", value);
}

bool worth_retrying(const Response& response) {
    if (response.status < 200 || response.status >= 300 || response.body.empty()) return false;
    if (net::looks_like_html(response.body)) return !is_sign_in_page(response.body);
    return !nlohmann::json::accept(response.body);
}

void check_answer(const Request& request, const Response& response) {
    const std::string where = net::scrub_url(request.url);
    if (response.status == 403) throw SessionExpired(where + ": HTTP 403 Forbidden");
    if (response.status >= 300 && response.status < 400) {
        const std::string location = response.header("Location").value_or("");
        if (contains(location, "login") || contains(location, "/auth")) throw SessionExpired(where + ": redirected to " + location);
        throw Error(where + ": HTTP " + std::to_string(response.status) + " to «" + location + "» where JSON was expected");
    }
    if (response.status < 200 || response.status >= 300)
        throw Error(where + ": HTTP " + std::to_string(response.status) + " " + response.status_text +
                    " (not retried; run the same command again to continue)");
    if (is_sign_in_page(response.body)) throw SessionExpired(where + ": the sign-in page (status 200)");
    const std::optional<Fault> fault = fault_of(response.body);
    if (!fault) return;
    if (is_session_fault(fault->code)) throw SessionExpired(where + ": " + fault->code + " «" + fault->text + "»");
    throw Error(where + ": the server answered with the fault " + fault->code + " «" + fault->text +
                "» (not retried). Requests finished so far are kept: after checking --year and the account, run the "
                "same command again to continue");
}

}  // namespace jb::bars
