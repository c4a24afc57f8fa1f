#include "adapters/bars/bars_json.hpp"

#include <nlohmann/json.hpp>

namespace jb::bars {
namespace {

const json& null_value() {
    static const json value;
    return value;
}

const json* member(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

}  // namespace

std::string text_of(const json& value) {
    if (value.is_string()) return value.get<std::string>();
    if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
    if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
    return {};
}

std::string text_at(const json& object, std::string_view key) {
    const json* value = member(object, key);
    return value ? text_of(*value) : std::string{};
}

const json& array_at(const json& object, std::string_view key) {
    static const json empty = json::array();
    const json* value = member(object, key);
    return value && value->is_array() ? *value : empty;
}

const json& object_at(const json& object, std::string_view key) {
    static const json empty = json::object();
    const json* value = member(object, key);
    return value && value->is_object() ? *value : empty;
}

const json& element(const json& array, std::size_t index) {
    if (!array.is_array() || index >= array.size()) return null_value();
    return array[index];
}

bool flag_at(const json& object, std::string_view key) {
    const json* value = member(object, key);
    if (!value) return false;
    if (value->is_boolean()) return value->get<bool>();
    if (value->is_number_integer()) return value->get<std::int64_t>() != 0;
    if (value->is_string()) return value->get<std::string>() == "true";
    return false;
}

bool has_key(const json& object, std::string_view key) { return member(object, key) != nullptr; }

std::optional<int> small_number(const json& value) {
    std::string text = text_of(value);
    if (text.empty() || text.size() > 4) return std::nullopt;
    int number = 0;
    for (char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        number = number * 10 + (c - '0');
    }
    return number;
}

}  // namespace jb::bars
