#include "core/validate/text_checks.hpp"

#include <algorithm>

#include "core/subject_names.hpp"

namespace jb::validate {
namespace {

// Decodes one UTF-8 code point at `pos` and advances; invalid bytes come back as themselves.
char32_t next_code_point(std::string_view text, std::size_t& pos) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(pos);
    int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
    if (extra <= 0 || pos + static_cast<std::size_t>(extra) >= text.size()) {
        ++pos;
        return lead;
    }
    char32_t cp = lead & (0x3F >> extra);
    for (int i = 1; i <= extra; ++i) cp = (cp << 6) | (byte(pos + static_cast<std::size_t>(i)) & 0x3F);
    pos += static_cast<std::size_t>(extra) + 1;
    return cp;
}

bool is_cyrillic(char32_t c) { return (c >= 0x0400 && c <= 0x052F); }
bool is_latin(char32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }
bool is_letter(char32_t c) { return is_cyrillic(c) || is_latin(c) || (c >= 0x370 && c <= 0x3FF); }
bool is_lower(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0x430 && c <= 0x45F) || (c >= 0x4D9 && c <= 0x4E9 && (c & 1)); }

struct Word {
    std::string text;  // as written, incl. a trailing dot
    std::size_t letters = 0;
    bool dotted = false;
    bool starts_lower = false;
};

// Words of letters (hyphen inside allowed); a word keeps its dot when one follows directly.
std::vector<Word> words_of(std::string_view text) {
    std::vector<Word> words;
    std::size_t pos = 0;
    Word current;
    auto flush = [&] {
        if (current.letters > 0) words.push_back(current);
        current = Word{};
    };
    while (pos < text.size()) {
        std::size_t start = pos;
        char32_t c = next_code_point(text, pos);
        if (is_letter(c)) {
            if (current.dotted) flush();
            if (current.letters == 0) current.starts_lower = is_lower(c);
            current.text.append(text.substr(start, pos - start));
            ++current.letters;
        } else if (c == '.' && current.letters > 0 && !current.dotted) {
            current.text += '.';
            current.dotted = true;
        } else if (c == '-' && current.letters > 0 && !current.dotted) {
            current.text += '-';
        } else {
            flush();
        }
    }
    flush();
    return words;
}

}  // namespace

bool has_cyrillic_letter(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();)
        if (is_cyrillic(next_code_point(text, pos))) return true;
    return false;
}

bool has_non_cyrillic_letter(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        char32_t c = next_code_point(text, pos);
        if (is_letter(c) && !is_cyrillic(c)) return true;
    }
    return false;
}

std::string topic_key(std::string_view topic) {
    std::string kept;
    for (std::size_t pos = 0; pos < topic.size();) {
        std::size_t start = pos;
        char32_t c = next_code_point(topic, pos);
        if (is_letter(c)) kept.append(topic.substr(start, pos - start));
        else kept += ' ';
    }
    return subject_match_key(kept);
}

std::vector<std::string> abbreviated_words(std::string_view topic, const std::vector<std::string>& abbreviations,
                                           const std::vector<std::string>& allowed, bool pattern) {
    std::vector<std::string> found;
    std::vector<Word> words = words_of(topic);
    auto listed = [](const std::vector<std::string>& list, const std::string& key) {
        return std::any_of(list.begin(), list.end(), [&](const std::string& item) { return subject_match_key(item) == key; });
    };
    for (std::size_t i = 0; i < words.size(); ++i) {
        const Word& w = words[i];
        if (!w.dotted) continue;
        const std::string key = subject_match_key(w.text);
        if (listed(allowed, key)) continue;
        bool hit = listed(abbreviations, key);
        if (!hit && pattern && w.letters >= 2 && i + 1 < words.size() && words[i + 1].starts_lower) hit = true;
        if (hit) found.push_back(w.text);
    }
    return found;
}

bool is_initials(std::string_view part) {
    if (part.empty()) return false;
    std::size_t pos = 0;
    int letters_in_row = 0;
    bool any_dot = false;
    while (pos < part.size()) {
        char32_t c = next_code_point(part, pos);
        if (is_letter(c)) {
            if (++letters_in_row > 1) return false;
        } else if (c == '.') {
            if (letters_in_row == 0) return false;
            letters_in_row = 0;
            any_dot = true;
        } else if (c != ' ') {
            return false;
        }
    }
    return any_dot || letters_in_row == 1;
}

bool name_is_abbreviated(std::string_view last, std::string_view first, std::string_view middle) {
    const std::string first_clean = collapse_spaces(first), middle_clean = collapse_spaces(middle);
    const std::string last_clean = collapse_spaces(last);
    if (first_clean.empty()) {
        // «Иванов И.И.» kept whole in the surname, or a surname alone.
        return true;
    }
    if (is_initials(first_clean) || (!middle_clean.empty() && is_initials(middle_clean))) return true;
    auto space = last_clean.rfind(' ');
    return space != std::string::npos && is_initials(std::string_view(last_clean).substr(space + 1));
}

}  // namespace jb::validate
