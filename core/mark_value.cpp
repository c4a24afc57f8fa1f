#include "core/mark_value.hpp"

namespace jb {
namespace {

std::string_view trim(std::string_view text) {
    auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

MarkValue parse_mark(std::string_view raw) {
    MarkValue mark;
    mark.raw = std::string(raw);
    std::string_view text = trim(raw);
    std::string_view digits = text;
    if (!digits.empty() && (digits.back() == '+' || digits.back() == '-')) {
        mark.modifier = std::string(1, digits.back());
        digits.remove_suffix(1);
    }
    if (digits.size() == 1 && digits[0] >= '0' && digits[0] <= '9') {
        mark.value = std::string(digits);
        mark.numeric = digits[0] - '0';
        return mark;
    }
    mark.modifier.clear();
    mark.value = std::string(text);
    if (mark.value == "зачёт" || mark.value == "Зачёт" || mark.value == "Зачет") mark.value = "зачет";
    return mark;
}

std::vector<MarkValue> split_double_mark(std::string_view raw) {
    std::vector<MarkValue> marks;
    std::size_t slash = raw.find('/');
    if (slash == std::string_view::npos || raw == "н/а") {
        marks.push_back(parse_mark(raw));
        return marks;
    }
    marks.push_back(parse_mark(raw.substr(0, slash)));
    marks.push_back(parse_mark(raw.substr(slash + 1)));
    return marks;
}

}  // namespace jb
