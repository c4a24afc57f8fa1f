#include "adapters/dnevnik/dnevnik_endpoint.hpp"

#include <vector>

#include "adapters/dnevnik/dnevnik_json.hpp"
#include "core/har.hpp"

namespace jb::dnevnik {
namespace {

std::vector<std::string_view> segments_after_version(std::string_view path, bool& found) {
    std::vector<std::string_view> parts;
    std::size_t at = path.find("/v2/");
    std::size_t skip = 4;
    if (at == std::string_view::npos) {
        at = path.find("/v2.0/");
        skip = 6;
    }
    found = at != std::string_view::npos;
    if (!found) return parts;
    std::string_view rest = path.substr(at + skip);
    while (!rest.empty()) {
        std::size_t slash = rest.find('/');
        std::string_view part = rest.substr(0, slash);
        if (!part.empty()) parts.push_back(part);
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return parts;
}

std::int64_t id_of(std::string_view text) { return parse_id_text(text).value_or(0); }
bool is_id(std::string_view text) { return parse_id_text(text).has_value(); }

}  // namespace

Request classify(const har::Entry& entry) {
    Request r;
    auto s = segments_after_version(entry.path(), r.is_v2);
    if (!r.is_v2 || s.empty()) return r;
    const bool get = entry.method.empty() || entry.method == "GET";
    const std::size_t n = s.size();
    auto is = [&](std::size_t i, std::string_view word) { return i < n && s[i] == word; };
    auto query_id = [&](std::string_view name) { return id_of(entry.parsed_url.query_value(name).value_or("")); };
    if (!get) {
        if (n == 2 && is(0, "lessons") && is(1, "many")) r.endpoint = Endpoint::lessons;
        return r;
    }
    if (is(0, "users") && n == 3 && is(2, "context")) {
        r.endpoint = Endpoint::context;
    } else if (is(0, "users") && n == 2) {
        r.endpoint = Endpoint::user;
    } else if (is(0, "schools")) {
        if (n == 1 || (n == 2 && s[1] == "person-schools")) r.endpoint = Endpoint::schools;
        else if (n >= 2 && is_id(s[1])) {
            r.school = id_of(s[1]);
            if (n == 2) r.endpoint = Endpoint::school;
            else if (n == 3 && s[2] == "edu-groups") r.endpoint = Endpoint::edu_groups;
            else if (n == 3 && s[2] == "teachers") r.endpoint = Endpoint::school_teachers;
            else if (n == 3 && s[2] == "subjects") r.endpoint = Endpoint::subjects;
        }
    } else if (is(0, "work-types") && n == 2 && is_id(s[1])) {
        r.school = id_of(s[1]);
        r.endpoint = Endpoint::work_types;
    } else if (is(0, "edu-groups")) {
        if (n == 1) {
            r.endpoint = Endpoint::edu_groups;
        } else if (is_id(s[1])) {
            r.group = id_of(s[1]);
            if (n == 2) r.endpoint = Endpoint::edu_group;
            else if (n == 3 && (s[2] == "persons" || s[2] == "students")) r.endpoint = Endpoint::group_persons;
            else if (n == 3 && s[2] == "teachers") r.endpoint = Endpoint::group_teachers;
            else if (n == 3 && s[2] == "classteacher") r.endpoint = Endpoint::class_teacher;
            else if (n == 3 && s[2] == "reporting-periods") r.endpoint = Endpoint::reporting_periods;
            else if (n == 3 && (s[2] == "reporting-period-group" || s[2] == "reporting-periods-group"))
                r.endpoint = Endpoint::period_group;
            else if (n == 3 && s[2] == "subjects") r.endpoint = Endpoint::subjects;
            else if (n == 3 && s[2] == "final-marks") r.endpoint = Endpoint::final_marks;
            else if (n == 5 && s[2] == "lessons") r.endpoint = Endpoint::lessons;
            else if (n == 5 && s[2] == "marks") r.endpoint = Endpoint::marks;
            else if (n == 7 && s[2] == "subjects" && is_id(s[3]) && (s[4] == "lessons" || s[4] == "marks")) {
                r.subject = id_of(s[3]);
                r.endpoint = s[4] == "lessons" ? Endpoint::lessons : Endpoint::marks;
            }
        }
    } else if (is(0, "persons")) {
        if (n == 1 && query_id("eduGroup")) {
            r.group = query_id("eduGroup");
            r.endpoint = Endpoint::group_persons;
        } else if (n >= 3 && is_id(s[1])) {
            r.person = id_of(s[1]);
            if (s[2] == "edu-groups" && (n == 3 || (n == 4 && s[3] == "all"))) {
                r.endpoint = Endpoint::edu_groups;
            } else if (n == 5 && s[2] == "schools" && is_id(s[3]) && s[4] == "edu-groups") {
                r.school = id_of(s[3]);
                r.endpoint = Endpoint::edu_groups;
            } else if (s[2] == "edu-groups" && n >= 5 && is_id(s[3])) {
                r.group = id_of(s[3]);
                if (n == 5 && s[4] == "allfinalmarks") r.endpoint = Endpoint::all_final_marks;
                else if (n == 7 && s[4] == "marks") r.endpoint = Endpoint::marks;
            }
        }
    } else if (is(0, "lessons")) {
        if (n == 2 && is_id(s[1])) r.endpoint = Endpoint::lessons;
        else if (n == 3 && is_id(s[1]) && s[2] == "log-entries") r.endpoint = Endpoint::log_entries;
    } else if (is(0, "lesson-log-entries")) {
        if (n == 1) r.endpoint = Endpoint::log_entries;
        else if (n == 2 && s[1] == "statuses") r.endpoint = Endpoint::statuses;
        else if (n == 3 && s[1] == "group" && is_id(s[2])) {
            r.group = id_of(s[2]);
            r.subject = query_id("subject");
            r.endpoint = Endpoint::log_entries;
        }
    } else if (is(0, "marks") && n == 2 && s[1] == "values") {
        r.endpoint = Endpoint::mark_values;
    }
    return r;
}

bool is_fact_endpoint(Endpoint endpoint) {
    return endpoint == Endpoint::marks || endpoint == Endpoint::log_entries || endpoint == Endpoint::final_marks ||
           endpoint == Endpoint::all_final_marks;
}

}  // namespace jb::dnevnik
