#include "tools/dnevnik-sim/sim_api.hpp"

#include <set>

#include "core/url.hpp"
#include "tools/dnevnik-sim/json_object.hpp"

namespace jb::dnevnik_sim {
namespace {

std::vector<std::string> split(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t begin = 1;
    while (begin <= path.size()) {
        std::size_t end = path.find('/', begin);
        if (end == std::string::npos) end = path.size();
        parts.push_back(path.substr(begin, end - begin));
        begin = end + 1;
    }
    while (!parts.empty() && parts.back().empty()) parts.pop_back();
    return parts;
}

Answer json_answer(const json& value) { return {200, "application/json; charset=utf-8", value.dump()}; }
Answer text_answer(std::string body) { return {200, "application/json; charset=utf-8", std::move(body)}; }

Answer error(int status, const std::string& type, const std::string& description) {
    return {status, "application/json; charset=utf-8", json{{"type", type}, {"description", description}}.dump()};
}

// Path and query dates are parsed leniently by the platform: the first ten characters count.
std::string day_of(const std::string& text) { return text.substr(0, 10); }

// The items dated from `from` to `to` (and of `subject`, if given) as a JSON array.
std::string window(const std::vector<Dated>& items, const std::string& from, const std::string& to,
                   const std::string& subject = "") {
    std::string list = "[";
    std::string first = day_of(from), last = day_of(to);
    for (const auto& item : items)
        if (item.date >= first && item.date <= last && (subject.empty() || item.subject == subject)) {
            if (list.size() > 1) list += ',';
            list += item.text;
        }
    list += ']';
    return list;
}

std::string query_value(const Query& query, const std::string& name) {
    auto found = query.find(name);
    return found == query.end() ? "" : found->second;
}

bool valid_day(const std::string& text) {
    return text.size() >= 10 && text[4] == '-' && text[7] == '-' && std::isdigit(static_cast<unsigned char>(text[0]));
}

}  // namespace

Answer answer(const SimSchool& school, const std::string& path, const Query& query) {
    std::vector<std::string> p = split(path);
    if (p.empty() || (p[0] != "v2" && p[0] != "v2.0")) return error(404, "apiMethodNotSupported", "Method not found");
    p.erase(p.begin());
    auto is = [&](std::initializer_list<const char*> shape) {
        if (p.size() != shape.size()) return false;
        std::size_t i = 0;
        for (const char* part : shape) {
            if (std::string(part) != "*" && p[i] != part) return false;
            ++i;
        }
        return true;
    };
    if (is({"users", "me", "context"})) return json_answer(school.context);
    if (is({"schools", "*"})) return p[1] == school.id ? json_answer(school.school) : error(404, "resourceUnavailable", "School not found");
    if (is({"schools", "*", "edu-groups"})) return json_answer(p[1] == school.id ? school.edu_groups : json::array());
    if (is({"work-types", "*"})) return json_answer(p[1] == school.id ? school.work_types : json::array());
    if (is({"marks", "values"})) return json_answer(school.mark_values);
    if (is({"lesson-log-entries", "statuses"})) return json_answer(school.statuses);
    if (is({"lesson-log-entries", "group", "*"})) {
        const SimGroup* group = school.group(p[2]);
        std::string from = query_value(query, "from"), to = query_value(query, "to"), subject = query_value(query, "subject");
        if (!valid_day(from) || !valid_day(to)) return error(400, "parameterInvalid", "Параметр 'from' имеет неверный формат");
        return text_answer(group ? window(group->log, from, to, subject) : "[]");
    }
    if (p.size() >= 3 && p[0] == "edu-groups") {
        const SimGroup* group = school.group(p[1]);
        if (!group) return json_answer(json::array());  // the platform's silent empty answer
        if (is({"edu-groups", "*", "persons"}))
            return json_answer(query_value(query, "includeArchive") == "true" ? group->persons : group->current_persons);
        if (is({"edu-groups", "*", "reporting-periods"})) return json_answer(school.reporting_periods);
        if (is({"edu-groups", "*", "reporting-period-group"})) return json_answer(school.period_group);
        if (is({"edu-groups", "*", "final-marks"})) return text_answer(json_array(group->final_marks));
        if (is({"edu-groups", "*", "lessons", "*", "*"}) || is({"edu-groups", "*", "marks", "*", "*"})) {
            if (!valid_day(p[3]) || !valid_day(p[4])) return error(400, "parameterInvalid", "Параметр 'from' имеет неверный формат");
            return text_answer(window(p[2] == "lessons" ? group->lessons : group->marks, p[3], p[4]));
        }
    }
    if (is({"persons", "*", "edu-groups", "*", "allfinalmarks"})) {
        const SimGroup* group = school.group(p[3]);
        json empty = {{"marks", json::array()}, {"works", json::array()}, {"subjects", json::array()}, {"workTypes", json::array()}};
        if (!group) return json_answer(empty);
        auto found = group->all_final_marks.find(p[1]);
        return found == group->all_final_marks.end() ? json_answer(empty) : text_answer(found->second);
    }
    return error(404, "apiMethodNotSupported", "Method not found");
}

std::vector<std::string> school_paths(const SimSchool& school) {
    return {"/v2/users/me/context", "/v2/schools/" + school.id, "/v2/schools/" + school.id + "/edu-groups",
            "/v2/work-types/" + school.id};
}

std::vector<std::string> group_paths(const SimSchool& school, const SimGroup& group) {
    std::vector<std::string> paths;
    std::string g = "/v2/edu-groups/" + group.id;
    paths.push_back(g + "/persons?includeArchive=true");
    paths.push_back(g + "/reporting-periods");
    paths.push_back(g + "/reporting-period-group");
    paths.push_back(g + "/lessons/" + school.first_day + "/" + school.last_day);
    paths.push_back(g + "/marks/" + school.first_day + "/" + school.last_day);
    std::set<std::string> subjects;
    for (const auto& lesson : group.lessons) subjects.insert(lesson.subject);
    for (const auto& subject : subjects)
        paths.push_back("/v2/lesson-log-entries/group/" + group.id + "?subject=" + subject + "&from=" + school.first_day +
                        "&to=" + school.last_day);
    paths.push_back(g + "/final-marks");
    for (const json& person : group.persons)
        paths.push_back("/v2/persons/" + person["id_str"].get<std::string>() + "/edu-groups/" + group.id + "/allfinalmarks");
    return paths;
}

std::vector<std::string> closing_paths() { return {"/v2/marks/values", "/v2/lesson-log-entries/statuses"}; }

std::vector<std::string> whole_year_paths(const SimSchool& school) {
    std::vector<std::string> paths = school_paths(school);
    for (const SimGroup& group : school.groups) {
        std::vector<std::string> more = group_paths(school, group);
        paths.insert(paths.end(), more.begin(), more.end());
    }
    for (std::string& path : closing_paths()) paths.push_back(std::move(path));
    return paths;
}

Answer answer_to_target(const SimSchool& school, const std::string& target) {
    std::size_t question = target.find('?');
    Query query;
    if (question != std::string::npos)
        for (const auto& [name, value] : parse_url("http://x" + target).query) query.emplace(name, value);
    return answer(school, target.substr(0, question), query);
}

}  // namespace jb::dnevnik_sim
