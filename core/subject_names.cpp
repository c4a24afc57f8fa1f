#include "core/subject_names.hpp"

#include "core/mapping_file.hpp"

namespace jb {
namespace {

// Appends the lower-case form of one UTF-8 Cyrillic capital (U+0400–U+042F) or copies it.
void append_lower(std::string& out, std::string_view text, std::size_t& i) {
    const auto c0 = static_cast<unsigned char>(text[i]);
    if (c0 < 0x80) {
        out += c0 >= 'A' && c0 <= 'Z' ? static_cast<char>(c0 - 'A' + 'a') : static_cast<char>(c0);
        ++i;
        return;
    }
    if ((c0 == 0xD0) && i + 1 < text.size()) {
        const auto c1 = static_cast<unsigned char>(text[i + 1]);
        unsigned code = ((c0 & 0x1Fu) << 6) | (c1 & 0x3Fu);
        if (code >= 0x410 && code <= 0x42F) {
            code += 0x20;
        } else if (code >= 0x400 && code <= 0x40F) {
            code += 0x50;
        }
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
        i += 2;
        return;
    }
    out += static_cast<char>(c0);
    ++i;
}

bool is_space_at(std::string_view text, std::size_t i, std::size_t& width) {
    const char c = text[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        width = 1;
        return true;
    }
    if (text.substr(i, 2) == "\xC2\xA0") {  // no-break space
        width = 2;
        return true;
    }
    return false;
}

}  // namespace

std::string collapse_spaces(std::string_view text) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t width = 0;
        if (is_space_at(text, i, width)) {
            pending_space = !out.empty();
            i += width;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text[i++];
    }
    return out;
}

std::string subject_match_key(std::string_view name) {
    const std::string collapsed = collapse_spaces(name);
    std::string key;
    key.reserve(collapsed.size());
    for (std::size_t i = 0; i < collapsed.size();) append_lower(key, collapsed, i);
    return key;
}

SubjectNames SubjectNames::from(const MappingFile& file) {
    SubjectNames names;
    // [aliases] "Canonical" = ["alias", …]; a canonical name is an alias of itself.
    for (const auto& canonical : file.list_names("aliases")) {
        names.by_key_[subject_match_key(canonical)] = canonical;
        for (const auto& alias : file.list("aliases", canonical)) names.by_key_[subject_match_key(alias)] = canonical;
    }
    // [groups] group = ["Canonical", …]
    for (const auto& group : file.list_names("groups")) {
        for (const auto& member : file.list("groups", group)) {
            auto& groups = names.group_of_key_[subject_match_key(member)];
            groups += group + '\x1f';
        }
    }
    return names;
}

const SubjectNames& SubjectNames::standard() {
    static const SubjectNames names = from(MappingFile::load("subjects.toml"));
    return names;
}

std::string SubjectNames::canonical(std::string_view raw) const {
    const auto found = by_key_.find(subject_match_key(raw));
    return found == by_key_.end() ? collapse_spaces(raw) : found->second;
}

bool SubjectNames::known(std::string_view raw) const { return by_key_.count(subject_match_key(raw)) > 0; }

bool SubjectNames::in_group(std::string_view canonical_name, std::string_view group) const {
    const auto found = group_of_key_.find(subject_match_key(canonical_name));
    if (found == group_of_key_.end()) return false;
    return found->second.find(std::string(group) + '\x1f') != std::string::npos;
}

}  // namespace jb
