#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

// Tolerant access to БАРС JSON: servers of different years add, drop and retype fields, so a
// missing or differently typed field reads as empty instead of throwing.
namespace jb::bars {

using nlohmann::json;

std::string text_of(const json& value);  // strings as written, integers in decimal, else ""
std::string text_at(const json& object, std::string_view key);
const json& array_at(const json& object, std::string_view key);   // [] when absent or not an array
const json& object_at(const json& object, std::string_view key);  // {} when absent or not an object
const json& element(const json& array, std::size_t index);        // null when out of range
bool flag_at(const json& object, std::string_view key);            // true, "true", 1
bool has_key(const json& object, std::string_view key);
std::optional<int> small_number(const json& value);  // 0…9999 as a number or digit string

}  // namespace jb::bars
