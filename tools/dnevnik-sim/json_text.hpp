#pragma once
#include <string>
#include <string_view>

namespace jb::dnevnik_sim {

// Appends `text` (valid UTF-8) as a JSON string literal, escaped as nlohmann::json::dump escapes.
void append_json_string(std::string& out, std::string_view text);

}  // namespace jb::dnevnik_sim
