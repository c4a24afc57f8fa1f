#include "adapters/bars/bars_text.hpp"

#include <cctype>

#include "core/mark_value.hpp"
#include "core/subject_names.hpp"
#include "core/text_format.hpp"
#include "core/utf8.hpp"

namespace jb::bars {
namespace {

// Decodes the entity starting at text[i] == '&'; returns its length, 0 when it is not one.
std::size_t decode_entity(std::string_view text, std::size_t i, std::string& out) {
    const std::size_t end = text.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return 0;
    const std::string_view name = text.substr(i + 1, end - i - 1);
    static const std::pair<std::string_view, std::string_view> named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "},
        {"laquo", "«"}, {"raquo", "»"}, {"mdash", "—"}, {"ndash", "–"}, {"hellip", "…"}};
    for (const auto& [entity, replacement] : named) {
        if (name == entity) {
            out += replacement;
            return end - i + 1;
        }
    }
    if (name.size() < 2 || name[0] != '#') return 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    unsigned long code = 0;
    for (char c : digits) {
        int digit;
        if (c >= '0' && c <= '9') digit = c - '0';
        else if (hex && c >= 'a' && c <= 'f') digit = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F') digit = c - 'A' + 10;
        else return 0;
        code = code * (hex ? 16u : 10u) + static_cast<unsigned long>(digit);
        if (code > 0x10FFFF) return 0;
    }
    if (code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return end - i + 1;
    append_utf8(out, static_cast<std::uint32_t>(code == 0xA0 ? 0x20 : code));
    return end - i + 1;
}

bool is_zero_width(std::string_view text, std::size_t i) {
    static const std::string_view invisible[] = {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF"};
    for (auto mark : invisible)
        if (text.substr(i, mark.size()) == mark) return true;
    return false;
}

bool is_digits(std::string_view text) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::string clean_text(std::string_view raw) {
    std::string out;
    out.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size();) {
        const char c = raw[i];
        if (c == '<') {
            const std::size_t close = raw.find('>', i);
            const bool tag = close != std::string_view::npos && i + 1 < raw.size() &&
                             (std::isalpha(static_cast<unsigned char>(raw[i + 1])) || raw[i + 1] == '/' || raw[i + 1] == '!');
            if (tag) {
                out += ' ';
                i = close + 1;
                continue;
            }
        }
        if (c == '&') {
            if (std::size_t length = decode_entity(raw, i, out)) {
                i += length;
                continue;
            }
        }
        if (is_zero_width(raw, i)) {
            i += 3;
            continue;
        }
        out += c;
        ++i;
    }
    std::string collapsed = collapse_spaces(out);
    // Decoded entities may have produced new zero-width characters.
    std::string result;
    for (std::size_t i = 0; i < collapsed.size();) {
        if (is_zero_width(collapsed, i)) {
            i += 3;
            continue;
        }
        result += collapsed[i++];
    }
    return result.size() == collapsed.size() ? result : collapse_spaces(result);
}

std::optional<std::string> iso_date(std::string_view text) {
    if (text.size() >= 10 && text[4] == '-') {
        std::string date(text.substr(0, 10));
        if (is_valid_date(date) && (text.size() == 10 || text[10] == 'T' || text[10] == ' ')) return date;
        return std::nullopt;
    }
    if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
        std::string date = std::string(text.substr(6, 4)) + "-" + std::string(text.substr(3, 2)) + "-" +
                           std::string(text.substr(0, 2));
        if (is_valid_date(date)) return date;
    }
    return std::nullopt;
}

std::optional<std::string> clock_time(std::string_view text) {
    if (text.empty()) return std::string{};
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2) return std::nullopt;
    std::string hours(text.substr(0, colon));
    if (hours.size() == 1) hours = "0" + hours;
    if (text.size() < colon + 3) return std::nullopt;
    std::string time = hours + ":" + std::string(text.substr(colon + 1, 2));
    const std::string_view rest = text.substr(colon + 3);
    if (!rest.empty() && !(rest.size() == 3 && rest[0] == ':' && is_digits(rest.substr(1)))) return std::nullopt;
    if (!is_valid_time(time)) return std::nullopt;
    return time;
}

PersonName split_name(std::string_view full) {
    PersonName name;
    const std::string cleaned = clean_text(full);
    std::size_t start = 0;
    int word = 0;
    while (start < cleaned.size()) {
        std::size_t end = cleaned.find(' ', start);
        if (end == std::string::npos) end = cleaned.size();
        std::string part = cleaned.substr(start, end - start);
        // "Кумыков А.Б." holds both initials in one word.
        if (word == 1 && part.size() > 3) {
            const std::size_t dot = part.find('.');
            if (dot != std::string::npos && dot + 1 < part.size() && part.back() == '.' &&
                part.find('.', dot + 1) == part.size() - 1) {
                name.first = part.substr(0, dot + 1);
                name.middle = part.substr(dot + 1);
                word = 3;
                start = end + 1;
                continue;
            }
        }
        if (word == 0) name.last = part;
        else if (word == 1) name.first = part;
        else name.middle += (name.middle.empty() ? "" : " ") + part;
        ++word;
        start = end + 1;
    }
    return name;
}

bool is_abbreviated(const PersonName& name) {
    auto initial = [](const std::string& part) { return part.empty() || part.back() == '.'; };
    return !name.first.empty() && initial(name.first) && initial(name.middle);
}

bool abbreviates(const PersonName& short_form, const PersonName& full) {
    if (!is_abbreviated(short_form) || is_abbreviated(full)) return false;
    if (subject_match_key(short_form.last) != subject_match_key(full.last)) return false;
    auto matches = [](const std::string& initial, const std::string& word) {
        if (initial.empty()) return true;
        const std::string letter = initial.substr(0, initial.size() - 1);  // without the dot
        return !letter.empty() && subject_match_key(word).rfind(subject_match_key(letter), 0) == 0;
    };
    return matches(short_form.first, full.first) && matches(short_form.middle, full.middle);
}

ClassName parse_class_name(std::string_view raw) {
    std::string text = clean_text(raw);
    ClassName result;
    for (std::string_view suffix : {" класс", " кл.", " кл"})
        if (text.size() > suffix.size() && text.ends_with(suffix)) text.resize(text.size() - suffix.size());
    std::size_t i = 0;
    while (i < text.size() && i < 2 && text[i] >= '0' && text[i] <= '9') result.grade = result.grade * 10 + (text[i++] - '0');
    if (i == 0 || (i < text.size() && text[i] >= '0' && text[i] <= '9')) {
        result.grade = 0;
        result.name = text;
        return result;
    }
    while (i < text.size() && (text[i] == ' ' || text[i] == '-' || text[i] == '"')) ++i;
    std::string letter = text.substr(i);
    while (!letter.empty() && letter.back() == '"') letter.pop_back();
    result.letter = letter;
    result.name = std::to_string(result.grade) + letter;
    return result;
}

std::vector<std::string> mark_values(std::string_view raw) {
    std::vector<std::string> values;
    const std::string text = clean_text(raw);
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find_first_of(" ,;", start);
        if (end == std::string::npos) end = text.size();
        std::string token = text.substr(start, end - start);
        start = end + 1;
        if (token.empty()) continue;
        const std::size_t slash = token.find('/');
        if (slash != std::string::npos && token != "н/а") {
            auto left = parse_mark(std::string_view(token).substr(0, slash));
            auto right = parse_mark(std::string_view(token).substr(slash + 1));
            if (left.numeric && right.numeric) {
                values.push_back(token.substr(0, slash));
                values.push_back(token.substr(slash + 1));
                continue;
            }
        }
        values.push_back(token);
    }
    return values;
}

}  // namespace jb::bars
