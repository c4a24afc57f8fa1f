#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jb {

// One TOML mapping file (mappings/README.md): tables of platform value → canonical value.
// Nested tables are addressed by their dotted name ("attendance", "marks.types"); scalar values
// are kept as text, arrays of scalars as lists.
class MappingFile {
public:
    // Resolves `name` (e.g. "dnevnik/attendance.toml") through mapping_directories() and parses
    // it; throws jb::Error naming the file, line and column of a syntax error.
    static MappingFile load(std::string_view name);
    static MappingFile load_path(const std::string& path);
    static MappingFile parse(std::string_view text, const std::string& path);

    const std::string& path() const { return path_; }
    // The value of `key` in `table`, or nullopt. Keys are matched exactly as written.
    std::optional<std::string> find(std::string_view table, std::string_view key) const;
    const std::map<std::string, std::string, std::less<>>& table(std::string_view name) const;
    const std::vector<std::string>& list(std::string_view table, std::string_view key) const;
    // Line where `table` (or `key` in it, when given) is defined: for messages about a value.
    std::size_t line_of(std::string_view table, std::string_view key = {}) const;
    std::vector<std::string> table_names() const;
    std::vector<std::string> list_names(std::string_view table) const;  // keys of `table` holding lists

private:
    std::string path_;
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> tables_;
    std::map<std::string, std::vector<std::string>, std::less<>> lists_;  // "table\x1fkey"
    std::map<std::string, std::size_t, std::less<>> lines_;               // "table" or "table\x1fkey"
};

// Where mapping files are looked for, first match wins: each directory of $JBRIDGE_MAPPINGS
// (colon-separated; a school's edited copies), then the installed share/jbridge/mappings, then the
// source tree's mappings/.
std::vector<std::string> mapping_directories();
// The first existing file for `name`; throws jb::Error listing the directories searched.
std::string find_mapping_file(std::string_view name);

}  // namespace jb
