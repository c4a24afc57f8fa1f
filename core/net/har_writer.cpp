#include "core/net/har_writer.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/base64.hpp"
#include "core/error.hpp"
#include "core/net/scrub.hpp"
#include "core/url.hpp"
#include "core/utf8.hpp"
#include "core/version.hpp"

namespace jb::net {
namespace {

using nlohmann::json;

json header_list(const Headers& headers) {
    json list = json::array();
    for (const auto& [name, value] : headers)
        list.push_back({{"name", name}, {"value", is_secret_header(name) ? std::string(kScrubbed) : value}});
    return list;
}

json content_of(std::string_view body, const std::string& mime) {
    json content = {{"size", body.size()}, {"mimeType", mime}};
    if (is_valid_utf8(body)) {
        content["text"] = body;
    } else {
        content["text"] = base64_encode(body);
        content["encoding"] = "base64";
    }
    return content;
}

}  // namespace

std::string har_entry_line(const Request& request, const Response& response) {
    Url url = parse_url(scrub_url(request.url));
    json query = json::array();
    for (const auto& [name, value] : url.query) query.push_back({{"name", name}, {"value", value}});
    std::string request_type = find_header(request.headers, "Content-Type").value_or("");
    json har_request = {{"method", request.method},        {"url", scrub_url(request.url)},
                        {"httpVersion", "HTTP/1.1"},       {"cookies", json::array()},
                        {"headers", header_list(request.headers)}, {"queryString", query},
                        {"headersSize", -1},               {"bodySize", request.body.size()}};
    if (!request.body.empty()) {
        std::string body = scrub_body(request.body, request_type);
        har_request["postData"] = {{"mimeType", request_type}, {"text", is_valid_utf8(body) ? body : base64_encode(body)}};
    }
    std::string mime = response.header("Content-Type").value_or("");
    json har_response = {{"status", response.status},
                         {"statusText", response.status_text},
                         {"httpVersion", response.http_version},
                         {"cookies", json::array()},
                         {"headers", header_list(response.headers)},
                         {"content", content_of(scrub_json_answer(response.body).value_or(response.body), mime)},
                         {"redirectURL", response.header("Location").value_or("")},
                         {"headersSize", -1},
                         {"bodySize", response.body.size()}};
    long long wait = static_cast<long long>(response.elapsed_ms);
    json entry = {{"startedDateTime", response.started},
                  {"time", wait},
                  {"request", har_request},
                  {"response", har_response},
                  {"cache", json::object()},
                  {"timings", {{"send", 0}, {"wait", wait}, {"receive", 0}}}};
    return entry.dump();
}

ReplayedEntry parse_har_entry_line(std::string_view line) {
    json entry = json::parse(line, nullptr, false);
    try {
        if (entry.is_discarded()) throw Error("not JSON");
        ReplayedEntry replayed;
        const json& request = entry.at("request");
        replayed.method = request.at("method").get<std::string>();
        replayed.url = request.at("url").get<std::string>();
        const json& response = entry.at("response");
        replayed.response.status = response.at("status").get<int>();
        replayed.response.status_text = response.value("statusText", "");
        replayed.response.http_version = response.value("httpVersion", "HTTP/1.1");
        for (const json& header : response.at("headers"))
            replayed.response.headers.emplace_back(header.at("name").get<std::string>(), header.at("value").get<std::string>());
        const json& content = response.at("content");
        std::string text = content.value("text", "");
        if (content.value("encoding", "") == "base64") {
            auto decoded = base64_decode(text);
            if (!decoded) throw Error("bad base64 body");
            text = std::move(*decoded);
        }
        replayed.response.body = std::move(text);
        replayed.response.started = entry.value("startedDateTime", "");
        replayed.response.elapsed_ms = entry.value("time", 0.0);
        return replayed;
    } catch (const json::exception& e) {
        throw Error(std::string("not a HAR entry: ") + e.what());
    }
}

HarWriter::HarWriter(const std::string& path) : file_(std::make_unique<AtomicFile>(path)) {
    json creator = {{"name", "jbridge"}, {"version", kJbridgeVersion}};
    file_->stream() << "{\"log\":{\"version\":\"1.2\",\"creator\":" << creator.dump() << ",\"entries\":[\n";
}

HarWriter::~HarWriter() = default;

void HarWriter::add(std::string_view entry_line) {
    if (!first_) file_->stream() << ",\n";
    first_ = false;
    file_->stream() << entry_line;
}

void HarWriter::commit() {
    file_->stream() << "\n]}}\n";
    file_->commit();
}

}  // namespace jb::net
