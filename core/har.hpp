#pragma once
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/url.hpp"

namespace jb::har {

using Headers = std::vector<std::pair<std::string, std::string>>;

// One request/response pair of a HAR 1.2 file, with the body already decoded from base64.
struct Entry {
    std::size_t index = 0;     // position in log.entries
    std::string started;       // startedDateTime as written
    std::string method;        // upper case as captured
    std::string url;
    Url parsed_url;            // host, path and decoded query
    Headers request_headers;
    std::string request_body;  // postData.text
    std::string request_mime;  // postData.mimeType
    int status = 0;            // 0: the request never got an answer (blocked, aborted)
    Headers response_headers;
    std::string response_mime;  // content.mimeType
    std::string body;           // content.text, decoded
    bool has_body = false;

    std::string_view path() const { return parsed_url.path; }
    std::optional<std::string> request_header(std::string_view name) const;   // case-insensitive
    std::optional<std::string> response_header(std::string_view name) const;  // case-insensitive
    bool succeeded() const { return status >= 200 && status < 300 && has_body; }
    // The body is an HTML page (an error or login page where JSON was expected).
    bool body_is_html() const;
    // charset= of the response Content-Type (header first, then content.mimeType), lower case.
    std::string charset() const;
};

// Whether the first bytes of a file look like a HAR (a JSON object with "log" and "entries").
bool looks_like_har(std::string_view head);

// Walks log.entries of `path` one entry at a time, in file order; memory stays bounded by the
// largest entry, whatever the file's size. Throws jb::Error naming the file and byte offset for
// anything that is not a well-formed HAR (truncated JSON, an HTML page, no log.entries).
void read_entries(const std::string& path, const std::function<void(const Entry&)>& on_entry);

// The same over text in memory (fuzzing, tests); `name` stands for the file in messages.
void read_entries_from_text(std::string_view text, const std::string& name,
                            const std::function<void(const Entry&)>& on_entry);

}  // namespace jb::har
