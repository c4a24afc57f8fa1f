#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jb {

std::string base64_encode(std::string_view bytes);
// nullopt when `text` is not base64 (white space between groups is allowed).
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace jb
