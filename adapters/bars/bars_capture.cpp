#include "adapters/bars/bars_capture.hpp"

#include "adapters/bars/bars_json.hpp"
#include "core/error.hpp"
#include "core/url.hpp"

namespace jb::bars {
namespace {

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

Endpoint endpoint_of(std::string_view path) {
    const std::string lower = lower_ascii(path);
    std::string_view p = lower;
    while (p.size() > 1 && p.back() == '/') p.remove_suffix(1);
    if (const std::size_t api = p.find("/api/"); api != std::string_view::npos) {
        const std::string_view method = p.substr(api + 5);
        static const std::pair<std::string_view, Endpoint> methods[] = {
            {"profileservice/getpersondata", Endpoint::person_data},
            {"profileservice/setchild", Endpoint::set_child},
            {"scheduleservice/getdiary", Endpoint::diary},
            {"markservice/getsummarymarks", Endpoint::summary_marks},
            {"markservice/gettotalmarks", Endpoint::total_marks},
            {"schoolservice/getclassyearinfo", Endpoint::class_info},
            {"schoolservice/getschoolinfo", Endpoint::school_info},
            {"homeworkservice/gethomeworkfromrange", Endpoint::homework},
        };
        for (const auto& [name, endpoint] : methods)
            if (method == name) return endpoint;
        return Endpoint::none;
    }
    if (p.ends_with("/rest/login")) return Endpoint::rest_login;
    if (p.ends_with("/rest/diary")) return Endpoint::rest_diary;
    if (p.ends_with("/rest/totals")) return Endpoint::rest_totals;
    return Endpoint::none;
}

bool is_bars_path(std::string_view path) {
    const std::string lower = lower_ascii(path);
    for (std::string_view service : {"/api/profileservice/", "/api/scheduleservice/", "/api/markservice/",
                                     "/api/schoolservice/", "/api/homeworkservice/", "/api/widgetservice/",
                                     "/api/mailboxservice/", "/rest/login", "/rest/diary", "/rest/totals"})
        if (lower.find(service) != std::string::npos) return true;
    return false;
}

std::string request_param(const har::Entry& entry, std::string_view name) {
    if (auto value = entry.parsed_url.query_value(name)) return *value;
    for (const auto& [key, value] : parse_form(entry.request_body))
        if (key == name) return value;
    return {};
}

std::string place(const std::string& file, const har::Entry& entry) {
    return file + ": log.entries[" + std::to_string(entry.index) + "] (" + std::string(entry.path()) + "): ";
}

Response read_response(const std::string& file, const har::Entry& entry) {
    Response response;
    if (entry.status == 0 || !entry.has_body) {
        response.problem = entry.status == 0 ? "the request got no answer" : "the capture holds no response body";
        return response;
    }
    if (entry.body_is_html()) {
        response.state = BodyState::html;
        response.problem = "an HTML page (HTTP " + std::to_string(entry.status) + ") where JSON was expected: the session had expired";
        return response;
    }
    try {
        response.doc = nlohmann::json::parse(entry.body);
    } catch (const nlohmann::json::parse_error& e) {
        std::string what = e.what();
        if (const auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
        if (entry.status < 200 || entry.status >= 300) {
            response.problem = "HTTP " + std::to_string(entry.status) + " with a body that is not JSON";
            return response;
        }
        if (what.find("UTF-8") != std::string::npos) what = "the body is not UTF-8 (" + entry.charset() + ")";
        throw Error(place(file, entry) + "response body byte " + std::to_string(e.byte) + ": not valid JSON: " + what +
                    " (the capture may be cut short: save it again with \"Save all as HAR\")");
    } catch (const nlohmann::json::exception& e) {
        throw Error(place(file, entry) + "response body: not valid JSON: " + std::string(e.what()));
    }
    if (has_key(response.doc, "faultcode")) {
        response.state = BodyState::fault;
        response.problem = text_at(response.doc, "faultcode");
        if (auto detail = text_at(response.doc, "faultstring"); !detail.empty()) response.problem += ": " + detail;
        return response;
    }
    if (response.doc.is_object() && response.doc.contains("success") && response.doc["success"].is_boolean() &&
        !response.doc["success"].get<bool>()) {
        response.state = BodyState::fault;
        response.problem = "success: false";
        for (const char* key : {"message", "error", "msg"})
            if (auto detail = text_at(response.doc, key); !detail.empty()) response.problem += ": " + detail;
        return response;
    }
    if (entry.status < 200 || entry.status >= 300) {
        response.state = BodyState::no_answer;
        response.problem = "HTTP " + std::to_string(entry.status);
        return response;
    }
    response.state = BodyState::json;
    return response;
}

}  // namespace jb::bars
