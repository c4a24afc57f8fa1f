#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace jb {

// UTF-8 text as windows-1251 bytes (NetSchool's password hash, pages of older servers); nullopt
// when the text has a character windows-1251 cannot hold. Throws jb::Error when the system's
// iconv lacks the charset.
std::optional<std::string> to_windows_1251(std::string_view utf8);

}  // namespace jb
