// The online half of the netschool adapter: logs in (netschool_login), then fetches what the offline
// reader imports — context, the current year and the work-type dictionary, then for a pupil or parent
// account every week of each pupil's diary and the details of every assignment the weeks show, for a
// staff account (no diary) the attendance reasons, classes, terms, subject groups and the class
// journal of every group and term — and leaves them in the session's capture.
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "adapters/netschool/netschool_login.hpp"
#include "core/error.hpp"
#include "core/net/date_windows.hpp"
#include "core/net/puller.hpp"
#include "core/net/scrub.hpp"
#include "core/net/session.hpp"

namespace jb {
namespace {

using nlohmann::json;
using netschool::Api;
using netschool::LoginState;

std::string text_of(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return std::to_string(it->get<long long>());
    return "";
}

json body_of(const net::Exchange& exchange) {
    const net::Response& response = exchange.response;
    if (response.status < 200 || response.status >= 300)
        throw Error(net::scrub_url(exchange.request.url) + ": HTTP " + std::to_string(response.status) + " " +
                    response.status_text);
    json body = json::parse(response.body, nullptr, false);
    if (body.is_discarded()) throw Error(net::scrub_url(exchange.request.url) + ": the answer is not JSON");
    return body;
}

// Mondays from the week holding `start` to the week holding `end`.
std::vector<int> week_starts(const std::string& start, const std::string& end) {
    int first = net::days_from_iso(start), last = net::days_from_iso(end);
    int monday = first - ((first % 7 + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    std::vector<int> weeks;
    for (int day = monday; day <= last; day += 7) weeks.push_back(day);
    return weeks;
}

class Walk {
public:
    Walk(const net::PullTarget& target, net::Session& session) : api_(target.base_url), target_(target), session_(session) {}

    void run() {
        session_.set_answer_check(netschool::check_answer);
        login_ = netschool::log_in(api_, target_, session_);
        try {
            walk();
        } catch (const Error&) {
            netschool::log_out(api_, login_, session_);  // do not leave the login open until it times out
            throw;
        }
        netschool::log_out(api_, login_, session_);
    }

private:
    void walk() {
        auto first = fetch({api_.get("context"), api_.get("years/current"), api_.get("grade/assignment/types?all=false"),
                            api_.get("student/diary/init")});
        body_of(first[0]);
        body_of(first[2]);
        json year = body_of(first[1]);
        check_year(year);
        int init_status = first[3].response.status;
        if (init_status == 403 || init_status == 404) return walk_journal(text_of(year, "id"));  // a staff account
        walk_diary(year, body_of(first[3]));
    }

    // Pupil and parent accounts: every week of each pupil's diary, then every assignment's details.
    void walk_diary(const json& year, const json& init) {
        std::string year_id = text_of(year, "id");
        std::vector<std::string> students;
        if (init.contains("students") && init["students"].is_array())
            for (const json& student : init["students"])
                if (student.is_object() && !text_of(student, "studentId").empty()) students.push_back(text_of(student, "studentId"));
        if (students.empty()) throw Error(api_.base() + "/webapi/student/diary/init: the account shows no pupil");

        std::vector<net::Request> weeks;
        for (const std::string& student : students)
            for (int monday : week_starts(text_of(year, "startDate"), text_of(year, "endDate")))
                weeks.push_back(api_.get("student/diary?studentId=" + student + "&yearId=" + year_id +
                                         "&weekStart=" + net::iso_from_days(monday) +
                                         "&weekEnd=" + net::iso_from_days(monday + 6)));
        std::vector<net::Request> details;
        std::set<std::pair<std::string, std::string>> seen;
        auto diaries = fetch(weeks);
        for (std::size_t i = 0; i < diaries.size(); ++i) {
            json week = body_of(diaries[i]);
            const std::string& student = students[i / (weeks.size() / students.size())];
            for (const std::string& id : assignment_ids(week))
                if (seen.insert({student, id}).second)
                    details.push_back(api_.get("student/diary/assigns/" + id + "?studentId=" + student));
        }
        for (const auto& exchange : fetch(details)) body_of(exchange);
    }

    // Staff accounts (no diary): the class journal of every subject group of every class the account
    // sees, for every term, with the dictionaries it needs.
    void walk_journal(const std::string& year_id) {
        auto lists = fetch({api_.get("grade/attendance/reasons?lng=ru"), api_.get("classes"), api_.post_json("terms/search", "{}")});
        body_of(lists[0]);
        if (lists[2].response.status == 404 || lists[2].response.status == 405)
            throw Error(api_.base() + "/webapi/terms/search: HTTP " + std::to_string(lists[2].response.status) +
                        ": this server version lists no terms, so the journal cannot be asked per term; capture it in "
                        "the browser instead (README)");
        std::vector<std::string> classes = ids_of(body_of(lists[1]), "id"), term_ids = ids_of(body_of(lists[2]), "id");
        std::vector<net::Request> group_lists;
        for (const std::string& id : classes) group_lists.push_back(api_.get("subjectgroups?classId=" + id + "&expand=name"));
        auto groups = fetch(group_lists);
        std::vector<net::Request> journals;
        for (std::size_t c = 0; c < classes.size(); ++c)
            for (const std::string& group : ids_of(body_of(groups[c]), "id"))
                for (const std::string& term : term_ids)
                    journals.push_back(api_.get("grade/journal?yearId=" + year_id + "&classId=" + classes[c] +
                                                "&sgId=" + group + "&termId=" + term));
        for (const auto& exchange : fetch(journals)) body_of(exchange);
    }

    static std::vector<std::string> ids_of(const json& list, const char* key) {
        std::vector<std::string> ids;
        if (!list.is_array()) return ids;
        for (const json& item : list)
            if (item.is_object() && !text_of(item, key).empty()) ids.push_back(text_of(item, key));
        return ids;
    }

    // A batch, logging in again once when the login ended on the way (401, or the login or
    // SecurityWarning page with 200); answers already journaled are not asked again.
    std::vector<net::Exchange> fetch(const std::vector<net::Request>& requests) {
        try {
            return session_.fetch(requests);
        } catch (const net::AuthError& ended) {
            if (relogins_ >= kMaxRelogins) throw;
            ++relogins_;
            login_ = netschool::log_in(api_, target_, session_);
            try {
                return session_.fetch(requests);
            } catch (const net::AuthError& again) {
                throw Error(std::string(again.what()) +
                            "\nThe login ended again right after logging in anew; run the same command again later: "
                            "finished requests are kept and will not be asked again");
            }
        }
    }

    void check_year(const json& year) {
        std::string start = text_of(year, "startDate"), end = text_of(year, "endDate");
        if (start.size() < 10 || end.size() < 10)
            throw Error(api_.base() + "/webapi/years/current: no startDate/endDate in the answer");
        if (start.find_first_not_of("0123456789") < 4)
            throw Error(api_.base() + "/webapi/years/current: the startDate «" + start + "» is not a date");
        int starts_in = std::stoi(start.substr(0, 4));
        if (starts_in != target_.year)
            throw Error(api_.base() + ": the server's current school year starts in " + std::to_string(starts_in) +
                        ", not in --year " + std::to_string(target_.year) + "; jbridge pulls the current year only");
    }

    static std::vector<std::string> assignment_ids(const json& week) {
        std::vector<std::string> ids;
        if (!week.is_object() || !week.contains("weekDays") || !week["weekDays"].is_array()) return ids;
        for (const json& day : week["weekDays"]) {
            if (!day.is_object() || !day.contains("lessons") || !day["lessons"].is_array()) continue;
            for (const json& lesson : day["lessons"]) {
                if (!lesson.is_object() || !lesson.contains("assignments") || !lesson["assignments"].is_array()) continue;
                for (const json& assignment : lesson["assignments"])
                    if (assignment.is_object() && !text_of(assignment, "id").empty()) ids.push_back(text_of(assignment, "id"));
            }
        }
        return ids;
    }

    static constexpr int kMaxRelogins = 3;
    Api api_;
    const net::PullTarget& target_;
    net::Session& session_;
    LoginState login_;
    int relogins_ = 0;
};

class NetschoolPuller : public net::Puller {
public:
    std::string_view name() const override { return "netschool"; }
    std::string_view secret_name() const override { return "password"; }
    double default_rate() const override { return 1; }  // no published limit: about one request a second
    void pull(const net::PullTarget& target, net::Session& session) const override { Walk(target, session).run(); }
};

JBRIDGE_REGISTER_PULLER(NetschoolPuller);

}  // namespace
}  // namespace jb
