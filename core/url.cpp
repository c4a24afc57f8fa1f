#include "core/url.hpp"

namespace jb {
namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<std::string> Url::query_value(std::string_view name) const {
    for (const auto& [key, value] : query) {
        if (key == name) return value;
    }
    return std::nullopt;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            out += ' ';
        } else if (c == '%' && i + 2 < text.size() && hex_digit(text[i + 1]) >= 0 &&
                   hex_digit(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_digit(text[i + 1]) * 16 + hex_digit(text[i + 2]));
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

std::string percent_encode(std::string_view text) {
    static constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
            c == '.' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 15];
        }
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> parse_form(std::string_view text) {
    std::vector<std::pair<std::string, std::string>> pairs;
    while (!text.empty()) {
        const auto amp = text.find('&');
        const auto part = text.substr(0, amp);
        if (!part.empty()) {
            const auto eq = part.find('=');
            if (eq == std::string_view::npos) {
                pairs.emplace_back(percent_decode(part), "");
            } else {
                pairs.emplace_back(percent_decode(part.substr(0, eq)), percent_decode(part.substr(eq + 1)));
            }
        }
        if (amp == std::string_view::npos) break;
        text.remove_prefix(amp + 1);
    }
    return pairs;
}

Url parse_url(std::string_view url) {
    Url result;
    if (const auto hash = url.find('#'); hash != std::string_view::npos) url = url.substr(0, hash);
    if (const auto scheme_end = url.find("://"); scheme_end != std::string_view::npos) {
        result.scheme = std::string(url.substr(0, scheme_end));
        url.remove_prefix(scheme_end + 3);
        const auto host_end = url.find_first_of("/?");
        result.host = std::string(url.substr(0, host_end));
        url = host_end == std::string_view::npos ? std::string_view{} : url.substr(host_end);
    }
    const auto question = url.find('?');
    const auto path = url.substr(0, question);
    if (path.empty()) {
        result.path = "/";
    } else {
        result.path.assign(path.data(), path.size());
    }
    if (question != std::string_view::npos) result.query = parse_form(url.substr(question + 1));
    return result;
}

}  // namespace jb
