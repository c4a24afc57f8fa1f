#include "tools/dnevnik-sim/sim_har_entry.hpp"

#include "core/url.hpp"
#include "tools/dnevnik-sim/json_text.hpp"

namespace jb::dnevnik_sim {
namespace {

constexpr std::string_view kHost = "https://api.school.mosreg.ru";

// Members in nlohmann::json's order (sorted by name), as net::har_entry_line writes them.
void append_request(std::string& line, std::string_view target) {
    std::string url = std::string(kHost) + std::string(target);
    line += R"("request":{"bodySize":0,"cookies":[],"headers":[{"name":"Accept","value":"application/json"},)"
            R"({"name":"Access-Token","value":"[scrubbed]"}],"headersSize":-1,"httpVersion":"HTTP/1.1","method":"GET",)"
            R"("queryString":[)";
    bool first = true;
    for (const auto& [name, value] : parse_url(url).query) {
        if (!first) line += ',';
        first = false;
        line += R"({"name":)";
        append_json_string(line, name);
        line += R"(,"value":)";
        append_json_string(line, value);
        line += '}';
    }
    line += R"(],"url":)";
    append_json_string(line, url);
    line += '}';
}

void append_response(std::string& line, const Answer& answer) {
    std::string size = std::to_string(answer.body.size());
    line += R"("response":{"bodySize":)" + size + R"(,"content":{"mimeType":)";
    append_json_string(line, answer.content_type);
    line += R"(,"size":)" + size + R"(,"text":)";
    append_json_string(line, answer.body);
    line += R"(},"cookies":[],"headers":[{"name":"Content-Type","value":)";
    append_json_string(line, answer.content_type);
    line += R"(}],"headersSize":-1,"httpVersion":"HTTP/1.1","redirectURL":"","status":)" + std::to_string(answer.status);
    line += answer.status == 200 ? R"(,"statusText":"OK"})" : R"(,"statusText":"Error"})";
}

}  // namespace

void append_har_entry(std::string& line, std::string_view target, const Answer& answer, std::string_view started) {
    line += R"({"cache":{},)";
    append_request(line, target);
    line += ',';
    append_response(line, answer);
    line += R"(,"startedDateTime":)";
    append_json_string(line, started);
    line += R"(,"time":0,"timings":{"receive":0,"send":0,"wait":0}})";
}

}  // namespace jb::dnevnik_sim
