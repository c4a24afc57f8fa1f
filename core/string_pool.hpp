#pragma once
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

namespace jb {

// Short values that repeat across a capture (types, mark systems, dates) stored once each; a use
// costs a 4-byte token instead of a string.
class StringPool {
public:
    using Token = std::uint32_t;  // 0 stands for ""

    Token intern(std::string_view text);
    const std::string& text(Token token) const { return texts_.at(token); }

private:
    std::deque<std::string> texts_{std::string()};  // a deque: the map's views stay valid
    std::unordered_map<std::string_view, Token> tokens_;
};

}  // namespace jb
