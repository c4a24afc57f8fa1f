#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/validate/finding.hpp"

namespace jb::validate {

struct RuleSpec;

// A rule as a profile sets it: on or off, its severity and its parameters (text, or lists).
struct RuleSettings {
    bool enabled = false;
    Severity severity = Severity::warning;
    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, std::vector<std::string>, std::less<>> lists;
};

// A validation profile (mappings/profiles/*.toml, docs/validate.md): which rules run, with which
// severity and parameters. Rules a profile does not mention are off.
struct Profile {
    std::string name;
    std::string path;
    std::string description;
    std::map<std::string, RuleSettings, std::less<>> rules;  // by rule id

    const RuleSettings* settings(std::string_view rule_id) const;  // nullptr when off or absent
};

// `name_or_path`: a shipped profile's name («ru-mosreg» → profiles/ru-mosreg.toml through the
// mapping directories) or the path of a school's copy. Throws jb::Error naming the file and line of
// an unknown rule id, an unknown parameter or a value of the wrong kind.
Profile load_profile(std::string_view name_or_path);
Profile parse_profile(std::string_view text, const std::string& path, const std::string& fallback_name);

// Names of the profiles shipped in mappings/profiles/.
std::vector<std::string> shipped_profile_names();

}  // namespace jb::validate
