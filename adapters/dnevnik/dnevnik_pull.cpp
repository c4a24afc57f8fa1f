// The online half of the dnevnik adapter: walks the v2 API of a Dnevnik.ru instance in the export
// order of docs/platforms/dnevnik.md §Export order and leaves every answer in the session's capture,
// which the offline reader then imports.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/net/date_windows.hpp"
#include "core/net/puller.hpp"
#include "core/net/retry.hpp"
#include "core/net/session.hpp"

namespace jb {
namespace {

using nlohmann::json;
using net::Exchange;
using net::Request;

// An id as text: the `*_str` twin when there is one (ids exceed 2^53), else the integer as parsed.
std::string id_of(const json& object, const std::string& key) {
    if (!object.is_object()) return "";
    auto twin = object.find(key + "_str");
    if (twin != object.end() && twin->is_string() && !twin->get<std::string>().empty()) return twin->get<std::string>();
    auto value = object.find(key);
    if (value == object.end()) return "";
    if (value->is_number_unsigned()) return std::to_string(value->get<std::uint64_t>());
    if (value->is_number_integer()) return std::to_string(value->get<std::int64_t>());
    if (value->is_string()) return value->get<std::string>();
    return "";
}

std::string lower(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The per-token request limit arrives as a JSON error type, with whatever status.
bool is_request_limit(const net::Response& response) {
    if (response.status >= 200 && response.status < 300 && !response.body.starts_with("{")) return false;
    json body = json::parse(response.body, nullptr, false);
    if (!body.is_object() || !body.contains("type") || !body["type"].is_string()) return false;
    std::string type = lower(body["type"].get<std::string>());
    return type == "apirequestlimit" || type == "requestlimit";
}

// What went wrong, from the JSON {type, description} body or an HTML page's error text.
std::string problem_of(const Exchange& exchange) {
    const net::Response& response = exchange.response;
    std::string text = "HTTP " + std::to_string(response.status);
    json body = json::parse(response.body, nullptr, false);
    if (body.is_object() && body.contains("type")) {
        text += " " + (body["type"].is_string() ? body["type"].get<std::string>() : body["type"].dump());
        if (body.contains("description") && body["description"].is_string())
            text += ": " + body["description"].get<std::string>();
    } else if (net::looks_like_html(response.body)) {
        std::size_t mark = response.body.find("error__description");
        std::string_view rest = mark == std::string::npos ? std::string_view{} : std::string_view(response.body).substr(mark);
        std::size_t p = rest.find("<p>"), end = rest.find("</p>");
        text += p != std::string_view::npos && end != std::string_view::npos && end > p
                    ? ": " + std::string(rest.substr(p + 3, end - p - 3))
                    : " (an HTML page)";
    }
    return text;
}

bool succeeded(const Exchange& exchange) { return exchange.response.status >= 200 && exchange.response.status < 300; }

// The answer's JSON; anything but a 2xx JSON answer stops the pull with the platform's message.
json answer(const Exchange& exchange) {
    if (!succeeded(exchange)) throw Error(exchange.request.url + ": " + problem_of(exchange));
    json body = json::parse(exchange.response.body, nullptr, false);
    if (body.is_discarded()) throw Error(exchange.request.url + ": the answer is not JSON");
    // Some instances answer 200 with an error object where a list was expected.
    if (body.is_object() && body.contains("type") && body.contains("description") && body.size() == 2)
        throw Error(exchange.request.url + ": " + problem_of(exchange));
    return body;
}

struct Group {
    std::string id, name;
};

class Api {
public:
    explicit Api(const std::string& base_url) : root_(base_url + "/v2/") {}
    Request get(const std::string& path) const {
        Request request;
        request.url = root_ + path;
        request.headers = {{"Accept", "application/json"}};
        return request;
    }

private:
    std::string root_;
};

std::vector<Group> groups_of_year(const json& groups, int year, const std::string& school) {
    if (!groups.is_array()) throw Error("schools/" + school + "/edu-groups: expected a list of groups");
    std::vector<Group> chosen;
    std::set<long long> years_seen;
    for (const json& group : groups) {
        if (!group.is_object()) continue;
        auto study_year = group.find("studyyear");
        if (study_year == group.end()) study_year = group.find("studyYear");
        if (study_year != group.end() && study_year->is_number_integer()) {
            years_seen.insert(study_year->get<long long>());
            if (study_year->get<long long>() != year) continue;
        }
        std::string id = id_of(group, "id");
        if (id.empty()) continue;
        chosen.push_back({id, group.value("name", "")});
    }
    if (chosen.empty()) {
        std::string seen;
        for (long long each : years_seen) seen += (seen.empty() ? "" : ", ") + std::to_string(each);
        throw Error("school " + school + " has no classes for the school year " + std::to_string(year) + "/" +
                    std::to_string(year + 1) + (seen.empty() ? "" : " (it has classes for " + seen + ")"));
    }
    return chosen;
}

// First and last day the class's reporting periods cover, or September to August of the year.
std::pair<std::string, std::string> year_range(const json& periods, int year) {
    std::string first, last;
    if (periods.is_array())
        for (const json& period : periods) {
            if (!period.is_object()) continue;
            std::string start = period.value("start", ""), finish = period.value("finish", "");
            if (start.size() >= 10 && (first.empty() || start.substr(0, 10) < first)) first = start.substr(0, 10);
            if (finish.size() >= 10 && (last.empty() || finish.substr(0, 10) > last)) last = finish.substr(0, 10);
        }
    if (first.empty() || last.empty() || last < first)
        return {std::to_string(year) + "-09-01", std::to_string(year + 1) + "-08-31"};
    return {first, last};
}

// Subjects of the lessons in one window (full lessons embed `subject`, short ones have `subjectId`).
std::set<std::string> subjects_of(const json& lessons) {
    std::set<std::string> subjects;
    if (!lessons.is_array()) return subjects;
    for (const json& lesson : lessons) {
        std::string subject = lesson.contains("subject") ? id_of(lesson["subject"], "id") : "";
        if (subject.empty()) subject = id_of(lesson, "subjectId");
        if (!subject.empty()) subjects.insert(subject);
    }
    return subjects;
}

class DnevnikPuller : public net::Puller {
public:
    std::string_view name() const override { return "dnevnik"; }
    std::string_view secret_name() const override { return "access token"; }

    void pull(const net::PullTarget& target, net::Session& session) const override {
        session.set_header("Access-Token", target.secret);
        session.set_retry_predicate(is_request_limit);
        Api api(target.base_url);
        const std::string& school = target.school;
        if (school.empty() || school.find_first_not_of("0123456789") != std::string::npos)
            throw Error("--school must be the numeric school id (see users/me/context), not '" + school + "'");

        answer(session.fetch_one(api.get("users/me/context")));
        auto basics = session.fetch({api.get("schools/" + school), api.get("schools/" + school + "/edu-groups"),
                                     api.get("work-types/" + school)});
        answer(basics[0]);
        std::vector<Group> groups = groups_of_year(answer(basics[1]), target.year, school);
        answer(basics[2]);

        for (const Group& group : groups) pull_group(api, group, target, session);

        for (const auto& exchange : session.fetch({api.get("marks/values"), api.get("lesson-log-entries/statuses")}))
            answer(exchange);
    }

private:
    static void pull_group(const Api& api, const Group& group, const net::PullTarget& target, net::Session& session) {
        const std::string g = "edu-groups/" + group.id;
        auto first = session.fetch({api.get(g + "/persons?includeArchive=true"), api.get(g + "/reporting-periods"),
                                    api.get(g + "/reporting-period-group")});
        json persons = answer(first[0]);
        json periods = answer(first[1]);
        if (first[2].response.status == 404) {  // the other spelling some instances use
            Exchange other = session.fetch_one(api.get(g + "/reporting-periods-group"));
            if (other.response.status != 404) answer(other);
        } else {
            answer(first[2]);
        }

        auto [from, to] = year_range(periods, target.year);
        std::vector<net::DateWindow> windows = net::date_windows(from, to, target.window);
        std::vector<Request> dated;
        for (const auto& window : windows) {
            dated.push_back(api.get(g + "/lessons/" + window.from + "/" + window.to));
            dated.push_back(api.get(g + "/marks/" + window.from + "/" + window.to));
        }
        auto lessons_and_marks = session.fetch(dated);
        std::vector<Request> attendance;
        for (std::size_t w = 0; w < windows.size(); ++w) {
            json lessons = answer(lessons_and_marks[2 * w]);
            answer(lessons_and_marks[2 * w + 1]);
            for (const std::string& subject : subjects_of(lessons))
                attendance.push_back(api.get("lesson-log-entries/group/" + group.id + "?subject=" + subject +
                                             "&from=" + windows[w].from + "&to=" + windows[w].to));
        }
        lessons_and_marks.clear();
        for (const auto& exchange : session.fetch(attendance)) answer(exchange);

        std::vector<Request> finals{api.get(g + "/final-marks")};
        if (persons.is_array())
            for (const json& person : persons) {
                std::string id = id_of(person, "id");
                if (!id.empty()) finals.push_back(api.get("persons/" + id + "/" + g + "/allfinalmarks"));
            }
        for (const auto& exchange : session.fetch(finals)) answer(exchange);
    }
};

JBRIDGE_REGISTER_PULLER(DnevnikPuller);

}  // namespace
}  // namespace jb
