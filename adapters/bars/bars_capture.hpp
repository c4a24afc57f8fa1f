#pragma once
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/har.hpp"

// Which БАРС request a HAR entry is, and what its response holds.
namespace jb::bars {

enum class Endpoint {
    none,            // not a БАРС journal request (pages, scripts, widgets, another site)
    person_data,     // /api/ProfileService/GetPersonData
    set_child,       // /api/ProfileService/SetChild
    diary,           // /api/ScheduleService/GetDiary
    summary_marks,   // /api/MarkService/GetSummaryMarks
    total_marks,     // /api/MarkService/GetTotalMarks
    class_info,      // /api/SchoolService/getClassYearInfo
    school_info,     // /api/SchoolService/getSchoolInfo
    homework,        // /api/HomeworkService/GetHomeworkFromRange
    rest_login,      // /rest/login
    rest_diary,      // /rest/diary
    rest_totals,     // /rest/totals
};

Endpoint endpoint_of(std::string_view path);
// Whether the path belongs to a БАРС server at all (any /api/<Service>/ of it, /rest/, /auth/).
bool is_bars_path(std::string_view path);

// A request parameter from the query string (GET) or the form body (POST).
std::string request_param(const har::Entry& entry, std::string_view name);

// "capture.har: log.entries[12] (/api/ScheduleService/GetDiary): " — the start of every message.
std::string place(const std::string& file, const har::Entry& entry);

enum class BodyState { json, fault, html, no_answer };

struct Response {
    BodyState state = BodyState::no_answer;
    nlohmann::json doc;
    std::string problem;  // for fault, html and no_answer: what the server said
};

// Parses the response body. A body that is neither JSON nor HTML (truncated JSON, another
// encoding) is an Error naming the entry and the byte.
Response read_response(const std::string& file, const har::Entry& entry);

}  // namespace jb::bars
