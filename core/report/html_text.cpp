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

bool ClassOrder::operator()(const std::string& a, const std::string& b) const {
    if (a.empty() || b.empty()) return !a.empty() && b.empty();
    auto grade = [](const std::string& name, std::size_t& digits) {
        long value = 0;
        for (digits = 0; digits < name.size() && digits < 6 && name[digits] >= '0' && name[digits] <= '9'; ++digits)
            value = value * 10 + (name[digits] - '0');
        return digits ? value : -1;
    };
    std::size_t a_digits = 0, b_digits = 0;
    long a_grade = grade(a, a_digits), b_grade = grade(b, b_digits);
    if (a_grade != b_grade) return a_grade < b_grade;
    return a.compare(a_digits, std::string::npos, b, b_digits, std::string::npos) < 0;
}

}  // namespace jb::report
