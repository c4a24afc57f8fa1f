#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

// Reading Dnevnik v2 JSON objects: keys arrive in several casings (camelCase, lowercase
// `journaltype`, PascalCase teachers, hyphenated final-mark keys) and ids exceed 2^53, so every
// id goes through its `*_str` twin or an exact integer, never through a double.
namespace jb::dnevnik {

// Names the place of a value in messages: "capture.har: entry 12 (GET https://…): marks[3].id".
struct Where {
    std::string entry;  // "capture.har: entry 12 (GET https://…)"
    std::string path;   // "marks[3]"
    Where at(std::string_view key) const;
    Where at(std::size_t index) const;
    [[noreturn]] void fail(const std::string& message) const;
};

// The first of `keys` present in `object` (not null), also matching a key that differs only in
// letter case; nullptr when none is.
const nlohmann::json* field(const nlohmann::json& object, std::initializer_list<std::string_view> keys);

// An id: `<key>_str` (or the PascalCase `<Key>Str`) when present, else the integer `<key>`; 0 when
// absent, null or 0. Throws for a fractional or exponent number (a 19-digit id written as 1.8e18
// has lost its digits) and for text that is not a whole number.
std::int64_t id_field(const nlohmann::json& object, std::string_view key, const Where& where);
// An id given as a bare value (an element of `teachers`, a path segment).
std::int64_t id_value(const nlohmann::json& value, const Where& where);
std::optional<std::int64_t> parse_id_text(std::string_view text);
// Ids of an array field, preferring the `<key>_str` twin array.
std::vector<std::int64_t> id_list(const nlohmann::json& object, std::string_view key, const Where& where);

std::string text_field(const nlohmann::json& object, std::initializer_list<std::string_view> keys);
std::optional<std::int64_t> int_field(const nlohmann::json& object, std::initializer_list<std::string_view> keys);
std::optional<bool> bool_field(const nlohmann::json& object, std::initializer_list<std::string_view> keys);

std::string id_text(std::int64_t id);

}  // namespace jb::dnevnik
