#include "adapters/dnevnik/dnevnik_reader.hpp"

#include <nlohmann/json.hpp>

#include "adapters/dnevnik/dnevnik_directory.hpp"
#include "adapters/dnevnik/dnevnik_emitter.hpp"
#include "adapters/dnevnik/dnevnik_endpoint.hpp"
#include "adapters/dnevnik/dnevnik_mappings.hpp"
#include "core/error.hpp"
#include "core/har.hpp"

namespace jb::dnevnik {
namespace {

using nlohmann::json;

Where where_of(const std::string& name, const har::Entry& entry) {
    std::string url = entry.url.size() > 160 ? entry.url.substr(0, 160) + "…" : entry.url;
    return {name + ": log.entries[" + std::to_string(entry.index) + "] (" + entry.method + " " + url + ")", {}};
}

// `{"type": "...", "description": "..."}`: the platform's error object, sometimes sent with 200.
bool is_error_body(const json& body) {
    if (!body.is_object() || body.contains("id") || body.size() > 3) return false;
    auto type = body.find("type");
    return type != body.end() && type->is_string() && body.contains("description");
}

json parse_body(const har::Entry& entry, const Where& where) {
    try {
        return json::parse(entry.body);
    } catch (const json::exception& error) {
        std::string what = error.what();
        if (auto bracket = what.find("] "); bracket != std::string::npos) what = what.substr(bracket + 2);
        where.fail("the response is not valid JSON: " + what);
    }
}

// A facts answer that cannot be the platform's error object (a list, or an object far larger than
// one): the first pass counts it without parsing it, the second parses it once.
bool plainly_not_an_error(std::string_view body) {
    std::size_t first = body.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (body[first] == '[' || body.size() > 4096);
}

struct Tally {
    std::size_t v2 = 0, failed = 0, html = 0, error_bodies = 0, usable = 0, facts = 0;
};

enum class Use { skip, directory, facts };

Use use_of(const har::Entry& entry, const Request& request, Tally& tally) {
    if (!request.is_v2) return Use::skip;
    ++tally.v2;
    if (request.endpoint == Endpoint::none) return Use::skip;
    if (!entry.succeeded()) {
        ++tally.failed;
        return Use::skip;
    }
    if (entry.body_is_html()) {
        ++tally.html;
        return Use::skip;
    }
    return is_fact_endpoint(request.endpoint) ? Use::facts : Use::directory;
}

}  // namespace

void read_capture(const std::string& name, const EntryStream& entries, const ReadContext& context, Sink& sink) {
    static const Mappings mappings;
    Directory directory;
    Tally tally;
    entries([&](const har::Entry& entry) {
        Request request = classify(entry);
        Use use = use_of(entry, request, tally);
        if (request.is_v2 && directory.instance.empty()) {
            directory.instance = entry.parsed_url.host;
            directory.capture_date = entry.started;
        }
        if (use == Use::skip) return;
        if (use == Use::facts && request.endpoint != Endpoint::all_final_marks && plainly_not_an_error(entry.body)) {
            ++tally.usable;
            ++tally.facts;
            return;
        }
        Where where = where_of(name, entry);
        json body = parse_body(entry, where);
        if (is_error_body(body)) {
            ++tally.error_bodies;
            return;
        }
        ++tally.usable;
        if (use == Use::facts) ++tally.facts;
        // allfinalmarks also describes the PeriodMark works, subjects and work types its marks use
        if (use == Use::directory || request.endpoint == Endpoint::all_final_marks) directory.collect(request, body, where);
    });
    if (tally.v2 == 0)
        throw Error(name + ": no Dnevnik API requests (/v2/…) in this HAR: is it a capture of another platform?");
    if (tally.usable == 0)
        throw Error(name + ": none of the " + std::to_string(tally.v2) + " Dnevnik API requests has usable data (" +
                    std::to_string(tally.failed) + " failed or without a body, " + std::to_string(tally.html) +
                    " HTML pages, " + std::to_string(tally.error_bodies) + " error objects, the rest not read by jbridge)");
    Emitter emitter(directory, mappings, context, sink);
    emitter.emit_directory({name, {}});
    if (tally.facts == 0) return;
    Tally second;
    entries([&](const har::Entry& entry) {
        Request request = classify(entry);
        if (use_of(entry, request, second) != Use::facts) return;
        Where where = where_of(name, entry);
        json body = parse_body(entry, where);
        if (!is_error_body(body)) emitter.emit_facts(request, body, where);
    });
}

void read_har_file(const std::string& path, const ReadContext& context, Sink& sink) {
    read_capture(path, [&](const auto& on_entry) { har::read_entries(path, on_entry); }, context, sink);
}

void read_har_text(const std::string& text, const std::string& name, const ReadContext& context, Sink& sink) {
    read_capture(name, [&](const auto& on_entry) { har::read_entries_from_text(text, name, on_entry); }, context, sink);
}

}  // namespace jb::dnevnik
