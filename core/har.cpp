#include "core/har.hpp"

#include <cstdio>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/base64.hpp"
#include "core/error.hpp"
#include "core/json_scanner.hpp"

namespace jb::har {
namespace {

using json = nlohmann::json;

bool equals_ignoring_ascii_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

std::optional<std::string> find_header(const Headers& headers, std::string_view name) {
    for (const auto& [key, value] : headers) {
        if (equals_ignoring_ascii_case(key, name)) return value;
    }
    return std::nullopt;
}

// A HAR can be larger than memory: the scanner reads it through this 1 MiB window.
class FileSource : public json_scan::Source {
public:
    explicit FileSource(std::FILE* file) : file_(file), buffer_(1 << 20) {}
    std::string_view next_chunk() override {
        const std::size_t got = std::fread(buffer_.data(), 1, buffer_.size(), file_);
        if (got == 0 && std::ferror(file_) != 0) failed_ = true;
        return {buffer_.data(), got};
    }
    bool failed() const { return failed_; }

private:
    std::FILE* file_;
    std::vector<char> buffer_;
    bool failed_ = false;
};

Headers headers_of(const json& owner) {
    Headers headers;
    const auto it = owner.find("headers");
    if (it == owner.end() || !it->is_array()) return headers;
    for (const auto& header : *it) {
        if (!header.is_object()) continue;
        const auto name = header.find("name");
        const auto value = header.find("value");
        if (name != header.end() && name->is_string() && value != header.end() && value->is_string()) {
            headers.emplace_back(name->get<std::string>(), value->get<std::string>());
        }
    }
    return headers;
}

std::string string_at(const json& owner, const char* key) {
    if (!owner.is_object()) return {};
    const auto it = owner.find(key);
    return it != owner.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

const json& object_at(const json& owner, const char* key) {
    static const json empty = json::object();
    if (!owner.is_object()) return empty;
    const auto it = owner.find(key);
    return it != owner.end() && it->is_object() ? *it : empty;
}

Entry entry_from(json& dom, std::size_t index, const std::string& name) {
    Entry entry;
    entry.index = index;
    entry.started = string_at(dom, "startedDateTime");
    const json& request = object_at(dom, "request");
    entry.method = string_at(request, "method");
    entry.url = string_at(request, "url");
    entry.parsed_url = parse_url(entry.url);
    entry.request_headers = headers_of(request);
    const json& post = object_at(request, "postData");
    entry.request_body = string_at(post, "text");
    entry.request_mime = string_at(post, "mimeType");
    const json& response = object_at(dom, "response");
    if (const auto status = response.find("status"); status != response.end() && status->is_number_integer()) {
        entry.status = status->get<int>();
    }
    entry.response_headers = headers_of(response);
    json& content = response.is_object() && response.contains("content") && response["content"].is_object()
                        ? dom["response"]["content"]
                        : dom;
    entry.response_mime = string_at(content, "mimeType");
    if (&content != &dom) {
        if (const auto text = content.find("text"); text != content.end() && text->is_string()) {
            entry.has_body = true;
            if (string_at(content, "encoding") == "base64") {
                auto decoded = base64_decode(text->get_ref<const std::string&>());
                if (!decoded) {
                    throw Error(name + ": log.entries[" + std::to_string(index) +
                                "]: response.content.text is marked base64 but is not base64");
                }
                entry.body = std::move(*decoded);
            } else {
                entry.body = std::move(text->get_ref<std::string&>());
            }
        }
    }
    return entry;
}

// Follows the document's nesting and builds a small DOM for one entry of log.entries at a time.
class EntryWalker {
public:
    EntryWalker(const std::string& name, const std::function<void(const Entry&)>& on_entry)
        : name_(name), on_entry_(on_entry) {}

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const std::string&) { return value(v); }
    bool string(std::string& v) { return value(std::move(v)); }
    bool binary(json::binary_t&) { return value(nullptr); }

    bool key(std::string& k) {
        if (!building_.empty()) {
            key_ = std::move(k);
        } else {
            frames_.back().key = std::move(k);
        }
        return true;
    }

    bool start_object(std::size_t) {
        if (!building_.empty()) {
            building_.push_back(attach(json::object()));
            return true;
        }
        if (in_entries_array()) {
            entry_ = json::object();
            building_.push_back(&entry_);
            return true;
        }
        frames_.push_back({false, parent_key(), {}});
        return true;
    }
    bool end_object() {
        if (!building_.empty()) {
            building_.pop_back();
            if (building_.empty()) {
                on_entry_(entry_from(entry_, entries_++, name_));
                entry_ = nullptr;
            }
            return true;
        }
        frames_.pop_back();
        return true;
    }
    bool start_array(std::size_t) {
        if (!building_.empty()) {
            building_.push_back(attach(json::array()));
            return true;
        }
        if (frames_.empty()) {
            throw Error(name_ + ": not a HAR file: the document is a JSON array, not an object with \"log\"");
        }
        const bool is_entries = frames_.size() == 2 && frames_[1].opened_as == "log" && frames_[1].key == "entries";
        if (is_entries) found_entries_ = true;
        frames_.push_back({true, parent_key(), {}});
        return true;
    }
    bool end_array() {
        if (!building_.empty()) {
            building_.pop_back();
            return true;
        }
        frames_.pop_back();
        return true;
    }
    bool found_entries() const { return found_entries_; }
    std::size_t entries() const { return entries_; }

private:
    struct Frame {
        bool is_array;
        std::string opened_as;  // the key this container is the value of ("" for the root and array items)
        std::string key;        // the current key, for objects
    };

    bool in_entries_array() const {
        return frames_.size() == 3 && frames_[2].is_array && frames_[2].opened_as == "entries" &&
               frames_[1].opened_as == "log";
    }
    std::string parent_key() const {
        if (frames_.empty() || frames_.back().is_array) return {};
        return frames_.back().key;
    }
    template <typename V>
    bool value(V&& v) {
        if (!building_.empty()) {
            attach(json(std::forward<V>(v)));
        } else if (frames_.empty()) {
            throw Error(name_ + ": not a HAR file: the document is a single JSON value, not an object with \"log\"");
        }
        return true;
    }
    json* attach(json&& v) {
        json& parent = *building_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(v));
            return &parent.back();
        }
        json& slot = parent[key_];
        slot = std::move(v);
        return &slot;
    }

    const std::string& name_;
    const std::function<void(const Entry&)>& on_entry_;
    std::vector<Frame> frames_;
    std::vector<json*> building_;
    json entry_;
    std::string key_;
    std::size_t entries_ = 0;
    bool found_entries_ = false;
};

void refuse_obvious_non_har(std::string_view head, const std::string& name) {
    std::size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i == head.size()) throw Error(name + ": the file is empty, not a HAR");
    if (head[i] == '<') throw Error(name + ": is an HTML or XML page, not a HAR (save the capture with \"Save all as HAR\")");
    if (head[i] != '{') throw Error(name + ": not a HAR file: it does not start with a JSON object");
}

void walk(json_scan::Source& source, const std::string& name, const std::function<void(const Entry&)>& on_entry) {
    EntryWalker walker(name, on_entry);
    json_scan::Scanner<EntryWalker> scanner(source, walker, name);
    try {
        scanner.run();
    } catch (const Error& error) {
        if (walker.entries() == 0) throw;
        throw Error(std::string(error.what()) + " (after " + std::to_string(walker.entries()) +
                    " complete entries)");
    }
    if (!walker.found_entries()) throw Error(name + ": not a HAR file: there is no \"log\": {\"entries\": [...]}");
}

}  // namespace

std::optional<std::string> Entry::request_header(std::string_view name) const { return find_header(request_headers, name); }
std::optional<std::string> Entry::response_header(std::string_view name) const { return find_header(response_headers, name); }

bool Entry::body_is_html() const {
    std::size_t i = 0;
    if (body.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t')) ++i;
    return i < body.size() && body[i] == '<';
}

std::string Entry::charset() const {
    auto from = [](std::string_view content_type) -> std::string {
        std::string lower(content_type);
        for (auto& c : lower) {
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        const auto at = lower.find("charset=");
        if (at == std::string::npos) return {};
        auto value = lower.substr(at + 8);
        const auto end = value.find_first_of("; ");
        value = value.substr(0, end);
        if (!value.empty() && value.front() == '"') value.erase(0, 1);
        if (!value.empty() && value.back() == '"') value.pop_back();
        return value;
    };
    if (const auto header = response_header("Content-Type")) {
        if (auto charset = from(*header); !charset.empty()) return charset;
    }
    return from(response_mime);
}

bool looks_like_har(std::string_view head) {
    std::size_t i = 0;
    if (head.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\n' || head[i] == '\r' || head[i] == '\t')) ++i;
    if (i == head.size() || head[i] != '{') return false;
    return head.find("\"log\"") != std::string_view::npos &&
           (head.find("\"entries\"") != std::string_view::npos || head.find("\"creator\"") != std::string_view::npos);
}

void read_entries(const std::string& path, const std::function<void(const Entry&)>& on_entry) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!file) throw Error(path + ": cannot open for reading");
    char head[512];
    const std::size_t got = std::fread(head, 1, sizeof head, file.get());
    refuse_obvious_non_har(std::string_view(head, got), path);
    std::rewind(file.get());
    if (got >= 3 && std::string_view(head, 3) == "\xEF\xBB\xBF") std::fseek(file.get(), 3, SEEK_SET);
    FileSource source(file.get());
    walk(source, path, on_entry);
    if (source.failed()) throw Error(path + ": read error");
}

void read_entries_from_text(std::string_view text, const std::string& name,
                            const std::function<void(const Entry&)>& on_entry) {
    refuse_obvious_non_har(text.substr(0, 512), name);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    json_scan::TextSource source(text);
    walk(source, name, on_entry);
}

}  // namespace jb::har
