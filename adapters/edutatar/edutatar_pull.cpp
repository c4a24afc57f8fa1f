// The online half of the edutatar adapter: signs in (login form or a pasted DNSID), then fetches the
// pages the offline reader imports — profile, diary.xml, every term of the табель, the year sheet and
// the day pages of the diary's days — and leaves them in the session's capture.
#include <iconv.h>

#include <set>
#include <string>
#include <vector>

#include "adapters/edutatar/calendar.hpp"
#include "adapters/edutatar/inputs.hpp"
#include "adapters/edutatar/pages.hpp"
#include "core/error.hpp"
#include "core/net/puller.hpp"
#include "core/net/scrub.hpp"
#include "core/net/session.hpp"
#include "core/url.hpp"

namespace jb {
namespace {

using net::Request;
using net::Response;

// The body as UTF-8 for looking at its text (pages may be windows-1251); unconvertible bytes skipped.
std::string utf8_text(const Response& response) {
    std::string charset;
    try {
        charset = edutatar::page_charset(response.body, "", "answer");
    } catch (const Error&) {
        return response.body;
    }
    if (charset.empty() || charset == "utf-8" || charset == "UTF-8") return response.body;
    iconv_t convert = iconv_open("UTF-8//IGNORE", charset.c_str());
    if (convert == reinterpret_cast<iconv_t>(-1)) return response.body;
    std::string in = response.body, out(in.size() * 3 + 4, '\0');
    char* in_ptr = in.data();
    char* out_ptr = out.data();
    std::size_t in_left = in.size(), out_left = out.size();
    while (in_left > 0 && iconv(convert, &in_ptr, &in_left, &out_ptr, &out_left) == static_cast<std::size_t>(-1)) {
        if (in_left == 0) break;
        ++in_ptr;  // skip a byte the charset does not have
        --in_left;
    }
    iconv_close(convert);
    out.resize(out.size() - out_left);
    return out;
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

bool is_restricted_ip(std::string_view text) {
    std::size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && text.substr(first).starts_with("Restricted IP");
}

bool is_sign_in_form(std::string_view text) {
    return contains(text, "name=\"main_login2\"") || contains(text, "name=\"main_login\"") ||
           contains(text, "name='main_login2'") || contains(text, "name='main_login'");
}

bool is_locked_out(std::string_view text) { return contains(text, "временно заблокирован"); }
bool is_wrong_password(std::string_view text) { return contains(text, "Неверный логин или пароль"); }

const char* kRestricted =
    "edu.tatar.ru answered «Restricted IP»: it serves only Russian IP addresses. Run the pull from a network in "
    "Russia (or through a Russian proxy via the https_proxy environment variable)";
const char* kLockedOut =
    "edu.tatar.ru says «Доступ в систему временно заблокирован»: too many failed sign-ins locked the account for about "
    "20 minutes. Wait, check the password, then run the same command again (no retries were made)";

// Pages where a diary was expected: the sign-in form served with 200 means the session has ended.
void check_page(const Request& request, const Response& response) {
    if (response.status < 200 || response.status >= 300) return;
    std::string text = utf8_text(response);
    std::string where = net::scrub_url(request.url);
    if (is_restricted_ip(text)) throw Error(where + ": " + kRestricted);
    if (is_locked_out(text)) throw net::AuthError(where + ": " + kLockedOut);
    if (is_sign_in_form(text))
        throw net::AuthError(where +
                             ": the server showed its sign-in page instead (status 200): the session has ended. With a "
                             "pasted DNSID, copy a fresh one from the browser; with --login, run the same command "
                             "again. Pages already fetched are kept and not asked again");
}

// A page cut off with a consistent length still arrives as 200: an HTML page without its end tag or a
// diary.xml without </diary> is asked again.
bool is_cut_off(const Response& response) {
    if (response.status < 200 || response.status >= 300) return false;
    std::string_view body = response.body;
    if (body.find("<?xml") == 0 && contains(body.substr(0, 200), "<diary")) return !contains(body, "</diary>");
    std::string_view head = body.substr(0, 300);
    bool html = contains(head, "<html") || contains(head, "<HTML") || contains(head, "<!DOCTYPE");
    return html && !contains(body, "</html>") && !contains(body, "</HTML>");
}

class Site {
public:
    explicit Site(std::string base) : base_(std::move(base)) {}
    Request get(const std::string& path) const {
        Request request;
        request.url = base_ + path;
        request.expects_json = false;
        request.headers = {{"Accept", "text/html,application/xhtml+xml,application/xml"}};
        return request;
    }
    Request post_form(const std::string& path, const std::string& body) const {
        Request request = get(path);
        request.method = "POST";
        request.body = body;
        request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
        return request;
    }
    const std::string& base() const { return base_; }

private:
    std::string base_;
};

// The sign-in POST leaves no trace: it is sent unrecorded, and only the DNSID cookie it sets remains.
void sign_in(const Site& site, const net::PullTarget& target, net::Session& session) {
    Response form = session.send_unrecorded(site.get("/logon"));
    std::string form_text = utf8_text(form);
    if (is_restricted_ip(form_text)) throw Error(site.base() + "/logon: " + kRestricted);
    // The form has been main_login2/main_password2 since about 2021, main_login/main_password before.
    bool old_form = !contains(form_text, "main_login2") && contains(form_text, "main_login");
    std::string login_field = old_form ? "main_login" : "main_login2";
    std::string password_field = old_form ? "main_password" : "main_password2";
    std::string body = login_field + "=" + percent_encode(target.login) + "&" + password_field + "=" +
                       percent_encode(target.secret) + (old_form ? "" : "&backUrl=" + percent_encode(site.base()));
    Request post = site.post_form("/logon", body);
    post.headers.emplace_back("Referer", site.base() + "/logon");
    Response answer = session.send_unrecorded(post);
    std::string text = utf8_text(answer);
    std::string where = site.base() + "/logon";
    if (is_restricted_ip(text)) throw Error(where + ": " + kRestricted);
    if (is_locked_out(text)) throw net::AuthError(where + ": " + kLockedOut);
    if (is_wrong_password(text))
        throw net::AuthError(where + ": «Неверный логин или пароль»: the login " + target.login +
                             " or its password is wrong (no retries were made, to avoid a lock-out). Accounts with "
                             "two-factor sign-in cannot use the form: paste the DNSID cookie instead (docs/edutatar.md)");
    bool redirected = answer.status == 302 || answer.status == 303;
    if (!redirected && (answer.status != 200 || is_sign_in_form(text)))
        throw net::AuthError(where + ": the sign-in did not succeed (HTTP " + std::to_string(answer.status) +
                             (is_sign_in_form(text) ? ", the sign-in form again" : "") +
                             "). If the account uses two-factor sign-in, paste its DNSID cookie instead");
}

// Values of the term <select> of a табель page other than the year («1», «2», …).
std::vector<std::string> term_values(const std::string& page) {
    std::vector<std::string> values;
    std::size_t select = page.find("name=\"term\"");
    if (select == std::string::npos) return values;
    std::size_t end = page.find("</select>", select);
    for (std::size_t at = page.find("<option", select); at != std::string::npos && at < end;
         at = page.find("<option", at + 7)) {
        std::size_t value = page.find("value=\"", at);
        if (value == std::string::npos || value > end) break;
        value += 7;
        std::size_t close = page.find('"', value);
        std::string term = page.substr(value, close - value);
        if (!term.empty() && term != "year") values.push_back(term);
    }
    return values;
}

// Moscow-midnight timestamps of the days diary.xml lists.
std::vector<long long> diary_days(const net::Exchange& diary, int year) {
    edutatar::Journal journal;
    edutatar::PageSource source;
    source.name = net::scrub_url(diary.request.url);
    source.school_year = year;
    edutatar::read_document(diary.response.body, source, true, journal, nullptr);
    std::set<long long> days;
    for (const auto& lesson : journal.lessons) {
        if (lesson.month == 0 || lesson.day == 0) continue;
        int calendar_year = edutatar::year_of_month(year, lesson.month);
        if (!edutatar::valid_day(calendar_year, lesson.month, lesson.day)) continue;
        days.insert(edutatar::day_index(calendar_year, lesson.month, lesson.day) * 86400 - 3 * 3600);
    }
    return {days.begin(), days.end()};
}

void require_page(const net::Exchange& exchange) {
    const Response& response = exchange.response;
    if (response.status < 200 || response.status >= 300)
        throw Error(net::scrub_url(exchange.request.url) + ": HTTP " + std::to_string(response.status) + " " +
                    response.status_text);
}

class EdutatarPuller : public net::Puller {
public:
    std::string_view name() const override { return "edutatar"; }
    std::string_view secret_name() const override { return "DNSID session cookie"; }

    void pull(const net::PullTarget& target, net::Session& session) const override {
        Site site(target.base_url);
        session.set_answer_check(check_page);
        session.set_retry_predicate(is_cut_off);
        if (target.login.empty()) {
            if (target.secret.find_first_of(";\r\n ") != std::string::npos)
                throw Error("the DNSID cookie must be its value alone (no «DNSID=», no other cookies)");
            std::string value = target.secret.starts_with("DNSID=") ? target.secret.substr(6) : target.secret;
            session.set_header("Cookie", "DNSID=" + value);
        } else {
            sign_in(site, target, session);
        }

        auto first = session.fetch({site.get("/user/anketa"), site.get("/user/diary.xml"), site.get("/user/diary/term"),
                                    site.get("/user/diary/year?term=year")});
        for (const auto& exchange : first) require_page(exchange);

        std::vector<Request> pages;
        for (const std::string& term : term_values(utf8_text(first[2].response)))
            pages.push_back(site.post_form("/user/diary/term", "term=" + percent_encode(term)));
        for (long long day : diary_days(first[1], target.year))
            pages.push_back(site.get("/user/diary/day?for=" + std::to_string(day)));
        for (const auto& exchange : session.fetch(pages)) require_page(exchange);
    }
};

JBRIDGE_REGISTER_PULLER(EdutatarPuller);

}  // namespace
}  // namespace jb
