#include "core/validate/secret_scan.hpp"

#include <algorithm>
#include <array>
#include <cstring>

namespace jb::validate {
namespace {

constexpr std::size_t kOverlap = 4096;  // longest key + value context kept across pieces

char lower_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool identifier_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
}

// std::string::find, through glibc's memmem (much faster on large captures).
std::size_t find(const std::string& s, const std::string& needle, std::size_t from) {
    if (from >= s.size()) return std::string::npos;
    const void* hit = memmem(s.data() + from, s.size() - from, needle.data(), needle.size());
    return hit == nullptr ? std::string::npos : static_cast<std::size_t>(static_cast<const char*>(hit) - s.data());
}

std::size_t skip_spaces(const std::string& s, std::size_t i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
    return i;
}

// The JSON string starting at the quote at `i` (escapes kept), or npos when it is cut off.
std::size_t json_string_end(const std::string& s, std::size_t i) {
    for (std::size_t j = i + 1; j < s.size(); ++j) {
        if (s[j] == '\\') ++j;
        else if (s[j] == '"') return j;
    }
    return std::string::npos;
}

}  // namespace

SecretScanner::SecretScanner(std::vector<std::string> keys, std::vector<std::string> headers, std::vector<std::string> redacted)
    : keys_(std::move(keys)), headers_(std::move(headers)), redacted_(std::move(redacted)) {
    for (auto* list : {&keys_, &headers_, &redacted_})
        for (auto& item : *list) std::transform(item.begin(), item.end(), item.begin(), lower_ascii);
}

bool SecretScanner::redacted(std::string_view value) const {
    if (value.empty()) return true;
    if (std::all_of(value.begin(), value.end(), [](char c) { return c == '*' || c == 'x' || c == ' '; })) return true;
    return std::any_of(redacted_.begin(), redacted_.end(),
                       [&](const std::string& marker) { return value.find(marker) != std::string_view::npos; });
}

void SecretScanner::feed(std::string_view piece) {
    static const auto lower = [] {
        std::array<char, 256> table{};
        for (int c = 0; c < 256; ++c) table[static_cast<std::size_t>(c)] = lower_ascii(static_cast<char>(c));
        return table;
    }();
    const std::size_t kept = window_.size();
    window_.resize(kept + piece.size());
    char* out = window_.data() + kept;
    const auto* in = reinterpret_cast<const unsigned char*>(piece.data());
    for (std::size_t i = 0; i < piece.size(); ++i) out[i] = lower[in[i]];
    // Matches starting in the overlap were looked at already unless they were cut off there.
    scan(window_, kept > kOverlap ? kept - kOverlap : 0);
    if (window_.size() > kOverlap) window_.erase(0, window_.size() - kOverlap);
}

void SecretScanner::finish() { window_.clear(); }

void SecretScanner::scan(const std::string& s, std::size_t from) {
    for (const std::string& key : keys_) {
        for (std::size_t at = find(s, key, from); at != std::string::npos; at = find(s, key, at + 1)) {
            if (at > 0 && identifier_char(s[at - 1])) continue;
            std::size_t after = at + key.size();
            if (after >= s.size()) break;
            if (s[after] == '=') {  // key=value in a query, form or cookie
                std::size_t end = s.find_first_of("&; \t\r\n\"'\\,", after + 1);
                if (end == std::string::npos) end = s.size();
                if (!redacted(std::string_view(s).substr(after + 1, end - after - 1))) found_.insert(key);
            } else if (at > 0 && s[at - 1] == '"') {
                // "key": "value", or \"key\": \"value\" inside a JSON text that is itself a string.
                const bool escaped = at > 1 && s[at - 2] == '\\';
                const std::string quote = escaped ? "\\\"" : "\"";
                if (s.compare(after, quote.size(), quote) != 0) continue;
                std::size_t i = skip_spaces(s, after + quote.size());
                if (i < s.size() && s[i] == ':') {
                    i = skip_spaces(s, i + 1);
                    if (s.compare(i, quote.size(), quote) != 0) continue;
                    std::size_t start = i + quote.size();
                    std::size_t end = escaped ? s.find(quote, start) : json_string_end(s, i);
                    if (end != std::string::npos && !redacted(std::string_view(s).substr(start, end - start)))
                        found_.insert(key);
                } else if (i < s.size() && s[i] == ',') {
                    // HAR pair: the key was a "name"; look at the "value" that follows.
                    std::size_t value_key = s.find("\"value\"", i);
                    if (value_key == std::string::npos || value_key > i + 64) continue;
                    std::size_t j = skip_spaces(s, value_key + 7);
                    if (j >= s.size() || s[j] != ':') continue;
                    j = skip_spaces(s, j + 1);
                    if (j >= s.size() || s[j] != '"') continue;
                    std::size_t end = json_string_end(s, j);
                    if (end != std::string::npos && !redacted(std::string_view(s).substr(j + 1, end - j - 1)))
                        found_.insert(key);
                }
            }
        }
    }
    for (const std::string& header : headers_) {
        const std::string name = "\"" + header + "\"";
        for (std::size_t at = find(s, name, from); at != std::string::npos; at = find(s, name, at + 1)) {
            // {"name": "Cookie", "value": "…"}: the name must be a HAR "name".
            std::size_t before = s.rfind("\"name\"", at);
            if (before == std::string::npos || at - before > 16) continue;
            std::size_t i = skip_spaces(s, at + name.size());
            if (i >= s.size() || s[i] != ',') continue;
            std::size_t value_key = s.find("\"value\"", i);
            if (value_key == std::string::npos || value_key > i + 64) continue;
            std::size_t j = skip_spaces(s, value_key + 7);
            if (j >= s.size() || s[j] != ':') continue;
            j = skip_spaces(s, j + 1);
            if (j >= s.size() || s[j] != '"') continue;
            std::size_t end = json_string_end(s, j);
            if (end == std::string::npos) continue;
            std::string_view value = std::string_view(s).substr(j + 1, end - j - 1);
            if (value.rfind("bearer ", 0) == 0) value.remove_prefix(7);
            if (!redacted(value)) found_.insert(header);
        }
    }
}

}  // namespace jb::validate
