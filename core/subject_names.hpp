#pragma once
#include <map>
#include <string>
#include <string_view>

namespace jb {

class MappingFile;

// One subject named many ways («Матем.» in a timetable, «Математика» on a report card) becomes one
// canonical name through mappings/subjects.toml, which admins extend. Matching ignores letter case
// (Cyrillic included), repeated white space and white space at the ends.
class SubjectNames {
public:
    static const SubjectNames& standard();  // mappings/subjects.toml, loaded once
    static SubjectNames from(const MappingFile& file);

    // The canonical name, or the cleaned-up raw name when no alias matches (kept, never dropped).
    std::string canonical(std::string_view raw) const;
    bool known(std::string_view raw) const;
    // Whether a canonical subject belongs to a group of subjects.toml's [groups]
    // (e.g. "russian-language-and-literature" for the double-mark rule).
    bool in_group(std::string_view canonical_name, std::string_view group) const;

private:
    std::map<std::string, std::string, std::less<>> by_key_;        // match key → canonical
    std::map<std::string, std::string, std::less<>> group_of_key_;  // match key of a canonical name → groups, '\x1f'-joined
};

// Lower case (ASCII and Cyrillic incl. Ё), single spaces, trimmed: the key subject names match by.
std::string subject_match_key(std::string_view name);
// Trimmed, runs of white space (incl. no-break spaces) collapsed to one space.
std::string collapse_spaces(std::string_view text);

}  // namespace jb
