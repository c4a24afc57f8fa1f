#include "core/net/scrub.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/url.hpp"

namespace jb::net {
namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// name=value&name=value with the values of secret names replaced.
std::string scrub_pairs(std::string_view text) {
    std::string out;
    std::size_t begin = 0;
    while (begin <= text.size()) {
        std::size_t end = text.find('&', begin);
        if (end == std::string_view::npos) end = text.size();
        std::string_view pair = text.substr(begin, end - begin);
        std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && is_secret_field(percent_decode(pair.substr(0, equals))))
            out += std::string(pair.substr(0, equals + 1)) + percent_encode(kScrubbed);
        else
            out += pair;
        if (end == text.size()) break;
        out += '&';
        begin = end + 1;
    }
    return out;
}

// Returns how many members were replaced.
int scrub_json(nlohmann::json& value) {
    int replaced = 0;
    if (value.is_object()) {
        for (auto& [key, member] : value.items()) {
            if (is_secret_field(key) && (member.is_string() || member.is_number())) {
                member = std::string(kScrubbed);
                ++replaced;
            } else {
                replaced += scrub_json(member);
            }
        }
    } else if (value.is_array()) {
        for (auto& element : value) replaced += scrub_json(element);
    }
    return replaced;
}

}  // namespace

bool is_secret_header(std::string_view name) {
    std::string key = lower(name);
    return key == "authorization" || key == "proxy-authorization" || key == "cookie" || key == "set-cookie" ||
           key == "access-token" || key.ends_with("-token") || key.ends_with("-api-key") || key == "x-auth" ||
           key == "at";  // NetSchool's session token
}

bool is_secret_field(std::string_view name) {
    std::string key = lower(name);
    key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == '_' || c == '-'; }), key.end());
    while (!key.empty() && key.back() >= '0' && key.back() <= '9') key.pop_back();  // main_password2
    return key == "accesstoken" || key == "refreshtoken" || key == "token" || key == "idtoken" || key == "password" ||
           key == "passwd" || key == "pwd" || key == "clientsecret" || key == "secret" ||
           key == "apikey" || key.ends_with("password") || key == "pw" || key == "pw2" || key == "authtoken" ||
           key == "sessionid" || key == "nssessionid" || key == "esrnsec" || key == "jsessionid" || key == "phpsessid" || key == "at";
}

std::string scrub_url(std::string_view url) {
    std::size_t hash = url.find('#');
    std::string_view before_hash = url.substr(0, hash);
    std::size_t question = before_hash.find('?');
    std::string out(before_hash.substr(0, question));
    if (question != std::string_view::npos) out += "?" + scrub_pairs(before_hash.substr(question + 1));
    if (hash != std::string_view::npos) out += "#" + scrub_pairs(url.substr(hash + 1));  // implicit-grant tokens
    return out;
}

std::string scrub_body(std::string_view body, std::string_view content_type) {
    std::string type = lower(content_type);
    if (type.find("x-www-form-urlencoded") != std::string::npos) return scrub_pairs(body);
    if (type.find("json") != std::string::npos || (!body.empty() && (body.front() == '{' || body.front() == '['))) {
        nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
        if (parsed.is_discarded()) return std::string(body);
        scrub_json(parsed);
        return parsed.dump();
    }
    return std::string(body);
}

bool may_hold_secret_member(std::string_view body) {
    std::size_t first = body.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || (body[first] != '{' && body[first] != '[')) return false;
    // Every name is_secret_field() accepts contains one of these (lower case), or is "pw…"/"at".
    static constexpr std::string_view words[] = {"token", "password", "passwd", "secret", "session", "sessid",
                                                 "esrnsec", "apikey", "api_key", "api-key", "\"pw", "\"at\""};
    auto lower_at = [&](std::size_t i) {
        char c = body[i];
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    for (std::size_t i = first; i < body.size(); ++i) {
        char c = lower_at(i);
        if (c != 't' && c != 'p' && c != 's' && c != 'e' && c != 'a' && c != '"') continue;
        for (std::string_view word : words) {
            if (word[0] != c || word.size() > body.size() - i) continue;
            std::size_t j = 1;
            while (j < word.size() && lower_at(i + j) == word[j]) ++j;
            if (j == word.size()) return true;
        }
    }
    return false;
}

std::optional<std::string> scrub_json_answer(std::string_view body) {
    if (!may_hold_secret_member(body)) return std::nullopt;
    nlohmann::json parsed = nlohmann::json::parse(body, nullptr, false);
    if (parsed.is_discarded() || scrub_json(parsed) == 0) return std::nullopt;
    return parsed.dump();
}

}  // namespace jb::net
