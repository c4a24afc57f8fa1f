#include "core/report/html_text.hpp"

#include <cmath>
#include <cstdio>

namespace jb::report {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string russian_number(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    std::string text = buffer;
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') text.pop_back();
        if (text.back() == '.') text.pop_back();
    }
    for (char& c : text)
        if (c == '.') c = ',';
    if (text == "-0") text = "0";
    return text;
}

std::string percent_text(std::int64_t part, std::int64_t whole) {
    if (whole == 0) return "—";
    return russian_number(100.0 * static_cast<double>(part) / static_cast<double>(whole)) + "\u00a0%";
}

}  // namespace jb::report
