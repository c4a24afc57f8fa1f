#include "adapters/netschool/netschool_login.hpp"

#include <nlohmann/json.hpp>

#include "adapters/netschool/netschool_password.hpp"
#include "core/error.hpp"
#include "core/net/retry.hpp"
#include "core/net/scrub.hpp"
#include "core/url.hpp"

namespace jb::netschool {
namespace {

using nlohmann::json;

const char* kPasswordLoginOff =
    "this NetSchool server does not allow password login (logindata: schoolLogin=false; accounts sign in through "
    "Госуслуги/ЕСИА), so jbridge cannot log in. Capture the journal in a browser instead: log in as usual, record the "
    "pages as a HAR and import it with `jbridge import --from netschool capture.har` (README, «Capturing a HAR when "
    "password login is off»)";

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string text_of(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return it->dump();
}

json parse_answer(const net::Response& response, const std::string& where) {
    json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        throw Error(where + ": HTTP " + std::to_string(response.status) +
                    " without the JSON a NetSchool server answers (is --host a NetSchool server such as asurso.ru?)");
    return body;
}

void require_ok(const net::Response& response, const std::string& where) {
    if (response.status < 200 || response.status >= 300)
        throw Error(where + ": HTTP " + std::to_string(response.status) + " " + response.status_text);
}

bool is_login_page(std::string_view body) {
    std::string head = lower_ascii(body.substr(0, 4096));
    return contains(head, "login") || contains(head, "logon");
}

bool is_security_warning(std::string_view body) { return contains(body, "SecurityWarning"); }

// The parent role's id of a multi-role account (userRoles is an object or an array of
// {role:{id,name}} or {id,name}); "" when none is named «Родител…».
std::string parent_role(const json& answer) {
    const json* account = answer.contains("accountInfo") && answer["accountInfo"].is_object() ? &answer["accountInfo"] : nullptr;
    if (!account || !account->contains("userRoles")) return "";
    const json& roles = (*account)["userRoles"];
    std::vector<json> items;
    if (roles.is_array()) items.assign(roles.begin(), roles.end());
    else if (roles.is_object()) items.push_back(roles);
    for (const json& item : items) {
        const json& role = item.contains("role") && item["role"].is_object() ? item["role"] : item;
        if (!role.is_object()) continue;
        if (contains(text_of(role, "name"), "Родител")) return text_of(role, "id");
    }
    return "";
}

LoginState log_in_as(const Api& api, const net::PullTarget& target, net::Session& session, const std::string& rolegroup) {
    const std::string login_place = api.base() + "/webapi/login";
    net::Response options = session.send_unrecorded(api.get("logindata"));
    require_ok(options, api.base() + "/webapi/logindata");
    json login_data = parse_answer(options, api.base() + "/webapi/logindata");
    if (login_data.contains("schoolLogin") && login_data["schoolLogin"] == false) throw Error(api.base() + ": " + kPasswordLoginOff);

    // The salt is one-shot and bound to the NSSESSIONID cookie logindata set.
    net::Response salted = session.send_unrecorded(api.post_form("auth/getdata", ""));
    require_ok(salted, api.base() + "/webapi/auth/getdata");
    json salt_data = parse_answer(salted, api.base() + "/webapi/auth/getdata");
    std::string salt = text_of(salt_data, "salt"), lt = text_of(salt_data, "lt"), ver = text_of(salt_data, "ver");
    if (salt.empty()) throw Error(api.base() + "/webapi/auth/getdata: no salt in the answer");

    PasswordProof proof = password_proof(target.secret, salt);
    std::string form = "LoginType=1&scid=" + percent_encode(target.school) + "&UN=" + percent_encode(target.login) +
                       "&PW=" + proof.pw + "&pw2=" + proof.pw2 + "&lt=" + percent_encode(lt) + "&ver=" + percent_encode(ver);
    if (!rolegroup.empty()) form += "&rolegroup=" + percent_encode(rolegroup);
    net::Response answer = session.send_unrecorded(api.post_form("login", form));
    json body = json::parse(answer.body, nullptr, false);
    std::string message = body.is_object() ? text_of(body, "message") : "";
    if (message.empty() && body.is_object()) message = text_of(body, "errorMessage");
    if (answer.status == 409)
        throw net::AuthError(login_place + ": HTTP 409" + (message.empty() ? "" : " «" + message + "»") +
                             ": the server refused the login " + target.login + " at school " + target.school +
                             ": the login, the password or the school id (--school) is wrong. No retries were made");
    require_ok(answer, login_place);
    if (!body.is_object()) throw Error(login_place + ": the login answer is not JSON");
    std::string at = text_of(body, "at");
    if (at.empty())
        throw net::AuthError(login_place + ": the server did not log in " + target.login +
                             (message.empty() ? "" : " («" + message + "»)") + "; no retries were made");

    LoginState state;
    state.at = at;
    state.ver = ver;
    if (body.contains("timeOut") && body["timeOut"].is_number()) state.time_out_ms = body["timeOut"].get<long long>();
    session.set_header("at", at);
    std::string entry_point = text_of(body, "entryPoint");
    if (rolegroup.empty() && contains(entry_point, "choose-session-role")) {
        std::string role = parent_role(body);
        if (role.empty())
            throw Error(login_place + ": the account " + target.login +
                        " has several roles and none is a parent's; jbridge pulls the pupil/parent diary only");
        log_out(api, state, session);
        return log_in_as(api, target, session, role);
    }
    if (is_security_warning(entry_point)) {
        // Another login of the account is open: acknowledge, or every call answers this page.
        net::Request acknowledge = api.post_form("", "at=" + percent_encode(at) + "&WarnType=2&ver=" + percent_encode(ver));
        acknowledge.url = api.base() + "/asp/SecurityWarning.asp";
        require_ok(session.send_unrecorded(acknowledge), api.base() + "/asp/SecurityWarning.asp");
    }
    return state;
}

}  // namespace

net::Request Api::get(const std::string& path) const {
    net::Request request;
    request.url = base_ + "/webapi/" + path;
    request.expects_json = false;  // checked by is_retryable_answer and check_answer instead
    request.headers = {{"Accept", "application/json, text/plain, */*"},
                       {"Referer", base_ + "/"},
                       {"X-Requested-With", "XMLHttpRequest"}};
    return request;
}

net::Request Api::post_form(const std::string& path, const std::string& body) const {
    net::Request request = get(path);
    request.method = "POST";
    request.body = body;
    request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
    return request;
}

net::Request Api::post_json(const std::string& path, const std::string& body) const {
    net::Request request = get(path);
    request.method = "POST";
    request.body = body;
    request.headers.emplace_back("Content-Type", "application/json");
    return request;
}

LoginState log_in(const Api& api, const net::PullTarget& target, net::Session& session) {
    if (target.login.empty() || target.secret.empty())
        throw Error("netschool: pulling needs --login NAME and that account's password (JBRIDGE_PASSWORD or "
                    "--password-file); where password login is off, capture a HAR in the browser (README)");
    if (target.school.empty()) throw Error("netschool: --school SCID (the school's id on the login form) is required");
    // Login exchanges are never retried as cut-off data: their answers are read here.
    session.set_retry_predicate({});
    LoginState state = log_in_as(api, target, session, "");
    session.set_retry_predicate(is_retryable_answer);
    return state;
}

void log_out(const Api& api, const LoginState& state, net::Session& session) {
    try {
        session.send_unrecorded(api.post_form("auth/logout", "at=" + percent_encode(state.at) + "&ver=" + percent_encode(state.ver)));
    } catch (const Error&) {
    }
}

void check_answer(const net::Request& request, const net::Response& response) {
    if (response.status < 200 || response.status >= 300 || !net::looks_like_html(response.body)) return;
    std::string where = net::scrub_url(request.url);
    if (is_security_warning(response.body))
        throw SessionEnded(where + ": the server showed its SecurityWarning page (another login of the account is open)");
    if (is_login_page(response.body))
        throw SessionEnded(where + ": the server showed its login page instead of data (status 200): the login has expired");
}

bool is_retryable_answer(const net::Response& response) {
    if (response.status < 200 || response.status >= 300 || response.body.empty()) return false;
    if (net::looks_like_html(response.body)) return !is_security_warning(response.body) && !is_login_page(response.body);
    return !json::accept(response.body);
}

}  // namespace jb::netschool
