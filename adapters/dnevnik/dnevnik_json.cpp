#include "adapters/dnevnik/dnevnik_json.hpp"

#include <charconv>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace jb::dnevnik {

using nlohmann::json;

namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool same_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower(a[i]) != lower(b[i])) return false;
    return true;
}

const json* find_key(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    if (auto it = object.find(key); it != object.end()) return it->is_null() ? nullptr : &*it;
    for (auto it = object.begin(); it != object.end(); ++it)
        if (same_ignoring_case(it.key(), key)) return it->is_null() ? nullptr : &*it;
    return nullptr;
}

std::string describe(const json& value) {
    std::string text = value.dump();
    return text.size() > 40 ? text.substr(0, 40) + "…" : text;
}

}  // namespace

Where Where::at(std::string_view key) const { return {entry, path.empty() ? std::string(key) : path + "." + std::string(key)}; }
Where Where::at(std::size_t index) const { return {entry, path + "[" + std::to_string(index) + "]"}; }

void Where::fail(const std::string& message) const { throw Error(entry + ": " + (path.empty() ? "" : path + ": ") + message); }

const json* field(const json& object, std::initializer_list<std::string_view> keys) {
    for (std::string_view key : keys)
        if (const json* found = find_key(object, key)) return found;
    return nullptr;
}

std::optional<std::int64_t> parse_id_text(std::string_view text) {
    std::int64_t id = 0;
    if (text.empty()) return std::nullopt;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (ec != std::errc{} || end != text.data() + text.size() || id < 0) return std::nullopt;
    return id;
}

std::int64_t id_value(const json& value, const Where& where) {
    if (value.is_null()) return 0;
    if (value.is_number_unsigned()) {
        if (value.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)) where.fail("id " + describe(value) + " is beyond int64");
        return static_cast<std::int64_t>(value.get<std::uint64_t>());
    }
    if (value.is_number_integer()) {
        if (value.get<std::int64_t>() < 0) where.fail("negative id " + describe(value));
        return value.get<std::int64_t>();
    }
    if (value.is_number_float())
        where.fail("id " + describe(value) + " is written with a fraction or an exponent and has lost its digits; ids are "
                   "whole numbers (the platform's *_str twin is missing)");
    if (value.is_string()) {
        if (value.get_ref<const std::string&>().empty()) return 0;
        if (auto id = parse_id_text(value.get_ref<const std::string&>())) return *id;
        where.fail("id " + describe(value) + " is not a whole number");
    }
    where.fail("expected an id, found " + describe(value));
}

std::int64_t id_field(const json& object, std::string_view key, const Where& where) {
    std::string twin = std::string(key) + "_str";
    std::string pascal_twin = std::string(key) + "Str";
    if (const json* text = field(object, {twin, pascal_twin})) return id_value(*text, where.at(twin));
    if (const json* number = field(object, {key})) return id_value(*number, where.at(key));
    return 0;
}

std::vector<std::int64_t> id_list(const json& object, std::string_view key, const Where& where) {
    std::vector<std::int64_t> ids;
    std::string twin = std::string(key) + "_str";
    const json* list = field(object, {twin});
    Where place = where.at(twin);
    if (!list || !list->is_array()) {
        list = field(object, {key});
        place = where.at(key);
    }
    if (!list) return ids;
    if (!list->is_array()) place.fail("expected an array of ids");
    for (std::size_t i = 0; i < list->size(); ++i) {
        if (std::int64_t id = id_value((*list)[i], place.at(i))) ids.push_back(id);
    }
    return ids;
}

std::string text_field(const json& object, std::initializer_list<std::string_view> keys) {
    const json* value = field(object, keys);
    if (!value) return {};
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number_integer() || value->is_number_unsigned()) return value->dump();
    return {};
}

std::optional<std::int64_t> int_field(const json& object, std::initializer_list<std::string_view> keys) {
    const json* value = field(object, keys);
    if (!value) return std::nullopt;
    if (value->is_number_integer() && !value->is_number_unsigned()) return value->get<std::int64_t>();
    if (value->is_number_unsigned() && value->get<std::uint64_t>() <= static_cast<std::uint64_t>(INT64_MAX))
        return static_cast<std::int64_t>(value->get<std::uint64_t>());
    if (value->is_string()) {
        const auto& text = value->get_ref<const std::string&>();
        std::int64_t number = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (ec == std::errc{} && end == text.data() + text.size()) return number;
    }
    return std::nullopt;
}

std::optional<bool> bool_field(const json& object, std::initializer_list<std::string_view> keys) {
    const json* value = field(object, keys);
    if (!value || !value->is_boolean()) return std::nullopt;
    return value->get<bool>();
}

std::string id_text(std::int64_t id) { return std::to_string(id); }

}  // namespace jb::dnevnik
