#include "tools/dnevnik-sim/json_text.hpp"

#include <array>

namespace jb::dnevnik_sim {
namespace {

// How many bytes each byte takes inside a JSON string: 1 as is, 2 as \", \\, \b, \f, \n, \r or
// \t, 6 as \u00xx (the other control characters).
constexpr std::array<unsigned char, 256> kEscapedLength = [] {
    std::array<unsigned char, 256> length{};
    for (std::size_t byte = 0; byte < length.size(); ++byte) length[byte] = byte < 0x20 ? 6 : 1;
    for (unsigned char byte : {'"', '\\', '\b', '\f', '\n', '\r', '\t'}) length[byte] = 2;
    return length;
}();

char* write_escaped(char* out, char c) {
    static constexpr std::string_view hex = "0123456789abcdef";
    *out++ = '\\';
    switch (c) {
        case '"': *out++ = '"'; break;
        case '\\': *out++ = '\\'; break;
        case '\b': *out++ = 'b'; break;
        case '\f': *out++ = 'f'; break;
        case '\n': *out++ = 'n'; break;
        case '\r': *out++ = 'r'; break;
        case '\t': *out++ = 't'; break;
        default: {
            auto byte = static_cast<unsigned char>(c);
            for (char digit : {'u', '0', '0', hex[byte >> 4], hex[byte & 0xF]}) *out++ = digit;
        }
    }
    return out;
}

}  // namespace

// Measures first, then writes in place: no growth and no bounds checks per byte.
void append_json_string(std::string& out, std::string_view text) {
    std::size_t length = 2;
    for (char c : text) length += kEscapedLength[static_cast<unsigned char>(c)];
    std::size_t start = out.size();
    out.resize(start + length);
    char* next = out.data() + start;
    *next++ = '"';
    for (char c : text) {
        if (kEscapedLength[static_cast<unsigned char>(c)] == 1)
            *next++ = c;
        else
            next = write_escaped(next, c);
    }
    *next = '"';
}

}  // namespace jb::dnevnik_sim
