#include "tools/dnevnik-sim/json_text.hpp"

#include <algorithm>

namespace jb::dnevnik_sim {
namespace {

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20; }

void append_escaped(std::string& out, char c) {
    switch (c) {
        case '"': out += "\\\""; return;
        case '\\': out += "\\\\"; return;
        case '\b': out += "\\b"; return;
        case '\f': out += "\\f"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        case '\t': out += "\\t"; return;
        default: {
            static constexpr std::string_view hex = "0123456789abcdef";
            auto byte = static_cast<unsigned char>(c);
            out += "\\u00";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        }
    }
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    out += '"';
    auto plain_from = text.begin();
    while (plain_from != text.end()) {
        auto special = std::find_if(plain_from, text.end(), needs_escape);
        out.append(plain_from, special);
        if (special == text.end()) break;
        append_escaped(out, *special);
        plain_from = special + 1;
    }
    out += '"';
}

}  // namespace jb::dnevnik_sim
