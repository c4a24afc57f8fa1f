#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json_fwd.hpp>

// Tolerant readers for NetSchool's JSON: fields come and go between server versions (absent, null,
// number or string), so every getter says "not there" instead of throwing.
namespace jb::netschool {

using nlohmann::json;

// Parses a response body; a malformed one is a jb::Error naming `where` and the byte offset.
json parse_body(std::string_view body, const std::string& where);

std::optional<std::int64_t> get_int(const json& object, std::string_view key);  // number or digits
std::optional<double> get_number(const json& object, std::string_view key);
std::string get_text(const json& object, std::string_view key);  // string or number as text, else ""
bool get_bool(const json& object, std::string_view key);
const json* get_array(const json& object, std::string_view key);   // nullptr when absent or not an array
const json* get_object(const json& object, std::string_view key);  // nullptr when absent or not an object

// "2024-11-11T00:00:00[.fffffff]" (no zone, 0–7 fractional digits, "T00:00" too) → "2024-11-11".
std::optional<std::string> json_date(std::string_view text);
// "08:30" or "08:30:00" → "08:30"; anything else nullopt.
std::optional<std::string> json_time(std::string_view text);

}  // namespace jb::netschool
