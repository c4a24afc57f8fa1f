#include "adapters/netschool/netschool_json.hpp"

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/text_format.hpp"

namespace jb::netschool {

json parse_body(std::string_view body, const std::string& where) {
    try {
        return json::parse(body);
    } catch (const json::exception& e) {
        std::string message = e.what();
        auto bracket = message.find("] ");
        if (bracket != std::string::npos) message = message.substr(bracket + 2);
        throw Error(where + ": malformed JSON: " + message);
    }
}

std::optional<std::int64_t> get_int(const json& object, std::string_view key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end()) return std::nullopt;
    if (it->is_number_integer()) {
        if (it->is_number_unsigned() && it->get<std::uint64_t>() > std::uint64_t{INT64_MAX}) return std::nullopt;
        return it->get<std::int64_t>();
    }
    if (it->is_string()) {
        const auto& text = it->get_ref<const std::string&>();
        if (text.empty() || text.size() > 18) return std::nullopt;
        std::int64_t value = 0;
        std::size_t i = text[0] == '-' ? 1 : 0;
        if (i == text.size()) return std::nullopt;
        for (; i < text.size(); ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return text[0] == '-' ? -value : value;
    }
    return std::nullopt;
}

std::optional<double> get_number(const json& object, std::string_view key) {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(key);
    if (it == object.end() || !it->is_number()) return std::nullopt;
    return it->get<double>();
}

std::string get_text(const json& object, std::string_view key) {
    if (!object.is_object()) return "";
    auto it = object.find(key);
    if (it == object.end()) return "";
    if (it->is_string()) return it->get<std::string>();
    if (it->is_number_integer()) return it->dump();
    return "";
}

bool get_bool(const json& object, std::string_view key) {
    if (!object.is_object()) return false;
    auto it = object.find(key);
    return it != object.end() && it->is_boolean() && it->get<bool>();
}

const json* get_array(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it != object.end() && it->is_array() ? &*it : nullptr;
}

const json* get_object(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it != object.end() && it->is_object() ? &*it : nullptr;
}

std::optional<std::string> json_date(std::string_view text) {
    if (text.size() < 10) return std::nullopt;
    std::string date(text.substr(0, 10));
    if (!is_valid_date(date)) return std::nullopt;
    std::string_view rest = text.substr(10);
    if (rest.empty()) return date;
    if (rest[0] != 'T' && rest[0] != ' ') return std::nullopt;
    rest.remove_prefix(1);
    // HH:MM[:SS[.f{0,7}]], with no zone as NetSchool writes it; a trailing Z is tolerated.
    if (!rest.empty() && rest.back() == 'Z') rest.remove_suffix(1);
    auto two_digits = [&](std::size_t at) {
        return rest.size() >= at + 2 && rest[at] >= '0' && rest[at] <= '9' && rest[at + 1] >= '0' && rest[at + 1] <= '9';
    };
    if (!two_digits(0) || rest.size() < 5 || rest[2] != ':' || !two_digits(3)) return std::nullopt;
    if (rest.size() == 5) return date;
    if (rest[5] != ':' || !two_digits(6)) return std::nullopt;
    if (rest.size() == 8) return date;
    if (rest[8] != '.' || rest.size() > 16) return std::nullopt;
    for (std::size_t i = 9; i < rest.size(); ++i)
        if (rest[i] < '0' || rest[i] > '9') return std::nullopt;
    return date;
}

std::optional<std::string> json_time(std::string_view text) {
    if (text.size() == 8 && text[5] == ':') text = text.substr(0, 5);
    if (text.size() != 5) return std::nullopt;
    std::string time(text);
    if (!is_valid_time(time)) return std::nullopt;
    return time;
}

}  // namespace jb::netschool
